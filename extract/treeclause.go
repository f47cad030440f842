package extract

import (
	"slices"
	"strings"
)

// tclause is one predicate read from a tree, with what the rules found for
// it: its relation, its arguments and their scope.
type tclause struct {
	head     int   // the clause's head: its verb, or the word its copula links
	chain    []int // head, then the verbs that complete it ("pledged to help")
	words    []string
	first    int // first and last token of the relation as written
	last     int
	copula   int // the copula of a nominal or adjectival predicate, or -1
	passive  bool
	negated  bool
	modality string
	subjects []mention
	objects  []mention
	agent    *mention
	prep     string // a preposition folded into the relation
	clause   bool   // the object is a clause
	used     map[int]bool
	quals    quals
	embedded bool
	main     bool
	control  int // the object that controls an infinitive ("urged X to ban Y"), or -1
}

// treeFacts applies the clause rules to one parsed sentence.
func (m *Model) treeFacts(t tree) []rawFact {
	n := len(t.toks)
	absorbed := make([]bool, n)
	var out []rawFact
	var clauses []*tclause
	chainOf := make(map[int]*tclause)
	for i := range n {
		if !t.heads(i) || absorbed[i] {
			continue
		}
		var prefix []int
		if h := t.head[i]; t.rel[i] == "conj" && h >= 0 && absorbed[h] && t.kid(i, "nsubj", "nsubj:pass") < 0 {
			if g := chainOf[h]; g != nil {
				prefix = g.chain[:slices.Index(g.chain, h)]
			}
		}
		c := m.readClause(t, i, absorbed, prefix)
		for _, v := range c.chain {
			chainOf[v] = c
		}
		clauses = append(clauses, c)
	}
	// A conjunct or a participle borrows the subject of the clause it
	// hangs from, so subjects are read from the root down.
	byHead := make(map[int]*tclause, len(clauses))
	for _, c := range clauses {
		if byHead[c.head] == nil {
			byHead[c.head] = c
		}
	}
	subjects := make(map[*tclause][]mention, len(clauses))
	var subjectsOf func(c *tclause) []mention
	subjectsOf = func(c *tclause) []mention {
		if s, ok := subjects[c]; ok {
			return s
		}
		subjects[c] = nil // a cycle borrows nothing
		s := t.ownSubjects(c)
		if len(s) == 0 {
			if h := t.head[c.head]; h >= 0 {
				if g := byHead[h]; g != nil {
					s = m.borrowed(t, c, subjectsOf(g))
				}
			}
		}
		subjects[c] = s
		return s
	}
	for _, c := range clauses {
		c.subjects = subjectsOf(c)
	}
	for _, c := range clauses {
		out = append(out, m.clauseRawFacts(t, c, byHead)...)
	}
	cs := chunks(t.toks)
	for i := range out {
		if i < len(out) && !out[i].derived {
			out = append(out, m.qualifierFacts(t.toks, cs, out[i])...)
		}
	}
	out = append(out, appositions(t.toks, cs)...)
	out = append(out, descriptors(t.toks, cs)...)
	out = append(out, nationalities(t.toks, cs)...)
	out = append(out, nominalFacts(t.toks, cs)...)
	attribute(out)
	return out
}

// clauseRels are the relations by which a clause hangs from its head.
var clauseRels = map[string]bool{
	"root": true, "conj": true, "ccomp": true, "advcl": true, "acl:relcl": true, "acl": true,
	"parataxis": true, "xcomp": true, "csubj": true, "csubj:pass": true, "advcl:relcl": true,
}

// heads reports whether token i heads a clause the rules read.
func (t tree) heads(i int) bool {
	if !clauseRels[t.rel[i]] {
		return false
	}
	if t.rel[i] == "conj" && !t.isVerbal(t.head[i]) && t.kid(i, "nsubj", "nsubj:pass") < 0 {
		return false // "routers and phones": a conjunct of a noun
	}
	if isVerb(t.tag(i)) {
		return true
	}
	return t.kid(i, "cop") >= 0 && t.kid(i, "nsubj", "nsubj:pass") >= 0
}

