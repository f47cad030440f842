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

// Entity sort orders for [EntityFilter.Sort].
const (
	ByName     = "name"     // by name, then ID
	ByMentions = "mentions" // most mentioned first, then by name
	ByDegree   = "degree"   // most connected first, then by name
)

// EntityFilter selects and orders the entities of [Store.Entities].
type EntityFilter struct {
	Type string // only entities of this kg:type (ignoring case); empty for all
	Sort string // ByName (the default when empty), ByMentions or ByDegree
}

// Entities lists the entities of the store with their aliases, mentions and
// degree. It reads every entity and its evidence, so it takes time on a
// large store.
func (s *Store) Entities(ctx context.Context, f EntityFilter) ([]schema.EntityInfo, error) {
	var less func(a, b schema.EntityInfo) int
	switch f.Sort {
	case ByName, "":
		less = func(a, b schema.EntityInfo) int { return 0 }
	case ByMentions:
		less = func(a, b schema.EntityInfo) int { return cmp.Compare(b.Mentions, a.Mentions) }
	case ByDegree:
		less = func(a, b schema.EntityInfo) int { return cmp.Compare(b.Degree, a.Degree) }
	default:
		return nil, fmt.Errorf("entities: unknown sort %q (want %s, %s or %s)", f.Sort, ByName, ByMentions, ByDegree)
	}
	qs, release, err := s.use()
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	defer release()
	out := []schema.EntityInfo{}
	if s.ix != nil {
		listed, err := reader{qs: qs, ix: s.ix}.ixEntities(ctx, f.Type)
		if err != nil {
			return nil, fmt.Errorf("entities: %w", err)
		}
		out = append(out, listed...)
	} else {
		b := &builder{r: reader{qs: qs}, props: make(map[string]props)}
		ids, err := b.r.instances(ctx, schema.Entity)
		if err != nil {
			return nil, fmt.Errorf("entities: %w", err)
		}
		for _, id := range ids {
			e, ok, err := b.entity(ctx, id, f.Type)
			if err != nil {
				return nil, fmt.Errorf("entities: %w", err)
			}
			if ok {
				out = append(out, e)
			}
		}
	}
	slices.SortFunc(out, func(a, b schema.EntityInfo) int {
		return cmp.Or(less(a, b), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// entity describes the entity id, and false if its type is not typ.
func (b *builder) entity(ctx context.Context, id, typ string) (schema.EntityInfo, bool, error) {
	p, err := b.r.props(ctx, id) // not b.node: each entity is read once
	if err != nil {
		return schema.EntityInfo{}, false, err
	}
	e := schema.EntityInfo{ID: id, Name: cmp.Or(p.str(schema.Name), id), Type: p.str(schema.Type), Aliases: []string{}}
	if typ != "" && !strings.EqualFold(e.Type, typ) {
		return e, false, nil
	}
	self := quad.IRI(id)
	neighbours := make(map[quad.Value]bool)
	for _, q := range p.facts {
		if q.Object != self {
			neighbours[q.Object] = true
		}
	}
	mentions := make(map[quad.Value]bool) // evidence nodes that name id
	err = b.r.quads(ctx, quad.Object, self, func(q quad.Quad) error {
		switch {
		case q.Label != nil:
			if q.Subject != self {
				neighbours[q.Subject] = true
			}
		case q.Predicate == quad.IRI(schema.Subject), q.Predicate == quad.IRI(schema.Object):
			mentions[q.Subject] = true
		}
		return nil
	})
	if err != nil {
		return e, false, err
	}
	aliases := make(map[string]bool)
	for ev := range mentions {
		evp, err := b.r.props(ctx, iriString(ev))
		if err != nil {
			return e, false, err
		}
		// An entity that is both subject and object of one fact has both.
		for _, pred := range []string{schema.SubjectAlias, schema.ObjectAlias} {
			if !roleOf(evp, pred, self) {
				continue
			}
			for _, v := range evp.vals[quad.IRI(pred)] {
				if a, ok := v.(quad.String); ok && string(a) != e.Name {
					aliases[string(a)] = true
				}
			}
		}
	}
	e.Aliases = append(e.Aliases, sortedKeys(aliases)...)
	e.Mentions, e.Degree = len(mentions), len(neighbours)
	return e, true, nil
}

// roleOf reports whether the evidence names ent in the role whose alias
// property is aliasPred.
func roleOf(ev props, aliasPred string, ent quad.IRI) bool {
	role := schema.Subject
	if aliasPred == schema.ObjectAlias {
		role = schema.Object
	}
	return slices.Contains(ev.vals[quad.IRI(role)], quad.Value(ent))
}

func iriString(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return string(iri)
	}
	return v.String()
}
