package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
)

type buildOptions struct {
	files []string
	store graph.Options
	lines bool
}

func buildCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "extract facts from text files (standard input when none is named) and load them into the store",
		ArgsUsage: "[FILE...]",
		Flags: append(storeFlags(),
			&cli.BoolFlag{Name: "lines", Usage: "read each input line as one sentence (no sentence splitting)"}),
		Action: func(c *cli.Context) error {
			return runBuild(c.Context, e, buildOptions{files: c.Args().Slice(), store: storeOptions(c, true), lines: c.Bool("lines")})
		},
	}
}

// runBuild reads and checks every input before it opens the store, so a bad
// input leaves the store as it was. Then it loads one document at a time, each
// in its own transaction: a document whose text the store holds already is
// skipped without extracting it, and a changed one replaces its old version.
func runBuild(ctx context.Context, e *env, opts buildOptions) error {
	docs, err := readDocs(opts.files, e.stdin)
	if err != nil {
		return err
	}
	m, err := e.model()
	if err != nil {
		return err
	}
	s, err := graph.Open(ctx, opts.store)
	if err != nil {
		return err
	}
	defer s.Close()
	var changes [graph.Replaced + 1]int
	nfacts := 0
	for _, d := range docs {
		hash := d.Hash()
		if opts.lines {
			hash += " lines" // the same text read line by line gives other facts
		}
		old, err := s.DocumentHash(ctx, d.Name)
		if err != nil {
			return err
		}
		if old == hash {
			changes[graph.Unchanged]++
			continue
		}
		facts := m.Facts(d.Name, d.Text, extract.Options{Lines: opts.lines})
		c, err := s.LoadDocument(ctx, graph.Document{Name: d.Name, Hash: hash, Facts: facts})
		if err != nil {
			return err
		}
		changes[c]++
		nfacts += len(facts)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	where := s.String()
	if opts.store.Backend == graph.Memory {
		where += " (discarded on exit)"
	}
	_, err = fmt.Fprintf(e.stderr, "built %s: %d documents (%d added, %d replaced, %d unchanged), %d facts read; store has %d entities, %d facts, %d quads\n",
		where, len(docs), changes[graph.Added], changes[graph.Replaced], changes[graph.Unchanged], nfacts, st.Entities, st.Facts, st.Quads)
	if err != nil {
		return err
	}
	return s.Close()
}
