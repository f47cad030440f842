package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/jdkato/prose/v2"
	"golang.org/x/text/unicode/norm"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"white space only", " \t\n\u00a0 \r\n", nil},
		{"words", "Officials met on Monday", []string{"Officials", "met", "on", "Monday"}},
		{"dollar prefix", "a $100 fine", []string{"a", "$", "100", "fine"}},
		{"negation", "don't", []string{"do", "n't"}},
		{"negation before period", "They won't.", []string{"They", "wo", "n't", "."}},
		{"possessive", "ZTE's shares", []string{"ZTE", "'s", "shares"}},
		{"possessive before comma", "the bank's, not ours", []string{"the", "bank", "'s", ",", "not", "ours"}},
		{"curly possessive", "ZTE\u2019s", []string{"ZTE", "'s"}},
		{"html apostrophe", "it&rsquo;s", []string{"it", "'s"}},
		{"clitics", "they'll we're I'm", []string{"they", "'ll", "we", "'re", "I", "'m"}},
		{"clitic case", "DON'T", []string{"DO", "N'T"}},
		{"curly quotes", "\u201cWe agree,\u201d she said.", []string{`"`, "We", "agree", ",", `"`, "she", "said", "."}},
		{"single quoted", "a 'shocking' result", []string{"a", "'shocking", "'", "result"}},
		{"abbreviation", "the U.S. market", []string{"the", "U.S.", "market"}},
		{"abbreviation before comma", "the U.S., China", []string{"the", "U.S.", ",", "China"}},
		{"title", "Rep. Smith and Mr. Jones", []string{"Rep.", "Smith", "and", "Mr.", "Jones"}},
		{"long abbreviation", "ZTE Corp.", []string{"ZTE", "Corp", "."}},
		{"brackets", "(Reuters) [sic]", []string{"(", "Reuters", ")", "[", "sic", "]"}},
		{"stacked suffixes", "ended?!\"", []string{"ended", "?", "!", `"`}},
		{"numbers", "3.55 1,190.50 2018.", []string{"3.55", "1,190.50", "2018", "."}},
		{"emoticons", "great :-) (: xD :(", []string{"great", ":-)", "(:", "xD", ":("}},
		{"treebank quotes", "``Yes,'' he said", []string{"``", "Yes", ",", "''", "he", "said"}},
		{"treebank quote tokens", "`` Yes '' .", []string{"``", "Yes", "''", "."}},
		{"treebank brackets", "-LRB- 2018 -RRB-", []string{"-LRB-", "2018", "-RRB-"}},
		{"hyphenated", "a state-owned firm", []string{"a", "state-owned", "firm"}},
		{"lone apostrophe", "' ''", []string{"'", "''"}},
		{"invalid UTF-8", "caf\xe9 \xff's.", []string{"caf\xe9", "\xff", "'s", "."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tokenize(tt.text, 0)
			if got := tokenTexts(toks); !slices.Equal(got, tt.want) {
				t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
			}
			checkTokenOffsets(t, tt.text, 0, toks)
		})
	}
}

func TestTokenizeOffsets(t *testing.T) {
	tests := []struct {
		name string
		text string
		base int
		want []Token
	}{
		{"base", "Hi there.", 100, []Token{
			{Text: "Hi", Start: 100, End: 102}, {Text: "there", Start: 103, End: 108}, {Text: ".", Start: 108, End: 109}}},
		{"curly quotes keep their width", "\u201cZTE\u2019s\u201d", 0, []Token{
			{Text: `"`, Start: 0, End: 3}, {Text: "ZTE", Start: 3, End: 6}, {Text: "'s", Start: 6, End: 10}, {Text: `"`, Start: 10, End: 13}}},
		{"entity apostrophe", "it&rsquo;s", 5, []Token{{Text: "it", Start: 5, End: 7}, {Text: "'s", Start: 7, End: 15}}},
		{"a contraction in 've", "I've", 0, []Token{{Text: "I", Start: 0, End: 1}, {Text: "'ve", Start: 1, End: 4}}},
		{"a contraction in 'd", "they'd", 0, []Token{{Text: "they", Start: 0, End: 4}, {Text: "'d", Start: 4, End: 6}}},
		{"an apostrophe and d inside a name", "O'Donnell", 0, []Token{{Text: "O'Donnell", Start: 0, End: 9}}},
		{"an em dash between words", "Europe\u2014not", 0, []Token{{Text: "Europe", Start: 0, End: 6}, {Text: "\u2014", Start: 6, End: 9}, {Text: "not", Start: 9, End: 12}}},
		{"two hyphens between words", "plan--approved", 0, []Token{{Text: "plan", Start: 0, End: 4}, {Text: "--", Start: 4, End: 6}, {Text: "approved", Start: 6, End: 14}}},
		{"an en dash between numbers", "2019\u20132020", 0, []Token{{Text: "2019\u20132020", Start: 0, End: 11}}},
		{"a hyphen", "well-known", 0, []Token{{Text: "well-known", Start: 0, End: 10}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tokenize(tt.text, tt.base); !slices.Equal(got, tt.want) {
				t.Errorf("tokenize(%q, %d) = %+v, want %+v", tt.text, tt.base, got, tt.want)
			}
		})
	}
}

func TestTokenEmoticonFilter(t *testing.T) {
	for e := range emoticons {
		if !isEmoticon(e) {
			t.Errorf("isEmoticon(%q) = false, want true", e)
		}
		if len(e) > maxEmoticonLen {
			t.Errorf("len(%q) = %d, more than maxEmoticonLen %d", e, len(e), maxEmoticonLen)
		}
	}
}

