package gold

import (
	"errors"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

const sample = `# a comment
node | Treasury Department | ORG | U.S. Treasury Department; Treasury
node | Volkov Shipping | ORG
node | Helen Marsh | PERSON | Marsh
node | crude oil | CONCEPT
edge | Treasury Department | sanction; impose sanctions on | Volkov Shipping
edge | Helen Marsh | secretary of | Treasury Department
edge | Volkov Shipping | carry | crude oil | negated
`

func TestRead(t *testing.T) {
	g, err := Read(strings.NewReader(sample), "s.gold")
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 4 || len(g.Edges) != 3 {
		t.Fatalf("got %d nodes, %d edges, want 4, 3", len(g.Nodes), len(g.Edges))
	}
	if got := g.Nodes[0].Aliases; len(got) != 2 || got[1] != "Treasury" {
		t.Errorf("got aliases %q, want [U.S. Treasury Department Treasury]", got)
	}
	if e := g.Edges[0]; len(e.Relations) != 2 || e.Relations[1] != "impose sanctions on" || e.Negated {
		t.Errorf("got edge %+v", e)
	}
	if !g.Edges[2].Negated {
		t.Errorf("the third edge is negated")
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"unknown line", "node | A | ORG\nfact | A | be | A\n", "x.gold:2:"},
		{"edge before its node", "node | A | ORG\nedge | A | like | B\n", "x.gold:2:"},
		{"node without type", "node | A\n", "x.gold:1:"},
		{"node twice", "node | A | ORG\nnode | a | ORG\n", "x.gold:2:"},
		{"bad negation", "node | A | ORG\nedge | A | like | A | maybe\n", "x.gold:2:"},
		{"empty", "# nothing\n", "x.gold: bad gold graph: no nodes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.text), "x.gold")
			if err == nil || !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an ErrSyntax naming %q", err, tc.want)
			}
		})
	}
}

func fact(s, st, rel, o, ot string, neg bool) schema.Fact {
	f := schema.Fact{Subject: s, SubjectType: st, Relation: rel, Object: o, ObjectType: ot, Negated: neg}
	if s != "" {
		f.SubjectID = schema.EntityID(s)
	}
	if o != "" && !schema.IsValue(ot) {
		f.ObjectID = schema.EntityID(o)
	}
	return f
}

func TestScore(t *testing.T) {
	g, err := Read(strings.NewReader(sample), "s.gold")
	if err != nil {
		t.Fatal(err)
	}
	facts := []schema.Fact{
		fact("Treasury", "ORG", "sanction", "Volkov Shipping", "", false),            // right, through an alias; Volkov untyped
		fact("Marsh", "PERSON", "secretary of", "Treasury Department", "ORG", false), // right; second nodes for Marsh and the department
		fact("Volkov Shipping", "", "carry", "crude oil", "CONCEPT", false),          // negation differs: wrong
		fact("Helen Marsh", "PERSON", "say", "way", "", false),                       // "way" is no gold node
		fact("Volkov Shipping", "", "pay", "$5 million", "MONEY", false),             // a value: no edge
	}
	c := g.Score(facts)
	want := Counts{
		Nodes: 7, NodesRight: 4, Duplicates: 2, GoldNodes: 4, GoldNodesFound: 4,
		Named: 6, NamedRight: 3, GoldNamed: 3, NamedFound: 3, Typed: 2,
		Edges: 4, EdgesRight: 2, GoldEdges: 3, GoldEdgesFound: 2,
	}
	if c != want {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
	f := c.Figures()
	if f.NodePrecision != 4.0/7 || f.EdgeRecall != 2.0/3 || f.Typing != 2.0/3 {
		t.Errorf("got figures %+v", f)
	}
}
