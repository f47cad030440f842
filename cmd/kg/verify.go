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
			&cli.BoolFlag{Name: "json", Usage: "print one JSON object: the store and its problems"}),
		Action: func(c *cli.Context) error {
			return runVerify(c.Context, e, readStoreOptions(c), c.Bool("json"))
		},
	}
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
