package extract

import (
	"strings"

	"github.com/kgraph/kg/schema"
)

// nominalFacts read the relations a noun phrase states without a verb, as
// CaRB's annotators write them down: a place that locates a thing ("a plant
// in Ostrava" gives plant - be in - Ostrava, "Davidson Township, Sullivan
// County" gives Davidson Township - be in - Sullivan County). They are
// implied facts, scored as such. (Possessives, "Norvale's engineers", were
// tried: annotators write few of them down, and the facts cost precision.)
func nominalFacts(toks []Token, cs []chunk) []rawFact {
	var out []rawFact
	for k, c := range cs {
		if c.kind != nounPhrase {
			continue
		}
		if f, ok := titled(toks, c); ok {
			out = append(out, f)
		}
		if k+2 < len(cs) && (isWord(toks, cs[k+1], "in") || isWord(toks, cs[k+1], "at")) && cs[k+2].kind == nounPhrase &&
			!isPronounTag(toks[c.start].Tag) && !isTimeNP(toks[c.start:c.end]) && !isTimePhrase(toks[c.start:c.end]) &&
			!holdings[strings.ToLower(toks[c.end-1].Text)] && !amount(toks[c.start:c.end]) &&
			kindOf(toks, cs[k+1], cs[k+2]) == qualPlace {
			out = append(out, impliedFact(c, cs[k+2], "be "+strings.ToLower(toks[cs[k+1].start].Text)))
		}
		// mergePlaces joined "Davidson Township, Sullivan County".
		for i := c.start + 1; i < c.end-1; i++ {
			if toks[i].Text == "," {
				if allProper(toks[c.start:i]) && allProper(toks[i+1:c.end]) {
					out = append(out, impliedFact(chunk{nounPhrase, c.start, i}, chunk{nounPhrase, i + 1, c.end}, "be in"))
				}
				break
			}
		}
	}
	return out
}

// amount reports a noun phrase that is a sum or a share ("more than $7
// trillion", "40 percent"): it is spent or owned somewhere, and is no
// thing a place locates.
func amount(np []Token) bool {
	switch entityType(canonical(np), np) {
	case schema.Money, schema.Percent:
		return true
	}
	for _, t := range np {
		switch strings.ToLower(t.Text) {
		case "$", "%", "percent":
			return true
		}
	}
	return false
}

// titled reads the title before a person's name as what the person is:
// "Senator Ana Reyes" gives Ana Reyes - be - Senator, "former Trade
// Secretary Ana Reyes" gives Ana Reyes - be - former Trade Secretary.
// Honorifics ("Mr.", "Dr.") say nothing of the kind.
func titled(toks []Token, c chunk) (rawFact, bool) {
	np := headPart(toks[c.start:c.end])
	start := c.start
	for start < c.start+len(np) && (toks[start].Tag == "DT" || toks[start].Tag == "PRP$") {
		start++
	}
	end := c.start + len(np)
	if end-start < 2 || toks[end-1].Tag == "POS" {
		return rawFact{}, false
	}
	name := canonical(toks[start:end])
	if len(name) == 0 || len(name) >= end-start || &name[len(name)-1] != &toks[end-1] {
		return rawFact{}, false // "U.S." -> "United States" is no title
	}
	for _, t := range name {
		if titles[strings.ToLower(t.Text)] || !isProper(t) {
			return rawFact{}, false // "Prime Minister", "Chief Constable": a title alone
		}
	}
	nameAt := end - len(name)
	title := false
	for _, t := range toks[start:nameAt] {
		switch w := strings.ToLower(t.Text); {
		case w == "," || w == "and":
			return rawFact{}, false
		case w == "mr." || w == "mrs." || w == "ms." || w == "dr." || w == "sir" || w == "lord":
			return rawFact{}, false
		case titles[w] && capitalised(t.Text):
			title = true
		}
	}
	if !title || !capitalised(toks[nameAt-1].Text) {
		return rawFact{}, false
	}
	f := impliedFact(chunk{nounPhrase, nameAt, end}, chunk{nounPhrase, start, nameAt}, "be")
	f.objName = toks[start:nameAt] // the title whole: "Prime Minister", not the entity name "Minister"
	f.role = true
	return f, true
}

func impliedFact(subject, object chunk, relation string) rawFact {
	return rawFact{
		subject:  mention{c: subject},
		object:   mention{c: object},
		relation: relation,
		relFirst: -1,
		segments: 1,
		implied:  true,
	}
}
