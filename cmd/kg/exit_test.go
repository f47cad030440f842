package main

import (
	"context"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestExitStatusTable runs the examples of the README's table of exit
// statuses on a store built from the example article, and wants the status
// of their row.
func TestExitStatusTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	start := strings.Index(text, "| status | when | for example |")
	if start < 0 {
		t.Fatal("README has no table of exit statuses")
	}
	end := strings.Index(text[start:], "\n\n")
	rows := strings.Split(text[start:start+end], "\n")[2:]
	t.Setenv("KG_DB", build(t))
	code := regexp.MustCompile("`(kg [^`]*)`")
	seen := map[int]bool{}
	for _, row := range rows {
		cells := strings.Split(strings.Trim(row, "|"), "|")
		want, err := strconv.Atoi(strings.TrimSpace(cells[0]))
		if err != nil {
			t.Fatalf("row %q: %v", row, err)
		}
		seen[want] = true
		for _, m := range code.FindAllStringSubmatch(cells[len(cells)-1], -1) {
			t.Run(m[1], func(t *testing.T) {
				_, errOut, got := run(t, "", shellWords(m[1])[1:]...)
				if got != want {
					t.Errorf("%s: exit %d, %q; the README says %d", m[1], got, errOut, want)
				}
			})
		}
	}
	for _, c := range []int{0, 1, 2, 130} {
		if !seen[c] {
			t.Errorf("the README's table has no row for exit status %d", c)
		}
	}
}

// TestExitStatusInterrupted holds a run stopped by Ctrl-C to status 130:
// main cancels the context, and the command returns its error.
func TestExitStatusInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	app := newAppWith(&env{stdin: strings.NewReader(""), stdout: new(strings.Builder), stderr: new(strings.Builder), model: sharedModel, parser: sharedParser})
	err := runApp(ctx, app, []string{"kg", "build", "--db", t.TempDir() + "/kg.db", example})
	if got := exitStatus(err, ctx.Err() != nil); got != 130 {
		t.Errorf("build with Ctrl-C: %v, exit %d; want 130", err, got)
	}
	if got := exitStatus(err, false); got == 130 || got == 0 {
		t.Errorf("the same error without Ctrl-C: exit %d; want 1 or 2", got)
	}
}

// TestSaysWhy checks the messages that tell a user what to do next: a cut
// query's results, a store that does not exist.
func TestSaysWhy(t *testing.T) {
	db := build(t)
	out, errOut, code := run(t, "", "query", "--db", db, "--limit", "3", "g.V().All()")
	if n := strings.Count(out, `"id"`); code != 0 || n != 3 || !strings.Contains(errOut, "the first 3 results, and there are more") {
		t.Errorf("query --limit 3: exit %d, %d results, stderr %q; want 3 and a word that there are more", code, n, errOut)
	}
	if _, errOut, _ := run(t, "", "query", "--db", db, "--limit", "0", "g.V().All()"); errOut != "" {
		t.Errorf("query --limit 0: stderr %q, want nothing", errOut)
	}
	if _, errOut, _ := run(t, "", "query", "--db", db, "g.V(\"<kg:entity/elena_park>\").All()"); errOut != "" {
		t.Errorf("a query under its limit: stderr %q, want nothing", errOut)
	}
	if _, errOut, code := run(t, "", "stats", "--db", db+".missing"); code != 2 || !strings.Contains(errOut, "store not found: kg build creates one") {
		t.Errorf("stats of no store: exit %d, %q; want 2 and that kg build creates one", code, errOut)
	}
}
