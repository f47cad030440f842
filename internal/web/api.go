package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/export"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// Caps on what one request may ask for.
const (
	maxSuggestions = 50
	maxNeighbors   = 500
	maxDepth       = 3
	maxK           = 10
	maxHops        = 6
	maxRank        = 1000
	maxViewNodes   = 300
	defaultResults = 1000
	maxResults     = 10000
)

func (s *Server) routes() {
	api := map[string]http.HandlerFunc{
		"/api/v1/status":    s.status,
		"/api/v1/search":    s.answer(search),
		"/api/v1/entity":    s.answer(entity),
		"/api/v1/neighbors": s.asked(neighbors),
		"/api/v1/paths":     s.asked(paths),
		"/api/v1/facts":     s.asked(facts),
		"/api/v1/edge":      s.asked(edge),
		"/api/v1/rank":      s.answer(rank),
		"/api/v1/view":      s.answer(s.view),
		"/api/v1/export":    s.export,
	}
	for p, h := range api {
		s.mux.Handle(p, only(http.MethodGet, h))
	}
	s.mux.Handle("/api/v1/query", only(http.MethodPost, s.query))
	s.mux.Handle("/healthz", only(http.MethodGet, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	}))
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusNotFound, fmt.Errorf("no API %s", r.URL.Path))
	})
	s.mux.Handle("/", only(http.MethodGet, s.asset))
}

// only answers 405 to methods other than method (and HEAD for GET).
func only(method string, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != method && !(method == http.MethodGet && r.Method == http.MethodHead) {
			w.Header().Set("Allow", method)
			writeError(w, r, http.StatusMethodNotAllowed, fmt.Errorf("%s %s: want %s", r.Method, r.URL.Path, method))
			return
		}
		h(w, r)
	})
}

// snapshot returns the store's snapshot for a request, and says in the
// answer's headers when it was read and whether a writer holds the file.
func (s *Server) snapshot(w http.ResponseWriter, r *http.Request) (*state, bool) {
	st, busy, err := s.src.current(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	w.Header().Set("KG-Snapshot", st.readAt.Format(time.RFC3339Nano))
	if busy {
		w.Header().Set("KG-Store-Busy", "1")
	}
	return st, true
}

// Status is the answer of /api/v1/status.
type Status struct {
	Store     string    `json:"store"`
	ReadAt    time.Time `json:"read_at"` // when the snapshot was read
	Busy      bool      `json:"busy"`    // a writer holds the store: the snapshot may be older than it
	Entities  int       `json:"entities"`
	Facts     int       `json:"facts"`
	Documents int       `json:"documents"`
	Types     []string  `json:"types"`     // the entity types, sorted
	Relations []string  `json:"relations"` // the most used relations (500), sorted
}

func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	st, ok := s.snapshot(w, r)
	if !ok {
		return
	}
	out := Status{Store: s.opts.Store.Path, ReadAt: st.readAt, Busy: w.Header().Get("KG-Store-Busy") != "",
		Entities: len(st.snap.Entities), Facts: len(st.snap.Facts), Documents: len(st.dates)}
	if s.opts.Store.Backend != "" && s.opts.Store.Backend != graph.Bolt {
		out.Store = s.opts.Store.Backend
	}
	out.Types, out.Relations = st.vocabulary()
	writeJSON(w, http.StatusOK, out)
}

// params reads a request's query parameters, gathering the first mistake.
type params struct {
	r   *http.Request
	err error
}

func (p *params) str(name string) string { return strings.TrimSpace(p.r.URL.Query().Get(name)) }

func (p *params) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

// intIn reads an integer from lo to hi, def when absent.
func (p *params) intIn(name string, def, lo, hi int) int {
	v := p.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		p.fail(badRequest("%s=%q: want a whole number from %d to %d", name, v, lo, hi))
		return def
	}
	return n
}

// confidence reads a confidence from 0 to 1, 0 when absent.
func (p *params) confidence(name string) float64 {
	v := p.str(name)
	if v == "" {
		return 0
	}
	c, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(c) || c < 0 || c > 1 {
		p.fail(badRequest("%s=%q: want a number from 0 to 1", name, v))
	}
	return c
}

func (p *params) period() graph.Period {
	pd, err := graph.ParsePeriod(p.str("since"), p.str("until"))
	if err != nil {
		p.fail(badRequest("%w", err))
	}
	return pd
}

// list reads a comma-separated list, from one parameter or several.
func (p *params) list(name string) []string {
	var out []string
	for _, v := range p.r.URL.Query()[name] {
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
	}
	return out
}

// entityName returns the name to look an entity up by: the parameter as
// given, or, for an entity IRI ("kg:entity/zte"), the name of the entity
// that has it, so that analyze finds that one.
func entityName(st *state, v string) (string, error) {
	if strings.HasPrefix(v, schema.Prefix+"entity/") {
		e, ok := st.snap.Entity(v)
		if !ok {
			return "", &schema.NotFoundError{What: "entity " + v}
		}
		return e.Name, nil
	}
	return v, nil
}

