package extract

import (
	"slices"
	"strings"

	"github.com/kgraph/kg/parse"
)

// The greedy parser misreads a few constructions that news writes in nearly
// every story; each repair below puts one back the way the treebank
// annotates it, before any clause rule reads the tree. A repair works on
// the parser's words (1-based heads, 0 the root) and changes heads and
// relations only.

// repair applies the repairs in turn. A repair whose result is no tree (a
// head that leads back to its dependent, which the parser's own misreading
// could make of it) is undone: a wrong tree is better than none.
func repair(toks []Token, words []parse.Word) []parse.Word {
	before := make([]parse.Word, len(words))
	for _, fix := range []func([]Token, []parse.Word){dependentOfAuxiliary, possessor, adjective, infinitiveOfVerb, timeAfterComma, toBeforeNoun, objectBeforeSubject, bareInfinitive, whoNearest, whichNoPerson, timeAsObject, participleOnNoun, prepositionAsHead, subordinateClause, objectBeforeVerb, thatClause, bodyTitleName, conjunctsWithoutConjunction, reducedRelative, participleWithAuxiliary, coordinatedSubject, conjunctSubject, relativeClause, nameBeforeApposition, passiveCopula, nameAfterPhrase, ampersandName, objectWithPreposition, infinitiveComplement, titleAfterName, participleAfterApposition, copulaBackwards, subjectAsRoot, appositionAsSubject, thatRelative, subjectUnderModifier, titleHeadsName} {
		copy(before, words)
		fix(toks, words)
		if !isTree(words) {
			copy(words, before)
		}
	}
	return words
}

// isTree reports whether every word's heads lead to the root (0).
func isTree(words []parse.Word) bool {
	for i := range words {
		h := words[i].Head
		for steps := 0; h != 0; steps++ {
			if h < 0 || h > len(words) || steps > len(words) {
				return false
			}
			h = words[h-1].Head
		}
	}
	return true
}

// reducedRelative repairs a participle clause set off by commas after the
// subject ("Arden Aerospace, based in Tucson, sold radar"), which the parser
// may read as the subject itself, as a clause or other dependent of the
// verb with the subject its own dependent, or as the sentence's root with
// the verb its conjunct. In
// each reading the noun before the first comma is the participle's
// dependent; the repair makes the noun the verb's subject and the
// participle its clause (acl).
func reducedRelative(toks []Token, words []parse.Word) {
	for v := 2; v < len(words); v++ {
		if (toks[v].Tag != "VBN" && toks[v].Tag != "VBG") || toks[v-1].Text != "," {
			continue
		}
		n := leftDependent(words, v)
		if n < 0 || !strings.HasPrefix(toks[n].Tag, "NN") || verbBetween(toks, n, v) {
			continue
		}
		verb, rel := -1, "nsubj"
		switch h := words[v].Head - 1; {
		case h > v && strings.HasPrefix(toks[h].Tag, "VB") && !hasSubject(words, h, v):
			// "based" read as the subject of the verb after it, a clause of
			// it, or anything else of it
			verb = h
		case words[v].Rel == "root" || words[v].Rel == "ccomp" || words[v].Rel == "conj":
			// "based" read as the head, the verb after it its conjunct
			f := finiteConjunct(toks, words, v)
			if f < 0 {
				continue
			}
			words[f].Head, words[f].Rel = words[v].Head, words[v].Rel
			// what follows the verb is the verb's, as the final stop
			for k := f + 1; k < len(words); k++ {
				if words[k].Head == v+1 {
					words[k].Head = f + 1
				}
			}
			verb = f
		default:
			continue
		}
		if hasDependent(words, verb, "aux:pass") {
			rel = "nsubj:pass"
		}
		words[n].Head, words[n].Rel = verb+1, rel
		words[v].Head, words[v].Rel = n+1, "acl"
		// the comma between them is the noun's
		for k := n + 1; k < v; k++ {
			if words[k].Head == v+1 {
				words[k].Head = n + 1
			}
		}
	}
}

// coordinatedSubject repairs two coordinated clauses ("Xi has been irate,
// and his adviser, Liu He, has told negotiators") read as a coordinated
// noun ("irate ... and his adviser", "irate about the sanctions, and his
// adviser") followed by a clause with no subject of its own: the noun is
// that clause's subject, and the clause the conjunct.
func coordinatedSubject(toks []Token, words []parse.Word) {
	for v := range words {
		h := words[v].Head - 1
		if h < 0 || h > v || (words[v].Rel != "advcl" && words[v].Rel != "parataxis") ||
			hasSubject(words, v, -1) || hasDependent(words, v, "mark") || !finiteClause(toks, words, v) {
			continue
		}
		// the noun conjunct just before v's first word, of h or, where v is
		// h's adverbial clause, of one of h's phrases ("irate about the
		// sanctions, and his adviser"; a parataxis there is more often a
		// noun tagged as a verb: "and Ph.d degree/VBP from")
		n := -1
		for k := v - 1; k > h; k-- {
			c := words[k].Head - 1
			if words[k].Rel == "conj" && (c == h || words[v].Rel == "advcl" && c > h && c < k && under(words, c, h)) {
				n = k
				break
			}
		}
		if n < 0 || !strings.HasPrefix(toks[n].Tag, "NN") || !hasDependent(words, n, "cc") {
			continue
		}
		// between the noun's phrase and the verb: punctuation and v's
		// auxiliaries only
		end := n
		for k := n + 1; k < v; k++ {
			if under(words, k, n) {
				end = k
			}
		}
		clear := true
		for k := end + 1; k < v; k++ {
			if toks[k].Tag != "," && words[k].Head != v+1 {
				clear = false
			}
		}
		if !clear {
			continue
		}
		rel := "nsubj"
		if hasDependent(words, v, "aux:pass") {
			rel = "nsubj:pass"
		}
		words[v].Rel = "conj"
		words[n].Head, words[n].Rel = v+1, rel
		for k := range words {
			if words[k].Head == n+1 && words[k].Rel == "cc" {
				words[k].Head = v + 1
			}
		}
	}
}

