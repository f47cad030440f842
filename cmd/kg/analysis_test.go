package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/schema"
)

// jsonLines decodes JSON Lines of T.
func jsonLines[T any](t *testing.T, out string) []T {
	t.Helper()
	var list []T
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var v T
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("not JSON Lines: %v\n%s", err, out)
		}
		list = append(list, v)
	}
	return list
}

// checkAligned fails unless every row of the table that follows the header
// line starting with first has its cells where the header has its columns.
func checkAligned(t *testing.T, out, first string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	h := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, first+" ") })
	if h < 0 {
		t.Fatalf("no header line starting %q in\n%s", first, out)
	}
	var cols []int // where each header cell starts
	for i := range lines[h] {
		if lines[h][i] != ' ' && (i == 0 || lines[h][i-1] == ' ') {
			cols = append(cols, i)
		}
	}
	rows := 0
	for _, l := range lines[h+1:] {
		if !strings.Contains(l, "  ") {
			break // a title: the table ends
		}
		rows++
		for _, c := range cols[1:] {
			if len(l) <= c || l[c-1] != ' ' {
				t.Errorf("row %q is not aligned on column %d of %q", l, c, lines[h])
				break
			}
		}
	}
	if rows == 0 {
		t.Errorf("no rows under %q", lines[h])
	}
}

