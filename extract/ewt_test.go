package extract

import (
	"os"
	"testing"

	"github.com/kgraph/kg/parse"
)

// TestTaggersOnEWT measures the two taggers kg has on UD English EWT dev,
// gold tokens: prose's model, which the extractor's chunk rules use today,
// and kg's own from parse/, which the parser uses. kg's own must stay the
// more accurate, or the parser should take prose's tags instead.
func TestTaggersOnEWT(t *testing.T) {
	path := "../../shared/data/ud-ewt/en_ewt-ud-dev.conllu.gz"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("UD English EWT is not there: %v", err)
	}
	gold, err := parse.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	prose, err := newTagger()
	if err != nil {
		t.Fatal(err)
	}
	own, err := parse.Load()
	if err != nil {
		t.Fatal(err)
	}
	var n, proseRight, ownRight int
	for _, s := range gold {
		toks := make([]Token, len(s.Words))
		words := make([]parse.Word, len(s.Words))
		for i, w := range s.Words {
			toks[i] = Token{Text: w.Form}
			words[i] = parse.Word{Form: w.Form}
		}
		prose.tag(toks)
		own.Tag(words)
		for i, w := range s.Words {
			n++
			if toks[i].Tag == w.XPOS {
				proseRight++
			}
			if words[i].XPOS == w.XPOS {
				ownRight++
			}
		}
	}
	p, o := float64(proseRight)/float64(n), float64(ownRight)/float64(n)
	t.Logf("Penn tags right on EWT dev (%d words): prose %.4f, kg's own %.4f", n, p, o)
	if o <= p {
		t.Errorf("kg's own tagger %.4f is no better than prose's %.4f on EWT dev", o, p)
	}
}
