package graph

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"net/url"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"go.etcd.io/bbolt"

	"github.com/kgraph/kg/schema"
)

// kg's own index of the facts around each entity, kept beside Cayley's
// quads (in the bolt file, or in a table of the PostgreSQL database; see
// index_kv.go) and written in the same transactions.
//
// Cayley's kv store finds an entity's quads through its indexes, but reads
// each quad from its log by a key of its own, and each term of it by
// another: a hub's thousands of facts cost seconds. The index keeps, in key
// order, what a question about one entity reads, so that a hub's strongest
// neighbours and the facts between two entities are one range of keys each:
//
//	kg_pair  end \0 other                          -> how many facts' evidence join them, and the best confidence of it (see appendPair)
//	kg_adj   end \0 other \0 relation \0 dir \0 ev -> the evidence record (see appendRecord)
//	kg_ev    ev                                    -> the facts it labels, the entities it names, its aliases and document (see evEntry)
//	kg_ent   entity                                -> its name \0 its type
//	kg_rel   relation                              -> its name
//	kg_doc   document                              -> its name, hash, title, date and source (see docValue)
//	kg_name  folded \0 n \0 entity                 -> nothing: the entity's name, folded (see foldName)
//	kg_name  folded \0 s|o \0 ev                   -> nothing: what ev calls its fact's subject (s) or object (o), folded
//
// Each fact's evidence is under both its ends; dir is '>' where the end is
// the fact's subject, '<' where it is its object. kg_ev says which keys an
// evidence node has, so that a write that changes the node finds them.
//
// Every write of the store computes what it changes in the index from the
// quads it deletes and adds and what the store holds (reader.indexOps), and
// kg_name finds an entity by a name or alias written another way ("ZTE
// corp." for "ZTE Corp") without reading every entity and evidence node.
//
// The index is written in Cayley's own transaction (on bolt by its commit,
// hookedKV; on PostgreSQL by kg's flavour of Cayley's SQL store, see
// index_sql.go), so that a crash leaves both as they were or both written.
// Verify recomputes it from the quads. CockroachDB and memory stores have
// none: there, questions read Cayley's quads.
const (
	ixMeta    = "kg_index"
	ixPair    = "kg_pair"
	ixAdj     = "kg_adj"
	ixEv      = "kg_ev"
	ixEnt     = "kg_ent"
	ixName    = "kg_name"
	ixRel     = "kg_rel"
	ixDoc     = "kg_doc"
	ixVersion = "8" // kg_index "version": the layout above
)

// ixBuckets are the index's buckets, kg_index's version aside.
var ixBuckets = []string{ixEv, ixAdj, ixPair, ixEnt, ixName, ixRel, ixDoc}

// recordPreds are the evidence properties that kg_adj's record and kg_ev's
// entry are made of.
var recordPreds = []string{schema.Doc, schema.SentenceIndex, schema.Start, schema.End, schema.Text,
	schema.Negated, schema.Confidence, schema.When, schema.WhenISO, schema.SubjectAlias, schema.ObjectAlias,
	schema.Subject, schema.Object}

// entityPreds are the properties of an entity that kg_ent keeps.
var entityPreds = []string{schema.RDFType, schema.Name, schema.Type}

// docPreds are the properties of a document that kg_doc keeps.
var docPreds = []string{schema.RDFType, schema.Name, schema.Hash, schema.DocTitle, schema.DocDate, schema.DocSource}

// docValue returns the kg_doc value of a node with the properties p, nil if
// it is no document: its name, its hash (none where it has several), title,
// date and source, each a uvarint length and the bytes.
func docValue(p props) []byte {
	if !p.isA(schema.Document) {
		return nil
	}
	hash := ""
	if len(p.vals[quad.IRI(schema.Hash)]) == 1 {
		hash = p.str(schema.Hash)
	}
	return appendParts([]byte{}, p.str(schema.Name), hash, p.str(schema.DocTitle), p.str(schema.DocDate), p.str(schema.DocSource))
}

// decodeDoc is docValue's inverse, the document's evidence count aside.
func decodeDoc(b []byte) (DocStats, error) {
	var parts [5][]byte
	if err := splitParts(b, parts[:]); err != nil {
		return DocStats{}, errors.New("index: damaged document entry")
	}
	return DocStats{Name: string(parts[0]), Hash: string(parts[1]), Title: string(parts[2]), Date: string(parts[3]),
		Source: string(parts[4])}, nil
}

// entityValue returns the kg_ent value of a node with the properties p, nil
// if it is no entity.
func entityValue(p props) []byte {
	if !p.isA(schema.Entity) {
		return nil
	}
	return []byte(p.str(schema.Name) + "\x00" + p.str(schema.Type))
}

// isRecordPred reports whether pred is one of recordPreds.
func isRecordPred(pred quad.Value) bool {
	iri, ok := pred.(quad.IRI)
	return ok && slices.Contains(recordPreds, string(iri))
}

// index is the handle of a store's index: in the bolt file, or in a table
// of the PostgreSQL database (see index_sql.go).
type index struct {
	bolt *bbolt.DB // bolt: the file
	hook *hookedKV // bolt: the file as Cayley's store writes it
	sql  *sqlIndex // PostgreSQL
}

