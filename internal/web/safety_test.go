package web

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// TestEndlessQuery: a Gizmo query that loops forever is stopped at the
// server's deadline with 504, and the server answers others meanwhile.
func TestEndlessQuery(t *testing.T) {
	const timeout = 2 * time.Second
	ts, _ := testServer(t, Options{QueryTimeout: timeout})
	start := time.Now()
	done := make(chan *http.Response)
	go func() {
		res, err := http.Post(ts.URL+"/api/v1/query", "application/json", strings.NewReader(`{"query": "while (true) {}"}`))
		if err != nil {
			t.Error(err)
			close(done)
			return
		}
		done <- res
	}()
	time.Sleep(200 * time.Millisecond) // the loop runs
	var sg searchAnswer
	if res := get(t, ts.URL+"/api/v1/search?q=Harbor", &sg); res.StatusCode != 200 || len(sg.Entities) == 0 {
		t.Errorf("a search beside the loop: status %d, %d entities", res.StatusCode, len(sg.Entities))
	}
	var q struct {
		Results []any `json:"results"`
	}
	if res := post(t, ts.URL+"/api/v1/query", `{"query": "g.V().Has(\"<kg:name>\", \"ZTE\").All()"}`, &q); res.StatusCode != 200 {
		t.Errorf("a query beside the loop: status %d", res.StatusCode)
	}
	if time.Since(start) >= timeout {
		t.Errorf("the answers beside the loop waited for it (%s)", time.Since(start))
	}
	res, ok := <-done
	if !ok {
		return
	}
	var e errorBody
	decode(t, res, &e)
	if res.StatusCode != http.StatusGatewayTimeout || !strings.Contains(e.Error, "deadline") {
		t.Errorf("the endless loop: %d %q, want 504 past the deadline", res.StatusCode, e.Error)
	}
}

