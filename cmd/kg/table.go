package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// local opens the store, lets read ask its questions of a [graph.Local],
// and closes it.
func local(ctx context.Context, opts graph.Options, read func(l *graph.Local) error) error {
	s, err := graph.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Local(ctx, read); err != nil {
		return err
	}
	return s.Close()
}

// conceptsFlag asks an analysis to count the common-noun concepts as well
// as the named entities (issue 12's node policy).
var conceptsFlag = &cli.BoolFlag{Name: "concepts", Usage: "count common-noun concepts (type CONCEPT) too, not only named entities"}

// within returns the snapshot's facts of the period, each sentence dated by
// its own time or else by its document's date.
func within(ctx context.Context, s *graph.Store, snap *schema.Snapshot, period graph.Period) (*schema.Snapshot, error) {
	if period.Open() {
		return snap, nil
	}
	docs, err := s.Documents(ctx)
	if err != nil {
		return nil, err
	}
	dates := make(map[string]string, len(docs))
	for _, d := range docs {
		dates[d.Name] = d.Date
	}
	return graph.Within(snap, period, func(doc string) string { return dates[doc] }), nil
}

// periodFlags bound the facts an analysis reads in time.
func periodFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "since", Usage: "only facts from this day, month or year on (2018-05-14, 2018-05, 2018): when the sentence says, else its document's date"},
		&cli.StringFlag{Name: "until", Usage: "only facts up to this day, month or year (inclusive)"},
	}
}

// periodOf reads --since and --until; a bad one is the user's mistake.
func periodOf(c *cli.Context) (graph.Period, error) {
	p, err := graph.ParsePeriod(c.String("since"), c.String("until"))
	if err != nil {
		return p, usageError{err}
	}
	return p, nil
}

// table writes rows of cells aligned in columns, as the listings of kg
// print them on a terminal. Cells are kept on one line; a row with no cells
// is a line of its own (a title), which ends the columns above it.
type table struct{ tw *tabwriter.Writer }

func newTable(w io.Writer) *table { return &table{tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)} }

// row writes one row; the last cell may be as long as it likes.
func (t *table) row(cells ...string) {
	for i, c := range cells {
		cells[i] = oneLine(c)
	}
	fmt.Fprintln(t.tw, strings.Join(cells, "\t"))
}

// line writes a line outside the columns.
func (t *table) line(format string, args ...any) {
	fmt.Fprintln(t.tw, oneLine(fmt.Sprintf(format, args...)))
}

func (t *table) flush() error { return t.tw.Flush() }

// factText writes a fact as "subject -[relation]-> object", "not" before a
// relation that all its evidence denies.
func factText(f analyze.Fact) string {
	rel := f.Relation
	if f.Negated {
		rel = "not " + rel
	}
	return fmt.Sprintf("%s -[%s]-> %s", f.Subject, rel, f.Object)
}

// denied says how much of a fact's evidence denies it: "", "yes" (all of
// it) or "1 of 3".
func denied(f analyze.Fact) string {
	switch {
	case f.Denials == 0:
		return ""
	case f.Denials == len(f.Evidence):
		return "yes"
	}
	return fmt.Sprintf("%d of %d", f.Denials, len(f.Evidence))
}

func confidence(c float64) string { return strconv.FormatFloat(c, 'f', 2, 64) }

// typeOrDash keeps an empty type's column visible.
func typeOrDash(t string) string {
	if t == "" {
		return "-"
	}
	return t
}
