package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"image/png"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/kgraph/kg/export"
	"github.com/kgraph/kg/schema"
)

func TestExportUsage(t *testing.T) {
	db := build(t)
	out := filepath.Join(t.TempDir(), "out")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown format", []string{"--format", "xml"}, `unknown format "xml": want one of dot, svg, png, graphml, gexf, nquads, jsonl, csv`},
		{"confidence above 1", []string{"--min-confidence", "1.5"}, "--min-confidence 1.5: want a number from 0 to 1"},
		{"negative confidence", []string{"--min-confidence", "-0.1"}, "--min-confidence -0.1: want a number from 0 to 1"},
		{"confidence not a number", []string{"--min-confidence", "high"}, `invalid value "high" for flag -min-confidence`},
		{"confidence NaN", []string{"--min-confidence", "NaN"}, "want a number from 0 to 1"},
		{"negative depth", []string{"--focus", "Harbor Networks", "--depth", "-1"}, "--depth -1: want 0 or more"},
		{"depth not a number", []string{"--depth", "two"}, `invalid value "two" for flag -depth`},
		{"nodes without csv", []string{"--format", "gexf", "--nodes", out + ".nodes"}, "--nodes goes with --format csv, not gexf"},
		{"unknown focus", []string{"--focus", "Nobody Anywhere"}, `entity "Nobody Anywhere" not found`},
		{"unknown focus, nquads", []string{"--format", "nquads", "--focus", "Nobody Anywhere"}, `entity "Nobody Anywhere" not found`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"export", "--db", db, "-o", out}, tt.args...)
			stdout, errOut, code := run(t, "", args...)
			if code != 2 || !strings.Contains(errOut, tt.want) {
				t.Errorf("got exit %d, %q; want exit 2 and %q", code, errOut, tt.want)
			}
			if stdout != "" {
				t.Errorf("wrote %q to stdout", stdout)
			}
			for _, f := range []string{out, out + ".nodes"} {
				if _, err := os.Stat(f); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("a failed export wrote %s", f)
				}
			}
		})
	}
}

