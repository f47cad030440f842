package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// loadParts writes d through a PartWriter, its facts cut at each index of
// cuts; finish says whether to finish the document.
func loadParts(t *testing.T, s *Store, d Document, finish bool, cuts ...int) Change {
	t.Helper()
	ctx := context.Background()
	facts := d.Facts
	d.Facts = nil
	w, err := s.LoadParts(d)
	if err != nil {
		t.Fatal(err)
	}
	prev := 0
	for _, c := range append(cuts, len(facts)) {
		if err := w.Write(ctx, facts[prev:c]); err != nil {
			t.Fatalf("part %d:%d: %v", prev, c, err)
		}
		prev = c
	}
	if !finish {
		return 0
	}
	c, err := w.Finish(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestLoadParts: a document written in parts, each in its own transaction,
// gives the store that one LoadDocument of all its facts gives, whether it
// is added or replaces an older version; a document whose parts were
// written but not finished (a build killed between them) is reported by
// Verify, has no hash, and is replaced whole by the next load.
func TestLoadParts(t *testing.T) {
	ctx := context.Background()
	docs := testDocuments(testFacts())
	trade, markets := docs[0], docs[1]
	if len(trade.Facts) != 3 {
		t.Fatalf("trade.txt has %d facts, want 3", len(trade.Facts))
	}
	old := trade
	old.Hash, old.Facts = "sha256:old", trade.Facts[:1]

	backends(t, func(t *testing.T, s *Store) {
		ref := openTest(t, Options{Backend: Memory})
		loadDocs(t, ref, Added, markets, trade)

		loadDocs(t, s, Added, markets)
		if got := loadParts(t, s, trade, true, 1, 1, 2); got != Added {
			t.Errorf("added in parts: %v, want added", got)
		}
		sameQuads(t, "added in parts", s, ref)
		if got := loadParts(t, s, trade, true, 1); got != Unchanged {
			t.Errorf("the same content in parts: %v, want unchanged", got)
		}
		sameQuads(t, "unchanged", s, ref)

		// Replacing an older version.
		loadDocs(t, s, Replaced, old)
		if got := loadParts(t, s, trade, true, 2); got != Replaced {
			t.Errorf("replaced in parts: %v, want replaced", got)
		}
		sameQuads(t, "replaced in parts", s, ref)

		// Interrupted: two parts of three written, then a build that
		// loads it again.
		loadDocs(t, s, Replaced, old)
		loadParts(t, s, trade, false, 1, 2)
		problems, err := s.Verify(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) != 1 || !strings.Contains(problems[0], "trade.txt is not whole") {
			t.Errorf("Verify of a document left in parts: %q, want it not whole", problems)
		}
		if h, err := s.DocumentHash(ctx, trade.Name); err != nil || h != "" {
			t.Errorf("hash of a document left in parts: %q, %v; want none", h, err)
		}
		loadDocs(t, s, Replaced, trade)
		sameQuads(t, "replaced after parts", s, ref)
		if problems, err := s.Verify(ctx); err != nil || len(problems) > 0 {
			t.Errorf("Verify after the document was loaded again: %q, %v", problems, err)
		}
	})
}

// TestLoadPartsRefuses: the writer checks its facts and its order of calls.
func TestLoadPartsRefuses(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Options{Backend: Memory})
	if _, err := s.LoadParts(Document{Name: " "}); err == nil {
		t.Error("LoadParts of a document without a name: no error")
	}
	if _, err := s.LoadParts(Document{Name: "a.txt", Facts: testFacts()[:1]}); err == nil {
		t.Error("LoadParts with facts on the document: no error")
	}
	w, err := s.LoadParts(Document{Name: "a.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Finish(ctx); err == nil {
		t.Error("Finish before any part: no error")
	}
	if err := w.Write(ctx, testFacts()[:1]); err == nil || !strings.Contains(err.Error(), "trade.txt") {
		t.Errorf("a part with another document's fact: %v", err)
	}
	f := testFacts()[0]
	f.Doc, f.Subject = "a.txt", " "
	if err := w.Write(ctx, []schema.Fact{f}); err == nil {
		t.Error("a part with a fact without a subject: no error")
	}
	if got := dump(t, s); len(got) > 0 {
		t.Errorf("refused parts wrote %d quads", len(got))
	}
	if err := w.Write(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if c, err := w.Finish(ctx); err != nil || c != Added {
		t.Errorf("Finish: %v, %v; want added", c, err)
	}
	if _, err := w.Finish(ctx); err == nil {
		t.Error("Finish twice: no error")
	}
	if err := w.Write(ctx, nil); err == nil {
		t.Error("a part after Finish: no error")
	}
}
