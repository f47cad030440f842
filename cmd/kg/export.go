package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

type exportOptions struct {
	store  graph.Options
	format string
	focus  string
	depth  int
	out    string
}

func exportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the graph, or the part around one entity, as Graphviz DOT or a rendered SVG",
		Flags: append(storeFlags(),
			&cli.StringFlag{Name: "format", Value: "dot", Usage: "dot, or svg (rendered in-process, no Graphviz needed)"},
			&cli.StringFlag{Name: "focus", Usage: "only the entity named `NAME` and its neighbourhood"},
			&cli.IntFlag{Name: "depth", Value: 1, Usage: "with --focus: how many hops around the entity"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of standard output"},
		),
		Action: func(c *cli.Context) error {
			return runExport(c.Context, e, exportOptions{store: storeOptions(c, false), format: c.String("format"),
				focus: c.String("focus"), depth: c.Int("depth"), out: c.String("output")})
		},
	}
}

func runExport(ctx context.Context, e *env, opts exportOptions) error {
	render, ok := renderers[opts.format]
	if !ok {
		return usageError{fmt.Errorf("unknown format %q: want dot or svg", opts.format)}
	}
	if opts.depth < 0 {
		return usageError{fmt.Errorf("--depth must be 0 or more")}
	}
	s, err := graph.Open(ctx, opts.store)
	if err != nil {
		return err
	}
	defer s.Close()
	sub, err := s.Subgraph(ctx, opts.focus, opts.depth)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := render(ctx, &buf, sub); err != nil {
		return err
	}
	return writeOutput(e.stdout, opts.out, buf.Bytes())
}

// renderers draw a subgraph in each export format.
var renderers = map[string]func(context.Context, io.Writer, *graph.Subgraph) error{
	"dot": func(_ context.Context, w io.Writer, g *graph.Subgraph) error { return graph.WriteDOT(w, g) },
	"svg": graph.RenderSVG,
}

// writeOutput writes b to the file named out, or to w when out is empty or
// "-". A file is written whole or not at all: to a temporary name, then
// renamed.
func writeOutput(w io.Writer, out string, b []byte) error {
	if out == "" || out == "-" {
		_, err := w.Write(b)
		return err
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}
