package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
)

// benchQuads is the size of the store the query benchmarks read: the 1M
// quads of the figures, as bench/gen writes them.
const benchQuads = 1_000_000

// benchStore returns the store of the query benchmarks, opened read-only:
// the PostgreSQL database KG_BENCH_QUERY_POSTGRES names if it is set (a URL;
// the quads loaded there beforehand, as bench/query.sh does), else the bolt
// file KG_BENCH_STORE if set, else store-1m.db in the benchmark cache
// (KG_BENCH_CACHE, else ~/.cache/kg-bench), built there once from
// bench/gen's quads with kg load (a few minutes). With -short, a missing
// store skips the benchmark.
func benchStore(b *testing.B) graph.Options {
	b.Helper()
	if u := os.Getenv("KG_BENCH_QUERY_POSTGRES"); u != "" {
		return graph.Options{Backend: graph.Postgres, Path: u, ReadOnly: true}
	}
	return graph.Options{Path: benchBolt(b), ReadOnly: true}
}

// benchBolt returns the bolt file of the query benchmarks (see benchStore).
func benchBolt(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("KG_BENCH_STORE"); p != "" {
		return p
	}
	dir := os.Getenv("KG_BENCH_CACHE")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err != nil {
			b.Skipf("no cache directory for the benchmark store: %v", err)
		}
		dir = filepath.Join(cache, "kg-bench")
	}
	path := filepath.Join(dir, "store-1m.db")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if testing.Short() {
		b.Skipf("no benchmark store %s (-short: not building it; run without -short, or set KG_BENCH_STORE)", path)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Skipf("benchmark cache: %v", err)
	}
	b.Logf("building %s from %d generated quads (minutes, once) ...", path, benchQuads)
	nq := filepath.Join(b.TempDir(), "quads.nq")
	f, err := os.Create(nq)
	if err != nil {
		b.Fatal(err)
	}
	gen := exec.Command("go", "run", "../../bench/gen", "-n", fmt.Sprint(benchQuads))
	gen.Stdout, gen.Stderr = f, os.Stderr
	err = errors.Join(gen.Run(), f.Close())
	if err != nil {
		b.Skipf("bench/gen: %v", err)
	}
	tmp := path + ".tmp"
	os.Remove(tmp)
	app := newApp(nil, io.Discard, os.Stderr)
	if err := app.Run([]string{"kg", "load", "--db", tmp, nq}); err != nil {
		os.Remove(tmp)
		b.Fatalf("kg load: %v", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchNames are entities of every degree of the benchmark store: bench/gen
// draws "Entity N" with a Zipf law, so N = 0, 1, 2 are its hubs (thousands
// of facts) and the large N have one or two. Names the store lacks are
// dropped.
func benchNames(b *testing.B, store graph.Options) []string {
	b.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, store)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var names []string
	err = s.Local(ctx, func(l *graph.Local) error {
		last := -1
		for j := 0.0; len(names) < 120; j++ {
			n := int(math.Pow(1.075, j)) - 1
			if n == last {
				continue
			}
			if n > 20000 {
				break
			}
			last = n
			name := fmt.Sprintf("Entity %d", n)
			if _, err := l.Find(ctx, name); err == nil {
				names = append(names, name)
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(names) < 100 {
		b.Fatalf("only %d of the sampled entities are in %s", len(names), store.Path)
	}
	return names
}

// latencies runs fn once for each name and reports the 50th and 99th
// percentiles and the slowest, in milliseconds.
func latencies(b *testing.B, names []string, fn func(i int, name string) error) {
	b.Helper()
	var ds []time.Duration
	for b.Loop() {
		for i, name := range names {
			start := time.Now()
			if err := fn(i, name); err != nil {
				b.Fatalf("%s: %v", name, err)
			}
			ds = append(ds, time.Since(start))
		}
	}
	slices.Sort(ds)
	at := func(p float64) float64 {
		return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(at(1), "max-ms")
	b.ReportMetric(0, "ns/op")
}

// BenchmarkQuery times the commands that ask about one entity or two, in
// process, store opening included, over 100+ entities of every degree of
// the 1M-quad store, and reports the percentiles of one command's time:
//
//	go test -run '^$' -bench Query -benchtime 1x -timeout 0 ./cmd/kg
func BenchmarkQuery(b *testing.B) {
	store := benchStore(b)
	names := benchNames(b, store)
	ctx := context.Background()
	e := &env{stdout: io.Discard, stderr: io.Discard}
	// lookup finds each name; lookup-miss looks for a name no entity has,
	// nor any alias, so that every way of finding one is tried and fails
	for _, miss := range []string{"", " Nobody"} {
		b.Run(cmp.Or(strings.ReplaceAll(miss, " Nobody", "lookup-miss"), "lookup"), func(b *testing.B) {
			s, err := graph.Open(ctx, store)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			latencies(b, names, func(_ int, name string) error {
				return s.Local(ctx, func(l *graph.Local) error {
					id, err := l.Find(ctx, name+miss)
					switch {
					case miss == "":
						return err
					case err == nil:
						return fmt.Errorf("%q found as %s", name+miss, id)
					case errors.Is(err, graph.ErrNotFound):
						return nil
					}
					return err
				})
			})
		})
	}
	// facts and neighbors as the commands run by default, and with
	// --limit 0 (a hub's every fact and neighbour)
	for _, limit := range []int{answerLimit, 0} {
		suffix := ""
		if limit == 0 {
			suffix = "-all"
		}
		b.Run("facts"+suffix, func(b *testing.B) {
			latencies(b, names, func(_ int, name string) error {
				return runFacts(ctx, e, factsOptions{store: store, name: name, limit: limit})
			})
		})
		b.Run("neighbors"+suffix, func(b *testing.B) {
			latencies(b, names, func(_ int, name string) error {
				return runNeighbors(ctx, e, neighborsOptions{store: store, name: name, depth: 1, limit: limit})
			})
		})
	}
	b.Run("support", func(b *testing.B) {
		latencies(b, names, func(i int, name string) error {
			return runSupport(ctx, e, supportOptions{store: store, subject: name, relation: "penalize",
				object: names[(i+1)%len(names)]})
		})
	})
	b.Run("path", func(b *testing.B) {
		latencies(b, names, func(i int, name string) error {
			return runPath(ctx, e, pathOptions{store: store, from: name, to: names[(i+7)%len(names)], maxHops: 4, k: 3})
		})
	})
}
