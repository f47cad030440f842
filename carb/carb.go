package carb

import (
	"cmp"
	"slices"
	"strings"
)

// Options selects the variant of the metric. The zero value is CaRB's default.
type Options struct {
	// OneToOne takes recall, too, from a greedy one-to-one matching, so a
	// prediction serves at most one gold tuple: "CaRB(1-1)" of the OpenIE6
	// paper, the reference's --one-to-one. By default each gold tuple takes
	// the best recall of any prediction.
	OneToOne bool
}

// Score is the outcome of [Evaluate]: precision, recall and F1 at the
// confidence threshold of best F1, and the area under the precision-recall
// curve. Values are fractions in [0, 1].
type Score struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	AUC       float64 `json:"auc"`
	// Threshold is the confidence cut-off (kept: confidence >= Threshold)
	// of the best F1, the lowest one on a tie; 0 when there are no predictions.
	Threshold float64 `json:"threshold"`

	GoldSentences     int `json:"gold_sentences"`
	GoldTuples        int `json:"gold_tuples"`
	Predictions       int `json:"predictions"`         // all read, on gold sentences or not
	PredictionsOnGold int `json:"predictions_on_gold"` // those on gold sentences
	SentencesOnGold   int `json:"sentences_on_gold"`   // gold sentences with a prediction

	// Curve has one point per distinct confidence, ascending.
	Curve []Point `json:"curve,omitempty"`
}

// Point is the corpus precision and recall when keeping the predictions with
// confidence >= Confidence.
type Point struct {
	Confidence float64 `json:"confidence"`
	Precision  float64 `json:"precision"`
	Recall     float64 `json:"recall"`
	F1         float64 `json:"f1"`
}

// beForms are the forms of "be" that a spare predicted "be" may match.
var beForms = map[string]bool{
	"be": true, "is": true, "am": true, "are": true, "was": true, "were": true, "been": true, "being": true,
}

// saidVerbs mark a gold relation whose arguments a system may give in either
// order; they are matched as substrings of the relation.
var saidVerbs = [...]string{"said", "told", "added", "adds", "says"}

// scored is a tuple cut into tokens: the relation and one or two argument
// slots, plus the slots swapped when there are two.
type scored struct {
	rel     string
	relToks []string
	slots   [][]string
	swapped [][]string
	conf    float64
}

func newScored(t Tuple) scored {
	s := scored{rel: t.Relation, relToks: tokens(t.Relation), conf: t.Confidence}
	if len(t.Args) >= 2 {
		first, rest := tokens(t.Args[0]), tokens(strings.Join(t.Args[1:], " "))
		s.slots = [][]string{first, rest}
		s.swapped = [][]string{rest, first}
	} else {
		for _, a := range t.Args {
			s.slots = append(s.slots, tokens(a))
		}
	}
	return s
}

// PairScore returns the token-level precision and recall of prediction p
// against gold tuple g, CaRB's binary lenient match:
//
//   - Both are cut into the relation and two slots, [arg1, "arg2 arg3 ..."].
//   - Relation: gold tokens found in the predicted relation count as matches,
//     each predicted token used once; a predicted "be" left over counts one
//     more if the gold relation has any form of "be". No relation match
//     scores (0, 0).
//   - Each gold slot counts its tokens found in the same predicted slot; a
//     missing predicted slot scores (0, 0). Extra predicted slots are ignored.
//   - Precision is matches over the predicted tokens looked at, recall
//     matches over all gold tokens.
//   - If the gold relation contains said, told, added, adds or says, p is also
//     scored with its slots swapped, and the greater (precision, recall) pair
//     wins.
//
// Tokens are whitespace-separated and compared exactly.
func PairScore(g, p Tuple) (precision, recall float64) {
	s := pairScore(newScored(g), newScored(p))
	return s.p, s.r
}

// pr is one pair's precision and recall.
type pr struct{ p, r float64 }

