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
		Flags: storeFlags(),
		Action: func(c *cli.Context) error {
			return runVerify(c.Context, e, storeOptions(c, false))
		},
	}
}

// errUnsound is the error of a store that fails verification: ours, exit 1.
var errUnsound = errors.New("store is not sound")

// runVerify prints each problem on its own line and fails if there is one.
func runVerify(ctx context.Context, e *env, opts graph.Options) error {
	s, err := graph.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	problems, err := s.Verify(ctx)
	if err != nil {
		return err
	}
	for _, p := range problems {
		if _, err := fmt.Fprintln(e.stdout, p); err != nil {
			return err
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("verify %s: %d problems: %w", s, len(problems), errUnsound)
	}
	_, err = fmt.Fprintf(e.stderr, "verified %s: no problem\n", s)
	return err
}
