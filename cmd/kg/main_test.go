package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/parse"
	"github.com/kgraph/kg/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata and examples")

// sharedModel is loaded once for every test of the package, as main loads it
// once per process.
var sharedModel = sync.OnceValues(extract.Load)

// sharedParser is the parser's model, loaded once likewise.
var sharedParser = sync.OnceValues(parse.Load)

const example = "../../examples/harbor-sanctions.txt"

// run runs kg with args, stdin as standard input, and returns what it wrote
// and its exit status.
func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := newAppWith(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, model: sharedModel, parser: sharedParser})
	err := runApp(context.Background(), app, append([]string{"kg"}, args...))
	if err != nil {
		errOut.WriteString("kg: " + err.Error() + "\n")
	}
	return out.String(), errOut.String(), exitCode(err)
}

// mustRun is run for commands that must succeed.
func mustRun(t *testing.T, stdin string, args ...string) string {
	t.Helper()
	out, errOut, code := run(t, stdin, args...)
	if code != 0 {
		t.Fatalf("kg %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	return out
}

func TestExtractFormats(t *testing.T) {
	text := "The Trade Ministry penalized Norvale Telecom. Norvale did not appeal the fine.\n"
	t.Run("jsonl", func(t *testing.T) {
		out := mustRun(t, text, "extract")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 2 {
			t.Fatalf("got %d lines, want 2:\n%s", len(lines), out)
		}
		var f map[string]any
		if err := json.Unmarshal([]byte(lines[0]), &f); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"subject", "relation", "object", "subject_id", "object_id", "subject_type",
			"object_type", "text", "negated", "confidence", "doc", "sentence_index", "sentence"} {
			if _, ok := f[key]; !ok {
				t.Errorf("JSON Lines contract: no %q in %s", key, lines[0])
			}
		}
		if f["subject"] != "Trade Ministry" || f["relation"] != "penalize" || f["doc"] != "stdin" {
			t.Errorf("got %s", lines[0])
		}
		var g schema.Fact
		if err := json.Unmarshal([]byte(lines[1]), &g); err != nil {
			t.Fatal(err)
		}
		if !g.Negated || g.SentenceIndex != 1 || g.Text.Relation != "did not appeal" {
			t.Errorf("second fact: got %+v", g)
		}
	})
	t.Run("tsv", func(t *testing.T) {
		out := mustRun(t, text, "extract", "--format", "tsv")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 3 || lines[0]+"\n" != tsvHeader {
			t.Fatalf("got:\n%s", out)
		}
		if cols := strings.Split(lines[1], "\t"); len(cols) != strings.Count(tsvHeader, "\t")+1 || cols[3] != "penalize" {
			t.Errorf("row: got %q", cols)
		}
	})
	t.Run("nquads", func(t *testing.T) {
		out := mustRun(t, text, "extract", "--format", "nquads")
		for _, want := range []string{
			`<kg:entity/trade_ministry> <rel:penalize> <kg:entity/norvale_telecom> <kg:ev/`,
			`<kg:entity/trade_ministry> <kg:name> "Trade Ministry" .`,
			`<kg:doc/stdin> <rdf:type> <kg:Document> .`,
		} {
			if !strings.Contains(out, want) {
				t.Errorf("N-Quads lack %s", want)
			}
		}
	})
	t.Run("carb", func(t *testing.T) {
		out := mustRun(t, "Norvale Telecom was penalized by the Trade Ministry.\n", "extract", "--lines", "--format", "carb")
		cols := strings.Split(strings.TrimSuffix(out, "\n"), "\t")
		// CaRB wants the arguments in the sentence's order, passive or not.
		want := []string{"Norvale Telecom was penalized by the Trade Ministry.", "", "was penalized by", "Norvale Telecom", "the Trade Ministry"}
		if len(cols) != len(want) {
			t.Fatalf("got %q, want 5 columns", out)
		}
		for i := range want {
			if i != 1 && cols[i] != want[i] {
				t.Errorf("column %d: got %q, want %q", i, cols[i], want[i])
			}
		}
		if c, err := strconv.ParseFloat(cols[1], 64); err != nil || c <= 0 || c > 1 {
			t.Errorf("confidence %q is not in (0, 1]", cols[1])
		}
	})
}

func TestExtractUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown format", []string{"extract", "--format", "xml"}, `unknown format "xml"`},
		{"unknown flag", []string{"extract", "--nope"}, "flag provided but not defined"},
		{"missing file", []string{"extract", "no-such-file.txt"}, "no-such-file.txt: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := run(t, "", tt.args...)
			if code != 2 || !strings.Contains(errOut, tt.want) {
				t.Errorf("got exit %d, %q; want exit 2 and %q", code, errOut, tt.want)
			}
		})
	}
}

