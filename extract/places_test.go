package extract

import (
	"slices"
	"testing"

	"github.com/kgraph/kg/carb"
	"github.com/kgraph/kg/schema"
)

// TestQualifierFacts checks that the entities a fact's qualifiers name
// become facts of their own, attached to the verb they qualify, and that
// phrases that qualify a noun give nothing.
func TestQualifierFacts(t *testing.T) {
	m := model(t)
	tests := []factCase{
		{"Norvale Telecom sold routers to Iran and Syria.",
			[]triple{{"Norvale Telecom", "sell", "routers", false}, {"Norvale Telecom", "sell to", "Iran", false},
				{"Norvale Telecom", "sell to", "Syria", false}}, nil},
		{"Norvale Telecom broke the rules in selling radios to Cuba.",
			[]triple{{"Norvale Telecom", "sell to", "Cuba", false}}, []triple{{"Norvale Telecom", "break to", "Cuba", false}}},
		{"The ministry fined Norvale Telecom for shipping radios to Cuba.",
			[]triple{{"Norvale Telecom", "ship to", "Cuba", false}}, []triple{{"ministry", "ship to", "Cuba", false}}},
		{"Norvale Telecom opened an office in Geneva on Monday.", []triple{{"Norvale Telecom", "open in", "Geneva", false}}, nil},
		// "Place, Larger Place" only where the second can be one.
		{"On his way to study abroad in Asia, Kasimir joined a tour to Peru.", []triple{{"Kasimir", "join", "tour", false}},
			[]triple{{"Asia", "be in", "Kasimir", false}}},
		{"In 2013, while caring for civilians in Syria, Kasimir was kidnapped.", nil,
			[]triple{{"Syria", "be in", "Kasimir", false}}},
		{"The mill in Tacoma, Washington closed.", []triple{{"Tacoma", "be in", "Washington", false}}, nil},
		{"Children learn names like Wyatt Earp, Davy Crockett, and Annie Oakley.", nil,
			[]triple{{"Wyatt Earp", "be in", "Davy Crockett", false}}},
		{"Prior to the war, he was a lawyer in Hillsborough, North Carolina, and was a judge.",
			[]triple{{"Hillsborough", "be in", "North Carolina", false}}, nil},
		{"The announcement produced strong reactions in the U. S. of both approval and disapproval.",
			[]triple{{"announcement", "produce in", "United States", false}}, []triple{{"announcement", "produce in", "U. S", false}}},
		{"The ministry did not sign the accord with Norvale Telecom.",
			[]triple{{"ministry", "sign accord with", "Norvale Telecom", true}}, []triple{{"ministry", "sign with", "Norvale Telecom", true}}},
		// Phrases that qualify a noun: "exports by", "shares of", and one
		// after another phrase ("over shipments to").
		{"The regulator blocked exports by Norvale Telecom.", nil,
			[]triple{{"regulator", "block by", "Norvale Telecom", false}}},
		{"The fund bought shares of Norvale Telecom.", nil, []triple{{"fund", "buy of", "Norvale Telecom", false}}},
		{"The ministry fined the firm over shipments to Cuba.", nil, []triple{{"ministry", "fine to", "Cuba", false}}},
		// A "with" phrase after a noun of dealings is the noun's, and the
		// relation keeps the noun.
		{"The ministry fined the firm for breaking a settlement with Norvale Telecom.",
			[]triple{{"firm", "break settlement with", "Norvale Telecom", false}}, []triple{{"firm", "break with", "Norvale Telecom", false}}},
		{"Norvale Telecom shared the data with Valoria.", []triple{{"Norvale Telecom", "share with", "Valoria", false}}, nil},
		// A time is no entity.
		{"The ministry fined the firm in March.", nil, []triple{{"ministry", "fine in", "March", false}}},
	}
	for _, tt := range tests {
		facts := wantFacts(t, m, tt.sentence, tt.want, tt.not)
		for _, f := range facts {
			if f.Derived && carb.Scored(f) {
				t.Errorf("%q: derived fact %v is scored by CaRB", tt.sentence, f)
			}
			if f.Derived && f.Text.Relation == "" {
				t.Errorf("%q: derived fact %s - %s - %s keeps no words of its relation", tt.sentence, f.Subject, f.Relation, f.Object)
			}
		}
	}
}

