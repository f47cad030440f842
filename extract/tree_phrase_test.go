package extract

import "testing"

// TestTreePhrases checks the tree rules' phrases of time and place, and control.
func TestTreePhrases(t *testing.T) {
	checkTreeFacts(t, []treeCase{
		{"a time between subject and verb",
			"The ministry in March ordered the banks to freeze the accounts.",
			[]string{"ministry | order | banks", "banks | freeze | accounts; mod=order"},
			[]string{"banks | freeze | accounts"}},
		{"what an object is urged to do is not done",
			"The minister urged the banks to freeze the accounts.",
			[]string{"minister | urge | banks", "banks | freeze | accounts; mod=urge"}, []string{"banks | freeze | accounts"}},
		{"a copula's preposition joins the relation when the subject opens the phrase",
			"Its plants are in Lubbock.",
			[]string{"plants | be in | Lubbock"}, []string{"plants | be | Lubbock"}},
		{"an adverb that opens the sentence is no word of the subject",
			"Ultimately the U.N. army in the Congo reached a strength of 19,000.",
			[]string{"U.N. army | reach | "}, []string{"Ultimately the U.N. army | reach | "}},
		{"a relative's link is no phrase, and its noun no object",
			"During a period in which the lenders were unable to meet, the bank sold the unit.",
			[]string{"bank | sell | unit"}, []string{"lenders | be unable to meet | period", "lenders | be unable to meet | "}},
	})
}
