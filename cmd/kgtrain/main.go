// Command kgtrain trains kg's tagger and dependency parser on Universal
// Dependencies English EWT and writes the model that kg embeds:
//
//	go run ./cmd/kgtrain -ud ../shared/data/ud-ewt -o parse/model/ewt.kgp
//
// With -keep-parser FILE it trains the tagger alone and keeps FILE's
// parser, whose trees the extractor's rules are fitted to.
//
// It prints the model's scores on the dev and test splits.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/kgraph/kg/parse"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "kgtrain:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	ud := flag.String("ud", "../shared/data/ud-ewt", "directory of the EWT treebank (en_ewt-ud-{train,dev,test}.conllu.gz)")
	out := flag.String("o", "parse/model/ewt.kgp", "model file to write")
	var opts parse.TrainOptions
	flag.IntVar(&opts.TagEpochs, "tag-epochs", 0, "tagger epochs (0: the default)")
	flag.IntVar(&opts.ParseEpochs, "parse-epochs", 0, "parser epochs (0: the default)")
	flag.IntVar(&opts.Folds, "folds", 0, "jackknife folds for the parser's training tags (0: the default)")
	flag.IntVar(&opts.MinCount, "min-count", 0, "drop features seen fewer times in the first pass (0: the default)")
	flag.BoolVar(&opts.ProjectiveOnly, "projective", false, "train the parser on projective trees only")
	flag.Float64Var(&opts.Explore, "explore", 0, "dynamic oracle exploration (0: the default)")
	watch := flag.Bool("watch-dev", false, "score every parser epoch on the dev split")
	keep := flag.String("keep-parser", "", "train the tagger only, keeping the parser of this model file")
	flag.Parse()
	start := time.Now()
	opts.Log = func(format string, a ...any) {
		fmt.Fprintf(os.Stderr, "%6.1fs  %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, a...))
	}
	split := func(name string) ([]parse.Sentence, error) {
		return parse.ReadFile(filepath.Join(*ud, "en_ewt-ud-"+name+".conllu.gz"))
	}
	train, err := split("train")
	if err != nil {
		return err
	}
	if *watch {
		if opts.Dev, err = split("dev"); err != nil {
			return err
		}
	}
	if *keep != "" {
		f, err := os.Open(*keep)
		if err != nil {
			return err
		}
		opts.Parser, err = parse.Read(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *keep, err)
		}
	}
	m, err := parse.Train(ctx, train, opts)
	if err != nil {
		return err
	}
	tmp := *out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := m.Write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, *out); err != nil {
		return err
	}
	opts.Log("wrote %s", *out)
	for _, name := range []string{"dev", "test"} {
		gold, err := split(name)
		if err != nil {
			return err
		}
		fmt.Printf("%-4s predicted tags: %s\n", name, m.Evaluate(gold, false))
		fmt.Printf("%-4s gold tags:      %s\n", name, m.Evaluate(gold, true))
	}
	return nil
}
