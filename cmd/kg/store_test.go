package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
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
	if rep.Bytes != fi.Size() || len(rep.PerDocument) != 1 || rep.PerDocument[0].Evidence < 30 ||
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
	_, errOut, code := run(t, "", "load", "--db", db, bad)
	if code != 2 || !strings.Contains(errOut, bad+":2:") {
		t.Errorf("a bad line: got exit %d, %q; want exit 2 and %s:2:", code, errOut, bad)
	}
	if st := stats(t, db); st["quads"] != 0 {
		t.Errorf("a bad file wrote %d quads", st["quads"])
	}
	if _, errOut, code := run(t, "", "load", "--db", db); code != 2 || !strings.Contains(errOut, "name the N-Quads files") {
		t.Errorf("no file: got exit %d, %q", code, errOut)
	}
}
