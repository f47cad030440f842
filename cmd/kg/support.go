package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
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
				return usageError{fmt.Errorf("support: want SUBJECT RELATION OBJECT, got %s", plural(c.NArg(), "argument"))}
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
	if sup.Sentences == 0 {
		// The relation as written ("penalized") may be stored lemmatised
		// ("penalize"): take the stored one it is a form of, or name those
		// that the store has.
		rels, err := relationsBetween(ctx, s, opts.subject, sup.Object)
		if err != nil {
			return err
		}
		var forms []string
		for _, r := range rels {
			if formOf(opts.relation, r) {
				forms = append(forms, r)
			}
		}
		switch {
		case len(forms) == 1:
			fmt.Fprintf(e.stderr, "kg: support: %q read as the stored relation %q\n", opts.relation, forms[0])
			if sup, err = s.Support(ctx, opts.subject, forms[0], opts.object); err != nil {
				return err
			}
		case len(rels) > 0:
			fmt.Fprintf(e.stderr, "kg: support: no sentence states %q; the store relates %s to %s by %s\n",
				opts.relation, sup.Subject, sup.Object, strings.Join(rels, ", "))
		}
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

// plural writes a count and its noun, in the singular for 1: "1 document",
// "2 documents", "3 entities".
func plural[N ~int | ~int64](n N, noun string) string {
	switch {
	case n == 1:
		return "1 " + noun
	case strings.HasSuffix(noun, "y"):
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// relationsBetween returns the names of the stored relations from the entity
// named subject to the one stored as objectName, read through graph.Local,
// sorted.
func relationsBetween(ctx context.Context, s *graph.Store, subject, objectName string) ([]string, error) {
	var rels []string
	err := s.Local(ctx, func(l *graph.Local) error {
		sub, err := l.Find(ctx, subject)
		if err != nil {
			return err
		}
		obj, err := l.Find(ctx, objectName)
		if err != nil {
			return err
		}
		if err := l.LoadAmong(ctx, []string{sub, obj}); err != nil {
			return err
		}
		snap, err := l.Sketch(ctx, graph.Period{}) // the relations' names, not the sentences
		if err != nil {
			return err
		}
		for _, f := range snap.Facts {
			if f.Subject == sub && f.Object == obj && !slices.Contains(rels, f.Relation) {
				rels = append(rels, f.Relation)
			}
		}
		return nil
	})
	slices.Sort(rels)
	return rels, err
}

// formOf reports whether the relation as written is an inflected form of
// the stored (lemmatised) one, word by word: "penalized" of "penalize",
// "was fined by" is not, "denied" of "deny", "banned" of "ban", "ships to"
// of "ship to".
func formOf(written, stored string) bool {
	w, st := strings.Fields(strings.ToLower(written)), strings.Fields(strings.ToLower(stored))
	if len(w) != len(st) {
		return false
	}
	for i, word := range w {
		if !slices.Contains(inflections(st[i]), word) {
			return false
		}
	}
	return true
}

// inflections returns the regular forms of a word: itself, -s, -es, -ed, -d,
// -ing, -ies and -ied for a final y, and a final consonant doubled.
func inflections(word string) []string {
	forms := []string{word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
	if stem, ok := strings.CutSuffix(word, "e"); ok {
		forms = append(forms, stem+"ing")
	}
	if stem, ok := strings.CutSuffix(word, "y"); ok {
		forms = append(forms, stem+"ies", stem+"ied")
	}
	if n := len(word); n > 0 {
		last := word[n-1 : n]
		forms = append(forms, word+last+"ed", word+last+"ing")
	}
	return forms
}
