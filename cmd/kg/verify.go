package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

func verifyCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "verify",
		Usage: "check the store's invariants: whole documents, evidence for every fact, a fact for every entity",
		Flags: append(storeFlags(),
			&cli.BoolFlag{Name: "json", Usage: "print one JSON object: the store and its problems"},
			&cli.BoolFlag{Name: "reindex", Usage: "build a bolt or PostgreSQL store's own index anew from its quads first, then check"}),
		Action: func(c *cli.Context) error {
			if c.Bool("reindex") {
				if err := reindex(c.Context, e, storeOptions(c, false)); err != nil {
					return err
				}
			}
			return runVerify(c.Context, e, readStoreOptions(c), c.Bool("json"))
		},
	}
}

// reindex builds the store's index anew (see graph.Store.Reindex).
func reindex(ctx context.Context, e *env, opts graph.Options) error {
	s, err := graph.Open(ctx, opts)
	if err != nil {
		return err
	}
	if err := s.Reindex(ctx); err != nil {
		s.Close()
		return fmt.Errorf("reindex %s: %w", s, err)
	}
	if err := s.Close(); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stderr, "reindexed %s\n", s)
	return err
}

// errUnsound is the error of a store that fails verification: ours, exit 1.
var errUnsound = errors.New("store is not sound")

// runVerify prints each problem on its own line and fails if there is one.
// With asJSON it prints one object instead, {"store", "problems"}; the exit
// status is the same.
func runVerify(ctx context.Context, e *env, opts graph.Options, asJSON bool) error {
	s, err := graph.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	problems, err := s.Verify(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		if err := writeJSON(e.stdout, struct {
			Store    string   `json:"store"`
			Problems []string `json:"problems"`
		}{s.String(), append([]string{}, problems...)}); err != nil {
			return err
		}
	} else {
		for _, p := range problems {
			if _, err := fmt.Fprintln(e.stdout, p); err != nil {
				return err
			}
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("verify %s: %s: %w", s, plural(len(problems), "problem"), errUnsound)
	}
	_, err = fmt.Fprintf(e.stderr, "verified %s: no problem\n", s)
	return err
}
