package graph

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"unicode"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// Joining a person's one-word name across documents.
//
// The extractor joins short names within a document ("Reid" to "Thomas
// Reid" when both are in it); the store joins them across documents. It does
// so from the whole store's state, never from the order of the writes: a
// document is written with each one-word name of a person as extracted,
// marked as such on its evidence (kg:subject_short, kg:object_short), and
// then, in the same transaction, every role marked with a word that the
// write concerns names the entity that the store as a whole gives the word:
//
//   - the word's own entity, when a correction names it, or when a fact that
//     joining does not decide uses it (the word typed ORG somewhere, or moved
//     there by a correction): an entity of its own stays one;
//   - else the one PERSON entity that has the word as first or last name
//     (kg:name_word) or that a sentence calls by it (an alias), if exactly
//     one does, counting only entities that a fact joining does not decide
//     uses, so that a join never holds itself up;
//   - else the word's own entity: two people who share a surname keep "Reid"
//     apart, and a second Reid stored later takes the join back.
//
// The marks stay whatever entity the role names, so a join can be taken
// back, and kg verify recomputes every word's join to check it.

// shortName is a role's name as extracted when it is a one-word name that
// may be a person's, and the type the extractor gave it ("" or PERSON).
type shortName struct{ name, typ string }

// shortPreds are the evidence properties that keep a role's shortName, by
// role (subject, object).
var shortPreds = [2]struct{ name, typ string }{
	{schema.SubjectShort, schema.SubjectShortType},
	{schema.ObjectShort, schema.ObjectShortType},
}

