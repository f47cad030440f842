package carb_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/kgraph/kg/carb"
)

func ExampleEvaluate() {
	gold, err := carb.ReadGold(strings.NewReader(
		"Ada Lovelace , a writer , was born in London .\twas born in\tAda Lovelace\tLondon\n"+
			"Ada Lovelace , a writer , was born in London .\tis\tAda Lovelace\ta writer\n"), "gold.tsv")
	if err != nil {
		log.Fatal(err)
	}
	preds, err := carb.ReadPredictions(strings.NewReader(
		"Ada Lovelace, a writer, was born in London.\t0.9\twas born in\tAda Lovelace\tLondon\n"+
			"Ada Lovelace, a writer, was born in London.\t0.4\tbe\tLovelace\ta writer in London\n"), "pred.tsv")
	if err != nil {
		log.Fatal(err)
	}
	s := carb.Evaluate(gold, preds, carb.Options{})
	fmt.Printf("P=%.4f R=%.4f F1=%.4f AUC=%.4f at confidence >= %v\n", s.Precision, s.Recall, s.F1, s.AUC, s.Threshold)
	for _, pt := range s.Curve {
		fmt.Printf("  confidence >= %v: P=%.4f R=%.4f\n", pt.Confidence, pt.Precision, pt.Recall)
	}
	// Output:
	// P=0.8333 R=0.9000 F1=0.8654 AUC=0.8667 at confidence >= 0.4
	//   confidence >= 0.4: P=0.8333 R=0.9000
	//   confidence >= 0.9: P=1.0000 R=0.5000
}

func ExamplePairScore() {
	gold := carb.Tuple{Relation: "has told", Args: []string{"Mary", "the news"}}
	pred := carb.Tuple{Relation: "told", Args: []string{"the news", "Mary"}}
	p, r := carb.PairScore(gold, pred)
	fmt.Printf("precision %.2f, recall %.2f\n", p, r)
	// Output: precision 1.00, recall 0.80
}
