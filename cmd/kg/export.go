package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/export"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

type exportOptions struct {
	store  graph.Options
	format string
	sel    graph.SubgraphOptions
	out    string
	nodes  string // csv: where to write the nodes table too
	// path, when set, names two entities: only the connections between
	// them are exported (see kg path).
	path       string
	maxHops, k int
}

func exportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name: "export",
		Usage: "write the graph, or a part of it, for Graphviz (dot, svg, png), Gephi (graphml, gexf, csv), " +
			"Cayley and kg (nquads) or programs (jsonl, csv)",
		Flags: append(append(storeFlags(), periodFlags()...),
			&cli.StringFlag{Name: "format", Value: "dot", Usage: "one of " + strings.Join(exportFormats(), ", ")},
			&cli.StringFlag{Name: "focus", Usage: "only the entity named `NAME` and its neighbourhood"},
			&cli.IntFlag{Name: "depth", Value: 1, Usage: "with --focus: how many facts away from the entity to go"},
			&cli.StringSliceFlag{Name: "relation", Usage: "only facts of the relation `R`, as stored (\"penalize\"); repeat it or separate with commas"},
			&cli.StringSliceFlag{Name: "type", Usage: "only entities of the type `T` (ORG, PERSON, GPE ...); repeat it or separate with commas"},
			&cli.Float64Flag{Name: "min-confidence", Usage: "only facts whose best evidence has a confidence of at least `C`, 0 to 1"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output"},
			&cli.StringFlag{Name: "nodes", Usage: "with --format csv: also write the entities to `FILE`, a nodes table for Gephi"},
			&cli.StringFlag{Name: "path", Usage: "only the shortest connections between two entities, `A,B` (as kg path finds them)"},
			&cli.IntFlag{Name: "max-hops", Value: 4, Usage: "with --path: the longest connection to look for, in facts"},
			&cli.IntFlag{Name: "k", Value: 3, Usage: "with --path: how many of the shortest connections to keep"},
		),
		Action: func(c *cli.Context) error {
			period, err := periodOf(c)
			if err != nil {
				return err
			}
			return runExport(c.Context, e, exportOptions{
				store: readStoreOptions(c), format: c.String("format"),
				sel: graph.SubgraphOptions{Focus: c.String("focus"), Depth: c.Int("depth"),
					Relations: trimmed(c.StringSlice("relation")), Types: trimmed(c.StringSlice("type")),
					MinConfidence: c.Float64("min-confidence"), Period: period},
				out: c.String("output"), nodes: c.String("nodes"),
				path: c.String("path"), maxHops: c.Int("max-hops"), k: c.Int("k"),
			})
		},
	}
}

