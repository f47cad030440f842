package analyze

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// testGraph is a square of agencies and companies, a denied fine across
// it, and a pair of its own:
//
//	Ardent Bank -invest in-> Brisk Mining -supply-> Cobalt Works
//	Ardent Bank <-fund- Delta Fund -buy-> Cobalt Works
//	Ardent Bank -not fine-> Cobalt Works (denied, unsure)
//	Eastmoor -own-> Fenwick Port
func testGraph(t testing.TB) *Graph {
	t.Helper()
	type e struct{ name, typ string }
	ents := []e{{"Ardent Bank", schema.Org}, {"Brisk Mining", schema.Org}, {"Cobalt Works", schema.Org},
		{"Delta Fund", schema.Org}, {"Eastmoor", schema.GPE}, {"Fenwick Port", ""}}
	snap := &schema.Snapshot{}
	for _, x := range ents {
		snap.Entities = append(snap.Entities, schema.EntityInfo{ID: schema.EntityID(x.name), Name: x.name, Type: x.typ, Aliases: []string{}})
	}
	slices.SortFunc(snap.Entities, func(a, b schema.EntityInfo) int { return strings.Compare(a.ID, b.ID) })
	snap.Entities[0].Aliases = []string{"Ardent"}
	fact := func(s, rel, o string, conf float64, neg bool, sentence int, when string) {
		snap.Facts = append(snap.Facts, schema.StoredFact{Subject: schema.EntityID(s), RelationID: schema.RelationID(rel), Relation: rel,
			Object: schema.EntityID(o), Negated: neg, Confidence: conf, Evidence: []schema.EvidenceRecord{{
				Document: "test.txt", SentenceIndex: sentence, Text: s + " " + rel + " " + o + ".", Negated: neg, Confidence: conf, Time: when}}})
	}
	fact("Ardent Bank", "invest in", "Brisk Mining", 0.9, false, 0, "in May")
	fact("Brisk Mining", "supply", "Cobalt Works", 0.9, false, 1, "")
	fact("Delta Fund", "fund", "Ardent Bank", 0.5, false, 2, "")
	fact("Delta Fund", "buy", "Cobalt Works", 0.5, false, 3, "")
	fact("Ardent Bank", "fine", "Cobalt Works", 0.2, true, 4, "")
	fact("Eastmoor", "own", "Fenwick Port", 0.8, false, 5, "")
	return New(snap)
}

func names(ns []schema.Node) string {
	var s []string
	for _, n := range ns {
		s = append(s, n.Name)
	}
	return strings.Join(s, " - ")
}

