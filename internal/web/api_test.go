package web

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

type searchAnswer struct {
	Entities  []Suggestion `json:"entities"`
	Truncated bool         `json:"truncated"`
}

func TestSearch(t *testing.T) {
	ts, _ := testServer(t, Options{})
	var st Status
	get(t, ts.URL+"/api/v1/status", &st)
	for _, tc := range []struct {
		q, want string
	}{
		{"Harb", "Harbor Networks"},
		{"harbor n", "Harbor Networks"},
		{"HARBOR", "Harbor Networks"},
		{"ÉLÉNA", "Elena Park"},                  // accents and case folded
		{"park", "Elena Park"},                   // a later word of the name
		{"treasury  dep", "Treasury Department"}, // spacing
	} {
		t.Run(tc.q, func(t *testing.T) {
			var got searchAnswer
			res := get(t, ts.URL+"/api/v1/search?q="+url.QueryEscape(tc.q), &got)
			if res.StatusCode != http.StatusOK || len(got.Entities) == 0 {
				t.Fatalf("search %q: status %d, %d entities", tc.q, res.StatusCode, len(got.Entities))
			}
			if got.Entities[0].Name != tc.want {
				t.Errorf("search %q: first %q, want %q (of %v)", tc.q, got.Entities[0].Name, tc.want, got.Entities)
			}
			if res.Header.Get("KG-Snapshot") == "" {
				t.Errorf("search %q: no KG-Snapshot header", tc.q)
			}
		})
	}
	// Ranked by mentions, most first (none of these is named exactly).
	var got searchAnswer
	get(t, ts.URL+"/api/v1/search?q=h&limit=50", &got)
	if len(got.Entities) < 3 {
		t.Fatalf("search h: %d entities, want several", len(got.Entities))
	}
	if !slices.IsSortedFunc(got.Entities, func(a, b Suggestion) int { return b.Mentions - a.Mentions }) {
		t.Errorf("search h: not by mentions, most first: %v", got.Entities)
	}
	// limit cuts, and says so.
	get(t, ts.URL+"/api/v1/search?q=h&limit=1", &got)
	if len(got.Entities) != 1 || !got.Truncated {
		t.Errorf("search h, limit 1: %d entities, truncated %v; want 1, true", len(got.Entities), got.Truncated)
	}
}

