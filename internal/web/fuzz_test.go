package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// FuzzFold: a folded name is valid UTF-8, folds to itself, and has single
// spaces between words only.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Harbor Networks", "  Société   Générale!", "ÉLÉNA", "\xff\xfe", "a\u0301", "İstanbul", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := fold(s)
		if !utf8.ValidString(got) {
			t.Errorf("fold(%q) = %q: not UTF-8", s, got)
		}
		if again := fold(got); again != got {
			t.Errorf("fold(%q) = %q, but fold of that is %q", s, got, again)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Errorf("fold(%q) = %q: spaces out of place", s, got)
		}
	})
}

// FuzzAPI: whatever the parameters of a GET, the answer is JSON and never
// a 500, which would be our fault.
func FuzzAPI(f *testing.F) {
	for _, s := range [][2]string{
		{"search", "q=Harb&limit=5"}, {"neighbors", "name=Gulf+Systems&depth=2&type=ORG&min_confidence=0.5"},
		{"paths", "from=Elena+Park&to=Trade+Department&k=2&max_hops=3"}, {"facts", "name=ZTE&since=2018&until=2017"},
		{"edge", "from=Treasury+Department&relation=sanction&to=Gulf+Systems"}, {"rank", "by=betweenness&n=3&type=PERSON"},
		{"view", "ids=kg:entity/gulf_systems,kg:entity/tehran&relations=ship+to&types=ORG"}, {"entity", "name=%FF"},
	} {
		f.Add(s[0], s[1])
	}
	h := New(Options{Store: graph.Options{Path: testDB(f)}}).Handler()
	f.Fuzz(func(t *testing.T, endpoint, query string) {
		if strings.ContainsAny(endpoint, "/?#% \t\r\n") || endpoint == "export" {
			return // one endpoint, by name; exports are files, not JSON
		}
		req, err := http.NewRequest("GET", "http://127.0.0.1:8080/api/v1/"+endpoint+"?"+query, nil)
		if err != nil {
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code == http.StatusInternalServerError {
			t.Fatalf("GET %s: 500 %s", req.URL, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Errorf("GET %s: %d, not JSON: %q", req.URL, rec.Code, rec.Body)
		}
	})
}
