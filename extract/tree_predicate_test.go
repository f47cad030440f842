package extract

import "testing"

// TestTreePredicates checks the tree rules' the verbs of a relation and its scope: negation, modality, conditions.
func TestTreePredicates(t *testing.T) {
	checkTreeFacts(t, []treeCase{
		{"a gerund completes a passive",
			"The bank was fined for breaking an agreement with the regulator.",
			[]string{"bank | be fined for breaking | agreement"}, nil},
		{"a plain \"is not\" negates",
			"Their problem is not a price problem.",
			[]string{"problem | be | price problem; not"}, []string{"problem | be | price problem"}},
		{"a negated adjective",
			"She is not optimistic about the talks.",
			[]string{"She | be optimistic about | talks; not"}, nil},
		{"an open question is no fact",
			"It was unclear whether the ministers were consulted.",
			nil, []string{"It | be | unclear", "ministers | be consulted | "}},
		{"a condition reaches every coordinated verb",
			"It was not clear if the ministers were informed or consulted on the plan.",
			[]string{"ministers | consult on | plan; mod=if"}, []string{"ministers | consult on | plan"}},
		{"a requirement reaches every coordinated verb",
			"The firm was required to dismiss two managers and tighten its controls.",
			[]string{"firm | be required to dismiss | two managers", "firm | be required to tighten | controls"},
			[]string{"firm | tighten | controls"}},
		{"a reported clause keeps its negation",
			"Analysts said the company would not pay the dividend.",
			[]string{"company | pay | dividend; not; mod=would"}, []string{"company | pay | dividend"}},
		{"a passive whose participle was tagged an adjective",
			"The judges are therefore referred to as justices.",
			[]string{"judges | be referred to as | justices"}, []string{"judges | be | therefore referred"}},
		{"a passive whose participle was tagged a past tense",
			"Mills was said to have paid the fine.",
			[]string{"Mills | be said | "}, []string{"Mills | be | said"}},
		{"an adjective in -ed with nothing after it stays an attribute",
			"The bonds were unchanged.",
			[]string{"bonds | be | unchanged"}, nil},
		{"what a reported clause reports in turn is no fact",
			"Ana Reyes said the court ruled that the firm broke the law.",
			[]string{"Ana Reyes | say | ", "court | rule | "}, []string{"firm | break | law"}},
		{"a relative clause inside a reported clause still is",
			"Officials said Alder, which makes radar, sold the plant.",
			[]string{"Alder | make | radar", "Alder | sell | plant"}, nil},
		{"a copula completes a verb",
			"The index continued to be volatile in early trading.",
			[]string{"index | continue to be | volatile"}, nil},
	})
}
