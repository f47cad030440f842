package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/export"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

const example = "../../examples/harbor-sanctions.txt"

// exampleStore builds the example article into a bolt file once; each test
// gets a copy of it.
var exampleStore = sync.OnceValues(func() ([]byte, error) {
	text, err := os.ReadFile(example)
	if err != nil {
		return nil, err
	}
	m, err := extract.Load()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "kg-web-test")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "kg.db")
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Path: db, Create: true})
	if err != nil {
		return nil, err
	}
	const name = "examples/harbor-sanctions.txt"
	if _, err := s.LoadDocument(ctx, graph.Document{Name: name, Hash: "test", Facts: m.Facts(name, string(text), extract.Options{})}); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(db)
})

// testDB returns the path of a fresh copy of the example store.
func testDB(t testing.TB) string {
	t.Helper()
	b, err := exampleStore()
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	if err := os.WriteFile(db, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return db
}

// testServer serves the example store on httptest's loopback listener.
func testServer(t testing.TB, opts Options) (*httptest.Server, string) {
	t.Helper()
	if opts.Store.Path == "" {
		opts.Store = graph.Options{Path: testDB(t)}
	}
	if opts.Renderers == nil {
		// Two of kg export's formats; cmd/kg's tests serve them all.
		opts.Renderers = map[string]Renderer{
			"dot": func(_ context.Context, w io.Writer, g *schema.Subgraph) error { return export.WriteDOT(w, g) },
			"svg": export.RenderSVG,
		}
	}
	srv := New(opts)
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		ts.Close()
		srv.Close()
	})
	return ts, opts.Store.Path
}

// get fetches url and decodes its JSON answer into out (when not nil).
func get(t testing.TB, url string, out any) *http.Response {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, res, out)
}

func post(t testing.TB, url, body string, out any) *http.Response {
	t.Helper()
	res, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, res, out)
}

func decode(t testing.TB, res *http.Response, out any) *http.Response {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			t.Fatalf("%s %s: not JSON: %v\n%s", res.Request.Method, res.Request.URL, err, b)
		}
	}
	res.Body = io.NopCloser(bytes.NewReader(b))
	return res
}

// errorBody is what every error answer holds.
type errorBody struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}
