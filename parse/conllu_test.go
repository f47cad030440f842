package parse

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func readAll(t *testing.T, text, name string) ([]Sentence, error) {
	t.Helper()
	var out []Sentence
	err := ReadCoNLLU(strings.NewReader(text), name, func(s Sentence) error {
		out = append(out, s)
		return nil
	})
	return out, err
}

func TestCoNLLURoundTrip(t *testing.T) {
	raw, err := os.ReadFile("testdata/sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	sents, err := readAll(t, string(raw), "sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	s := sents[0]
	if got := len(s.Words); got != 6 {
		t.Errorf("got %d words in the first sentence, want 6 (the empty node 4.1 skipped)", got)
	}
	if s.Words[1].Form != "do" || s.Words[1].Head != 4 || s.Words[1].Rel != "aux" || s.Words[1].XPOS != "VBP" {
		t.Errorf("word 2 = %+v", s.Words[1])
	}
	var buf bytes.Buffer
	for _, s := range sents {
		if err := WriteCoNLLU(&buf, s); err != nil {
			t.Fatal(err)
		}
	}
	// What is written is what was read, less the empty node and with the
	// DEPS column, which kg does not predict, blank.
	var want []string
	for _, line := range strings.Split(string(raw), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) == 10 {
			if strings.Contains(cols[0], ".") {
				continue
			}
			if !strings.Contains(cols[0], "-") {
				cols[8] = "_"
			}
			line = strings.Join(cols, "\t")
		}
		want = append(want, line)
	}
	if got := buf.String(); got != strings.Join(want, "\n") {
		t.Errorf("round trip:\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

func TestCoNLLUErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"columns", "1\tA\ta\tX\tX\t_\t0\troot\t_\n", "in.conllu:1: 9 columns"},
		{"id", "# c\n1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n", "in.conllu:3: word id \"3\", want 2"},
		{"head", "1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n", "in.conllu:1: head \"x\""},
		{"head past", "1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n\n", "in.conllu:1: word 1: head 5 is past"},
		{"range", "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n", "in.conllu:1: multiword token"},
		{"empty form", "1\t\ta\tX\tX\t_\t0\troot\t_\t_\n", "in.conllu:1: word 1 has an empty form"},
		{"no words", "# only a comment\n\n", "in.conllu:1: a sentence with no words"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readAll(t, tc.text, "in.conllu")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func FuzzReadCoNLLU(f *testing.F) {
	raw, err := os.ReadFile("testdata/sample.conllu")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(raw))
	f.Add("1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n")
	f.Fuzz(func(t *testing.T, text string) {
		var sents []Sentence
		err := ReadCoNLLU(strings.NewReader(text), "fuzz", func(s Sentence) error {
			sents = append(sents, s)
			return nil
		})
		if err != nil {
			return
		}
		for _, s := range sents {
			for _, w := range s.Words {
				if w.Head > len(s.Words) {
					t.Fatalf("head %d past %d words accepted", w.Head, len(s.Words))
				}
			}
			var buf bytes.Buffer
			if err := WriteCoNLLU(&buf, s); err != nil {
				t.Fatal(err)
			}
		}
	})
}
