package extract

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// tagTestParagraphs are news-like paragraphs written for these tests: quotes
// straight and curly, abbreviations, contractions, prices and decimals, and
// words that repeat in one sentence with different tags.
var tagTestParagraphs = []string{
	`The U.S. Commerce Department said on Monday that it would lift a ban on sales to ZTE Corp. once the Chinese company pays a $1 billion fine. ZTE's shares, which had been suspended for weeks, rose 3.55 percent in Hong Kong. “We don't expect the deal to change much,” said Rep. Adam Miller, a member of the House trade panel. Analysts said the company's books would show a loss of 1,190.50 million yuan for the quarter; they'll publish a full review by Friday. Mr. Chen, the firm's chairman, declined to comment.`,
	`The central bank held its key rate at 4.25% on Thursday, as expected. Policymakers said inflation, which peaked at 9.1 percent last year, was easing but remained too high. “It's too early to declare victory,” Gov. Sarah Klein told reporters in Frankfurt. Markets rallied: the euro gained 0.4% against the dollar, and bond yields fell to 2.61 percent. Some economists, however, think the bank won't cut rates before 2025, and most say it shouldn't.`,
	`A powerful storm swept across the Gulf Coast late Tuesday, knocking out power to more than 200,000 homes. Officials in New Orleans urged residents to stay indoors. ‘We book every shelter we can, and we book them early,’ a city spokeswoman said. The National Weather Service warned that the storm's winds could reach 90 mph (145 km/h) by Wednesday morning. Schools will be closed, and flights at the airport were canceled... Crews expect to restore power within three days.`,
	`Shares of the chipmaker jumped after it reported record sales of $12.5 billion. The company said demand for its processors, used in data centers, had doubled. Its chief executive, Dr. Priya Nair, said the firm plans to open a new plant in Arizona. "We plan to hire 3,000 workers," she said. Investors who had bet against the stock lost heavily; one fund's bet cost it $240 million. Readers can write to press@example.com or visit www.example.com for details :-)`,
	`Voters in the state will head to the polls on Nov. 5 to choose a new governor. The incumbent, who is seeking a second term, leads her rival by 6 points in the latest survey, which has a margin of error of 3.2 points. "People want results, not promises," she said at a rally in St. Louis. Her opponent, a former prosecutor, said he'd focus on crime and taxes, the governor's weak spots. Turnout in the last election was 58.7 percent, the highest since 1992.`,
}

// tagTestCorpus is a list of sentences to compare with prose; sentences is
// nil when the corpus is missing, with the reason in missing.
type tagTestCorpus struct {
	name      string
	sentences []string
	missing   string
}

// tagTestCorpora are our paragraphs, split into sentences, and the CaRB dev
// sentences when the shared data is checked out beside the repository.
func tagTestCorpora(t testing.TB) []tagTestCorpus {
	t.Helper()
	seg := testSegmenter(t)
	var news []string
	for _, p := range tagTestParagraphs {
		for _, s := range seg.split(p) {
			news = append(news, p[s.Start:s.End])
		}
	}
	carb, missing := carbDevSentences(t)
	return []tagTestCorpus{{name: "news", sentences: news}, {name: "carb", sentences: carb, missing: missing}}
}

// carbDevPath is CaRB's dev split, in the shared data beside the repository.
const carbDevPath = "../../shared/data/carb/dev.txt"

