package extract

import (
	"strconv"
	"strings"
	"time"
)

var (
	weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
		"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}
	monthNumbers = map[string]time.Month{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
		"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
	timeLead = map[string]bool{"on": true, "in": true, "at": true, "during": true, "since": true, "by": true,
		"until": true, "from": true, "of": true, "the": true, "early": true, "late": true, "earlier": true, "later": true,
		"mid": true}
	dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}
)

// anchor resolves a time phrase as written ("on Sunday", "in April", "last
// year") against the document's date, when it has one: an ISO 8601 date
// (2018-05-13), month (2018-04) or year (2017), or "" for a phrase that
// names no day, month or year kg can tell ("recently", "last week"). A
// weekday or month without "next" is the latest one on or before the
// document's date, as news reports what has happened. A phrase that names
// its year needs no anchor.
func anchor(phrase string, doc time.Time, dated bool) string {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		w = strings.Trim(w, ".,;:'\"()")
		if w != "" {
			words = append(words, w)
		}
	}
	led := false // a preposition before it: "in May" is a month, "may" alone a verb
	for len(words) > 0 && timeLead[words[0]] {
		words, led = words[1:], true
	}
	for len(words) > 0 && dayParts[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return ""
	}
	rel := ""
	if w := words[0]; w == "last" || w == "this" || w == "next" || w == "past" {
		rel, words = w, words[1:]
		if rel == "past" {
			rel = "last"
		}
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	switch len(words) {
	case 0:
		return ""
	case 1:
		w := words[0]
		switch w {
		case "today", "tonight":
			if dated && rel == "" {
				return day(doc)
			}
			return ""
		case "yesterday":
			if dated && rel == "" {
				return day(doc.AddDate(0, 0, -1))
			}
			return ""
		case "tomorrow":
			if dated && rel == "" {
				return day(doc.AddDate(0, 0, 1))
			}
			return ""
		case "year":
			if !dated {
				return ""
			}
			return strconv.Itoa(doc.Year() + map[string]int{"last": -1, "next": 1}[rel])
		case "month":
			if !dated || rel == "" {
				return ""
			}
			return doc.AddDate(0, map[string]int{"last": -1, "next": 1}[rel], 1-doc.Day()).Format("2006-01")
		}
		if wd, ok := weekdays[w]; ok && dated {
			back := (int(doc.Weekday()) - int(wd) + 7) % 7
			switch rel {
			case "next":
				return day(doc.AddDate(0, 0, 7-back))
			case "last":
				if back == 0 {
					back = 7
				}
			}
			return day(doc.AddDate(0, 0, -back))
		}
		if m, ok := monthNumbers[w]; ok && dated && (w != "may" || led || rel != "") {
			y := doc.Year()
			switch {
			case rel == "next" && m <= doc.Month(), rel == "" && m > doc.Month():
				y += map[string]int{"next": 1, "": -1}[rel]
			case rel == "last" && m >= doc.Month():
				y--
			}
			return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		}
		if y, err := strconv.Atoi(w); err == nil && len(w) == 4 && y >= 1800 && y <= 2200 && rel == "" {
			return w
		}
	case 2, 3:
		if rel != "" {
			return ""
		}
		// "April 3", "April 2017", "April 3, 2017", "3 April 2017"
		m, ok := monthNumbers[words[0]]
		rest := words[1:]
		if !ok {
			if m, ok = monthNumbers[words[min(1, len(words)-1)]]; !ok || len(words) < 2 {
				return ""
			}
			rest = append([]string{words[0]}, words[2:]...)
		}
		var d, y int
		for _, w := range rest {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "th"), "st"), "nd"), "rd"))
			switch {
			case err != nil:
				return ""
			case len(w) == 4 && n >= 1800 && n <= 2200:
				y = n
			case n >= 1 && n <= 31 && d == 0:
				d = n
			default:
				return ""
			}
		}
		if y == 0 {
			if !dated {
				return ""
			}
			y = doc.Year()
			if m > doc.Month() || m == doc.Month() && d > doc.Day() {
				y--
			}
		}
		if d == 0 {
			return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		}
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return "" // April 31
		}
		return day(t)
	}
	return ""
}
