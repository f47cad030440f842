package extract

import (
	"slices"
	"strings"

	"github.com/kgraph/kg/schema"
)

// qualifierFacts give the graph the named entities a fact's qualifiers
// point at, as facts of their own: "The company sold routers to Iran and
// North Korea" gives company - sell to - Iran and company - sell to - North
// Korea beside company - sell - routers. A phrase right after the verb and
// its object qualifies the verb. A phrase after a gerund ("in selling
// equipment to Iran") qualifies the gerund, whose subject is the fact's (or,
// after "for", its object's: "fined ZTE for selling"). A phrase after any
// other phrase may qualify that phrase's noun ("shipments to Iran"), so it
// gives nothing. "of" attaches to nouns, so it gives nothing either.
func (m *Model) qualifierFacts(toks []Token, cs []chunk, f rawFact) []rawFact {
	if f.prep || f.flipped || f.clause || f.implied {
		return nil
	}
	var out []rawFact
	for i, q := range f.quals.spans {
		if f.quals.kinds[i] == qualTime {
			continue
		}
		k := chunkAt(cs, q.Start)
		if k < 0 || k+1 >= len(cs) || !(isPrep(toks, cs[k]) || isTo(toks, cs[k])) || cs[k+1].kind != nounPhrase {
			continue
		}
		prep := strings.ToLower(toks[cs[k].start].Text)
		if prep == "of" || prep == "as" || prep == "like" {
			continue
		}
		if prep == "by" && i == 0 && !f.object.objectless {
			continue // "blocked exports by Harbor Networks": the exports'
		}
		rel, subject, first := f.relation, f.subject, f.relFirst
		// a phrase before the verb is not one this phrase follows: "The
		// department on Tuesday imposed sanctions on Volkov Shipping"
		if i > 0 && (f.relFirst < 0 || f.quals.spans[i-1].End > f.relFirst) {
			prev := f.quals.spans[i-1]
			g := chunkAt(cs, prev.Start)
			if g < 0 || g+2 >= len(cs) || cs[g+1].kind != verbGroup || toks[cs[g+1].start].Tag != "VBG" ||
				prev.End != q.Start || f.quals.kinds[i-1] != qualArg {
				continue
			}
			v := toks[cs[g+1].start]
			rel, first = m.lemma.verb(strings.ToLower(v.Text), v.Tag), cs[g+1].start
			switch strings.ToLower(toks[cs[g].start].Text) {
			case "for":
				if f.object.objectless {
					break
				}
				subject = f.object
			case "in", "by", "after", "before", "while", "when", "without", "despite":
			default:
				continue
			}
		}
		for _, o := range withConjuncts(toks, cs, k+1) {
			if o.c.end > q.End && o.c.start < q.End && q.End < len(toks) && toks[q.End].Text == "," {
				// the tree rules end "in Tucson, Arizona" at Tucson; the
				// chunk names both places
				o.c.end = q.End
			}
			if o.c.end > q.End || !namesEntity(toks[o.c.start:o.c.end]) {
				continue
			}
			d := f
			d.negated = f.negated || deniedObject(toks, f) // "had no sales in China"
			d.subject, d.object = subject, mention{c: o.c}
			d.relation = rel + " " + prep
			if cs[k].start > 0 && ((prep == "with" || prep == "between") && dealings[strings.ToLower(toks[cs[k].start-1].Text)] ||
				prep == "in" && holdings[strings.ToLower(toks[cs[k].start-1].Text)]) {
				noun := strings.ToLower(toks[cs[k].start-1].Text)
				// "violating a settlement with the government": the
				// phrase is the settlement's, and the relation says so
				d.relation = rel + " " + noun + " " + prep
			} else if copular[rel] && !f.object.objectless && f.object.c.end == q.Start && i == 0 &&
				isCommonNoun(toks[f.object.c.end-1]) {
				// "became district manager for Macwhyte Co.": what the
				// subject became is the relation's, or it says only
				// "become for"
				d.relation = rel + " " + strings.ToLower(toks[f.object.c.end-1].Text) + " " + prep
			}
			// Its words run from the verb to the preposition: "shipping
			// routers to".
			d.relFirst, d.relLast = first, cs[k].start
			if cs[k].start < first {
				// A phrase that opens the sentence: "In Ottawa, officials met".
				d.relFirst, d.relLast = cs[k].start, f.relLast
			}
			d.quals = quals{}
			d.derived = true
			d.main = false
			out = append(out, d)
		}
	}
	return out
}

// dealings are nouns of what two parties have with each other: a "with" or
// "between" phrase after one is its complement ("a settlement with the
// government", "talks between the parties"), not the verb's, so the fact
// it gives keeps the noun in its relation ("violate settlement with").
var dealings = map[string]bool{
	"agreement": true, "agreements": true, "settlement": true, "settlements": true, "deal": true, "deals": true,
	"accord": true, "accords": true, "contract": true, "contracts": true, "pact": true, "treaty": true,
	"talks": true, "negotiations": true, "dispute": true, "disputes": true, "relationship": true,
	"relations": true, "ties": true, "partnership": true, "alliance": true, "meeting": true, "meetings": true,
	"merger": true, "venture": true, "truce": true, "ceasefire": true, "cooperation": true, "conflict": true,
	"feud": true, "arrangement": true, "understanding": true, "dialogue": true, "contact": true, "contacts": true,
}

// copular are the verbs whose object says what the subject is.
var copular = map[string]bool{"be": true, "become": true, "remain": true}

// holdings are nouns of what one owns of another: an "in" phrase after one
// names what is owned, not a place ("a stake in Kestrel", "shares in
// Sainsbury's"), so the fact keeps the noun ("buy stake in") and the noun
// phrase gives no "be in".
var holdings = map[string]bool{
	"stake": true, "stakes": true, "share": true, "shares": true, "interest": true, "interests": true,
	"holding": true, "holdings": true, "investment": true, "investments": true, "position": true,
	"positions": true, "equity": true, "ownership": true,
}

// chunkAt returns the index of the chunk that starts at token i, or -1.
func chunkAt(cs []chunk, i int) int {
	k, ok := slices.BinarySearchFunc(cs, i, func(c chunk, i int) int { return c.start - i })
	if !ok {
		return -1
	}
	return k
}

// namesEntity reports a noun phrase that names a person, an organisation or
// a place: the nodes an analyst follows.
func namesEntity(np []Token) bool {
	c := canonical(np)
	if len(c) == 0 || isTimePhrase(c) || isPronoun(c) {
		return false
	}
	switch entityType(c, np) {
	case schema.Person, schema.Org, schema.GPE:
		return true
	case "":
		// "Texas A & I College", "Baird & Co"
		for i, t := range c {
			if !isProper(t) && (t.Text != "&" || i == 0 || i == len(c)-1) {
				return false
			}
		}
		return true
	}
	return false
}