// participleWithAuxiliary repairs a verb with an auxiliary of its own that
// the parser read as an adjective of the noun after it ("and her deputy has
// told/amod reporters/obj that the firm will appeal"): a word with "has"
// is a verb. The verb takes the noun's place, as a clause of the
// predicate, the noun becomes its object, and a clause the noun held with
// a conjunction ("that the firm will appeal") is the verb's complement.
func participleWithAuxiliary(toks []Token, words []parse.Word) {
	for v := range words {
		n := words[v].Head - 1
		if words[v].Rel != "amod" || n <= v || !strings.HasPrefix(toks[n].Tag, "NN") ||
			(toks[v].Tag != "VBN" && toks[v].Tag != "VBD") || !finiteClause(toks, words, v) || toks[v].Tag == "VBD" && !hasDependent(words, v, "aux") {
			continue
		}
		if r := base(words[n].Rel); r != "obj" && r != "obl" {
			continue
		}
		words[v].Head, words[v].Rel = words[n].Head, "advcl"
		words[n].Head, words[n].Rel = v+1, "obj"
		for k := n + 1; k < len(words); k++ {
			if words[k].Head == n+1 && strings.HasPrefix(words[k].Rel, "acl") && hasDependent(words, k, "mark") {
				words[k].Head, words[k].Rel = v+1, "ccomp"
			}
		}
	}
}

// firstDependent returns the first of v's dependents among tokens
// [from, to) whose relation is one of rels (any, when none is given), or -1.
func firstDependent(words []parse.Word, v, from, to int, rels ...string) int {
	for k := max(from, 0); k < min(to, len(words)); k++ {
		if words[k].Head == v+1 && (len(rels) == 0 || slices.Contains(rels, words[k].Rel)) {
			return k
		}
	}
	return -1
}

// under reports whether token k is in the subtree of token n.
func under(words []parse.Word, k, n int) bool {
	for steps := 0; k >= 0 && steps <= len(words); steps++ {
		if k == n {
			return true
		}
		k = words[k].Head - 1
	}
	return false
}

// finiteClause reports whether v heads a finite clause: a finite verb, or
// one with a finite auxiliary.
func finiteClause(toks []Token, words []parse.Word, v int) bool {
	switch toks[v].Tag {
	case "VBD", "VBZ", "VBP":
		return true
	}
	for k, w := range words {
		if w.Head == v+1 && (w.Rel == "aux" || w.Rel == "aux:pass") {
			switch toks[k].Tag {
			case "VBD", "VBZ", "VBP", "MD":
				return true
			}
		}
	}
	return false
}

// leftDependent returns the nearest dependent of v before the comma at
// v-1, or -1.
func leftDependent(words []parse.Word, v int) int {
	for k := v - 2; k >= 0; k-- {
		if words[k].Head == v+1 {
			return k
		}
	}
	return -1
}

// finiteConjunct returns v's conjunct that is a finite verb after a comma
// with no conjunction of its own ("based in Tucson, sold"), or -1.
func finiteConjunct(toks []Token, words []parse.Word, v int) int {
	for f := v + 1; f < len(words); f++ {
		if words[f].Head != v+1 || words[f].Rel != "conj" {
			continue
		}
		switch toks[f].Tag {
		case "VBD", "VBZ", "VBP", "MD":
		default:
			if !hasDependent(words, f, "aux", "aux:pass", "cop") {
				continue
			}
		}
		if hasDependent(words, f, "cc") {
			return -1
		}
		return f
	}
	return -1
}

// possessor repairs a possessor ("Taiwan's" in "Taiwan's Defence Ministry
// thanked") that the parser attached to the verb, beside the noun it
// possesses: it is that noun's (nmod:poss).
func possessor(toks []Token, words []parse.Word) {
	for k := range words {
		c := k + 1
		if c >= len(words) || toks[c].Tag != "POS" || words[c].Head != k+1 {
			continue
		}
		h := words[k].Head - 1
		if h < 0 || !strings.HasPrefix(toks[h].Tag, "VB") {
			continue
		}
		// the noun after it that depends on the same verb
		for m := c + 1; m < len(words) && m < h; m++ {
			if words[m].Head == h+1 && strings.HasPrefix(toks[m].Tag, "NN") {
				words[k].Head, words[k].Rel = m+1, "nmod:poss"
				break
			}
		}
	}
}

// adjective repairs an adjective before a noun that the parser hung on the
// verb, as an adverb ("Chinese President Xi Jinping has been irate") or as
// its complement ("help Chinese phone manufacturer ZTE return"): it
// modifies the noun after it (amod), or the name that noun and the nouns
// after it are compounds of.
func adjective(toks []Token, words []parse.Word) {
	for k := 0; k+1 < len(words); k++ {
		if words[k].XPOS != "JJ" || words[k].Head == k+2 || !strings.HasPrefix(toks[k+1].Tag, "NN") {
			continue
		}
		switch words[k].Rel {
		case "advmod":
		case "xcomp":
			if h := words[k].Head - 1; h < 0 || h > k || !strings.HasPrefix(toks[h].Tag, "VB") {
				continue
			}
		default:
			continue
		}
		n := k + 1
		for words[n].Rel == "compound" && words[n].Head-1 > n {
			n = words[n].Head - 1
		}
		words[k].Head, words[k].Rel = n+1, "amod"
	}
}

// hasSubject reports whether token i has a subject other than token v.
func hasSubject(words []parse.Word, i, v int) bool {
	for k, w := range words {
		if k != v && w.Head == i+1 && (base(w.Rel) == "nsubj" || w.Rel == "expl") {
			return true
		}
	}
	return false
}

// hasDependent reports whether token i has a dependent with one of the
// relations.
func hasDependent(words []parse.Word, i int, rels ...string) bool {
	for _, w := range words {
		if w.Head == i+1 {
			for _, r := range rels {
				if w.Rel == r {
					return true
				}
			}
		}
	}
	return false
}

// verbBetween reports a verb among the tokens strictly between i and j.
func verbBetween(toks []Token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if strings.HasPrefix(toks[k].Tag, "VB") || toks[k].Tag == "MD" {
			return true
		}
	}
	return false
}