// carbDevSentences reads CaRB's dev sentences, one a line, or says why it
// cannot.
func carbDevSentences(t testing.TB) ([]string, string) {
	t.Helper()
	f, err := os.Open(carbDevPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, carbDevPath + " is not present"
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			out = append(out, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", carbDevPath, err)
	}
	return out, ""
}

// benchSentences is the text the benchmarks tag: CaRB dev if present, else
// our paragraphs' sentences.
func benchSentences(b *testing.B) []string {
	for _, c := range tagTestCorpora(b) {
		if c.name == "carb" && c.sentences != nil {
			return c.sentences
		}
	}
	return tagTestCorpora(b)[0].sentences
}

var (
	sharedTagger    = sync.OnceValues(newTagger)
	sharedSegmenter = sync.OnceValues(newSegmenter)
	// sharedProseModel is prose's tagging model, built once as a caller of
	// prose would to avoid reloading it for every document.
	sharedProseModel = sync.OnceValues(func() (*prose.Model, error) {
		doc, err := prose.NewDocument("", prose.WithExtraction(false))
		if err != nil {
			return nil, err
		}
		return doc.Model, nil
	})
)

func testTagger(t testing.TB) *tagger {
	t.Helper()
	tg, err := sharedTagger()
	if err != nil {
		t.Fatalf("newTagger: %v", err)
	}
	return tg
}

func testSegmenter(t testing.TB) *segmenter {
	t.Helper()
	seg, err := sharedSegmenter()
	if err != nil {
		t.Fatalf("newSegmenter: %v", err)
	}
	return seg
}

func testProseModel(t testing.TB) *prose.Model {
	t.Helper()
	m, err := sharedProseModel()
	if err != nil {
		t.Fatalf("prose model: %v", err)
	}
	return m
}

// proseTag tags one sentence with prose, as prose's users do.
func proseTag(t testing.TB, m *prose.Model, sentence string) []prose.Token {
	t.Helper()
	doc, err := prose.NewDocument(sentence, prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(m))
	if err != nil {
		t.Fatalf("prose.NewDocument(%q): %v", sentence, err)
	}
	return doc.Tokens()
}

// TestTagMatchesProse tags prose's own tokens of each sentence with our
// tagger and compares the tags with prose's. With the number fix off, a tag
// may differ only where prose's tokenizer shared one token between repeated
// pieces of the sentence: there prose shows the tag of the piece's last
// repetition, and that must be our tag at that repetition. A sentence in
// which the model ties two tags exactly is left out, since prose breaks
// ties at random. With the fix on, every number written in digits is CD.
func TestTagMatchesProse(t *testing.T) {
	fixed := testTagger(t)
	compat := *fixed
	compat.cdNumbers = false
	m := testProseModel(t)
	for _, c := range tagTestCorpora(t) {
		t.Run(c.name, func(t *testing.T) {
			if c.sentences == nil {
				t.Skip(c.missing)
			}
			var tokens, shared, sharedWrong, numbers, numberChanges, knockOn, other, tied int
			for _, s := range c.sentences {
				theirs := proseTag(t, m, s)
				ours := make([]Token, len(theirs))
				for i, tok := range theirs {
					ours[i].Text = tok.Text
				}
				compat.tag(ours)
				if compat.hasTie(ours) {
					tied++
					continue
				}
				last := lastSharedToken(t, s, theirs)
				tokens += len(theirs)
				for i, tok := range theirs {
					want := ours[last[i]].Tag
					if last[i] != i {
						shared++
						if ours[i].Tag != want {
							sharedWrong++
						}
					}
					if tok.Tag != want {
						other++
						t.Errorf("%q: token %d %q tagged %s, prose %s (expected %s)", s, i, tok.Text, ours[i].Tag, tok.Tag, want)
					}
				}
				withFix := slices.Clone(ours)
				fixed.tag(withFix)
				for i, tok := range withFix {
					if isPlainNumber(tok.Text) {
						numbers++
						if tok.Tag != "CD" {
							t.Errorf("%q: number %q tagged %s, want CD", s, tok.Text, tok.Tag)
						}
					}
					if tok.Tag != ours[i].Tag {
						if isPlainNumber(tok.Text) {
							numberChanges++
						} else {
							knockOn++
						}
					}
				}
			}
			t.Logf("%d sentences (%d left out for an exact tie), %d tokens: %d tags differ from prose outside its shared tokens; "+
				"%d tokens shared by prose, %d of them wrongly retagged by prose; "+
				"%d numbers, the number fix retags %d of them and %d other tokens",
				len(c.sentences), tied, tokens, other, shared, sharedWrong, numbers, numberChanges, knockOn)
		})
	}
}

// hasTie reports whether the model ties two best tags exactly for some token
// of toks, tagged as tag tags them.
func (t *tagger) hasTie(toks []Token) bool {
	ctxWord, ctxSuf := t.context(toks, nil, nil)
	p1, p2 := t.start, t.start2
	for i, tok := range toks {
		if tag, _ := t.special(tok.Text); tag == "" {
			if _, known := t.known[tok.Text]; !known {
				s := t.score(tok.Text, i+2, ctxWord, ctxSuf, p1, p2)
				best := s.best(len(t.classes))
				for c := range t.classes {
					if c != best && s.seen&(1<<c) != 0 && s.sum[c] == s.sum[best] {
						return true
					}
				}
			}
		}
		_, id, _ := t.tagAt(tok.Text, i+2, ctxWord, ctxSuf, p1, p2)
		p1, p2 = id, p1
	}
	return false
}

// lastSharedToken maps each of prose's tokens of sentence to the token whose
// tag prose shows for it. Prose's tokenizer splits each white-space-delimited
// piece once and reuses the same *Token values wherever the piece repeats,
// except for the sentence's last piece, which it splits after the loop that
// caches; so a token shows the tag given at the piece's last cached
// repetition.
func lastSharedToken(t *testing.T, sentence string, toks []prose.Token) []int {
	t.Helper()
	clean := proseSanitizer.Replace(sentence)
	pieces := strings.FieldsFunc(clean, unicode.IsSpace)
	lastUncached := clean != "" && !unicode.IsSpace([]rune(clean)[len([]rune(clean))-1])
	type occurrence struct{ first, n int } // token range of a piece
	occ := make([]occurrence, len(pieces))
	lastOf := map[string]int{} // piece -> its last cached occurrence
	n := 0
	for i, p := range pieces {
		occ[i] = occurrence{n, len(proseTokenTexts(t, p))}
		n += occ[i].n
		if i < len(pieces)-1 || !lastUncached {
			lastOf[p] = i
		}
	}
	if n != len(toks) {
		t.Fatalf("%q: pieces split into %d tokens, the sentence into %d", sentence, n, len(toks))
	}
	out := make([]int, 0, len(toks))
	for i, p := range pieces {
		j, cached := lastOf[p]
		if !cached || (i == len(pieces)-1 && lastUncached) {
			j = i
		}
		for k := range occ[i].n {
			out = append(out, occ[j].first+k)
		}
	}
	return out
}

// TestTagFixes checks the two prose bugs we fix, on sentences where prose
// shows them.
func TestTagFixes(t *testing.T) {
	tg := testTagger(t)
	m := testProseModel(t)
	tests := []struct {
		name     string
		sentence string
		word     int    // index of the token to check
		want     string // our tag for it
		prose    string // prose's, wrong
	}{
		{"repeated verb then noun", "Officials said they plan to present the plan on Friday.", 3, "VBP", "NN"},
		{"repeated noun then verb", "Lawmakers who oppose the increase say it will increase costs.", 4, "NN", "VB"},
		{"repeated word in a relative clause", "Workers who work from home say the work is harder.", 2, "VBP", "NN"},
		{"decimal number", "The shares rose to 3.55 dollars.", 4, "CD", "NN"},
		{"decimal number with thousands", "Revenue was 1,190.50 million yuan.", 2, "CD", "NN"},
		{"zero", "The vote was 5 to 0 in favour.", 5, "CD", "-NONE-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tokenize(tt.sentence, 0)
			tg.tag(toks)
			theirs := proseTag(t, m, tt.sentence)
			if len(theirs) != len(toks) {
				t.Fatalf("prose has %d tokens, we have %d", len(theirs), len(toks))
			}
			if got := theirs[tt.word].Tag; got != tt.prose {
				t.Errorf("prose tags %q %s, want %s (the bug this test is about)", theirs[tt.word].Text, got, tt.prose)
			}
			if got := toks[tt.word].Tag; got != tt.want {
				t.Errorf("tag of %q = %s, want %s", toks[tt.word].Text, got, tt.want)
			}
		})
	}
}