// build returns the path of a new bolt store of the example article: a copy
// of one built once for all the tests of the process.
func build(t *testing.T) string {
	t.Helper()
	store, err := exampleStore()
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	if err := os.WriteFile(db, store, 0o644); err != nil {
		t.Fatal(err)
	}
	return db
}

// exampleStore builds the example article into a bolt store once, and
// returns the store's file.
var exampleStore = sync.OnceValues(func() ([]byte, error) {
	db := filepath.Join(binDir, "example.db")
	var errOut strings.Builder
	app := newAppWith(&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &errOut, model: sharedModel, parser: sharedParser})
	if err := runApp(context.Background(), app, []string{"kg", "build", "--quiet", "--db", db, example}); err != nil {
		return nil, fmt.Errorf("build the example: %w\n%s", err, errOut.String())
	}
	return os.ReadFile(db)
})

func stats(t *testing.T, db string) map[string]int {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(mustRun(t, "", "stats", "--db", db, "--json")), &raw); err != nil {
		t.Fatal(err)
	}
	st := make(map[string]int)
	for k, v := range raw {
		var n int
		if json.Unmarshal(v, &n) == nil && k != "bytes" { // the file's size may grow while it holds the same
			st[k] = n
		}
	}
	return st
}

func TestBuildTwiceChangesNothing(t *testing.T) {
	db := build(t)
	first := stats(t, db)
	if first["facts"] < 20 || first["documents"] != 1 || first["entities"] < 20 || first["evidence"] < first["facts"] {
		t.Fatalf("stats after one build: %v", first)
	}
	mustRun(t, "", "build", "--db", db, example)
	if again := stats(t, db); !equalMaps(first, again) {
		t.Errorf("stats after the same build again: got %v, want %v", again, first)
	}
}

func equalMaps(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestBadInputLeavesStore: each bad input fails with its name (and line), exit
// 2, and the store keeps exactly what it had.
func TestBadInputLeavesStore(t *testing.T) {
	db := build(t)
	before := stats(t, db)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("The Finance Ministry fined Alder Systems.\n"))
	tests := []struct {
		name string
		file string
		want string
	}{
		{"empty", write("empty.txt", []byte(" \n\n")), "empty.txt: empty input"},
		{"binary", write("binary.bin", []byte("PK\x03\x04\n\x00\x01\x02")), "binary.bin:2: binary data"},
		{"invalid UTF-8", write("latin1.txt", []byte("The ministry fined\nthe caf\xe9 owner.\n")), "latin1.txt:2: invalid UTF-8"},
		{"missing among several", filepath.Join(dir, "missing.txt"), "missing.txt: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := run(t, "", "build", "--db", db, good, tt.file)
			if code != 2 || !strings.Contains(errOut, tt.want) {
				t.Errorf("got exit %d, %q; want exit 2 and %q", code, errOut, tt.want)
			}
			if after := stats(t, db); !equalMaps(before, after) {
				t.Errorf("store changed: got %v, want %v", after, before)
			}
		})
	}
}

func TestQuery(t *testing.T) {
	db := build(t)
	out := mustRun(t, "", "query", "--db", db,
		`g.V().Has("<kg:name>", "Trade Department").In("<kg:subject>").Save("<kg:relation>", "relation").Out("<kg:object>").Out("<kg:name>").All()`)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	found := false
	for _, r := range rows {
		if r["relation"] == "penalize" && r["id"] == "Harbor Networks" {
			found = true
		}
	}
	if !found {
		t.Errorf("no Trade Department - penalize - Harbor Networks in %s", out)
	}
	if out := mustRun(t, "", "query", "--db", db, "--limit", "2", `g.V().Has("<rdf:type>", "<kg:Entity>").All()`); strings.Count(out, `"id"`) != 2 {
		t.Errorf("--limit 2: got\n%s", out)
	}
}

