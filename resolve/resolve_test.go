package resolve

import (
	"slices"
	"testing"

	"github.com/kgraph/kg/schema"
)

// f builds a fact of sentence s whose arguments are entities (empty type:
// untyped), as extraction gives them.
func f(s int, subj, st, rel, obj, ot string) schema.Fact {
	x := schema.Fact{Subject: subj, SubjectType: st, Relation: rel, Object: obj, ObjectType: ot, SentenceIndex: s,
		Text: schema.Surface{Subject: subj, Relation: rel, Object: obj}, SubjectAlias: subj, ObjectAlias: obj}
	x.SubjectID, x.ObjectID = schema.EntityID(subj), schema.EntityID(obj)
	return x
}

// implied is an apposition: a fact with no verb of its own.
func implied(x schema.Fact) schema.Fact { x.Text.Relation = ""; return x }

// title is a title given a person ("Commerce Secretary Wilbur Ross"), which
// extraction gives as a fact whose object is no entity.
func title(x schema.Fact) schema.Fact { x = implied(x); x.ObjectID = ""; return x }

// its writes a fact's subject after "Its", as in "Its chairman, Robert Ainsley".
func its(x schema.Fact) schema.Fact { x.Text.Subject = "Its " + x.Text.Subject; return x }

// his writes a fact's subject after "His", as in "His adviser, Liu He".
func his(x schema.Fact) schema.Fact { x.Text.Subject = "His " + x.Text.Subject; return x }

// edges returns the facts the graph keeps, as "subject (type) - relation - object (type)".
func edges(facts []schema.Fact) map[string]bool {
	out := map[string]bool{}
	for _, x := range facts {
		if x.SubjectID != "" && x.ObjectID != "" {
			out[x.Subject+" ("+x.SubjectType+") - "+x.Relation+" - "+x.Object+" ("+x.ObjectType+")"] = true
		}
	}
	return out
}