// TestSearchAlias: an entity is found by a word of an alias that its name
// does not have.
func TestSearchAlias(t *testing.T) {
	db := testDB(t)
	s, err := graph.Open(t.Context(), graph.Options{Path: db, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(t.Context())
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	var ent schema.EntityInfo
	var word, alias string
	for _, e := range snap.Entities {
		for _, a := range e.Aliases {
			for _, w := range strings.Fields(fold(a)) {
				if len(w) > 3 && !strings.Contains(fold(e.Name), w) {
					ent, word, alias = e, w, a
				}
			}
		}
	}
	if word == "" {
		t.Skip("no entity of the example has an alias with a word of its own")
	}
	ts, _ := testServer(t, Options{Store: graph.Options{Path: db}})
	var got searchAnswer
	get(t, ts.URL+"/api/v1/search?limit=50&q="+url.QueryEscape(word[:len(word)-1]), &got)
	i := slices.IndexFunc(got.Entities, func(s Suggestion) bool { return s.ID == ent.ID })
	if i < 0 {
		t.Fatalf("search %q: %s (alias %q) not found in %v", word, ent.Name, alias, got.Entities)
	}
	if got.Entities[i].Matched == ent.Name {
		t.Errorf("search %q: matched %q, want the alias", word, got.Entities[i].Matched)
	}
}

func TestAnalysisAPI(t *testing.T) {
	ts, _ := testServer(t, Options{})
	var nb struct {
		Entity    schema.Node        `json:"entity"`
		Neighbors []analyze.Neighbor `json:"neighbors"`
	}
	get(t, ts.URL+"/api/v1/neighbors?name=Gulf+Systems", &nb)
	if nb.Entity.Name != "Gulf Systems" || !slices.ContainsFunc(nb.Neighbors, func(n analyze.Neighbor) bool { return n.Name == "Treasury Department" }) {
		t.Errorf("neighbors of Gulf Systems: %+v, want Treasury Department among them", nb)
	}
	// By ID, as the page asks.
	var byID struct {
		Neighbors []analyze.Neighbor `json:"neighbors"`
	}
	get(t, ts.URL+"/api/v1/neighbors?name="+url.QueryEscape(nb.Entity.ID), &byID)
	if len(byID.Neighbors) != len(nb.Neighbors) {
		t.Errorf("neighbors by ID: %d, by name %d", len(byID.Neighbors), len(nb.Neighbors))
	}

	var ps struct {
		Paths []analyze.Path `json:"paths"`
	}
	get(t, ts.URL+"/api/v1/paths?from=Elena+Park&to=Trade+Department", &ps)
	if len(ps.Paths) == 0 {
		t.Fatal("paths from Elena Park to Trade Department: none")
	}
	for _, p := range ps.Paths {
		if p.Entities[0].Name != "Elena Park" || p.Entities[len(p.Entities)-1].Name != "Trade Department" {
			t.Errorf("path %v: want it from Elena Park to Trade Department", p.Entities)
		}
		for _, h := range p.Hops {
			for _, f := range h.Facts {
				if len(f.Evidence) == 0 || f.Evidence[0].Text == "" {
					t.Errorf("path hop %s: no sentence", f.Relation)
				}
			}
		}
	}

	var edge struct {
		Fact analyze.Fact `json:"fact"`
	}
	get(t, ts.URL+"/api/v1/edge?from=Treasury+Department&relation=sanction&to=Gulf+Systems", &edge)
	if len(edge.Fact.Evidence) == 0 || !strings.Contains(edge.Fact.Evidence[0].Text, "sanctioned by the Treasury Department") {
		t.Errorf("edge Treasury Department sanction Gulf Systems: %+v", edge.Fact)
	}

	var facts struct {
		Entity schema.EntityInfo `json:"entity"`
		Facts  []analyze.Step    `json:"facts"`
	}
	get(t, ts.URL+"/api/v1/facts?name=Gulf+Systems", &facts)
	if facts.Entity.Name != "Gulf Systems" || len(facts.Facts) == 0 {
		t.Errorf("facts of Gulf Systems: %+v", facts)
	}

	var rank struct {
		Entities []analyze.Score `json:"entities"`
	}
	get(t, ts.URL+"/api/v1/rank?by=pagerank&n=5", &rank)
	if len(rank.Entities) != 5 || rank.Entities[0].Rank != 1 {
		t.Errorf("rank by pagerank, 5: %+v", rank.Entities)
	}
}

// TestErrors: each mistake gets its status and a JSON message.
func TestErrors(t *testing.T) {
	ts, _ := testServer(t, Options{})
	for _, tc := range []struct {
		method, path, body string
		status             int
	}{
		{"GET", "/api/v1/neighbors?name=Nobody+At+All", "", 404},
		{"GET", "/api/v1/neighbors?name=kg:entity/nobody", "", 404},
		{"GET", "/api/v1/neighbors", "", 400},
		{"GET", "/api/v1/neighbors?name=Gulf+Systems&depth=9", "", 400},
		{"GET", "/api/v1/neighbors?name=Gulf+Systems&min_confidence=2", "", 400},
		{"GET", "/api/v1/neighbors?name=Gulf+Systems&since=yesterday", "", 400},
		{"GET", "/api/v1/paths?from=Elena+Park&to=Nobody+At+All", "", 404},
		{"GET", "/api/v1/paths?from=Elena+Park&to=Gulf+Systems&k=0", "", 400},
		{"GET", "/api/v1/edge?from=Elena+Park&relation=sanction&to=Gulf+Systems", "", 404},
		{"GET", "/api/v1/rank?by=fame", "", 400},
		{"GET", "/api/v1/search?limit=x&q=a", "", 400},
		{"GET", "/api/v1/view?ids=kg:entity/nobody", "", 404},
		{"GET", "/api/v1/export?format=pdf", "", 400},
		{"GET", "/api/v1/nothing", "", 404},
		{"GET", "/api/v1/query", "", 405},
		{"DELETE", "/api/v1/search?q=a", "", 405},
		{"POST", "/api/v1/query", `{"query": "g.V(("}`, 400},
		{"POST", "/api/v1/query", `{"query": ""}`, 400},
		{"POST", "/api/v1/query", `{"query": "g.V().All()", "write": true}`, 400},
		{"POST", "/api/v1/query", `not json`, 400},
		{"POST", "/api/v1/query", `{"query": "g.V().All()", "limit": 100000000}`, 400},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, ts.URL+tc.path, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var e errorBody
			decode(t, res, &e)
			if res.StatusCode != tc.status || e.Status != tc.status || e.Error == "" {
				t.Errorf("got %d %+v, want %d with a message", res.StatusCode, e, tc.status)
			}
			if strings.Contains(e.Error, "internal") {
				t.Errorf("the user's mistake called internal: %q", e.Error)
			}
		})
	}
}

