package graph_test

import (
	"context"
	"fmt"
	"log"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

func Example() {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Backend: graph.Memory})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	fact := schema.Fact{
		Subject: "Harbor Authority", SubjectType: schema.Org, SubjectID: schema.EntityID("Harbor Authority"),
		Relation: "fine",
		Object:   "Blue Tug Co", ObjectType: schema.Org, ObjectID: schema.EntityID("Blue Tug Co"),
		Doc: "port.txt", SentenceIndex: 0, Sentence: "The Harbor Authority fined Blue Tug Co.",
		Confidence: 0.9,
	}
	if err := s.Load(ctx, []string{"port.txt"}, []schema.Fact{fact}); err != nil {
		log.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d quads, %d entities, %d facts\n", st.Quads, st.Entities, st.Facts)

	res, err := s.Query(ctx, `g.V().Has("<kg:name>", "Harbor Authority").In("<kg:subject>")
		.Save("<kg:relation>", "relation").Out("<kg:object>").Out("<kg:name>").All()`, 0)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range res {
		m := r.(map[string]any)
		fmt.Println("Harbor Authority", m["relation"], m["id"])
	}
	// Output:
	// 21 quads, 2 entities, 1 facts
	// Harbor Authority fine Blue Tug Co
}
