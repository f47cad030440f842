package graph

import (
	"bufio"
	"fmt"
	"io"
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
	default:
		return nodeStyle{"ellipse", "#eeeeee"}
	}
}

// WriteDOT writes g as a Graphviz digraph: one node per entity, labelled with
// its name and drawn by its type, and one edge per fact, labelled with its
// relation, dashed when negated, with its first sentence as tooltip. The
// output depends on g alone, so it can be compared with a golden file.
func WriteDOT(w io.Writer, g *Subgraph) error {
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
		if len(e.Evidence) > 0 {
			attrs += ", tooltip=" + dotID(e.Evidence[0])
		}
		p("\t%s -> %s [%s];\n", dotID(e.From), dotID(e.To), attrs)
	}
	p("}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write dot: %w", err)
	}
	return nil
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
