package analyze

import (
	"cmp"
	"fmt"
	"slices"

	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/kgraph/kg/graph"
)

// Path is one connection between two entities: the entities along it, and
// for each hop the facts that link one to the next.
type Path struct {
	Entities []graph.Node `json:"entities"` // from the first entity asked about to the second
	Hops     []Hop        `json:"hops"`     // len(Entities)-1 of them
}

// Hop is one step of a [Path]: every fact between two entities next to
// each other on it, each read from From to To.
type Hop struct {
	From  string `json:"from"` // entity IDs
	To    string `json:"to"`
	Facts []Step `json:"facts"`
}

// unsure is what a hop costs on top of 1 for each point of confidence its
// surest fact lacks: enough for the surer of two connections of the same
// length to come first, too little for any to beat a shorter one.
const unsure = 1e-3

// Paths returns the k shortest connections, of at most maxHops facts each,
// between the entities named from and to, following facts either way; of
// connections with as many hops, the ones whose facts are surer come first.
// No connection gives no paths and no error; an unknown name gives an error
// that matches [graph.ErrNotFound]. Each connection goes through an entity
// at most once, and its hops list every fact between their two entities.
// The paths come from gonum's Yen k-shortest-paths.
func (g *Graph) Paths(from, to string, maxHops, k int) ([]Path, error) {
	if maxHops < 1 {
		return nil, fmt.Errorf("paths: at most %d hops: want 1 or more", maxHops)
	}
	if k < 1 {
		return nil, fmt.Errorf("paths: %d paths: want 1 or more", k)
	}
	s, err := g.find(from)
	if err != nil {
		return nil, err
	}
	t, err := g.find(to)
	if err != nil {
		return nil, err
	}
	if s == t {
		return []Path{{Entities: []graph.Node{node(g.entity(s))}, Hops: []Hop{}}}, nil
	}
	w := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range g.snap.Entities {
		w.AddNode(simple.Node(i))
	}
	for p, facts := range g.between {
		best := 0.0
		for _, i := range facts {
			best = max(best, g.snap.Facts[i].Confidence)
		}
		w.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(p[0]), T: simple.Node(p[1]), W: 1 + unsure*(1-min(best, 1))})
	}
	var out []Path
	// The cost Yen takes is what a path may cost above the shortest; the
	// hop count is checked below.
	for _, nodes := range path.YenKShortestPaths(newOrderedWeighted(w), k, float64(maxHops), simple.Node(s), simple.Node(t)) {
		if len(nodes)-1 > maxHops {
			break // the rest are no shorter
		}
		p := Path{Entities: make([]graph.Node, len(nodes)), Hops: make([]Hop, 0, len(nodes)-1)}
		for i, n := range nodes {
			p.Entities[i] = node(g.entity(n.ID()))
			if i > 0 {
				u := nodes[i-1].ID()
				p.Hops = append(p.Hops, Hop{From: g.entity(u).ID, To: g.entity(n.ID()).ID, Facts: g.steps(u, n.ID(), Filter{})})
			}
		}
		out = append(out, p)
	}
	slices.SortStableFunc(out, func(a, b Path) int { return cmp.Compare(len(a.Hops), len(b.Hops)) })
	return out, nil
}
