package export

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/schema"
)

// FuzzWriteDOT draws a graph with arbitrary names: the DOT is valid UTF-8 and
// every quoted string ends on its line.
func FuzzWriteDOT(f *testing.F) {
	for _, s := range []string{"plain", `a "quoted" \ name`, "two\nlines", "\xff\x00", `\N\l`} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, name, sentence string) {
		g := &schema.Subgraph{
			Nodes: []schema.Node{{ID: name, Name: name, Type: name}, {ID: "x", Name: "x"}},
			Edges: []schema.Edge{{From: name, To: "x", Relation: name, Evidence: []string{sentence}}},
		}
		var buf bytes.Buffer
		if err := WriteDOT(&buf, g); err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(buf.Bytes()) {
			t.Errorf("WriteDOT wrote invalid UTF-8 for %q, %q", name, sentence)
		}
		for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
			if !closesStrings(line) {
				t.Errorf("unterminated string in %q", line)
			}
		}
	})
}

// closesStrings reports whether every DOT string that starts on the line ends
// on it. Inside a string DOT knows one escape, \", read left to right.
func closesStrings(line string) bool {
	in := false
	for i := 0; i < len(line); i++ {
		switch {
		case in && line[i] == '\\' && i+1 < len(line) && line[i+1] == '"':
			i++
		case line[i] == '"':
			in = !in
		}
	}
	return !in
}