// setPending makes ops the changes that the next write of Cayley's store
// writes in its transaction; nil clears them.
func (ix *index) setPending(ops *indexOps) {
	if ix.sql != nil {
		if ops == nil {
			sqlPending.Delete(ix.sql.token)
		} else {
			sqlPending.Store(ix.sql.token, ops)
		}
		return
	}
	ix.hook.pending = ops
}

// hookedKV is the bolt file as Cayley's kv store uses it: its writing
// transactions write, when they commit, the index changes that the write
// being made has set as pending.
type hookedKV struct {
	hkv.KV
	pending *indexOps // set by reader.applyDeltas around one ApplyDeltas
}

func (h *hookedKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	tx, err := h.KV.Tx(ctx, rw)
	if err != nil || !rw || h.pending == nil {
		return tx, err
	}
	ops := h.pending
	h.pending = nil // one transaction writes them
	return &hookedTx{Tx: tx, ops: ops}, nil
}

func (h *hookedKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, h, fn)
}

func (h *hookedKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, h, fn)
}

type hookedTx struct {
	hkv.Tx
	ops *indexOps
}

func (t *hookedTx) Commit(ctx context.Context) error {
	if err := t.ops.write(ctx, kvWrite{t.Tx}); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return t.Tx.Commit(ctx)
}

// indexOps are the changes of one write to the index.
type indexOps struct {
	adjDel [][]byte
	adjPut []keyValue
	ev     []keyValue // a nil value deletes
	ent    []keyValue // a nil value deletes
	rel    []keyValue // a nil value deletes
	doc    []keyValue // a nil value deletes
	pairs  map[string]*pairChange
	// nameDel and namePut are kg_name keys; deletions go first, so that a
	// key both deleted and put is kept.
	nameDel, namePut [][]byte
}

// foldName folds a name as entity IDs do: "ZTE Corp." and "zte corp" are
// one.
func foldName(name string) string {
	return strings.TrimPrefix(schema.EntityID(name), schema.EntityID(""))
}

// entityNameKey returns the kg_name key of the entity id with the kg_ent
// value v, nil if its name folds to nothing.
func entityNameKey(id string, v []byte) []byte {
	name, _, _ := strings.Cut(string(v), "\x00")
	if f := foldName(name); f != "" {
		return []byte(f + "\x00n\x00" + id)
	}
	return nil
}

// aliasKeys returns the kg_name keys of the aliases of the evidence record
// rec.
func aliasKeys(rec schema.EvidenceRecord) [][]byte {
	var out [][]byte
	for _, a := range []struct{ alias, role string }{{rec.SubjectAlias, "s"}, {rec.ObjectAlias, "o"}} {
		if f := foldName(a.alias); f != "" {
			out = append(out, []byte(f+"\x00"+a.role+"\x00"+rec.ID))
		}
	}
	return out
}

// pairChange is what one write changes of a kg_pair entry.
type pairChange struct {
	n       int     // evidence added less evidence removed
	removed bool    // some evidence went: the best confidence is read again
	best    float64 // the best confidence of the evidence added
}

// appendPair appends the kg_pair value: the count, a uvarint, then the
// best confidence, a big-endian float64.
func appendPair(b []byte, n int, best float64) []byte {
	b = binary.AppendUvarint(b, uint64(n))
	return binary.BigEndian.AppendUint64(b, math.Float64bits(best))
}

// decodePair is appendPair's inverse.
func decodePair(v []byte) (n int, best float64, err error) {
	u, k := binary.Uvarint(v)
	if k <= 0 || len(v) != k+8 {
		return 0, 0, errors.New("index: damaged pair count")
	}
	return int(u), math.Float64frombits(binary.BigEndian.Uint64(v[k:])), nil
}

// recordConfidence is the confidence of an encoded evidence record: its
// last 9 bytes are the confidence and whether it is negated.
func recordConfidence(v []byte) (float64, error) {
	if len(v) < 9 {
		return 0, errRecord
	}
	return math.Float64frombits(binary.BigEndian.Uint64(v[len(v)-9:])), nil
}

// pair returns the change of the kg_pair key k.
func (o *indexOps) pair(k string) *pairChange {
	c := o.pairs[k]
	if c == nil {
		c = &pairChange{}
		o.pairs[k] = c
	}
	return c
}

type keyValue struct{ k, v []byte }

