package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/carb"
	"github.com/kgraph/kg/schema"
)

// The extractor's scores on the CaRB dev split, as last recorded. The test
// fails when a change scores lower: raise them when you improve the
// extractor, never lower them to make a change pass.
// The clause rules over the parser's trees have floors of their own while
// they live beside the chunk rules.
const (
	carbBaselineF1  = 0.5200
	carbBaselineAUC = 0.355

	carbTreeF1        = 0.546
	carbTreeAUC       = 0.382
	carbTreePrecision = 0.696
)

const carbGoldPath = "../../shared/data/carb/gold/dev.tsv"

// carbGold reads CaRB's dev gold; it skips the test when ../shared is
// absent.
func carbGold(t *testing.T) *carb.Gold {
	t.Helper()
	f, err := os.Open(carbGoldPath)
	if os.IsNotExist(err) {
		t.Skipf("no CaRB gold at %s", filepath.Clean(carbGoldPath))
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := carb.ReadGold(f, carbGoldPath)
	if err != nil {
		t.Fatal(err)
	}
	return gold
}

// TestCaRBFloor scores the extractor on CaRB's dev split, in the style of
// prose's treebank test. It skips when ../shared is absent.
func TestCaRBFloor(t *testing.T) {
	gold := carbGold(t)
	m := model(t)
	t.Run("chunks", func(t *testing.T) {
		score := scoreCaRB(t, m, gold, Options{Lines: true})
		if score.F1 < carbBaselineF1 {
			t.Errorf("CaRB F1 %.4f is below the recorded baseline %.3f", score.F1, carbBaselineF1)
		}
		if score.AUC < carbBaselineAUC {
			t.Errorf("CaRB AUC %.4f is below the recorded baseline %.3f", score.AUC, carbBaselineAUC)
		}
	})
	t.Run("trees", func(t *testing.T) {
		score := scoreCaRB(t, m, gold, Options{Lines: true, Parse: true})
		if score.F1 < carbTreeF1 || score.AUC < carbTreeAUC || score.Precision < carbTreePrecision {
			t.Errorf("CaRB P %.4f F1 %.4f AUC %.4f: below the recorded %.3f, %.3f, %.3f",
				score.Precision, score.F1, score.AUC, carbTreePrecision, carbTreeF1, carbTreeAUC)
		}
	})
}

// scoreCaRB scores the extractor with opts on CaRB's gold and checks that
// its confidence ranks.
func scoreCaRB(t *testing.T, m *Model, gold *carb.Gold, opts Options) carb.Score {
	t.Helper()
	// preds as the extractor gives them; flat, the same extractions with one
	// confidence, which is what a confidence that ranks nothing would score.
	preds, flat := &carb.Predictions{}, &carb.Predictions{}
	for _, s := range gold.SentenceTexts() {
		for _, fact := range m.Facts("carb", s, opts) {
			if !carb.Scored(fact) {
				continue
			}
			tuple := carb.FromFact(fact)
			if err := preds.Add(s, tuple); err != nil {
				t.Fatal(err)
			}
			tuple.Confidence = 1
			if err := flat.Add(s, tuple); err != nil {
				t.Fatal(err)
			}
		}
	}
	score := carb.Evaluate(gold, preds, carb.Options{})
	one := carb.Evaluate(gold, preds, carb.Options{OneToOne: true})
	constant := carb.Evaluate(gold, flat, carb.Options{})
	t.Logf("CaRB dev: P %.4f R %.4f F1 %.4f AUC %.4f (one confidence for all: AUC %.4f); one-to-one F1 %.4f AUC %.4f",
		score.Precision, score.Recall, score.F1, score.AUC, constant.AUC, one.F1, one.AUC)
	// The confidence must rank: the same extractions all given one
	// confidence score R*(1+P)/2, and the extractor's ranking must beat that.
	if score.AUC <= constant.AUC {
		t.Errorf("CaRB AUC %.4f is not above %.4f, the AUC of the same extractions with one confidence", score.AUC, constant.AUC)
	}
	return score
}

// TestSentenceConfidence checks how a sentence's facts adjust each other's
// scores before they fall into bands: a fact that repeats most of an earlier
// one's words drops, a fact that covers other words does not.
func TestSentenceConfidence(t *testing.T) {
	// "The Treasury and the Commerce Department opposed the merger in May":
	// tokens 0-1 and 3-5 the subjects, 6 the verb, 7-8 the object, 9-10 a time.
	at := func(subj, rel, obj chunk, derived bool) rawFact {
		return rawFact{
			subject: mention{c: subj}, object: mention{c: obj},
			relFirst: rel.start, relLast: rel.end - 1, derived: derived,
			quals: quals{spans: []span{{9, 11}}},
		}
	}
	treasury, commerce := chunk{start: 0, end: 2}, chunk{start: 3, end: 6}
	verb, merger := chunk{start: 6, end: 7}, chunk{start: 7, end: 9}
	tests := []struct {
		name   string
		raw    []rawFact
		scores []float64
		want   []float64
	}{
		{"bands", []rawFact{at(treasury, verb, merger, false)}, []float64{0.55}, []float64{highConfidence}},
		{"medium", []rawFact{at(treasury, verb, merger, false)}, []float64{0.54}, []float64{mediumConfidence}},
		{"low", []rawFact{at(treasury, verb, merger, false)}, []float64{0.09}, []float64{lowConfidence}},
		// Commerce shares the verb, the object and the time: 5 of its 8
		// words, below the 70% that make a repeat.
		{"a conjunct with words of its own", []rawFact{at(treasury, verb, merger, false), at(commerce, verb, merger, false)},
			[]float64{0.7, 0.7}, []float64{highConfidence, highConfidence}},
		{"a repeat", []rawFact{at(commerce, verb, merger, false), at(commerce, verb, chunk{start: 8, end: 9}, false)},
			[]float64{0.7, 0.7}, []float64{highConfidence, mediumConfidence}},
		// Each earlier fact read from the text costs 0.03; a derived one costs nothing.
		{"rank", []rawFact{at(commerce, verb, merger, false), at(treasury, chunk{start: 2, end: 3}, chunk{start: 11, end: 12}, false)},
			[]float64{0.7, 0.57}, []float64{highConfidence, mediumConfidence}},
		// A derived fact re-reads another's words by design and keeps its score.
		{"a derived repeat", []rawFact{at(commerce, verb, merger, false), at(commerce, verb, chunk{start: 8, end: 9}, true)},
			[]float64{0.7, 0.7}, []float64{highConfidence, highConfidence}},
		{"rank after a derived fact", []rawFact{at(commerce, verb, merger, true), at(treasury, chunk{start: 2, end: 3}, chunk{start: 11, end: 12}, false)},
			[]float64{0.7, 0.57}, []float64{highConfidence, highConfidence}},
	}
	for _, tt := range tests {
		facts := make([]schema.Fact, len(tt.scores))
		for i, s := range tt.scores {
			facts[i].Confidence = s
		}
		sentenceConfidence(facts, tt.raw, 12)
		for i, f := range facts {
			if f.Confidence != tt.want[i] {
				t.Errorf("%s: fact %d has confidence %v, want %v", tt.name, i, f.Confidence, tt.want[i])
			}
		}
	}
}

// TestConfidenceFeatures reports what each of confidence's named features
// is worth on CaRB's dev split: the AUC with the feature left out, against
// the AUC with all of them. A feature whose absence scores clearly better
// has no place among them. It skips when ../shared is absent.
func TestConfidenceFeatures(t *testing.T) {
	gold := carbGold(t)
	m := model(t)
	auc := func(off map[string]bool) float64 {
		m2 := *m
		m2.confOff = off
		preds := &carb.Predictions{}
		for _, s := range gold.SentenceTexts() {
			for _, fact := range m2.Facts("carb", s, Options{Lines: true}) {
				if carb.Scored(fact) {
					if err := preds.Add(s, carb.FromFact(fact)); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		return carb.Evaluate(gold, preds, carb.Options{}).AUC
	}
	all := auc(nil)
	t.Logf("AUC with every feature: %.4f", all)
	for _, ft := range confidenceFeatures {
		without := auc(map[string]bool{ft.name: true})
		t.Logf("%+.2f %-50s AUC without it %.4f (%+.4f)", ft.weight, ft.name, without, all-without)
		if without > all+0.003 {
			t.Errorf("confidence scores AUC %.4f without %q and %.4f with it", without, ft.name, all)
		}
	}
}
