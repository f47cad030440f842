package extract

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/jdkato/prose/v2"

	"github.com/kgraph/kg/schema"
)

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"white space only", " \n\t ", nil},
		{"one sentence", "  The vote passed.  ", []string{"The vote passed."}},
		{"two sentences", "The vote passed. Markets rose.", []string{"The vote passed.", "Markets rose."}},
		{"abbreviations inside", "Rep. Adam Miller said U.S. officials met ZTE executives on Monday. Talks resume today.",
			[]string{"Rep. Adam Miller said U.S. officials met ZTE executives on Monday.", "Talks resume today."}},
		{"title before a name", "Gov. Sarah Klein spoke. Dr. Priya Nair did not.", []string{"Gov. Sarah Klein spoke.", "Dr. Priya Nair did not."}},
		{"question and quote", `"Is it over?" she asked. Nobody knew.`, []string{`"Is it over?" she asked.`, "Nobody knew."}},
		{"curly quote after period", "He said “it is done.” Then he left.", []string{"He said “it is done.”", "Then he left."}},
		{"no final period", "Prices fell. Stocks rallied", []string{"Prices fell.", "Stocks rallied"}},
		{"middle initial", "The board met Michael J. Fox in Boston. Talks went well.",
			[]string{"The board met Michael J. Fox in Boston.", "Talks went well."}},
		{"two initials", "Models will be Mrs. Samuel B. D. Baird and Mrs. Ann Cole.", []string{"Models will be Mrs. Samuel B. D. Baird and Mrs. Ann Cole."}},
		{"a letter that ends a sentence", "The vote went to Plan B. Officials agreed.", []string{"The vote went to Plan B.", "Officials agreed."}},
		{"an initial before an opening word", "He wrote to John F. The reply came in May.", []string{"He wrote to John F.", "The reply came in May."}},
	}
	seg := testSegmenter(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := spanTexts(tt.text, seg.split(tt.text)); !slices.Equal(got, tt.want) {
				t.Errorf("split(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestSegmentMatchesProse compares our sentences with prose's on our
// paragraphs and on CaRB's dev sentences joined ten to a paragraph.
func TestSegmentMatchesProse(t *testing.T) {
	seg := testSegmenter(t)
	carb, missing := carbDevSentences(t)
	corpora := []struct {
		name       string
		paragraphs []string
	}{
		{"news", tagTestParagraphs},
		{"carb", joinInto(carb, 10)},
	}
	for _, c := range corpora {
		t.Run(c.name, func(t *testing.T) {
			if c.paragraphs == nil {
				t.Skip(missing)
			}
			n := 0
			for _, p := range c.paragraphs {
				got := spanTexts(p, seg.split(p))
				if want := proseSentences(t, p); !slices.Equal(got, want) {
					t.Errorf("split(%q) =\n%q\nprose:\n%q", p, got, want)
				}
				n += len(got)
			}
			t.Logf("%d paragraphs, %d sentences", len(c.paragraphs), n)
		})
	}
}

func FuzzSegment(f *testing.F) {
	for _, p := range tagTestParagraphs {
		f.Add(p)
	}
	for _, s := range []string{"", ".", "...", "a. b", "\xff. \xfe.", "Mr. . . X", "U.S.\n\n F.B.I. x"} {
		f.Add(s)
	}
	seg := testSegmenter(f)
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range seg.split(text) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("span %+v out of order or outside the text of %d bytes", s, len(text))
			}
			if sent := text[s.Start:s.End]; strings.TrimFunc(sent, unicode.IsSpace) != sent {
				t.Errorf("span %+v: %q is not trimmed", s, sent)
			}
			prev = s.End
		}
	})
}

