package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPeriod holds the analysis commands to --since and --until: a fact is
// dated by when its sentence says it happened, resolved against its
// document's date, or else by its document's date.
func TestPeriod(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	lines := `{"id": "a", "date": "2018-05-14", "text": "The Trade Ministry fined Norvale Telecom on Sunday."}` + "\n" +
		`{"id": "b", "date": "2019-02-01", "text": "The Trade Ministry sued Norvale Telecom."}` + "\n" +
		`{"id": "c", "date": "2019-02-01", "text": "The Trade Ministry warned Norvale Telecom in 2016."}` + "\n"
	if err := os.WriteFile(feed, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "kg.db")
	mustRun(t, "", "build", "--quiet", "--db", db, feed)
	relations := func(args ...string) string {
		t.Helper()
		out := mustRun(t, "", append([]string{"facts", "--db", db, "Trade Ministry"}, args...)...)
		var got []string
		for _, r := range []string{"fine", "sue", "warn"} {
			if strings.Contains(out, "-["+r+"]->") {
				got = append(got, r)
			}
		}
		return strings.Join(got, " ")
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "fine sue warn"},
		{[]string{"--since", "2018"}, "fine sue"},
		{[]string{"--until", "2018-05-13"}, "fine warn"}, // on Sunday: 2018-05-13
		{[]string{"--until", "2018-05-12"}, "warn"},
		{[]string{"--since", "2019-01", "--until", "2019-12-31"}, "sue"},
		{[]string{"--since", "2016", "--until", "2016"}, "warn"},
	} {
		if got := relations(tc.args...); got != tc.want {
			t.Errorf("kg facts %v: got %q, want %q", tc.args, got, tc.want)
		}
	}
	// No fact from 2020 on: every entity has degree 0 in that period.
	for _, line := range strings.Split(strings.TrimSpace(mustRun(t, "", "rank", "--db", db, "--since", "2020")), "\n")[1:] {
		if f := strings.Fields(line); len(f) < 5 || f[len(f)-2] != "0" {
			t.Errorf("rank --since 2020: %q, want degree 0", line)
		}
	}
	for _, bad := range [][]string{{"--since", "May 2018"}, {"--since", "2019", "--until", "2018"}} {
		if _, errOut, code := run(t, "", append([]string{"facts", "--db", db, "Trade Ministry"}, bad...)...); code != 2 || !strings.Contains(errOut, "--") {
			t.Errorf("kg facts %v: exit %d, %q; want 2 and the flag named", bad, code, errOut)
		}
	}
}

// TestExportPeriod holds kg export to --since and --until, as the analysis
// commands: the edges of the period, and none else.
func TestExportPeriod(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	lines := `{"id": "a", "date": "2018-05-14", "text": "The Trade Ministry fined Norvale Telecom on Sunday."}` + "\n" +
		`{"id": "b", "date": "2019-02-01", "text": "The Trade Ministry sued Norvale Telecom."}` + "\n"
	if err := os.WriteFile(feed, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "kg.db")
	mustRun(t, "", "build", "--quiet", "--db", db, feed)
	for _, tc := range []struct {
		args      []string
		want, not string
	}{
		{[]string{"--until", "2018"}, `"relation":"fine"`, `"sue"`},
		{[]string{"--until", "2018"}, `"time":"on Sunday","time_iso":"2018-05-13"`, `"sue"`},
		{[]string{"--since", "2019", "--focus", "Norvale Telecom"}, `"sue"`, `"fine"`},
		{[]string{"--since", "2019", "--path", "Trade Ministry,Norvale Telecom"}, `"sue"`, `"fine"`},
	} {
		out := mustRun(t, "", append([]string{"export", "--db", db, "--format", "jsonl"}, tc.args...)...)
		if !strings.Contains(out, tc.want) || strings.Contains(out, tc.not) {
			t.Errorf("kg export %v: want %s and not %s in\n%s", tc.args, tc.want, tc.not, out)
		}
	}
}
