package extract

import "strings"

// confidence scores a fact by how much of it was read directly: 0.6, plus
// the weight of each of confidenceFeatures the fact has. The weights follow
// how precise each kind of reading proved on annotated text (CaRB's dev
// split, by feature, never by sentence); TestConfidenceFeatures reports what
// each is worth. The score is not yet a confidence: the sentence's other
// facts adjust it and sentenceConfidence turns it into one. off names
// features left out, for that test; nil in use.
func confidence(f rawFact, toks, subj, obj []Token, margin int32, off map[string]bool) float64 {
	r := reading{f: f, toks: toks, subj: subj, obj: obj, margin: margin}
	r.qualShapes()
	c := 0.6
	for _, ft := range confidenceFeatures {
		if !off[ft.name] && ft.has(&r) {
			c += ft.weight
		}
	}
	return c
}

// reading is a fact as confidence's features see it.
type reading struct {
	f               rawFact
	toks, subj, obj []Token
	margin          int32
	verb, wh, coord bool // in its qualifiers: a verb, a relative pronoun, a coordination
}

func (r *reading) qualShapes() {
	for _, q := range r.f.quals.spans {
		for _, t := range r.toks[q.Start:q.End] {
			r.verb = r.verb || strings.HasPrefix(t.Tag, "VB")
			r.wh = r.wh || strings.HasPrefix(t.Tag, "W")
			r.coord = r.coord || t.Tag == "CC" || t.Tag == ","
		}
	}
}

// relationHas reports whether a word of the relation as written has a tag
// that pred accepts.
func (r *reading) relationHas(pred func(tag string) bool) bool {
	for _, t := range r.toks[r.f.relFirst : r.f.relLast+1] {
		if pred(t.Tag) {
			return true
		}
	}
	return false
}

// confidenceFeatures are the named cues of confidence, each with its weight.
var confidenceFeatures = []struct {
	name   string
	weight float64
	has    func(r *reading) bool
}{
	{"tagger hesitated over the relation", -0.05, func(r *reading) bool { return r.margin < 8000 }},
	{"proper noun in the subject", 0.05, func(r *reading) bool { return hasProperNoun(r.subj) }},
	{"proper noun or number in the object", 0.03, func(r *reading) bool { return hasProperNoun(r.obj) || hasTag(r.obj, "CD") }},
	{"implied by the sentence (apposition, description)", -0.35, func(r *reading) bool { return r.f.implied }},
	{"derived from another fact", -0.1, func(r *reading) bool { return r.f.derived }},
	{"attributed to a speaker", -0.2, func(r *reading) bool { return r.f.attributed }},
	{"in a subordinate clause", -0.1, func(r *reading) bool { return r.f.embedded }},
	{"subject found indirectly", -0.07, func(r *reading) bool { return r.f.subject.how != direct }},
	{"the sentence's first verb", 0.08, func(r *reading) bool { return r.f.main }},
	{"subject right before its verb", 0.04, func(r *reading) bool { return r.f.relFirst >= 0 && r.f.subject.c.end == r.f.relFirst }},
	{"passive turned active", -0.05, func(r *reading) bool { return r.f.flipped }},
	{"a clause as the object", -0.08, func(r *reading) bool { return r.f.clause }},
	{"a second reading of a phrase", -0.05, func(r *reading) bool { return r.f.subject.extra || r.f.object.extra || r.f.controlled }},
	{"sentence over 30 tokens", -0.06, func(r *reading) bool { return len(r.toks) > 30 }},
	{"sentence over 45 tokens", -0.06, func(r *reading) bool { return len(r.toks) > 45 }},
	{"passive", 0.05, func(r *reading) bool { return r.f.passive }},
	{"preposition folded into the relation", 0.03, func(r *reading) bool { return r.f.prep }},
	{"relation of more than one verb", 0.07, func(r *reading) bool { return r.f.segments > 1 }},
	{"one qualifier", 0.03, func(r *reading) bool { return len(r.f.quals.spans) == 1 }},
	{"three qualifiers or more", -0.07, func(r *reading) bool { return len(r.f.quals.spans) >= 3 }},
	{"a bare verb as the relation", -0.03, func(r *reading) bool { return len(strings.Fields(r.f.relation)) == 1 }},
	{"a qualifier with a verb", -0.1, func(r *reading) bool { return r.verb }},
	{"a qualifier with a relative pronoun", -0.1, func(r *reading) bool { return r.wh }},
	{"a qualifier with a coordination", -0.1, func(r *reading) bool { return r.coord }},
	{"no finite verb in the relation", -0.3, func(r *reading) bool {
		return r.f.relFirst >= 0 && !r.relationHas(isFinite)
	}},
	{"nouns in the relation", -0.2, func(r *reading) bool {
		return r.f.relFirst >= 0 && r.relationHas(func(tag string) bool {
			return strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "JJ")
		})
	}},
}

// relationMargin is the tagger's least margin over the words of a fact's
// relation (a relation the sentence only implies has no words to doubt).
func relationMargin(toks []Token, f rawFact) int32 {
	m := int32(sureMargin)
	if f.relFirst >= 0 {
		for _, t := range toks[f.relFirst : f.relLast+1] {
			m = min(m, t.margin)
		}
	}
	return m
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
