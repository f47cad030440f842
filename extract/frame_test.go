package extract

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadFrame(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       Frame
		story      string // what is left of the text, spaces squeezed
	}{
		{
			name:  "header sharing the first line",
			text:  " date 2018-05-14 President Hale pledged on Sunday to help Norvale.\n\nNorvale thanked him.",
			want:  Frame{Date: "2018-05-14"},
			story: "President Hale pledged on Sunday to help Norvale. Norvale thanked him.",
		},
		{
			name:  "header lines",
			text:  "title: Port strike ends\ndate: 2021-03-02\nauthor: Ana Reyes\n\nDockers returned to work on Tuesday.",
			want:  Frame{Date: "2021-03-02", Title: "Port strike ends", Author: "Ana Reyes"},
			story: "Dockers returned to work on Tuesday.",
		},
		{
			name:  "a first line that only looks like a header",
			text:  "Title insurers raised their rates.\n",
			story: "Title insurers raised their rates.",
		},
		{
			name:  "a date that is no date",
			text:  "date night is back in fashion, the survey said.",
			story: "date night is back in fashion, the survey said.",
		},
		{
			name: "wire dateline and signature",
			text: "LISBON, March 2 - Norvale Telecom said it would buy Kestrel Systems.\n" +
				"The deal values Kestrel at 200 mln dlrs.\n Reuter\n",
			want:  Frame{Place: "LISBON", Date: "March 2", Signature: "Reuter"},
			story: "Norvale Telecom said it would buy Kestrel Systems. The deal values Kestrel at 200 mln dlrs.",
		},
		{
			name:  "dateline with the agency",
			text:  "NEW YORK (Reuters) - Shares of Kestrel rose 4 percent.",
			want:  Frame{Place: "NEW YORK"},
			story: "Shares of Kestrel rose 4 percent.",
		},
		{
			name:  "a name before a dash is no dateline",
			text:  "Harbor Networks - the router maker - cut 300 jobs.",
			story: "Harbor Networks - the router maker - cut 300 jobs.",
		},
		{
			name: "press release: marker, headline, dateline",
			text: "PRESS RELEASE\n\nKestrel Systems Opens Plant in Porto\n\n" +
				"PORTO, Portugal, May 4 -- Kestrel Systems Inc said it opened a plant.",
			want:  Frame{Title: "Kestrel Systems Opens Plant in Porto", Place: "PORTO, Portugal", Date: "May 4"},
			story: "Kestrel Systems Inc said it opened a plant.",
		},
		{
			name:  "a short first line and no dateline: a sentence, not a headline",
			text:  "Kestrel Systems Opens Plant\n\nThe plant employs 300 people.",
			story: "Kestrel Systems Opens Plant The plant employs 300 people.",
		},
		{
			name:  "byline",
			text:  "By Ana Reyes and Tomas Berg\n\nThe council voted to close the plant.",
			want:  Frame{Author: "Ana Reyes and Tomas Berg"},
			story: "The council voted to close the plant.",
		},
		{
			name: "contributors and promotions",
			text: "The ministry fined Norvale.\n\n" +
				"Information for this article was contributed by Ana Reyes of The Lisbon Post.\n\n" +
				"A Section on 03/02/202119:[PORT STRIKE: Timeline, talks + guide to the dispute]",
			want:  Frame{Credit: "Information for this article was contributed by Ana Reyes of The Lisbon Post."},
			story: "The ministry fined Norvale.",
		},
		{
			name:  "a promotion inside a paragraph",
			text:  "The ministry fined Norvale. [READ MORE: Ports in crisis] The firm will appeal.",
			story: "The ministry fined Norvale. The firm will appeal.",
		},
		{
			name:  "a writer's insertion stays",
			text:  "\"[Commerce] Secretary [Wilbur] Ross will decide,\" he said.",
			story: "\"[Commerce] Secretary [Wilbur] Ross will decide,\" he said.",
		},
		{
			name:  "a quote that mentions reporting",
			text:  "\"Reporting by the press was unfair,\" the minister said.",
			story: "\"Reporting by the press was unfair,\" the minister said.",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ReadFrame(tc.text)
			got.cut = nil
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
			f := ReadFrame(tc.text)
			b := f.blanked(tc.text)
			if len(b) != len(tc.text) {
				t.Fatalf("blanked text is %d bytes, want %d", len(b), len(tc.text))
			}
			if story := strings.Join(strings.Fields(b), " "); story != tc.story {
				t.Errorf("story %q, want %q", story, tc.story)
			}
		})
	}
}

// TestFrameNotFacts holds the extractor to the frame: its metadata gives no
// fact, and the story's offsets are the document's.
func TestFrameNotFacts(t *testing.T) {
	m := model(t)
	text := " date 2018-05-14 Senator Maria Alvarez criticized Norvale on Sunday.\n\n" +
		"Information for this article was contributed by Ana Reyes of The Lisbon Post.\n\n" +
		"A Section on 05/14/201819:[TRADE WAR: Timeline + guide]\n"
	r := m.Extract("doc", text, Options{})
	if r.Frame.Date != "2018-05-14" {
		t.Errorf("frame date %q, want 2018-05-14", r.Frame.Date)
	}
	if len(r.Facts) == 0 {
		t.Fatal("no facts")
	}
	for _, f := range r.Facts {
		for _, s := range []string{f.Subject, f.Object, f.Relation, f.Text.Subject, f.Text.Object} {
			if strings.Contains(s, "2018-05-14") || strings.Contains(s, "Information") || strings.Contains(s, "TRADE") || strings.Contains(s, "Ana Reyes") {
				t.Errorf("a fact reads the frame: %s - %s - %s", f.Subject, f.Relation, f.Object)
			}
		}
		if got := text[f.SentenceStart:f.SentenceEnd]; strings.TrimSpace(got) != strings.TrimSpace(f.Sentence) {
			t.Errorf("offsets %d:%d give %q, not the sentence %q", f.SentenceStart, f.SentenceEnd, got, f.Sentence)
		}
	}
	if r.Facts[0].Time != "on Sunday" || r.Facts[0].TimeISO != "2018-05-13" {
		t.Errorf("first fact's time %q (%q), want on Sunday, 2018-05-13 by the header's date", r.Facts[0].Time, r.Facts[0].TimeISO)
	}
	if o := m.Extract("doc", text, Options{Date: "May 21, 2018"}); o.Facts[0].TimeISO != "2018-05-20" {
		t.Errorf("with the input's own date May 21, 2018: %q, want 2018-05-20", o.Facts[0].TimeISO)
	}
	if r.Facts[0].Subject != "Maria Alvarez" || r.Facts[0].Relation != "criticize" {
		t.Errorf("first fact %s - %s - %s, want Maria Alvarez - criticize - Norvale", r.Facts[0].Subject, r.Facts[0].Relation, r.Facts[0].Object)
	}
	if lines := m.Extract("doc", text, Options{Lines: true}); lines.Frame.Date != "" {
		t.Errorf("with Lines, a frame was read: %+v", lines.Frame)
	}
}
