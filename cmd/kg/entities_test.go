package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

func entityList(t *testing.T, args ...string) []schema.EntityInfo {
	t.Helper()
	out := mustRun(t, "", append([]string{"entities", "--json"}, args...)...)
	var list []schema.EntityInfo
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var e schema.EntityInfo
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("not JSON Lines: %v\n%s", err, out)
		}
		list = append(list, e)
	}
	return list
}

func TestEntities(t *testing.T) {
	db := build(t)
	all := entityList(t, "--db", db)
	byName := make(map[string]schema.EntityInfo)
	for _, e := range all {
		byName[e.Name] = e
	}
	harbor, ok := byName["Harbor Networks"]
	if !ok || harbor.Type != "ORG" && harbor.Type != "" || harbor.Aliases == nil || harbor.Mentions < 10 || harbor.Degree < 5 {
		t.Errorf("Harbor Networks: got %+v, want ORG or no type, aliases, many mentions and neighbours", harbor)
	}
	reid, park := byName["Thomas Reid"], byName["Elena Park"]
	if reid.Name == "" || park.Name == "" {
		t.Fatalf("no Thomas Reid or Elena Park among %d entities", len(all))
	}
	if len(reid.Aliases)+len(park.Aliases) == 0 {
		t.Errorf("neither Thomas Reid nor Elena Park has an alias (Secretary Thomas Reid, Park): %+v %+v", reid, park)
	}
	if !slices.IsSortedFunc(all, func(a, b schema.EntityInfo) int { return strings.Compare(a.Name, b.Name) }) {
		t.Errorf("default order is not by name")
	}

	orgs := entityList(t, "--db", db, "--type", "ORG", "--sort", "mentions")
	if len(orgs) == 0 || len(orgs) >= len(all) || orgs[0].Name != "Harbor Networks" {
		t.Errorf("--type ORG --sort mentions: got %d of %d, first %+v; want Harbor Networks first", len(orgs), len(all), orgs[0])
	}
	for i, e := range orgs {
		if e.Type != "ORG" {
			t.Errorf("--type ORG lists %+v", e)
		}
		if i > 0 && (orgs[i-1].Mentions < e.Mentions || orgs[i-1].Mentions == e.Mentions && orgs[i-1].Name > e.Name) {
			t.Errorf("--sort mentions: %q before %q", orgs[i-1].Name, e.Name)
		}
	}
	if top := entityList(t, "--db", db, "--sort", "degree", "-n", "3"); len(top) != 3 || top[0].Degree < top[2].Degree {
		t.Errorf("--sort degree -n 3: got %+v", top)
	}

	table := mustRun(t, "", "entities", "--db", db, "--type", "PERSON")
	lines := strings.Split(strings.TrimSuffix(table, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "name ") || !strings.Contains(lines[0], "aliases") || len(lines) < 3 {
		t.Fatalf("table: got\n%s", table)
	}
	col := strings.Index(lines[0], "type")
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l[col:], "PERSON") {
			t.Errorf("table columns are not aligned: %q under %q", l, lines[0])
		}
	}
}

func TestEntitiesUsage(t *testing.T) {
	db := build(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown sort", []string{"entities", "--db", db, "--sort", "size"}, `unknown sort "size"`},
		{"negative n", []string{"entities", "--db", db, "-n", "-1"}, "negative -n"},
		{"missing store", []string{"entities", "--db", db + ".none"}, "store not found"},
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

// TestShortNamesAcrossDocuments: a surname in a later document joins the one
// person who has it, and stays apart when two people share it.
func TestShortNamesAcrossDocuments(t *testing.T) {
	dir := t.TempDir()
	db, a, b := filepath.Join(dir, "kg.db"), filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	for p, text := range map[string]string{
		a: "Secretary Thomas Reid visited Oman. Maria Lopez and Carlos Lopez met him there.\n",
		b: "Reid criticized the Trade Ministry. Lopez praised the Trade Ministry.\n",
	} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mustRun(t, "", "build", "--db", db, a, b)
	var names []string
	for _, e := range entityList(t, "--db", db) {
		names = append(names, e.Name)
		if e.Name == "Thomas Reid" && !slices.Contains(e.Aliases, "Reid") {
			t.Errorf("Thomas Reid: got %+v, want the alias Reid from b.txt", e)
		}
	}
	if slices.Contains(names, "Reid") || !slices.Contains(names, "Lopez") {
		t.Errorf("entities: got %q; want Reid joined to Thomas Reid, Lopez apart from both Lopezes", names)
	}
}