func BenchmarkSegment(b *testing.B) {
	text := strings.Join(tagTestParagraphs, "\n\n")
	seg := testSegmenter(b)
	b.SetBytes(int64(len(text)))
	var n int
	for b.Loop() {
		n = len(seg.split(text))
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkProseSegment is prose's splitting, which rebuilds its Punkt
// tokenizer for every document.
func BenchmarkProseSegment(b *testing.B) {
	text := strings.Join(tagTestParagraphs, "\n\n")
	b.SetBytes(int64(len(text)))
	var n int
	for b.Loop() {
		doc, err := prose.NewDocument(text, prose.WithTokenization(false), prose.WithTagging(false), prose.WithExtraction(false))
		if err != nil {
			b.Fatal(err)
		}
		n = len(doc.Sentences())
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func spanTexts(text string, spans []span) []string {
	var out []string
	for _, s := range spans {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

// proseSentences is how prose splits text, leaving out empty sentences.
func proseSentences(t testing.TB, text string) []string {
	t.Helper()
	doc, err := prose.NewDocument(text, prose.WithTokenization(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatalf("prose.NewDocument: %v", err)
	}
	var out []string
	for _, s := range doc.Sentences() {
		if s.Text != "" {
			out = append(out, s.Text)
		}
	}
	return out
}

// joinInto joins lines n at a time into paragraphs.
func joinInto(lines []string, n int) []string {
	var out []string
	for chunk := range slices.Chunk(lines, n) {
		out = append(out, strings.Join(chunk, " "))
	}
	return out
}

// TestLongSentencePieces holds the extractor to its bound: a "sentence" of
// more than MaxSentenceTokens tokens is read in pieces no longer than that,
// cut after a comma where one is near the limit, each piece's offsets in the
// document, no token lost.
func TestLongSentencePieces(t *testing.T) {
	m := model(t)
	// three pieces; and more than a window of text, read a window at a time
	for _, n := range []int{3 * MaxSentenceTokens, 3 * sentenceWindow / 5} {
		var b strings.Builder
		b.WriteString("Preamble. ")
		words := 0
		for i := 0; words < n; i++ {
			b.WriteString("the ministry fined norvale")
			words += 4
			if i%10 == 9 {
				b.WriteString(" ,")
				words++
			}
			b.WriteString(" ")
		}
		b.WriteString("and the firm appealed.")
		text := b.String()
		sents := m.Sentences(text, Options{})
		var got []Token
		for _, s := range sents {
			if len(s.Tokens) > MaxSentenceTokens {
				t.Errorf("%d words: sentence %d has %d tokens, more than %d", n, s.Index, len(s.Tokens), MaxSentenceTokens)
			}
			if text[s.Start:s.End] != s.Text || s.Tokens[0].Start < s.Start || s.Tokens[len(s.Tokens)-1].End > s.End {
				t.Errorf("%d words: sentence %d: offsets %d:%d do not hold its text and tokens", n, s.Index, s.Start, s.End)
			}
			got = append(got, s.Tokens...)
		}
		if len(sents) < 4 {
			t.Errorf("%d words: got %d sentences, want the preamble and at least 3 pieces", n, len(sents))
		}
		for _, s := range sents[1 : len(sents)-1] {
			if last := s.Tokens[len(s.Tokens)-1].Text; last != "," {
				t.Errorf("%d words: piece %d ends with %q, want a cut after a comma", n, s.Index, last)
			}
		}
		want := tokenize(text, 0)
		if len(got) != len(want) {
			t.Fatalf("%d words: pieces hold %d tokens, the text %d", n, len(got), len(want))
		}
		for i := range want {
			if got[i].Text != want[i].Text || got[i].Start != want[i].Start || got[i].End != want[i].End {
				t.Fatalf("%d words: token %d is %q at %d:%d, want %q at %d:%d", n, i,
					got[i].Text, got[i].Start, got[i].End, want[i].Text, want[i].Start, want[i].End)
			}
		}
	}
}

// TestExtractParts holds the extractor to its bound on a document: a text
// longer than MaxPartBytes is read in parts of about that many bytes, cut
// between sentences, each handed on before the next is read; the parts'
// facts are those Extract returns, and a short text is one part.
func TestExtractParts(t *testing.T) {
	m := model(t)
	var b strings.Builder
	b.WriteString("WASHINGTON (Reuters) - The story begins.\n\n")
	for i := 0; b.Len() < 5*MaxPartBytes/2; i++ {
		fmt.Fprintf(&b, "The Harbor Board %d fined Alder Shipping on Monday. It said the firm paid $%d million to Orbis Bank.\n\n", i, i%90+1)
	}
	text := b.String()
	var parts []Result
	m.ExtractParts("long", text, Options{}, func(r Result) bool {
		parts = append(parts, r)
		return true
	})
	if len(parts) != 3 {
		t.Fatalf("%d bytes: %d parts, want 3", len(text), len(parts))
	}
	var all []schema.Fact
	end, index := 0, -1 // of the last fact so far
	for i, p := range parts {
		if p.Part != i || p.Last != (i == len(parts)-1) {
			t.Errorf("part %d: numbered %d, last %v", i, p.Part, p.Last)
		}
		if len(p.Facts) == 0 || p.Frame.Place != "WASHINGTON" {
			t.Fatalf("part %d: %d facts, the dateline's place %q", i, len(p.Facts), p.Frame.Place)
		}
		first, last := p.Facts[0], p.Facts[len(p.Facts)-1]
		if first.SentenceStart < end || first.SentenceIndex <= index {
			t.Errorf("part %d starts at byte %d, sentence %d: before the end of the part before it (%d, %d)",
				i, first.SentenceStart, first.SentenceIndex, end, index)
		}
		if n := last.SentenceEnd - first.SentenceStart; n > MaxPartBytes+200 {
			t.Errorf("part %d spans %d bytes, more than a sentence over %d", i, n, MaxPartBytes)
		}
		end, index = last.SentenceEnd, last.SentenceIndex
		all = append(all, p.Facts...)
	}
	whole := m.Extract("long", text, Options{})
	if !reflect.DeepEqual(all, whole.Facts) || !whole.Last {
		t.Errorf("the parts' %d facts differ from Extract's %d", len(all), len(whole.Facts))
	}

	calls := 0
	m.ExtractParts("long", text, Options{}, func(Result) bool {
		calls++
		return false
	})
	if calls != 1 {
		t.Errorf("told to stop after the first part, it handed on %d", calls)
	}

	short := text[:2000]
	calls = 0
	m.ExtractParts("short", short, Options{}, func(r Result) bool {
		calls++
		if want := m.Extract("short", short, Options{}); !r.Last || r.Part != 0 || !reflect.DeepEqual(r, want) {
			t.Errorf("a short document: part %d, last %v, or facts that differ from Extract's", r.Part, r.Last)
		}
		return true
	})
	if calls != 1 {
		t.Errorf("a short document in %d parts, want 1", calls)
	}
}
