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
)

type pathOptions struct {
	store    graph.Options
	period   graph.Period // the facts an analysis reads
	from, to string
	maxHops  int
	k        int
	asJSON   bool
	concepts bool // count CONCEPT entities too
}

func pathCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "path",
		Usage:     "show how two entities are connected, hop by hop, with the sentences behind each fact",
		ArgsUsage: "A B",
		Flags: append(append(storeFlags(), periodFlags()...), conceptsFlag,
			&cli.IntFlag{Name: "max-hops", Value: 4, Usage: "the longest connection to look for, in facts"},
			&cli.IntFlag{Name: "k", Value: 3, Usage: "how many of the shortest connections to show"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON Lines, one connection a line (none when there is none)"}),
		Action: func(c *cli.Context) error {
			period, err := periodOf(c)
			if err != nil {
				return err
			}
			if c.NArg() != 2 {
				return usageError{fmt.Errorf("path: want two entity names, got %s", plural(c.NArg(), "argument"))}
			}
			return runPath(c.Context, e, pathOptions{store: readStoreOptions(c), period: period, from: c.Args().Get(0),
				to: c.Args().Get(1), maxHops: c.Int("max-hops"), k: c.Int("k"), asJSON: c.Bool("json"), concepts: c.Bool("concepts")})
		},
	}
}

// runPath prints the k shortest connections between two entities. No
// connection is an answer, said in a line, not an error.
func runPath(ctx context.Context, e *env, opts pathOptions) error {
	if opts.maxHops < 1 {
		return usageError{fmt.Errorf("path: --max-hops must be 1 or more, got %d", opts.maxHops)}
	}
	if opts.k < 1 {
		return usageError{fmt.Errorf("path: -k must be 1 or more, got %d", opts.k)}
	}
	var paths []analyze.Path
	err := local(ctx, opts.store, func(l *graph.Local) error {
		from, err := l.Find(ctx, opts.from)
		if err != nil {
			return err
		}
		to, err := l.Find(ctx, opts.to)
		if err != nil {
			return err
		}
		paths, err = ask.Paths(ctx, l, from, to, opts.maxHops, opts.k, ask.Options{Period: opts.period, Concepts: opts.concepts})
		return err
	})
	if err != nil {
		return err
	}
	if opts.asJSON {
		return writeJSONLines(e.stdout, paths)
	}
	if len(paths) == 0 {
		_, err := fmt.Fprintf(e.stdout, "no connection between %q and %q within %s\n", opts.from, opts.to, hops(opts.maxHops))
		return err
	}
	t := newTable(e.stdout)
	for i, p := range paths {
		names := make([]string, len(p.Entities))
		for j, n := range p.Entities {
			names[j] = n.Name
		}
		if i > 0 {
			t.line("")
		}
		t.line("%d. %s (%s)", i+1, strings.Join(names, " - "), hops(len(p.Hops)))
		if len(p.Hops) == 0 {
			continue
		}
		t.row("hop", "fact", "document", "sentence", "text")
		for h, hop := range p.Hops {
			for j, s := range hop.Facts {
				for k, ev := range s.Evidence {
					hopCell, factCell := "", ""
					if j == 0 && k == 0 {
						hopCell = strconv.Itoa(h + 1)
					}
					if k == 0 {
						factCell = factText(s.Fact)
					}
					text := ev.Text
					if ev.Negated && !s.Negated {
						text = "(denies) " + text
					}
					t.row(hopCell, factCell, ev.Document, strconv.Itoa(ev.SentenceIndex), text)
				}
			}
		}
	}
	return t.flush()
}

func hops(n int) string {
	if n == 1 {
		return "1 hop"
	}
	return strconv.Itoa(n) + " hops"
}
