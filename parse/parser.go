package parse

import (
	"math/rand/v2"
	"sort"
)

// The parser is arc-hybrid (Kuhlmann, Gómez-Rodríguez and Satta 2011) with
// the root at the end of the buffer (Ballesteros and Nivre 2013), trained
// with a dynamic oracle (Goldberg and Nivre 2013) as an averaged
// perceptron over features in the manner of Zhang and Nivre (2011). Arcs are
// chosen first and labelled second, by a classifier of its own that sees
// the dependent whole: in arc-hybrid a word leaves the stack only once it
// has all its dependents.

const (
	shift = iota
	left  // b0 becomes s0's head; s0 is popped
	right // s1 becomes s0's head; s0 is popped
	nActions
)

// parser holds the two classifiers and their label set.
type parser struct {
	labels []string // UD relations, the labeller's classes
	index  map[string]int
	root   int    // the class of "root", -1 for none
	arcs   scorer // shift / left / right
	lab    scorer // the label of a new arc
	rel    scorer // the relabeller's, or nil
}

// pword holds what features read of one word, computed once a sentence.
type pword struct {
	w, p uint64 // form and tag hashes
	s    uint64 // the form's last three letters with its tag, for words seen rarely
}

// pwords are a sentence's words as features read them, the root first.
type pwords []pword

// w and p are word i's form and tag hashes, none past either end.
func (ws pwords) w(i int) uint64 {
	if i < 0 || i >= len(ws) {
		return none
	}
	return ws[i].w
}

func (ws pwords) p(i int) uint64 {
	if i < 0 || i >= len(ws) {
		return none
	}
	return ws[i].p
}

// state is a parser configuration. Words are 1..n; 0 is the root, which sits
// at the end of the buffer.
type state struct {
	n      int
	stack  []int
	b      int // next buffer position, 1..n+1; n+1 is the root
	head   []int
	label  []int
	l1, l2 []int // leftmost and second leftmost dependents, 0 for none
	r1, r2 []int
	nl, nr []int
	lset   []uint64 // bit set of the labels of left / right dependents
	rset   []uint64
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 1
	grow := func(v []int) []int {
		if cap(v) < n+1 {
			v = make([]int, n+1)
		}
		v = v[:n+1]
		for i := range v {
			v[i] = 0
		}
		return v
	}
	s.head, s.label = grow(s.head), grow(s.label)
	s.l1, s.l2, s.r1, s.r2 = grow(s.l1), grow(s.l2), grow(s.r1), grow(s.r2)
	s.nl, s.nr = grow(s.nl), grow(s.nr)
	for i := range s.head {
		s.head[i] = -1
	}
	if cap(s.lset) < n+1 {
		s.lset, s.rset = make([]uint64, n+1), make([]uint64, n+1)
	}
	s.lset, s.rset = s.lset[:n+1], s.rset[:n+1]
	for i := range s.lset {
		s.lset[i], s.rset[i] = 0, 0
	}
}

// buf returns the word at buffer offset k, 0 for the root, -1 past it.
func (s *state) buf(k int) int {
	i := s.b + k
	switch {
	case i <= s.n:
		return i
	case i == s.n+1:
		return 0
	}
	return -1
}

func (s *state) st(k int) int {
	if k < len(s.stack) {
		return s.stack[len(s.stack)-1-k]
	}
	return -1
}

func (s *state) done() bool { return len(s.stack) == 0 && s.b > s.n }

func (s *state) legal(a int) bool {
	switch a {
	case shift:
		return s.b <= s.n
	case left:
		if len(s.stack) == 0 {
			return false
		}
		return s.b <= s.n || len(s.stack) == 1 // the root takes one dependent
	case right:
		return len(s.stack) >= 2
	}
	return false
}

func (s *state) apply(a, lab int) {
	switch a {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case left:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.buf(0), d, lab)
	case right:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.attach(s.stack[len(s.stack)-1], d, lab)
	}
}