// relativeClause repairs a relative clause set off by a comma ("Angela
// Brooks, who will report to David Kim") that the parser hung on the verb
// before it as a clause of its own (parataxis, conj, ccomp, advcl): its
// subject "who" or "which" stands for the noun before the comma, and the
// clause is that noun's (acl:relcl).
func relativeClause(toks []Token, words []parse.Word) {
	for p := 2; p < len(words); p++ {
		switch strings.ToLower(toks[p].Text) {
		case "who", "which":
		default:
			continue
		}
		if toks[p-1].Tag != "," || !strings.HasPrefix(words[p].Rel, "nsubj") {
			continue
		}
		v := words[p].Head - 1
		if v <= p {
			continue
		}
		switch words[v].Rel {
		case "parataxis", "conj", "ccomp", "advcl", "advcl:relcl":
		default:
			continue
		}
		n := p - 2
		if words[n].Rel == "flat" && words[n].Head-1 < n {
			n = words[n].Head - 1 // "David Kim": the name's head
		}
		if !strings.HasPrefix(toks[n].Tag, "NN") || words[v].Head == n+1 {
			continue
		}
		words[v].Head, words[v].Rel = n+1, "acl:relcl"
	}
}

// conjunctSubject repairs two coordinated clauses ("Keller will own 60
// percent of Norkel Systems and Norvik will own the rest") read as a noun
// coordinated inside the first clause ("Norkel Systems and Norvik")
// followed by a conjoined verb (or a clause, ccomp) with no subject of its
// own: a finite verb right after "and" and a noun has that noun as its
// subject, and the clauses are conjuncts.
func conjunctSubject(toks []Token, words []parse.Word) {
	for v := range words {
		if (words[v].Rel != "conj" && words[v].Rel != "ccomp") || hasSubject(words, v, -1) || hasDependent(words, v, "mark", "cc") ||
			!finiteClause(toks, words, v) {
			continue
		}
		// the word before the verb and its auxiliaries
		e := v - 1
		for e >= 0 && words[e].Head == v+1 && (words[e].Rel == "aux" || words[e].Rel == "aux:pass" || words[e].Rel == "advmod") {
			e--
		}
		if e < 0 {
			continue
		}
		// the conjunct whose phrase ends there
		n := e
		for steps := 0; words[n].Rel != "conj" && steps < len(words); steps++ {
			h := words[n].Head - 1
			if h < 0 || h > e {
				break
			}
			n = h
		}
		if words[n].Rel != "conj" || !strings.HasPrefix(toks[n].Tag, "NN") || !hasDependent(words, n, "cc") {
			continue
		}
		if end := lastUnder(words, n); end != e {
			continue
		}
		h := words[v].Head - 1
		if h < 0 || !under(words, n, h) {
			continue
		}
		rel := "nsubj"
		if hasDependent(words, v, "aux:pass") {
			rel = "nsubj:pass"
		}
		words[v].Rel = "conj"
		words[n].Head, words[n].Rel = v+1, rel
		for k := range words {
			if words[k].Head == n+1 && words[k].Rel == "cc" {
				words[k].Head = v + 1
			}
		}
	}
}

// lastUnder returns the last token in the subtree of n.
func lastUnder(words []parse.Word, n int) int {
	last := n
	for k := n + 1; k < len(words); k++ {
		if under(words, k, n) {
			last = k
		}
	}
	return last
}

// nameBeforeApposition repairs a name followed by its apposition ("Vietnam,
// the world's second-largest producer, is expected") that the parser read
// as a compound (or vocative) of the apposition's noun, across the comma:
// the name heads
// the phrase and the description is its apposition (appos).
func nameBeforeApposition(toks []Token, words []parse.Word) {
	for k := 0; k+2 < len(words); k++ {
		h := words[k].Head - 1
		if (words[k].Rel != "compound" && words[k].Rel != "vocative") || h <= k+2 || !strings.HasPrefix(toks[k].Tag, "NNP") {
			continue
		}
		c := k + 1
		for c < h && toks[c].Tag != "," {
			c++
		}
		if c >= h {
			continue
		}
		d := c + 1
		if d < h && toks[d].Tag == "''" {
			d++ // "`` Monitor , '' the network's service"
		}
		if d >= h || (toks[d].Tag != "DT" && toks[d].Tag != "PRP$") {
			continue
		}
		words[k].Head, words[k].Rel = words[h].Head, words[h].Rel
		words[h].Head, words[h].Rel = k+1, "appos"
	}
}

// passiveCopula repairs a passive whose participle the tagger read as a
// past tense or an adjective ("were said to have made", "was re-elected",
// "are referred to as"): the parser made "be" its copula, and the rules
// read the participle as an attribute ("were | said"). A form of "be"
// before a participle with no determiner of its own is its passive
// auxiliary (aux:pass), and its subject a passive's, when only adverbs
// stand between them and something follows the participle.
func passiveCopula(toks []Token, words []parse.Word) {
	for c := range words {
		h := words[c].Head - 1
		if words[c].Rel != "cop" || h <= c || hasDependent(words, h, "det", "det:poss", "nmod:poss") {
			continue
		}
		switch strings.ToLower(toks[c].Text) {
		case "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "'m", "am":
		default:
			continue
		}
		switch tag := toks[h].Tag; {
		case tag == "VBN", tag == "VBD", tag == "JJ" && strings.HasSuffix(strings.ToLower(toks[h].Text), "ed"):
		default:
			continue
		}
		between := true // "are therefore referred": adverbs at most
		for k := c + 1; k < h; k++ {
			between = between && toks[k].Tag == "RB"
		}
		after := false // "were unchanged" says how things were: no passive
		for k := h + 1; k < len(words); k++ {
			after = after || words[k].Head == h+1 && words[k].Rel != "punct"
		}
		if !between || !after {
			continue
		}
		words[c].Rel = "aux:pass"
		for k := range words {
			if words[k].Head == h+1 && words[k].Rel == "nsubj" {
				words[k].Rel = "nsubj:pass"
			}
		}
	}
}

// nameAfterPhrase repairs a name set off by a comma after a phrase of the
// verb ("operate as a unit of MHP under its current president, Angela
// Brooks,") that the parser read as the verb's object: it names the noun
// before the comma (appos).
func nameAfterPhrase(toks []Token, words []parse.Word) {
	for k := range words {
		v := words[k].Head - 1
		if words[k].Rel != "obj" || v < 0 || v > k || !strings.HasPrefix(toks[k].Tag, "NNP") {
			continue
		}
		s := k // the name's first word, past its own punctuation
		for j := k - 1; j > v; j-- {
			if under(words, j, k) && toks[j].Tag != "," {
				s = j
			}
		}
		n := s - 2
		if n <= v || toks[s-1].Tag != "," || !strings.HasPrefix(toks[n].Tag, "NN") || !under(words, n, v) {
			continue
		}
		// the noun before the comma belongs to a phrase of the verb, not to
		// its object or subject
		top := n
		for words[top].Head-1 != v {
			top = words[top].Head - 1
		}
		if words[top].Rel != "obl" {
			continue
		}
		words[k].Head, words[k].Rel = n+1, "appos"
	}
}

