package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/kgraph/kg/schema"
)

// predicate is a relation read from one verb group and the infinitives that
// complete it ("pledged ... to help").
type predicate struct {
	words      []string // the relation, lemmatised: "pledge", "to", "help"
	first      int      // first token of the relation
	last       int      // last token of the relation, inclusive
	next       int      // first chunk after the relation
	passive    bool     // the surface subject undergoes the action
	negated    bool
	segments   int    // verb groups joined by infinitives
	modality   string // the modal verb: "would", "may"
	reduced    bool   // a bare participle after its noun: "equipment made by"
	participle bool   // a bare present participle: "stressing in a statement"
	relative   bool   // the verb of a relative clause: "that makes routers"
	particip   string // the passive participle, for turning the clause active
	partTag    string
	inner      quals // a time or place between the verb and its infinitive: "pledged on Sunday to help"
}

// mention is a noun phrase used as an argument of a fact.
type mention struct {
	objectless bool // no object: the fact has only its qualifiers
	c          chunk
	how        int // how it was found: direct, through a relative pronoun, an apposition, ...
	extra      bool
}

const (
	direct = iota
	indirect
)

// clauseFacts applies the clause rules to one tagged sentence.
func (m *Model) clauseFacts(toks []Token) []rawFact {
	cs := chunks(toks)
	var out []rawFact
	var shared []mention // the last clause's subjects, for verbs coordinated with it
	// what a verb coordinated with the last clause's infinitive inherits
	// ("was required to punish employees and tighten its controls"): the
	// words before that infinitive, its negation and modality
	var chain predicate
	var chained bool
	lead, leadEnd := leadingPhrase(toks, cs)
	for ci := 0; ci < len(cs); ci++ {
		if cs[ci].kind != verbGroup {
			continue
		}
		p, ok := m.predicate(toks, cs, ci)
		if !ok {
			continue
		}
		var subjects []mention
		switch {
		case p.participle || p.reduced && ci > 0 && isComma(toks, cs[ci-1]):
			// ", stressing in a statement that ...": an adverbial participle
			// takes the subject of the clause it follows.
			if p.reduced && !p.participle && ci > 1 && isComma(toks, cs[ci-1]) && cs[ci-2].kind == nounPhrase &&
				(ci == 2 || !isPrep(toks, cs[ci-3])) {
				// "Kestrel Holdings, based in Leeds,": a past participle
				// after a name speaks of the name, unless the name is a
				// preposition's ("rose in May, driven by demand").
				subjects = []mention{{c: cs[ci-2], how: indirect}}
			} else if ci > 0 && isComma(toks, cs[ci-1]) {
				for _, s := range shared {
					s.extra = true
					subjects = append(subjects, s)
				}
			}
		default:
			subjects = subjectsOf(toks, cs, ci, !p.reduced)
		}
		// the chunk before the verb, past adverbs and times: ", carefully
		// measured", "and in 2012 joined"
		before := ci - 1
		for before > 0 {
			switch {
			case cs[before].kind == none && isAdverb(toks[cs[before].start].Tag):
				before--
				continue
			case before > 1 && timeNP(toks, cs[before]) && isPrep(toks, cs[before-1]):
				before -= 2
				continue
			}
			break
		}
		if len(subjects) == 0 && ci > 0 && !p.reduced && !p.participle && (isAndOr(toks, cs[before]) ||
			isComma(toks, cs[before]) && isFinite(firstVerbTag(toks, cs[ci]))) {
			// "froze the assets and barred banks", "broke out, took the
			// town, and raced on": the verbs share a subject.
			for _, s := range shared {
				s.extra = true
				subjects = append(subjects, s)
			}
			if chained && toks[cs[ci].start].Tag == "VB" && len(p.words) > 0 && isAndOr(toks, cs[before]) {
				// "and tighten its controls" after "was required to
				// punish": the requirement reaches it too
				p.words = append(slices.Clip(chain.words), p.words...)
				p.negated = p.negated || chain.negated
				p.modality = cmp.Or(p.modality, chain.modality)
			}
		}
		if !p.reduced && !p.participle {
			shared = subjects
			chain, chained = p, false
			if i := slices.Index(p.words, "to"); i > 0 {
				chain.words, chained = p.words[:i+1], true
			}
		}
		if len(subjects) == 0 {
			if f, ok := inverted(toks, cs, ci, p); ok {
				out = append(out, f)
			}
			ci = p.next - 1
			continue
		}
		// In a relative clause ("the company that makes routers said"), a
		// noun phrase before the next verb ends the clause; it opens none.
		p.relative = ci > 0 && cs[ci-1].kind == nounPhrase && (toks[cs[ci-1].start].Tag == "WDT" || toks[cs[ci-1].start].Tag == "WP")
		c := m.objectsOf(toks, cs, p)
		if len(c.objects) == 0 && c.agent == nil {
			// "traders buy and sell shares": the object comes after the
			// coordinated verb.
			if k := p.next; k+1 < len(cs) && isAndOr(toks, cs[k]) && cs[k+1].kind == verbGroup {
				if q, ok := m.predicate(toks, cs, k+1); ok && !q.passive {
					if next := m.objectsOf(toks, cs, q); next.prep == "" && next.agent == nil && !next.clause {
						c.objects, c.end = next.objects, next.end
					}
				}
			}
		}
		if len(c.objects) == 0 && c.agent == nil && !c.attribute && len(subjects) == 1 {
			// "Prices rose, the ministry said.": what was said comes first.
			if said, ok := saidBefore(toks, cs, p, subjects[0].c); ok {
				c.objects, c.clause, c.end = []mention{{c: said}}, true, said.end
			}
		}
		if len(c.objects) == 0 && c.agent == nil && !c.attribute && !p.passive {
			// "the loophole that smugglers exploit": the verb acts on what
			// the relative pronoun stands for.
			if k := m.antecedent(toks, cs, subjects[0].c); k >= 0 {
				c.objects = []mention{{c: cs[k], how: indirect}}
				c.end = cs[p.next-1].end
			}
		}
		words := p.words
		last := p.last
		if c.agent != nil {
			// "ZTE was penalized by the Commerce Department": the agent is
			// the subject of the active fact, the surface subject its object.
			words = []string{m.lemma.verb(p.particip, p.partTag)}
			words = append(words, p.words[2:]...)
			c.objects, subjects = subjects, []mention{*c.agent}
			last = c.agent.c.start - 1
		} else if c.prep != "" {
			words = append(words[:len(words):len(words)], strings.Fields(strings.ToLower(c.prep))...)
			if len(c.objects) > 0 {
				last = c.objects[0].c.start - 1
			}
		}
		objects := c.objects
		if len(objects) == 0 {
			// "these rebellions were crushed after the battle": no object,
			// but the phrases that follow still say something.
			c.end = cs[p.next-1].end
			objects = []mention{{c: chunk{kind: none, start: c.end, end: c.end}, objectless: true}}
		}
		q := m.qualifiers(toks, cs, c.end)
		for i, sp := range p.inner.spans {
			q = q.with(sp, p.inner.kinds[i])
		}
		for _, s := range subjects {
			q := q
			if lead != nil && s.c.start == leadEnd+1 {
				q = q.with(*lead, leadKind(toks, cs, *lead))
			}
			if objects[0].objectless && len(q.spans) == 0 {
				continue
			}
			for oi, o := range objects {
				out = append(out, rawFact{
					subject:   s,
					object:    o,
					relation:  strings.Join(words, " "),
					relFirst:  p.first,
					relLast:   last,
					negated:   p.negated,
					modality:  cmp.Or(p.modality, condition(toks, s.c.start)),
					flipped:   c.agent != nil,
					passive:   p.passive && c.agent == nil,
					prep:      c.prep != "",
					clause:    c.clause || c.attribute,
					segments:  p.segments,
					quals:     q,
					reporting: reportingVerbs[p.words[0]] && !p.passive,
					embedded:  subordinate(toks, s.c.start),
					main:      firstVerb(toks, p.first),
				})
				if oi == 0 {
					out = append(out, m.qualifierFacts(toks, cs, out[len(out)-1])...)
				}
			}
		}
		if ctl, ok := m.control(toks, cs, p, c, words); ok {
			for _, s := range subjects {
				for _, o := range ctl.objects {
					out = append(out, rawFact{
						subject:    s,
						object:     o,
						relation:   ctl.relation,
						relFirst:   p.first,
						relLast:    ctl.last,
						negated:    p.negated,
						modality:   p.modality,
						prep:       ctl.prep,
						segments:   p.segments + 1,
						quals:      ctl.quals,
						controlled: true,
						embedded:   subordinate(toks, s.c.start),
					})
				}
			}
		}
		ci = p.next - 1
	}
	out = append(out, appositions(toks, cs)...)
	out = append(out, descriptors(toks, cs)...)
	out = append(out, nationalities(toks, cs)...)
	out = append(out, nominalFacts(toks, cs)...)
	attribute(out)
	return slices.DeleteFunc(out, func(f rawFact) bool { return extraposed(toks, f) })
}

// extraposed reports a fact of an "it" that only announces a clause: "It
// was not clear if ...", "It is likely that ...": it - be - clear says
// nothing (the clause's own facts carry its condition or are said).
func extraposed(toks []Token, f rawFact) bool {
	s, o := f.subject.c, f.object.c
	if s.end-s.start != 1 || strings.ToLower(toks[s.start].Text) != "it" || o.end-o.start != 1 ||
		!strings.HasPrefix(toks[o.start].Tag, "JJ") || o.end >= len(toks) || !strings.HasPrefix(f.relation, "be") {
		return false
	}
	switch strings.ToLower(toks[o.end].Text) {
	case "if", "whether", "that", "to", "for", "how", "why", "when", "what", "who":
		return true
	}
	return false
}