// required reads an entity parameter that must be there.
func (p *params) entity(st *state, name string) string {
	v := p.str(name)
	if v == "" {
		p.fail(badRequest("%s: want an entity's name or ID", name))
		return ""
	}
	n, err := entityName(st, v)
	if err != nil {
		p.fail(err)
	}
	return n
}

// answer makes a handler that answers from the snapshot: fn reads its
// parameters from p, returns p.err if they are wrong, and else the answer,
// written as JSON; an error is answered with its status.
func (s *Server) answer(fn func(st *state, p *params) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		st, ok := s.snapshot(w, r)
		if !ok {
			return
		}
		v, err := fn(st, &params{r: r})
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

func search(st *state, p *params) (any, error) {
	q := p.str("q")
	limit := p.intIn("limit", 10, 1, maxSuggestions)
	if len(q) > 200 {
		p.fail(badRequest("q: at most 200 bytes"))
	}
	if p.err != nil {
		return nil, p.err
	}
	list, more := st.index.search(q, limit)
	return map[string]any{"query": q, "entities": list, "truncated": more}, nil
}

// entity answers one entity's description, by name, alias or ID.
func entity(st *state, p *params) (any, error) {
	name := p.entity(st, "name")
	if p.err != nil {
		return nil, p.err
	}
	return st.snap.Find(name)
}

// askEntity reads an entity parameter that must be there, and returns the
// ID of the entity it names.
func (p *params) askEntity(ctx context.Context, a asker, name string) string {
	v := p.str(name)
	if v == "" {
		p.fail(badRequest("%s: want an entity's name or ID", name))
		return ""
	}
	if p.err != nil {
		return ""
	}
	id, err := a.find(ctx, v)
	if err != nil {
		p.fail(err)
	}
	return id
}

func neighbors(ctx context.Context, a asker, p *params) (any, error) {
	depth := p.intIn("depth", 1, 0, maxDepth)
	limit := p.intIn("limit", 100, 1, maxNeighbors)
	f := analyze.Filter{Relation: p.str("relation"), Type: p.str("type"), MinConfidence: p.confidence("min_confidence")}
	period := p.period()
	id := p.askEntity(ctx, a, "name")
	if p.err != nil {
		return nil, p.err
	}
	var center schema.Node
	var list []analyze.Neighbor
	var more bool
	var err error
	if depth == 1 && f == (analyze.Filter{}) {
		// The page's expansion: only the neighbours shown are read in
		// full, so that a hub's answers as fast as anyone's.
		center, list, more, err = a.nearest(ctx, id, limit, period)
	} else {
		center, list, err = a.neighbors(ctx, id, depth, f, period)
		more = len(list) > limit
		list = list[:min(limit, len(list))]
	}
	if err != nil {
		return nil, err
	}
	if list == nil {
		list = []analyze.Neighbor{}
	}
	return map[string]any{"entity": center, "neighbors": list, "truncated": more}, nil
}

func paths(ctx context.Context, a asker, p *params) (any, error) {
	k := p.intIn("k", 3, 1, maxK)
	hops := p.intIn("max_hops", 4, 1, maxHops)
	period := p.period()
	from := p.askEntity(ctx, a, "from")
	to := p.askEntity(ctx, a, "to")
	if p.err != nil {
		return nil, p.err
	}
	paths, err := a.paths(ctx, from, to, hops, k, period)
	if paths == nil {
		paths = []analyze.Path{}
	}
	return map[string]any{"paths": paths}, err
}

func facts(ctx context.Context, a asker, p *params) (any, error) {
	period := p.period()
	id := p.askEntity(ctx, a, "name")
	if p.err != nil {
		return nil, p.err
	}
	e, steps, err := a.facts(ctx, id, period)
	return map[string]any{"entity": e, "facts": steps, "dates": datesOf(a, steps)}, err
}

// datesOf returns the dates of the documents of the steps' evidence.
func datesOf(a asker, steps []analyze.Step) map[string]string {
	out := make(map[string]string)
	for _, s := range steps {
		for _, e := range s.Evidence {
			if d := a.date(e.Document); d != "" {
				out[e.Document] = d
			}
		}
	}
	return out
}

// edge answers the evidence ledger of one fact: from and to are the
// entities (names or IDs), relation its name as stored.
func edge(ctx context.Context, a asker, p *params) (any, error) {
	rel := p.str("relation")
	if rel == "" {
		p.fail(badRequest("relation: want the fact's relation, as stored (\"penalize\")"))
	}
	period := p.period()
	from, to := p.askEntity(ctx, a, "from"), p.askEntity(ctx, a, "to")
	if p.err != nil {
		return nil, p.err
	}
	steps, err := a.factsWith(ctx, from, to, period)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(steps, func(s analyze.Step) bool {
		return s.Forward && s.ObjectID == to && schema.RelationID(s.Relation) == schema.RelationID(rel)
	})
	if i < 0 {
		return nil, &schema.NotFoundError{What: fmt.Sprintf("fact %s -[%s]-> %s", p.str("from"), rel, p.str("to"))}
	}
	return map[string]any{"fact": steps[i].Fact, "dates": datesOf(a, steps[i:i+1])}, nil
}

func rank(st *state, p *params) (any, error) {
	by := p.str("by")
	if by == "" {
		by = analyze.Degree
	}
	if !slices.Contains(analyze.Measures, by) {
		p.fail(badRequest("by=%q: want one of %s", by, strings.Join(analyze.Measures, ", ")))
	}
	n := p.intIn("n", 20, 1, maxRank)
	typ := p.str("type")
	period := p.period()
	if p.err != nil {
		return nil, p.err
	}
	list, err := st.graphOf(period).Rank(by, typ)
	more := len(list) > n
	if more {
		list = list[:n]
	}
	return map[string]any{"by": by, "entities": list, "truncated": more}, err
}

// queryRequest is the body of POST /api/v1/query.
type queryRequest struct {
	Query string `json:"query"`
	Limit int    `json:"limit"` // 0: the default, 1,000
}

// query runs a Gizmo query with the server's deadline and a result limit,
// on the store opened read-only for it.
func (s *Server) query(w http.ResponseWriter, r *http.Request) {
	// The whole body first (capped by the guard), so that a body too
	// large is 413 whatever its first bytes are.
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var req queryRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		s.fail(w, r, badRequest("the body: want JSON {\"query\": \"...\", \"limit\": N}: %v", err))
		return
	}
	switch {
	case strings.TrimSpace(req.Query) == "":
		s.fail(w, r, badRequest("query: empty"))
		return
	case req.Limit < 0 || req.Limit > maxResults:
		s.fail(w, r, badRequest("limit %d: want 0 to %d", req.Limit, maxResults))
		return
	case req.Limit == 0:
		req.Limit = defaultResults
	}
	release, ok := s.slot(w, r)
	if !ok {
		return
	}
	defer release()
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.QueryTimeout)
	defer cancel()
	var results []any
	err = s.src.with(ctx, func(st *graph.Store) error {
		var err error
		results, err = st.QueryWith(ctx, req.Query, graph.QueryOptions{Limit: req.Limit + 1})
		return err
	})
	if err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) && r.Context().Err() == nil {
		s.fail(w, r, &httpError{http.StatusGatewayTimeout, fmt.Errorf("query stopped at the server's deadline, %s", s.opts.QueryTimeout)})
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	more := len(results) > req.Limit
	if more {
		results = results[:req.Limit]
	}
	if results == nil {
		results = []any{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"results": results, "truncated": more, "limit": req.Limit})
}

