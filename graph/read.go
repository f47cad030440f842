package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	crefs "github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// Stats counts what a store holds.
type Stats struct {
	Quads     int64 `json:"quads"`
	Entities  int64 `json:"entities"`
	Facts     int64 `json:"facts"` // distinct (subject, relation, object) triples
	Documents int64 `json:"documents"`
	Evidence  int64 `json:"evidence"`
}

// DocStats describes one document of the store.
type DocStats struct {
	Name     string `json:"name"`
	Hash     string `json:"hash,omitempty"`   // as loaded by LoadDocument; empty from Load
	Evidence int64  `json:"evidence"`         // evidence nodes, one per fact and sentence
	Title    string `json:"title,omitempty"`  // as loaded by LoadDocument, where the input gave one
	Date     string `json:"date,omitempty"`   // as the input wrote it
	Source   string `json:"source,omitempty"` // the file the document was read from
}

// Size returns the bytes the store takes: the bolt file's size, or what
// PostgreSQL reports for Cayley's tables and their indexes; 0 for memory and
// CockroachDB, where no figure is cheap.
func (s *Store) Size(ctx context.Context) (int64, error) {
	switch s.backend {
	case Bolt:
		fi, err := os.Stat(s.path)
		if err != nil {
			return 0, fmt.Errorf("size: %w", err)
		}
		return fi.Size(), nil
	case Postgres:
		var n int64
		err := s.db.QueryRowContext(ctx,
			`SELECT pg_total_relation_size('quads'::regclass) + pg_total_relation_size('nodes'::regclass)`).Scan(&n)
		if err != nil {
			return 0, fmt.Errorf("size: %w", err)
		}
		return n, nil
	}
	return 0, nil
}

