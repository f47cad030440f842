package parse

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/sync/errgroup"
)

// TrainOptions tune Train. Zero values take the defaults noted.
type TrainOptions struct {
	TagEpochs      int     // tagger passes over the data (default 8)
	ParseEpochs    int     // parser passes (default 15)
	Folds          int     // jackknife folds for the parser's training tags (default 5; 1 trains on gold tags)
	RelabelEpochs  int     // relabeller passes (default 8)
	ProjectiveOnly bool    // train the parser on projective trees only
	Explore        float64 // dynamic oracle: chance of following a wrong prediction (default 0.7)
	Seed           uint64
	Workers        int                           // folds trained at once (default 2)
	MinCount       int                           // features seen fewer times in the first pass are dropped (default 2)
	Log            func(format string, a ...any) // progress, or nil
	Dev            []Sentence                    // when set, each parser epoch is scored on it (slower)
	// Parser, when set, is a model whose parser is kept: only the tagger
	// is trained. The extractor's tree rules are fitted to the parser they
	// read, so a better tagger need not change the trees they see.
	Parser *Model
}

func (o *TrainOptions) defaults() {
	if o.TagEpochs == 0 {
		o.TagEpochs = 8
	}
	if o.ParseEpochs == 0 {
		o.ParseEpochs = 15
	}
	if o.RelabelEpochs == 0 {
		o.RelabelEpochs = 8
	}
	if o.Folds == 0 {
		o.Folds = 5
	}
	if o.Explore == 0 {
		o.Explore = 0.7
	}
	if o.MinCount == 0 {
		o.MinCount = 2
	}
	if o.Workers == 0 {
		o.Workers = 2
	}
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
}

// Train trains a tagger and a parser on sentences with gold tags, heads and
// relations. The parser learns from the tags the tagger gives (each fold
// tagged by a tagger that did not see it), as it will meet them.
func Train(ctx context.Context, sents []Sentence, opts TrainOptions) (*Model, error) {
	opts.defaults()
	for i, s := range sents {
		for j, w := range s.Words {
			if w.Head < 0 || w.Rel == "" || w.XPOS == "" {
				return nil, fmt.Errorf("sentence %d word %d: training needs a head, a relation and a tag", i+1, j+1)
			}
		}
	}
	if opts.Parser != nil {
		t := trainStacked(sents, opts.TagEpochs, opts.Seed, int32(opts.MinCount), max(opts.Folds, 2))
		opts.Log("tagger trained; parser kept")
		return &Model{tagger: t, parser: opts.Parser.parser}, nil
	}
	tagged := make([]Sentence, len(sents))
	for i, s := range sents {
		tagged[i] = Sentence{Words: append([]Word(nil), s.Words...)}
	}
	if opts.Folds > 1 {
		g, ctx := errgroup.WithContext(ctx)
		g.SetLimit(opts.Workers)
		for f := 0; f < opts.Folds; f++ {
			g.Go(func() error {
				if err := ctx.Err(); err != nil {
					return err
				}
				var rest []Sentence
				for i, s := range sents {
					if i%opts.Folds != f {
						rest = append(rest, s)
					}
				}
				t := trainStacked(rest, opts.TagEpochs, opts.Seed+uint64(f), int32(opts.MinCount), opts.Folds)
				m := &Model{tagger: t}
				for i := f; i < len(tagged); i += opts.Folds {
					m.Tag(tagged[i].Words)
				}
				opts.Log("jackknife fold %d/%d tagged", f+1, opts.Folds)
				return nil
			})
		}
		if err := g.Wait(); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t := trainStacked(sents, opts.TagEpochs, opts.Seed, int32(opts.MinCount), max(opts.Folds, 2))
	f, w := t.model.(*table).stats()
	opts.Log("tagger trained: %d features, %d weights", f, w)
	p := trainParser(tagged, trainOptions{epochs: opts.ParseEpochs, explore: opts.Explore, seed: opts.Seed, minCount: int32(opts.MinCount), projectiveOnly: opts.ProjectiveOnly,
		progress: func(e int, acc float64, snap *parser) {
			if opts.Dev == nil {
				opts.Log("parser epoch %d: %.4f of transitions right", e, acc)
				return
			}
			opts.Log("parser epoch %d: %.4f of transitions right; dev %s", e, acc, (&Model{tagger: t, parser: newParser(snap.labels, snap.arcs, snap.lab, nil)}).Evaluate(opts.Dev, false))
		}})
	p.rel = trainRelabel(p, tagged, opts.RelabelEpochs, opts.Seed, int32(opts.MinCount))
	rf, rw := p.rel.(*table).stats()
	opts.Log("relabeller trained: %d features, %d weights", rf, rw)
	af, aw := p.arcs.(*table).stats()
	lf, lw := p.lab.(*table).stats()
	opts.Log("parser trained: arcs %d features, %d weights; labels %d features, %d weights", af, aw, lf, lw)
	return &Model{tagger: t, parser: p}, nil
}

// ReadFile reads a CoNLL-U file, gzip-compressed when its name ends in .gz.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer z.Close()
		r = z
	}
	var out []Sentence
	err = ReadCoNLLU(r, path, func(s Sentence) error {
		out = append(out, s)
		return nil
	})
	return out, err
}

// Scores are a model's accuracies against gold trees, every word counted
// (punctuation too, as in the CoNLL 2018 shared task).
type Scores struct {
	Words   int
	UPOS    float64
	XPOS    float64
	UAS     float64
	LAS     float64 // relations without their subtype, as CoNLL 2018 scores them
	LASFull float64 // relations with their subtype (nsubj:pass)
}

func (s Scores) String() string {
	return fmt.Sprintf("words %d  UPOS %.4f  XPOS %.4f  UAS %.4f  LAS %.4f  LAS(subtypes) %.4f",
		s.Words, s.UPOS, s.XPOS, s.UAS, s.LAS, s.LASFull)
}

// Evaluate analyses gold's words afresh (from their forms alone, or with
// gold tags when goldTags is set) and scores the result.
func (m *Model) Evaluate(gold []Sentence, goldTags bool) Scores {
	var n, upos, xpos, uas, las, lasFull int
	words := []Word{}
	for _, s := range gold {
		words = words[:0]
		for _, w := range s.Words {
			nw := Word{Form: w.Form}
			if goldTags {
				nw.XPOS, nw.UPOS = w.XPOS, w.UPOS
			}
			words = append(words, nw)
		}
		if goldTags {
			m.Parse(words)
		} else {
			m.Analyze(words)
		}
		for i, w := range s.Words {
			got := words[i]
			n++
			if got.UPOS == w.UPOS {
				upos++
			}
			if got.XPOS == w.XPOS {
				xpos++
			}
			if got.Head == w.Head {
				uas++
				if universal(got.Rel) == universal(w.Rel) {
					las++
				}
				if got.Rel == w.Rel {
					lasFull++
				}
			}
		}
	}
	f := func(k int) float64 { return float64(k) / float64(max(n, 1)) }
	return Scores{Words: n, UPOS: f(upos), XPOS: f(xpos), UAS: f(uas), LAS: f(las), LASFull: f(lasFull)}
}

func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
