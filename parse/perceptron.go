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
// since at parsing speed a model is bound by its cache misses. Weights are
// kept as 16-bit multiples of scale: the averaged weights need no more
// precision than that.
//
// A model of denseMax classes or fewer (the parser's transitions) keeps
// buckets of one cache line each: eight features' 16-bit fingerprints and
// their weights side by side, so that a lookup, found or not, reads one
// line in most cases. A feature goes to the bucket its hash's high half
// chooses, or the next with room; a lookup goes on past a bucket only when
// it is full. A larger model keeps an open-addressing table of slots
// holding the hash's high 32 bits as a fingerprint and either a few
// (class, weight) pairs or the offset of a run of them.
type table struct {
	classes int
	size    uint64 // slots, or buckets
	scale   float32
	dense   []denseBucket // classes <= denseMax
	sparse  []sparseSlot
	ent     []pair
}

const (
	denseMax    = 3
	bucketSlots = 8
	// bucketLoad is how full the buckets are on average, in eighths: at
	// 5 of 8, about one bucket in eight is full and sends a lookup on.
	bucketLoad = 5
)

// denseBucket is 64 bytes: a cache line, since large slices start on a
// page boundary.
type denseBucket struct {
	// fp holds the places' fingerprints, four 16-bit lanes a word, the
	// first place in the low lane: 0 for an empty place; places fill from
	// the first.
	fp [bucketSlots / 4]uint64
	w  [bucketSlots][denseMax]int16
}

// lanes broadcasts a 16-bit value to the four lanes of a word.
const lanes = 0x0001000100010001

// find returns the place in d of fingerprint fp, bucketSlots if it has none,
// comparing four lanes at once. x has a zero lane where fp is; the lowest
// bit of m marks the first of them (the bits above it may be false).
func (d *denseBucket) find(fp uint16) int {
	pat := uint64(fp) * lanes
	x0, x1 := d.fp[0]^pat, d.fp[1]^pat
	m0 := (x0 - lanes) &^ x0 & (lanes << 15)
	m1 := (x1 - lanes) &^ x1 & (lanes << 15)
	k0 := bits.TrailingZeros64(m0) >> 4 // 4 when m0 is 0
	return k0 + k0>>2*(bits.TrailingZeros64(m1)>>4)
}

// full reports whether d's last place is taken, so that a feature d lacks
// may be in the next bucket.
func (d *denseBucket) full() bool { return d.fp[bucketSlots/4-1]>>48 != 0 }

func (d *denseBucket) place(k int) uint16 { return uint16(d.fp[k/4] >> (16 * (k % 4))) }

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
		t.size = uint64(max((len(b.keys)+bucketLoad-1)/bucketLoad, 2))
		t.dense = make([]denseBucket, t.size)
	} else {
		t.sparse = make([]sparseSlot, size)
	}
	for r, k := range b.keys {
		lo, hi := b.start[r], end(r)
		if t.dense != nil {
			var w [denseMax]int16
			for j := lo; j < hi; j++ {
				w[b.cls[j]] = q(b.ws[j])
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
func (t *table) insertDense(hi uint32, w [denseMax]int16) {
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
			hi := uint32(f >> 32)
			fp := fingerprint16(hi)
			for i := t.bucket(hi); ; i = t.next(i) {
				d := &t.dense[i]
				if k := d.find(fp); k < bucketSlots {
					for c, w := range d.w[k] {
						acc[c] += int32(w)
					}
					break
				}
				if !d.full() {
					break
				}
			}
		}
		for c := range scores {
			scores[c] = float32(acc[c]) * t.scale
		}
		return
	}
	var sink int16
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), rowsMax)]
		feats = feats[len(chunk):]
		sink += t.sparseChunk(chunk, scores)
	}
	if sink == 1 {
		scores[0] += 0
	}
	for c := range scores {
		scores[c] *= t.scale
	}
}

// rowsMax is how many features' rows sparseChunk gathers before it adds
// them up.
const rowsMax = 64

// sparseChunk adds the weights of up to rowsMax features into scores,
// unscaled. A feature with more weights than its slot holds has them in
// ent, a second miss: the rows are found and their lines read first, all
// of them, and added up after, so that those misses overlap too. It returns
// a sum of what it read only to be used.
func (t *table) sparseChunk(feats []uint64, scores []float32) int16 {
	var rows [rowsMax]struct{ start, end uint32 }
	nrows := 0
	var sink int16
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
				start, end := s.start, s.start+uint32(s.n)
				rows[nrows].start, rows[nrows].end = start, end
				nrows++
				// a line holds 16 pairs
				for k := start; k < end; k += 16 {
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
			scores[p.class] += float32(p.w)
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
