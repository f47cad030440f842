package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
)

// TestBuildKilled kills kg build processes (kill -9) at random moments of a
// build of many documents, some of them changed between rounds, and checks
// after each that the store opens, passes verify and holds only whole
// documents; then a build that runs to its end gives the store that a build
// from scratch gives.
func TestBuildKilled(t *testing.T) {
	slow(t)
	dir := t.TempDir()
	bin := kgBinary(t)
	text, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	writeCorpus := func(version int) {
		files = files[:0]
		for i := range 80 {
			p := filepath.Join(dir, fmt.Sprintf("doc%03d.txt", i))
			s := strings.ReplaceAll(string(text), "Harbor Networks", fmt.Sprintf("Harbor Networks %d", i))
			if i%3 == 0 { // a third of the documents change between versions
				s = strings.ReplaceAll(s, "Trade Department", fmt.Sprintf("Trade Department %d", version))
			}
			if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			files = append(files, p)
		}
	}
	build := func(db string) *exec.Cmd {
		return exec.Command(bin, append([]string{"build", "--db", db}, files...)...)
	}
	// reference builds the corpus from scratch and returns its documents
	// and how long the build took.
	type ref struct {
		docs []graph.DocStats
		took time.Duration
	}
	refs := make(map[int]ref)
	reference := func(version int) ([]graph.DocStats, time.Duration) {
		if r, ok := refs[version]; ok {
			return r.docs, r.took
		}
		db := filepath.Join(dir, fmt.Sprintf("ref%d.db", version))
		start := time.Now()
		if out, err := build(db).CombinedOutput(); err != nil {
			t.Fatalf("reference build: %v\n%s", err, out)
		}
		r := ref{took: time.Since(start), docs: documents(t, db)}
		refs[version] = r
		return r.docs, r.took
	}

	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	db := filepath.Join(dir, "kg.db")
	var want []graph.DocStats
	killed := 0
	for round := range 8 {
		version := round / 3 // rounds 3 and 6 replace documents
		writeCorpus(version)
		var took time.Duration
		want, took = reference(version)
		cmd := build(db)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(took))))
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Wait(); err != nil {
			killed++
		}
		got := documents(t, db) // opens, verifies, lists
		current := 0
		for _, d := range got {
			i := slices.IndexFunc(want, func(w graph.DocStats) bool { return w.Name == d.Name })
			old := i < 0 || want[i].Hash != d.Hash // from the previous version
			if !old && want[i] != d {
				t.Errorf("round %d: document %s is %+v, want %+v", round, d.Name, d, want[i])
			}
			if !old {
				current++
			}
		}
		t.Logf("round %d (version %d): killed with %d of %d documents current, %d in all", round, version, current, len(want), len(got))
	}
	if killed == 0 {
		t.Errorf("no build was killed before its end")
	}
	if out, err := build(db).CombinedOutput(); err != nil {
		t.Fatalf("the build after the kills: %v\n%s", err, out)
	}
	if got := documents(t, db); !slices.Equal(got, want) {
		t.Errorf("after a whole build: documents %+v, want %+v", got, want)
	}
}

// documents opens the bolt store, fails the test if it does not verify, and
// returns its documents.
func documents(t *testing.T, db string) []graph.DocStats {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Path: db, Create: true})
	if err != nil {
		t.Fatalf("open after kill -9: %v", err)
	}
	defer s.Close()
	problems, err := s.Verify(ctx)
	if err != nil || len(problems) > 0 {
		t.Fatalf("verify: %v, %q", err, problems)
	}
	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}
