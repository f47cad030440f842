package analyze

import (
	"cmp"
	"fmt"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/traverse"

	"github.com/kgraph/kg/schema"
)

// Neighbor is an entity within some hops of another, with the facts that
// lead to it.
type Neighbor struct {
	schema.Node
	Hops int `json:"hops"` // facts between it and the entity asked about
	// Via are the facts that lead to it from the entities one hop nearer,
	// each read from the nearer entity (Forward when that one is the
	// subject).
	Via []Step `json:"via"`
}

// Neighbors returns the entity named name and the entities within depth
// facts of it, following the facts the filter lets through, either way.
// They are sorted by hops, then name, then ID. An unknown name gives an
// error that matches [schema.ErrNotFound].
func (g *Graph) Neighbors(name string, depth int, f Filter) (schema.Node, []Neighbor, error) {
	if depth < 0 {
		return schema.Node{}, nil, fmt.Errorf("neighbors: negative depth %d", depth)
	}
	start, err := g.find(name)
	if err != nil {
		return schema.Node{}, nil, err
	}
	return g.neighbors(start, depth, f)
}

// NeighborsOf is [Graph.Neighbors] of the entity with the ID, for a
// snapshot that holds the facts of every entity within depth-1 facts of it
// (one that graph.Local read).
func (g *Graph) NeighborsOf(id string, depth int, f Filter) (schema.Node, []Neighbor, error) {
	if depth < 0 {
		return schema.Node{}, nil, fmt.Errorf("neighbors: negative depth %d", depth)
	}
	start, err := g.byID(id)
	if err != nil {
		return schema.Node{}, nil, err
	}
	return g.neighbors(start, depth, f)
}

func (g *Graph) neighbors(start int64, depth int, f Filter) (schema.Node, []Neighbor, error) {
	hops := map[int64]int{start: 0}
	var from int64 // the node whose edge the walk took last
	bf := traverse.BreadthFirst{
		Traverse: func(e gonum.Edge) bool {
			u, v := e.From().ID(), e.To().ID()
			if _, seen := hops[v]; seen || !g.stepsAny(u, v, f) {
				return false
			}
			from = u
			return true
		},
		Visit: func(n gonum.Node) {
			if n.ID() != start {
				hops[n.ID()] = hops[from] + 1
			}
		},
	}
	bf.Walk(g.und, simple.Node(start), func(_ gonum.Node, d int) bool { return d >= depth })

	var out []Neighbor
	for n, h := range hops {
		if n == start {
			continue
		}
		nb := Neighbor{Node: node(g.entity(n)), Hops: h, Via: []Step{}}
		for _, m := range g.und.o.from[n] {
			if hm, ok := hops[m.ID()]; ok && hm == h-1 {
				nb.Via = append(nb.Via, g.steps(m.ID(), n, f)...)
			}
		}
		slices.SortFunc(nb.Via, func(a, b Step) int {
			return cmp.Or(cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Relation, b.Relation), cmp.Compare(a.Object, b.Object),
				cmp.Compare(a.SubjectID, b.SubjectID), cmp.Compare(a.ObjectID, b.ObjectID))
		})
		out = append(out, nb)
	}
	slices.SortFunc(out, func(a, b Neighbor) int {
		return cmp.Or(cmp.Compare(a.Hops, b.Hops), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return node(g.entity(start)), out, nil
}