// trimmed returns the values without spaces around them, and without the
// empty ones.
func trimmed(vals []string) []string {
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// renderers draw a subgraph in each export format but N-Quads, which come
// from the store's quads.
var renderers = map[string]func(context.Context, io.Writer, *schema.Subgraph) error{
	"dot":     func(_ context.Context, w io.Writer, g *schema.Subgraph) error { return export.WriteDOT(w, g) },
	"svg":     export.RenderSVG,
	"png":     export.RenderPNG,
	"graphml": func(_ context.Context, w io.Writer, g *schema.Subgraph) error { return export.WriteGraphML(w, g) },
	"gexf":    func(_ context.Context, w io.Writer, g *schema.Subgraph) error { return export.WriteGEXF(w, g) },
	"jsonl":   func(_ context.Context, w io.Writer, g *schema.Subgraph) error { return export.WriteJSONL(w, g) },
	"csv":     func(_ context.Context, w io.Writer, g *schema.Subgraph) error { return export.WriteCSV(w, g) },
}

// exportFormats lists the formats of kg export in the order the help gives
// them.
func exportFormats() []string {
	return []string{"dot", "svg", "png", "graphml", "gexf", "nquads", "jsonl", "csv"}
}

func runExport(ctx context.Context, e *env, opts exportOptions) error {
	if !slices.Contains(exportFormats(), opts.format) {
		return usageError{fmt.Errorf("unknown format %q: want one of %s", opts.format, strings.Join(exportFormats(), ", "))}
	}
	switch c := opts.sel.MinConfidence; {
	case opts.sel.Depth < 0:
		return usageError{fmt.Errorf("--depth %d: want 0 or more", opts.sel.Depth)}
	case math.IsNaN(c) || c < 0 || c > 1:
		return usageError{fmt.Errorf("--min-confidence %v: want a number from 0 to 1", c)}
	case opts.nodes != "" && opts.format != "csv":
		return usageError{fmt.Errorf("--nodes goes with --format csv, not %s", opts.format)}
	case opts.path != "" && opts.sel.Focus != "":
		return usageError{fmt.Errorf("--path and --focus: choose one")}
	case opts.path != "" && (opts.maxHops < 1 || opts.k < 1):
		return usageError{fmt.Errorf("--max-hops %d, -k %d: want 1 or more", opts.maxHops, opts.k)}
	}
	var ends []string
	if opts.path != "" {
		ends = strings.Split(opts.path, ",")
		if len(ends) != 2 || strings.TrimSpace(ends[0]) == "" || strings.TrimSpace(ends[1]) == "" {
			return usageError{fmt.Errorf("--path %q: want two entity names separated by a comma, A,B", opts.path)}
		}
	}
	s, err := graph.Open(ctx, opts.store)
	if err != nil {
		return err
	}
	defer s.Close()
	if ends != nil {
		if err := selectPaths(ctx, e, s, &opts, strings.TrimSpace(ends[0]), strings.TrimSpace(ends[1])); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if opts.format == "nquads" {
		if err := s.ExportNQuads(ctx, &buf, opts.sel); err != nil {
			return err
		}
		return writeOutputs(e.stdout, output{opts.out, buf.Bytes()})
	}
	sub, err := s.Select(ctx, opts.sel)
	if err != nil {
		return err
	}
	if err := renderers[opts.format](ctx, &buf, sub); err != nil {
		return err
	}
	outs := []output{{opts.out, buf.Bytes()}}
	if opts.nodes != "" {
		var nodes bytes.Buffer
		if err := export.WriteNodesCSV(&nodes, sub); err != nil {
			return err
		}
		outs = append(outs, output{opts.nodes, nodes.Bytes()})
	}
	return writeOutputs(e.stdout, outs...)
}

// selectPaths narrows the selection to the k shortest connections between
// two entities, found as kg path finds them (the other filters still
// apply). No connection is an answer: the export is an empty graph, and
// standard error says so.
func selectPaths(ctx context.Context, e *env, s *graph.Store, opts *exportOptions, a, b string) error {
	snap, err := s.Snapshot(ctx)
	if err != nil {
		return err
	}
	if snap, err = within(ctx, s, snap, opts.sel.Period); err != nil {
		return err
	}
	g := analyze.New(snap)
	paths, err := g.Paths(a, b, opts.maxHops, opts.k)
	if err != nil {
		return err
	}
	nodes, facts := []string{}, []graph.FactKey{}
	seen := make(map[string]bool)
	for _, p := range paths {
		for _, n := range p.Entities {
			if !seen[n.ID] {
				seen[n.ID] = true
				nodes = append(nodes, n.ID)
			}
		}
		for _, h := range p.Hops {
			for _, f := range h.Facts {
				facts = append(facts, graph.FactKey{From: f.SubjectID, RelationID: schema.RelationID(f.Relation), To: f.ObjectID})
			}
		}
	}
	if len(paths) == 0 {
		fmt.Fprintf(e.stderr, "kg: no connection between %s and %s within %s\n", a, b, plural(opts.maxHops, "hop"))
	}
	opts.sel.Nodes, opts.sel.Facts = nodes, facts
	return nil
}
