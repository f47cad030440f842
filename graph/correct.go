package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/kgraph/kg/schema"
)

// Kinds of [Correction].
const (
	Merge = "merge" // Drop's facts belong to Keep
	Split = "split" // the facts whose sentences call Keep by Alias belong to an entity named Alias
)

// Correction is an analyst's decision about entities, stored in the graph
// as a kg:Correction node. It applies to the facts in the store when it is
// made and to every fact loaded after, in the order of Seq, until it is
// undone.
type Correction struct {
	ID    string    `json:"id"`              // "kg:correction/3"
	Seq   int       `json:"seq"`             // 1, 2, ...: the order corrections apply in
	Kind  string    `json:"kind"`            // Merge or Split
	Keep  string    `json:"keep"`            // merge: the entity that stays; split: the entity the alias leaves
	Drop  string    `json:"drop,omitempty"`  // merge: the entity merged into Keep
	Alias string    `json:"alias,omitempty"` // split: the alias that becomes an entity of its own
	Time  time.Time `json:"time"`
}

// String describes the correction in a line.
func (c Correction) String() string {
	if c.Kind == Split {
		return fmt.Sprintf("split %q from %q", c.Alias, c.Keep)
	}
	return fmt.Sprintf("merge %q into %q", c.Drop, c.Keep)
}

// correctionID returns the IRI of the correction numbered seq.
func correctionID(seq int) string { return schema.Prefix + "correction/" + strconv.Itoa(seq) }

// ErrBadCorrection is matched by the error of a merge or split that cannot
// be made: an entity merged with itself, an alias its entity does not have.
var ErrBadCorrection = errors.New("bad correction")

// badCorrection is a correction the user cannot make; it matches
// [ErrBadCorrection].
type badCorrection struct{ msg string }

func (e *badCorrection) Error() string        { return e.msg }
func (e *badCorrection) Is(target error) bool { return target == ErrBadCorrection }

// Merge records that the entities named keep and drop are one, the one
// named keep, and moves drop's facts onto it, in one transaction (two on
// bolt, as for [Store.LoadDocument]). Facts that later loads give drop go to
// keep too. Both are found by name as [Store.Subgraph] finds its focus.
func (s *Store) Merge(ctx context.Context, keep, drop string) (Correction, error) {
	return s.correct(ctx, func(b *builder) (Correction, error) {
		k, kname, err := b.entityNamed(ctx, keep)
		if err != nil {
			return Correction{}, err
		}
		d, dname, err := b.entityNamed(ctx, drop)
		if err != nil {
			return Correction{}, err
		}
		if k == d {
			return Correction{}, &badCorrection{fmt.Sprintf("merge: %q and %q are one entity already", keep, drop)}
		}
		return Correction{Kind: Merge, Keep: kname, Drop: dname}, nil
	})
}

// Split records that the sentences that call the entity named entity by
// alias mean another entity, named alias, and moves their facts to it. Facts
// that later loads give entity under that alias go to it too. The entity
// must have the alias (see [schema.EntityInfo.Aliases]).
func (s *Store) Split(ctx context.Context, entity, alias string) (Correction, error) {
	return s.correct(ctx, func(b *builder) (Correction, error) {
		id, name, err := b.entityNamed(ctx, entity)
		if err != nil {
			return Correction{}, err
		}
		if schema.EntityID(alias) == id {
			return Correction{}, &badCorrection{fmt.Sprintf("split: %q is %q's own name", alias, name)}
		}
		e, _, err := b.entity(ctx, id, "")
		if err != nil {
			return Correction{}, err
		}
		if !slices.ContainsFunc(e.Aliases, func(a string) bool { return schema.EntityID(a) == schema.EntityID(alias) }) {
			return Correction{}, &badCorrection{fmt.Sprintf("split: %q has no alias %q (it has %q)", name, alias, e.Aliases)}
		}
		return Correction{Kind: Split, Keep: name, Alias: strings.TrimSpace(alias)}, nil
	})
}