func pairScore(g, p scored) pr {
	best := scoreSlots(g, p.relToks, p.slots)
	if p.swapped != nil && said(g.rel) {
		if s := scoreSlots(g, p.relToks, p.swapped); s.p > best.p || s.p == best.p && s.r > best.r {
			best = s
		}
	}
	return best
}

func said(rel string) bool {
	for _, v := range saidVerbs {
		if strings.Contains(rel, v) {
			return true
		}
	}
	return false
}

func scoreSlots(g scored, predRel []string, predSlots [][]string) pr {
	hit, used := matches(g.relToks, predRel)
	spareBe := false
	for j, tok := range predRel {
		if tok == "be" && !used[j] {
			spareBe = true
			break
		}
	}
	if spareBe && slices.ContainsFunc(g.relToks, func(t string) bool { return beForms[t] }) {
		hit++
	}
	if hit == 0 {
		return pr{}
	}
	pHit, rHit := hit, hit
	pLen, rLen := len(predRel), len(g.relToks)
	for i, gs := range g.slots {
		rLen += len(gs)
		if i >= len(predSlots) {
			if i < 2 {
				return pr{}
			}
			continue
		}
		h, _ := matches(gs, predSlots[i])
		pHit += h
		rHit += h
		pLen += len(predSlots[i])
	}
	var s pr
	if pLen > 0 {
		s.p = float64(pHit) / float64(pLen)
	}
	if rLen > 0 {
		s.r = float64(rHit) / float64(rLen)
	}
	return s
}

// matches counts the gold tokens found in pred, each predicted token used at
// most once, and reports which predicted tokens were used.
func matches(gold, pred []string) (hit int, used []bool) {
	used = make([]bool, len(pred))
	for _, g := range gold {
		for j, p := range pred {
			if !used[j] && p == g {
				used[j] = true
				hit++
				break
			}
		}
	}
	return hit, used
}

// Evaluate scores preds against gold. A nil Gold or Predictions counts as
// empty. With no predictions at all every figure is 0.
func Evaluate(gold *Gold, preds *Predictions, opts Options) Score {
	score := Score{
		GoldSentences: gold.Sentences(),
		GoldTuples:    gold.Len(),
		Predictions:   preds.Len(),
	}
	thresholds := distinctConfidences(preds)
	T := len(thresholds)
	if T == 0 {
		return score
	}
	index := make(map[float64]int, T)
	for k, c := range thresholds {
		index[c] = k
	}

	// Difference arrays over threshold indices, summed in the same order as
	// the reference so that the floating-point results agree bit for bit.
	dPNum := make([]float64, T+1)
	dPDen := make([]int, T+1)
	dRNum := make([]float64, T+1)
	if gold != nil {
		for _, key := range gold.keys {
			ps := preds.of(key)
			if len(ps) == 0 {
				continue
			}
			score.PredictionsOnGold += len(ps)
			score.SentencesOnGold++
			lo := 0
			for _, st := range sentenceStates(gold.tuples[key], ps, opts.OneToOne) {
				hi := index[st.conf] + 1
				dPNum[lo] += st.pNum
				dPNum[hi] -= st.pNum
				dPDen[lo] += st.pDen
				dPDen[hi] -= st.pDen
				dRNum[lo] += st.rNum
				dRNum[hi] -= st.rNum
				lo = hi
			}
		}
	}

	score.Curve = make([]Point, T)
	var pNum, rNum float64
	pDen, best := 0, 0
	for k := range T {
		pNum += dPNum[k]
		pDen += dPDen[k]
		rNum += dRNum[k]
		pt := Point{Confidence: thresholds[k], Precision: 1}
		if pDen > 0 {
			pt.Precision = pNum / float64(pDen)
		}
		if score.GoldTuples > 0 {
			pt.Recall = rNum / float64(score.GoldTuples)
		}
		if s := pt.Precision + pt.Recall; s > 0 {
			pt.F1 = float64(2*pt.Precision*pt.Recall) / s
		}
		score.Curve[k] = pt
		if pt.F1 > score.Curve[best].F1 {
			best = k
		}
	}
	b := score.Curve[best]
	score.Precision, score.Recall, score.F1, score.Threshold = b.Precision, b.Recall, b.F1, b.Confidence

	// Trapezoids between consecutive points, closed by (R=0, P=1).
	for k, pt := range score.Curve {
		next := Point{Precision: 1}
		if k+1 < T {
			next = score.Curve[k+1]
		}
		score.AUC += float64((pt.Recall-next.Recall)*(pt.Precision+next.Precision)) / 2
	}
	return score
}

