package extract

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// tagger is prose's averaged-perceptron part-of-speech tagger (a port of
// TextBlob's), run on prose's own weights but compiled for speed: each of
// the fourteen feature templates becomes a field of a per-word, per-suffix or
// per-tag record, so tagging a token costs three or four map lookups and no
// allocation, where prose builds and joins fourteen strings into a fresh map.
//
// The weights are rounded to thousandths, so the tagger adds them up exactly,
// as integer thousandths: it finds the same best tag as prose's float sums
// except where two tags tie exactly, and there it takes the first in the
// model's class order where prose picks at random.
//
// A tagger is immutable after newTagger and safe for concurrent use.
type tagger struct {
	classes []string            // the tags the model predicts; a class is its index here
	known   map[string]knownTag // prose's tag map: words the model always tags alike

	// Rows of per-class weights, in thousandths: row r holds the pairs
	// (rowClass[k], rowWeight[k]) for k in [rowStart[r], rowStart[r+1]).
	// A row index of -1 means the model has no such feature.
	rowStart  []int32
	rowClass  []uint8
	rowWeight []int32

	pref1    [256]int32       // "i pref1 X", by the word's first byte
	words    map[string]int32 // normalised word -> index into wordRows
	wordRows []wordFeatures
	afterTag []tagFeature     // "i-1 tag+i word" rows, grouped by word
	suffixes map[string]int32 // last three bytes of a word -> index into suffixRows
	sufRows  []suffixFeatures

	// Tags as they appear in the features: the classes first, then the
	// sentence-start markers. A tag the model never saw has id -1 and no
	// features.
	tagIDs map[string]int16

	// history is, for each pair of previous tags, the summed weights of the
	// four features that depend on nothing else ("bias", "i-1 tag",
	// "i-2 tag", "i tag+i-2 tag"), whose rows are the longest: summed once
	// here, not for every token. Pair (p1, p2) is at slot
	// historyIndex(p1, p2), its weights at [slot*len(classes),
	// (slot+1)*len(classes)).
	history     []int32
	historySeen []uint64

	padWord [4]int32
	padSuf  [4]int32

	start, start2                       int16 // ids of -START- and -START2-
	idHyphen, idSYM, idNN, idNone, idCD int16

	// cdNumbers tags numbers written in digits CD before anything else.
	// Prose tags "3.55" NN because its link pattern matches it; tests turn
	// this off to compare the rest with prose.
	cdNumbers bool
}

// knownTag is a tag from prose's tag map, with its id.
type knownTag struct {
	tag string
	id  int16
}

// wordFeatures are the rows of the features a context word takes part in,
// by its position relative to the word being tagged.
type wordFeatures struct {
	self, prev1, prev2, next1, next2 int32
	afterLo, afterHi                 int32 // its "i-1 tag+i word" rows in afterTag
}

type tagFeature struct {
	tag int16
	row int32
}

// suffixFeatures are the rows of a suffix as the tagged word's own ("i
// suffix", of the word as written) and as its neighbours' ("i-1 suffix",
// "i+1 suffix", of their normalised forms).
type suffixFeatures struct {
	key              string
	self, prev, next int32
}

// The context pads prose puts around a sentence.
var contextPads = [4]string{"-START-", "-START2-", "-END-", "-END2-"}

// newTagger loads prose's perceptron model from prose's embedded assets and
// compiles it.
func newTagger() (*tagger, error) {
	var classes []string
	var tagMap map[string]string
	var weights map[string]map[string]float64
	for _, a := range []struct {
		name string
		dst  any
	}{{"classes.gob", &classes}, {"tags.gob", &tagMap}, {"weights.gob", &weights}} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name)
		if err != nil {
			return nil, fmt.Errorf("load tagger model %s: %w", a.name, err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.dst); err != nil {
			return nil, fmt.Errorf("decode tagger model %s: %w", a.name, err)
		}
	}
	return compileTagger(classes, tagMap, weights)
}

// Feature-name prefixes, as prose's featurize joins them.
const (
	featSuffix     = "i suffix "
	featPref1      = "i pref1 "
	featPrev1Tag   = "i-1 tag "
	featPrev2Tag   = "i-2 tag "
	featPrev12Tag  = "i tag+i-2 tag "
	featWord       = "i word "
	featPrevTagWrd = "i-1 tag+i word "
	featPrev1Word  = "i-1 word "
	featPrev1Suf   = "i-1 suffix "
	featPrev2Word  = "i-2 word "
	featNext1Word  = "i+1 word "
	featNext1Suf   = "i+1 suffix "
	featNext2Word  = "i+2 word "
)

