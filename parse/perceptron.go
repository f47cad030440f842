package parse

import (
	"math"
	"sort"
)

// averaged is an averaged perceptron during training (Collins 2002; the
// averaging is lazy, as Daumé describes it). Features are 64-bit hashes;
// each keeps weights for the classes it was ever updated for, which is a few
// of them, so a model of fifty classes costs little more than one of three.
type averaged struct {
	classes int
	rows    map[uint64][]entry
	step    int32 // updates so far: the clock the averages are kept against

	// counting makes update count how often each feature occurs; table then
	// keeps only the features seen at least minCount times, which makes the
	// model several times smaller at no cost in accuracy.
	counting bool
	seen     map[uint64]int32
	minCount int32
}

type entry struct {
	class int32
	ts    int32   // step at which total was last brought up to date
	w     float64 // current weight
	total float64 // sum of w over every step up to ts
}

func newAveraged(classes int) *averaged {
	return &averaged{classes: classes, rows: make(map[uint64][]entry, 1<<16)}
}

// count makes update count features until stop is called; table keeps
// only those seen min times.
func (p *averaged) count(min int32) {
	p.counting, p.minCount = true, min
	if p.seen == nil {
		p.seen = make(map[uint64]int32, 1<<20)
	}
}

func (p *averaged) stopCounting() { p.counting = false }

// score adds each feature's current weights into scores.
func (p *averaged) score(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		for _, e := range p.rows[f] {
			scores[e.class] += float32(e.w)
		}
	}
}

// update rewards the features for truth and penalises them for guess.
func (p *averaged) update(feats []uint64, truth, guess int) {
	p.step++
	if p.counting {
		for _, f := range feats {
			p.seen[f]++
		}
	}
	if truth == guess {
		return
	}
	for _, f := range feats {
		row := p.rows[f]
		row = p.bump(row, truth, 1)
		row = p.bump(row, guess, -1)
		p.rows[f] = row
	}
}

func (p *averaged) bump(row []entry, class int, v float64) []entry {
	for i := range row {
		e := &row[i]
		if int(e.class) == class {
			e.total += float64(p.step-e.ts) * e.w
			e.ts = p.step
			e.w += v
			return row
		}
	}
	return append(row, entry{class: int32(class), ts: p.step, w: v})
}

