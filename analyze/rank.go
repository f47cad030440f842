package analyze

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/kgraph/kg/schema"
)

// Measures of [Graph.Rank].
const (
	Degree      = "degree"      // how many other entities it shares a fact with
	PageRank    = "pagerank"    // PageRank, with every fact a link both ways
	Betweenness = "betweenness" // how many shortest connections between others go through it
)

// Measures lists the measures [Graph.Rank] knows, the default first.
var Measures = []string{Degree, PageRank, Betweenness}

// Score is an entity's standing by one measure.
type Score struct {
	schema.Node
	Rank     int     `json:"rank"` // 1 for the first; entities with the same score share one
	Score    float64 `json:"score"`
	Degree   int     `json:"degree"`
	Mentions int     `json:"mentions"`
}

// Rank scores every entity by the measure (gonum's), and returns the ones
// of type typ (ignoring case; all when empty), the highest scores first,
// then by name. Scores are rounded to 6 decimals, so that ties are ties
// whatever order the arithmetic took.
func (g *Graph) Rank(by, typ string) ([]Score, error) {
	var scores map[int64]float64
	switch by {
	case Degree, "":
		scores = make(map[int64]float64, len(g.snap.Entities))
		for i := range g.snap.Entities {
			scores[int64(i)] = float64(g.und.From(int64(i)).Len())
		}
	case PageRank:
		d := simple.NewDirectedGraph()
		for i := range g.snap.Entities {
			d.AddNode(simple.Node(i))
		}
		for p := range g.between {
			d.SetEdge(simple.Edge{F: simple.Node(p[0]), T: simple.Node(p[1])})
			d.SetEdge(simple.Edge{F: simple.Node(p[1]), T: simple.Node(p[0])})
		}
		scores = network.PageRankSparse(newOrderedDirected(d), 0.85, 1e-10)
	case Betweenness:
		scores = network.Betweenness(g.und)
	default:
		return nil, fmt.Errorf("rank: unknown measure %q (want %s)", by, strings.Join(Measures, ", "))
	}
	out := []Score{}
	for i, e := range g.snap.Entities {
		if typ != "" && !strings.EqualFold(e.Type, typ) {
			continue
		}
		out = append(out, Score{Node: node(e), Score: math.Round(scores[int64(i)]*1e6) / 1e6, Degree: e.Degree, Mentions: e.Mentions})
	}
	slices.SortFunc(out, func(a, b Score) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	for i := range out {
		out[i].Rank = i + 1
		if i > 0 && out[i].Score == out[i-1].Score {
			out[i].Rank = out[i-1].Rank
		}
	}
	return out, nil
}

// Community is a cluster of entities more closely connected among
// themselves than to the rest.
type Community struct {
	ID       int           `json:"id"`       // 1 for the largest
	Size     int           `json:"size"`     // entities in it
	Facts    int           `json:"facts"`    // facts among them
	Entities []schema.Node `json:"entities"` // the most connected first, then by name
}

// Communities splits the entities into communities by Louvain modularity
// (gonum's community.Modularize, at resolution 1, seeded with seed so the
// same graph splits the same way every time). Entities that share a fact
// with no other entity are left out. Communities are numbered from the
// largest, then by the name of their first entity.
func (g *Graph) Communities(seed uint64) []Community {
	reduced := community.Modularize(g.und, 1, rand.NewPCG(seed, seed))
	var out []Community
	for _, members := range reduced.Communities() {
		ids := make([]int64, 0, len(members))
		for _, m := range members {
			if g.und.From(m.ID()).Len() > 0 {
				ids = append(ids, m.ID())
			}
		}
		if len(ids) == 0 {
			continue
		}
		c := Community{Size: len(ids)}
		slices.SortFunc(ids, func(a, b int64) int {
			ea, eb := g.entity(a), g.entity(b)
			return cmp.Or(cmp.Compare(eb.Degree, ea.Degree), cmp.Compare(ea.Name, eb.Name), cmp.Compare(ea.ID, eb.ID))
		})
		for i, u := range ids {
			c.Entities = append(c.Entities, node(g.entity(u)))
			for _, v := range ids[i+1:] {
				c.Facts += len(g.between[pair(u, v)])
			}
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Community) int {
		return cmp.Or(cmp.Compare(b.Size, a.Size), cmp.Compare(a.Entities[0].Name, b.Entities[0].Name),
			cmp.Compare(a.Entities[0].ID, b.Entities[0].ID))
	})
	for i := range out {
		out[i].ID = i + 1
	}
	return out
}