// write applies the changes in a writing transaction.
func (o *indexOps) write(ctx context.Context, tx ixWrite) error {
	if err := tx.del(ctx, ixAdj, o.adjDel); err != nil {
		return err
	}
	if err := tx.put(ctx, ixAdj, o.adjPut); err != nil {
		return err
	}
	for _, set := range []struct {
		bucket string
		kvs    []keyValue
	}{{ixEv, o.ev}, {ixEnt, o.ent}, {ixRel, o.rel}, {ixDoc, o.doc}} {
		var dels [][]byte
		var puts []keyValue
		for _, kv := range set.kvs {
			if kv.v == nil {
				dels = append(dels, kv.k)
			} else {
				puts = append(puts, kv)
			}
		}
		if err := tx.del(ctx, set.bucket, dels); err != nil {
			return err
		}
		if err := tx.put(ctx, set.bucket, puts); err != nil {
			return err
		}
	}
	if err := tx.del(ctx, ixName, o.nameDel); err != nil {
		return err
	}
	names := make([]keyValue, len(o.namePut))
	for i, k := range o.namePut {
		names[i] = keyValue{k, []byte{}}
	}
	if err := tx.put(ctx, ixName, names); err != nil {
		return err
	}
	// Counts are read and written again, locked in key order, so that
	// writers side by side (on PostgreSQL) wait for each other.
	keys := sortedKeys(o.pairs)
	bkeys := make([][]byte, len(keys))
	for i, k := range keys {
		bkeys[i] = []byte(k)
	}
	old, err := tx.getLocked(ctx, ixPair, bkeys)
	if err != nil {
		return err
	}
	var dels [][]byte
	var puts []keyValue
	for _, k := range keys {
		c := o.pairs[k]
		n, best := 0, 0.0
		if v, ok := old[k]; ok {
			if n, best, err = decodePair(v); err != nil {
				return err
			}
		}
		if n += c.n; n <= 0 {
			dels = append(dels, []byte(k))
			continue
		}
		best = max(best, c.best)
		if c.removed {
			// The best may have gone: read the pair's evidence as it is
			// now (kg_adj is written above).
			best = 0
			err := tx.scan(ctx, ixAdj, []byte(k+"\x00"), func(_, v []byte) error {
				conf, err := recordConfidence(v)
				best = max(best, conf)
				return err
			})
			if err != nil {
				return err
			}
		}
		puts = append(puts, keyValue{[]byte(k), appendPair(nil, n, best)})
	}
	if err := tx.del(ctx, ixPair, dels); err != nil {
		return err
	}
	return tx.put(ctx, ixPair, puts)
}

// spo is a fact's terms.
type spo struct{ s, p, o string }

// adjKeys returns the two kg_adj keys of the fact f labelled ev.
func adjKeys(f spo, ev string) [2][]byte {
	return [2][]byte{
		[]byte(f.s + "\x00" + f.o + "\x00" + f.p + "\x00>\x00" + ev),
		[]byte(f.o + "\x00" + f.s + "\x00" + f.p + "\x00<\x00" + ev),
	}
}

func pairKeys(f spo) [2]string { return [2]string{f.s + "\x00" + f.o, f.o + "\x00" + f.s} }

// evEntry is a kg_ev value: the facts an evidence node labels, sorted,
// the entities it names (kg:subject and kg:object), what it calls them,
// and its document node. The entity listing reads its mentions and aliases
// from these, and the store's counts its facts and each document's
// evidence.
type evEntry struct {
	facts                     []spo
	ends                      ends
	subjectAlias, objectAlias string
	doc                       string
}

// newEvEntry returns the kg_ev value of the evidence node with the facts,
// the properties p (recordPreds) and the record rec.
func newEvEntry(facts []spo, p props, rec schema.EvidenceRecord) evEntry {
	return evEntry{facts, endsOf(p), rec.SubjectAlias, rec.ObjectAlias, p.str(schema.Doc)}
}

func (e evEntry) encode() []byte {
	var facts []byte
	for _, f := range e.facts {
		facts = append(facts, f.s+"\x00"+f.p+"\x00"+f.o+"\n"...)
	}
	return appendParts(nil, string(facts), e.ends.subjects, e.ends.objects, e.subjectAlias, e.objectAlias, e.doc)
}

// appendParts appends each part as a uvarint length and its bytes: the
// form of kg_ev's and kg_doc's values.
func appendParts(b []byte, parts ...string) []byte {
	for _, p := range parts {
		b = binary.AppendUvarint(b, uint64(len(p)))
		b = append(b, p...)
	}
	return b
}

// splitParts is appendParts' inverse: it fills parts from b, in place.
func splitParts(b []byte, parts [][]byte) error {
	for i := range parts {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return errRecord
		}
		parts[i], b = b[k:k+int(n)], b[k+int(n):]
	}
	return nil
}

// decodeEv is evEntry.encode's inverse; nil gives no entry.
func decodeEv(b []byte) (evEntry, error) { return decodeEvFacts(b, true) }

// decodeEvFacts is decodeEv, without the facts unless withFacts is set.
func decodeEvFacts(b []byte, withFacts bool) (evEntry, error) {
	parts, err := evParts(b)
	if err != nil || len(b) == 0 {
		return evEntry{}, err
	}
	e := evEntry{ends: ends{string(parts[1]), string(parts[2])}, subjectAlias: string(parts[3]),
		objectAlias: string(parts[4]), doc: string(parts[5])}
	if !withFacts {
		return e, nil
	}
	for line := range strings.SplitSeq(strings.TrimSuffix(string(parts[0]), "\n"), "\n") {
		if f := strings.Split(line, "\x00"); len(f) == 3 {
			e.facts = append(e.facts, spo{f[0], f[1], f[2]})
		}
	}
	return e, nil
}

// ends are the entities an evidence node names as its subject and object
// (kg:subject and kg:object), each list joined by newlines: what the
// entity listing counts as the entity's mentions.
type ends struct{ subjects, objects string }

// endsOf returns the ends of the evidence node with the properties p.
func endsOf(p props) ends {
	join := func(pred string) string {
		var ids []string
		for _, v := range p.vals[quad.IRI(pred)] {
			ids = append(ids, iriString(v))
		}
		slices.Sort(ids)
		return strings.Join(ids, "\n")
	}
	return ends{join(schema.Subject), join(schema.Object)}
}

