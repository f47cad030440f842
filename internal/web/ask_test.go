package web

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"reflect"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestAskersAgree: the answers read from the store through graph.Local are
// the answers of the whole snapshot, which the server gives while a writer
// holds the store, for every entity of the example and every pair.
func TestAskersAgree(t *testing.T) {
	ctx := t.Context()
	srv := New(Options{Store: graph.Options{Path: testDB(t)}})
	defer srv.Close()
	st, _, err := srv.src.current(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var queries []string
	for i, e := range st.snap.Entities {
		n := url.QueryEscape(e.Name)
		queries = append(queries, "neighbors?depth=1&name="+n, "neighbors?depth=2&name="+n, "facts?name="+n,
			"neighbors?limit=2&name="+n, "neighbors?limit=1&since=2000&name="+n,
			"neighbors?depth=1&min_confidence=0.7&name="+url.QueryEscape(e.ID))
		// each entity with the next seven: pairs near and far
		for _, o := range st.snap.Entities[i+1 : min(len(st.snap.Entities), i+8)] {
			queries = append(queries, "paths?k=3&max_hops=4&from="+n+"&to="+url.QueryEscape(o.Name))
		}
	}
	for _, f := range st.snap.Facts {
		queries = append(queries, "edge?from="+url.QueryEscape(f.Subject)+"&relation="+url.QueryEscape(f.Relation)+
			"&to="+url.QueryEscape(f.Object))
	}
	if len(st.snap.Entities) < 5 || len(st.snap.Facts) < 5 {
		t.Fatalf("the example store has %d entities and %d facts", len(st.snap.Entities), len(st.snap.Facts))
	}
	handlers := map[string]func(ctx context.Context, a asker, p *params) (any, error){"neighbors": neighbors, "paths": paths, "facts": facts, "edge": edge}
	for _, q := range queries {
		u, err := url.Parse("/api/v1/" + q)
		if err != nil {
			t.Fatal(err)
		}
		fn := handlers[u.Path[len("/api/v1/"):]]
		r := httptest.NewRequest("GET", "http://127.0.0.1"+u.String(), nil)
		var fromStore any
		var storeErr error
		err = srv.src.local(t.Context(), func(l *graph.Local) error {
			fromStore, storeErr = fn(ctx, storeAsker{l}, &params{r: r})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		fromSnap, snapErr := fn(ctx, snapAsker{st}, &params{r: r})
		if (storeErr == nil) != (snapErr == nil) {
			t.Errorf("%s: from the store %v, from the snapshot %v", q, storeErr, snapErr)
			continue
		}
		a, _ := json.Marshal(fromStore)
		b, _ := json.Marshal(fromSnap)
		var x, y any
		json.Unmarshal(a, &x)
		json.Unmarshal(b, &y)
		if !reflect.DeepEqual(x, y) {
			t.Errorf("%s:\nfrom the store    %s\nfrom the snapshot %s", q, a, b)
		}
	}
}

// TestAskedBesideWriter: while a writer holds the store, a neighbourhood
// and a path come from the last snapshot, marked busy; once it is done,
// from the store as it is, with what the writer wrote.
func TestAskedBesideWriter(t *testing.T) {
	ts, db := testServer(t, Options{})
	var before Status
	get(t, ts.URL+"/api/v1/status", &before)
	w := writeLate(t, db)
	type neighborhood struct {
		Neighbors []struct{ Name string } `json:"neighbors"`
	}
	names := func(nb neighborhood) map[string]bool {
		out := make(map[string]bool)
		for _, n := range nb.Neighbors {
			out[n.Name] = true
		}
		return out
	}
	var nb neighborhood
	res := get(t, ts.URL+"/api/v1/neighbors?name=Harbor+Networks", &nb)
	if res.StatusCode != 200 || res.Header.Get("KG-Store-Busy") != "1" || len(nb.Neighbors) == 0 || names(nb)["Quill Shipping"] {
		t.Errorf("neighbors while a writer holds the store: %d, busy %q, %v; want the snapshot's, busy", res.StatusCode,
			res.Header.Get("KG-Store-Busy"), names(nb))
	}
	var ps struct {
		Paths []any `json:"paths"`
	}
	res = get(t, ts.URL+"/api/v1/paths?from=Elena+Park&to=Trade+Department", &ps)
	if res.StatusCode != 200 || res.Header.Get("KG-Store-Busy") != "1" || len(ps.Paths) == 0 {
		t.Errorf("paths while a writer holds the store: %d, busy %q, %d paths", res.StatusCode, res.Header.Get("KG-Store-Busy"), len(ps.Paths))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	res = get(t, ts.URL+"/api/v1/neighbors?name=Harbor+Networks", &nb)
	if res.StatusCode != 200 || res.Header.Get("KG-Store-Busy") != "" || !names(nb)["Quill Shipping"] {
		t.Errorf("neighbors after the writer: %d, busy %q, %v; want Quill Shipping among them", res.StatusCode,
			res.Header.Get("KG-Store-Busy"), names(nb))
	}
}

// TestAskedWhileReadAgain: while a store slow to read is read again in the
// background after a write, a neighbourhood is read from the store as it
// is, not from the old snapshot: what was written is there, not marked
// busy.
func TestAskedWhileReadAgain(t *testing.T) {
	ts := writtenAfterRead(t)
	var nb struct {
		Neighbors []struct{ Name string } `json:"neighbors"`
	}
	res := get(t, ts.URL+"/api/v1/neighbors?name=Quill+Shipping", &nb)
	if res.StatusCode != 200 || res.Header.Get("KG-Store-Busy") != "" || len(nb.Neighbors) != 1 || nb.Neighbors[0].Name != "Harbor Networks" {
		t.Errorf("neighbors of what was just written: %d, busy %q, %+v; want Harbor Networks, read from the store",
			res.StatusCode, res.Header.Get("KG-Store-Busy"), nb.Neighbors)
	}
	var sg searchAnswer
	if res := get(t, ts.URL+"/api/v1/search?q=quill", &sg); res.Header.Get("KG-Store-Busy") != "1" && len(sg.Entities) == 0 {
		t.Errorf("search: the old snapshot, not marked busy")
	}
}
