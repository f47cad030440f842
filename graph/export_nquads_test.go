package graph

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/kgraph/kg/schema"
)

// exportStore loads the test corpus with Load, the zentek documents with
// LoadDocument (which keeps their hashes and evidence counts), and a merge.
func exportStore(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	if err := storeFacts(ctx, s, testDocs, testFacts()); err != nil {
		t.Fatal(err)
	}
	loadDocs(t, s, Added, zentekDocs()...)
	if _, err := s.Merge(ctx, "Zentek Systems", "Zentek Corp"); err != nil {
		t.Fatal(err)
	}
}

func exportNQuads(t *testing.T, s *Store, opts SubgraphOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.ExportNQuads(context.Background(), &buf, opts); err != nil {
		t.Fatalf("ExportNQuads(%+v): %v", opts, err)
	}
	return buf.Bytes()
}

// TestExportNQuadsRoundTrip exports a whole store and loads the quads into
// an empty store twice, with Cayley's own N-Quads reader and quad store
// writes and with LoadNQuads: each holds the same quads, and exports the same
// bytes.
func TestExportNQuadsRoundTrip(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		exportStore(t, s)
		want := dump(t, s)
		out := exportNQuads(t, s, SubgraphOptions{})
		if lines := strings.Count(string(out), "\n"); lines != len(want) {
			t.Errorf("exported %d lines, the store has %d quads", lines, len(want))
		}

		qs, err := quad.ReadAll(nquads.NewReader(bytes.NewReader(out), false))
		if err != nil {
			t.Fatalf("Cayley's reader: %v", err)
		}
		byCayley := openTest(t, Options{Backend: Memory})
		corrupt(t, byCayley, nil, qs) // Cayley's own ApplyDeltas
		if got := dump(t, byCayley); !slices.Equal(got, want) {
			t.Errorf("loaded by Cayley: %d quads, want the store's %d:\n%s", len(got), len(want), diffLines(got, want))
		}

		path := filepath.Join(t.TempDir(), "whole.nq")
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		byKG := openTest(t, emptyStore(t, Bolt))
		if _, err := byKG.LoadNQuads(ctx, path, 0); err != nil {
			t.Fatal(err)
		}
		if got := dump(t, byKG); !slices.Equal(got, want) {
			t.Errorf("loaded by LoadNQuads: %d quads, want the store's %d:\n%s", len(got), len(want), diffLines(got, want))
		}
		if again := exportNQuads(t, byKG, SubgraphOptions{}); !bytes.Equal(again, out) {
			t.Errorf("the loaded store exports other N-Quads")
		}
		sound(t, byKG)
		if c, err := byKG.Corrections(ctx); err != nil || len(c) != 1 {
			t.Errorf("corrections of the loaded store: %+v, %v", c, err)
		}
	})
}

// TestExportNQuadsPart exports parts of a store: each loads into an empty
// store that Verify finds sound, whose subgraph is the part's.
func TestExportNQuadsPart(t *testing.T) {
	tests := []struct {
		name        string
		opts        SubgraphOptions
		wholeDocs   []string // documents that keep their hash
		partialDocs []string // documents that lose it
	}{
		{"focus", SubgraphOptions{Focus: "Maria Lopez", Depth: 1}, // a.txt: penalize and hire
			[]string{"a.txt"}, nil},
		{"a document in part", SubgraphOptions{Relations: []string{"hire"}},
			nil, []string{"a.txt"}},
		{"relation", SubgraphOptions{Relations: []string{"sue", "fine"}},
			[]string{"b.txt", "c.txt"}, nil},
		{"everything passes", SubgraphOptions{MinConfidence: 0.1},
			[]string{"a.txt", "b.txt", "c.txt"}, nil},
	}
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		exportStore(t, s)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				out := exportNQuads(t, s, tt.opts)
				if strings.Contains(string(out), "<"+schema.Correction+">") {
					t.Errorf("a part has the store's corrections")
				}
				path := filepath.Join(t.TempDir(), "part.nq")
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				part := openTest(t, Options{Backend: Memory})
				if _, err := part.LoadNQuads(ctx, path, 0); err != nil {
					t.Fatal(err)
				}
				sound(t, part)
				want, err := s.Select(ctx, tt.opts)
				if err != nil {
					t.Fatal(err)
				}
				got, err := part.Subgraph(ctx, "", 0)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("the part's store holds\n%v\nwant\n%v", names(got), names(want))
				}
				docs, err := part.Documents(ctx)
				if err != nil {
					t.Fatal(err)
				}
				hashed := make(map[string]bool)
				for _, d := range docs {
					hashed[d.Name] = d.Hash != ""
				}
				for _, d := range tt.wholeDocs {
					if !hashed[d] {
						t.Errorf("%s is whole in the part, and lost its hash", d)
					}
				}
				for _, d := range tt.partialDocs {
					if v, ok := hashed[d]; !ok || v {
						t.Errorf("%s is in the part in part: in it %v, hashed %v", d, ok, v)
					}
				}
			})
		}
	})
}

// diffLines lists the lines of one side only, for messages.
func diffLines(got, want []string) string {
	var b strings.Builder
	for _, l := range got {
		if !slices.Contains(want, l) {
			b.WriteString("+ " + l + "\n")
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			b.WriteString("- " + l + "\n")
		}
	}
	return b.String()
}
