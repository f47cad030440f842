package extract

import "strings"

// phrase kinds of a chunked sentence.
const (
	none = iota
	nounPhrase
	verbGroup
)

// chunk is a run of tokens [start, end) of one kind.
type chunk struct {
	kind       int
	start, end int
}

// chunks labels a tagged sentence with noun phrases and verb groups. Noun
// phrases come first, so a participle inside a noun phrase ("a targeted
// deal") is not taken for a verb; "X of Y" is one noun phrase, the way names
// such as "the Department of Commerce" are written.
func chunks(toks []Token) []chunk {
	var out []chunk
	for i := 0; i < len(toks); {
		if n := nounPhraseAt(toks, i); n > i {
			out = append(out, chunk{nounPhrase, i, n})
			i = n
			continue
		}
		if n := verbGroupAt(toks, i); n > i {
			out = append(out, chunk{verbGroup, i, n})
			i = n
			continue
		}
		out = append(out, chunk{none, i, i + 1})
		i++
	}
	return mergePlaces(toks, mergeOf(toks, out))
}

// mergePlaces joins a place and the larger place that locates it: "Montgomery
// County, Pennsylvania", "Dearborn, Mich.". Lists ("Iran, Syria and Cuba")
// stay apart.
func mergePlaces(toks []Token, cs []chunk) []chunk {
	out := cs[:0:0]
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if c.kind == nounPhrase && i+2 < len(cs) && cs[i+1].kind == none && toks[cs[i+1].start].Text == "," &&
			cs[i+2].kind == nounPhrase && properRun(toks, c, 4) && properRun(toks, cs[i+2], 2) &&
			toks[cs[i+2].start].Tag != "DT" && !isTimeNP(toks[c.start:c.end]) &&
			!givenNames[strings.ToLower(toks[cs[i+2].start].Text)] && // "for Arden, Michael Tran,": a person
			!givenNames[strings.ToLower(toks[c.start].Text)] &&
			(i == 0 || !(cs[i-1].kind == none && toks[cs[i-1].start].Text == ",")) &&
			(i+3 >= len(cs) || !(cs[i+3].kind == none && toks[cs[i+3].start].Tag == "CC")) &&
			(i+4 >= len(cs) || !(cs[i+3].kind == none && toks[cs[i+3].start].Text == "," && cs[i+4].kind == nounPhrase)) &&
			// "Wyatt Earp, Davy Crockett, and Annie Oakley": a list
			(i+5 >= len(cs) || !(cs[i+3].kind == none && toks[cs[i+3].start].Text == "," && toks[cs[i+4].start].Tag == "CC" &&
				cs[i+5].kind == nounPhrase)) &&
			// "in Asia, Otto joined", "civilians in Syria, Kayla was": a
			// phrase, then the clause's subject, where the second name is
			// no place kg knows ("in Ostrava, Moravia closed" is lost)
			(i+3 >= len(cs) || cs[i+3].kind != verbGroup || knownPlace(toks[cs[i+2].start:cs[i+2].end])) {
			c.end = cs[i+2].end
			i += 2
		}
		// "July 17, 1749"
		if c.kind == nounPhrase && i+2 < len(cs) && cs[i+1].kind == none && toks[cs[i+1].start].Text == "," &&
			cs[i+2].kind == nounPhrase && cs[i+2].end-cs[i+2].start == 1 && isYear(toks[cs[i+2].start:cs[i+2].end]) &&
			c.end-c.start >= 2 && toks[c.end-1].Tag == "CD" && months[strings.ToLower(toks[c.end-2].Text)] {
			c.end = cs[i+2].end
			i += 2
		}
		out = append(out, c)
	}
	return out
}

// knownPlace reports a place the gazetteer or the place names know.
func knownPlace(toks []Token) bool {
	for len(toks) > 0 && toks[0].Tag == "DT" {
		toks = toks[1:]
	}
	_, ok := placeName(joinTokens(toks))
	return ok
}

// properRun reports a noun phrase of at most n tokens, every one a proper
// noun (after a determiner).
func properRun(toks []Token, c chunk, n int) bool {
	start := c.start
	if toks[start].Tag == "DT" {
		start++
	}
	if c.end-start > n || c.end <= start {
		return false
	}
	for _, t := range toks[start:c.end] {
		if t.Tag != "NNP" {
			return false
		}
	}
	return true
}

