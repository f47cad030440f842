package extract

import (
	"strings"

	"github.com/kgraph/kg/parse"
)

// tree is a sentence with its dependency analysis: the one value the clause
// rules pass around. head[i] is the index of token i's head, -1 for the
// root; rel[i] its Universal Dependencies relation; kids[i] its dependents
// in sentence order.
type tree struct {
	toks []Token
	head []int
	rel  []string
	kids [][]int
}

// parseTree parses a tagged sentence, reading the tags the extractor gave it.
func parseTree(p *parse.Model, toks []Token) tree {
	words := make([]parse.Word, len(toks))
	for i, t := range toks {
		words[i] = parse.Word{Form: t.Text, XPOS: parserTagAt(toks, i), Head: -1}
	}
	p.Parse(words)
	return treeOf(toks, repair(toks, words))
}

// treeOf builds a tree from parsed words.
func treeOf(toks []Token, words []parse.Word) tree {
	n := len(toks)
	t := tree{toks: toks, head: make([]int, n), rel: make([]string, n), kids: make([][]int, n)}
	for i, w := range words {
		t.head[i] = w.Head - 1
		t.rel[i] = w.Rel
	}
	for i := range n {
		if h := t.head[i]; h >= 0 && h < n {
			t.kids[h] = append(t.kids[h], i)
		}
	}
	return t
}

// parserTagAt is token i's tag as the parser learnt its like. Beside
// parserTag's brackets, a word of nationality before a common noun is an
// adjective in the treebank where the extractor's tagger (trained on news)
// makes it a proper noun: "help Chinese phone manufacturer ZTE return" made
// "Chinese" the verb's object and the company a clause's subject.
//
// The two also differ on "to", a preposition (IN) before anything but a
// verb in the treebank and TO in news; giving the parser IN there read
// some sentences better ("relocates to Florida") and others worse
// ("matters relating to culture"), and lost 0.002 of CaRB F1 as the tree
// rules stand, so "to" stays TO.
func parserTagAt(toks []Token, i int) string {
	tag := toks[i].Tag
	if (tag == "NNP" || tag == "NNPS") && i+1 < len(toks) && demonyms[strings.ToLower(toks[i].Text)] != "" {
		switch toks[i+1].Tag {
		case "NN", "NNS", "JJ":
			return "JJ"
		}
	}
	return parserTag(tag)
}

// parserTag is a tag as the parser learnt it: the extractor's tagger writes
// brackets "(" and ")", the treebank the parser learnt from "-LRB-" and
// "-RRB-"; read as unknown tags, a bracket became a sentence's subject
// ("Meridian Health Partners Inc (MHP), a hospital operator, said").
func parserTag(tag string) string {
	switch tag {
	case "(":
		return "-LRB-"
	case ")":
		return "-RRB-"
	}
	return tag
}

// tag is token i's part-of-speech tag. The parser reads the extractor's
// tags (prose's model, trained on news): on CaRB's dev split the trees
// built on them gave F1 0.521, those built on the parser's own (better on
// EWT's web text) 0.507.
func (t tree) tag(i int) string { return t.toks[i].Tag }

