package graph

import (
	"cmp"
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/kgraph/kg/schema"
)

// Nodes and edges of the test corpus.
var (
	nodeDollars  = schema.Node{ID: "kg:entity/usd_5_million", Name: "$5 million", Type: schema.Money}
	nodeCommerce = schema.Node{ID: "kg:entity/commerce_department", Name: "Commerce Department", Type: schema.Org}
	nodeLopez    = schema.Node{ID: "kg:entity/maria_lopez", Name: "Maria Lopez", Type: schema.Person}
	nodeOrbis    = schema.Node{ID: "kg:entity/orbis_bank", Name: "Orbis Bank", Type: schema.Org}
	nodeValoria  = schema.Node{ID: "kg:entity/valoria", Name: "Valoria", Type: schema.GPE}
	nodeZentek   = schema.Node{ID: "kg:entity/zentek_systems", Name: "Zentek Systems", Type: schema.Org}

	edgeFine = withRecords(schema.Edge{From: nodeCommerce.ID, To: nodeOrbis.ID, Relation: "fine", RelationID: "rel:fine",
		Negated: true, Confidence: 0.7, Evidence: []string{"The Commerce Department did not fine Orbis Bank."}})
	edgePenalize = withRecords(schema.Edge{From: nodeCommerce.ID, To: nodeZentek.ID, Relation: "penalize", RelationID: "rel:penalize",
		Confidence: 0.9, Evidence: []string{ // the higher of 0.9 and 0.85
			"In April, the Commerce Department penalized Zentek Systems.",
			"On 3 May 2021 the Commerce Department penalized Zentek Systems again.",
		}})
	edgeLead = withRecords(schema.Edge{From: nodeLopez.ID, To: nodeCommerce.ID, Relation: "lead", RelationID: "rel:lead",
		Confidence: 0.8, Evidence: []string{"Maria Lopez leads the Commerce Department."}})
	edgeRegulate = withRecords(schema.Edge{From: nodeValoria.ID, To: nodeOrbis.ID, Relation: "regulate", RelationID: "rel:regulate",
		Confidence: 0.65, Evidence: []string{"Valoria regulates Orbis Bank."}})
	edgeOffice = withRecords(schema.Edge{From: nodeZentek.ID, To: nodeValoria.ID, Relation: "open office in", RelationID: "rel:open_office_in",
		Confidence: 0.75, Evidence: []string{`Zentek Systems opened an office in Valoria, its "second home".`}})
	edgePay = withRecords(schema.Edge{From: nodeZentek.ID, To: nodeDollars.ID, Relation: "pay", RelationID: "rel:pay",
		Confidence: 0.6, Evidence: []string{"Zentek Systems paid $5 million."}})
)

// withRecords gives e the evidence records of its facts in testFacts, in
// document and sentence order.
func withRecords(e schema.Edge) schema.Edge {
	e.Records = []schema.EvidenceRecord{}
	for _, f := range testFacts() {
		if f.SubjectID == e.From && f.RelationID() == e.RelationID && f.ObjectID == e.To {
			e.Records = append(e.Records, schema.EvidenceRecord{ID: f.EvidenceID(), Document: f.Doc, SentenceIndex: f.SentenceIndex,
				Text: f.Sentence, Negated: f.Negated, Confidence: f.Confidence})
		}
	}
	slices.SortFunc(e.Records, func(a, b schema.EvidenceRecord) int {
		return cmp.Or(cmp.Compare(a.Document, b.Document), cmp.Compare(a.SentenceIndex, b.SentenceIndex))
	})
	return e
}

// wholeGraph is the Subgraph of the whole test corpus.
var wholeGraph = schema.Subgraph{
	Nodes: []schema.Node{nodeDollars, nodeCommerce, nodeLopez, nodeOrbis, nodeValoria, nodeZentek},
	Edges: []schema.Edge{edgeFine, edgePenalize, edgeLead, edgeRegulate, edgeOffice, edgePay},
}

