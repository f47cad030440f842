package graph

import (
	"context"
	"fmt"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// Verify checks the store's invariants and returns the problems it finds,
// sorted, one sentence each; none means the store is sound:
//
//   - every document that [Store.LoadDocument] wrote is whole: it has as many
//     evidence nodes as its kg:evidence_count says, and none is marked
//     incomplete by [Store.LoadParts];
//   - every evidence node belongs to one document that the store holds, names
//     its fact's subject, relation and object, and labels that fact;
//   - every fact (a quad with a label) is labelled by an evidence node that
//     names it;
//   - every entity and every relation has a fact;
//   - every correction has a number of its own, a known kind and the names
//     it needs;
//   - every one-word name of a person that a fact's evidence marks names the
//     entity that joining names across documents gives it from the whole
//     store (see [Store.LoadDocument]), whatever order the documents came in;
//   - on bolt and PostgreSQL, kg's own index of each entity's facts is what
//     the quads make of it ([Store.Reindex] builds it anew).
//
// It reads every document, evidence and entity node, so it takes time on a
// large store. An error is the store's failure to answer, not a problem.
func (s *Store) Verify(ctx context.Context) ([]string, error) {
	qs, release, err := s.use()
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	defer release()
	r := reader{qs: qs}
	var problems []string
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	docs, err := r.instances(ctx, schema.Document)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	isDoc := make(map[quad.Value]bool, len(docs))
	for _, d := range docs {
		isDoc[quad.IRI(d)] = true
		p, err := r.props(ctx, d)
		if err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
		if len(p.vals[quad.IRI(schema.Incomplete)]) > 0 {
			report("document %s is not whole: a build stopped while writing its parts (building it again replaces it)", d)
			continue
		}
		counts := p.vals[quad.IRI(schema.EvidenceCount)]
		if len(counts) == 0 {
			continue // written by Load, which keeps no count
		}
		want, ok := counts[0].(quad.Int)
		if len(counts) > 1 || !ok {
			report("document %s has %d evidence counts", d, len(counts))
			continue
		}
		n, err := r.evidenceOf(ctx, d)
		if err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
		if int64(want) != int64(len(n)) {
			report("document %s is not whole: %d evidence nodes, want %d", d, len(n), want)
		}
	}

	evs, err := r.instances(ctx, schema.Evidence)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	evKeys := make(map[any]bool, len(evs))
	for _, ev := range evs {
		k, err := r.valueKey(quad.IRI(ev))
		if err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
		evKeys[k] = true
	}
	// The facts, by reference: every quad with a label has an entity for
	// subject, so the entities' quads hold them all.
	entities, err := r.instances(ctx, schema.Entity)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	facts := make(map[quadKey]bool)
	for _, id := range entities {
		err := r.refs(ctx, quad.Subject, quad.IRI(id), func(q cgraph.Ref) error {
			k, err := r.keyOf(q)
			if err != nil || k[3] == nil {
				return err
			}
			facts[k] = true
			if !evKeys[k[3]] {
				fq, err := r.qs.Quad(q)
				if err != nil {
					return err
				}
				report("fact %s has no evidence", fq.NQuad())
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
	}

	used := make(map[quad.Value]bool) // entities and relations that a fact uses
	shorts := make(map[string]bool)   // the one-word names that evidence marks
	for _, ev := range evs {
		p, err := r.props(ctx, ev)
		if err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
		for _, sp := range shortPreds {
			for _, v := range p.vals[quad.IRI(sp.name)] {
				if s, ok := v.(quad.String); ok {
					shorts[string(s)] = true
				}
			}
		}
		if d := p.vals[quad.IRI(schema.Doc)]; len(d) != 1 || !isDoc[d[0]] {
			report("evidence %s belongs to no document of the store (kg:doc %v)", ev, d)
		}
		terms := make([]quad.Value, 3)
		for i, pred := range []string{schema.Subject, schema.Predicate, schema.Object} {
			if v := p.vals[quad.IRI(pred)]; len(v) == 1 {
				terms[i] = v[0]
			}
		}
		if slices.Contains(terms, nil) {
			report("evidence %s does not name one subject, relation and object", ev)
			continue
		}
		used[terms[0]], used[terms[1]], used[terms[2]] = true, true, true
		k, ok, err := r.keyOfQuad(quad.Quad{Subject: terms[0], Predicate: terms[1], Object: terms[2], Label: quad.IRI(ev)})
		if err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
		if !ok || !facts[k] {
			report("evidence %s labels no fact", ev)
		}
	}
	for _, class := range []string{schema.Entity, schema.Relation} {
		ids, err := r.instances(ctx, class)
		if err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
		for _, id := range ids {
			if !used[quad.IRI(id)] {
				report("%s %s has no fact", class, id)
			}
		}
	}
	corrs, err := r.corrections(ctx)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	seqs := make(map[int]bool, len(corrs))
	for _, c := range corrs {
		switch {
		case c.Seq < 1 || seqs[c.Seq]:
			report("correction %s has no number of its own (kg:seq %d)", c.ID, c.Seq)
		case c.Kind == Merge && (c.Keep == "" || c.Drop == ""), c.Kind == Split && (c.Keep == "" || c.Alias == ""):
			report("correction %s does not name what it %ss", c.ID, c.Kind)
		case c.Kind != Merge && c.Kind != Split:
			report("correction %s is of unknown kind %q", c.ID, c.Kind)
		}
		seqs[c.Seq] = true
	}
	// Joins of one-word names are what the whole store gives them.
	moves, err := joinMoves(ctx, newView(r, nil, nil), corrs, shorts, true)
	if err != nil {
		return nil, fmt.Errorf("verify: %w", err)
	}
	for _, m := range moves {
		report("evidence %s: its %s %q names %s, but the store joins it to %s", m.role.ev, roles[m.role.i].term, m.short.name, m.from, m.to)
	}
	if s.ix != nil {
		if err := (reader{qs: qs, ix: s.ix}).verifyIndex(ctx, report); err != nil {
			return nil, fmt.Errorf("verify: %w", err)
		}
	}
	slices.Sort(problems)
	return problems, nil
}

// evidenceOf returns the evidence nodes of the document, by their kg:doc.
func (r reader) evidenceOf(ctx context.Context, doc string) ([]quad.Value, error) {
	var evs []quad.Value
	err := r.quads(ctx, quad.Object, quad.IRI(doc), func(q quad.Quad) error {
		if q.Predicate == quad.IRI(schema.Doc) && q.Label == nil {
			evs = append(evs, q.Subject)
		}
		return nil
	})
	return evs, err
}
