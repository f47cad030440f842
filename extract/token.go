package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is one word or punctuation mark of a sentence.
type Token struct {
	// Text is the token as prose's tokenizer splits it, after prose's quote
	// normalisation (curly quotes and "&rsquo;" become straight quotes).
	Text string
	// Tag is the token's Penn Treebank part-of-speech tag.
	Tag string
	// Start and End are byte offsets of the token in the original text, so
	// that text[Start:End] is its surface form; it differs from Text only
	// where a quote was normalised or a spaced hyphen joined a compound
	// ("fume - filled" reads "fume-filled").
	Start, End int
	// margin is how sure the tagger was of Tag: its score over the
	// runner-up's, in thousandths of a weight.
	margin int32
}

// tokenize splits text into tokens by prose's rules: it cuts the text at
// white space, then peels prefixes ($ ( " [), clitics ('ll 's 're 'm n't)
// and suffixes (, ) " ] ! ; . ? : ') off each piece, keeping emoticons and
// abbreviations such as "U.S." or "Rep." whole. base is added to every
// offset, so a sentence can be tokenized where it sits in its document.
//
// It departs from prose where prose is wrong:
//   - no state is shared between tokens (prose hands out the same *Token for
//     repeated words, so tagging one retags the others);
//   - a clitic followed by punctuation ("it's." or "don't,") is split as
//     "it 's ." where prose silently drops "'s.", and a word that merely
//     starts with one ("'shocking'") is kept rather than dropped;
//   - the Penn Treebank's doubled quotes (two backquotes, two apostrophes)
//     are single tokens, split off the words they touch, as prose's model
//     expects; prose splits the closing one into two apostrophes and leaves
//     the opening one on its word;
//   - clitics are found in the piece itself rather than in its lower-cased
//     copy, whose byte offsets differ for a few runes, so invalid UTF-8 cannot
//     make it slice out of range.
func tokenize(text string, base int) []Token {
	toks := make([]Token, 0, len(text)/4+1)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if separates(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r, n = utf8.DecodeRuneInString(text[j:])
			if separates(r) {
				break
			}
			j += n
		}
		first := len(toks)
		toks = splitDashes(toks, text[i:j], base+i)
		// One name is one entity however its accents are encoded: "Renée"
		// with é as one code point or as e and a combining accent.
		for k := first; k < len(toks); k++ {
			if !norm.NFC.IsNormalString(toks[k].Text) {
				toks[k].Text = norm.NFC.String(toks[k].Text)
			}
		}
		i = j
	}
	return toks
}

// splitDashes splits a piece at the dashes that join two words without a
// space ("Europe—not", "The plan--approved in May--cut"): each dash is a
// token of its own (tagged as the treebanks tag "--"), and each part between
// them a piece of its own. A hyphen, and an en dash between digits ("2019–2020"), stay in
// their word.
func splitDashes(toks []Token, piece string, base int) []Token {
	start := 0
	for i := 0; i < len(piece); {
		n := dashAt(piece, i)
		if n == 0 {
			i++
			continue
		}
		if i > start {
			toks = splitPiece(toks, piece[start:i], base+start)
		}
		toks = append(toks, Token{Text: piece[i : i+n], Start: base + i, End: base + i + n})
		i += n
		start = i
	}
	if start == 0 {
		return splitPiece(toks, piece, base)
	}
	if start < len(piece) {
		toks = splitPiece(toks, piece[start:], base+start)
	}
	return toks
}

// dashAt returns the length of the dash that starts at byte i of s and
// joins two words, or 0: an em dash, two hyphens, or an en dash between
// letters.
func dashAt(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "—"):
		return len("—")
	case strings.HasPrefix(s[i:], "--") && i > 0 && i+2 < len(s):
		n := 2
		for i+n < len(s) && s[i+n] == '-' {
			n++
		}
		return n
	case strings.HasPrefix(s[i:], "–") && i > 0 && i+3 < len(s):
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+3:])
		if unicode.IsLetter(before) && unicode.IsLetter(after) {
			return 3
		}
	}
	return 0
}