func TestTagSpecialCases(t *testing.T) {
	tg := testTagger(t)
	tests := []struct {
		word, want string
	}{
		{"-", "-"},
		{":-)", "SYM"},
		{"@kgraph", "NN"},
		{"press@example.com", "NN"},
		{"www.example.com", "NN"},
		{"*T*-1", "-NONE-"},
		{"-LRB-", "-LRB-"},
		{"``", "``"},
		{"''", "''"},
		{"7", "CD"},
		{"-12.5", "CD"},
	}
	for _, tt := range tests {
		toks := []Token{{Text: "They"}, {Text: "saw"}, {Text: tt.word}, {Text: "."}}
		tg.tag(toks)
		if got := toks[2].Tag; got != tt.want {
			t.Errorf("tag of %q = %s, want %s", tt.word, got, tt.want)
		}
	}
}

// TestTagPatterns checks the hand-written matchers against the regular
// expressions of prose they replace.
func TestTagPatterns(t *testing.T) {
	none := regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keep := regexp.MustCompile(`^\-[A-Z]{3}\-$`)
	internal := regexp.MustCompile(`^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`)
	words := []string{"", "0", "00", "*", "**", "*?*", "*a*", "*_*", "*-*", "*-1", "*-123", "*-1234", "*T*-1", "*TT*-12",
		"*T*-", "*T*", "*t*-1", "-LRB-", "-RRB-", "-lrb-", "-LRBB-", "-LR-", "U.S.", "u.s.", "U.S", "a.b.c.", "Rep.",
		"Mr.", "Mrs.", "Corp.", "MR.", "Mr", "e.g.", "1.2.", "3.55", "yahoo.com", "a.bc", "a.b", "A.BC", "x@y.z",
		"press@example.com", "1,190.50", "-.5", "www.x", "\xff.\xff\xff", "é.éé", "-.ab", "..ab", "http://a.bc"}
	for _, w := range words {
		if got, want := isEmptyElement(w), none.MatchString(w); got != want {
			t.Errorf("isEmptyElement(%q) = %v, want %v", w, got, want)
		}
		if got, want := isBracketTag(w), keep.MatchString(w); got != want {
			t.Errorf("isBracketTag(%q) = %v, want %v", w, got, want)
		}
		if got, want := isDottedAbbrev(w), internal.MatchString(w); got != want {
			t.Errorf("isDottedAbbrev(%q) = %v, want %v", w, got, want)
		}
		if commonregex.LinkRegex.MatchString(w) && !mayBeLink(w) {
			t.Errorf("mayBeLink(%q) = false, but the link pattern matches", w)
		}
	}
}

