package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// newsCorpus writes n made-up stories under dir and returns their paths:
// each names a person in full, with a title, and calls another by surname
// only, a person that another story may name in full, or two may (Thomas
// Reid and Anna Reid).
func newsCorpus(t *testing.T, dir string, n int) []string {
	t.Helper()
	first := []string{"Thomas", "Anna", "Peter", "Elena", "Karl", "Lena", "Maria", "Jonas"}
	last := []string{"Reid", "Marsh", "Quist", "Hale", "Brun", "Voss", "Lopez", "Kern", "Lund"}
	titles := []string{"Senator", "Minister", "Judge", "Governor"}
	cities := []string{"Oman", "Cairo", "Dubai", "Lima", "Oslo", "Quito"}
	var files []string
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("n%02d.txt", i))
		text := fmt.Sprintf("%s %s %s visited %s on Monday. %s criticized the Harbor Board on Tuesday.\n",
			titles[i%len(titles)], first[i%len(first)], last[i*5%len(last)], cities[i%len(cities)], last[(i*7+3)%len(last)])
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	return files
}

// exported returns the store's quads as kg export writes them as N-Quads.
func exportedQuads(t *testing.T, args ...string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(mustRun(t, "", append([]string{"export", "--format", "nquads"}, args...)...)), "\n")
	slices.Sort(lines)
	return lines
}

// aliasesByName returns the store's entities, by name, with their aliases
// (an empty list, not nil, for one without).
func aliasesByName(t *testing.T, db string) map[string][]string {
	t.Helper()
	out := make(map[string][]string)
	for _, line := range strings.Split(strings.TrimSpace(mustRun(t, "", "entities", "--json", "--db", db)), "\n") {
		var e struct {
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("kg entities --json: %v: %s", err, line)
		}
		out[e.Name] = append([]string{}, e.Aliases...)
	}
	return out
}

// sameExport fails the test when two stores' exports differ, with the lines
// that do.
func sameExport(t *testing.T, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	n := 0
	for _, l := range got {
		if !slices.Contains(want, l) {
			n++
			if n <= 10 {
				t.Errorf("%s: extra %s", what, l)
			}
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			n++
			if n <= 20 {
				t.Errorf("%s: missing %s", what, l)
			}
		}
	}
	t.Errorf("%s: %d lines differ from one build of the same documents", what, n)
}

// TestBuildOrder builds stories whose surnames alone join people that other
// stories name in full, one story a run in the reverse order, then replaces
// and removes some: after each step, kg export must give what one build of
// the documents the store then holds gives, and kg verify must pass.
func TestBuildOrder(t *testing.T) {
	dir := t.TempDir()
	files := newsCorpus(t, dir, 12)
	n := 0
	fresh := func(files []string) []string {
		n++
		db := filepath.Join(dir, fmt.Sprintf("ref%d.db", n))
		mustRun(t, "", append([]string{"build", "-q", "--db", db}, files...)...)
		return exportedQuads(t, "--db", db)
	}
	db := filepath.Join(dir, "kg.db")
	for i := len(files) - 1; i >= 0; i-- {
		mustRun(t, "", "build", "-q", "--db", db, files[i])
	}
	sameExport(t, "built a story a run, last first", exportedQuads(t, "--db", db), fresh(files))
	mustRun(t, "", "verify", "--db", db)
	if got := aliasesByName(t, db); got["Reid"] == nil || slices.Contains(got["Thomas Reid"], "Reid") {
		t.Errorf("Thomas Reid and Anna Reid stored: Reid's aliases %q, Thomas Reid's %q; want Reid an entity of its own", got["Reid"], got["Thomas Reid"])
	}

	// Anna Reid leaves n09: "Reid" alone in n06 is Thomas Reid's, of n00.
	if err := os.WriteFile(files[9], []byte("Minister Anna Voss visited Lima on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, "", "build", "-q", "--db", db, files[9])
	sameExport(t, "n09 replaced", exportedQuads(t, "--db", db), fresh(files))
	if got := aliasesByName(t, db); !slices.Contains(got["Thomas Reid"], "Reid") || got["Reid"] != nil {
		t.Errorf("n09 replaced: Thomas Reid's aliases %q, Reid's %q; want Reid Thomas Reid's alias, not an entity", got["Thomas Reid"], got["Reid"])
	}
	mustRun(t, "", "remove", "--db", db, files[0]) // and Thomas Reid goes
	sameExport(t, "n00 removed", exportedQuads(t, "--db", db), fresh(files[1:]))
	mustRun(t, "", "verify", "--db", db)
}

// TestTwoBuildProcessesJoin runs two kg build processes at once into one
// PostgreSQL database, on stories whose surnames alone join the people that
// the other process's stories name in full: kg export must give what one
// build of all the stories gives.
func TestTwoBuildProcessesJoin(t *testing.T) {
	together, apart := testPostgres(t), testPostgres(t)
	files := newsCorpus(t, t.TempDir(), 24)
	var halves [2][]string
	for i := range files {
		halves[i%2] = append(halves[i%2], files[i])
	}
	slices.Reverse(halves[1]) // each meets the other's people early and late
	buildAtOnce(t, apart, halves[:]...)
	buildAtOnce(t, together, files)
	sameExport(t, "two processes at once",
		exportedQuads(t, "--backend", "postgres", "--db", apart), exportedQuads(t, "--backend", "postgres", "--db", together))
	mustRun(t, "", "verify", "--backend", "postgres", "--db", apart)
}

// buildAtOnce runs a kg build process for each list of files, all at once,
// into the PostgreSQL database db, and waits for them.
func buildAtOnce(t *testing.T, db string, lists ...[]string) {
	t.Helper()
	bin := kgBinary(t)
	var cmds []*exec.Cmd
	var outs []*strings.Builder
	for _, files := range lists {
		cmd := exec.Command(bin, append([]string{"build", "-q", "--backend", "postgres", "--db", db}, files...)...)
		cmd.Env = append(os.Environ(), "KG_BACKEND=", "KG_DB=")
		out := new(strings.Builder)
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, out)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("build %d: %v\n%s", i, err, outs[i])
		}
	}
}
