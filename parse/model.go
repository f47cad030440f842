package parse

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
)

//go:embed model/ewt.kgp
var embedded []byte

// Model is a trained tagger and parser. It is immutable and safe for
// concurrent use.
type Model struct {
	tagger *tagger
	parser *parser
	pool   sync.Pool // *scratch
}

// ErrBadModel is returned for a model file kg cannot read.
var ErrBadModel = errors.New("not a kg parser model")

// Load returns the model built into kg, trained on UD English EWT.
func Load() (*Model, error) { return Read(bytes.NewReader(embedded)) }

const magic = "kgparse3\n"

type header struct {
	Tags   []string          `json:"tags"`
	Labels []string          `json:"labels"`
	Sure   map[string]uint8  `json:"sure"`
	UPOS   map[string]string `json:"upos"`
	UPOS1  map[string]string `json:"upos1"`
	URel   map[string]string `json:"upos_rel"`
	Amb    map[string]uint64 `json:"amb"`
	Source string            `json:"source"`
}

// Analyze tags and parses one sentence's words in place: it fills XPOS,
// UPOS, Head and Rel, reading Form.
func (m *Model) Analyze(words []Word) {
	if len(words) == 0 {
		return
	}
	sc := m.scratch()
	defer m.pool.Put(sc)
	m.tag(words, sc)
	m.parser.parse(words, sc.tt, sc)
	m.parser.relabel(words, sc)
	m.tagger.relational(words, sc.tt)
}

// Parse fills Head and Rel, reading Form and XPOS as given.
func (m *Model) Parse(words []Word) {
	if len(words) == 0 {
		return
	}
	sc := m.scratch()
	defer m.pool.Put(sc)
	m.parser.parse(words, nil, sc)
	m.parser.relabel(words, sc)
}

// Tag fills XPOS and UPOS, reading Form.
func (m *Model) Tag(words []Word) {
	if len(words) == 0 {
		return
	}
	sc := m.scratch()
	defer m.pool.Put(sc)
	m.tag(words, sc)
}

func (m *Model) tag(words []Word, sc *scratch) {
	sc.tt = m.tagger.tokens(words, sc.tt)
	if cap(sc.scores) < len(m.tagger.tags) {
		sc.scores = make([]float32, len(m.tagger.tags))
	}
	m.tagger.tag(words, sc.tt, sc.feats, sc.scores[:len(m.tagger.tags)])
}

func (m *Model) scratch() *scratch {
	if sc, ok := m.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{}
}

// Labels returns the relations the parser assigns.
func (m *Model) Labels() []string { return append([]string(nil), m.parser.labels...) }

// Write writes the model in kg's binary format.
func (m *Model) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	h := header{Tags: m.tagger.tags, Labels: m.parser.labels, Sure: m.tagger.sure, UPOS: m.tagger.upos, UPOS1: m.tagger.upos1, URel: m.tagger.uposRel, Amb: m.tagger.amb,
		Source: "UD English EWT v2.15 (CC BY-SA 4.0), (c) 2013-2021 The Board of Trustees of the Leland Stanford Junior University"}
	js, err := json.Marshal(h)
	if err != nil {
		return err
	}
	bw.WriteString(magic)
	binary.Write(bw, binary.LittleEndian, uint32(len(js)))
	bw.Write(js)
	if m.tagger.first == nil {
		return errors.New("write model: the tagger has no first pass")
	}
	for _, sc := range []scorer{m.tagger.first.model, m.tagger.model, m.parser.arcs, m.parser.lab, m.parser.rel} {
		t, ok := sc.(*table)
		if !ok {
			return errors.New("write model: not trained")
		}
		if err := t.write(bw); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Read reads a model written by Write.
func Read(r io.Reader) (*Model, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	mg := make([]byte, len(magic))
	if _, err := io.ReadFull(br, mg); err != nil || string(mg) != magic {
		return nil, ErrBadModel
	}
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil || n > 64<<20 {
		return nil, fmt.Errorf("%w: header", ErrBadModel)
	}
	js := make([]byte, n)
	if _, err := io.ReadFull(br, js); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrBadModel, err)
	}
	var h header
	if err := json.Unmarshal(js, &h); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrBadModel, err)
	}
	var ts [5]*table
	for i := range ts {
		t, err := readTable(br)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
		}
		ts[i] = t
	}
	if ts[0].classes != len(h.Tags) || ts[1].classes != len(h.Tags) || ts[2].classes != nActions || ts[3].classes != len(h.Labels) || ts[4].classes != len(h.Labels) {
		return nil, fmt.Errorf("%w: class counts do not match", ErrBadModel)
	}
	for _, c := range h.Sure {
		if int(c) >= len(h.Tags) {
			return nil, fmt.Errorf("%w: tag dictionary", ErrBadModel)
		}
	}
	return &Model{
		tagger: &tagger{tags: h.Tags, model: ts[1], sure: h.Sure, upos: h.UPOS, upos1: h.UPOS1, uposRel: h.URel, amb: h.Amb,
			first: &tagger{tags: h.Tags, model: ts[0], sure: h.Sure, amb: h.Amb}},
		parser: newParser(h.Labels, ts[2], ts[3], ts[4]),
	}, nil
}

