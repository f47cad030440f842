package analyze

import (
	"cmp"
	"slices"
	"strings"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/kgraph/kg/schema"
)

// Graph is a snapshot's entities and facts, indexed for analysis.
type Graph struct {
	snap *schema.Snapshot
	// Entities are gonum nodes numbered by their position in
	// snap.Entities, which is sorted by ID.
	node map[string]int64
	// between holds the facts (positions in snap.Facts) between two
	// entities, keyed by the lesser node first.
	between map[[2]int64][]int
	// und links two entities that share a fact, either way, once.
	und orderedUndirected
}

// New indexes the snapshot. The snapshot must not change afterwards.
func New(s *schema.Snapshot) *Graph {
	g := &Graph{snap: s, node: make(map[string]int64, len(s.Entities)), between: make(map[[2]int64][]int)}
	und := simple.NewUndirectedGraph()
	for i, e := range s.Entities {
		g.node[e.ID] = int64(i)
		und.AddNode(simple.Node(i))
	}
	for i, f := range s.Facts {
		u, ok1 := g.node[f.Subject]
		v, ok2 := g.node[f.Object]
		if !ok1 || !ok2 || u == v {
			continue // a fact of an entity with itself connects it to nothing
		}
		k := pair(u, v)
		g.between[k] = append(g.between[k], i)
		und.SetEdge(simple.Edge{F: simple.Node(u), T: simple.Node(v)})
	}
	g.und = newOrderedUndirected(und)
	return g
}

func pair(u, v int64) [2]int64 {
	if u > v {
		u, v = v, u
	}
	return [2]int64{u, v}
}

// entity returns the node's entity.
func (g *Graph) entity(n int64) schema.EntityInfo { return g.snap.Entities[n] }

// find returns the node of the entity named name (see [schema.Snapshot.Find]).
func (g *Graph) find(name string) (int64, error) {
	e, err := g.snap.Find(name)
	if err != nil {
		return 0, err
	}
	return g.node[e.ID], nil
}

// byID returns the node of the entity with the ID; an ID that the snapshot
// does not hold gives an error that matches [schema.ErrNotFound].
func (g *Graph) byID(id string) (int64, error) {
	n, ok := g.node[id]
	if !ok {
		return 0, &schema.NotFoundError{What: "entity " + id}
	}
	return n, nil
}

// Fact is a fact of the graph with the names of its entities and a summary
// of its evidence.
type Fact struct {
	Subject    string  `json:"subject"` // the entities' names
	Relation   string  `json:"relation"`
	Object     string  `json:"object"`
	SubjectID  string  `json:"subject_id"`
	ObjectID   string  `json:"object_id"`
	Negated    bool    `json:"negated"`    // every evidence denies it
	Confidence float64 `json:"confidence"` // the highest of its evidence
	Sentences  int     `json:"sentences"`  // distinct sentences that state or deny it
	Documents  int     `json:"documents"`  // distinct documents
	Denials    int     `json:"denials"`    // evidence that denies it
	// Times are the distinct times its sentences give ("on Tuesday", "in
	// 2009"), in the order of the evidence.
	Times    []string                `json:"times,omitempty"`
	Evidence []schema.EvidenceRecord `json:"evidence"`
}

// fact returns the fact at position i of the snapshot.
func (g *Graph) fact(i int) Fact {
	f := g.snap.Facts[i]
	sub, _ := g.snap.Entity(f.Subject)
	obj, _ := g.snap.Entity(f.Object)
	out := Fact{Subject: sub.Name, Relation: f.Relation, Object: obj.Name, SubjectID: f.Subject, ObjectID: f.Object,
		Negated: f.Negated, Confidence: f.Confidence, Evidence: f.Evidence}
	type sentence struct {
		doc string
		i   int
	}
	sentences, docs := make(map[sentence]bool, len(f.Evidence)), make(map[string]bool, len(f.Evidence))
	for _, e := range f.Evidence {
		sentences[sentence{e.Document, e.SentenceIndex}] = true
		docs[e.Document] = true
		if e.Negated {
			out.Denials++
		}
		if e.Time != "" && !slices.Contains(out.Times, e.Time) {
			out.Times = append(out.Times, e.Time)
		}
	}
	out.Sentences, out.Documents = len(sentences), len(docs)
	return out
}

// Step is a fact read in the direction of a walk from one entity to
// another.
type Step struct {
	Fact
	// Forward says the fact reads in the walk's direction: the entity the
	// walk comes from is its subject.
	Forward bool `json:"forward"`
}

