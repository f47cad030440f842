package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// Snapshot reads every entity and fact of the store with their evidence. It
// reads each node once, through the subject index.
func (s *Store) Snapshot(ctx context.Context) (*schema.Snapshot, error) {
	qs, release, err := s.use()
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	defer release()
	b := &builder{r: reader{qs: qs}, props: make(map[string]props)}
	snap, err := b.snapshot(ctx)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	return snap, nil
}

func (b *builder) snapshot(ctx context.Context) (*schema.Snapshot, error) {
	ids, err := b.r.instances(ctx, schema.Entity)
	if err != nil {
		return nil, err
	}
	snap := &schema.Snapshot{Entities: make([]schema.EntityInfo, 0, len(ids)), Facts: []schema.StoredFact{}}
	index := make(map[string]int, len(ids))
	type fkey struct{ s, p, o string }
	var (
		evs      = make(map[fkey][]string)
		keys     []fkey
		aliases  = make([]map[string]bool, len(ids))
		mentions = make([]map[string]bool, len(ids))
		links    = make([]map[string]bool, len(ids))
	)
	for i, id := range ids {
		p, err := b.r.props(ctx, id) // not b.node: each entity is read once
		if err != nil {
			return nil, err
		}
		index[id] = i
		snap.Entities = append(snap.Entities, schema.EntityInfo{ID: id, Name: cmp.Or(p.str(schema.Name), id),
			Type: p.str(schema.Type), Aliases: []string{}})
		aliases[i], mentions[i], links[i] = make(map[string]bool), make(map[string]bool), make(map[string]bool)
		for _, q := range p.facts {
			rel, ok1 := q.Predicate.(quad.IRI)
			obj, ok2 := q.Object.(quad.IRI)
			ev, ok3 := q.Label.(quad.IRI)
			if !ok1 || !ok2 || !ok3 {
				continue
			}
			k := fkey{id, string(rel), string(obj)}
			if _, ok := evs[k]; !ok {
				keys = append(keys, k)
			}
			evs[k] = append(evs[k], string(ev))
		}
	}
	relNames := make(map[string]string)
	for _, k := range keys {
		oi, ok := index[k.o]
		if !ok {
			continue // an object that is no entity: kg verify reports it
		}
		si := index[k.s]
		f := schema.StoredFact{Subject: k.s, RelationID: k.p, Object: k.o, Negated: true, Evidence: make([]schema.EvidenceRecord, 0, len(evs[k]))}
		for _, ev := range slices.Compact(slices.Sorted(slices.Values(evs[k]))) {
			rec, err := b.evidence(ctx, ev)
			if err != nil {
				return nil, err
			}
			f.Evidence = append(f.Evidence, rec)
			f.Negated = f.Negated && rec.Negated
			f.Confidence = max(f.Confidence, rec.Confidence)
			mentions[si][ev], mentions[oi][ev] = true, true
			if rec.SubjectAlias != "" && rec.SubjectAlias != snap.Entities[si].Name {
				aliases[si][rec.SubjectAlias] = true
			}
			if rec.ObjectAlias != "" && rec.ObjectAlias != snap.Entities[oi].Name {
				aliases[oi][rec.ObjectAlias] = true
			}
		}
		slices.SortFunc(f.Evidence, func(a, b schema.EvidenceRecord) int {
			return cmp.Or(cmp.Compare(a.Document, b.Document), cmp.Compare(a.SentenceIndex, b.SentenceIndex),
				cmpBool(a.Negated, b.Negated), cmp.Compare(a.ID, b.ID))
		})
		name, ok := relNames[k.p]
		if !ok {
			rp, err := b.node(ctx, k.p)
			if err != nil {
				return nil, err
			}
			name = rp.str(schema.Name)
			relNames[k.p] = name
		}
		f.Relation = cmp.Or(name, strings.TrimPrefix(k.p, schema.RelationPrefix))
		if k.s != k.o {
			links[si][k.o], links[oi][k.s] = true, true
		}
		snap.Facts = append(snap.Facts, f)
	}
	for i := range snap.Entities {
		e := &snap.Entities[i]
		e.Aliases = append(e.Aliases, sortedKeys(aliases[i])...)
		e.Mentions, e.Degree = len(mentions[i]), len(links[i])
	}
	slices.SortFunc(snap.Facts, func(a, b schema.StoredFact) int {
		return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Relation, b.Relation),
			cmp.Compare(a.Object, b.Object), cmp.Compare(a.RelationID, b.RelationID))
	})
	return snap, nil
}
