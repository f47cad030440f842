package graph

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// zentekDocs: a.txt and b.txt call one company "Zentek Systems" and
// "Zentek Corp"; c.txt comes later and calls it "Zentek Corp" too.
func zentekDocs() []Document {
	fact := func(doc string, i int, subj, subjAlias, rel, obj, objAlias string) schema.Fact {
		return schema.Fact{
			Subject: subj, SubjectID: schema.EntityID(subj), SubjectType: schema.Org, SubjectAlias: subjAlias,
			Relation: rel,
			Object:   obj, ObjectID: schema.EntityID(obj), ObjectType: schema.Org, ObjectAlias: objAlias,
			Confidence: 0.8, Doc: doc, SentenceIndex: i, Sentence: subjAlias + " " + rel + " " + objAlias + ".",
		}
	}
	return []Document{
		{Name: "a.txt", Hash: "a", Facts: []schema.Fact{
			fact("a.txt", 0, "Commerce Department", "Commerce", "penalize", "Zentek Systems", "Zentek"),
			fact("a.txt", 1, "Zentek Corp", "Zentek Corp", "hire", "Maria Lopez", "Maria Lopez"),
		}},
		{Name: "b.txt", Hash: "b", Facts: []schema.Fact{
			fact("b.txt", 0, "Commerce Department", "the Commerce Department", "fine", "Zentek Corp", "Zentek Corp"),
		}},
		{Name: "c.txt", Hash: "c", Facts: []schema.Fact{
			fact("c.txt", 0, "Commerce Department", "Commerce", "sue", "Zentek Corp", "Zentek Corp"),
		}},
	}
}

// withoutTimes is dump without the corrections' times, which differ
// between two stores.
func withoutTimes(t testing.TB, s *Store) []string {
	t.Helper()
	return slices.DeleteFunc(dump(t, s), func(q string) bool { return strings.Contains(q, "<"+schema.Time+">") })
}

func entityNames(t testing.TB, s *Store) []string {
	t.Helper()
	es, err := s.Entities(context.Background(), EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name)
	}
	return names
}

func sound(t testing.TB, s *Store) {
	t.Helper()
	if problems, err := s.Verify(context.Background()); err != nil || len(problems) > 0 {
		t.Errorf("Verify: %v %q", err, problems)
	}
}

func TestMerge(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		docs := zentekDocs()
		loadDocs(t, s, Added, docs[0], docs[1])
		c, err := s.Merge(ctx, "Zentek Systems", "zentek corp")
		if err != nil {
			t.Fatal(err)
		}
		if c.Kind != Merge || c.Keep != "Zentek Systems" || c.Drop != "Zentek Corp" || c.Seq != 1 || c.Time.IsZero() {
			t.Errorf("Merge: got %+v", c)
		}
		if got, want := entityNames(t, s), []string{"Commerce Department", "Maria Lopez", "Zentek Systems"}; !slices.Equal(got, want) {
			t.Errorf("entities after the merge: got %q, want %q", got, want)
		}
		if got, want := aliasesOf(t, s, "Zentek Systems"), []string{"Zentek", "Zentek Corp"}; !slices.Equal(got, want) {
			t.Errorf("aliases after the merge: got %q, want %q", got, want)
		}
		sound(t, s)

		// A later document, and a replaced one, follow the correction.
		loadDocs(t, s, Added, docs[2])
		b := docs[1]
		b.Hash = "b2"
		loadDocs(t, s, Replaced, b)
		if got := entityNames(t, s); slices.Contains(got, "Zentek Corp") {
			t.Errorf("Zentek Corp is back after later loads: %q", got)
		}
		if sup, err := s.Support(ctx, "Commerce Department", "sue", "Zentek Systems"); err != nil || len(sup.Evidence) != 1 {
			t.Errorf("c.txt's fact: got %+v, %v; want it on Zentek Systems", sup, err)
		}
		sound(t, s)

		// The same correction made before the later loads gives the same
		// store.
		early := openTest(t, emptyStore(t, Memory))
		loadDocs(t, early, Added, docs[0])
		if _, err := early.Merge(ctx, "Zentek Systems", "Zentek Corp"); err != nil {
			t.Fatal(err)
		}
		loadDocs(t, early, Added, b, docs[2])
		if got, want := withoutTimes(t, s), withoutTimes(t, early); !slices.Equal(got, want) {
			t.Errorf("merge after the loads and merge before them differ:\n%q\n%q", got, want)
		}

		// Undone, the store is what the loads alone give.
		if _, err := s.Undo(ctx, "1"); err != nil {
			t.Fatal(err)
		}
		fresh := openTest(t, emptyStore(t, Memory))
		loadDocs(t, fresh, Added, docs[0], b, docs[2])
		// (but for the number of the last correction given, which stays)
		counter := func(q string) bool { return strings.Contains(q, "<"+schema.LastSeq+">") }
		got, want := dump(t, s), dump(t, fresh)
		if !slices.ContainsFunc(got, counter) {
			t.Errorf("after undo: the last correction's number is gone")
		}
		if got := slices.DeleteFunc(got, counter); !slices.Equal(got, want) {
			t.Errorf("after undo:\n\t%s\nwant\n\t%s", strings.Join(diff(got, want), "\n\t"), strings.Join(diff(want, got), "\n\t"))
		}
		if _, err := s.Undo(ctx, "1"); !errors.Is(err, ErrNotFound) {
			t.Errorf("undoing it again: got %v, want ErrNotFound", err)
		}
	})
}

