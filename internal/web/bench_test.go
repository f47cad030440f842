package web

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// benchServer serves the store of $KG_BENCH_DB (a large one, such as the
// benchmark corpus's: see bench/run.sh), else the example's, with its
// snapshot read before the clock starts: once for all the benchmarks of a
// large store, which takes a minute to read.
func benchServer(b *testing.B) *Server {
	b.Helper()
	db := os.Getenv("KG_BENCH_DB")
	if db == "" {
		s := New(Options{Store: graph.Options{Path: testDB(b)}})
		if err := s.Warm(b.Context()); err != nil {
			b.Fatal(err)
		}
		return s
	}
	s, err := largeServer(db)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// large is the server of $KG_BENCH_DB, made once.
var large struct {
	once sync.Once
	s    *Server
	err  error
}

func largeServer(db string) (*Server, error) {
	large.once.Do(func() {
		start := time.Now()
		large.s = New(Options{Store: graph.Options{Path: db}})
		large.err = large.s.Warm(context.Background())
		fmt.Fprintf(os.Stderr, "%s: snapshot read in %s\n", db, time.Since(start).Round(time.Millisecond))
	})
	return large.s, large.err
}

// benchGet times one GET of the API.
func benchGet(b *testing.B, s *Server, path string) {
	h := s.Handler()
	for b.Loop() {
		req := httptest.NewRequest("GET", "http://127.0.0.1:8080"+path, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
		}
	}
}

// The three answers the page asks for as an analyst works: a suggestion as
// they type, a neighbourhood as they expand, the paths between two. The
// entities are the example's, or $KG_BENCH_FROM and $KG_BENCH_TO.
func BenchmarkSearch(b *testing.B) {
	s := benchServer(b)
	benchGet(b, s, "/api/v1/search?limit=10&q="+url.QueryEscape(prefix(benchEntity("KG_BENCH_FROM", "Harbor Networks"), 4)))
}

func BenchmarkNeighbors(b *testing.B) {
	s := benchServer(b)
	benchGet(b, s, "/api/v1/neighbors?limit=100&name="+url.QueryEscape(benchEntity("KG_BENCH_FROM", "Harbor Networks")))
}

func BenchmarkPaths(b *testing.B) {
	s := benchServer(b)
	benchGet(b, s, "/api/v1/paths?k=3&max_hops=4&from="+url.QueryEscape(benchEntity("KG_BENCH_FROM", "Elena Park"))+
		"&to="+url.QueryEscape(benchEntity("KG_BENCH_TO", "Trade Department")))
}

func benchEntity(env, def string) string {
	if v := os.Getenv(env); v != "" {
		return v
	}
	return def
}

// prefix returns the first n letters of s, as typed so far.
func prefix(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// BenchmarkSpread times the page's three answers for entities of every
// degree of the store (120 of them, from the most connected down, hubs
// included; $KG_BENCH_DB's, else the example's) and reports the 50th and
// 99th percentiles and the slowest, in milliseconds: a suggestion for the
// first four letters of each name, its neighbourhood (the first 100
// neighbours), and the 3 shortest paths of at most 4 facts to the entity
// seven places after it.
//
//	KG_BENCH_DB=store-1m.db go test -run '^$' -bench Spread -benchtime 1x ./internal/web
func BenchmarkSpread(b *testing.B) {
	s := benchServer(b)
	st, _, err := s.src.current(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	byDegree := slices.Clone(st.snap.Entities)
	slices.SortStableFunc(byDegree, func(x, y schema.EntityInfo) int { return cmp.Compare(y.Degree, x.Degree) })
	// Ranks 0, 1, 2, ... then further apart: every degree, hubs first.
	var names []string
	last := -1
	for j := 0.0; len(names) < 120; j++ {
		i := int(math.Pow(1.08, j)) - 1
		if i >= len(byDegree) {
			break
		}
		if i != last {
			names, last = append(names, byDegree[i].Name), i
		}
	}
	for _, q := range []struct {
		name string
		path func(i int, n string) string
	}{
		{"search", func(_ int, n string) string {
			return "/api/v1/search?limit=10&q=" + url.QueryEscape(prefix(n, 4))
		}},
		{"neighbors", func(_ int, n string) string { return "/api/v1/neighbors?limit=100&name=" + url.QueryEscape(n) }},
		{"paths", func(i int, n string) string {
			return "/api/v1/paths?k=3&max_hops=4&from=" + url.QueryEscape(n) + "&to=" + url.QueryEscape(names[(i+7)%len(names)])
		}},
	} {
		b.Run(q.name, func(b *testing.B) {
			h := s.Handler()
			var took []time.Duration
			for b.Loop() {
				for i, n := range names {
					start := time.Now()
					req := httptest.NewRequest("GET", "http://127.0.0.1:8080"+q.path(i, n), nil)
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("GET %s: %d %s", q.path(i, n), rec.Code, rec.Body)
					}
					took = append(took, time.Since(start))
				}
			}
			slices.Sort(took)
			ms := func(p float64) float64 {
				return float64(took[min(len(took)-1, int(p*float64(len(took))))]) / float64(time.Millisecond)
			}
			b.ReportMetric(ms(0.5), "p50-ms")
			b.ReportMetric(ms(0.99), "p99-ms")
			b.ReportMetric(ms(1), "max-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
}
