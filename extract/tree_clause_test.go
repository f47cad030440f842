package extract

import (
	"strings"
	"testing"
)

// treeCase is a sentence, the facts the tree rules must read in it and the
// facts they must not. A fact is written "subject | relation | object", and
// its scope after a semicolon: "not" for a negated fact, "mod=WORD" for a
// modality. Each step of the rules has its table, in tree_STEP_test.go, in
// the shapes the chunk rules get wrong.
type treeCase struct {
	name, text string
	want, not  []string
}

func checkTreeFacts(t *testing.T, tests []treeCase) {
	t.Helper()
	m := model(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range m.Facts("t", tt.text, Options{Lines: true, Parse: true}) {
				if f.Derived {
					continue
				}
				s := f.Subject + " | " + f.Relation + " | " + f.Object
				if f.Negated {
					s += "; not"
				}
				if f.Modality != "" {
					s += "; mod=" + f.Modality
				}
				got = append(got, s)
			}
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("no fact %q; got %q", w, got)
				}
			}
			for _, n := range tt.not {
				if contains(got, n) {
					t.Errorf("a fact %q, which the sentence does not state; got %q", n, got)
				}
			}
		})
	}
}

// contains reports whether one of got is want, or starts with it when want
// ends with "| " (any object).
func contains(got []string, want string) bool {
	for _, g := range got {
		if g == want || strings.HasSuffix(want, "| ") && strings.HasPrefix(g, want) {
			return true
		}
	}
	return false
}
