package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
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

// runBuild reads and extracts every input before it opens the store, so a bad
// input leaves the store as it was; the load itself is one transaction.
func runBuild(ctx context.Context, e *env, opts buildOptions) error {
	var facts []schema.Fact
	var names []string
	err := extractAll(ctx, e, opts.files, opts.lines, func(doc string, fs []schema.Fact) error {
		names = append(names, doc)
		facts = append(facts, fs...)
		return nil
	})
	if err != nil {
		return err
	}
	s, err := graph.Open(ctx, opts.store)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Load(ctx, names, facts); err != nil {
		return err
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	where := s.String()
	if opts.store.Backend == graph.Memory {
		where += " (discarded on exit)"
	}
	_, err = fmt.Fprintf(e.stderr, "built %s: %d documents, %d facts read; store has %d entities, %d facts, %d quads\n",
		where, len(names), len(facts), st.Entities, st.Facts, st.Quads)
	if err != nil {
		return err
	}
	return s.Close()
}
