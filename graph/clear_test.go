package graph

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// longDoc returns one document of the facts of newsDocs' documents from to
// to+n, renumbered as one text's sentences: a long document whose people
// the short documents share.
func longDoc(from, n int) Document {
	d := Document{Name: "long.txt", Hash: "long" + strings.Repeat("+", from)}
	for _, nd := range newsDocs(from + n)[from:] {
		for _, f := range nd.Facts {
			f.Doc, f.SentenceIndex = d.Name, len(d.Facts)
			d.Facts = append(d.Facts, f)
		}
	}
	return d
}

// TestClearLong replaces and removes a document with more evidence nodes
// than a transaction should take out, on every backend: the store must be
// what a build of the new documents from scratch gives, and the evidence
// must have gone in batches, a transaction each.
func TestClearLong(t *testing.T) {
	ctx := context.Background()
	others := newsDocs(12)
	v1, v2 := longDoc(20, 40), longDoc(30, 40)
	reference := func(t *testing.T, backend string, docs ...Document) *Store {
		ref := openTest(t, emptyStore(t, backend))
		loadDocs(t, ref, Added, docs...)
		return ref
	}
	backends(t, func(t *testing.T, s *Store) {
		backend := s.backend
		s.longEvidence, s.clearBatch = 50, 40
		transactions := 0 // the transactions between which s.between ran (bolt's two steps too)
		s.between = func() error { transactions++; return nil }
		loadDocs(t, s, Added, others...)
		loadDocs(t, s, Added, v1)
		transactions = 0
		loadDocs(t, s, Replaced, v2)
		if min := len(v1.Facts) / 40; transactions < min {
			t.Errorf("replacing the long document: %d transactions, want %d or more", transactions, min)
		}
		sameQuads(t, "replaced", s, reference(t, backend, append(slices.Clone(others), v2)...))
		sound(t, s)

		transactions = 0
		if err := s.Remove(ctx, v2.Name); err != nil {
			t.Fatal(err)
		}
		if transactions < len(v2.Facts)/40 {
			t.Errorf("removing the long document: %d transactions, want %d or more", transactions, len(v2.Facts)/40)
		}
		sameQuads(t, "removed", s, reference(t, backend, others...))
		sound(t, s)

		// A document written in parts is replaced the same way. (Not
		// again on PostgreSQL, whose writes take a tenth of a second each:
		// its locks are those of the replacement above.)
		if backend == Postgres {
			return
		}
		parts := func(s *Store, d Document) {
			t.Helper()
			w, err := s.LoadParts(Document{Name: d.Name, Hash: d.Hash})
			if err != nil {
				t.Fatal(err)
			}
			for part := range slices.Chunk(d.Facts, 50) {
				if err := w.Write(ctx, part); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := w.Finish(ctx); err != nil {
				t.Fatal(err)
			}
		}
		parts(s, v1)
		transactions = 0
		parts(s, v2)
		if transactions < len(v1.Facts)/40 {
			t.Errorf("replacing the long document in parts: %d transactions, want %d or more", transactions, len(v1.Facts)/40)
		}
		ref := reference(t, backend, others...)
		parts(ref, v2)
		sameQuads(t, "replaced in parts", s, ref)
		sound(t, s)
	})
}

// TestClearLongStopped stops the clearing of a long document, between two
// of its transactions, as kill -9 would: the store left must verify but for
// that document, which it reports as stopped, and the next build must mend.
func TestClearLongStopped(t *testing.T) {
	ctx := context.Background()
	others := newsDocs(12)
	v1, v2 := longDoc(20, 40), longDoc(30, 40)
	dir := t.TempDir()
	path := filepath.Join(dir, "kg.db")
	s := openTest(t, Options{Backend: Bolt, Path: path, Create: true})
	s.longEvidence, s.clearBatch = 50, 40
	loadDocs(t, s, Added, append(slices.Clone(others), v1)...)
	calls := 0
	s.between = func() error {
		if calls++; calls == 4 {
			return errCrash
		}
		return nil
	}
	if _, err := s.LoadDocument(ctx, v2); !errors.Is(err, errCrash) {
		t.Fatalf("LoadDocument stopped in its clearing: %v, want the crash", err)
	}
	problems, err := s.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := "document " + schema.DocumentID(v2.Name) + " is not whole: a build stopped"
	if len(problems) != 1 || !strings.HasPrefix(problems[0], want) {
		t.Errorf("verify after the stop: %q, want one problem, %q", problems, want)
	}
	s.between = nil
	loadDocs(t, s, Replaced, v2)
	ref := openTest(t, emptyStore(t, Bolt))
	loadDocs(t, ref, Added, append(slices.Clone(others), v2)...)
	sameQuads(t, "built again after the stop", s, ref)
	sound(t, s)
}
