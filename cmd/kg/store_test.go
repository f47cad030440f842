package main

import (
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