func TestSplit(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		docs := zentekDocs()
		loadDocs(t, s, Added, docs[0], docs[1])
		if _, err := s.Split(ctx, "Commerce Department", "Commerce"); err != nil {
			t.Fatal(err)
		}
		if sup, err := s.Support(ctx, "Commerce", "penalize", "Zentek Systems"); err != nil || len(sup.Evidence) != 1 {
			t.Errorf("the split fact: got %+v, %v; want it on Commerce", sup, err)
		}
		if got, want := aliasesOf(t, s, "Commerce Department"), []string{"the Commerce Department"}; !slices.Equal(got, want) {
			t.Errorf("aliases after the split: got %q, want %q", got, want)
		}
		loadDocs(t, s, Added, docs[2]) // "Commerce" sues: the split entity
		if sup, err := s.Support(ctx, "Commerce", "sue", "Zentek Corp"); err != nil || len(sup.Evidence) != 1 {
			t.Errorf("a later load: got %+v, %v; want Commerce - sue - Zentek Corp", sup, err)
		}
		sound(t, s)
		// A merge after the split: both apply, in order.
		if _, err := s.Merge(ctx, "Zentek Systems", "Zentek Corp"); err != nil {
			t.Fatal(err)
		}
		if sup, err := s.Support(ctx, "Commerce", "sue", "Zentek Systems"); err != nil || len(sup.Evidence) != 1 {
			t.Errorf("after the merge: got %+v, %v", sup, err)
		}
		corrs, err := s.Corrections(ctx)
		if err != nil || len(corrs) != 2 || corrs[0].Kind != Split || corrs[1].Kind != Merge {
			t.Fatalf("Corrections: got %+v, %v", corrs, err)
		}
		sound(t, s)
		// Undo the split alone: the merge stays.
		if _, err := s.Undo(ctx, corrs[0].ID); err != nil {
			t.Fatal(err)
		}
		if got, want := entityNames(t, s), []string{"Commerce Department", "Maria Lopez", "Zentek Systems"}; !slices.Equal(got, want) {
			t.Errorf("entities after undoing the split: got %q, want %q", got, want)
		}
		sound(t, s)
		// Corrections outlive their documents' replacement and removal.
		for _, d := range []string{"a.txt", "b.txt", "c.txt"} {
			if err := s.Remove(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		if corrs, err := s.Corrections(ctx); err != nil || len(corrs) != 1 {
			t.Errorf("after removing every document: got %+v, %v; want the merge", corrs, err)
		}
		loadDocs(t, s, Added, docs...)
		if got, want := entityNames(t, s), []string{"Commerce Department", "Maria Lopez", "Zentek Systems"}; !slices.Equal(got, want) {
			t.Errorf("entities after loading again: got %q, want %q", got, want)
		}
		sound(t, s)
	})
}

func TestBadCorrections(t *testing.T) {
	s := openTest(t, emptyStore(t, Memory))
	loadDocs(t, s, Added, zentekDocs()...)
	ctx := context.Background()
	tests := []struct {
		name string
		do   func() error
		want error
	}{
		{"merge with itself", func() error { _, err := s.Merge(ctx, "Zentek Corp", "zentek corp"); return err }, ErrBadCorrection},
		{"merge unknown", func() error { _, err := s.Merge(ctx, "Zentek Corp", "Nobody"); return err }, ErrNotFound},
		{"split unknown alias", func() error { _, err := s.Split(ctx, "Zentek Corp", "ZC"); return err }, ErrBadCorrection},
		{"split own name", func() error { _, err := s.Split(ctx, "Zentek Corp", "Zentek Corp"); return err }, ErrBadCorrection},
		{"undo unknown", func() error { _, err := s.Undo(ctx, "7"); return err }, ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.do(); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
	if corrs, err := s.Corrections(ctx); err != nil || len(corrs) != 0 {
		t.Errorf("failed corrections were recorded: %+v, %v", corrs, err)
	}
}

// TestMergeUndoRestores: a merge that deletes an entity, undone, gives the
// store back as it was: the entity's type and name words too, not the type
// of the entity it was merged into. And a correction's number is never
// given again after an undo.
func TestMergeUndoRestores(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		if err := storeFacts(ctx, s, testDocs, testFacts()); err != nil {
			t.Fatal(err)
		}
		before := dump(t, s)
		c, err := s.Merge(ctx, "Commerce Department", "Maria Lopez")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Undo(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		after := slices.DeleteFunc(dump(t, s), func(q string) bool { return strings.Contains(q, "correction") })
		if !slices.Equal(after, before) {
			t.Errorf("after merge and undo:\n\t%s\nwant\n\t%s", strings.Join(diff(after, before), "\n\t"),
				strings.Join(diff(before, after), "\n\t"))
		}
		sound(t, s)
		c2, err := s.Merge(ctx, "Commerce Department", "Orbis Bank")
		if err != nil {
			t.Fatal(err)
		}
		if c2.ID == c.ID || c2.Seq <= c.Seq {
			t.Errorf("a correction after an undo: got %s (seq %d), the undone one's was %s (seq %d)", c2.ID, c2.Seq, c.ID, c.Seq)
		}
	})
}

// diff returns the lines of a not in b.
func diff(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