// shortOf returns the shortName of a role as extracted, or none when its
// name is not a one-word name that may be a person's.
func shortOf(name, id, typ string) shortName {
	if !shortPerson(name, id, typ) {
		return shortName{}
	}
	return shortName{name: name, typ: typ}
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

// view reads the store as it will be once a write deletes del and adds add,
// by subject and by object as reader does, so that a write computes the
// joins its own quads imply in the transaction that writes them.
type view struct {
	r     reader
	del   map[quad.Quad]bool
	bySub map[quad.Value][]quad.Quad // added quads
	byObj map[quad.Value][]quad.Quad
	evs   map[quad.Value]props // evidence read, by node
	// touched holds the nodes whose quads the write deletes or adds.
	touched map[quad.Value]bool
	used    map[string]bool // see usedUnjoined
}

func newView(r reader, del, add []quad.Quad) *view {
	v := &view{r: r, del: make(map[quad.Quad]bool, len(del)),
		bySub: make(map[quad.Value][]quad.Quad), byObj: make(map[quad.Value][]quad.Quad),
		evs: make(map[quad.Value]props), touched: make(map[quad.Value]bool),
		used: make(map[string]bool)}
	for _, q := range del {
		v.del[q] = true
		v.touched[q.Subject] = true
	}
	for _, q := range add {
		v.bySub[q.Subject] = append(v.bySub[q.Subject], q)
		v.byObj[q.Object] = append(v.byObj[q.Object], q)
		v.touched[q.Subject] = true
	}
	return v
}

// errStop ends a walk early, without an error.
var errStop = errors.New("stop")

// each calls fn with each quad that has val in direction d (Subject or
// Object); fn returning errStop ends the walk without an error.
func (v *view) each(ctx context.Context, d quad.Direction, val quad.Value, fn func(quad.Quad) error) error {
	added := v.byObj[val]
	if d == quad.Subject {
		added = v.bySub[val]
	}
	seen := make(map[quad.Quad]bool, len(added))
	for _, q := range added {
		seen[q] = true
	}
	err := v.r.quads(ctx, d, val, func(q quad.Quad) error {
		if v.del[q] || seen[q] {
			return nil
		}
		return fn(q)
	})
	if err == nil {
		for _, q := range added {
			if err = fn(q); err != nil {
				break
			}
		}
	}
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// eachRole calls fn with each evidence role that names the entity: the
// quads (ev, kg:subject or kg:object, entity). It tells them from the
// entity's facts by their predicate's and label's references before it
// reads any value, so an entity of many facts costs little more than its
// roles; fn returning errStop ends the walk without an error.
func (v *view) eachRole(ctx context.Context, entity quad.Value, fn func(ev quad.Value, i int) error) error {
	var preds [2]any
	for i, r := range roles {
		k, err := v.r.valueKey(quad.IRI(r.term))
		if err != nil {
			return err
		}
		preds[i] = k
	}
	seen := make(map[quad.Quad]bool)
	err := v.r.refs(ctx, quad.Object, entity, func(ref cgraph.Ref) error {
		p, err := v.r.key(ref, quad.Predicate)
		if err != nil || p == nil || p != preds[0] && p != preds[1] {
			return err
		}
		if l, err := v.r.key(ref, quad.Label); err != nil || l != nil {
			return err
		}
		i := 0
		if p == preds[1] {
			i = 1
		}
		ev, err := v.r.value(ref, quad.Subject)
		if err != nil {
			return err
		}
		q := quad.Quad{Subject: ev, Predicate: quad.IRI(roles[i].term), Object: entity}
		if v.del[q] {
			return nil
		}
		seen[q] = true
		return fn(ev, i)
	})
	if err == nil {
		for _, q := range v.byObj[entity] {
			if i := roleIndex(q.Predicate); i >= 0 && q.Label == nil && !seen[q] {
				if err = fn(q.Subject, i); err != nil {
					break
				}
			}
		}
	}
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// withPred returns the quads, without a label, of object obj and predicate
// pred, through the object-predicate index where there is one (see
// reader.opRefs): the marks of a word without its thousands of aliases.
func (v *view) withPred(ctx context.Context, obj quad.Value, pred string) ([]quad.Quad, error) {
	var out []quad.Quad
	seen := make(map[quad.Quad]bool)
	err := v.r.opRefs(ctx, obj, quad.IRI(pred), func(ref cgraph.Ref) error {
		if l, err := v.r.key(ref, quad.Label); err != nil || l != nil {
			return err
		}
		sub, err := v.r.value(ref, quad.Subject)
		if err != nil {
			return err
		}
		q := quad.Quad{Subject: sub, Predicate: quad.IRI(pred), Object: obj}
		if !v.del[q] && !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, q := range v.byObj[obj] {
		if q.Predicate == quad.IRI(pred) && q.Label == nil && !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out, nil
}

// props reads the quads whose subject is id.
func (v *view) props(ctx context.Context, id quad.Value) (props, error) {
	p := props{vals: make(map[quad.IRI][]quad.Value)}
	err := v.each(ctx, quad.Subject, id, func(q quad.Quad) error {
		if q.Label != nil {
			p.facts = append(p.facts, q)
		} else if pred, ok := q.Predicate.(quad.IRI); ok {
			p.vals[pred] = append(p.vals[pred], q.Object)
		}
		return nil
	})
	return p, err
}

// attrs reads the properties preds of the node id, by index where there is
// one (see reader.attrsOf): an entity's type without its thousands of facts.
func (v *view) attrs(ctx context.Context, id string, preds ...string) (props, error) {
	p, err := v.r.attrsOf(ctx, id, preds...)
	if err != nil {
		return p, err
	}
	for _, pred := range preds {
		vals := slices.DeleteFunc(p.vals[quad.IRI(pred)], func(o quad.Value) bool {
			return v.del[quad.Quad{Subject: quad.IRI(id), Predicate: quad.IRI(pred), Object: o}]
		})
		for _, q := range v.bySub[quad.IRI(id)] {
			if q.Predicate == quad.IRI(pred) && q.Label == nil && !slices.Contains(vals, q.Object) {
				vals = append(vals, q.Object)
			}
		}
		p.vals[quad.IRI(pred)] = vals
	}
	return p, nil
}

// evidencePreds are the properties of evidence that joining reads.
var evidencePreds = []string{schema.Subject, schema.Predicate, schema.Object,
	schema.SubjectShort, schema.ObjectShort, schema.SubjectShortType, schema.ObjectShortType,
	schema.SubjectName, schema.ObjectName}

// evidence reads the properties of an evidence node that joining reads,
// once per view: on bolt, of a node that the write does not touch, by index
// (see reader.attrsOf) rather than the node whole.
func (v *view) evidence(ctx context.Context, ev quad.Value) (props, error) {
	if p, ok := v.evs[ev]; ok {
		return p, nil
	}
	var p props
	var err error
	if _, isKV := v.r.qs.(*kv.QuadStore); isKV && !v.touched[ev] {
		p, err = v.r.attrsOf(ctx, iriString(ev), evidencePreds...)
	} else {
		p, err = v.props(ctx, ev)
	}
	if err == nil {
		v.evs[ev] = p
	}
	return p, err
}

// roleIndex returns the role (0 subject, 1 object) that an evidence quad's
// predicate names, or -1.
func roleIndex(pred quad.Value) int {
	switch pred {
	case quad.IRI(schema.Subject):
		return 0
	case quad.IRI(schema.Object):
		return 1
	}
	return -1
}

// joinable reports whether joining decides the entity of the evidence's
// role: its name as extracted is a one-word name (marked) that no correction
// moved.
func joinable(ev props, i int) bool {
	return ev.first(shortPreds[i].name) != nil && ev.first(roles[i].extracted) == nil
}

// roleJoinable is joinable for the role of the evidence node ev as the view
// holds it. For evidence that the write does not touch, on bolt, it looks up
// the two properties by index rather than read the node.
func (v *view) roleJoinable(ctx context.Context, ev quad.Value, i int) (bool, error) {
	if _, isKV := v.r.qs.(*kv.QuadStore); !isKV || v.touched[ev] {
		p, err := v.evidence(ctx, ev)
		return joinable(p, i), err
	}
	var has [2]bool
	for k, pred := range []string{shortPreds[i].name, roles[i].extracted} {
		err := v.r.spRefs(ctx, ev, quad.IRI(pred), func(cgraph.Ref) error {
			has[k] = true
			return errStop
		})
		if err != nil && !errors.Is(err, errStop) {
			return false, err
		}
	}
	return has[0] && !has[1], nil
}

// roleRef is one role of an evidence node.
type roleRef struct {
	ev quad.Value
	i  int
}

// move is a role that joining gives another entity.
type move struct {
	role     roleRef
	from, to string
	short    shortName
}

// joinMoves returns the roles marked with one of the words whose entity is
// not the one the store as a whole gives the word (see the comment at the
// top of this file), in a deterministic order. corrs are the store's
// corrections once the write is done.
//
// Unless all is set, it trusts the store as it was before the write to have
// its joins up to date, as every write leaves them: of the roles whose
// evidence the write does not touch, it reads one, and all of them only
// when that one is not where the word now belongs. A word that many
// sentences write then costs a write little more than the write's own.
func joinMoves(ctx context.Context, v *view, corrs []Correction, words map[string]bool, all bool) ([]move, error) {
	named := make(map[string]bool) // entities that corrections name: the analyst's
	for _, c := range corrs {
		for _, n := range []string{c.Keep, c.Drop, c.Alias} {
			if n != "" {
				named[schema.EntityID(n)] = true
			}
		}
	}
	var moves []move
	for _, w := range sortedKeys(words) {
		var marked, untouched []roleRef
		for i, sp := range shortPreds {
			qs, err := v.withPred(ctx, quad.String(w), sp.name)
			if err != nil {
				return nil, err
			}
			for _, q := range qs {
				if all || v.touched[q.Subject] {
					marked = append(marked, roleRef{q.Subject, i})
				} else {
					untouched = append(untouched, roleRef{q.Subject, i})
				}
			}
		}
		if len(marked)+len(untouched) == 0 {
			continue
		}
		marks := make(map[roleRef]bool, len(marked)+len(untouched))
		for _, r := range slices.Concat(marked, untouched) {
			marks[r] = true
		}
		target, err := joinTarget(ctx, v, w, named, marks)
		if err != nil {
			return nil, fmt.Errorf("join %q: %w", w, err)
		}
		// The untouched roles that joining places all name one entity:
		// read them all only if one of them is not at the target.
		for k, r := range untouched {
			ev, err := v.evidence(ctx, r.ev)
			if err != nil {
				return nil, err
			}
			if !joinable(ev, r.i) {
				continue // a correction's; try the next
			}
			if cur := ev.first(roles[r.i].term); cur == nil || iriString(cur) != target {
				marked = append(marked, untouched[k:]...)
			}
			break
		}
		slices.SortFunc(marked, func(a, b roleRef) int {
			if c := strings.Compare(a.ev.String(), b.ev.String()); c != 0 {
				return c
			}
			return a.i - b.i
		})
		for _, r := range marked {
			ev, err := v.evidence(ctx, r.ev)
			if err != nil {
				return nil, err
			}
			cur := ev.first(roles[r.i].term)
			if !joinable(ev, r.i) || cur == nil || iriString(cur) == target {
				continue // not whole (kg verify reports it), or where it belongs
			}
			moves = append(moves, move{role: r, from: iriString(cur), to: target,
				short: shortName{name: w, typ: ev.str(shortPreds[r.i].typ)}})
		}
	}
	return moves, nil
}

// joinTarget returns the entity that the word's joinable roles name: its
// own, or the one person it stands for. marks holds the roles marked with
// the word.
func joinTarget(ctx context.Context, v *view, w string, named map[string]bool, marks map[roleRef]bool) (string, error) {
	own := schema.EntityID(w)
	if named[own] {
		return own, nil
	}
	var on []quad.Quad // the word as a name word or an alias
	for _, pred := range []string{schema.NameWord, schema.SubjectAlias, schema.ObjectAlias} {
		qs, err := v.withPred(ctx, quad.String(w), pred)
		if err != nil {
			return "", err
		}
		on = append(on, qs...)
	}
	cands := make(map[string]bool)
	used := make(map[string]bool) // by a fact that joining does not decide
	for _, q := range on {
		switch q.Predicate {
		case quad.IRI(schema.NameWord):
			cands[iriString(q.Subject)] = true
		case quad.IRI(schema.SubjectAlias), quad.IRI(schema.ObjectAlias):
			i := 0
			if q.Predicate == quad.IRI(schema.ObjectAlias) {
				i = 1
			}
			if marks[roleRef{q.Subject, i}] {
				// Joining decides it, or a correction that names the
				// word (one applied to it) and keeps it from joining.
				continue
			}
			ev, err := v.evidence(ctx, q.Subject)
			if err != nil {
				return "", err
			}
			if t := ev.first(roles[i].term); t != nil && !joinable(ev, i) {
				cands[iriString(t)], used[iriString(t)] = true, true
			}
		}
	}
	delete(cands, own)
	var people []string
	for _, id := range sortedKeys(cands) {
		p, err := v.attrs(ctx, id, schema.RDFType, schema.Type)
		if err != nil {
			return "", err
		}
		if !p.isA(schema.Entity) || p.str(schema.Type) != schema.Person {
			continue
		}
		if !used[id] {
			if used[id], err = usedUnjoined(ctx, v, id); err != nil {
				return "", err
			}
		}
		if used[id] {
			people = append(people, id)
		}
	}
	if len(people) != 1 {
		return own, nil
	}
	// An entity of its own: a fact that joining does not decide uses it.
	pinned, err := usedUnjoined(ctx, v, own)
	if err != nil || pinned {
		return own, err
	}
	return people[0], nil
}

// usedUnjoined reports whether a fact that joining does not decide uses the
// entity: a person that only joined names keep must not hold them.
func usedUnjoined(ctx context.Context, v *view, id string) (bool, error) {
	if used, ok := v.used[id]; ok {
		return used, nil
	}
	used := false
	err := v.eachRole(ctx, quad.IRI(id), func(ev quad.Value, i int) error {
		ok, err := v.roleJoinable(ctx, ev, i)
		if err != nil {
			return err
		}
		if !ok {
			used = true
			return errStop
		}
		return nil
	})
	if err == nil {
		v.used[id] = used
	}
	return used, err
}

// moveQuads returns the quads that make the moves: each evidence node names
// its new entities and labels its fact between them; an entity that roles
// move to and that the store lacks is created, as a load of the name as
// extracted would create it; an entity left without a fact is deleted.
func moveQuads(ctx context.Context, v *view, moves []move) (del, add []quad.Quad, err error) {
	to := make(map[quad.Value][2]string)
	for _, m := range moves {
		t := to[m.role.ev]
		t[m.role.i] = m.to
		to[m.role.ev] = t
	}
	change := make(map[string]int)        // entity -> roles gained less roles lost
	types := make(map[string][]shortName) // entity -> the names of the roles it gains
	for _, m := range moves {
		types[m.to] = append(types[m.to], m.short)
	}
	for _, evID := range sortedValues(boolSet(to)) {
		ev, err := v.evidence(ctx, evID)
		if err != nil {
			return nil, nil, err
		}
		terms := [2]quad.Value{ev.first(schema.Subject), ev.first(schema.Object)}
		pred := ev.first(schema.Predicate)
		if terms[0] == nil || terms[1] == nil || pred == nil {
			continue
		}
		moved := terms
		for i, r := range roles {
			t := to[evID][i]
			if t == "" || quad.IRI(t) == terms[i] {
				continue
			}
			moved[i] = quad.IRI(t)
			del = append(del, quad.Quad{Subject: evID, Predicate: quad.IRI(r.term), Object: terms[i]})
			add = append(add, quad.Quad{Subject: evID, Predicate: quad.IRI(r.term), Object: moved[i]})
			change[iriString(terms[i])]--
			change[t]++
		}
		if moved != terms {
			del = append(del, quad.Quad{Subject: terms[0], Predicate: pred, Object: terms[1], Label: evID})
			add = append(add, quad.Quad{Subject: moved[0], Predicate: pred, Object: moved[1], Label: evID})
		}
	}
	for _, id := range sortedKeys(change) {
		n := 0
		err := v.eachRole(ctx, quad.IRI(id), func(quad.Value, int) error {
			n++
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		e := quad.IRI(id)
		if n+change[id] <= 0 {
			p, err := v.props(ctx, e)
			if err != nil {
				return nil, nil, err
			}
			for pred, vals := range p.vals {
				for _, o := range vals {
					del = append(del, quad.Quad{Subject: e, Predicate: pred, Object: o})
				}
			}
			continue
		}
		// A one-word name's own entity gets what a load of its roles
		// gives it: its name and, where the extractor typed it, its type.
		for _, sn := range types[id] {
			if schema.EntityID(sn.name) != id {
				continue
			}
			add = append(add, quad.Quad{Subject: e, Predicate: quad.IRI(schema.RDFType), Object: quad.IRI(schema.Entity)},
				quad.Quad{Subject: e, Predicate: quad.IRI(schema.Name), Object: quad.String(sn.name)})
			if sn.typ != "" {
				add = append(add, quad.Quad{Subject: e, Predicate: quad.IRI(schema.Type), Object: quad.String(sn.typ)})
			}
		}
	}
	return del, add, nil
}

// boolSet returns the keys of m as a set.
func boolSet[K comparable, V any](m map[K]V) map[K]bool {
	out := make(map[K]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// joinWords returns the words whose joins a write that deletes del and adds
// add may change: the one-word names its evidence marks, the aliases it
// writes, and the first and last names and one-word names of the entities
// whose properties or facts it writes or takes away. It reads the names of
// the entities that the quads name without giving them.
func joinWords(ctx context.Context, r reader, del, add []quad.Quad) (map[string]bool, error) {
	words := make(map[string]bool)
	named := make(map[quad.Value]bool)
	terms := make(map[quad.Value]bool)
	addName := func(name string) {
		ws := strings.Fields(name)
		switch {
		case len(ws) == 1:
			words[ws[0]] = true
		case len(ws) > 1:
			words[ws[0]], words[ws[len(ws)-1]] = true, true
		}
	}
	for _, qs := range [][]quad.Quad{del, add} {
		for _, q := range qs {
			if q.Label != nil {
				continue
			}
			switch q.Predicate {
			case quad.IRI(schema.SubjectShort), quad.IRI(schema.ObjectShort),
				quad.IRI(schema.SubjectAlias), quad.IRI(schema.ObjectAlias), quad.IRI(schema.NameWord):
				if s, ok := q.Object.(quad.String); ok {
					words[string(s)] = true
				}
			case quad.IRI(schema.Name):
				if s, ok := q.Object.(quad.String); ok && strings.HasPrefix(iriString(q.Subject), schema.Prefix+"entity/") {
					addName(string(s))
					named[q.Subject] = true
				}
			case quad.IRI(schema.Subject), quad.IRI(schema.Object):
				terms[q.Object] = true
			}
		}
	}
	for _, t := range sortedValues(terms) {
		if named[t] {
			continue
		}
		p, err := r.attrsOf(ctx, iriString(t), schema.Name)
		if err != nil {
			return nil, err
		}
		for _, n := range p.vals[quad.IRI(schema.Name)] {
			if s, ok := n.(quad.String); ok {
				addName(string(s))
			}
		}
	}
	return words, nil
}

// rejoin returns the quads that bring the joins of the words that a write
// of del and add concerns up to date, as the store will be once it is done.
// extra are words it concerns besides those joinWords finds.
func rejoin(ctx context.Context, r reader, corrs []Correction, del, add []quad.Quad, extra map[string]bool) (jdel, jadd []quad.Quad, err error) {
	words, err := joinWords(ctx, r, del, add)
	if err != nil {
		return nil, nil, err
	}
	for w := range extra {
		words[w] = true
	}
	v := newView(r, del, add)
	moves, err := joinMoves(ctx, v, corrs, words, false)
	if err != nil || len(moves) == 0 {
		return nil, nil, err
	}
	return moveQuads(ctx, v, moves)
}

// compose returns the deletions and additions of a write that deletes del1
// and adds add1, and then deletes del2 and adds add2: each quad ends as the
// last of them leaves it.
func compose(del1, add1, del2, add2 []quad.Quad) (del, add []quad.Quad) {
	last := make(map[quad.Quad]bool) // quad -> present at the end
	var order []quad.Quad
	for _, step := range []struct {
		qs      []quad.Quad
		present bool
	}{{del1, false}, {add1, true}, {del2, false}, {add2, true}} {
		for _, q := range step.qs {
			if _, ok := last[q]; !ok {
				order = append(order, q)
			}
			last[q] = step.present
		}
	}
	for _, q := range order {
		if last[q] {
			add = append(add, q)
		} else {
			del = append(del, q)
		}
	}
	return del, add
}

// withWordLocks runs fn holding, on PostgreSQL, an advisory lock of each
// word (by its entity's IRI, so that "Reid" and "REID" are one), taken in
// order on a connection of its own beside the writers' shared lock: two
// writers whose documents concern a word in common take turns, so neither
// joins it from what the other has not committed, and the others run side by
// side. A word's join reads only what documents that concern the word write
// (its marks, its own entity's facts, the people whose first or last name or
// alias it is), and every writer of those holds the word's lock. Elsewhere
// fn runs alone already, or (CockroachDB) without locks.
func (s *Store) withWordLocks(ctx context.Context, words map[string]bool, fn func() error) error {
	if s.db == nil || s.backend == Cockroach || len(words) == 0 {
		return fn()
	}
	keys := make([]int64, 0, len(words))
	for w := range words {
		h := fnv.New64a()
		h.Write([]byte(schema.NS + "word/" + schema.EntityID(w)))
		keys = append(keys, int64(h.Sum64()))
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	err = func() error {
		for _, k := range keys {
			if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", k); err != nil {
				return fmt.Errorf("lock: %w", err)
			}
		}
		return fn()
	}()
	// Unlock even when ctx is done; a connection that cannot unlock is not
	// put back in the pool with its locks.
	if _, uerr := conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock_all()"); uerr != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		if err == nil {
			err = fmt.Errorf("unlock: %w", uerr)
		}
	}
	return err
}
