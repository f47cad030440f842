package graph

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzQuery runs arbitrary text as Gizmo: it must never crash the process,
// and its errors are the query's or the deadline's. A deadline stops
// JavaScript between two steps only, so an input that spends seconds in one
// built-in call (new Array(1e9).join()) can trip the fuzzer's hang detector:
// see the Caveats of the package.
func FuzzQuery(f *testing.F) {
	for _, q := range []string{
		queryDid, queryDoneTo, queryDidEvidence, querySentences,
		`g.V().Out({}).All()`, `g.V().Out("<kg:name>", 5).All()`, `iri(5)`, `g.V(`,
		`g.V().FollowRecursive([null, 1]).All()`, `g.V().Follow(null).All()`, `g.V().LabelContext({}).All()`,
		`g.V().Except(g.V("nothing")).All()`, `g.V().ForEach(function(d) { while (true) {} })`,
		`var a = {}; a.a = a; g.Emit(a)`, `function f() { return f() } f()`, `g.M().All()`,
		`g.V().Has("<kg:confidence>", gt(0.5), regex("x")).Order().All()`,
	} {
		f.Add(q)
	}
	s := openTest(f, Options{Backend: Memory})
	if err := storeFacts(context.Background(), s, testDocs, testFacts()); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		_, err := s.Query(ctx, q, 10)
		var qe *QueryError
		if err != nil && !errors.As(err, &qe) && ctx.Err() == nil {
			t.Errorf("Query(%q): got %v, want a *QueryError", q, err)
		}
	})
}

// FuzzLoadNQuads loads arbitrary bytes as an N-Quads file into a memory
// store: it must never crash, a bad line is a *ParseError inside the file,
// and a file that fails writes nothing.
func FuzzLoadNQuads(f *testing.F) {
	var nq bytes.Buffer
	if err := WriteNQuads(&nq, testDocs, testFacts()); err != nil {
		f.Fatal(err)
	}
	f.Add(nq.Bytes())
	for _, s := range []string{"<a> <b> <c> .\n", "<a> <b> .", "# c\n\n<a> <b> \"x\"@en <l> .", "_:b <p> \"1\"^^<xsd:integer> .", "\x00\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(t.TempDir(), "in.nq")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		s := openTest(t, Options{Backend: Memory})
		n, err := s.LoadNQuads(context.Background(), path, 3)
		if err == nil {
			return
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("LoadNQuads: got %v, want a *ParseError", err)
		}
		if pe.Line < 1 || pe.Line > bytes.Count(b, []byte("\n"))+1 {
			t.Errorf("ParseError line %d outside the file's %d lines", pe.Line, bytes.Count(b, []byte("\n"))+1)
		}
		if got := dump(t, s); n != 0 || len(got) != 0 {
			t.Errorf("a failed load wrote %d quads (returned %d)", len(got), n)
		}
	})
}