func (s *state) attach(h, d, lab int) {
	s.head[d], s.label[d] = h, lab
	if d < h || h == 0 {
		s.nl[h]++
		s.lset[h] |= 1 << (uint(lab) & 63)
		// Dependents arrive outside-in on the left: the newest is nearest.
		// Track the two leftmost.
		if s.l1[h] == 0 || d < s.l1[h] {
			s.l2[h], s.l1[h] = s.l1[h], d
		} else if s.l2[h] == 0 || d < s.l2[h] {
			s.l2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h] |= 1 << (uint(lab) & 63)
		if d > s.r1[h] {
			s.r2[h], s.r1[h] = s.r1[h], d
		} else if d > s.r2[h] {
			s.r2[h] = d
		}
	}
}

// cost is the number of gold arcs an action makes unreachable (Goldberg and
// Nivre 2013, for arc-hybrid). gold[i] is word i's gold head.
func (s *state) cost(a int, gold []int) int {
	inBuf := func(k int) bool { return k == 0 || k >= s.b }
	depsInBuf := func(h int) int {
		c := 0
		for k := s.b; k <= s.n; k++ {
			if gold[k] == h {
				c++
			}
		}
		return c
	}
	switch a {
	case shift:
		b0 := s.b
		c := 0
		for i, k := range s.stack {
			if gold[k] == b0 && s.head[k] < 0 {
				c++
			}
			if gold[b0] == k && i != len(s.stack)-1 {
				c++
			}
		}
		return c
	case left:
		s0, b0 := s.st(0), s.buf(0)
		c := depsInBuf(s0)
		if g := gold[s0]; g != b0 && (g == s.st(1) || (g != b0 && inBuf(g))) {
			c++
		}
		return c
	case right:
		s0, s1 := s.st(0), s.st(1)
		c := depsInBuf(s0)
		if g := gold[s0]; g != s1 && inBuf(g) {
			c++
		}
		return c
	}
	return 0
}

// arcShape returns which way an arc from h to d points (1 left, 2 right, 3
// from the root, which stands after word n) and its bucketed length.
func arcShape(h, d, n int) (dir, length uint64) {
	hh := h
	if h == 0 {
		hh = n + 1
	}
	switch {
	case h == 0:
		dir = 3
	case hh < d:
		dir = 2
	default:
		dir = 1
	}
	return dir, dist(d, hh)
}

// dist buckets a distance between two words.
func dist(a, b int) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d < 5:
		return uint64(d)
	case d < 10:
		return 5
	}
	return 6
}

// prepare computes the words' hashes; tt, when the tagger has just read
// the same words, already holds their forms'.
func (p *parser) prepare(words []Word, tt []tagToken, out []pword) []pword {
	out = append(out[:0], pword{w: hashString("<root>"), p: hashString("ROOT"), s: none})
	for i, w := range words {
		var wh uint64
		if len(tt) == len(words) {
			wh = tt[i].w
		} else {
			wh = hashString(normForm(w.Form))
		}
		ph := hashString(w.XPOS)
		out = append(out, pword{w: wh, p: ph, s: f1(hashString(suffix(normForm(w.Form), 3)), ph)})
	}
	return out
}

