package graph

import (
	"slices"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// person is a stored PERSON entity.
type person struct{ id, name string }

// joinShortNames rewrites, in facts, the single-word names of people
// ("Reid") that the store does not hold as entities of their own to the one
// stored PERSON entity that has the word as its first or last name
// ("Thomas Reid") or as an alias. A word that two stored people share stays
// an entity of its own: without more evidence, "Reid" in a new document may
// be either. Facts whose names a correction changed (orig) are left alone.
//
// The extractor joins short names within a document; this joins them across
// documents, at load time only: a person stored later does not pull in the
// short names loaded before.
func (r reader) joinShortNames(facts []schema.Fact, orig []extracted) error {
	words := make(map[string]bool)
	for i := range facts {
		f := &facts[i]
		if f.SubjectID == "" || f.ObjectID == "" {
			continue
		}
		if shortPerson(f.Subject, f.SubjectID, f.SubjectType) && (orig == nil || orig[i].subject == "") {
			words[f.Subject] = true
		}
		if shortPerson(f.Object, f.ObjectID, f.ObjectType) && (orig == nil || orig[i].object == "") {
			words[f.Object] = true
		}
	}
	if len(words) == 0 {
		return nil
	}
	byWord, err := r.personsCalled(words)
	if err != nil || len(byWord) == 0 {
		return err
	}
	for i := range facts {
		f := &facts[i]
		if p, ok := byWord[f.Subject]; ok && f.SubjectID == schema.EntityID(f.Subject) && (orig == nil || orig[i].subject == "") {
			f.Subject, f.SubjectID, f.SubjectType = p.name, p.id, schema.Person
		}
		if p, ok := byWord[f.Object]; ok && f.ObjectID == schema.EntityID(f.Object) && (orig == nil || orig[i].object == "") {
			f.Object, f.ObjectID, f.ObjectType = p.name, p.id, schema.Person
		}
	}
	return nil
}

// shortPerson reports whether a fact's entity is a one-word name that may
// be a person's: capitalised, PERSON or untyped.
func shortPerson(name, id, typ string) bool {
	if typ != "" && typ != schema.Person || id != schema.EntityID(name) || strings.ContainsFunc(name, unicode.IsSpace) {
		return false
	}
	r := []rune(name)
	return len(r) > 1 && unicode.IsUpper(r[0])
}

// personsCalled returns, for each word that no stored entity is named, the
// one stored person it may stand for, if there is exactly one. It reads
// every PERSON entity (through the index of their kg:type) and the evidence
// that writes the word as an alias.
func (r reader) personsCalled(words map[string]bool) (map[string]person, error) {
	people := make(map[string]person) // by ID
	err := r.quads(quad.Object, quad.String(schema.Person), func(q quad.Quad) error {
		if id, ok := q.Subject.(quad.IRI); ok && q.Predicate == quad.IRI(schema.Type) && q.Label == nil {
			people[string(id)] = person{id: string(id)}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	byName := make(map[string][]string) // first or last name -> IDs
	for _, id := range sortedKeys(people) {
		p, err := r.props(id)
		if err != nil {
			return nil, err
		}
		name := p.str(schema.Name)
		people[id] = person{id: id, name: name}
		if ws := strings.Fields(name); len(ws) > 1 {
			byName[ws[0]] = append(byName[ws[0]], id)
			if last := ws[len(ws)-1]; last != ws[0] {
				byName[last] = append(byName[last], id)
			}
		}
	}
	out := make(map[string]person)
	for _, w := range sortedKeys(words) {
		own, err := r.props(schema.EntityID(w))
		if err != nil {
			return nil, err
		}
		if own.isA(schema.Entity) {
			continue // stored as an entity of its own already: stay with it
		}
		ids := slices.Clone(byName[w])
		err = r.quads(quad.Object, quad.String(w), func(q quad.Quad) error {
			var role string
			switch q.Predicate {
			case quad.IRI(schema.SubjectAlias):
				role = schema.Subject
			case quad.IRI(schema.ObjectAlias):
				role = schema.Object
			default:
				return nil
			}
			ev, err := r.props(iriString(q.Subject))
			if err != nil {
				return err
			}
			for _, v := range ev.vals[quad.IRI(role)] {
				if _, ok := people[iriString(v)]; ok {
					ids = append(ids, iriString(v))
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		slices.Sort(ids)
		if ids = slices.Compact(ids); len(ids) == 1 {
			out[w] = people[ids[0]]
		}
	}
	return out, nil
}
