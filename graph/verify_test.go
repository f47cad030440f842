package graph

import (
	"context"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// corrupt changes the store behind its API, as a bug or a crash could.
func corrupt(t *testing.T, s *Store, del, add []quad.Quad) {
	t.Helper()
	qs, release, err := s.useForWrite()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if err := qs.ApplyDeltas(deltas(del, add), cgraph.IgnoreOpts{}); err != nil {
		t.Fatalf("corrupt: %v", err)
	}
}

func TestVerify(t *testing.T) {
	f := testFacts()[0] // trade.txt: Commerce Department penalize Zentek Systems
	ev := quad.IRI(f.EvidenceID())
	fact := quad.Quad{Subject: quad.IRI(f.SubjectID), Predicate: quad.IRI(f.RelationID()), Object: quad.IRI(f.ObjectID), Label: ev}
	iri := func(s string) quad.IRI { return quad.IRI(s) }
	tests := []struct {
		name     string
		del, add []quad.Quad
		want     []string // each is in a problem
	}{
		{"sound", nil, nil, nil},
		{"fact gone", []quad.Quad{fact}, nil, []string{"evidence " + string(ev) + " labels no fact"}},
		{"evidence gone", nil, nil, nil}, // filled below: every quad of the evidence node
		{"fact without evidence",
			nil, []quad.Quad{{Subject: fact.Subject, Predicate: fact.Predicate, Object: fact.Object, Label: iri("kg:ev/none")}},
			[]string{"has no evidence"}},
		{"entity without facts",
			nil, []quad.Quad{{Subject: iri("kg:entity/lonely"), Predicate: iri(schema.RDFType), Object: iri(schema.Entity)}},
			[]string{"kg:Entity kg:entity/lonely has no fact"}},
		{"correction without its names",
			nil, []quad.Quad{
				{Subject: iri("kg:correction/1"), Predicate: iri(schema.RDFType), Object: iri(schema.Correction)},
				{Subject: iri("kg:correction/1"), Predicate: iri(schema.Kind), Object: quad.String(Merge)},
				{Subject: iri("kg:correction/1"), Predicate: iri(schema.Seq), Object: quad.Int(1)},
				{Subject: iri("kg:correction/1"), Predicate: iri(schema.Keep), Object: quad.String("Orbis Bank")},
			},
			[]string{"correction kg:correction/1 does not name what it merges"}},
		{"evidence of no document",
			[]quad.Quad{{Subject: ev, Predicate: iri(schema.Doc), Object: iri(schema.DocumentID("trade.txt"))}}, nil,
			[]string{"belongs to no document", "document kg:doc/trade.txt is not whole: 2 evidence nodes, want 3"}},
	}
	for _, backend := range []string{Memory, Bolt, Postgres} {
		t.Run(backend, func(t *testing.T) {
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					ctx := context.Background()
					s := openTest(t, emptyStore(t, backend))
					loadDocs(t, s, Added, testDocuments(testFacts())...)
					del, want := tt.del, tt.want
					if tt.name == "evidence gone" {
						r := reader{qs: s.qs}
						qs, err := r.quadsOf(ctx, quad.Subject, ev)
						if err != nil {
							t.Fatal(err)
						}
						del = append(qs, fact)
						want = []string{"document kg:doc/trade.txt is not whole: 2 evidence nodes, want 3"}
					}
					corrupt(t, s, del, tt.add)
					got, err := s.Verify(ctx)
					if err != nil {
						t.Fatal(err)
					}
					if len(want) == 0 && len(got) != 0 {
						t.Errorf("Verify: got %q, want no problem", got)
					}
					for _, w := range want {
						if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, w) }) {
							t.Errorf("Verify: got %q, want a problem with %q", got, w)
						}
					}
				})
			}
		})
	}
}