// arc feature templates
const (
	aS0w = iota + 100
	aS0p
	aS0wp
	aS1w
	aS1p
	aS1wp
	aB0w
	aB0p
	aB0wp
	aB1w
	aB1p
	aB1wp
	aB2p
	aB2wp
	aS2p
	aS0wpB0wp
	aS0wpB0w
	aS0wB0wp
	aS0wpB0p
	aS0pB0wp
	aS0wB0w
	aS0pB0p
	aB0pB1p
	aS0pS1p
	aS1wS0w
	aS1pS0w
	aS1wS0p
	aS1pB0p
	aB0pB1pB2p
	aS0pB0pB1p
	aS1pS0pB0p
	aS0pS0l1pB0p
	aS0pS0r1pB0p
	aS0pB0pB0l1p
	aS2pS1pS0p
	aS1pS1l1pS0p
	aS1pS1r1pS0p
	aS0wD
	aS0pD
	aB0wD
	aB0pD
	aS0wB0wD
	aS0pB0pD
	aS1pS0pD1
	aS1wS0wD1
	aS0wVr
	aS0pVr
	aS0wVl
	aS0pVl
	aB0wVl
	aB0pVl
	aS1pVl
	aS1pVr
	aS0l1w
	aS0l1p
	aS0l1l
	aS0r1w
	aS0r1p
	aS0r1l
	aB0l1w
	aB0l1p
	aB0l1l
	aS0l2p
	aS0l2l
	aS0r2p
	aS0r2l
	aB0l2p
	aB0l2l
	aS1l1p
	aS1l1l
	aS1r1p
	aS1r1l
	aS0pS0l1lS0l2l
	aS0pS0r1lS0r2l
	aB0pB0l1lB0l2l
	aS0wSl
	aS0pSl
	aS0wSr
	aS0pSr
	aB0wSl
	aB0pSl
	aS0pPrevP
	aS0pNextP
	aB0pPrevP
	aS0pB0pB0prevP
	aS0pS0nextPB0p
	aS1pS0pB0pB1p
	aS1wB0w
	aS0pB1w
	aS0wNextW
	aB0wPrevW
	aB0pPrevW
	aS0s
	aB0s
	aS1s
	aB1s
	aS0sB0s
	aS0sB0p
	aS0pB0s
	aNone
)

