package extract

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/kgraph/kg/parse"
	"github.com/kgraph/kg/schema"
)

// Model holds everything the extractor loads once: the sentence splitter's
// trained data, prose's tagging model and the lemmatiser's tables. It is
// immutable after Load and safe for concurrent use.
type Model struct {
	seg    *segmenter
	tag    *tagger
	lemma  *lemmatizer
	parser *parse.Model

	confOff map[string]bool // confidence's features left out (TestConfidenceFeatures)
}

// Load builds a Model. It takes a few hundred milliseconds: call it once and
// share the Model.
func Load() (*Model, error) {
	seg, err := newSegmenter()
	if err != nil {
		return nil, fmt.Errorf("load sentence splitter: %w", err)
	}
	tag, err := newTagger()
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	parser, err := parse.Load()
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	return &Model{seg: seg, tag: tag, lemma: newLemmatizer(tag.knownVerb), parser: parser}, nil
}

// Options change how a text is read.
type Options struct {
	// Lines treats each line of the text as one sentence, with no sentence
	// splitting: the form benchmark inputs come in.
	Lines bool
	// Parse reads clauses from the dependency parser's trees rather than
	// from chunks: the clause rules that are to replace the chunk rules,
	// chosen here until they beat them (see the README's Extraction).
	Parse bool
	// Date is the document's date as its input gives it (JSON Lines'
	// "date"): ISO or with a month's name. It anchors relative times ("on
	// Sunday"); without it, a date in the text's own header does.
	Date string
}

// Sentence is one tagged sentence of a document.
type Sentence struct {
	Index      int     // position in the document, from 0
	Start, End int     // byte offsets in the document
	Text       string  // the sentence as written
	Tokens     []Token // offsets are in the document, not the sentence
}

// surface returns the text of the sentence from token a to token b inclusive,
// exactly as written.
func (s Sentence) surface(a, b Token) string {
	return s.Text[a.Start-s.Start : b.End-s.Start]
}

// Sentences splits text into sentences, then tokenises and tags each.
func (m *Model) Sentences(text string, opts Options) []Sentence {
	var out []Sentence
	m.eachSentence(text, opts, func(s Sentence) bool {
		out = append(out, s)
		return true
	})
	return out
}

// eachSentence splits text into sentences and hands each to fn, tokenised
// and tagged, one at a time: a document's tokens are never all held at once,
// nor a long sentence's, which is read a window of text at a time. It stops
// when fn returns false.
func (m *Model) eachSentence(text string, opts Options, fn func(Sentence) bool) {
	var spans []span
	if opts.Lines {
		spans = lineSpans(text)
	} else {
		for _, para := range paragraphs(text) {
			for _, sp := range m.seg.split(text[para.Start:para.End]) {
				spans = append(spans, span{Start: para.Start + sp.Start, End: para.Start + sp.End})
			}
		}
	}
	index := 0
	var pending []Token // tokens read and not yet handed on
	for _, sp := range spans {
		pending = pending[:0]
		pos, start := sp.Start, sp.Start
		for {
			// Read windows of the span until a whole piece is in hand.
			for pos < sp.End && len(pending) <= MaxSentenceTokens {
				end := windowEnd(text, pos, sp.End)
				pending = append(pending, tokenize(text[pos:end], pos)...)
				pos = end
			}
			if len(pending) == 0 {
				break
			}
			cut, end := len(pending), sp.End
			if len(pending) > MaxSentenceTokens {
				cut = cutAt(pending)
				end = pending[cut-1].End
			}
			// The passes below may grow or rewrite the piece: it is a
			// copy, so the tokens after it stay as read.
			toks := splitCannot(joinInitials(splitFinalPeriod(slices.Clone(pending[:cut]))))
			toks = dropAges(dropInsertionBrackets(toks))
			toks = joinSpacedHyphens(toks)
			m.tag.tag(toks)
			tagPunctuation(toks, text)
			m.repairVerb(toks)
			m.nameOpening(toks)
			namePronouns(toks)
			joinNameParticles(toks)
			m.bareVerbs(toks)
			if !fn(Sentence{Index: index, Start: start, End: end, Text: text[start:end], Tokens: toks}) {
				return
			}
			index++
			if cut == len(pending) && pos == sp.End {
				break
			}
			pending = pending[:copy(pending, pending[cut:])]
			start = pending[0].Start // the next piece of a long sentence
		}
	}
}