// compileTagger turns prose's model into a tagger.
func compileTagger(classes []string, tagMap map[string]string, weights map[string]map[string]float64) (*tagger, error) {
	t := &tagger{
		known:     make(map[string]knownTag, len(tagMap)),
		words:     make(map[string]int32),
		suffixes:  make(map[string]int32),
		tagIDs:    make(map[string]int16),
		cdNumbers: true,
	}
	class := make(map[string]int, len(classes))
	for _, c := range classes {
		if _, dup := class[c]; !dup {
			class[c] = len(t.classes)
			t.classes = append(t.classes, c)
		}
	}
	// A label that only the weights know still counts as a class.
	for _, row := range weights {
		for c := range row {
			if _, ok := class[c]; !ok {
				class[c] = len(t.classes)
				t.classes = append(t.classes, c)
			}
		}
	}
	if len(t.classes) > 64 {
		return nil, fmt.Errorf("tagger model has %d classes, more than 64", len(t.classes))
	}

	// Tag ids: the classes, then any other tag the features mention.
	for i, c := range t.classes {
		t.tagIDs[c] = int16(i)
	}
	addTag := func(tag string) {
		if _, ok := t.tagIDs[tag]; !ok {
			t.tagIDs[tag] = int16(len(t.tagIDs))
		}
	}
	for key := range weights {
		if rest, ok := strings.CutPrefix(key, featPrev1Tag); ok {
			addTag(rest)
		} else if rest, ok := strings.CutPrefix(key, featPrev2Tag); ok {
			addTag(rest)
		} else if rest, ok := strings.CutPrefix(key, featPrev12Tag); ok {
			t1, t2, _ := strings.Cut(rest, " ")
			addTag(t1)
			addTag(t2)
		} else if rest, ok := strings.CutPrefix(key, featPrevTagWrd); ok {
			tag, _, _ := strings.Cut(rest, " ")
			addTag(tag)
		}
	}
	if len(t.tagIDs) > math.MaxInt16 {
		return nil, fmt.Errorf("tagger model has %d tags", len(t.tagIDs))
	}
	nTags := len(t.tagIDs)
	bias := int32(-1)
	prev1 := filledInt32(nTags, -1)
	prev2 := filledInt32(nTags, -1)
	prev12 := filledInt32(nTags*nTags, -1)
	for i := range t.pref1 {
		t.pref1[i] = -1
	}
	pref1 := make(map[string]int32)
	after := make(map[int32][]tagFeature) // word index -> its "i-1 tag+i word" rows

	t.rowStart = append(t.rowStart, 0)
	for key, w := range weights {
		row := int32(len(t.rowStart) - 1)
		for c, v := range w {
			milli := math.Round(v * 1000)
			if milli/1000 != v || math.Abs(milli) > 1<<24 {
				return nil, fmt.Errorf("tagger model: weight %v of feature %q is not a small multiple of 0.001", v, key)
			}
			t.rowClass = append(t.rowClass, uint8(class[c]))
			t.rowWeight = append(t.rowWeight, int32(milli))
		}
		t.rowStart = append(t.rowStart, int32(len(t.rowClass)))

		if key == "bias" {
			bias = row
		} else if rest, ok := strings.CutPrefix(key, featSuffix); ok {
			t.suffix(rest).self = row
		} else if rest, ok := strings.CutPrefix(key, featPrev1Suf); ok {
			t.suffix(rest).prev = row
		} else if rest, ok := strings.CutPrefix(key, featNext1Suf); ok {
			t.suffix(rest).next = row
		} else if rest, ok := strings.CutPrefix(key, featPref1); ok {
			pref1[rest] = row
		} else if rest, ok := strings.CutPrefix(key, featPrev1Tag); ok {
			prev1[t.tagIDs[rest]] = row
		} else if rest, ok := strings.CutPrefix(key, featPrev2Tag); ok {
			prev2[t.tagIDs[rest]] = row
		} else if rest, ok := strings.CutPrefix(key, featPrev12Tag); ok {
			t1, t2, _ := strings.Cut(rest, " ")
			prev12[int(t.tagIDs[t1])*nTags+int(t.tagIDs[t2])] = row
		} else if rest, ok := strings.CutPrefix(key, featPrevTagWrd); ok {
			tag, word, _ := strings.Cut(rest, " ")
			i := t.word(word)
			after[i] = append(after[i], tagFeature{tag: t.tagIDs[tag], row: row})
		} else if rest, ok := strings.CutPrefix(key, featWord); ok {
			t.wordRows[t.word(rest)].self = row
		} else if rest, ok := strings.CutPrefix(key, featPrev1Word); ok {
			t.wordRows[t.word(rest)].prev1 = row
		} else if rest, ok := strings.CutPrefix(key, featPrev2Word); ok {
			t.wordRows[t.word(rest)].prev2 = row
		} else if rest, ok := strings.CutPrefix(key, featNext1Word); ok {
			t.wordRows[t.word(rest)].next1 = row
		} else if rest, ok := strings.CutPrefix(key, featNext2Word); ok {
			t.wordRows[t.word(rest)].next2 = row
		}
		// Any other feature is one prose never asks for.
	}
	for i := range t.wordRows {
		list := after[int32(i)]
		t.wordRows[i].afterLo = int32(len(t.afterTag))
		t.afterTag = append(t.afterTag, list...)
		t.wordRows[i].afterHi = int32(len(t.afterTag))
	}
	// prose's featurize writes the first byte as string(w[0]), which turns
	// bytes above 0x7F into two-byte runes; index by the byte itself.
	for b := range 256 {
		if row, ok := pref1[string(rune(b))]; ok {
			t.pref1[b] = row
		}
	}
	// Id -1, a tag without features, takes slot 0.
	nClasses := len(t.classes)
	t.history = make([]int32, (nTags+1)*(nTags+1)*nClasses)
	t.historySeen = make([]uint64, (nTags+1)*(nTags+1))
	for p1 := -1; p1 < nTags; p1++ {
		for p2 := -1; p2 < nTags; p2++ {
			var s tagScores
			t.add(&s, bias)
			if p1 >= 0 {
				t.add(&s, prev1[p1])
			}
			if p2 >= 0 {
				t.add(&s, prev2[p2])
				if p1 >= 0 {
					t.add(&s, prev12[p1*nTags+p2])
				}
			}
			i := t.historyIndex(int16(p1), int16(p2))
			copy(t.history[i*nClasses:(i+1)*nClasses], s.sum[:nClasses])
			t.historySeen[i] = s.seen
		}
	}
	for i, pad := range contextPads {
		t.padWord[i] = recordOf(t.words, pad)
		t.padSuf[i] = recordOf(t.suffixes, lastBytes(pad, 3))
	}
	for word, tag := range tagMap {
		t.known[word] = knownTag{tag: tag, id: t.tagID(tag)}
	}
	t.start, t.start2 = t.tagID("-START-"), t.tagID("-START2-")
	t.idHyphen, t.idSYM, t.idNN = t.tagID("-"), t.tagID("SYM"), t.tagID("NN")
	t.idNone, t.idCD = t.tagID("-NONE-"), t.tagID("CD")
	return t, nil
}

