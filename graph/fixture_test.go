package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the files that other packages' tests read")

// The test corpus's whole graph as every backend reads it: the input of the
// exporters' tests (package export), which need no store.
const corpusFixture = "../export/testdata/corpus.json"

// TestCorpusFixture keeps the exporters' input equal to what the store
// reads from the test corpus, on every backend; -update rewrites it.
func TestCorpusFixture(t *testing.T) {
	loaded(t, func(t *testing.T, s *Store) {
		g, err := s.Subgraph(context.Background(), "", 0)
		if err != nil {
			t.Fatal(err)
		}
		got, err := json.MarshalIndent(g, "", "\t")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		if *update {
			if err := os.WriteFile(corpusFixture, got, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(corpusFixture)
		if err != nil {
			t.Fatalf("%v (go test -update ./graph writes it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("the test corpus's graph differs from %s (go test -update ./graph if the change is right):\n%s", corpusFixture, got)
		}
	})
}
