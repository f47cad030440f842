package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

func corrections(t *testing.T, db string) []graph.Correction {
	t.Helper()
	var list []graph.Correction
	dec := json.NewDecoder(strings.NewReader(mustRun(t, "", "corrections", "--json", "--db", db)))
	for dec.More() {
		var c graph.Correction
		if err := dec.Decode(&c); err != nil {
			t.Fatal(err)
		}
		list = append(list, c)
	}
	return list
}

func entity(t *testing.T, db, name string) (schema.EntityInfo, bool) {
	t.Helper()
	for _, e := range entityList(t, "--db", db) {
		if e.Name == name {
			return e, true
		}
	}
	return schema.EntityInfo{}, false
}

// TestCorrections merges and splits entities of the example article, builds
// a changed version of it, and undoes the corrections.
func TestCorrections(t *testing.T) {
	dir := t.TempDir()
	db, doc := filepath.Join(dir, "kg.db"), filepath.Join(dir, "article.txt")
	text, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc, text, 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "", "build", "--db", db, doc)
	reid, _ := entity(t, db, "Thomas Reid")
	park, _ := entity(t, db, "Elena Park")

	_, errOut, code := run(t, "", "merge", "--db", db, "Thomas Reid", "Elena Park")
	if code != 0 || !strings.Contains(errOut, `correction 1: merge "Elena Park" into "Thomas Reid"`) {
		t.Fatalf("merge: got exit %d, %q", code, errOut)
	}
	if _, ok := entity(t, db, "Elena Park"); ok {
		t.Errorf("Elena Park is still an entity after the merge")
	}
	merged, _ := entity(t, db, "Thomas Reid")
	if merged.Mentions != reid.Mentions+park.Mentions || !slices.Contains(merged.Aliases, "Elena Park") {
		t.Errorf("merged: got %+v, want %d mentions and the alias Elena Park", merged, reid.Mentions+park.Mentions)
	}
	mustRun(t, "", "split", "--db", db, "Maria Alvarez", "Alvarez")
	if e, ok := entity(t, db, "Alvarez"); !ok || e.Type != "PERSON" {
		t.Errorf("split: got %+v, %v; want a PERSON named Alvarez", e, ok)
	}
	mustRun(t, "", "verify", "--db", db)

	// A changed article is replaced; the corrections stay and apply to it.
	if err := os.WriteFile(doc, append(text, "\nElena Park thanked Alvarez.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, _ := run(t, "", "build", "--db", db, doc); !strings.Contains(errOut, "1 replaced") {
		t.Fatalf("build of the changed article: %s", errOut)
	}
	if got := corrections(t, db); len(got) != 2 || got[0].Kind != graph.Merge || got[1].Kind != graph.Split {
		t.Errorf("corrections after the build: got %+v", got)
	}
	if _, ok := entity(t, db, "Elena Park"); ok {
		t.Errorf("the build brought Elena Park back")
	}
	if e, _ := entity(t, db, "Thomas Reid"); e.Mentions != merged.Mentions+1 {
		t.Errorf("Thomas Reid after the build: got %d mentions, want %d", e.Mentions, merged.Mentions+1)
	}
	table := mustRun(t, "", "corrections", "--db", db)
	if !strings.Contains(table, `split "Alvarez" from "Maria Alvarez"`) || !strings.HasPrefix(table, "id  ") {
		t.Errorf("corrections table: got\n%s", table)
	}

	mustRun(t, "", "undo", "--db", db, "1")
	if e, ok := entity(t, db, "Elena Park"); !ok || e.Mentions != park.Mentions+1 {
		t.Errorf("after undo: got %+v, %v; want Elena Park with %d mentions", e, ok, park.Mentions+1)
	}
	mustRun(t, "", "undo", "--db", db, "2")
	if _, ok := entity(t, db, "Alvarez"); ok {
		t.Errorf("Alvarez is still an entity after undoing the split")
	}
	if got := corrections(t, db); len(got) != 0 {
		t.Errorf("corrections after undoing both: %+v", got)
	}
	mustRun(t, "", "verify", "--db", db)
}

func TestCorrectionsUsage(t *testing.T) {
	db := build(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"merge one name", []string{"merge", "--db", db, "Thomas Reid"}, "want KEEP DROP"},
		{"merge unknown", []string{"merge", "--db", db, "Thomas Reid", "Nobody Anywhere"}, `"Nobody Anywhere" not found`},
		{"merge itself", []string{"merge", "--db", db, "Thomas Reid", "thomas reid"}, "one entity already"},
		{"split unknown alias", []string{"split", "--db", db, "Thomas Reid", "Tommy"}, `has no alias "Tommy"`},
		{"undo unknown", []string{"undo", "--db", db, "9"}, "correction 9 not found"},
		{"undo nothing", []string{"undo", "--db", db}, "want ID"},
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