// readClause reads the predicate headed by i: its verbs, the words of its
// relation, and its negation, modality and voice.
func (m *Model) readClause(t tree, i int, absorbed []bool, prefix []int) *tclause {
	c := &tclause{head: i, chain: []int{i}, copula: t.kid(i, "cop"), control: -1, used: map[int]bool{}}
	if len(prefix) > 0 {
		// "was required to punish employees and tighten its monitoring":
		// a verb coordinated with a completing verb completes the same ones
		c.head = prefix[0]
		c.chain = append(slices.Clip(prefix), i)
		c.copula = t.kid(prefix[0], "cop")
	}
	v := i
	for {
		if t.kid(v, "obj", "iobj") >= 0 {
			break // "urged the bank to stop": the infinitive's subject is the object
		}
		x := -1
		for _, k := range t.kidsOf(v, "xcomp") {
			// "continues to be influential": a copula completes it too
			if (isVerb(t.tag(k)) || t.kid(k, "cop") >= 0 && t.kid(k, "mark") >= 0) && t.kid(k, "nsubj", "nsubj:pass") < 0 {
				x = k
				break
			}
		}
		if x < 0 && t.kid(v, "obl", "obj") < 0 {
			// "was penalized for violating a settlement": a gerund that
			// completes the verb
			for _, k := range t.kidsOf(v, "advcl") {
				mk := t.kid(k, "mark")
				if k > v && t.tag(k) == "VBG" && mk >= 0 && t.tag(mk) == "IN" && t.kid(k, "nsubj") < 0 &&
					!t.anyBetween(v, mk) {
					x = k
				}
				break
			}
		}
		if x < 0 {
			break
		}
		c.chain = append(c.chain, x)
		absorbed[x] = true
		v = x
	}
	// the relation's words and where they are written
	c.first, c.last = i, i
	for n, v := range c.chain {
		first := v
		for _, k := range t.kids[v] {
			switch {
			case k < v && (t.rel[k] == "aux" || t.rel[k] == "aux:pass" || t.rel[k] == "cop" || isNegation(t, k)):
				first = min(first, k)
			}
		}
		if n == 0 {
			c.first = first
		}
		if cp := t.kid(v, "cop"); n > 0 && cp >= 0 {
			c.last = max(c.last, cp) // the attribute is the object, not the relation
			continue
		}
		c.last = max(c.last, v)
		for _, k := range t.kids[v] {
			switch {
			case t.rel[k] == "aux" && t.tag(k) == "MD":
				c.modality = m.lemma.verb(t.low(k), "MD")
			case t.rel[k] == "aux:pass" && n == 0:
				c.passive = true
			case isNegation(t, k):
				c.negated = true
			case t.rel[k] == "compound:prt":
				c.last = max(c.last, k)
			}
		}
	}
	if c.copula >= 0 {
		c.first = min(c.first, c.copula)
		c.last = c.copula
		for _, k := range t.kids[i] {
			if k > c.copula && k < i && isNegation(t, k) {
				c.last = k
			}
		}
	}
	// the words
	for n, v := range c.chain {
		if n > 0 {
			mk := t.kid(v, "mark")
			if mk < 0 && t.rel[v] == "conj" {
				mk = t.kid(t.head[v], "mark") // "to dismiss managers and tighten"
			}
			if mk >= 0 && (t.low(mk) == "to" || t.rel[v] == "advcl") {
				c.words = append(c.words, t.low(mk))
			}
		}
		switch {
		case c.copula >= 0 && n == 0:
			c.words = append(c.words, "be")
		case n == 0 && c.passive, n > 0 && t.kid(v, "aux:pass") >= 0:
			c.words = append(c.words, "be", t.low(v))
		case n > 0 && t.kid(v, "cop") >= 0:
			c.words = append(c.words, "be")
		case n > 0 && t.rel[v] == "advcl":
			c.words = append(c.words, t.low(v)) // the gerund as written: "for violating"
		default:
			c.words = append(c.words, m.lemma.verb(t.toks[v].Text, t.tag(v)))
		}
		for _, k := range t.kidsOf(v, "compound:prt") {
			c.words = append(c.words, t.low(k))
		}
	}
	// scope: a clause an "if" or "whether" opens states a condition or a
	// question, not a fact
	for _, k := range t.kidsOf(i, "mark") {
		switch w := t.low(k); w {
		case "if", "whether", "unless":
			c.modality = w
		}
		if subordinators[t.low(k)] {
			c.embedded = true
		}
	}
	if t.rel[i] == "advcl" || t.rel[i] == "acl:relcl" {
		c.embedded = true
	}
	c.main = t.rel[i] == "root"
	return c
}

// subordinators open a subordinate clause.
var subordinators = map[string]bool{"while": true, "because": true, "although": true, "though": true, "if": true,
	"whether": true, "after": true, "before": true, "since": true, "until": true, "as": true, "unless": true,
	"once": true, "whereas": true, "that": true, "when": true}

// isNegation reports a "not", "n't" or "never" that negates its head.
func isNegation(t tree, k int) bool {
	if t.rel[k] != "advmod" && t.rel[k] != "neg" {
		return false
	}
	switch t.low(k) {
	case "not", "n't", "never":
		return true
	}
	return false
}