func TestSubgraph(t *testing.T) {
	tests := []struct {
		name  string
		focus string
		depth int
		want  schema.Subgraph
	}{
		{"whole graph", "", 0, wholeGraph},
		{"whole graph, depth ignored", "", 1, wholeGraph},
		{"depth 0", "Maria Lopez", 0, schema.Subgraph{Nodes: []schema.Node{nodeLopez}, Edges: []schema.Edge{}}},
		{"depth 1, out", "Maria Lopez", 1, schema.Subgraph{Nodes: []schema.Node{nodeCommerce, nodeLopez}, Edges: []schema.Edge{edgeLead}}},
		{"depth 2, both ways", "Maria Lopez", 2, schema.Subgraph{
			Nodes: []schema.Node{nodeCommerce, nodeLopez, nodeOrbis, nodeZentek},
			Edges: []schema.Edge{edgeFine, edgePenalize, edgeLead},
		}},
		{"depth 1, in and out", "Valoria", 1, schema.Subgraph{
			Nodes: []schema.Node{nodeOrbis, nodeValoria, nodeZentek},
			Edges: []schema.Edge{edgeRegulate, edgeOffice},
		}},
		{"depth beyond the graph", "Valoria", 10, wholeGraph},
		{"case and spacing", "  valoria ", 1, schema.Subgraph{
			Nodes: []schema.Node{nodeOrbis, nodeValoria, nodeZentek},
			Edges: []schema.Edge{edgeRegulate, edgeOffice},
		}},
		{"symbols", "$5 Million", 1, schema.Subgraph{Nodes: []schema.Node{nodeDollars, nodeZentek}, Edges: []schema.Edge{edgePay}}},
	}
	loaded(t, func(t *testing.T, s *Store) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.Subgraph(context.Background(), tt.focus, tt.depth)
				if err != nil {
					t.Fatalf("Subgraph(%q, %d): %v", tt.focus, tt.depth, err)
				}
				if !reflect.DeepEqual(*got, tt.want) {
					t.Errorf("Subgraph(%q, %d):\ngot  %+v\nwant %+v", tt.focus, tt.depth, *got, tt.want)
				}
			})
		}
	})
}

func TestSubgraphErrors(t *testing.T) {
	loaded(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		_, err := s.Subgraph(ctx, "Nobody Inc", 1)
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown focus: got %v, want ErrNotFound", err)
		}
		if want := `subgraph: entity "Nobody Inc" not found`; err == nil || err.Error() != want {
			t.Errorf("unknown focus: got %q, want %q", errString(err), want)
		}
		// A name that is not an entity's.
		if _, err := s.Subgraph(ctx, "trade.txt", 1); !errors.Is(err, ErrNotFound) {
			t.Errorf("document as focus: got %v, want ErrNotFound", err)
		}
		if _, err := s.Subgraph(ctx, "Valoria", -1); err == nil {
			t.Error("negative depth: got no error")
		}
	})
}

// TestSubgraphFoldedName finds an entity whose ID is not derived from its
// name, by its name in another case.
func TestSubgraphFoldedName(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		f := schema.Fact{
			Subject: "Ümlaut Works", SubjectID: "kg:entity/q42", Relation: "hire", Object: "Jo Park", ObjectType: schema.Person,
			ObjectID: schema.EntityID("Jo Park"),
			Doc:      "x.txt", Sentence: "Ümlaut Works hired Jo Park.", Confidence: 1,
		}
		if err := storeFacts(ctx, s, nil, []schema.Fact{f}); err != nil {
			t.Fatal(err)
		}
		g, err := s.Subgraph(ctx, "ümlaut WORKS", 0)
		if err != nil {
			t.Fatal(err)
		}
		want := []schema.Node{{ID: "kg:entity/q42", Name: "Ümlaut Works"}}
		if !reflect.DeepEqual(g.Nodes, want) {
			t.Errorf("Nodes: got %+v, want %+v", g.Nodes, want)
		}
	})
}