func filledInt32(n int, v int32) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = v
	}
	return s
}

// word returns the index of w's features, adding an empty record if needed.
func (t *tagger) word(w string) int32 {
	if i, ok := t.words[w]; ok {
		return i
	}
	i := int32(len(t.wordRows))
	t.words[w] = i
	t.wordRows = append(t.wordRows, wordFeatures{-1, -1, -1, -1, -1, 0, 0})
	return i
}

// suffix returns s's features, adding an empty record if needed.
func (t *tagger) suffix(s string) *suffixFeatures {
	i, ok := t.suffixes[s]
	if !ok {
		i = int32(len(t.sufRows))
		t.suffixes[s] = i
		t.sufRows = append(t.sufRows, suffixFeatures{s, -1, -1, -1})
	}
	return &t.sufRows[i]
}

// recordOf and recordOfBytes return the record index of key in m, or -1; Go
// indexes a map with string(b) without allocating.
func recordOf(m map[string]int32, key string) int32 {
	if i, ok := m[key]; ok {
		return i
	}
	return -1
}

func recordOfBytes(m map[string]int32, key []byte) int32 {
	if i, ok := m[string(key)]; ok {
		return i
	}
	return -1
}

func (t *tagger) tagID(tag string) int16 {
	if id, ok := t.tagIDs[tag]; ok {
		return id
	}
	return -1
}

