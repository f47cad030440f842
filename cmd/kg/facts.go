package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/ask"
	"github.com/kgraph/kg/schema"
)

type factsOptions struct {
	store  graph.Options
	period graph.Period // the facts an analysis reads
	name   string
	limit  int
	asJSON bool
}

func factsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "facts",
		Usage:     "list everything the graph says about an entity, by relation",
		ArgsUsage: "NAME",
		Flags: append(append(storeFlags(), periodFlags()...),
			&cli.IntFlag{Name: "limit", Value: answerLimit, Usage: "list the facts with at most N of the entities they connect it to, those with the most evidence (0: all)"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON Lines, one fact a line, with its evidence"}),
		Action: func(c *cli.Context) error {
			period, err := periodOf(c)
			if err != nil {
				return err
			}
			if c.NArg() != 1 {
				return usageError{fmt.Errorf("facts: want one entity name, got %s", plural(c.NArg(), "argument"))}
			}
			return runFacts(c.Context, e, factsOptions{store: readStoreOptions(c), period: period, name: c.Args().First(), limit: c.Int("limit"), asJSON: c.Bool("json")})
		},
	}
}

// runFacts prints the facts of one entity grouped by relation: the
// relation is written on the first fact of each group.
func runFacts(ctx context.Context, e *env, opts factsOptions) error {
	if opts.limit < 0 {
		return usageError{fmt.Errorf("facts: --limit must be 0 or more, got %d", opts.limit)}
	}
	var ent schema.EntityInfo
	var facts []analyze.Step
	var others int
	var more bool
	err := local(ctx, opts.store, func(l *graph.Local) error {
		id, err := l.Find(ctx, opts.name)
		if err != nil {
			return err
		}
		aopts := ask.Options{Period: opts.period, Concepts: true}
		if opts.limit > 0 {
			// a hub's facts, bounded: those with its first entities by
			// name, the evidence of the rest unread
			ent, facts, others, more, err = ask.NearFacts(ctx, l, id, opts.limit, aopts)
			return err
		}
		ent, facts, err = ask.Facts(ctx, l, id, aopts)
		return err
	})
	if err != nil {
		return err
	}
	if more {
		fmt.Fprintf(e.stderr, "kg: facts: the facts with %d of %d connected entities, those with the most evidence (--limit N, or --limit 0 for all)\n", opts.limit, others)
	}
	if opts.asJSON {
		return writeJSONLines(e.stdout, facts)
	}
	t := newTable(e.stdout)
	title := fmt.Sprintf("%s (%s): %s", ent.Name, typeOrDash(ent.Type), plural(len(facts), "fact"))
	if len(ent.Aliases) > 0 {
		title += "; also called " + strings.Join(ent.Aliases, ", ")
	}
	t.line("%s", title)
	t.row("relation", "fact", "sentences", "documents", "denied", "when", "confidence")
	for i, f := range facts {
		rel := f.Relation
		if i > 0 && facts[i-1].Relation == f.Relation {
			rel = ""
		}
		t.row(rel, factText(f.Fact), strconv.Itoa(f.Sentences), strconv.Itoa(f.Documents), denied(f.Fact),
			strings.Join(f.Times, "; "), confidence(f.Confidence))
	}
	return t.flush()
}
