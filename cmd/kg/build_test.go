package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// corpusDir writes a small corpus of made-up news under a new directory:
// text files at two depths, a file with another extension, and JSON Lines
// with metadata.
func corpusDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"wire/a.txt":      "The Finance Ministry fined Alder Systems. Alder Systems hired Mara Quist.\n",
		"wire/deep/b.txt": "The Port Authority sued Brine Logistics.\n",
		"wire/notes.csv":  "not,news\n",
		"c.txt":           "The Harbor Board penalized Tern Shipping.\n",
		"feed.jsonl": `{"id":"feed-1","title":"Ministry fines Alder","date":"2024-05-01","text":"The Finance Ministry fined Alder Systems again."}` + "\n" +
			`{"id":"feed-2","title":"Court rules","date":"2024-05-02","text":"The High Court rejected the appeal of Brine Logistics."}` + "\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// docStats returns the documents kg stats lists.
func docStats(t *testing.T, db string) []graph.DocStats {
	t.Helper()
	var rep struct {
		PerDocument []graph.DocStats `json:"per_document"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "", "stats", "--db", db, "--json")), &rep); err != nil {
		t.Fatal(err)
	}
	return rep.PerDocument
}

func docNames(docs []graph.DocStats) []string {
	var names []string
	for _, d := range docs {
		names = append(names, d.Name)
	}
	return names
}

// TestBuildInputKinds builds from a directory, a glob, standard input and
// JSON Lines, and finds each document in the store with its metadata.
func TestBuildInputKinds(t *testing.T) {
	dir := corpusDir(t)
	p := func(s string) string { return filepath.ToSlash(filepath.Join(dir, s)) }
	db := filepath.Join(t.TempDir(), "kg.db")
	_, errOut, code := run(t, "The Tax Office audited Vell Mining.\n", "build", "--db", db,
		filepath.Join(dir, "wire"), filepath.Join(dir, "*.txt"), "-", filepath.Join(dir, "feed.jsonl"))
	if code != 0 || !strings.Contains(errOut, "(6 added, 0 replaced, 0 unchanged)") {
		t.Fatalf("build: exit %d, %q", code, errOut)
	}
	docs := docStats(t, db)
	want := []string{p("c.txt"), "feed-1", "feed-2", "stdin", p("wire/a.txt"), p("wire/deep/b.txt")}
	slices.Sort(want)
	if got := docNames(docs); !slices.Equal(got, want) {
		t.Errorf("documents: got %q, want %q", got, want)
	}
	for _, d := range docs {
		switch d.Name {
		case "feed-2":
			if d.Title != "Court rules" || d.Date != "2024-05-02" || d.Source != p("feed.jsonl") || d.Evidence == 0 {
				t.Errorf("feed-2: got %+v", d)
			}
		case "stdin":
			if d.Source != "stdin" || d.Title != "" {
				t.Errorf("stdin: got %+v", d)
			}
		}
	}
	// The metadata is in the graph, for queries.
	out := mustRun(t, "", "query", "--db", db,
		`g.V().Has("<kg:title>", "Ministry fines Alder").Out("<kg:date>").All()`)
	if !strings.Contains(out, "2024-05-01") {
		t.Errorf("no date by title in the graph: %s", out)
	}
	// Stats shows it per document.
	if out := mustRun(t, "", "stats", "--db", db); !strings.Contains(out, "Court rules") || !strings.Contains(out, "2024-05-02") {
		t.Errorf("kg stats does not show the titles and dates:\n%s", out)
	}
	// Building the same again changes nothing; a new title replaces.
	if _, errOut, _ := run(t, "", "build", "--db", db, filepath.Join(dir, "feed.jsonl")); !strings.Contains(errOut, "(0 added, 0 replaced, 2 unchanged)") {
		t.Errorf("the same JSON Lines again: %q", errOut)
	}
	feed := filepath.Join(dir, "feed.jsonl")
	b, err := os.ReadFile(feed)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(feed, []byte(strings.Replace(string(b), "Court rules", "Court rules again", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, _ := run(t, "", "build", "--db", db, feed); !strings.Contains(errOut, "(0 added, 1 replaced, 1 unchanged)") {
		t.Errorf("a new title: %q", errOut)
	}
}

// TestBuildBadJSONLLeavesStore: a bad line anywhere among the inputs stops
// the build before it writes anything, naming the file and line.
func TestBuildBadJSONLLeavesStore(t *testing.T) {
	dir := corpusDir(t)
	db := build(t)
	before := stats(t, db)
	bad := filepath.Join(dir, "bad.jsonl")
	lines := `{"id":"ok-1","text":"The Finance Ministry fined Alder Systems."}` + "\n" +
		`{"id":"ok-2","text":"The Port Authority sued Brine Logistics."}` + "\n" +
		`{"id":"broken","text":"The court` + "\n"
	if err := os.WriteFile(bad, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, "", "build", "--db", db, filepath.Join(dir, "wire"), bad)
	if code != 2 || !strings.Contains(errOut, "bad.jsonl:3: not a JSON document") {
		t.Errorf("got exit %d, %q; want exit 2 and bad.jsonl:3", code, errOut)
	}
	if after := stats(t, db); !equalMaps(before, after) {
		t.Errorf("store changed: got %v, want %v", after, before)
	}
}

// TestWorkersSameResult: the output of kg extract and the store kg build
// writes do not depend on the number of workers.
func TestWorkersSameResult(t *testing.T) {
	dir := corpusDir(t)
	text, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 { // documents long and short, so workers finish out of order
		s := strings.ReplaceAll(string(text), "Harbor Networks", fmt.Sprintf("Harbor Networks %d", i))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("wire/x%d.txt", i)), []byte(s[:len(s)*(i+1)/6]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var extracts, entities []string
	var stores [][]graph.DocStats
	for _, workers := range []string{"1", "4"} {
		extracts = append(extracts, mustRun(t, "", "extract", "--workers", workers, dir))
		db := filepath.Join(t.TempDir(), "kg.db")
		mustRun(t, "", "build", "--workers", workers, "--db", db, dir)
		stores = append(stores, docStats(t, db))
		entities = append(entities, mustRun(t, "", "entities", "--json", "--db", db))
	}
	if extracts[0] != extracts[1] || strings.Count(extracts[0], "\n") < 50 {
		t.Errorf("kg extract: 4 workers differ from 1 (or too few facts: %d)", strings.Count(extracts[0], "\n"))
	}
	if !slices.Equal(stores[0], stores[1]) || entities[0] != entities[1] {
		t.Errorf("kg build: 4 workers give another store than 1:\n%+v\n%+v", stores[0], stores[1])
	}
	if _, errOut, code := run(t, "", "extract", "--workers", "0", dir); code != 2 || !strings.Contains(errOut, "--workers 0") {
		t.Errorf("--workers 0: exit %d, %q", code, errOut)
	}
}

func TestStatsJSONAndQuiet(t *testing.T) {
	dir := corpusDir(t)
	db := filepath.Join(t.TempDir(), "kg.db")
	path := filepath.Join(t.TempDir(), "stats.json")
	out, errOut, code := run(t, "", "build", "--quiet", "--stats-json", path, "--db", db, dir)
	if code != 0 || out != "" || errOut != "" {
		t.Fatalf("build --quiet: exit %d, stdout %q, stderr %q; want nothing", code, out, errOut)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var st map[string]any
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	for key, want := range map[string]float64{"documents": 5, "total_documents": 5, "added": 5, "replaced": 0, "unchanged": 0} {
		if st[key] != want {
			t.Errorf("%s: got %v, want %v", key, st[key], want)
		}
	}
	for _, key := range []string{"sentences", "tokens", "facts", "bytes", "seconds", "sentences_per_second", "tokens_per_second", "mb_per_second", "workers"} {
		if n, ok := st[key].(float64); !ok || n <= 0 {
			t.Errorf("%s: got %v, want a positive number", key, st[key])
		}
	}
	if st["bytes"] != st["total_bytes"] || st["interrupted"] != false {
		t.Errorf("bytes %v of %v, interrupted %v", st["bytes"], st["total_bytes"], st["interrupted"])
	}

	// kg extract: the figures on standard output after the facts, no summary.
	out, errOut, code = run(t, "", "extract", "--quiet", "--format", "tsv", "--stats-json", "-", dir)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || errOut != "" || !strings.HasPrefix(lines[len(lines)-1], `{"documents":5,`) {
		t.Errorf("extract --quiet --stats-json -: exit %d, stderr %q, last line %q", code, errOut, lines[len(lines)-1])
	}
	if _, errOut, _ := run(t, "", "extract", dir); !strings.Contains(errOut, "extracted 5 documents") {
		t.Errorf("extract's summary: %q", errOut)
	}
}
