package graph

import (
	"context"
	"slices"
	"testing"

	"github.com/kgraph/kg/schema"
)

func TestJoinShortNames(t *testing.T) {
	fact := func(doc string, i int, subj, subjType, alias, obj string) schema.Fact {
		return schema.Fact{
			Subject: subj, SubjectID: schema.EntityID(subj), SubjectType: subjType, SubjectAlias: alias,
			Relation: "visit", Object: obj, ObjectID: schema.EntityID(obj), ObjectType: schema.GPE,
			Confidence: 0.8, Doc: doc, SentenceIndex: i, Sentence: alias + " visited " + obj + ".",
		}
	}
	docs := []Document{
		{Name: "a.txt", Hash: "a", Facts: []schema.Fact{
			fact("a.txt", 0, "Thomas Reid", schema.Person, "Secretary Thomas Reid", "Oman"),
			fact("a.txt", 1, "Maria Lopez", schema.Person, "Maria Lopez", "Oman"),
			fact("a.txt", 2, "Carlos Lopez", schema.Person, "Carlos Lopez", "Oman"),
			fact("a.txt", 3, "Eve Marsh", schema.Person, "Evie", "Oman"),
		}},
		{Name: "b.txt", Hash: "b", Facts: []schema.Fact{
			fact("b.txt", 0, "Reid", "", "Reid", "Dubai"),                // one Reid: joins him
			fact("b.txt", 1, "Lopez", schema.Person, "Lopez", "Dubai"),   // two Lopez: stays apart
			fact("b.txt", 2, "Evie", schema.Person, "Evie", "Dubai"),     // Eve Marsh's alias
			fact("b.txt", 3, "Thomas", schema.Org, "Thomas", "Dubai"),    // an ORG: no person
			fact("b.txt", 4, "Marsh", schema.Person, "Marsh", "Valoria"), // her last name
		}},
	}
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		loadDocs(t, s, Added, docs...)
		want := []string{"Carlos Lopez", "Dubai", "Eve Marsh", "Lopez", "Maria Lopez", "Oman", "Thomas", "Thomas Reid", "Valoria"}
		if got := entityNames(t, s); !slices.Equal(got, want) {
			t.Errorf("entities: got %q, want %q", got, want)
		}
		for _, tt := range []struct{ subj, obj string }{
			{"Thomas Reid", "Dubai"}, {"Eve Marsh", "Dubai"}, {"Eve Marsh", "Valoria"}, {"Lopez", "Dubai"},
		} {
			if sup, err := s.Support(ctx, tt.subj, "visit", tt.obj); err != nil || len(sup.Evidence) != 1 {
				t.Errorf("%s - visit - %s: got %+v, %v", tt.subj, tt.obj, sup, err)
			}
		}
		if got := aliasesOf(t, s, "Thomas Reid"); !slices.Contains(got, "Reid") {
			t.Errorf("Thomas Reid's aliases: got %q, want Reid among them", got)
		}
		// Loaded again, b.txt gives the same store.
		before := dump(t, s)
		b := docs[1]
		b.Hash = "b2"
		loadDocs(t, s, Replaced, b)
		after := dump(t, s)
		if len(after) != len(before) {
			t.Errorf("replacing b.txt by itself: %d quads, want %d", len(after), len(before))
		}
		sound(t, s)
	})
}
