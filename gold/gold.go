// Package gold scores the graph kg builds from a document against a graph
// drawn by hand from the same text: which nodes an analyst wants (with their
// type and the names the text calls them by) and which edges between them
// (relation, accepted forms, direction, negation).
//
// A gold file has one node or edge a line, fields separated by " | ":
//
//	# comment
//	node | Treasury Department | ORG | U.S. Treasury Department; Treasury
//	edge | Treasury Department | sanction; impose sanctions on | Volkov Shipping
//	edge | Castlegate Bank | appeal | ruling | negated
//
// A node's aliases (optional) are the other names it goes by; an edge's
// relation is a lemma followed by the other forms that count for it; its
// subject and object name gold nodes. CONCEPT is the type of a common noun
// worth a node ("crude oil"); every other type is a named entity's.
//
// The package is pure: it reads from an io.Reader and scores facts it is
// given.
package gold

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/kgraph/kg/schema"
)

// Concept is the type of a common-noun node.
const Concept = schema.Concept

// ErrSyntax is wrapped by every error about a gold file's content.
var ErrSyntax = errors.New("bad gold graph")

// Node is one entity an analyst wants in the graph.
type Node struct {
	Name    string
	Type    string
	Aliases []string
}

// Edge is one fact an analyst wants between two gold nodes.
type Edge struct {
	Subject, Object string   // gold node names
	Relations       []string // the lemma first, then the accepted forms
	Negated         bool
}

// Graph is the gold graph of one document.
type Graph struct {
	Nodes []Node
	Edges []Edge
}

