package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

func correctionsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "corrections",
		Usage: "list the merges and splits recorded in the store, in the order they apply",
		Flags: append(storeFlags(), &cli.BoolFlag{Name: "json", Usage: "print JSON Lines, one correction a line"}),
		Action: func(c *cli.Context) error {
			return runCorrections(c.Context, e, readStoreOptions(c), c.Bool("json"))
		},
	}
}

func runCorrections(ctx context.Context, e *env, opts graph.Options, asJSON bool) error {
	s, err := graph.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	corrs, err := s.Corrections(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		if err := writeJSONLines(e.stdout, corrs); err != nil {
			return err
		}
		return s.Close()
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "id\ttime\tcorrection")
	for _, c := range corrs {
		fmt.Fprintf(tw, "%d\t%s\t%s\n", c.Seq, c.Time.Format(time.RFC3339), oneLine(c.String()))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return s.Close()
}