func TestPaths(t *testing.T) {
	g := testGraph(t)
	got := func(from, to string, maxHops, k int) []string {
		t.Helper()
		paths, err := g.Paths(from, to, maxHops, k)
		if err != nil {
			t.Fatalf("Paths(%q, %q): %v", from, to, err)
		}
		var out []string
		for _, p := range paths {
			out = append(out, names(p.Entities))
			if len(p.Hops) != len(p.Entities)-1 {
				t.Errorf("%d hops for %d entities", len(p.Hops), len(p.Entities))
			}
			for i, h := range p.Hops {
				if h.From != p.Entities[i].ID || h.To != p.Entities[i+1].ID || len(h.Facts) == 0 {
					t.Errorf("hop %d: got %+v", i, h)
				}
				for _, s := range h.Facts {
					if s.Forward != (s.SubjectID == h.From) || len(s.Evidence) == 0 {
						t.Errorf("hop %d: fact %+v", i, s)
					}
				}
			}
		}
		return out
	}
	for _, tt := range []struct {
		name          string
		from, to      string
		maxHops, k    int
		want          []string
		wantFirstHops int
	}{
		{"direct, and the two squares' sides", "Ardent Bank", "Cobalt Works", 4, 3,
			[]string{"Ardent Bank - Cobalt Works", "Ardent Bank - Brisk Mining - Cobalt Works", "Ardent Bank - Delta Fund - Cobalt Works"}, 1},
		{"the surer of two as long", "Brisk Mining", "Delta Fund", 4, 1,
			[]string{"Brisk Mining - Ardent Bank - Delta Fund"}, 2},
		{"against the facts' direction", "Cobalt Works", "Brisk Mining", 1, 3, []string{"Cobalt Works - Brisk Mining"}, 1},
		{"too far", "Brisk Mining", "Delta Fund", 1, 3, nil, 0},
		{"no connection", "Ardent Bank", "Eastmoor", 10, 3, nil, 0},
		{"itself", "Ardent", "ardent bank", 2, 3, []string{"Ardent Bank"}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := got(tt.from, tt.to, tt.maxHops, tt.k); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	paths, _ := g.Paths("Ardent Bank", "Cobalt Works", 1, 1)
	if f := paths[0].Hops[0].Facts; len(f) != 1 || !f[0].Negated || !f[0].Forward || f[0].Relation != "fine" {
		t.Errorf("the denied fine: got %+v", f)
	}
	if _, err := g.Paths("Ardent Bank", "Atlantis", 3, 1); !errors.Is(err, schema.ErrNotFound) || !strings.Contains(err.Error(), "Atlantis") {
		t.Errorf("unknown entity: got %v, want ErrNotFound naming it", err)
	}
	if _, err := g.Paths("Ardent Bank", "Cobalt Works", 0, 1); err == nil {
		t.Errorf("0 hops: got no error")
	}
}

func TestNeighbors(t *testing.T) {
	g := testGraph(t)
	for _, tt := range []struct {
		name  string
		depth int
		f     Filter
		want  string // name@hops, ...
	}{
		{"one hop", 1, Filter{}, "Brisk Mining@1 Cobalt Works@1 Delta Fund@1"},
		{"two hops", 2, Filter{}, "Brisk Mining@1 Cobalt Works@1 Delta Fund@1"},
		{"no hops", 0, Filter{}, ""},
		{"sure facts only", 2, Filter{MinConfidence: 0.6}, "Brisk Mining@1 Cobalt Works@2"},
		{"one relation", 3, Filter{Relation: "Invest In"}, "Brisk Mining@1"},
		{"to one type", 1, Filter{Type: "gpe"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			start, list, err := g.Neighbors("Ardent Bank", tt.depth, tt.f)
			if err != nil || start.Name != "Ardent Bank" {
				t.Fatalf("got %+v, %v", start, err)
			}
			var got []string
			for _, n := range list {
				got = append(got, n.Name+"@"+string(rune('0'+n.Hops)))
				if len(n.Via) == 0 {
					t.Errorf("%s: no facts lead to it", n.Name)
				}
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("got %q, want %q", s, tt.want)
			}
		})
	}
	_, list, _ := g.Neighbors("Ardent Bank", 2, Filter{MinConfidence: 0.6})
	if via := list[1].Via; len(via) != 1 || via[0].Subject != "Brisk Mining" || !via[0].Forward {
		t.Errorf("Cobalt Works at 2 hops: got via %+v, want Brisk Mining's supply", via)
	}
	if _, _, err := g.Neighbors("Nowhere", 1, Filter{}); !errors.Is(err, schema.ErrNotFound) {
		t.Errorf("unknown entity: got %v", err)
	}
}

func TestFacts(t *testing.T) {
	g := testGraph(t)
	e, facts, err := g.Facts("ardent")
	if err != nil || e.Name != "Ardent Bank" {
		t.Fatalf("got %+v, %v", e, err)
	}
	var got []string
	for _, f := range facts {
		got = append(got, f.Relation+" "+strings.Join(f.Times, ","))
		if f.Sentences != 1 || f.Documents != 1 || f.Denials != map[bool]int{true: 1}[f.Negated] {
			t.Errorf("%s: counts %+v", f.Relation, f)
		}
	}
	if want := []string{"fine ", "fund ", "invest in in May"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if facts[1].Forward || !facts[0].Forward {
		t.Errorf("direction: fine is Ardent Bank's, fund is Delta Fund's: got %+v", facts[:2])
	}
}

func TestRank(t *testing.T) {
	g := testGraph(t)
	for _, tt := range []struct{ by, typ, want string }{
		{Degree, "", "Ardent Bank Cobalt Works Brisk Mining Delta Fund Eastmoor Fenwick Port"},
		// The pair keeps the third of the walk that starts in it.
		{PageRank, "", "Ardent Bank Cobalt Works Eastmoor Fenwick Port Brisk Mining Delta Fund"},
		{Betweenness, "", "Ardent Bank Cobalt Works Brisk Mining Delta Fund Eastmoor Fenwick Port"},
		{Degree, "gpe", "Eastmoor"},
	} {
		t.Run(tt.by+tt.typ, func(t *testing.T) {
			var first []Score
			for range 5 { // the same every time
				list, err := g.Rank(tt.by, tt.typ)
				if err != nil {
					t.Fatal(err)
				}
				if first == nil {
					first = list
				} else if !reflect.DeepEqual(list, first) {
					t.Fatalf("two runs differ:\n%+v\n%+v", first, list)
				}
			}
			var got []string
			for _, s := range first {
				got = append(got, s.Name)
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("got %q, want %q", s, tt.want)
			}
		})
	}
	list, _ := g.Rank(Degree, "")
	if list[0].Score != 3 || list[2].Rank != 3 || list[3].Rank != 3 || list[4].Score != 1 || list[4].Rank != 5 {
		t.Errorf("degree scores and shared ranks: got %+v", list)
	}
	if _, err := g.Rank("fame", ""); err == nil {
		t.Errorf("unknown measure: got no error")
	}
}

func TestCommunities(t *testing.T) {
	g := testGraph(t)
	first := g.Communities(1)
	for range 5 {
		if again := g.Communities(1); !reflect.DeepEqual(again, first) {
			t.Fatalf("two runs differ:\n%+v\n%+v", first, again)
		}
	}
	var got []string
	for _, c := range first {
		got = append(got, names(c.Entities))
		if c.Size != len(c.Entities) || c.ID == 0 {
			t.Errorf("community %+v", c)
		}
	}
	// The square is one community or two of two; the pair is its own.
	last := first[len(first)-1]
	if names(last.Entities) != "Eastmoor - Fenwick Port" || last.Facts != 1 {
		t.Errorf("got %q, want the pair Eastmoor - Fenwick Port last", got)
	}
	total := 0
	for _, c := range first {
		total += c.Size
	}
	if total != 6 {
		t.Errorf("got %q: %d entities, want all 6 once", got, total)
	}
}

// FuzzPaths: any names and bounds give paths or an error, never a panic,
// and every path found joins the two entities within the bound.
func FuzzPaths(f *testing.F) {
	f.Add("Ardent Bank", "Cobalt Works", 3, 2)
	f.Add("ardent", "EASTMOOR", 1, 1)
	f.Add("", "\xff", -1, 0)
	g := testGraph(f)
	f.Fuzz(func(t *testing.T, from, to string, maxHops, k int) {
		paths, err := g.Paths(from, to, maxHops%20, k%20)
		if err != nil {
			return
		}
		for _, p := range paths {
			if len(p.Hops) > maxHops%20 || len(p.Hops) != len(p.Entities)-1 {
				t.Errorf("Paths(%q, %q, %d, %d): %+v", from, to, maxHops, k, p)
			}
		}
		if _, _, err := g.Neighbors(from, maxHops%5, Filter{Relation: to}); err != nil && !errors.Is(err, schema.ErrNotFound) && maxHops%5 >= 0 {
			t.Errorf("Neighbors(%q): %v", from, err)
		}
	})
}
