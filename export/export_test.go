package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

// corpusGraph returns the test corpus's whole graph as the store reads it
// (package graph's TestCorpusFixture keeps the file so).
// The test corpus's organisations.
const (
	commerceID = "kg:entity/commerce_department"
	orbisID    = "kg:entity/orbis_bank"
	zentekID   = "kg:entity/zentek_systems"
)

func corpusGraph(t *testing.T) *schema.Subgraph {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "corpus.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g schema.Subgraph
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return &g
}

func TestRows(t *testing.T) {
	g := corpusGraph(t)
	rows := g.Rows()
	if len(rows) != len(g.Edges) {
		t.Fatalf("got %d rows, want %d", len(rows), len(g.Edges))
	}
	want := schema.FactRow{Subject: "Commerce Department", Relation: "penalize", Object: "Zentek Systems",
		SubjectID: commerceID, ObjectID: zentekID, SubjectType: "ORG", ObjectType: "ORG",
		Confidence: 0.9, Evidence: 2, Sentence: "On 3 May 2021 the Commerce Department penalized Zentek Systems again.",
		Document: "markets.txt"}
	if rows[1] != want {
		t.Errorf("row 1:\ngot  %+v\nwant %+v", rows[1], want)
	}
	if !rows[0].Negated || rows[0].Relation != "fine" {
		t.Errorf("row 0: got %+v, want the negated fine", rows[0])
	}
}

func TestWriteJSONL(t *testing.T) {
	g := corpusGraph(t)
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, g); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(g.Edges) {
		t.Fatalf("got %d lines, want %d", len(lines), len(g.Edges))
	}
	for i, l := range lines {
		var r schema.FactRow
		dec := json.NewDecoder(strings.NewReader(l))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if want := g.Rows()[i]; r != want {
			t.Errorf("line %d: got %+v, want %+v", i+1, r, want)
		}
	}
	if !strings.Contains(buf.String(), `"sentence":"Zentek Systems opened an office in Valoria, its \"second home\"."`) {
		t.Errorf("quotes or HTML escaped wrong:\n%s", buf.String())
	}
}

func TestWriteCSV(t *testing.T) {
	g := corpusGraph(t)
	g.Edges[0].Records[0].Text = "A sentence, with \"quotes\"\nand a line break."
	var buf bytes.Buffer
	if err := WriteCSV(&buf, g); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(g.Edges)+1 || !reflect.DeepEqual(recs[0], CSVHeader) {
		t.Fatalf("got %d records, header %q", len(recs), recs[0])
	}
	col := make(map[string]int)
	for i, h := range recs[0] {
		col[h] = i
	}
	first := recs[1]
	if first[col["Source"]] != commerceID || first[col["Target"]] != orbisID || first[col["relation"]] != "fine" ||
		first[col["negated"]] != "true" || first[col["sentence"]] != g.Edges[0].Records[0].Text {
		t.Errorf("first record: got %q", first)
	}
	if c, err := strconv.ParseFloat(recs[2][col["confidence"]], 64); err != nil || c != 0.9 {
		t.Errorf("confidence of penalize: got %q", recs[2][col["confidence"]])
	}
	buf.Reset()
	if err := WriteNodesCSV(&buf, g); err != nil {
		t.Fatal(err)
	}
	nodes, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != len(g.Nodes)+1 || strings.Join(nodes[0], ",") != "Id,Label,type" || nodes[2][0] != commerceID {
		t.Errorf("nodes table: got %q", nodes)
	}
}