// ampersandName repairs a name with an ampersand ("Baird & Co advised
// Clearview", "Mr. Robinson of Delta & Pine Land Co.") that the parser
// split between two heads, one of them read as a conjunct: the conjunct's
// words join the other's name, and so does the ampersand.
func ampersandName(toks []Token, words []parse.Word) {
	for i := 1; i+1 < len(words); i++ {
		a, b := i-1, i+1
		if toks[i].Text != "&" || !capitalised(toks[a].Text) || !capitalised(toks[b].Text) ||
			!strings.HasPrefix(toks[a].Tag, "NNP") || !strings.HasPrefix(toks[b].Tag, "NNP") ||
			words[a].Head == b+1 || words[b].Head == a+1 {
			continue
		}
		switch {
		case words[a].Rel == "conj" && words[b].Rel != "conj":
			// "Baird & Co": the name's last word heads it
			for b+1 < len(words) && strings.HasPrefix(toks[b+1].Tag, "NNP") && words[b].Head == b+2 {
				b++
			}
			words[a].Head, words[a].Rel = b+1, "compound"
			words[i].Head, words[i].Rel = b+1, "cc"
		case words[b].Rel == "conj" && words[a].Rel != "conj":
			// "of Delta & Pine Land Co.": the name is the first word's
			words[b].Head, words[b].Rel = a+1, "flat"
			words[i].Head, words[i].Rel = a+1, "cc"
		}
	}
}

// objectWithPreposition repairs a prepositional phrase read as the verb's
// object ("would not return to Russia": "Russia" obj, "to" its case): a
// noun with a preposition of its own is an oblique (obl).
func objectWithPreposition(toks []Token, words []parse.Word) {
	for k := range words {
		if words[k].Rel != "obj" {
			continue
		}
		for j := 0; j < k; j++ {
			if words[j].Head == k+1 && words[j].Rel == "case" && (toks[j].Tag == "IN" || toks[j].Tag == "TO") {
				words[k].Rel = "obl"
				break
			}
		}
	}
}

// infinitiveComplement repairs an infinitive without a subject of its own
// that the parser read as a clausal complement (ccomp: "was said to have
// referred to a letter"): it completes the verb (xcomp), as the treebank
// annotates it.
func infinitiveComplement(toks []Token, words []parse.Word) {
	for v := range words {
		h := words[v].Head - 1
		if words[v].Rel != "ccomp" || h < 0 || h > v || !strings.HasPrefix(toks[h].Tag, "VB") || hasSubject(words, v, -1) {
			continue
		}
		// its words start at "to": "left that post to become" is no
		// infinitive that completes "left"
		for j := h + 1; j < v; j++ {
			if !under(words, j, v) {
				continue
			}
			if words[j].Head == v+1 && words[j].Rel == "mark" && strings.EqualFold(toks[j].Text, "to") {
				words[v].Rel = "xcomp"
			}
			break
		}
	}
}

// objectBeforeSubject repairs a noun the parser made the object of a verb
// it comes before, right before that verb's subject name ("phone
// manufacturer/obj Voltra/nsubj return"): an object never precedes its
// verb's subject in English, and the noun describes the name (compound).
func objectBeforeSubject(toks []Token, words []parse.Word) {
	for k := 0; k+1 < len(words); k++ {
		v, s := words[k].Head-1, k+1
		if words[k].Rel != "obj" || v <= s || words[s].Head != v+1 || base(words[s].Rel) != "nsubj" ||
			!strings.HasPrefix(toks[k].Tag, "NN") || !strings.HasPrefix(toks[s].Tag, "NNP") {
			continue
		}
		words[k].Head, words[k].Rel = s+1, "compound"
	}
}

// bareInfinitive repairs "help X return" read as two clauses, "help"
// with no object and "X return" a clause of its own beside it: X is the
// object of "help", "make", "let" or a verb of seeing, and the bare verb
// after it completes that verb (xcomp), as the treebank has "help them win".
func bareInfinitive(toks []Token, words []parse.Word) {
	for h := range words {
		if !bareInfinitiveVerbs[strings.ToLower(toks[h].Text)] || hasDependent(words, h, "obj", "xcomp", "ccomp") {
			continue
		}
		for v := h + 2; v < len(words); v++ {
			if toks[v].Tag != "VB" || words[v].Head != words[h].Head && words[v].Head != h+1 {
				continue
			}
			s := -1
			for k := h + 1; k < v; k++ {
				if words[k].Head == v+1 && words[k].Rel == "nsubj" {
					s = k
				}
			}
			// the subject's phrase fills the gap between the two verbs
			if s < 0 || !nounPhraseBetween(words, h, s) {
				continue
			}
			words[s].Head, words[s].Rel = h+1, "obj"
			words[v].Head, words[v].Rel = h+1, "xcomp"
			break
		}
	}
}

// nounPhraseBetween reports whether every word between h and s belongs to
// s's phrase.
func nounPhraseBetween(words []parse.Word, h, s int) bool {
	for k := h + 1; k < s; k++ {
		if !under(words, k, s) {
			return false
		}
	}
	return true
}

// bareInfinitiveVerbs take an object and a bare verb it does.
var bareInfinitiveVerbs = wordSet(`help helps helped helping let lets letting make makes made making
watch watched see saw seen hear heard`)

// whoNearest repairs a relative clause on a person ("who has long accused
// China") that the parser hung on a thing further back ("a sharp shift in
// tone for a president who"): "who" speaks of a person, so the clause
// belongs to the person the phrase ends on.
func whoNearest(toks []Token, words []parse.Word) {
	for v := range words {
		n := words[v].Head - 1
		if words[v].Rel != "acl:relcl" || n < 0 || n >= v || personNoun(toks[n]) {
			continue
		}
		rp := firstDependent(words, v, n+1, v)
		if rp < 0 || toks[rp].Tag != "WP" {
			continue
		}
		c := rp - 1
		if c > n && toks[c].Tag == "," {
			c--
		}
		if c <= n || !personNoun(toks[c]) || !under(words, c, n) {
			continue
		}
		words[v].Head = c + 1
	}
}

