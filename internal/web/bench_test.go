package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
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
