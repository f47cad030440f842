package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// FactKey names one fact by the IRIs of its subject, relation and object.
type FactKey struct {
	From, RelationID, To string
}

// SubgraphOptions selects the entities and facts of [Store.Select]. The zero
// value selects the whole graph.
//
// The filters (Relations, Types, MinConfidence, Nodes, Facts) come first: they
// make a smaller graph, of the facts that pass between entities that pass.
// Focus and Depth then take a neighbourhood of that graph, so a filtered
// neighbourhood is reached through filtered facts only. The focus entity
// always stays, whatever its type. When a filter is given, entities left
// without a fact are dropped, except the focus.
type SubgraphOptions struct {
	// Focus, when not empty, names the entity to start from, by its name
	// or an alias, found as [schema.Snapshot.Find] finds one; an unknown
	// name gives an error that matches [ErrNotFound].
	Focus string
	// Depth is how many facts away from Focus to go, following facts both
	// ways; 0 keeps the focus alone. It is ignored without Focus.
	Depth int
	// Relations keeps the facts of these relations, named as stored
	// ("penalize"; case, spacing and punctuation do not matter).
	Relations []string
	// Types keeps the entities of these kg:types ("ORG", "PERSON"; case does
	// not matter).
	Types []string
	// MinConfidence keeps the facts whose confidence, the highest of their
	// evidence's, is at least this.
	MinConfidence float64
	// Nodes, when not nil, keeps only these entities, by IRI: for example
	// the entities on the paths between two entities.
	Nodes []string
	// Facts, when not nil, keeps only these facts: for example the hops of
	// those paths.
	Facts []FactKey
	// Period keeps the evidence of its time (see [Within]), and the facts
	// left with some.
	Period Period
}

// filtered reports whether o has a filter, so that entities without facts
// are dropped.
func (o *SubgraphOptions) filtered() bool {
	return len(o.Relations) > 0 || len(o.Types) > 0 || o.MinConfidence > 0 || o.Nodes != nil || o.Facts != nil ||
		!o.Period.Open()
}

// Subgraph returns the entity named focus and every entity within depth facts
// of it, with all the facts among them; with focus empty, the whole graph. It
// is [Store.Select] without filters.
func (s *Store) Subgraph(ctx context.Context, focus string, depth int) (*schema.Subgraph, error) {
	return s.Select(ctx, SubgraphOptions{Focus: focus, Depth: depth})
}

// Select returns the entities and facts that opts selects, sorted as
// [schema.Subgraph] says.
func (s *Store) Select(ctx context.Context, opts SubgraphOptions) (*schema.Subgraph, error) {
	if opts.Depth < 0 {
		return nil, fmt.Errorf("subgraph: negative depth %d", opts.Depth)
	}
	if math.IsNaN(opts.MinConfidence) {
		return nil, fmt.Errorf("subgraph: minimum confidence is not a number")
	}
	qs, release, err := s.use()
	if err != nil {
		return nil, fmt.Errorf("subgraph: %w", err)
	}
	defer release()
	b := &builder{r: reader{qs: qs}, props: make(map[string]props)}
	g, err := b.selection(ctx, newSelector(&opts))
	if err != nil {
		return nil, fmt.Errorf("subgraph: %w", err)
	}
	return g, nil
}

// selector holds the options as sets.
type selector struct {
	opts      *SubgraphOptions
	relations map[string]bool // relation IRIs
	types     map[string]bool // upper case
	nodes     map[string]bool
	facts     map[FactKey]bool
}

func newSelector(o *SubgraphOptions) *selector {
	sel := &selector{opts: o}
	if len(o.Relations) > 0 {
		sel.relations = make(map[string]bool)
		for _, r := range o.Relations {
			sel.relations[schema.RelationID(r)] = true
		}
	}
	if len(o.Types) > 0 {
		sel.types = make(map[string]bool)
		for _, t := range o.Types {
			sel.types[strings.ToUpper(strings.TrimSpace(t))] = true
		}
	}
	if o.Nodes != nil {
		sel.nodes = make(map[string]bool)
		for _, n := range o.Nodes {
			sel.nodes[n] = true
		}
	}
	if o.Facts != nil {
		sel.facts = make(map[FactKey]bool)
		for _, f := range o.Facts {
			sel.facts[f] = true
		}
	}
	return sel
}

