package graph

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// quadSet collects distinct quads in the order they are added.
type quadSet struct {
	seen map[quad.Quad]struct{}
	list []quad.Quad
}

func (s *quadSet) add(sub, pred, obj, label quad.Value) {
	q := quad.Quad{Subject: sub, Predicate: pred, Object: obj, Label: label}
	if _, ok := s.seen[q]; ok {
		return
	}
	if s.seen == nil {
		s.seen = make(map[quad.Quad]struct{})
	}
	s.seen[q] = struct{}{}
	s.list = append(s.list, q)
}

// votes counts the values a property is given within one load, so that each
// node gets one value: the most frequent, ties broken by the least.
type votes map[string]int

func (v votes) add(s string) {
	if s != "" {
		v[s]++
	}
}

func (v votes) winner() string {
	best, n := "", 0
	for s, c := range v {
		if c > n || c == n && s < best {
			best, n = s, c
		}
	}
	return best
}

// node is an entity or a relation seen in a load.
type node struct {
	id    string
	names votes
	types votes // entities only
}

// nodeSet keeps nodes by ID, in the order they were first seen.
type nodeSet struct {
	byID  map[string]*node
	order []*node
}

func (ns *nodeSet) get(id string) *node {
	if n, ok := ns.byID[id]; ok {
		return n
	}
	if ns.byID == nil {
		ns.byID = make(map[string]*node)
	}
	n := &node{id: id, names: votes{}, types: votes{}}
	ns.byID[id] = n
	ns.order = append(ns.order, n)
	return n
}

// evidence is one evidence node of a load.
type evidence struct {
	id   string
	fact schema.Fact
	orig extracted
}

// extracted holds what a correction changed in a fact: its subject's and
// object's names as the extractor gave them (empty where no correction
// applied), and the ID of its evidence node, which stays the one of the fact
// as extracted so that undoing a correction gives the store a fresh load
// would.
//
// short keeps, for the subject and the object, the one-word name of a
// person as extracted, which joining names across documents reads (see
// [shortName]).
type extracted struct {
	subject, object, evidence string
	short                     [2]shortName
}

// loadQuads returns the distinct quads that the documents and facts imply, in
// a deterministic order.
func loadQuads(docs []string, facts []schema.Fact) ([]quad.Quad, error) {
	return loadCorrected(docs, facts, nil)
}

