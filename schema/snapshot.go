package schema

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrNotFound is matched (with errors.Is) by the errors for what a graph
// does not hold: an entity, a document, a correction, and a store that does
// not exist, which is the sentinel itself wrapped with its path (whence its
// text).
var ErrNotFound = errors.New("store not found")

// NotFoundError names what was not found, and what the user may have meant;
// it matches [ErrNotFound].
type NotFoundError struct {
	What  string   // `entity "Xi"`, `document "a.txt"`
	Maybe []string // names that the user may have meant, quoted
}

func (e *NotFoundError) Error() string {
	if len(e.Maybe) > 0 {
		return e.What + " not found; did you mean " + strings.Join(e.Maybe, " or ") + "?"
	}
	return e.What + " not found"
}

// Is reports whether target is [ErrNotFound].
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// AmbiguousError is a name that is an alias of several entities; it matches
// [ErrNotFound], for no one entity has it.
type AmbiguousError struct {
	Name string
	Of   []string // the entities' names, quoted
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("entity %q is ambiguous: an alias of %s; name one", e.Name, strings.Join(e.Of, " and "))
}

// Is reports whether target is [ErrNotFound].
func (e *AmbiguousError) Is(target error) bool { return target == ErrNotFound }

// EntityInfo describes one entity for a listing.
type EntityInfo struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"` // empty if unknown
	// Aliases are the other names the sentences call it by, sorted: the
	// kg:subject_alias and kg:object_alias of its evidence, without its
	// own name.
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"` // evidence nodes that name it as subject or object
	Degree   int      `json:"degree"`   // distinct other entities it shares a fact with
}

// StoredFact is one subject - relation - object triple of a [Snapshot] with
// all the evidence that states or denies it. ([Fact] is what the extractor
// finds in one sentence.)
type StoredFact struct {
	Subject    string           `json:"subject"`     // ID of the subject entity
	RelationID string           `json:"relation_id"` // the relation's IRI, "rel:penalize"
	Relation   string           `json:"relation"`    // its kg:name, "penalize"
	Object     string           `json:"object"`      // ID of the object entity
	Negated    bool             `json:"negated"`     // every evidence denies it
	Confidence float64          `json:"confidence"`  // the highest confidence of its evidence
	Evidence   []EvidenceRecord `json:"evidence"`    // by document, sentence, then negation
}

// Snapshot is the whole fact graph, or the part of it that a reader has
// read, held in memory at once: the input of analyses that look at every
// entity (ranking, communities, paths). It holds no reference to the store.
type Snapshot struct {
	// Entities are sorted by ID. Mentions and Degree are filled in as the
	// store's entity listing fills them.
	Entities []EntityInfo `json:"entities"`
	// Facts are sorted by subject, relation, then object; each has at
	// least one evidence.
	Facts []StoredFact `json:"facts"`
}

// Entity returns the entity with the ID, and false if there is none.
func (s *Snapshot) Entity(id string) (EntityInfo, bool) {
	i, ok := slices.BinarySearchFunc(s.Entities, id, func(e EntityInfo, id string) int { return strings.Compare(e.ID, id) })
	if !ok {
		return EntityInfo{}, false
	}
	return s.Entities[i], true
}

// Find returns the entity named name, looked for as the other commands look
// for one: by its name exactly, else by its name ignoring case, spacing and
// punctuation, else by one of its aliases (exactly, then the same way). Of
// several entities that fit at one step, it returns the least ID, except
// that an alias of more than one entity is an [AmbiguousError]. An unknown
// name gives a [NotFoundError]; both match [ErrNotFound].
func (s *Snapshot) Find(name string) (EntityInfo, error) {
	folded := EntityID(name)
	steps := []func(e EntityInfo) bool{
		func(e EntityInfo) bool { return e.Name == name },
		func(e EntityInfo) bool { return e.ID == folded || EntityID(e.Name) == folded },
		func(e EntityInfo) bool { return strings.EqualFold(e.Name, name) },
	}
	for _, match := range steps {
		if i := slices.IndexFunc(s.Entities, match); i >= 0 {
			return s.Entities[i], nil
		}
	}
	for _, match := range []func(a string) bool{
		func(a string) bool { return a == name },
		func(a string) bool { return EntityID(a) == folded },
	} {
		var found []EntityInfo
		for _, e := range s.Entities {
			if slices.ContainsFunc(e.Aliases, match) {
				found = append(found, e)
			}
		}
		switch len(found) {
		case 0:
			continue
		case 1:
			return found[0], nil
		}
		names := make([]string, len(found))
		for i, e := range found {
			names[i] = fmt.Sprintf("%q", e.Name)
		}
		return EntityInfo{}, &AmbiguousError{Name: name, Of: names}
	}
	return EntityInfo{}, &NotFoundError{What: fmt.Sprintf("entity %q", name), Maybe: s.namedWith(name)}
}

// namedWith returns the names, quoted, of the people (at most three) whose
// first or last name is a word of name: "Xi" and "President Xi" suggest "Xi
// Jinping", as the store's lookup suggests them.
func (s *Snapshot) namedWith(name string) []string {
	words := strings.Fields(name)
	var out []string
	for _, e := range s.Entities {
		if e.Type != Person || len(out) == 3 {
			continue
		}
		parts := strings.Fields(e.Name)
		if len(parts) > 1 && slices.ContainsFunc(words, func(w string) bool { return w == parts[0] || w == parts[len(parts)-1] }) {
			out = append(out, fmt.Sprintf("%q", e.Name))
		}
	}
	slices.Sort(out)
	return out
}