// arcFeatures writes the features of a configuration into feats.
func arcFeatures(s *state, ws []pword, feats []uint64) []uint64 {
	W, P := pwords(ws).w, pwords(ws).p
	S := func(i int) uint64 {
		if i < 0 {
			return none
		}
		return ws[i].s
	}
	child := func(i int, v []int) int {
		if i <= 0 || v[i] == 0 {
			return -1
		}
		return v[i]
	}
	L := func(i int) uint64 {
		if i < 0 {
			return none
		}
		return uint64(s.label[i]) + 1
	}
	// linear neighbours: the root has none; word n's next is the root
	prev := func(i int) int {
		if i <= 1 {
			return -1
		}
		return i - 1
	}
	next := func(i int) int {
		if i <= 0 {
			return -1
		}
		if i == s.n {
			return 0
		}
		return i + 1
	}
	s0, s1, s2 := s.st(0), s.st(1), s.st(2)
	b0, b1, b2 := s.buf(0), s.buf(1), s.buf(2)
	s0w, s0p, s1w, s1p := W(s0), P(s0), W(s1), P(s1)
	b0w, b0p, b1w, b1p, b2w, b2p := W(b0), P(b0), W(b1), P(b1), W(b2), P(b2)
	s0wp, s1wp, b0wp, b1wp := f1(0, s0w)^s0p, f1(0, s1w)^s1p, f1(0, b0w)^b0p, f1(0, b1w)^b1p
	_ = b2w
	d := uint64(7)
	if s0 >= 0 && b0 >= 0 {
		bb := b0
		if bb == 0 {
			bb = s.n + 1
		}
		d = dist(s0, bb)
	}
	d1 := uint64(7)
	if s0 >= 0 && s1 >= 0 {
		d1 = dist(s1, s0)
	}
	vr, vl, bvl := uint64(8), uint64(8), uint64(8)
	if s0 >= 0 {
		vr, vl = uint64(min(s.nr[s0], 4)), uint64(min(s.nl[s0], 4))
	}
	if b0 >= 0 {
		bvl = uint64(min(s.nl[b0], 4))
	}
	s1vl, s1vr := uint64(8), uint64(8)
	if s1 >= 0 {
		s1vl, s1vr = uint64(min(s.nl[s1], 4)), uint64(min(s.nr[s1], 4))
	}
	s0l1, s0l2, s0r1, s0r2 := child(s0, s.l1), child(s0, s.l2), child(s0, s.r1), child(s0, s.r2)
	b0l1, b0l2 := child(b0, s.l1), child(b0, s.l2)
	s1l1, s1r1 := child(s1, s.l1), child(s1, s.r1)
	sl, sr, bsl := none, none, none
	if s0 >= 0 {
		sl, sr = s.lset[s0], s.rset[s0]
	}
	if b0 >= 0 {
		bsl = s.lset[b0]
	}
	return append(feats[:0],
		f1(aS0w, s0w), f1(aS0p, s0p), f1(aS0wp, s0wp),
		f1(aS1w, s1w), f1(aS1p, s1p), f1(aS1wp, s1wp),
		f1(aB0w, b0w), f1(aB0p, b0p), f1(aB0wp, b0wp),
		f1(aB1w, b1w), f1(aB1p, b1p), f1(aB1wp, b1wp),
		f1(aB2p, b2p), f2(aB2wp, b2w, b2p), f1(aS2p, P(s2)),
		f2(aS0wpB0wp, s0wp, b0wp), f2(aS0wpB0w, s0wp, b0w), f2(aS0wB0wp, s0w, b0wp),
		f2(aS0wpB0p, s0wp, b0p), f2(aS0pB0wp, s0p, b0wp), f2(aS0wB0w, s0w, b0w), f2(aS0pB0p, s0p, b0p),
		f2(aB0pB1p, b0p, b1p), f2(aS0pS1p, s0p, s1p), f2(aS1wS0w, s1w, s0w), f2(aS1pS0w, s1p, s0w),
		f2(aS1wS0p, s1w, s0p), f2(aS1pB0p, s1p, b0p),
		f3(aB0pB1pB2p, b0p, b1p, b2p), f3(aS0pB0pB1p, s0p, b0p, b1p), f3(aS1pS0pB0p, s1p, s0p, b0p),
		f3(aS0pS0l1pB0p, s0p, P(s0l1), b0p), f3(aS0pS0r1pB0p, s0p, P(s0r1), b0p),
		f3(aS0pB0pB0l1p, s0p, b0p, P(b0l1)), f3(aS2pS1pS0p, P(s2), s1p, s0p),
		f3(aS1pS1l1pS0p, s1p, P(s1l1), s0p), f3(aS1pS1r1pS0p, s1p, P(s1r1), s0p),
		f2(aS0wD, s0w, d), f2(aS0pD, s0p, d), f2(aB0wD, b0w, d), f2(aB0pD, b0p, d),
		f3(aS0wB0wD, s0w, b0w, d), f3(aS0pB0pD, s0p, b0p, d),
		f3(aS1pS0pD1, s1p, s0p, d1), f3(aS1wS0wD1, s1w, s0w, d1),
		f2(aS0wVr, s0w, vr), f2(aS0pVr, s0p, vr), f2(aS0wVl, s0w, vl), f2(aS0pVl, s0p, vl),
		f2(aB0wVl, b0w, bvl), f2(aB0pVl, b0p, bvl), f2(aS1pVl, s1p, s1vl), f2(aS1pVr, s1p, s1vr),
		f1(aS0l1w, W(s0l1)), f1(aS0l1p, P(s0l1)), f1(aS0l1l, L(s0l1)),
		f1(aS0r1w, W(s0r1)), f1(aS0r1p, P(s0r1)), f1(aS0r1l, L(s0r1)),
		f1(aB0l1w, W(b0l1)), f1(aB0l1p, P(b0l1)), f1(aB0l1l, L(b0l1)),
		f1(aS0l2p, P(s0l2)), f1(aS0l2l, L(s0l2)), f1(aS0r2p, P(s0r2)), f1(aS0r2l, L(s0r2)),
		f1(aB0l2p, P(b0l2)), f1(aB0l2l, L(b0l2)),
		f1(aS1l1p, P(s1l1)), f1(aS1l1l, L(s1l1)), f1(aS1r1p, P(s1r1)), f1(aS1r1l, L(s1r1)),
		f3(aS0pS0l1lS0l2l, s0p, L(s0l1), L(s0l2)), f3(aS0pS0r1lS0r2l, s0p, L(s0r1), L(s0r2)),
		f3(aB0pB0l1lB0l2l, b0p, L(b0l1), L(b0l2)),
		f2(aS0wSl, s0w, sl), f2(aS0pSl, s0p, sl), f2(aS0wSr, s0w, sr), f2(aS0pSr, s0p, sr),
		f2(aB0wSl, b0w, bsl), f2(aB0pSl, b0p, bsl),
		f2(aS0pPrevP, s0p, P(prev(s0))), f2(aS0pNextP, s0p, P(next(s0))), f2(aB0pPrevP, b0p, P(prev(b0))),
		f3(aS0pB0pB0prevP, s0p, b0p, P(prev(b0))), f3(aS0pS0nextPB0p, s0p, P(next(s0)), b0p),
		f3(aS1pS0pB0pB1p, f1(0, s1p)^s0p, b0p, b1p), f2(aS1wB0w, s1w, b0w), f2(aS0pB1w, s0p, b1w),
		f2(aS0wNextW, s0w, W(next(s0))), f2(aB0wPrevW, b0w, W(prev(b0))), f2(aB0pPrevW, b0p, W(prev(b0))),
		f1(aS0s, S(s0)), f1(aB0s, S(b0)), f1(aS1s, S(s1)), f1(aB1s, S(b1)),
		f2(aS0sB0s, S(s0), S(b0)), f2(aS0sB0p, S(s0), b0p), f2(aS0pB0s, s0p, S(b0)),
	)
}