// sentenceWindow is how much of a sentence is tokenised at a time, in bytes:
// far more than a sentence of prose, so that one window is most often all.
const sentenceWindow = 64 << 10

// windowEnd returns where the window of text that starts at pos ends: at
// the first white space after sentenceWindow bytes, or at end. Tokens never
// span white space, so windows tokenise as the whole would.
func windowEnd(text string, pos, end int) int {
	if end-pos <= sentenceWindow {
		return end
	}
	i := pos + sentenceWindow
	for i < end && !isSpace(text[i]) {
		i++
	}
	return i
}

// MaxSentenceTokens is the longest sentence kg reads whole, in tokens. The
// clause rules look across a sentence, so their time grows faster than its
// length; a longer "sentence" (a list, a table, text without punctuation)
// is read in pieces of at most this many tokens, cut at a comma, semicolon
// or colon where one is near the end, so that time and memory stay linear
// in the length of a document. Sentences of news are a tenth of it.
const MaxSentenceTokens = 250

// cutAt returns where to cut a run of more than MaxSentenceTokens tokens:
// after the last comma, semicolon or colon in the last fifth of the limit,
// or at the limit.
func cutAt(toks []Token) int {
	for i := MaxSentenceTokens - 1; i >= MaxSentenceTokens*4/5; i-- {
		switch toks[i].Text {
		case ",", ";", ":":
			return i + 1
		}
	}
	return MaxSentenceTokens
}

// paragraphs splits text at blank lines: a paragraph ends a sentence even
// without a period, as headlines and list items do.
func paragraphs(text string) []span {
	var out []span
	start := -1 // start of the current paragraph, -1 between paragraphs
	for i := 0; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		if blank(text[i:end]) {
			if start >= 0 {
				out = append(out, span{Start: start, End: i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i = end + 1
	}
	if start >= 0 {
		out = append(out, span{Start: start, End: len(text)})
	}
	return out
}

func blank(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return false
		}
	}
	return true
}

// lineSpans returns each non-blank line as a span, trimmed of surrounding
// space.
func lineSpans(text string) []span {
	var out []span
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		a, b := start, end
		for a < b && isSpace(text[a]) {
			a++
		}
		for b > a && isSpace(text[b-1]) {
			b--
		}
		if a < b {
			out = append(out, span{Start: a, End: b})
		}
		start = end + 1
	}
	return out
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
}

// Facts returns the facts stated in a document's text, in sentence order.
// doc names the document in each fact's evidence.
func (m *Model) Facts(doc, text string, opts Options) []schema.Fact {
	return m.Extract(doc, text, opts).Facts
}

// Result is what [Model.Extract] read in a document, or what
// [Model.ExtractParts] read in one part of it.
type Result struct {
	Facts     []schema.Fact
	Sentences int // sentences with at least one token
	Tokens    int
	Frame     Frame // the document's header, dateline, byline and the like; none with Options.Lines
	Part      int   // the part of the document, from 0 (ExtractParts)
	Last      bool  // the document's last part (ExtractParts; Extract sets it too)
}

// Extract is [Model.Facts] that also counts the sentences and tokens it
// read, for throughput figures. A document longer than [MaxPartBytes] is
// read in parts, as [Model.ExtractParts] reads it, and their facts are
// returned together.
func (m *Model) Extract(doc, text string, opts Options) Result {
	var res Result
	m.ExtractParts(doc, text, opts, func(part Result) bool {
		res.Facts = append(res.Facts, part.Facts...)
		res.Sentences += part.Sentences
		res.Tokens += part.Tokens
		res.Frame, res.Last = part.Frame, part.Last
		return true
	})
	return res
}

// MaxPartBytes is the longest text kg resolves whole, in bytes. Coreference
// and the names of entities are read across a whole part, so a part's facts
// are all held until its last sentence is read; a longer document (a book, a
// dump of text without paragraphs) is read in parts of about this many bytes,
// cut between sentences, each resolved on its own, so that memory stays
// bounded however long the document. A news story is a few kilobytes; the
// longest State of the Union address, 217 KB, is read whole.
const MaxPartBytes = 256 << 10