// TestTreePlaceWithLargerPlace: the tree rules end a place at its first
// name ("in Galway, Ireland"); the fact the phrase gives names that place.
func TestTreePlaceWithLargerPlace(t *testing.T) {
	m := model(t)
	got := triples(m.Facts("t", "Dunmore Mills, based in Galway, Ireland, makes cloth.", Options{Lines: true, Parse: true}))
	for _, w := range []triple{{"Dunmore Mills", "be based in", "Galway", false}, {"Galway", "be in", "Ireland", false}} {
		if !has(got, w) {
			t.Errorf("no %v in %v", w, got)
		}
	}
}

// TestTreeQualifierAfterTime: a time the tree rules read between the
// subject and the verb is no phrase that the object's phrase follows.
func TestTreeQualifierAfterTime(t *testing.T) {
	m := model(t)
	got := triples(m.Facts("t", "The ministry on Monday imposed a ban on Alder Systems.", Options{Lines: true, Parse: true}))
	if w := (triple{"ministry", "impose on", "Alder Systems", false}); !has(got, w) {
		t.Errorf("no %v in %v", w, got)
	}
}

// TestNationalities checks that a country named inside a noun phrase (a
// demonym or the country's own name) links the phrase's entity to it, that
// every spelling of a country is one node, and that a place inside a proper
// name or an indefinite description gives nothing.
func TestNationalities(t *testing.T) {
	m := model(t)
	tests := []factCase{
		{"Chinese President Li Wen met Canadian officials.",
			[]triple{{"Li Wen", "president of", "China", false}, {"Canadian officials", "of", "Canada", false}}, nil},
		{"The U.S. government fined Norvale Telecom.",
			[]triple{{"U.S. government", "of", "United States", false}}, nil},
		{"Regulators fined Swedish carrier Norvale Telecom.",
			[]triple{{"Norvale Telecom", "of", "Sweden", false}}, nil},
		{"Norvale Telecom sold radios in the U.S. last year.",
			[]triple{{"Norvale Telecom", "sell in", "United States", false}}, nil},
		{"The Washington Herald interviewed a Canadian maker of radios.", nil,
			[]triple{{"Washington Herald", "of", "Washington", false}, {"Canadian maker", "of", "Canada", false}}},
		{"German sales rose.", nil, []triple{{"German sales", "of", "Germany", false}}},
		{"Kestrel Holdings, a Scottish boat maker, hired 30 people.",
			[]triple{{"Kestrel Holdings", "of", "Scotland", false}}, nil},
		{"Ana Reyes, a Canadian economist, spoke.", nil, []triple{{"Ana Reyes", "of", "Canada", false}}},
		{"U.S. District Judge Ana Reyes ruled on Monday.", nil, []triple{{"Ana Reyes", "of", "United States", false}}},
		{"The Union of American Republics sent monitors.", nil, []triple{{"American Republics", "of", "United States", false}}},
		{"Congress should pass the Canadian Jobs Plan and the Canadian Reciprocal Trade Act this year.", nil,
			[]triple{{"Canadian Jobs Plan", "of", "Canada", false}, {"Canadian Reciprocal Trade Act", "of", "Canada", false}}},
		{"Regulators said Norway's Fisheries Ministry fined the trawler.",
			[]triple{{"Fisheries Ministry", "fine", "trawler", false}, {"Fisheries Ministry", "of", "Norway", false}},
			[]triple{{"Norway's Fisheries Ministry", "fine", "trawler", false}}},
	}
	for _, tt := range tests {
		facts := wantFacts(t, m, tt.sentence, tt.want, tt.not)
		for _, f := range facts {
			if f.Object == "United States" && (f.ObjectType != schema.GPE || f.ObjectAlias != "U.S.") {
				t.Errorf("%q: United States typed %q with alias %q, want GPE and U.S.", tt.sentence, f.ObjectType, f.ObjectAlias)
			}
		}
	}
}

// TestPronounTakesNearestMention checks that a pronoun refers to the
// compatible mention written nearest before it in its sentence, not to the
// subject of the fact read last, and that a description with a nationality
// ("the Swedish carrier") still resolves.
func TestPronounTakesNearestMention(t *testing.T) {
	m := model(t)
	text := "Norvale Telecom sold radios to Cuba. The ministry fined the Swedish carrier, requiring the firm to " +
		"settle claims that it broke the rules."
	facts := m.Facts("t", text, Options{})
	got := triples(facts)
	for _, w := range []triple{{"ministry", "fine", "Norvale Telecom", false}, {"Norvale Telecom", "break", "rules", false}} {
		if !has(got, w) {
			t.Errorf("no %v in %v", w, got)
		}
	}
	if i := slices.IndexFunc(facts, func(f schema.Fact) bool { return f.Relation == "break" }); i >= 0 && facts[i].Text.Subject != "it" {
		t.Errorf("break: surface subject %q, want it as written", facts[i].Text.Subject)
	}
}

