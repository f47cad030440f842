package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/query"
	cgizmo "github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// harbor opens a memory store with the example article's graph
// (testdata/harbor.nq, written by kg export --format nquads after kg build
// examples/harbor-sanctions.txt) and returns it with its quads.
func harbor(t *testing.T) (*Store, []quad.Quad) {
	t.Helper()
	s := openTest(t, Options{Backend: Memory})
	const file = "testdata/harbor.nq"
	if _, err := s.LoadNQuads(context.Background(), file, 0); err != nil {
		t.Fatalf("LoadNQuads: %v", err)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	quads, err := quad.ReadAll(nquads.NewReader(f, false))
	if err != nil {
		t.Fatal(err)
	}
	return s, quads
}

// cayleyQuery runs a query through Cayley's own Gizmo, as kg ran it before it
// had its own engine.
func cayleyQuery(ctx context.Context, s *Store, q string) ([]any, error) {
	qs, release, err := s.use()
	if err != nil {
		return nil, err
	}
	defer release()
	it, err := cgizmo.NewSession(qs).Execute(ctx, q, query.Options{Collation: query.JSON})
	if err != nil {
		return nil, err
	}
	defer func() {
		it.Close()
		for it.Next(context.Background()) {
		}
	}()
	out := []any{}
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
	}
	return out, it.Err()
}

// canonical is a result set as JSON lines, in order, to compare: both
// engines build the same iterators, so they give the same order too.
func canonical(t *testing.T, rows []any) []string {
	t.Helper()
	out := make([]string, len(rows))
	for i, r := range rows {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("result %d: %v", i, err)
		}
		out[i] = string(b)
	}
	return out
}

// documentedQueries are the Gizmo queries of the README and of
// examples/queries.
func documentedQueries(t *testing.T) map[string]string {
	t.Helper()
	qs := map[string]string{}
	files, err := filepath.Glob("../examples/queries/*.js")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example queries: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		qs[filepath.Base(f)] = string(b)
	}
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	// The README's queries share their variables, one block after another.
	const prelude = "var relations = g.V().Has(\"<rdf:type>\", \"<kg:Relation>\")\n"
	blocks := regexp.MustCompile("(?s)```js\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	for i, b := range blocks {
		for j, q := range strings.Split(b[1], "\n\n") {
			qs[fmt.Sprintf("README block %d query %d", i, j)] = prelude + q
		}
	}
	for i, m := range regexp.MustCompile(`kg query '([^']*)'`).FindAllStringSubmatch(string(readme), -1) {
		qs[fmt.Sprintf("README kg query %d", i)] = m[1]
	}
	if len(qs) < 20 {
		t.Fatalf("found %d documented queries, want the README's and the cookbook's", len(qs))
	}
	return qs
}

// TestGizmoDifferential runs the documented queries and a few hundred
// generated ones through kg's engine and Cayley's Gizmo on one store and
// compares their results.
func TestGizmoDifferential(t *testing.T) {
	s, quads := harbor(t)
	ctx := context.Background()
	queries := documentedQueries(t)
	documented := len(queries)
	gen := newQueryGen(quads, 1)
	for i := 0; i < 400; i++ {
		queries[fmt.Sprintf("generated %d", i)] = gen.query()
	}
	nonEmpty := 0
	for name, q := range queries {
		want, err := cayleyQuery(ctx, s, q)
		if err != nil {
			// The README shows a query that does not parse, for its exit
			// status: both engines must refuse it.
			if _, kgErr := s.Query(ctx, q, 0); kgErr == nil || !strings.HasPrefix(name, "README kg query") {
				t.Errorf("%s: Cayley: %v; kg: %v\n%s", name, err, kgErr, q)
			}
			continue
		}
		got, err := s.Query(ctx, q, 0)
		if err != nil {
			t.Errorf("%s: kg: %v\n%s", name, err, q)
			continue
		}
		if g, w := canonical(t, got), canonical(t, want); !slices.Equal(g, w) {
			t.Errorf("%s:\n%s\nkg gives %d results:\n\t%s\nCayley %d:\n\t%s", name, q,
				len(g), strings.Join(g, "\n\t"), len(w), strings.Join(w, "\n\t"))
		}
		if len(want) > 0 {
			nonEmpty++
		}
	}
	t.Logf("%d documented and %d generated queries compared, in order, %d of them finding something",
		documented, len(queries)-documented, nonEmpty)
	// The comparison means something only if most queries find something.
	if nonEmpty < len(queries)/2 {
		t.Errorf("%d of %d queries find something, want at least half", nonEmpty, len(queries))
	}
}

