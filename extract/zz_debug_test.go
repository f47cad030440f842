package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kgraph/kg/parse"
)

func TestZZDump(t *testing.T) {
	text := os.Getenv("ZZS")
	if text == "" {
		t.Skip()
	}
	m := model(t)
	for _, s := range m.Sentences(text, Options{Lines: true}) {
		toks := s.Tokens
		words := make([]parse.Word, len(toks))
		for i, tk := range toks {
			words[i] = parse.Word{Form: tk.Text, XPOS: parserTagAt(toks, i), Head: -1}
		}
		m.parser.Parse(words)
		raw := append([]parse.Word(nil), words...)
		tr := treeOf(toks, repair(toks, words))
		var b strings.Builder
		for i := range toks {
			mark := ""
			if raw[i].Head-1 != tr.head[i] || raw[i].Rel != tr.rel[i] {
				mark = fmt.Sprintf("   (raw %d %s)", raw[i].Head, raw[i].Rel)
			}
			fmt.Fprintf(&b, "%2d %-14s %-5s %2d %-10s%s\n", i+1, toks[i].Text, toks[i].Tag, tr.head[i]+1, tr.rel[i], mark)
		}
		t.Log("\n" + b.String())
	}
}