// ExtractParts reads a document as [Model.Extract] does and hands fn the
// facts of each part of it in turn (see [MaxPartBytes]): one part, the
// whole document, unless it is longer than MaxPartBytes. Each part carries
// the document's Frame; the last has Last set. It stops when fn returns
// false.
func (m *Model) ExtractParts(doc, text string, opts Options, fn func(Result) bool) {
	var frame Frame
	story := text
	if !opts.Lines {
		frame = ReadFrame(text)
		story = frame.blanked(text)
	}
	// Pronouns reach back two sentences in running text; the lines of a
	// benchmark file are unrelated sentences.
	window := 2
	if opts.Lines {
		window = 0
	}
	date := opts.Date
	if date == "" {
		date = frame.Date
	}
	day, dated := schema.ParseDate(date)
	var part Result
	var at []argsAt
	partStart := 0 // where the part begins in the text
	flush := func(last bool) bool {
		part.Facts = resolve(part.Facts, at, window)
		part.Frame, part.Last = frame, last
		for i := range part.Facts {
			if t := part.Facts[i].Time; t != "" {
				part.Facts[i].TimeISO = anchor(t, day, dated)
			}
		}
		more := fn(part)
		part, at = Result{Part: part.Part + 1}, nil
		return more
	}
	stopped := false
	m.eachSentence(story, opts, func(s Sentence) bool {
		// Each sentence keeps its text as the document writes it, a
		// promotion inside it too: the frame is out of its tokens, not of
		// its text.
		s.Text = text[s.Start:s.End]
		part.Sentences++
		part.Tokens += len(s.Tokens)
		facts, pos := m.sentenceFacts(doc, s, opts.Parse)
		part.Facts = append(part.Facts, facts...)
		at = append(at, pos...)
		if s.End-partStart < MaxPartBytes || blank(story[s.End:]) {
			return true
		}
		partStart = s.End
		stopped = !flush(false)
		return !stopped
	})
	if !stopped {
		flush(true) // the last part, or the whole of an empty document
	}
}

// SentenceFacts returns the facts of one tagged sentence.
func (m *Model) SentenceFacts(doc string, s Sentence) []schema.Fact {
	out, _ := m.sentenceFacts(doc, s, false)
	return out
}

// argsAt are the token indexes at which a fact's subject and object start
// in their sentence: coreference reads a sentence's mentions in the order it
// writes them.
type argsAt struct{ subject, object int }

func (m *Model) sentenceFacts(doc string, s Sentence, trees bool) ([]schema.Fact, []argsAt) {
	var raw []rawFact
	if trees {
		raw = m.treeFacts(parseTree(m.parser, s.Tokens))
	} else {
		raw = m.clauseFacts(s.Tokens)
	}
	successors(s.Tokens, raw)
	out := make([]schema.Fact, 0, len(raw))
	at := make([]argsAt, 0, len(raw))
	kept := 0 // raw[:kept] are the facts kept, in place
	seen := make(map[schema.Surface]bool, len(raw))
	for _, r := range raw {
		f := fact(r, s, doc, m.confOff)
		if f.Subject == "" || f.Object == "" && f.Time == "" && f.Place == "" && len(f.Args) == 0 || seen[f.Text] ||
			f.Relation == "accord to" { // "according to people familiar with the matter": who says so, no fact
			continue
		}
		seen[f.Text] = true
		out = append(out, f)
		at = append(at, argsAt{r.subject.c.start, r.object.c.start})
		raw[kept] = r
		kept++
	}
	sentenceConfidence(out, raw[:kept], len(s.Tokens))
	return out, at
}

// successors gives a participle of succession the one its sentence
// appoints as its subject: "Tesla named Robyn Denholm as its chair,
// replacing Elon Musk" says Denholm replaces Musk, not Tesla.
func successors(toks []Token, raw []rawFact) {
	for i := range raw {
		r := &raw[i]
		if r.relation != "replace" && r.relation != "succeed" || r.relFirst < 0 || toks[r.relFirst].Tag != "VBG" {
			continue
		}
		for _, a := range raw {
			if appointVerbs[a.relation] && a.subject.c == r.subject.c && a.relFirst >= 0 && a.relFirst < r.relFirst &&
				a.object.c.end > a.object.c.start && !a.clause {
				r.subject = a.object
				break
			}
		}
	}
}