// knownVerb reports whether the lower-case word w is a base-form verb the
// model knows: its tag map says VB or VBP, or its own word feature weighs
// for VB or VBP. The lemmatiser uses it to choose between candidate bases.
func (t *tagger) knownVerb(w string) bool {
	if k, ok := t.known[w]; ok {
		return k.tag == "VB" || k.tag == "VBP"
	}
	i := recordOf(t.words, w)
	if i < 0 {
		return false
	}
	row := t.wordRows[i].self
	if row < 0 {
		return false
	}
	for k := t.rowStart[row]; k < t.rowStart[row+1]; k++ {
		if c := t.classes[t.rowClass[k]]; (c == "VB" || c == "VBP") && t.rowWeight[k] > 0 {
			return true
		}
	}
	return false
}

// knownWord reports whether the model has a tag or a feature of its own for
// the lower-case word w, so that its tag is more than its shape's guess.
func (t *tagger) knownWord(w string) bool {
	if _, ok := t.known[w]; ok {
		return true
	}
	i := recordOf(t.words, w)
	return i >= 0 && t.wordRows[i].self >= 0
}

// maxStackSentence is the sentence length up to which tag keeps its
// per-token scratch on the stack.
const maxStackSentence = 124

// tag sets the Tag of every token of one sentence as prose's
// perceptronTagger.tag would, with two fixes: each token is tagged on its
// own (prose shares one token between repeated words, so the last
// occurrence's tag overwrote the others), and numbers written in digits
// ("3.55", "1,190.50", "0") are CD, where prose makes some NN or -NONE-.
// Exact ties between classes go to the first in the model's class order,
// where prose picks at random.
func (t *tagger) tag(toks []Token) {
	if len(toks) == 0 {
		return
	}
	var wordBuf, sufBuf [maxStackSentence + 4]int32
	ctxWord, ctxSuf := wordBuf[:0], sufBuf[:0]
	if len(toks) > maxStackSentence {
		ctxWord = make([]int32, 0, len(toks)+4)
		ctxSuf = make([]int32, 0, len(toks)+4)
	}
	ctxWord, ctxSuf = t.context(toks, ctxWord, ctxSuf)
	p1, p2 := t.start, t.start2
	for i := range toks {
		tag, id, margin := t.tagAt(toks[i].Text, i+2, ctxWord, ctxSuf, p1, p2)
		toks[i].Tag, toks[i].margin = tag, margin
		p1, p2 = id, p1
	}
}

// context appends, for each position of the context prose tags a sentence
// in (two pads, the tokens, two pads), the record of its normalised word and
// of that word's last three bytes.
func (t *tagger) context(toks []Token, ctxWord, ctxSuf []int32) ([]int32, []int32) {
	ctxWord = append(ctxWord, t.padWord[0], t.padWord[1])
	ctxSuf = append(ctxSuf, t.padSuf[0], t.padSuf[1])
	var normBuf [64]byte
	for i := range toks {
		norm := normalizeWord(normBuf[:0], toks[i].Text)
		ctxWord = append(ctxWord, recordOfBytes(t.words, norm))
		ctxSuf = append(ctxSuf, recordOfBytes(t.suffixes, lastBytes(norm, 3)))
	}
	ctxWord = append(ctxWord, t.padWord[2], t.padWord[3])
	ctxSuf = append(ctxSuf, t.padSuf[2], t.padSuf[3])
	return ctxWord, ctxSuf
}

// tagAt tags the word w at context position j, after tags p1 and p2, in
// prose's order: its fixed rules, then its tag map, then the model.
// It also returns the tag's margin over the runner-up, in thousandths of a
// weight: how sure the model is (sureMargin for tags its rules fix).
func (t *tagger) tagAt(w string, j int, ctxWord, ctxSuf []int32, p1, p2 int16) (string, int16, int32) {
	if tag, id := t.special(w); tag != "" {
		return tag, id, sureMargin
	}
	if k, ok := t.known[w]; ok {
		return k.tag, k.id, sureMargin
	}
	s := t.score(w, j, ctxWord, ctxSuf, p1, p2)
	best := s.best(len(t.classes))
	if best < 0 {
		return "", -1, 0 // no feature known at all; prose's max returns "" too
	}
	return t.classes[best], int16(best), s.margin(best, len(t.classes))
}

