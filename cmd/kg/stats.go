package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

func statsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "count the quads, entities, facts, documents and evidence in the store",
		Flags: append(storeFlags(), &cli.BoolFlag{Name: "json", Usage: "print JSON"}),
		Action: func(c *cli.Context) error {
			return runStats(c.Context, e, storeOptions(c, false), c.Bool("json"))
		},
	}
}

func runStats(ctx context.Context, e *env, opts graph.Options, asJSON bool) error {
	s, err := graph.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return json.NewEncoder(e.stdout).Encode(st)
	}
	_, err = fmt.Fprintf(e.stdout, "quads      %d\nentities   %d\nfacts      %d\ndocuments  %d\nevidence   %d\n",
		st.Quads, st.Entities, st.Facts, st.Documents, st.Evidence)
	return err
}
