package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/kgraph/kg/schema"
)

// Namespaces of the GraphML that [WriteGraphML] writes.
const (
	GraphMLNS       = "http://graphml.graphdrawing.org/xmlns"
	graphMLLocation = GraphMLNS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
	xsiNS           = "http://www.w3.org/2001/XMLSchema-instance"
)

type graphML struct {
	XMLName        xml.Name     `xml:"graphml"`
	XMLNS          string       `xml:"xmlns,attr"`
	XSI            string       `xml:"xmlns:xsi,attr"`
	SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
	Keys           []graphMLKey `xml:"key"`
	Graph          graphMLGraph `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// graphMLKeys are the attributes WriteGraphML declares. Gephi takes the
// ones named label and weight for labels and weights.
var graphMLKeys = []graphMLKey{
	{"label", "node", "label", "string"},
	{"type", "node", "type", "string"},
	{"iri", "node", "iri", "string"},
	{"e_label", "edge", "label", "string"},
	{"relation", "edge", "relation", "string"},
	{"negated", "edge", "negated", "boolean"},
	{"confidence", "edge", "confidence", "double"},
	{"weight", "edge", "weight", "double"},
	{"evidence", "edge", "evidence", "int"},
	{"sentence", "edge", "sentence", "string"},
	{"document", "edge", "document", "string"},
}

// WriteGraphML writes g as GraphML 1.0, a directed graph that Gephi, yEd and
// NetworkX open. Nodes are n0, n1 ... in g's order, with the attributes
// label (the name), type and iri; edges are e0, e1 ..., with label and
// relation (the relation), negated, confidence (the highest of the
// evidence's), weight and evidence (how many evidence nodes), sentence (the
// first that states it) and document (that sentence's). Every attribute is
// declared in a key.
func WriteGraphML(w io.Writer, g *schema.Subgraph) error {
	if err := checkEdges(g); err != nil {
		return fmt.Errorf("write graphml: %w", err)
	}
	doc := graphML{XMLNS: GraphMLNS, XSI: xsiNS, SchemaLocation: graphMLLocation, Keys: graphMLKeys,
		Graph: graphMLGraph{ID: "kg", EdgeDefault: "directed"}}
	ids := nodeIDs(g)
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, graphMLNode{ID: ids[n.ID], Data: []graphMLData{
			{"label", n.Name}, {"type", n.Type}, {"iri", n.ID},
		}})
	}
	for i, r := range g.Rows() {
		doc.Graph.Edges = append(doc.Graph.Edges, graphMLEdge{
			ID: "e" + strconv.Itoa(i), Source: ids[r.SubjectID], Target: ids[r.ObjectID],
			Data: []graphMLData{
				{"e_label", r.Relation}, {"relation", r.Relation}, {"negated", strconv.FormatBool(r.Negated)},
				{"confidence", formatFloat(r.Confidence)}, {"weight", strconv.Itoa(r.Evidence)},
				{"evidence", strconv.Itoa(r.Evidence)}, {"sentence", r.Sentence}, {"document", r.Document},
			},
		})
	}
	return writeXML(w, doc, "graphml")
}

// nodeIDs numbers the nodes of g, n0, n1 ..., in order: IRIs are no XML
// NMTOKENs, which GraphML's ids are.
func nodeIDs(g *schema.Subgraph) map[string]string {
	ids := make(map[string]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[n.ID] = "n" + strconv.Itoa(i)
	}
	return ids
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// writeXML writes v as an indented XML document.
func writeXML(w io.Writer, v any, format string) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	bw.WriteString("\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	return nil
}