// participleOnNoun repairs a participle that modifies the noun before it
// ("spending them on equipment made by companies") that the parser hung on
// the verb above the noun: a clause of a noun (acl) modifies a noun, and a
// participle right after one modifies it.
func participleOnNoun(toks []Token, words []parse.Word) {
	for v := 1; v < len(words); v++ {
		h, n := words[v].Head-1, v-1
		if words[v].Rel != "acl" || toks[v].Tag != "VBN" || h < 0 || h >= n || !strings.HasPrefix(toks[h].Tag, "VB") ||
			!strings.HasPrefix(toks[n].Tag, "NN") || !under(words, n, h) {
			continue
		}
		words[v].Head = n + 1
	}
}

// prepositionAsHead repairs a preposition the parser made the head of its
// phrase ("respond to/obl an email/obj", from news' TO for every "to"): in
// the treebank the noun heads the phrase and the preposition is its case.
func prepositionAsHead(toks []Token, words []parse.Word) {
	for p := 0; p+1 < len(words); p++ {
		switch words[p].Rel {
		case "obl", "obj", "nmod":
		default:
			continue
		}
		if toks[p].Tag != "TO" && toks[p].Tag != "IN" {
			continue
		}
		n := -1
		for k := p + 1; k < len(words); k++ {
			if words[k].Head == p+1 && (words[k].Rel == "obj" || words[k].Rel == "obl" || words[k].Rel == "nmod") {
				n = k
				break
			}
		}
		if n < 0 || !strings.HasPrefix(toks[n].Tag, "NN") && toks[n].Tag != "PRP" && toks[n].Tag != "CD" {
			continue
		}
		for k := range words {
			if words[k].Head == p+1 && k != n {
				words[k].Head = n + 1
			}
		}
		words[n].Head, words[n].Rel = words[p].Head, words[p].Rel
		words[p].Head, words[p].Rel = n+1, "case"
	}
}

// subordinateClause repairs a clause opened by a word that is also a
// preposition ("got nowhere until the government decided to end the ban",
// "romped around as Siebern blasted the toss") that the parser read as a
// phrase of the verb before it ("until the government") followed by a
// verb with no subject: the noun is that verb's subject, the word its
// marker, and the verb a clause of the first (advcl).
func subordinateClause(toks []Token, words []parse.Word) {
	for n := range words {
		h := words[n].Head - 1
		if words[n].Rel != "obl" || h < 0 || h > n {
			continue
		}
		c := firstDependent(words, n, h+1, n, "case")
		if c < 0 || !subordinators[strings.ToLower(toks[c].Text)] {
			continue
		}
		v := lastUnder(words, n) + 1
		if v >= len(words) || !finiteClause(toks, words, v) || hasSubject(words, v, -1) || under(words, v, n) {
			continue
		}
		switch words[v].Rel {
		case "parataxis", "conj", "ccomp", "advcl", "dep":
		default:
			continue
		}
		if hasDependent(words, v, "cc") {
			continue // "until the vote and then left": a conjunct of its own
		}
		words[v].Head, words[v].Rel = h+1, "advcl"
		words[n].Head, words[n].Rel = v+1, "nsubj"
		words[c].Head, words[c].Rel = v+1, "mark"
	}
}

// objectBeforeVerb repairs the sentence's opening word, set off by a
// comma before the subject, that the parser made the verb's object
// ("Afterwards/NNS, Palmer told Charlie Coe"): an object comes after its
// verb in a statement, and such a word says how or when (obl:npmod). A
// question's word ("What did he buy") is left as it is.
func objectBeforeVerb(toks []Token, words []parse.Word) {
	for k := 0; k+1 < len(words) && k < 2; k++ {
		v := words[k].Head - 1
		if words[k].Rel != "obj" && words[k].Rel != "iobj" || v <= k || strings.HasPrefix(toks[k].Tag, "W") ||
			toks[k+1].Text != "," || k == 1 && toks[0].Tag != "CC" {
			continue
		}
		subj := false
		for j := k + 1; j < v; j++ {
			if words[j].Head == v+1 && base(words[j].Rel) == "nsubj" {
				subj = true
			}
		}
		if subj {
			words[k].Rel = "obl:npmod"
		}
	}
}

// thatClause repairs a clause opened by "that" that the parser hung on the
// verb as a clause of its own (advcl: "told Charlie Coe, his partner, that
// he played too fast"): "that" opens what the verb says or thinks (ccomp).
// "so that", "such that" and "now that" do open clauses of their own.
func thatClause(toks []Token, words []parse.Word) {
	for v := range words {
		h := words[v].Head - 1
		if words[v].Rel != "advcl" || h < 0 || h > v || !strings.HasPrefix(toks[h].Tag, "VB") {
			continue
		}
		mk := firstDependent(words, v, h+1, v, "mark")
		if mk < 1 || !strings.EqualFold(toks[mk].Text, "that") || hasDependent(words, h, "ccomp", "obj") && !hasDependent(words, h, "iobj") {
			continue
		}
		switch strings.ToLower(toks[mk-1].Text) {
		case "so", "such", "now", "order", "given", "provided", "except":
			continue
		}
		words[v].Rel = "ccomp"
	}
}

// bodyTitleName repairs a person named with the body they serve and their
// title ("Council president Frank SanAntonio said") that the parser read as
// the body, with the name its apposition: the name heads the phrase, the
// title describes it (nmod:desc) and the body is the title's (compound).
func bodyTitleName(toks []Token, words []parse.Word) {
	for n := 2; n < len(words); n++ {
		x, d := words[n].Head-1, n-1
		if words[n].Rel != "appos" || x != n-2 || !isProper(toks[x]) || !isProper(toks[n]) ||
			words[d].Head != n+1 || !personTitleWord(toks[d].Text) {
			continue
		}
		words[n].Head, words[n].Rel = words[x].Head, words[x].Rel
		words[x].Head, words[x].Rel = d+1, "compound"
		for j := range words {
			if j != n && j != d && words[j].Head == x+1 && j > x {
				words[j].Head = n + 1
			}
		}
	}
}

