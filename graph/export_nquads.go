package graph

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/kgraph/kg/schema"
)

// ExportNQuads writes, in N-Quads sorted by line, the quads of the store that
// opts selects, as they are stored, so that [Store.LoadNQuads] (or Cayley's
// own loader) loads them back.
//
// Without a filter or focus it writes every quad of the store: loading them
// into an empty store gives the same quads. Otherwise it writes the selected
// facts (one quad per evidence), and the properties of their entities,
// relations, evidence and documents, and of the selected entities that have
// no fact: a store of its own, in which [Store.Verify] finds no problem but
// for such entities. A document some of whose evidence is left out loses its
// content hash and evidence count, which would say it is whole: a later
// build of it replaces it whole. Corrections are the whole store's, and stay
// out of a part of it.
func (s *Store) ExportNQuads(ctx context.Context, w io.Writer, opts SubgraphOptions) error {
	if opts.Depth < 0 {
		return fmt.Errorf("export n-quads: negative depth %d", opts.Depth)
	}
	qs, release, err := s.use()
	if err != nil {
		return fmt.Errorf("export n-quads: %w", err)
	}
	defer release()
	r := reader{qs: qs}
	var out []quad.Quad
	if opts.Focus == "" && !opts.filtered() {
		out, err = allQuads(ctx, r)
	} else {
		b := &builder{r: r, props: make(map[string]props)}
		out, err = b.selectedQuads(ctx, newSelector(&opts))
	}
	if err != nil {
		return fmt.Errorf("export n-quads: %w", err)
	}
	lines := make([]string, len(out))
	for i, q := range out {
		lines[i] = q.NQuad()
	}
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(lines[a], lines[b]) })
	qw := nquads.NewWriter(w)
	for _, i := range idx {
		if err := qw.WriteQuad(out[i]); err != nil {
			return fmt.Errorf("export n-quads: %w", err)
		}
	}
	if err := qw.Close(); err != nil {
		return fmt.Errorf("export n-quads: %w", err)
	}
	return nil
}

// allQuads reads every quad of the store.
func allQuads(ctx context.Context, r reader) ([]quad.Quad, error) {
	var out []quad.Quad
	it := r.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := r.qs.Quad(it.Result())
		if err != nil {
			return nil, fmt.Errorf("read quad: %w", err)
		}
		out = append(out, q)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	return out, ctx.Err()
}

// selectedQuads returns the quads of the subgraph sel selects, as
// [Store.ExportNQuads] says.
func (b *builder) selectedQuads(ctx context.Context, sel *selector) ([]quad.Quad, error) {
	g, err := b.selection(ctx, sel)
	if err != nil {
		return nil, err
	}
	var qs quadSet
	// props adds the properties of the node id, but for the predicates in
	// skip.
	props := func(id string, skip ...string) error {
		p, err := b.node(ctx, id)
		if err != nil {
			return err
		}
		for _, pred := range sortedKeys(p.vals) {
			if slices.Contains(skip, string(pred)) {
				continue
			}
			for _, v := range p.vals[pred] {
				qs.add(quad.IRI(id), pred, v, nil)
			}
		}
		return nil
	}
	for _, n := range g.Nodes {
		if err := props(n.ID); err != nil {
			return nil, err
		}
	}
	relations := make(map[string]bool)
	docs := make(map[string]int) // document IRI -> evidence exported
	for _, e := range g.Edges {
		relations[e.RelationID] = true
		for _, rec := range e.Records {
			qs.add(quad.IRI(e.From), quad.IRI(e.RelationID), quad.IRI(e.To), quad.IRI(rec.ID))
			if err := props(rec.ID); err != nil {
				return nil, err
			}
			p, err := b.node(ctx, rec.ID)
			if err != nil {
				return nil, err
			}
			for _, d := range p.vals[quad.IRI(schema.Doc)] {
				if d, ok := d.(quad.IRI); ok {
					docs[string(d)]++
				}
			}
		}
	}
	for _, rel := range sortedKeys(relations) {
		if err := props(rel); err != nil {
			return nil, err
		}
	}
	for _, d := range sortedKeys(docs) {
		evs, err := b.r.evidenceOf(ctx, d)
		if err != nil {
			return nil, err
		}
		var skip []string
		if len(evs) != docs[d] {
			skip = []string{schema.Hash, schema.EvidenceCount}
		}
		if err := props(d, skip...); err != nil {
			return nil, err
		}
	}
	return qs.list, nil
}