// slot takes one of the places for a query or an export, or answers 503
// when all are taken.
func (s *Server) slot(w http.ResponseWriter, r *http.Request) (func(), bool) {
	select {
	case s.queries <- struct{}{}:
		return func() { <-s.queries }, true
	default:
		s.fail(w, r, &httpError{http.StatusServiceUnavailable, errors.New("too many queries at once; try again")})
		return nil, false
	}
}

// viewOptions are a view's entities and filters, as the page's URL and
// the export button give them.
type viewOptions struct {
	ids       []string
	types     []string
	relations []string
	minConf   float64
	period    graph.Period
}

func (p *params) view(st *state) viewOptions {
	v := viewOptions{ids: p.list("ids"), types: p.list("types"), relations: p.list("relations"),
		minConf: p.confidence("min_confidence"), period: p.period()}
	if len(v.ids) > maxViewNodes {
		p.fail(badRequest("ids: at most %d entities in a view, got %d", maxViewNodes, len(v.ids)))
	}
	for _, id := range v.ids {
		if _, ok := st.snap.Entity(id); !ok {
			p.fail(&schema.NotFoundError{What: "entity " + id})
		}
	}
	return v
}

// subgraph returns the view's entities and the facts between them that
// pass its filters, read from the snapshot, in the order of graph's
// Subgraph (nodes by name, edges by subject, relation, object).
func (st *state) subgraph(v viewOptions) *schema.Subgraph {
	snap := st.within(v.period)
	keep := make(map[string]bool, len(v.ids))
	sub := &schema.Subgraph{Nodes: []schema.Node{}, Edges: []schema.Edge{}}
	for _, id := range v.ids {
		e, _ := snap.Entity(id)
		if keep[id] || (len(v.types) > 0 && !slices.ContainsFunc(v.types, func(t string) bool { return strings.EqualFold(t, e.Type) })) {
			continue
		}
		keep[id] = true
		sub.Nodes = append(sub.Nodes, schema.Node{ID: e.ID, Name: e.Name, Type: e.Type})
	}
	slices.SortFunc(sub.Nodes, func(a, b schema.Node) int {
		return strings.Compare(a.Name+"\x00"+a.ID, b.Name+"\x00"+b.ID)
	})
	rels := make(map[string]bool, len(v.relations))
	for _, r := range v.relations {
		rels[schema.RelationID(r)] = true
	}
	for _, f := range snap.Facts {
		if !keep[f.Subject] || !keep[f.Object] || f.Confidence < v.minConf || (len(rels) > 0 && !rels[schema.RelationID(f.Relation)]) {
			continue
		}
		var sentences []string
		for _, e := range f.Evidence {
			if !e.Negated && e.Text != "" && !slices.Contains(sentences, e.Text) {
				sentences = append(sentences, e.Text)
			}
		}
		slices.Sort(sentences)
		sub.Edges = append(sub.Edges, schema.Edge{From: f.Subject, To: f.Object, Relation: f.Relation,
			RelationID: f.RelationID, Negated: f.Negated, Confidence: f.Confidence, Evidence: sentences, Records: f.Evidence})
	}
	return sub
}