// mergeOf joins "NP of NP" into one noun phrase.
func mergeOf(toks []Token, cs []chunk) []chunk {
	out := cs[:0:0]
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		for c.kind == nounPhrase && i+2 < len(cs) && cs[i+1].kind == none &&
			strings.EqualFold(toks[cs[i+1].start].Text, "of") && cs[i+2].kind == nounPhrase &&
			!isPronounTag(toks[cs[i+2].start].Tag) {
			c.end = cs[i+2].end
			i += 2
		}
		out = append(out, c)
	}
	return out
}

func comparative(w string) bool {
	switch strings.ToLower(w) {
	case "more", "less", "fewer":
		return true
	}
	return false
}

// demonstratives can stand for a noun phrase on their own.
var demonstratives = map[string]bool{"this": true, "that": true, "these": true, "those": true, "all": true,
	"both": true, "each": true, "some": true, "many": true, "none": true, "most": true, "several": true,
	"others": true, "few": true}

func isNoun(tag string) bool { return strings.HasPrefix(tag, "NN") }

func isVerb(tag string) bool { return strings.HasPrefix(tag, "VB") }

func isAdverb(tag string) bool { return tag == "RB" || tag == "RBR" || tag == "RBS" }

func isPronounTag(tag string) bool { return tag == "PRP" || tag == "WP" || tag == "WDT" || tag == "EX" }

// nounPhraseAt returns the end of the noun phrase starting at i, or i if none
// starts there.
func nounPhraseAt(toks []Token, i int) int {
	t := toks[i]
	if isPronounTag(t.Tag) {
		return i + 1
	}
	// A determiner standing alone before its verb: "These include", "That amounts to".
	if (t.Tag == "DT" || t.Tag == "JJ") && demonstratives[strings.ToLower(t.Text)] && i+1 < len(toks) &&
		(isVerb(toks[i+1].Tag) || toks[i+1].Tag == "MD") {
		return i + 1
	}
	j := i
	head := -1
	for j < len(toks) {
		tag := toks[j].Tag
		if head >= i && (startsTimePhrase(toks, j) || deictic(toks, j)) {
			break // "the department last year", "the company today": the time is not part of the name
		}
		if head >= i && head == j-1 && strings.HasPrefix(toks[head].Tag, "NNP") && amountAt(toks, j) {
			break // "fined Google 4.3 billion euros", "paid Harbor Networks $3 million": two objects
		}
		switch {
		case head < i && j+2 < len(toks) && comparative(toks[j].Text) && strings.EqualFold(toks[j+1].Text, "than") &&
			(toks[j+2].Tag == "CD" || toks[j+2].Tag == "$"):
			j++ // "more than $350 billion": the comparison belongs to the amount
		case (tag == "DT" || tag == "PDT" || tag == "PRP$") && (j == i || toks[j-1].Tag == "PDT" || toks[j-1].Tag == "POS"):
		case tag == "JJ" || tag == "JJR" || tag == "JJS" || tag == "$" || tag == "FW":
		case isNoun(tag) || tag == "CD":
			head = j
		case tag == "POS" && head == j-1:
			// "ZTE 's business": the possessive continues the phrase.
		case (tag == "VBN" || tag == "VBG") && j+1 < len(toks) && (isNoun(toks[j+1].Tag) || toks[j+1].Tag == "JJ") &&
			(j > i && !isNoun(toks[j-1].Tag) || tag == "VBN" && j == i && j > 0 && isVerb(toks[j-1].Tag) && !isAuxiliary(toks, j-1)):
			// a participle modifying a noun: "a targeted economic deal".
		case (tag == "RBS" || tag == "RBR") && head < i && j+1 < len(toks) && isNoun(toks[j+1].Tag):
			// "the most votes", "more sales": a quantity the tagger read as an adverb
		case isAdverb(tag) && j > i && head < i && j+2 < len(toks) && (toks[j+1].Tag == "JJ" || toks[j+1].Tag == "VBN") &&
			(nominal(toks[j+2].Tag) || toks[j+2].Tag == "VBN"):
			// "many largely recognized shapes"
		case tag == "CC" && j > i && toks[j-1].Tag == "JJ" && j+2 < len(toks) && toks[j+1].Tag == "JJ" && nominal(toks[j+2].Tag):
			// "an industrial and residential area"
		case tag == "CC" && head == j-1 && andName(toks, i, j) > j:
			// "the Competition and Markets Authority": one name
			j = andName(toks, i, j) - 1
			head = j
		case (toks[j].Text == "&" || toks[j].Text == "-") && j > i && nominal(toks[j-1].Tag) && j+1 < len(toks) && nominal(toks[j+1].Tag):
			// "AT & T", "Hewlett - Packard", "flex - time work"
		default:
			return phraseEnd(i, head)
		}
		j++
	}
	return phraseEnd(i, head)
}

