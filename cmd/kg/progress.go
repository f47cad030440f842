package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/ingest"
	"github.com/kgraph/kg/pipeline"
)

// inputOptions are the flags that kg build and kg extract share: which
// documents to read, how, and what to report.
type inputOptions struct {
	args      []string
	lines     bool
	parse     bool // clause rules over the parser's trees
	jsonl     bool
	exts      []string
	workers   int
	quiet     bool
	statsJSON string // a file, "-" for standard output, "" for none
}

func inputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "lines", Usage: "read each input line as one sentence (no sentence splitting)"},
		&cli.BoolFlag{Name: "parse", Usage: "read clauses from dependency trees: the parser's clause rules, slower, not yet the default (see the README's Extraction)"},
		&cli.BoolFlag{Name: "jsonl", Usage: `read every input, standard input too, as JSON Lines of documents {"id", "title", "date", "text"} (files named *.jsonl always are)`},
		&cli.StringFlag{Name: "ext", Value: strings.Join(ingest.DefaultExts, ","), Usage: "the extensions of the files read from a directory, comma-separated"},
		&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Value: runtime.NumCPU(), Usage: "documents extracted at once", EnvVars: []string{"KG_WORKERS"}},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar and no summary on standard error"},
		&cli.StringFlag{Name: "stats-json", Usage: `write the run's figures (documents, sentences, facts, bytes, seconds, rates) as JSON to this file ("-": standard output)`},
	}
}

// extractOptions are the extractor's options the flags chose.
func (o inputOptions) extract() extract.Options {
	return extract.Options{Lines: o.lines, Parse: o.parse}
}

func inputOptionsOf(c *cli.Context) (inputOptions, error) {
	o := inputOptions{
		args: c.Args().Slice(), lines: c.Bool("lines"), parse: c.Bool("parse"), jsonl: c.Bool("jsonl"), workers: c.Int("workers"),
		quiet: c.Bool("quiet"), statsJSON: c.String("stats-json"),
	}
	if o.workers < 1 {
		return o, usageError{fmt.Errorf("--workers %d: want 1 or more", o.workers)}
	}
	for _, e := range strings.Split(c.String("ext"), ",") {
		if e = strings.ToLower(strings.TrimSpace(e)); e != "" {
			if !strings.HasPrefix(e, ".") {
				e = "." + e
			}
			o.exts = append(o.exts, e)
		}
	}
	return o, nil
}

// openInputs finds and checks the documents; a bad input is the user's
// error.
func openInputs(ctx context.Context, e *env, o inputOptions) (*ingest.Inputs, error) {
	in, err := ingest.Open(ctx, o.args, e.stdin, ingest.Options{Exts: o.exts, JSONL: o.jsonl})
	switch {
	case errors.Is(err, ingest.ErrInput):
		return nil, usageError{err}
	case errors.Is(err, context.Canceled):
		return nil, fmt.Errorf("interrupted while checking the inputs, before writing anything: %w", err)
	}
	return in, err
}

// pipelineStats are the figures of one run of the pipeline, printed by
// --stats-json.
type pipelineStats struct {
	Documents          int     `json:"documents"`       // done: extracted, or skipped as unchanged
	TotalDocuments     int     `json:"total_documents"` // in the inputs
	Added              *int    `json:"added,omitempty"` // kg build only
	Replaced           *int    `json:"replaced,omitempty"`
	Unchanged          *int    `json:"unchanged,omitempty"`
	Sentences          int64   `json:"sentences"` // of the documents extracted
	Tokens             int64   `json:"tokens"`
	Facts              int64   `json:"facts"`
	Bytes              int64   `json:"bytes"` // text of the documents done
	TotalBytes         int64   `json:"total_bytes"`
	Seconds            float64 `json:"seconds"` // from the first document read to the last one done
	DocumentsPerSecond float64 `json:"documents_per_second"`
	SentencesPerSecond float64 `json:"sentences_per_second"`
	TokensPerSecond    float64 `json:"tokens_per_second"`
	MBPerSecond        float64 `json:"mb_per_second"` // 10^6 bytes of text a second
	Workers            int     `json:"workers"`
	Interrupted        bool    `json:"interrupted"` // stopped by a signal before the end
}

// progress counts what the pipeline has done and shows it on standard error
// when that is a terminal.
type progress struct {
	stats pipelineStats
	start time.Time
	bar   *progressbar.ProgressBar // nil when not shown
}

func newProgress(e *env, o inputOptions, in *ingest.Inputs, verb string) *progress {
	p := &progress{start: time.Now(), stats: pipelineStats{TotalDocuments: in.Documents, TotalBytes: in.Bytes, Workers: o.workers}}
	if f, ok := e.stderr.(*os.File); ok && !o.quiet && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())) {
		p.bar = progressbar.NewOptions64(in.Bytes,
			progressbar.OptionSetWriter(f),
			progressbar.OptionSetDescription(verb),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetWidth(20),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// done counts one document, or one part of a long one, that left the
// pipeline.
func (p *progress) done(r pipeline.Result) {
	st := &p.stats
	if r.Last {
		st.Documents++
		st.Bytes += int64(len(r.Doc.Text))
	}
	st.Sentences += int64(r.Sentences)
	st.Tokens += int64(r.Tokens)
	st.Facts += int64(len(r.Facts))
	if p.bar != nil {
		secs := time.Since(p.start).Seconds()
		p.bar.Describe(fmt.Sprintf("%d/%d documents, %.0f sentences/s, %d facts",
			st.Documents, st.TotalDocuments, float64(st.Sentences)/secs, st.Facts))
		p.bar.Set64(st.Bytes)
	}
}

// finish stops the bar and fills in the rates.
func (p *progress) finish(err error) *pipelineStats {
	if p.bar != nil {
		p.bar.Clear()
	}
	st := &p.stats
	st.Interrupted = errors.Is(err, context.Canceled)
	st.Seconds = time.Since(p.start).Seconds()
	if st.Seconds > 0 {
		st.DocumentsPerSecond = float64(st.Documents) / st.Seconds
		st.SentencesPerSecond = float64(st.Sentences) / st.Seconds
		st.TokensPerSecond = float64(st.Tokens) / st.Seconds
		st.MBPerSecond = float64(st.Bytes) / 1e6 / st.Seconds
	}
	return st
}

// writeStatsJSON writes the figures to the file --stats-json names.
func writeStatsJSON(e *env, path string, st *pipelineStats) error {
	if path == "" {
		return nil
	}
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if err := writeOutputs(e.stdout, output{path, b}); err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	return nil
}

// interruptedError is a run stopped by a signal: it says how far it got.
type interruptedError struct {
	done, total int
	what        string // what the documents done became
	err         error
}

func (e *interruptedError) Error() string {
	return fmt.Sprintf("interrupted after %d of %d documents: %s", e.done, e.total, e.what)
}

func (e *interruptedError) Unwrap() error { return e.err }

// perSecond formats a rate for the summary line.
func perSecond(n int64, secs float64) string {
	if secs <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f", float64(n)/secs)
}

// workers says how many workers ran, for the summary line.
func workers(n int) string {
	if n == 1 {
		return "1 worker"
	}
	return fmt.Sprintf("%d workers", n)
}
