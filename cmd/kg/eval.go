package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/carb"
	"github.com/kgraph/kg/extract"
)

type evalOptions struct {
	gold    string
	graph   string // a directory of stories and their gold graphs: score the graph, not tuples
	verbose bool   // with graph: each node and edge, right, wrong or missed
	pred    string // empty: run the extractor on the gold's sentences
	asJSON  bool
	parse   bool // the clause rules over the parser's trees
}

func evalCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "eval",
		Usage:     "score extractions against CaRB-style gold tuples (kg's own, or a file of predictions), or the graph against gold graphs",
		ArgsUsage: "[PRED.tsv]",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "gold", Usage: "gold tuples: `FILE` of sentence<TAB>relation<TAB>arg1<TAB>arg2..."},
			&cli.StringFlag{Name: "graph", Usage: "score the graph built from each story `DIR`/NAME.txt against its gold graph NAME.gold"},
			&cli.BoolFlag{Name: "json", Usage: "print JSON"},
			&cli.BoolFlag{Name: "parse", Usage: "score the clause rules over the parser's trees (see kg extract --parse)"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "with --graph: list each node and edge, right, wrong or missed"},
		},
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 1 {
				return usageError{fmt.Errorf("want at most one predictions file")}
			}
			if c.String("graph") != "" {
				if c.String("gold") != "" || c.Args().Len() > 0 {
					return usageError{fmt.Errorf("eval: --graph takes no --gold and no predictions file")}
				}
				return runEvalGraph(c.Context, e, evalOptions{graph: c.String("graph"), asJSON: c.Bool("json"), verbose: c.Bool("verbose"), parse: c.Bool("parse")})
			}
			if c.String("gold") == "" {
				// Checked here, not by cli's Required, whose error is no usage error.
				return usageError{fmt.Errorf("eval: --gold FILE or --graph DIR is required")}
			}
			return runEval(c.Context, e, evalOptions{gold: c.String("gold"), pred: c.Args().First(), asJSON: c.Bool("json"), parse: c.Bool("parse")})
		},
	}
}

// evalResult is both of CaRB's scores: the default (many-to-one) match and
// the one-to-one variant.
type evalResult struct {
	Default  carb.Score `json:"default"`
	OneToOne carb.Score `json:"one_to_one"`
}

func runEval(ctx context.Context, e *env, opts evalOptions) error {
	gold, err := readGold(opts.gold)
	if err != nil {
		return err
	}
	var preds *carb.Predictions
	if opts.pred != "" {
		f, err := os.Open(opts.pred)
		if err != nil {
			return usageError{err}
		}
		defer f.Close()
		if preds, err = carb.ReadPredictions(f, opts.pred); err != nil {
			return usageError{err}
		}
	} else {
		m, err := e.model()
		if err != nil {
			return err
		}
		if preds, err = predict(ctx, m, gold.SentenceTexts(), extract.Options{Lines: true, Parse: opts.parse}); err != nil {
			return err
		}
	}
	r := evalResult{Default: carb.Evaluate(gold, preds, carb.Options{}), OneToOne: carb.Evaluate(gold, preds, carb.Options{OneToOne: true})}
	r.Default.Curve, r.OneToOne.Curve = nil, nil
	if opts.asJSON {
		return json.NewEncoder(e.stdout).Encode(r)
	}
	_, err = fmt.Fprintf(e.stdout, "%-10s %9s %7s %7s %7s\n%-10s %9.4f %7.4f %7.4f %7.4f\n%-10s %9.4f %7.4f %7.4f %7.4f\n",
		"", "precision", "recall", "f1", "auc",
		"carb", r.Default.Precision, r.Default.Recall, r.Default.F1, r.Default.AUC,
		"carb(1-1)", r.OneToOne.Precision, r.OneToOne.Recall, r.OneToOne.F1, r.OneToOne.AUC)
	return err
}

func readGold(path string) (*carb.Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError{err}
	}
	defer f.Close()
	g, err := carb.ReadGold(f, path)
	if err != nil {
		return nil, usageError{err}
	}
	return g, nil
}

// predict runs the extractor on each sentence, as `kg extract --lines
// --format carb` would.
func predict(ctx context.Context, m *extract.Model, sentences []string, opts extract.Options) (*carb.Predictions, error) {
	preds := &carb.Predictions{}
	for _, s := range sentences {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, f := range m.Facts("gold", strings.ReplaceAll(s, "\n", " "), opts) {
			if !carb.Scored(f) {
				continue
			}
			if err := preds.Add(s, carb.FromFact(f)); err != nil {
				return nil, err
			}
		}
	}
	return preds, nil
}