// amountAt reports whether a sum of money starts at j: a currency sign, or
// a number whose words end in a scale or a currency ("4.3 billion euros"),
// not a number that names a model or a day ("Boeing 737", "May 5").
func amountAt(toks []Token, j int) bool {
	if toks[j].Tag == "$" {
		return strings.ContainsAny(toks[j].Text, "$€£¥") // not a word the tagger misread ("Holdings/$")
	}
	for k := j; k < len(toks) && toks[k].Tag == "CD"; k++ {
		if amountWords[strings.ToLower(toks[k].Text)] || k+1 < len(toks) && amountWords[strings.ToLower(toks[k+1].Text)] {
			return true
		}
	}
	return false
}

// amountWords are the scales and currencies that make a number a sum.
var amountWords = wordSet(`million billion trillion euros euro dollars pounds yen yuan renminbi francs rupees pesos
rubles roubles won crowns kronor krona`)

// startsTimePhrase reports whether a time phrase such as "last year" or
// "this week" starts at j.
func startsTimePhrase(toks []Token, j int) bool {
	switch strings.ToLower(toks[j].Text) {
	case "last", "next", "this", "early", "late", "earlier", "later":
		return j+1 < len(toks) && (timeWords[strings.ToLower(toks[j+1].Text)] || months[strings.ToLower(toks[j+1].Text)])
	}
	return false
}

// deictic reports a day named from the time of writing at j ("today",
// "yesterday"), not a possessive ("today's").
func deictic(toks []Token, j int) bool {
	switch strings.ToLower(toks[j].Text) {
	case "today", "yesterday", "tomorrow", "tonight":
		return j+1 >= len(toks) || toks[j+1].Tag != "POS"
	}
	return false
}

func phraseEnd(i, head int) int {
	if head < i {
		return i
	}
	return head + 1
}

// verbGroupAt returns the end of the verb group starting at i: modals,
// auxiliaries, adverbs and negation around one lexical verb, and its
// particles. A second lexical verb starts something else: in "had ignored
// repeated warnings", "repeated" modifies the noun.
func verbGroupAt(toks []Token, i int) int {
	if !isVerb(toks[i].Tag) && toks[i].Tag != "MD" {
		return i
	}
	last := i
	lexical := false
	for j := i; j < len(toks); j++ {
		tag := toks[j].Tag
		switch {
		case isVerb(tag) || tag == "MD":
			if lexical {
				return last + 1
			}
			last = j
			lexical = tag != "MD" && !isAuxiliary(toks, j)
		case adverbial(toks, j):
		case tag == "RP":
			last = j
		default:
			return last + 1
		}
	}
	return last + 1
}

// adverbial reports an adverb inside a verb group, or an adjective used as
// one before a participle ("is first mentioned").
func adverbial(toks []Token, j int) bool {
	return isAdverb(toks[j].Tag) || toks[j].Tag == "JJ" && j+1 < len(toks) && toks[j+1].Tag == "VBN"
}

// nominal tags can be joined by a hyphen inside a noun phrase.
func nominal(tag string) bool { return isNoun(tag) || tag == "JJ" || tag == "CD" }

// isAuxiliary reports whether the verb at i helps the verb after it: a form
// of be, have, do or get followed (past adverbs) by another verb.
func isAuxiliary(toks []Token, i int) bool {
	switch strings.ToLower(toks[i].Text) {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m",
		"have", "has", "had", "having", "'ve", "'d", "do", "does", "did", "get", "gets", "got", "gotten", "getting":
	default:
		return false
	}
	for j := i + 1; j < len(toks); j++ {
		switch tag := toks[j].Tag; {
		case isVerb(tag):
			return true
		case adverbial(toks, j):
		default:
			return false
		}
	}
	return false
}