// label feature templates
const (
	lHw = iota + 300
	lHp
	lDw
	lDp
	lHwDw
	lHpDp
	lHwDp
	lHpDw
	lHwpDwp
	lDirDistHpDp
	lDirDp
	lDirDw
	lDirHp
	lDl1wDp
	lDl1lDp
	lDr1lDp
	lDlsetDp
	lDrsetDp
	lDl1pDp
	lDr1pDp
	lHlsetDir
	lHrsetDir
	lDpNextP
	lDpPrevP
	lHpDpDl1w
	lDwDir
	lDpHpHhead
	lDvalDp
	lHl1lDir
	lDl2wDp
	lDr1wDp
	lHpPrevPDir
	lHwDpDir
	lHpDwDir
)

// labelFeatures are the features of an arc from h to d.
func labelFeatures(s *state, ws []pword, h, d int, feats []uint64) []uint64 {
	W, P := pwords(ws).w, pwords(ws).p
	L := func(i int) uint64 {
		if i <= 0 {
			return none
		}
		return uint64(s.label[i]) + 1
	}
	ch := func(v []int, i int) int {
		if i <= 0 || v[i] == 0 {
			return -1
		}
		return v[i]
	}
	dir, dd := arcShape(h, d, s.n)
	hw, hp, dw, dp := W(h), P(h), W(d), P(d)
	dl1, dl2, dr1 := ch(s.l1, d), ch(s.l2, d), ch(s.r1, d)
	next := -1
	if d < s.n {
		next = d + 1
	}
	prev := -1
	if d > 1 {
		prev = d - 1
	}
	hprev := -1
	if h > 1 {
		hprev = h - 1
	}
	val := uint64(min(s.nl[d], 3)*4 + min(s.nr[d], 3))
	hset := s.lset[h]
	hrset := s.rset[h]
	return append(feats[:0],
		f1(lHw, hw), f1(lHp, hp), f1(lDw, dw), f1(lDp, dp),
		f2(lHwDw, hw, dw), f2(lHpDp, hp, dp), f2(lHwDp, hw, dp), f2(lHpDw, hp, dw),
		f2(lHwpDwp, f1(0, hw)^hp, f1(0, dw)^dp), f3(lDirDistHpDp, dir*8+dd, hp, dp),
		f2(lDirDp, dir, dp), f2(lDirDw, dir, dw), f2(lDirHp, dir, hp),
		f2(lDl1wDp, W(dl1), dp), f2(lDl1lDp, L(dl1), dp), f2(lDr1lDp, L(dr1), dp),
		f2(lDlsetDp, s.lset[d], dp), f2(lDrsetDp, s.rset[d], dp),
		f2(lDl1pDp, P(dl1), dp), f2(lDr1pDp, P(dr1), dp),
		f3(lHlsetDir, hset, dir, dp), f3(lHrsetDir, hrset, dir, dp),
		f2(lDpNextP, dp, P(next)), f2(lDpPrevP, dp, P(prev)),
		f3(lHpDpDl1w, hp, dp, W(dl1)), f2(lDwDir, dw, dir*8+dd),
		f3(lDpHpHhead, dp, hp, dir), f2(lDvalDp, val, dp),
		f3(lHl1lDir, L(ch(s.l1, h)), dir, dp), f2(lDl2wDp, W(dl2), dp), f2(lDr1wDp, W(dr1), dp),
		f3(lHpPrevPDir, hp, P(hprev), dir),
		f3(lHwDpDir, hw, dp, dir), f3(lHpDwDir, hp, dw, dir),
	)
}

