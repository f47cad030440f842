package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

func statsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "count the quads, entities, facts, documents and evidence in the store, its size, and each document's evidence",
		Flags: append(storeFlags(), &cli.BoolFlag{Name: "json", Usage: "print JSON"}),
		Action: func(c *cli.Context) error {
			return runStats(c.Context, e, readStoreOptions(c), c.Bool("json"))
		},
	}
}

// statsReport is what kg stats prints.
type statsReport struct {
	graph.Stats
	Bytes       int64            `json:"bytes"` // 0 where the backend has no cheap figure
	PerDocument []graph.DocStats `json:"per_document"`
}

func runStats(ctx context.Context, e *env, opts graph.Options, asJSON bool) error {
	s, err := graph.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	var rep statsReport
	if rep.Stats, err = s.Stats(ctx); err != nil {
		return err
	}
	if rep.Bytes, err = s.Size(ctx); err != nil {
		return err
	}
	if rep.PerDocument, err = s.Documents(ctx); err != nil {
		return err
	}
	if asJSON {
		return json.NewEncoder(e.stdout).Encode(rep)
	}
	st := rep.Stats
	_, err = fmt.Fprintf(e.stdout, "quads      %d\nentities   %d\nfacts      %d\ndocuments  %d\nevidence   %d\nbytes      %d\n",
		st.Quads, st.Entities, st.Facts, st.Documents, st.Evidence, rep.Bytes)
	if err != nil || len(rep.PerDocument) == 0 {
		return err
	}
	// Dates and titles, from JSON Lines inputs, get columns when a
	// document has one.
	meta := slices.ContainsFunc(rep.PerDocument, func(d graph.DocStats) bool { return d.Title != "" || d.Date != "" })
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	if meta {
		fmt.Fprintln(tw, "\ndocument\tevidence\tdate\ttitle")
	} else {
		fmt.Fprintln(tw, "\ndocument\tevidence")
	}
	for _, d := range rep.PerDocument {
		if meta {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", d.Name, d.Evidence, d.Date, d.Title)
		} else {
			fmt.Fprintf(tw, "%s\t%d\n", d.Name, d.Evidence)
		}
	}
	return tw.Flush()
}