// correct records the correction that decide returns and applies it.
func (s *Store) correct(ctx context.Context, decide func(*builder) (Correction, error)) (Correction, error) {
	var c Correction
	err := s.write(ctx, func(ctx context.Context, qs cgraph.QuadStore, exclusive bool) (bool, error) {
		if !exclusive {
			return false, nil // it moves facts: come back with the store to ourselves
		}
		b := &builder{r: reader{qs: qs, between: s.between, ix: s.ix}, props: make(map[string]props)}
		corrs, err := b.r.corrections(ctx)
		if err != nil {
			return false, err
		}
		if c, err = decide(b); err != nil {
			return true, err
		}
		// A number is never given twice, not even after an undo of the
		// last correction: the store keeps the last one given.
		counter, err := b.r.quadsOf(ctx, quad.Subject, quad.IRI(schema.Corrections))
		if err != nil {
			return false, err
		}
		last := 0
		for _, q := range counter {
			if n, ok := q.Object.(quad.Int); ok && q.Predicate == quad.IRI(schema.LastSeq) {
				last = max(last, int(n))
			}
		}
		if len(corrs) > 0 {
			last = max(last, corrs[len(corrs)-1].Seq)
		}
		c.Seq = last + 1
		c.ID, c.Time = correctionID(c.Seq), time.Now().UTC().Truncate(time.Second)
		corrs = append(corrs, c)
		del, add, err := b.recorrect(ctx, corrs, nil, nil)
		if err != nil {
			return false, err
		}
		saved := savedQuads(c, del)
		if del, add, err = b.rejoin(ctx, corrs, []Correction{c}, del, add); err != nil {
			return false, err
		}
		add = append(add, correctionQuads(c)...)
		add = append(add, saved...)
		del = append(del, counter...)
		add = append(add, quad.Quad{Subject: quad.IRI(schema.Corrections), Predicate: quad.IRI(schema.LastSeq), Object: quad.Int(c.Seq)})
		return true, b.r.apply(ctx, del, add)
	})
	if err != nil {
		if errors.Is(err, ErrNotFound) || errors.Is(err, ErrBadCorrection) {
			return Correction{}, err
		}
		return Correction{}, fmt.Errorf("correct: %w", err)
	}
	return c, nil
}

// Undo takes back the correction with the ID ("kg:correction/3", or "3"):
// the facts it moved go back where the other corrections put them. An
// unknown ID is ErrNotFound.
func (s *Store) Undo(ctx context.Context, id string) (Correction, error) {
	if !strings.HasPrefix(id, schema.Prefix) {
		id = schema.Prefix + "correction/" + id
	}
	var c Correction
	err := s.write(ctx, func(ctx context.Context, qs cgraph.QuadStore, exclusive bool) (bool, error) {
		if !exclusive {
			return false, nil
		}
		b := &builder{r: reader{qs: qs, between: s.between, ix: s.ix}, props: make(map[string]props)}
		corrs, err := b.r.corrections(ctx)
		if err != nil {
			return false, err
		}
		i := slices.IndexFunc(corrs, func(c Correction) bool { return c.ID == id })
		if i < 0 {
			return true, &schema.NotFoundError{What: "correction " + strings.TrimPrefix(id, schema.Prefix+"correction/")}
		}
		c = corrs[i]
		node, err := b.r.quadsOf(ctx, quad.Subject, quad.IRI(c.ID))
		if err != nil {
			return false, err
		}
		restore, err := restoredQuads(node)
		if err != nil {
			return false, fmt.Errorf("%s: %w", c.ID, err)
		}
		rest := slices.Delete(corrs, i, i+1)
		del, add, err := b.recorrect(ctx, rest, []Correction{c}, restore)
		if err != nil {
			return false, err
		}
		if del, add, err = b.rejoin(ctx, rest, []Correction{c}, del, add); err != nil {
			return false, err
		}
		return true, b.r.apply(ctx, append(del, node...), add)
	})
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return Correction{}, err
		}
		return Correction{}, fmt.Errorf("undo: %w", err)
	}
	return c, nil
}

// Corrections returns the corrections of the store in the order they apply.
func (s *Store) Corrections(ctx context.Context) ([]Correction, error) {
	qs, release, err := s.use()
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	defer release()
	corrs, err := reader{qs: qs}.corrections(ctx)
	if err != nil {
		return nil, fmt.Errorf("corrections: %w", err)
	}
	return corrs, nil
}

// corrections reads the correction nodes, in the order they apply.
func (r reader) corrections(ctx context.Context) ([]Correction, error) {
	ids, err := r.instances(ctx, schema.Correction)
	if err != nil {
		return nil, err
	}
	out := make([]Correction, 0, len(ids))
	for _, id := range ids {
		p, err := r.props(ctx, id)
		if err != nil {
			return nil, err
		}
		c := Correction{ID: id, Seq: intProp(p, schema.Seq), Kind: p.str(schema.Kind),
			Keep: p.str(schema.Keep), Drop: p.str(schema.Drop), Alias: p.str(schema.Alias)}
		if t, ok := p.first(schema.Time).(quad.Time); ok {
			c.Time = time.Time(t).UTC()
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Correction) int { return cmp.Or(cmp.Compare(a.Seq, b.Seq), cmp.Compare(a.ID, b.ID)) })
	return out, nil
}