// separates reports a rune that ends a token: white space, and the
// invisible marks that are no part of a word: a byte-order mark, zero-width
// spaces and joiners, and the controls of bidirectional text, which would
// otherwise make two spellings of one name.
func separates(r rune) bool {
	switch r {
	case '\ufeff', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060',
		'\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069':
		return true
	}
	return unicode.IsSpace(r)
}

// tokenPiece is one white-space-delimited stretch of text being split into
// tokens: clean is its quote-normalised form, and orig maps each byte offset
// of clean back to an offset in the original text (nil when clean is the
// original, the common case).
type tokenPiece struct {
	clean string
	orig  []int
	base  int
}

func (p *tokenPiece) token(lo, hi int) Token {
	start, end := p.base+lo, p.base+hi
	if p.orig != nil {
		start, end = p.base+p.orig[lo], p.base+p.orig[hi]
	}
	return Token{Text: p.clean[lo:hi], Start: start, End: end}
}

// splitPiece appends the tokens of one white-space-free piece of text, the
// way prose's doSplit does: it strips one prefix, clitic or suffix at a
// time until nothing more comes off, and emits the peeled suffixes last.
func splitPiece(toks []Token, word string, base int) []Token {
	p := tokenPiece{clean: word, base: base}
	if needsQuoteNormalising(word) {
		p.clean, p.orig = normaliseQuotes(word)
	}
	var cuts [8]int // start offsets of peeled suffixes, outermost first
	peeled := cuts[:0]
	lo, hi := 0, len(p.clean)
	for lo < hi {
		tok := p.clean[lo:hi]
		if isSpecialToken(tok) {
			toks = append(toks, p.token(lo, hi))
			break
		}
		if n := prefixLen(tok); n > 0 {
			toks = append(toks, p.token(lo, lo+n))
			lo += n
		} else if i := cliticIndex(tok); i > 0 {
			toks = append(toks, p.token(lo, lo+i))
			lo += i
		} else if n := suffixLen(tok); n > 0 {
			hi -= n
			peeled = append(peeled, hi)
		} else {
			toks = append(toks, p.token(lo, hi))
			break
		}
	}
	end := len(p.clean)
	for i := len(peeled) - 1; i >= 0; i-- {
		next := end
		if i > 0 {
			next = peeled[i-1]
		}
		toks = append(toks, p.token(peeled[i], next))
	}
	return toks
}

// isSpecialToken reports whether tok is kept whole: an emoticon, a dotted
// abbreviation such as "U.S." or "Rep." (prose's internalRE), or a Penn
// Treebank quote.
func isSpecialToken(tok string) bool {
	return isEmoticon(tok) || isDottedAbbrev(tok) || tok == "``" || tok == "''"
}