// inverted reads a reporting verb that follows what was said and precedes
// its speaker: "\"A deal is in sight,\" said a person familiar with it" gives
// person - say - "A deal is in sight".
func inverted(toks []Token, cs []chunk, ci int, p predicate) (rawFact, bool) {
	if !reportingVerbs[p.words[0]] || p.passive || ci == 0 || p.next >= len(cs) || cs[p.next].kind != nounPhrase {
		return rawFact{}, false
	}
	end := cs[ci-1].start // the comma or closing quote before the verb
	if !(isComma(toks, cs[ci-1]) || toks[end].Tag == "''") {
		return rawFact{}, false
	}
	for end > 0 && (toks[end-1].Text == "," || toks[end-1].Tag == "''") {
		end--
	}
	start, quoted := 0, false
	for i := end - 1; i >= 0; i-- {
		if toks[i].Tag == "``" {
			start, quoted = i+1, true
			break
		}
	}
	// What was said is a clause with its verb, unless a verb of speech
	// says so itself of a quote: "denied any wrongdoing" after a name is
	// no quote, nor is "Ana Reyes, the chairman," before "said".
	if end-start < 3 || !hasFinite(toks[start:end]) && !(quoted && speechVerbs[p.words[0]]) {
		return rawFact{}, false
	}
	speaker := chunk{kind: nounPhrase, start: cs[p.next].start, end: cs[phraseWithPPs(toks, cs, p.next)-1].end}
	return rawFact{
		subject:   mention{c: speaker, how: indirect},
		object:    mention{c: chunk{kind: nounPhrase, start: start, end: end}},
		relation:  strings.Join(p.words, " "),
		relFirst:  p.first,
		relLast:   p.last,
		negated:   p.negated,
		modality:  p.modality,
		clause:    true,
		reporting: true,
		segments:  p.segments,
	}, true
}

// saidBefore reads what a reporting verb at the end of a sentence reports:
// in "Prices rose sharply, the ministry said.", the clause before the comma
// that precedes the verb's subject.
func saidBefore(toks []Token, cs []chunk, p predicate, subj chunk) (chunk, bool) {
	if !reportingVerbs[p.words[0]] || p.passive || p.segments > 1 {
		return chunk{}, false
	}
	// Nothing but the final period may follow.
	if p.next < len(cs) && !(p.next == len(cs)-1 && toks[cs[p.next].start].Tag == ".") {
		return chunk{}, false
	}
	end := subj.start
	for end > 0 && toks[end-1].Tag == "''" {
		end--
	}
	if end == 0 || toks[end-1].Text != "," {
		return chunk{}, false
	}
	end--
	for end > 0 && toks[end-1].Tag == "''" {
		end--
	}
	start := 0
	if toks[0].Tag == "``" {
		start = 1
	}
	if end-start < 3 || !hasFinite(toks[start:end]) {
		return chunk{}, false
	}
	return chunk{kind: nounPhrase, start: start, end: end}, true
}

// controlled is a fact read through an object-control verb.
type controlled struct {
	relation string
	objects  []mention
	last     int
	prep     bool
	quals    quals
}

// control reads "urged the administration to ban Harbor Networks" as the
// fact Alvarez - urge to ban - Harbor Networks: the verb, its infinitive and
// the infinitive's object, which link the subject to what it asks, orders or
// requires of someone.
func (m *Model) control(toks []Token, cs []chunk, p predicate, c complement, words []string) (controlled, bool) {
	if c.agent != nil || c.prep != "" || c.clause || c.attribute || len(c.objects) == 0 || p.passive ||
		!controlVerbs[p.words[len(p.words)-1]] {
		return controlled{}, false
	}
	k := 0
	for k < len(cs) && cs[k].start < c.end {
		k++
	}
	if k+1 >= len(cs) || !isTo(toks, cs[k]) || cs[k+1].kind != verbGroup || toks[cs[k+1].start].Tag != "VB" {
		return controlled{}, false
	}
	p2, ok := m.predicate(toks, cs, k+1)
	if !ok || p2.passive {
		return controlled{}, false
	}
	c2 := m.objectsOf(toks, cs, p2)
	if len(c2.objects) == 0 || c2.agent != nil || c2.clause || c2.attribute {
		return controlled{}, false
	}
	rel := append(append(append([]string(nil), words...), "to"), p2.words...)
	last := p2.last
	if c2.prep != "" {
		rel = append(rel, strings.Fields(strings.ToLower(c2.prep))...)
		last = c2.objects[0].c.start - 1
	}
	return controlled{relation: strings.Join(rel, " "), objects: c2.objects, last: last, prep: c2.prep != "",
		quals: m.qualifiers(toks, cs, c2.end)}, true
}

// controlVerbs take an object and an infinitive whose subject is that
// object: "urged the administration to ban", "required the company to pay".
var controlVerbs = map[string]bool{
	"urge": true, "order": true, "require": true, "ask": true, "tell": true, "force": true, "allow": true,
	"permit": true, "persuade": true, "encourage": true, "invite": true, "instruct": true, "direct": true,
	"authorize": true, "enable": true, "want": true, "expect": true, "compel": true, "pressure": true,
	"advise": true, "warn": true, "remind": true, "oblige": true, "cause": true, "lead": true, "press": true,
	"call": true, "push": true, "help": true, "prompt": true, "forbid": true, "command": true,
}

// attribute marks the facts of a reported clause with who reported them:
// in "officials said ZTE did not discipline the employees", the fact ZTE -
// discipline - employees is attributed to the officials.
func attribute(facts []rawFact) {
	for _, r := range facts {
		if !r.reporting || !r.clause {
			continue
		}
		for i := range facts {
			f := &facts[i]
			if f.relFirst >= r.object.c.start && f.relLast < r.object.c.end && f.subject.c.start >= r.object.c.start {
				f.attributedTo = r.subject.c
				f.attributed = true
			}
		}
	}
}

// firstVerb reports whether no verb comes before token i.
func firstVerb(toks []Token, i int) bool {
	for _, t := range toks[:i] {
		if isVerb(t.Tag) || t.Tag == "MD" {
			return false
		}
	}
	return true
}

// subordinate reports whether the clause whose subject starts at token i is
// subordinate: a subordinating word or a wh-adverb stands just before it.
func subordinate(toks []Token, i int) bool {
	if i == 0 {
		return false
	}
	t := toks[i-1]
	if t.Tag == "WRB" {
		return true
	}
	if t.Tag != "IN" {
		return false
	}
	switch strings.ToLower(t.Text) {
	case "while", "because", "although", "though", "if", "whether", "after", "before", "since", "until", "as",
		"unless", "once", "whereas", "that":
		return true
	}
	return false
}

// notOnly reports the word after a "not" that makes it deny nothing: "not
// only", "not just", "not merely" say that the thing is, and more.
func notOnly(next string) bool {
	switch strings.ToLower(next) {
	case "only", "just", "merely", "simply", "solely", "least":
		return true
	}
	return false
}

// copulaNegated reports a "not" or "never" at token i, right after a
// copula, that denies what follows: not "not only" nor "not just".
func copulaNegated(toks []Token, i int) bool {
	if i >= len(toks) {
		return false
	}
	switch strings.ToLower(toks[i].Text) {
	case "not", "n't", "never":
	default:
		return false
	}
	if i+1 < len(toks) && notOnly(toks[i+1].Text) {
		return false
	}
	return true
}

// condition returns the word that makes the clause whose subject starts at
// token i a condition or a question ("if", "whether", "unless"), or "": what
// such a clause states is no fact.
func condition(toks []Token, i int) string {
	if i == 0 {
		return ""
	}
	switch w := strings.ToLower(toks[i-1].Text); w {
	case "if", "whether", "unless":
		return w
	}
	return ""
}

// speechVerbs report words spoken or written.
var speechVerbs = map[string]bool{"say": true, "add": true, "tell": true, "write": true, "tweet": true,
	"explain": true, "note": true, "ask": true, "reply": true, "state": true, "announce": true, "report": true}

// reportingVerbs introduce reported speech or belief.
var reportingVerbs = map[string]bool{
	"say": true, "tell": true, "report": true, "claim": true, "announce": true, "state": true, "add": true,
	"argue": true, "believe": true, "think": true, "insist": true, "warn": true, "note": true, "allege": true,
	"tweet": true, "write": true, "confirm": true, "deny": true, "suggest": true, "acknowledge": true,
	"explain": true, "estimate": true, "predict": true, "conclude": true, "assert": true, "maintain": true,
	// what someone suspects or concedes is theirs to answer for too (verbs
	// that as often take a thing, "found a loophole", "revealed a plan",
	// are not among them)
	"suspect": true, "doubt": true, "assume": true, "speculate": true, "contend": true, "testify": true,
	"admit": true, "concede": true, "complain": true,
}

// hedges are adverbs that make a statement a claim or a guess: "The bank
// allegedly paid bribes" is stored with the modality "allegedly".
var hedges = map[string]bool{
	"allegedly": true, "reportedly": true, "purportedly": true, "supposedly": true, "apparently": true,
	"possibly": true, "probably": true, "perhaps": true, "maybe": true, "presumably": true, "likely": true,
}

