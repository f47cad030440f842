package parse

import (
	"math"
	"math/bits"
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

// table is a frozen perceptron: a hash table from feature hash to
// weights, laid out so that a lookup touches as little memory as it can,
// since at parsing speed a model is bound by its cache misses.
//
// A weight is kept as an 8-bit code on a logarithmic scale (code k>0 is
// scale·e^((k-1)·logStep), the sign in the top bit): the relative error is
// at most 4%, and on EWT the parser's scores do not move. A feature whose
// largest weight is below 1/pruneShare of the table's largest is dropped:
// that takes away nearly half the parser's transition features, which
// decide nothing (chosen on EWT dev).
//
// A model of denseMax classes or fewer (the parser's transitions) keeps
// buckets of one cache line each: twelve features' 16-bit fingerprints and
// their weights side by side, so that a lookup, found or not, reads one
// line in most cases. A feature goes to the bucket its hash's high half
// chooses, or the next with room; a lookup goes on past a bucket only when
// it is full. A larger model keeps an open-addressing table of 16-byte
// slots holding the hash's high 32 bits as a fingerprint and either up to
// inlineMax (class, weight) pairs or the offset of a run of them.
type table struct {
	classes int
	size    uint64 // slots, or buckets
	scale   float32
	value   [256]float32  // a code's weight
	dense   []denseBucket // classes <= denseMax
	sparse  []sparseSlot
	ent     []pair
}

const (
	denseMax    = 3
	bucketSlots = 12
	// bucketLoad is how many features a bucket holds on average: at 8 of
	// 12, about one bucket in nine is full and sends a lookup on.
	bucketLoad = 8
	pruneShare = 64
)

// logStep spaces the 127 magnitudes of a weight code from scale to
// 32767·scale.
var logStep = math.Log(32767) / 126

// denseBucket is 64 bytes: a cache line, since large slices start on a
// page boundary.
type denseBucket struct {
	// fp holds the places' fingerprints, four 16-bit lanes a word, the
	// first place in the low lane: 0 for an empty place; places fill from
	// the first.
	fp [bucketSlots / 4]uint64
	w  [bucketSlots][denseMax]uint8
	_  [64 - 8*bucketSlots/4 - bucketSlots*denseMax]byte
}

// lanes broadcasts a 16-bit value to the four lanes of a word.
const lanes = 0x0001000100010001

// find returns the place in d of fingerprint fp, bucketSlots if it has
// none, comparing four lanes at once. x has a zero lane where fp is; the
// lowest bit of m marks the first of them (the bits above it may be false).
func (d *denseBucket) find(fp uint16) int {
	pat := uint64(fp) * lanes
	x0, x1, x2 := d.fp[0]^pat, d.fp[1]^pat, d.fp[2]^pat
	m0 := (x0 - lanes) &^ x0 & (lanes << 15)
	m1 := (x1 - lanes) &^ x1 & (lanes << 15)
	m2 := (x2 - lanes) &^ x2 & (lanes << 15)
	// each k is 4 when its word has no match
	k0, k1, k2 := bits.TrailingZeros64(m0)>>4, bits.TrailingZeros64(m1)>>4, bits.TrailingZeros64(m2)>>4
	return k0 + k0>>2*(k1+k1>>2*k2)
}

// full reports whether d's last place is taken, so that a feature d lacks
// may be in the next bucket.
func (d *denseBucket) full() bool { return d.fp[bucketSlots/4-1]>>48 != 0 }

func (d *denseBucket) place(k int) uint16 { return uint16(d.fp[k/4] >> (16 * (k % 4))) }

// sparseSlot is 16 bytes. It holds up to inlineMax weights itself, so
// that most features cost one cache miss; a feature with more keeps them
// in ent, from the offset held in c's first four bytes.
type sparseSlot struct {
	fp uint32
	n  uint8 // weights
	c  [inlineMax]uint8
	w  [inlineMax]uint8
}

const inlineMax = 5

func (s *sparseSlot) start() uint32 {
	return uint32(s.c[0]) | uint32(s.c[1])<<8 | uint32(s.c[2])<<16 | uint32(s.c[3])<<24
}

// pair is one class's weight.
type pair struct {
	class uint8
	w     uint8
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

// slot is where a feature's probe starts in a sparse table: the low half
// of its hash scaled to the table's size (Lemire's fast range), so that
// the size need not be a power of two.
func (t *table) slot(f uint64) uint64 { return (f & 0xffffffff) * t.size >> 32 }

// setScale sets scale and the codes' weights.
func (t *table) setScale(scale float32) {
	t.scale = scale
	for k := 1; k < 128; k++ {
		v := scale * float32(math.Exp(float64(k-1)*logStep))
		t.value[k], t.value[k|128] = v, -v
	}
}

// code is the nearest code to weight w.
func (t *table) code(w float32) uint8 {
	a := math.Abs(float64(w / t.scale))
	if a < math.Exp(-logStep/2) {
		return 0
	}
	k := uint8(min(math.Round(math.Log(a)/logStep), 126)) + 1
	if w < 0 {
		k |= 128
	}
	return k
}

func (b *tableBuilder) build() *table {
	t := &table{classes: b.classes}
	var top float32
	for _, w := range b.ws {
		top = max(top, w, -w)
	}
	t.setScale(max(top, 1e-6) / 32767)
	end := func(r int) uint32 {
		if r+1 < len(b.start) {
			return b.start[r+1]
		}
		return uint32(len(b.cls))
	}
	var keep []int
	for r := range b.keys {
		var big float32
		for _, w := range b.ws[b.start[r]:end(r)] {
			big = max(big, w, -w)
		}
		if big >= top/pruneShare {
			keep = append(keep, r)
		}
	}
	if b.classes <= denseMax {
		t.size = uint64(max((len(keep)+bucketLoad-1)/bucketLoad, 2))
		t.dense = make([]denseBucket, t.size)
	} else {
		t.size = uint64(slotsFor(len(keep)))
		t.sparse = make([]sparseSlot, t.size)
	}
	for _, r := range keep {
		k := b.keys[r]
		lo, hi := b.start[r], end(r)
		if t.dense != nil {
			var w [denseMax]uint8
			for j := lo; j < hi; j++ {
				w[b.cls[j]] = t.code(b.ws[j])
			}
			t.insertDense(uint32(k>>32), w)
			continue
		}
		fp := fingerprint(k)
		i := t.slot(k)
		for t.sparse[i].fp != 0 {
			i = t.next(i)
		}
		sl := sparseSlot{fp: fp, n: uint8(hi - lo)}
		if hi-lo <= inlineMax {
			for j := lo; j < hi; j++ {
				sl.c[j-lo], sl.w[j-lo] = b.cls[j], t.code(b.ws[j])
			}
		} else {
			st := uint32(len(t.ent))
			sl.c[0], sl.c[1], sl.c[2], sl.c[3] = uint8(st), uint8(st>>8), uint8(st>>16), uint8(st>>24)
			for j := lo; j < hi; j++ {
				t.ent = append(t.ent, pair{class: b.cls[j], w: t.code(b.ws[j])})
			}
		}
		t.sparse[i] = sl
	}
	return t
}

// bucket is where a feature's lookup starts in a dense table, chosen by
// the high half of its hash, whose low 16 bits are its fingerprint there.
func (t *table) bucket(hi uint32) uint64 { return uint64(hi) * t.size >> 32 }

func fingerprint16(hi uint32) uint16 {
	if fp := uint16(hi); fp != 0 {
		return fp
	}
	return 1
}

// insertDense puts a feature, by the high half of its hash, into the first
// bucket from its own with room. Of two features with the same
// fingerprint in one bucket's run the first is kept: the second could not
// be told from it.
func (t *table) insertDense(hi uint32, w [denseMax]uint8) {
	fp := fingerprint16(hi)
	for i := t.bucket(hi); ; i = t.next(i) {
		d := &t.dense[i]
		for k := range bucketSlots {
			switch d.place(k) {
			case fp:
				return
			case 0:
				d.fp[k/4] |= uint64(fp) << (16 * (k % 4))
				d.w[k] = w
				return
			}
		}
	}
}

func (t *table) next(i uint64) uint64 {
	if i++; i == t.size {
		return 0
	}
	return i
}

// fingerprint is what a sparse slot keeps of a hash: its high half, never
// 0, which marks an empty slot. The low half chooses the slot.
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
		var acc [denseMax]float32
		for _, f := range feats {
			hi := uint32(f >> 32)
			fp := fingerprint16(hi)
			for i := t.bucket(hi); ; i = t.next(i) {
				d := &t.dense[i]
				if k := d.find(fp); k < bucketSlots {
					for c, w := range d.w[k] {
						acc[c] += t.value[w]
					}
					break
				}
				if !d.full() {
					break
				}
			}
		}
		copy(scores, acc[:])
		return
	}
	var sink uint8
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), rowsMax)]
		feats = feats[len(chunk):]
		sink += t.sparseChunk(chunk, scores)
	}
	if sink == 1 {
		scores[0] += 0
	}
}