// personTitleWord reports a word that names a person's post.
func personTitleWord(w string) bool {
	w = strings.ToLower(w)
	return personDescriptions[w] || titles[w]
}

// conjunctsWithoutConjunction repairs phrases after a name that the
// parser read as its conjuncts though no "and" or "or" joins them
// ("Bernard Parrillo, of 19 Fletcher Ave., Cranston, was admitted" made
// Parrillo, the avenue and the town three subjects): a phrase opened by a
// preposition modifies the name (nmod), and a name after it is that
// phrase's apposition ("Fletcher Ave., Cranston").
func conjunctsWithoutConjunction(toks []Token, words []parse.Word) {
	for h := range words {
		if !isProper(toks[h]) {
			continue
		}
		var cj []int
		cc := hasDependent(words, h, "cc")
		for k := h + 1; k < len(words); k++ {
			if words[k].Head == h+1 && words[k].Rel == "conj" {
				cj = append(cj, k)
				cc = cc || hasDependent(words, k, "cc")
			}
		}
		if len(cj) == 0 || cc || !hasDependent(words, cj[0], "case") {
			continue
		}
		words[cj[0]].Rel = "nmod"
		for _, k := range cj[1:] {
			if isProper(toks[k]) {
				words[k].Head, words[k].Rel = cj[0]+1, "appos"
			}
		}
	}
}

// dependentOfAuxiliary repairs a subject the parser hung on an auxiliary
// ("The bank has not yet paid the fine" made "bank" the subject of "has"):
// an auxiliary has no subject of its own in the treebank, so the subject is
// the verb's the auxiliary serves.
func dependentOfAuxiliary(toks []Token, words []parse.Word) {
	for k := range words {
		a := words[k].Head - 1
		if a < 0 || base(words[k].Rel) != "nsubj" {
			continue
		}
		switch words[a].Rel {
		case "aux", "aux:pass":
			words[k].Head = words[a].Head
		}
	}
}

// whichNoPerson repairs a "which" clause the parser hung on a person
// named inside a thing's phrase ("a long pass by quarterback Bob McNaughton
// which Gannon intercepted"): "which" speaks of a thing, so the clause
// belongs to the noun the person's phrase modifies.
func whichNoPerson(toks []Token, words []parse.Word) {
	for v := range words {
		n := words[v].Head - 1
		if words[v].Rel != "acl:relcl" || n < 0 || n >= v || !personNoun(toks[n]) || places[strings.ToLower(toks[n].Text)] {
			continue
		}
		rp := firstDependent(words, v, n+1, v)
		if rp < 0 || !strings.EqualFold(toks[rp].Text, "which") {
			continue
		}
		// up through the person's own phrase: "quarterback Bob McNaughton"
		p := n
		for (words[p].Rel == "appos" || words[p].Rel == "flat" || words[p].Rel == "compound") && words[p].Head-1 >= 0 && words[p].Head-1 < p {
			p = words[p].Head - 1
		}
		h := words[p].Head - 1
		if h < 0 || h > p || base(words[p].Rel) != "nmod" || !strings.HasPrefix(toks[h].Tag, "NN") || personNoun(toks[h]) {
			continue
		}
		words[v].Head = h + 1
	}
}

// personNoun reports a name that is no known place, or a noun that
// describes a person.
func personNoun(t Token) bool {
	low := strings.ToLower(t.Text)
	return (t.Tag == "NNP" || t.Tag == "NNPS") && !places[low] || personDescriptions[low] || titles[low]
}

// timeAsObject repairs a day or a month the parser read as a verb's object
// ("stressing in a statement Wednesday that"), or a span of time before
// "after" or "later" ("came days after the company said"): it says when
// (obl:tmod).
func timeAsObject(toks []Token, words []parse.Word) {
	for k := range words {
		if words[k].Rel != "obj" {
			continue
		}
		low := strings.ToLower(toks[k].Text)
		if timeWords[low] && k+1 < len(words) && !hasDependent(words, k, "compound", "amod", "nmod:poss") {
			// "came days after the company said", "left weeks later"
			switch strings.ToLower(toks[k+1].Text) {
			case "after", "before", "later", "earlier", "ago":
				words[k].Rel = "obl:tmod"
			}
			continue
		}
		if !months[low] || !capitalised(toks[k].Text) && low != "today" && low != "yesterday" && low != "tomorrow" ||
			slices.ContainsFunc(words, func(w parse.Word) bool { return w.Head == k+1 }) {
			continue
		}
		words[k].Rel = "obl:tmod"
	}
}

// toBeforeNoun repairs a "to" before a noun that the parser read as an
// infinitive's marker, the noun a clause ("return to/mark business/xcomp"):
// news tags every "to" TO, which the treebank keeps for infinitives, so a
// noun after "to" could read as a verb. "to" is the noun's preposition, and
// the noun the verb's oblique.
func toBeforeNoun(toks []Token, words []parse.Word) {
	for k := 0; k+1 < len(words); k++ {
		n := words[k].Head - 1
		if words[k].Rel != "mark" || toks[k].Tag != "TO" || n != k+1 || !strings.HasPrefix(toks[n].Tag, "NN") {
			continue
		}
		switch words[n].Rel {
		case "xcomp", "advcl", "ccomp":
		default:
			continue
		}
		words[k].Rel = "case"
		words[n].Rel = "obl"
	}
}

// timeAfterComma repairs a span of time set off by a comma ("pledged to
// help ZTE, days after the company said") that the parser read as a
// conjunct of the noun before it, with no conjunction: it says when the
// verb above that noun happened (obl:tmod).
func timeAfterComma(toks []Token, words []parse.Word) {
	for d := 1; d+1 < len(words); d++ {
		if words[d].Rel != "conj" || toks[d-1].Text != "," || !timeWords[strings.ToLower(toks[d].Text)] ||
			hasDependent(words, d, "cc") {
			continue
		}
		switch strings.ToLower(toks[d+1].Text) {
		case "after", "before", "later", "earlier", "ago":
		default:
			continue
		}
		v := words[d].Head - 1
		for steps := 0; v >= 0 && !strings.HasPrefix(toks[v].Tag, "VB") && steps < len(words); steps++ {
			v = words[v].Head - 1
		}
		if v < 0 {
			continue
		}
		words[d].Head, words[d].Rel = v+1, "obl:tmod"
	}
}

