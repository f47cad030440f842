package parse

import "math/rand/v2"

// The relabeller names each arc again once the whole tree is known, its
// scores added to the labeller's. The
// labeller inside the parser chooses when an arc is made, before the head
// has its other dependents or its own relation; the relabeller sees them
// all: "the bank was fined" is nsubj:pass because of its sibling "was", a
// noun under a noun is nmod or compound by its own case marker, obl:tmod by
// its word.

// tree is what relabelling reads of a parsed sentence, words 1..n.
type tree struct {
	ws    []pword
	head  []int
	label []int
	kids  [][]int
}

func (t *tree) reset(ws []pword, words []Word, index func(string) int) {
	n := len(words)
	t.ws = ws
	t.head = append(t.head[:0], -1)
	t.label = append(t.label[:0], 0)
	for _, w := range words {
		t.head = append(t.head, w.Head)
		t.label = append(t.label, index(w.Rel))
	}
	if cap(t.kids) < n+1 {
		t.kids = make([][]int, n+1)
	}
	t.kids = t.kids[:n+1]
	for i := range t.kids {
		t.kids[i] = t.kids[i][:0]
	}
	for d := 1; d <= n; d++ {
		if h := t.head[d]; h >= 0 && h <= n {
			t.kids[h] = append(t.kids[h], d)
		}
	}
}

const (
	rDw = iota + 500
	rDp
	rHw
	rHp
	rHwDw
	rHpDp
	rHwDp
	rHpDw
	rDirDistHpDp
	rHlabDp
	rHlabHpDp
	rHheadPDp
	rKidWDp
	rKidPLabDp
	rSibLabDirDp
	rSibLabHpDp
	rHauxWDp
	rFirstKidWDp
	rDwDir
	rDpNextP
	rDpPrevP
	rHpHlabDir
	rKidCountDp
	rDwHlab
)

// relabelFeatures are the features of word d's relation in tree t.
func relabelFeatures(t *tree, d int, feats []uint64) []uint64 {
	n := len(t.head) - 1
	h := t.head[d]
	W, P := pwords(t.ws).w, pwords(t.ws).p
	dir, dd := arcShape(h, d, n)
	dw, dp, hw, hp := W(d), P(d), W(h), P(h)
	hlab := none
	hhp := none
	if h > 0 {
		hlab = uint64(t.label[h]) + 1
		hhp = P(t.head[h])
	}
	next, prev := -1, -1
	if d < n {
		next = d + 1
	}
	if d > 1 {
		prev = d - 1
	}
	feats = append(feats[:0],
		f1(rDw, dw), f1(rDp, dp), f1(rHw, hw), f1(rHp, hp),
		f2(rHwDw, hw, dw), f2(rHpDp, hp, dp), f2(rHwDp, hw, dp), f2(rHpDw, hp, dw),
		f3(rDirDistHpDp, dir*8+dd, hp, dp), f2(rHlabDp, hlab, dp), f3(rHlabHpDp, hlab, hp, dp),
		f3(rHheadPDp, hhp, hp, dp), f2(rDwDir, dw, dir*8+dd), f2(rDpNextP, dp, P(next)), f2(rDpPrevP, dp, P(prev)),
		f3(rHpHlabDir, hp, hlab, dir), f2(rKidCountDp, uint64(min(len(t.kids[d]), 4)), dp), f2(rDwHlab, dw, hlab),
	)
	for i, k := range t.kids[d] {
		feats = append(feats, f2(rKidWDp, W(k), dp), f3(rKidPLabDp, P(k), uint64(t.label[k])+1, dp))
		if i == 0 {
			feats = append(feats, f2(rFirstKidWDp, W(k), dp))
		}
	}
	if h >= 0 {
		for _, s := range t.kids[h] {
			if s == d {
				continue
			}
			side := uint64(1)
			if s > d {
				side = 2
			}
			sl := uint64(t.label[s]) + 1
			feats = append(feats, f3(rSibLabDirDp, sl, side, dp), f3(rSibLabHpDp, sl, hp, dp))
			if isAuxTag(t.ws[s].p) {
				feats = append(feats, f3(rHauxWDp, W(s), side, dp))
			}
		}
	}
	return feats
}

var auxTags = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, t := range []string{"MD", "VB", "VBD", "VBZ", "VBP", "VBN", "VBG", "TO"} {
		m[hashString(t)] = true
	}
	return m
}()

func isAuxTag(p uint64) bool { return auxTags[p] }

// relabelWeight is the relabeller's share beside the labeller's scores:
// the two summed did better on EWT dev than either alone (LAS 0.8036
// against 0.8011 for the labeller and 0.7989 for the relabeller).
const relabelWeight = 1

// relabel names every word's relation again from the whole tree.
func (p *parser) relabel(words []Word, sc *scratch) {
	if p.rel == nil {
		return
	}
	t := &sc.tree
	t.reset(sc.ws, words, p.labelIndex)
	if cap(sc.lscore) < len(p.labels) {
		sc.lscore = make([]float32, len(p.labels))
	}
	scores := sc.lscore[:len(p.labels)]
	out := sc.relabels[:0]
	for d := 1; d < len(t.head); d++ {
		sc.feats = relabelFeatures(t, d, sc.feats)
		p.rel.score(sc.feats, scores)
		if len(sc.arcLab) == (len(t.head)-1)*len(scores) {
			for i, v := range sc.arcLab[(d-1)*len(scores) : d*len(scores)] {
				scores[i] = relabelWeight*scores[i] + v
			}
		}
		out = append(out, p.pickLabel(scores, t.head[d]))
	}
	sc.relabels = out
	for i, l := range out {
		words[i].Rel = p.labels[l]
	}
}

// labelIndex returns a relation's class, 0 for one the model does not know.
func (p *parser) labelIndex(rel string) int {
	if i, ok := p.index[rel]; ok {
		return i
	}
	return 0
}

// trainRelabel trains the relabeller on gold trees, with the words' tags as
// given (jackknifed) and the other words' gold relations as context.
func trainRelabel(p *parser, sents []Sentence, epochs int, seed uint64, minCount int32) scorer {
	r := newAveraged(len(p.labels))
	if minCount > 1 {
		r.count(minCount)
	}
	rng := rand.New(rand.NewPCG(seed, 3))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var sc scratch
	scores := make([]float32, len(p.labels))
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			words := sents[si].Words
			sc.ws = p.prepare(words, nil, sc.ws)
			t := &sc.tree
			t.reset(sc.ws, words, p.labelIndex)
			for d := 1; d < len(t.head); d++ {
				sc.feats = relabelFeatures(t, d, sc.feats)
				r.score(sc.feats, scores)
				r.update(sc.feats, t.label[d], p.pickLabel(scores, t.head[d]))
			}
		}
		r.stopCounting()
	}
	return r.table()
}