// appendRecord appends the evidence record, without its ID (the key's
// last part), in a compact form.
func appendRecord(b []byte, r schema.EvidenceRecord) []byte {
	str := func(s string) { b = binary.AppendUvarint(b, uint64(len(s))); b = append(b, s...) }
	str(r.Document)
	str(r.Text)
	str(r.Time)
	str(r.TimeISO)
	str(r.SubjectAlias)
	str(r.ObjectAlias)
	b = binary.AppendVarint(b, int64(r.SentenceIndex))
	b = binary.AppendVarint(b, int64(r.Start))
	b = binary.AppendVarint(b, int64(r.End))
	b = binary.BigEndian.AppendUint64(b, math.Float64bits(r.Confidence))
	neg := byte(0)
	if r.Negated {
		neg = 1
	}
	return append(b, neg)
}

var errRecord = errors.New("index: damaged evidence record")

// decodeRecord is appendRecord's inverse.
func decodeRecord(id string, b []byte) (schema.EvidenceRecord, error) {
	r := schema.EvidenceRecord{ID: id}
	bad := false
	str := func() string {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			bad = true
			return ""
		}
		s := string(b[k : k+int(n)])
		b = b[k+int(n):]
		return s
	}
	num := func() int {
		n, k := binary.Varint(b)
		if k <= 0 {
			bad = true
			return 0
		}
		b = b[k:]
		return int(n)
	}
	r.Document, r.Text, r.Time, r.TimeISO, r.SubjectAlias, r.ObjectAlias = str(), str(), str(), str(), str(), str()
	r.SentenceIndex, r.Start, r.End = num(), num(), num()
	if bad || len(b) != 9 {
		return r, errRecord
	}
	r.Confidence = math.Float64frombits(binary.BigEndian.Uint64(b))
	r.Negated = b[8] == 1
	return r, nil
}

// record makes the evidence record of the node id from its properties;
// docName names a document node.
func record(ctx context.Context, id string, p props, docName func(ctx context.Context, doc string) (string, error)) (schema.EvidenceRecord, error) {
	rec := schema.EvidenceRecord{ID: id, Text: p.str(schema.Text),
		Time:         p.str(schema.When),
		TimeISO:      p.str(schema.WhenISO),
		SubjectAlias: p.str(schema.SubjectAlias), ObjectAlias: p.str(schema.ObjectAlias)}
	rec.SentenceIndex = intProp(p, schema.SentenceIndex)
	rec.Start, rec.End = intProp(p, schema.Start), intProp(p, schema.End)
	neg, _ := p.first(schema.Negated).(quad.Bool)
	rec.Negated = bool(neg)
	if c, ok := p.first(schema.Confidence).(quad.Float); ok {
		rec.Confidence = float64(c)
	}
	if doc := p.str(schema.Doc); doc != "" {
		name, err := docName(ctx, doc)
		if err != nil {
			return schema.EvidenceRecord{}, err
		}
		rec.Document = name
		if rec.Document == "" { // no document node: the name its IRI encodes
			rec.Document, _ = url.PathUnescape(strings.TrimPrefix(doc, schema.Prefix+"doc/"))
		}
	}
	return rec, nil
}

// applyDeltas deletes del and adds add in one transaction of the quad
// store, and on a store with an index writes what that changes in it in the
// same transaction.
func (r reader) applyDeltas(ctx context.Context, del, add []quad.Quad, opts cgraph.IgnoreOpts) error {
	if len(del) == 0 {
		// A file may give a quad twice: add it once.
		tx := cgraph.NewTransactionN(len(add))
		for _, q := range add {
			tx.AddQuad(q)
		}
		add = add[:0:0]
		for _, d := range tx.Deltas {
			add = append(add, d.Quad)
		}
	}
	if r.ix == nil {
		return r.qs.ApplyDeltas(deltas(del, add), opts)
	}
	ops, err := r.indexOps(ctx, del, add)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	r.ix.setPending(ops)
	defer r.ix.setPending(nil)
	return r.qs.ApplyDeltas(deltas(del, add), opts)
}