// Read parses a gold file; name is used in error messages ("name:3: ...").
func Read(r io.Reader, name string) (*Graph, error) {
	g := &Graph{}
	known := map[string]bool{}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "|")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		bad := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %w: %s", name, line, ErrSyntax, fmt.Sprintf(format, args...))
		}
		switch fields[0] {
		case "node":
			if len(fields) < 3 || len(fields) > 4 || fields[1] == "" || fields[2] == "" {
				return nil, bad("want node | name | type [| aliases]")
			}
			n := Node{Name: fields[1], Type: fields[2]}
			if len(fields) == 4 {
				n.Aliases = list(fields[3])
			}
			if known[key(n.Name)] {
				return nil, bad("node %q given twice", n.Name)
			}
			known[key(n.Name)] = true
			g.Nodes = append(g.Nodes, n)
		case "edge":
			if len(fields) < 4 || len(fields) > 5 {
				return nil, bad("want edge | subject | relation; forms | object [| negated]")
			}
			e := Edge{Subject: fields[1], Object: fields[3], Relations: list(fields[2])}
			if len(e.Relations) == 0 {
				return nil, bad("edge without a relation")
			}
			for _, n := range []string{e.Subject, e.Object} {
				if !known[key(n)] {
					return nil, bad("edge names %q, which no node line before it names", n)
				}
			}
			if len(fields) == 5 {
				if fields[4] != "negated" {
					return nil, bad("the fifth field of an edge is \"negated\" or nothing, not %q", fields[4])
				}
				e.Negated = true
			}
			g.Edges = append(g.Edges, e)
		default:
			return nil, bad("a line starts with node, edge or #, not %q", fields[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(g.Nodes) == 0 {
		return nil, fmt.Errorf("%s: %w: no nodes", name, ErrSyntax)
	}
	return g, nil
}

func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// key folds a name for matching: case, punctuation and a leading article do
// not count ("the U.S." is "US").
func key(name string) string {
	var b strings.Builder
	low := strings.ToLower(strings.TrimSpace(name))
	low = strings.TrimPrefix(low, "the ")
	for _, r := range low {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Counts are what one or more documents scored. The figures are derived
// from them, so that documents add up (micro-averages).
type Counts struct {
	Nodes          int `json:"nodes"`       // predicted nodes
	NodesRight     int `json:"nodes_right"` // of them, the first to stand for a gold node
	Duplicates     int `json:"duplicates"`  // predicted nodes that a gold node had already matched
	GoldNodes      int `json:"gold_nodes"`  // gold nodes
	GoldNodesFound int `json:"gold_nodes_found"`
	Named          int `json:"named"`       // predicted nodes not of type CONCEPT
	NamedRight     int `json:"named_right"` // of them, the first to stand for a named gold node
	GoldNamed      int `json:"gold_named"`  // named gold nodes
	NamedFound     int `json:"named_found"` // of them, found
	Typed          int `json:"typed"`       // named gold nodes found with the gold's type
	Edges          int `json:"edges"`       // predicted edges (subject, relation, object, negation), distinct
	EdgesRight     int `json:"edges_right"`
	GoldEdges      int `json:"gold_edges"`
	GoldEdgesFound int `json:"gold_edges_found"`
}

// Add adds another document's counts.
func (c *Counts) Add(o Counts) {
	c.Nodes += o.Nodes
	c.NodesRight += o.NodesRight
	c.Duplicates += o.Duplicates
	c.GoldNodes += o.GoldNodes
	c.GoldNodesFound += o.GoldNodesFound
	c.Named += o.Named
	c.NamedRight += o.NamedRight
	c.GoldNamed += o.GoldNamed
	c.NamedFound += o.NamedFound
	c.Typed += o.Typed
	c.Edges += o.Edges
	c.EdgesRight += o.EdgesRight
	c.GoldEdges += o.GoldEdges
	c.GoldEdgesFound += o.GoldEdgesFound
}

// Figures are a score's fractions, each in [0, 1] (0 where nothing counts).
type Figures struct {
	NodePrecision  float64 `json:"node_precision"`
	NodeRecall     float64 `json:"node_recall"`
	NamedPrecision float64 `json:"named_precision"`
	NamedRecall    float64 `json:"named_recall"`
	Typing         float64 `json:"typing"` // named gold nodes found with their type, of those found
	EdgePrecision  float64 `json:"edge_precision"`
	EdgeRecall     float64 `json:"edge_recall"`
}

// Figures returns the counts as fractions.
func (c Counts) Figures() Figures {
	return Figures{
		NodePrecision:  frac(c.NodesRight, c.Nodes),
		NodeRecall:     frac(c.GoldNodesFound, c.GoldNodes),
		NamedPrecision: frac(c.NamedRight, c.Named),
		NamedRecall:    frac(c.NamedFound, c.GoldNamed),
		Typing:         frac(c.Typed, c.NamedFound),
		EdgePrecision:  frac(c.EdgesRight, c.Edges),
		EdgeRecall:     frac(c.GoldEdgesFound, c.GoldEdges),
	}
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// node is one node of the predicted graph.
type node struct{ id, name, typ string }

// Score compares the graph that facts make with the gold graph. A fact is
// an edge of the graph when both its subject and its object are entities
// (both IDs set), as the store keeps it. A predicted node stands for the
// gold node whose name or alias it bears; a second predicted node for the
// same gold node is a duplicate and counts as wrong (one entity, one node).
// An edge is right when its ends stand for the gold edge's subject and
// object, in that order, its relation is one of the gold edge's forms, and
// its negation is the gold's.
func (g *Graph) Score(facts []schema.Fact) Counts {
	c, _ := g.Compare(facts)
	return c
}

// Compare is [Graph.Score] that also says, a line each, which predicted
// nodes and edges were right ("ok"), wrong ("wrong", "duplicate") and which
// gold ones were missed ("missed"), in that order.
func (g *Graph) Compare(facts []schema.Fact) (Counts, []string) {
	var lines []string
	index := map[string]int{} // folded name or alias -> gold node
	for i, n := range g.Nodes {
		for _, s := range append([]string{n.Name}, n.Aliases...) {
			if _, ok := index[key(s)]; !ok {
				index[key(s)] = i
			}
		}
	}
	var nodes []node
	seen := map[string]bool{}
	names := map[string]string{}
	add := func(id, name, typ string) {
		names[id] = name
		if !seen[id] {
			seen[id] = true
			nodes = append(nodes, node{id, name, typ})
		}
	}
	type edge struct {
		s, r, o string
		neg     bool
	}
	var edges []edge
	seenEdge := map[edge]bool{}
	for _, f := range facts {
		if f.SubjectID == "" || f.ObjectID == "" {
			continue
		}
		add(f.SubjectID, f.Subject, f.SubjectType)
		add(f.ObjectID, f.Object, f.ObjectType)
		e := edge{f.SubjectID, strings.ToLower(f.Relation), f.ObjectID, f.Negated}
		if !seenEdge[e] {
			seenEdge[e] = true
			edges = append(edges, e)
		}
	}

	var c Counts
	c.GoldNodes = len(g.Nodes)
	for _, n := range g.Nodes {
		if n.Type != Concept {
			c.GoldNamed++
		}
	}
	goldOf := map[string]int{} // predicted node id -> gold node
	taken := make([]bool, len(g.Nodes))
	for _, n := range nodes {
		named := n.typ != Concept
		c.Nodes++
		if named {
			c.Named++
		}
		i, ok := index[key(n.name)]
		if !ok {
			lines = append(lines, fmt.Sprintf("wrong      node %s (%s)", n.name, n.typ))
			continue
		}
		goldOf[n.id] = i
		if taken[i] {
			c.Duplicates++
			lines = append(lines, fmt.Sprintf("duplicate  node %s (%s) of %s", n.name, n.typ, g.Nodes[i].Name))
			continue
		}
		lines = append(lines, fmt.Sprintf("ok         node %s (%s, gold %s)", n.name, n.typ, g.Nodes[i].Type))
		taken[i] = true
		c.NodesRight++
		c.GoldNodesFound++
		gn := g.Nodes[i]
		if gn.Type == Concept {
			continue
		}
		c.NamedFound++
		if named {
			c.NamedRight++
		}
		if n.typ == gn.Type {
			c.Typed++
		}
	}
	c.Edges = len(edges)
	c.GoldEdges = len(g.Edges)
	found := make([]bool, len(g.Edges))
	for _, e := range edges {
		s, ok1 := goldOf[e.s]
		o, ok2 := goldOf[e.o]
		text := fmt.Sprintf("edge %s -[%s%s]-> %s", names[e.s], not(e.neg), e.r, names[e.o])
		if !ok1 || !ok2 {
			lines = append(lines, "wrong      "+text)
			continue
		}
		right := false
		for j, ge := range g.Edges {
			if key(ge.Subject) != key(g.Nodes[s].Name) || key(ge.Object) != key(g.Nodes[o].Name) || ge.Negated != e.neg {
				continue
			}
			for _, r := range ge.Relations {
				if strings.EqualFold(strings.Join(strings.Fields(r), " "), e.r) {
					right = true
					found[j] = true
				}
			}
		}
		if right {
			c.EdgesRight++
			lines = append(lines, "ok         "+text)
		} else {
			lines = append(lines, "wrong      "+text)
		}
	}
	for i, n := range g.Nodes {
		if !taken[i] {
			lines = append(lines, fmt.Sprintf("missed     node %s (%s)", n.Name, n.Type))
		}
	}
	for j, f := range found {
		if f {
			c.GoldEdgesFound++
		} else {
			e := g.Edges[j]
			lines = append(lines, fmt.Sprintf("missed     edge %s -[%s%s]-> %s", e.Subject, not(e.Negated), strings.Join(e.Relations, "; "), e.Object))
		}
	}
	return c, lines
}

func not(negated bool) string {
	if negated {
		return "not "
	}
	return ""
}
