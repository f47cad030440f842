package extract

// Predicates: the verbs a clause's relation is made of, and its voice,
// negation and modality.

import "slices"

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
			case t.rel[k] == "advmod" && hedges[t.low(k)] && c.modality == "":
				c.modality = t.low(k) // "allegedly paid bribes": a claim, not a fact
			case t.rel[k] == "aux:pass" && n == 0:
				c.passive = true
			case isNegation(t, k):
				c.negated = true
			case t.rel[k] == "compound:prt":
				c.last = max(c.last, k)
			}
		}
	}
	if c.copula >= 0 && !t.completesAdjective(c) {
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
		case c.copula >= 0 && n == 0 && t.completesAdjective(c):
			c.words = append(c.words, "be", t.low(v)) // "were unable to see": the adjective is the relation's
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
	// question, not a fact, and so do the verbs coordinated with its own
	// ("if they were aware or consulted")
	marks := t.kidsOf(i, "mark")
	if len(marks) == 0 && t.rel[i] == "conj" {
		marks = t.kidsOf(t.head[i], "mark")
	}
	for _, k := range marks {
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

// completesAdjective reports an adjective after a copula that a verb
// completes ("were unable to see each other", "is likely to face charges"):
// the copula, the adjective and the verb are the relation, and the verb's
// object the fact's.
func (t tree) completesAdjective(c *tclause) bool {
	if c.copula < 0 || len(c.chain) < 2 || t.tag(c.head) != "JJ" {
		return false
	}
	// "is apt to rear them and to claim": the second verb completes it too
	v := c.chain[1]
	return t.rel[v] == "xcomp" || t.rel[v] == "conj" && t.head[v] >= 0 && t.rel[t.head[v]] == "xcomp"
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
	case "not", "n't":
		// "Terrorists are not merely criminals" says they are, and more
		return !(k+1 < len(t.toks) && notOnly(t.toks[k+1].Text))
	case "never":
		return true
	case "longer":
		return k > 0 && t.low(k-1) == "no" // "no longer lends"
	}
	return false
}