// Documents returns each document of the store with its evidence count,
// sorted by name. It reads the document nodes and the quads that point to
// them.
func (s *Store) Documents(ctx context.Context) ([]DocStats, error) {
	qs, release, err := s.use()
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	defer release()
	r := reader{qs: qs, ix: s.ix}
	if r.ix != nil {
		out, err := r.ixDocuments(ctx)
		if err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		return out, nil
	}
	ids, err := r.instances(ctx, schema.Document)
	if err != nil {
		return nil, fmt.Errorf("documents: %w", err)
	}
	var perDoc map[string]int64
	out := make([]DocStats, 0, len(ids))
	for _, id := range ids {
		p, err := r.props(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		n, ok := perDoc[id]
		if !ok && perDoc == nil {
			evs, err := r.evidenceOf(ctx, id)
			if err != nil {
				return nil, fmt.Errorf("documents: %w", err)
			}
			n = int64(len(evs))
		}
		d := DocStats{Name: p.str(schema.Name), Evidence: n}
		if len(p.vals[quad.IRI(schema.Hash)]) == 1 {
			d.Hash = p.str(schema.Hash)
		}
		d.Title, d.Date, d.Source = p.str(schema.DocTitle), p.str(schema.DocDate), p.str(schema.DocSource)
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b DocStats) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// ixDocuments is Documents from the index: each document's properties
// from kg_doc, and its evidence counted in kg_ev.
func (r reader) ixDocuments(ctx context.Context) ([]DocStats, error) {
	_, _, _, perDoc, err := r.ixCounts(ctx, false)
	if err != nil {
		return nil, err
	}
	var out []DocStats
	err = r.ix.view(ctx, func(tx ixRead) error {
		return tx.scan(ctx, ixDoc, nil, func(k, v []byte) error {
			d, err := decodeDoc(v)
			if err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
			d.Evidence = perDoc[string(k)]
			out = append(out, d)
			return nil
		})
	})
	if out == nil {
		out = []DocStats{}
	}
	slices.SortFunc(out, func(a, b DocStats) int { return strings.Compare(a.Name, b.Name) })
	return out, err
}

// Stats counts the quads and the nodes of each class in the store, and the
// distinct facts. It reads every entity, so it takes time on a large store.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	qs, release, err := s.use()
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	defer release()
	st, err := stats(ctx, reader{qs: qs, ix: s.ix})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

func stats(ctx context.Context, r reader) (Stats, error) {
	qs := r.qs
	// kv counts its quads exactly either way (and exact would count its
	// nodes by a scan); SQL stores estimate unless asked for a COUNT.
	_, isKV := qs.(*kv.QuadStore)
	cs, err := qs.Stats(ctx, !isKV)
	if errors.Is(err, kv.ErrNoBucket) {
		err = nil // a kv store that has never been written to has no size yet
	}
	if err != nil {
		return Stats{}, err
	}
	st := Stats{Quads: cs.Quads.Value}
	if r.ix != nil {
		err := r.ix.view(ctx, func(tx ixRead) error {
			n, err := tx.count(ctx, ixDoc)
			st.Documents = int64(n)
			return err
		})
		if err != nil {
			return Stats{}, err
		}
		st.Entities, st.Facts, st.Evidence, _, err = r.ixCounts(ctx, true)
		return st, err
	}
	for _, c := range []struct {
		class string
		n     *int64
	}{
		{schema.Document, &st.Documents},
		{schema.Evidence, &st.Evidence},
	} {
		ids, err := r.instances(ctx, c.class)
		if err != nil {
			return Stats{}, err
		}
		*c.n = int64(len(ids))
	}
	entities, err := r.instances(ctx, schema.Entity)
	if err != nil {
		return Stats{}, err
	}
	st.Entities = int64(len(entities))
	for _, e := range entities {
		facts := make(map[[2]quad.Value]bool) // (relation, object) of e's facts
		err := r.quads(ctx, quad.Subject, quad.IRI(e), func(q quad.Quad) error {
			if q.Label != nil {
				facts[[2]quad.Value{q.Predicate, q.Object}] = true
			}
			return nil
		})
		if err != nil {
			return Stats{}, err
		}
		st.Facts += int64(len(facts))
	}
	return st, nil
}

// reader reads a quad store through its indexes. Cayley's kv store indexes
// quads by subject and by object: reader never looks a quad up by predicate
// or label, which would scan the whole store.
type reader struct {
	qs cgraph.QuadStore
	// names, when not nil, keeps the value of each node reference read, by
	// its key: the reads of a few entities meet the same relations,
	// entities and documents again and again.
	names map[any]quad.Value
	// between, when not nil, runs between the two steps of a bolt write
	// (see apply); an error stops the write there. Tests crash with it.
	between func() error
	// ix, when not nil, is the store's own index, which writes keep and
	// reads may use (see index.go).
	ix *index
}

// quads calls fn with each quad that has v in direction d.
func (r reader) quads(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	return r.refs(ctx, d, v, func(ref cgraph.Ref) error {
		q, err := r.quad(ref)
		if err != nil {
			return fmt.Errorf("read quad: %w", err)
		}
		return fn(q)
	})
}

// quad reads the quad of a reference, through r.names when it is set.
func (r reader) quad(ref cgraph.Ref) (quad.Quad, error) {
	if r.names == nil {
		return r.qs.Quad(ref)
	}
	var q quad.Quad
	for _, d := range quad.Directions {
		v, err := r.value(ref, d)
		if err != nil {
			return q, err
		}
		if v != nil {
			q.Set(d, v)
		}
	}
	return q, nil
}

// value returns the value of the quad ref in direction d (nil for a quad
// without a label), through the reader's cache of values where it has one.
func (r reader) value(ref cgraph.Ref, d quad.Direction) (quad.Value, error) {
	var k any
	if r.names != nil {
		var err error
		if k, err = r.key(ref, d); err != nil || k == nil {
			return nil, err
		}
		if v, ok := r.names[k]; ok {
			return v, nil
		}
	}
	nr, err := r.qs.QuadDirection(ref, d)
	if err != nil || nr == nil {
		return nil, err
	}
	v, err := r.qs.NameOf(nr)
	if err != nil {
		return nil, err
	}
	if r.names != nil {
		r.names[k] = v
	}
	return v, nil
}

// labels returns the labels (evidence IRIs) of the quads sub - pred - obj,
// reading the values of those quads only.
func (r reader) labels(ctx context.Context, sub string, pred, obj quad.Value) ([]string, error) {
	ok, err := r.valueKey(obj)
	if err != nil || ok == nil {
		return nil, err
	}
	var out []string
	err = r.spRefs(ctx, quad.IRI(sub), pred, func(ref cgraph.Ref) error {
		if k, err := r.key(ref, quad.Object); err != nil || k != ok {
			return err
		}
		q, err := r.quad(ref)
		if err != nil {
			return fmt.Errorf("read quad: %w", err)
		}
		if ev, isIRI := q.Label.(quad.IRI); isIRI {
			out = append(out, string(ev))
		}
		return nil
	})
	return out, err
}

// spRefs calls fn with the reference of each quad of subject sub and
// predicate pred. On a kv store (bolt) it reads them through the store's
// subject-predicate index, the first of Cayley's default indexes, which
// kg's stores are made with: a hub's name or one relation of its facts
// costs as little as anyone's, without reading its thousands of other
// quads. On the other stores it reads the subject's quads and keeps those.
func (r reader) spRefs(ctx context.Context, sub, pred quad.Value, fn func(cgraph.Ref) error) error {
	kqs, isKV := r.qs.(*kv.QuadStore)
	if !isKV {
		pk, err := r.valueKey(pred)
		if err != nil || pk == nil {
			return err
		}
		return r.refs(ctx, quad.Subject, sub, func(ref cgraph.Ref) error {
			if k, err := r.key(ref, quad.Predicate); err != nil || k != pk {
				return err
			}
			return fn(ref)
		})
	}
	return r.scan(ctx, kqs, []quad.Direction{quad.Subject, quad.Predicate}, []quad.Value{sub, pred}, fn)
}

// scan calls fn with the reference of each quad whose nodes vals lead the
// kv store's index of the directions dirs.
func (r reader) scan(ctx context.Context, kqs *kv.QuadStore, dirs []quad.Direction, vals []quad.Value, fn func(cgraph.Ref) error) error {
	ids := make([]uint64, len(vals))
	for i, v := range vals {
		ref, err := r.qs.ValueOf(v)
		if err != nil {
			return fmt.Errorf("look up %s: %w", v, err)
		}
		id, ok := ref.(kv.Int64Value)
		if !ok {
			return nil // no such node, so no such quad
		}
		ids[i] = uint64(id)
	}
	scan := kv.IndexScan{Index: kv.QuadIndex{Dirs: dirs}, Values: ids}
	if err := r.each(ctx, scan.BuildIterator(kqs), fn); err != nil {
		return fmt.Errorf("read quads of %v: %w", vals, err)
	}
	return nil
}

// opRefs calls fn with the reference of each quad of object obj and
// predicate pred: on a kv store (bolt) through the store's
// object-predicate-subject index, the second of Cayley's default indexes,
// so that the few quads of one predicate of a value that thousands of quads
// have (a surname as alias) cost as little as anyone's; on the other stores
// it asks for the quads of both (one query on SQL, whose optimizer joins
// the two constraints).
func (r reader) opRefs(ctx context.Context, obj, pred quad.Value, fn func(cgraph.Ref) error) error {
	kqs, isKV := r.qs.(*kv.QuadStore)
	if !isKV {
		var s shape.Quads
		for _, c := range []struct {
			dir quad.Direction
			v   quad.Value
		}{{quad.Object, obj}, {quad.Predicate, pred}} {
			ref, err := r.qs.ValueOf(c.v)
			if err != nil || ref == nil {
				return err // none: no such quad
			}
			s = append(s, shape.QuadFilter{Dir: c.dir, Values: shape.Fixed{ref}})
		}
		if err := r.each(ctx, shape.BuildIterator(ctx, r.qs, s), fn); err != nil {
			return fmt.Errorf("read quads of %s %s: %w", pred, obj, err)
		}
		return nil
	}
	return r.scan(ctx, kqs, []quad.Direction{quad.Object, quad.Predicate, quad.Subject}, []quad.Value{obj, pred}, fn)
}

// attrsOf reads the properties preds of the node id (its quads of those
// predicates without a label), through the subject-predicate index where
// there is one (see spRefs).
func (r reader) attrsOf(ctx context.Context, id string, preds ...string) (props, error) {
	p := props{vals: make(map[quad.IRI][]quad.Value)}
	for _, pred := range preds {
		err := r.spRefs(ctx, quad.IRI(id), quad.IRI(pred), func(ref cgraph.Ref) error {
			if l, err := r.key(ref, quad.Label); err != nil || l != nil {
				return err
			}
			q, err := r.quad(ref)
			if err != nil {
				return fmt.Errorf("read quad: %w", err)
			}
			p.vals[quad.IRI(pred)] = append(p.vals[quad.IRI(pred)], q.Object)
			return nil
		})
		if err != nil {
			return p, err
		}
	}
	return p, nil
}

// refs calls fn with the reference of each quad that has v in direction d,
// without reading the quad's values: r.key gives the references of its
// terms. It is much cheaper than quads for the nodes of many quads.
func (r reader) refs(ctx context.Context, d quad.Direction, v quad.Value, fn func(cgraph.Ref) error) error {
	ref, err := r.qs.ValueOf(v)
	if err != nil {
		return fmt.Errorf("look up %s: %w", v, err)
	}
	if ref == nil {
		return nil
	}
	if err := r.each(ctx, r.qs.QuadIterator(d, ref), fn); err != nil {
		return fmt.Errorf("read quads of %s: %w", v, err)
	}
	return nil
}

// each calls fn with each result of the iterator, until the context ends.
func (r reader) each(ctx context.Context, sh iterator.Shape, fn func(cgraph.Ref) error) error {
	it := sh.Iterate()
	defer it.Close()
	for it.Next(ctx) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(it.Result()); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// key returns a map key for the node reference of quad q in direction d; nil
// for none.
func (r reader) key(q cgraph.Ref, d quad.Direction) (any, error) {
	ref, err := r.qs.QuadDirection(q, d)
	if err != nil || ref == nil {
		return nil, err
	}
	if v, ok := ref.(interface{ Valid() bool }); ok && !v.Valid() {
		return nil, nil // SQL: the zero hash of a quad without a label
	}
	return crefs.ToKey(ref), nil
}

// valueKey returns the map key of the node v, or nil if the store has no
// such node.
func (r reader) valueKey(v quad.Value) (any, error) {
	if v == nil {
		return nil, nil
	}
	ref, err := r.qs.ValueOf(v)
	if err != nil || ref == nil {
		return nil, err
	}
	return crefs.ToKey(ref), nil
}

// quadKey is a quad as the keys of its nodes' references.
type quadKey [4]any

// keyOf returns the key of a stored quad.
func (r reader) keyOf(q cgraph.Ref) (quadKey, error) {
	var k quadKey
	for i, d := range quad.Directions {
		var err error
		if k[i], err = r.key(q, d); err != nil {
			return k, err
		}
	}
	return k, nil
}

// keyOfQuad returns the key of q, and false if one of its nodes is not in
// the store (so neither is q).
func (r reader) keyOfQuad(q quad.Quad) (quadKey, bool, error) {
	var k quadKey
	for i, d := range quad.Directions {
		v := q.Get(d)
		if v == nil {
			continue
		}
		key, err := r.valueKey(v)
		if err != nil || key == nil {
			return k, false, err
		}
		k[i] = key
	}
	return k, true, nil
}

// instances returns the IRIs of the nodes of a class, sorted.
func (r reader) instances(ctx context.Context, class string) ([]string, error) {
	var ids []string
	err := r.quads(ctx, quad.Object, quad.IRI(class), func(q quad.Quad) error {
		if q.Predicate == quad.IRI(schema.RDFType) {
			if id, ok := q.Subject.(quad.IRI); ok {
				ids = append(ids, string(id))
			}
		}
		return nil
	})
	slices.Sort(ids)
	return slices.Compact(ids), err
}

// props holds the properties of a node (its quads without a label) and the
// facts it is the subject of (its quads with one).
type props struct {
	vals  map[quad.IRI][]quad.Value
	facts []quad.Quad
}

// first returns the least value of the property in Cayley's string form, so
// that a node given two values by two loads reads the same every time; nil if
// it has none.
func (p props) first(pred string) quad.Value {
	vals := p.vals[quad.IRI(pred)]
	if len(vals) == 0 {
		return nil
	}
	return slices.MinFunc(vals, func(a, b quad.Value) int {
		switch a, b := a.String(), b.String(); {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	})
}

// str returns the property as a string: the text of a string, the IRI of an
// IRI.
func (p props) str(pred string) string {
	switch v := p.first(pred).(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.IRI:
		return string(v)
	default:
		return v.String()
	}
}

// props reads the quads whose subject is id.
func (r reader) props(ctx context.Context, id string) (props, error) {
	p := props{vals: make(map[quad.IRI][]quad.Value)}
	err := r.quads(ctx, quad.Subject, quad.IRI(id), func(q quad.Quad) error {
		if q.Label != nil {
			p.facts = append(p.facts, q)
			return nil
		}
		if pred, ok := q.Predicate.(quad.IRI); ok {
			p.vals[pred] = append(p.vals[pred], q.Object)
		}
		return nil
	})
	return p, err
}

// isA reports whether the node is of the class.
func (p props) isA(class string) bool {
	return slices.Contains(p.vals[quad.IRI(schema.RDFType)], quad.Value(quad.IRI(class)))
}