// appointVerbs give a post to the one they name.
var appointVerbs = map[string]bool{"name": true, "appoint": true, "elect": true, "hire": true, "choose": true,
	"pick": true, "select": true, "nominate": true, "promote": true, "tap": true, "install": true}

// The confidences a fact can have: the precision each band of scores showed
// on CaRB's dev split, each band scored alone by the reference scorer
// (0.84, 0.63 and 0.44).
const (
	highConfidence   = 0.8
	mediumConfidence = 0.6
	lowConfidence    = 0.4
)

// sentenceConfidence turns the scores confidence gave a sentence's facts
// into confidences, once the sentence's facts are known: a fact read from
// the text most of whose words an earlier fact of the sentence already gave
// (a conjunct, a second reading) and each later fact of a crowded sentence
// score lower.
// Scores then fall into three bands, each with its measured precision. The
// scores order facts more finely than that, but on held-out halves of the
// annotated text the finer order did not hold up: among the better facts it
// ranked no better than chance, so those facts share one confidence.
func sentenceConfidence(facts []schema.Fact, raw []rawFact, n int) {
	words := (n + 63) / 64
	var buf [32]uint64 // the tokens each fact covers, a bit set per fact
	covers := buf[:0]
	if words*len(raw) > len(buf) {
		covers = make([]uint64, words*len(raw))
	} else {
		covers = buf[:words*len(raw)]
	}
	rank := 0 // earlier facts read from the text, not derived from another
	for i, r := range raw {
		c := covers[i*words : (i+1)*words]
		setSpan(c, r.subject.c.start, r.subject.c.end)
		setSpan(c, r.object.c.start, r.object.c.end)
		if r.relFirst >= 0 {
			setSpan(c, r.relFirst, r.relLast+1)
		}
		for _, q := range r.quals.spans {
			setSpan(c, q.Start, q.End)
		}
		score := facts[i].Confidence
		// A derived fact re-reads another's qualifier by design; its own
		// score already says so.
		if !r.derived {
			score -= 0.03 * float64(min(rank, 4))
			size := ones(c)
			for j := range i {
				if 10*shared(c, covers[j*words:(j+1)*words]) >= 7*size {
					score -= 0.3 // it repeats an earlier fact
					break
				}
			}
			rank++
		}
		switch {
		case score >= 0.55:
			facts[i].Confidence = highConfidence
		case score >= 0.1:
			facts[i].Confidence = mediumConfidence
		default:
			facts[i].Confidence = lowConfidence
		}
	}
}

// setSpan marks the tokens [start, end) in the bit set b.
func setSpan(b []uint64, start, end int) {
	for i := start; i < end; i++ {
		b[i/64] |= 1 << (i % 64)
	}
}

func ones(b []uint64) int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// shared counts the tokens both bit sets mark.
func shared(a, b []uint64) int {
	n := 0
	for i := range a {
		n += bits.OnesCount64(a[i] & b[i])
	}
	return n
}

// splitFinalPeriod splits the period off a sentence's last token when the
// tokenizer kept it as an abbreviation ("in May." -> "May", "."): at the end
// of a sentence, the period ends the sentence.
func splitFinalPeriod(toks []Token) []Token {
	last := toks[len(toks)-1]
	n := len(last.Text)
	if n < 3 || last.Text[n-1] != '.' || strings.Count(last.Text, ".") > 1 || last.End-last.Start != n {
		return toks
	}
	word, period := last, last
	word.Text, word.End = last.Text[:n-1], last.End-1
	period.Text, period.Start = ".", last.End-1
	return append(toks[:len(toks)-1], word, period)
}

// joinInitials makes an initial inside a name one token ("Michael J. Fox":
// "J." rather than "J" and "."), as the Penn Treebank writes it, so that
// the period neither ends the name nor reads as the sentence's end: a
// capital letter, a period touching it, and a capitalised word after them.
// An initial that ends the sentence stays two tokens (splitFinalPeriod).
func joinInitials(toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+2 < len(toks) && len(t.Text) == 1 && 'A' <= t.Text[0] && t.Text[0] <= 'Z' && toks[i+1].Text == "." &&
			toks[i+1].Start == t.End && capitalised(toks[i+2].Text) {
			t.Text, t.End = t.Text+".", toks[i+1].End
			i++
		}
		out = append(out, t)
	}
	return out
}

