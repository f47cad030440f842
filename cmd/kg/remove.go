package main

import (
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

type removeOptions struct {
	docs   []string
	store  graph.Options
	asJSON bool
}

func removeCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "remove",
		Usage:     "take documents out of the store, with the facts, entities and relations only they support",
		ArgsUsage: "DOC...",
		Flags: append(storeFlags(),
			&cli.BoolFlag{Name: "json", Usage: "print a JSON line for each document removed"}),
		Action: func(c *cli.Context) error {
			return runRemove(c.Context, e, removeOptions{docs: c.Args().Slice(), store: storeOptions(c, false), asJSON: c.Bool("json")})
		},
	}
}

// runRemove removes each document in its own transaction. A document that
// the store does not hold is the user's error; the ones before it stay
// removed.
func runRemove(ctx context.Context, e *env, opts removeOptions) error {
	if len(opts.docs) == 0 {
		return usageError{fmt.Errorf("remove: name the documents to remove, as build named them")}
	}
	s, err := graph.Open(ctx, opts.store)
	if err != nil {
		return err
	}
	defer s.Close()
	for _, d := range opts.docs {
		if err := s.Remove(ctx, d); err != nil {
			return err
		}
		if opts.asJSON {
			if err := writeJSON(e.stdout, map[string]string{"removed": d}); err != nil {
				return err
			}
		} else if _, err := fmt.Fprintf(e.stderr, "removed %s\n", d); err != nil {
			return err
		}
	}
	return s.Close()
}
