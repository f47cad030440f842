package graph

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/kgraph/kg/schema"
)

// Nodes and edges of the test corpus.
var (
	nodeDollars  = Node{ID: "kg:entity/usd_5_million", Name: "$5 million", Type: schema.Money}
	nodeCommerce = Node{ID: "kg:entity/commerce_department", Name: "Commerce Department", Type: schema.Org}
	nodeLopez    = Node{ID: "kg:entity/maria_lopez", Name: "Maria Lopez", Type: schema.Person}
	nodeOrbis    = Node{ID: "kg:entity/orbis_bank", Name: "Orbis Bank", Type: schema.Org}
	nodeValoria  = Node{ID: "kg:entity/valoria", Name: "Valoria", Type: schema.GPE}
	nodeZentek   = Node{ID: "kg:entity/zentek_systems", Name: "Zentek Systems", Type: schema.Org}

	edgeFine = Edge{From: nodeCommerce.ID, To: nodeOrbis.ID, Relation: "fine", Negated: true,
		Evidence: []string{"The Commerce Department did not fine Orbis Bank."}}
	edgePenalize = Edge{From: nodeCommerce.ID, To: nodeZentek.ID, Relation: "penalize", Evidence: []string{
		"In April, the Commerce Department penalized Zentek Systems.",
		"On 3 May 2021 the Commerce Department penalized Zentek Systems again.",
	}}
	edgeLead     = Edge{From: nodeLopez.ID, To: nodeCommerce.ID, Relation: "lead", Evidence: []string{"Maria Lopez leads the Commerce Department."}}
	edgeRegulate = Edge{From: nodeValoria.ID, To: nodeOrbis.ID, Relation: "regulate", Evidence: []string{"Valoria regulates Orbis Bank."}}
	edgeOffice   = Edge{From: nodeZentek.ID, To: nodeValoria.ID, Relation: "open office in",
		Evidence: []string{`Zentek Systems opened an office in Valoria, its "second home".`}}
	edgePay = Edge{From: nodeZentek.ID, To: nodeDollars.ID, Relation: "pay", Evidence: []string{"Zentek Systems paid $5 million."}}
)

// wholeGraph is the Subgraph of the whole test corpus.
var wholeGraph = Subgraph{
	Nodes: []Node{nodeDollars, nodeCommerce, nodeLopez, nodeOrbis, nodeValoria, nodeZentek},
	Edges: []Edge{edgeFine, edgePenalize, edgeLead, edgeRegulate, edgeOffice, edgePay},
}

func TestSubgraph(t *testing.T) {
	tests := []struct {
		name  string
		focus string
		depth int
		want  Subgraph
	}{
		{"whole graph", "", 0, wholeGraph},
		{"whole graph, depth ignored", "", 1, wholeGraph},
		{"depth 0", "Maria Lopez", 0, Subgraph{Nodes: []Node{nodeLopez}, Edges: []Edge{}}},
		{"depth 1, out", "Maria Lopez", 1, Subgraph{Nodes: []Node{nodeCommerce, nodeLopez}, Edges: []Edge{edgeLead}}},
		{"depth 2, both ways", "Maria Lopez", 2, Subgraph{
			Nodes: []Node{nodeCommerce, nodeLopez, nodeOrbis, nodeZentek},
			Edges: []Edge{edgeFine, edgePenalize, edgeLead},
		}},
		{"depth 1, in and out", "Valoria", 1, Subgraph{
			Nodes: []Node{nodeOrbis, nodeValoria, nodeZentek},
			Edges: []Edge{edgeRegulate, edgeOffice},
		}},
		{"depth beyond the graph", "Valoria", 10, wholeGraph},
		{"case and spacing", "  valoria ", 1, Subgraph{
			Nodes: []Node{nodeOrbis, nodeValoria, nodeZentek},
			Edges: []Edge{edgeRegulate, edgeOffice},
		}},
		{"symbols", "$5 Million", 1, Subgraph{Nodes: []Node{nodeDollars, nodeZentek}, Edges: []Edge{edgePay}}},
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
		if err := s.Load(ctx, nil, []schema.Fact{f}); err != nil {
			t.Fatal(err)
		}
		g, err := s.Subgraph(ctx, "ümlaut WORKS", 0)
		if err != nil {
			t.Fatal(err)
		}
		want := []Node{{ID: "kg:entity/q42", Name: "Ümlaut Works"}}
		if !reflect.DeepEqual(g.Nodes, want) {
			t.Errorf("Nodes: got %+v, want %+v", g.Nodes, want)
		}
	})
}
