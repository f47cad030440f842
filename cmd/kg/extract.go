package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/carb"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/ingest"
	"github.com/kgraph/kg/schema"
)

type extractOptions struct {
	files  []string
	format string
	lines  bool
}

func extractCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the facts found in text files (standard input when none is named)",
		ArgsUsage: "[FILE...]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "jsonl", Usage: "jsonl, tsv, nquads or carb (CaRB's tab format)"},
			&cli.BoolFlag{Name: "lines", Usage: "read each input line as one sentence (no sentence splitting)"},
		},
		Action: func(c *cli.Context) error {
			return runExtract(c.Context, e, extractOptions{files: c.Args().Slice(), format: c.String("format"), lines: c.Bool("lines")})
		},
	}
}

func runExtract(ctx context.Context, e *env, opts extractOptions) error {
	switch opts.format {
	case "jsonl", "tsv", "nquads", "carb":
	default:
		return usageError{fmt.Errorf("unknown format %q: want jsonl, tsv, nquads or carb", opts.format)}
	}
	w := bufio.NewWriter(e.stdout)
	if opts.format == "tsv" {
		if _, err := io.WriteString(w, tsvHeader); err != nil {
			return err
		}
	}
	var all []schema.Fact
	var names []string
	err := extractAll(ctx, e, opts.files, opts.lines, func(doc string, facts []schema.Fact) error {
		names = append(names, doc)
		switch opts.format {
		case "jsonl":
			return writeJSONL(w, facts)
		case "tsv":
			return writeTSV(w, facts)
		case "carb":
			return writeCaRB(w, facts)
		}
		all = append(all, facts...) // N-Quads are written together, so each quad appears once
		return nil
	})
	if err != nil {
		return err
	}
	if opts.format == "nquads" {
		if err := graph.WriteNQuads(w, names, all); err != nil {
			return err
		}
	}
	return w.Flush()
}

// extractAll reads every input, checks them all, then extracts each
// document's facts and hands them to fn, in input order.
func extractAll(ctx context.Context, e *env, files []string, lines bool, fn func(doc string, facts []schema.Fact) error) error {
	docs, err := readDocs(files, e.stdin)
	if err != nil {
		return err
	}
	m, err := e.model()
	if err != nil {
		return err
	}
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(d.Name, m.Facts(d.Name, d.Text, extract.Options{Lines: lines})); err != nil {
			return err
		}
	}
	return nil
}

// readDocs reads the inputs and turns input problems into usage errors.
func readDocs(files []string, stdin io.Reader) ([]ingest.Document, error) {
	docs, err := ingest.Read(files, stdin)
	if err != nil {
		if errors.Is(err, ingest.ErrInput) {
			return nil, usageError{err}
		}
		return nil, err
	}
	return docs, nil
}

func writeJSONL(w io.Writer, facts []schema.Fact) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := range facts {
		if err := enc.Encode(&facts[i]); err != nil {
			return err
		}
	}
	return nil
}

// tsvHeader names the columns of the TSV format.
const tsvHeader = "doc\tsentence_index\tsubject\trelation\tobject\tsubject_type\tobject_type\tnegated\tconfidence\n"

func writeTSV(w io.Writer, facts []schema.Fact) error {
	for _, f := range facts {
		fields := []string{f.Doc, strconv.Itoa(f.SentenceIndex), f.Subject, f.Relation, f.Object,
			f.SubjectType, f.ObjectType, strconv.FormatBool(f.Negated), strconv.FormatFloat(f.Confidence, 'f', 2, 64)}
		for i, s := range fields {
			fields[i] = tsvEscape.Replace(s)
		}
		if _, err := io.WriteString(w, strings.Join(fields, "\t")+"\n"); err != nil {
			return err
		}
	}
	return nil
}

var tsvEscape = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// writeCaRB writes CaRB's tab format: sentence, confidence, relation and the
// arguments, as surface spans in the sentence's own order.
func writeCaRB(w io.Writer, facts []schema.Fact) error {
	for _, f := range facts {
		if !carb.Scored(f) {
			continue
		}
		t := carb.FromFact(f)
		fields := append([]string{f.Sentence, strconv.FormatFloat(t.Confidence, 'f', 2, 64), t.Relation}, t.Args...)
		for i, s := range fields {
			fields[i] = tsvEscape.Replace(s)
		}
		if _, err := io.WriteString(w, strings.Join(fields, "\t")+"\n"); err != nil {
			return err
		}
	}
	return nil
}