// sureMargin is the margin of a tag that no model score decided.
const sureMargin = 1 << 20

// margin is how far the best class's score stands above the next seen one.
func (s *tagScores) margin(best, n int) int32 {
	m := int32(sureMargin)
	for c := range n {
		if c != best && s.seen&(1<<c) != 0 && s.sum[best]-s.sum[c] < m {
			m = s.sum[best] - s.sum[c]
		}
	}
	return m
}

// special applies prose's rules that bypass the model, plus our rule for
// numbers; it returns "" when none applies.
func (t *tagger) special(w string) (string, int16) {
	if t.cdNumbers && isPlainNumber(w) {
		return "CD", t.idCD
	}
	switch {
	case w == "-":
		return "-", t.idHyphen
	case isEmoticon(w):
		return "SYM", t.idSYM
	case isLinkOrEmail(w):
		return "NN", t.idNN
	case isEmptyElement(w):
		return "-NONE-", t.idNone
	case isBracketTag(w):
		return w, t.tagID(w)
	}
	return "", -1
}

// tagScores accumulates per-class weights; seen marks the classes some active
// feature has a weight for, since prose only picks among those.
type tagScores struct {
	sum  [64]int32
	seen uint64
}

// best is the seen class with the highest score, the first in class order
// if several tie, or -1 if none was seen.
func (s *tagScores) best(n int) int {
	best := -1
	for c := range n {
		if s.seen&(1<<c) != 0 && (best < 0 || s.sum[c] > s.sum[best]) {
			best = c
		}
	}
	return best
}

func (t *tagger) add(s *tagScores, row int32) {
	if row < 0 {
		return
	}
	lo, hi := t.rowStart[row], t.rowStart[row+1]
	classes, weights := t.rowClass[lo:hi], t.rowWeight[lo:hi]
	weights = weights[:len(classes)]
	for k, c := range classes {
		c &= 63 // fewer than 64 classes; the mask spares a bounds check
		s.sum[c] += weights[k]
		s.seen |= 1 << c
	}
}

// historyIndex is the slot of a pair of previous tags in history.
func (t *tagger) historyIndex(p1, p2 int16) int {
	return (int(p1)+1)*(len(t.tagIDs)+1) + int(p2) + 1
}

// score adds up the weights of prose's fourteen features for the word w at
// context position j, whose two previous tags have ids p1 and p2.
func (t *tagger) score(w string, j int, ctxWord, ctxSuf []int32, p1, p2 int16) tagScores {
	var s tagScores
	h, n := t.historyIndex(p1, p2), len(t.classes)
	copy(s.sum[:n], t.history[h*n:(h+1)*n])
	s.seen = t.historySeen[h]
	// The word's own suffix is usually its normalised one, already looked up.
	raw := lastBytes(w, 3)
	if norm := ctxSuf[j]; norm >= 0 && t.sufRows[norm].key == raw {
		t.add(&s, t.sufRows[norm].self)
	} else if i := recordOf(t.suffixes, raw); i >= 0 {
		t.add(&s, t.sufRows[i].self)
	}
	if w != "" {
		t.add(&s, t.pref1[w[0]])
	}
	if i := ctxWord[j]; i >= 0 {
		f := &t.wordRows[i]
		t.add(&s, f.self)
		if p1 >= 0 {
			for _, a := range t.afterTag[f.afterLo:f.afterHi] {
				if a.tag == p1 {
					t.add(&s, a.row)
					break
				}
			}
		}
	}
	if i := ctxWord[j-1]; i >= 0 {
		t.add(&s, t.wordRows[i].prev1)
	}
	if i := ctxSuf[j-1]; i >= 0 {
		t.add(&s, t.sufRows[i].prev)
	}
	if i := ctxWord[j-2]; i >= 0 {
		t.add(&s, t.wordRows[i].prev2)
	}
	if i := ctxWord[j+1]; i >= 0 {
		t.add(&s, t.wordRows[i].next1)
	}
	if i := ctxSuf[j+1]; i >= 0 {
		t.add(&s, t.sufRows[i].next)
	}
	if i := ctxWord[j+2]; i >= 0 {
		t.add(&s, t.wordRows[i].next2)
	}
	return s
}