// leadingPhrase finds a phrase that opens the sentence and qualifies its main
// clause, up to the first comma: "In April, the department penalized ZTE".
// It returns the phrase and the index of its comma.
func leadingPhrase(toks []Token, cs []chunk) (*span, int) {
	first := 0
	for first < len(cs) && cs[first].kind == none && isAdverb(toks[cs[first].start].Tag) {
		first++ // "Shortly after the tweet, ..."
	}
	if len(cs)-first < 3 || !(isPrep(toks, cs[first]) || cs[first].kind == nounPhrase && isTimePhrase(toks[cs[first].start:cs[first].end])) {
		return nil, -1
	}
	for k := first + 1; k < len(cs) && k < first+12; k++ {
		if cs[k].kind == verbGroup {
			return nil, -1
		}
		if isComma(toks, cs[k]) {
			return &span{Start: cs[0].start, End: cs[k].start}, cs[k].start
		}
	}
	return nil, -1
}

// qualifiers collects the prepositional phrases and time phrases that follow
// a fact's object, from token i to the end of the clause.
func (m *Model) qualifiers(toks []Token, cs []chunk, i int) quals {
	var q quals
	k := 0
	for k < len(cs) && cs[k].start < i {
		k++
	}
	for k < len(cs) {
		switch {
		case cs[k].kind == none && isAdverb(toks[cs[k].start].Tag) && k+1 < len(cs) && isPrep(toks, cs[k+1]):
			k++ // "even in blue jeans"
		case isComma(toks, cs[k]) && k+2 < len(cs) && isPrep(toks, cs[k+1]) && cs[k+2].kind == nounPhrase &&
			kindOf(toks, cs[k+1], cs[k+2]) == qualTime:
			k++ // ", on July 17, 1749": a date set off by a comma
		case (isPrep(toks, cs[k]) || isTo(toks, cs[k])) && k+1 < len(cs) && cs[k+1].kind == nounPhrase && !opensClause(toks, cs, k+1):
			// with the whole list it governs: "to Iran, Syria and Cuba"
			list := withConjuncts(toks, cs, k+1)
			end := cs[k+1].end
			if alike(toks, list) {
				end = list[len(list)-1].c.end
			}
			q = q.with(span{Start: cs[k].start, End: end}, kindOf(toks, cs[k], cs[k+1]))
			for k < len(cs) && cs[k].start < end {
				k++
			}
		case cs[k].kind == nounPhrase && isTimePhrase(toks[cs[k].start:cs[k].end]):
			q = q.with(span{Start: cs[k].start, End: cs[k].end}, qualTime)
			k++
		case cs[k].kind == nounPhrase && isRelativePronoun(toks[cs[k].start]):
			// "a footballer who plays for the Jets": a relative clause
			// says something of its own, in facts of its own.
			return q
		case cs[k].kind == nounPhrase && opensClause(toks, cs, k):
			// "told analysts he is moving": the clause is an argument.
			c := clauseFrom(toks, cs, k)
			return q.with(span{Start: cs[k].start, End: c.end}, qualArg)
		case isWord(toks, cs[k], "that") && k+1 < len(cs) && cs[k+1].kind == nounPhrase && opensClause(toks, cs, k+1):
			c := clauseFrom(toks, cs, k+1)
			return q.with(span{Start: cs[k].start, End: c.end}, qualArg)
		case isTo(toks, cs[k]) && k+1 < len(cs) && cs[k+1].kind == verbGroup && toks[cs[k+1].start].Tag == "VB":
			// "removes the prohibition to receive death benefits": an
			// infinitive with its own object and phrases.
			end := cs[k+1].end
			n := k + 2
			if n < len(cs) && cs[n].kind == nounPhrase {
				end = cs[n].end
				n = phraseWithPPs(toks, cs, n)
				end = cs[n-1].end
			}
			q = q.with(span{Start: cs[k].start, End: end}, qualArg)
			k = n
		case isPrep(toks, cs[k]) && k+2 < len(cs) && cs[k+1].kind == verbGroup && toks[cs[k+1].start].Tag == "VBG" &&
			cs[k+2].kind == nounPhrase && !opensClause(toks, cs, k+2):
			// "for shipping routers"
			q = q.with(span{Start: cs[k].start, End: cs[k+2].end}, qualArg)
			k += 3
		default:
			return q
		}
	}
	return q
}

// Kinds of qualifier.
const (
	qualArg = iota
	qualTime
	qualPlace
)

// quals are a fact's qualifying phrases, with their kinds.
type quals struct {
	spans []span
	kinds []int
}

// with returns q with one more phrase of the given kind.
func (q quals) with(s span, kind int) quals {
	return quals{spans: append(q.spans[:len(q.spans):len(q.spans)], s), kinds: append(q.kinds[:len(q.kinds):len(q.kinds)], kind)}
}

func kindOf(toks []Token, prep, np chunk) int {
	words := toks[np.start:np.end]
	if isTimePhrase(words) || isTimeNP(words) {
		return qualTime
	}
	switch strings.ToLower(toks[prep.start].Text) {
	case "in", "at", "near", "inside", "outside", "across", "throughout":
		// A place: a known one, or a name that is no organisation or person.
		c := canonical(words)
		switch entityType(c, words) {
		case schema.GPE:
			return qualPlace
		case "":
			if allProper(c) {
				return qualPlace
			}
		}
	}
	return qualArg
}

// leadKind classifies a leading phrase by its first prepositional phrase.
func leadKind(toks []Token, cs []chunk, lead span) int {
	for k := 0; k+1 < len(cs) && cs[k+1].end <= lead.End; k++ {
		if isPrep(toks, cs[k]) && cs[k+1].kind == nounPhrase {
			return kindOf(toks, cs[k], cs[k+1])
		}
	}
	if isTimeNP(toks[lead.Start:lead.End]) || isTimePhrase(toks[lead.Start:lead.End]) {
		return qualTime
	}
	return qualArg
}

// isTimeNP reports a noun phrase that names a date: "April", "July 1946",
// "2017", "the spring".
func isTimeNP(toks []Token) bool {
	for _, t := range toks {
		if months[strings.ToLower(t.Text)] || isYear([]Token{t}) {
			return true
		}
	}
	return false
}

// descriptors read a description written before a name as a fact: "Chinese
// phone manufacturer ZTE" gives ZTE - be - Chinese phone manufacturer.
// Titles ("President Donald Trump") are left to the entity's name.
func descriptors(toks []Token, cs []chunk) []rawFact {
	var out []rawFact
	for _, c := range cs {
		if c.kind != nounPhrase {
			continue
		}
		np := headPart(toks[c.start:c.end])
		end := c.start + len(np)
		name := end
		for name > c.start && isProper(toks[name-1]) {
			name--
		}
		if name == end || name == c.start || isTimeNP(toks[name:end]) || timeWords[strings.ToLower(toks[end-1].Text)] ||
			months[strings.ToLower(toks[end-1].Text)] {
			continue
		}
		start := c.start
		for start < name && (toks[start].Tag == "DT" || toks[start].Tag == "PRP$") {
			start++
		}
		if before := toks[name-1]; start == name || !isCommonNoun(before) || capitalised(before.Text) {
			continue
		}
		out = append(out, rawFact{
			subject:  mention{c: chunk{kind: nounPhrase, start: name, end: end}},
			object:   mention{c: chunk{kind: nounPhrase, start: start, end: name}},
			relation: "be",
			relFirst: -1,
			segments: 1,
			implied:  true,
		})
	}
	return out
}

// phraseWithPPs returns the index of the chunk after the noun phrase at k
// and the prepositional phrases that follow it: "the largest maker of routers
// in Canada".
func phraseWithPPs(toks []Token, cs []chunk, k int) int {
	next := k + 1
	for next+1 < len(cs) && isPrep(toks, cs[next]) && cs[next+1].kind == nounPhrase && !opensClause(toks, cs, next+1) {
		next += 2
	}
	return next
}

// headPart returns a noun phrase up to its first preposition: "head" of
// "head of the group".
func headPart(np []Token) []Token {
	for i, t := range np {
		if t.Tag == "IN" && i > 0 {
			return np[:i]
		}
	}
	return np
}

// named reports a noun phrase headed by a proper name.
func named(np []Token) bool {
	h := headPart(np)
	return isProper(h[len(h)-1])
}

// titleHead reports a noun phrase headed by a title: "Deputy Trade
// Secretary", "Secretary of the Treasury".
func titleHead(np []Token) bool {
	h := headPart(np)
	return titles[strings.ToLower(h[len(h)-1].Text)]
}

// described reports a noun phrase headed by a common noun.
func described(np []Token) bool {
	h := headPart(np)
	return isCommonNoun(h[len(h)-1])
}

