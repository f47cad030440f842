package export

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with the file testdata/name, or rewrites the file with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update if the change is right):\ngot\n%s\nwant\n%s", path, got, want)
	}
}

// checkDot runs Graphviz's dot on the DOT text, when it is installed, to
// prove that it parses.
func checkDot(t *testing.T, dot []byte) {
	t.Helper()
	bin, err := exec.LookPath("dot")
	if err != nil {
		t.Log("no dot binary: DOT not checked by Graphviz")
		return
	}
	cmd := exec.Command(bin, "-Tsvg")
	cmd.Stdin = bytes.NewReader(dot)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.Bytes())
	}
	if !bytes.Contains(out, []byte("<svg")) {
		t.Errorf("dot -Tsvg wrote no SVG:\n%s", out)
	}
}

func TestWriteDOT(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDOT(&buf, corpusGraph(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "corpus.dot", buf.Bytes())
	checkDot(t, buf.Bytes())
}

// TestWriteDOTQuoting draws names and sentences that need quoting.
func TestWriteDOTQuoting(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDOT(&buf, quotingSubgraph()); err != nil {
		t.Fatal(err)
	}
	golden(t, "quoting.dot", buf.Bytes())
	checkDot(t, buf.Bytes())
}

// quotingSubgraph has names and sentences that need quoting in DOT.
func quotingSubgraph() *schema.Subgraph {
	return &schema.Subgraph{
		Nodes: []schema.Node{
			{ID: `kg:entity/a"b`, Name: `The "A\B" Group`, Type: "PERCENT"},
			{ID: "kg:entity/c", Name: "C\nLine two\ttab\x00nul\x7f", Type: ""},
			{ID: "kg:entity/d", Name: "Déjà \xff vu -> {x}; [y] <z> //", Type: "DATE"},
			{ID: "kg:entity/e", Name: "node", Type: "GPE"},
			{ID: `kg:entity/f\`, Name: `ends with \`, Type: "MONEY"},
		},
		Edges: []schema.Edge{
			{From: `kg:entity/a"b`, To: "kg:entity/c", Relation: `say "no" \N`, Negated: true,
				Evidence: []string{`He said "no" \N\l\n.`, "second"}},
			{From: "kg:entity/c", To: "kg:entity/d", Relation: "edge", Evidence: []string{}},
			{From: "kg:entity/e", To: "kg:entity/e", Relation: "digraph", Evidence: nil},
			{From: `kg:entity/f\`, To: "kg:entity/e", Relation: `\`, Evidence: []string{`\`}},
		},
	}
}

func TestDotID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{"plain", `"plain"`},
		{`say "hi"`, `"say \"hi\""`},
		{`a\b`, `"a\\b"`},
		{`\N`, `"\\N"`},
		{"two\nlines", `"two\nlines"`},
		{"tab\there", `"tab here"`},
		{"bell\a", `"bell"`},
		{"bad \xff byte", "\"bad \uFFFD byte\""},
		{"node", `"node"`},
		{`ends\`, `"ends\\ "`},
		{`ends\\`, `"ends\\\\ "`},
		{"ends\\\x00", `"ends\\ "`},
		{`ends\"`, `"ends\\\""`},
	}
	for _, tt := range tests {
		if got := dotID(tt.in); got != tt.want {
			t.Errorf("dotID(%q): got %s, want %s", tt.in, got, tt.want)
		}
	}
}