// GraphML's structure, as its schema has it, with the namespace.
type (
	xGraphML struct {
		XMLName        xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		SchemaLocation string   `xml:"http://www.w3.org/2001/XMLSchema-instance schemaLocation,attr"`
		Keys           []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"http://graphml.graphdrawing.org/xmlns key"`
		Graphs []struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string  `xml:"id,attr"`
				Data []xData `xml:"http://graphml.graphdrawing.org/xmlns data"`
			} `xml:"http://graphml.graphdrawing.org/xmlns node"`
			Edges []struct {
				ID     string  `xml:"id,attr"`
				Source string  `xml:"source,attr"`
				Target string  `xml:"target,attr"`
				Data   []xData `xml:"http://graphml.graphdrawing.org/xmlns data"`
			} `xml:"http://graphml.graphdrawing.org/xmlns edge"`
		} `xml:"http://graphml.graphdrawing.org/xmlns graph"`
	}
	xData struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
)

// graphMLTypes are the values of a key's attr.type.
var graphMLTypes = map[string]bool{"boolean": true, "int": true, "long": true, "float": true, "double": true, "string": true}

// gexfTypes are the types of GEXF 1.3's attributes that kg uses, of those the
// schema has.
var gexfTypes = map[string]bool{"boolean": true, "integer": true, "long": true, "float": true, "double": true, "string": true}

// checkValue reports whether v is a value of the GraphML or GEXF type.
func checkValue(typ, v string) bool {
	var err error
	switch typ {
	case "boolean":
		_, err = strconv.ParseBool(v)
		return err == nil && (v == "true" || v == "false")
	case "int", "integer", "long":
		_, err = strconv.ParseInt(v, 10, 64)
	case "float", "double":
		_, err = strconv.ParseFloat(v, 64)
	case "string":
	default:
		return false
	}
	return err == nil
}

// parseGraphML checks b against GraphML's structure and returns, by node
// and edge, its data by attribute name.
func parseGraphML(t *testing.T, b []byte) (nodes, edges []map[string]string, ends [][2]string) {
	t.Helper()
	var doc xGraphML
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, b)
	}
	if !strings.HasPrefix(doc.SchemaLocation, GraphMLNS+" ") {
		t.Errorf("schemaLocation %q", doc.SchemaLocation)
	}
	type key struct{ for_, name, typ string }
	keys := make(map[string]key)
	for _, k := range doc.Keys {
		if _, dup := keys[k.ID]; dup || k.ID == "" {
			t.Errorf("key id %q empty or twice", k.ID)
		}
		if k.For != "node" && k.For != "edge" && k.For != "graph" && k.For != "all" {
			t.Errorf("key %s: for=%q", k.ID, k.For)
		}
		if !graphMLTypes[k.Type] {
			t.Errorf("key %s: attr.type=%q", k.ID, k.Type)
		}
		keys[k.ID] = key{k.For, k.Name, k.Type}
	}
	if len(doc.Graphs) != 1 || doc.Graphs[0].EdgeDefault != "directed" {
		t.Fatalf("want one directed graph, got %d", len(doc.Graphs))
	}
	data := func(kind, id string, ds []xData) map[string]string {
		m := make(map[string]string)
		for _, d := range ds {
			k, ok := keys[d.Key]
			if !ok || (k.for_ != kind && k.for_ != "all") {
				t.Errorf("%s %s: data key %q is not declared for %ss", kind, id, d.Key, kind)
				continue
			}
			if !checkValue(k.typ, d.Value) {
				t.Errorf("%s %s: %s=%q is no %s", kind, id, k.name, d.Value, k.typ)
			}
			m[k.name] = d.Value
		}
		return m
	}
	ids := make(map[string]bool)
	for _, n := range doc.Graphs[0].Nodes {
		if ids[n.ID] || n.ID == "" {
			t.Errorf("node id %q empty or twice", n.ID)
		}
		ids[n.ID] = true
		nodes = append(nodes, data("node", n.ID, n.Data))
	}
	edgeIDs := make(map[string]bool)
	for _, e := range doc.Graphs[0].Edges {
		if edgeIDs[e.ID] || ids[e.ID] || e.ID == "" {
			t.Errorf("edge id %q empty or not unique", e.ID)
		}
		edgeIDs[e.ID] = true
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s: %s -> %s, not both nodes", e.ID, e.Source, e.Target)
		}
		edges = append(edges, data("edge", e.ID, e.Data))
		ends = append(ends, [2]string{e.Source, e.Target})
	}
	return nodes, edges, ends
}

func TestWriteGraphML(t *testing.T) {
	g := corpusGraph(t)
	var buf bytes.Buffer
	if err := WriteGraphML(&buf, g); err != nil {
		t.Fatal(err)
	}
	nodes, edges, _ := parseGraphML(t, buf.Bytes())
	if len(nodes) != len(g.Nodes) || len(edges) != len(g.Edges) {
		t.Fatalf("got %d nodes and %d edges, want %d and %d", len(nodes), len(edges), len(g.Nodes), len(g.Edges))
	}
	if want := map[string]string{"label": "Commerce Department", "type": "ORG", "iri": commerceID}; !reflect.DeepEqual(nodes[1], want) {
		t.Errorf("node 1: got %v, want %v", nodes[1], want)
	}
	want := map[string]string{"label": "penalize", "relation": "penalize", "negated": "false", "confidence": "0.9",
		"weight": "2", "evidence": "2", "sentence": "On 3 May 2021 the Commerce Department penalized Zentek Systems again.",
		"document": "markets.txt"}
	if !reflect.DeepEqual(edges[1], want) {
		t.Errorf("edge 1: got %v, want %v", edges[1], want)
	}
	if edges[0]["negated"] != "true" {
		t.Errorf("edge 0: got %v, want negated", edges[0])
	}

	buf.Reset()
	if err := WriteGraphML(&buf, quotingSubgraph()); err != nil {
		t.Fatal(err)
	}
	nodes, _, _ = parseGraphML(t, buf.Bytes())
	if nodes[0]["label"] != `The "A\B" Group` {
		t.Errorf("quoting: got %q", nodes[0]["label"])
	}
	networkx(t, "graphml", buf.Bytes(), len(quotingSubgraph().Nodes), len(quotingSubgraph().Edges))

	// Two facts between the same entities are two edges.
	g.Edges = append(g.Edges, schema.Edge{From: commerceID, To: zentekID, Relation: "sue", RelationID: "rel:sue"})
	buf.Reset()
	if err := WriteGraphML(&buf, g); err != nil {
		t.Fatal(err)
	}
	_, edges, ends := parseGraphML(t, buf.Bytes())
	if len(edges) != 7 || ends[1] != ends[6] {
		t.Errorf("parallel facts: got %d edges, ends %v", len(edges), ends)
	}
	networkx(t, "graphml", buf.Bytes(), len(g.Nodes), len(g.Edges))
	buf.Reset()
	if err := WriteGEXF(&buf, g); err != nil {
		t.Fatal(err)
	}
	networkx(t, "gexf", buf.Bytes(), len(g.Nodes), len(g.Edges))
}

// GEXF 1.3's structure, as its schema has it, with the namespaces.
type (
	xGEXF struct {
		XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
		Version string   `xml:"version,attr"`
		Graph   struct {
			DefaultEdgeType string `xml:"defaultedgetype,attr"`
			Mode            string `xml:"mode,attr"`
			Attributes      []struct {
				Class      string `xml:"class,attr"`
				Attributes []struct {
					ID    string `xml:"id,attr"`
					Title string `xml:"title,attr"`
					Type  string `xml:"type,attr"`
				} `xml:"http://gexf.net/1.3 attribute"`
			} `xml:"http://gexf.net/1.3 attributes"`
			Nodes []struct {
				ID        string      `xml:"id,attr"`
				Label     string      `xml:"label,attr"`
				AttValues []xAttVal   `xml:"http://gexf.net/1.3 attvalues>attvalue"`
				Colors    []xVizColor `xml:"http://gexf.net/1.3/viz color"`
			} `xml:"http://gexf.net/1.3 nodes>node"`
			Edges []struct {
				ID        string    `xml:"id,attr"`
				Source    string    `xml:"source,attr"`
				Target    string    `xml:"target,attr"`
				Label     string    `xml:"label,attr"`
				Weight    string    `xml:"weight,attr"`
				AttValues []xAttVal `xml:"http://gexf.net/1.3 attvalues>attvalue"`
			} `xml:"http://gexf.net/1.3 edges>edge"`
		} `xml:"http://gexf.net/1.3 graph"`
	}
	xAttVal struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	xVizColor struct {
		R string `xml:"r,attr"`
		G string `xml:"g,attr"`
		B string `xml:"b,attr"`
	}
)

func TestWriteGEXF(t *testing.T) {
	for _, g := range []*schema.Subgraph{corpusGraph(t), quotingSubgraph()} {
		var buf bytes.Buffer
		if err := WriteGEXF(&buf, g); err != nil {
			t.Fatal(err)
		}
		var doc xGEXF
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("GEXF does not parse: %v\n%s", err, buf.Bytes())
		}
		if doc.Version != "1.3" || doc.Graph.DefaultEdgeType != "directed" || doc.Graph.Mode != "static" {
			t.Errorf("gexf version %q, graph %q %q", doc.Version, doc.Graph.DefaultEdgeType, doc.Graph.Mode)
		}
		types := map[string]map[string]string{} // class -> id -> type
		for _, as := range doc.Graph.Attributes {
			if as.Class != "node" && as.Class != "edge" || types[as.Class] != nil {
				t.Errorf("attributes class %q", as.Class)
			}
			types[as.Class] = map[string]string{}
			for _, a := range as.Attributes {
				if _, dup := types[as.Class][a.ID]; dup || a.ID == "" || a.Title == "" || !gexfTypes[a.Type] {
					t.Errorf("%s attribute %+v", as.Class, a)
				}
				types[as.Class][a.ID] = a.Type
			}
		}
		values := func(class, id string, avs []xAttVal) map[string]string {
			m := make(map[string]string)
			for _, av := range avs {
				typ, ok := types[class][av.For]
				if !ok {
					t.Errorf("%s %s: attvalue for undeclared %q", class, id, av.For)
				} else if !checkValue(typ, av.Value) {
					t.Errorf("%s %s: %s=%q is no %s", class, id, av.For, av.Value, typ)
				}
				m[av.For] = av.Value
			}
			return m
		}
		ids := make(map[string]bool)
		for _, n := range doc.Graph.Nodes {
			if ids[n.ID] || n.ID == "" {
				t.Errorf("node id %q empty or twice", n.ID)
			}
			ids[n.ID] = true
			values("node", n.ID, n.AttValues)
			if len(n.Colors) != 1 {
				t.Errorf("node %s: %d viz:color, want 1", n.ID, len(n.Colors))
			}
			for _, c := range n.Colors {
				for _, v := range []string{c.R, c.G, c.B} {
					if x, err := strconv.Atoi(v); err != nil || x < 0 || x > 255 {
						t.Errorf("node %s: viz:color %+v", n, c)
					}
				}
			}
		}
		edgeIDs := make(map[string]bool)
		var edges []map[string]string
		for _, e := range doc.Graph.Edges {
			if edgeIDs[e.ID] || e.ID == "" {
				t.Errorf("edge id %q empty or twice", e.ID)
			}
			edgeIDs[e.ID] = true
			if !ids[e.Source] || !ids[e.Target] {
				t.Errorf("edge %s: %s -> %s, not both nodes", e.ID, e.Source, e.Target)
			}
			if w, err := strconv.ParseFloat(e.Weight, 64); err != nil || w <= 0 {
				t.Errorf("edge %s: weight %q", e.ID, e.Weight)
			}
			edges = append(edges, values("edge", e.ID, e.AttValues))
		}
		if len(doc.Graph.Nodes) != len(g.Nodes) || len(edges) != len(g.Edges) {
			t.Fatalf("got %d nodes, %d edges, want %d and %d", len(doc.Graph.Nodes), len(edges), len(g.Nodes), len(g.Edges))
		}
		for i, r := range g.Rows() {
			if edges[i]["relation"] != r.Relation || edges[i]["sentence"] != xmlSafe(r.Sentence) ||
				edges[i]["negated"] != strconv.FormatBool(r.Negated) || doc.Graph.Edges[i].Label != r.Relation {
				t.Errorf("edge %d: got %v, want %+v", i, edges[i], r)
			}
		}
		networkx(t, "gexf", buf.Bytes(), len(g.Nodes), len(g.Edges))
	}
}

// networkx has Python's NetworkX read the file, where it is installed, and
// checks the numbers of nodes and edges it finds.
func networkx(t *testing.T, format string, b []byte, nodes, edges int) {
	t.Helper()
	if err := exec.Command("python3", "-c", "import networkx").Run(); err != nil {
		t.Logf("no python3 with networkx: %s not read by NetworkX", format)
		return
	}
	path := filepath.Join(t.TempDir(), "g."+format)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	script := `import sys, networkx as nx
g = nx.read_graphml(sys.argv[1]) if sys.argv[2] == "graphml" else nx.read_gexf(sys.argv[1], version="1.3")
print(g.number_of_nodes(), g.number_of_edges())`
	out, err := exec.Command("python3", "-c", script, path, format).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx cannot read the %s: %v\n%s", format, err, out)
	}
	if got, want := strings.TrimSpace(string(out)), strconv.Itoa(nodes)+" "+strconv.Itoa(edges); got != want {
		t.Errorf("networkx reads %s nodes and edges, want %s", got, want)
	}
}

// FuzzWriteXML writes a graph with arbitrary names as GraphML and GEXF: each
// is well-formed XML that an XML parser reads back, names intact but for the
// characters XML cannot hold.
func FuzzWriteXML(f *testing.F) {
	for _, s := range []string{"plain", `a "quoted" <b> & 'c'`, "two\r\nlines\ttab", "\xff\x00\x1b", "]]>", "\uFFFE\U0001F600"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, name, sentence string) {
		g := &schema.Subgraph{
			Nodes: []schema.Node{{ID: "kg:entity/" + name, Name: name, Type: name}, {ID: "x", Name: "x"}},
			Edges: []schema.Edge{{From: "kg:entity/" + name, To: "x", Relation: name, Evidence: []string{sentence}}},
		}
		var buf bytes.Buffer
		if err := WriteGraphML(&buf, g); err != nil {
			t.Fatal(err)
		}
		nodes, edges, _ := parseGraphML(t, buf.Bytes())
		if len(nodes) != 2 || len(edges) != 1 {
			t.Fatalf("GraphML of %q: %d nodes, %d edges", name, len(nodes), len(edges))
		}
		if want := xmlSafe(name); nodes[0]["label"] != want || edges[0]["sentence"] != xmlSafe(sentence) {
			t.Errorf("GraphML: got %q, %q; want %q, %q", nodes[0]["label"], edges[0]["sentence"], want, xmlSafe(sentence))
		}
		buf.Reset()
		if err := WriteGEXF(&buf, g); err != nil {
			t.Fatal(err)
		}
		var doc xGEXF
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("GEXF of %q does not parse: %v", name, err)
		}
		if len(doc.Graph.Nodes) != 2 || doc.Graph.Nodes[0].Label != xmlSafe(name) {
			t.Errorf("GEXF: got %+v, want the label %q", doc.Graph.Nodes, xmlSafe(name))
		}
	})
}

// xmlSafe is s as encoding/xml writes it: each byte of invalid UTF-8 and
// each character outside XML's Char production becomes U+FFFD. (Line breaks
// stay: encoding/xml escapes \r, which a parser would otherwise read as \n.)
func xmlSafe(s string) string {
	var b strings.Builder
	for _, r := range s { // an invalid byte is a U+FFFD each
		if r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			b.WriteRune(r)
		} else {
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}