// infinitiveOfVerb repairs the infinitive a verb of intent or of telling
// takes ("pledged on Sunday to help ZTE", "has been instructed to get it
// done"), which the parser read as a clause of purpose (advcl): it
// completes the verb (xcomp), so that the pledge is to help. An infinitive
// with a subject of its own, or after a verb already completed, is left as
// it is.
func infinitiveOfVerb(toks []Token, words []parse.Word) {
	for v := range words {
		h := words[v].Head - 1
		if words[v].Rel != "advcl" || h < 0 || h > v || toks[v].Tag != "VB" || !intentVerb(toks[h].Text) ||
			hasSubject(words, v, -1) || hasDependent(words, h, "xcomp", "ccomp", "obj") {
			continue
		}
		mk := firstDependent(words, v, h+1, v, "mark")
		if mk != v-1 || !strings.EqualFold(toks[mk].Text, "to") {
			continue
		}
		words[v].Rel = "xcomp"
	}
}

// intentVerbs take an infinitive that says what their subject means to do,
// or, told or asked, what it is to do ("has been instructed to get it done").
var intentVerbs = wordSet(`agree aim attempt choose decide decline expect fail hope intend offer plan pledge
prepare promise refuse seek strive struggle threaten try volunteer vote vow want wish
instruct order ask tell urge force require allow permit authorize authorise direct encourage persuade invite
compel oblige`)

// intentVerb reports whether the word is a form of one of intentVerbs.
func intentVerb(w string) bool {
	w = strings.ToLower(w)
	n := len(w)
	for _, c := range []string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "d"), strings.TrimSuffix(w, "es"),
		strings.TrimSuffix(w, "ed"), strings.TrimSuffix(w, "ing"), strings.TrimSuffix(w, "ing") + "e",
		strings.TrimSuffix(w, "ied") + "y", strings.TrimSuffix(w, "ies") + "y"} {
		if intentVerbs[c] {
			return true
		}
	}
	// a doubled consonant: "planned", "planning"
	for _, suf := range []string{"ed", "ing"} {
		if b := strings.TrimSuffix(w, suf); len(b) < n && len(b) > 2 && b[len(b)-1] == b[len(b)-2] && intentVerbs[b[:len(b)-1]] {
			return true
		}
	}
	return false
}

// titleAfterName repairs a title set off by a comma after a name ("said
// Sofia Reyes, President and Chief Executive Officer of Copperline") that
// the parser read as the name's conjuncts: the first title is the name's
// apposition, and the titles coordinated after it are its conjuncts.
func titleAfterName(toks []Token, words []parse.Word) {
	titled := func(k int) bool {
		for j := range words {
			if (j == k || under(words, j, k)) && titles[strings.ToLower(toks[j].Text)] {
				return true
			}
		}
		return false
	}
	for k := range words {
		h := words[k].Head - 1
		if words[k].Rel != "conj" || h < 0 || h > k || !strings.HasPrefix(toks[h].Tag, "NNP") ||
			hasDependent(words, k, "cc") || !titled(k) {
			continue
		}
		s := k
		for j := h + 1; j < k; j++ {
			if under(words, j, k) && toks[j].Tag != "," {
				s = j
				break
			}
		}
		if s < 1 || toks[s-1].Tag != "," || !titles[strings.ToLower(toks[s].Text)] {
			continue
		}
		words[k].Rel = "appos"
		for j := k + 1; j < len(words); j++ {
			if words[j].Head == h+1 && words[j].Rel == "conj" && titled(j) {
				words[j].Head = k + 1
			}
		}
	}
}

// participleAfterApposition repairs an object, its apposition and a
// participle on the apposition ("leads the Andean Alliance, a coalition of
// regional parties founded last year") that the parser read as a clause of
// the participle with the object before its subject ("Alliance" the
// object of "founded", "coalition" its subject). A past participle with no
// auxiliary has no object before its subject: the object is the verb's,
// the subject its apposition, and the participle the apposition's (acl).
func participleAfterApposition(toks []Token, words []parse.Word) {
	for v := range words {
		if toks[v].Tag != "VBN" || hasDependent(words, v, "aux", "aux:pass") {
			continue
		}
		s, o := -1, -1
		for k, w := range words {
			if w.Head == v+1 && w.Rel == "nsubj" && s < 0 {
				s = k
			}
			if w.Head == v+1 && w.Rel == "obj" && o < 0 {
				o = k
			}
		}
		h := words[v].Head - 1
		if s < 0 || o < 0 || !(o < s && s < v) || !strings.HasPrefix(toks[s].Tag, "NN") || h < 0 || h > o || !strings.HasPrefix(toks[h].Tag, "VB") ||
			hasDependent(words, h, "obj") || toks[s-1].Tag != "," && !under(words, s-1, s) {
			continue
		}
		words[o].Head, words[o].Rel = h+1, "obj"
		words[s].Head, words[s].Rel = o+1, "appos"
		words[v].Head, words[v].Rel = s+1, "acl"
	}
}

// copulaBackwards repairs a nominal predicate read backwards: in "Owen and
// Smith were the fathers of the movement" the parser may make the subject
// the head, the copula its dependent and the predicate noun the copula's
// (or the subject's) subject. The noun after the copula is the predicate:
// it takes the subject's place in the tree, the subject becomes its
// nominal subject, and what hung on the copula or after it moves to the
// predicate.
func copulaBackwards(toks []Token, words []parse.Word) {
	for c := range words {
		h := words[c].Head - 1
		if words[c].Rel != "cop" || h < 0 || h >= c || !strings.HasPrefix(toks[h].Tag, "NN") && toks[h].Tag != "PRP" ||
			hasDependent(words, h, "case") {
			continue // "among them was Reyes": a phrase is a predicate before its subject
		}
		n := -1
		for k := c + 1; k < len(words); k++ {
			if hd := words[k].Head - 1; (hd == c || hd == h) && base(words[k].Rel) == "nsubj" && strings.HasPrefix(toks[k].Tag, "NN") {
				n = k
				break
			}
		}
		if n < 0 {
			continue
		}
		words[n].Head, words[n].Rel = words[h].Head, words[h].Rel
		words[h].Head, words[h].Rel = n+1, "nsubj"
		words[c].Head = n + 1
		for k := range words {
			if k != n && k != h && (words[k].Head == c+1 || words[k].Head == h+1 && k > c) {
				words[k].Head = n + 1
			}
		}
	}
}

