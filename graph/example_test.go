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
	if _, err := s.LoadDocument(ctx, graph.Document{Name: "port.txt", Facts: []schema.Fact{fact}}); err != nil {
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
	// 22 quads, 2 entities, 1 facts
	// Harbor Authority fine Blue Tug Co
}

func ExampleStore_Support() {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Backend: graph.Memory})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	fact := func(doc, sentence string, negated bool) schema.Fact {
		return schema.Fact{
			Subject: "Harbor Authority", SubjectID: schema.EntityID("Harbor Authority"), Relation: "fine",
			Object: "Blue Tug Co", ObjectID: schema.EntityID("Blue Tug Co"), Negated: negated, Confidence: 0.8,
			Doc: doc, Sentence: sentence, SentenceEnd: len(sentence),
		}
	}
	for _, d := range []graph.Document{
		{Name: "port.txt", Facts: []schema.Fact{fact("port.txt", "The Harbor Authority fined Blue Tug Co.", false)}},
		{Name: "tug.txt", Facts: []schema.Fact{fact("tug.txt", "The Harbor Authority did not fine Blue Tug Co.", true)}},
	} {
		if _, err := s.LoadDocument(ctx, d); err != nil {
			log.Fatal(err)
		}
	}
	sup, err := s.Support(ctx, "Harbor Authority", "fine", "Blue Tug Co")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d sentences in %d documents: %d assert, %d deny\n", sup.Sentences, sup.Documents, sup.Asserted, sup.Negated)
	for _, e := range sup.Evidence {
		fmt.Printf("%s [%d:%d] negated=%v %q\n", e.Document, e.Start, e.End, e.Negated, e.Text)
	}
	// Output:
	// 2 sentences in 2 documents: 1 assert, 1 deny
	// port.txt [0:39] negated=false "The Harbor Authority fined Blue Tug Co."
	// tug.txt [0:46] negated=true "The Harbor Authority did not fine Blue Tug Co."
}
