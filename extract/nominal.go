package extract

import "strings"

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
		if k+2 < len(cs) && (isWord(toks, cs[k+1], "in") || isWord(toks, cs[k+1], "at")) && cs[k+2].kind == nounPhrase &&
			!isPronounTag(toks[c.start].Tag) && !isTimeNP(toks[c.start:c.end]) && !isTimePhrase(toks[c.start:c.end]) &&
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