func (t *table) write(w io.Writer) error {
	le := binary.LittleEndian
	var b []byte
	b = le.AppendUint32(b, uint32(t.classes))
	b = le.AppendUint32(b, uint32(t.size))
	b = le.AppendUint32(b, uint32(len(t.ent)))
	b = le.AppendUint32(b, math.Float32bits(t.scale))
	for _, d := range t.dense {
		for _, x := range d.fp {
			b = le.AppendUint64(b, x)
		}
		for _, w := range d.w {
			b = append(b, w[:]...)
		}
	}
	for _, s := range t.sparse {
		b = le.AppendUint32(b, s.fp)
		b = append(b, s.n)
		b = append(b, s.c[:]...)
		b = append(b, s.w[:]...)
	}
	for _, p := range t.ent {
		b = append(b, p.class, p.w)
	}
	_, err := w.Write(b)
	return err
}

// sparseSize and denseSize are a slot's and a bucket's size in the file.
const (
	sparseSize = 4 + 1 + 2*inlineMax
	denseSize  = 8*bucketSlots/4 + bucketSlots*denseMax
)

func readTable(r io.Reader) (*table, error) {
	le := binary.LittleEndian
	var hdr [16]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	classes, slots, ents := int(le.Uint32(hdr[0:])), int(le.Uint32(hdr[4:])), int(le.Uint32(hdr[8:]))
	scale := math.Float32frombits(le.Uint32(hdr[12:]))
	if classes == 0 || classes > 256 || slots < 2 || slots > 1<<28 || ents > 1<<30 ||
		(classes <= denseMax && ents != 0) || !(scale > 0) || math.IsInf(float64(scale), 0) {
		return nil, errors.New("table sizes")
	}
	t := &table{classes: classes, size: uint64(slots)}
	t.setScale(scale)
	slotSize := sparseSize
	if classes <= denseMax {
		slotSize = denseSize
	}
	buf := make([]byte, slots*slotSize+ents*2)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, err
	}
	// A lookup of a missing feature stops at a bucket or slot with room: a
	// damaged table without one would never stop.
	empty := false
	if classes <= denseMax {
		t.dense = make([]denseBucket, slots)
		for i := range t.dense {
			b := buf[i*slotSize:]
			d := &t.dense[i]
			for k := range d.fp {
				d.fp[k] = le.Uint64(b[8*k:])
			}
			b = b[8*len(d.fp):]
			for k := range d.w {
				copy(d.w[k][:], b[k*denseMax:])
			}
			empty = empty || !d.full()
		}
		if !empty {
			return nil, errors.New("table full")
		}
		return t, nil
	}
	t.ent = make([]pair, ents)
	eb := buf[slots*slotSize:]
	for i := range t.ent {
		t.ent[i] = pair{class: eb[2*i], w: eb[2*i+1]}
		if int(eb[2*i]) >= classes {
			return nil, errors.New("table classes")
		}
	}
	t.sparse = make([]sparseSlot, slots)
	for i := range t.sparse {
		b := buf[i*slotSize:]
		s := &t.sparse[i]
		s.fp, s.n = le.Uint32(b), b[4]
		copy(s.c[:], b[5:])
		copy(s.w[:], b[5+inlineMax:])
		if s.fp == 0 {
			empty = true
			continue
		}
		// A damaged file must not send score out of range.
		if s.n == 0 || (s.n > inlineMax && int(s.start())+int(s.n) > ents) {
			return nil, errors.New("table rows")
		}
		for k := 0; s.n <= inlineMax && k < int(s.n); k++ {
			if int(s.c[k]) >= classes {
				return nil, errors.New("table classes")
			}
		}
	}
	if !empty {
		return nil, errors.New("table full")
	}
	return t, nil
}
