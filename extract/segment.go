package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// span is a sentence's byte offsets in its text, trimmed of surrounding
// white space.
type span struct{ Start, End int }

// segmenter splits text into sentences exactly as prose does: the Punkt
// algorithm of neurosnap/sentences with its trained English data and prose's
// changes (a few more abbreviations, a closer look at multi-period words such
// as "F.B.I.", and quotes and brackets after sentence-final punctuation).
// Prose builds all of this, about 9 ms of work, for every document; a
// segmenter is built once, is immutable afterwards and is safe for
// concurrent use, since Punkt only reads its trained data.
type segmenter struct {
	punkt *sentences.DefaultSentenceTokenizer
}

// newSegmenter loads the trained English data and builds a segmenter.
func newSegmenter() (*segmenter, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, fmt.Errorf("load sentence model: %w", err)
	}
	training, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, fmt.Errorf("decode sentence model: %w", err)
	}
	// Prose's extra abbreviations.
	for _, abbr := range []string{"sgt", "gov", "no", "mt"} {
		training.AbbrevTypes.Add(abbr)
	}

	lang := sentences.NewPunctStrings()
	word := &punktWords{DefaultWordTokenizer: sentences.DefaultWordTokenizer{PunctStrings: lang}}
	annotations := sentences.NewAnnotations(training, lang, word)
	annotations = append(annotations, &multiPunctAnnotation{
		Storage:      training,
		TokenParser:  word,
		TokenGrouper: &sentences.DefaultTokenGrouper{},
		Ortho: &sentences.OrthoContext{
			Storage:      training,
			PunctStrings: lang,
			TokenType:    word,
			TokenFirst:   word,
		},
	})
	return &segmenter{punkt: &sentences.DefaultSentenceTokenizer{
		Storage:       training,
		PunctStrings:  lang,
		WordTokenizer: word,
		Annotations:   annotations,
	}}, nil
}

// split returns the sentences of text, the ones prose finds but for a
// break after a middle initial (see initialBreak), leaving out any that are
// only white space.
func (s *segmenter) split(text string) []span {
	sents := s.punkt.Tokenize(text)
	out := make([]span, 0, len(sents))
	for _, sent := range sents {
		start, end := max(sent.Start, 0), min(sent.End, len(text))
		for start < end {
			r, n := utf8.DecodeRuneInString(text[start:end])
			if !unicode.IsSpace(r) {
				break
			}
			start += n
		}
		for start < end {
			r, n := utf8.DecodeLastRuneInString(text[start:end])
			if !unicode.IsSpace(r) {
				break
			}
			end -= n
		}
		if start >= end {
			continue
		}
		if n := len(out); n > 0 && initialBreak(text[out[n-1].Start:out[n-1].End], text[start:end]) {
			out[n-1].End = end
			continue
		}
		out = append(out, span{Start: start, End: end})
	}
	return out
}

// middleInitialRE is a sentence's end at a given name and initials ("Michael
// J.", "Samuel B. D."): the name is the first group.
var middleInitialRE = regexp.MustCompile(`(?:^|[\s(“"])([A-Z][a-z]+)(?:\s+[A-Z]\.)+$`)

// initialBreak reports whether Punkt broke prev from next inside a name
// whose middle initial it took for a sentence's end ("Michael J. | Fox
// starred"): prev ends with a common given name and initials, and next
// starts with a capitalised word that is no common opening of a sentence.
// Punkt has no list of names and judges "J." by how "Fox" is spelled
// elsewhere; a name cut there loses the person and makes two sentences of
// one.
func initialBreak(prev, next string) bool {
	m := middleInitialRE.FindStringSubmatch(prev)
	if m == nil || !givenNames[strings.ToLower(m[1])] {
		return false
	}
	word, _, _ := strings.Cut(next, " ")
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r) && len(word) > 1 && !sentenceOpeners[strings.ToLower(strings.TrimRight(word, ",.;:"))]
}

// sentenceOpeners are words that often open a sentence and never a surname.
var sentenceOpeners = wordSet(`the a an he she it they we i you this that these those there his her its their our
in on at by for from with after before when while if as but and or so yet then also however meanwhile still`)

// punktWords is Punkt's word tokenizer with prose's list of sentence-final
// punctuation, which adds closing curly quotes and leaves out "Yahoo!".
type punktWords struct {
	sentences.DefaultWordTokenizer
}

var yahooRE = regexp.MustCompile(`Yahoo!`)

