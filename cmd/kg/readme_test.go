package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestREADMESamples runs the transcripts in the README (blocks of lines
// "$ kg ..." each followed by what it prints) from the repository's root,
// on a store built from the example article, a fresh copy for each block,
// and wants what they show: standard output, then standard error. With
// -update it rewrites them.
func TestREADMESamples(t *testing.T) {
	t.Chdir("../..")
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	built := filepath.Join(t.TempDir(), "kg.db")
	mustRun(t, "", "build", "--quiet", "--db", built, "examples/harbor-sanctions.txt")
	store, err := os.ReadFile(built)
	if err != nil {
		t.Fatal(err)
	}

	lines := strings.Split(string(readme), "\n")
	var out []string
	blocks := 0
	for i := 0; i < len(lines); i++ {
		out = append(out, lines[i])
		if lines[i] != "```" || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "$ kg ") {
			continue
		}
		end := i + 1
		for end < len(lines) && lines[end] != "```" {
			end++
		}
		blocks++
		db := filepath.Join(t.TempDir(), "kg.db")
		if err := os.WriteFile(db, store, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Setenv("KG_DB", db)
		var want, got []string
		for _, l := range lines[i+1 : end] {
			if cmd, ok := strings.CutPrefix(l, "$ "); ok {
				stdout, stderr, _ := run(t, "", shellWords(cmd)[1:]...)
				got = append(got, l)
				got = append(got, outputLines(stdout+stderr)...)
			}
			want = append(want, strings.TrimRight(l, " "))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			if !*update {
				t.Errorf("README line %d: the sample drifted; got\n%s\nwant (the README)\n%s\n(go test -run READMESamples -update rewrites it)",
					i+2, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
		out = append(out, got...)
		i = end - 1
	}
	if blocks < 5 {
		t.Errorf("found %d transcripts in the README, want the 5 or more it has", blocks)
	}
	if *update {
		if err := os.WriteFile("README.md", []byte(strings.Join(out, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// outputLines splits a command's output into lines without trailing spaces.
func outputLines(s string) []string {
	if s == "" {
		return nil
	}
	ls := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range ls {
		ls[i] = strings.TrimRight(l, " ")
	}
	return ls
}

// TestREADMEFactSample holds the README's sample of kg extract's JSON to the
// first fact of the example article.
func TestREADMEFactSample(t *testing.T) {
	t.Chdir("../..")
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const open = "Each JSON line is one fact:\n\n```json\n"
	_, rest, ok := strings.Cut(string(readme), open)
	if !ok {
		t.Fatal("README has no sample fact")
	}
	sample, _, _ := strings.Cut(rest, "```")
	first, _, _ := strings.Cut(mustRun(t, "", "extract", "examples/harbor-sanctions.txt"), "\n")
	var want, got map[string]any
	if err := json.Unmarshal([]byte(sample), &want); err != nil {
		t.Fatalf("the README's sample is not JSON: %v", err)
	}
	if err := json.Unmarshal([]byte(first), &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the README's sample fact drifted: kg extract gives\n%s", first)
	}
}

// TestREADMECommandsParse holds every kg command line in the README's sh
// blocks to kg's commands and flags: each parses (with --help added, so that
// it does no work).
func TestREADMECommandsParse(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	in := false
	n := 0
	for _, line := range strings.Split(string(readme), "\n") {
		switch {
		case line == "```sh":
			in = true
			continue
		case strings.HasPrefix(line, "```"):
			in = false
		}
		if !in {
			continue
		}
		for _, part := range strings.Split(line, "|") {
			for _, cmd := range strings.Split(part, "&&") {
				words := shellWords(strings.TrimSpace(cmd))
				if len(words) < 2 || words[0] != "kg" {
					continue
				}
				n++
				t.Run(strings.TrimSpace(cmd), func(t *testing.T) {
					if _, errOut, code := run(t, "", append(words[1:], "--help")...); code != 0 {
						t.Errorf("%s: exit %d, %q", cmd, code, errOut)
					}
				})
			}
		}
	}
	if n < 20 {
		t.Errorf("found %d kg commands in the README's sh blocks, want the 20 or more it has", n)
	}
}

// TestREADMEStatsJSONSample holds the README's --stats-json sample (figures
// of a build of the benchmark corpus, which the tests do not have) to the
// fields kg writes.
func TestREADMEStatsJSONSample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "writes the run's figures for programs:\n\n```json\n")
	if !ok {
		t.Fatal("README has no --stats-json sample")
	}
	sample, _, _ := strings.Cut(rest, "```")
	out := mustRun(t, "", "build", "--quiet", "--stats-json", "-", "--db", filepath.Join(t.TempDir(), "kg.db"), example)
	var want, got map[string]any
	if err := json.Unmarshal([]byte(sample), &want); err != nil {
		t.Fatalf("the README's sample is not JSON: %v", err)
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("--stats-json -: %v\n%s", err, out)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("kg writes %q, which the README's sample lacks", k)
		}
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			t.Errorf("the README's sample has %q, which kg does not write", k)
		}
	}
}
