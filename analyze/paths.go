package analyze

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/kgraph/kg/schema"
)

// Path is one connection between two entities: the entities along it, and
// for each hop the facts that link one to the next.
type Path struct {
	Entities []schema.Node `json:"entities"` // from the first entity asked about to the second
	Hops     []Hop         `json:"hops"`     // len(Entities)-1 of them
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
// that matches [schema.ErrNotFound]. Each connection goes through an entity
// at most once, and its hops list every fact between their two entities.
// Connections of as many hops and as sure are in the order of their
// entities' IDs, so that the answer is the same on any part of the graph
// that holds them (a store's graph.Local read). They are found by
// enumerating the walks that can still reach the second entity, a length
// at a time, until k are found.
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
	return g.paths(s, t, maxHops, k), nil
}

// PathsBetween is [Graph.Paths] between the entities with the IDs, for a
// snapshot that holds every fact of every path of at most maxHops facts
// between them (one that graph.Local read).
func (g *Graph) PathsBetween(fromID, toID string, maxHops, k int) ([]Path, error) {
	if maxHops < 1 {
		return nil, fmt.Errorf("paths: at most %d hops: want 1 or more", maxHops)
	}
	if k < 1 {
		return nil, fmt.Errorf("paths: %d paths: want 1 or more", k)
	}
	s, err := g.byID(fromID)
	if err != nil {
		return nil, err
	}
	t, err := g.byID(toID)
	if err != nil {
		return nil, err
	}
	return g.paths(s, t, maxHops, k), nil
}

func (g *Graph) paths(s, t int64, maxHops, k int) []Path {
	if s == t {
		return []Path{{Entities: []schema.Node{node(g.entity(s))}, Hops: []Hop{}}}
	}
	// Hops from each entity to t, as far as maxHops: a walk goes on only
	// where it can still reach t in the hops it has left.
	dt := map[int64]int{t: 0}
	front := []int64{t}
	for h := 1; h <= maxHops && len(front) > 0; h++ {
		var next []int64
		for _, x := range front {
			for _, y := range g.und.o.from[x] {
				if _, ok := dt[y.ID()]; !ok {
					dt[y.ID()] = h
					next = append(next, y.ID())
				}
			}
		}
		front = next
	}
	weight := func(u, v int64) float64 {
		best := 0.0
		for _, i := range g.between[pair(u, v)] {
			best = max(best, g.snap.Facts[i].Confidence)
		}
		return 1 + unsure*(1-min(best, 1))
	}
	type found struct {
		nodes []int64
		cost  float64
	}
	var out []found
	// A connection of L hops costs less than L+1 and at least L: the
	// connections of each length, cheapest first and then by their
	// entities' IDs, come before the longer ones.
	for hops := dt[s]; hops <= maxHops && len(out) < k; hops++ {
		if _, ok := dt[s]; !ok {
			break
		}
		var level []found
		nodes := []int64{s}
		on := map[int64]bool{s: true}
		var walk func(x int64, left int, cost float64)
		walk = func(x int64, left int, cost float64) {
			for _, n := range g.und.o.from[x] {
				y := n.ID()
				d, ok := dt[y]
				if !ok || on[y] || d > left-1 || (y == t) != (left == 1) {
					continue
				}
				c := cost + weight(x, y)
				if y == t {
					level = append(level, found{nodes: append(slices.Clone(nodes), t), cost: c})
					continue
				}
				on[y], nodes = true, append(nodes, y)
				walk(y, left-1, c)
				on[y], nodes = false, nodes[:len(nodes)-1]
			}
		}
		walk(s, hops, 0)
		slices.SortFunc(level, func(a, b found) int {
			if c := cmp.Compare(a.cost, b.cost); c != 0 {
				return c
			}
			return slices.CompareFunc(a.nodes, b.nodes, func(u, v int64) int {
				return strings.Compare(g.entity(u).ID, g.entity(v).ID)
			})
		})
		out = append(out, level...)
	}
	paths := make([]Path, 0, min(k, len(out)))
	for _, f := range out[:min(k, len(out))] {
		p := Path{Entities: make([]schema.Node, len(f.nodes)), Hops: make([]Hop, 0, len(f.nodes)-1)}
		for i, n := range f.nodes {
			p.Entities[i] = node(g.entity(n))
			if i > 0 {
				u := f.nodes[i-1]
				p.Hops = append(p.Hops, Hop{From: g.entity(u).ID, To: g.entity(n).ID, Facts: g.steps(u, n, Filter{})})
			}
		}
		paths = append(paths, p)
	}
	return paths
}