// appositions reads "NP1, NP2," where NP2 describes NP1 ("ZTE, the world's
// fourth-largest smartphone manufacturer,") as the fact NP1 - be - NP2.
func appositions(toks []Token, cs []chunk) []rawFact {
	var out []rawFact
	lead, _ := leadingPhrase(toks, cs)
	for k := 0; k+2 < len(cs); k++ {
		if cs[k].kind != nounPhrase || !isComma(toks, cs[k+1]) || cs[k+2].kind != nounPhrase {
			continue
		}
		next := phraseWithPPs(toks, cs, k+2) // the chunk after the description
		desc := chunk{kind: nounPhrase, start: cs[k+2].start, end: cs[next-1].end}
		a, b := toks[cs[k].start:cs[k].end], toks[desc.start:desc.end]
		// A description whose preposition names a body, then a person:
		// "a spokesman for Arden, Michael Tran," says who the spokesman is.
		if describedBefore(toks, cs, k) && personName(b) && next == k+3 &&
			(next == len(cs) || isComma(toks, cs[next]) || cs[next].kind == verbGroup) {
			out = append(out, rawFact{subject: mention{c: chunk{kind: nounPhrase, start: cs[k-2].start, end: cs[k].end}},
				object: mention{c: cs[k+2]}, relation: "be", relFirst: -1, segments: 1, implied: true})
			continue
		}
		// Two titles that share their body: "Ana Reyes, chairman and chief
		// executive of Kestrel Holdings," is both of Kestrel Holdings.
		var second *rawFact
		if next == k+3 && next+1 < len(cs) && isAndOr(toks, cs[next]) && cs[next+1].kind == nounPhrase &&
			named(a) && roleLike(b) && !hasOf(b) {
			after := phraseWithPPs(toks, cs, next+1)
			c := toks[cs[next+1].start:cs[after-1].end]
			if roleLike(c) && !isPronoun(c) {
				shared := c[len(headPart(c)):]
				second = &rawFact{subject: mention{c: cs[k]}, object: mention{c: chunk{kind: nounPhrase, start: cs[next+1].start, end: cs[after-1].end}},
					relation: "be", relFirst: -1, segments: 1, implied: true, objName: withoutDeterminer(c), role: titleHead(c)}
				desc.end = cs[after-1].end
				b = append(append([]Token(nil), b...), shared...)
				next = after
			}
		}
		// One names, the other describes: "ZTE, the manufacturer" or "his
		// brother, Conte Mazzolini".
		if !(named(a) && (described(b) || titleHead(b)) || described(a) && named(b)) || isPronoun(a) || isPronoun(b) ||
			isTimePhrase(b) || isTimeNP(b) || isTimeNP(a) {
			continue
		}
		// It must close: a comma or the end follows it. A verb right after
		// it makes it a subject: "..., the people said".
		// So does a relative clause: "the Trail Crew, a crew of students
		// who maintain the trails".
		if next < len(cs) && !isComma(toks, cs[next]) && !(cs[next].kind == none && toks[cs[next].start].Tag == ".") &&
			!(cs[next].kind == nounPhrase && isRelativePronoun(toks[cs[next].start])) &&
			!(cs[next].kind == verbGroup && !isFinite(firstVerbTag(toks, cs[next]))) {
			continue // a participle may follow: "a rival supplier based in Sweden"
		}
		// The object of an opening phrase takes no apposition: in "After
		// Trump's tweet, Rep. Schiff, ...", the name is the clause's subject.
		if lead != nil && cs[k].end <= lead.End {
			continue
		}
		if k > 0 && (isAndOr(toks, cs[k-1]) && !ownTitle(a) && !personalTitle(a) || next < len(cs) && isAndOr(toks, cs[next])) {
			continue // a list, not an apposition ("X and its founder, Ana Reyes," has one)
		}
		if k >= 2 && isComma(toks, cs[k-1]) && cs[k-2].kind == nounPhrase && next+1 < len(cs) && isComma(toks, cs[next]) &&
			cs[next+1].kind == nounPhrase {
			continue // inside a list: "met Harry Truman, Henry Cabot Lodge, the King of Morocco, Clement Atlee and others"
		}
		if second != nil {
			f := rawFact{subject: mention{c: cs[k]}, object: mention{c: desc}, relation: "be", relFirst: -1,
				segments: 1, implied: true, objName: withoutDeterminer(b), role: titleHead(b)}
			out = append(out, f, *second)
			continue
		}
		f := rawFact{
			subject:  mention{c: cs[k]},
			object:   mention{c: desc},
			relation: "be",
			relFirst: -1,
			segments: 1,
			implied:  true,
		}
		if n, ok := describedNationality(toks, cs[k], desc); ok {
			out = append(out, n)
		}
		if !described(b) && titleHead(b) {
			f.objName = b // the title whole, not the name it would give a person
			for len(f.objName) > 1 && f.objName[0].Tag == "DT" {
				f.objName = f.objName[1:]
			}
		}
		out = append(out, f)
	}
	return out
}

// describedNationality reads the country an apposition gives a name:
// "Kestrel Holdings, a Scottish boat maker," gives Kestrel Holdings - of -
// Scotland. Only descriptions of bodies that act count (a maker, a
// company), as in the nationality rule; a person's is left.
func describedNationality(toks []Token, name, desc chunk) (rawFact, bool) {
	i := desc.start
	for i < desc.end && toks[i].Tag == "DT" {
		i++
	}
	head := headPart(toks[i:desc.end])
	place, n := nationalityAt(head)
	if n == 0 || n >= len(head) || !named(toks[name.start:name.end]) ||
		!agentNouns[strings.ToLower(head[len(head)-1].Text)] {
		return rawFact{}, false
	}
	if _, ok := demonyms[strings.ToLower(joinTokens(head[:n]))]; !ok {
		return rawFact{}, false // "a Texas company" may only be where it works
	}
	return rawFact{
		subject:  mention{c: name},
		object:   mention{c: chunk{kind: nounPhrase, start: i, end: i + n}},
		objName:  placeTokens(place),
		relation: "of",
		relFirst: i,
		relLast:  i + n - 1,
		segments: 1,
		derived:  true,
	}, true
}

// ownTitle reports a title its possessive gives a body named before it:
// "its founder", "their chief executive".
func ownTitle(np []Token) bool {
	return len(np) >= 2 && np[0].Tag == "PRP$" && (strings.EqualFold(np[0].Text, "its") || strings.EqualFold(np[0].Text, "their")) &&
		roleLike(np[1:])
}

// personalTitle reports a title a personal possessive opens ("his top
// economic adviser"): after "and", an apposition to it opens a clause of
// its own ("Xi has been irate, and his adviser, Liu He, has told").
func personalTitle(np []Token) bool {
	return len(np) >= 2 && np[0].Tag == "PRP$" && (strings.EqualFold(np[0].Text, "his") || strings.EqualFold(np[0].Text, "her")) &&
		roleLike(np[1:])
}

// describedBefore reports a name at k that is the object of "for", "at" or
// "with" after a description headed by a common noun or a title: the body in
// "a spokesman for Arden".
func describedBefore(toks []Token, cs []chunk, k int) bool {
	return k >= 2 && (isWord(toks, cs[k-1], "for") || isWord(toks, cs[k-1], "at") || isWord(toks, cs[k-1], "with")) &&
		cs[k-2].kind == nounPhrase && roleLike(toks[cs[k-2].start:cs[k-2].end]) && !isPronoun(toks[cs[k-2].start:cs[k-2].end]) &&
		named(toks[cs[k].start:cs[k].end])
}

// personName reports a name that opens with a given name: "Michael Tran".
func personName(np []Token) bool {
	np = withoutDeterminer(np)
	return len(np) >= 2 && allProper(np) && givenNames[strings.ToLower(np[0].Text)]
}

// roleLike reports a description that may be a title: headed by a title
// ("CEO", "President"), or by a common noun and naming no one.
func roleLike(np []Token) bool {
	return len(np) > 0 && (titleHead(np) || !named(np) && described(np))
}

// withoutDeterminer returns a noun phrase without its leading determiners.
func withoutDeterminer(np []Token) []Token {
	for len(np) > 1 && (np[0].Tag == "DT" || np[0].Tag == "PRP$") {
		np = np[1:]
	}
	return np
}

// rawFact is a fact before its names, types and confidence are worked out.
type rawFact struct {
	subject, object   mention
	relation          string
	relFirst, relLast int // the relation's tokens; relFirst is -1 when implied
	negated, passive  bool
	modality          string
	flipped           bool // a passive turned active: the agent is the subject
	prep              bool
	clause            bool // the object is a clause ("said ZTE did not ...")
	implied           bool // no words state the relation (an apposition)
	reporting         bool // the verb reports speech or belief
	attributed        bool
	embedded          bool    // in a subordinate clause: "while the Germans fought"
	controlled        bool    // through an object-control verb: "urged X to ban Y"
	main              bool    // the sentence's first verb: most often its main clause
	derived           bool    // read from a qualifier of another fact: "sold routers to Iran"
	objName           []Token // the object's name, where it is not its words: "China" for "Chinese"
	role              bool    // the object is a role the subject holds ("Senator"), not an entity
	attributedTo      chunk
	segments          int
	quals             quals
}

// predicate reads the verb group at cs[ci] and any infinitives that complete
// it: "pledged on Sunday to help", "is expected to be held".
func (m *Model) predicate(toks []Token, cs []chunk, ci int) (predicate, bool) {
	p := predicate{first: cs[ci].start, next: ci + 1}
	seg, ok := m.segment(toks, cs[ci])
	if !ok {
		return p, false
	}
	p.words = seg.words
	p.passive, p.negated, p.modality = seg.passive, seg.negated, seg.modality
	p.particip, p.partTag = seg.particip, seg.partTag
	p.reduced = seg.reduced
	p.participle = seg.participle
	p.last = cs[ci].end - 1
	p.segments = 1
	for {
		j := p.next
		// "cease selling phones": a bare gerund completes the verb.
		if j < len(cs) && cs[j].kind == verbGroup && cs[j].end-cs[j].start == 1 && toks[cs[j].start].Tag == "VBG" && !p.passive {
			p.words = append(p.words, strings.ToLower(toks[cs[j].start].Text))
			p.last = cs[j].start
			p.next = j + 1
			continue
		}
		// one prepositional phrase may stand between: "pledged on Sunday to help"
		// (a time or a place: in "informed of the decision to cease", the
		// infinitive belongs to the noun)
		var inner *span
		innerKind := qualArg
		if j+2 < len(cs) && isPrep(toks, cs[j]) && cs[j+1].kind == nounPhrase && isTo(toks, cs[j+2]) &&
			(kindOf(toks, cs[j], cs[j+1]) != qualArg || hasProperNoun(toks[cs[j+1].start:cs[j+1].end])) {
			inner, innerKind = &span{Start: cs[j].start, End: cs[j+1].end}, kindOf(toks, cs[j], cs[j+1])
			j += 2
		}
		if !(j+1 < len(cs) && isTo(toks, cs[j]) && cs[j+1].kind == verbGroup && toks[cs[j+1].start].Tag == "VB") {
			break
		}
		if inner != nil {
			p.inner = p.inner.with(*inner, innerKind)
		}
		next, ok := m.segment(toks, cs[j+1])
		if !ok {
			break
		}
		p.words = append(append(p.words, "to"), next.words...)
		p.negated = p.negated || next.negated
		p.last = cs[j+1].end - 1
		p.next = j + 2
		p.segments++
	}
	return p, true
}

