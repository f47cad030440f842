package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
)

// TestBuildKilled kills kg build and kg remove processes (kill -9) at random
// moments, on bolt and on PostgreSQL, while they write many documents, some
// of them changed between rounds, and checks after each kill that the store
// opens, passes verify and holds only whole documents; then a build that runs
// to its end gives the store that a build from scratch gives. Each backend
// gets $KG_FAULT_KILLS kills (by default 8 on bolt and 3 on PostgreSQL,
// whose builds are slower; the README's figures are from longer runs).
func TestBuildKilled(t *testing.T) {
	slow(t)
	kills, pgKills := 8, 3
	if v := os.Getenv("KG_FAULT_KILLS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("KG_FAULT_KILLS=%q: want a count of 1 or more", v)
		}
		kills, pgKills = n, n
	}
	t.Run("bolt", func(t *testing.T) {
		dir := t.TempDir()
		killBuilds(t, kills, dir, func(name string) graph.Options {
			return graph.Options{Path: filepath.Join(dir, name+".db")}
		})
	})
	t.Run("postgres", func(t *testing.T) {
		urls := map[string]string{}
		killBuilds(t, pgKills, t.TempDir(), func(name string) graph.Options {
			if urls[name] == "" {
				urls[name] = testPostgres(t)
			}
			return graph.Options{Backend: graph.Postgres, Path: urls[name]}
		})
	})
}

// killBuilds is TestBuildKilled on one backend: store names a store.
func killBuilds(t *testing.T, kills int, dir string, store func(name string) graph.Options) {
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
	command := func(o graph.Options, args ...string) *exec.Cmd {
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "KG_DB="+o.Path, "KG_BACKEND="+o.Backend)
		return cmd
	}
	build := func(o graph.Options) *exec.Cmd {
		return command(o, append([]string{"build"}, files...)...)
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
		db := store(fmt.Sprintf("ref%d", version))
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
	db := store("kg")
	var want []graph.DocStats
	killed := 0
	for round := range kills {
		version := round * 3 / kills // a third of the documents change twice
		writeCorpus(version)
		var took time.Duration
		want, took = reference(version)
		cmd := build(db)
		if round%4 == 3 {
			// a removal of every document, killed in its turn; what it
			// removed is back for the next round, or the check below
			// would find old documents
			cmd = command(db, append([]string{"remove"}, files...)...)
			want = nil
		}
		// A build from scratch takes took. This command writes only the
		// documents the store does not hold as they are now (a build) or
		// those it holds (a remove): kill it at a moment within its share
		// of took, or most kills would come after its end.
		held := documents(t, db)
		n := len(held)
		if want != nil {
			n = len(want)
			for _, d := range held {
				if slices.Contains(want, d) {
					n--
				}
			}
		}
		wait := took * time.Duration(n+1) / time.Duration(len(files)+1)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(wait))))
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Wait(); err != nil {
			killed++
		}
		got := documents(t, db) // opens, verifies, lists
		if want == nil {
			t.Logf("round %d: remove killed with %d documents left", round, len(got))
			want, _ = reference(version)
			if out, err := build(db).CombinedOutput(); err != nil {
				t.Fatalf("round %d: the build after a killed remove: %v\n%s", round, err, out)
			}
			continue
		}
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
	t.Logf("%d of %d processes killed before their end", killed, kills)
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

// documents opens the store, fails the test if it does not verify, and
// returns its documents.
func documents(t *testing.T, o graph.Options) []graph.DocStats {
	t.Helper()
	ctx := context.Background()
	o.Create = true
	s, err := graph.Open(ctx, o)
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