func TestQueryErrors(t *testing.T) {
	db := build(t)
	missing := filepath.Join(t.TempDir(), "none.db")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"syntax error", []string{"query", "--db", db, "g.V(.bad"}, "gizmo: SyntaxError"},
		{"run-time error", []string{"query", "--db", db, "g.V().NoSuchStep()"}, "gizmo:"},
		{"no query", []string{"query", "--db", db}, "want one query"},
		{"missing store", []string{"query", "--db", missing, "g.V().All()"}, "open " + missing + ": store not found"},
		{"stats of a missing store", []string{"stats", "--db", missing}, missing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := run(t, "", tt.args...)
			if code != 2 || !strings.Contains(errOut, tt.want) {
				t.Errorf("got exit %d, %q; want exit 2 and %q", code, errOut, tt.want)
			}
		})
	}
	if _, err := os.Stat(missing); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a reading command created %s", missing)
	}
}

func TestMemoryBackend(t *testing.T) {
	dir := t.TempDir()
	out := mustRun(t, "", "build", "--backend", "memory", "--db", filepath.Join(dir, "unused.db"), example)
	if out != "" {
		t.Errorf("build wrote %q to stdout", out)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a memory build wrote files: %v", entries)
	}
}

// TestExportDOT compares the DOT of the example's ZTE-like neighbourhood with
// the golden file, and has Graphviz's own dot parse it where it is installed.
func TestExportDOT(t *testing.T) {
	db := build(t)
	out := mustRun(t, "", "export", "--db", db, "--focus", "Harbor Networks", "--depth", "1")
	golden(t, "testdata/harbor-networks.dot", out)
	for _, want := range []string{`label="penalize"`, `style=dashed`, `label="Harbor Networks"`} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
	if dot, err := exec.LookPath("dot"); err == nil {
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin = strings.NewReader(out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("graphviz rejects the DOT: %v\n%s", err, b)
		}
	} else {
		t.Log("no graphviz dot on PATH: DOT not checked by graphviz")
	}
	whole := mustRun(t, "", "export", "--db", db)
	if strings.Count(whole, "->") <= strings.Count(out, "->") {
		t.Errorf("the whole graph has no more edges than one neighbourhood")
	}
	_, errOut, code := run(t, "", "export", "--db", db, "--focus", "Nobody Anywhere")
	if code != 2 || !strings.Contains(errOut, `"Nobody Anywhere" not found`) {
		t.Errorf("unknown focus: got exit %d, %q", code, errOut)
	}
}

func TestExportSVG(t *testing.T) {
	db := build(t)
	svgPath := filepath.Join(t.TempDir(), "zte.svg")
	mustRun(t, "", "export", "--db", db, "--format", "svg", "--focus", "Harbor Networks", "-o", svgPath)
	b, err := os.ReadFile(svgPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("<?xml")) || !bytes.Contains(b, []byte("<svg")) || !bytes.Contains(b, []byte("Harbor Networks")) {
		t.Errorf("not an SVG of the graph: %.80q", b)
	}
}

// TestExampleQueries runs every Gizmo query of examples/queries against the
// example article's graph and compares the results with the recorded ones.
// Gizmo gives results in no fixed order, so both sides are sorted.
func TestExampleQueries(t *testing.T) {
	db := build(t)
	queries, err := filepath.Glob("../../examples/queries/*.js")
	if err != nil || len(queries) == 0 {
		t.Fatalf("no example queries: %v", err)
	}
	for _, q := range queries {
		t.Run(filepath.Base(q), func(t *testing.T) {
			out := mustRun(t, "", "query", "--db", db, "-f", q)
			var rows []any
			if err := json.Unmarshal([]byte(out), &rows); err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				t.Errorf("%s finds nothing", q)
			}
			golden(t, strings.TrimSuffix(q, ".js")+".json", sortedJSON(t, rows))
		})
	}
}

func sortedJSON(t *testing.T, rows []any) string {
	t.Helper()
	lines := make([]string, len(rows))
	for i, r := range rows {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		lines[i] = strings.TrimSuffix(b.String(), "\n")
	}
	sort.Strings(lines)
	return "[\n  " + strings.Join(lines, ",\n  ") + "\n]\n"
}

// golden compares got with the file, or rewrites the file under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/kg -update creates it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./cmd/kg -update to accept):\ngot:\n%s", path, got)
	}
}