type segment struct {
	participle bool
	modality   string
	words      []string
	passive    bool
	reduced    bool
	negated    bool
	particip   string
	partTag    string
}

// segment reads one verb group: its main verb (the last verb), whether it is
// passive (a form of "be" or "get" before a past participle), its negation
// and its particles.
func (m *Model) segment(toks []Token, c chunk) (segment, bool) {
	var s segment
	main := -1
	for i := c.start; i < c.end; i++ {
		t := toks[i]
		switch low := strings.ToLower(t.Text); {
		case low == "never" || (low == "not" || low == "n't") && !(i+1 < len(toks) && notOnly(toks[i+1].Text)):
			s.negated = true
		case t.Tag == "MD":
			s.modality = m.lemma.verb(low, "MD")
		case hedges[low] && s.modality == "":
			s.modality = low
		case isVerb(t.Tag):
			main = i
		}
	}
	if main < 0 {
		return s, false
	}
	if c.start > 0 && (toks[c.start].Tag == "VB" || toks[c.start].Tag == "TO") {
		// "that department stores not be allowed", "urged them never to
		// sell": a base form's "not" stands before its group
		switch strings.ToLower(toks[c.start-1].Text) {
		case "not", "never":
			s.negated = true
		}
	}
	if c.start > 0 && hedges[strings.ToLower(toks[c.start-1].Text)] && s.modality == "" {
		s.modality = strings.ToLower(toks[c.start-1].Text) // "The bank allegedly paid bribes"
	}
	if c.start > 0 && strings.EqualFold(toks[c.start-1].Text, "never") {
		s.negated = true // "The bank never lent money": "never" before the verb it denies
	}
	if c.start > 1 && strings.EqualFold(toks[c.start-2].Text, "no") && strings.EqualFold(toks[c.start-1].Text, "longer") {
		s.negated = true // "The bank no longer lends money"
	}
	if copulaNegated(toks, c.end) && m.lemma.verb(toks[main].Text, toks[main].Tag) == "be" {
		s.negated = true // "is not a price problem": the "not" after a copula is outside its group
	}
	aux := -1
	for i := main - 1; i >= c.start; i-- {
		if isVerb(toks[i].Tag) || toks[i].Tag == "MD" {
			aux = i
			break
		}
	}
	switch {
	case toks[main].Tag == "VBG" && aux < 0:
		// A bare participle ("stressing in a statement") has no subject of
		// its own; the clause decides whether it borrows one.
		s.participle = true
	case toks[main].Tag == "VBN" && aux < 0 && reducedPassive(toks, c, main):
		// A bare past participle after a noun is a reduced passive:
		// "equipment made by companies", "employees involved in it".
		s.passive, s.reduced = true, true
	case toks[main].Tag == "VBN" && aux >= 0:
		if l := m.lemma.verb(toks[aux].Text, toks[aux].Tag); l == "be" || l == "get" {
			s.passive = true
		}
	}
	if s.passive {
		s.words = []string{"be", strings.ToLower(toks[main].Text)}
		s.particip, s.partTag = toks[main].Text, toks[main].Tag
	} else {
		s.words = []string{m.lemma.verb(toks[main].Text, toks[main].Tag)}
	}
	for i := main + 1; i < c.end; i++ {
		if toks[i].Tag == "RP" {
			s.words = append(s.words, strings.ToLower(toks[i].Text))
		}
	}
	return s, true
}

// reducedPassive tells a bare past participle that modifies the noun before
// it ("routers made by Norvale") from a simple past the tagger took for a
// participle ("the minister promised"): it is followed by "by", or the
// sentence already has a finite verb before it.
func reducedPassive(toks []Token, c chunk, main int) bool {
	if c.end < len(toks) && strings.EqualFold(toks[c.end].Text, "by") {
		return true
	}
	if c.start > 0 && toks[c.start-1].Tag == "CC" {
		return false // "observed the practice and attempted to": a second past verb
	}
	// "the fine that the regulator imposed": a relative clause's subject
	// stands before the verb, which is finite.
	i := c.start - 1
	for i > 0 && (isNoun(toks[i].Tag) || toks[i].Tag == "DT" || toks[i].Tag == "JJ" || toks[i].Tag == "PRP$" || toks[i].Tag == "PRP") {
		i--
	}
	if i >= 0 && i < c.start-1 && (toks[i].Tag == "WDT" || toks[i].Tag == "WP" || strings.EqualFold(toks[i].Text, "that")) {
		return false
	}
	for i := 0; i < c.start; i++ {
		if isFinite(toks[i].Tag) {
			return true
		}
	}
	// Before the main verb, after a noun and a comma, with a phrase of its
	// own that a comma closes before the verb: "Kestrel Holdings, based in
	// Leeds, makes boats" (not "Norvale, a maker of routers, closed in May").
	if c.start < 2 || toks[c.start-1].Text != "," || !isNoun(toks[c.start-2].Tag) || c.end >= len(toks) || toks[c.end].Tag != "IN" {
		return false
	}
	for i := c.end; i+1 < len(toks); i++ {
		if toks[i].Text == "," {
			for _, t := range toks[i+1:] {
				if isFinite(t.Tag) {
					return true
				}
			}
			return false
		}
	}
	return false
}

func isTo(toks []Token, c chunk) bool { return c.kind == none && toks[c.start].Tag == "TO" }

// isPrep reports whether the chunk is a preposition that can head a phrase
// folded into a relation; subordinating words ("that", "because", "if") are
// not.
func isPrep(toks []Token, c chunk) bool {
	if c.kind != none || toks[c.start].Tag != "IN" {
		return false
	}
	switch strings.ToLower(toks[c.start].Text) {
	case "that", "because", "if", "whether", "although", "though", "while", "since", "unless", "than", "so":
		return false
	}
	return true
}

// relativeBefore looks back from the noun phrase at j for "NP who/that VG
// [PP] NP": when j ends a relative clause, it returns the index of the noun
// phrase the clause modifies, else -1.
func relativeBefore(toks []Token, cs []chunk, j int) int {
	k := j - 1
	if k >= 1 && cs[k].kind == nounPhrase && isPrep(toks, cs[k-1]) {
		k -= 2 // "that sells routers to carriers"
	}
	if k < 2 || cs[k].kind != verbGroup {
		return -1
	}
	if t := toks[cs[k-1].start]; cs[k-1].kind != nounPhrase || !(t.Tag == "WDT" || t.Tag == "WP") {
		return -1
	}
	if cs[k-2].kind != nounPhrase {
		return -1
	}
	return k - 2
}

// modifiesNoun reports whether the chunk is a preposition that commonly
// attaches a phrase to the noun before it ("a spokesman for the department"),
// unlike words that open a clause ("as", "before", "after").
func modifiesNoun(toks []Token, c chunk) bool {
	if c.kind != none || toks[c.start].Tag != "IN" {
		return false
	}
	switch strings.ToLower(toks[c.start].Text) {
	case "of", "for", "with", "in", "at", "from", "on", "about", "between", "among", "near", "under", "inside",
		"outside", "within", "without", "behind", "across", "like":
		return true
	}
	return false
}

func hasFinite(toks []Token) bool {
	for _, t := range toks {
		if isFinite(t.Tag) {
			return true
		}
	}
	return false
}

// antecedent returns the index of the noun phrase an object relative clause
// modifies, when the subject subj follows its relative pronoun ("the
// loophole that smugglers exploit", "the fine which the court upheld"), else
// -1. "that" after a noun of saying or knowing ("the news that prices
// rose") or after the object of a reporting verb ("told reporters that
// prices rose") opens a clause of its own.
func (m *Model) antecedent(toks []Token, cs []chunk, subj chunk) int {
	k := 0
	for k < len(cs) && cs[k].start < subj.start {
		k++
	}
	if k < 2 || k >= len(cs) || cs[k].start != subj.start || cs[k-1].end-cs[k-1].start != 1 {
		return -1
	}
	rel := toks[cs[k-1].start]
	if !(rel.Tag == "WDT" || strings.EqualFold(rel.Text, "that") || strings.EqualFold(rel.Text, "whom")) {
		return -1
	}
	ante := k - 2
	if ante >= 1 && cs[ante].kind == none && toks[cs[ante].start].Tag == "''" {
		ante-- // "an `` index filing system '' which he patented"
	}
	if cs[ante].kind != nounPhrase {
		return -1
	}
	head := toks[cs[ante].end-1]
	if !isNoun(head.Tag) || contentNouns[strings.ToLower(head.Text)] || isPronoun(toks[cs[ante].start:cs[ante].end]) {
		return -1
	}
	if ante >= 1 && cs[ante-1].kind == verbGroup {
		if v := toks[cs[ante-1].end-1]; isVerb(v.Tag) && reportingVerbs[m.lemma.verb(v.Text, v.Tag)] {
			return -1
		}
	}
	return ante
}