func TestDocument(t *testing.T) {
	for _, tc := range []struct {
		name  string
		facts []schema.Fact
		want  []string // edges that must be kept
		not   []string // edges that must not
	}{
		{
			name:  "amounts and generic nouns are no nodes",
			facts: []schema.Fact{f(0, "ZTE", "ORG", "pay", "$1.19 billion", "MONEY"), f(1, "Beijing", "GPE", "respond in", "kind", ""), f(2, "two people", "", "brief on", "discussion", "")},
			not:   []string{"ZTE (ORG) - pay - $1.19 billion (MONEY)", "Beijing (GPE) - respond in - kind ()"},
		},
		{
			name:  "an honorific alone names nobody",
			facts: []schema.Fact{f(0, "Mr.", "", "attend in", "Managua", "GPE"), f(0, "Daniel Ortega", "PERSON", "attend in", "Managua", "GPE")},
			want:  []string{"Daniel Ortega (PERSON) - attend in - Managua (GPE)"},
			not:   []string{"Mr. () - attend in - Managua (GPE)"},
		},
		{
			name: "what was said is no entity",
			facts: []schema.Fact{f(0, "Holloway Bank", "ORG", "say", "Peter Brandt", "PERSON"),
				f(1, "Peter Brandt", "PERSON", "tell", "Lena Ortiz", "PERSON")},
			want: []string{"Peter Brandt (PERSON) - tell - Lena Ortiz (PERSON)"},
			not:  []string{"Holloway Bank (ORG) - say - Peter Brandt (PERSON)"},
		},
		{
			name:  "a term is a concept",
			facts: []schema.Fact{f(0, "Arden Aerospace Corp", "", "make", "radar systems", "")},
			want:  []string{"Arden Aerospace Corp (ORG) - make - radar systems (CONCEPT)"},
		},
		{
			name:  "an amount of a thing is a value on the fact",
			facts: []schema.Fact{f(0, "Keller Automotive GmbH", "", "own", "60 percent of Norkel Systems", "PERCENT")},
			want:  []string{"Keller Automotive GmbH (ORG) - own - Norkel Systems (ORG)"},
		},
		{
			name: "a title with its body",
			facts: []schema.Fact{f(0, "Commerce Department", "ORG", "penalize", "ZTE", "ORG"),
				title(f(1, "Wilbur Ross", "PERSON", "be", "Commerce Secretary", ""))},
			want: []string{"Wilbur Ross (PERSON) - secretary of - Commerce Department (ORG)"},
		},
		{
			name: "a title of several words opens at its first",
			facts: []schema.Fact{f(0, "Castlegate Bank", "ORG", "fine", "Holloway Bank", "ORG"),
				title(f(1, "Dana Hale", "PERSON", "be", "Castlegate Bank Chief Executive", "")),
				title(f(2, "Omar Reid", "PERSON", "be", "Holloway Bank General Counsel", ""))},
			want: []string{"Dana Hale (PERSON) - chief executive of - Castlegate Bank (ORG)",
				"Omar Reid (PERSON) - general counsel of - Holloway Bank (ORG)"},
			not: []string{"Dana Hale (PERSON) - executive of - Castlegate Bank Chief (ORG)"},
		},
		{
			name: "a description's title names a body the text named before, never after",
			facts: []schema.Fact{f(0, "Castlegate Partners", "ORG", "pay", "fine", ""),
				implied(f(1, "bank's chief executive", "", "be", "Dana Hale", "PERSON")),
				f(2, "regulator", "", "fine", "Holloway Bank", "ORG")},
			not: []string{"Dana Hale (PERSON) - chief executive of - Holloway Bank (ORG)"},
		},
		{
			name:  "a title of a body",
			facts: []schema.Fact{title(f(0, "Daniel Yergin", "", "be", "director of Cambridge Energy Research Associates", ""))},
			want:  []string{"Daniel Yergin (PERSON) - director of - Cambridge Energy Research Associates (ORG)"},
		},
		{
			name:  "a title for a body",
			facts: []schema.Fact{implied(f(0, "spokesman for Kestrel Holdings", "", "be", "Michael Dunne", "PERSON"))},
			want:  []string{"Michael Dunne (PERSON) - spokesman for - Kestrel Holdings (ORG)"},
		},
		{
			name:  "a person of a firm",
			facts: []schema.Fact{f(0, "Mlotok of Salomon Brothers", "", "say", "prices", "")},
			want:  []string{"Mlotok (PERSON) - work for - Salomon Brothers (ORG)"},
		},
		{
			name:  "a pronoun coreference left has no role",
			facts: []schema.Fact{title(f(0, "He", "", "be", "member of the Oakland City Methodist Church", ""))},
			not:   []string{"He (PERSON) - member of - Oakland City Methodist Church (ORG)"},
		},
		{
			name: "a letter or a month written short names nothing",
			facts: []schema.Fact{f(0, "George Stepanovich", "PERSON", "give up", "A", ""), f(1, "Jack Martin", "PERSON", "sell", "J.", ""),
				f(2, "Ivan Allen", "PERSON", "become candidate in", "Sept", "")},
			not: []string{"George Stepanovich (PERSON) - give up - A ()", "Jack Martin (PERSON) - sell - J. ()",
				"Ivan Allen (PERSON) - become candidate in - Sept ()"},
		},
		{
			name:  "an address after a person's name is no part of it",
			facts: []schema.Fact{f(0, "Bernard Parrillo, of 19 Fletcher Ave., Cranston", "", "be admitted to", "Roger Williams Hospital", "ORG")},
			want:  []string{"Bernard Parrillo (PERSON) - be admitted to - Roger Williams Hospital (ORG)"},
		},
		{
			name:  "a comma before a person's of is no part of the name",
			facts: []schema.Fact{f(0, "Col. Clifton Lisle, of Chester Springs", "", "head", "Troop Committee", "ORG")},
			want:  []string{"Col. Clifton Lisle (PERSON) - head - Troop Committee (ORG)"},
			not:   []string{"Col. Clifton Lisle, (PERSON) - head - Troop Committee (ORG)"},
		},
		{
			name: "only an organisation's name after a person's of is an employer",
			facts: []schema.Fact{f(0, "Charles Givens of Mount Vernon", "", "breed", "Walking Horses", ""),
				f(1, "Syria", "GPE", "follow", "First Battle of Mount Hermon", ""),
				f(2, "Ana Reyes of Kestrel Holdings", "", "say", "Morrow Bank", "ORG")},
			want: []string{"Charles Givens (PERSON) - breed - Walking Horses ()", "Ana Reyes (PERSON) - work for - Kestrel Holdings (ORG)"},
			not:  []string{"Charles Givens (PERSON) - work for - Mount Vernon (ORG)", "First Battle (PERSON) - work for - Mount Hermon (ORG)"},
		},
		{
			name:  "a person of a town works for nobody there",
			facts: []schema.Fact{f(0, "John Nyberg of Tualatin", "", "win", "Hillsboro Fair", "ORG")},
			want:  []string{"John Nyberg (PERSON) - win - Hillsboro Fair (ORG)"},
			not:   []string{"John Nyberg (PERSON) - work for - Tualatin (ORG)"},
		},
		{
			name:  "a name of two words joined by of is nobody's employer",
			facts: []schema.Fact{f(0, "font", "", "contain", "Star of David", "")},
			not:   []string{"Star (PERSON) - work for - David (ORG)"},
		},
		{
			name: "its title",
			facts: []schema.Fact{f(0, "Castlegate Bank", "ORG", "fine", "Holloway Bank", "ORG"),
				its(implied(f(1, "chairman", "", "be", "Robert Ainsley", "")))},
			want: []string{"Robert Ainsley (PERSON) - chairman of - Castlegate Bank (ORG)"},
		},
		{
			name: "his title",
			facts: []schema.Fact{f(0, "Xi Jinping", "PERSON", "meet", "Donald Trump", "PERSON"),
				his(implied(f(1, "top economic adviser", "", "be", "Liu He", "")))},
			want: []string{"Liu He (PERSON) - top economic adviser of - Xi Jinping (PERSON)"},
		},
		{
			name: "his title, with no person before",
			facts: []schema.Fact{f(0, "Castlegate Bank", "ORG", "fine", "Holloway Bank", "ORG"),
				his(implied(f(1, "adviser", "", "be", "Liu He", "")))},
			not: []string{"Liu He (PERSON) - adviser of - Castlegate Bank (ORG)", "Liu He (PERSON) - adviser of - Castlegate Bank (PERSON)"},
		},
		{
			name: "short forms and abbreviations join the full name",
			facts: []schema.Fact{f(0, "Halvorsen Foods Inc", "", "buy", "Pine Ridge Dairy Co", ""),
				f(1, "Pine Ridge", "", "hire", "Meridian Health Partners Inc", ""), f(2, "MHP", "ORG", "advise", "Halvorsen", "")},
			want: []string{"Pine Ridge Dairy Co (ORG) - hire - Meridian Health Partners Inc (ORG)",
				"Meridian Health Partners Inc (ORG) - advise - Halvorsen Foods Inc (ORG)"},
			not: []string{"Pine Ridge () - hire - Meridian Health Partners Inc (ORG)"},
		},
		{
			name:  "a short form that fits two names stays",
			facts: []schema.Fact{f(0, "Pine Ridge Dairy Co", "", "sue", "Pine Ridge Bank", ""), f(1, "Pine Ridge", "", "hire", "Alder Systems", "")},
			not:   []string{"Pine Ridge Dairy Co (ORG) - hire - Alder Systems (ORG)", "Pine Ridge Bank (ORG) - hire - Alder Systems (ORG)"},
		},
		{
			name:  "a name given by itself: based in",
			facts: []schema.Fact{implied(f(0, "Volkov Shipping", "", "be", "Cyprus-based tanker operator", ""))},
			want:  []string{"Volkov Shipping (ORG) - be based in - Cyprus (GPE)"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := edges(Document(tc.facts, Options{}))
			for _, w := range tc.want {
				if !got[w] {
					t.Errorf("no %q in %v", w, got)
				}
			}
			for _, w := range tc.not {
				if got[w] {
					t.Errorf("%q in %v", w, got)
				}
			}
		})
	}
}