// base is a relation without its subtype: "nsubj" for "nsubj:pass".
func base(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// kid returns the first dependent of i with one of the relations, or -1.
func (t tree) kid(i int, rels ...string) int {
	for _, k := range t.kids[i] {
		for _, r := range rels {
			if t.rel[k] == r {
				return k
			}
		}
	}
	return -1
}

// kidsOf returns the dependents of i with one of the relations.
func (t tree) kidsOf(i int, rels ...string) []int {
	var out []int
	for _, k := range t.kids[i] {
		for _, r := range rels {
			if t.rel[k] == r {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// low is token i's text in lower case.
func (t tree) low(i int) string { return strings.ToLower(t.toks[i].Text) }

// subtree returns the span of i's subtree, [start, end).
func (t tree) subtree(i int) span {
	s := span{Start: i, End: i + 1}
	for _, k := range t.kids[i] {
		ks := t.subtree(k)
		s.Start = min(s.Start, ks.Start)
		s.End = max(s.End, ks.End)
	}
	return s
}

// nominalKeep are the dependents that belong to a noun phrase's words as an
// argument of a fact: its determiners and modifiers, a possessor, and "of"
// phrases, the way names such as "the Department of Commerce" are written.
var nominalKeep = map[string]bool{
	"det": true, "amod": true, "compound": true, "nmod:poss": true, "nummod": true, "flat": true,
	"case": true, "advmod": true, "det:poss": true, "compound:prt": true, "fixed": true, "nmod:npmod": true,
	"det:predet": true, "goeswith": true, "nmod:desc": true,
}

// phrase returns the span of the noun phrase headed by i: its subtree cut
// before the first dependent that is not part of its name (a relative
// clause, an apposition, a conjunct, a prepositional phrase other than "of").
func (t tree) phrase(i int) span {
	s := span{Start: i, End: i + 1}
	// left: take dependents from the nearest outwards while they belong
	left := t.kids[i]
	for j := len(left) - 1; j >= 0; j-- {
		k := left[j]
		if k > i {
			continue
		}
		if !t.keepInPhrase(k) || t.rel[k] == "advmod" && t.commaBetween(t.subtree(k).End-1, s.Start) {
			break
		}
		s.Start = min(s.Start, t.subtree(k).Start)
	}
	for _, k := range t.kids[i] {
		if k < i {
			continue
		}
		if !t.keepInPhrase(k) {
			break
		}
		s.End = max(s.End, t.withoutExamples(k).End)
	}
	// "the Competition and Markets Authority": a name the parser read as
	// two conjuncts is one, when its words are all i's.
	if e := andName(t.toks, s.Start, s.End); e > s.End && t.subtree(i).End >= e {
		s.End = e
	}
	return s
}

// withoutExamples is k's subtree without the examples its last noun gives
// ("tales of Americans like Coast Guard Petty Officer Ashlee Leppert" are
// tales of Americans): a phrase opened by "like" or "such as" names
// examples of a noun, not the noun.
func (t tree) withoutExamples(k int) span {
	s := t.subtree(k)
	for j := s.Start; j < s.End; j++ {
		if base(t.rel[j]) != "nmod" || j == k {
			continue
		}
		if c := t.kid(j, "case"); c >= 0 && (t.low(c) == "like" || t.low(c) == "such") {
			e := t.subtree(j).Start
			for e > s.Start && isPunct(t.toks[e-1]) {
				e--
			}
			if e > k {
				s.End = min(s.End, e)
			}
		}
	}
	return s
}

// commaBetween reports a comma among the tokens [from, to): an adverb on
// the left whose words end in a comma, or are followed by one, is no word
// of the phrase ("Thus, acquisition of spectra can be time-consuming" has
// no subject "Thus, acquisition"), unlike an adjective ("the final,
// delicate stages").
func (t tree) commaBetween(from, to int) bool {
	for i := from; i < to; i++ {
		if t.toks[i].Text == "," {
			return true
		}
	}
	return false
}

// keepInPhrase reports whether dependent k stays in its head's noun phrase.
func (t tree) keepInPhrase(k int) bool {
	r := t.rel[k]
	if nominalKeep[r] {
		switch r {
		case "advmod":
			return k < t.head[k] && !isNegation(t, k)
		case "case":
			// "the company's", not the preposition before a phrase
			return k > t.head[k] || t.tag(k) == "POS"
		}
		return true
	}
	if r == "cc" {
		// "Baird & Co", not "Cabins & 50 miles"
		return t.toks[k].Text == "&" && k > 0 && k+1 < len(t.toks) && capitalised(t.toks[k-1].Text) && capitalised(t.toks[k+1].Text)
	}
	if base(r) == "nmod" {
		c := t.kid(k, "case")
		return c >= 0 && (t.low(c) == "of" || t.tag(c) == "POS") && !isTimeNP(t.toks[t.subtree(k).Start:t.subtree(k).End])
	}
	return false
}

// clauseLike are the dependents that say something of their own: a phrase
// cut before them reads as a phrase, not a clause.
var clauseLike = map[string]bool{"acl:relcl": true, "acl": true, "appos": true, "parataxis": true,
	"advcl": true, "advcl:relcl": true, "ccomp": true}

// clipped returns the span of k's subtree cut before its first dependent on
// the right that opens a clause of its own.
func (t tree) clipped(k int) span {
	s := span{Start: t.subtree(k).Start, End: k + 1}
	for _, d := range t.kids[k] {
		if d < k {
			continue
		}
		if clauseLike[t.rel[d]] {
			break
		}
		s.End = max(s.End, t.clipped(d).End)
	}
	return s
}

// trim returns s without the punctuation at its ends.
func (t tree) trim(s span) span {
	for s.Start < s.End && isPunct(t.toks[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isPunct(t.toks[s.End-1]) {
		s.End--
	}
	return s
}

// relPronoun reports a relative pronoun: by its tag, or as the "that",
// "which" or "who" that opens a relative clause, which the extractor's
// tagger may read as a conjunction ("a plan that/IN satisfies creditors").
func (t tree) relPronoun(i int) bool {
	if isRelativePronoun(t.toks[i]) {
		return true
	}
	if h := t.head[i]; h < 0 || t.rel[h] != "acl:relcl" {
		return false
	}
	switch t.low(i) {
	case "that", "which", "who", "whom":
		return true
	}
	return false
}

// isPunct reports a token of punctuation.
func isPunct(t Token) bool {
	switch t.Tag {
	case ",", ".", ":", "``", "''", "(", ")", "-LRB-", "-RRB-", "HYPH", "NFP":
		return true
	}
	return false
}

// isVerbal reports whether token i heads a clause: a verb, a passive's
// participle whatever its tag, or a word with a copula.
func (t tree) isVerbal(i int) bool {
	return isVerb(t.tag(i)) || t.kid(i, "aux:pass") >= 0 || t.kid(i, "cop") >= 0
}
