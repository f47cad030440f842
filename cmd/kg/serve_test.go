package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/web"
)

// TestServeUsage: kg serve's mistakes are the user's (exit 2), before it
// listens.
func TestServeUsage(t *testing.T) {
	db := build(t)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"public address without a token", []string{"--addr", "0.0.0.0:0"}, "needs a token"},
		{"no query time", []string{"--query-timeout", "0s"}, "--query-timeout"},
		{"an argument", []string{"kg.db"}, "no arguments"},
		{"memory", []string{"--backend", "memory"}, "memory"},
		{"missing store", []string{"--db", filepath.Join(t.TempDir(), "missing.db")}, "not found"},
		{"bad address", []string{"--addr", "nowhere"}, "nowhere"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"serve", "--db", db}, tc.args...)
			_, errOut, code := run(t, "", args...)
			if code != 2 || !strings.Contains(errOut, tc.want) {
				t.Errorf("kg %s: exit %d, %q; want 2 and %q", strings.Join(args, " "), code, errOut, tc.want)
			}
		})
	}
}

// lockedBuffer is standard error shared by the server's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serving runs kg serve on the store, on a free loopback port, until the
// test ends; it returns the server's URL and its standard error.
func serving(t testing.TB, db string) (string, *lockedBuffer) {
	t.Helper()
	errOut := &lockedBuffer{}
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: errOut, model: sharedModel, parser: sharedParser}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, e, serveOptions{
			web:   web.Options{Store: graph.Options{Path: db, ReadOnly: true}, Addr: "127.0.0.1:0", QueryTimeout: 5 * time.Second},
			ready: func(addr string) { ready <- addr },
		})
	}()
	var base string
	select {
	case addr := <-ready:
		base = "http://" + addr
	case err := <-done:
		cancel()
		t.Fatalf("kg serve: %v\n%s", err, errOut)
	}
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("kg serve stopped with %v", err)
		}
		if !strings.Contains(errOut.String(), "kg serve: stopped") {
			t.Errorf("kg serve did not say it stopped:\n%s", errOut)
		}
	})
	return base, errOut
}

func getJSON(t testing.TB, u string, out any) int {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(out); err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	return res.StatusCode
}

// TestServeExports: kg serve exports a view in every format of kg export.
func TestServeExports(t *testing.T) {
	base, _ := serving(t, build(t))
	ids := url.QueryEscape("kg:entity/gulf_systems,kg:entity/treasury_department")
	for _, format := range exportFormats() {
		t.Run(format, func(t *testing.T) {
			res, err := http.Get(base + "/api/v1/export?format=" + format + "&ids=" + ids)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			// The same view as kg export writes it.
			want := mustRun(t, "", "export", "--db", build(t), "--format", format, "--path", "Treasury Department,Gulf Systems", "--max-hops", "1")
			if res.StatusCode != 200 || len(b) == 0 {
				t.Fatalf("status %d, %d bytes", res.StatusCode, len(b))
			}
			if format != "png" && string(b) != want {
				t.Errorf("the server's export differs from kg export's of the same facts:\n%s\nwant\n%s", b, want)
			}
		})
	}
}

// TestServeBesideBuild: kg build writes the store that kg serve serves,
// without stopping it, and the server's next answer has what was built.
func TestServeBesideBuild(t *testing.T) {
	db := build(t)
	base, _ := serving(t, db)
	var before web.Status
	if code := getJSON(t, base+"/api/v1/status", &before); code != 200 {
		t.Fatalf("status: %d", code)
	}
	doc := filepath.Join(t.TempDir(), "late.txt")
	if err := os.WriteFile(doc, []byte("Quill Shipping acquired Harbor Networks in March.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "", "build", "--quiet", "--db", db, doc)
	var after web.Status
	getJSON(t, base+"/api/v1/status", &after)
	if after.Documents != before.Documents+1 || after.Busy {
		t.Errorf("after kg build beside kg serve: %+v, want %d documents", after, before.Documents+1)
	}
	var found struct {
		Entities []web.Suggestion `json:"entities"`
	}
	getJSON(t, base+"/api/v1/search?q=quill", &found)
	if len(found.Entities) != 1 || found.Entities[0].Name != "Quill Shipping" {
		t.Errorf("search quill after the build: %+v", found.Entities)
	}
}

// TestREADMEServeSample holds the README's sample answer of kg serve to
// what the server answers on the example.
func TestREADMEServeSample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const prompt = "$ curl -s 'http://127.0.0.1:8080"
	_, rest, ok := strings.Cut(string(readme), prompt)
	if !ok {
		t.Fatal("README has no sample of kg serve's API")
	}
	path, rest, _ := strings.Cut(rest, "'")
	sample, _, _ := strings.Cut(strings.TrimPrefix(rest, "\n"), "\n```")
	base, _ := serving(t, build(t))
	var got, want any
	getJSON(t, base+path, &got)
	if err := json.Unmarshal([]byte(sample), &want); err != nil {
		t.Fatalf("the README's sample is not JSON: %v\n%s", err, sample)
	}
	if !reflect.DeepEqual(got, want) {
		g, _ := json.Marshal(got)
		t.Errorf("the README's sample of %s drifted: kg serve answers\n%s", path, g)
	}
}