// zeros is an endless body.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestBodyTooLarge: a body over 1 MiB is refused with 413, declared or
// not, and the server does not read 100 MB to say so.
func TestBodyTooLarge(t *testing.T) {
	ts, _ := testServer(t, Options{})
	const size = 100 << 20
	for _, chunked := range []bool{false, true} {
		t.Run(fmt.Sprint("chunked=", chunked), func(t *testing.T) {
			body := io.LimitReader(zeros{}, size)
			req, err := http.NewRequest("POST", ts.URL+"/api/v1/query", body)
			if err != nil {
				t.Fatal(err)
			}
			if !chunked {
				req.ContentLength = size
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var e errorBody
			decode(t, res, &e)
			if res.StatusCode != http.StatusRequestEntityTooLarge || e.Status != 413 {
				t.Errorf("100 MB body: %d %+v, want 413", res.StatusCode, e)
			}
		})
	}
}

// TestAssetPaths: the page's files come from the binary; no path reaches
// beside them.
func TestAssetPaths(t *testing.T) {
	ts, _ := testServer(t, Options{})
	for _, p := range []string{"/", "/app.js", "/app.css"} {
		if res := get(t, ts.URL+p, nil); res.StatusCode != 200 {
			t.Errorf("GET %s: %d", p, res.StatusCode)
		}
	}
	host := strings.TrimPrefix(ts.URL, "http://")
	for _, p := range []string{
		"/../go.mod", "/../../go.mod", "/static/../server.go", "/%2e%2e/server.go", "/..%2fserver.go",
		"/static/index.html/../../api.go", "//etc/passwd", "/..\\server.go", "/app.js/..",
	} {
		t.Run(p, func(t *testing.T) {
			// Written by hand, so that no client cleans the path first.
			c, err := net.Dial("tcp", host)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", p, host)
			res, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode == 200 && !bytes.Contains(b, []byte("<title>kg workspace")) {
				t.Errorf("GET %s: 200 with %q", p, firstBytes(b))
			}
			for _, leak := range []string{"module github.com", "package web", "root:"} {
				if bytes.Contains(b, []byte(leak)) {
					t.Errorf("GET %s: gave a file beside the page (%q)", p, leak)
				}
			}
		})
	}
}

// TestToken: beyond loopback a token is needed, and every request must
// carry it.
func TestToken(t *testing.T) {
	if err := (Options{Addr: "0.0.0.0:8080"}).Check(); !errors.Is(err, ErrNeedToken) {
		t.Errorf("0.0.0.0 without a token: %v, want ErrNeedToken", err)
	}
	for _, addr := range []string{"127.0.0.1:8080", "[::1]:0", "localhost:8080"} {
		if err := (Options{Addr: addr}).Check(); err != nil {
			t.Errorf("%s without a token: %v", addr, err)
		}
	}
	if err := (Options{Addr: "0.0.0.0:8080", Token: "s3cret"}).Check(); err != nil {
		t.Errorf("0.0.0.0 with a token: %v", err)
	}

	ts, _ := testServer(t, Options{Token: "s3cret", Addr: "0.0.0.0:0"})
	do := func(path, auth string, cookie *http.Cookie) *http.Response {
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		req.Host = "kg.example.org:8080" // as on a public address
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		if cookie != nil {
			req.AddCookie(cookie)
		}
		res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return decode(t, res, nil)
	}
	for _, tc := range []struct {
		name, path, auth string
		status           int
	}{
		{"no token", "/api/v1/search?q=harbor", "", 401},
		{"no token, page", "/", "", 401},
		{"no token, healthz", "/healthz", "", 401},
		{"wrong token", "/api/v1/search?q=harbor", "Bearer guess", 401},
		{"not bearer", "/api/v1/search?q=harbor", "Basic czNjcmV0", 401},
		{"token", "/api/v1/search?q=harbor", "Bearer s3cret", 200},
		{"wrong token in the link", "/?token=guess", "", 401},
		{"token in an API link", "/api/v1/search?q=harbor&token=s3cret", "", 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if res := do(tc.path, tc.auth, nil); res.StatusCode != tc.status {
				t.Errorf("GET %s: %d, want %d", tc.path, res.StatusCode, tc.status)
			}
		})
	}
	// The page's link sets the cookie and sends the browser back without
	// the token; the cookie then serves.
	res := do("/?token=s3cret", "", nil)
	if res.StatusCode != http.StatusSeeOther || strings.Contains(res.Header.Get("Location"), "s3cret") {
		t.Fatalf("/?token=: %d to %q, want 303 without the token", res.StatusCode, res.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == tokenCookie {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode {
		t.Fatalf("/?token=: cookie %+v, want an HttpOnly, SameSite=Strict one", cookie)
	}
	if res := do("/api/v1/search?q=harbor", "", cookie); res.StatusCode != 200 {
		t.Errorf("with the cookie: %d", res.StatusCode)
	}
	if res := do("/api/v1/search?q=harbor", "", &http.Cookie{Name: tokenCookie, Value: "guess"}); res.StatusCode != 401 {
		t.Errorf("with a wrong cookie: %d, want 401", res.StatusCode)
	}
}

// TestOrigin: no cross-origin request is served, and no CORS header is
// sent; without a token, a Host that is not loopback is refused (a
// rebound name).
func TestOrigin(t *testing.T) {
	ts, _ := testServer(t, Options{})
	for _, tc := range []struct {
		name, method, host, origin, site string
		status                           int
	}{
		{"cross-origin POST", "POST", "", "http://evil.example", "", 403},
		{"cross-origin GET", "GET", "", "http://evil.example", "", 403},
		{"null origin", "POST", "", "null", "", 403},
		{"cross-site fetch", "POST", "", "", "cross-site", 403},
		{"same origin POST", "POST", "", "self", "same-origin", 200},
		{"no origin (curl)", "POST", "", "", "", 200},
		{"rebound host", "GET", "evil.example", "", "", 403},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, body := "/api/v1/search?q=harbor", ""
			if tc.method == "POST" {
				path, body = "/api/v1/query", `{"query": "g.V().Has(\"<kg:name>\", \"ZTE\").All()"}`
			}
			req, _ := http.NewRequest(tc.method, ts.URL+path, strings.NewReader(body))
			if tc.host != "" {
				req.Host = tc.host
			}
			switch tc.origin {
			case "self":
				req.Header.Set("Origin", ts.URL)
			case "":
			default:
				req.Header.Set("Origin", tc.origin)
			}
			if tc.site != "" {
				req.Header.Set("Sec-Fetch-Site", tc.site)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			decode(t, res, nil)
			if res.StatusCode != tc.status {
				t.Errorf("%d, want %d", res.StatusCode, tc.status)
			}
			for k := range res.Header {
				if strings.HasPrefix(k, "Access-Control-") {
					t.Errorf("CORS header %s sent", k)
				}
			}
		})
	}
}

// TestWriterCoexists: the server holds the bolt file only while it reads.
// A writer takes it between requests; while the writer holds it, the
// analysis answers come from the last snapshot and say so, and the answers
// that need the store are 503; after, the server reads what was written.
func TestWriterCoexists(t *testing.T) {
	ts, db := testServer(t, Options{})
	var before Status
	get(t, ts.URL+"/api/v1/status", &before)
	// The server read the store, and let it go.
	w := writeLate(t, db)
	// The writer holds the file: answers from the snapshot, marked busy.
	var sg searchAnswer
	res := get(t, ts.URL+"/api/v1/search?q=quill", &sg)
	if res.StatusCode != 200 || res.Header.Get("KG-Store-Busy") != "1" || len(sg.Entities) != 0 {
		t.Errorf("search while a writer holds the store: %d, busy %q, %d entities; want 200 from the old snapshot, busy 1",
			res.StatusCode, res.Header.Get("KG-Store-Busy"), len(sg.Entities))
	}
	var st Status
	if get(t, ts.URL+"/api/v1/status", &st); !st.Busy || st.Entities != before.Entities {
		t.Errorf("status while a writer holds the store: %+v", st)
	}
	var e errorBody
	res = post(t, ts.URL+"/api/v1/query", `{"query": "g.V().All()"}`, &e)
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
		t.Errorf("query while a writer holds the store: %d %+v, want 503 with Retry-After", res.StatusCode, e)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	res = get(t, ts.URL+"/api/v1/search?q=quill", &sg)
	if res.Header.Get("KG-Store-Busy") != "" || len(sg.Entities) != 1 || sg.Entities[0].Name != "Quill Shipping" {
		t.Errorf("search after the writer: busy %q, %+v; want Quill Shipping", res.Header.Get("KG-Store-Busy"), sg.Entities)
	}
	if get(t, ts.URL+"/api/v1/status", &st); st.Busy || st.Documents != before.Documents+1 {
		t.Errorf("status after the writer: %+v, want one document more than %d", st, before.Documents)
	}
}

// writeLate opens the store for writing, as kg build does, and writes a
// document of one fact, Quill Shipping -[acquire]-> Harbor Networks; the
// store stays held until the caller closes it.
func writeLate(t *testing.T, db string) *graph.Store {
	t.Helper()
	w, err := graph.Open(t.Context(), graph.Options{Path: db, LockTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("a writer after the server read: %v", err)
	}
	fact := schema.Fact{Subject: "Quill Shipping", Relation: "acquire", Object: "Harbor Networks",
		SubjectID: schema.EntityID("Quill Shipping"), ObjectID: schema.EntityID("Harbor Networks"),
		SubjectType: schema.Org, ObjectType: schema.Org, Confidence: 0.8,
		Doc: "late.txt", Sentence: "Quill Shipping acquired Harbor Networks.", SentenceEnd: 40}
	if _, err := w.LoadDocument(t.Context(), graph.Document{Name: "late.txt", Hash: "late", Facts: []schema.Fact{fact}}); err != nil {
		w.Close()
		t.Fatal(err)
	}
	return w
}

// TestSlowStoreReadAgain: a store slow to read is read again in the
// background after it changes; the answers meanwhile come from the last
// snapshot, marked busy, at once.
func TestSlowStoreReadAgain(t *testing.T) {
	ts := writtenAfterRead(t)
	var sg searchAnswer
	res := get(t, ts.URL+"/api/v1/search?q=quill", &sg)
	if res.Header.Get("KG-Store-Busy") != "1" || len(sg.Entities) != 0 {
		t.Errorf("the first search after the change: busy %q, %v; want the old snapshot, busy", res.Header.Get("KG-Store-Busy"), sg.Entities)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		res = get(t, ts.URL+"/api/v1/search?q=quill", &sg)
		if len(sg.Entities) == 1 && res.Header.Get("KG-Store-Busy") == "" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the store was not read again: busy %q, %v", res.Header.Get("KG-Store-Busy"), sg.Entities)
		}
	}
}

// writtenAfterRead serves the example store as a store slow to read (read
// again in the background when it changes), reads its snapshot, then writes
// a document to it with writeLate.
func writtenAfterRead(t *testing.T) *httptest.Server {
	t.Helper()
	db := testDB(t)
	srv := New(Options{Store: graph.Options{Path: db}})
	t.Cleanup(srv.Close)
	srv.src.inline = 0 // every store is slow
	if err := srv.Warm(t.Context()); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	if err := writeLate(t, db).Close(); err != nil {
		t.Fatal(err)
	}
	return ts
}

// TestWriterFirst: a server started while a writer holds the store says
// so (503) until it can read.
func TestWriterFirst(t *testing.T) {
	db := testDB(t)
	w, err := graph.Open(t.Context(), graph.Options{Path: db})
	if err != nil {
		t.Fatal(err)
	}
	ts, _ := testServer(t, Options{Store: graph.Options{Path: db}})
	var e errorBody
	if res := get(t, ts.URL+"/api/v1/search?q=harbor", &e); res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("search with no snapshot while a writer holds the store: %d %+v, want 503", res.StatusCode, e)
	}
	w.Close()
	var sg searchAnswer
	if res := get(t, ts.URL+"/api/v1/search?q=harbor", &sg); res.StatusCode != 200 || len(sg.Entities) == 0 {
		t.Errorf("search after the writer: %d, %d entities", res.StatusCode, len(sg.Entities))
	}
}

// syncBuffer is a log destination that the handler's goroutines share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServe: one log line per request, without the query string; /healthz;
// and Serve returns when its context ends, after the request in progress.
func TestServe(t *testing.T) {
	var logs syncBuffer
	srv := New(Options{Store: graph.Options{Path: testDB(t)}, Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error)
	go func() { served <- srv.Serve(ctx, ln) }()
	base := "http://" + ln.Addr().String()
	var h map[string]string
	if res := get(t, base+"/healthz", &h); res.StatusCode != 200 || h["status"] != "ok" {
		t.Errorf("healthz: %d %v", res.StatusCode, h)
	}
	get(t, base+"/api/v1/search?q=secret-query", nil)
	get(t, base+"/api/v1/nothing", nil)
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d log lines for 3 requests:\n%s", len(lines), logs.String())
	}
	for _, want := range []string{`"path":"/healthz"`, `"status":200`, `"status":404`, `"duration"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("the log lacks %s:\n%s", want, logs.String())
		}
	}
	if strings.Contains(logs.String(), "secret-query") {
		t.Errorf("the log holds a query string:\n%s", logs.String())
	}
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Errorf("the server still answers after Serve returned")
	}
}
