package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestSupport checks the evidence ledger on the command line: a fact stated
// in two documents and denied in a third shows all three sentences, with
// the counts of sentences, documents, assertions and denials.
func TestSupport(t *testing.T) {
	dir := t.TempDir()
	docs := map[string]string{
		"a.txt": "The Trade Ministry fined Norvale Telecom in March.",
		"b.txt": "Regulators said the Trade Ministry fined Norvale Telecom again. The Trade Ministry fined Norvale Telecom twice.",
		"c.txt": "The Trade Ministry did not fine Norvale Telecom.",
	}
	args := []string{"build", "--db", filepath.Join(dir, "kg.db")}
	for name, text := range docs {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	mustRun(t, "", args...)
	db := filepath.Join(dir, "kg.db")

	out := mustRun(t, "", "support", "--db", db, "--json", "Trade Ministry", "fine", "Norvale Telecom")
	var sup graph.Support
	if err := json.Unmarshal([]byte(out), &sup); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if sup.Documents != 3 || sup.Sentences != 4 || sup.Asserted != 3 || sup.Negated != 1 || len(sup.Evidence) != 4 {
		t.Errorf("ledger: %d documents, %d sentences, %d asserted, %d negated, %d records; want 3, 4, 3, 1, 4\n%s",
			sup.Documents, sup.Sentences, sup.Asserted, sup.Negated, len(sup.Evidence), out)
	}

	table := mustRun(t, "", "support", "--db", db, "trade ministry", "fine", "norvale telecom")
	if !strings.HasPrefix(table, "Trade Ministry - fine - Norvale Telecom: 4 sentences in 3 documents (3 asserted, 1 negated)\n") ||
		!strings.Contains(table, "did not fine Norvale Telecom") || strings.Count(table, "\n") != 6 {
		t.Errorf("table:\n%s", table)
	}

	// The relation as written is read as the stored one it is a form of;
	// one that is no form of a stored relation gets the stored ones named.
	out, errOut, code := run(t, "", "support", "--db", db, "Trade Ministry", "fined", "Norvale Telecom")
	if code != 0 || !strings.HasPrefix(out, "Trade Ministry - fine - Norvale Telecom: 4 sentences") ||
		!strings.Contains(errOut, `"fined" read as the stored relation "fine"`) {
		t.Errorf("support with the relation as written: exit %d, stdout\n%s\nstderr %q", code, out, errOut)
	}
	out, errOut, code = run(t, "", "support", "--db", db, "Trade Ministry", "sued", "Norvale Telecom")
	if code != 0 || !strings.Contains(out, ": 0 sentences in 0 documents") ||
		!strings.Contains(errOut, `no sentence states "sued"; the store relates Trade Ministry to Norvale Telecom by fine`) {
		t.Errorf("support with another relation: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	// No sentence states it: an answer. An unknown entity or a wrong
	// number of arguments: an error, exit 2.
	none := mustRun(t, "", "support", "--db", db, "Norvale Telecom", "fine", "Trade Ministry")
	if !strings.Contains(none, ": 0 sentences in 0 documents") {
		t.Errorf("unstated fact: %q", none)
	}
	for _, bad := range [][]string{
		{"support", "--db", db, "Nobody", "fine", "Norvale Telecom"},
		{"support", "--db", db, "Trade Ministry", "fine"},
	} {
		if _, stderr, code := run(t, "", bad...); code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", bad, code, stderr)
		}
	}
}

func TestFormOf(t *testing.T) {
	tests := []struct {
		written, stored string
		want            bool
	}{
		{"penalized", "penalize", true},
		{"penalize", "penalize", true},
		{"Fined", "fine", true},
		{"denied", "deny", true},
		{"banned", "ban", true},
		{"ships to", "ship to", true},
		{"shipping to", "ship to", true},
		{"was fined by", "fine", false},
		{"fine", "find", false},
		{"sued", "fine", false},
	}
	for _, tt := range tests {
		if got := formOf(tt.written, tt.stored); got != tt.want {
			t.Errorf("formOf(%q, %q) = %t, want %t", tt.written, tt.stored, got, tt.want)
		}
	}
}
