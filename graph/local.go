package graph

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// Local reads the part of the graph that a question about one or two
// entities needs, through the store's subject and object indexes: an
// entity's facts, its neighbours, the facts among a few entities. What it
// has read makes a [schema.Snapshot] that holds only those facts, so that
// the analyses answer as they would on the whole graph, without reading it.
//
// A Local lives for the callback of [Store.Local] only and is not safe for
// concurrent use.
type Local struct {
	b *builder

	info     map[string]schema.EntityInfo // every entity read, loaded or not
	loaded   map[string]bool              // entities whose every fact was read
	among    map[string]bool              // entities given to LoadAmong
	facts    map[fkey]*localFact          // the facts read, by subject, relation, object
	adj      map[string][]string          // neighbour IDs read by Adjacent, sorted
	docDates map[string]string            // document name -> kg:date, for the documents of the evidence read
	records  map[string]schema.EvidenceRecord
	relNames map[string]string

	ix    *index                 // the store's own index, nil if it has none
	ixTx  ixRead                 // a read transaction of it, opened on first use
	pairs map[string][]pairEntry // kg_pair entries read, by entity
}

type fkey struct{ s, p, o string }

type localFact struct {
	evs []string // its evidence read, in any order, perhaps twice
}

// Local calls fn with a [Local] over the store, holding the store for
// reading until fn returns.
func (s *Store) Local(ctx context.Context, fn func(l *Local) error) error {
	qs, release, err := s.use()
	if err != nil {
		return fmt.Errorf("read: %w", err)
	}
	defer release()
	l := &Local{
		b:    &builder{r: reader{qs: qs, names: make(map[any]quad.Value), ix: s.ix}, props: make(map[string]props)},
		info: make(map[string]schema.EntityInfo), loaded: make(map[string]bool), among: make(map[string]bool), facts: make(map[fkey]*localFact),
		adj: make(map[string][]string), docDates: make(map[string]string), relNames: make(map[string]string),
		records: make(map[string]schema.EvidenceRecord), ix: s.ix, pairs: make(map[string][]pairEntry),
	}
	defer func() {
		if l.ixTx != nil {
			l.ixTx.end()
		}
	}()
	return fn(l)
}

// Find returns the ID of the entity named name, looked for as every command
// looks for one (see [schema.Snapshot.Find]). An unknown name gives an
// error that matches [ErrNotFound].
func (l *Local) Find(ctx context.Context, name string) (string, error) { return l.b.find(ctx, name) }

// Entity returns the name and type of the entity id, and false if id is no
// entity.
func (l *Local) Entity(ctx context.Context, id string) (schema.EntityInfo, bool, error) {
	return l.entity(ctx, id)
}

func (l *Local) entity(ctx context.Context, id string) (schema.EntityInfo, bool, error) {
	if e, ok := l.info[id]; ok {
		return e, true, nil
	}
	if l.ix != nil {
		tx, err := l.tx(ctx)
		if err != nil {
			return schema.EntityInfo{}, false, err
		}
		v, err := tx.get(ctx, ixEnt, []byte(id))
		if err != nil {
			return schema.EntityInfo{}, false, err
		}
		if v == nil {
			return schema.EntityInfo{}, false, nil
		}
		name, typ, _ := strings.Cut(string(v), "\x00")
		e := schema.EntityInfo{ID: id, Name: cmp.Or(name, id), Type: typ, Aliases: []string{}}
		l.info[id] = e
		return e, true, nil
	}
	p, err := l.b.r.attrsOf(ctx, id, schema.RDFType, schema.Name, schema.Type)
	if err != nil {
		return schema.EntityInfo{}, false, err
	}
	if !p.isA(schema.Entity) {
		return schema.EntityInfo{}, false, nil
	}
	e := schema.EntityInfo{ID: id, Name: cmp.Or(p.str(schema.Name), id), Type: p.str(schema.Type), Aliases: []string{}}
	l.info[id] = e
	return e, true, nil
}

