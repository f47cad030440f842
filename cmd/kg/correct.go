package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

// The commands that change the store's corrections: kg merge, kg split and
// kg undo. Each takes fixed arguments, makes one change and reports it with
// the correction's ID.

func mergeCommand(e *env) *cli.Command {
	return correctionCommand(e, correctOptions{
		name: "merge", args: []string{"KEEP", "DROP"}, verb: "made",
		usage: "record that two entities are one, the first: its facts now and in every later build",
		do: func(ctx context.Context, s *graph.Store, args []string) (graph.Correction, error) {
			return s.Merge(ctx, args[0], args[1])
		},
	})
}

func splitCommand(e *env) *cli.Command {
	return correctionCommand(e, correctOptions{
		name: "split", args: []string{"NAME", "ALIAS"}, verb: "made",
		usage: "record that an alias of an entity names another entity: the facts that use it, now and in every later build",
		do: func(ctx context.Context, s *graph.Store, args []string) (graph.Correction, error) {
			return s.Split(ctx, args[0], args[1])
		},
	})
}

func undoCommand(e *env) *cli.Command {
	return correctionCommand(e, correctOptions{
		name: "undo", args: []string{"ID"}, verb: "undid",
		usage: "take back a correction (see kg corrections): its facts go back where the others put them",
		do: func(ctx context.Context, s *graph.Store, args []string) (graph.Correction, error) {
			return s.Undo(ctx, args[0])
		},
	})
}

// correctOptions describes one correcting command.
type correctOptions struct {
	name, usage, verb string
	args              []string // the names of its arguments, all required
	do                func(ctx context.Context, s *graph.Store, args []string) (graph.Correction, error)
}

func correctionCommand(e *env, opts correctOptions) *cli.Command {
	argsUsage := strings.Join(opts.args, " ")
	return &cli.Command{
		Name:      opts.name,
		Usage:     opts.usage,
		ArgsUsage: argsUsage,
		Flags: append(storeFlags(),
			&cli.BoolFlag{Name: "json", Usage: "print the correction as a JSON object"}),
		Action: func(c *cli.Context) error {
			if c.NArg() != len(opts.args) {
				return usageError{fmt.Errorf("%s: want %s; got %s", opts.name, argsUsage, plural(c.NArg(), "argument"))}
			}
			return runCorrect(c.Context, e, storeOptions(c, false), opts, c.Args().Slice(), c.Bool("json"))
		},
	}
}

func runCorrect(ctx context.Context, e *env, store graph.Options, opts correctOptions, args []string, asJSON bool) error {
	s, err := graph.Open(ctx, store)
	if err != nil {
		return err
	}
	defer s.Close()
	c, err := opts.do(ctx, s, args)
	if err != nil {
		return err
	}
	if asJSON {
		if err := writeJSON(e.stdout, c); err != nil {
			return err
		}
	} else if _, err := fmt.Fprintf(e.stderr, "%s correction %d: %s\n", opts.verb, c.Seq, c); err != nil {
		return err
	}
	return s.Close()
}