func TestSelect(t *testing.T) {
	fact := func(e schema.Edge) FactKey { return FactKey{From: e.From, RelationID: e.RelationID, To: e.To} }
	nodes := func(ns ...schema.Node) []schema.Node { return append([]schema.Node{}, ns...) }
	edges := func(es ...schema.Edge) []schema.Edge { return append([]schema.Edge{}, es...) }
	tests := []struct {
		name string
		opts SubgraphOptions
		want schema.Subgraph
	}{
		{"relation", SubgraphOptions{Relations: []string{"penalize"}},
			schema.Subgraph{Nodes: nodes(nodeCommerce, nodeZentek), Edges: edges(edgePenalize)}},
		{"relations folded", SubgraphOptions{Relations: []string{"Penalize", " FINE"}},
			schema.Subgraph{Nodes: nodes(nodeCommerce, nodeOrbis, nodeZentek), Edges: edges(edgeFine, edgePenalize)}},
		{"relation of several words", SubgraphOptions{Relations: []string{"open-office in"}},
			schema.Subgraph{Nodes: nodes(nodeValoria, nodeZentek), Edges: edges(edgeOffice)}},
		{"type", SubgraphOptions{Types: []string{"ORG"}},
			schema.Subgraph{Nodes: nodes(nodeCommerce, nodeOrbis, nodeZentek), Edges: edges(edgeFine, edgePenalize)}},
		{"types folded", SubgraphOptions{Types: []string{"org", "Gpe"}},
			schema.Subgraph{Nodes: nodes(nodeCommerce, nodeOrbis, nodeValoria, nodeZentek), Edges: edges(edgeFine, edgePenalize, edgeRegulate, edgeOffice)}},
		{"type nobody has", SubgraphOptions{Types: []string{"DATE"}}, schema.Subgraph{Nodes: nodes(), Edges: edges()}},
		{"min confidence", SubgraphOptions{MinConfidence: 0.8},
			schema.Subgraph{Nodes: nodes(nodeCommerce, nodeLopez, nodeZentek), Edges: edges(edgePenalize, edgeLead)}},
		{"min confidence is the best evidence's", SubgraphOptions{MinConfidence: 0.86},
			schema.Subgraph{Nodes: nodes(nodeCommerce, nodeZentek), Edges: edges(edgePenalize)}},
		{"focus through filtered facts", SubgraphOptions{Focus: "Valoria", Depth: 2, Relations: []string{"regulate", "fine"}},
			schema.Subgraph{Nodes: nodes(nodeCommerce, nodeOrbis, nodeValoria), Edges: edges(edgeFine, edgeRegulate)}},
		{"focus keeps its type", SubgraphOptions{Focus: "Maria Lopez", Depth: 2, Types: []string{"ORG"}},
			schema.Subgraph{Nodes: nodes(nodeCommerce, nodeLopez, nodeOrbis, nodeZentek), Edges: edges(edgeFine, edgePenalize, edgeLead)}},
		{"focus through confident facts", SubgraphOptions{Focus: "Valoria", Depth: 2, MinConfidence: 0.7},
			schema.Subgraph{Nodes: nodes(nodeCommerce, nodeValoria, nodeZentek), Edges: edges(edgePenalize, edgeOffice)}},
		{"focus alone", SubgraphOptions{Focus: "Maria Lopez", Depth: 3, Relations: []string{"pay"}},
			schema.Subgraph{Nodes: nodes(nodeLopez), Edges: edges()}},
		{"nodes", SubgraphOptions{Nodes: []string{nodeLopez.ID, nodeCommerce.ID, nodeZentek.ID}},
			schema.Subgraph{Nodes: nodes(nodeCommerce, nodeLopez, nodeZentek), Edges: edges(edgePenalize, edgeLead)}},
		{"nodes and facts, as of a path", SubgraphOptions{
			Nodes: []string{nodeLopez.ID, nodeCommerce.ID, nodeOrbis.ID, nodeZentek.ID},
			Facts: []FactKey{fact(edgeLead), fact(edgeFine)}},
			schema.Subgraph{Nodes: nodes(nodeCommerce, nodeLopez, nodeOrbis), Edges: edges(edgeFine, edgeLead)}},
		{"focus within nodes", SubgraphOptions{Focus: "Zentek Systems", Depth: 5, Nodes: []string{nodeZentek.ID, nodeValoria.ID, nodeDollars.ID}},
			schema.Subgraph{Nodes: nodes(nodeDollars, nodeValoria, nodeZentek), Edges: edges(edgeOffice, edgePay)}},
		{"everything passes", SubgraphOptions{MinConfidence: 0.5, Types: []string{"ORG", "PERSON", "GPE", "MONEY"}}, wholeGraph},
	}
	loaded(t, func(t *testing.T, s *Store) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.Select(context.Background(), tt.opts)
				if err != nil {
					t.Fatalf("Select(%+v): %v", tt.opts, err)
				}
				if !reflect.DeepEqual(*got, tt.want) {
					t.Errorf("Select(%+v):\ngot  %+v\nwant %+v", tt.opts, names(got), names(&tt.want))
				}
			})
		}
	})
}

// names shortens a subgraph to its node names and edges' relations, for
// messages.
func names(g *schema.Subgraph) []string {
	var out []string
	for _, n := range g.Nodes {
		out = append(out, n.Name)
	}
	for _, e := range g.Edges {
		out = append(out, e.From+" "+e.Relation+" "+e.To)
	}
	return out
}
