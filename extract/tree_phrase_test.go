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
	})
}
