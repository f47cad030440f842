package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// partBatch is how many quads [PartWriter.Write] adds in one transaction.
const partBatch = 4096

// PartWriter writes one document whose facts come in parts, each part in a
// transaction of its own, so that the quads of a long document are never
// all held at once (see [Store.LoadParts]).
type PartWriter struct {
	s        *Store
	d        Document // without its facts
	parts    int      // written so far
	evidence int      // evidence nodes the parts wrote
	change   Change
	done     bool
}

// LoadParts returns a writer of the document d in parts: [PartWriter.Write]
// writes each part's facts and [PartWriter.Finish] completes the document.
// d.Facts must be empty. The result is what [Store.LoadDocument] of all the
// facts at once writes, except that each part's facts give their entities'
// names on their own, as another document's would; each batch of a part's
// quads brings the joins of the words it concerns up to date, as
// LoadDocument does.
//
// The store holds whole documents: the first part marks the document
// incomplete (schema.Incomplete), and Finish takes the mark away and writes
// the document's hash and evidence count, last. A document left incomplete
// by a build that stopped has no hash, so the next build replaces it, and
// [Store.Verify] reports it until then.
func (s *Store) LoadParts(d Document) (*PartWriter, error) {
	if strings.TrimSpace(d.Name) == "" {
		return nil, errors.New("load: a document without a name")
	}
	if len(d.Facts) > 0 {
		return nil, fmt.Errorf("load %s: facts given with the document, not with its parts", d.Name)
	}
	return &PartWriter{s: s, d: d}, nil
}

// Write writes the facts of the document's next part in one transaction.
// The first part replaces what the store holds of the document, unless the
// store holds this content already (the same hash), when no part changes
// anything.
func (w *PartWriter) Write(ctx context.Context, facts []schema.Fact) error {
	d := w.d
	if w.done {
		return fmt.Errorf("load %s: a part after the last", d.Name)
	}
	for i := range facts {
		if facts[i].Doc != d.Name {
			return fmt.Errorf("load %s: part %d: fact %d is from document %q", d.Name, w.parts, i, facts[i].Doc)
		}
	}
	if err := checkFacts(facts); err != nil {
		return fmt.Errorf("load %s: part %d: %w", d.Name, w.parts, err)
	}
	if w.parts > 0 && w.change == Unchanged {
		w.parts++
		return nil
	}
	doc := quad.IRI(schema.DocumentID(d.Name))
	first := w.parts == 0
	nev := 0
	err := w.s.write(ctx, func(ctx context.Context, qs cgraph.QuadStore, exclusive bool) (bool, error) {
		r := reader{qs: qs, between: w.s.between, ix: w.s.ix}
		if first {
			p, err := r.props(ctx, string(doc))
			if err != nil {
				return false, err
			}
			switch {
			case !p.isA(schema.Document):
				w.change = Added
			case d.Hash != "" && p.str(schema.Hash) == d.Hash && len(p.vals[quad.IRI(schema.Hash)]) == 1:
				w.change = Unchanged
				return true, nil
			default:
				w.change = Replaced
				if !exclusive {
					return false, nil // replacing deletes: come back with the store to ourselves
				}
			}
		}
		corrs, err := r.corrections(ctx)
		if err != nil {
			return false, err
		}
		add, n, err := factAdds(d.Name, facts, corrs)
		if err != nil {
			return true, err
		}
		nev = n
		var del []quad.Quad
		if first {
			// The mark goes first, into the first transaction; factAdds
			// gave the document node its type and name.
			mark := quad.Quad{Subject: doc, Predicate: quad.IRI(schema.Incomplete), Object: quad.Bool(true)}
			add = append(append([]quad.Quad{mark}, documentProps(d, false)...), add...)
			if w.change == Replaced {
				if del, err = r.documentQuads(ctx, string(doc), add); err != nil {
					return false, err
				}
			}
		}
		// Each batch brings the joins of the words it concerns up to date,
		// as LoadDocument does for a document.
		write := func(del, add []quad.Quad) error {
			jdel, jadd, err := rejoin(ctx, r, corrs, del, add, nil)
			if err != nil {
				return err
			}
			del, add = compose(del, add, jdel, jadd)
			return r.apply(ctx, del, add)
		}
		// A transaction of bolt holds a copy of every page it changes, and
		// a part's quads land all over the file: they are written a batch
		// at a time. Written again (a retry), a batch adds nothing twice.
		for len(add) > 0 {
			n := min(len(add), partBatch)
			bdel, badd := del, add[:n]
			if exclusive {
				err = write(bdel, badd)
			} else {
				// Writers of documents that concern one word take turns.
				var words map[string]bool
				if words, err = joinWords(ctx, r, bdel, badd); err == nil {
					err = w.s.withWordLocks(ctx, words, func() error { return write(bdel, badd) })
				}
			}
			if err != nil {
				return true, err
			}
			del, add = nil, add[n:]
		}
		return true, nil
	})
	if err != nil {
		return fmt.Errorf("load %s: part %d: %w", d.Name, w.parts, err)
	}
	w.parts++
	w.evidence += nev
	return nil
}

// Finish completes the document after its last part: it takes away the
// mark of an incomplete document and writes its hash and evidence count, in
// one transaction. It returns what loading the document changed.
func (w *PartWriter) Finish(ctx context.Context) (Change, error) {
	d := w.d
	if w.done {
		return 0, fmt.Errorf("load %s: finished twice", d.Name)
	}
	if w.parts == 0 {
		return 0, fmt.Errorf("load %s: finished before its first part", d.Name)
	}
	w.done = true
	if w.change == Unchanged {
		return Unchanged, nil
	}
	doc := quad.IRI(schema.DocumentID(d.Name))
	err := w.s.write(ctx, func(ctx context.Context, qs cgraph.QuadStore, exclusive bool) (bool, error) {
		r := reader{qs: qs, between: w.s.between, ix: w.s.ix}
		del := []quad.Quad{{Subject: doc, Predicate: quad.IRI(schema.Incomplete), Object: quad.Bool(true)}}
		add := []quad.Quad{{Subject: doc, Predicate: quad.IRI(schema.EvidenceCount), Object: quad.Int(w.evidence)}}
		if d.Hash != "" {
			add = append(add, quad.Quad{Subject: doc, Predicate: quad.IRI(schema.Hash), Object: quad.String(d.Hash)})
		}
		return true, r.apply(ctx, del, add)
	})
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", d.Name, err)
	}
	return w.change, nil
}
