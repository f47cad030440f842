package graph

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkLoadNQuads loads kg-like N-Quads (from bench/gen) into a new bolt
// store with several batch sizes; DefaultBatch is the fastest. The count is
// $KG_BENCH_QUADS, 200000 unless set.
//
//	go test -run '^$' -bench LoadNQuads -benchtime 1x -count 3 ./graph
func BenchmarkLoadNQuads(b *testing.B) {
	n := 200_000
	if s := os.Getenv("KG_BENCH_QUADS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatalf("KG_BENCH_QUADS: %v", err)
		}
	}
	dir := b.TempDir()
	nq := filepath.Join(dir, "kg.nq")
	f, err := os.Create(nq)
	if err != nil {
		b.Fatal(err)
	}
	gen := exec.Command("go", "run", "../bench/gen", "-n", strconv.Itoa(n))
	gen.Stdout, gen.Stderr = f, os.Stderr
	if err := gen.Run(); err != nil {
		b.Fatalf("bench/gen: %v", err)
	}
	f.Close()
	for _, batch := range []int{0, 5_000, 10_000, 20_000} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			var quads int64
			i := 0
			for b.Loop() {
				i++
				s, err := Open(context.Background(), Options{Path: filepath.Join(dir, fmt.Sprintf("%d-%d.db", batch, i)), Create: true})
				if err != nil {
					b.Fatal(err)
				}
				m, err := s.LoadNQuads(context.Background(), nq, batch)
				if err != nil {
					b.Fatal(err)
				}
				quads += m
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
