package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of a template number and the values it reads.
// The hashes are fixed (FNV-1a for strings, murmur3's finaliser to mix), so
// a model file means the same thing in every process.

const none uint64 = 0x5bd1e9955bd1e995 // the value of a position that is not there

func fmix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func f1(t, a uint64) uint64       { return fmix(t*0x9e3779b97f4a7c15 ^ a) }
func f2(t, a, b uint64) uint64    { return fmix(f1(t, a) ^ b*0xc2b2ae3d27d4eb4f) }
func f3(t, a, b, c uint64) uint64 { return fmix(f2(t, a, b) ^ c*0x165667b19e3779f9) }

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// normForm is the form features read: lower case, digits as 0, and the
// quote and bracket spellings of the Penn Treebank as the plain characters
// UD writes.
func normForm(form string) string {
	switch form {
	case "``", "''", "“", "”":
		return `"`
	case "‘", "’":
		return "'"
	case "-LRB-", "-lrb-":
		return "("
	case "-RRB-", "-rrb-":
		return ")"
	}
	simple := true
	for i := 0; i < len(form); i++ {
		c := form[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
			simple = false
			break
		}
	}
	if simple {
		return form
	}
	var b strings.Builder
	b.Grow(len(form))
	for _, r := range form {
		switch {
		case unicode.IsDigit(r):
			b.WriteByte('0')
		case r == '’':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// shapeHash hashes how a word is written: X for a capital, x for a small
// letter, d for a digit, the character itself otherwise, with runs of one
// kind cut to two ("Harbor" is "Xxx", "2018" is "dd"), at most 8 marks.
func shapeHash(form string) uint64 {
	h := uint64(14695981039346656037)
	var last byte
	run, marks := 0, 0
	for _, r := range form {
		var c byte
		switch {
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			c = 'X'
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z':
			c = 'x'
		case r < utf8.RuneSelf && '0' <= r && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '*'
		}
		if c == last {
			run++
			if run >= 2 {
				continue
			}
		} else {
			run = 0
		}
		last = c
		h ^= uint64(c)
		h *= 1099511628211
		if marks++; marks >= 8 {
			break
		}
	}
	return h
}

// suffix returns the last n bytes of s, not cutting a rune.
func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[i:]
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[:i]
}
