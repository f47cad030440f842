package extract

import "testing"

// TestTreeObjects checks the tree rules' objects, agents and folded prepositions.
func TestTreeObjects(t *testing.T) {
	checkTreeFacts(t, []treeCase{
		{"an object after coordinated verbs belongs to both",
			"Traders buy and sell large amounts of stock.",
			[]string{"Traders | buy | large amounts of stock", "Traders | sell | large amounts of stock"}, nil},
		{"a time between a verb of saying and its clause",
			"Regulators said this year that Norvale had not paid the fine.",
			[]string{"Regulators | say | Norvale had not paid the fine"}, nil},
		{"a \"to\" the parser made the head of its phrase",
			"A Norvale spokesman did not respond to an email seeking comment.",
			[]string{"Norvale spokesman | respond to | email; not"}, nil},
		{"a passive's agent is the subject",
			"The contract was awarded to Norvale by the navy.",
			[]string{"navy | award | contract"}, nil},
		{"what was said before the verb is its object",
			"\"Demand for copper is strong,\" said Ana Reyes, an analyst at Castlegate.",
			[]string{"Ana Reyes | say | Demand for copper is strong"}, nil},
		{"a free relative is the object, and names nothing in its own clause",
			"The regulator rejected what the bank proposed.",
			[]string{"regulator | reject | what the bank proposed"}, []string{"regulator | reject | what", "bank | propose | what"}},
		{"a name after a comma names the noun before it, not the verb's object",
			"The shop will run as a branch of Castlegate under its director, Peter Galloway.",
			[]string{"shop | run as | branch of Castlegate; mod=will"}, []string{"shop | run | Peter Galloway; mod=will"}},
		{"a relative clause's preposition folds into the relation before its noun is the object",
			"Alder said it raised the fee it charges for copper ore by ten cents.",
			[]string{"Alder | charge for | copper ore"}, []string{"Alder | charge | fee", "it | charge | fee"}},
		{"a prepositional phrase the parser read as the object folds its preposition",
			"Overseas buyers would not return to Norway until May.",
			[]string{"Overseas buyers | return to | Norway; not; mod=would"}, []string{"Overseas buyers | return | Norway; not; mod=would"}},
		{"an adjective and its complement's preposition fold into a copula's relation",
			"Ana Reyes is responsible for the mill.",
			[]string{"Ana Reyes | be responsible for | mill"}, []string{"Ana Reyes | be | responsible"}},
		{"an adjective with nothing after it stays the attribute",
			"The plant is close.",
			[]string{"plant | be | close"}, nil},
		{"an object followed by its apposition and a participle",
			"Her rival, lawyer Tom Grady, leads the Harbor Party, a group of local parties founded last year.",
			[]string{"Tom Grady | lead | Harbor Party"}, nil},
		{"two prepositions fold into the relation",
			"He switched over to Merck in 1990.",
			[]string{"He | switch over to | Merck"}, nil},
	})
}
