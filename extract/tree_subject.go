package extract

// Subjects: the ones a clause states, and the ones it borrows.

import "strings"

// ownSubjects are the subjects the clause states: its nsubj and their
// conjuncts; a relative pronoun stands for the noun its clause modifies.
func (t tree) ownSubjects(c *tclause) []mention {
	s := t.kid(c.head, "nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubj:outer")
	if s < 0 {
		return nil
	}
	if t.rel[c.head] == "acl:relcl" && t.relPronoun(s) {
		n := t.head[c.head]
		// "Celeski is an Australian footballer who plays as a
		// midfielder": the one who plays is the copula's subject
		if t.kid(n, "cop") >= 0 {
			if ns := t.kid(n, "nsubj"); ns >= 0 {
				return t.withConj(ns, indirect, false)
			}
		}
		return t.before(t.withConj(n, indirect, false), c.head)
	}
	if t.tag(s) == "EX" || t.rel[s] == "expl" || t.low(s) == "it" && t.extraposed(c) {
		return nil // "there is", "it was unclear whether ...": no subject to speak of
	}
	if strings.HasPrefix(t.rel[s], "csubj") {
		return []mention{{c: chunk{kind: nounPhrase, start: t.subtree(s).Start, end: t.subtree(s).End}}}
	}
	ms := t.withConj(t.namedBy(s), direct, false)
	for i := 1; i < len(ms); i++ {
		if h := t.headOf(ms[i-1].c); i > 1 && h >= 0 && t.kid(h, "cc") >= 0 && t.tag(ms[i].c.start) == "DT" {
			// "Mark and Marisa, the Drive Time presenters, made": after
			// the conjunct with the "and", an apposition, no third subject
			ms = ms[:i]
			break
		}
		// "President Bush and Soviet leader Mikhail Gorbachev will hold"
		if h := t.headOf(ms[i].c); h >= 0 {
			if a := t.namedBy(h); a != h {
				ms[i] = t.mention(a, direct)
			}
		}
	}
	return ms
}

// extraposed reports a clause whose "it" only holds the place of a clause
// after it: "it was unclear whether", "it was club policy to promote
// talent", "it was only incidentally that issues appeared" (a cleft), "it is
// recommended that" (a passive). What the clause says is the later
// clause's, which the rules read on its own.
func (t tree) extraposed(c *tclause) bool {
	if t.kid(c.head, "aux:pass") >= 0 {
		// "it is expected that", "it was decided to close the plant"; but
		// "it was prepared to accept", "it was designed to carry" speak
		// of a thing
		return t.kid(c.head, "ccomp", "csubj", "csubj:pass") >= 0 ||
			t.kid(c.head, "xcomp") >= 0 && extraposingVerbs[t.low(c.head)]
	}
	if c.copula < 0 {
		return false
	}
	if t.kid(c.head, "ccomp", "advcl", "csubj", "advcl:relcl") >= 0 {
		return true
	}
	// a bare noun and an infinitive: "club policy to promote", "time to
	// go"; "a plan to build" may be what "it" refers to
	for _, k := range t.kidsOf(c.head, "acl") {
		if mk := t.kid(k, "mark"); mk >= 0 && t.low(mk) == "to" && t.kid(c.head, "det", "nmod:poss") < 0 {
			return true
		}
	}
	return false
}

// extraposingVerbs are the participles whose passive with an infinitive
// has an "it" that holds the infinitive's place ("it was decided to close
// the plant").
var extraposingVerbs = map[string]bool{
	"decided": true, "agreed": true, "recommended": true, "proposed": true, "suggested": true,
	"advised": true, "determined": true, "resolved": true, "planned": true, "arranged": true,
}

// namedBy returns the apposition that names a subject which only describes
// ("his top economic adviser, Liu He, has told"): the fact is the name's,
// as in the chunk rules. Otherwise it returns s.
func (t tree) namedBy(s int) int {
	a := t.kid(s, "appos")
	if a < 0 {
		return s
	}
	ps, pa := t.phrase(s), t.phrase(a)
	if !hasProperNoun(t.toks[ps.Start:ps.End]) && hasProperNoun(t.toks[pa.Start:pa.End]) {
		return a
	}
	return s
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
		if k < out[0].c.end {
			continue // inside the name: "the Securities and Exchange Commission"
		}
		if isNoun(t.tag(k)) || t.tag(k) == "PRP" {
			m := t.mention(k, how)
			m.extra = extraConj
			if last := out[len(out)-1]; len(out) > 1 && m.c.start == last.c.end && isProper(t.toks[k]) &&
				!hasProperNoun(t.toks[last.c.start:last.c.end]) {
				// "President Lee and Japanese leader Taro Aso": a name
				// read as one more conjunct names the one before it
				m.extra = last.extra
				out[len(out)-1] = m
				continue
			}
			out = append(out, m)
		}
	}
	return out
}

// mention is the noun phrase headed by i as an argument.
func (t tree) mention(i, how int) mention {
	s := t.phrase(i)
	for s.Start < i && t.tag(s.Start) == "RB" && t.rel[s.Start] == "advmod" {
		s.Start++ // "Ultimately the U.N. army reached": the adverb is the clause's
	}
	return mention{c: chunk{kind: nounPhrase, start: s.Start, end: s.End}, how: how}
}

// modified returns the noun a relative or participle clause modifies,
// for clauses that have no subject of their own.
func (t tree) modified(c *tclause) (int, bool) {
	switch t.rel[c.head] {
	case "acl:relcl", "acl":
		return t.head[c.head], true
	}
	return -1, false
}

// before keeps the mentions that start before token i: a relative clause
// speaks of the nouns written before it, not of a conjunct after it
// ("workers who die in the line of duty, as well as the law").
func (t tree) before(ms []mention, i int) []mention {
	out := ms[:0:0]
	for _, m := range ms {
		if m.c.start < i {
			out = append(out, m)
		}
	}
	return out
}