// ownSubjects are the subjects the clause states: its nsubj and their
// conjuncts; a relative pronoun stands for the noun its clause modifies.
func (t tree) ownSubjects(c *tclause) []mention {
	s := t.kid(c.head, "nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubj:outer")
	if s < 0 {
		return nil
	}
	if t.rel[c.head] == "acl:relcl" && isRelativePronoun(t.toks[s]) {
		n := t.head[c.head]
		// "Celeski is an Australian footballer who plays as a
		// midfielder": the one who plays is the copula's subject
		if t.kid(n, "cop") >= 0 {
			if ns := t.kid(n, "nsubj"); ns >= 0 {
				return t.withConj(ns, indirect, false)
			}
		}
		return t.withConj(n, indirect, false)
	}
	if t.tag(s) == "EX" || t.rel[s] == "expl" || t.low(s) == "it" && t.kid(c.head, "ccomp", "advcl", "csubj") >= 0 && c.copula >= 0 {
		return nil // "there is", "it was unclear whether ...": no subject to speak of
	}
	if strings.HasPrefix(t.rel[s], "csubj") {
		return []mention{{c: chunk{kind: nounPhrase, start: t.subtree(s).Start, end: t.subtree(s).End}}}
	}
	return t.withConj(s, direct, false)
}

// borrowed are the subjects a clause without one takes from the clause g it
// hangs from: a conjoined verb shares its subject ("froze the assets and
// barred banks"), an adverbial participle takes its clause's (", stressing
// that"), a relative or participle clause takes the noun it modifies.
func (m *Model) borrowed(t tree, c *tclause, gs []mention) []mention {
	h := t.head[c.head]
	switch t.rel[c.head] {
	case "conj":
		return extra(gs)
	case "advcl":
		if t.tag(c.head) == "VBG" && t.kid(c.head, "mark") < 0 {
			return extra(gs)
		}
	case "xcomp":
		if o := t.kid(h, "obj", "iobj"); o >= 0 {
			// what the object was urged to do is not a fact that it did
			c.control = o
			c.modality = m.lemma.verb(t.toks[h].Text, t.tag(h))
			return t.withConj(o, direct, false)
		}
		return extra(gs)
	}
	return nil
}

func extra(ms []mention) []mention {
	out := make([]mention, len(ms))
	for i, m := range ms {
		m.extra = true
		out[i] = m
	}
	return out
}

// withConj returns the noun phrase headed by i and those coordinated with it.
func (t tree) withConj(i, how int, extraConj bool) []mention {
	out := []mention{t.mention(i, how)}
	for _, k := range t.kidsOf(i, "conj") {
		if isNoun(t.tag(k)) || t.tag(k) == "PRP" {
			m := t.mention(k, how)
			m.extra = extraConj
			out = append(out, m)
		}
	}
	return out
}

// mention is the noun phrase headed by i as an argument.
func (t tree) mention(i, how int) mention {
	s := t.phrase(i)
	return mention{c: chunk{kind: nounPhrase, start: s.Start, end: s.End}, how: how}
}

// nounClauseHead reports the noun a relative or participle clause modifies,
// for clauses that have no subject of their own.
func (t tree) modified(c *tclause) (int, bool) {
	switch t.rel[c.head] {
	case "acl:relcl", "acl":
		return t.head[c.head], true
	}
	return -1, false
}