// TestTokenizeMatchesProse compares our tokens with prose's, piece by piece
// (prose splits each white-space-delimited piece on its own). Pieces may
// differ only where we fix prose on purpose: prose drops the rest of a piece
// after a clitic ("it's." gives just "it"), and splits the closing Penn
// Treebank quote ” into two apostrophes.
func TestTokenizeMatchesProse(t *testing.T) {
	for _, c := range tagTestCorpora(t) {
		t.Run(c.name, func(t *testing.T) {
			pieces := map[string]bool{}
			for _, s := range c.sentences {
				for _, p := range strings.FieldsFunc(s, unicode.IsSpace) {
					pieces[p] = true
				}
			}
			var same, dropped, quotes, contractions int
			for p := range pieces {
				ours := tokenTexts(tokenize(p, 0))
				theirs := proseTokenTexts(t, p)
				clean := proseSanitizer.Replace(p)
				switch {
				case slices.Equal(ours, theirs):
					same++
				case strings.Join(theirs, "") != clean && strings.Join(ours, "") == clean:
					dropped++
				case strings.Contains(p, "''") || strings.Contains(p, "``"):
					quotes++
				case strings.Join(ours, "") == strings.Join(theirs, "") && slices.ContainsFunc(ours, func(w string) bool {
					return strings.EqualFold(w, "'ve") || strings.EqualFold(w, "'d")
				}):
					contractions++ // "he'd", "I've": split as the treebanks split them, where prose does not
				default:
					t.Errorf("piece %q: got %q, prose %q", p, ours, theirs)
				}
			}
			t.Logf("%d distinct pieces: %d split as prose does, %d where prose drops text, %d with treebank quotes, %d contractions in 've or 'd",
				len(pieces), same, dropped, quotes, contractions)
			for _, s := range c.sentences {
				checkTokenOffsets(t, s, 7, tokenize(s, 7))
			}
		})
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "ZTE\u2019s $1.5 billion fine, U.S. says.", "don't.''", "``x''", "\xff&rsquo;\xe2\x80", ":-) (╯°□°）╯︵┻━┻"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTokenOffsets(t, text, 3, tokenize(text, 3))
	})
}

// proseSanitizer is prose's quote normalisation, to compare with.
var proseSanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

// checkTokenOffsets checks that toks cover every non-space byte of text, in
// order and inside it, and that each token's surface form normalises to its
// Text.
func checkTokenOffsets(t *testing.T, text string, base int, toks []Token) {
	t.Helper()
	var covered strings.Builder
	prev := base
	for _, tok := range toks {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > base+len(text) {
			t.Fatalf("token %+v out of order or outside [%d, %d)", tok, base, base+len(text))
		}
		surface := text[tok.Start-base : tok.End-base]
		if got := norm.NFC.String(proseSanitizer.Replace(surface)); got != tok.Text {
			t.Errorf("token %+v: text[Start:End] = %q normalises to %q, want %q", tok, surface, got, tok.Text)
		}
		if between := text[prev-base : tok.Start-base]; strings.TrimFunc(between, separates) != "" {
			t.Errorf("bytes %q before token %+v are in no token", between, tok)
		}
		covered.WriteString(surface)
		prev = tok.End
	}
	if rest := text[prev-base:]; strings.TrimFunc(rest, separates) != "" {
		t.Errorf("trailing bytes %q are in no token", rest)
	}
}

func tokenTexts(toks []Token) []string {
	var out []string
	for _, tok := range toks {
		out = append(out, tok.Text)
	}
	return out
}

// proseTokenTexts is how prose's own tokenizer splits text.
func proseTokenTexts(t testing.TB, text string) []string {
	t.Helper()
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatalf("prose.NewDocument(%q): %v", text, err)
	}
	var out []string
	for _, tok := range doc.Tokens() {
		out = append(out, tok.Text)
	}
	return out
}

// TestOneNameOneSpelling holds a name to one entity however its text is
// encoded: accents composed or combining (NFC, NFD), a byte-order mark
// before it, bidirectional controls or zero-width marks inside its spaces.
func TestOneNameOneSpelling(t *testing.T) {
	m := model(t)
	want := m.Facts("a", "Renée Dubois founded Norvale Telecom.", Options{})
	if len(want) == 0 || want[0].Subject != "Renée Dubois" {
		t.Fatalf("plain text: got %+v", want)
	}
	for name, text := range map[string]string{
		"NFD":        "Rene\u0301e Dubois founded Norvale Telecom.",
		"BOM":        "\ufeffRenée Dubois founded Norvale Telecom.",
		"bidi":       "\u202bRenée\u202c Dubois founded \u200eNorvale Telecom.",
		"zero-width": "Renée\u200b Dubois founded Norvale Telecom.",
	} {
		t.Run(name, func(t *testing.T) {
			got := m.Facts("b", text, Options{})
			if len(got) == 0 {
				t.Fatal("no facts")
			}
			f := got[0]
			if f.Subject != want[0].Subject || f.SubjectID != want[0].SubjectID || f.ObjectID != want[0].ObjectID {
				t.Errorf("got %q (%s) - %s, want %q (%s) - %s", f.Subject, f.SubjectID, f.ObjectID, want[0].Subject, want[0].SubjectID, want[0].ObjectID)
			}
			if s := text[f.SentenceStart:f.SentenceEnd]; !strings.Contains(s, "Dubois founded") {
				t.Errorf("offsets %d:%d give %q", f.SentenceStart, f.SentenceEnd, s)
			}
		})
	}
}
