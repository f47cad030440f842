package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// testModel loads the model once for all tests of the package.
var testModel = sync.OnceValues(Load)

func model(tb testing.TB) *Model {
	tb.Helper()
	m, err := testModel()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return m
}

// triple is what a construction test expects: one fact, in active order.
type triple struct {
	subject, relation, object string
	negated                   bool
}

func triples(facts []schema.Fact) []triple {
	out := make([]triple, len(facts))
	for i, f := range facts {
		out[i] = triple{f.Subject, f.Relation, f.Object, f.Negated}
	}
	return out
}

func has(got []triple, want triple) bool {
	for _, g := range got {
		if g == want {
			return true
		}
	}
	return false
}

// TestConstructions checks each construction the clause rules handle, on
// sentences written for the test.
func TestConstructions(t *testing.T) {
	m := model(t)
	tests := []struct {
		name     string
		sentence string
		want     []triple
		notWant  []triple
	}{
		{"active", "The Trade Ministry penalized Norvale Telecom.",
			[]triple{{"Trade Ministry", "penalize", "Norvale Telecom", false}}, nil},
		{"an ampersand and an I inside a name", "He received a degree from Texas A & I College in 1950.",
			[]triple{{"He", "receive from", "Texas A & I College", false}},
			[]triple{{"He", "receive from", "Texas A", false}}},
		{"the bare verb after help and its object", "The minister pledged to help Taiwanese chip maker Kestrel Holdings return to profit.",
			[]triple{{"Kestrel Holdings", "return to", "profit", false}}, nil},
		{"a noun after help and its object stays a noun", "The program helped Kestrel profit margins.",
			nil, []triple{{"Kestrel", "profit", "margins", false}}},
		{"a sum is no thing a place locates", "The fund has spent more than $7 billion in the Middle East.",
			[]triple{{"fund", "spend in", "Middle East", false}}, []triple{{"more than $7 billion", "be in", "Middle East", false}}},
		{"a list of names is no apposition", "Ramsey has met Harry Truman, Henry Cabot Lodge, the King of Morocco, Clement Atlee and other characters.",
			[]triple{{"Ramsey", "meet", "Clement Atlee", false}},
			[]triple{{"Henry Cabot Lodge", "be", "King of Morocco", false}}},
		{"a base form's not stands before its group", "The council advised that department stores not be allowed to open on Sunday.",
			[]triple{{"department stores", "be allowed to open", "", true}},
			[]triple{{"department stores", "be allowed to open", "", false}}},
		{"what a subject became is part of the phrase's relation", "Ana Reyes later became regional sales manager for Kestrel Holdings.",
			[]triple{{"Ana Reyes", "become manager for", "Kestrel Holdings", false}},
			[]triple{{"Ana Reyes", "become for", "Kestrel Holdings", false}}},
		{"passive with agent turned active", "Norvale Telecom was penalized by the Trade Ministry.",
			[]triple{{"Trade Ministry", "penalize", "Norvale Telecom", false}},
			[]triple{{"Norvale Telecom", "penalize", "Trade Ministry", false}}},
		{"passive with object before agent", "The company was fined $3 million by the regulator.",
			[]triple{{"regulator", "fine", "company", false}}, nil},
		{"reduced passive", "Carriers stopped buying routers made by Norvale Telecom.",
			[]triple{{"Norvale Telecom", "make", "routers", false}}, nil},
		{"passive without agent keeps its voice", "The two agencies had been aligned against Norvale Telecom.",
			[]triple{{"two agencies", "be aligned against", "Norvale Telecom", false}}, nil},
		{"negation", "The company did not respond to the request.",
			[]triple{{"company", "respond to", "request", true}}, nil},
		{"contracted negation", "Officials said the bank didn't disclose the payments.",
			[]triple{{"bank", "disclose", "payments", true}}, nil},
		{"a copula's negation", "Their problem is not a price problem.",
			[]triple{{"problem", "be", "price problem", true}}, []triple{{"problem", "be", "price problem", false}}},
		{"his title after and, named by an apposition", "Mayor Hale has been angry about the ruling, and his chief adviser, Ana Reyes, has told reporters that the city will appeal.",
			[]triple{{"Ana Reyes", "tell", "reporters", false}, {"chief adviser", "be", "Ana Reyes", false}}, nil},
		{"an it that announces a clause states nothing", "It was not clear whether the bank paid the fine.",
			[]triple{{"bank", "pay", "fine", false}}, []triple{{"It", "be", "clear", true}}},
		{"not only is no negation", "The port is not only a harbour but a market.",
			[]triple{{"port", "be", "harbour", false}}, nil},
		{"not only before a verb is no negation", "The bank did not only lend money to the firm.",
			[]triple{{"bank", "lend", "money", false}}, []triple{{"bank", "lend", "money", true}}},
		{"no longer", "The bank no longer lends money to the firm.",
			[]triple{{"bank", "lend", "money", true}}, []triple{{"bank", "lend", "money", false}}},
		{"a subject that says no one did it", "No bank paid the fine.",
			[]triple{{"bank", "pay", "fine", true}}, []triple{{"bank", "pay", "fine", false}}},
		{"neither nor", "Neither the bank nor the firm paid the fine.",
			[]triple{{"firm", "pay", "fine", true}}, []triple{{"firm", "pay", "fine", false}}},
		{"never before a verb in the past", "The bank never lent money to the firm.",
			[]triple{{"bank", "lend", "money", true}}, []triple{{"bank", "lend", "money", false}}},
		{"a requirement reaches the coordinated verb", "The firm was required to dismiss two managers and tighten its controls.",
			[]triple{{"firm", "be required to tighten", "controls", false}}, []triple{{"firm", "tighten", "controls", false}}},
		{"infinitive", "Mayor Ana Reyes pledged on Monday to help Norvale Telecom.",
			[]triple{{"Ana Reyes", "pledge to help", "Norvale Telecom", false}}, nil},
		{"bare infinitive after help", "The minister promised to help Norvale return to profit.",
			[]triple{{"minister", "promise to help", "Norvale", false}}, nil},
		{"irregular past", "The central bank froze the accounts.",
			[]triple{{"central bank", "freeze", "accounts", false}}, nil},
		{"irregular past 2", "Investigators sought new records.",
			[]triple{{"Investigators", "seek", "new records", false}}, nil},
		{"perfect", "The ministry has long accused Norvale Telecom of fraud.",
			[]triple{{"ministry", "accuse", "Norvale Telecom of fraud", false}}, nil},
		{"relative clause", "The fine hit a supplier that sold radios to rebels.",
			[]triple{{"supplier", "sell", "radios", false}}, nil},
		{"relative who", "Voters backed a senator who opposed the tariffs.",
			[]triple{{"senator", "oppose", "tariffs", false}}, nil},
		{"apposition", "Norvale Telecom, a maker of routers, halted production.",
			[]triple{{"Norvale Telecom", "halt", "production", false}}, nil},
		{"coordinated subjects", "The Trade Ministry and the Finance Ministry opened an inquiry.",
			[]triple{{"Trade Ministry", "open", "inquiry", false}, {"Finance Ministry", "open", "inquiry", false}}, nil},
		{"coordinated verbs", "The regulator froze the assets and barred the directors.",
			[]triple{{"regulator", "freeze", "assets", false}, {"regulator", "bar", "directors", false}}, nil},
		{"preposition folded", "The agency moved toward banning the devices.",
			[]triple{{"agency", "move toward banning", "devices", false}}, nil},
		{"descriptor dropped from a name", "Exporters praised Canadian chip maker Norvale.",
			[]triple{{"Exporters", "praise", "Norvale", false}}, nil},
		{"title dropped from a name", "President Ana Reyes signed the order.",
			[]triple{{"Ana Reyes", "sign", "order", false}}, nil},
		{"complement clause is no object", "The regulator said Norvale Telecom broke the rules.",
			[]triple{{"Norvale Telecom", "break", "rules", false}},
			[]triple{{"regulator", "say", "Norvale Telecom", false}}},
		{"apposition as a fact", "Norvale Telecom, the largest maker of routers in Canada, halted production.",
			[]triple{{"Norvale Telecom", "be", "largest maker of routers in Canada", false}}, nil},
		{"apposition name second", "Her deputy, Ana Reyes, signed the order.",
			[]triple{{"deputy", "be", "Ana Reyes", false}}, nil},
		{"copula with an attribute", "Trade tensions remain high.",
			[]triple{{"Trade tensions", "remain", "high", false}}, nil},
		{"relational noun folded", "Norvale Telecom is a member of the Export Council.",
			[]triple{{"Norvale Telecom", "be member of", "Export Council", false}}, nil},
		{"adverbial participle borrows the subject", "Norvale halted production, blaming the sanctions.",
			[]triple{{"Norvale", "halt", "production", false}, {"Norvale", "blame", "sanctions", false}}, nil},
		{"shared object of coordinated verbs", "Traders buy and sell the shares.",
			[]triple{{"Traders", "buy", "shares", false}, {"Traders", "sell", "shares", false}}, nil},
		{"parenthetical between subject and verb", "Norvale, for example, sells routers.",
			[]triple{{"Norvale", "sell", "routers", false}}, nil},
		{"coordinated adjectives in a noun phrase", "The port serves an industrial and residential area.",
			[]triple{{"port", "serve", "industrial and residential area", false}}, nil},
		{"object control", "The court required the company to pay $3 million.",
			[]triple{{"court", "require", "company", false}, {"court", "require to pay", "$3 million", false}}, nil},
		{"object control with a gerund", "The ministry ordered the banks to cease lending money to Norvale.",
			[]triple{{"ministry", "order to cease lending", "money", false}}, nil},
		{"relative clause between subject and verb", "The firm that sold the radios denied the charges.",
			[]triple{{"firm", "sell", "radios", false}, {"firm", "deny", "charges", false}},
			[]triple{{"radios", "deny", "charges", false}}},
		{"inverted attribution", "\"The deal is close,\" said a senior official.",
			[]triple{{"senior official", "say", "The deal is close", false}}, nil},
		{"an apposition closes with a comma", "Prices rose, the ministry said.", nil,
			[]triple{{"Prices", "be", "ministry", false}}},
		{"a subject past a phrase with a list", "Tensions between the United States and China remain high.",
			[]triple{{"Tensions", "remain", "high", false}}, []triple{{"China", "remain", "high", false}}},
		{"a subject past an adjective phrase", "Officials familiar with the case believe the deal is close.",
			[]triple{{"Officials", "believe", "the deal is close", false}}, nil},
		{"reduced relative before the main verb", "The bill sponsored by the senator provides pensions for miners.",
			[]triple{{"bill", "provide", "pensions", false}, {"senator", "sponsor", "bill", false}},
			[]triple{{"senator", "provide", "pensions", false}}},
		{"coordinated reduced relatives before the main verb", "The bill sponsored by the senator and signed into law provides pensions.",
			[]triple{{"bill", "provide", "pensions", false}}, []triple{{"law", "provide", "pensions", false}}},
		{"relative clause after a copula speaks of the subject", "Ana Reyes is a painter who lives in Lisbon.",
			[]triple{{"Ana Reyes", "be", "painter", false}, {"Ana Reyes", "live in", "Lisbon", false}},
			[]triple{{"painter", "live in", "Lisbon", false}}},
		{"verbs listed with commas share the subject", "The brigade crossed the river, took the bridge, and held the town.",
			[]triple{{"brigade", "cross", "river", false}, {"brigade", "take", "bridge", false}, {"brigade", "hold", "town", false}}, nil},
		{"a place that locates a thing", "The firm opened a plant in Portugal.",
			[]triple{{"firm", "open", "plant", false}, {"plant", "be in", "Portugal", false}}, nil},
		{"a place and the larger place", "The mill was built in Davidson Township, Sullivan County.",
			[]triple{{"Davidson Township", "be in", "Sullivan County", false}}, nil},
		{"a title before a name says what the person is", "Former Trade Secretary Ana Reyes signed the order.",
			[]triple{{"Ana Reyes", "sign", "order", false}, {"Ana Reyes", "be", "Former Trade Secretary", false}}, nil},
		{"an honorific is no title", "Mr. Okafor signed the order.", nil,
			[]triple{{"Okafor", "be", "Mr.", false}}},
		{"object relative clause", "Auditors found a loophole that smugglers exploit.",
			[]triple{{"smugglers", "exploit", "loophole", false}}, nil},
		{"object relative clause with a past verb", "The court upheld the fine that the regulator imposed.",
			[]triple{{"regulator", "impose", "fine", false}}, nil},
		{"that after a reporting verb opens no relative clause", "The minister told reporters that prices rose.", nil,
			[]triple{{"prices", "rise", "reporters", false}}},
		{"a spaced hyphen joins a compound", "Rescuers reached a fume - filled mine .",
			[]triple{{"Rescuers", "reach", "fume-filled mine", false}}, nil},
		{"a preposition of two words", "The brigade broke out of the valley.",
			[]triple{{"brigade", "break out of", "valley", false}}, nil},
		{"apposition headed by a title", "The board heard Ana Reyes, Deputy Trade Secretary, on Monday.",
			[]triple{{"Ana Reyes", "be", "Deputy Trade Secretary", false}}, nil},
		{"apposition before a relative clause", "The firm hired Gulf Systems, a shipper of parts who works for the navy.",
			[]triple{{"Gulf Systems", "be", "shipper of parts", false}}, nil},
		{"an infinitive after a noun belongs to the noun", "Workers were informed of the decision to close the plant.",
			[]triple{{"Workers", "be informed of", "decision", false}}, nil},
		{"a quoted name as subject", "\"Harbor Light\" sailed to Lisbon.",
			[]triple{{"Harbor Light", "sail to", "Lisbon", false}}, nil},
		{"attribution after what was said", "The plant closed in May, the ministry said.",
			[]triple{{"ministry", "say", "The plant closed in May", false}}, nil},
		{"listed verbs may start with an adverb", "The inspector entered the mill, quickly checked the boilers, and left.",
			[]triple{{"inspector", "check", "boilers", false}}, nil},
		{"object relative clause after a quoted name", "The museum bought the painting \"Harbor Light\" which Ana Reyes painted.",
			[]triple{{"Ana Reyes", "paint", "Harbor Light", false}}, nil},
		{"a time between subject and verb is no subject", "Norvale Telecom this year hired 70 engineers.",
			[]triple{{"Norvale Telecom", "hire", "70 engineers", false}}, []triple{{"this year", "hire", "70 engineers", false}}},
		{"a verb after a dated conjunct shares the subject", "Ana Reyes taught in Lisbon and in 2012 joined a think tank.",
			[]triple{{"Ana Reyes", "join", "think tank", false}}, nil},
		{"a subject described by a coordination", "Ana Reyes, the firm's chairman and chief executive, said the deal would close.",
			[]triple{{"Ana Reyes", "say", "the deal would close", false}}, nil},
		{"a quote that opens after the subject", "Ana Reyes said the merger \"will extend our reach.\"",
			[]triple{{"merger", "extend", "reach", false}}, nil},
		{"a description before said is no quote", "Ana Reyes, the chairman and chief executive, said nothing.", nil,
			[]triple{{"nothing", "say", "Ana Reyes, the chairman and chief executive", false}}},
		{"a body's name joined by and is one name", "The Fisheries and Harbours Board closed the port.",
			[]triple{{"Fisheries and Harbours Board", "close", "port", false}},
			[]triple{{"Harbours Board", "close", "port", false}}},
		{"two companies joined by and stay two", "Ardmore and Kestrel Holdings signed the deal.",
			[]triple{{"Kestrel Holdings", "sign", "deal", false}}, []triple{{"Ardmore and Kestrel Holdings", "sign", "deal", false}}},
		{"today after the subject is no part of it", "Ardmore Labs today opened a clinic.",
			[]triple{{"Ardmore Labs", "open", "clinic", false}}, []triple{{"Ardmore Labs today", "open", "clinic", false}}},
		{"today after an apposition is no subject", "Kestrel Health, a clinic chain, today opened a clinic.",
			[]triple{{"Kestrel Health", "open", "clinic", false}}, []triple{{"today", "open", "clinic", false}}},
		{"a short form in brackets before an apposition", "Kestrel Health (KH), a clinic chain, said it would hire nurses.",
			[]triple{{"Kestrel Health", "say", "it would hire nurses", false}}, nil},
		{"two titles share the body after the second", "\"Sales rose,\" said Ana Reyes, chairman and CEO of Kestrel Holdings.",
			[]triple{{"Ana Reyes", "be", "chairman of Kestrel Holdings", false}, {"Ana Reyes", "be", "CEO of Kestrel Holdings", false}}, nil},
		{"two capitalised titles share the body", "Ana Reyes, President and Chief Operating Officer of Kestrel Holdings, left.",
			[]triple{{"Ana Reyes", "be", "President of Kestrel Holdings", false}, {"Ana Reyes", "be", "Chief Operating Officer of Kestrel Holdings", false}},
			[]triple{{"Ana Reyes", "be", "President", false}}},
		{"a participle phrase after the subject", "Kestrel Holdings, based in Leeds, makes boats.",
			[]triple{{"Kestrel Holdings", "be based in", "Leeds", false}, {"Kestrel Holdings", "make", "boats", false}}, nil},
		{"a place and its larger place name the first", "Dunmore Mills, based in Galway, Ireland, was sold in 2019.",
			[]triple{{"Dunmore Mills", "be based in", "Galway", false}, {"Galway", "be in", "Ireland", false}},
			[]triple{{"Dunmore Mills", "be based in", "Ireland", false}}},
		{"a participle after a preposition's object speaks of the clause", "Prices rose in May, driven by demand.",
			[]triple{{"demand", "drive", "Prices", false}}, []triple{{"demand", "drive", "May", false}}},
		{"a list that opens a clause is no object", "The regulator said Ardmore, Kestrel and a third firm, Dunmore Mills, broke the rules.",
			[]triple{{"regulator", "say", "Ardmore, Kestrel and a third firm, Dunmore Mills, broke the rules", false}},
			[]triple{{"regulator", "say", "Kestrel", false}, {"regulator", "say", "Ardmore", false}}},
		{"two names that open a clause are no object", "The regulator said Ardmore and Kestrel broke the rules.",
			[]triple{{"Kestrel", "break", "rules", false}}, []triple{{"regulator", "say", "Ardmore", false}}},
		{"a list after a verb of saying may be its object", "The minister named Ardmore and Kestrel in May.",
			[]triple{{"minister", "name", "Ardmore", false}, {"minister", "name", "Kestrel", false}}, nil},
		{"a time phrase between subject and verb", "The Fisheries Board on Friday closed the harbour.",
			[]triple{{"Fisheries Board", "close", "harbour", false}}, nil},
		{"a past verb the tagger reads as an adjective", "The Fisheries Board on Tuesday imposed quotas on Kestrel Holdings.",
			[]triple{{"Fisheries Board", "impose", "quotas", false}, {"Fisheries Board", "impose on", "Kestrel Holdings", false}}, nil},
		{"no before the object denies the fact", "Kestrel Holdings had no sales in Peru last year.",
			[]triple{{"Kestrel Holdings", "have", "sales", true}, {"Kestrel Holdings", "have in", "Peru", true}},
			[]triple{{"Kestrel Holdings", "have in", "Peru", false}}},
		{"a person after a title for a body", "A spokesman for Kestrel, Michael Dunne, said the firm would appeal.",
			[]triple{{"Michael Dunne", "say", "the firm would appeal", false}, {"spokesman for Kestrel", "be", "Michael Dunne", false}},
			[]triple{{"Kestrel", "say", "the firm would appeal", false}, {"Kestrel", "be in", "Michael Dunne", false}}},
		{"a name and its titled person as subjects", "The judge ruled that Kestrel and its founder, Ana Reyes, had broken the rules.",
			[]triple{{"Kestrel", "break", "rules", false}, {"Ana Reyes", "break", "rules", false}, {"founder", "be", "Ana Reyes", false}}, nil},
		{"an ampersand inside a name", "The bank hired advisers, and Hale & Co advised the fund.",
			[]triple{{"Hale & Co", "advise", "fund", false}}, []triple{{"Co", "advise", "fund", false}}},
		{"a name and a sum are two objects", "The regulator fined Harbor Networks $3 million on Monday.",
			[]triple{{"regulator", "fine", "Harbor Networks", false}}, []triple{{"regulator", "fine", "Harbor Networks $3 million", false}}},
		{"a name and a sum in words are two objects", "The commission fined Kestrel Marine 4.3 billion euros.",
			[]triple{{"commission", "fine", "Kestrel Marine", false}}, nil},
		{"a number in a name stays", "Carriers bought Norvale 5000 routers from the distributor.",
			[]triple{{"Carriers", "buy", "Norvale 5000 routers", false}}, nil},
		{"a chair's title before the name", "Board Chair Lena Ortiz told reporters the vote would wait.",
			[]triple{{"Lena Ortiz", "tell", "reporters", false}, {"Lena Ortiz", "be", "Board Chair", false}}, nil},
		{"cannot denies", "The ministry cannot block the merger.",
			[]triple{{"ministry", "block", "merger", true}}, []triple{{"ministry cannot", "block", "merger", false}}},
		{"a stake in a firm is no place", "Castlegate Bank bought a stake in Kestrel Holdings last year.",
			[]triple{{"Castlegate Bank", "buy stake in", "Kestrel Holdings", false}},
			[]triple{{"stake", "be in", "Kestrel Holdings", false}, {"Castlegate Bank", "buy in", "Kestrel Holdings", false}}},
		{"an age between commas is no subject", "Lena Ortiz, 45, a former trader at the bank, sued Castlegate Bank.",
			[]triple{{"Lena Ortiz", "sue", "Castlegate Bank", false}}, []triple{{"45", "sue", "Castlegate Bank", false}}},
		{"an age before the verb", "Lena Ortiz, 61, resigned from the board on Friday.",
			[]triple{{"Lena Ortiz", "resign from", "board", false}}, nil},
		{"an age inside an apposition", "Norvale said its founder, Peter Hall, 66, would retire.",
			[]triple{{"founder", "be", "Peter Hall", false}}, nil},
		{"a number after a place is no age", "In Ostrava, 45 workers joined the strike.",
			[]triple{{"45 workers", "join", "strike", false}}, nil},
		{"she is who said it", "Okafor, who has led the party since 2005, said she would seek talks with the Greens.",
			[]triple{{"Okafor", "seek talks with", "Greens", false}}, nil},
		{"a superlative the tagger reads as an adverb", "The conservatives won the most votes.",
			[]triple{{"conservatives", "win", "most votes", false}}, nil},
		{"a middle initial inside a name", "The board met Michael J. Fox in Boston on Monday.",
			[]triple{{"board", "meet", "Michael J. Fox", false}}, []triple{{"board", "meet", "Michael J", false}}},
		{"an initial opening a name", "G. Laura Whitfield bought the Harbor Pilots.",
			[]triple{{"G. Laura Whitfield", "buy", "Harbor Pilots", false}}, nil},
		{"a comma alone does not coordinate", "Although the plants were close to the border, they stayed open.", nil,
			[]triple{{"border", "stay", "open", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := triples(m.Facts("test", tt.sentence, Options{}))
			for _, w := range tt.want {
				if !has(got, w) {
					t.Errorf("%q: missing %+v; got %+v", tt.sentence, w, got)
				}
			}
			for _, w := range tt.notWant {
				if has(got, w) {
					t.Errorf("%q: got %+v, which is wrong", tt.sentence, w)
				}
			}
		})
	}
}

func TestFactFields(t *testing.T) {
	m := model(t)
	text := "Rates rose.  The Trade Ministry penalized Norvale Telecom's unit. They denied the charges."
	facts := m.Facts("doc.txt", text, Options{})
	if len(facts) != 2 {
		t.Fatalf("got %d facts, want 2: %+v", len(facts), facts)
	}
	f := facts[0]
	if f.Doc != "doc.txt" || f.SentenceIndex != 1 || f.Sentence != "The Trade Ministry penalized Norvale Telecom's unit." {
		t.Errorf("evidence: got doc %q, sentence %d %q", f.Doc, f.SentenceIndex, f.Sentence)
	}
	if want := (schema.Surface{Subject: "The Trade Ministry", Relation: "penalized", Object: "Norvale Telecom's unit"}); f.Text != want {
		t.Errorf("text: got %+v, want %+v", f.Text, want)
	}
	if f.SubjectID != schema.EntityID("Trade Ministry") || f.SubjectType != schema.Org {
		t.Errorf("subject: got id %q type %q", f.SubjectID, f.SubjectType)
	}
	if f.Confidence <= 0 || f.Confidence > 1 {
		t.Errorf("confidence %v out of (0, 1]", f.Confidence)
	}
	// A pronoun with nothing to stand for has no entity.
	p := facts[1]
	if p.Subject != "They" || p.SubjectID != "" || p.ObjectID == "" {
		t.Errorf("pronoun subject: got %q id %q, object id %q", p.Subject, p.SubjectID, p.ObjectID)
	}
}

// TestQuantityWordsNameNothing: a word of quantity or order standing for
// people or things named elsewhere ("Both", "Neither", "Everybody",
// "First") is no entity, in both rule sets, as a bare pronoun is none.
func TestQuantityWordsNameNothing(t *testing.T) {
	m := model(t)
	text := "Ana Reyes and Tom Hale joined the club. Both were scholastic stars. Neither was seated on the jury. Everybody had heard of Van Gogh. First is access to a good education."
	for _, mode := range []Options{{}, {Parse: true}} {
		n := 0
		for _, f := range m.Facts("d", text, mode) {
			for _, arg := range []struct{ name, id string }{{f.Subject, f.SubjectID}, {f.Object, f.ObjectID}} {
				switch strings.ToLower(arg.name) {
				case "both", "neither", "everybody", "first":
					n++
					if arg.id != "" {
						t.Errorf("parse=%v: %q is an entity (%s) in %s | %s | %s", mode.Parse, arg.name, arg.id, f.Subject, f.Relation, f.Object)
					}
				}
			}
		}
		if n == 0 {
			t.Errorf("parse=%v: no fact names a word of quantity; the test reads nothing", mode.Parse)
		}
	}
}

// TestClaimsAreNoFacts: a statement hedged by an adverb ("allegedly") keeps
// the adverb as its modality, and one a verb of suspicion reports is
// attributed to the suspecter, in both rule sets.
func TestClaimsAreNoFacts(t *testing.T) {
	m := model(t)
	for _, mode := range []Options{{Lines: true}, {Lines: true, Parse: true}} {
		var hedged, attributed bool
		for _, f := range m.Facts("d", "The bank allegedly paid bribes to officials.\nRegulators suspect the mill dumped waste.", mode) {
			switch f.Relation {
			case "pay":
				hedged = f.Modality == "allegedly"
			case "dump":
				attributed = f.AttributedTo == "Regulators"
			}
		}
		if !hedged || !attributed {
			t.Errorf("parse=%v: allegedly as the modality %v, attributed to the regulators %v", mode.Parse, hedged, attributed)
		}
	}
}

// TestWordsThatNameNothing: an adjective, an adverb or a wh-word as an
// argument ("he looked good", "threw wide", "Home is where") is no entity,
// in both rule sets.
func TestWordsThatNameNothing(t *testing.T) {
	m := model(t)
	// each twice: an argument the text comes back to may be a concept
	text := "Ana Reyes pitched for an hour, and she looked good. Tom Hale felt good after the game. " +
		"Home is where Ana Reyes was born. The office is where Tom Hale works."
	for _, mode := range []Options{{}, {Parse: true}} {
		n := 0
		for _, f := range m.Facts("d", text, mode) {
			switch strings.ToLower(f.Object) {
			case "good", "where":
				n++
				if f.ObjectID != "" {
					t.Errorf("parse=%v: %q is an entity in %s | %s | %s", mode.Parse, f.Object, f.Subject, f.Relation, f.Object)
				}
			}
		}
		if n == 0 {
			t.Errorf("parse=%v: no fact has such an object; the test reads nothing", mode.Parse)
		}
	}
}

// TestInitialsInNames: a name with an initial ("Michael J. Fox", "G. Laura
// Whitfield") is one sentence and one person, in both rule sets.
func TestInitialsInNames(t *testing.T) {
	m := model(t)
	text := "G. Laura Whitfield met Michael J. Fox in Boston. They talked for an hour."
	for _, mode := range []Options{{}, {Parse: true}} {
		facts := m.Facts("d", text, mode)
		found := false
		for _, f := range facts {
			if f.Relation != "meet" {
				continue
			}
			found = true
			if f.Subject != "G. Laura Whitfield" || f.SubjectType != schema.Person || f.Object != "Michael J. Fox" ||
				f.ObjectType != schema.Person || f.SentenceIndex != 0 {
				t.Errorf("parse=%v: got %q (%s) - meet - %q (%s) in sentence %d, want two people in sentence 0",
					mode.Parse, f.Subject, f.SubjectType, f.Object, f.ObjectType, f.SentenceIndex)
			}
		}
		if !found {
			t.Errorf("parse=%v: no fact with relation meet: %+v", mode.Parse, triples(facts))
		}
	}
}

// TestNameParticles: a name joined by lower-case particles ("Ursula von
// der Leyen", "Charles de Gaulle") is one entity in both rule sets, not its
// last word described by the rest.
func TestNameParticles(t *testing.T) {
	m := model(t)
	text := "Ursula von der Leyen met Emmanuel Macron in Brussels. The prize was named after Charles de Gaulle."
	for _, mode := range []Options{{}, {Parse: true}} {
		facts := m.Facts("d", text, mode)
		names := map[string]bool{}
		for _, f := range facts {
			names[f.Subject], names[f.Object] = true, true
		}
		for _, want := range []string{"Ursula von der Leyen", "Charles de Gaulle"} {
			if !names[want] {
				t.Errorf("parse=%v: no entity %q in %+v", mode.Parse, want, triples(facts))
			}
		}
		for _, junk := range []string{"Leyen", "Gaulle", "Ursula von der"} {
			if names[junk] {
				t.Errorf("parse=%v: an entity %q in %+v", mode.Parse, junk, triples(facts))
			}
		}
	}
}

// TestPlaceIsNoOrganisation: a city that an organisation's name begins
// with is the city where it stands alone, not a short form of the
// organisation.
func TestPlaceIsNoOrganisation(t *testing.T) {
	m := model(t)
	text := "The San Francisco Symphony hired Ana Reyes as its conductor. The season in San Francisco will open with a gala concert."
	for _, mode := range []Options{{}, {Parse: true}} {
		found := false
		for _, f := range m.Facts("d", text, mode) {
			if f.Relation == "be in" && f.Subject == "season" {
				found = true
				if f.Object != "San Francisco" || f.ObjectType != schema.GPE {
					t.Errorf("parse=%v: season - be in - %q (%s), want the city, a GPE", mode.Parse, f.Object, f.ObjectType)
				}
			}
		}
		if !found {
			t.Errorf("parse=%v: no fact season - be in", mode.Parse)
		}
	}
}

// TestQualifiers: time, place and other prepositional arguments are kept in
// their own fields, not glued into the object; modality and attribution are
// recorded.
func TestQualifiers(t *testing.T) {
	m := model(t)
	tests := []struct {
		sentence string
		want     triple
		check    func(f schema.Fact) string // "" when right
	}{
		{"In April, the Trade Ministry fined Norvale Telecom in Ottawa for violating a settlement.",
			triple{"Trade Ministry", "fine", "Norvale Telecom", false},
			func(f schema.Fact) string {
				if f.Time != "In April" || f.Place != "in Ottawa" || len(f.Args) != 1 || f.Args[0] != "for violating a settlement" {
					return fmt.Sprintf("time %q place %q args %q", f.Time, f.Place, f.Args)
				}
				return ""
			}},
		{"The director resigned in May.", triple{"director", "resign", "", false},
			func(f schema.Fact) string {
				if f.Time != "in May" || f.ObjectID != "" {
					return fmt.Sprintf("time %q, object ID %q; want the time in May and no object", f.Time, f.ObjectID)
				}
				return ""
			}},
		{"The deal would relax the penalties.", triple{"deal", "relax", "penalties", false},
			func(f schema.Fact) string {
				if f.Modality != "would" {
					return fmt.Sprintf("modality %q, want would", f.Modality)
				}
				return ""
			}},
		{"Officials said the bank didn't disclose the payments.", triple{"bank", "disclose", "payments", true},
			func(f schema.Fact) string {
				if f.AttributedTo != "Officials" {
					return fmt.Sprintf("attributed to %q, want Officials", f.AttributedTo)
				}
				return ""
			}},
	}
	for _, tt := range tests {
		var found bool
		for _, f := range m.Facts("t", tt.sentence, Options{}) {
			if (triple{f.Subject, f.Relation, f.Object, f.Negated}) != tt.want {
				continue
			}
			found = true
			if msg := tt.check(f); msg != "" {
				t.Errorf("%q: %s", tt.sentence, msg)
			}
		}
		if !found {
			t.Errorf("%q: no fact %+v", tt.sentence, tt.want)
		}
	}
}

// TestNonEntityObjects: a time, a clause or an attribute can be a fact's
// object, but none is an entity of the graph.
func TestNonEntityObjects(t *testing.T) {
	m := model(t)
	for _, tt := range []struct{ sentence, relation, object string }{
		{"The director resigned in May.", "resign", ""},
		{"Officials said the bank broke the rules.", "say", "the bank broke the rules"},
		{"Trade tensions remain high.", "remain", "high"},
	} {
		var found bool
		for _, f := range m.Facts("t", tt.sentence, Options{}) {
			if f.Relation == tt.relation && f.Object == tt.object {
				found = true
				if f.ObjectID != "" {
					t.Errorf("%q: object %q has graph ID %q, want none", tt.sentence, f.Object, f.ObjectID)
				}
			}
		}
		if !found {
			t.Errorf("%q: no fact with relation %q and object %q", tt.sentence, tt.relation, tt.object)
		}
	}
}

// TestCoreference: within a document, pronouns and definite descriptions
// take the entity they stand for, and short forms of a name take its full
// form; the surface text stays as written.
// TestPronounGender: a pronoun agrees with the person it stands for, by
// the honorific or the given name ("she" is no Frank; "Mrs. Harry Cohen" is
// a she), and a town after a person's "of" is none of his names.
func TestPronounGender(t *testing.T) {
	m := model(t)
	cases := []struct{ text, relation, want string }{
		{"The board named Frank Barnes of Boston. She attended the Kennedy School.", "attend", "She"},
		{"Donald Trump met Angela Merkel. She said the tariffs were wrong.", "say", "Angela Merkel"},
		{"Mrs. Harry Cohen chairs the committee. She thanked the donors.", "thank", "Harry Cohen"},
		{"The board named Frank Barnes of Boston. The school in Boston hired him.", "hire", "school"},
	}
	for _, tc := range cases {
		for _, f := range m.Facts("d", tc.text, Options{}) {
			if f.Relation != tc.relation {
				continue
			}
			if f.Subject != tc.want {
				t.Errorf("%q: %s's subject %q, want %q", tc.text, tc.relation, f.Subject, tc.want)
			}
		}
		for _, f := range m.Facts("d", tc.text, Options{}) {
			if f.Relation == "be in" && f.Object != "Boston" {
				t.Errorf("%q: %s - be in - %q, want Boston: a place named after a person's of is no name of his", tc.text, f.Subject, f.Object)
			}
		}
	}
}

// TestPronounObjectIsNotItsSubject: a pronoun that is one clause's object
// is not that clause's subject when it goes on to do something ("The
// lenders made them pay": they are not the lenders).
func TestPronounObjectIsNotItsSubject(t *testing.T) {
	m := model(t)
	text := "Norvale Telecom and Alder Farms lost the case. The lenders made them pay for the damage."
	for _, mode := range []Options{{}, {Parse: true}} {
		for _, f := range m.Facts("d", text, mode) {
			if f.Relation == "pay for" && f.Subject == "lenders" {
				t.Errorf("parse=%v: the lenders pay for the damage, but it is the ones they made pay (%+v)", mode.Parse, triples(m.Facts("d", text, mode)))
			}
		}
	}
}

func TestCoreference(t *testing.T) {
	m := model(t)
	text := "The Trade Ministry fined Norvale Telecom in March. The company appealed the fine. " +
		"It also hired new lawyers. Minister Ana Reyes defended the fine. " +
		"Reyes said she had warned Norvale Telecom. The Federal Trade Commission opened an inquiry. " +
		"The FTC questioned Reyes."
	facts := m.Facts("d", text, Options{})
	want := map[string]string{ // relation -> subject, object
		"appeal":   "Norvale Telecom|fine",
		"hire":     "Norvale Telecom|new lawyers",
		"say":      "Ana Reyes|she had warned Norvale Telecom",
		"warn":     "Ana Reyes|Norvale Telecom",
		"question": "Federal Trade Commission|Ana Reyes",
	}
	for _, f := range facts {
		w, ok := want[f.Relation]
		if !ok {
			continue
		}
		delete(want, f.Relation)
		if got := f.Subject + "|" + f.Object; got != w {
			t.Errorf("%s: got %s, want %s (from %q)", f.Relation, got, w, f.Sentence)
		}
		if f.SubjectID != schema.EntityID(f.Subject) {
			t.Errorf("%s: subject ID %q does not follow the resolved name %q", f.Relation, f.SubjectID, f.Subject)
		}
		if f.Relation == "hire" && f.Text.Subject != "It" {
			t.Errorf("hire: surface subject %q, want It as written", f.Text.Subject)
		}
		if f.Relation == "warn" && f.SubjectType != schema.Person {
			t.Errorf("warn: subject type %q, want PERSON", f.SubjectType)
		}
	}
	for rel := range want {
		t.Errorf("no fact with relation %q", rel)
	}
	// Benchmark lines are unrelated sentences: nothing reaches across them.
	for _, f := range m.Facts("d", "Norvale Telecom fined a rival.\nIt hired new lawyers.\n", Options{Lines: true}) {
		if f.Relation == "hire" && f.SubjectID != "" {
			t.Errorf("--lines: It resolved to %q across lines", f.Subject)
		}
	}
}

// TestItAfterAThing: an "it" that a thing before it in its sentence may
// stand for is not given to the company named before ("criticized the
// plan, saying it would hurt workers"), but a clause on the thing is no
// reading of it ("the price it pays"), in both rule sets.
func TestItAfterAThing(t *testing.T) {
	m := model(t)
	text := "Norvale Telecom said it would close two plants. Senator Ana Reyes criticized the plan, saying it would hurt workers. " +
		"Kestrel Holdings said it raised the price it pays for copper."
	for _, mode := range []Options{{}, {Parse: true}} {
		seen := map[string]bool{}
		for _, f := range m.Facts("d", text, mode) {
			seen[f.Relation] = true
			switch f.Relation {
			case "close":
				if f.Subject != "Norvale Telecom" {
					t.Errorf("parse=%v: close: subject %q, want Norvale Telecom", mode.Parse, f.Subject)
				}
			case "hurt":
				if f.SubjectID != "" {
					t.Errorf("parse=%v: hurt: it is %q, which may be the plan", mode.Parse, f.Subject)
				}
			case "pay for", "pay": // the tree rules read "pays" with its object, the price
				if f.Subject != "Kestrel Holdings" {
					t.Errorf("parse=%v: %s: subject %q, want Kestrel Holdings", mode.Parse, f.Relation, f.Subject)
				}
				seen["pay"] = true
			}
		}
		for _, rel := range []string{"close", "hurt", "pay"} {
			if !seen[rel] && !(mode.Parse && rel == "hurt") { // the tree rules read no fact two clauses deep
				t.Errorf("parse=%v: no fact with relation %q", mode.Parse, rel)
			}
		}
	}
}

// TestItIsWhoSaysIt: the pronoun that opens what someone said stands for
// the one who said it where it can, not for a name written between them
// ("Asda, which is owned by Walmart, said it would ..."), in both rule sets.
func TestItIsWhoSaysIt(t *testing.T) {
	m := model(t)
	text := "Harbor Networks, which is owned by Castlegate Bank, said it would cut prices. " +
		"Ana Reyes, who advised Lena Ortiz, said she would resign from the board."
	for _, mode := range []Options{{}, {Parse: true}} {
		seen := map[string]bool{}
		for _, f := range m.Facts("d", text, mode) {
			want := map[string]string{"cut": "Harbor Networks", "resign from": "Ana Reyes"}[f.Relation]
			if want == "" {
				continue
			}
			seen[f.Relation] = true
			if f.Subject != want {
				t.Errorf("parse=%v: %s: subject %q, want %q", mode.Parse, f.Relation, f.Subject, want)
			}
		}
		if len(seen) != 2 {
			t.Errorf("parse=%v: facts with relations cut and resign from: only %v", mode.Parse, seen)
		}
	}
}

// TestSuccession: the one a sentence appoints replaces the one before, not
// the one who appoints; "according to" says who says so and gives no fact;
// in both rule sets.
func TestSuccession(t *testing.T) {
	m := model(t)
	text := "Castlegate Bank named Dana Hale as its chair on Monday, replacing Omar Reid, according to people familiar with the matter."
	for _, mode := range []Options{{}, {Parse: true}} {
		got := triples(m.Facts("d", text, mode))
		if !has(got, triple{"Dana Hale", "replace", "Omar Reid", false}) || has(got, triple{"Castlegate Bank", "replace", "Omar Reid", false}) {
			t.Errorf("parse=%v: want Dana Hale - replace - Omar Reid, got %+v", mode.Parse, got)
		}
		for _, f := range got {
			if f.relation == "accord to" {
				t.Errorf("parse=%v: %+v", mode.Parse, f)
			}
		}
	}
}

// TestCompanyIsNoTitledPerson: a name a person's title is given is a
// person's, which "the company" never stands for, however unknown the
// name; a capital that opens the sentence and says something is a name
// "the company" may stand for.
func TestCompanyIsNoTitledPerson(t *testing.T) {
	m := model(t)
	text := "Brightwater said that its chief executive, Matthias Mueller, would step down next year. The company did not name a successor."
	for _, mode := range []Options{{}, {Parse: true}} {
		found := false
		for _, f := range m.Facts("d", text, mode) {
			if f.Relation != "name" {
				continue
			}
			found = true
			if f.Subject == "Matthias Mueller" {
				t.Errorf("parse=%v: the company is the chief executive, Matthias Mueller", mode.Parse)
			}
			if mode.Parse && f.Subject != "Brightwater" {
				t.Errorf("parse=%v: the company is %q, want Brightwater", mode.Parse, f.Subject)
			}
		}
		if !found {
			t.Errorf("parse=%v: no fact with relation name", mode.Parse)
		}
	}
}

// TestCompanyPrefersAnOrganisation: "the company" is the organisation its
// sentence names, not a name of no known type written after it.
func TestCompanyPrefersAnOrganisation(t *testing.T) {
	m := model(t)
	for _, mode := range []Options{{}, {Parse: true}} {
		text := "Kestrel Holdings helped Marlowe avoid the tariffs. The company sells timber in Peru."
		found := false
		for _, f := range m.Facts("d", text, mode) {
			if f.Relation == "sell" {
				found = true
				if f.Subject != "Kestrel Holdings" {
					t.Errorf("parse=%v: the company is %q, want Kestrel Holdings", mode.Parse, f.Subject)
				}
			}
		}
		if !found {
			t.Errorf("parse=%v: no fact with relation sell", mode.Parse)
		}
	}
}

// TestShortForms: a short form merges with the one full name it fits, and
// stays apart where it fits two.
func TestShortForms(t *testing.T) {
	for _, tt := range []struct {
		short, full string
		person      bool
		want        bool
	}{
		{"Trump", "Donald Trump", true, true},
		{"Xi", "Xi Jinping", true, true},
		{"Trump", "Trump administration", false, false},
		{"Commerce", "Commerce Department", false, true},
		{"FCC", "Federal Communications Commission", false, true},
		{"Department of Commerce", "Commerce Department", false, true},
		{"Park", "Harbor Park", false, false},
		{"officials", "Commerce officials", false, false},
	} {
		if got := shortFormOf(tt.short, tt.full, tt.person); got != tt.want {
			t.Errorf("shortFormOf(%q, %q): got %v, want %v", tt.short, tt.full, got, tt.want)
		}
	}
	// Two people share a surname: "Park" stays apart from both.
	ms := []mentionOf{{name: "Elena Park", typ: schema.Person, person: true}, {name: "David Park", typ: schema.Person, person: true},
		{name: "Park", person: false}}
	if c := cluster(ms); c["Park"].name != "Park" {
		t.Errorf("Park joined %q, want it apart from two people named Park", c["Park"].name)
	}
	// A surname known to be a person's joins the one full name it ends,
	// however unknown its first name; not a firm it opens.
	ms = []mentionOf{{name: "Robyn Denholm"}, {name: "Denholm", typ: schema.Person, person: true}}
	if c := cluster(ms); c["Denholm"].name != "Robyn Denholm" || c["Robyn Denholm"].typ != schema.Person {
		t.Errorf("Denholm, a person, is %q (%s), want Robyn Denholm (PERSON)", c["Denholm"].name, c["Robyn Denholm"].typ)
	}
	ms = []mentionOf{{name: "Denholm Marine"}, {name: "Denholm", typ: schema.Person, person: true}}
	if c := cluster(ms); c["Denholm"].name != "Denholm" {
		t.Errorf("Denholm, a person, joined %q", c["Denholm"].name)
	}
}

func TestLines(t *testing.T) {
	m := model(t)
	text := "The bank froze the accounts. The court fined the bank\n\n  Regulators praised the court.\n"
	split := m.Sentences(text, Options{})
	lines := m.Sentences(text, Options{Lines: true})
	if len(lines) != 2 {
		t.Fatalf("--lines: got %d sentences, want 2", len(lines))
	}
	if lines[1].Text != "Regulators praised the court." || lines[1].Index != 1 {
		t.Errorf("--lines: got sentence %d %q", lines[1].Index, lines[1].Text)
	}
	if len(split) != 3 {
		t.Errorf("split: got %d sentences, want 3", len(split))
	}
}

func TestLemma(t *testing.T) {
	m := model(t)
	tests := []struct{ word, tag, want string }{
		{"penalized", "VBD", "penalize"}, {"practicing", "VBG", "practice"}, {"subtitled", "VBD", "subtitle"}, {"invited", "VBD", "invite"}, {"arranged", "VBD", "arrange"}, {"challenged", "VBD", "challenge"}, {"plunged", "VBD", "plunge"}, {"banged", "VBD", "bang"}, {"quoted", "VBD", "quote"}, {"computed", "VBD", "compute"}, {"deleted", "VBD", "delete"}, {"visited", "VBD", "visit"}, {"budgeted", "VBD", "budget"}, {"handling", "VBG", "handle"}, {"noticed", "VBD", "notice"}, {"halted", "VBD", "halt"}, {"barred", "VBD", "bar"},
		{"stopped", "VBN", "stop"}, {"tweeted", "VBD", "tweet"}, {"violated", "VBN", "violate"},
		{"proposed", "VBN", "propose"}, {"downgraded", "VBD", "downgrade"}, {"visited", "VBD", "visit"},
		{"fined", "VBN", "fine"}, {"tied", "VBD", "tie"}, {"carried", "VBD", "carry"}, {"added", "VBD", "add"},
		{"was", "VBD", "be"}, {"been", "VBN", "be"}, {"is", "VBZ", "be"}, {"has", "VBZ", "have"},
		{"froze", "VBD", "freeze"}, {"sought", "VBD", "seek"}, {"led", "VBD", "lead"}, {"left", "VBN", "leave"},
		{"relies", "VBZ", "rely"}, {"pushes", "VBZ", "push"}, {"uses", "VBZ", "use"}, {"goes", "VBZ", "go"},
		{"stealing", "VBG", "steal"}, {"making", "VBG", "make"}, {"stopping", "VBG", "stop"}, {"dying", "VBG", "die"},
		{"briefed", "VBP", "brief"}, {"Pledged", "VBD", "pledge"}, {"shared", "VBD", "share"}, {"required", "VBN", "require"},
		{"ensured", "VBD", "ensure"}, {"cleared", "VBD", "clear"}, {"repaired", "VBD", "repair"}, {"offered", "VBD", "offer"},
		{"controlled", "VBD", "control"}, {"called", "VBD", "call"}, {"passed", "VBD", "pass"}, {"filling", "VBG", "fill"},
	}
	for _, tt := range tests {
		if got := m.lemma.verb(tt.word, tt.tag); got != tt.want {
			t.Errorf("verb(%q, %s): got %q, want %q", tt.word, tt.tag, got, tt.want)
		}
	}
}

// TestRepeatedWordKeepsItsTag guards against prose's shared-token bug at the
// level of facts: "plan" is a verb and then a noun in the same sentence, and
// prose tagged both as nouns.
func TestRepeatedWordKeepsItsTag(t *testing.T) {
	m := model(t)
	got := triples(m.Facts("t", "Officials said the regulators plan to present the plan on Friday.", Options{}))
	if want := (triple{"regulators", "plan to present", "plan", false}); !has(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestGolden compares the extraction of the bundled example article with the
// recorded output. Run with -update after a deliberate change, and read the
// diff: it is the change in what users get.
func TestGolden(t *testing.T) {
	m := model(t)
	text, err := os.ReadFile("../examples/harbor-sanctions.txt")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, f := range m.Facts("harbor-sanctions.txt", string(text), Options{}) {
		if err := enc.Encode(f); err != nil {
			t.Fatal(err)
		}
	}
	golden := "testdata/harbor-sanctions.jsonl"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		gotLines, wantLines := strings.Split(buf.String(), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gotLines) || i < len(wantLines); i++ {
			var g, w string
			if i < len(gotLines) {
				g = gotLines[i]
			}
			if i < len(wantLines) {
				w = wantLines[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\ngot  %s\nwant %s\n(go test ./extract -run Golden -update to accept)", golden, i+1, g, w)
			}
		}
	}
}

// FuzzFacts: whatever the text, no panic, valid UTF-8 out, spans inside the
// sentence, by the chunk rules and by the tree rules.
func FuzzFacts(f *testing.F) {
	for _, s := range []string{"The bank froze the accounts.", "", "\xff\xfe", "It was. By the. \"Quote\" said he",
		"A, B and C were fined by D of E's F.", "n't 's 've ... -- $ % 3.55"} {
		f.Add(s)
	}
	m := model(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, opts := range []Options{{}, {Lines: true}, {Parse: true}} {
			for _, fact := range m.Facts("fuzz", text, opts) {
				for _, s := range []string{fact.Subject, fact.Relation, fact.Object, fact.Sentence} {
					if !utf8.ValidString(s) && utf8.ValidString(text) {
						t.Errorf("invalid UTF-8 out of valid input: %q", s)
					}
				}
				for _, span := range []string{fact.Text.Subject, fact.Text.Relation, fact.Text.Object} {
					if !strings.Contains(fact.Sentence, span) {
						t.Errorf("span %q is not in sentence %q", span, fact.Sentence)
					}
				}
				if !strings.Contains(text, fact.Sentence) {
					t.Errorf("sentence %q is not in the text", fact.Sentence)
				}
			}
		}
	})
}

// TestConditions: a clause that "if", "whether" or "unless" opens states
// no fact; its facts, and those of the verbs coordinated with its verb,
// carry the word as their modality.
func TestConditions(t *testing.T) {
	m := model(t)
	for _, s := range []string{
		"It was not clear if the ministers had read the report or consulted the lawyers.",
		"Analysts asked whether the ministers had read the report or consulted the lawyers.",
	} {
		var n int
		for _, f := range m.Facts("t", s, Options{}) {
			if f.Subject != "ministers" {
				continue
			}
			n++
			if f.Modality != "if" && f.Modality != "whether" {
				t.Errorf("%q: %s - %s - %s has modality %q, want the condition's word", s, f.Subject, f.Relation, f.Object, f.Modality)
			}
		}
		if n < 2 {
			t.Errorf("%q: %d facts of the ministers, want both verbs'", s, n)
		}
	}
}