// entity reports whether the entity passes the filters.
func (sel *selector) entity(id string, p props) bool {
	if sel.nodes != nil && !sel.nodes[id] {
		return false
	}
	return sel.types == nil || sel.types[strings.ToUpper(p.str(schema.Type))]
}

// fact reports whether a fact, before its evidence is read, may pass.
func (sel *selector) fact(k FactKey) bool {
	if sel.relations != nil && !sel.relations[k.RelationID] {
		return false
	}
	return sel.facts == nil || sel.facts[k]
}

// selection returns the subgraph that sel selects.
func (b *builder) selection(ctx context.Context, sel *selector) (*schema.Subgraph, error) {
	focus := ""
	if sel.opts.Focus != "" {
		var err error
		if focus, err = b.find(ctx, sel.opts.Focus); err != nil {
			return nil, err
		}
	}
	// The entities that pass, as far as they are needed.
	passes := func(id string) (bool, error) {
		if id == focus {
			return true, nil
		}
		p, err := b.node(ctx, id)
		if err != nil {
			return false, err
		}
		return p.isA(schema.Entity) && sel.entity(id, p), nil
	}
	var ids []string
	if focus == "" {
		all, err := b.r.instances(ctx, schema.Entity)
		if err != nil {
			return nil, err
		}
		for _, id := range all {
			ok, err := passes(id)
			if err != nil {
				return nil, err
			}
			if ok {
				ids = append(ids, id)
			}
		}
	} else {
		var err error
		if ids, err = b.around(ctx, focus, sel, passes); err != nil {
			return nil, err
		}
	}
	g, err := b.subgraph(ctx, ids, sel)
	if err != nil {
		return nil, err
	}
	if sel.opts.filtered() {
		linked := map[string]bool{focus: true}
		for _, e := range g.Edges {
			linked[e.From], linked[e.To] = true, true
		}
		g.Nodes = slices.DeleteFunc(g.Nodes, func(n schema.Node) bool { return !linked[n.ID] })
	}
	return g, nil
}

// builder reads nodes once each.
type builder struct {
	r     reader
	props map[string]props
}

func (b *builder) node(ctx context.Context, id string) (props, error) {
	if p, ok := b.props[id]; ok {
		return p, nil
	}
	p, err := b.r.props(ctx, id)
	if err != nil {
		return props{}, err
	}
	b.props[id] = p
	return p, nil
}

