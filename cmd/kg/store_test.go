package main

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestIncrementalBuild builds two documents, changes one, builds again and
// removes the other, checking what each step reports and leaves.
func TestIncrementalBuild(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return filepath.ToSlash(p)
	}
	a := write("a.txt", "The Finance Ministry fined Alder Systems. Alder Systems hired Mara Quist.\n")
	b := write("b.txt", "The Port Authority sued Brine Logistics.\n")

	steps := []struct {
		name   string
		args   []string
		stderr string // what the command reports
		docs   int    // documents in the store afterwards
		facts  int
	}{
		{"first build", []string{"build", "--db", db, a, b}, "(2 added, 0 replaced, 0 unchanged)", 2, 3},
		{"same again", []string{"build", "--db", db, a, b}, "(0 added, 0 replaced, 2 unchanged)", 2, 3},
		{"a changed", []string{"build", "--db", db, a, b}, "(0 added, 1 replaced, 1 unchanged)", 2, 2},
		{"b removed", []string{"remove", "--db", db, b}, "removed " + b, 1, 1},
	}
	for _, st := range steps {
		if st.name == "a changed" {
			write("a.txt", "The Finance Ministry fined Alder Systems.\n")
		}
		_, errOut, code := run(t, "", st.args...)
		if code != 0 || !strings.Contains(errOut, st.stderr) {
			t.Fatalf("%s: got exit %d, %q; want exit 0 and %q", st.name, code, errOut, st.stderr)
		}
		got := stats(t, db)
		if got["documents"] != st.docs || got["facts"] != st.facts {
			t.Errorf("%s: stats %v, want %d documents, %d facts", st.name, got, st.docs, st.facts)
		}
	}
	_, errOut, code := run(t, "", "remove", "--db", db, b)
	if code != 2 || !strings.Contains(errOut, `document "`+b+`" not found`) {
		t.Errorf("removing a missing document: got exit %d, %q", code, errOut)
	}
}

