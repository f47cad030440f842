package graph

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/kgraph/kg/schema"
)

// aliasFacts: two documents call Zentek Systems by short names, one of them
// the same; b.txt denies the penalty that a.txt states.
func aliasFacts() []Document {
	fact := func(doc string, i int, subjAlias, rel, objAlias string, neg bool) schema.Fact {
		return schema.Fact{
			Subject: "Commerce Department", SubjectType: schema.Org, SubjectID: schema.EntityID("Commerce Department"),
			Relation: rel, Object: "Zentek Systems", ObjectType: schema.Org, ObjectID: schema.EntityID("Zentek Systems"),
			Negated: neg, Confidence: 0.8, Doc: doc, SentenceIndex: i, Sentence: "sentence of " + doc,
			SentenceStart: 10 * i, SentenceEnd: 10*i + 9, SubjectAlias: subjAlias, ObjectAlias: objAlias,
		}
	}
	return []Document{
		{Name: "a.txt", Hash: "a", Facts: []schema.Fact{
			fact("a.txt", 0, "Commerce", "penalize", "Zentek", false),
			fact("a.txt", 1, "the Commerce Department", "fine", "Zentek Systems Inc.", false),
		}},
		{Name: "b.txt", Hash: "b", Facts: []schema.Fact{
			fact("b.txt", 2, "Commerce Department", "penalize", "Zentek", true),
		}},
	}
}

func aliasesOf(t *testing.T, s *Store, name string) []string {
	t.Helper()
	es, err := s.Entities(context.Background(), EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Name == name {
			return e.Aliases
		}
	}
	t.Fatalf("no entity %q in %+v", name, es)
	return nil
}

func TestAliases(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		docs := aliasFacts()
		loadDocs(t, s, Added, docs...)
		if got, want := aliasesOf(t, s, "Zentek Systems"), []string{"Zentek", "Zentek Systems Inc."}; !slices.Equal(got, want) {
			t.Errorf("aliases: got %q, want %q", got, want)
		}
		// "Commerce Department" is its name, not an alias.
		if got, want := aliasesOf(t, s, "Commerce Department"), []string{"Commerce", "the Commerce Department"}; !slices.Equal(got, want) {
			t.Errorf("aliases: got %q, want %q", got, want)
		}
		// a.txt goes: "Zentek" stays, b.txt writes it too.
		if err := s.Remove(ctx, "a.txt"); err != nil {
			t.Fatal(err)
		}
		if got, want := aliasesOf(t, s, "Zentek Systems"), []string{"Zentek"}; !slices.Equal(got, want) {
			t.Errorf("after removing a.txt: got %q, want %q", got, want)
		}
		// b.txt changes to another alias: the old one goes with it.
		b := docs[1]
		b.Hash, b.Facts = "b2", slices.Clone(b.Facts)
		b.Facts[0].ObjectAlias = "ZS"
		loadDocs(t, s, Replaced, b)
		if got, want := aliasesOf(t, s, "Zentek Systems"), []string{"ZS"}; !slices.Equal(got, want) {
			t.Errorf("after replacing b.txt: got %q, want %q", got, want)
		}
		if problems, err := s.Verify(ctx); err != nil || len(problems) > 0 {
			t.Errorf("Verify: %v %q", err, problems)
		}
		res, err := s.Query(ctx, `var e = g.V().Has("<kg:name>", "Zentek Systems")
			e.In("<kg:subject>").Out("<kg:subject_alias>").Union(e.In("<kg:object>").Out("<kg:object_alias>")).Unique().All()`, 0)
		if err != nil || len(res) != 1 || res[0].(map[string]any)["id"] != "ZS" {
			t.Errorf("Gizmo aliases: got %v, %v", res, err)
		}
	})
}

func TestSupport(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		loadDocs(t, s, Added, aliasFacts()...)
		sup, err := s.Support(ctx, "commerce department", "penalize", "Zentek Systems")
		if err != nil {
			t.Fatal(err)
		}
		if sup.Subject != "Commerce Department" || sup.Sentences != 2 || sup.Documents != 2 || sup.Asserted != 1 || sup.Negated != 1 {
			t.Errorf("got %+v, want Commerce Department, 2 sentences in 2 documents, 1 asserted, 1 negated", sup)
		}
		if len(sup.Evidence) != 2 {
			t.Fatalf("got %d evidence, want 2", len(sup.Evidence))
		}
		e := sup.Evidence[1]
		want := schema.EvidenceRecord{ID: e.ID, Document: "b.txt", SentenceIndex: 2, Start: 20, End: 29, Text: "sentence of b.txt",
			Negated: true, Confidence: 0.8, SubjectAlias: "Commerce Department", ObjectAlias: "Zentek"}
		if e != want {
			t.Errorf("evidence: got %+v, want %+v", e, want)
		}
		if sup, err := s.Support(ctx, "Zentek Systems", "penalize", "Commerce Department"); err != nil || len(sup.Evidence) != 0 {
			t.Errorf("a fact nobody states: got %+v, %v; want an empty ledger", sup, err)
		}
		if _, err := s.Support(ctx, "Nobody", "penalize", "Zentek Systems"); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown entity: got %v, want ErrNotFound", err)
		}
	})
}

func TestEntities(t *testing.T) {
	loaded(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		all, err := s.Entities(ctx, EntityFilter{Sort: ByMentions})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range all {
			names = append(names, e.Name)
		}
		// Commerce Department: 4 evidence; Zentek Systems 4; Orbis Bank 2;
		// Valoria 2; the rest 1.
		want := []string{"Commerce Department", "Zentek Systems", "Orbis Bank", "Valoria", "$5 million", "Maria Lopez"}
		if !slices.Equal(names, want) {
			t.Errorf("by mentions: got %q, want %q", names, want)
		}
		if e := all[0]; e.Mentions != 4 || e.Degree != 3 || e.Type != schema.Org {
			t.Errorf("Commerce Department: got %+v, want 4 mentions, degree 3, ORG", e)
		}
		orgs, err := s.Entities(ctx, EntityFilter{Type: "org", Sort: ByDegree})
		if err != nil {
			t.Fatal(err)
		}
		if len(orgs) != 3 || orgs[0].Name != "Zentek Systems" && orgs[0].Name != "Commerce Department" {
			t.Errorf("ORG by degree: got %+v", orgs)
		}
		if _, err := s.Entities(ctx, EntityFilter{Sort: "size"}); err == nil {
			t.Errorf("unknown sort: got no error")
		}
	})
}