// indexOps returns the changes to the index of a write that deletes del and
// adds add, as sets: a quad deleted that the store lacks, or added that it
// holds, changes nothing. It reads the evidence nodes the write touches, as
// the store and the index hold them before it.
func (r reader) indexOps(ctx context.Context, del, add []quad.Quad) (*indexOps, error) {
	type change struct {
		factsDel, factsAdd []spo
		propsDel, propsAdd []quad.Quad
	}
	touched := make(map[string]*change)
	at := func(ev string) *change {
		c := touched[ev]
		if c == nil {
			c = &change{}
			touched[ev] = c
		}
		return c
	}
	docNames := make(map[string]string)
	type entChange struct{ del, add []quad.Quad }
	ents := make(map[string]*entChange)
	rels := make(map[string]*entChange) // relation nodes, whose name changes
	docs := make(map[string]*entChange) // document nodes, whose properties change
	// keep notes that the write deletes or adds q, a property of the node id
	keep := func(m map[string]*entChange, id string, q quad.Quad, added bool) {
		c := m[id]
		if c == nil {
			c = &entChange{}
			m[id] = c
		}
		if added {
			c.add = append(c.add, q)
		} else {
			c.del = append(c.del, q)
		}
	}
	note := func(q quad.Quad, added bool) {
		if ev, ok := q.Label.(quad.IRI); ok {
			s, ok0 := q.Subject.(quad.IRI)
			p, ok1 := q.Predicate.(quad.IRI)
			o, ok2 := q.Object.(quad.IRI)
			if !ok0 || !ok1 || !ok2 {
				return
			}
			c := at(string(ev))
			if added {
				c.factsAdd = append(c.factsAdd, spo{string(s), string(p), string(o)})
			} else {
				c.factsDel = append(c.factsDel, spo{string(s), string(p), string(o)})
			}
			return
		}
		if q.Label != nil {
			return
		}
		ev, ok := q.Subject.(quad.IRI)
		if !ok {
			return
		}
		if pred, ok := q.Predicate.(quad.IRI); ok && slices.Contains(entityPreds, string(pred)) {
			keep(ents, string(ev), q, added)
		}
		if pred, ok := q.Predicate.(quad.IRI); ok && slices.Contains(docPreds, string(pred)) {
			keep(docs, string(ev), q, added)
		}
		if q.Predicate == quad.IRI(schema.Name) {
			if name, ok := q.Object.(quad.String); ok && added {
				docNames[string(ev)] = string(name)
			}
			if strings.HasPrefix(string(ev), schema.RelationPrefix) {
				keep(rels, string(ev), q, added)
			}
			return
		}
		if !isRecordPred(q.Predicate) {
			return
		}
		c := at(string(ev))
		if added {
			c.propsAdd = append(c.propsAdd, q)
		} else {
			c.propsDel = append(c.propsDel, q)
		}
	}
	for _, q := range del {
		note(q, false)
	}
	for _, q := range add {
		note(q, true)
	}
	absent, err := r.absentNodes(ctx, slices.Concat(sortedKeys(ents), sortedKeys(rels), sortedKeys(docs), sortedKeys(touched)))
	if err != nil {
		return nil, err
	}
	ops := &indexOps{pairs: make(map[string]*pairChange)}
	for _, id := range sortedKeys(docs) {
		c := docs[id]
		p, err := r.postProps(ctx, id, docPreds, c.del, c.add, absent[id])
		if err != nil {
			return nil, err
		}
		ops.doc = append(ops.doc, keyValue{[]byte(id), docValue(p)})
	}
	for _, id := range sortedKeys(ents) {
		c := ents[id]
		p, err := r.postProps(ctx, id, entityPreds, c.del, c.add, absent[id])
		if err != nil {
			return nil, err
		}
		v := entityValue(p)
		ops.ent = append(ops.ent, keyValue{[]byte(id), v})
		if v != nil {
			if k := entityNameKey(id, v); k != nil {
				ops.namePut = append(ops.namePut, k)
			}
		}
	}
	// The names the entities had: their kg_name keys go, unless put again.
	err = r.ix.view(ctx, func(tx ixRead) error {
		olds, err := tx.getMany(ctx, ixEnt, byteKeys(sortedKeys(ents)))
		if err != nil {
			return err
		}
		for _, id := range sortedKeys(ents) {
			if old := olds[id]; old != nil {
				if k := entityNameKey(id, old); k != nil {
					ops.nameDel = append(ops.nameDel, k)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, id := range sortedKeys(rels) {
		c := rels[id]
		p, err := r.postProps(ctx, id, []string{schema.Name}, c.del, c.add, absent[id])
		if err != nil {
			return nil, err
		}
		var v []byte
		if name := p.str(schema.Name); name != "" {
			v = []byte(name)
		}
		ops.rel = append(ops.rel, keyValue{[]byte(id), v})
	}
	if len(touched) == 0 {
		return ops, nil
	}
	docName := r.docNamer(docNames)
	err = r.ix.view(ctx, func(tx ixRead) error {
		entries, err := tx.getMany(ctx, ixEv, byteKeys(sortedKeys(touched)))
		if err != nil {
			return err
		}
		for _, ev := range sortedKeys(touched) {
			c := touched[ev]
			entry, err := decodeEv(entries[ev])
			if err != nil {
				return fmt.Errorf("%s: %w", ev, err)
			}
			before := entry.facts
			// the aliases it gave: their kg_name keys go, unless put again
			ops.nameDel = append(ops.nameDel, aliasKeys(schema.EvidenceRecord{ID: ev, SubjectAlias: entry.subjectAlias, ObjectAlias: entry.objectAlias})...)
			after := slices.Clone(before)
			after = slices.DeleteFunc(after, func(f spo) bool { return slices.Contains(c.factsDel, f) })
			for _, f := range c.factsAdd {
				if !slices.Contains(after, f) {
					after = append(after, f)
				}
			}
			slices.SortFunc(after, func(a, b spo) int { return strings.Compare(a.s+"\x00"+a.p+"\x00"+a.o, b.s+"\x00"+b.p+"\x00"+b.o) })
			for _, f := range before {
				for _, k := range adjKeys(f, ev) {
					ops.adjDel = append(ops.adjDel, k)
				}
				for _, k := range pairKeys(f) {
					c := ops.pair(k)
					c.n--
					c.removed = true
				}
			}
			if len(after) == 0 {
				if len(before) > 0 {
					ops.ev = append(ops.ev, keyValue{[]byte(ev), nil})
				}
				continue
			}
			p, err := r.postProps(ctx, ev, recordPreds, c.propsDel, c.propsAdd, absent[ev])
			if err != nil {
				return err
			}
			rec, err := record(ctx, ev, p, docName)
			if err != nil {
				return err
			}
			val := appendRecord(nil, rec)
			ops.namePut = append(ops.namePut, aliasKeys(rec)...)
			for _, f := range after {
				for _, k := range adjKeys(f, ev) {
					ops.adjPut = append(ops.adjPut, keyValue{k, val})
				}
				for _, k := range pairKeys(f) {
					c := ops.pair(k)
					c.n++
					c.best = max(c.best, rec.Confidence)
				}
			}
			ops.ev = append(ops.ev, keyValue{[]byte(ev), newEvEntry(after, p, rec).encode()})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A key deleted and put again is put: deletions go first.
	return ops, nil
}

// byteKeys returns the keys as byte slices.
func byteKeys(keys []string) [][]byte {
	out := make([][]byte, len(keys))
	for i, k := range keys {
		out[i] = []byte(k)
	}
	return out
}

// docNamer returns a function that names a document node, from names (of
// the documents being written) or else from the store, keeping each in
// names.
func (r reader) docNamer(names map[string]string) func(ctx context.Context, doc string) (string, error) {
	return func(ctx context.Context, doc string) (string, error) {
		if name, ok := names[doc]; ok {
			return name, nil
		}
		p, err := r.attrsOf(ctx, doc, schema.Name)
		if err != nil {
			return "", err
		}
		names[doc] = p.str(schema.Name)
		return names[doc], nil
	}
}

// postProps returns the properties preds of the node id as the store holds
// them once del is deleted and add added (quads of those properties of it).
// A node known to be absent from the store has only those added.
func (r reader) postProps(ctx context.Context, id string, preds []string, del, add []quad.Quad, absent bool) (props, error) {
	p := props{vals: make(map[quad.IRI][]quad.Value)}
	if absent {
	} else if ref, err := r.qs.ValueOf(quad.IRI(id)); err != nil {
		return p, err
	} else if ref != nil {
		if p, err = r.attrsOf(ctx, id, preds...); err != nil {
			return p, err
		}
	}
	for _, q := range del {
		pred := q.Predicate.(quad.IRI)
		p.vals[pred] = slices.DeleteFunc(p.vals[pred], func(v quad.Value) bool { return v == q.Object })
	}
	for _, q := range add {
		pred := q.Predicate.(quad.IRI)
		if !slices.Contains(p.vals[pred], q.Object) {
			p.vals[pred] = append(p.vals[pred], q.Object)
		}
	}
	return p, nil
}

// indexContent computes the whole index from the store's quads, bucket by
// bucket: what the index of a store that holds them is.
func (r reader) indexContent(ctx context.Context) (map[string]map[string][]byte, error) {
	facts := make(map[string][]spo)
	err := r.each(ctx, r.qs.QuadsAllIterator(), func(ref cgraph.Ref) error {
		if k, err := r.key(ref, quad.Label); err != nil || k == nil {
			return err
		}
		q, err := r.quad(ref)
		if err != nil {
			return err
		}
		s, ok0 := q.Subject.(quad.IRI)
		p, ok1 := q.Predicate.(quad.IRI)
		o, ok2 := q.Object.(quad.IRI)
		ev, ok3 := q.Label.(quad.IRI)
		if ok0 && ok1 && ok2 && ok3 {
			facts[string(ev)] = append(facts[string(ev)], spo{string(s), string(p), string(o)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string]map[string][]byte, len(ixBuckets))
	for _, name := range ixBuckets {
		out[name] = make(map[string][]byte)
	}
	docs, err := r.instances(ctx, schema.Document)
	if err != nil {
		return nil, err
	}
	for _, id := range docs {
		p, err := r.attrsOf(ctx, id, docPreds...)
		if err != nil {
			return nil, err
		}
		if v := docValue(p); v != nil {
			out[ixDoc][id] = v
		}
	}
	rels, err := r.instances(ctx, schema.Relation)
	if err != nil {
		return nil, err
	}
	for _, id := range rels {
		p, err := r.attrsOf(ctx, id, schema.Name)
		if err != nil {
			return nil, err
		}
		if name := p.str(schema.Name); name != "" && strings.HasPrefix(id, schema.RelationPrefix) {
			out[ixRel][id] = []byte(name)
		}
	}
	ents, err := r.instances(ctx, schema.Entity)
	if err != nil {
		return nil, err
	}
	for _, id := range ents {
		p, err := r.attrsOf(ctx, id, entityPreds...)
		if err != nil {
			return nil, err
		}
		if v := entityValue(p); v != nil {
			out[ixEnt][id] = v
			if k := entityNameKey(id, v); k != nil {
				out[ixName][string(k)] = []byte{}
			}
		}
	}
	type pairSum struct {
		n    int
		best float64
	}
	pairs := make(map[string]*pairSum)
	docNames := make(map[string]string)
	docName := r.docNamer(docNames)
	for ev, fs := range facts {
		slices.SortFunc(fs, func(a, b spo) int { return strings.Compare(a.s+"\x00"+a.p+"\x00"+a.o, b.s+"\x00"+b.p+"\x00"+b.o) })
		fs = slices.Compact(fs)
		p, err := r.attrsOf(ctx, ev, recordPreds...)
		if err != nil {
			return nil, err
		}
		rec, err := record(ctx, ev, p, docName)
		if err != nil {
			return nil, err
		}
		val := appendRecord(nil, rec)
		for _, k := range aliasKeys(rec) {
			out[ixName][string(k)] = []byte{}
		}
		for _, f := range fs {
			for _, k := range adjKeys(f, ev) {
				out[ixAdj][string(k)] = val
			}
			for _, k := range pairKeys(f) {
				if pairs[k] == nil {
					pairs[k] = &pairSum{}
				}
				pairs[k].n++
				pairs[k].best = max(pairs[k].best, rec.Confidence)
			}
		}
		out[ixEv][ev] = newEvEntry(fs, p, rec).encode()
	}
	for k, p := range pairs {
		out[ixPair][k] = appendPair(nil, p.n, p.best)
	}
	return out, nil
}

// buildIndex writes the whole index of the store anew, in one transaction:
// for a store that an older kg made, whose writes kept none.
func (s *Store) buildIndex(ctx context.Context, qs cgraph.QuadStore, ix *index) error {
	content, err := reader{qs: qs}.indexContent(ctx)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if ix.sql != nil {
		return ix.sql.build(ctx, content)
	}
	return ix.bolt.Update(func(tx *bbolt.Tx) error {
		for _, name := range ixBuckets {
			if err := tx.DeleteBucket([]byte(name)); err != nil && !errors.Is(err, bbolt.ErrBucketNotFound) {
				return err
			}
			b, err := tx.CreateBucket([]byte(name))
			if err != nil {
				return err
			}
			// Keys go in in order: pages filled, not split in halves, so
			// that a range of keys lies on as few pages as it can.
			b.FillPercent = 1
			for _, k := range sortedKeys(content[name]) {
				if err := b.Put([]byte(k), content[name][k]); err != nil {
					return err
				}
			}
		}
		meta, err := tx.CreateBucketIfNotExists([]byte(ixMeta))
		if err != nil {
			return err
		}
		return meta.Put([]byte("version"), []byte(ixVersion))
	})
}

// indexVersion returns the version of the bolt file's index, "" for none.
func indexVersion(db *bbolt.DB) (string, error) {
	var v string
	err := db.View(func(tx *bbolt.Tx) error {
		if b := tx.Bucket([]byte(ixMeta)); b != nil {
			v = string(b.Get([]byte("version")))
		}
		return nil
	})
	return v, err
}

// verifyIndex compares the index with what the quads make of it and
// reports each difference, up to a few of each bucket.
func (r reader) verifyIndex(ctx context.Context, report func(format string, args ...any)) error {
	want, err := r.indexContent(ctx)
	if err != nil {
		return err
	}
	show := func(k string) string { return strings.ReplaceAll(k, "\x00", " ") }
	return r.ix.view(ctx, func(tx ixRead) error {
		for _, name := range ixBuckets {
			w := want[name]
			seen := make(map[string]bool, len(w))
			bad := 0
			err := tx.scan(ctx, name, nil, func(k, v []byte) error {
				seen[string(k)] = true
				wv, ok := w[string(k)]
				switch {
				case !ok:
					bad++
					if bad <= 5 {
						report("index: %s holds %q, which no quad gives", name, show(string(k)))
					}
				case !bytes.Equal(wv, v):
					bad++
					if bad <= 5 {
						report("index: %s has another value for %q than the quads give", name, show(string(k)))
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			for _, k := range sortedKeys(w) {
				if !seen[k] {
					bad++
					if bad <= 5 {
						report("index: %s lacks %q", name, show(k))
					}
				}
			}
			if bad > 5 {
				report("index: %s: %d differences in all (kg verify --reindex builds it anew)", name, bad)
			}
		}
		return nil
	})
}

// ixFind is builder.find's first steps through kg_name and kg_ent: the
// entity named name exactly, else the one whose ID is name's, else the one
// whose name equals name ignoring case ("" if there is none; the first by
// ID where several are).
func (r reader) ixFind(ctx context.Context, name string) (string, error) {
	var found string
	err := r.ix.view(ctx, func(tx ixRead) error {
		var folded string
		prefix := []byte(foldName(name) + "\x00n\x00")
		errFound := errors.New("found")
		err := tx.scan(ctx, ixName, prefix, func(k, _ []byte) error {
			id := k[len(prefix):] // keys are in ID order: the first is the least
			v, err := tx.get(ctx, ixEnt, id)
			if err != nil {
				return err
			}
			stored, _, _ := strings.Cut(string(v), "\x00")
			if stored == name {
				found = string(id)
				return errFound
			}
			if folded == "" && strings.EqualFold(stored, name) {
				folded = string(id)
			}
			return nil
		})
		if err != nil {
			if errors.Is(err, errFound) {
				return nil
			}
			return err
		}
		id := schema.EntityID(name)
		v, err := tx.get(ctx, ixEnt, []byte(id))
		if err != nil {
			return err
		}
		if v != nil {
			found = id
			return nil
		}
		found = folded
		return nil
	})
	return found, err
}

// aliased is an evidence node that calls its fact's subject or object (pred
// schema.SubjectAlias or ObjectAlias) by some name.
type aliased struct{ id, pred string }

// ixAliased returns the evidence nodes whose subject or object alias folds
// as name does, through kg_name.
func (r reader) ixAliased(ctx context.Context, name string) ([]aliased, error) {
	var out []aliased
	err := r.ix.view(ctx, func(tx ixRead) error {
		for _, role := range []struct{ tag, pred string }{{"s", schema.SubjectAlias}, {"o", schema.ObjectAlias}} {
			prefix := []byte(foldName(name) + "\x00" + role.tag + "\x00")
			err := tx.scan(ctx, ixName, prefix, func(k, _ []byte) error {
				out = append(out, aliased{string(k[len(prefix):]), role.pred})
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// ixEntities is [Store.Entities] from the index, before sorting: names and
// types from kg_ent, degrees from kg_pair, and mentions and aliases from
// kg_ev, without reading a quad or an evidence record.
func (r reader) ixEntities(ctx context.Context, typ string) ([]schema.EntityInfo, error) {
	var out []schema.EntityInfo
	err := r.ix.view(ctx, func(tx ixRead) error {
		at := make(map[string]int) // entity -> its place in out
		err := tx.scan(ctx, ixEnt, nil, func(k, v []byte) error {
			name, t, _ := strings.Cut(string(v), "\x00")
			if typ != "" && !strings.EqualFold(t, typ) {
				return nil
			}
			at[string(k)] = len(out)
			out = append(out, schema.EntityInfo{ID: string(k), Name: cmp.Or(name, string(k)), Type: t, Aliases: []string{}})
			return nil
		})
		if err != nil {
			return err
		}
		err = tx.scan(ctx, ixPair, nil, func(k, _ []byte) error {
			end, other, _ := bytes.Cut(k, []byte{0})
			if i, ok := at[string(end)]; ok && !bytes.Equal(end, other) {
				out[i].Degree++
			}
			return nil
		})
		if err != nil {
			return err
		}
		aliases := make(map[int]map[string]bool)
		alias := func(i int, a string) {
			if a == "" || a == out[i].Name {
				return
			}
			if aliases[i] == nil {
				aliases[i] = make(map[string]bool)
			}
			aliases[i][a] = true
		}
		err = tx.scan(ctx, ixEv, nil, func(k, v []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			e, err := decodeEv(v)
			if err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			// An entity both subject and object of one evidence is
			// mentioned once and has both aliases.
			named := make(map[int]bool, 2)
			for _, role := range []struct{ ids, alias string }{{e.ends.subjects, e.subjectAlias}, {e.ends.objects, e.objectAlias}} {
				for id := range strings.SplitSeq(role.ids, "\n") {
					if i, ok := at[id]; ok {
						named[i] = true
						alias(i, role.alias)
					}
				}
			}
			for i := range named {
				out[i].Mentions++
			}
			return nil
		})
		for i, as := range aliases {
			out[i].Aliases = sortedKeys(as)
		}
		return err
	})
	return out, err
}

// ixCounts returns, from the index, the number of entities, of distinct
// facts whose subject is an entity (when withFacts is set; else 0), and of
// evidence nodes, and the number of evidence nodes of each document node.
// On a store that kg verify calls sound, these are what the quads give.
// It reads kg_ev's entries in place: a fact is counted by a 128-bit hash of
// its terms, not kept as strings.
func (r reader) ixCounts(ctx context.Context, withFacts bool) (entities, facts, evidence int64, perDoc map[string]int64, err error) {
	perDoc = make(map[string]int64)
	err = r.ix.view(ctx, func(tx ixRead) error {
		n, err := tx.count(ctx, ixEnt)
		if err != nil {
			return err
		}
		entities = int64(n)
		// which facts have an entity as subject: the entities are read
		// once, not once a fact
		isEntity := make(map[string]bool)
		if withFacts {
			err := tx.scan(ctx, ixEnt, nil, func(k, _ []byte) error {
				isEntity[string(k)] = true
				return nil
			})
			if err != nil {
				return err
			}
		}
		seen := make(map[[16]byte]bool)
		counts := make(map[string]*int64) // by document, not copying the key of each
		defer func() {
			for doc, c := range counts {
				perDoc[doc] = *c
			}
		}()
		h := fnv.New128a()
		var sum [16]byte
		return tx.scan(ctx, ixEv, nil, func(k, v []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			parts, err := evParts(v)
			if err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			evidence++
			if c := counts[string(parts[5])]; c != nil {
				*c++
			} else {
				c := int64(1)
				counts[string(parts[5])] = &c
			}
			if !withFacts {
				return nil
			}
			// facts are lines "s \0 p \0 o \n"
			for lines := parts[0]; len(lines) > 0; {
				line, rest, _ := bytes.Cut(lines, []byte{'\n'})
				lines = rest
				subject, _, ok := bytes.Cut(line, []byte{0})
				if !ok || !isEntity[string(subject)] {
					continue
				}
				h.Reset()
				h.Write(line)
				h.Sum(sum[:0])
				if !seen[sum] {
					seen[sum] = true
					facts++
				}
			}
			return nil
		})
	})
	return entities, facts, evidence, perDoc, err
}

// evParts returns the six parts of a kg_ev value (see evEntry.encode) in
// place: the facts, the subjects, the objects, the two aliases and the
// document.
func evParts(b []byte) (parts [6][]byte, err error) {
	if len(b) == 0 {
		return parts, nil
	}
	return parts, splitParts(b, parts[:])
}
