package analyze

import (
	"cmp"
	"slices"

	"github.com/kgraph/kg/schema"
)

// Facts returns the entity named name and every fact it is the subject or
// the object of, each read from it (Forward when it is the subject). They
// are sorted by relation, then with the ones it is the subject of first,
// then by the other entity's name. An unknown name gives an error that
// matches [schema.ErrNotFound].
func (g *Graph) Facts(name string) (schema.EntityInfo, []Step, error) {
	n, err := g.find(name)
	if err != nil {
		return schema.EntityInfo{}, nil, err
	}
	return g.facts(n)
}

// FactsOf is [Graph.Facts] of the entity with the ID, for a snapshot that
// holds its facts.
func (g *Graph) FactsOf(id string) (schema.EntityInfo, []Step, error) {
	n, err := g.byID(id)
	if err != nil {
		return schema.EntityInfo{}, nil, err
	}
	return g.facts(n)
}

func (g *Graph) facts(n int64) (schema.EntityInfo, []Step, error) {
	e := g.entity(n)
	out := []Step{}
	for i, f := range g.snap.Facts {
		if f.Subject == e.ID || f.Object == e.ID {
			out = append(out, Step{Fact: g.fact(i), Forward: f.Subject == e.ID})
		}
	}
	other := func(s Step) string {
		if s.Forward {
			return s.Object
		}
		return s.Subject
	}
	slices.SortFunc(out, func(a, b Step) int {
		return cmp.Or(cmp.Compare(a.Relation, b.Relation), cmpBool(b.Forward, a.Forward),
			cmp.Compare(other(a), other(b)), cmp.Compare(a.SubjectID, b.SubjectID), cmp.Compare(a.ObjectID, b.ObjectID))
	})
	return e, out, nil
}
