package extract

// Phrases: the time, place and other phrases of a clause.

import (
	"slices"
	"strings"
)

// treeQuals collects the clause's phrases of time, place and manner: the
// prepositional phrases and bare time phrases of each of its verbs, a
// clause or an infinitive left over, in the order the sentence gives them.
func (m *Model) treeQuals(t tree, c *tclause) {
	var ks []int
	heads := c.chain
	if c.copula >= 0 {
		heads = []int{c.head}
	}
	for _, v := range heads {
		for _, k := range t.kids[v] {
			if c.used[k] {
				continue
			}
			switch t.rel[k] {
			case "obl", "obl:tmod", "obl:npmod", "obl:unmarked", "nmod:tmod", "ccomp", "obl:agent":
				ks = append(ks, k)
			case "advcl":
				// "relocated to Florida to become a consultant": a purpose
				if mk := t.kid(k, "mark"); mk >= 0 && t.low(mk) == "to" && t.kid(k, "nsubj") < 0 {
					ks = append(ks, k)
				}
			case "xcomp":
				if c.control < 0 && t.kid(v, "obj", "iobj") >= 0 {
					ks = append(ks, k)
				}
			}
		}
	}
	// a time the parser hung on the subject: "The department in April ordered"
	for _, s := range c.subjects {
		h := t.headOf(s.c)
		if h < 0 {
			continue
		}
		for _, k := range t.kidsOf(h, "nmod", "nmod:tmod") {
			if k > h && k < c.first && isTimeNP(t.toks[t.subtree(k).Start:t.subtree(k).End]) {
				ks = append(ks, k)
			}
		}
	}
	// the phrases after the object: "found an opening under the house"
	for _, o := range c.objects {
		if c.clause {
			break
		}
		h := t.headOf(o.c)
		if h < 0 {
			continue
		}
		for _, k := range t.kids[h] {
			// an adjective's phrases too: "seems happy with this arrangement"
			if k > h && k >= o.c.end && !c.used[k] && (t.rel[k] == "nmod" || t.rel[k] == "nmod:unmarked" ||
				t.rel[k] == "obl" && strings.HasPrefix(t.tag(h), "JJ")) {
				ks = append(ks, k)
			}
		}
		break
	}
	slices.Sort(ks)
	ks = slices.Compact(ks)
	for _, k := range ks {
		if t.whWord(k) {
			continue // "a point in which Robin and Ariana were unable": the relative's link, no phrase
		}
		s := t.trim(t.subtree(k))
		if r := t.rel[k]; r != "ccomp" && r != "advcl" && r != "xcomp" {
			s = t.trim(t.clipped(k))
		}
		if s.End <= s.Start || s.End-s.Start == 1 && timeWords[t.low(s.Start)] {
			continue // a bare "days" ("days after the company said") says no time of its own
		}
		kind := qualArg
		if cs := t.kid(k, "case"); cs >= 0 && cs == s.Start {
			kind = kindOf(t.toks, chunk{start: cs, end: cs + 1}, chunk{start: cs + 1, end: s.End})
		} else if words := t.toks[s.Start:s.End]; isTimePhrase(words) || isTimeNP(words) {
			kind = qualTime
		}
		c.quals = c.quals.with(s, kind)
	}
}

// whWord reports a relative or interrogative pronoun: "which", "whom",
// "what", "whose".
func (t tree) whWord(i int) bool {
	switch t.low(i) {
	case "which", "whom", "what", "whose", "who":
		return true
	}
	return t.relPronoun(i)
}

// headOf returns the head token of a mention's span: the token whose head
// lies outside it.
func (t tree) headOf(c chunk) int {
	for i := c.start; i < c.end; i++ {
		if h := t.head[i]; h < c.start || h >= c.end {
			return i
		}
	}
	return -1
}
