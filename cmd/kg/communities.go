package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
)

type communitiesOptions struct {
	store    graph.Options
	period   graph.Period // the facts an analysis reads
	seed     uint64
	limit    int // 0 for all
	asJSON   bool
	concepts bool // count CONCEPT entities too
}

func communitiesCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "communities",
		Usage: "split the entities into clusters of closely connected ones",
		Flags: append(append(storeFlags(), periodFlags()...), conceptsFlag,
			&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "the seed of the search; the same seed gives the same clusters"},
			&cli.IntFlag{Name: "n", Usage: "print the `N` largest (0 for all)"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON Lines, one community a line"}),
		Action: func(c *cli.Context) error {
			period, err := periodOf(c)
			if err != nil {
				return err
			}
			return runCommunities(c.Context, e, communitiesOptions{store: readStoreOptions(c), period: period, seed: c.Uint64("seed"),
				limit: c.Int("n"), asJSON: c.Bool("json"), concepts: c.Bool("concepts")})
		},
	}
}

// runCommunities prints the communities, largest first, each with its
// entities, the most connected first.
func runCommunities(ctx context.Context, e *env, opts communitiesOptions) error {
	if opts.limit < 0 {
		return usageError{fmt.Errorf("communities: negative -n %d", opts.limit)}
	}
	list, err := cachedAnalysis(ctx, opts.store, opts.period, opts.concepts, fmt.Sprintf("communities --seed %d", opts.seed),
		func(g *analyze.Graph) ([]analyze.Community, error) { return g.Communities(opts.seed), nil })
	if err != nil {
		return err
	}
	if opts.limit > 0 && len(list) > opts.limit {
		list = list[:opts.limit]
	}
	if opts.asJSON {
		return writeJSONLines(e.stdout, list)
	}
	t := newTable(e.stdout)
	t.row("community", "size", "facts", "entities")
	for _, c := range list {
		names := make([]string, len(c.Entities))
		for i, n := range c.Entities {
			names[i] = n.Name
		}
		t.row(strconv.Itoa(c.ID), strconv.Itoa(c.Size), strconv.Itoa(c.Facts), strings.Join(names, ", "))
	}
	return t.flush()
}