// rowsMax is how many features' rows sparseChunk gathers before it adds
// them up.
const rowsMax = 64

// sparseChunk adds the weights of up to rowsMax features into scores. A
// feature with more weights than its slot holds has them in ent, a second
// miss: the rows are found and their lines read first, all of them, and
// added up after, so that those misses overlap too. It returns a sum of
// what it read only to be used.
func (t *table) sparseChunk(feats []uint64, scores []float32) uint8 {
	var rows [rowsMax]struct{ start, end uint32 }
	nrows := 0
	var sink uint8
	for _, f := range feats {
		fp := fingerprint(f)
		for i := t.slot(f); ; i = t.next(i) {
			s := &t.sparse[i]
			if s.fp == fp {
				if s.n <= inlineMax {
					for k := range s.n {
						scores[s.c[k]] += t.value[s.w[k]]
					}
					break
				}
				start := s.start()
				end := start + uint32(s.n)
				rows[nrows].start, rows[nrows].end = start, end
				nrows++
				// a line holds 32 pairs
				for k := start; k < end; k += 32 {
					sink += t.ent[k].w
				}
				sink += t.ent[end-1].w
				break
			}
			if s.fp == 0 {
				break
			}
		}
	}
	for _, r := range rows[:nrows] {
		for _, p := range t.ent[r.start:r.end] {
			scores[p.class] += t.value[p.w]
		}
	}
	return sink
}

// touch reads the first slot of every feature's probe before any is used:
// the reads do not depend on each other, so the processor has them all in
// flight at once, where the probing loop, with a branch on each, waits for
// one miss after another.
func (t *table) touch(feats []uint64) uint32 {
	var sink uint32
	if t.dense != nil {
		for _, f := range feats {
			sink += uint32(t.dense[t.bucket(uint32(f>>32))].fp[0])
		}
	} else {
		// a probe that finds nothing runs on for several slots: the
		// next line's four are read too
		last := t.size - 1
		for _, f := range feats {
			i := t.slot(f)
			sink += t.sparse[i].fp + t.sparse[min(i+4, last)].fp
		}
	}
	return sink
}

// stats returns the number of features and of weights.
func (t *table) stats() (features, weights int) {
	if t.dense != nil {
		for _, d := range t.dense {
			for k := range bucketSlots {
				if d.place(k) != 0 {
					features++
				}
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