// ViewEdge is an edge of a drawn view: Graphviz's edgeN is Edges[N-1].
type ViewEdge struct {
	From       string  `json:"from"`
	To         string  `json:"to"`
	Relation   string  `json:"relation"`
	Negated    bool    `json:"negated"`
	Confidence float64 `json:"confidence"`
	Sentences  int     `json:"sentences"`
}

// view draws the view's entities and the facts between them with Graphviz,
// as kg export --format svg draws them.
func (s *Server) view(st *state, p *params) (any, error) {
	v := p.view(st)
	if p.err != nil {
		return nil, p.err
	}
	sub := st.subgraph(v)
	edges := make([]ViewEdge, len(sub.Edges))
	for i, e := range sub.Edges {
		edges[i] = ViewEdge{From: e.From, To: e.To, Relation: e.Relation, Negated: e.Negated, Confidence: e.Confidence, Sentences: len(e.Records)}
	}
	var svg bytes.Buffer
	if len(sub.Nodes) > 0 {
		ctx, cancel := context.WithTimeout(p.r.Context(), s.opts.QueryTimeout)
		defer cancel()
		if err := export.RenderSVG(ctx, &svg, sub); err != nil {
			return nil, err
		}
	}
	return map[string]any{"svg": svg.String(), "nodes": sub.Nodes, "edges": edges}, nil
}

// exportFormats are kg export's formats, with their media types and file
// extensions.
var exportFormats = map[string][2]string{
	"dot":     {"text/vnd.graphviz; charset=utf-8", "dot"},
	"svg":     {"image/svg+xml", "svg"},
	"png":     {"image/png", "png"},
	"graphml": {"application/xml", "graphml"},
	"gexf":    {"application/xml", "gexf"},
	"nquads":  {"application/n-quads", "nq"},
	"jsonl":   {"application/jsonl", "jsonl"},
	"csv":     {"text/csv; charset=utf-8", "csv"},
}

// formats lists the export formats the server has, sorted.
func (s *Server) formats() []string {
	out := []string{"nquads"}
	for f := range s.opts.Renderers {
		if _, ok := exportFormats[f]; ok {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// export writes a view in one of kg export's formats, read from the store
// as kg export reads it (graph's Select and ExportNQuads).
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	st, ok := s.snapshot(w, r)
	if !ok {
		return
	}
	p := &params{r: r}
	format := p.str("format")
	ft, known := exportFormats[format]
	render := s.opts.Renderers[format]
	if !known || (render == nil && format != "nquads") {
		p.fail(badRequest("format=%q: want one of %s", format, strings.Join(s.formats(), ", ")))
	}
	v := p.view(st)
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	sel := graph.SubgraphOptions{Relations: v.relations, Types: v.types, MinConfidence: v.minConf, Period: v.period,
		Nodes: v.ids}
	if sel.Nodes == nil {
		sel.Nodes = []string{} // no entities: an empty view, not the whole graph
	}
	release, ok := s.slot(w, r)
	if !ok {
		return
	}
	defer release()
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.QueryTimeout)
	defer cancel()
	var buf bytes.Buffer
	err := s.src.with(ctx, func(store *graph.Store) error {
		if format == "nquads" {
			return store.ExportNQuads(ctx, &buf, sel)
		}
		sub, err := store.Select(ctx, sel)
		if err != nil {
			return err
		}
		return render(ctx, &buf, sub)
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", ft[0])
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="kg-view.%s"`, ft[1]))
	w.Write(buf.Bytes())
}