// scratch is what parsing one sentence needs, reused across sentences.
type scratch struct {
	st       state
	ws       []pword
	feats    []uint64
	scores   []float32
	lscore   []float32
	tt       []tagToken
	tree     tree
	relabels []int
	arcLab   []float32 // the labeller's scores of each word's arc, n x labels
}

// parse fills Head and Rel of every word, reading their XPOS.
func (p *parser) parse(words []Word, tt []tagToken, sc *scratch) {
	n := len(words)
	sc.ws = p.prepare(words, tt, sc.ws)
	s := &sc.st
	s.reset(n)
	if cap(sc.scores) < nActions {
		sc.scores = make([]float32, nActions)
	}
	if cap(sc.lscore) < len(p.labels) {
		sc.lscore = make([]float32, len(p.labels))
	}
	scores, lscore := sc.scores[:nActions], sc.lscore[:len(p.labels)]
	if need := n * len(p.labels); cap(sc.arcLab) < need {
		sc.arcLab = make([]float32, need)
	} else {
		sc.arcLab = sc.arcLab[:need]
	}
	for !s.done() {
		best, legal := -1, 0
		for a := 0; a < nActions; a++ {
			if s.legal(a) {
				best = a
				legal++
			}
		}
		// with one action legal, as when the stack is empty or the
		// buffer holds only the root, there is nothing to score
		if legal > 1 {
			sc.feats = arcFeatures(s, sc.ws, sc.feats)
			p.arcs.score(sc.feats, scores)
			best = -1
			for a := 0; a < nActions; a++ {
				if s.legal(a) && (best < 0 || scores[a] > scores[best]) {
					best = a
				}
			}
		}
		lab := 0
		if best != shift {
			h, d := p.arcEnds(s, best)
			sc.feats = labelFeatures(s, sc.ws, h, d, sc.feats)
			p.lab.score(sc.feats, lscore)
			lab = p.pickLabel(lscore, h)
			copy(sc.arcLab[(d-1)*len(lscore):], lscore)
		}
		s.apply(best, lab)
	}
	for i := 1; i <= n; i++ {
		words[i-1].Head = s.head[i]
		words[i-1].Rel = p.labels[s.label[i]]
	}
}

// pickLabel returns the best scored label for an arc from h: "root" for
// the root's dependent, any other for any other word's.
func (p *parser) pickLabel(scores []float32, h int) int {
	if h == 0 && p.root >= 0 {
		return p.root
	}
	best := -1
	for i, v := range scores {
		if i != p.root && (best < 0 || v > scores[best]) {
			best = i
		}
	}
	return max(best, 0)
}

func (p *parser) arcEnds(s *state, a int) (h, d int) {
	if a == left {
		return s.buf(0), s.st(0)
	}
	return s.st(1), s.st(0)
}

// trainOptions tune training.
type trainOptions struct {
	epochs         int
	explore        float64 // probability of following a wrong prediction, from epoch 2
	seed           uint64
	minCount       int32 // features seen fewer times in the first epoch are dropped
	projectiveOnly bool  // skip trees the transitions cannot build
	progress       func(epoch int, arcAcc float64, p *parser)
}

