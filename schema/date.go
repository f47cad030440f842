package schema

import (
	"strings"
	"time"
)

// ParseDate reads a date as inputs write it: ISO 8601 ("2018-05-14"), or
// with a month's name ("May 14, 2018", "14 May 2018"), or US style
// ("05/14/2018"). A date without a year ("March 2", as datelines have it) is
// none.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006",
		"01/02/2006", "2006/01/02", "Monday, January 2, 2006", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// DateSpan returns the first and last day an ISO 8601 day, month or year
// covers ("2018-04" is 2018-04-01 to 2018-04-30).
func DateSpan(iso string) (first, last time.Time, ok bool) {
	for _, f := range []struct {
		layout string
		years  int
		months int
		days   int
	}{{"2006-01-02", 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		if len(iso) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, iso)
		if err != nil {
			return time.Time{}, time.Time{}, false
		}
		return t, t.AddDate(f.years, f.months, f.days-1), true
	}
	return time.Time{}, time.Time{}, false
}