// Filter selects the facts a walk follows. Its zero value follows every
// fact.
type Filter struct {
	// Relation, when not empty, is the one relation to follow, by name
	// ignoring case, spacing and punctuation ("penalize").
	Relation string
	// Type, when not empty, is the one entity type to walk to (ignoring
	// case): the walk reaches, and goes on through, entities of this type
	// only.
	Type string
	// MinConfidence is the least confidence of a fact to follow.
	MinConfidence float64
}

// follows reports whether a walk may take the fact at position i to the
// entity to.
func (f Filter) follows(g *Graph, i int, to int64) bool {
	fact := g.snap.Facts[i]
	if f.Relation != "" && schema.RelationID(f.Relation) != fact.RelationID &&
		schema.RelationID(f.Relation) != schema.RelationID(fact.Relation) {
		return false
	}
	if f.Type != "" && !strings.EqualFold(g.entity(to).Type, f.Type) {
		return false
	}
	return fact.Confidence >= f.MinConfidence
}

// steps returns the facts between u and v that the filter lets a walk from
// u to v take, sorted by relation, then with the ones that read from u
// first.
// stepsAny reports whether steps(u, v, f) would give any step, without
// making them.
func (g *Graph) stepsAny(u, v int64, f Filter) bool {
	return slices.ContainsFunc(g.between[pair(u, v)], func(i int) bool { return f.follows(g, i, v) })
}

func (g *Graph) steps(u, v int64, f Filter) []Step {
	var out []Step
	for _, i := range g.between[pair(u, v)] {
		if f.follows(g, i, v) {
			out = append(out, Step{Fact: g.fact(i), Forward: g.snap.Facts[i].Subject == g.entity(u).ID})
		}
	}
	slices.SortFunc(out, func(a, b Step) int {
		return cmp.Or(cmp.Compare(a.Relation, b.Relation), cmpBool(b.Forward, a.Forward))
	})
	return out
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// node converts an entity to the short form paths and listings carry.
func node(e schema.EntityInfo) schema.Node { return schema.Node{ID: e.ID, Name: e.Name, Type: e.Type} }

// order holds a gonum graph's nodes and their neighbours sorted by ID, read
// once from a graph that does not change after: the ordered graphs below
// iterate from it, so that what gonum computes on them does not depend on
// map order.
type order struct {
	nodes    []gonum.Node
	from, to map[int64][]gonum.Node
}

func orderOf(g gonum.Graph) *order {
	o := &order{nodes: sortedNodes(g.Nodes()), from: make(map[int64][]gonum.Node)}
	d, directed := g.(gonum.Directed)
	if directed {
		o.to = make(map[int64][]gonum.Node)
	}
	for _, n := range o.nodes {
		o.from[n.ID()] = sortedNodes(g.From(n.ID()))
		if directed {
			o.to[n.ID()] = sortedNodes(d.To(n.ID()))
		}
	}
	return o
}

func sortedNodes(it gonum.Nodes) []gonum.Node {
	ns := gonum.NodesOf(it)
	slices.SortFunc(ns, func(a, b gonum.Node) int { return cmp.Compare(a.ID(), b.ID()) })
	return ns
}

func (o *order) iter(ns []gonum.Node) gonum.Nodes { return iterator.NewOrderedNodes(ns) }

// orderedUndirected is a gonum undirected graph that iterates in the order
// of node IDs.
type orderedUndirected struct {
	*simple.UndirectedGraph
	o *order
}

func newOrderedUndirected(g *simple.UndirectedGraph) orderedUndirected {
	return orderedUndirected{g, orderOf(g)}
}
func (g orderedUndirected) Nodes() gonum.Nodes        { return g.o.iter(g.o.nodes) }
func (g orderedUndirected) From(id int64) gonum.Nodes { return g.o.iter(g.o.from[id]) }

// orderedWeighted is orderedUndirected with weighted edges.
type orderedWeighted struct {
	*simple.WeightedUndirectedGraph
	o *order
}

func newOrderedWeighted(g *simple.WeightedUndirectedGraph) orderedWeighted {
	return orderedWeighted{g, orderOf(g)}
}
func (g orderedWeighted) Nodes() gonum.Nodes        { return g.o.iter(g.o.nodes) }
func (g orderedWeighted) From(id int64) gonum.Nodes { return g.o.iter(g.o.from[id]) }

// orderedDirected is a gonum directed graph that iterates in the order of
// node IDs.
type orderedDirected struct {
	*simple.DirectedGraph
	o *order
}

func newOrderedDirected(g *simple.DirectedGraph) orderedDirected {
	return orderedDirected{g, orderOf(g)}
}
func (g orderedDirected) Nodes() gonum.Nodes        { return g.o.iter(g.o.nodes) }
func (g orderedDirected) From(id int64) gonum.Nodes { return g.o.iter(g.o.from[id]) }
func (g orderedDirected) To(id int64) gonum.Nodes   { return g.o.iter(g.o.to[id]) }