// isDottedAbbrev matches prose's `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`
// without a regular expression.
func isDottedAbbrev(s string) bool {
	if len(s) >= 4 && len(s)%2 == 0 {
		ok := true
		for i := 0; i < len(s); i += 2 {
			if !isASCIILetter(s[i]) || s[i+1] != '.' {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	if (len(s) == 3 || len(s) == 4) && s[len(s)-1] == '.' && 'A' <= s[0] && s[0] <= 'Z' {
		for i := 1; i < len(s)-1; i++ {
			if s[i] < 'a' || s[i] > 'z' {
				return false
			}
		}
		return true
	}
	return false
}

func isASCIILetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }

// prefixLen is the length of the prefix to strip from tok: one of prose's
// $ ( " [, or an opening doubled backquote; 0 when there is none or it is
// all of tok.
func prefixLen(tok string) int {
	if len(tok) > 2 && strings.HasPrefix(tok, "``") {
		return 2
	}
	if len(tok) > 1 {
		switch tok[0] {
		case '$', '(', '"', '[':
			return 1
		}
	}
	return 0
}

// suffixLen is the length of the suffix to peel off tok: one of prose's
// , ) " ] ! ; . ? : ', or a closing doubled apostrophe; 0 when there is
// none or it is all of tok.
func suffixLen(tok string) int {
	if len(tok) > 2 && strings.HasSuffix(tok, "''") {
		return 2
	}
	if len(tok) > 1 {
		switch tok[len(tok)-1] {
		case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
			return 1
		}
	}
	return 0
}

// clitics are tried in prose's order: the first one found in a piece
// decides where it is cut.
var clitics = [...]string{"'ll", "'s", "'re", "'m", "n't"}

// cliticIndex is where tok is cut before a clitic ("they'll" at 4, "don't"
// at 2), or -1. Like prose it looks for the clitics in order, ignoring case,
// and only in a piece longer than the clitic; unlike prose, a clitic at the
// very start does not count, since cutting there would leave the piece as it
// was (prose then gives up and drops it).
func cliticIndex(tok string) int {
	// "'ve" and "'d" end their word ("I've", "they'd"); found inside one
	// ("O'Donnell") they are no clitics
	for _, c := range [...]string{"'ve", "'d"} {
		if n := len(tok) - len(c); n > 0 && indexFold(tok[n:], c) == 0 {
			return n
		}
	}
	for _, c := range clitics {
		if len(tok) <= len(c) {
			continue
		}
		if i := indexFold(tok[1:], c); i >= 0 {
			return i + 1
		}
	}
	return -1
}

// indexFold is strings.Index ignoring ASCII case, for a lower-case ASCII
// needle; unlike searching strings.ToLower(s) it keeps s's byte offsets.
func indexFold(s, needle string) int {
	n := len(needle)
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for j < n {
			b := s[i+j]
			if 'A' <= b && b <= 'Z' {
				b |= 0x20
			}
			if b != needle[j] {
				break
			}
			j++
		}
		if j == n {
			return i
		}
	}
	return -1
}

// needsQuoteNormalising reports whether s holds a curly quote or "&rsquo;",
// which prose's tokenizer replaces before splitting.
func needsQuoteNormalising(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			if strings.HasPrefix(s[i:], "&rsquo;") {
				return true
			}
		case 0xE2:
			if curlyQuote(s[i:]) != 0 {
				return true
			}
		}
	}
	return false
}

// curlyQuote returns the straight quote that s's leading curly quote
// becomes, or 0.
func curlyQuote(s string) byte {
	if len(s) < 3 || s[0] != 0xE2 || s[1] != 0x80 {
		return 0
	}
	switch s[2] {
	case 0x9C, 0x9D: // “ ”
		return '"'
	case 0x98, 0x99: // ‘ ’
		return '\''
	}
	return 0
}

// normaliseQuotes replaces curly quotes and "&rsquo;" as prose's sanitizer
// does, and returns, for every byte offset of the result (and its end), the
// offset in s it came from.
func normaliseQuotes(s string) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		if q := curlyQuote(s[i:]); q != 0 {
			b.WriteByte(q)
			orig = append(orig, i)
			i += 3
			continue
		}
		if strings.HasPrefix(s[i:], "&rsquo;") {
			b.WriteByte('\'')
			orig = append(orig, i)
			i += len("&rsquo;")
			continue
		}
		b.WriteByte(s[i])
		orig = append(orig, i)
		i++
	}
	return b.String(), append(orig, len(s))
}

// maxEmoticonLen is the byte length of the longest emoticon.
const maxEmoticonLen = len("(╯°□°）╯︵┻━┻")

// isEmoticon reports whether s is one of prose's emoticons; the switch on
// the first byte spares a map lookup for almost every word.
func isEmoticon(s string) bool {
	if len(s) < 2 || len(s) > maxEmoticonLen {
		return false
	}
	switch s[0] {
	case '(', '-', '8', ':', '=', '@', 'O', 'V', 'X', '[', '^', 'o', 'v', 'x', 0xC2:
		return emoticons[s]
	}
	return false
}

// emoticons are prose's: its tokenizer keeps them whole and its tagger tags
// them SYM.
var emoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true, "(o:": true,
	"(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true, "8-)": true, "8-D": true,
	"8D": true, ":(": true, ":((": true, ":(((": true, ":()": true, ":)))": true, ":-)": true,
	":-))": true, ":-)))": true, ":-*": true, ":-/": true, ":-X": true, ":-]": true, ":-o": true,
	":-p": true, ":-x": true, ":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true,
	":]": true, ":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true, "V_V": true,
	"XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true, "o_o": true, "v_v": true,
	"xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}