func TestAnalysisCommands(t *testing.T) {
	db := build(t)
	t.Run("path", func(t *testing.T) {
		out := mustRun(t, "", "path", "--db", db, "Elena Park", "Gulf Systems")
		for _, want := range []string{
			"1. Elena Park - Harbor Networks - Treasury Department - Gulf Systems (3 hops)",
			"Treasury Department -[sanction]-> Gulf Systems",
			"Gulf Systems was sanctioned by the Treasury Department in June.",
			"harbor-sanctions.txt  33 ",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("no %q in\n%s", want, out)
			}
		}
		checkAligned(t, out, "hop")

		paths := jsonLines[analyze.Path](t, mustRun(t, "", "path", "--db", db, "--json", "-k", "2", "--max-hops", "6", "elena park", "GULF SYSTEMS"))
		// Since generic nouns are no nodes (issue 12), one connection is left.
		if len(paths) < 1 || len(paths[0].Hops) != 3 || len(paths) > 1 && len(paths[1].Hops) <= 3 {
			t.Fatalf("-k 2: got %d paths, want one of 3 hops first", len(paths))
		}
		hop := paths[0].Hops[1] // Harbor Networks to Treasury Department, against the fact
		if f := hop.Facts[0]; f.Forward || f.Subject != "Treasury Department" || f.Relation != "be aligned against" ||
			len(f.Evidence) == 0 || f.Evidence[0].SentenceIndex != 31 {
			t.Errorf("second hop: got %+v", hop)
		}

		out, errOut, code := run(t, "", "path", "--db", db, "--max-hops", "2", "Elena Park", "Gulf Systems")
		if code != 0 || out != "no connection between \"Elena Park\" and \"Gulf Systems\" within 2 hops\n" {
			t.Errorf("too far: got exit %d, %q %q; want exit 0 and the answer", code, out, errOut)
		}
		if out := mustRun(t, "", "path", "--db", db, "--json", "--max-hops", "2", "Elena Park", "Gulf Systems"); out != "" {
			t.Errorf("too far, --json: got %q, want no lines", out)
		}
	})
	t.Run("neighbors", func(t *testing.T) {
		out := mustRun(t, "", "neighbors", "--db", db, "Gulf Systems")
		if !strings.Contains(out, "Treasury Department -[sanction]-> Gulf Systems") {
			t.Errorf("no sanction in\n%s", out)
		}
		checkAligned(t, out, "hops")
		type nb struct {
			Name string
			Hops int
			Via  []analyze.Step
		}
		names := func(args ...string) []string {
			var got []string
			for _, n := range jsonLines[nb](t, mustRun(t, "", append([]string{"neighbors", "--db", db, "--json"}, args...)...)) {
				got = append(got, n.Name)
				if len(n.Via) == 0 {
					t.Errorf("%s: no facts lead to it", n.Name)
				}
			}
			return got
		}
		all := names("Gulf Systems")
		if !slices.Contains(all, "Treasury Department") || !slices.Contains(all, "Tehran") {
			t.Errorf("one hop from Gulf Systems: got %q", all)
		}
		for _, tt := range []struct {
			args []string
			want []string
		}{
			{[]string{"--depth", "2", "--type", "ORG", "Gulf Systems"}, []string{"Treasury Department", "Harbor Networks"}},
			{[]string{"--relation", "sanction", "Gulf Systems"}, []string{"Treasury Department"}},
			{[]string{"--min-confidence", "0.7", "Gulf Systems"}, slices.DeleteFunc(slices.Clone(all), func(n string) bool { return n == "distributor" || n == "Tehran" })},
			{[]string{"--depth", "0", "Gulf Systems"}, nil},
		} {
			if got := names(tt.args...); !slices.Equal(got, tt.want) {
				t.Errorf("neighbors %q: got %q, want %q", tt.args, got, tt.want)
			}
		}
	})
	t.Run("facts", func(t *testing.T) {
		out := mustRun(t, "", "facts", "--db", db, "harbor networks")
		for _, want := range []string{"Harbor Networks (ORG): ", "Trade Department -[penalize]-> Harbor Networks", "on Tuesday",
			"Harbor Networks -[not report]-> shipments"} {
			if !strings.Contains(out, want) {
				t.Errorf("no %q in\n%s", want, out)
			}
		}
		checkAligned(t, out, "relation")
		facts := jsonLines[analyze.Step](t, mustRun(t, "", "facts", "--db", db, "--json", "Harbor Networks"))
		var denied, dated int
		for i, f := range facts {
			if f.SubjectID != "kg:entity/harbor_networks" && f.ObjectID != "kg:entity/harbor_networks" || f.Forward != (f.Subject == "Harbor Networks") {
				t.Errorf("not Harbor Networks' fact: %+v", f)
			}
			if i > 0 && facts[i-1].Relation > f.Relation {
				t.Errorf("not grouped by relation: %q before %q", facts[i-1].Relation, f.Relation)
			}
			if f.Negated {
				denied++
			}
			if len(f.Times) > 0 {
				dated++
			}
		}
		if len(facts) < 10 || denied < 1 || dated < 3 {
			t.Errorf("got %d facts, %d denied and %d dated; want 10 or more, 1 denied, 3 dated", len(facts), denied, dated)
		}
	})
	// --limit bounds a hub's answers: the neighbours (and the facts with
	// the entities) that come first by name, and a word on stderr; 0 is
	// everything.
	t.Run("limit", func(t *testing.T) {
		// The entities kept are those that the most evidence joins to
		// Harbor Networks, then by ID; the answer keeps its order.
		all := jsonLines[analyze.Step](t, mustRun(t, "", "facts", "--db", db, "--json", "--limit", "0", "Harbor Networks"))
		weight := map[string]int{}
		var others []string // IDs
		names := map[string]string{}
		for _, f := range all {
			o, name := f.SubjectID, f.Subject
			if f.Forward {
				o, name = f.ObjectID, f.Object
			}
			if _, ok := weight[o]; !ok {
				others = append(others, o)
			}
			weight[o] += len(f.Evidence)
			names[o] = name
		}
		if len(others) < 4 {
			t.Fatalf("Harbor Networks is connected to %q, want 4 or more", others)
		}
		slices.SortFunc(others, func(a, b string) int { return cmp.Or(cmp.Compare(weight[b], weight[a]), cmp.Compare(a, b)) })
		if weight[others[0]] == weight[others[len(others)-1]] {
			t.Fatalf("every entity is joined to Harbor Networks by as much evidence (%d): the test tests nothing", weight[others[0]])
		}
		top := others[:3]
		out, errOut, code := run(t, "", "facts", "--db", db, "--json", "--limit", "3", "Harbor Networks")
		if code != 0 || !strings.Contains(errOut, fmt.Sprintf("the facts with 3 of %d connected entities, those with the most evidence", len(others))) {
			t.Errorf("facts --limit 3: exit %d, stderr %q", code, errOut)
		}
		var want []analyze.Step
		for _, f := range all {
			if slices.Contains(top, f.SubjectID) && f.SubjectID != "" && !f.Forward || slices.Contains(top, f.ObjectID) && f.Forward {
				want = append(want, f)
			}
		}
		if got := jsonLines[analyze.Step](t, out); !reflect.DeepEqual(got, want) {
			t.Errorf("facts --limit 3: got %d facts, want the %d with %q", len(got), len(want), top)
		}
		out, errOut, code = run(t, "", "neighbors", "--db", db, "--json", "--limit", "3", "Harbor Networks")
		type nb struct{ ID string }
		var got []string
		for _, n := range jsonLines[nb](t, out) {
			got = append(got, n.ID)
		}
		wantIDs := slices.Clone(top)
		slices.SortFunc(wantIDs, func(a, b string) int { return cmp.Or(cmp.Compare(names[a], names[b]), cmp.Compare(a, b)) })
		if code != 0 || !slices.Equal(got, wantIDs) || !strings.Contains(errOut, "3 neighbours, the nearest with the most evidence, and there are more") {
			t.Errorf("neighbors --limit 3: exit %d, %q, stderr %q; want %q", code, got, errOut, wantIDs)
		}
		if _, errOut, code := run(t, "", "facts", "--db", db, "--limit", "-1", "Harbor Networks"); code != 2 || !strings.Contains(errOut, "--limit") {
			t.Errorf("facts --limit -1: exit %d, %q", code, errOut)
		}
	})
	t.Run("rank", func(t *testing.T) {
		for _, by := range analyze.Measures {
			list := jsonLines[analyze.Score](t, mustRun(t, "", "rank", "--db", db, "--json", "--by", by))
			if len(list) != 20 || list[0].Name != "Harbor Networks" || list[0].Rank != 1 {
				t.Errorf("--by %s: got %d, first %+v; want 20, Harbor Networks first", by, len(list), list[0])
			}
			for i := 1; i < len(list); i++ {
				if list[i-1].Score < list[i].Score {
					t.Errorf("--by %s: %v before %v", by, list[i-1], list[i])
				}
			}
		}
		// Concepts count only when asked (issue 12).
		if got := jsonLines[analyze.Score](t, mustRun(t, "", "rank", "--db", db, "--json", "--type", "CONCEPT")); len(got) != 0 {
			t.Errorf("--type CONCEPT without --concepts: got %+v, want none", got)
		}
		if got := jsonLines[analyze.Score](t, mustRun(t, "", "rank", "--db", db, "--json", "--type", "CONCEPT", "--concepts")); len(got) == 0 {
			t.Errorf("--type CONCEPT --concepts: got none, want the example's concepts")
		}
		people := jsonLines[analyze.Score](t, mustRun(t, "", "rank", "--db", db, "--json", "--type", "person", "-n", "3"))
		if len(people) != 3 || people[0].Name != "Maria Alvarez" {
			t.Errorf("--type person -n 3: got %+v, want 3, Maria Alvarez first", people)
		}
		for _, p := range people {
			if p.Type != "PERSON" {
				t.Errorf("--type person lists %+v", p)
			}
		}
		out := mustRun(t, "", "rank", "--db", db, "--by", "pagerank", "-n", "5")
		if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 6 || !strings.HasPrefix(lines[0], "rank  entity ") {
			t.Errorf("-n 5: got\n%s", out)
		}
		checkAligned(t, out, "rank")
	})
	t.Run("communities", func(t *testing.T) {
		out := mustRun(t, "", "communities", "--db", db, "--json")
		if again := mustRun(t, "", "communities", "--db", db, "--json"); again != out {
			t.Errorf("two runs differ")
		}
		seen := make(map[string]int)
		list := jsonLines[analyze.Community](t, out)
		for i, c := range list {
			if c.ID != i+1 || c.Size != len(c.Entities) || i > 0 && list[i-1].Size < c.Size {
				t.Errorf("community %d: %+v", i, c)
			}
			for _, e := range c.Entities {
				seen[e.Name]++
			}
		}
		if len(list) < 3 || seen["Harbor Networks"] != 1 || seen["Gulf Systems"] != 1 {
			t.Errorf("got %d communities, Harbor Networks in %d, Gulf Systems in %d", len(list), seen["Harbor Networks"], seen["Gulf Systems"])
		}
		for name, n := range seen {
			if n != 1 {
				t.Errorf("%s is in %d communities", name, n)
			}
		}
		table := mustRun(t, "", "communities", "--db", db, "-n", "2")
		if lines := strings.Split(strings.TrimSpace(table), "\n"); len(lines) != 3 {
			t.Errorf("-n 2: got\n%s", table)
		}
		checkAligned(t, table, "community")
	})
	t.Run("errors", func(t *testing.T) {
		for _, tt := range []struct {
			args []string
			want string
		}{
			{[]string{"path", "Elena Park", "Atlantis"}, `entity "Atlantis" not found`},
			{[]string{"neighbors", "Atlantis"}, `entity "Atlantis" not found`},
			{[]string{"facts", "Atlantis"}, `entity "Atlantis" not found`},
			{[]string{"path", "Elena Park"}, "want two entity names"},
			{[]string{"path", "-k", "0", "Elena Park", "Gulf Systems"}, "-k must be 1 or more"},
			{[]string{"neighbors", "--depth", "-1", "Gulf Systems"}, "--depth must be 0 or more"},
			{[]string{"neighbors", "--min-confidence", "2", "Gulf Systems"}, "between 0 and 1"},
			{[]string{"rank", "--by", "fame"}, `unknown --by "fame"`},
			{[]string{"communities", "-n", "-1"}, "negative -n"},
		} {
			_, errOut, code := run(t, "", append(tt.args[:1:1], append([]string{"--db", db}, tt.args[1:]...)...)...)
			if code != 2 || !strings.Contains(errOut, tt.want) {
				t.Errorf("kg %q: got exit %d, %q; want exit 2 and %q", tt.args, code, errOut, tt.want)
			}
		}
		_, errOut, code := run(t, "", "rank", "--db", filepath.Join(t.TempDir(), "none.db"))
		if code != 2 || !strings.Contains(errOut, "none.db") {
			t.Errorf("no store: got exit %d, %q", code, errOut)
		}
	})
}

