package graph

import (
	"context"
	"fmt"
	"testing"

	"golang.org/x/sync/errgroup"

	"github.com/kgraph/kg/schema"
)

// sharedDocs returns n documents whose facts share a few entities and
// relations, so that writers of different documents write the same nodes.
func sharedDocs(n int, version string) []Document {
	names := []string{"Commerce Department", "Zentek Systems", "Orbis Bank", "Valoria", "Maria Lopez"}
	verbs := []string{"penalize", "fine", "sue", "regulate"}
	docs := make([]Document, n)
	for d := range docs {
		name := fmt.Sprintf("doc%02d.txt", d)
		docs[d] = Document{Name: name, Hash: name + version}
		for i := range 12 {
			s, o := names[(d+i)%len(names)], names[(d+2*i+1)%len(names)]
			if i%4 == 3 {
				o = fmt.Sprintf("Company %d", d) // and one entity of its own
			}
			docs[d].Facts = append(docs[d].Facts, schema.Fact{
				Subject: s, SubjectID: schema.EntityID(s), Relation: verbs[i%len(verbs)],
				Object: o, ObjectID: schema.EntityID(o), Confidence: 0.5,
				Doc: name, SentenceIndex: i, Sentence: fmt.Sprintf("%s %s %s (%s).", s, verbs[i%len(verbs)], o, version),
			})
		}
	}
	return docs
}

// TestConcurrentWriters has two Stores on one PostgreSQL database, as two kg
// processes would, load, replace and remove different documents at the same
// time; the result must be what doing the same one after the other gives.
func TestConcurrentWriters(t *testing.T) {
	u := testPostgres(t)
	ctx := context.Background()
	stores := []*Store{
		openTest(t, Options{Backend: Postgres, Path: u, Create: true}),
		openTest(t, Options{Backend: Postgres, Path: u, Create: true}),
	}
	v1, v2 := sharedDocs(40, "v1"), sharedDocs(40, "v2")
	// Each writer's share: the even or the odd documents.
	var g errgroup.Group
	for w, s := range stores {
		g.Go(func() error {
			for i := w; i < len(v1); i += 2 {
				if _, err := s.LoadDocument(ctx, v1[i]); err != nil {
					return err
				}
			}
			for i := w; i < len(v1); i += 2 {
				switch i % 5 {
				case 0:
					if err := s.Remove(ctx, v1[i].Name); err != nil {
						return err
					}
				case 1, 2:
					if _, err := s.LoadDocument(ctx, v2[i]); err != nil {
						return err
					}
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}

	want := openTest(t, Options{Backend: Memory})
	for i := range v1 {
		switch i % 5 {
		case 0:
		case 1, 2:
			loadDocs(t, want, Added, v2[i])
		default:
			loadDocs(t, want, Added, v1[i])
		}
	}
	sameQuads(t, "two writers", stores[0], want)
	if problems, err := stores[1].Verify(ctx); err != nil || len(problems) > 0 {
		t.Errorf("Verify: %v, %q", err, problems)
	}
}
