package main

import (
	"slices"
	"strings"
	"testing"
)

func TestFlagsFirst(t *testing.T) {
	app := newAppWith(&env{})
	tests := []struct {
		args, want string
	}{
		{"kg extract a.txt --format tsv", "kg extract --format tsv a.txt"},
		{"kg extract a.txt -f tsv b.txt", "kg extract -f tsv a.txt b.txt"},
		{"kg extract a.txt --format=tsv", "kg extract --format=tsv a.txt"},
		{"kg facts ZTE --json --db x.db", "kg facts --json --db x.db ZTE"},
		{"kg path A B --max-hops 1", "kg path --max-hops 1 A B"},
		{"kg build - --quiet", "kg build --quiet -"},
		{"kg extract a.txt -- -b.txt --format", "kg extract -- a.txt -b.txt --format"},
		{"kg extract a.txt --nope", "kg extract --nope a.txt"},
		{"kg --help", "kg --help"},
		{"kg facts ZTE --help", "kg facts --help"},
		{"kg nosuch a --b", "kg nosuch a --b"},
		{"kg", "kg"},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			if got := flagsFirst(app, strings.Fields(tt.args)); !slices.Equal(got, strings.Fields(tt.want)) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFlagsAnywhere runs commands with their flags after their arguments, as
// a user of git or gh types them, and wants what the flags first give.
func TestFlagsAnywhere(t *testing.T) {
	db := build(t)
	tests := []struct {
		late, early []string
	}{
		{[]string{"extract", example, "--format", "tsv"}, []string{"extract", "--format", "tsv", example}},
		{[]string{"facts", "Harbor Networks", "--json", "--db", db}, []string{"facts", "--json", "--db", db, "Harbor Networks"}},
		{[]string{"path", "Elena Park", "Harbor Networks", "--max-hops", "1", "--db", db}, []string{"path", "--max-hops", "1", "--db", db, "Elena Park", "Harbor Networks"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.late, " "), func(t *testing.T) {
			want := mustRun(t, "", tt.early...)
			if got := mustRun(t, "", tt.late...); got != want {
				t.Errorf("flags last: got\n%s\nwant, as with the flags first,\n%s", got, want)
			}
		})
	}
	// After --, an argument that looks like a flag is a file.
	if _, errOut, code := run(t, "", "extract", "--", "--format"); code != 2 || !strings.Contains(errOut, "--format: no such file") {
		t.Errorf("extract -- --format: exit %d, %q; want exit 2, no such file", code, errOut)
	}
}