// seedArticle returns the seed article in ../shared/seeds, looked for from
// the repository's parent up, or skips the test without it.
func seedArticle(t *testing.T) string {
	t.Helper()
	for _, up := range []string{"../../..", "../../../.."} {
		seeds, _ := filepath.Glob(filepath.Join(up, "shared", "seeds", "*.txt"))
		if len(seeds) > 0 {
			return seeds[0]
		}
	}
	t.Skip("no seed article in ../shared/seeds")
	return ""
}

// TestSeedAnalysis runs the analysis acceptance on the article the project
// started from: how Donald Trump and the Commerce Department are connected,
// with the sentences, and who the key players are.
func TestSeedAnalysis(t *testing.T) {
	seed := seedArticle(t)
	if _, err := os.Stat(seed); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "kg.db")
	mustRun(t, "", "build", "--db", db, seed)
	out := mustRun(t, "", "path", "--db", db, "Donald Trump", "Commerce Department")
	for _, want := range []string{
		"1. Donald Trump - ZTE - Commerce Department (2 hops)",
		"Donald Trump -[pledge to help]-> ZTE",
		"Commerce Department -[penalize]-> ZTE",
		"In April, the Commerce Department penalized ZTE",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	// The key players: ZTE first, China among the first five, by each
	// measure, and the first ten named entities only (issue 12: no generic
	// nouns, amounts or concepts). Since generic groups ("U.S. officials")
	// are no nodes, the United States no longer ranks among them.
	for _, by := range analyze.Measures {
		list := jsonLines[analyze.Score](t, mustRun(t, "", "rank", "--db", db, "--json", "--by", by, "-n", "10"))
		var top []string
		for _, s := range list {
			top = append(top, s.Name)
			if s.Type != schema.Person && s.Type != schema.Org && s.Type != schema.GPE {
				t.Errorf("--by %s: %+v among the first ten, want named entities only", by, s)
			}
		}
		if len(top) == 0 || top[0] != "ZTE" {
			t.Errorf("--by %s: got %q, want ZTE first", by, top)
		}
		if i := slices.Index(top, "China"); i < 0 || i >= 5 {
			t.Errorf("--by %s: got %q, want China among the first five", by, top)
		}
	}
}
