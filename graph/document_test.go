package graph

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/kgraph/kg/schema"
)

// testDocuments splits the test corpus into documents, with hashes.
func testDocuments(facts []schema.Fact) []Document {
	var docs []Document
	for _, name := range testDocs {
		d := Document{Name: name, Hash: "sha256:" + name}
		for _, f := range facts {
			if f.Doc == name {
				d.Facts = append(d.Facts, f)
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// dump returns every quad of the store in N-Quads, sorted.
func dump(t testing.TB, s *Store) []string {
	t.Helper()
	qs, release, err := s.use()
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	ctx := context.Background()
	var out []string
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// loadDocs loads the documents one by one and checks what each did.
func loadDocs(t testing.TB, s *Store, want Change, docs ...Document) {
	t.Helper()
	for _, d := range docs {
		got, err := s.LoadDocument(context.Background(), d)
		if err != nil {
			t.Fatalf("LoadDocument(%s): %v", d.Name, err)
		}
		if got != want {
			t.Errorf("LoadDocument(%s): got %v, want %v", d.Name, got, want)
		}
	}
}

// sameQuads fails the test if the two stores differ.
func sameQuads(t testing.TB, what string, got, want *Store) {
	t.Helper()
	g, w := dump(t, got), dump(t, want)
	if !slices.Equal(g, w) {
		for _, q := range g {
			if !slices.Contains(w, q) {
				t.Errorf("%s: extra quad %s", what, q)
			}
		}
		for _, q := range w {
			if !slices.Contains(g, q) {
				t.Errorf("%s: missing quad %s", what, q)
			}
		}
	}
}

func TestLoadDocument(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		docs := testDocuments(testFacts())
		loadDocs(t, s, Added, docs...)
		got, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got != testStats {
			t.Errorf("Stats: got %+v, want %+v", got, testStats)
		}
		before := dump(t, s)
		loadDocs(t, s, Unchanged, docs...)
		if after := dump(t, s); !slices.Equal(before, after) {
			t.Errorf("loading the same documents again changed the store")
		}
		loadDocs(t, s, Replaced, Document{Name: "markets.txt", Facts: docs[1].Facts}) // no hash: always replaced
		if after := dump(t, s); !slices.Equal(before[:0], after[:0]) || len(after) != len(before)-1 {
			t.Errorf("replacing a document by itself without a hash: %d quads, want %d (the hash gone)", len(after), len(before)-1)
		}
	})
}

// TestReplaceDocument checks that changing and removing documents one by one
// leaves the store as loading the result from scratch would.
func TestReplaceDocument(t *testing.T) {
	for _, backend := range []string{Memory, Bolt, Postgres} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			s := openTest(t, emptyStore(t, backend))
			docs := testDocuments(testFacts())
			loadDocs(t, s, Added, docs...)

			// trade.txt changes: the fine is gone (and with it Orbis Bank's
			// only fact there, but markets.txt still has one), Maria Lopez
			// now heads a new agency.
			changed := testFacts()
			changed[2].Object, changed[2].ObjectID = "Export Agency", schema.EntityID("Export Agency")
			changed = slices.Delete(changed, 1, 2)
			trade := testDocuments(changed)[0]
			trade.Hash = "sha256:trade v2"
			loadDocs(t, s, Replaced, trade)

			fresh := openTest(t, emptyStore(t, backend))
			loadDocs(t, fresh, Added, trade, docs[1], docs[2])
			sameQuads(t, "after replacing trade.txt", s, fresh)

			if err := s.Remove(ctx, "markets.txt"); err != nil {
				t.Fatal(err)
			}
			fresh = openTest(t, emptyStore(t, backend))
			loadDocs(t, fresh, Added, trade, docs[2])
			sameQuads(t, "after removing markets.txt", s, fresh)

			if err := s.Remove(ctx, "markets.txt"); !errors.Is(err, ErrNotFound) {
				t.Errorf("removing it again: got %v, want ErrNotFound", err)
			}
			for _, name := range []string{"trade.txt", "empty.txt"} {
				if err := s.Remove(ctx, name); err != nil {
					t.Fatal(err)
				}
			}
			if got := dump(t, s); len(got) != 0 {
				t.Errorf("after removing every document, the store holds %d quads: %q", len(got), got)
			}
		})
	}
}
