package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
)

type rankOptions struct {
	store    graph.Options
	period   graph.Period // the facts an analysis reads
	by       string
	typ      string
	limit    int // 0 for all
	asJSON   bool
	concepts bool // count CONCEPT entities too
}

func rankCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "rank",
		Usage: "rank the entities by how central they are: the key players",
		Flags: append(append(storeFlags(), periodFlags()...), conceptsFlag,
			&cli.StringFlag{Name: "by", Value: analyze.Degree, Usage: strings.Join(analyze.Measures, ", ")},
			&cli.StringFlag{Name: "type", Usage: "only entities of this type (PERSON, ORG, GPE, ...)"},
			&cli.IntFlag{Name: "n", Value: 20, Usage: "print the first `N` (0 for all)"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON Lines, one entity a line"}),
		Action: func(c *cli.Context) error {
			period, err := periodOf(c)
			if err != nil {
				return err
			}
			return runRank(c.Context, e, rankOptions{store: readStoreOptions(c), period: period, by: c.String("by"),
				typ: c.String("type"), limit: c.Int("n"), asJSON: c.Bool("json"), concepts: c.Bool("concepts")})
		},
	}
}

// runRank prints the entities by score, highest first, then by name.
func runRank(ctx context.Context, e *env, opts rankOptions) error {
	if !slices.Contains(analyze.Measures, opts.by) {
		return usageError{fmt.Errorf("rank: unknown --by %q (want %s)", opts.by, strings.Join(analyze.Measures, ", "))}
	}
	if opts.limit < 0 {
		return usageError{fmt.Errorf("rank: negative -n %d", opts.limit)}
	}
	list, err := cachedAnalysis(ctx, opts.store, opts.period, opts.concepts, "rank --by "+opts.by+" --type "+opts.typ,
		func(g *analyze.Graph) ([]analyze.Score, error) { return g.Rank(opts.by, opts.typ) })
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
	head := []string{"rank", "entity", "type", opts.by, "degree", "mentions"}
	if opts.by == analyze.Degree {
		head = slices.Delete(head, 4, 5) // the score is the degree
	}
	t.row(head...)
	for _, s := range list {
		cells := []string{strconv.Itoa(s.Rank), s.Name, typeOrDash(s.Type), strconv.FormatFloat(s.Score, 'f', -1, 64),
			strconv.Itoa(s.Degree), strconv.Itoa(s.Mentions)}
		if opts.by == analyze.Degree {
			cells = slices.Delete(cells, 4, 5)
		}
		t.row(cells...)
	}
	return t.flush()
}