// TestExportFormats writes the example's graph in every format and has a
// reader of the format read it: Graphviz's dot (where installed), PNG and XML
// decoders, JSON and CSV readers, and Cayley's N-Quads reader.
func TestExportFormats(t *testing.T) {
	db := build(t)
	dir := t.TempDir()
	exported := func(format string, args ...string) []byte {
		t.Helper()
		path := filepath.Join(dir, "harbor."+format)
		mustRun(t, "", append([]string{"export", "--db", db, "--format", format, "--focus", "Harbor Networks", "-o", path}, args...)...)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var rows []schema.FactRow
	for _, line := range strings.Split(strings.TrimSpace(string(exported("jsonl"))), "\n") {
		var r schema.FactRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("jsonl: %v", err)
		}
		rows = append(rows, r)
	}
	if len(rows) < 10 {
		t.Fatalf("jsonl: %d facts around Harbor Networks, want 10 or more", len(rows))
	}
	t.Run("dot", func(t *testing.T) {
		b := exported("dot")
		if got := strings.Count(string(b), " -> ") - 2; got != len(rows) { // less the legend's two
			t.Errorf("%d edges, want %d, one per fact", got, len(rows))
		}
		if bin, err := exec.LookPath("dot"); err == nil {
			cmd := exec.Command(bin, "-Tsvg")
			cmd.Stdin = bytes.NewReader(b)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("graphviz rejects the DOT: %v\n%s", err, out)
			}
		}
	})
	t.Run("svg", func(t *testing.T) {
		b := exported("svg")
		var svg struct {
			XMLName xml.Name `xml:"http://www.w3.org/2000/svg svg"`
		}
		if err := xml.Unmarshal(b, &svg); err != nil {
			t.Errorf("not SVG: %v", err)
		}
		for _, want := range []string{"Harbor Networks", "Legend", "stroke-dasharray", `xlink:title="The Trade Department penalized`} {
			if !bytes.Contains(b, []byte(want)) {
				t.Errorf("SVG lacks %q", want)
			}
		}
	})
	t.Run("png", func(t *testing.T) {
		img, err := png.Decode(bytes.NewReader(exported("png")))
		if err != nil {
			t.Fatalf("not PNG: %v", err)
		}
		if b := img.Bounds(); b.Dx() < 400 || b.Dy() < 300 {
			t.Errorf("image %v, too small for %d facts", b, len(rows))
		}
	})
	for _, format := range []string{"graphml", "gexf"} {
		t.Run(format, func(t *testing.T) {
			var doc struct {
				XMLName xml.Name
				Edges   []struct {
					Source string `xml:"source,attr"`
				} `xml:"graph>edge"`
				GEXFEdges []struct {
					Source string `xml:"source,attr"`
				} `xml:"graph>edges>edge"`
			}
			if err := xml.Unmarshal(exported(format), &doc); err != nil {
				t.Fatal(err)
			}
			ns := map[string]string{"graphml": export.GraphMLNS, "gexf": export.GEXFNS}[format]
			if doc.XMLName.Space != ns || len(doc.Edges)+len(doc.GEXFEdges) != len(rows) {
				t.Errorf("got %v with %d edges, want %s and %d", doc.XMLName, len(doc.Edges)+len(doc.GEXFEdges), ns, len(rows))
			}
		})
	}
	t.Run("csv", func(t *testing.T) {
		nodesPath := filepath.Join(dir, "nodes.csv")
		edges, err := csv.NewReader(bytes.NewReader(exported("csv", "--nodes", nodesPath))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(edges) != len(rows)+1 || edges[0][0] != "Source" || edges[1][3] != rows[0].Relation {
			t.Errorf("edges table: %d records, first %q", len(edges), edges[:min(2, len(edges))])
		}
		f, err := os.Open(nodesPath)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		nodes, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		ids := make(map[string]bool)
		for _, n := range nodes[1:] {
			ids[n[0]] = true
		}
		for _, e := range edges[1:] {
			if !ids[e[0]] || !ids[e[1]] {
				t.Errorf("edge %q: an end is not in the nodes table", e[:2])
			}
		}
	})
	t.Run("nquads", func(t *testing.T) {
		qs, err := quad.ReadAll(nquads.NewReader(bytes.NewReader(exported("nquads")), false))
		if err != nil {
			t.Fatal(err)
		}
		facts := 0
		for _, q := range qs {
			if q.Label != nil {
				facts++
			}
		}
		evidence := 0
		for _, r := range rows {
			evidence += r.Evidence
		}
		if facts != evidence {
			t.Errorf("%d fact quads, want one per evidence, %d", facts, evidence)
		}
	})
}

