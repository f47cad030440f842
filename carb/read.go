package carb

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"github.com/kgraph/kg/schema"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Errors wrapped in a [*ParseError] by the readers, for errors.Is.
var (
	// ErrFields reports a line with too few tab-separated fields.
	ErrFields = errors.New("too few fields")
	// ErrConfidence reports a confidence that is not a number, or is NaN.
	ErrConfidence = errors.New("bad confidence")
	// ErrEncoding reports a line that is not valid UTF-8.
	ErrEncoding = errors.New("invalid UTF-8")
)

// maxLine bounds the length of one input line.
const maxLine = 64 << 20

// ParseError is a problem with one line of an input file. It prints as
// "NAME:LINE: message".
type ParseError struct {
	Name string // the name given to the reader
	Line int    // 1-based, counting lines as Python's text mode does
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err) }

// Unwrap returns the underlying error, often one of ErrFields, ErrConfidence
// or ErrEncoding.
func (e *ParseError) Unwrap() error { return e.Err }

// Tuple is one extraction. Args keeps the arguments as given; scoring joins
// the second and later ones into a single slot.
type Tuple struct {
	Relation   string
	Args       []string
	Confidence float64 // larger means more confident; unused for gold tuples
}

// Gold is the reference extractions, grouped by [SentenceKey] in order of
// first appearance. The zero value is an empty Gold ready for Add.
type Gold struct {
	keys   []string
	texts  []string // the first spelling of each sentence, in the order of keys
	tuples map[string][]Tuple
	n      int
}

// Add appends a gold tuple for sentence, verbatim: unlike [ReadGold] it drops
// no "C: " argument and trims nothing.
func (g *Gold) Add(sentence string, t Tuple) {
	key := SentenceKey(sentence)
	if g.tuples == nil {
		g.tuples = make(map[string][]Tuple)
	}
	if _, ok := g.tuples[key]; !ok {
		g.keys = append(g.keys, key)
		g.texts = append(g.texts, sentence)
	}
	g.tuples[key] = append(g.tuples[key], t)
	g.n++
}

// Len returns the number of gold tuples.
func (g *Gold) Len() int {
	if g == nil {
		return 0
	}
	return g.n
}

// Sentences returns the number of distinct gold sentences.
func (g *Gold) Sentences() int {
	if g == nil {
		return 0
	}
	return len(g.keys)
}

// SentenceTexts returns each gold sentence once, as first spelled, in file
// order: the input a system under evaluation reads.
func (g *Gold) SentenceTexts() []string {
	if g == nil {
		return nil
	}
	return append([]string(nil), g.texts...)
}

// Tuples returns the gold tuples of sentence (matched on its key), in file
// order. The slice belongs to g.
func (g *Gold) Tuples(sentence string) []Tuple {
	if g == nil {
		return nil
	}
	return g.tuples[SentenceKey(sentence)]
}

// Predictions is a system's extractions, grouped by [SentenceKey]. The zero
// value is empty and ready for Add.
type Predictions struct {
	sents map[string]*predSentence
	confs []float64 // every confidence, in order of Add
}

// predSentence holds the predictions of one key, grouped by raw spelling in
// order of first appearance, as the reference merges them.
type predSentence struct {
	raws  []string
	byRaw map[string][]Tuple
}

// Add appends a prediction for sentence. A NaN confidence is refused with
// ErrConfidence, since it has no place in the threshold order.
func (p *Predictions) Add(sentence string, t Tuple) error {
	if math.IsNaN(t.Confidence) {
		return fmt.Errorf("confidence is NaN: %w", ErrConfidence)
	}
	key := SentenceKey(sentence)
	if p.sents == nil {
		p.sents = make(map[string]*predSentence)
	}
	ps := p.sents[key]
	if ps == nil {
		ps = &predSentence{byRaw: make(map[string][]Tuple)}
		p.sents[key] = ps
	}
	if _, ok := ps.byRaw[sentence]; !ok {
		ps.raws = append(ps.raws, sentence)
	}
	ps.byRaw[sentence] = append(ps.byRaw[sentence], t)
	p.confs = append(p.confs, t.Confidence)
	return nil
}