// TestGizmoWrongTypes: generated queries with an argument of a wrong type
// give kg's engine a clear error (a TypeError naming the function), never a
// panic, and never an internal error.
func TestGizmoWrongTypes(t *testing.T) {
	s, quads := harbor(t)
	gen := newQueryGen(quads, 2)
	bad := []string{`{}`, `5`, `null`, `[{}]`, `function() {}`, `g.V()`, `g.M()`, `true`, `-1`, `[[1]]`, `NaN`, `lt(1)`}
	arg := regexp.MustCompile(`\(([^()]*)\)`)
	typeErrors := 0
	for i := 0; i < 300; i++ {
		q := gen.query()
		// Replace the arguments of one call at random with a wrong value.
		calls := arg.FindAllStringSubmatchIndex(q, -1)
		c := calls[gen.r.IntN(len(calls))]
		q = q[:c[2]] + bad[gen.r.IntN(len(bad))] + q[c[3]:]
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, err := s.Query(ctx, q, 0)
		cancel()
		if err == nil {
			continue // some replacements are well typed (a path for a path)
		}
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("%s: got %v, want a QueryError", q, err)
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "internal error") ||
			strings.Contains(msg, "runtime error") && !strings.Contains(msg, "Cayley failed on this query") {
			t.Errorf("%s: got %v, want a clear error", q, err)
		}
		if strings.Contains(err.Error(), "TypeError") {
			typeErrors++
		}
	}
	if typeErrors < 100 {
		t.Errorf("%d of 300 wrong-typed queries gave a TypeError, want most", typeErrors)
	}
}

// queryGen writes random well-formed Gizmo queries over a store's own
// predicates and values, so that most find something.
type queryGen struct {
	r      *rand.Rand
	preds  []string            // predicates, as Gizmo strings
	values map[string][]string // predicate -> object values, as Gizmo literals
	nodes  []string            // subjects, as Gizmo strings
}

func newQueryGen(quads []quad.Quad, seed uint64) *queryGen {
	g := &queryGen{r: rand.New(rand.NewPCG(seed, seed)), values: map[string][]string{}}
	seenNode := map[string]bool{}
	for _, q := range quads {
		p := quad.StringOf(q.Predicate)
		if _, ok := g.values[p]; !ok {
			g.preds = append(g.preds, p)
		}
		g.values[p] = append(g.values[p], literal(q.Object))
		if n := quad.StringOf(q.Subject); !seenNode[n] {
			seenNode[n] = true
			g.nodes = append(g.nodes, n)
		}
	}
	slices.Sort(g.preds)
	return g
}

// literal writes a quad value as Gizmo reads it back.
func literal(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		b, _ := json.Marshal(string(v))
		return string(b)
	case quad.Int:
		return fmt.Sprint(int64(v))
	case quad.Float:
		return fmt.Sprint(float64(v))
	case quad.Bool:
		return fmt.Sprint(bool(v))
	}
	b, _ := json.Marshal(quad.StringOf(v))
	return string(b)
}

func (g *queryGen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }
func (g *queryGen) pred() string            { return g.pick(g.preds) }
func (g *queryGen) str(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSpace(b.String())
}

// start begins a path.
func (g *queryGen) start() string {
	switch g.r.IntN(4) {
	case 0:
		return fmt.Sprintf("g.V(%s)", g.str(g.pick(g.nodes)))
	case 1:
		return fmt.Sprintf("g.V(%s, %s)", g.str(g.pick(g.nodes)), g.str(g.pick(g.nodes)))
	default:
		p := g.pred()
		return fmt.Sprintf("g.V().Has(%s, %s)", g.str(p), g.pick(g.values[p]))
	}
}

