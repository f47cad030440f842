package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/gold"
	"github.com/kgraph/kg/resolve"
)

// graphScore is one story's score, or all stories' (Story "all").
type graphScore struct {
	Story string   `json:"story"`
	Lines []string `json:"lines,omitempty"` // with --verbose: each node and edge, right, wrong or missed
	gold.Counts
	gold.Figures
}

// runEvalGraph builds the graph of each story in a directory as kg build
// would (extraction, then resolution) and scores it against the story's gold
// graph: every NAME.gold with its NAME.txt.
func runEvalGraph(ctx context.Context, e *env, opts evalOptions) error {
	scores, err := scoreGraphs(ctx, e, opts.graph, opts.verbose, extract.Options{Parse: opts.parse})
	if err != nil {
		return err
	}
	if opts.asJSON {
		enc := json.NewEncoder(e.stdout)
		for _, s := range scores {
			if err := enc.Encode(s); err != nil {
				return err
			}
		}
		return nil
	}
	if opts.verbose {
		for _, s := range scores {
			for _, l := range s.Lines {
				if _, err := fmt.Fprintf(e.stdout, "%s  %s\n", s.Story, l); err != nil {
					return err
				}
			}
		}
	}
	t := newTable(e.stdout)
	t.row("story", "nodes", "node P", "node R", "named P", "named R", "typing", "edges", "edge P", "edge R")
	for _, s := range scores {
		t.row(s.Story, fmt.Sprint(s.Nodes), f3(s.NodePrecision), f3(s.NodeRecall), f3(s.NamedPrecision), f3(s.NamedRecall),
			f3(s.Typing), fmt.Sprint(s.Edges), f3(s.EdgePrecision), f3(s.EdgeRecall))
	}
	return t.flush()
}

func f3(x float64) string { return fmt.Sprintf("%.3f", x) }

// scoreGraphs scores each story of dir, in name order, and all of them
// together last.
func scoreGraphs(ctx context.Context, e *env, dir string, verbose bool, xopts extract.Options) ([]graphScore, error) {
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold"))
	if err != nil {
		return nil, usageError{err}
	}
	if len(golds) == 0 {
		return nil, usageError{fmt.Errorf("eval: no gold graphs (*.gold) in %s", dir)}
	}
	slices.Sort(golds)
	m, err := e.model()
	if err != nil {
		return nil, err
	}
	var out []graphScore
	var all gold.Counts
	for _, path := range golds {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		g, err := readGoldGraph(path)
		if err != nil {
			return nil, err
		}
		story := strings.TrimSuffix(path, ".gold") + ".txt"
		text, err := os.ReadFile(story)
		if err != nil {
			return nil, usageError{fmt.Errorf("eval: the story of %s: %w", path, err)}
		}
		facts := m.Facts(story, string(text), xopts)
		facts = resolve.Document(facts, resolve.Options{})
		c, lines := g.Compare(facts)
		if !verbose {
			lines = nil
		}
		all.Add(c)
		out = append(out, graphScore{Story: strings.TrimSuffix(filepath.Base(path), ".gold"), Lines: lines, Counts: c, Figures: c.Figures()})
	}
	out = append(out, graphScore{Story: "all", Counts: all, Figures: all.Figures()})
	return out, nil
}

func readGoldGraph(path string) (*gold.Graph, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError{err}
	}
	defer f.Close()
	g, err := gold.Read(f, path)
	if err != nil {
		return nil, usageError{err}
	}
	return g, nil
}
