package extract

// Objects: what a clause's last verb acts on.

import (
	"slices"
	"strings"
)

// treeObjects finds the objects of the clause's last verb: its direct objects,
// a passive's agent, a prepositional object folded into the relation, a
// clause, or the attribute a copula links.
func (m *Model) treeObjects(t tree, c *tclause, v int) {
	if t.completesAdjective(c) {
		c.used[c.head] = true
	} else if c.copula >= 0 {
		// "the base is at Henry Wood Hall": the preposition joins the relation
		if prep, _ := t.prepOf(c.head); prep != "" {
			c.prep = prep
		} else if prep := t.caseAfter(c.head, c.copula); prep != "" {
			c.prep = prep // "operations are in Lubbock": the subject is the head's too
		}
		c.used[c.head] = true
		// "is subject to approval", "are equal to the numbers": an
		// adjective and the preposition of its complement join the relation
		if k := t.adjectiveComplement(c.head); k >= 0 && c.prep == "" {
			prep, _ := t.prepOf(k)
			c.prep = t.low(c.head) + " " + prep
			c.objects = t.withConj(k, direct, false)
			c.used[k] = true
			return
		}
		c.objects = []mention{t.attribute(c.head)}
		return
	}
	if len(c.objects) > 0 {
		return
	}
	if len(c.chain) > 1 && t.kid(v, "cop") >= 0 {
		c.objects = []mention{t.attribute(v)}
		return
	}
	for _, rel := range []string{"obj", "iobj"} {
		if o := t.kid(v, rel); o >= 0 {
			if t.relPronoun(o) && t.rel[c.head] == "acl:relcl" {
				// "the loophole which smugglers exploit"
				o = t.head[c.head]
				c.objects = []mention{t.mention(o, indirect)}
				return
			}
			c.objects = t.withConj(o, direct, false)
			c.used[o] = true
			return
		}
	}
	if len(c.chain) == 1 && !c.passive && reportingVerbs[c.words[0]] {
		// what was said, written before the verb: "\"Demand is strong,\"
		// said Ana Reyes": the clause is the object, not a phrase, and
		// the facts inside it are the speaker's
		if s, k, ok := t.saidBefore(v); ok {
			c.objects = []mention{{c: chunk{kind: none, start: s.Start, end: s.End}}}
			c.clause = true
			c.used[k] = true
			return
		}
	}
	if c.passive && len(c.chain) == 1 {
		for _, k := range t.kidsOf(v, "obl", "obl:agent") {
			if cs := t.kid(k, "case"); cs >= 0 && t.low(cs) == "by" {
				a := t.mention(k, direct)
				a.c.start = cs + 1
				c.agent = &a
				c.used[k] = true
				return
			}
		}
	}
	// the first phrase after the verb: "voted for the bill"
	// "traders buy and sell stocks": the object comes after the last verb
	if cj := t.kid(v, "conj"); cj >= 0 && isVerb(t.tag(cj)) && t.kid(cj, "nsubj", "nsubj:pass") < 0 {
		if o := t.kid(cj, "obj"); o >= 0 && !t.anyBetween(v, cj, "cc") {
			c.objects = t.withConj(o, direct, false)
			return
		}
	}
	for _, k := range t.kids[v] {
		if k < v {
			continue
		}
		switch {
		case t.rel[k] == "obl":
			prep, start := t.prepOf(k)
			if prep == "" {
				return
			}
			np := t.phrase(k)
			if kindOf(t.toks, chunk{start: start - 1, end: start}, chunk{start: start, end: np.End}) != qualArg {
				continue
			}
			c.prep = prep
			c.objects = t.withConj(k, direct, false)
			c.used[k] = true
			return
		case t.rel[k] == "ccomp":
			s := t.trim(t.subtree(k))
			if mk := t.kid(k, "mark"); mk == s.Start {
				s.Start++
			}
			c.objects = []mention{{c: chunk{kind: none, start: s.Start, end: s.End}}}
			c.clause = true
			c.used[k] = true
			return
		case t.rel[k] == "xcomp" && !isVerb(t.tag(k)):
			c.objects = []mention{t.attribute(k)}
			c.used[k] = true
			return
		case t.rel[k] == "advmod" || t.rel[k] == "punct" || t.rel[k] == "compound:prt":
			continue
		case timeRels[t.rel[k]]:
			continue // a time between verb and object: "said this year that"
		default:
			return
		}
	}
}