// distinctConfidences returns every distinct prediction confidence, ascending;
// of +0 and -0 the first added is kept, as a Python set keeps it.
func distinctConfidences(p *Predictions) []float64 {
	if p == nil {
		return nil
	}
	seen := make(map[float64]bool)
	var out []float64
	for _, c := range p.confs {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// state is one sentence's contribution when keeping the predictions with
// confidence >= conf.
type state struct {
	conf       float64
	pNum, rNum float64
	pDen       int
}

// pair is one (gold, prediction) pair ranked by a value, best first.
type pair struct {
	v    float64
	i, j int
}

// sentenceStates returns one state per distinct confidence of preds,
// ascending.
func sentenceStates(golds, preds []Tuple, oneToOne bool) []state {
	gs := make([]scored, len(golds))
	for i, t := range golds {
		gs[i] = newScored(t)
	}
	ps := make([]scored, len(preds))
	for j, t := range preds {
		ps[j] = newScored(t)
	}
	scores := make([][]pr, len(gs))
	byPrec := make([]pair, 0, len(gs)*len(ps))
	var byRec []pair
	for i := range gs {
		scores[i] = make([]pr, len(ps))
		for j := range ps {
			s := pairScore(gs[i], ps[j])
			scores[i][j] = s
			byPrec = append(byPrec, pair{s.p, i, j})
			if oneToOne {
				byRec = append(byRec, pair{s.r, i, j})
			}
		}
	}
	rank := func(a, b pair) int {
		if c := cmp.Compare(b.v, a.v); c != 0 {
			return c
		}
		if c := cmp.Compare(a.i, b.i); c != 0 {
			return c
		}
		return cmp.Compare(a.j, b.j)
	}
	slices.SortFunc(byPrec, rank)
	slices.SortFunc(byRec, rank)

	confs := make([]float64, len(ps))
	for j, p := range ps {
		confs[j] = p.conf
	}
	slices.Sort(confs)
	confs = slices.Compact(confs)

	states := make([]state, 0, len(confs))
	kept := make([]bool, len(ps))
	for _, c := range confs {
		nKept := 0
		for j, p := range ps {
			kept[j] = p.conf >= c
			if kept[j] {
				nKept++
			}
		}
		st := state{conf: c, pDen: nKept, pNum: greedySum(byPrec, kept, len(gs), nKept)}
		if oneToOne {
			st.rNum = greedySum(byRec, kept, len(gs), nKept)
		} else {
			for i := range gs {
				m, first := 0.0, true
				for j := range ps {
					if kept[j] && (first || scores[i][j].r > m) {
						m, first = scores[i][j].r, false
					}
				}
				st.rNum += m
			}
		}
		states = append(states, st)
	}
	return states
}

// greedySum matches golds to kept predictions one to one, taking pairs in
// ranked order while both are unused, and returns the sum of their values.
func greedySum(ranked []pair, kept []bool, nGold, nKept int) float64 {
	usedG := make([]bool, nGold)
	usedP := make([]bool, len(kept))
	total := 0.0
	nG, nP := 0, 0
	for _, q := range ranked {
		if kept[q.j] && !usedG[q.i] && !usedP[q.j] {
			usedG[q.i], usedP[q.j] = true, true
			nG++
			nP++
			total += q.v
			if nG == nGold || nP == nKept {
				break
			}
		}
	}
	return total
}