// correctionQuads returns the quads of the correction's node.
func correctionQuads(c Correction) []quad.Quad {
	id := quad.IRI(c.ID)
	q := func(pred string, v quad.Value) quad.Quad {
		return quad.Quad{Subject: id, Predicate: quad.IRI(pred), Object: v}
	}
	qs := []quad.Quad{
		q(schema.RDFType, quad.IRI(schema.Correction)),
		q(schema.Kind, quad.String(c.Kind)),
		q(schema.Seq, quad.Int(c.Seq)),
		q(schema.Time, quad.Time(c.Time)),
		q(schema.Keep, quad.String(c.Keep)),
	}
	if c.Drop != "" {
		qs = append(qs, q(schema.Drop, quad.String(c.Drop)))
	}
	if c.Alias != "" {
		qs = append(qs, q(schema.Alias, quad.String(c.Alias)))
	}
	return qs
}

// savedQuads returns the quads that keep, on the correction's node, the
// entities that applying it deletes (del holds them), so that undoing it
// restores them whole: type, name words and all.
func savedQuads(c Correction, del []quad.Quad) []quad.Quad {
	var out []quad.Quad
	for _, q := range del {
		if q.Label == nil && strings.HasPrefix(iriString(q.Subject), schema.Prefix+"entity/") {
			out = append(out, quad.Quad{Subject: quad.IRI(c.ID), Predicate: quad.IRI(schema.Saved), Object: quad.String(q.NQuad())})
		}
	}
	return out
}

// restoredQuads reads the entities that a correction's node saved, by
// entity.
func restoredQuads(node []quad.Quad) (map[string][]quad.Quad, error) {
	out := make(map[string][]quad.Quad)
	for _, q := range node {
		if q.Predicate != quad.IRI(schema.Saved) {
			continue
		}
		s, ok := q.Object.(quad.String)
		if !ok {
			return nil, fmt.Errorf("saved quad %v is not a string", q.Object)
		}
		saved, err := nquads.Parse(string(s))
		if err != nil {
			return nil, fmt.Errorf("saved quad %q: %w", s, err)
		}
		id := iriString(saved.Subject)
		out[id] = append(out[id], saved)
	}
	return out, nil
}

// resolve applies the corrections, in order, to an entity named name (whose
// ID is id) that a sentence calls alias. It returns the entity the fact
// belongs to, and whether any correction applied.
func resolve(corrs []Correction, id, name, alias string) (string, string, bool) {
	applied := false
	aliasID := ""
	if strings.TrimSpace(alias) != "" {
		aliasID = schema.EntityID(alias)
	}
	for _, c := range corrs {
		switch {
		case c.Kind == Merge && id == schema.EntityID(c.Drop):
			id, name, applied = schema.EntityID(c.Keep), c.Keep, true
		case c.Kind == Split && id == schema.EntityID(c.Keep) && aliasID == schema.EntityID(c.Alias):
			id, name, applied = aliasID, c.Alias, true
		}
	}
	return id, name, applied
}

// correctFacts applies the corrections to facts about to be loaded. It
// returns a copy of the facts as corrected and, for each, what it was as
// extracted (see [extracted]).
func correctFacts(corrs []Correction, facts []schema.Fact) ([]schema.Fact, []extracted) {
	out := slices.Clone(facts)
	orig := make([]extracted, len(facts))
	for i := range out {
		f := &out[i]
		if f.SubjectID == "" || f.ObjectID == "" {
			continue
		}
		orig[i].evidence = f.EvidenceID()
		orig[i].short = [2]shortName{shortOf(f.Subject, f.SubjectID, f.SubjectType), shortOf(f.Object, f.ObjectID, f.ObjectType)}
		if id, name, ok := resolve(corrs, f.SubjectID, f.Subject, f.SubjectAlias); ok {
			orig[i].subject = f.Subject
			f.SubjectID, f.Subject = id, name
		}
		if id, name, ok := resolve(corrs, f.ObjectID, f.Object, f.ObjectAlias); ok {
			orig[i].object = f.Object
			f.ObjectID, f.Object = id, name
		}
	}
	return out, orig
}

// entityNamed finds the entity named name and returns its ID and kg:name.
func (b *builder) entityNamed(ctx context.Context, name string) (string, string, error) {
	id, err := b.find(ctx, name)
	if err != nil {
		return "", "", err
	}
	p, err := b.node(ctx, id)
	if err != nil {
		return "", "", err
	}
	return id, cmp.Or(p.str(schema.Name), name), nil
}

