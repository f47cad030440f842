package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
)

// TestLoadKilled kills kg load (kill -9) at random moments of the load of a
// file of many documents' quads: after each kill, the store passes kg verify
// and holds the whole file or none of it (before, loads went in batches and
// a kill left documents that were not whole).
func TestLoadKilled(t *testing.T) {
	slow(t) // kills kg at random moments of a load, 20 s: a fault run
	bin := kgBinary(t)
	dir := t.TempDir()
	// 60 copies of the example article's quads, each its own document.
	one, err := os.ReadFile("../../graph/testdata/harbor.nq")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for i := range 60 {
		s := strings.NewReplacer(
			"examples%2Fharbor-sanctions.txt", fmt.Sprintf("doc%d.txt", i),
			"examples/harbor-sanctions.txt", fmt.Sprintf("doc%d.txt", i),
			"<kg:ev/", fmt.Sprintf("<kg:ev/%d-", i),
		).Replace(string(one))
		b.WriteString(s)
	}
	nq := filepath.Join(dir, "many.nq")
	if err := os.WriteFile(nq, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// How long a whole load takes, to kill inside it.
	full := filepath.Join(dir, "full.db")
	start := time.Now()
	if out, err := exec.Command(bin, "load", "--db", full, nq).CombinedOutput(); err != nil {
		t.Fatalf("kg load: %v\n%s", err, out)
	}
	took := time.Since(start)
	wantDocs := len(documents(t, graph.Options{Path: full}))
	if wantDocs != 60 {
		t.Fatalf("the whole load has %d documents, want 60", wantDocs)
	}
	r := rand.New(rand.NewPCG(7, 7))
	killed := 0
	for round := range 8 {
		db := filepath.Join(dir, fmt.Sprintf("k%d.db", round))
		// A store with something in it already, created before the load.
		if out, err := exec.Command(bin, "build", "--db", db, example).CombinedOutput(); err != nil {
			t.Fatalf("kg build: %v\n%s", err, out)
		}
		cmd := exec.Command(bin, "load", "--db", db, nq)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wait := time.Duration(r.Int64N(int64(took)))
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(wait):
			cmd.Process.Kill()
			<-done
			killed++
		}
		out, err := exec.Command(bin, "verify", "--db", db).CombinedOutput()
		if err != nil {
			t.Errorf("round %d, killed after %v: kg verify: %v\n%s", round, wait, err, out)
		}
		if n := len(documents(t, graph.Options{Path: db})); n != 1 && n != 1+wantDocs {
			t.Errorf("round %d, killed after %v: %d documents, want 1 (none loaded) or %d (all)", round, wait, n, 1+wantDocs)
		}
	}
	if killed == 0 {
		t.Errorf("no load was killed")
	}
}
