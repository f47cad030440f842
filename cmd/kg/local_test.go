package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/ask"
	"github.com/kgraph/kg/schema"
)

// zipfStore writes a store of made-up facts whose entities are drawn with a
// Zipf law, as bench/gen's are: a few hubs, many entities of one or two
// facts, several facts and sentences between the same two.
func zipfStore(t *testing.T) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 8))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(9, 10)), 1.3, 1, 149)
	types := []string{schema.Org, schema.Person, schema.GPE, ""}
	verbs := []string{"penalize", "fine", "acquire", "sue", "hire"}
	var docs []string
	var facts []schema.Fact
	for d := range 40 {
		doc := fmt.Sprintf("news/%03d.txt", d)
		docs = append(docs, doc)
		for i := range 12 {
			s, o := int(zipf.Uint64()), int(zipf.Uint64())
			sn, on := fmt.Sprintf("Entity %d", s), fmt.Sprintf("Entity %d", o)
			f := schema.Fact{Subject: sn, SubjectID: schema.EntityID(sn), SubjectType: types[s%len(types)],
				Relation: verbs[rng.IntN(len(verbs))],
				Object:   on, ObjectID: schema.EntityID(on), ObjectType: types[o%len(types)],
				Negated: rng.IntN(8) == 0, Confidence: float64(rng.IntN(10)) / 10,
				Doc: doc, SentenceIndex: i, Sentence: fmt.Sprintf("Sentence %d of %s.", i, doc)}
			if rng.IntN(3) == 0 {
				f.SubjectAlias = fmt.Sprintf("E%d", s)
			}
			if rng.IntN(4) == 0 {
				f.TimeISO = fmt.Sprintf("2018-%02d", 1+rng.IntN(12))
			}
			facts = append(facts, f)
		}
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Path: db, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range docs {
		d := graph.Document{Name: doc}
		for _, f := range facts {
			if f.Doc == doc {
				d.Facts = append(d.Facts, f)
			}
		}
		if _, err := s.LoadDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestLocalMatchesSnapshot checks that neighbors, facts and path, which
// read around the entities asked about, print what the analyses print on
// the whole graph, for entities of every degree, with and without a period.
func TestLocalMatchesSnapshot(t *testing.T) {
	db := zipfStore(t)
	ctx := context.Background()
	store := graph.Options{Path: db, ReadOnly: true}
	names := []string{"Entity 0", "Entity 1", "Entity 2", "Entity 5", "Entity 9", "Entity 17", "Entity 40", "Entity 77", "e3"}
	for _, period := range []graph.Period{{}, mustPeriod(t, "2018-03", "2018-08")} {
		whole, err := analysis(ctx, store, period)
		if err != nil {
			t.Fatal(err)
		}
		for i, name := range names {
			other := names[(i+3)%len(names)]
			for _, c := range []struct {
				what  string
				local func(e *env) error
				want  func() (any, error)
			}{
				{"facts " + name, func(e *env) error {
					return runFacts(ctx, e, factsOptions{store: store, period: period, name: name, asJSON: true})
				}, func() (any, error) { _, f, err := whole.Facts(name); return f, err }},
				{"neighbors --depth 2 " + name, func(e *env) error {
					return runNeighbors(ctx, e, neighborsOptions{store: store, period: period, name: name, depth: 2, asJSON: true})
				}, func() (any, error) { _, n, err := whole.Neighbors(name, 2, analyze.Filter{}); return n, err }},
				{"neighbors --type ORG --depth 3 " + name, func(e *env) error {
					return runNeighbors(ctx, e, neighborsOptions{store: store, period: period, name: name, depth: 3,
						filter: analyze.Filter{Type: "ORG"}, asJSON: true})
				}, func() (any, error) {
					_, n, err := whole.Neighbors(name, 3, analyze.Filter{Type: "ORG"})
					return n, err
				}},
				{"the 5 strongest neighbours of " + name + " (kg serve's expansion)", func(e *env) error {
					return local(ctx, store, func(l *graph.Local) error {
						id, err := l.Find(ctx, name)
						if err != nil {
							return err
						}
						_, list, _, err := ask.Nearest(ctx, l, id, 5, ask.Options{Period: period, Concepts: true})
						if err != nil {
							return err
						}
						return writeJSONLines(e.stdout, list)
					})
				}, func() (any, error) {
					_, n, err := whole.Neighbors(name, 1, analyze.Filter{})
					return strongest5(n), err
				}},
				{"path " + name + " " + other, func(e *env) error {
					return runPath(ctx, e, pathOptions{store: store, period: period, from: name, to: other, maxHops: 4, k: 3, asJSON: true})
				}, func() (any, error) { return whole.Paths(name, other, 4, 3) }},
				{"path -k 5 --max-hops 3 " + name + " " + other, func(e *env) error {
					return runPath(ctx, e, pathOptions{store: store, period: period, from: name, to: other, maxHops: 3, k: 5, asJSON: true})
				}, func() (any, error) { return whole.Paths(name, other, 3, 5) }},
			} {
				var got, want bytes.Buffer
				if err := c.local(&env{stdout: &got, stderr: &bytes.Buffer{}}); err != nil {
					t.Fatalf("%s (period %v): %v", c.what, period, err)
				}
				v, err := c.want()
				if err != nil {
					t.Fatalf("%s on the whole graph: %v", c.what, err)
				}
				if err := writeJSONLinesAny(&want, v); err != nil {
					t.Fatal(err)
				}
				if got.String() != want.String() {
					t.Errorf("%s (period %v): read locally\n%s\nwant (the whole graph)\n%s", c.what, period, brief(got.String()), brief(want.String()))
				}
			}
		}
	}
}

func mustPeriod(t *testing.T, since, until string) graph.Period {
	t.Helper()
	p, err := graph.ParsePeriod(since, until)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// analysis opens the store, reads its whole fact graph as the commands
// once did, (the facts of the
// period, when one is given) and closes it: the analysis commands then work
// in memory.
func analysis(ctx context.Context, opts graph.Options, period graph.Period) (*analyze.Graph, error) {
	s, err := graph.Open(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	snap, err := s.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	if snap, err = within(ctx, s, snap, period); err != nil {
		return nil, err
	}
	if err := s.Close(); err != nil {
		return nil, err
	}
	return analyze.New(snap), nil
}

// writeJSONLinesAny writes a slice of any element type as the commands do.
func writeJSONLinesAny(w *bytes.Buffer, v any) error {
	switch l := v.(type) {
	case []analyze.Step:
		return writeJSONLines(w, l)
	case []analyze.Neighbor:
		return writeJSONLines(w, l)
	case []analyze.Path:
		return writeJSONLines(w, l)
	}
	return fmt.Errorf("unexpected %T", v)
}

// brief shortens JSON Lines of paths to their entities' names, for
// messages.
func brief(s string) string {
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		var p struct {
			Entities []struct{ Name string } `json:"entities"`
		}
		if json.Unmarshal([]byte(line), &p) != nil || len(p.Entities) == 0 {
			out = append(out, line)
			continue
		}
		var names []string
		for _, e := range p.Entities {
			names = append(names, e.Name)
		}
		out = append(out, strings.Join(names, " - "))
	}
	return strings.Join(out, "\n")
}

// TestAnalysisCache checks that rank, communities and entities answer from the
// store's cache while the store is unchanged, and anew after a write.
func TestAnalysisCache(t *testing.T) {
	db := build(t)
	first := mustRun(t, "", "rank", "--db", db, "-n", "3")
	if got := mustRun(t, "", "entities", "--db", db); !strings.Contains(got, "\nTehran ") {
		t.Fatalf("kg entities before the merge does not list Tehran:\n%s", got)
	}
	if _, err := os.Stat(db + ".analysis"); err != nil {
		t.Fatalf("no cache after kg rank: %v", err)
	}
	if again := mustRun(t, "", "rank", "--db", db, "-n", "3"); again != first {
		t.Errorf("kg rank from the cache:\n%s\nwant\n%s", again, first)
	}
	communities := mustRun(t, "", "communities", "--db", db, "-n", "2")

	// A cache of this version is believed: make it lie, and see it read.
	b, err := os.ReadFile(db + ".analysis")
	if err != nil {
		t.Fatal(err)
	}
	var c analysisCache
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	key := "rank --by degree --type  all"
	if _, ok := c.Results[key]; !ok {
		t.Fatalf("no %q in the cache: %v", key, c.Results)
	}
	c.Results[key] = json.RawMessage(`[{"rank":1,"id":"kg:entity/x","name":"Kept Answer","type":"ORG","score":9,"degree":9,"mentions":9}]`)
	if err := writeCache(db+".analysis", c); err != nil {
		t.Fatal(err)
	}
	if got := mustRun(t, "", "rank", "--db", db, "-n", "3"); !strings.Contains(got, "Kept Answer") {
		t.Fatalf("kg rank did not read the cache:\n%s", got)
	}

	// A write makes a new version: the answer is computed again.
	mustRun(t, "", "merge", "--db", db, "Gulf Systems", "Tehran")
	got := mustRun(t, "", "rank", "--db", db, "-n", "3")
	if strings.Contains(got, "Kept Answer") {
		t.Errorf("kg rank after a write answered from the old cache:\n%s", got)
	}
	if got := mustRun(t, "", "communities", "--db", db, "-n", "2"); got == "" || communities == "" {
		t.Errorf("kg communities after a write: empty answer")
	}
	// kg entities too: the merged entity is gone from the answer after the
	// merge, though it was kept before.
	if got := mustRun(t, "", "entities", "--db", db); strings.Contains(got, "\nTehran ") {
		t.Errorf("kg entities after the merge still lists Tehran:\n%s", got)
	}
}

// TestAnalysisCachePostgres: on PostgreSQL, rank answers from a cache in the
// user's cache directory while the database is unchanged, and anew after a
// write; the cache file names no part of the URL.
func TestAnalysisCachePostgres(t *testing.T) {
	t.Setenv("KG_BACKEND", "postgres")
	url := testPostgres(t)
	t.Setenv("KG_DB", url)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	mustRun(t, "", "build", "--quiet", example)
	mustRun(t, "", "rank", "-n", "3")
	path := cachePath(graph.Options{Backend: graph.Postgres, Path: url})
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no cache after kg rank: %v", err)
	}
	if strings.Contains(path, "kgtest") || strings.Contains(path, "search_path") {
		t.Errorf("the cache's name %s shows the URL", path)
	}
	var c analysisCache
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.Version, "postgres quads table ") {
		t.Errorf("the cache's version is %q, want the quads table's", c.Version)
	}
	key := "rank --by degree --type  all"
	if _, ok := c.Results[key]; !ok {
		t.Fatalf("no %q in the cache: %v", key, c.Results)
	}
	c.Results[key] = json.RawMessage(`[{"rank":1,"id":"kg:entity/x","name":"Kept Answer","type":"ORG","score":9,"degree":9,"mentions":9}]`)
	if err := writeCache(path, c); err != nil {
		t.Fatal(err)
	}
	if got := mustRun(t, "", "rank", "-n", "3"); !strings.Contains(got, "Kept Answer") {
		t.Fatalf("kg rank did not read the cache:\n%s", got)
	}
	mustRun(t, "", "merge", "Gulf Systems", "Tehran")
	if got := mustRun(t, "", "rank", "-n", "3"); strings.Contains(got, "Kept Answer") || got == "" {
		t.Errorf("kg rank after a write answered from the old cache:\n%s", got)
	}
	// Removing a document (fewer quads, no new horizon) is a write too.
	b, _ = os.ReadFile(path)
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	c.Results[key] = json.RawMessage(`[{"rank":1,"id":"kg:entity/x","name":"Kept Answer","type":"ORG","score":9,"degree":9,"mentions":9}]`)
	if err := writeCache(path, c); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "", "remove", filepath.ToSlash(filepath.Clean(example)))
	if got := mustRun(t, "", "rank", "-n", "3"); strings.Contains(got, "Kept Answer") {
		t.Errorf("kg rank after a removal answered from the old cache:\n%s", got)
	}
}

// strongest5 keeps the 5 neighbours that the most evidence joins to the
// entity (then by ID), in the order given: what ask.Nearest answers.
func strongest5(list []analyze.Neighbor) []analyze.Neighbor {
	weight := func(n analyze.Neighbor) int {
		w := 0
		for _, v := range n.Via {
			w += len(v.Evidence)
		}
		return w
	}
	byWeight := slices.Clone(list)
	slices.SortStableFunc(byWeight, func(a, b analyze.Neighbor) int {
		return cmp.Or(cmp.Compare(weight(b), weight(a)), cmp.Compare(a.ID, b.ID))
	})
	keep := make(map[string]bool)
	for _, n := range byWeight[:min(5, len(byWeight))] {
		keep[n.ID] = true
	}
	return slices.DeleteFunc(slices.Clone(list), func(n analyze.Neighbor) bool { return !keep[n.ID] })
}