// TestJoinAlias: a join keeps the name as written as the fact's alias, so
// that kg entities shows it and kg split can undo it.
func TestJoinAlias(t *testing.T) {
	out := Document([]schema.Fact{f(0, "Xi Jinping", "PERSON", "lead", "China", "GPE"), f(1, "Xi", "", "meet", "Donald Trump", "PERSON")}, Options{})
	for _, x := range out {
		if x.SentenceIndex == 1 && (x.Subject != "Xi Jinping" || x.SubjectAlias != "Xi") {
			t.Errorf("got %q (alias %q), want Xi Jinping (alias Xi)", x.Subject, x.SubjectAlias)
		}
	}
}

func FuzzDocument(fz *testing.F) {
	fz.Add("Mlotok of Salomon Brothers", "be", "its chief executive of the firm")
	fz.Add("SEC spokeswoman", "be", "'s")
	fz.Fuzz(func(t *testing.T, subj, rel, obj string) {
		facts := []schema.Fact{f(0, subj, "", rel, obj, ""), implied(f(0, obj, "", "be", subj, ""))}
		for _, x := range Document(facts, Options{}) {
			if x.SubjectID != "" && x.SubjectID != schema.EntityID(x.Subject) || x.ObjectID != "" && x.ObjectID != schema.EntityID(x.Object) {
				t.Errorf("an ID that is not its name's: %+v", x)
			}
		}
	})
}

// TestMoreThan: "more robusta" is robusta, but "more than $115,000" is an
// amount, not "than $115,000".
func TestMoreThan(t *testing.T) {
	facts := Document([]schema.Fact{f(0, "Rauma Mills", "ORG", "spend", "more than $115,000", "MONEY"),
		f(1, "Norvale Trading", "ORG", "sell", "more robusta", "")}, Options{})
	var got []string
	for _, x := range facts {
		got = append(got, x.Object)
	}
	if !slices.Contains(got, "more than $115,000") || !slices.Contains(got, "robusta") {
		t.Errorf("objects %q, want \"more than $115,000\" and \"robusta\"", got)
	}
}

// TestUnitsNameNothing: a unit ("miles", "tons") or an amount ("trillions
// of dollars") the text comes back to is no concept node, though a name
// that is the same word ("Miles") is one.
func TestUnitsNameNothing(t *testing.T) {
	facts := Document([]schema.Fact{f(0, "cars", "", "line up for", "miles", ""), f(1, "trucks", "", "wait for", "miles", ""),
		f(2, "Miles", "PERSON", "join", "Norvale Trading", "ORG"), f(3, "plan", "", "add", "trillions of dollars", ""),
		f(4, "bill", "", "cost", "trillions of dollars", "")}, Options{})
	for _, x := range facts {
		if (x.Object == "miles" || x.Object == "trillions of dollars") && x.ObjectID != "" {
			t.Errorf("%s | %s | %s: miles is a node (%s)", x.Subject, x.Relation, x.Object, x.ObjectType)
		}
		if x.Subject == "Miles" && x.SubjectID == "" {
			t.Errorf("the person Miles is no node")
		}
	}
}