// trainParser trains on sentences whose XPOS is what the tagger will give
// at run time (jackknifed) and whose heads and relations are gold.
func trainParser(sents []Sentence, opts trainOptions) *parser {
	labelIndex := map[string]int{}
	p := &parser{}
	for _, s := range sents {
		for _, w := range s.Words {
			if _, ok := labelIndex[w.Rel]; !ok {
				labelIndex[w.Rel] = 0
				p.labels = append(p.labels, w.Rel)
			}
		}
	}
	sort.Strings(p.labels)
	p.setLabels(p.labels)
	labelIndex = p.index
	arcs, lab := newAveraged(nActions), newAveraged(len(p.labels))
	if opts.minCount > 1 {
		arcs.count(opts.minCount)
		lab.count(opts.minCount)
	}
	p.arcs, p.lab = arcs, lab
	rng := rand.New(rand.NewPCG(opts.seed, 2))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var sc scratch
	scores := make([]float32, nActions)
	lscore := make([]float32, len(p.labels))
	var gold, goldLab []int
	for e := 0; e < opts.epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, si := range order {
			words := sents[si].Words
			if opts.projectiveOnly && !projective(words) {
				continue
			}
			n := len(words)
			gold, goldLab = append(gold[:0], -1), append(goldLab[:0], 0)
			for _, w := range words {
				gold = append(gold, w.Head)
				goldLab = append(goldLab, labelIndex[w.Rel])
			}
			sc.ws = p.prepare(words, nil, sc.ws)
			s := &sc.st
			s.reset(n)
			for !s.done() {
				sc.feats = arcFeatures(s, sc.ws, sc.feats)
				arcs.score(sc.feats, scores)
				pred, best, bestCost := -1, -1, 1<<30
				costs := [nActions]int{}
				for a := 0; a < nActions; a++ {
					if !s.legal(a) {
						continue
					}
					costs[a] = s.cost(a, gold)
					if pred < 0 || scores[a] > scores[pred] {
						pred = a
					}
					if costs[a] < bestCost || (costs[a] == bestCost && scores[a] > scores[best]) {
						best, bestCost = a, costs[a]
					}
				}
				arcs.update(sc.feats, best, pred)
				total++
				next := best
				if costs[pred] == bestCost {
					right++
					next = pred
				} else if e > 0 && rng.Float64() < opts.explore {
					next = pred
				}
				lb := 0
				if next != shift {
					h, d := p.arcEnds(s, next)
					sc.feats = labelFeatures(s, sc.ws, h, d, sc.feats)
					lab.score(sc.feats, lscore)
					guess := p.pickLabel(lscore, h)
					want := goldLab[d]
					if (want == p.root) != (h == 0) {
						want = guess // a wrong arc: no label is right
					}
					lab.update(sc.feats, want, guess)
					lb = guess
					if gold[d] == h {
						lb = want
					}
				}
				s.apply(next, lb)
			}
		}
		arcs.stopCounting()
		lab.stopCounting()
		if opts.progress != nil {
			snap := &parser{labels: p.labels, arcs: arcs.table(), lab: lab.table()}
			opts.progress(e+1, float64(right)/float64(max(total, 1)), snap)
		}
	}
	p.arcs, p.lab = arcs.table(), lab.table()
	return p
}

func newParser(labels []string, arcs, lab, rel scorer) *parser {
	p := &parser{arcs: arcs, lab: lab, rel: rel}
	p.setLabels(labels)
	return p
}

func (p *parser) setLabels(labels []string) {
	p.labels, p.index, p.root = labels, make(map[string]int, len(labels)), -1
	for i, l := range labels {
		p.index[l] = i
		if l == "root" {
			p.root = i
		}
	}
}

// projective reports whether no two arcs of a tree cross.
func projective(words []Word) bool {
	for i, w := range words {
		a, b := min(i+1, w.Head), max(i+1, w.Head)
		if w.Head == 0 {
			continue
		}
		for j := a + 1; j < b; j++ {
			h := words[j-1].Head
			if h != 0 && (h < a || h > b) {
				return false
			}
			if h == 0 {
				return false // the root's arc spans the sentence's end
			}
		}
	}
	return true
}
