package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/kgraph/kg/schema"
)

// Namespaces of the GEXF that [WriteGEXF] writes.
const (
	GEXFNS       = "http://gexf.net/1.3"
	GEXFVizNS    = "http://gexf.net/1.3/viz"
	gexfLocation = GEXFNS + " http://gexf.net/1.3/gexf.xsd"
)

type gexf struct {
	XMLName        xml.Name  `xml:"gexf"`
	XMLNS          string    `xml:"xmlns,attr"`
	Viz            string    `xml:"xmlns:viz,attr"`
	XSI            string    `xml:"xmlns:xsi,attr"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
	Version        string    `xml:"version,attr"`
	Meta           gexfMeta  `xml:"meta"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Mode            string           `xml:"mode,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode       `xml:"nodes>node"`
	Edges           []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Mode       string          `xml:"mode,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
	Color     gexfColor      `xml:"viz:color"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Label     string         `xml:"label,attr"`
	Weight    string         `xml:"weight,attr"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfColor struct {
	R uint8 `xml:"r,attr"`
	G uint8 `xml:"g,attr"`
	B uint8 `xml:"b,attr"`
}

// gexfAttributes are the attributes WriteGEXF declares, by class.
var gexfNodeAttributes = []gexfAttribute{
	{"type", "type", "string"},
	{"iri", "iri", "string"},
}

var gexfEdgeAttributes = []gexfAttribute{
	{"relation", "relation", "string"},
	{"negated", "negated", "boolean"},
	{"confidence", "confidence", "double"},
	{"evidence", "evidence", "integer"},
	{"sentence", "sentence", "string"},
	{"document", "document", "string"},
}

// WriteGEXF writes g as GEXF 1.3, Gephi's own format: a static directed
// graph whose nodes (n0, n1 ... in g's order) have their name as label, the
// attributes type and iri, and the colour [WriteDOT] fills them with; and
// whose edges (e0, e1 ...) have the relation as label, the evidence count as
// weight, and the attributes relation, negated, confidence (the highest of
// the evidence's), evidence, sentence (the first that states it) and
// document (that sentence's). The attributes are declared in the graph's
// attributes elements.
func WriteGEXF(w io.Writer, g *schema.Subgraph) error {
	if err := checkEdges(g); err != nil {
		return fmt.Errorf("write gexf: %w", err)
	}
	doc := gexf{XMLNS: GEXFNS, Viz: GEXFVizNS, XSI: xsiNS, SchemaLocation: gexfLocation, Version: "1.3",
		Meta: gexfMeta{Creator: "kg", Description: "entities and the facts between them, with their evidence"},
		Graph: gexfGraph{DefaultEdgeType: "directed", Mode: "static", Attributes: []gexfAttributes{
			{Class: "node", Mode: "static", Attributes: gexfNodeAttributes},
			{Class: "edge", Mode: "static", Attributes: gexfEdgeAttributes},
		}}}
	ids := nodeIDs(g)
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gexfNode{ID: ids[n.ID], Label: n.Name,
			AttValues: []gexfAttValue{{"type", n.Type}, {"iri", n.ID}}, Color: rgb(styleOf(n.Type).fill)})
	}
	for i, r := range g.Rows() {
		doc.Graph.Edges = append(doc.Graph.Edges, gexfEdge{
			ID: "e" + strconv.Itoa(i), Source: ids[r.SubjectID], Target: ids[r.ObjectID],
			Label: r.Relation, Weight: strconv.Itoa(max(r.Evidence, 1)),
			AttValues: []gexfAttValue{
				{"relation", r.Relation}, {"negated", strconv.FormatBool(r.Negated)},
				{"confidence", formatFloat(r.Confidence)}, {"evidence", strconv.Itoa(r.Evidence)},
				{"sentence", r.Sentence}, {"document", r.Document},
			},
		})
	}
	return writeXML(w, doc, "gexf")
}

// rgb parses a colour written #rrggbb.
func rgb(hex string) gexfColor {
	var c gexfColor
	fmt.Sscanf(hex, "#%02x%02x%02x", &c.R, &c.G, &c.B)
	return c
}

// checkEdges returns an error if an edge of g has an end that is not one of
// its nodes.
func checkEdges(g *schema.Subgraph) error {
	in := make(map[string]bool, len(g.Nodes))
	for _, n := range g.Nodes {
		in[n.ID] = true
	}
	for _, e := range g.Edges {
		for _, end := range []string{e.From, e.To} {
			if !in[end] {
				return fmt.Errorf("edge %s %s %s: no node %s", e.From, e.Relation, e.To, end)
			}
		}
	}
	return nil
}
