package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSameContentTwice builds one text under two paths, in two builds and
// in one: the copy is reported and skipped, so that its facts do not count
// two documents.
func TestSameContentTwice(t *testing.T) {
	dir := t.TempDir()
	text := "The Trade Ministry fined Norvale Telecom.\n"
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "copy", "a.txt")
	if err := os.MkdirAll(filepath.Dir(b), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, builds := range [][][]string{{{a}, {b}}, {{a, b}}} {
		db := filepath.Join(t.TempDir(), "kg.db")
		var errOut string
		for _, files := range builds {
			_, errOut, _ = run(t, "", append([]string{"build", "--db", db}, files...)...)
		}
		if want := b + " has the content of " + a + ", in the store already: skipped"; !strings.Contains(errOut, want) {
			t.Errorf("builds %q: stderr %q, want %q", builds, errOut, want)
		}
		if docs := docStats(t, db); len(docs) != 1 {
			t.Errorf("builds %q: %d documents stored, want 1", builds, len(docs))
		}
		out := mustRun(t, "", "support", "--db", db, "Trade Ministry", "fine", "Norvale Telecom")
		if !strings.Contains(out, ": 1 sentence in 1 document") {
			t.Errorf("builds %q: support %q, want 1 sentence in 1 document", builds, out)
		}
	}
}