// loadCorrected is loadQuads for facts that corrections changed: orig, when
// not nil, gives each fact's names as extracted (see [correctFacts]).
func loadCorrected(docs []string, facts []schema.Fact, orig []extracted) ([]quad.Quad, error) {
	var (
		entities, relations nodeSet
		docNames            []string
		docSeen             = make(map[string]bool)
		evs                 []*evidence
		evByID              = make(map[string]*evidence)
	)
	addDoc := func(d string) {
		if !docSeen[d] {
			docSeen[d] = true
			docNames = append(docNames, d)
		}
	}
	for i, d := range docs {
		if strings.TrimSpace(d) == "" {
			return nil, fmt.Errorf("document %d: empty name", i)
		}
		addDoc(d)
	}
	if err := checkFacts(facts); err != nil {
		return nil, err
	}
	for i := range facts {
		f := facts[i]
		if f.SubjectID == "" || f.ObjectID == "" {
			continue // unresolved: no entity to attach the fact to
		}
		sub, obj := entities.get(f.SubjectID), entities.get(f.ObjectID)
		sub.names.add(f.Subject)
		sub.types.add(f.SubjectType)
		obj.names.add(f.Object)
		obj.types.add(f.ObjectType)
		relations.get(f.RelationID()).names.add(f.Relation)
		addDoc(f.Doc)

		id := f.EvidenceID()
		if orig != nil && orig[i].evidence != "" {
			id = orig[i].evidence
		}
		if ev, ok := evByID[id]; ok {
			// The same fact read twice from the same sentence: keep the
			// surer reading (of equals, the first).
			if f.Confidence > ev.fact.Confidence {
				ev.fact = f
				if orig != nil {
					ev.orig = orig[i]
				}
			}
			continue
		}
		ev := &evidence{id: id, fact: f}
		if orig != nil {
			ev.orig = orig[i]
		}
		evByID[id] = ev
		evs = append(evs, ev)
	}

	var qs quadSet
	iri := func(s string) quad.Value { return quad.IRI(s) }
	rdfType, name := iri(schema.RDFType), iri(schema.Name)
	for _, ev := range evs {
		f := &ev.fact
		qs.add(iri(f.SubjectID), iri(f.RelationID()), iri(f.ObjectID), iri(ev.id))
	}
	for _, n := range entities.order {
		qs.add(iri(n.id), rdfType, iri(schema.Entity), nil)
		qs.add(iri(n.id), name, quad.String(n.names.winner()), nil)
		if t := n.types.winner(); t != "" {
			qs.add(iri(n.id), iri(schema.Type), quad.String(t), nil)
			for _, w := range nameWords(n.names.winner(), t) {
				qs.add(iri(n.id), iri(schema.NameWord), quad.String(w), nil)
			}
		}
	}
	for _, n := range relations.order {
		qs.add(iri(n.id), rdfType, iri(schema.Relation), nil)
		qs.add(iri(n.id), name, quad.String(n.names.winner()), nil)
	}
	for _, d := range docNames {
		id := iri(schema.DocumentID(d))
		qs.add(id, rdfType, iri(schema.Document), nil)
		qs.add(id, name, quad.String(d), nil)
	}
	for _, ev := range evs {
		f, id := &ev.fact, iri(ev.id)
		qs.add(id, rdfType, iri(schema.Evidence), nil)
		qs.add(id, iri(schema.Doc), iri(schema.DocumentID(f.Doc)), nil)
		qs.add(id, iri(schema.SentenceIndex), quad.Int(f.SentenceIndex), nil)
		if f.Sentence != "" {
			qs.add(id, iri(schema.Text), quad.String(f.Sentence), nil)
		}
		qs.add(id, iri(schema.Subject), iri(f.SubjectID), nil)
		qs.add(id, iri(schema.Predicate), iri(f.RelationID()), nil)
		qs.add(id, iri(schema.Object), iri(f.ObjectID), nil)
		qs.add(id, iri(schema.RelationText), quad.String(f.Relation), nil)
		qs.add(id, iri(schema.Negated), quad.Bool(f.Negated), nil)
		qs.add(id, iri(schema.Confidence), quad.Float(f.Confidence), nil)
		if f.SentenceEnd > f.SentenceStart {
			qs.add(id, iri(schema.Start), quad.Int(f.SentenceStart), nil)
			qs.add(id, iri(schema.End), quad.Int(f.SentenceEnd), nil)
		}
		if t := strings.TrimSpace(f.Time); t != "" {
			qs.add(id, iri(schema.When), quad.String(t), nil)
			if f.TimeISO != "" {
				qs.add(id, iri(schema.WhenISO), quad.String(f.TimeISO), nil)
			}
		}
		// A value on the fact (issue 12's node policy): its type, a space,
		// the value as written.
		for _, v := range f.Values {
			qs.add(id, iri(schema.FactValue), quad.String(v.Type+" "+v.Text), nil)
		}
		// Aliases live on the evidence, not the entity: they go with the
		// sentence that wrote them, so removing or replacing a document
		// takes exactly its own aliases and keeps every other document's.
		if a := strings.TrimSpace(f.SubjectAlias); a != "" {
			qs.add(id, iri(schema.SubjectAlias), quad.String(a), nil)
		}
		if a := strings.TrimSpace(f.ObjectAlias); a != "" {
			qs.add(id, iri(schema.ObjectAlias), quad.String(a), nil)
		}
		if ev.orig.subject != "" {
			qs.add(id, iri(schema.SubjectName), quad.String(ev.orig.subject), nil)
		}
		if ev.orig.object != "" {
			qs.add(id, iri(schema.ObjectName), quad.String(ev.orig.object), nil)
		}
		for i, sn := range ev.orig.short {
			if sn.name != "" {
				qs.add(id, iri(shortPreds[i].name), quad.String(sn.name), nil)
			}
			if sn.typ != "" {
				qs.add(id, iri(shortPreds[i].typ), quad.String(sn.typ), nil)
			}
		}
	}
	return qs.list, nil
}

// checkFacts checks every resolved fact (see [checkFact]); an unresolved
// one (a subject or object without an entity) is not stored, and not
// checked.
func checkFacts(facts []schema.Fact) error {
	for i := range facts {
		f := facts[i]
		if f.SubjectID == "" || f.ObjectID == "" {
			continue
		}
		if err := checkFact(&f); err != nil {
			return fmt.Errorf("fact %d: %w", i, err)
		}
	}
	return nil
}

// checkFact rejects a fact that cannot be stored.
func checkFact(f *schema.Fact) error {
	for _, c := range []struct{ field, val string }{
		{"subject", f.Subject}, {"relation", f.Relation}, {"object", f.Object}, {"doc", f.Doc},
	} {
		if strings.TrimSpace(c.val) == "" {
			return fmt.Errorf("empty %s", c.field)
		}
	}
	if f.SentenceIndex < 0 {
		return fmt.Errorf("negative sentence index %d", f.SentenceIndex)
	}
	if f.SentenceStart < 0 || f.SentenceEnd < 0 {
		return fmt.Errorf("negative sentence offsets %d:%d", f.SentenceStart, f.SentenceEnd)
	}
	if math.IsNaN(f.Confidence) || math.IsInf(f.Confidence, 0) {
		return fmt.Errorf("confidence %v is not a number", f.Confidence)
	}
	return nil
}

// sortedKeys returns the keys of m in order.
func sortedKeys[M ~map[K]V, K cmp.Ordered, V any](m M) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