// steps adds n random steps to a path.
func (g *queryGen) steps(p string, n int, depth int) string {
	tagged := false
	for i := 0; i < n; i++ {
		pr := g.str(g.pred())
		switch g.r.IntN(24) {
		case 0:
			p += fmt.Sprintf(".Out(%s)", pr)
		case 1:
			p += fmt.Sprintf(".In(%s, \"in%d\")", pr, i)
		case 2:
			p += fmt.Sprintf(".Both(%s)", pr)
		case 3:
			p += fmt.Sprintf(".Out([%s, %s])", pr, g.str(g.pred()))
		case 4:
			p += ".Out()"
		case 5:
			raw := g.pred()
			p += fmt.Sprintf(".Has(%s, %s)", g.str(raw), g.pick(g.values[raw]))
		case 6:
			p += fmt.Sprintf(".HasR(%s, %s)", pr, g.str(g.pick(g.nodes)))
		case 7:
			p += ".Tag(\"t\")"
			tagged = true
		case 8:
			p += fmt.Sprintf(".Save(%s, \"s%d\")", pr, i)
		case 9:
			p += fmt.Sprintf(".SaveR(%s, \"r%d\")", pr, i)
		case 10:
			p += fmt.Sprintf(".SaveOpt(%s)", pr)
		case 11:
			p += fmt.Sprintf(".SaveOptR(%s, \"o%d\")", pr, i)
		case 12:
			p += ".Unique()"
		case 13:
			p += fmt.Sprintf(".Limit(%d)", 1+g.r.IntN(5))
		case 14:
			p += fmt.Sprintf(".Skip(%d)", g.r.IntN(3))
		case 15:
			// (Cayley's Gizmo has no Order, nor Save of a path: kg's tests
			// cover those.)
			p += g.pick([]string{".Labels()", ".InPredicates()", ".OutPredicates()"})
		case 16:
			p += g.pick([]string{
				`.Filter(regex("Trade|Harbor"))`, `.Filter(like("%Department"))`, `.Filter(gt(3))`,
				`.Filter(lte(0.6))`, `.Filter(gte("M"), lt("T"))`, `.Filter(regex("rel:b", true))`,
			})
		case 17:
			if tagged {
				p += `.Back("t")`
			}
		case 18, 19:
			if depth < 2 {
				p += fmt.Sprintf(".%s(%s)", g.pick([]string{"And", "Intersect", "Or", "Union", "Except", "Difference"}),
					g.steps(g.start(), g.r.IntN(3), depth+1))
			}
		case 20:
			p += fmt.Sprintf(".%s(g.M().Out(%s).Out(%s))", g.pick([]string{"Follow", "FollowR"}), pr, g.str(g.pred()))
		case 21:
			p += fmt.Sprintf(".FollowRecursive(%s, %d)", pr, g.r.IntN(3))
		case 22:
			p += fmt.Sprintf(".Has(%s, %s)", g.str(g.pick([]string{"<kg:confidence>", "<kg:sentence_index>"})),
				g.pick([]string{"gt(0.5)", "lt(2)", "gte(1), lte(3)"}))
		case 23:
			p += fmt.Sprintf(".Has(%s)", pr)
		}
	}
	return p
}

// query is a path and a final.
func (g *queryGen) query() string {
	p := g.steps(g.start(), g.r.IntN(5), 0)
	switch g.r.IntN(10) {
	case 0:
		return "g.Emit(" + p + ".Count())"
	case 1:
		return "g.Emit(" + p + ".ToArray())"
	case 2:
		return "g.Emit(" + p + ".ToValue())"
	case 3:
		return "g.Emit(" + p + ".TagArray())"
	case 4:
		return "g.Emit(" + p + ".TagValue())"
	case 5:
		return p + ".ForEach(function(d) { g.Emit(d) })"
	case 6:
		return fmt.Sprintf("%s.ForEach(%d, function(d) { g.Emit(d.id) })", p, 1+g.r.IntN(3))
	case 7:
		return fmt.Sprintf("g.Emit(%s.ToArray(%d))", p, 1+g.r.IntN(3))
	}
	return p + ".All()"
}