// contentNouns take a clause that says what they hold: "the news that
// prices rose".
var contentNouns = map[string]bool{"fact": true, "news": true, "idea": true, "belief": true, "claim": true,
	"claims": true, "report": true, "reports": true, "evidence": true, "hope": true, "hopes": true, "fear": true,
	"fears": true, "concern": true, "concerns": true, "sign": true, "signs": true, "view": true, "possibility": true,
	"chance": true, "notion": true, "statement": true, "announcement": true, "assurance": true, "assurances": true,
	"warning": true, "warnings": true, "suggestion": true, "rumor": true, "rumors": true, "doubt": true, "doubts": true,
	"argument": true, "impression": true, "conclusion": true, "assumption": true, "proof": true, "promise": true,
	"indication": true, "realization": true, "feeling": true, "message": true, "thought": true, "theory": true,
	"word": true, "allegation": true, "allegations": true, "expectation": true, "expectations": true,
	"speculation": true, "certainty": true, "guarantee": true, "understanding": true, "recognition": true, "risk": true,
	"opinion": true, "sense": true, "hypothesis": true, "principle": true, "insistence": true, "reminder": true}

// timeNP reports a noun phrase that is a time: "this year", "2012".
func timeNP(toks []Token, c chunk) bool {
	np := toks[c.start:c.end]
	return c.kind == nounPhrase && (isTimePhrase(np) || len(np) == 1 && isYear(np))
}

// bareParticiple reports a verb group that is one participle alone, as a
// reduced relative clause has: "sponsored", "based", "using".
func bareParticiple(toks []Token, c chunk) bool {
	if c.kind != verbGroup || c.end-c.start != 1 {
		return false
	}
	tag := toks[c.start].Tag
	return tag == "VBN" || tag == "VBG"
}

// isBe reports a verb group that is a form of "be" alone: "is", "was",
// "has been".
func isBe(toks []Token, c chunk) bool {
	last := toks[c.end-1]
	switch strings.ToLower(last.Text) {
	case "is", "are", "was", "were", "be", "been", "'s", "'re", "am":
		return isVerb(last.Tag)
	}
	return false
}

// isRelativePronoun reports "who", "which", "that" (as the tagger reads a
// relative pronoun) and "whom".
func isRelativePronoun(t Token) bool { return t.Tag == "WP" || t.Tag == "WDT" }