func TestTagNormalizeWord(t *testing.T) {
	for _, w := range []string{"", "Hello", "ZTE", "state-owned", "-LRB-", "-", "1992", "-199", "+199", "19921",
		"3.55", "7", "ÉCOLE", "straße", "\xffAB", "K\u212a", "İstanbul", "'s", "N'T"} {
		if got, want := string(normalizeWord(nil, w)), proseNormalize(w); got != want {
			t.Errorf("normalizeWord(%q) = %q, want %q", w, got, want)
		}
	}
}

// proseNormalize is prose's normalize, to compare with.
func proseNormalize(word string) string {
	if word == "" {
		return word
	}
	first := string(word[0])
	if strings.Contains(word, "-") && first != "-" {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if _, err := strconv.Atoi(first); err == nil {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

func TestTagPlainNumber(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"0", true}, {"7", true}, {"2018", true}, {"3.55", true}, {"-3.55", true}, {"1,190.50", true},
		{"12,345,678", true}, {"", false}, {"-", false}, {".5", false}, {"3.", false}, {"3.5.5", false},
		{"1,19", false}, {"1234,567", false}, {",123", false}, {"3.55%", false}, {"2nd", false}, {"1990s", false},
	}
	for _, tt := range tests {
		if got := isPlainNumber(tt.s); got != tt.want {
			t.Errorf("isPlainNumber(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func TestTagBreaksTiesInClassOrder(t *testing.T) {
	tg := testTagger(t)
	var s tagScores
	s.seen = 1<<3 | 1<<5 | 1<<7
	s.sum[3], s.sum[5], s.sum[7] = 9999, 10000, 10000
	if got := s.best(len(tg.classes)); got != 5 {
		t.Errorf("best of a tie between classes 5 and 7 = %d, want 5", got)
	}
	s.sum[9] = 20000 // not seen: prose never considers it
	if got := s.best(len(tg.classes)); got != 5 {
		t.Errorf("best with an unseen higher class = %d, want 5", got)
	}
}

func TestTagConcurrent(t *testing.T) {
	tg := testTagger(t)
	seg := testSegmenter(t)
	text := strings.Join(tagTestParagraphs, "\n\n")
	want := tagText(seg, tg, text)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			if got := tagText(seg, tg, text); !slices.Equal(got, want) {
				t.Errorf("concurrent tagging gave different tags")
			}
		})
	}
	wg.Wait()
}

func tagText(seg *segmenter, tg *tagger, text string) []Token {
	var out []Token
	for _, s := range seg.split(text) {
		toks := tokenize(text[s.Start:s.End], s.Start)
		tg.tag(toks)
		out = append(out, toks...)
	}
	return out
}

func FuzzTag(f *testing.F) {
	for _, p := range tagTestParagraphs {
		f.Add(p)
	}
	f.Add("\xff\xfe 3.55 -LRB- `` '' :-) a@b.c")
	tg := testTagger(f)
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize(text, 0)
		tg.tag(toks)
		for _, tok := range toks {
			if tok.Tag == "" {
				t.Errorf("token %q has no tag", tok.Text)
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	sents := benchSentences(b)
	tg := testTagger(b)
	var size, tokens int
	for _, s := range sents {
		size += len(s)
		tokens += len(tokenize(s, 0))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			tg.tag(tokenize(s, 0))
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkProseTag tags the same sentences with prose, sharing one model
// as a careful caller of prose would. tokens/s counts our tokens, so the two
// figures compare directly.
func BenchmarkProseTag(b *testing.B) {
	sents := benchSentences(b)
	m := testProseModel(b)
	var size, tokens int
	for _, s := range sents {
		size += len(s)
		tokens += len(tokenize(s, 0))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			if _, err := prose.NewDocument(s, prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(m)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestTagDoesNotAllocate(t *testing.T) {
	tg := testTagger(t)
	toks := tokenize("Officials said they plan to present the plan on Friday, after ZTE's shares rose 3.55 percent.", 0)
	if n := testing.AllocsPerRun(100, func() { tg.tag(toks) }); n != 0 {
		t.Errorf("tag allocates %v times per sentence, want 0", n)
	}
}

func TestTagKnownVerb(t *testing.T) {
	tg := testTagger(t)
	for _, tt := range []struct {
		word string
		want bool
	}{{"use", true}, {"us", false}, {"make", true}, {"the", false}, {"report", true}, {"reported", false}} {
		if got := tg.knownVerb(tt.word); got != tt.want {
			t.Errorf("knownVerb(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
