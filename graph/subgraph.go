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

// Node is an entity of a [Subgraph].
type Node struct {
	ID   string `json:"id"`   // IRI, "kg:entity/zte"
	Name string `json:"name"` // kg:name; the ID if it has none
	Type string `json:"type"` // kg:type; empty if unknown
}

// Edge is a fact of a [Subgraph]: all the evidence of one subject - relation -
// object triple.
type Edge struct {
	From     string   `json:"from"`     // ID of the subject node
	To       string   `json:"to"`       // ID of the object node
	Relation string   `json:"relation"` // the relation's kg:name, "penalize"
	Negated  bool     `json:"negated"`  // every evidence of the fact denies it
	Evidence []string `json:"evidence"` // the distinct sentences that state it, sorted
}

// Subgraph is a set of entities and the facts between them. Nodes are sorted
// by name, then ID; edges by From, Relation, then To.
type Subgraph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// notFoundError names what was not found; it matches [ErrNotFound].
type notFoundError struct{ what string }

func (e *notFoundError) Error() string        { return e.what + " not found" }
func (e *notFoundError) Is(target error) bool { return target == ErrNotFound }

// Subgraph returns the entities to export and the facts between them. With
// focus empty it is the whole graph. Otherwise it is the entity named focus
// (exactly, else ignoring case, spacing and punctuation) and every entity
// within depth facts of it, following facts both ways, with all the facts
// among them. An unknown focus gives an error that matches [ErrNotFound].
func (s *Store) Subgraph(ctx context.Context, focus string, depth int) (*Subgraph, error) {
	if depth < 0 {
		return nil, fmt.Errorf("subgraph: negative depth %d", depth)
	}
	qs, release, err := s.use()
	if err != nil {
		return nil, fmt.Errorf("subgraph: %w", err)
	}
	defer release()
	b := &builder{r: reader{ctx: ctx, qs: qs}, props: make(map[string]props)}
	var ids []string
	if focus == "" {
		ids, err = b.r.instances(schema.Entity)
	} else {
		ids, err = b.around(focus, depth)
	}
	if err != nil {
		return nil, fmt.Errorf("subgraph: %w", err)
	}
	g, err := b.subgraph(ids)
	if err != nil {
		return nil, fmt.Errorf("subgraph: %w", err)
	}
	return g, nil
}

// builder reads nodes once each.
type builder struct {
	r     reader
	props map[string]props
}

func (b *builder) node(id string) (props, error) {
	if p, ok := b.props[id]; ok {
		return p, nil
	}
	p, err := b.r.props(id)
	if err != nil {
		return props{}, err
	}
	b.props[id] = p
	return p, nil
}

// find returns the ID of the entity named name: exactly, else by the entity
// ID the name would have, else by a name equal to it ignoring case. Of
// several, it returns the least ID.
func (b *builder) find(name string) (string, error) {
	var ids []string
	err := b.r.quads(quad.Object, quad.String(name), func(q quad.Quad) error {
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
		p, err := b.node(id)
		if err != nil {
			return "", err
		}
		if p.isA(schema.Entity) {
			return id, nil
		}
	}
	return b.fold(name)
}

// fold looks for an entity whose name equals name ignoring case.
func (b *builder) fold(name string) (string, error) {
	all, err := b.r.instances(schema.Entity)
	if err != nil {
		return "", err
	}
	for _, id := range all {
		p, err := b.node(id)
		if err != nil {
			return "", err
		}
		for _, v := range p.vals[quad.IRI(schema.Name)] {
			if s, ok := v.(quad.String); ok && strings.EqualFold(string(s), name) {
				return id, nil
			}
		}
	}
	return "", &notFoundError{what: fmt.Sprintf("entity %q", name)}
}

// around returns the IDs of the entity named focus and of the entities within
// depth facts of it, sorted.
func (b *builder) around(focus string, depth int) ([]string, error) {
	start, err := b.find(focus)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{start: true}
	frontier := []string{start}
	for range depth {
		var next []string
		visit := func(v quad.Value) {
			if id, ok := v.(quad.IRI); ok && !seen[string(id)] {
				seen[string(id)] = true
				next = append(next, string(id))
			}
		}
		for _, id := range frontier {
			p, err := b.node(id)
			if err != nil {
				return nil, err
			}
			for _, q := range p.facts {
				visit(q.Object)
			}
			err = b.r.quads(quad.Object, quad.IRI(id), func(q quad.Quad) error {
				if q.Label != nil {
					visit(q.Subject)
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

// subgraph returns the entities with the given IDs and the facts among them.
func (b *builder) subgraph(ids []string) (*Subgraph, error) {
	g := &Subgraph{Nodes: []Node{}, Edges: []Edge{}}
	in := make(map[string]bool, len(ids))
	for _, id := range ids {
		in[id] = true
	}
	for _, id := range ids {
		p, err := b.node(id)
		if err != nil {
			return nil, err
		}
		g.Nodes = append(g.Nodes, Node{ID: id, Name: cmp.Or(p.str(schema.Name), id), Type: p.str(schema.Type)})

		// Group the facts of id by relation and object; each quad is one
		// evidence.
		type key struct{ rel, obj string }
		evs := make(map[key][]string)
		for _, q := range p.facts {
			rel, ok1 := q.Predicate.(quad.IRI)
			obj, ok2 := q.Object.(quad.IRI)
			ev, ok3 := q.Label.(quad.IRI)
			if !ok1 || !ok2 || !ok3 || !in[string(obj)] {
				continue
			}
			k := key{string(rel), string(obj)}
			evs[k] = append(evs[k], string(ev))
		}
		keys := make([]key, 0, len(evs))
		for k := range evs {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b key) int { return cmp.Or(cmp.Compare(a.rel, b.rel), cmp.Compare(a.obj, b.obj)) })
		for _, k := range keys {
			e, err := b.edge(id, k.rel, k.obj, evs[k])
			if err != nil {
				return nil, err
			}
			g.Edges = append(g.Edges, e)
		}
	}
	slices.SortStableFunc(g.Nodes, func(a, b Node) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID)) })
	slices.SortStableFunc(g.Edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.Relation, b.Relation), cmp.Compare(a.To, b.To))
	})
	return g, nil
}

// edge builds the edge of a fact from its evidence nodes.
func (b *builder) edge(from, rel, to string, evs []string) (Edge, error) {
	rp, err := b.node(rel)
	if err != nil {
		return Edge{}, err
	}
	e := Edge{From: from, To: to, Relation: rp.str(schema.Name), Negated: true, Evidence: []string{}}
	texts := make(map[string]bool)
	for _, ev := range evs {
		p, err := b.node(ev)
		if err != nil {
			return Edge{}, err
		}
		if e.Relation == "" {
			e.Relation = p.str(schema.RelationText)
		}
		if neg, _ := p.first(schema.Negated).(quad.Bool); !neg {
			e.Negated = false
		}
		if t := p.str(schema.Text); t != "" {
			texts[t] = true
		}
	}
	e.Relation = cmp.Or(e.Relation, strings.TrimPrefix(rel, schema.RelationPrefix))
	e.Evidence = append(e.Evidence, sortedKeys(texts)...)
	return e, nil
}
