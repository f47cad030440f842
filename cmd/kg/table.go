package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
)

// analysis opens the store, reads its whole fact graph and closes it: the
// analysis commands then work in memory.
func analysis(ctx context.Context, opts graph.Options) (*analyze.Graph, error) {
	s, err := graph.Open(ctx, opts)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	snap, err := s.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.Close(); err != nil {
		return nil, err
	}
	return analyze.New(snap), nil
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
