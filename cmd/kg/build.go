package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/ingest"
	"github.com/kgraph/kg/pipeline"
)

type buildOptions struct {
	inputOptions
	store graph.Options
}

func buildCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "extract facts from documents (files, directories, globs, JSON Lines; standard input when none is named) and load them into the store",
		ArgsUsage: "[FILE|DIR|GLOB|-...]",
		Flags:     append(storeFlags(), inputFlags()...),
		Action: func(c *cli.Context) error {
			in, err := inputOptionsOf(c)
			if err != nil {
				return err
			}
			return runBuild(c.Context, e, buildOptions{inputOptions: in, store: storeOptions(c, true)})
		},
	}
}

// runBuild reads and checks every input before it opens the store, so a bad
// input leaves the store as it was. Then it streams the documents through
// the pipeline: workers extract them, and this goroutine loads each, in
// input order, in its own transaction (a document longer than
// extract.MaxPartBytes in a transaction a part, its facts never all held at
// once; see graph.Store.LoadParts). A document whose text and metadata
// the store holds already is skipped without extracting it, and a changed
// one replaces its old version. Interrupted, it stops between documents, so
// the store holds whole documents only.
func runBuild(ctx context.Context, e *env, opts buildOptions) error {
	in, err := openInputs(ctx, e, opts.inputOptions)
	if err != nil {
		return err
	}
	defer in.Close()
	m, err := e.model()
	if err != nil {
		return err
	}
	s, err := graph.Open(ctx, opts.store)
	if errors.Is(err, context.Canceled) {
		return &interruptedError{total: in.Documents, err: err, what: "the store was being opened; nothing was written"}
	}
	if err != nil {
		return err
	}
	defer s.Close()

	hash := func(d ingest.Document) string {
		// the same text read line by line, or through the parser, gives
		// other facts
		h := d.Hash()
		if opts.lines {
			h += " lines"
		}
		if opts.parse {
			h += " parse"
		}
		return h
	}
	var changes [graph.Replaced + 1]int
	// Skip runs in one goroutine, before the writer has the documents it
	// passes: seen holds the hashes of the new documents so far (a copy
	// within this build), dups what to say of the copies, after the build.
	seen := make(map[string]string)
	var dups []string
	prog := newProgress(e, opts.inputOptions, in, "build")
	var parts *graph.PartWriter // the long document being written in parts
	cut := ""                   // its name while parts of it are still to come
	err = pipeline.Run(ctx, m, in.Each, func(ctx context.Context, r pipeline.Result) error {
		if r.Skipped {
			changes[graph.Unchanged]++
			prog.done(r)
			return nil
		}
		d := r.Doc
		// The input's own title and date (JSON Lines) come first; a text's
		// header or dateline gives them otherwise.
		title, date := d.Title, d.Date
		if title == "" {
			title = r.Frame.Title
		}
		if date == "" {
			date = r.Frame.Date
		}
		gd := graph.Document{Name: d.Name, Hash: hash(d), Title: title, Date: date, Source: d.Source}
		var (
			c   graph.Change
			err error
		)
		if r.Part == 0 && r.Last {
			// A document of one part, as nearly all are: one transaction.
			gd.Facts = r.Facts
			if c, err = s.LoadDocument(ctx, gd); err != nil {
				return err
			}
		} else {
			// A long document: a transaction a part, the document
			// completed by the last.
			if r.Part == 0 {
				if parts, err = s.LoadParts(gd); err != nil {
					return err
				}
			}
			cut = d.Name
			if err := parts.Write(ctx, r.Facts); err != nil {
				return err
			}
			if !r.Last {
				prog.done(r)
				return nil
			}
			if c, err = parts.Finish(ctx); err != nil {
				return err
			}
			cut = ""
		}
		changes[c]++
		prog.done(r)
		return nil
	}, pipeline.Options{
		Workers: opts.workers,
		Extract: opts.extract(),
		Skip: func(ctx context.Context, d ingest.Document) (bool, error) {
			h := hash(d)
			old, err := s.DocumentHash(ctx, d.Name)
			if err != nil || old == h {
				return err == nil, err
			}
			if old != "" {
				return false, nil // a changed document: replaced
			}
			// A new name: its content may be in the store, or earlier in
			// this build, under another; its facts would count twice.
			same, err := s.DocumentsWithHash(ctx, h)
			if err != nil {
				return false, err
			}
			if first, ok := seen[h]; ok && len(same) == 0 {
				same = []string{first}
			}
			if len(same) > 0 {
				dups = append(dups, fmt.Sprintf("kg: build: %s has the content of %s, in the store already: skipped (kg remove %s first to store it under this name)",
					d.Name, strings.Join(same, ", "), same[0]))
				return true, nil
			}
			seen[h] = d.Name
			return false, nil
		},
	})
	for _, d := range dups {
		fmt.Fprintln(e.stderr, d)
	}
	st := prog.finish(err)
	st.Added, st.Replaced, st.Unchanged = &changes[graph.Added], &changes[graph.Replaced], &changes[graph.Unchanged]
	switch {
	case st.Interrupted:
		what := "the store holds them whole and none of the rest; building again finishes the job"
		if cut != "" {
			what = fmt.Sprintf("the store holds them whole, and of %s, a long document, the parts written so far, marked incomplete (kg verify says so); building again replaces it and finishes the job", cut)
		}
		err = &interruptedError{done: st.Documents, total: st.TotalDocuments, err: err, what: what}
	case errors.Is(err, ingest.ErrInput): // an input changed since it was checked
		err = usageError{fmt.Errorf("%w (the %d documents before it are in the store)", err, st.Documents)}
	}
	if jerr := writeStatsJSON(e, opts.statsJSON, st); err == nil {
		err = jerr
	}
	if err != nil {
		return err
	}
	if !opts.quiet {
		gst, err := s.Stats(ctx) // reads every entity: not for --quiet
		if errors.Is(err, context.Canceled) {
			return &interruptedError{done: st.Documents, total: st.TotalDocuments, err: err,
				what: "all of them are in the store; the store was being counted for this summary"}
		}
		if err != nil {
			return err
		}
		where := s.String()
		if opts.store.Backend == graph.Memory {
			where += " (discarded on exit)"
		}
		_, err = fmt.Fprintf(e.stderr, "built %s: %s (%d added, %d replaced, %d unchanged), %s read in %.1fs (%s sentences/s, %s); store has %s, %s, %s\n",
			where, plural(st.Documents, "document"), changes[graph.Added], changes[graph.Replaced], changes[graph.Unchanged],
			plural(st.Facts, "fact"), st.Seconds, perSecond(st.Sentences, st.Seconds), workers(st.Workers),
			plural(gst.Entities, "entity"), plural(gst.Facts, "fact"), plural(gst.Quads, "quad"))
		if err != nil {
			return err
		}
	}
	return s.Close()
}
