package extract

import (
	"testing"
	"time"

	"github.com/kgraph/kg/schema"
)

func TestAnchor(t *testing.T) {
	doc := time.Date(2018, 5, 14, 0, 0, 0, 0, time.UTC) // a Monday
	for _, tc := range []struct{ phrase, want string }{
		{"on Sunday", "2018-05-13"},
		{"Wednesday", "2018-05-09"},
		{"on Monday", "2018-05-14"},
		{"last Monday", "2018-05-07"},
		{"next Friday", "2018-05-18"},
		{"Sunday morning", "2018-05-13"},
		{"In April", "2018-04"},
		{"in December", "2017-12"},
		{"last May", "2017-05"},
		{"on May 14", "2018-05-14"},
		{"on May 15", "2017-05-15"},
		{"April 3, 2016", "2016-04-03"},
		{"3 April 2016", "2016-04-03"},
		{"in June 2012", "2012-06"},
		{"in 2012", "2012"},
		{"last year", "2017"},
		{"this year", "2018"},
		{"earlier this year", "2018"},
		{"next year", "2019"},
		{"last month", "2018-04"},
		{"yesterday", "2018-05-13"},
		{"today", "2018-05-14"},
		{"recently", ""},
		{"last week", ""},
		{"for seven years", ""},
		{"in May", "2018-05"},
		{"may", ""},
		{"on April 31", ""},
		{"in the 1990s", ""},
	} {
		if got := anchor(tc.phrase, doc, true); got != tc.want {
			t.Errorf("anchor(%q) = %q, want %q", tc.phrase, got, tc.want)
		}
	}
	// Without the document's date only what names its year resolves.
	for _, tc := range []struct{ phrase, want string }{
		{"on Sunday", ""}, {"in April", ""}, {"last year", ""}, {"in 2012", "2012"}, {"April 3, 2016", "2016-04-03"},
	} {
		if got := anchor(tc.phrase, time.Time{}, false); got != tc.want {
			t.Errorf("undated anchor(%q) = %q, want %q", tc.phrase, got, tc.want)
		}
	}
}

func TestAnchorDate(t *testing.T) {
	for in, want := range map[string]string{"2018-05-14": "2018-05-14", "May 14, 2018": "2018-05-14", "14 May 2018": "2018-05-14", "March 2": "", "": ""} {
		got := ""
		if d, ok := schema.ParseDate(in); ok {
			got = d.Format("2006-01-02")
		}
		if got != want {
			t.Errorf("schema.ParseDate(%q) = %q, want %q", in, got, want)
		}
	}
}
