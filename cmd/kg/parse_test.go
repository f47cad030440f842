package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseText is the README's sample of kg parse: the golden file is what
// the README shows, so the README fails here when the parser changes.
func TestParseText(t *testing.T) {
	out := mustRun(t, "The Trade Department penalized Harbor Networks on Tuesday.\n", "parse", "--format", "text")
	golden := filepath.Join("testdata", "parse-text.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("kg parse --format text:\n%s\nwant (%s; -update rewrites it)\n%s", out, golden, want)
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), strings.TrimSuffix(string(want), "\n")) {
		t.Errorf("README.md does not show kg parse's output as %s has it", golden)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		if strings.Count(line, "  ") < 1 {
			t.Errorf("line %q: want form, tag and relation", line)
		}
	}
}

func TestParseCoNLLU(t *testing.T) {
	in := "# sent_id = a\n" +
		"1\tThey\tthey\tX\tX\t_\t9\tdep\t_\t_\n" +
		"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tdo\tdo\t_\t_\t_\t_\t_\t_\t_\n" +
		"3\tn't\tnot\t_\t_\t_\t_\t_\t_\t_\n" +
		"4\tagree\tagree\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n" +
		"5\t.\t.\t_\t_\t_\t_\t_\t_\t_\n\n"
	out := mustRun(t, in, "parse", "--conllu")
	lines := strings.Split(strings.TrimSuffix(out, "\n\n"), "\n")
	if len(lines) != 7 || lines[0] != "# sent_id = a" || !strings.HasPrefix(lines[2], "2-3\tdon't\t") {
		t.Fatalf("kg parse --conllu kept neither the comment nor the multiword token:\n%s", out)
	}
	heads := map[string]string{}
	for _, l := range lines {
		cols := strings.Split(l, "\t")
		if len(cols) != 10 || strings.Contains(cols[0], "-") {
			continue
		}
		if cols[3] == "X" || cols[4] == "X" || cols[7] == "dep" || cols[6] == "9" {
			t.Errorf("word %s kept the input's tags or head: %s", cols[0], l)
		}
		heads[cols[1]] = cols[6] + " " + cols[7]
	}
	if heads["agree"] != "0 root" || heads["They"] != "4 nsubj" || heads["n't"] != "4 advmod" {
		t.Errorf("got heads %v, want agree the root with They as nsubj and n't as advmod", heads)
	}
	if !strings.Contains(out, "\tSpaceAfter=No\n") {
		t.Errorf("MISC column lost:\n%s", out)
	}

	_, errOut, code := run(t, "1\tA\n", "parse", "--conllu")
	if code != 2 || !strings.Contains(errOut, "stdin:1: 2 columns") {
		t.Errorf("bad CoNLL-U: exit %d, %q; want 2 and the line named", code, errOut)
	}
	_, errOut, code = run(t, "", "parse", "no-such-file.txt")
	if code != 2 || !strings.Contains(errOut, "no-such-file.txt") {
		t.Errorf("missing file: exit %d, %q; want 2 and the file named", code, errOut)
	}
	_, _, code = run(t, "x", "parse", "--format", "xml")
	if code != 2 {
		t.Errorf("unknown format: exit %d, want 2", code)
	}
}
