package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/parse"
)

type parseOptions struct {
	args   []string
	format string // conllu or text
	conllu bool   // the inputs are tokenised CoNLL-U
	lines  bool   // one sentence a line
}

func parseCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "parse",
		Usage:     "print the dependency analysis of text, one tree a sentence (files, or standard input when none is named)",
		ArgsUsage: "[FILE|-...]",
		Description: `Tags and parses each sentence with kg's own parser, trained on Universal Dependencies
English EWT. --conllu reads already tokenised CoNLL-U (its FORM column) and writes CoNLL-U
for exactly those words, so that any UD treebank scores it:

   kg parse --conllu en_ewt-ud-test.conllu > predicted.conllu
   echo "The regulator fined the bank." | kg parse --format text`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "conllu", Usage: "conllu, or text for an indented tree"},
			&cli.BoolFlag{Name: "conllu", Usage: "the inputs are CoNLL-U: parse their words as they are tokenised"},
			&cli.BoolFlag{Name: "lines", Usage: "read each input line as one sentence (no sentence splitting)"},
		},
		Action: func(c *cli.Context) error {
			return runParse(c.Context, e, parseOptions{args: c.Args().Slice(), format: c.String("format"), conllu: c.Bool("conllu"), lines: c.Bool("lines")})
		},
	}
}

func runParse(ctx context.Context, e *env, opts parseOptions) error {
	if opts.format != "conllu" && opts.format != "text" {
		return usageError{fmt.Errorf("unknown format %q: want conllu or text", opts.format)}
	}
	args := opts.args
	if len(args) == 0 {
		args = []string{"-"}
	}
	// Every input is opened before anything is printed: a missing file
	// is named before the first tree.
	var files []io.ReadCloser
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	for _, a := range args {
		if a == "-" {
			files = append(files, io.NopCloser(e.stdin))
			continue
		}
		f, err := os.Open(a)
		if err != nil {
			return usageError{err}
		}
		files = append(files, f)
	}
	pm, err := e.parser()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(e.stdout)
	emit := func(s parse.Sentence) error {
		if opts.format == "text" {
			return writeTree(w, s)
		}
		return parse.WriteCoNLLU(w, s)
	}
	for i, f := range files {
		name := args[i]
		if name == "-" {
			name = "stdin"
		}
		if opts.conllu {
			err := parse.ReadForms(f, name, func(s parse.Sentence) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				words := make([]parse.Word, len(s.Words))
				for j, wd := range s.Words {
					words[j] = parse.Word{Form: wd.Form, Lemma: wd.Lemma, Feats: wd.Feats, Misc: wd.Misc}
				}
				pm.Analyze(words)
				s.Words = words
				return emit(s)
			})
			if err != nil {
				if ctx.Err() != nil {
					return err
				}
				return usageError{err}
			}
			continue
		}
		text, err := io.ReadAll(f)
		if err != nil {
			return fmt.Errorf("read %s: %w", name, err)
		}
		m, err := e.model()
		if err != nil {
			return err
		}
		for _, sent := range m.Sentences(string(text), extract.Options{Lines: opts.lines}) {
			if err := ctx.Err(); err != nil {
				return err
			}
			words := make([]parse.Word, len(sent.Tokens))
			for j, t := range sent.Tokens {
				words[j].Form = t.Text
			}
			pm.Analyze(words)
			s := parse.Sentence{Words: words, Comments: []string{
				fmt.Sprintf("# sent_id = %s-%d", name, sent.Index+1),
				"# text = " + strings.Join(strings.Fields(sent.Text), " "),
			}}
			if err := emit(s); err != nil {
				return err
			}
		}
	}
	return w.Flush()
}

// writeTree writes a sentence as an indented tree: each word under its head,
// dependents in the order they are written, one line a word with its tag and
// relation.
func writeTree(w io.Writer, s parse.Sentence) error {
	for _, c := range s.Comments {
		if t, ok := strings.CutPrefix(c, "# text = "); ok {
			fmt.Fprintf(w, "# %s\n", t)
		}
	}
	kids := make([][]int, len(s.Words)+1)
	for i, wd := range s.Words {
		if wd.Head >= 0 && wd.Head <= len(s.Words) {
			kids[wd.Head] = append(kids[wd.Head], i+1)
		}
	}
	var walk func(i, depth int)
	walk = func(i, depth int) {
		wd := s.Words[i-1]
		fmt.Fprintf(w, "%s%s  %s %s\n", strings.Repeat("  ", depth), wd.Form, wd.XPOS, wd.Rel)
		for _, k := range kids[i] {
			walk(k, depth+1)
		}
	}
	for _, r := range kids[0] {
		walk(r, 0)
	}
	_, err := fmt.Fprintln(w)
	return err
}
