// Package carb scores open information extraction output against the CaRB
// benchmark (Bhardwaj, Aggarwal & Mausam, EMNLP 2019), the way the house
// reference scorer shared/tools/carb_score.py does, to the last bit where the
// arithmetic allows it.
//
// # Basics
//
// Read the gold file and a system's predictions, then evaluate:
//
//	gold, err := carb.ReadGold(goldFile, "dev.tsv")
//	preds, err := carb.ReadPredictions(predFile, "system.tsv")
//	s := carb.Evaluate(gold, preds, carb.Options{})
//	fmt.Printf("P=%.4f R=%.4f F1=%.4f AUC=%.4f\n", s.Precision, s.Recall, s.F1, s.AUC)
//
// Gold lines are sentence<TAB>relation<TAB>arg1[<TAB>arg2 ...]; prediction
// lines are sentence<TAB>confidence<TAB>relation[<TAB>arg1 ...] (CaRB's
// "tabbed" format). Sentences are aligned on [SentenceKey], so
// re-tokenisation is tolerated; predictions for sentences absent from the gold
// are ignored, except that their confidences still count as thresholds.
//
// The metric is CaRB's default binary lenient tuple match: tuples are cut into
// a relation and two argument slots, each (gold, prediction) pair gets a
// token-level precision and recall ([PairScore]), per sentence precision comes
// from a greedy one-to-one matching and recall from the best prediction per
// gold tuple (or, with [Options.OneToOne], from a second one-to-one matching),
// and the corpus P and R are swept over every distinct confidence. [Score]
// reports the point of best F1 and the area under the curve.
//
// # Caveats
//
// [Gold] and [Predictions] are not safe for concurrent Add; once built,
// any number of goroutines may Evaluate them at once. Tuples returned by
// [Gold.Tuples] share memory with the Gold and must not be modified.
//
// Sums are accumulated left to right, as Python 3.11's sum() does; Python
// 3.12 and later compensate their sums, so on those the reference may differ
// in the last bit or two (around 1e-16), never in a printed digit.
//
// Reading follows Python's text mode: lines end at "\n", "\r\n" or a lone "\r";
// whitespace is Python's (Unicode White_Space plus U+001C..U+001F); a
// confidence is parsed by Python's float() rules (underscores between digits,
// inf, infinity) except that NaN is rejected, where the reference would crash,
// and non-ASCII digits are rejected, where the reference would accept them.
// Input that is not UTF-8 is an error, as it is for the reference. A
// confidence of ±Inf is accepted, which makes Score unencodable as JSON.
//
// When one sentence is spelled in several raw ways in a prediction file, the
// extractions are merged, grouped by spelling in order of first appearance,
// which is what the reference does without --official-quirks; that flag's
// behaviour is not reproduced.
package carb
