package parse

import (
	"math/rand/v2"
	"sort"

	"golang.org/x/sync/errgroup"
)

// scorer is a perceptron being trained (averaged) or frozen (table).
type scorer interface {
	score(feats []uint64, scores []float32)
}

// tagger is a greedy left-to-right averaged-perceptron tagger of Penn
// Treebank tags, with a dictionary of the words that always take one tag,
// and universal tags looked up from the word and its Penn tag.
type tagger struct {
	tags  []string          // Penn tags, the classes
	model scorer            // *table once trained
	sure  map[string]uint8  // normalised form -> its only tag
	upos  map[string]string // form + "\t" + Penn tag -> UPOS, for words seen
	upos1 map[string]string // Penn tag -> its commonest UPOS
	// uposRel holds the words whose UPOS their relation decides (that/DT
	// is DET as det and PRON as nsubj; be is AUX as cop and VERB as root),
	// by form, Penn tag and relation, where it differs from upos.
	uposRel map[string]string
	// amb holds each word's ambiguity class: the set of tags it took in
	// training, as a bit mask, for words seen often enough to trust it.
	amb map[string]uint64
	// first is the tagger of the first pass, whose tags of the words to
	// the right this one reads; nil for a first pass.
	first *tagger
}

// token holds what tagger features read of one word, computed once.
type tagToken struct {
	w, suf3, suf2, pre1, shape uint64
	raw, suf4, pre3            uint64
	amb                        uint64
	guess                      uint64 // the first pass's tag, none without one
	form                       string
	upperFirst                 bool
}

func (t *tagger) tokens(words []Word, out []tagToken) []tagToken {
	out = out[:0]
	for _, w := range words {
		f := normForm(w.Form)
		out = append(out, tagToken{
			w: hashString(f), suf3: hashString(suffix(f, 3)), suf2: hashString(suffix(f, 2)),
			pre1: hashString(prefix(f, 1)), shape: shapeHash(w.Form), form: f,
			raw: hashString(w.Form), suf4: hashString(suffix(f, 4)), pre3: hashString(prefix(f, 3)),
			upperFirst: len(w.Form) > 0 && 'A' <= w.Form[0] && w.Form[0] <= 'Z',
			amb:        t.ambiguity(f),
			guess:      none,
		})
	}
	return out
}

const (
	tBias = iota + 1
	tW
	tSuf3
	tSuf2
	tPre1
	tShape
	tP1
	tP2
	tP1P2
	tP1W
	tWm1
	tSufm1
	tWm2
	tWp1
	tSufp1
	tWp2
	tWWp1
	tWm1W
	tFirstUpper
	tShapeP1
	tRaw
	tSuf4
	tPre3
	tShapem1
	tShapep1
	tP1Suf3
	tWm1Wp1
	tAmb
	tAmbm1
	tAmbp1
	tAmbp2
	tAmbAmbp1
	tP1Amb
	tP1Ambp1
	tAmbm1Amb
	tG0
	tGp1
	tGp2
	tGp1Gp2
	tG0Gp1
	tWGp1
	tP1Gp1
	tG0W
	tGm1G0Gp1
)

