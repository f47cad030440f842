package graph

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestLoadNQuads(t *testing.T) {
	// The quads of the test corpus as LoadDocument stores them.
	want := openTest(t, Options{Backend: Memory})
	if err := storeFacts(context.Background(), want, testDocs, testFacts()); err != nil {
		t.Fatal(err)
	}
	var nq bytes.Buffer
	for _, q := range dump(t, want) {
		nq.WriteString(q + "\n")
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.nq")
	if err := os.WriteFile(good, append([]byte("# kg's test corpus\n\n"), nq.Bytes()...), 0o644); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(nq.String(), "\n")
	bad := filepath.Join(dir, "bad.nq")
	if err := os.WriteFile(bad, []byte(strings.Join(lines[:5], "")+"<a> <b> .\n"+strings.Join(lines[5:], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		_, err := s.LoadNQuads(ctx, bad, 0)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != 6 || !strings.Contains(err.Error(), "bad.nq:6:") {
			t.Errorf("LoadNQuads of a bad file: got %v, want a ParseError at bad.nq:6", err)
		}
		if got := dump(t, s); len(got) != 0 {
			t.Errorf("a bad file wrote %d quads", len(got))
		}
		for _, batch := range []int{7, 0} { // many batches, then one
			n, err := s.LoadNQuads(ctx, good, batch)
			if err != nil || n != testStats.Quads {
				t.Fatalf("LoadNQuads(batch %d): got %d, %v, want %d quads", batch, n, err, testStats.Quads)
			}
			if got, err := s.Stats(ctx); err != nil || got != testStats {
				t.Errorf("Stats after LoadNQuads(batch %d): got %+v, %v, want %+v", batch, got, err, testStats)
			}
		}
		if g, w := dump(t, s), dump(t, want); !slices.Equal(g, w) {
			t.Errorf("LoadNQuads stored other quads than the file's:\n%q\nwant\n%q", g, w)
		}
	})
}