// splitCannot writes "cannot" as the Penn Treebank does, "can" and "not",
// so that the tagger reads a modal and its negation rather than a noun
// ("The ministry cannot block the merger" gave the subject "ministry
// cannot" and an affirmed fact).
func splitCannot(toks []Token) []Token {
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if len(t.Text) != 6 || !strings.EqualFold(t.Text, "cannot") || t.End-t.Start != 6 {
			continue
		}
		can, not := t, t
		can.Text, can.End = t.Text[:3], t.Start+3
		not.Text, not.Start = t.Text[3:], t.Start+3
		toks = slices.Insert(toks, i+1, not)
		toks[i] = can
		i++
	}
	return toks
}

// repairVerb fixes the commonest tagging error that costs a whole clause: a
// sentence whose first clause has no finite verb, where a word the tagger
// took for a noun between a name and its object is a known verb ("Muncy Creek
// enters/NNS Lycoming County", "Rodan taught/NN at"), or a past form it took
// for an adjective ("on Tuesday imposed/JJ sanctions").
func (m *Model) repairVerb(toks []Token) {
	for i := 1; i+1 < len(toks); i++ {
		if isFinite(toks[i-1].Tag) {
			return // the first clause has its verb
		}
		t := &toks[i]
		next := toks[i+1].Tag
		low := strings.ToLower(t.Text)
		if t.Tag == "JJ" && isProper(toks[i-1]) && strings.HasSuffix(low, "ed") && !capitalised(t.Text) &&
			(next == "NNS" || next == "NN" || next == "DT" || next == "PRP$" || isProper(toks[i+1])) &&
			m.tag.knownVerb(m.lemma.verb(low, "VBD")) {
			// "The department on Tuesday imposed/JJ sanctions": the
			// participle the tagger took for an adjective is the verb
			t.Tag = "VBD"
			return
		}
		if !isProper(toks[i-1]) || !(t.Tag == "NNS" || t.Tag == "NN") || capitalised(t.Text) {
			continue
		}
		if !(isProper(toks[i+1]) || next == "DT" || next == "PRP$" || next == "IN" || next == "CD" || next == "JJ" || next == "CC") {
			continue
		}
		switch {
		case m.lemma.irregular[low] != "" && m.lemma.irregular[low] != low:
			t.Tag = "VBD"
		case strings.HasSuffix(low, "ed") && m.tag.knownVerb(m.lemma.verb(low, "VBD")):
			t.Tag = "VBD"
		case strings.HasSuffix(low, "s") && m.tag.knownVerb(m.lemma.verb(low, "VBZ")):
			t.Tag = "VBZ"
		default:
			continue
		}
		return
	}
}

// nameOpening retags the sentence's capitalised first word as a proper noun
// where the tagger, knowing nothing of it, made it a common noun before a
// proper one: "Xi Jinping has been irate" is one name, where the tagger read
// "Xi" as a noun by its shape. A word the tagger knows keeps its tag
// ("Police Chief John Reyes", "Shares of Acme").
func (m *Model) nameOpening(toks []Token) {
	if len(toks) < 2 || toks[0].Tag != "NN" || !capitalised(toks[0].Text) || !isProper(toks[1]) ||
		m.tag.knownWord(strings.ToLower(toks[0].Text)) {
		return
	}
	toks[0].Tag = "NNP"
}

// namePronouns retags a capitalised pronoun inside a sentence that follows
// a proper noun as part of the name: "Liu He" and "Li He" are people, not a
// name and a pronoun (the tagger reads "He" as a pronoun wherever it stands).
func namePronouns(toks []Token) {
	for i := 1; i < len(toks); i++ {
		t := &toks[i]
		if t.Text == "I" && toks[i-1].Text == "&" && i > 1 && isProper(toks[i-2]) {
			// "Texas A & I College": the tagger reads "I" as the pronoun
			// and the word after it as its verb
			t.Tag = "NNP"
			for j := i + 1; j < len(toks) && capitalised(toks[j].Text) && hasWordChar(toks[j].Text); j++ {
				toks[j].Tag = "NNP"
			}
			continue
		}
		if t.Tag != "PRP" || !capitalised(t.Text) || t.Text == "I" || !isProper(toks[i-1]) {
			continue
		}
		// the name before it is inside the sentence, not its opening word
		// or the first word after a quote or colon
		if i < 2 || !hasWordChar(toks[i-2].Text) && toks[i-2].Tag != "," {
			continue
		}
		t.Tag = "NNP"
	}
}