// subjectAsRoot repairs a subject with an apposition ("One of its lawyers,
// Mary Hale, filed the appeal") that the parser made the sentence's root,
// with the verb after the apposition hanging from it (parataxis, conj or
// appos). The noun has no verb of its own: a finite verb after it with no
// subject, no conjunction and nothing but the noun's own words between
// them is the sentence's, and the noun its subject.
func subjectAsRoot(toks []Token, words []parse.Word) {
	r := slices.IndexFunc(words, func(w parse.Word) bool { return w.Head == 0 })
	if r < 0 || !strings.HasPrefix(toks[r].Tag, "NN") && toks[r].Tag != "CD" || hasDependent(words, r, "cop", "nsubj", "nsubj:pass") {
		return
	}
	for v := r + 1; v < len(words); v++ {
		if words[v].Head != r+1 {
			continue
		}
		switch words[v].Rel {
		case "parataxis", "conj", "appos":
		default:
			continue
		}
		if !finiteClause(toks, words, v) {
			continue // the noun's apposition
		}
		if hasSubject(words, v, -1) || hasDependent(words, v, "cc") {
			return
		}
		for k := r + 1; k < v; k++ {
			if under(words, k, v) && (k != v-1 || toks[k].Text != ",") {
				return // a word of the verb's before it
			}
		}
		words[v].Head, words[v].Rel = 0, "root"
		words[r].Head, words[r].Rel = v+1, "nsubj"
		return
	}
}

// appositionAsSubject repairs a name between commas after a subject ("One
// of its specialists, Steve White, took an interest") that the parser read
// as a second subject of the verb: it is the subject's apposition, which
// the rules read as the name of what the subject describes.
func appositionAsSubject(toks []Token, words []parse.Word) {
	for b := 2; b < len(words); b++ {
		v := words[b].Head - 1
		if words[b].Rel != "nsubj" || v <= b || !isProper(toks[b]) {
			continue
		}
		a := -1
		for k := b - 1; k >= 0; k-- {
			if words[k].Head == v+1 && words[k].Rel == "nsubj" {
				a = k
				break
			}
		}
		if a < 0 {
			continue
		}
		// b's words are set off by commas: the first just before them,
		// the second just after
		first, last := b, b
		for k := a + 1; k < v; k++ {
			if under(words, k, b) {
				first, last = min(first, k), max(last, k)
			}
		}
		for first > a && toks[first].Text == "," {
			first++ // b's own leading comma
		}
		if first-1 <= a || toks[first-1].Text != "," || last+1 >= v || toks[last+1].Text != "," {
			continue
		}
		words[b].Head, words[b].Rel = a+1, "appos"
	}
}

// thatRelative repairs a relative clause that "that" opens with its
// object gone ("a loophole that drug businesses are exploiting") which the
// parser, reading "that" as a conjunction, made a clause the noun governs
// (acl, "that" its mark): "that" is the clause's object, and the clause a
// relative one. A clause with an object or complement of its own, or
// after a noun a clause completes ("the news that"), is left alone.
func thatRelative(toks []Token, words []parse.Word) {
	for v := range words {
		n := words[v].Head - 1
		if words[v].Rel != "acl" || n < 0 || n >= v || !strings.HasPrefix(toks[n].Tag, "NN") ||
			contentNouns[strings.ToLower(toks[n].Text)] || !strings.HasPrefix(toks[v].Tag, "VB") {
			continue
		}
		mk := firstDependent(words, v, n+1, v, "mark")
		// an active verb with a subject and no object: a passive's "that"
		// is never its object ("the opinion that a meeting would be called")
		if mk != n+1 || !strings.EqualFold(toks[mk].Text, "that") || !hasDependent(words, v, "nsubj") ||
			hasDependent(words, v, "obj", "ccomp", "xcomp", "iobj", "aux:pass", "nsubj:pass") {
			continue
		}
		words[mk].Rel = "obj"
		words[v].Rel = "acl:relcl"
	}
}

// subjectUnderModifier repairs a subject the parser hung on a modifier of
// its verb: "More big Japanese investors are buying" read "More" as the
// verb's adverb and the noun as its subject. The noun is the verb's
// subject, and the modifier before it the noun's.
func subjectUnderModifier(toks []Token, words []parse.Word) {
	for c := range words {
		x := words[c].Head - 1
		if base(words[c].Rel) != "nsubj" || x < 0 || x >= c || words[x].Rel != "advmod" {
			continue
		}
		v := words[x].Head - 1
		if v <= c || !strings.HasPrefix(toks[v].Tag, "VB") {
			continue
		}
		words[c].Head = v + 1
		words[x].Head = c + 1
		if strings.HasPrefix(toks[x].Tag, "JJ") {
			words[x].Rel = "amod"
		}
	}
}

// titleHeadsName repairs a title before a name ("Miss Betsy Parker was one
// of the speakers") that the parser made the head, the name its
// apposition or compound: the name heads the phrase, and the title
// describes it (nmod:desc), as the treebank has "Mr. Mills".
func titleHeadsName(toks []Token, words []parse.Word) {
	for h := 0; h+1 < len(words); h++ {
		w := strings.ToLower(toks[h].Text)
		if !isProper(toks[h]) || !titles[w] && w != "miss" {
			continue
		}
		k := -1
		for j := h + 1; j < len(words) && isProper(toks[j]); j++ {
			if words[j].Head == h+1 {
				switch words[j].Rel {
				case "appos", "flat", "compound":
					k = j
				}
			}
		}
		if k < 0 {
			continue
		}
		for j := h + 1; j < k; j++ {
			if words[j].Head == h+1 {
				words[j].Head = k + 1 // the first name: "Betsy"
			}
		}
		words[k].Head, words[k].Rel = words[h].Head, words[h].Rel
		words[h].Head, words[h].Rel = k+1, "nmod:desc"
		for j := range words {
			if j != k && words[j].Head == h+1 {
				words[j].Head = k + 1
			}
		}
	}
}