func TestQuery(t *testing.T) {
	ts, _ := testServer(t, Options{})
	var got struct {
		Results   []map[string]any `json:"results"`
		Truncated bool             `json:"truncated"`
	}
	res := post(t, ts.URL+"/api/v1/query", `{"query": "g.V().Has(\"<kg:type>\", \"ORG\").Out(\"<kg:name>\").All()", "limit": 2}`, &got)
	if res.StatusCode != 200 || len(got.Results) != 2 || !got.Truncated {
		t.Errorf("ORG names, limit 2: status %d, %d results, truncated %v; want 200, 2, true", res.StatusCode, len(got.Results), got.Truncated)
	}
	post(t, ts.URL+"/api/v1/query", `{"query": "g.V().Has(\"<kg:name>\", \"Gulf Systems\").Out(\"<kg:type>\").All()"}`, &got)
	if len(got.Results) != 1 || got.Results[0]["id"] != "ORG" || got.Truncated {
		t.Errorf("type of Gulf Systems: %+v, want ORG", got)
	}
}

// TestView: the view is drawn by Graphviz, and its edgeN is the answer's
// edges[N-1], which the page relies on to open an edge's sentences.
func TestView(t *testing.T) {
	ts, _ := testServer(t, Options{})
	ids := "kg:entity/gulf_systems,kg:entity/treasury_department,kg:entity/tehran"
	var got struct {
		SVG   string        `json:"svg"`
		Nodes []schema.Node `json:"nodes"`
		Edges []ViewEdge    `json:"edges"`
	}
	get(t, ts.URL+"/api/v1/view?ids="+url.QueryEscape(ids), &got)
	if len(got.Nodes) != 3 || len(got.Edges) < 2 || !strings.Contains(got.SVG, "<svg") {
		t.Fatalf("view: %d nodes, %d edges, svg %d bytes", len(got.Nodes), len(got.Edges), len(got.SVG))
	}
	title := regexp.MustCompile(`<g id="edge(\d+)" class="edge">\s*<title>([^<]*)</title>`)
	n := 0
	for _, m := range title.FindAllStringSubmatch(got.SVG, -1) {
		i := 0
		for _, c := range m[1] {
			i = i*10 + int(c-'0')
		}
		if i > len(got.Edges) {
			continue // the legend's
		}
		e := got.Edges[i-1]
		if want := e.From + "&#45;&gt;" + e.To; m[2] != want {
			t.Errorf("edge%d is %s, want %s", i, m[2], want)
		}
		n++
	}
	if n != len(got.Edges) {
		t.Errorf("%d of %d edges found in the SVG", n, len(got.Edges))
	}
	// Filters: a relation keeps its facts only; a type its entities.
	get(t, ts.URL+"/api/v1/view?relations=sanction&ids="+url.QueryEscape(ids), &got)
	if len(got.Edges) != 1 || got.Edges[0].Relation != "sanction" {
		t.Errorf("view of sanction: %+v", got.Edges)
	}
	get(t, ts.URL+"/api/v1/view?types=ORG&ids="+url.QueryEscape(ids), &got)
	if len(got.Nodes) != 2 {
		t.Errorf("view of ORG: %+v", got.Nodes)
	}
}

// TestExport: a view in the formats the server has (cmd/kg's tests serve
// all of kg export's), and a format it has not is the user's mistake.
func TestExport(t *testing.T) {
	ts, _ := testServer(t, Options{})
	ids := url.QueryEscape("kg:entity/gulf_systems,kg:entity/treasury_department")
	if res := get(t, ts.URL+"/api/v1/export?format=png&ids="+ids, nil); res.StatusCode != http.StatusBadRequest {
		t.Errorf("png without its renderer: status %d, want 400", res.StatusCode)
	}
	for format, want := range map[string]string{
		"dot": "digraph", "svg": "<svg", "nquads": "<kg:entity/gulf_systems>",
	} {
		t.Run(format, func(t *testing.T) {
			res, err := http.Get(ts.URL + "/api/v1/export?format=" + format + "&ids=" + ids)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			if res.StatusCode != 200 || !strings.Contains(string(b), want) {
				t.Errorf("status %d, %q...: want 200 and %q", res.StatusCode, firstBytes(b), want)
			}
			if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") {
				t.Errorf("Content-Disposition %q: want an attachment", cd)
			}
			if format != "nquads" && strings.Contains(string(b), "harbor_networks") {
				t.Errorf("the view's export holds an entity outside the view")
			}
		})
	}
}

func firstBytes(b []byte) string {
	if len(b) > 80 {
		b = b[:80]
	}
	return string(b)
}
