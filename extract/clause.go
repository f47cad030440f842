package extract

import (
	"math"
	"strings"

	"github.com/kgraph/kg/schema"
)

// predicate is a relation read from one verb group and the infinitives that
// complete it ("pledged ... to help").
type predicate struct {
	words    []string // the relation, lemmatised: "pledge", "to", "help"
	first    int      // first token of the relation
	last     int      // last token of the relation, inclusive
	next     int      // first chunk after the relation
	passive  bool     // the surface subject undergoes the action
	negated  bool
	segments int    // verb groups joined by infinitives
	reduced  bool   // a bare participle after its noun: "equipment made by"
	particip string // the passive participle, for turning the clause active
	partTag  string
}

// mention is a noun phrase used as an argument of a fact.
type mention struct {
	c     chunk
	how   int // how it was found: direct, through a relative pronoun, an apposition, ...
	extra bool
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
	for ci := 0; ci < len(cs); ci++ {
		if cs[ci].kind != verbGroup {
			continue
		}
		p, ok := m.predicate(toks, cs, ci)
		if !ok {
			continue
		}
		subjects := subjectsOf(toks, cs, ci, !p.reduced)
		if len(subjects) == 0 && ci > 0 && isAndOr(toks, cs[ci-1]) && !p.reduced {
			// "froze the assets and barred banks": the verbs share a subject.
			for _, s := range shared {
				s.extra = true
				subjects = append(subjects, s)
			}
		}
		if !p.reduced {
			shared = subjects
		}
		objects, prep, agent := m.objectsOf(toks, cs, p)
		if len(subjects) == 0 {
			ci = p.next - 1
			continue
		}
		words := p.words
		last := p.last
		if agent != nil {
			// "ZTE was penalized by the Commerce Department": the agent is
			// the subject of the active fact, the surface subject its object.
			words = []string{m.lemma.verb(p.particip, p.partTag)}
			words = append(words, p.words[2:]...)
			objects, subjects = subjects, []mention{*agent}
			last = agent.c.start - 1
		} else if prep != "" {
			words = append(words[:len(words):len(words)], strings.ToLower(prep))
			if len(objects) > 0 {
				last = objects[0].c.start - 1
			}
		}
		for _, s := range subjects {
			for _, o := range objects {
				out = append(out, rawFact{
					subject:  s,
					object:   o,
					relation: strings.Join(words, " "),
					relFirst: p.first,
					relLast:  last,
					negated:  p.negated,
					flipped:  agent != nil,
					passive:  p.passive && agent == nil,
					prep:     prep != "",
					segments: p.segments,
				})
			}
		}
		ci = p.next - 1
	}
	return out
}