// lastBytes is the last n bytes of s, as prose slices suffixes (which may
// cut a multi-byte rune).
func lastBytes[S ~string | ~[]byte](s S, n int) S {
	return s[len(s)-min(len(s), n):]
}

// normalizeWord appends prose's normalize(w) to dst: "!HYPHEN" for a word
// with an inner hyphen, "!YEAR" for a four-character integer, "!DIGITS" for
// anything else starting with a digit, and otherwise the word in lower case
// (invalid UTF-8 becoming U+FFFD, as strings.ToLower does).
func normalizeWord(dst []byte, w string) []byte {
	switch {
	case w == "":
		return dst
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return append(dst, "!HYPHEN"...)
	case len(w) == 4 && isFourCharInt(w):
		return append(dst, "!YEAR"...)
	case '0' <= w[0] && w[0] <= '9':
		return append(dst, "!DIGITS"...)
	}
	for i := 0; i < len(w); {
		if b := w[i]; b < utf8.RuneSelf {
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			dst = append(dst, b)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// isFourCharInt reports whether strconv.Atoi accepts the four-byte s: an
// optional sign and digits.
func isFourCharInt(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	return allDigits(s)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isPlainNumber reports whether s is a number written in digits: an
// optional sign, digits or thousands grouped by commas, and an optional
// decimal fraction ("7", "-3.55", "1,190.50").
func isPlainNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	whole, frac, dot := strings.Cut(s, ".")
	if dot && !allDigits(frac) {
		return false
	}
	if allDigits(whole) {
		return true
	}
	// 1-3 digits, then groups of ",ddd".
	first := strings.IndexByte(whole, ',')
	if first < 1 || first > 3 || !allDigits(whole[:first]) {
		return false
	}
	rest := whole[first:]
	for rest != "" {
		if len(rest) < 4 || rest[0] != ',' || !allDigits(rest[1:4]) {
			return false
		}
		rest = rest[4:]
	}
	return true
}

// isLinkOrEmail is prose's test for words it tags NN whatever the model
// says: commonregex's link or e-mail pattern, or a leading "@". Cheap
// necessary conditions spare most words the regular expressions.
func isLinkOrEmail(w string) bool {
	if at := strings.IndexByte(w, '@'); at == 0 {
		return true
	} else if at > 0 && commonregex.EmailRegex.MatchString(w) {
		return true
	}
	return mayBeLink(w) && commonregex.LinkRegex.MatchString(w)
}

// mayBeLink reports whether w could match commonregex's link pattern, which
// needs a '.' after one of [a-z0-9.-] and before at least two more
// characters.
func mayBeLink(w string) bool {
	for p := 1; p+2 < len(w); p++ {
		if w[p] != '.' {
			continue
		}
		b := w[p-1]
		if 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '.' || b == '-' {
			return true
		}
	}
	return false
}

// isEmptyElement matches prose's "none" pattern for the Penn Treebank's
// empty elements, `^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`.
func isEmptyElement(w string) bool {
	if w == "0" || w == "*" {
		return true
	}
	if len(w) < 3 || w[0] != '*' {
		return false
	}
	if len(w) == 3 && w[2] == '*' && (isWordByte(w[1]) || w[1] == '?') {
		return true
	}
	if w[1] == '-' {
		return isOneToThreeDigits(w[2:])
	}
	i := 1
	for i < len(w) && 'A' <= w[i] && w[i] <= 'Z' {
		i++
	}
	if i == 1 || i+1 >= len(w) || w[i] != '*' || w[i+1] != '-' {
		return false
	}
	return isOneToThreeDigits(w[i+2:])
}

func isWordByte(b byte) bool {
	return isASCIILetter(b) || '0' <= b && b <= '9' || b == '_'
}

func isOneToThreeDigits(s string) bool { return len(s) <= 3 && allDigits(s) }

// isBracketTag matches prose's "keep" pattern, `^\-[A-Z]{3}\-$`: Penn
// Treebank bracket tokens such as -LRB-, which are their own tag.
func isBracketTag(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}
