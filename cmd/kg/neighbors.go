package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/ask"
)

// answerLimit is how many neighbours kg neighbors lists, and with how many
// entities kg facts lists the facts, unless told otherwise: a hub's
// thousands are no answer to read on a terminal.
const answerLimit = 100

type neighborsOptions struct {
	store  graph.Options
	period graph.Period // the facts an analysis reads
	name   string
	depth  int
	filter analyze.Filter
	limit  int
	asJSON bool
}

func neighborsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "neighbors",
		Usage:     "list the entities around one, with the facts that connect them",
		ArgsUsage: "NAME",
		Flags: append(append(storeFlags(), periodFlags()...),
			&cli.IntFlag{Name: "depth", Value: 1, Usage: "how many facts away to look"},
			&cli.StringFlag{Name: "relation", Usage: "follow only facts of this relation (\"penalize\")"},
			&cli.StringFlag{Name: "type", Usage: "reach only entities of this type (PERSON, ORG, GPE, ...)"},
			&cli.Float64Flag{Name: "min-confidence", Usage: "follow only facts at least this sure (0 to 1)"},
			&cli.IntFlag{Name: "limit", Value: answerLimit, Usage: "list at most N neighbours, the nearest with the most evidence (0: all)"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON Lines, one neighbour a line"}),
		Action: func(c *cli.Context) error {
			period, err := periodOf(c)
			if err != nil {
				return err
			}
			if c.NArg() != 1 {
				return usageError{fmt.Errorf("neighbors: want one entity name, got %s", plural(c.NArg(), "argument"))}
			}
			return runNeighbors(c.Context, e, neighborsOptions{
				store: readStoreOptions(c), period: period,
				name:  c.Args().First(),
				depth: c.Int("depth"),
				filter: analyze.Filter{Relation: c.String("relation"), Type: c.String("type"),
					MinConfidence: c.Float64("min-confidence")},
				limit:  c.Int("limit"),
				asJSON: c.Bool("json"),
			})
		},
	}
}

// runNeighbors prints the entities within opts.depth facts of one, nearest
// first, each with the facts that lead to it.
func runNeighbors(ctx context.Context, e *env, opts neighborsOptions) error {
	if opts.depth < 0 {
		return usageError{fmt.Errorf("neighbors: --depth must be 0 or more, got %d", opts.depth)}
	}
	if c := opts.filter.MinConfidence; c < 0 || c > 1 {
		return usageError{fmt.Errorf("neighbors: --min-confidence must be between 0 and 1, got %v", c)}
	}
	if opts.limit < 0 {
		return usageError{fmt.Errorf("neighbors: --limit must be 0 or more, got %d", opts.limit)}
	}
	// The walk at depth h needs the facts of the entities fewer than h
	// facts away: read them a level at a time. One fact away without a
	// filter, only the neighbours listed are read in full, so that a hub's
	// first hundred cost what anyone's do.
	var list []analyze.Neighbor
	var more bool
	err := local(ctx, opts.store, func(l *graph.Local) error {
		id, err := l.Find(ctx, opts.name)
		if err != nil {
			return err
		}
		aopts := ask.Options{Period: opts.period, Concepts: true}
		if opts.limit > 0 && opts.depth == 1 && opts.filter == (analyze.Filter{}) {
			_, list, more, err = ask.Nearest(ctx, l, id, opts.limit, aopts)
			return err
		}
		_, list, err = ask.Neighbors(ctx, l, id, opts.depth, opts.filter, aopts)
		if opts.limit > 0 && len(list) > opts.limit {
			list, more = ask.Strongest(list, opts.limit), true
		}
		return err
	})
	if err != nil {
		return err
	}
	if more {
		fmt.Fprintf(e.stderr, "kg: neighbors: %d neighbours, the nearest with the most evidence, and there are more (--limit N, or --limit 0 for all)\n", opts.limit)
	}
	if opts.asJSON {
		return writeJSONLines(e.stdout, list)
	}
	t := newTable(e.stdout)
	t.row("hops", "entity", "type", "fact", "sentences", "confidence")
	for _, n := range list {
		for i, s := range n.Via {
			if i == 0 {
				t.row(strconv.Itoa(n.Hops), n.Name, typeOrDash(n.Type), factText(s.Fact), strconv.Itoa(s.Sentences), confidence(s.Confidence))
			} else {
				t.row("", "", "", factText(s.Fact), strconv.Itoa(s.Sentences), confidence(s.Confidence))
			}
		}
	}
	return t.flush()
}