// role is the subject or the object side of an evidence node.
type role struct {
	term, alias, extracted string // its predicates: kg:subject, kg:subject_alias, kg:subject_name
}

var roles = [2]role{
	{schema.Subject, schema.SubjectAlias, schema.SubjectName},
	{schema.Object, schema.ObjectAlias, schema.ObjectName},
}

// recorrect returns the quads that make the store's facts agree with the
// corrections: each evidence node names, as subject and object, the entity
// that the corrections (in order) make of the names the extractor gave it.
// It looks at the evidence of the entities that corrs and also name, which
// holds every fact that a correction moved: a moved fact ends at the entity
// that some correction names as the one to keep, or as an alias.
//
// An evidence node keeps its names as extracted (kg:subject_name,
// kg:object_name) while a correction applies to it, so that undoing the
// correction can put it back. Entities left without evidence are deleted;
// entities that facts move to are created, with the type of the entity the
// facts come from.
//
// restore holds, by entity, the quads to create an entity with when undoing
// a correction that deleted it (see [savedQuads]).
func (b *builder) recorrect(ctx context.Context, corrs, also []Correction, restore map[string][]quad.Quad) (del, add []quad.Quad, err error) {
	targets := make(map[string]bool)
	for _, c := range slices.Concat(corrs, also) {
		for _, n := range []string{c.Keep, c.Drop, c.Alias} {
			if n != "" {
				targets[schema.EntityID(n)] = true
			}
		}
	}
	evs := make(map[quad.Value]bool)
	for _, id := range sortedKeys(targets) {
		err := b.r.quads(ctx, quad.Object, quad.IRI(id), func(q quad.Quad) error {
			if q.Label == nil && (q.Predicate == quad.IRI(schema.Subject) || q.Predicate == quad.IRI(schema.Object)) {
				evs[q.Subject] = true
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	// A one-word name as extracted that joining gave another entity is
	// found by its mark.
	for _, c := range slices.Concat(corrs, also) {
		for _, n := range []string{c.Keep, c.Drop, c.Alias} {
			if n == "" || strings.ContainsFunc(n, unicode.IsSpace) {
				continue
			}
			for _, sp := range shortPreds {
				marks, err := newView(b.r, nil, nil).withPred(ctx, quad.String(n), sp.name)
				if err != nil {
					return nil, nil, err
				}
				for _, q := range marks {
					evs[q.Subject] = true
				}
			}
		}
	}
	lost := make(map[string]int)      // entity -> evidence terms moved away from it
	gained := make(map[string]string) // entity -> the entity whose type it takes, if it must be created
	for _, ev := range sortedValues(evs) {
		p, err := b.r.props(ctx, iriString(ev))
		if err != nil {
			return nil, nil, err
		}
		terms := [2]quad.Value{p.first(schema.Subject), p.first(schema.Object)}
		pred := p.first(schema.Predicate)
		if terms[0] == nil || terms[1] == nil || pred == nil {
			continue // not whole; kg verify reports it
		}
		moved := terms
		for i, r := range roles {
			cur := iriString(terms[i])
			name, orig := p.str(r.extracted), p.str(r.extracted)
			id := cur
			short := joinable(p, i) // a one-word name as extracted, which joining places
			if orig != "" {
				id = schema.EntityID(orig)
			} else if short {
				name = p.str(shortPreds[i].name)
				id = schema.EntityID(name)
			} else {
				ep, err := b.node(ctx, cur)
				if err != nil {
					return nil, nil, err
				}
				name = cmp.Or(ep.str(schema.Name), cur)
			}
			want, _, applied := resolve(corrs, id, name, p.str(r.alias))
			if short && !applied {
				continue // joining places it, once the corrections are made
			}
			switch {
			case applied && orig == "":
				add = append(add, quad.Quad{Subject: ev, Predicate: quad.IRI(r.extracted), Object: quad.String(name)})
			case !applied && orig != "":
				del = append(del, quad.Quad{Subject: ev, Predicate: quad.IRI(r.extracted), Object: quad.String(orig)})
			}
			if want == cur {
				continue
			}
			moved[i] = quad.IRI(want)
			del = append(del, quad.Quad{Subject: ev, Predicate: quad.IRI(r.term), Object: terms[i]})
			add = append(add, quad.Quad{Subject: ev, Predicate: quad.IRI(r.term), Object: moved[i]})
			lost[cur]++
			if _, ok := gained[want]; !ok {
				gained[want] = cur
			}
		}
		if moved != terms {
			del = append(del, quad.Quad{Subject: terms[0], Predicate: pred, Object: terms[1], Label: ev})
			add = append(add, quad.Quad{Subject: moved[0], Predicate: pred, Object: moved[1], Label: ev})
		}
	}
	// Create the entities facts moved to, named as the corrections name them.
	names := make(map[string]string)
	for _, c := range slices.Concat(also, corrs) {
		names[schema.EntityID(c.Keep)] = c.Keep
		if c.Drop != "" {
			names[schema.EntityID(c.Drop)] = c.Drop
		}
		if c.Alias != "" {
			names[schema.EntityID(c.Alias)] = c.Alias
		}
	}
	for _, id := range sortedKeys(gained) {
		p, err := b.node(ctx, id)
		if err != nil {
			return nil, nil, err
		}
		if p.isA(schema.Entity) {
			continue
		}
		if qs, ok := restore[id]; ok {
			add = append(add, qs...)
			continue
		}
		from, err := b.node(ctx, gained[id])
		if err != nil {
			return nil, nil, err
		}
		e := quad.IRI(id)
		add = append(add,
			quad.Quad{Subject: e, Predicate: quad.IRI(schema.RDFType), Object: quad.IRI(schema.Entity)},
			quad.Quad{Subject: e, Predicate: quad.IRI(schema.Name), Object: quad.String(cmp.Or(names[id], id))})
		if t := from.str(schema.Type); t != "" {
			add = append(add, quad.Quad{Subject: e, Predicate: quad.IRI(schema.Type), Object: quad.String(t)})
			for _, w := range nameWords(cmp.Or(names[id], id), t) {
				add = append(add, quad.Quad{Subject: e, Predicate: quad.IRI(schema.NameWord), Object: quad.String(w)})
			}
		}
	}
	// Delete the entities that lost all their evidence.
	for _, id := range sortedKeys(lost) {
		if _, ok := gained[id]; ok {
			continue
		}
		used := 0
		err := b.r.quads(ctx, quad.Object, quad.IRI(id), func(q quad.Quad) error {
			if q.Label == nil && (q.Predicate == quad.IRI(schema.Subject) || q.Predicate == quad.IRI(schema.Object)) {
				used++
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		if used > lost[id] {
			continue
		}
		qs, err := b.r.quadsOf(ctx, quad.Subject, quad.IRI(id))
		if err != nil {
			return nil, nil, err
		}
		for _, q := range qs {
			if q.Label == nil {
				del = append(del, q)
			}
		}
	}
	return del, add, nil
}

// sortedValues returns the values of the set in the order of their string
// forms, so that a rewrite reads and writes in the same order every time.
func sortedValues(set map[quad.Value]bool) []quad.Value {
	vs := make([]quad.Value, 0, len(set))
	for v := range set {
		vs = append(vs, v)
	}
	slices.SortFunc(vs, func(a, b quad.Value) int { return strings.Compare(a.String(), b.String()) })
	return vs
}

// rejoin adds to a correction's deletions and additions those that bring
// the joins of one-word names up to date once it is made (see rejoin): the
// words of the names that the corrections made, corrs and also, name, and
// those that the evidence it moves is marked with or calls its entities by.
func (b *builder) rejoin(ctx context.Context, corrs, also []Correction, del, add []quad.Quad) ([]quad.Quad, []quad.Quad, error) {
	extra := make(map[string]bool)
	for _, c := range slices.Concat(corrs, also) {
		for _, n := range []string{c.Keep, c.Drop, c.Alias} {
			for _, w := range strings.Fields(n) {
				extra[w] = true
			}
		}
	}
	evs := make(map[quad.Value]bool)
	for _, q := range slices.Concat(del, add) {
		if q.Label == nil && roleIndex(q.Predicate) >= 0 {
			evs[q.Subject] = true
		}
	}
	for _, ev := range sortedValues(evs) {
		p, err := b.r.attrsOf(ctx, iriString(ev), schema.SubjectShort, schema.ObjectShort, schema.SubjectAlias, schema.ObjectAlias)
		if err != nil {
			return nil, nil, err
		}
		for _, vals := range p.vals {
			for _, v := range vals {
				if s, ok := v.(quad.String); ok {
					extra[string(s)] = true
				}
			}
		}
	}
	jdel, jadd, err := rejoin(ctx, b.r, corrs, del, add, extra)
	if err != nil {
		return nil, nil, err
	}
	del, add = compose(del, add, jdel, jadd)
	return del, add, nil
}
