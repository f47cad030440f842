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

// Fact is one subject - relation - object triple of a [Snapshot] with all
// the evidence that states or denies it.
type Fact struct {
	Subject    string                  `json:"subject"`     // ID of the subject entity
	RelationID string                  `json:"relation_id"` // the relation's IRI, "rel:penalize"
	Relation   string                  `json:"relation"`    // its kg:name, "penalize"
	Object     string                  `json:"object"`      // ID of the object entity
	Negated    bool                    `json:"negated"`     // every evidence denies it
	Confidence float64                 `json:"confidence"`  // the highest confidence of its evidence
	Evidence   []schema.EvidenceRecord `json:"evidence"`    // by document, sentence, then negation
}

// Snapshot is the whole fact graph, read into memory at once: the input of
// analyses that look at every entity (ranking, communities, paths). It holds
// no reference to the store.
type Snapshot struct {
	// Entities are sorted by ID. Mentions and Degree are filled in as
	// [Store.Entities] fills them.
	Entities []EntityInfo `json:"entities"`
	// Facts are sorted by subject, relation, then object; each has at
	// least one evidence.
	Facts []Fact `json:"facts"`
}

// Snapshot reads every entity and fact of the store with their evidence. It
// reads each node once, through the subject index.
func (s *Store) Snapshot(ctx context.Context) (*Snapshot, error) {
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

func (b *builder) snapshot(ctx context.Context) (*Snapshot, error) {
	ids, err := b.r.instances(ctx, schema.Entity)
	if err != nil {
		return nil, err
	}
	snap := &Snapshot{Entities: make([]EntityInfo, 0, len(ids)), Facts: []Fact{}}
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
		snap.Entities = append(snap.Entities, EntityInfo{ID: id, Name: cmp.Or(p.str(schema.Name), id),
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
		f := Fact{Subject: k.s, RelationID: k.p, Object: k.o, Negated: true, Evidence: make([]schema.EvidenceRecord, 0, len(evs[k]))}
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
	slices.SortFunc(snap.Facts, func(a, b Fact) int {
		return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Relation, b.Relation),
			cmp.Compare(a.Object, b.Object), cmp.Compare(a.RelationID, b.RelationID))
	})
	return snap, nil
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
// that an alias of more than one entity is an error. An unknown name gives
// an error that matches [ErrNotFound].
func (s *Snapshot) Find(name string) (EntityInfo, error) {
	folded := schema.EntityID(name)
	steps := []func(e EntityInfo) bool{
		func(e EntityInfo) bool { return e.Name == name },
		func(e EntityInfo) bool { return e.ID == folded || schema.EntityID(e.Name) == folded },
		func(e EntityInfo) bool { return strings.EqualFold(e.Name, name) },
	}
	for _, match := range steps {
		if i := slices.IndexFunc(s.Entities, match); i >= 0 {
			return s.Entities[i], nil
		}
	}
	for _, match := range []func(a string) bool{
		func(a string) bool { return a == name },
		func(a string) bool { return schema.EntityID(a) == folded },
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
		return EntityInfo{}, &ambiguousError{name: name, of: names}
	}
	return EntityInfo{}, &notFoundError{what: fmt.Sprintf("entity %q", name), maybe: s.namedWith(name)}
}

// namedWith returns the names, quoted, of the people (at most three) whose
// first or last name is a word of name, as [builder.namedWith] finds them.
func (s *Snapshot) namedWith(name string) []string {
	words := strings.Fields(name)
	var out []string
	for _, e := range s.Entities {
		if e.Type != schema.Person || len(out) == 3 {
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

// ambiguousError is a name that is an alias of several entities; it matches
// [ErrNotFound], for no one entity has it.
type ambiguousError struct {
	name string
	of   []string // the entities' names, quoted
}

func (e *ambiguousError) Error() string {
	return fmt.Sprintf("entity %q is ambiguous: an alias of %s; name one", e.name, strings.Join(e.of, " and "))
}
func (e *ambiguousError) Is(target error) bool { return target == ErrNotFound }