// factQuads calls fn with each fact quad (one with a label) that has the
// entity id as subject or object, and whose other end is an entity; with
// others not nil, only those whose other end is one of them, without
// reading the values of the rest.
func (l *Local) factQuads(ctx context.Context, id string, others []string, fn func(k fkey, ev string) error) error {
	r := l.b.r
	var in map[any]bool
	if others != nil {
		in = make(map[any]bool, len(others))
		for _, o := range others {
			k, err := r.valueKey(quad.IRI(o))
			if err != nil {
				return err
			}
			if k != nil {
				in[k] = true
			}
		}
	}
	for _, d := range []quad.Direction{quad.Subject, quad.Object} {
		end := quad.Object
		if d == quad.Object {
			end = quad.Subject
		}
		err := r.refs(ctx, d, quad.IRI(id), func(ref cgraph.Ref) error {
			if in != nil {
				if k, err := r.key(ref, end); err != nil || !in[k] {
					return err
				}
			}
			q, err := r.quad(ref)
			if err != nil {
				return err
			}
			sub, ok0 := q.Subject.(quad.IRI)
			rel, ok1 := q.Predicate.(quad.IRI)
			obj, ok2 := q.Object.(quad.IRI)
			ev, ok3 := q.Label.(quad.IRI)
			if !ok0 || !ok1 || !ok2 || !ok3 {
				return nil
			}
			if _, ok, err := l.entity(ctx, string(q.Get(end).(quad.IRI))); err != nil || !ok {
				return err // an end that is no entity: kg verify reports it
			}
			return fn(fkey{string(sub), string(rel), string(obj)}, string(ev))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// Load reads every fact of each entity, either way, with its evidence.
// Loading an entity twice reads it once; an ID that is no entity is
// skipped.
func (l *Local) Load(ctx context.Context, ids ...string) error {
	for _, id := range ids {
		if l.loaded[id] {
			continue
		}
		if _, ok, err := l.entity(ctx, id); err != nil || !ok {
			if err != nil {
				return fmt.Errorf("read %s: %w", id, err)
			}
			continue
		}
		var err error
		if l.ix != nil {
			err = l.ixFacts(ctx, id, "", 0)
		} else {
			err = l.factQuads(ctx, id, nil, func(k fkey, ev string) error {
				l.addFact(k, ev)
				return nil
			})
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", id, err)
		}
		l.loaded[id] = true
	}
	return nil
}

func (l *Local) addFact(k fkey, ev string) {
	f, ok := l.facts[k]
	if !ok {
		f = &localFact{}
		l.facts[k] = f
	}
	f.evs = append(f.evs, ev)
}

// Adjacent returns the IDs of the nodes that share a fact with the entity
// id, sorted, without reading the facts' evidence, nor whether each is an
// entity (a fact's ends are, in a store that verifies).
func (l *Local) Adjacent(ctx context.Context, id string) ([]string, error) {
	if n, ok := l.adj[id]; ok {
		return n, nil
	}
	if l.ix != nil {
		pairs, err := l.ixPairs(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", id, err)
		}
		n := make([]string, 0, len(pairs))
		for _, p := range pairs {
			if p.other != id {
				n = append(n, p.other)
			}
		}
		l.adj[id] = n
		return n, nil
	}
	r := l.b.r
	seen := make(map[string]bool)
	for _, d := range []quad.Direction{quad.Subject, quad.Object} {
		other := quad.Object
		if d == quad.Object {
			other = quad.Subject
		}
		err := r.refs(ctx, d, quad.IRI(id), func(ref cgraph.Ref) error {
			if lk, err := r.key(ref, quad.Label); err != nil || lk == nil {
				return err
			}
			v, err := l.b.r.value(ref, other)
			if err != nil {
				return err
			}
			if iri, ok := v.(quad.IRI); ok && string(iri) != id {
				seen[string(iri)] = true
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", id, err)
		}
	}
	n := sortedKeys(seen)
	l.adj[id] = n
	return n, nil
}

// LoadAmong reads the facts between any two of the entities, both ways,
// with their evidence: the facts a path through them may take. It reads
// the values of those facts only.
func (l *Local) LoadAmong(ctx context.Context, ids []string) error {
	if l.ix != nil {
		return l.ixAmong(ctx, ids)
	}
	r := l.b.r
	in := make(map[any]bool, len(ids))
	for _, id := range ids {
		k, err := r.valueKey(quad.IRI(id))
		if err != nil {
			return fmt.Errorf("read %s: %w", id, err)
		}
		if k != nil {
			in[k] = true
		}
	}
	for _, id := range ids {
		if _, ok, err := l.entity(ctx, id); err != nil || !ok {
			if err != nil {
				return fmt.Errorf("read %s: %w", id, err)
			}
			continue
		}
		l.among[id] = true
		err := r.refs(ctx, quad.Subject, quad.IRI(id), func(ref cgraph.Ref) error {
			if lk, err := r.key(ref, quad.Label); err != nil || lk == nil {
				return err
			}
			if ok, err := r.key(ref, quad.Object); err != nil || !in[ok] {
				return err
			}
			q, err := r.quad(ref)
			if err != nil {
				return err
			}
			rel, ok1 := q.Predicate.(quad.IRI)
			obj, ok2 := q.Object.(quad.IRI)
			ev, ok3 := q.Label.(quad.IRI)
			if !ok1 || !ok2 || !ok3 {
				return nil
			}
			if _, ok, err := l.entity(ctx, string(obj)); err != nil || !ok {
				return err
			}
			l.addFact(fkey{id, string(rel), string(obj)}, string(ev))
			return nil
		})
		if err != nil {
			return fmt.Errorf("read %s: %w", id, err)
		}
	}
	return nil
}

// LoadAround reads the facts between the entity id and each of others,
// either way, with their evidence: some of an entity's facts, without
// reading the evidence of the rest (a hub's thousands).
func (l *Local) LoadAround(ctx context.Context, id string, others []string) error {
	if len(others) == 0 {
		return nil
	}
	if _, ok, err := l.entity(ctx, id); err != nil || !ok {
		if err != nil {
			return fmt.Errorf("read %s: %w", id, err)
		}
		return nil
	}
	if l.ix != nil {
		if err := l.ixFactsWith(ctx, id, others, 0); err != nil {
			return fmt.Errorf("read %s: %w", id, err)
		}
		return nil
	}
	err := l.factQuads(ctx, id, others, func(k fkey, ev string) error {
		l.addFact(k, ev)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read %s: %w", id, err)
	}
	return nil
}

// DocDate returns the kg:date of the document named doc, as the input wrote
// it, for the documents of the evidence that Snapshot read.
func (l *Local) DocDate(doc string) string { return l.docDates[doc] }

// Snapshot returns what has been read as a snapshot: the facts read, with
// their evidence, and the entities at their ends. An entity that was
// loaded has its aliases, mentions and degree as [Store.Snapshot] gives
// them; the others have only a name and a type.
func (l *Local) Snapshot(ctx context.Context) (*schema.Snapshot, error) {
	return l.snapshot(ctx, l.evidence)
}

// Sketch is [Local.Snapshot] of the period's facts with evidence records
// that hold only what weighs a fact (ID, Confidence) and, for a period that
// is not open, what dates it (Document, TimeISO): enough to choose paths,
// for one read of each evidence. Its facts' Negated is false. [Local.Keep]
// then narrows what Snapshot reads in full.
func (l *Local) Sketch(ctx context.Context, p Period) (*schema.Snapshot, error) {
	preds := []string{schema.Confidence}
	if !p.Open() {
		preds = append(preds, schema.WhenISO, schema.Doc)
		if err := l.ReadDates(ctx); err != nil {
			return nil, err
		}
	}
	snap, err := l.snapshot(ctx, func(ctx context.Context, id string) (schema.EvidenceRecord, error) { return l.sketch(ctx, id, preds) })
	if err != nil {
		return nil, err
	}
	return Within(snap, p, l.DocDate), nil
}

// Keep forgets the facts read except those between the pairs of entities,
// either way.
func (l *Local) Keep(pairs [][2]string) {
	keep := make(map[[2]string]bool, 2*len(pairs))
	for _, p := range pairs {
		keep[p], keep[[2]string{p[1], p[0]}] = true, true
	}
	for k := range l.facts {
		if !keep[[2]string{k.s, k.o}] {
			delete(l.facts, k)
		}
	}
}

// sketch reads the properties preds of one evidence node, through the
// store's subject-predicate index (see reader.spRefs), not the node's
// other properties.
func (l *Local) sketch(ctx context.Context, id string, preds []string) (schema.EvidenceRecord, error) {
	if rec, ok := l.records[id]; ok {
		return rec, nil
	}
	p, err := l.b.r.attrsOf(ctx, id, preds...)
	if err != nil {
		return schema.EvidenceRecord{}, err
	}
	rec := schema.EvidenceRecord{ID: id, TimeISO: p.str(schema.WhenISO)}
	neg, _ := p.first(schema.Negated).(quad.Bool)
	rec.Negated = bool(neg)
	if c, ok := p.first(schema.Confidence).(quad.Float); ok {
		rec.Confidence = float64(c)
	}
	if doc := p.str(schema.Doc); doc != "" {
		dp, err := l.b.node(ctx, doc)
		if err != nil {
			return schema.EvidenceRecord{}, err
		}
		rec.Document = dp.str(schema.Name)
		if _, ok := l.docDates[rec.Document]; !ok {
			l.docDates[rec.Document] = dp.str(schema.DocDate)
		}
	}
	return rec, nil
}

func (l *Local) snapshot(ctx context.Context, evidence func(ctx context.Context, id string) (schema.EvidenceRecord, error)) (*schema.Snapshot, error) {
	snap := &schema.Snapshot{Facts: make([]schema.StoredFact, 0, len(l.facts))}
	type counts struct{ aliases, mentions, links map[string]bool }
	stats := make(map[string]*counts)
	for id := range l.loaded {
		stats[id] = &counts{make(map[string]bool), make(map[string]bool), make(map[string]bool)}
	}
	ends := make(map[string]bool)
	for k, lf := range l.facts {
		ends[k.s], ends[k.o] = true, true
		sub, obj := l.info[k.s], l.info[k.o]
		f := schema.StoredFact{Subject: k.s, RelationID: k.p, Object: k.o, Negated: true, Evidence: make([]schema.EvidenceRecord, 0, len(lf.evs))}
		slices.Sort(lf.evs)
		lf.evs = slices.Compact(lf.evs)
		for _, ev := range lf.evs {
			rec, err := evidence(ctx, ev)
			if err != nil {
				return nil, fmt.Errorf("read: %w", err)
			}
			f.Evidence = append(f.Evidence, rec)
			f.Negated = f.Negated && rec.Negated
			f.Confidence = max(f.Confidence, rec.Confidence)
			if c := stats[k.s]; c != nil {
				c.mentions[ev] = true
				if rec.SubjectAlias != "" && rec.SubjectAlias != sub.Name {
					c.aliases[rec.SubjectAlias] = true
				}
			}
			if c := stats[k.o]; c != nil {
				c.mentions[ev] = true
				if rec.ObjectAlias != "" && rec.ObjectAlias != obj.Name {
					c.aliases[rec.ObjectAlias] = true
				}
			}
		}
		slices.SortFunc(f.Evidence, func(a, b schema.EvidenceRecord) int {
			return cmp.Or(cmp.Compare(a.Document, b.Document), cmp.Compare(a.SentenceIndex, b.SentenceIndex),
				cmpBool(a.Negated, b.Negated), cmp.Compare(a.ID, b.ID))
		})
		name, err := l.relName(ctx, k.p)
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		f.Relation = cmp.Or(name, strings.TrimPrefix(k.p, schema.RelationPrefix))
		if k.s != k.o {
			if c := stats[k.s]; c != nil {
				c.links[k.o] = true
			}
			if c := stats[k.o]; c != nil {
				c.links[k.s] = true
			}
		}
		snap.Facts = append(snap.Facts, f)
	}
	for id := range l.loaded {
		ends[id] = true
	}
	for id := range l.among {
		ends[id] = true
	}
	for _, id := range sortedKeys(ends) {
		e := l.info[id]
		e.Aliases = []string{}
		if c := stats[id]; c != nil {
			e.Aliases = append(e.Aliases, sortedKeys(c.aliases)...)
			e.Mentions, e.Degree = len(c.mentions), len(c.links)
		}
		snap.Entities = append(snap.Entities, e)
	}
	slices.SortFunc(snap.Facts, func(a, b schema.StoredFact) int {
		return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Relation, b.Relation),
			cmp.Compare(a.Object, b.Object), cmp.Compare(a.RelationID, b.RelationID))
	})
	return snap, nil
}

// relName returns the name of the relation rel, "" if it has none.
func (l *Local) relName(ctx context.Context, rel string) (string, error) {
	if name, ok := l.relNames[rel]; ok {
		return name, nil
	}
	var name string
	if l.ix != nil {
		tx, err := l.tx(ctx)
		if err != nil {
			return "", err
		}
		v, err := tx.get(ctx, ixRel, []byte(rel))
		if err != nil {
			return "", err
		}
		name = string(v)
	} else {
		p, err := l.b.node(ctx, rel)
		if err != nil {
			return "", err
		}
		name = p.str(schema.Name)
	}
	l.relNames[rel] = name
	return name, nil
}

// evidence reads one evidence node and notes its document's date.
func (l *Local) evidence(ctx context.Context, id string) (schema.EvidenceRecord, error) {
	if rec, ok := l.records[id]; ok {
		return rec, nil
	}
	rec, err := l.b.evidence(ctx, id)
	if err != nil {
		return rec, err
	}
	if _, ok := l.docDates[rec.Document]; !ok {
		ep, err := l.b.node(ctx, id)
		if err != nil {
			return rec, err
		}
		date := ""
		if doc := ep.str(schema.Doc); doc != "" {
			dp, err := l.b.node(ctx, doc)
			if err != nil {
				return rec, err
			}
			date = dp.str(schema.DocDate)
		}
		l.docDates[rec.Document] = date
	}
	// Evidence nodes are read once each: keep the cache to the nodes
	// shared between them (documents, relations).
	delete(l.b.props, id)
	l.records[id] = rec
	return rec, nil
}

// Between returns, sorted, the entities that may lie on one of the k
// shortest connections of at most maxHops facts between the entities from
// and to: a superset of those connections' entities, whose facts
// [Local.LoadAmong] then reads; and the pairs of them next to each other on
// such a connection, whose facts alone [Local.Keep] needs to keep (nil when
// there are too many connections to walk: keep all). It
// walks from both ends at once, one level at a time from the end whose
// frontier is smaller, so that a hub at one end is stepped over from the
// other, and reads no evidence.
//
// Why it misses nothing: with the walk a levels deep from one end and b
// from the other, a+b = maxHops, the i-th entity of a connection of L <=
// maxHops facts is within a of the first end if i <= a, else within b-1 of
// the second; and each of its facts has an end that the walk stepped from.
func (l *Local) Between(ctx context.Context, from, to string, maxHops, k int) ([]string, [][2]string, error) {
	type side struct {
		dist  map[string]int
		front []string
		depth int
	}
	a := &side{dist: map[string]int{from: 0}, front: []string{from}}
	b := &side{dist: map[string]int{to: 0}, front: []string{to}}
	for a.depth+b.depth < maxHops && len(a.front) > 0 && len(b.front) > 0 {
		sd := a
		if len(b.front) < len(a.front) {
			sd = b
		}
		var next []string
		if l.ix != nil {
			if err := l.readPairs(ctx, sd.front); err != nil {
				return nil, nil, err
			}
		}
		for _, x := range sd.front {
			ns, err := l.Adjacent(ctx, x)
			if err != nil {
				return nil, nil, err
			}
			for _, y := range ns {
				if _, ok := sd.dist[y]; !ok {
					sd.dist[y] = sd.depth + 1
					next = append(next, y)
				}
			}
		}
		sd.front, sd.depth = next, sd.depth+1
	}
	// The facts known among the entities reached, either way.
	in := make(map[string]bool, len(a.dist)+len(b.dist))
	for id := range a.dist {
		in[id] = true
	}
	for id := range b.dist {
		in[id] = true
	}
	links := make(map[string]map[string]bool)
	link := func(x, y string) {
		if links[x] == nil {
			links[x] = make(map[string]bool)
		}
		links[x][y] = true
	}
	for x, ns := range l.adj {
		if !in[x] {
			continue
		}
		for _, y := range ns {
			if in[y] {
				link(x, y)
				link(y, x)
			}
		}
	}
	und := make(map[string][]string, len(links))
	for x, ys := range links {
		und[x] = sortedKeys(ys)
	}
	// Keep the entities as near to both ends, over those facts, as a
	// connection of maxHops needs.
	dist := func(start string) map[string]int {
		d := map[string]int{start: 0}
		front := []string{start}
		for h := 1; h <= maxHops && len(front) > 0; h++ {
			var next []string
			for _, x := range front {
				for _, y := range und[x] {
					if _, ok := d[y]; !ok {
						d[y] = h
						next = append(next, y)
					}
				}
			}
			front = next
		}
		return d
	}
	ds, dt := dist(from), dist(to)
	// A connection of L facts costs more than any of fewer (see
	// analyze.Paths): when k connections of at most L facts exist, the k
	// shortest are among them, and the entities near enough for L are
	// enough. So a hub two facts from both ends is stepped over when three
	// facts do.
	for hops := 1; ; hops++ {
		out := []string{from, to}
		in := make(map[string]bool)
		for id, n := range ds {
			if m, ok := dt[id]; ok && n+m <= hops {
				out = append(out, id)
				in[id] = true
			}
		}
		if hops >= maxHops || countPaths(und, in, dt, from, to, hops, k) >= k {
			slices.Sort(out)
			return slices.Compact(out), pathPairs(und, in, dt, from, to, hops), nil
		}
	}
}

// pathWalks bounds the walks pathPairs takes before it gives up.
const pathWalks = 200_000

// pathPairs returns the pairs of entities next to each other on some
// connection of at most hops facts from one entity to the other (as
// countPaths walks): the only facts whose confidence orders the
// connections. Nil if there are too many connections to walk, for all.
func pathPairs(und map[string][]string, in map[string]bool, dt map[string]int, from, to string, hops int) [][2]string {
	pairs := make(map[[2]string]bool)
	steps := 0
	path := []string{from}
	onPath := map[string]bool{from: true}
	var walk func(x string, left int) bool
	walk = func(x string, left int) bool {
		if left <= 0 {
			return true
		}
		for _, y := range und[x] {
			if steps++; steps > pathWalks {
				return false
			}
			if y == to {
				for i := 1; i < len(path); i++ {
					pairs[[2]string{path[i-1], path[i]}] = true
				}
				pairs[[2]string{x, to}] = true
				continue
			}
			if onPath[y] || !in[y] || dt[y] > left-1 {
				continue
			}
			onPath[y], path = true, append(path, y)
			ok := walk(y, left-1)
			onPath[y], path = false, path[:len(path)-1]
			if !ok {
				return false
			}
		}
		return true
	}
	if !walk(from, hops) {
		return nil
	}
	out := make([][2]string, 0, len(pairs))
	for p := range pairs {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b [2]string) int { return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1])) })
	return out
}

// countPaths counts the connections of at most hops facts from one entity
// to another over the facts und among the entities in, up to limit: a
// walk that goes through no entity twice, and no farther from the end
// (dt) than the facts left allow.
func countPaths(und map[string][]string, in map[string]bool, dt map[string]int, from, to string, hops, limit int) int {
	n := 0
	onPath := map[string]bool{from: true}
	var walk func(x string, left int)
	walk = func(x string, left int) {
		if left <= 0 {
			return
		}
		for _, y := range und[x] {
			if n >= limit {
				return
			}
			if y == to {
				n++
				continue
			}
			if onPath[y] || !in[y] || dt[y] > left-1 {
				continue
			}
			onPath[y] = true
			walk(y, left-1)
			onPath[y] = false
		}
	}
	walk(from, hops)
	return n
}

// Pair is an entity that shares facts with another, and how many pieces of
// evidence state them.
type Pair struct {
	Other    string
	Evidence int
}

// tx returns the read transaction of the index, opening it.
func (l *Local) tx(ctx context.Context) (ixRead, error) {
	if l.ixTx == nil {
		tx, err := l.ix.begin(ctx)
		if err != nil {
			return nil, err
		}
		l.ixTx = tx
	}
	return l.ixTx, nil
}

// pairEntry is a kg_pair entry: an entity that shares facts with another,
// how many pieces of evidence state them, and the best confidence of those.
type pairEntry struct {
	other string
	n     int
	best  float64
}

// ixPairs returns the entities that share a fact with id, by ID, from the
// index.
func (l *Local) ixPairs(ctx context.Context, id string) ([]pairEntry, error) {
	if ps, ok := l.pairs[id]; ok {
		return ps, nil
	}
	tx, err := l.tx(ctx)
	if err != nil {
		return nil, err
	}
	prefix := []byte(id + "\x00")
	var out []pairEntry
	err = tx.scan(ctx, ixPair, prefix, func(k, v []byte) error {
		n, best, err := decodePair(v)
		if err != nil {
			return err
		}
		out = append(out, pairEntry{string(k[len(prefix):]), n, best})
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.pairs[id] = out
	return out, nil
}

// readPairs reads the kg_pair entries of the entities ids whose entries
// are not known yet, all at once (see ixPairs).
func (l *Local) readPairs(ctx context.Context, ids []string) error {
	var prefixes [][]byte
	for _, id := range ids {
		if _, ok := l.pairs[id]; !ok {
			prefixes = append(prefixes, []byte(id+"\x00"))
		}
	}
	if len(prefixes) < 2 {
		return nil // ixPairs reads it
	}
	for _, p := range prefixes {
		l.pairs[string(p[:len(p)-1])] = nil // known to have none unless read below
	}
	tx, err := l.tx(ctx)
	if err != nil {
		return err
	}
	return tx.scanMany(ctx, ixPair, prefixes, func(k, v []byte) error {
		id, other, ok := bytes.Cut(k, []byte{0})
		if !ok {
			return fmt.Errorf("index: damaged key %q", k)
		}
		n, best, err := decodePair(v)
		if err != nil {
			return err
		}
		l.pairs[string(id)] = append(l.pairs[string(id)], pairEntry{string(other), n, best})
		return nil
	})
}

// ixFacts reads from the index the facts of id with their evidence
// records: with other not "", those between id and other only; with dir
// '>' or '<', those whose subject, or object, id is only.
func (l *Local) ixFacts(ctx context.Context, id, other string, dir byte) error {
	var others []string
	if other != "" {
		others = []string{other}
	}
	return l.ixFactsWith(ctx, id, others, dir)
}

// knowEntities reads the entities ids that are not known yet, all at once,
// on PostgreSQL; on bolt, where a read is cheap, entity reads each when
// it is asked for.
func (l *Local) knowEntities(ctx context.Context, ids []string) error {
	if l.ix.sql == nil {
		return nil
	}
	var keys [][]byte
	for _, id := range ids {
		if _, ok := l.info[id]; !ok {
			keys = append(keys, []byte(id))
		}
	}
	if len(keys) < 2 {
		return nil // entity reads it
	}
	tx, err := l.tx(ctx)
	if err != nil {
		return err
	}
	vals, err := tx.getMany(ctx, ixEnt, keys)
	if err != nil {
		return err
	}
	for id, v := range vals {
		name, typ, _ := strings.Cut(string(v), "\x00")
		l.info[id] = schema.EntityInfo{ID: id, Name: cmp.Or(name, id), Type: typ, Aliases: []string{}}
	}
	return nil
}

// ixFactsWith is ixFacts of the facts between id and each of others (all
// of id's where others is nil), read at once.
func (l *Local) ixFactsWith(ctx context.Context, id string, others []string, dir byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	tx, err := l.tx(ctx)
	if err != nil {
		return err
	}
	prefixes := [][]byte{[]byte(id + "\x00")}
	ends := others
	if others != nil {
		prefixes = prefixes[:0]
		for _, o := range others {
			prefixes = append(prefixes, []byte(id+"\x00"+o+"\x00"))
		}
	} else if l.ix.sql != nil { // the ends to read at once: all of id's
		pairs, err := l.ixPairs(ctx, id)
		if err != nil {
			return err
		}
		for _, p := range pairs {
			ends = append(ends, p.other)
		}
	}
	if err := l.knowEntities(ctx, ends); err != nil {
		return err
	}
	return tx.scanMany(ctx, ixAdj, prefixes, func(k, v []byte) error {
		// k is id \0 other \0 relation \0 dir \0 evidence
		rest := k[len(id)+1:]
		i := bytes.IndexByte(rest, 0)
		j := i + 1 + bytes.IndexByte(rest[i+1:], 0)
		if i < 0 || j <= i || len(rest) < j+4 || rest[j+2] != 0 {
			return fmt.Errorf("index: damaged key %q", k)
		}
		d := rest[j+1]
		if dir != 0 && d != dir {
			return nil
		}
		o, rel, ev := string(rest[:i]), string(rest[i+1:j]), string(rest[j+3:])
		if _, ok, err := l.entity(ctx, o); err != nil || !ok {
			if err != nil {
				return err
			}
			return nil // an end that is no entity: kg verify reports it
		}
		fk := fkey{id, rel, o}
		if d == '<' {
			fk = fkey{o, rel, id}
		}
		if _, ok := l.records[ev]; !ok {
			rec, err := decodeRecord(ev, v)
			if err != nil {
				return err
			}
			l.records[ev] = rec
		}
		l.addFact(fk, ev)
		return nil
	})
}

// ixAmong is LoadAmong from the index.
func (l *Local) ixAmong(ctx context.Context, ids []string) error {
	in := make(map[string]bool, len(ids))
	for _, id := range ids {
		in[id] = true
	}
	if err := l.knowEntities(ctx, ids); err != nil {
		return err
	}
	if err := l.readPairs(ctx, ids); err != nil {
		return err
	}
	for _, id := range ids {
		if _, ok, err := l.entity(ctx, id); err != nil || !ok {
			if err != nil {
				return fmt.Errorf("read %s: %w", id, err)
			}
			continue
		}
		l.among[id] = true
		pairs, err := l.ixPairs(ctx, id)
		if err != nil {
			return fmt.Errorf("read %s: %w", id, err)
		}
		var others []string
		for _, p := range pairs {
			if in[p.other] {
				others = append(others, p.other)
			}
		}
		if len(others) > 0 {
			if err := l.ixFactsWith(ctx, id, others, '>'); err != nil {
				return fmt.Errorf("read %s: %w", id, err)
			}
		}
	}
	return nil
}

// PairSketch is [Local.Sketch] of the facts among the entities ids, as
// LoadAmong and Keep(near) would leave them, read from the store's own
// index without a fact: one fact for each pair of them that facts join (of
// the pairs near only, unless near is nil), whose confidence is the best of
// theirs. That is all that choosing paths weighs; [Local.LoadPairs] then
// reads the facts of the pairs chosen. ok is false where it cannot answer:
// on a store without the index, and for a period that is not open, whose
// facts are known by their evidence's dates only.
func (l *Local) PairSketch(ctx context.Context, ids []string, near [][2]string, p Period) (snap *schema.Snapshot, ok bool, err error) {
	if l.ix == nil || !p.Open() {
		return nil, false, nil
	}
	keep := make(map[[2]string]bool, 2*len(near))
	for _, pr := range near {
		keep[pr], keep[[2]string{pr[1], pr[0]}] = true, true
	}
	in := make(map[string]bool, len(ids))
	snap = &schema.Snapshot{}
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if err := l.knowEntities(ctx, ids); err != nil {
		return nil, false, err
	}
	if err := l.readPairs(ctx, ids); err != nil {
		return nil, false, err
	}
	for _, id := range ids {
		e, ok, err := l.entity(ctx, id)
		if err != nil {
			return nil, false, fmt.Errorf("read %s: %w", id, err)
		}
		if ok {
			in[id], l.among[id] = true, true
			e.Aliases = []string{}
			snap.Entities = append(snap.Entities, e)
		}
	}
	for _, e := range snap.Entities {
		pairs, err := l.ixPairs(ctx, e.ID)
		if err != nil {
			return nil, false, fmt.Errorf("read %s: %w", e.ID, err)
		}
		for _, pr := range pairs {
			if e.ID < pr.other && in[pr.other] && (near == nil || keep[[2]string{e.ID, pr.other}]) {
				snap.Facts = append(snap.Facts, schema.StoredFact{Subject: e.ID, Object: pr.other, Confidence: pr.best})
			}
		}
	}
	return snap, true, nil
}

// LoadPairs reads the facts between each pair of entities, both ways,
// with their evidence, from the store's own index (see [Local.PairSketch]).
func (l *Local) LoadPairs(ctx context.Context, pairs [][2]string) error {
	if l.ix == nil {
		return errors.New("read: the store has no index")
	}
	done := make(map[[2]string]bool, len(pairs))
	byEnd := make(map[string][]string) // the pairs' first ends and their others, read at once
	for _, pr := range pairs {
		if pr[0] > pr[1] {
			pr[0], pr[1] = pr[1], pr[0]
		}
		if done[pr] || pr[0] == pr[1] {
			continue
		}
		done[pr] = true
		byEnd[pr[0]] = append(byEnd[pr[0]], pr[1])
	}
	for _, id := range sortedKeys(byEnd) {
		if err := l.ixFactsWith(ctx, id, byEnd[id], 0); err != nil {
			return fmt.Errorf("read %s: %w", id, err)
		}
	}
	return nil
}

// Strongest returns the entities that share a fact with id, with how many
// pieces of evidence state those facts, the most first, then by ID: where
// an analyst starts with a hub. With kg's own index (bolt, PostgreSQL) it
// reads that; elsewhere, the references of every fact quad of id, not their
// evidence.
func (l *Local) Strongest(ctx context.Context, id string) ([]Pair, error) {
	var pairs []Pair
	if l.ix != nil {
		entries, err := l.ixPairs(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", id, err)
		}
		// what is asked next is most often the neighbours' names
		others := make([]string, len(entries))
		for i, e := range entries {
			others[i] = e.other
		}
		if err := l.knowEntities(ctx, others); err != nil {
			return nil, fmt.Errorf("read %s: %w", id, err)
		}
		for _, p := range entries {
			if p.other != id {
				pairs = append(pairs, Pair{Other: p.other, Evidence: p.n})
			}
		}
	} else {
		r := l.b.r
		n := make(map[string]int)
		for _, d := range []quad.Direction{quad.Subject, quad.Object} {
			other := quad.Object
			if d == quad.Object {
				other = quad.Subject
			}
			err := r.refs(ctx, d, quad.IRI(id), func(ref cgraph.Ref) error {
				if lk, err := r.key(ref, quad.Label); err != nil || lk == nil {
					return err
				}
				v, err := r.value(ref, other)
				if err != nil {
					return err
				}
				if iri, ok := v.(quad.IRI); ok && string(iri) != id {
					n[string(iri)]++
				}
				return nil
			})
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", id, err)
			}
		}
		for _, o := range sortedKeys(n) {
			pairs = append(pairs, Pair{Other: o, Evidence: n[o]})
		}
	}
	slices.SortStableFunc(pairs, func(a, b Pair) int { return cmp.Compare(b.Evidence, a.Evidence) })
	return pairs, nil
}

// ReadDates reads the date of each document of the evidence read whose
// date is not known yet: evidence read from the index comes without it.
func (l *Local) ReadDates(ctx context.Context) error {
	for _, rec := range l.records {
		if _, ok := l.docDates[rec.Document]; ok || rec.Document == "" {
			continue
		}
		p, err := l.b.r.attrsOf(ctx, schema.DocumentID(rec.Document), schema.DocDate)
		if err != nil {
			return err
		}
		l.docDates[rec.Document] = p.str(schema.DocDate)
	}
	return nil
}