// nameParticles are the lower-case words that join the parts of a name:
// "Charles de Gaulle", "Ursula von der Leyen", "Osama bin Laden". Those that
// are also English words a name may stand beside ("do", "ten") are not.
var nameParticles = map[string]bool{
	"da": true, "das": true, "de": true, "del": true, "della": true, "den": true, "der": true, "di": true,
	"dos": true, "du": true, "la": true, "van": true, "von": true, "ter": true, "bin": true, "ibn": true,
}

// joinNameParticles retags one or two name particles between two proper
// nouns as proper nouns, so that the name is one: the tagger reads "von der"
// as a preposition and a determiner, and "Ursula von der Leyen" was the
// entity "Leyen", described as "Ursula von der".
func joinNameParticles(toks []Token) {
	for i := 1; i < len(toks); i++ {
		if !isProper(toks[i-1]) {
			continue
		}
		j := i
		for j < len(toks) && j-i < 2 && nameParticles[toks[j].Text] {
			j++
		}
		if j == i || j == len(toks) || !isProper(toks[j]) || !capitalised(toks[j].Text) {
			continue
		}
		for k := i; k < j; k++ {
			toks[k].Tag = "NNP"
		}
		i = j
	}
}

// tagPunctuation gives punctuation the tags of punctuation. prose's model
// tags some quotes and brackets as words (a straight quote as VB or NNP, "["
// as JJ), which would let them into noun phrases and verb groups.
func tagPunctuation(toks []Token, text string) {
	for i := range toks {
		t := &toks[i]
		if hasWordChar(t.Text) {
			continue
		}
		switch t.Text {
		case ",", ".", ":", "$", "#", "``", "''", "(", ")", "-", "--", "%", "&":
			if t.Tag != "" {
				continue
			}
		}
		switch t.Text {
		case `"`, "'":
			if t.End < len(text) && !isSpace(text[t.End]) && (t.Start == 0 || isSpace(text[t.Start-1]) || text[t.Start-1] == '(') {
				t.Tag = "``"
			} else {
				t.Tag = "''"
			}
		case "(", "[", "{", "-LRB-", "-LSB-", "-LCB-":
			t.Tag = "("
		case ")", "]", "}", "-RRB-", "-RSB-", "-RCB-":
			t.Tag = ")"
		case ",", ".", ":", "$", "#", "``", "''", "%":
			t.Tag = t.Text
		case ";", "--", "---", "\u2014", "\u2013", "...":
			t.Tag = ":"
		case "?", "!":
			t.Tag = "."
		default:
			t.Tag = "SYM"
		}
	}
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// bareVerbs fixes the verb that a form of "do" governs, which English
// writes bare: the tagger reads "did not fine the firm" and "did not
// comment." with a noun or an adjective where only a verb can stand. A word
// before an object is a verb whatever the lexicon says; before a
// preposition or the end of the sentence, only a word the model knows as a
// verb is.
func (m *Model) bareVerbs(toks []Token) {
	for i := 0; i+1 < len(toks); i++ {
		switch strings.ToLower(toks[i].Text) {
		case "do", "does", "did":
		case "help", "helps", "helped", "helping", "let", "lets", "make", "makes", "made", "making":
			m.afterObject(toks, i)
			continue
		default:
			continue
		}
		j := i + 1
		for j < len(toks) && j <= i+2 && toks[j].Tag == "RB" {
			j++ // "did not", "did not always"
		}
		if j+1 >= len(toks) {
			continue
		}
		t := &toks[j]
		if t.Tag != "NN" && t.Tag != "JJ" || capitalised(t.Text) {
			continue
		}
		switch toks[j+1].Tag {
		case "DT", "NNP", "NNPS", "PRP", "PRP$", "CD":
			t.Tag = "VB"
		case ".", "IN", "TO", ",":
			if m.tag.knownVerb(strings.ToLower(t.Text)) {
				t.Tag = "VB"
			}
		}
	}
}

// afterObject fixes the bare verb that "help", "let" or "make" governs
// after its object, which the tagger reads as a noun: "help Chinese phone
// manufacturer ZTE return/NN to business". The object is a short noun
// phrase ending in a name or a pronoun; the word after it must be a verb
// the model knows, before a preposition, a determiner or the end.
func (m *Model) afterObject(toks []Token, v int) {
	for j := v + 2; j+1 < len(toks) && j <= v+6; j++ {
		switch toks[j-1].Tag {
		case "DT", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$":
		default:
			return
		}
		t := &toks[j]
		if (t.Tag != "NN" && t.Tag != "NNS") || capitalised(t.Text) || !isProper(toks[j-1]) && toks[j-1].Tag != "PRP" {
			continue
		}
		switch toks[j+1].Tag {
		case "TO", "IN", "DT", "PRP$", ".", ",":
		default:
			continue // "Chinese phone": the name goes on
		}
		if m.tag.knownVerb(strings.ToLower(t.Text)) {
			t.Tag = "VB"
		}
		return
	}
}

// joinSpacedHyphens joins a compound that tokenized text spells with a
// spaced hyphen ("fume - filled", "Coca - Cola") into one word, as the
// tagger knows "fume-filled": each part alone reads as a noun or verb of its
// own. The word's offsets span the compound as written. It rewrites toks in
// place.
func joinSpacedHyphens(toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		for i+2 < len(toks) && toks[i+1].Text == "-" && hyphenPart(t.Text) && hyphenPart(toks[i+2].Text) &&
			(hasLetter(t.Text) || hasLetter(toks[i+2].Text)) {
			t.Text += "-" + toks[i+2].Text
			t.End = toks[i+2].End
			i += 2
		}
		out = append(out, t)
	}
	return out
}

