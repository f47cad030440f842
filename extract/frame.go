package extract

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/kgraph/kg/schema"
)

// Frame is what surrounds a story in a document and is not part of it: a
// header of "key value" lines, a dateline, a byline, a contributors' line, a
// wire service's signature, bracketed promotions of other articles. It is
// the document's metadata, and its text is never read for facts.
type Frame struct {
	Date      string // as the header gives it (ISO when it is), or the dateline's date as written
	Title     string
	Author    string // the byline's or the header's author
	Place     string // the dateline's place: "HOUSTON"
	Credit    string // a contributors' line as written
	Signature string // "Reuter"
	cut       []span // the frame's bytes in the text
}

// headerKeys are the keys a header line may have; a first line of another
// key is the story's first sentence.
var headerKeys = map[string]bool{
	"date": true, "title": true, "source": true, "author": true, "byline": true, "section": true,
	"url": true, "published": true, "updated": true, "language": true, "id": true, "headline": true,
}

var (
	headerLine  = regexp.MustCompile(`^\s*([A-Za-z]+)\s*([:=]?)\s+(\S.*?)\s*$`)
	inlineDate  = regexp.MustCompile(`^\s*(?i:date)\s*[:=]?\s+(\d{4}-\d{2}-\d{2})\s+`)
	byline      = regexp.MustCompile(`^\s*(?:By|BY)\s+([A-Z][\p{L}.'-]+(?:\s+(?:[A-Z][\p{L}.'-]+|and|de|van|von))*)\s*$`)
	dateline    = regexp.MustCompile(`^\s*([A-Z][A-Z.'&-]+(?:\s+[A-Z][A-Z.'&-]+)*(?:,\s+[A-Z][\p{L}.]+(?:\s+[A-Z][\p{L}.]+)?)?)(?:,\s+([A-Z][a-z]{2,8}\.?\s+\d{1,2}))?\s*(?:\((?:Reuters?|AP|AFP|UPI)\))?\s*(?:-{1,2}|—|–)\s+`)
	credit      = regexp.MustCompile(`^\s*(?:Information for this (?:article|report|story)|Additional reporting|Reporting|Writing|Editing)\b[^\n]{0,200}\bby\b[^\n]{0,300}$`)
	signature   = regexp.MustCompile(`^\s*(?:-+\s*)?\(?(Reuters?|AP|AFP|UPI|Bloomberg)\)?\s*$`)
	promo       = regexp.MustCompile(`\[[A-Z][A-Z'.&-]+(?:\s+[A-Z][A-Z'.&-]+)*\s*:[^\]\n]{0,300}\]`)
	promoMarker = regexp.MustCompile(`^\s*(?:[A-Z] Section on \S+|Page \S+)?\s*$`)
)

// releaseMarker is the line a press release opens with.
var releaseMarker = regexp.MustCompile(`^\s*(?i:(?:news|press|media)\s+release|for\s+immediate\s+release)\s*:?\s*$`)

