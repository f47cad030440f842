package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

type supportOptions struct {
	store                     graph.Options
	subject, relation, object string
	asJSON                    bool
}

func supportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "support",
		Usage:     "show every sentence that states or denies one fact: the evidence an analyst cites",
		ArgsUsage: "SUBJECT RELATION OBJECT",
		Flags: append(storeFlags(),
			&cli.BoolFlag{Name: "json", Usage: "print the ledger as one JSON object"}),
		Action: func(c *cli.Context) error {
			if c.NArg() != 3 {
				return usageError{fmt.Errorf("support: want SUBJECT RELATION OBJECT, got %d arguments", c.NArg())}
			}
			return runSupport(c.Context, e, supportOptions{store: readStoreOptions(c),
				subject: c.Args().Get(0), relation: c.Args().Get(1), object: c.Args().Get(2), asJSON: c.Bool("json")})
		},
	}
}

// runSupport prints a fact's evidence ledger: how many sentences and
// documents state it, how many deny it, and each sentence with where it
// stands. A fact no sentence states is an answer, not an error; an unknown
// entity is an error.
func runSupport(ctx context.Context, e *env, opts supportOptions) error {
	s, err := graph.Open(ctx, opts.store)
	if err != nil {
		return err
	}
	defer s.Close()
	sup, err := s.Support(ctx, opts.subject, opts.relation, opts.object)
	if err != nil {
		return err
	}
	if opts.asJSON {
		if err := writeJSON(e.stdout, sup); err != nil {
			return err
		}
		return s.Close()
	}
	fmt.Fprintf(e.stdout, "%s - %s - %s: %s in %s (%d asserted, %d negated)\n", sup.Subject, sup.Relation, sup.Object,
		plural(sup.Sentences, "sentence"), plural(sup.Documents, "document"), sup.Asserted, sup.Negated)
	if len(sup.Evidence) > 0 {
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "document\tsentence\tnegated\tconfidence\ttext")
		for _, ev := range sup.Evidence {
			fmt.Fprintf(tw, "%s\t%d\t%t\t%.2f\t%s\n", oneLine(ev.Document), ev.SentenceIndex, ev.Negated, ev.Confidence, oneLine(ev.Text))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return s.Close()
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
