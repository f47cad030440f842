package parse

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence, as a row of CoNLL-U has it.
type Word struct {
	Form  string
	Lemma string // as read; the parser neither needs nor predicts it
	UPOS  string // universal part of speech
	XPOS  string // Penn Treebank tag
	Head  int    // 1-based index of the head word, 0 for the root, -1 when unknown
	Rel   string // UD relation to the head, with its subtype (nsubj:pass)
	Feats string // as read
	Misc  string // as read
}

// Sentence is one sentence of a CoNLL-U file: its comment lines, its words,
// and the multiword-token lines between them ("1-2 don't"), kept so that a
// sentence is written back with the same tokens it was read with.
type Sentence struct {
	Comments []string
	Words    []Word
	Ranges   []Range
}

// Range is a multiword-token line; it stands before word First (1-based).
type Range struct {
	First int
	Line  string
}

// ReadCoNLLU reads a CoNLL-U stream sentence by sentence and calls fn for
// each. Empty nodes (ids such as 8.1) are skipped: they carry enhanced
// dependencies only. name is used in errors, which give its line.
func ReadCoNLLU(r io.Reader, name string, fn func(Sentence) error) error {
	return readCoNLLU(r, name, false, fn)
}

// ReadForms reads CoNLL-U as ReadCoNLLU does, for its words' forms: the
// columns after FORM are kept as read when they are well formed and
// otherwise ignored, since the caller analyses the words afresh.
func ReadForms(r io.Reader, name string, fn func(Sentence) error) error {
	return readCoNLLU(r, name, true, fn)
}

func readCoNLLU(r io.Reader, name string, formsOnly bool, fn func(Sentence) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var s Sentence
	line, start := 0, 0
	flush := func() error {
		if len(s.Words) == 0 && len(s.Comments) == 0 {
			return nil
		}
		if len(s.Words) == 0 {
			return fmt.Errorf("%s:%d: a sentence with no words", name, start)
		}
		for i, w := range s.Words {
			if formsOnly {
				break
			}
			if w.Head > len(s.Words) {
				return fmt.Errorf("%s:%d: word %d: head %d is past the sentence's %d words", name, start, i+1, w.Head, len(s.Words))
			}
		}
		err := fn(s)
		s = Sentence{}
		return err
	}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if len(s.Words) == 0 && len(s.Comments) == 0 {
			start = line
		}
		if strings.HasPrefix(text, "#") {
			s.Comments = append(s.Comments, text)
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 10 {
			return fmt.Errorf("%s:%d: %d columns, want 10 separated by tabs", name, line, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue
		}
		if lo, _, ok := strings.Cut(id, "-"); ok {
			first, err := strconv.Atoi(lo)
			if err != nil || first != len(s.Words)+1 {
				return fmt.Errorf("%s:%d: multiword token %q does not start at word %d", name, line, id, len(s.Words)+1)
			}
			s.Ranges = append(s.Ranges, Range{First: first, Line: text})
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(s.Words)+1 {
			return fmt.Errorf("%s:%d: word id %q, want %d", name, line, id, len(s.Words)+1)
		}
		head := -1
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			switch {
			case err == nil && h >= 0:
				head = h
			case !formsOnly:
				return fmt.Errorf("%s:%d: head %q is not a word id", name, line, cols[6])
			}
		}
		if cols[1] == "" {
			return fmt.Errorf("%s:%d: word %d has an empty form", name, line, n)
		}
		s.Words = append(s.Words, Word{
			Form: cols[1], Lemma: cols[2], UPOS: blankDash(cols[3]), XPOS: blankDash(cols[4]),
			Feats: cols[5], Head: head, Rel: blankDash(cols[7]), Misc: cols[9],
		})
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return flush()
}

func blankDash(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

func dash(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// WriteCoNLLU writes s as CoNLL-U, followed by the blank line that ends it.
func WriteCoNLLU(w io.Writer, s Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	r := 0
	for i, wd := range s.Words {
		for r < len(s.Ranges) && s.Ranges[r].First == i+1 {
			bw.WriteString(s.Ranges[r].Line)
			bw.WriteByte('\n')
			r++
		}
		head := "_"
		if wd.Head >= 0 {
			head = strconv.Itoa(wd.Head)
		}
		lemma, feats, misc := wd.Lemma, wd.Feats, wd.Misc
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t_\t%s\n", i+1, wd.Form, dash(lemma), dash(wd.UPOS), dash(wd.XPOS),
			dash(feats), head, dash(wd.Rel), dash(misc))
	}
	bw.WriteByte('\n')
	return bw.Flush()
}
