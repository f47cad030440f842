package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/carb"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/ingest"
	"github.com/kgraph/kg/pipeline"
	"github.com/kgraph/kg/schema"
)

type extractOptions struct {
	inputOptions
	format string
}

func extractCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "print the facts found in documents (files, directories, globs, JSON Lines; standard input when none is named)",
		ArgsUsage: "[FILE|DIR|GLOB|-...]",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "jsonl", Usage: "jsonl, tsv, nquads or carb (CaRB's tab format)"},
		}, inputFlags()...),
		Action: func(c *cli.Context) error {
			in, err := inputOptionsOf(c)
			if err != nil {
				return err
			}
			return runExtract(c.Context, e, extractOptions{inputOptions: in, format: c.String("format")})
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
	// Each document's facts are formatted on the worker that read them;
	// N-Quads are written together at the end, so that each quad appears
	// once.
	var encode func(r *pipeline.Result) ([]byte, error)
	if write := writerOf(opts.format); write != nil {
		encode = func(r *pipeline.Result) ([]byte, error) {
			var b bytes.Buffer
			err := write(&b, r.Facts)
			return b.Bytes(), err
		}
	}
	st, err := extractRun(ctx, e, opts.inputOptions, "extract", encode, func(r pipeline.Result) error {
		if encode != nil {
			_, err := w.Write(r.Encoded)
			return err
		}
		if r.Part == 0 { // a long document comes in parts
			names = append(names, r.Doc.Name)
		}
		all = append(all, r.Facts...)
		return nil
	})
	if st == nil { // the inputs did not pass their check
		return err
	}
	if err == nil && opts.format == "nquads" {
		err = graph.WriteNQuads(w, names, all)
	}
	// What was extracted before an error or an interruption is written:
	// whole documents only.
	if ferr := w.Flush(); err == nil {
		err = ferr
	}
	if jerr := writeStatsJSON(e, opts.statsJSON, st); err == nil {
		err = jerr
	}
	if err != nil {
		return err
	}
	if !opts.quiet {
		_, err = fmt.Fprintf(e.stderr, "extracted %s, %s, %s in %.1fs (%s sentences/s, %s)\n",
			plural(st.Documents, "document"), plural(st.Sentences, "sentence"), plural(st.Facts, "fact"), st.Seconds, perSecond(st.Sentences, st.Seconds), workers(st.Workers))
	}
	return err
}

// extractRun checks the inputs, then streams them through the pipeline and
// hands each document's facts to fn, in input order, with a progress bar
// where the options allow. It returns the run's figures, nil when the
// inputs did not pass their check.
func extractRun(ctx context.Context, e *env, o inputOptions, verb string, encode func(*pipeline.Result) ([]byte, error), fn func(pipeline.Result) error) (*pipelineStats, error) {
	in, err := openInputs(ctx, e, o)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	m, err := e.model()
	if err != nil {
		return nil, err
	}
	prog := newProgress(e, o, in, verb)
	err = pipeline.Run(ctx, m, in.Each, func(_ context.Context, r pipeline.Result) error {
		prog.done(r)
		return fn(r)
	}, pipeline.Options{Workers: o.workers, Extract: o.extract(), Encode: encode})
	st := prog.finish(err)
	switch {
	case st.Interrupted:
		err = &interruptedError{done: st.Documents, total: st.TotalDocuments, err: err,
			what: "their facts are written, whole documents only"}
	case errors.Is(err, ingest.ErrInput): // an input changed since it was checked
		err = usageError{err}
	}
	return st, err
}

// writerOf returns the function that writes one document's facts in the
// format, nil for N-Quads, which are written for all documents at once.
func writerOf(format string) func(io.Writer, []schema.Fact) error {
	switch format {
	case "jsonl":
		return writeJSONL
	case "tsv":
		return writeTSV
	case "carb":
		return writeCaRB
	}
	return nil
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