// hyphenPart reports a word that can be part of a hyphenated compound.
func hyphenPart(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' {
			return false
		}
	}
	return w != "" && w[0] != '.'
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// dropAges drops a person's age written between commas after the name
// ("John Smith, 45, a former trader, was sentenced"; "Ana Reyes, 61,
// resigned"): read as a phrase of its own, the number became the subject.
// A comma stays where an apposition follows. It rewrites toks in place.
func dropAges(toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		if i > 0 && i+3 < len(toks) && toks[i].Text == "," && toks[i+2].Text == "," && isAge(toks[i+1].Text) &&
			capitalised(toks[i-1].Text) && lettersOnly(toks[i-1].Text) {
			start := i - 1
			for start > 0 && capitalised(toks[start-1].Text) && lettersOnly(toks[start-1].Text) {
				start--
			}
			// "John Smith, a former trader"; "his partner, Stanley Canter,
			// would retire": the name's own apposition closes
			if next := toks[i+3].Text; capitalised(next) || appositionOpeners[strings.ToLower(next)] ||
				start > 0 && toks[start-1].Text == "," {
				out = append(out, toks[i])
			}
			i += 2
			continue
		}
		out = append(out, toks[i])
	}
	return out
}

// isAge reports a number that may be a person's age: one to three digits,
// under 120.
func isAge(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && len(s) <= 3 && n > 0 && n < 120
}

// lettersOnly reports a token of letters (and periods): a word, not a
// number or a mark.
func lettersOnly(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '.' {
			return false
		}
	}
	return s != ""
}

// appositionOpeners are the words that open an apposition or a phrase
// about a person after the name.
var appositionOpeners = wordSet(`a an the his her their its who whose of from`)

// dropInsertionBrackets drops the square brackets that mark a writer's
// insertion into a quote ("[Commerce] Secretary [Wilbur] Ross"): the words
// inside belong to the sentence, and the brackets would break its phrases.
// Brackets around more than three words, or left open, stay. It rewrites
// toks in place.
func dropInsertionBrackets(toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		if toks[i].Text == "[" {
			if j := closingBracket(toks, i); j > 0 {
				out = append(out, toks[i+1:j]...)
				i = j
				continue
			}
		}
		out = append(out, toks[i])
	}
	return out
}

func closingBracket(toks []Token, open int) int {
	for j := open + 1; j < len(toks) && j <= open+4; j++ {
		switch toks[j].Text {
		case "]":
			if j > open+1 {
				return j
			}
			return -1
		case "[":
			return -1
		}
	}
	return -1
}