func TestStatsAndVerify(t *testing.T) {
	db := build(t)
	out := mustRun(t, "", "stats", "--db", db)
	for _, want := range []string{"bytes      ", "document", "harbor-sanctions.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats: got\n%s\nwant it to contain %q", out, want)
		}
	}
	var rep struct {
		Bytes       int64 `json:"bytes"`
		PerDocument []struct {
			Name     string `json:"name"`
			Hash     string `json:"hash"`
			Evidence int    `json:"evidence"`
		} `json:"per_document"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "", "stats", "--json", "--db", db)), &rep); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(db)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Bytes != fi.Size() || len(rep.PerDocument) != 1 || rep.PerDocument[0].Evidence < 20 ||
		!strings.HasPrefix(rep.PerDocument[0].Hash, "sha256:") {
		t.Errorf("stats --json: got %+v, want the file's %d bytes and one document", rep, fi.Size())
	}

	if _, errOut, code := run(t, "", "verify", "--db", db); code != 0 || !strings.Contains(errOut, "no problem") {
		t.Errorf("verify of a sound store: exit %d, %q", code, errOut)
	}
	// N-Quads that break the schema: an entity with no fact, a fact whose
	// label is no evidence node. kg load writes them as they are.
	nq := filepath.Join(t.TempDir(), "broken.nq")
	err = os.WriteFile(nq, []byte(`<kg:entity/lone> <rdf:type> <kg:Entity> .
<kg:entity/harbor_networks> <rel:deny> <kg:entity/lone> <kg:ev/none> .
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, "", "load", "--db", db, nq)
	out, errOut, code := run(t, "", "verify", "--db", db)
	if code != 1 || !strings.Contains(errOut, "store is not sound") ||
		!strings.Contains(out, "kg:entity/lone has no fact") || !strings.Contains(out, "has no evidence") {
		t.Errorf("verify of a broken store: exit %d, stdout %q, stderr %q; want exit 1 and the problems", code, out, errOut)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	bad := filepath.Join(dir, "bad.nq")
	if err := os.WriteFile(bad, []byte("<a> <b> <c> .\n<a> <b> \"unterminated .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.nq")
	if err := os.WriteFile(good, []byte("<x> <y> <z> .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Every input is checked before the store is opened: a bad file or a
	// missing one, after a good one, leaves no store at all.
	for _, tt := range []struct {
		files []string
		want  string
	}{
		{[]string{bad}, bad + ":2:"},
		{[]string{good, bad}, bad + ":2:"},
		{[]string{good, filepath.Join(dir, "missing.nq")}, "missing.nq: no such file"},
	} {
		_, errOut, code := run(t, "", append([]string{"load", "--db", db}, tt.files...)...)
		if code != 2 || !strings.Contains(errOut, tt.want) || !strings.Contains(errOut, "nothing loaded") {
			t.Errorf("load %q: got exit %d, %q; want exit 2, %s and nothing loaded", tt.files, code, errOut, tt.want)
		}
		if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("load %q: the store was created (%v)", tt.files, err)
		}
	}
	mustRun(t, "", "load", "--db", db, good)
	if st := stats(t, db); st["quads"] != 1 {
		t.Errorf("load of a good file: %d quads, want 1", st["quads"])
	}
	if _, errOut, code := run(t, "", "load", "--db", db); code != 2 || !strings.Contains(errOut, "name the N-Quads files") {
		t.Errorf("no file: got exit %d, %q", code, errOut)
	}
}

// TestPostgres runs the store commands on PostgreSQL, chosen through
// KG_BACKEND and KG_DB, in a schema of its own in $KG_TEST_POSTGRES.
func TestPostgres(t *testing.T) {
	t.Setenv("KG_BACKEND", "postgres")
	t.Setenv("KG_DB", testPostgres(t))

	if _, errOut, code := run(t, "", "stats"); code != 2 || !strings.Contains(errOut, "store not found") {
		t.Errorf("stats before any build: got exit %d, %q; want exit 2, store not found", code, errOut)
	}
	_, errOut, code := run(t, "", "build", example)
	if code != 0 || !strings.Contains(errOut, "(1 added") || strings.Contains(errOut, ":kg@") {
		t.Fatalf("build: exit %d, %q", code, errOut)
	}
	out := mustRun(t, "", "stats")
	if !strings.Contains(out, "harbor-sanctions.txt") {
		t.Errorf("stats: got\n%s", out)
	}
	mustRun(t, "", "verify")
	if _, errOut, _ := run(t, "", "build", example); !strings.Contains(errOut, "(0 added, 0 replaced, 1 unchanged)") {
		t.Errorf("build again: got %q", errOut)
	}
	mustRun(t, "", "remove", filepath.ToSlash(filepath.Clean(example)))
	if out := mustRun(t, "", "stats", "--json"); !strings.Contains(out, `"quads":0`) {
		t.Errorf("stats after removing the only document: %s", out)
	}
}

// testPostgres returns the URL of a schema of its own in the database that
// $KG_TEST_POSTGRES names, dropped when the test ends; without the variable,
// the test is skipped.
func testPostgres(t *testing.T) string {
	t.Helper()
	base := os.Getenv("KG_TEST_POSTGRES")
	if base == "" {
		skip(t, "KG_TEST_POSTGRES is not set: no PostgreSQL to test against (.ci/run sets it)")
	}
	db, err := sql.Open("postgres", base) // lib/pq, registered through package graph
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() }) // after the schema is dropped
	schemaName := fmt.Sprintf("kgcli_%d_%d", os.Getpid(), testSchemas.Add(1))
	if _, err := db.Exec("CREATE SCHEMA " + schemaName); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA " + schemaName + " CASCADE"); err != nil {
			t.Error(err)
		}
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schemaName
}

// TestTwoBuildProcesses runs two kg build processes at once on different
// documents (that share entities) into one PostgreSQL database: the store must
// hold what one build of all the documents gives, nothing lost, nothing
// twice.
func TestTwoBuildProcesses(t *testing.T) {
	together, apart := testPostgres(t), testPostgres(t)
	dir := t.TempDir()
	text, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	var files [2][]string
	for i := range 30 {
		p := filepath.Join(dir, fmt.Sprintf("doc%02d.txt", i))
		// Seven companies shared among thirty documents, each document's
		// text its own: a copy of another's content would be skipped, by
		// whichever process sees it second.
		doc := strings.ReplaceAll(string(text), "Harbor Networks", fmt.Sprintf("Harbor Networks %d", i%7)) + fmt.Sprintf("\nThis is report %d.\n", i)
		if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		files[i%2] = append(files[i%2], p)
	}
	buildAtOnce(t, apart, files[:]...)
	buildAtOnce(t, together, append(files[0], files[1]...))
	t.Setenv("KG_BACKEND", "postgres")
	got, want := statsOf(t, apart), statsOf(t, together)
	if got != want {
		t.Errorf("two processes at once: stats\n%s\nwant, as one build gives,\n%s", got, want)
	}
	mustRun(t, "", "verify", "--db", apart)
}

// statsOf returns kg stats of the store without its size, which depends on
// the order of writes.
func statsOf(t *testing.T, db string) string {
	t.Helper()
	var rep map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "", "stats", "--json", "--db", db)), &rep); err != nil {
		t.Fatal(err)
	}
	delete(rep, "bytes")
	b, err := json.MarshalIndent(rep, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// testSchemas numbers the PostgreSQL schemas of this test process.
var testSchemas atomic.Int64
