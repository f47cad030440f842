package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/carb"
)

// The extractor's scores on the CaRB dev split, as last recorded. The test
// fails when a change scores lower: raise them when you improve the
// extractor, never lower them to make a change pass.
const (
	carbBaselineF1  = 0.478
	carbBaselineAUC = 0.315
)

const carbGoldPath = "../../shared/data/carb/gold/dev.tsv"

// TestCaRBFloor scores the extractor on CaRB's dev split, in the style of
// prose's treebank test. It skips when ../shared is absent.
func TestCaRBFloor(t *testing.T) {
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
	m := model(t)
	// preds as the extractor gives them; flat, the same extractions with one
	// confidence, which is what a confidence that ranks nothing would score.
	preds, flat := &carb.Predictions{}, &carb.Predictions{}
	for _, s := range gold.SentenceTexts() {
		for _, fact := range m.Facts("carb", s, Options{Lines: true}) {
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
	if score.F1 < carbBaselineF1 {
		t.Errorf("CaRB F1 %.4f is below the recorded baseline %.3f", score.F1, carbBaselineF1)
	}
	if score.AUC < carbBaselineAUC {
		t.Errorf("CaRB AUC %.4f is below the recorded baseline %.3f", score.AUC, carbBaselineAUC)
	}
	// The confidence must rank: the same extractions all given one
	// confidence score R*(1+P)/2, and the extractor's ranking must beat that.
	if score.AUC <= constant.AUC {
		t.Errorf("CaRB AUC %.4f is not above %.4f, the AUC of the same extractions with one confidence", score.AUC, constant.AUC)
	}
}
