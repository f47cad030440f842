package extract

import (
	"strings"
	"testing"
)

// TestTreeClauses checks the clause rules over the parser's trees on
// sentences of the shapes the chunk rules get wrong: each sentence must give
// the facts it states, with their scope, and none of the facts it does not.
// A fact is written "subject | relation | object", and its scope after a
// semicolon: "not" for a negated fact, "mod=WORD" for a modality.
func TestTreeClauses(t *testing.T) {
	m := model(t)
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"a gerund completes a passive",
			"The bank was fined for breaking an agreement with the regulator.",
			[]string{"bank | be fined for breaking | agreement"}, nil},
		{"a plain \"is not\" negates",
			"Their problem is not a price problem.",
			[]string{"problem | be | price problem; not"}, []string{"problem | be | price problem"}},
		{"a negated adjective",
			"She is not optimistic about the talks.",
			[]string{"She | be | optimistic; not"}, nil},
		{"an open question is no fact",
			"It was unclear whether the ministers were consulted.",
			nil, []string{"It | be | unclear", "ministers | be consulted | "}},
		{"a requirement reaches every coordinated verb",
			"The firm was required to dismiss two managers and tighten its controls.",
			[]string{"firm | be required to dismiss | two managers", "firm | be required to tighten | controls"},
			[]string{"firm | tighten | controls"}},
		{"a time between subject and verb",
			"The ministry in March ordered the banks to freeze the accounts.",
			[]string{"ministry | order | banks", "banks | freeze | accounts; mod=order"},
			[]string{"banks | freeze | accounts"}},
		{"coordinated verbs share a subject",
			"The regulator fined the bank and barred its chief.",
			[]string{"regulator | fine | bank", "regulator | bar | chief"}, nil},
		{"a reported clause keeps its negation",
			"Analysts said the company would not pay the dividend.",
			[]string{"company | pay | dividend; not; mod=would"}, []string{"company | pay | dividend"}},
		{"a relative clause's subject is its noun",
			"The shipyard, which builds tankers, laid off 300 workers.",
			[]string{"shipyard | build | tankers", "shipyard | lay off | 300 workers"}, nil},
		{"an object after coordinated verbs belongs to both",
			"Traders buy and sell large amounts of stock.",
			[]string{"Traders | buy | large amounts of stock", "Traders | sell | large amounts of stock"}, nil},
		{"a passive's agent is the subject",
			"The contract was awarded to Norvale by the navy.",
			[]string{"navy | award | contract"}, nil},
		{"two prepositions fold into the relation",
			"He switched over to Merck in 1990.",
			[]string{"He | switch over to | Merck"}, nil},
	}
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