// rawFact is a fact before its names, types and confidence are worked out.
type rawFact struct {
	subject, object   mention
	relation          string
	relFirst, relLast int
	negated, passive  bool
	flipped           bool // a passive turned active: the agent is the subject
	prep              bool
	segments          int
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
	p.passive, p.negated = seg.passive, seg.negated
	p.particip, p.partTag = seg.particip, seg.partTag
	p.reduced = seg.reduced
	p.last = cs[ci].end - 1
	p.segments = 1
	for {
		j := p.next
		// one prepositional phrase may stand between: "pledged on Sunday to help"
		if j+2 < len(cs) && isPrep(toks, cs[j]) && cs[j+1].kind == nounPhrase && isTo(toks, cs[j+2]) {
			j += 2
		}
		if !(j+1 < len(cs) && isTo(toks, cs[j]) && cs[j+1].kind == verbGroup && toks[cs[j+1].start].Tag == "VB") {
			break
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
	words    []string
	passive  bool
	reduced  bool
	negated  bool
	particip string
	partTag  string
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
		case low == "not" || low == "n't" || low == "never":
			s.negated = true
		case isVerb(t.Tag):
			main = i
		}
	}
	if main < 0 {
		return s, false
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
		// its own in reach.
		return s, false
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
	for i := 0; i < c.start; i++ {
		if isFinite(toks[i].Tag) {
			return true
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
	if j < 0 {
		return nil
	}
	how := direct
	if cs[j].kind == none && toks[cs[j].start].Text == "," {
		// apposition: NP , NP , VG
		if j >= 3 && cs[j-1].kind == nounPhrase && isComma(toks, cs[j-2]) && cs[j-3].kind == nounPhrase {
			// The name rather than the description: "The distributor, Gulf
			// Systems, shipped".
			head, appos := cs[j-3], cs[j-1]
			if !hasProperNoun(toks[head.start:head.end]) && hasProperNoun(toks[appos.start:appos.end]) {
				head = appos
			}
			return []mention{{c: head, how: indirect}}
		}
		return nil
	}
	if cs[j].kind != nounPhrase {
		return nil
	}
	if t := toks[cs[j].start]; t.Tag == "WP" || t.Tag == "WDT" {
		k := j - 1
		if k >= 0 && isComma(toks, cs[k]) {
			k--
		}
		if k >= 0 && cs[k].kind == nounPhrase {
			return []mention{{c: cs[k], how: indirect}}
		}
		return nil
	}
	if toks[cs[j].start].Tag == "EX" {
		return nil
	}
	for pastPP && j >= 2 && modifiesNoun(toks, cs[j-1]) && cs[j-2].kind == nounPhrase {
		j -= 2
		how = indirect
	}
	subjects := []mention{{c: cs[j], how: how}}
	// conjuncts: "the Treasury Department and the Commerce Department"
	k := j
	for k >= 2 && cs[k-2].kind == nounPhrase && (isAndOr(toks, cs[k-1]) || isComma(toks, cs[k-1])) {
		k -= 2
	}
	if k < j && (k == 0 || isComma(toks, cs[k-1]) || cs[k-1].kind == none && toks[cs[k-1].start].Tag != "IN") {
		for x := k; x < j; x += 2 {
			subjects = append(subjects, mention{c: cs[x], how: how, extra: true})
		}
	}
	return subjects
}

// objectsOf finds what the predicate p acts on: a noun phrase right after it
// (with its conjuncts), or the object of a preposition, which is then folded
// into the relation ("aligned against ZTE"). A passive followed by "by" has
// an agent instead. A noun phrase that is itself the subject of a finite verb
// opens a clause of its own ("officials said ZTE did not"), and is no object.
func (m *Model) objectsOf(toks []Token, cs []chunk, p predicate) (objects []mention, prep string, agent *mention) {
	j := p.next
	for j < len(cs) && cs[j].kind == none && isAdverb(toks[cs[j].start].Tag) {
		j++
	}
	if j >= len(cs) {
		return nil, "", nil
	}
	if cs[j].kind == nounPhrase {
		if opensClause(toks, cs, j) || toks[cs[j].start].Tag == "EX" || isTimePhrase(toks[cs[j].start:cs[j].end]) {
			return nil, "", nil
		}
		if p.passive && p.segments == 1 && j+2 < len(cs) && isWord(toks, cs[j+1], "by") && cs[j+2].kind == nounPhrase {
			// "was fined $45 million by the department": the agent counts.
			return nil, "", &mention{c: cs[j+2]}
		}
		return withConjuncts(toks, m.bareInfinitive(toks, cs, j, p), j), "", nil
	}
	if !(isPrep(toks, cs[j]) || isTo(toks, cs[j])) || j+1 >= len(cs) {
		return nil, "", nil
	}
	word := toks[cs[j].start].Text
	if cs[j+1].kind == nounPhrase {
		if isTimePhrase(toks[cs[j+1].start:cs[j+1].end]) {
			return nil, "", nil // "resigned in May" says when, not to what
		}
		if p.passive && p.segments == 1 && strings.EqualFold(word, "by") {
			return nil, "", &mention{c: cs[j+1]}
		}
		return withConjuncts(toks, cs, j+1), word, nil
	}
	// "moved toward prohibiting U.S. providers": the gerund joins the relation.
	if cs[j+1].kind == verbGroup && toks[cs[j+1].start].Tag == "VBG" && cs[j+1].end-cs[j+1].start == 1 &&
		j+2 < len(cs) && cs[j+2].kind == nounPhrase {
		return withConjuncts(toks, cs, j+2), word + " " + strings.ToLower(toks[cs[j+1].start].Text), nil
	}
	return nil, "", nil
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

func withConjuncts(toks []Token, cs []chunk, j int) []mention {
	out := []mention{{c: cs[j]}}
	for j+2 < len(cs) && isAndOr(toks, cs[j+1]) && cs[j+2].kind == nounPhrase && !opensClause(toks, cs, j+2) {
		out = append(out, mention{c: cs[j+2], extra: true})
		j += 2
	}
	return out
}

func opensClause(toks []Token, cs []chunk, j int) bool {
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

// confidence ranks a fact by how much of it was read directly: proper names,
// an object right after the verb and a short sentence raise it; pronouns,
// arguments found through relative pronouns or prepositions, long relations
// and long arguments lower it.
func confidence(f rawFact, subj, obj []Token, sentenceLen int) float64 {
	c := 0.6
	if hasProperNoun(subj) {
		c += 0.1
	}
	if hasProperNoun(obj) || hasTag(obj, "CD") {
		c += 0.05
	}
	if isPronoun(subj) {
		c -= 0.25
	}
	if isPronoun(obj) {
		c -= 0.15
	}
	if f.subject.how != direct || f.subject.extra || f.object.extra {
		c -= 0.05
	}
	if f.prep {
		c -= 0.05
	}
	if f.passive {
		c -= 0.05
	}
	if n := len(strings.Fields(f.relation)); n > 3 {
		c -= 0.05 * float64(n-3)
	}
	if len(obj) > 8 || len(subj) > 8 {
		c -= 0.1
	}
	if sentenceLen > 40 {
		c -= 0.1
	}
	return math.Round(math.Min(0.95, math.Max(0.05, c))*100) / 100
}

func hasProperNoun(toks []Token) bool {
	for _, t := range toks {
		if isProper(t) {
			return true
		}
	}
	return false
}

func hasTag(toks []Token, tag string) bool {
	for _, t := range toks {
		if t.Tag == tag {
			return true
		}
	}
	return false
}

// fact turns a raw fact into the schema's form.
func fact(f rawFact, s Sentence, doc string) schema.Fact {
	toks := s.Tokens
	subj := toks[f.subject.c.start:f.subject.c.end]
	obj := toks[f.object.c.start:f.object.c.end]
	sc, oc := canonical(subj), canonical(obj)
	out := schema.Fact{
		Subject:     joinTokens(sc),
		Relation:    f.relation,
		Object:      joinTokens(oc),
		SubjectType: entityType(sc, subj),
		ObjectType:  entityType(oc, obj),
		Text: schema.Surface{
			Subject:  s.surface(subj[0], subj[len(subj)-1]),
			Relation: s.surface(toks[f.relFirst], toks[f.relLast]),
			Object:   s.surface(obj[0], obj[len(obj)-1]),
		},
		Negated:       f.negated,
		Passive:       f.flipped,
		Confidence:    confidence(f, subj, obj, len(toks)),
		Doc:           doc,
		SentenceIndex: s.Index,
		Sentence:      s.Text,
	}
	if !isPronoun(sc) {
		out.SubjectID = schema.EntityID(out.Subject)
	}
	if !isPronoun(oc) {
		out.ObjectID = schema.EntityID(out.Object)
	}
	return out
}