// Len returns the number of predictions, on gold sentences or not.
func (p *Predictions) Len() int {
	if p == nil {
		return 0
	}
	return len(p.confs)
}

// Spellings returns how many sentences are spelled in more than one raw way;
// their extractions are merged.
func (p *Predictions) Spellings() int {
	if p == nil {
		return 0
	}
	n := 0
	for _, ps := range p.sents {
		if len(ps.raws) > 1 {
			n++
		}
	}
	return n
}

// of returns the predictions of key in scoring order.
func (p *Predictions) of(key string) []Tuple {
	if p == nil {
		return nil
	}
	ps := p.sents[key]
	if ps == nil {
		return nil
	}
	if len(ps.raws) == 1 {
		return ps.byRaw[ps.raws[0]]
	}
	var out []Tuple
	for _, raw := range ps.raws {
		out = append(out, ps.byRaw[raw]...)
	}
	return out
}

// ReadGold reads a CaRB gold file: sentence<TAB>relation<TAB>arg1[<TAB>arg2
// ...]. Each line is trimmed before splitting, so empty trailing arguments
// vanish; blank lines are skipped; arguments containing "C: " (attribution
// context) are dropped and the rest trimmed, while "T: " and "L: " arguments
// are kept with their prefix. name is used in error messages.
func ReadGold(r io.Reader, name string) (*Gold, error) {
	g := &Gold{}
	err := eachLine(r, name, func(fields []string) error {
		if len(fields) < 2 {
			return fmt.Errorf("gold line needs sentence<TAB>relation, got %d field(s): %w", len(fields), ErrFields)
		}
		var args []string
		for _, a := range fields[2:] {
			if !strings.Contains(a, "C: ") {
				args = append(args, strings.TrimFunc(a, isSpace))
			}
		}
		g.Add(fields[0], Tuple{Relation: strings.TrimFunc(fields[1], isSpace), Args: args})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return g, nil
}

// ReadPredictions reads predictions in CaRB's tabbed format:
// sentence<TAB>confidence<TAB>relation[<TAB>arg1 ...]. Each line is trimmed
// before splitting, so empty trailing arguments vanish; blank lines are
// skipped; a line with fewer than three fields is an error. name is used in
// error messages.
func ReadPredictions(r io.Reader, name string) (*Predictions, error) {
	p := &Predictions{}
	err := eachLine(r, name, func(fields []string) error {
		if len(fields) < 3 {
			return fmt.Errorf("need sentence<TAB>confidence<TAB>relation[<TAB>args...], got %d field(s): %w", len(fields), ErrFields)
		}
		conf, err := parseConfidence(fields[1])
		if err != nil {
			return err
		}
		return p.Add(fields[0], Tuple{Relation: fields[2], Args: fields[3:], Confidence: conf})
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// eachLine calls fn with the tab-separated fields of every non-blank line of
// r, trimmed first, and wraps its errors with name and line number.
func eachLine(r io.Reader, name string, fn func(fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	sc.Split(scanLines)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if !utf8.Valid(b) {
			return &ParseError{Name: name, Line: line, Err: ErrEncoding}
		}
		s := strings.TrimFunc(string(b), isSpace)
		if s == "" {
			continue
		}
		if err := fn(strings.Split(s, "\t")); err != nil {
			return &ParseError{Name: name, Line: line, Err: err}
		}
	}
	if err := sc.Err(); err != nil {
		return &ParseError{Name: name, Line: line + 1, Err: fmt.Errorf("read: %w", err)}
	}
	return nil
}

// scanLines splits at "\n", "\r\n" and a lone "\r", like Python's universal
// newlines.
func scanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if atEOF && len(data) == 0 {
		return 0, nil, nil
	}
	i := bytes.IndexAny(data, "\r\n")
	switch {
	case i < 0 && atEOF:
		return len(data), data, nil
	case i < 0:
		return 0, nil, nil
	case data[i] == '\n':
		return i + 1, data[:i], nil
	case i+1 < len(data) && data[i+1] == '\n':
		return i + 2, data[:i], nil
	case i+1 < len(data) || atEOF:
		return i + 1, data[:i], nil
	default: // a final "\r": is a "\n" next?
		return 0, nil, nil
	}
}

// isSpace reports whether Python's str.isspace holds for r: Go's unicode
// spaces plus the information separators U+001C..U+001F.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// tokens splits s at whitespace, like Python's str.split().
func tokens(s string) []string { return strings.FieldsFunc(s, isSpace) }

// ptbEscapes are undone in this order, one after another.
var ptbEscapes = [...][2]string{
	{"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["},
	{"-RSB-", "]"}, {"-LCB-", "{"}, {"-RCB-", "}"},
}

// SentenceKey returns the normalised identity on which predictions meet the
// gold: all whitespace removed, the PTB escapes -LRB- -RRB- -LSB- -RSB- -LCB-
// -RCB- undone, then ASCII punctuation removed.
func SentenceKey(sentence string) string {
	s := strings.Join(tokens(sentence), "")
	for _, e := range ptbEscapes {
		s = strings.ReplaceAll(s, e[0], e[1])
	}
	// Bytes below 0x80 never occur inside a multi-byte UTF-8 sequence, so
	// dropping them one by one leaves every other character intact.
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isASCIIPunct(c) {
			b = append(b, c)
		}
	}
	return string(b)
}

// isASCIIPunct reports whether c is in Python's string.punctuation.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// pyFloat is the syntax of Python's float() for ASCII input, after trimming.
var pyFloat = regexp.MustCompile(`^[+-]?(?:(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?|(?i:inf|infinity|nan))$`)

// parseConfidence parses s as Python's float() would, refusing NaN.
func parseConfidence(s string) (float64, error) {
	t := strings.TrimFunc(s, isSpace)
	if !pyFloat.MatchString(t) {
		return 0, fmt.Errorf("confidence %q is not a number: %w", s, ErrConfidence)
	}
	if strings.EqualFold(strings.TrimLeft(t, "+-"), "nan") {
		return 0, fmt.Errorf("confidence %q is NaN: %w", s, ErrConfidence)
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(t, "_", ""), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) { // Python rounds overflow to ±inf
		return 0, fmt.Errorf("confidence %q: %w", s, ErrConfidence)
	}
	return f, nil
}

// Scored reports whether CaRB scores a kg fact: a derived fact restates a
// qualifier of another, which CaRB already scores as one of its arguments.
func Scored(f schema.Fact) bool { return !f.Derived }

// FromFact returns a kg fact as a CaRB tuple: the surface spans as written,
// in the sentence's own order (the agent of a passive second, as CaRB's gold
// has it, though kg stores the fact in active order), then the fact's other
// arguments, time and place.
func FromFact(f schema.Fact) Tuple {
	arg1, arg2 := f.Text.Subject, f.Text.Object
	if f.Passive {
		arg1, arg2 = arg2, arg1
	}
	rel := f.Text.Relation
	if rel == "" {
		// A relation the sentence implies (an apposition) has no words
		// of its own: kg's relation, whose "be" says no tense (CaRB's
		// scorer matches it to "is", "was" or "were" alike).
		rel = map[string]string{"have": "has"}[f.Relation]
		if rel == "" {
			rel = f.Relation
		}
	}
	args := append([]string{arg1, arg2}, f.Args...)
	for _, q := range []string{f.Time, f.Place} {
		if q != "" {
			args = append(args, q)
		}
	}
	// As written to a file and read back: trailing empty arguments vanish.
	for len(args) > 1 && strings.TrimSpace(args[len(args)-1]) == "" {
		args = args[:len(args)-1]
	}
	return Tuple{Relation: rel, Args: args, Confidence: f.Confidence}
}