func isFinite(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD" }

// subjectsOf finds the subject of the verb group cs[ci]: the noun phrase just
// before it, or the antecedent of a relative pronoun ("a president who has
// accused"), or the head of an apposition ("ZTE, the manufacturer, said"),
// past a prepositional phrase that modifies it ("a spokesman for the
// department did not respond"), with its coordinated conjuncts.
func subjectsOf(toks []Token, cs []chunk, ci int, pastPP bool) []mention {
	j := ci - 1
	for j >= 0 && cs[j].kind == none && isAdverb(toks[cs[j].start].Tag) {
		j--
	}
	// A time is no subject: "Norvale this year adds 70 people", "and in
	// 2012 joined".
	if j >= 1 && timeNP(toks, cs[j]) {
		switch {
		case cs[j-1].kind == nounPhrase:
			j--
		case isPrep(toks, cs[j-1]) && j >= 2 && cs[j-2].kind == nounPhrase && (j == 2 || cs[j-3].kind == none && !isPrep(toks, cs[j-3])):
			j -= 2 // "The department on Tuesday imposed": the name before the time
		case isPrep(toks, cs[j-1]):
			return nil
		case isComma(toks, cs[j-1]) && j >= 2:
			j-- // "Norvale, a router maker, today said": the apposition's comma
		}
	}
	// A quoted name: "`` Kormoran '' was a raider"; a quote that opens
	// after the subject: "said the deal `` will fail".
	if j >= 1 && cs[j].kind == none && (toks[cs[j].start].Tag == "''" && cs[j-1].start > 0 && toks[cs[j-1].start-1].Tag == "``" ||
		toks[cs[j].start].Tag == "``") && cs[j-1].kind == nounPhrase {
		j--
	}
	if j < 0 {
		return nil
	}
	how := direct
	// A parenthetical between subject and verb: "Premark, for example, peddles".
	if j >= 4 && isComma(toks, cs[j]) && cs[j-1].kind == nounPhrase && (isPrep(toks, cs[j-2]) || cs[j-2].kind == none && isAdverb(toks[cs[j-2].start].Tag)) && isComma(toks, cs[j-3]) && cs[j-4].kind == nounPhrase {
		j -= 4
		how = indirect
	} else if j >= 3 && isComma(toks, cs[j]) && cs[j-1].kind == none && isAdverb(toks[cs[j-1].start].Tag) && isComma(toks, cs[j-2]) && cs[j-3].kind == nounPhrase {
		j -= 3 // "Beijing, however, has responded"
		how = indirect
	} else if j >= 2 && isComma(toks, cs[j]) && cs[j-1].kind == none && isAdverb(toks[cs[j-1].start].Tag) && cs[j-2].kind == nounPhrase {
		j -= 2 // "The university however, refused"
		how = indirect
	}
	if cs[j].kind == none && toks[cs[j].start].Text == "," {
		// apposition: NP , NP , VG, the second with its prepositional phrases
		for {
			if j >= 3 && cs[j-1].kind == nounPhrase && isPrep(toks, cs[j-2]) && cs[j-3].kind == nounPhrase {
				j -= 2
				continue
			}
			// "a router maker based in Ostrava"
			if j >= 4 && cs[j-1].kind == nounPhrase && isPrep(toks, cs[j-2]) && cs[j-3].kind == verbGroup &&
				!isFinite(firstVerbTag(toks, cs[j-3])) && cs[j-4].kind == nounPhrase {
				j -= 3
				continue
			}
			break
		}
		// A participle phrase alone: "Kestrel Holdings, based in Leeds,
		// makes boats".
		if j >= 5 && cs[j-1].kind == nounPhrase && isPrep(toks, cs[j-2]) && bareParticiple(toks, cs[j-3]) &&
			isComma(toks, cs[j-4]) && cs[j-5].kind == nounPhrase {
			return []mention{{c: cs[j-5], how: indirect}}
		}
		// The description may be a coordination: "Ana Reyes, the firm's
		// chairman and chief executive, said".
		for j >= 5 && cs[j-1].kind == nounPhrase && isAndOr(toks, cs[j-2]) && cs[j-3].kind == nounPhrase && !named(toks[cs[j-1].start:cs[j-1].end]) {
			j -= 2
		}
		// A short form in brackets after the name: "Norvale Telecom (NT), a
		// router maker, said".
		if j >= 6 && cs[j-1].kind == nounPhrase && isComma(toks, cs[j-2]) && isWord(toks, cs[j-3], ")") &&
			cs[j-4].kind == nounPhrase && isWord(toks, cs[j-5], "(") && cs[j-6].kind == nounPhrase {
			return []mention{{c: cs[j-6], how: indirect}}
		}
		if j >= 3 && cs[j-1].kind == nounPhrase && isComma(toks, cs[j-2]) && cs[j-3].kind == nounPhrase {
			// The name rather than the description: "The distributor, Gulf
			// Systems, shipped".
			head, appos := cs[j-3], cs[j-1]
			if !hasProperNoun(toks[head.start:head.end]) && hasProperNoun(toks[appos.start:appos.end]) ||
				describedBefore(toks, cs, j-3) && personName(toks[appos.start:appos.end]) {
				head = appos // "A spokesman for Arden, Michael Tran, said"
			}
			out := []mention{{c: head, how: indirect}}
			if j >= 5 && isAndOr(toks, cs[j-4]) && cs[j-5].kind == nounPhrase && ownTitle(toks[cs[j-3].start:cs[j-3].end]) &&
				(j == 5 || !isPrep(toks, cs[j-6])) {
				// "Brightwater and its founder, Peter Galloway, had broken"
				out = append(out, mention{c: cs[j-5], how: indirect, extra: true})
			}
			return out
		}
		return nil
	}
	if cs[j].kind != nounPhrase {
		return nil
	}
	if t := toks[cs[j].start]; t.Tag == "WP" || t.Tag == "WDT" {
		k := j - 1
		for k >= 0 && cs[k].kind == none && (isComma(toks, cs[k]) || toks[cs[k].start].Tag == "''") {
			k--
		}
		if k >= 0 && cs[k].kind == nounPhrase {
			// "Celeski is a footballer who plays for the Jets": the clause
			// describes what the copula's subject is, and says it of him.
			if k >= 2 && k+1 == j && cs[k-1].kind == verbGroup && isBe(toks, cs[k-1]) && cs[k-2].kind == nounPhrase &&
				!isPronounTag(toks[cs[k-2].start].Tag) && toks[cs[k-2].start].Tag != "EX" {
				return []mention{{c: cs[k-2], how: indirect}}
			}
			return []mention{{c: cs[k], how: indirect}}
		}
		return nil
	}
	if toks[cs[j].start].Tag == "EX" {
		return nil
	}
	// A relative clause between subject and verb: "the company that makes
	// routers said" has the company as the subject of "said".
	if k := relativeBefore(toks, cs, j); k >= 0 {
		return []mention{{c: cs[k], how: indirect}}
	}
	for pastPP {
		k := j
		// the object of the preposition may be a list: "tensions between
		// the United States and China remain"
		for k >= 2 && isAndOr(toks, cs[k-1]) && cs[k-2].kind == nounPhrase {
			k -= 2
		}
		switch {
		case k >= 2 && modifiesNoun(toks, cs[k-1]) && cs[k-2].kind == nounPhrase:
			j = k - 2
		case k >= 3 && modifiesNoun(toks, cs[k-1]) && cs[k-2].kind == none && toks[cs[k-2].start].Tag == "JJ" && cs[k-3].kind == nounPhrase:
			j = k - 3 // "officials familiar with the issue believe"
		case k >= 3 && isPrep(toks, cs[k-1]) && bareParticiple(toks, cs[k-2]) && cs[k-3].kind == nounPhrase:
			// a reduced relative: "legislation sponsored by the senator
			// provides", "the firm based in Ostrava makes"
			j = k - 3
		case k >= 5 && isPrep(toks, cs[k-1]) && bareParticiple(toks, cs[k-2]) && isAndOr(toks, cs[k-3]) &&
			cs[k-4].kind == nounPhrase && isPrep(toks, cs[k-5]):
			// "legislation sponsored by the senator and signed into law
			// provides": the first participle comes next
			j = k - 4
		default:
			pastPP = false
			continue
		}
		how = indirect
	}
	subjects := []mention{{c: cs[j], how: how}}
	// conjuncts: "the Treasury Department and the Commerce Department"
	k := j
	for k >= 2 && cs[k-2].kind == nounPhrase && (isAndOr(toks, cs[k-1]) || k < j && isComma(toks, cs[k-1])) {
		k -= 2
	}
	if k < j && (k == 0 || isComma(toks, cs[k-1]) || cs[k-1].kind == none && toks[cs[k-1].start].Tag != "IN") {
		for x := k; x < j; x += 2 {
			subjects = append(subjects, mention{c: cs[x], how: how, extra: true})
		}
	}
	return subjects
}

// complement is what a predicate acts on.
type complement struct {
	objects []mention
	prep    string   // a preposition folded into the relation
	agent   *mention // the agent of a passive
	clause  bool     // the object is a clause
	// attribute says the object is an adjective phrase ("remain high").
	attribute bool
	end       int // the token after the last one used
}

// copulas link a subject to an attribute.
var copulas = map[string]bool{"be": true, "become": true, "remain": true, "seem": true, "appear": true,
	"stay": true, "look": true, "sound": true, "prove": true, "grow": true}

// adjectivePhrase returns the end of the adjective phrase at token i ("very
// high", "free and fair"), or i if none starts there.
func adjectivePhrase(toks []Token, i int) int {
	j := i
	for j < len(toks) && isAdverb(toks[j].Tag) {
		j++
	}
	end := i
	for j < len(toks) {
		switch tag := toks[j].Tag; {
		case tag == "JJ" || tag == "JJR" || tag == "JJS":
			j++
			end = j
		case (tag == "CC" || tag == ",") && end == j && j+1 < len(toks) && strings.HasPrefix(toks[j+1].Tag, "JJ"):
			j++
		default:
			return end
		}
	}
	return end
}

// objectsOf finds what the predicate p acts on: a noun phrase right after it
// (with its conjuncts), or the object of a preposition, which is then folded
// into the relation ("aligned against ZTE"). A passive followed by "by" has
// an agent instead. A noun phrase that is itself the subject of a finite verb
// opens a clause ("officials said ZTE did not"), which is the object as a
// whole.
func (m *Model) objectsOf(toks []Token, cs []chunk, p predicate) complement {
	j := p.next
	for j < len(cs) && cs[j].kind == none && isAdverb(toks[cs[j].start].Tag) {
		j++
	}
	// "said this year that ZTE did not": a time phrase may stand before a clause.
	if j+1 < len(cs) && cs[j].kind == nounPhrase && isTimePhrase(toks[cs[j].start:cs[j].end]) && isWord(toks, cs[j+1], "that") {
		j++
	}
	// "said after the incident that he": so may a prepositional phrase.
	if j+3 < len(cs) && isPrep(toks, cs[j]) && cs[j+1].kind == nounPhrase && isWord(toks, cs[j+2], "that") &&
		cs[j+3].kind == nounPhrase && opensClause(toks, cs, j+3) {
		j += 2
	}
	if j+1 < len(cs) && isWord(toks, cs[j], "that") && cs[j+1].kind == nounPhrase && opensClause(toks, cs, j+1) {
		j++
	}
	if j >= len(cs) {
		return complement{}
	}
	// "was founded in 2009 by Elena Park": the agent may come after other
	// phrases.
	if p.passive && p.segments == 1 {
		for k := j; k+1 < len(cs) && k < j+6; k += 2 {
			if !isPrep(toks, cs[k]) || cs[k+1].kind != nounPhrase {
				break
			}
			if isWord(toks, cs[k], "by") {
				if k == j {
					break // handled below, with the object it may have
				}
				return complement{agent: &mention{c: cs[k+1]}, end: cs[k+1].end}
			}
		}
	}
	if cs[j].kind == nounPhrase {
		np := toks[cs[j].start:cs[j].end]
		switch {
		case opensClause(toks, cs, j) && !p.relative:
			return clauseFrom(toks, cs, j)
		case toks[cs[j].start].Tag == "EX":
			return complement{}
		case p.passive && p.segments == 1 && j+2 < len(cs) && isWord(toks, cs[j+1], "by") && cs[j+2].kind == nounPhrase:
			// "was fined $45 million by the department": the agent counts.
			return complement{agent: &mention{c: cs[j+2]}, end: cs[j+2].end}
		case isTimePhrase(np):
			return complement{}
		}
		if copulas[p.words[len(p.words)-1]] && !p.passive {
			if c, ok := nounOf(toks, cs[j]); ok {
				return c
			}
		}
		objs := withConjuncts(toks, m.bareInfinitive(toks, cs, j, p), j)
		if reportingVerbs[p.words[0]] && !p.passive && !p.relative && listOpensClause(toks, cs, objs) {
			// "said Castlegate, Holloway and a lender, Merrion Savings,
			// exchanged emails": the list is the subject of what was said
			return clauseFrom(toks, cs, j)
		}
		return complement{objects: objs, end: objs[len(objs)-1].c.end}
	}
	if copulas[p.words[len(p.words)-1]] && !p.passive {
		if end := adjectivePhrase(toks, cs[j].start); end > cs[j].start {
			// "tensions remain high": an attribute, not an entity.
			return complement{objects: []mention{{c: chunk{kind: none, start: cs[j].start, end: end}}}, attribute: true, end: end}
		}
	}
	if !(isPrep(toks, cs[j]) || isTo(toks, cs[j])) || j+1 >= len(cs) {
		return complement{}
	}
	word := toks[cs[j].start].Text
	// "broke out of the beachhead", "moved ahead of rivals": a preposition
	// of two words.
	if j+2 < len(cs) && (isPrep(toks, cs[j+1]) || isTo(toks, cs[j+1])) && cs[j+2].kind == nounPhrase && isPrep(toks, cs[j]) {
		word += " " + toks[cs[j+1].start].Text
		j++
	}
	if cs[j+1].kind == nounPhrase {
		if np := toks[cs[j+1].start:cs[j+1].end]; isTimePhrase(np) || isTimeNP(np) && !hasTag(np, "DT") {
			// "were held in 862": a time is a qualifier, not what the verb
			// acts on; the phrase stays whole.
			return complement{end: cs[j].start}
		}
		if p.passive && p.segments == 1 && strings.EqualFold(word, "by") {
			return complement{agent: &mention{c: cs[j+1]}, end: cs[j+1].end}
		}
		objs := withConjuncts(toks, cs, j+1)
		return complement{objects: objs, prep: word, end: objs[len(objs)-1].c.end}
	}
	// "moved toward prohibiting U.S. providers": the gerund joins the relation.
	if cs[j+1].kind == verbGroup && toks[cs[j+1].start].Tag == "VBG" && cs[j+1].end-cs[j+1].start == 1 &&
		j+2 < len(cs) && cs[j+2].kind == nounPhrase {
		objs := withConjuncts(toks, cs, j+2)
		return complement{objects: objs, prep: word + " " + strings.ToLower(toks[cs[j+1].start].Text), end: objs[len(objs)-1].c.end}
	}
	return complement{}
}

// nounOf folds a relational noun after a copula into the relation: "are
// allies of Navigation Mixte" gives the relation "be allies of" and the object
// Navigation Mixte, as "is a member of", "was head of" do.
func nounOf(toks []Token, np chunk) (complement, bool) {
	of := -1
	for i := np.start + 1; i < np.end-1; i++ {
		if toks[i].Tag == "IN" {
			if strings.EqualFold(toks[i].Text, "of") {
				of = i
			}
			break
		}
	}
	if of < 0 {
		return complement{}, false
	}
	head := toks[np.start:of]
	for len(head) > 0 && (head[0].Tag == "DT" || head[0].Tag == "PRP$") {
		head = head[1:]
	}
	if len(head) == 0 || len(head) > 3 || hasProperNoun(head) || !isNoun(head[len(head)-1].Tag) {
		return complement{}, false
	}
	words := make([]string, 0, len(head)+1)
	for _, t := range head {
		words = append(words, strings.ToLower(t.Text))
	}
	obj := chunk{kind: nounPhrase, start: of + 1, end: np.end}
	return complement{objects: []mention{{c: obj}}, prep: strings.Join(append(words, "of"), " "), end: np.end}, true
}

// clauseFrom returns the clause that starts at chunk j as an object: up to
// the end of the sentence, or to a semicolon or closing quote.
// listOpensClause reports a list of noun phrases that a finite verb
// follows, the subjects of a clause: "Ardmore and Kestrel broke" (whose
// last item withConjuncts leaves out, as it opens the clause), "Ardmore,
// Kestrel and a third firm, Dunmore Mills, broke".
func listOpensClause(toks []Token, cs []chunk, list []mention) bool {
	n := chunkAt(cs, list[len(list)-1].c.start)
	if n < 0 {
		return false
	}
	finite := func(k int) bool {
		return k < len(cs) && cs[k].kind == verbGroup && isFinite(firstVerbTag(toks, cs[k]))
	}
	sep := n + 1
	if sep+1 < len(cs) && isComma(toks, cs[sep]) && isAndOr(toks, cs[sep+1]) {
		sep++
	}
	if sep+1 < len(cs) && isAndOr(toks, cs[sep]) && cs[sep+1].kind == nounPhrase && finite(sep+2) {
		return true
	}
	if len(list) < 2 {
		return false
	}
	if n+3 < len(cs) && isComma(toks, cs[n+1]) && cs[n+2].kind == nounPhrase && isComma(toks, cs[n+3]) {
		n += 3 // the last item's apposition
	}
	return finite(n + 1)
}

func clauseFrom(toks []Token, cs []chunk, j int) complement {
	end := len(toks)
	for i := cs[j].start; i < len(toks); i++ {
		if t := toks[i]; t.Text == ";" || t.Tag == "''" || t.Text == ":" {
			end = i
			break
		}
	}
	for end > cs[j].start && (toks[end-1].Tag == "." || toks[end-1].Text == ",") {
		end--
	}
	return complement{objects: []mention{{c: chunk{kind: nounPhrase, start: cs[j].start, end: end}}}, clause: true, end: end}
}

// bareInfinitive shortens an object that swallowed the bare infinitive after
// it: in "help ZTE return", the tagger reads "ZTE return" as one noun phrase.
// It applies after verbs that take a bare infinitive, when the phrase ends in
// a common noun the lexicon knows as a verb, right after a proper name.
func (m *Model) bareInfinitive(toks []Token, cs []chunk, j int, p predicate) []chunk {
	switch p.words[len(p.words)-1] {
	case "help", "let", "make", "see", "watch", "hear", "have":
	default:
		return cs
	}
	c := cs[j]
	last := toks[c.end-1]
	if c.end-c.start < 2 || last.Tag != "NN" || !isProper(toks[c.end-2]) || !m.tag.knownVerb(strings.ToLower(last.Text)) {
		return cs
	}
	out := append([]chunk(nil), cs...)
	out[j].end--
	return out
}

// withConjuncts returns the noun phrase at j and the ones coordinated with it:
// "A and B", "A, B and C", "A, B, and C". A list without "and" or "or" is no
// coordination.
func withConjuncts(toks []Token, cs []chunk, j int) []mention {
	out := []mention{{c: cs[j]}}
	var items []int
	k := j
	for k+2 < len(cs) {
		sep := k + 1
		if k+3 < len(cs) && isComma(toks, cs[sep]) && isAndOr(toks, cs[sep+1]) {
			sep++ // the comma before the last item
		}
		if !(isAndOr(toks, cs[sep]) || isComma(toks, cs[sep])) || sep+1 >= len(cs) ||
			cs[sep+1].kind != nounPhrase || opensClause(toks, cs, sep+1) {
			break
		}
		items = append(items, sep+1)
		k = sep + 1
		if isAndOr(toks, cs[sep]) {
			for _, x := range items {
				out = append(out, mention{c: cs[x], extra: true})
			}
			return out
		}
	}
	return out
}

// alike reports whether the items of a list start alike, all names or all
// common nouns: "Iran, Syria and Cuba", not "July 17, the son of Daniel".
func alike(toks []Token, list []mention) bool {
	first := isProper(toks[list[0].c.start])
	for _, m := range list[1:] {
		if isProper(toks[m.c.start]) != first {
			return false
		}
	}
	return true
}

// opensClause reports a noun phrase that is the subject of a finite verb
// right after it, or after an opening quote: "said the deal “ will fail".
func opensClause(toks []Token, cs []chunk, j int) bool {
	if j+2 < len(cs) && cs[j+1].kind == none && toks[cs[j+1].start].Tag == "``" {
		j++
	}
	return j+1 < len(cs) && cs[j+1].kind == verbGroup && isFinite(firstVerbTag(toks, cs[j+1]))
}

func firstVerbTag(toks []Token, c chunk) string {
	for i := c.start; i < c.end; i++ {
		if isVerb(toks[i].Tag) || toks[i].Tag == "MD" {
			return toks[i].Tag
		}
	}
	return ""
}

func isWord(toks []Token, c chunk, w string) bool {
	return c.kind == none && strings.EqualFold(toks[c.start].Text, w)
}

func isComma(toks []Token, c chunk) bool { return c.kind == none && toks[c.start].Text == "," }

func isAndOr(toks []Token, c chunk) bool {
	if c.kind != none || toks[c.start].Tag != "CC" {
		return false
	}
	w := strings.ToLower(toks[c.start].Text)
	return w == "and" || w == "or"
}

// deniedObject reports a fact whose object "no" opens: "had no sales"
// denies that there were any.
func deniedObject(toks []Token, f rawFact) bool {
	o := f.object.c
	return !f.clause && !f.implied && o.end > o.start && o.start < len(toks) && toks[o.start].Tag == "DT" &&
		strings.EqualFold(toks[o.start].Text, "no")
}

// deniedSubject reports a subject that denies the verb: "No bank paid the
// fine", "Neither the bank nor the firm paid", where the clause says no
// one did.
func deniedSubject(toks []Token, f rawFact) bool {
	sc := f.subject.c
	if f.implied || f.derived || sc.end <= sc.start || sc.start >= len(toks) {
		return false
	}
	switch strings.ToLower(toks[sc.start].Text) {
	case "no", "neither":
		return true
	}
	if sc.start > 0 {
		switch strings.ToLower(toks[sc.start-1].Text) {
		case "neither", "nor":
			return true
		}
	}
	return false
}

// fact turns a raw fact into the schema's form.
func fact(f rawFact, s Sentence, doc string, off map[string]bool) schema.Fact {
	toks := s.Tokens
	subj := toks[f.subject.c.start:f.subject.c.end]
	obj := toks[f.object.c.start:f.object.c.end]
	sc, oc := canonical(subj), obj
	if len(obj) > 0 && !f.clause {
		oc = canonical(obj) // a clause keeps its words
	}
	if f.objName != nil {
		oc = f.objName
	}
	out := schema.Fact{
		Subject:     joinTokens(sc),
		Relation:    f.relation,
		Object:      joinTokens(oc),
		SubjectType: entityType(sc, subj),
		ObjectType:  entityType(oc, obj),
		Text: schema.Surface{
			Subject: s.surface(subj[0], subj[len(subj)-1]),
		},
		Negated:       f.negated || deniedObject(toks, f) || deniedSubject(toks, f),
		Passive:       f.flipped,
		Derived:       f.derived,
		Modality:      f.modality,
		Confidence:    confidence(f, toks, subj, obj, relationMargin(toks, f), off),
		Doc:           doc,
		SentenceIndex: s.Index,
		Sentence:      s.Text,
		SentenceStart: s.Start,
		SentenceEnd:   s.End,
	}
	if len(obj) > 0 {
		out.Text.Object = s.surface(obj[0], obj[len(obj)-1])
	}
	if !f.implied {
		out.Text.Relation = s.surface(toks[f.relFirst], toks[f.relLast])
	}
	if f.attributed {
		out.AttributedTo = joinTokens(canonical(toks[f.attributedTo.start:f.attributedTo.end]))
	}
	for i, q := range f.quals.spans {
		text := s.surface(toks[q.Start], toks[q.End-1])
		switch f.quals.kinds[i] {
		case qualTime:
			out.Time = joinNonEmpty(out.Time, text)
		case qualPlace:
			out.Place = joinNonEmpty(out.Place, text)
		default:
			out.Args = append(out.Args, text)
		}
	}
	if !isPronoun(sc) && hasNominal(sc) {
		out.SubjectID = schema.EntityID(out.Subject)
	}
	// A clause, a pronoun, a time or a role is not an entity of the graph:
	// "President" would link every president to every other. Nor is a word
	// that names nothing: "he looked good", "threw wide", "Home is where".
	if len(oc) > 0 && !isPronoun(oc) && !f.clause && !f.role && !isTimePhrase(oc) && out.ObjectType != schema.Date && hasNominal(oc) {
		out.ObjectID = schema.EntityID(out.Object)
	}
	return out
}

// hasNominal reports whether an argument has a word that can name
// something: a noun, a name, a pronoun, a number or an amount.
func hasNominal(toks []Token) bool {
	for _, t := range toks {
		switch {
		case strings.HasPrefix(t.Tag, "NN"), strings.HasPrefix(t.Tag, "PRP"), t.Tag == "CD", t.Tag == "$", t.Tag == "FW":
			return true
		}
	}
	return false
}

func joinNonEmpty(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}