// find returns the ID of the entity named name, looked for as every command
// looks for one and in the order [schema.Snapshot.Find] follows: by its
// name exactly (the least ID of several), else by the entity ID the name would
// have, else by a name equal to it ignoring case, else by an alias the
// sentences call it by, exactly and then ignoring case, spacing and
// punctuation. An alias of several entities is an error, as no one entity
// has it; so is an unknown name. Both match [ErrNotFound].
func (b *builder) find(ctx context.Context, name string) (string, error) {
	if b.r.ix != nil {
		id, err := b.r.ixFind(ctx, name)
		if id != "" || err != nil {
			return id, err
		}
		return b.alias(ctx, name)
	}
	var ids []string
	err := b.r.quads(ctx, quad.Object, quad.String(name), func(q quad.Quad) error {
		if id, ok := q.Subject.(quad.IRI); ok && q.Predicate == quad.IRI(schema.Name) && q.Label == nil {
			ids = append(ids, string(id))
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	slices.Sort(ids)
	ids = append(slices.Compact(ids), schema.EntityID(name))
	for _, id := range ids {
		p, err := b.r.attrsOf(ctx, id, schema.RDFType)
		if err != nil {
			return "", err
		}
		if p.isA(schema.Entity) {
			return id, nil
		}
	}
	if id, err := b.fold(ctx, name); id != "" || err != nil {
		return id, err
	}
	return b.alias(ctx, name)
}

// fold looks for an entity whose name equals name ignoring case; "" if
// there is none.
func (b *builder) fold(ctx context.Context, name string) (string, error) {
	all, err := b.r.instances(ctx, schema.Entity)
	if err != nil {
		return "", err
	}
	for _, id := range all {
		p, err := b.node(ctx, id)
		if err != nil {
			return "", err
		}
		for _, v := range p.vals[quad.IRI(schema.Name)] {
			if s, ok := v.(quad.String); ok && strings.EqualFold(string(s), name) {
				return id, nil
			}
		}
	}
	return "", nil
}

// name returns the name of the entity id (its ID if it has none): from
// kg_ent where the store has kg's index, without reading the facts of a
// hub with its properties.
func (b *builder) name(ctx context.Context, id string) (string, error) {
	if b.r.ix != nil {
		var v []byte
		err := b.r.ix.view(ctx, func(tx ixRead) error {
			var err error
			v, err = tx.get(ctx, ixEnt, []byte(id))
			return err
		})
		if err != nil || v != nil {
			name, _, _ := strings.Cut(string(v), "\x00")
			return cmp.Or(name, id), err
		}
	}
	p, err := b.node(ctx, id)
	if err != nil {
		return "", err
	}
	return cmp.Or(p.str(schema.Name), id), nil
}

// namedWith returns the names, quoted, of the people (at most three) whose
// first or last name is a word of name: "Xi" and "President Xi" suggest "Xi
// Jinping". It reads the name-word index only.
func (b *builder) namedWith(ctx context.Context, name string) ([]string, error) {
	seen := make(map[string]bool)
	var out []string
	enough := errors.New("three names")
	for _, w := range strings.Fields(name) {
		err := b.r.quads(ctx, quad.Object, quad.String(w), func(q quad.Quad) error {
			if len(out) == 3 {
				return enough
			}
			id, ok := q.Subject.(quad.IRI)
			if !ok || q.Predicate != quad.IRI(schema.NameWord) || q.Label != nil || seen[string(id)] {
				return nil
			}
			seen[string(id)] = true
			name, err := b.name(ctx, string(id))
			if err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("%q", name))
			return nil
		})
		if err != nil && !errors.Is(err, enough) {
			return nil, err
		}
	}
	slices.Sort(out)
	return out, nil
}

// alias looks for the one entity that a sentence calls name: by the alias
// exactly (through the store's index), else by an alias equal to it
// ignoring case, spacing and punctuation (through kg_name where the store
// has kg's index; else it reads every evidence node, and so comes last).
func (b *builder) alias(ctx context.Context, name string) (string, error) {
	found := make(map[string]bool)
	// add notes the entity that the evidence ev names in the role whose
	// alias is pred.
	add := func(ev quad.Value, pred string) error {
		p, err := b.node(ctx, iriString(ev))
		if err != nil {
			return err
		}
		role := schema.Subject
		if pred == schema.ObjectAlias {
			role = schema.Object
		}
		for _, v := range p.vals[quad.IRI(role)] {
			id, ok := v.(quad.IRI)
			if !ok || found[string(id)] {
				continue
			}
			if ent, err := b.r.attrsOf(ctx, string(id), schema.RDFType); err != nil {
				return err
			} else if ent.isA(schema.Entity) {
				found[string(id)] = true
			}
		}
		return nil
	}
	err := b.r.quads(ctx, quad.Object, quad.String(name), func(q quad.Quad) error {
		if q.Label == nil && (q.Predicate == quad.IRI(schema.SubjectAlias) || q.Predicate == quad.IRI(schema.ObjectAlias)) {
			return add(q.Subject, string(q.Predicate.(quad.IRI)))
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if len(found) == 0 && b.r.ix != nil {
		evs, err := b.r.ixAliased(ctx, name)
		if err != nil {
			return "", err
		}
		for _, ev := range evs {
			if err := add(quad.IRI(ev.id), ev.pred); err != nil {
				return "", err
			}
		}
	} else if len(found) == 0 {
		evs, err := b.r.instances(ctx, schema.Evidence)
		if err != nil {
			return "", err
		}
		folded := schema.EntityID(name)
		for _, ev := range evs {
			p, err := b.r.props(ctx, ev) // not b.node: each is read once
			if err != nil {
				return "", err
			}
			for _, pred := range []string{schema.SubjectAlias, schema.ObjectAlias} {
				for _, v := range p.vals[quad.IRI(pred)] {
					if a, ok := v.(quad.String); ok && schema.EntityID(string(a)) == folded {
						if err := add(quad.IRI(ev), pred); err != nil {
							return "", err
						}
					}
				}
			}
		}
	}
	ids := slices.Sorted(maps.Keys(found))
	switch len(ids) {
	case 0:
		maybe, err := b.namedWith(ctx, name)
		if err != nil {
			return "", err
		}
		return "", &schema.NotFoundError{What: fmt.Sprintf("entity %q", name), Maybe: maybe}
	case 1:
		return ids[0], nil
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		p, err := b.node(ctx, id)
		if err != nil {
			return "", err
		}
		names[i] = fmt.Sprintf("%q", cmp.Or(p.str(schema.Name), id))
	}
	return "", &schema.AmbiguousError{Name: name, Of: names}
}

// around returns the IDs of the focus entity and of the entities within
// depth facts of it, through facts and entities that pass sel, sorted.
func (b *builder) around(ctx context.Context, focus string, sel *selector, passes func(string) (bool, error)) ([]string, error) {
	seen := map[string]bool{focus: true}
	frontier := []string{focus}
	for range sel.opts.Depth {
		var next []string
		// visit adds the other end of a fact, if the fact and it pass.
		visit := func(from, rel, to quad.Value, ev quad.Value, other string) error {
			if seen[other] {
				return nil
			}
			k, ok := factKey(from, rel, to)
			if !ok || !sel.fact(k) {
				return nil
			}
			if ok, err := passes(other); err != nil || !ok {
				return err
			}
			if sel.opts.MinConfidence > 0 {
				if c, err := b.confidence(ctx, ev); err != nil || c < sel.opts.MinConfidence {
					return err
				}
			}
			if ok, err := b.inPeriod(ctx, ev, sel.opts.Period); err != nil || !ok {
				return err
			}
			seen[other] = true
			next = append(next, other)
			return nil
		}
		for _, id := range frontier {
			p, err := b.node(ctx, id)
			if err != nil {
				return nil, err
			}
			for _, q := range p.facts {
				if obj, ok := q.Object.(quad.IRI); ok {
					if err := visit(q.Subject, q.Predicate, q.Object, q.Label, string(obj)); err != nil {
						return nil, err
					}
				}
			}
			err = b.r.quads(ctx, quad.Object, quad.IRI(id), func(q quad.Quad) error {
				if sub, ok := q.Subject.(quad.IRI); ok && q.Label != nil {
					return visit(q.Subject, q.Predicate, q.Object, q.Label, string(sub))
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		if len(next) == 0 {
			break
		}
		frontier = next
	}
	return sortedKeys(seen), nil
}

// factKey returns the key of a fact quad's terms, and false if one is not an
// IRI.
func factKey(from, rel, to quad.Value) (FactKey, bool) {
	f, ok1 := from.(quad.IRI)
	r, ok2 := rel.(quad.IRI)
	t, ok3 := to.(quad.IRI)
	return FactKey{From: string(f), RelationID: string(r), To: string(t)}, ok1 && ok2 && ok3
}

// confidence returns the kg:confidence of an evidence node, 0 if it has none.
func (b *builder) confidence(ctx context.Context, ev quad.Value) (float64, error) {
	id, ok := ev.(quad.IRI)
	if !ok {
		return 0, nil
	}
	p, err := b.node(ctx, string(id))
	if err != nil {
		return 0, err
	}
	c, _ := p.first(schema.Confidence).(quad.Float)
	return float64(c), nil
}

// subgraph returns the entities with the given IDs and the facts among them
// that pass sel.
func (b *builder) subgraph(ctx context.Context, ids []string, sel *selector) (*schema.Subgraph, error) {
	g := &schema.Subgraph{Nodes: []schema.Node{}, Edges: []schema.Edge{}}
	in := make(map[string]bool, len(ids))
	for _, id := range ids {
		in[id] = true
	}
	for _, id := range ids {
		p, err := b.node(ctx, id)
		if err != nil {
			return nil, err
		}
		g.Nodes = append(g.Nodes, schema.Node{ID: id, Name: cmp.Or(p.str(schema.Name), id), Type: p.str(schema.Type)})

		// Group the facts of id by relation and object; each quad is one
		// evidence.
		evs := make(map[FactKey][]string)
		for _, q := range p.facts {
			k, ok := factKey(q.Subject, q.Predicate, q.Object)
			ev, isIRI := q.Label.(quad.IRI)
			if !ok || !isIRI || !in[k.To] || !sel.fact(k) {
				continue
			}
			if ok, err := b.inPeriod(ctx, ev, sel.opts.Period); err != nil {
				return nil, err
			} else if !ok {
				continue
			}
			evs[k] = append(evs[k], string(ev))
		}
		keys := make([]FactKey, 0, len(evs))
		for k := range evs {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b FactKey) int {
			return cmp.Or(cmp.Compare(a.RelationID, b.RelationID), cmp.Compare(a.To, b.To))
		})
		for _, k := range keys {
			e, err := b.edge(ctx, k, evs[k])
			if err != nil {
				return nil, err
			}
			if e.Confidence >= sel.opts.MinConfidence {
				g.Edges = append(g.Edges, e)
			}
		}
	}
	slices.SortStableFunc(g.Nodes, func(a, b schema.Node) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	slices.SortStableFunc(g.Edges, func(a, b schema.Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Relation, b.Relation), cmp.Compare(a.To, b.To))
	})
	return g, nil
}

// edge builds the edge of a fact from its evidence nodes.
func (b *builder) edge(ctx context.Context, k FactKey, evs []string) (schema.Edge, error) {
	rp, err := b.node(ctx, k.RelationID)
	if err != nil {
		return schema.Edge{}, err
	}
	e := schema.Edge{From: k.From, To: k.To, Relation: rp.str(schema.Name), RelationID: k.RelationID, Negated: true,
		Evidence: []string{}, Records: make([]schema.EvidenceRecord, 0, len(evs))}
	texts := make(map[string]bool)
	for i, ev := range evs {
		rec, err := b.evidence(ctx, ev)
		if err != nil {
			return schema.Edge{}, err
		}
		if e.Relation == "" {
			p, err := b.node(ctx, ev)
			if err != nil {
				return schema.Edge{}, err
			}
			e.Relation = p.str(schema.RelationText)
		}
		if !rec.Negated {
			e.Negated = false
		}
		if i == 0 || rec.Confidence > e.Confidence {
			e.Confidence = rec.Confidence
		}
		if rec.Text != "" {
			texts[rec.Text] = true
		}
		e.Records = append(e.Records, rec)
	}
	slices.SortFunc(e.Records, compareRecords)
	e.Relation = cmp.Or(e.Relation, strings.TrimPrefix(k.RelationID, schema.RelationPrefix))
	e.Evidence = append(e.Evidence, sortedKeys(texts)...)
	return e, nil
}

// compareRecords orders evidence as [Store.Support] does: by document,
// sentence, negation, then ID.
func compareRecords(a, b schema.EvidenceRecord) int {
	return cmp.Or(cmp.Compare(a.Document, b.Document), cmp.Compare(a.SentenceIndex, b.SentenceIndex),
		cmpBool(a.Negated, b.Negated), cmp.Compare(a.ID, b.ID))
}
