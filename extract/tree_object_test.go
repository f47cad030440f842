package extract

import "testing"

// TestTreeObjects checks the tree rules' objects, agents and folded prepositions.
func TestTreeObjects(t *testing.T) {
	checkTreeFacts(t, []treeCase{
		{"an object after coordinated verbs belongs to both",
			"Traders buy and sell large amounts of stock.",
			[]string{"Traders | buy | large amounts of stock", "Traders | sell | large amounts of stock"}, nil},
		{"a passive's agent is the subject",
			"The contract was awarded to Norvale by the navy.",
			[]string{"navy | award | contract"}, nil},
		{"what was said before the verb is its object",
			"\"Demand for copper is strong,\" said Ana Reyes, an analyst at Castlegate.",
			[]string{"Ana Reyes | say | Demand for copper is strong"}, nil},
		{"a free relative is the object, and names nothing in its own clause",
			"The regulator rejected what the bank proposed.",
			[]string{"regulator | reject | what the bank proposed"}, []string{"regulator | reject | what", "bank | propose | what"}},
		{"two prepositions fold into the relation",
			"He switched over to Merck in 1990.",
			[]string{"He | switch over to | Merck"}, nil},
	})
}