// headline reports a line that reads as a title: a few words, most of them
// capitalised, and no sentence's final punctuation.
func headline(line string) bool {
	words := strings.Fields(line)
	if len(words) == 0 || len(words) > 20 || strings.ContainsAny(line[len(strings.TrimRight(line, " \t"))-1:], ".!?\"'") {
		return false
	}
	caps := 0
	for _, w := range words {
		if r := []rune(w)[0]; unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return caps*3 >= len(words)*2
}

// opensStory reports whether the first line of lines that is not blank is
// a byline or a dateline: what makes the line before it a headline.
func opensStory(text string, lines []span) bool {
	for _, l := range lines {
		line := text[l.Start:l.End]
		if blank(line) {
			continue
		}
		if byline.MatchString(line) {
			return true
		}
		m := dateline.FindStringSubmatchIndex(line)
		if m == nil {
			return false
		}
		first, _, _ := strings.Cut(line[m[2]:m[3]], ",")
		return first == strings.ToUpper(first)
	}
	return false
}

// ReadFrame finds a document's frame. It is conservative: a line is frame
// only in the shapes above and where they stand (a header at the start, a
// signature at the end), so that a story's sentence is never taken for one.
func ReadFrame(text string) Frame {
	var f Frame
	lines := splitLines(text)
	i := 0
	// The header: key value lines at the start. "date 2018-05-14" may
	// share its line with the first sentence.
	for ; i < len(lines); i++ {
		l := lines[i]
		line := text[l.Start:l.End]
		if blank(line) {
			continue
		}
		if m := inlineDate.FindStringSubmatchIndex(line); m != nil {
			rest := strings.TrimSpace(line[m[1]:])
			if hm := headerLine.FindStringSubmatch(rest); rest != "" && (hm == nil || !headerKeys[strings.ToLower(hm[1])]) {
				f.Date = line[m[2]:m[3]]
				f.cut = append(f.cut, span{l.Start, l.Start + m[1]})
				lines[i].Start += m[1]
				break
			}
		}
		m := headerLine.FindStringSubmatch(line)
		if m == nil || !headerKeys[strings.ToLower(m[1])] {
			break
		}
		key, val := strings.ToLower(m[1]), m[3]
		if (key == "date" || key == "published") && !looksLikeDate(val) {
			break
		}
		// Without a colon, a line that ends as a sentence ends is one:
		// "Title insurers raised their rates."
		if m[2] == "" && strings.ContainsAny(val[len(val)-1:], ".!?\"") && !looksLikeDate(val) {
			break
		}
		switch key {
		case "date", "published":
			if f.Date == "" {
				f.Date = val
			}
		case "title", "headline":
			f.Title = val
		case "author", "byline":
			f.Author = strings.TrimPrefix(strings.TrimPrefix(val, "By "), "by ")
		}
		f.cut = append(f.cut, l)
	}
	// A byline and a dateline open the story; a press release's marker and
	// a headline may stand before them.
	for ; i < len(lines); i++ {
		l := lines[i]
		line := text[l.Start:l.End]
		if blank(line) {
			continue
		}
		if releaseMarker.MatchString(line) {
			f.cut = append(f.cut, l)
			continue
		}
		if headline(line) && opensStory(text, lines[i+1:]) {
			if f.Title == "" {
				f.Title = strings.TrimSpace(line)
			}
			f.cut = append(f.cut, l)
			continue
		}
		if m := byline.FindStringSubmatch(line); m != nil && len(strings.Fields(m[1])) <= 8 {
			f.Author = m[1]
			f.cut = append(f.cut, l)
			continue
		}
		if m := dateline.FindStringSubmatchIndex(line); m != nil && m[1] < l.End-l.Start {
			place := line[m[2]:m[3]]
			// A dateline's place is written in capitals: "Harbor Networks -"
			// is no dateline.
			if first, _, _ := strings.Cut(place, ","); first == strings.ToUpper(first) && strings.ContainsAny(first, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
				f.Place = strings.TrimSpace(place)
				if m[4] >= 0 && f.Date == "" {
					f.Date = line[m[4]:m[5]]
				}
				f.cut = append(f.cut, span{l.Start, l.Start + m[1]})
			}
		}
		break
	}
	// Contributors, promotions and a signature may stand anywhere after.
	last := -1
	for j := len(lines) - 1; j >= 0; j-- {
		if !blank(text[lines[j].Start:lines[j].End]) {
			last = j
			break
		}
	}
	for j := i; j < len(lines); j++ {
		l := lines[j]
		line := text[l.Start:l.End]
		switch {
		case credit.MatchString(line) && !strings.Contains(line[:min(len(line), 40)], "\""):
			f.Credit = strings.TrimSpace(line)
			f.cut = append(f.cut, l)
			continue
		case j == last && signature.MatchString(line):
			f.Signature = strings.Trim(strings.TrimSpace(line), "-() ")
			f.cut = append(f.cut, l)
			continue
		}
		ps := promo.FindAllStringIndex(line, -1)
		if ps == nil {
			continue
		}
		rest := promo.ReplaceAllString(line, "")
		if promoMarker.MatchString(rest) || strings.TrimSpace(strings.Trim(rest, ":0123456789/ ")) == "" ||
			promoMarker.MatchString(strings.TrimRight(rest, ":0123456789/ ")) {
			f.cut = append(f.cut, l)
			continue
		}
		for _, p := range ps {
			f.cut = append(f.cut, span{l.Start + p[0], l.Start + p[1]})
		}
	}
	return f
}

// looksLikeDate reports whether a header's value is a date: one
// schema.ParseDate reads, or a month with its year ("May 2018").
func looksLikeDate(s string) bool {
	if _, ok := schema.ParseDate(s); ok {
		return true
	}
	_, err := time.Parse("January 2006", s)
	return err == nil
}

// splitLines returns the spans of text's lines, without their line breaks.
func splitLines(text string) []span {
	var out []span
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			if start < len(text) {
				out = append(out, span{start, len(text)})
			}
			break
		}
		out = append(out, span{start, start + end})
		start += end + 1
	}
	return out
}

// blanked returns text with the frame's bytes turned to spaces, so that
// every offset into the story stays an offset into the document. A cut
// line leaves a blank line behind, which ends a paragraph.
func (f Frame) blanked(text string) string {
	if len(f.cut) == 0 {
		return text
	}
	// One copy of the text, not two: a document may be tens of megabytes.
	cuts := slices.SortedFunc(slices.Values(f.cut), func(a, b span) int { return a.Start - b.Start })
	var b strings.Builder
	b.Grow(len(text))
	at := 0 // the text before it is written
	for _, c := range cuts {
		start, end := max(c.Start, at), min(c.End, len(text))
		if start >= end {
			continue
		}
		b.WriteString(text[at:start])
		for k := start; k < end; k++ {
			if text[k] == '\n' {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		at = end
	}
	b.WriteString(text[at:])
	return b.String()
}