// sentEnders and sentEndInfixes are prose's.
var (
	sentEnders = [...]string{
		`."`, `.)`, `.’`, `.”`,
		`?`, `?"`, `?'`, `?)`, `?’`, `?”`,
		`!`, `!"`, `!'`, `!)`, `!’`, `!”`,
	}
	sentEndInfixes = [...]string{`.[`, `.(`, `."`, `?[`, `?(`, `![`, `!(`}
)

// HasSentEndChars reports whether a word ends a sentence by its
// punctuation alone.
func (p *punktWords) HasSentEndChars(t *sentences.Token) bool {
	for _, e := range sentEnders {
		if strings.HasSuffix(t.Tok, e) && !yahooRE.MatchString(t.Tok) {
			return true
		}
	}
	for _, e := range sentEndInfixes {
		if strings.Contains(t.Tok, e) {
			return true
		}
	}
	return false
}

// multiPunctAnnotation is prose's extra Punkt pass: it keeps ellipses and
// multi-period abbreviations ("F.B.I.") from ending a sentence unless the
// next word looks like a sentence start, and undoes breaks after a closing
// quote or bracket that a lower-case word follows.
type multiPunctAnnotation struct {
	*sentences.Storage
	sentences.TokenParser
	sentences.TokenGrouper
	sentences.Ortho
}

var (
	multiPeriodRE = regexp.MustCompile(`((?:[\w]\.)+[\w]*\.)`)
	ellipsisRE    = regexp.MustCompile(`(?:\.\s?){2,}\.`)
)

// Annotate implements sentences.AnnotateTokens.
func (a *multiPunctAnnotation) Annotate(tokens []*sentences.Token) []*sentences.Token {
	for _, pair := range a.TokenGrouper.Group(tokens) {
		if pair[1] == nil {
			tok := pair[0].Tok
			if strings.Contains(tok, "\n") && strings.Contains(tok, " ") {
				// An errant newline made this look like a break.
				pair[0].SentBreak = false
			}
			continue
		}
		a.annotatePair(pair[0], pair[1])
	}
	return tokens
}

// endsInternally reports whether tok ends with punctuation that can occur
// inside a sentence: a closing bracket or quote.
func endsInternally(tok string) bool {
	for _, p := range [...]string{")", `’`, `”`, `"`, `'`} {
		if strings.HasSuffix(tok, p) {
			return true
		}
	}
	return false
}

func (a *multiPunctAnnotation) annotatePair(one, two *sentences.Token) {
	var nextTyp string // computed at most once: it runs a regular expression

	// Two periods in a row are an ellipsis that Punkt's tokenizer split.
	if strings.HasSuffix(one.Tok, ".") && two.Tok == "." {
		one.SentBreak = false
		two.SentBreak = false
		return
	}

	isNonBreak := strings.HasSuffix(one.Tok, ".") && !one.SentBreak
	isEllipsis := ellipsisRE.MatchString(one.Tok)
	isInternal := one.SentBreak && endsInternally(one.Tok)

	if isNonBreak || isEllipsis || isInternal {
		nextTyp = a.TokenParser.TypeNoSentPeriod(two)
		isStarter := a.SentStarters[nextTyp]

		// An ellipsis before a capital or a frequent sentence starter ends
		// the sentence.
		if isEllipsis && (a.TokenParser.FirstUpper(two) || isStarter != 0) {
			one.SentBreak = true
			return
		}
		// Punctuation that may sit inside a sentence only ends it before a
		// capital or a frequent sentence starter.
		if isInternal && a.TokenParser.FirstLower(two) && isStarter == 0 {
			one.SentBreak = false
			return
		}
		// A period not taken as a break is one before a capitalised word
		// that also occurs in lower case.
		if isNonBreak && a.TokenParser.FirstUpper(two) && a.Storage.OrthoContext[nextTyp]&112 != 0 {
			one.SentBreak = true
		}
	}

	if !multiPeriodRE.MatchString(one.Tok) || a.IsInitial(one) {
		return
	}
	one.Abbr = true
	one.SentBreak = false
	// Punkt's orthographic heuristic, then its frequent-starter heuristic.
	if a.Ortho.Heuristic(two) == 1 {
		one.SentBreak = true
		return
	}
	if nextTyp == "" {
		nextTyp = a.TokenParser.TypeNoSentPeriod(two)
	}
	if a.TokenParser.FirstUpper(two) && a.SentStarters[nextTyp] != 0 {
		one.SentBreak = true
	}
}