// clauseRawFacts turns a clause into facts: one for each subject and object.
func (m *Model) clauseRawFacts(t tree, c *tclause, byHead map[int]*tclause) []rawFact {
	subjects := c.subjects
	last := c.chain[len(c.chain)-1]
	// A relative or participle clause with no subject: the noun it modifies
	// is its subject ("equipment made by X", "companies selling routers"),
	// or, when a subject is there, its object ("the loophole smugglers
	// exploit").
	if n, ok := t.modified(c); ok {
		switch {
		case len(subjects) == 0:
			if t.rel[c.head] == "acl" && t.tag(c.head) == "VBN" {
				c.passive = true
				c.words = []string{"be", t.low(c.head)}
			}
			if t.rel[c.head] == "acl" && t.kid(c.head, "mark") >= 0 {
				// "plans to build": the infinitive belongs to the noun,
				// unless the noun is the object of a verb of control:
				// "ordered military exchanges to cease selling"
				v := t.head[n]
				if t.rel[n] != "obj" || v < 0 || !controlVerbs[m.lemma.verb(t.toks[v].Text, t.tag(v))] {
					return nil
				}
				c.control = n
				c.embedded = false
				c.modality = m.lemma.verb(t.toks[v].Text, t.tag(v))
			}
			subjects = t.withConj(n, indirect, false)
		case t.kid(last, "obj") < 0 && t.kid(c.head, "nsubj") >= 0 && !isRelativePronoun(t.toks[t.kid(c.head, "nsubj")]) && t.rel[c.head] == "acl:relcl":
			c.objects = []mention{t.mention(n, indirect)}
		}
	}
	if len(subjects) == 0 || len(subjects) == 1 && subjects[0].c.end-subjects[0].c.start == 1 && isRelativePronoun(t.toks[subjects[0].c.start]) {
		return nil // no subject, or a relative pronoun the rules could not resolve
	}
	if t.rel[c.head] == "acl" && t.tag(c.head) == "VBG" {
		// "relationships involving two women": a participle describing a
		// noun, measured on CaRB's dev split as right half as often as
		// the facts of clauses, and not worth an edge of the graph
		return nil
	}
	m.treeObjects(t, c, last)
	m.treeQuals(t, c)
	words := c.words
	relLast := c.last
	if c.agent != nil {
		words = []string{m.lemma.verb(t.toks[c.head].Text, t.tag(c.head))}
		for _, v := range c.chain[1:] {
			if mk := t.kid(v, "mark"); mk >= 0 && t.low(mk) == "to" {
				words = append(words, "to")
			}
			words = append(words, m.lemma.verb(t.toks[v].Text, t.tag(v)))
		}
		c.objects, subjects = subjects, []mention{*c.agent}
		if c.agent.c.start-1 > relLast {
			relLast = c.agent.c.start - 1
		}
	} else if c.prep != "" {
		words = append(words[:len(words):len(words)], strings.Fields(c.prep)...)
		if len(c.objects) > 0 && c.objects[0].c.start-1 > relLast {
			relLast = c.objects[0].c.start - 1
		}
	}
	objects := c.objects
	if len(objects) == 0 {
		if len(c.quals.spans) == 0 {
			return nil
		}
		objects = []mention{{c: chunk{kind: none, start: c.last + 1, end: c.last + 1}, objectless: true}}
	}
	var out []rawFact
	for _, s := range subjects {
		for _, o := range objects {
			out = append(out, rawFact{
				subject:    s,
				object:     o,
				relation:   strings.Join(words, " "),
				relFirst:   c.first,
				relLast:    relLast,
				negated:    c.negated,
				modality:   c.modality,
				flipped:    c.agent != nil,
				passive:    c.passive && c.agent == nil,
				prep:       c.prep != "",
				clause:     c.clause,
				segments:   len(c.chain),
				quals:      c.quals,
				reporting:  reportingVerbs[c.words[0]] && !c.passive,
				embedded:   c.embedded,
				main:       c.main,
				controlled: c.control >= 0,
			})
		}
	}
	return out
}

// treeObjects finds the objects of the clause's last verb: its direct objects,
// a passive's agent, a prepositional object folded into the relation, a
// clause, or the attribute a copula links.
func (m *Model) treeObjects(t tree, c *tclause, v int) {
	if c.copula >= 0 {
		// "the base is at Henry Wood Hall": the preposition joins the relation
		if prep, _ := t.prepOf(c.head); prep != "" {
			c.prep = prep
		}
		c.objects = []mention{t.attribute(c.head)}
		c.used[c.head] = true
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
			if isRelativePronoun(t.toks[o]) && t.rel[c.head] == "acl:relcl" {
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
		if o := t.kid(cj, "obj"); o >= 0 && !t.anyAfter(v, cj) {
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
		default:
			return
		}
	}
}

// anyBetween reports whether v has a dependent between itself and token j
// other than adverbs and punctuation.
func (t tree) anyBetween(v, j int) bool {
	for _, k := range t.kids[v] {
		if k > v && k < j && t.rel[k] != "punct" && t.rel[k] != "advmod" {
			return true
		}
	}
	return false
}

// anyAfter reports whether v has a dependent between itself and its
// conjunct cj other than the coordinator and punctuation.
func (t tree) anyAfter(v, cj int) bool {
	for _, k := range t.kids[v] {
		if k > v && k < cj && t.rel[k] != "cc" && t.rel[k] != "punct" && t.rel[k] != "advmod" {
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
	// a prepositional phrase is its preposition and noun phrase; the
	// phrases that follow its noun are phrases of the fact's own ("to the
	// First Division in 1974")
	for i := 0; i < len(ks); i++ {
		if k := ks[i]; false {
			for _, n := range t.kids[k] {
				if n > k && (t.rel[n] == "nmod" || t.rel[n] == "nmod:unmarked") && !c.used[n] {
					ks = append(ks, n)
				}
			}
		}
	}
	slices.Sort(ks)
	ks = slices.Compact(ks)
	for _, k := range ks {
		s := t.trim(t.subtree(k))
		if r := t.rel[k]; r != "ccomp" && r != "advcl" && r != "xcomp" {
			s = t.trim(t.clipped(k))
		}
		if s.End <= s.Start {
			continue
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
