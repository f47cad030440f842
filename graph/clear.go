package graph

import (
	"context"
	"errors"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// Replacing or removing a document deletes all its quads in one
// transaction, which holds them all in memory: for a document of a few
// hundred kilobytes that is nothing, for one of 30 MB (650,000 facts) it is
// gigabytes. A document with more evidence nodes than longEvidence is
// cleared first, clearBatch evidence nodes a transaction (see
// [Store.clear]); the transaction that then replaces or removes it holds
// only its node.
const (
	longEvidence = 4096 // more than a document read whole has, less than a long one's parts
	clearBatch   = 512  // evidence nodes a transaction of clear takes out, about 5,000 quads
)

// errLong stops a write that would delete a long document's quads in one
// transaction: its writer clears the document, then writes again.
var errLong = errors.New("the document is too long to take out in one transaction")

// long reports whether the document has more evidence nodes than
// s.longEvidence, counting no further.
func (s *Store) long(ctx context.Context, r reader, doc string) (bool, error) {
	limit := s.longEvidence
	if limit == 0 {
		limit = longEvidence
	}
	n := 0
	err := r.quads(ctx, quad.Object, quad.IRI(doc), func(q quad.Quad) error {
		if q.Predicate == quad.IRI(schema.Doc) && q.Label == nil {
			if n++; n > limit {
				return errStop
			}
		}
		return nil
	})
	if errors.Is(err, errStop) {
		return true, nil
	}
	return false, err
}

// writeLong runs a write that returns errLong for a long document again
// after clearing that document.
func (s *Store) writeLong(ctx context.Context, doc string, fn func(ctx context.Context, qs cgraph.QuadStore, exclusive bool) (bool, error)) error {
	err := s.write(ctx, fn)
	if !errors.Is(err, errLong) {
		return err
	}
	if err := s.clear(ctx, doc); err != nil {
		return err
	}
	return s.write(ctx, fn)
}

// clear takes a document's evidence out a batch at a time, each batch in a
// transaction of its own, so that no transaction holds all of a long
// document's quads. The first transaction takes the document's hash and
// evidence count away and marks it incomplete, as a build stopped between
// a long document's parts leaves it: a stop anywhere after leaves a document
// that [Store.Verify] reports and that the next build replaces, or remove
// removes. Each transaction after takes out a batch of evidence nodes, their
// facts and the entities and relations that no other evidence uses, and
// brings the joins of the words they concern up to date, as a removal does.
// The document node stays, marked, for its writer to replace or remove.
func (s *Store) clear(ctx context.Context, doc string) error {
	batch := s.clearBatch
	if batch == 0 {
		batch = clearBatch
	}
	err := s.write(ctx, func(ctx context.Context, qs cgraph.QuadStore, exclusive bool) (bool, error) {
		if !exclusive {
			return false, nil
		}
		r := reader{qs: qs, between: s.between}
		props, err := r.quadsOf(ctx, quad.Subject, quad.IRI(doc))
		if err != nil {
			return false, err
		}
		var del []quad.Quad
		for _, q := range props {
			if q.Predicate == quad.IRI(schema.Hash) || q.Predicate == quad.IRI(schema.EvidenceCount) {
				del = append(del, q)
			}
		}
		mark := quad.Quad{Subject: quad.IRI(doc), Predicate: quad.IRI(schema.Incomplete), Object: quad.Bool(true)}
		return true, r.apply(ctx, del, []quad.Quad{mark})
	})
	for err == nil {
		if s.between != nil {
			if err := s.between(); err != nil {
				return err
			}
		}
		done := false
		err = s.write(ctx, func(ctx context.Context, qs cgraph.QuadStore, exclusive bool) (bool, error) {
			if !exclusive {
				return false, nil
			}
			r := reader{qs: qs, between: s.between}
			var list []quad.Value
			err := r.quads(ctx, quad.Object, quad.IRI(doc), func(q quad.Quad) error {
				if q.Predicate == quad.IRI(schema.Doc) && q.Label == nil {
					if list = append(list, q.Subject); len(list) == batch {
						return errStop
					}
				}
				return nil
			})
			if err != nil && !errors.Is(err, errStop) {
				return false, err
			}
			if len(list) == 0 {
				done = true
				return true, nil
			}
			del, err := r.evidenceQuads(ctx, list, nil)
			if err != nil {
				return false, err
			}
			corrs, err := r.corrections(ctx)
			if err != nil {
				return false, err
			}
			jdel, jadd, err := rejoin(ctx, r, corrs, del, nil, nil)
			if err != nil {
				return false, err
			}
			del, add := compose(del, nil, jdel, jadd)
			return true, r.apply(ctx, del, add)
		})
		if done {
			return err
		}
	}
	return err
}