// TestExportFilters checks that each filter keeps what it says, and that a
// repeated flag is a comma list.
func TestExportFilters(t *testing.T) {
	db := build(t)
	rows := func(args ...string) []schema.FactRow {
		t.Helper()
		out := mustRun(t, "", append([]string{"export", "--db", db, "--format", "jsonl"}, args...)...)
		var rs []schema.FactRow
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if line == "" {
				continue
			}
			var r schema.FactRow
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatal(err)
			}
			rs = append(rs, r)
		}
		return rs
	}
	all := rows()
	t.Run("relation", func(t *testing.T) {
		got := rows("--relation", "penalize", "--relation", "fine")
		if len(got) == 0 || len(got) >= len(all) {
			t.Fatalf("%d facts of %d", len(got), len(all))
		}
		for _, r := range got {
			if r.Relation != "penalize" && r.Relation != "fine" {
				t.Errorf("got %+v", r)
			}
		}
		if comma := rows("--relation", "penalize, fine"); !slices.Equal(comma, got) {
			t.Errorf("a comma list keeps %d facts, the repeated flag %d", len(comma), len(got))
		}
	})
	t.Run("type", func(t *testing.T) {
		got := rows("--type", "ORG,person")
		if len(got) == 0 || len(got) >= len(all) {
			t.Fatalf("%d facts of %d", len(got), len(all))
		}
		for _, r := range got {
			for _, typ := range []string{r.SubjectType, r.ObjectType} {
				if typ != "ORG" && typ != "PERSON" {
					t.Errorf("got %+v", r)
				}
			}
		}
	})
	t.Run("min-confidence", func(t *testing.T) {
		got := rows("--min-confidence", "0.7")
		if len(got) == 0 || len(got) >= len(all) {
			t.Fatalf("%d facts of %d", len(got), len(all))
		}
		for _, r := range got {
			if r.Confidence < 0.7 {
				t.Errorf("got %+v", r)
			}
		}
	})
	t.Run("path", func(t *testing.T) {
		// The facts of the export are those of kg path's connections.
		want := map[string]bool{}
		out := mustRun(t, "", "path", "--db", db, "--json", "-k", "2", "Elena Park", "Trade Department")
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var p struct {
				Hops []struct {
					Facts []struct{ Subject, Relation, Object string }
				}
			}
			if err := json.Unmarshal([]byte(line), &p); err != nil {
				t.Fatal(err)
			}
			for _, h := range p.Hops {
				for _, f := range h.Facts {
					want[f.Subject+" - "+f.Relation+" - "+f.Object] = true
				}
			}
		}
		got := map[string]bool{}
		for _, r := range rows("--path", "Elena Park,trade department", "-k", "2") {
			got[r.Subject+" - "+r.Relation+" - "+r.Object] = true
		}
		if len(want) < 2 || !maps.Equal(got, want) {
			t.Errorf("--path exports %v, kg path connects through %v", got, want)
		}
		// No connection within one hop: an empty export, said on stderr.
		stdout, stderr, code := run(t, "", "export", "--db", db, "--format", "jsonl", "--path", "Elena Park,Trade Department", "--max-hops", "1")
		if code != 0 || strings.TrimSpace(stdout) != "" || !strings.Contains(stderr, "no connection") {
			t.Errorf("no connection: exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
		for _, bad := range [][]string{{"--path", "Elena Park"}, {"--path", "Elena Park,Nobody"}, {"--path", "A,B", "--focus", "A"}} {
			if _, _, code := run(t, "", append([]string{"export", "--db", db}, bad...)...); code != 2 {
				t.Errorf("%v: exit %d, want 2", bad, code)
			}
		}
	})
	t.Run("focus and filters", func(t *testing.T) {
		got := rows("--focus", "Harbor Networks", "--depth", "2", "--type", "ORG", "--min-confidence", "0.6")
		if len(got) == 0 {
			t.Fatal("nothing around Harbor Networks")
		}
		for _, r := range got {
			if r.SubjectType != "ORG" || r.ObjectType != "ORG" || r.Confidence < 0.6 {
				t.Errorf("got %+v", r)
			}
		}
	})
}

// TestExportNQuadsLoads exports the example's store as N-Quads, loads them
// with kg load into a new store, and exports that: the same quads. A part,
// loaded the same way, is a store that kg verify finds sound.
func TestExportNQuadsLoads(t *testing.T) {
	db := build(t)
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.nq")
	mustRun(t, "", "export", "--db", db, "--format", "nquads", "-o", whole)
	copyDB := filepath.Join(dir, "copy.db")
	mustRun(t, "", "load", "--db", copyDB, whole)
	again := mustRun(t, "", "export", "--db", copyDB, "--format", "nquads")
	if b, _ := os.ReadFile(whole); string(b) != again {
		t.Errorf("the loaded store exports other quads")
	}
	if st, want := stats(t, copyDB), stats(t, db); !equalMaps(st, want) {
		t.Errorf("stats of the loaded store: got %v, want %v", st, want)
	}
	mustRun(t, "", "verify", "--db", copyDB)

	part := filepath.Join(dir, "part.nq")
	mustRun(t, "", "export", "--db", db, "--format", "nquads", "--focus", "Harbor Networks", "--relation", "penalize,fine,appoint", "-o", part)
	partDB := filepath.Join(dir, "part.db")
	mustRun(t, "", "load", "--db", partDB, part)
	mustRun(t, "", "verify", "--db", partDB)
	got := mustRun(t, "", "export", "--db", partDB, "--format", "jsonl")
	want := mustRun(t, "", "export", "--db", db, "--format", "jsonl", "--focus", "Harbor Networks", "--relation", "penalize,fine,appoint")
	if got != want {
		t.Errorf("the part's store holds\n%s\nwant\n%s", got, want)
	}
	if n := strings.Count(got, "\n"); n < 3 {
		t.Errorf("the part has %d facts, want penalize, fine and appoint: %s", n, got)
	}
	if st := stats(t, partDB); st["facts"] != strings.Count(got, "\n") {
		t.Errorf("the part's store has %d facts, want %d", st["facts"], strings.Count(got, "\n"))
	}
}
