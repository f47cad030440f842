package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/kgraph/kg/schema"
)

// nodeStyle is how WriteDOT draws an entity of one type.
type nodeStyle struct{ shape, fill string }

// styleOf returns how WriteDOT draws an entity of type t.
func styleOf(t string) nodeStyle {
	switch t {
	case schema.Person:
		return nodeStyle{"ellipse", "#fde2c8"}
	case schema.Org:
		return nodeStyle{"box", "#cfe2f3"}
	case schema.GPE:
		return nodeStyle{"hexagon", "#d9ead3"}
	case schema.Date:
		return nodeStyle{"note", "#fff2cc"}
	case schema.Money:
		return nodeStyle{"component", "#ead1dc"}
	case schema.Percent:
		return nodeStyle{"octagon", "#d0e0e3"}
	default:
		return nodeStyle{"ellipse", "#eeeeee"}
	}
}

// WriteDOT writes g as a Graphviz digraph: one node per entity, labelled with
// its name and drawn by its type, and one edge per fact, labelled with its
// relation, dashed when negated, with its first sentence as tooltip. A
// legend, a cluster of its own, shows the types that g has and what a dashed
// edge means. The output depends on g alone, so it can be compared with a
// golden file.
func WriteDOT(w io.Writer, g *schema.Subgraph) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("digraph kg {\n")
	p("\tgraph [rankdir=LR, fontname=\"Helvetica\"];\n")
	p("\tnode [style=filled, fontname=\"Helvetica\"];\n")
	p("\tedge [fontname=\"Helvetica\", fontsize=10];\n")
	for _, n := range g.Nodes {
		st := styleOf(n.Type)
		tooltip := n.Name
		if n.Type != "" {
			tooltip += " (" + n.Type + ")"
		}
		p("\t%s [label=%s, shape=%s, fillcolor=%s, tooltip=%s];\n",
			dotID(n.ID), dotID(n.Name), st.shape, dotID(st.fill), dotID(tooltip))
	}
	for _, e := range g.Edges {
		attrs := "label=" + dotID(e.Relation)
		if e.Negated {
			attrs += ", style=dashed"
		}
		if s := e.FirstSentence(); s != "" {
			attrs += ", tooltip=" + dotID(s)
		}
		p("\t%s -> %s [%s];\n", dotID(e.From), dotID(e.To), attrs)
	}
	writeLegend(p, g)
	p("}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write dot: %w", err)
	}
	return nil
}

// writeLegend draws a node for each type of g's nodes, in the order of
// [legendTypes], and two edges, one stated and one negated. Its node IDs
// start with "legend:", which no entity IRI of kg does.
func writeLegend(p func(string, ...any), g *schema.Subgraph) {
	if len(g.Nodes) == 0 {
		return
	}
	has := make(map[string]bool)
	for _, n := range g.Nodes {
		has[legendType(n.Type)] = true
	}
	p("\tsubgraph cluster_legend {\n")
	p("\t\tgraph [label=\"Legend\", fontsize=12, color=\"#999999\"];\n")
	p("\t\tnode [fontsize=10];\n")
	for _, t := range legendTypes {
		if !has[t] {
			continue
		}
		st, tip := styleOf(t), "entity type "+t
		if t == "other" {
			tip = "an entity of another type, or of none"
		}
		p("\t\t%s [label=%s, shape=%s, fillcolor=%s, tooltip=%s];\n",
			dotID("legend:"+t), dotID(t), st.shape, dotID(st.fill), dotID(tip))
	}
	p("\t\t\"legend:from\" [label=\"\", shape=point];\n")
	p("\t\t\"legend:to\" [label=\"\", shape=point];\n")
	p("\t\t\"legend:from\" -> \"legend:to\" [label=\"stated\", tooltip=\"a sentence states the fact\"];\n")
	p("\t\t\"legend:from\" -> \"legend:to\" [label=\"negated\", style=dashed, tooltip=\"every sentence denies the fact\"];\n")
	p("\t}\n")
}

// legendTypes are the entity types the legend knows, in its order; "other"
// stands for every type without a style of its own, and none.
var legendTypes = []string{schema.Person, schema.Org, schema.GPE, schema.Date, schema.Money, schema.Percent, "other"}

// legendType returns the legend entry of an entity type.
func legendType(t string) string {
	if t == "" || !slices.Contains(legendTypes[:len(legendTypes)-1], t) {
		return "other"
	}
	return t
}

// dotID quotes s as a DOT string. Inside quotes DOT only gives a meaning to
// \" and to a backslash before a newline; other backslashes are escapes of
// Graphviz's labels (\n, \l, \N ...), so they are doubled to stay literal,
// and a final one gets a space after it. Line breaks become \n, which labels
// show as breaks; other control characters become spaces or go; invalid
// UTF-8 becomes U+FFFD.
func dotID(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r', '\t', '\v', '\f':
			b.WriteByte(' ')
		default:
			if r < 0x20 || r == 0x7f {
				continue // control characters: Graphviz rejects some
			}
			b.WriteRune(r)
		}
	}
	if strings.HasSuffix(b.String(), `\`) {
		// DOT reads \" as \ then \", an escaped quote, whatever comes
		// before: a string cannot end with a backslash.
		b.WriteByte(' ')
	}
	b.WriteByte('"')
	return b.String()
}