func tagFeatures(toks []tagToken, i int, p1, p2 uint64, feats []uint64) []uint64 {
	t := toks[i]
	at := func(j int) (w, suf uint64) {
		if j < 0 || j >= len(toks) {
			return none, none
		}
		return toks[j].w, toks[j].suf3
	}
	amb := func(j int) uint64 {
		if j < 0 || j >= len(toks) {
			return none
		}
		return toks[j].amb
	}
	shp := func(j int) uint64 {
		if j < 0 || j >= len(toks) {
			return none
		}
		return toks[j].shape
	}

	wm1, sm1 := at(i - 1)
	wm2, _ := at(i - 2)
	wp1, sp1 := at(i + 1)
	wp2, _ := at(i + 2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	if t.upperFirst {
		first |= 2
	}
	feats = append(feats[:0],
		f1(tBias, 0), f1(tW, t.w), f1(tSuf3, t.suf3), f1(tSuf2, t.suf2), f1(tPre1, t.pre1), f1(tShape, t.shape),
		f1(tP1, p1), f1(tP2, p2), f2(tP1P2, p1, p2), f2(tP1W, p1, t.w),
		f1(tWm1, wm1), f1(tSufm1, sm1), f1(tWm2, wm2), f1(tWp1, wp1), f1(tSufp1, sp1), f1(tWp2, wp2),
		f2(tWWp1, t.w, wp1), f2(tWm1W, wm1, t.w), f2(tFirstUpper, first, t.suf3), f2(tShapeP1, t.shape, p1),
		f1(tRaw, t.raw), f1(tSuf4, t.suf4), f1(tPre3, t.pre3), f2(tShapem1, shp(i-1), t.shape), f2(tShapep1, t.shape, shp(i+1)),
		f2(tP1Suf3, p1, t.suf3), f2(tWm1Wp1, wm1, wp1),
		f1(tAmb, t.amb), f1(tAmbm1, amb(i-1)), f1(tAmbp1, amb(i+1)), f1(tAmbp2, amb(i+2)),
		f2(tAmbAmbp1, t.amb, amb(i+1)), f2(tP1Amb, p1, t.amb), f2(tP1Ambp1, p1, amb(i+1)), f2(tAmbm1Amb, amb(i-1), t.amb),
	)
	if t.guess == none {
		return feats
	}
	g := func(j int) uint64 {
		if j < 0 || j >= len(toks) {
			return tagNone
		}
		return toks[j].guess
	}
	return append(feats,
		f1(tG0, t.guess), f1(tGp1, g(i+1)), f1(tGp2, g(i+2)), f2(tGp1Gp2, g(i+1), g(i+2)), f2(tG0Gp1, t.guess, g(i+1)),
		f2(tWGp1, t.w, g(i+1)), f2(tP1Gp1, p1, g(i+1)), f2(tG0W, t.guess, t.w), f3(tGm1G0Gp1, g(i-1), t.guess, g(i+1)),
	)
}

// tagNone is the history value before the first word.
const tagNone = 255

// tag fills XPOS and UPOS of every word.
func (t *tagger) tag(words []Word, toks []tagToken, feats []uint64, scores []float32) {
	if t.first != nil {
		t.first.tag(words, toks, feats, scores)
		t.guesses(words, toks)
	}
	p1, p2 := uint64(tagNone), uint64(tagNone)
	for i := range words {
		c, ok := t.sure[toks[i].form]
		if !ok {
			feats = tagFeatures(toks, i, p1, p2, feats)
			t.model.score(feats, scores)
			c = uint8(argmax(scores))
		}
		words[i].XPOS = t.tags[c]
		words[i].UPOS = t.universal(toks[i].form, t.tags[c])
		p2, p1 = p1, uint64(c)
	}
}

// ambiguity is form's ambiguity class, 0 for a word seen too seldom.
func (t *tagger) ambiguity(form string) uint64 {
	if m, ok := t.amb[form]; ok {
		return m
	}
	return 0
}

// guesses copies the first pass's tags into toks.
func (t *tagger) guesses(words []Word, toks []tagToken) {
	for i := range words {
		toks[i].guess = hashString(words[i].XPOS)
	}
}

func (t *tagger) universal(form, xpos string) string {
	if u, ok := t.upos[form+"\t"+xpos]; ok {
		return u
	}
	return t.upos1[xpos]
}

// relational corrects the universal tags of parsed words by their relations.
func (t *tagger) relational(words []Word, toks []tagToken) {
	for i := range words {
		if u, ok := t.uposRel[toks[i].form+"\t"+words[i].XPOS+"\t"+words[i].Rel]; ok {
			words[i].UPOS = u
		}
	}
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

// ambMin is how often a word must have been seen for its ambiguity class
// to be kept: a rarer word's set of tags in training is its one tag there,
// which the tagger would learn to trust more than it deserves.
const ambMin = 3

// trainTagger trains a tagger on sentences with gold Penn and universal
// tags.
func trainTagger(sents []Sentence, epochs int, seed uint64, minCount int32) *tagger {
	return trainPass(sents, nil, epochs, seed, minCount)
}

// trainStacked trains a tagger of two passes: the first as trainTagger,
// the second reading its tags, from first-pass tags of the training
// sentences each given by a first pass that did not see them.
func trainStacked(sents []Sentence, epochs int, seed uint64, minCount int32, folds int) *tagger {
	guess := make([][]string, len(sents))
	var g errgroup.Group
	g.SetLimit(2)
	for f := 0; f < folds; f++ {
		g.Go(func() error {
			var rest []Sentence
			for i, s := range sents {
				if i%folds != f {
					rest = append(rest, s)
				}
			}
			m := &Model{tagger: trainTagger(rest, epochs, seed+uint64(f), minCount)}
			for i := f; i < len(sents); i += folds {
				ws := append([]Word(nil), sents[i].Words...)
				m.Tag(ws)
				guess[i] = make([]string, len(ws))
				for j, w := range ws {
					guess[i][j] = w.XPOS
				}
			}
			return nil
		})
	}
	g.Wait()
	second := trainPass(sents, guess, epochs, seed, minCount)
	second.first = trainTagger(sents, epochs, seed, minCount)
	return second
}

// trainPass trains one pass of a tagger; guess, when not nil, holds each
// sentence's first-pass tags.
func trainPass(sents []Sentence, guess [][]string, epochs int, seed uint64, minCount int32) *tagger {
	t := &tagger{}
	index := map[string]int{}
	counts := map[string]map[string]int{}
	ucounts := map[string]map[string]int{}
	u1 := map[string]map[string]int{}
	rcounts := map[string]map[string]int{}
	bump := func(m map[string]map[string]int, k, v string) {
		if m[k] == nil {
			m[k] = map[string]int{}
		}
		m[k][v]++
	}
	for _, s := range sents {
		for _, w := range s.Words {
			if _, ok := index[w.XPOS]; !ok {
				index[w.XPOS] = 0
				t.tags = append(t.tags, w.XPOS)
			}
			f := normForm(w.Form)
			bump(counts, f, w.XPOS)
			bump(ucounts, f+"\t"+w.XPOS, w.UPOS)
			bump(u1, w.XPOS, w.UPOS)
			bump(rcounts, f+"\t"+w.XPOS+"\t"+w.Rel, w.UPOS)
		}
	}
	sort.Strings(t.tags)
	for i, tg := range t.tags {
		index[tg] = i
	}
	t.amb = map[string]uint64{}
	for f, c := range counts {
		total := 0
		var m uint64
		for tg, n := range c {
			total += n
			m |= 1 << index[tg]
		}
		if total >= ambMin {
			t.amb[f] = m
		}
	}
	t.sure = map[string]uint8{}
	for f, c := range counts {
		total, best, bestN := 0, "", 0
		for tg, n := range c {
			total += n
			if n > bestN || (n == bestN && tg < best) {
				best, bestN = tg, n
			}
		}
		if total >= 20 && float64(bestN)/float64(total) >= 0.995 {
			t.sure[f] = uint8(index[best])
		}
	}
	t.upos, t.upos1 = map[string]string{}, map[string]string{}
	for k, c := range ucounts {
		t.upos[k] = commonest(c)
	}
	for k, c := range u1 {
		t.upos1[k] = commonest(c)
	}
	// Keep only the forms whose UPOS differs from their tag's commonest.
	for k, u := range t.upos {
		_, x, _ := cut(k)
		if t.upos1[x] == u {
			delete(t.upos, k)
		}
	}

	t.uposRel = map[string]string{}
	for k, c := range rcounts {
		f, rest, _ := cut(k)
		x, _, _ := cut(rest)
		u := commonest(c)
		if c[u] >= 2 && u != t.universal(f, x) {
			t.uposRel[k] = u
		}
	}

	p := newAveraged(len(t.tags))
	if minCount > 1 {
		p.count(minCount)
	}
	t.model = p
	rng := rand.New(rand.NewPCG(seed, 1))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var toks []tagToken
	var feats []uint64
	scores := make([]float32, len(t.tags))
	for e := 0; e < epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			words := sents[si].Words
			toks = t.tokens(words, toks)
			if guess != nil {
				for i := range toks {
					toks[i].guess = hashString(guess[si][i])
				}
			}
			p1, p2 := uint64(tagNone), uint64(tagNone)
			for i, w := range words {
				gold := index[w.XPOS]
				guess := gold
				if c, ok := t.sure[toks[i].form]; ok {
					guess = int(c)
				} else {
					feats = tagFeatures(toks, i, p1, p2, feats)
					p.score(feats, scores)
					guess = argmax(scores)
					p.update(feats, gold, guess)
				}
				p2, p1 = p1, uint64(guess)
			}
		}
		p.stopCounting()
	}
	t.model = p.table()
	return t
}

func commonest(c map[string]int) string {
	best, bestN := "", -1
	for k, n := range c {
		if n > bestN || (n == bestN && k < best) {
			best, bestN = k, n
		}
	}
	return best
}

func cut(k string) (string, string, bool) {
	for i := 0; i < len(k); i++ {
		if k[i] == '\t' {
			return k[:i], k[i+1:], true
		}
	}
	return k, "", false
}