// table freezes the averaged weights into a compact read-only table,
// dropping weights whose average rounds to nothing.
func (p *averaged) table() *table {
	keys := make([]uint64, 0, len(p.rows))
	for k := range p.rows {
		if p.seen != nil && p.seen[k] < p.minCount {
			continue
		}
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	b := newTableBuilder(p.classes)
	var cls []uint8
	var ws []float32
	for _, k := range keys {
		cls, ws = cls[:0], ws[:0]
		for _, e := range p.rows[k] {
			total := e.total + float64(p.step-e.ts)*e.w
			avg := total / float64(max(p.step, 1))
			if math.Abs(avg) < 1e-3 {
				continue
			}
			cls = append(cls, uint8(e.class))
			ws = append(ws, float32(avg))
		}
		if len(cls) > 0 {
			b.add(k, cls, ws)
		}
	}
	return b.build()
}

// table is a frozen perceptron: an open-addressing hash table from feature
// hash to weights, laid out so that a lookup touches as little memory as it
// can, since at parsing speed a model is bound by its cache misses. A slot
// holds the hash's high 32 bits as a fingerprint and, when the model has
// four classes or fewer, the weights themselves; otherwise the offset of a
// run of (class, weight) pairs. Weights are kept as 16-bit multiples of
// scale: the averaged weights need no more precision than that.
type table struct {
	classes int
	size    uint64 // slots
	scale   float32
	dense   []denseSlot // classes <= denseMax
	sparse  []sparseSlot
	ent     []pair
}

const denseMax = 4

type denseSlot struct {
	fp uint32
	w  [denseMax]int16
}

// sparseSlot holds up to inlineMax weights itself, so that most features
// cost one cache miss; a feature with more keeps them in ent from start.
type sparseSlot struct {
	fp    uint32
	start uint32
	n     uint8 // weights; those past inlineMax are all in ent
	c     [inlineMax]uint8
	w     [inlineMax]int16
}

const inlineMax = 3

// pair is one class's weight.
type pair struct {
	class uint8
	w     int16
}

type tableBuilder struct {
	classes int
	keys    []uint64
	start   []uint32
	cls     []uint8
	ws      []float32
}

func newTableBuilder(classes int) *tableBuilder { return &tableBuilder{classes: classes} }

func (b *tableBuilder) add(key uint64, cls []uint8, ws []float32) {
	b.keys = append(b.keys, key)
	b.start = append(b.start, uint32(len(b.cls)))
	b.cls = append(b.cls, cls...)
	b.ws = append(b.ws, ws...)
}

// slotsFor is the table size for n keys: at most 75% full.
func slotsFor(n int) int { return max(n*4/3+1, 2) }

// slot is where a feature's probe starts: the low half of its hash scaled
// to the table's size (Lemire's fast range), so that the size need not be
// a power of two.
func (t *table) slot(f uint64) uint64 { return (f & 0xffffffff) * t.size >> 32 }

func (b *tableBuilder) build() *table {
	size := slotsFor(len(b.keys))
	t := &table{classes: b.classes, size: uint64(size)}
	var top float32
	for _, w := range b.ws {
		top = max(top, w, -w)
	}
	t.scale = max(top, 1e-6) / 32767
	q := func(w float32) int16 { return int16(math.Round(float64(w / t.scale))) }
	end := func(r int) uint32 {
		if r+1 < len(b.start) {
			return b.start[r+1]
		}
		return uint32(len(b.cls))
	}
	if b.classes <= denseMax {
		t.dense = make([]denseSlot, size)
	} else {
		t.sparse = make([]sparseSlot, size)
	}
	for r, k := range b.keys {
		fp := fingerprint(k)
		i := t.slot(k)
		lo, hi := b.start[r], end(r)
		if t.dense != nil {
			for t.dense[i].fp != 0 {
				i = t.next(i)
			}
			d := denseSlot{fp: fp}
			for j := lo; j < hi; j++ {
				d.w[b.cls[j]] = q(b.ws[j])
			}
			t.dense[i] = d
			continue
		}
		for t.sparse[i].fp != 0 {
			i = t.next(i)
		}
		sl := sparseSlot{fp: fp, n: uint8(hi - lo)}
		if hi-lo <= inlineMax {
			for j := lo; j < hi; j++ {
				sl.c[j-lo], sl.w[j-lo] = b.cls[j], q(b.ws[j])
			}
		} else {
			sl.start = uint32(len(t.ent))
			for j := lo; j < hi; j++ {
				t.ent = append(t.ent, pair{class: b.cls[j], w: q(b.ws[j])})
			}
		}
		t.sparse[i] = sl
	}
	return t
}

func (t *table) next(i uint64) uint64 {
	if i++; i == t.size {
		return 0
	}
	return i
}

// fingerprint is what a slot keeps of a hash: its high half, never 0,
// which marks an empty slot. The low half chooses the slot.
func fingerprint(k uint64) uint32 {
	if fp := uint32(k >> 32); fp != 0 {
		return fp
	}
	return 1
}

// score adds each feature's weights into scores, which it clears first.
func (t *table) score(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	// the sum touch returns is used, so that its reads are not
	// optimised away: a fingerprint sum of 1 costs one more probe
	if t.touch(feats) == 1 {
		scores[0] += 0
	}
	if t.dense != nil {
		var acc [denseMax]int32
		for _, f := range feats {
			fp := fingerprint(f)
			for i := t.slot(f); ; i = t.next(i) {
				d := &t.dense[i]
				if d.fp == fp {
					for c, w := range d.w {
						acc[c] += int32(w)
					}
					break
				}
				if d.fp == 0 {
					break
				}
			}
		}
		for c := range scores {
			scores[c] = float32(acc[c]) * t.scale
		}
		return
	}
	for _, f := range feats {
		fp := fingerprint(f)
		for i := t.slot(f); ; i = t.next(i) {
			s := &t.sparse[i]
			if s.fp == fp {
				if s.n <= inlineMax {
					for k := range s.n {
						scores[s.c[k]] += float32(s.w[k])
					}
					break
				}
				for _, p := range t.ent[s.start : s.start+uint32(s.n)] {
					scores[p.class] += float32(p.w)
				}
				break
			}
			if s.fp == 0 {
				break
			}
		}
	}
	for c := range scores {
		scores[c] *= t.scale
	}
}

// touch reads the first slot of every feature's probe before any is used:
// the reads do not depend on each other, so the processor has them all in
// flight at once, where the probing loop, with a branch on each, waits for
// one miss after another.
func (t *table) touch(feats []uint64) uint32 {
	var sink uint32
	if t.dense != nil {
		for _, f := range feats {
			sink += t.dense[t.slot(f)].fp
		}
	} else {
		for _, f := range feats {
			sink += t.sparse[t.slot(f)].fp
		}
	}
	return sink
}

// stats returns the number of features and of weights.
func (t *table) stats() (features, weights int) {
	if t.dense != nil {
		for _, d := range t.dense {
			if d.fp != 0 {
				features++
			}
		}
		return features, features * t.classes
	}
	for _, s := range t.sparse {
		if s.fp != 0 {
			features++
			weights += int(s.n)
		}
	}
	return features, weights
}
