package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEval: kg eval scores kg's own extraction of the gold's sentences the
// same as kg extract's CaRB output read back from a file, and reports both
// variants; bad input names its file and line.
func TestEval(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.tsv")
	sentences := []string{
		"The Trade Ministry fined Norvale Telecom in March .",
		"Norvale Telecom was founded by Elena Park .",
		"Officials said the bank did not disclose the payments .",
	}
	tuples := strings.Join([]string{
		sentences[0] + "\tfined\tThe Trade Ministry\tNorvale Telecom\tin March",
		sentences[1] + "\twas founded by\tNorvale Telecom\tElena Park",
		sentences[2] + "\tdid not disclose\tthe bank\tthe payments",
		sentences[2] + "\tsaid\tOfficials\tthe bank did not disclose the payments",
	}, "\n") + "\n"
	if err := os.WriteFile(gold, []byte(tuples), 0o644); err != nil {
		t.Fatal(err)
	}
	var direct evalResult
	if err := json.Unmarshal([]byte(mustRun(t, "", "eval", "--gold", gold, "--json")), &direct); err != nil {
		t.Fatal(err)
	}
	if direct.Default.F1 <= 0.5 || direct.OneToOne.F1 <= 0 || direct.Default.F1 > 1 {
		t.Errorf("direct: got F1 %v and one-to-one %v", direct.Default.F1, direct.OneToOne.F1)
	}

	pred := filepath.Join(dir, "pred.tsv")
	out := mustRun(t, strings.Join(sentences, "\n")+"\n", "extract", "--lines", "--format", "carb")
	if err := os.WriteFile(pred, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	var viaFile evalResult
	if err := json.Unmarshal([]byte(mustRun(t, "", "eval", "--gold", gold, "--json", pred)), &viaFile); err != nil {
		t.Fatal(err)
	}
	if viaFile.Default.F1 != direct.Default.F1 || viaFile.Default.AUC != direct.Default.AUC || viaFile.OneToOne.F1 != direct.OneToOne.F1 {
		t.Errorf("via a file: got %+v, want the direct scores %+v", viaFile, direct)
	}

	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte(sentences[0]+"\t0.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := run(t, "", "eval", "--gold", gold, bad)
	if code != 2 || !strings.Contains(errOut, "bad.tsv:1:") {
		t.Errorf("bad predictions: got exit %d, %q; want exit 2 naming bad.tsv:1", code, errOut)
	}
}
