package analyze

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// benchSnapshot makes a snapshot of n entities and 3n facts between random
// pairs, the same every time.
func benchSnapshot(n int) *schema.Snapshot {
	r := rand.New(rand.NewPCG(1, 2))
	s := &schema.Snapshot{}
	for i := range n {
		s.Entities = append(s.Entities, schema.EntityInfo{ID: fmt.Sprintf("kg:entity/e%06d", i), Name: fmt.Sprintf("Entity %d", i), Type: "ORG"})
	}
	for range 3 * n {
		a, b := s.Entities[r.IntN(n)].ID, s.Entities[r.IntN(n)].ID
		s.Facts = append(s.Facts, schema.StoredFact{Subject: a, Relation: "link", RelationID: "rel:link", Object: b, Confidence: r.Float64(),
			Evidence: []schema.EvidenceRecord{{Document: "bench.txt", Text: "A sentence."}}})
	}
	slices.SortFunc(s.Facts, func(a, b schema.StoredFact) int {
		return strings.Compare(a.Subject+" "+a.Object, b.Subject+" "+b.Object)
	})
	return s
}

func BenchmarkAnalyze(b *testing.B) {
	snap := benchSnapshot(2000)
	g := New(snap)
	b.Run("New", func(b *testing.B) {
		for b.Loop() {
			New(snap)
		}
	})
	b.Run("Paths", func(b *testing.B) {
		for b.Loop() {
			if _, err := g.Paths("Entity 1", "Entity 2", 6, 3); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, by := range Measures {
		b.Run("Rank/"+by, func(b *testing.B) {
			for b.Loop() {
				if _, err := g.Rank(by, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("Communities", func(b *testing.B) {
		for b.Loop() {
			g.Communities(1)
		}
	})
}
