package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// TestSeedArticle runs the walking skeleton's acceptance on the article the
// project started from, in ../shared (not ours to copy into the repo): the
// key facts are extracted, the store answers what the Commerce Department
// did, and the ZTE neighbourhood renders as SVG. It skips without ../shared.
func TestSeedArticle(t *testing.T) {
	seeds, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(seeds) == 0 {
		t.Skip("no seed article in ../shared/seeds")
	}
	seed := seeds[0]
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(mustRun(t, "", "extract", seed)), "\n") {
		var f schema.Fact
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatal(err)
		}
		got = append(got, f.Subject+" - "+f.Relation+" - "+f.Object)
	}
	for _, want := range []string{
		"Commerce Department - penalize - ZTE",
		"Donald Trump - pledge to help - ZTE",
		"ZTE - halt - operations",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in the seed's facts:\n%s", want, strings.Join(got, "\n"))
		}
	}

	db := filepath.Join(t.TempDir(), "kg.db")
	mustRun(t, "", "build", "--db", db, seed)
	out := mustRun(t, "", "query", "--db", db,
		`g.V().Has("<kg:name>", "Commerce Department").In("<kg:subject>").Save("<kg:relation>", "relation").Out("<kg:object>").Out("<kg:name>").All()`)
	if !strings.Contains(out, `"relation": "penalize"`) || !strings.Contains(out, `"id": "ZTE"`) {
		t.Errorf("what the Commerce Department did: got\n%s", out)
	}
	svg := mustRun(t, "", "export", "--db", db, "--format", "svg", "--focus", "ZTE")
	if !strings.HasPrefix(svg, "<?xml") || !strings.Contains(svg, "ZTE") {
		t.Errorf("SVG of ZTE: got %.100q", svg)
	}
}