// timeRels are the relations of a bare noun phrase of time ("this year",
// "Wednesday").
var timeRels = map[string]bool{"obl:tmod": true, "obl:unmarked": true, "nmod:tmod": true, "obl:npmod": true}

// anyBetween reports whether v has a dependent between itself and token j
// other than adverbs, punctuation and dependents of the relations besides
// names.
func (t tree) anyBetween(v, j int, besides ...string) bool {
	for _, k := range t.kids[v] {
		if k > v && k < j && t.rel[k] != "punct" && t.rel[k] != "advmod" && !slices.Contains(besides, t.rel[k]) {
			return true
		}
	}
	return false
}

// prepOf returns the prepositions that open the phrase headed by k ("over
// to" in "switched over to Merck") and the token after them; none when the
// phrase does not start with one.
func (t tree) prepOf(k int) (string, int) {
	s := t.subtree(k)
	i := s.Start
	var words []string
	for i < k && t.head[i] == k && (t.rel[i] == "case" || t.rel[i] == "fixed") {
		words = append(words, strings.ToLower(t.toks[i].Text))
		i++
	}
	for i < k && t.head[i] >= 0 && t.rel[i] == "fixed" {
		words = append(words, strings.ToLower(t.toks[i].Text))
		i++
	}
	return strings.Join(words, " "), i
}

// caseAfter returns the preposition of head's phrase written after token
// from (its copula), where the head's subtree opens with its subject.
func (t tree) caseAfter(head, from int) string {
	var words []string
	for _, k := range t.kids[head] {
		if k > from && k < head && (t.rel[k] == "case" || t.rel[k] == "fixed") {
			words = append(words, t.low(k))
		}
	}
	return strings.Join(words, " ")
}

// attribute is the noun or adjective phrase a copula links: for a noun, its
// phrase; for an adjective, the adjective with its adverbs.
func (t tree) attribute(i int) mention {
	if isNoun(t.tag(i)) || t.tag(i) == "CD" || t.tag(i) == "PRP" {
		return t.mention(i, direct)
	}
	s := span{Start: i, End: i + 1}
	for _, k := range t.kids[i] {
		if k < i && (t.rel[k] == "advmod" && !isNegation(t, k) || t.rel[k] == "amod") {
			s.Start = min(s.Start, t.subtree(k).Start)
		}
	}
	return mention{c: chunk{kind: none, start: s.Start, end: s.End}}
}

// saidBefore returns the clause a verb of saying reports when the sentence
// writes it before the verb (ccomp), and the clause's head.
func (t tree) saidBefore(v int) (span, int, bool) {
	for _, k := range t.kids[v] {
		if k < v && t.rel[k] == "ccomp" {
			for _, o := range t.kids[v] {
				if t.rel[o] == "obj" || t.rel[o] == "ccomp" && o > v {
					return span{}, -1, false
				}
			}
			s := t.trim(t.subtree(k))
			return s, k, s.End > s.Start
		}
	}
	return span{}, -1, false
}

// adjectiveComplement returns the phrase that completes an adjective right
// after it ("subject to approval", "equal to the numbers"), or -1.
func (t tree) adjectiveComplement(a int) int {
	if !strings.HasPrefix(t.tag(a), "JJ") {
		return -1
	}
	for _, k := range t.kids[a] {
		if k <= a {
			continue
		}
		if t.rel[k] != "obl" || t.subtree(k).Start != a+1 {
			return -1
		}
		if prep, _ := t.prepOf(k); prep == "" || !isNoun(t.tag(k)) && t.tag(k) != "PRP" {
			return -1
		}
		return k
	}
	return -1
}