// TestPluralPronounNoPerson: "they" never stands for one person, though the
// person's name ends in "s" and opens the sentence ("Hughes said").
func TestPluralPronounNoPerson(t *testing.T) {
	m := model(t)
	text := "Richard J. Hughes is the Democratic candidate.\nHughes said Monday that the Republicans campaign on what they call Eisenhower Republicanism."
	for _, mode := range []Options{{}, {Parse: true}} {
		for _, f := range m.Facts("t", text, mode) {
			if f.Relation == "call" && f.Subject == "Richard J. Hughes" {
				t.Errorf("parse=%v: they resolved to %s in %s | %s | %s", mode.Parse, f.Subject, f.Subject, f.Relation, f.Object)
			}
		}
	}
}

// TestDoSupport checks that the verb a form of "do" governs is read as a
// verb even where the tagger calls it a noun or an adjective.
func TestDoSupport(t *testing.T) {
	m := model(t)
	for sentence, want := range map[string]triple{
		"The Trade Ministry did not fine Norvale Telecom.": {"Trade Ministry", "fine", "Norvale Telecom", true},
		"The board did approve the merger.":                {"board", "approve", "merger", false},
		"He does good work.":                               {"He", "do", "good work", false},
	} {
		if got := triples(m.Facts("t", sentence, Options{Lines: true})); !has(got, want) {
			t.Errorf("%q: no %v in %v", sentence, want, got)
		}
	}
}

// TestDescriptionsStayOnTheirLine checks that in a file of unrelated
// sentences "the firm" never reaches back to another line.
func TestDescriptionsStayOnTheirLine(t *testing.T) {
	m := model(t)
	for _, f := range m.Facts("t", "Norvale Telecom sold radios.\nThe ministry fined the firm.\n", Options{Lines: true}) {
		if f.Object == "Norvale Telecom" {
			t.Errorf("the firm resolved across lines: %s - %s - %s", f.Subject, f.Relation, f.Object)
		}
	}
}

// TestInsertionsAndTitles checks that a writer's bracketed insertions read
// as part of the sentence, and that a title after the body it serves
// leaves the person's name: "[Commerce] Secretary [Wilbur] Ross".
func TestInsertionsAndTitles(t *testing.T) {
	m := model(t)
	facts := m.Facts("t", "President Hale expects [Trade] Secretary [Ann] Cole to settle the case.", Options{Lines: true})
	got := triples(facts)
	if !has(got, triple{"Hale", "expect", "Ann Cole", false}) {
		t.Errorf("no Hale - expect - Ann Cole in %v", got)
	}
	for _, f := range facts {
		if f.Object == "Ann Cole" && f.ObjectType != schema.Person {
			t.Errorf("Ann Cole typed %q, want PERSON", f.ObjectType)
		}
	}
	got = triples(m.Facts("t", "General Motors hired Chief Executive Mary Barra.", Options{Lines: true}))
	if !has(got, triple{"General Motors", "hire", "Mary Barra", false}) {
		t.Errorf("no General Motors - hire - Mary Barra in %v", got)
	}
}

// factCase is a sentence with the facts it must give and those it must not.
type factCase struct {
	sentence  string
	want, not []triple
}

// wantFacts extracts the facts of one sentence, reports the wanted ones it
// lacks and the unwanted ones it has, and returns them.
func wantFacts(t *testing.T, m *Model, sentence string, want, not []triple) []schema.Fact {
	t.Helper()
	facts := m.Facts("t", sentence, Options{Lines: true})
	got := triples(facts)
	for _, w := range want {
		if !has(got, w) {
			t.Errorf("%q: no %v in %v", sentence, w, got)
		}
	}
	for _, n := range not {
		if has(got, n) {
			t.Errorf("%q: unwanted %v", sentence, n)
		}
	}
	return facts
}

// TestRolesAreNoEntities checks that the title a person holds is read as a
// fact but is no node of the graph: "President" would link every president
// to every other.
func TestRolesAreNoEntities(t *testing.T) {
	m := model(t)
	facts := wantFacts(t, m, "Senator Ana Reyes met President Li Wen.", []triple{
		{"Ana Reyes", "be", "Senator", false}, {"Li Wen", "be", "President", false}, {"Ana Reyes", "meet", "Li Wen", false}}, nil)
	for _, f := range facts {
		if f.Relation == "be" && f.ObjectID != "" {
			t.Errorf("%s - be - %s: object ID %q, want none", f.Subject, f.Object, f.ObjectID)
		}
	}
}
