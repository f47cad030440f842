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

// nameWords returns the words a one-word mention of a person may use for
// them, their first and last name, or none for a one-word name or an entity
// of another type. They are stored (kg:name_word) so that joining a short
// name reads the people it may mean by index, not every stored person.
func nameWords(name, typ string) []string {
	ws := strings.Fields(name)
	if typ != schema.Person || len(ws) < 2 {
		return nil
	}
	if last := ws[len(ws)-1]; last != ws[0] {
		return []string{ws[0], last}
	}
	return ws[:1]
}

// personsCalled returns, for each word that no stored entity is named, the
// one stored person it may stand for, if there is exactly one: the people
// whose first or last name it is (by their kg:name_word) and those that
// evidence writes the word as an alias of.
func (r reader) personsCalled(words map[string]bool) (map[string]person, error) {
	out := make(map[string]person)
	for _, w := range sortedKeys(words) {
		own, err := r.props(schema.EntityID(w))
		if err != nil {
			return nil, err
		}
		if own.isA(schema.Entity) {
			continue // stored as an entity of its own already: stay with it
		}
		var ids []string
		err = r.quads(quad.Object, quad.String(w), func(q quad.Quad) error {
			var role string
			switch q.Predicate {
			case quad.IRI(schema.NameWord):
				if q.Label == nil {
					ids = append(ids, iriString(q.Subject))
				}
				return nil
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
			ids = append(ids, iriStrings(ev.vals[quad.IRI(role)])...)
			return nil
		})
		if err != nil {
			return nil, err
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		var people []person
		for _, id := range ids {
			p, err := r.props(id)
			if err != nil {
				return nil, err
			}
			if p.str(schema.Type) == schema.Person {
				people = append(people, person{id: id, name: p.str(schema.Name)})
			}
		}
		if len(people) == 1 {
			out[w] = people[0]
		}
	}
	return out, nil
}

func iriStrings(vs []quad.Value) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = iriString(v)
	}
	return out
}
