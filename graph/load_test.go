package graph

import (
	"context"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// TestLoadAllOrNothing: a document with one bad fact is refused whole,
// before the store is touched.
func TestLoadAllOrNothing(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		docs := testDocuments(testFacts())
		docs[0].Facts[1].Relation = " "
		_, err := s.LoadDocument(ctx, docs[0])
		if err == nil || !strings.Contains(err.Error(), "fact 1: empty relation") {
			t.Errorf("LoadDocument with a bad fact: got %v, want an error about fact 1", err)
		}
		got, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got != (Stats{}) {
			t.Errorf("Stats after a failed load: got %+v, want nothing", got)
		}
	})
}

// TestLoadDocumentsOnly: a document without facts is stored as a document.
func TestLoadDocumentsOnly(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		for _, name := range []string{"a.txt", "b.txt", "a.txt"} {
			if _, err := s.LoadDocument(ctx, Document{Name: name, Hash: "sha256:" + name}); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// type, name, evidence count and hash of each
		if want := (Stats{Quads: 8, Documents: 2}); got != want {
			t.Errorf("Stats: got %+v, want %+v", got, want)
		}
	})
}

func TestLoadCancelled(t *testing.T) {
	s := openTest(t, Options{Backend: Memory})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.LoadDocument(ctx, testDocuments(testFacts())[0]); err == nil {
		t.Error("LoadDocument with a cancelled context: got no error")
	}
	if got, err := s.Stats(context.Background()); err != nil || got != (Stats{}) {
		t.Errorf("Stats after a cancelled load: got %+v, %v, want nothing", got, err)
	}
}

func TestCheckFact(t *testing.T) {
	good := testFacts()[0]
	tests := []struct {
		name string
		edit func(f *schema.Fact)
		want string // error; "" for none
	}{
		{"good", func(f *schema.Fact) {}, ""},
		{"no subject", func(f *schema.Fact) { f.Subject = "" }, "empty subject"},
		{"no object", func(f *schema.Fact) { f.Object = "\t" }, "empty object"},
		{"no doc", func(f *schema.Fact) { f.Doc = "" }, "empty doc"},
		{"negative index", func(f *schema.Fact) { f.SentenceIndex = -1 }, "negative sentence index -1"},
		{"NaN", func(f *schema.Fact) { f.Confidence = zero / zero }, "confidence NaN is not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := good
			tt.edit(&f)
			err := checkFact(&f)
			if got := errString(err); got != tt.want {
				t.Fatalf("checkFact: got error %q, want %q", got, tt.want)
			}
		})
	}
}

var zero float64 // a variable, so that 0/0 is not a constant expression

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestLoadQuadsVotes checks that one load gives each node one name and one
// type: the most frequent, ties broken alphabetically.
func TestLoadQuadsVotes(t *testing.T) {
	fact := func(subjType, obj, objType string, i int) schema.Fact {
		return schema.Fact{
			Subject: "Acme", SubjectType: subjType, Relation: "buy", Object: obj, ObjectType: objType,
			SubjectID: schema.EntityID("Acme"), ObjectID: schema.EntityID(obj),
			Doc: "d.txt", SentenceIndex: i, Sentence: "Acme bought it.", Confidence: 0.5,
		}
	}
	tests := []struct {
		name     string
		facts    []schema.Fact
		wantType string // of Acme; "" for no kg:type quad
		wantName string // of Acme
	}{
		{"one", []schema.Fact{fact(schema.Org, "Bolt", "", 0)}, schema.Org, "Acme"},
		{"majority", []schema.Fact{fact(schema.Org, "B", "", 0), fact(schema.GPE, "C", "", 1), fact(schema.Org, "D", "", 2)}, schema.Org, "Acme"},
		{"tie", []schema.Fact{fact(schema.Org, "B", "", 0), fact(schema.GPE, "C", "", 1)}, schema.GPE, "Acme"},
		{"empty ignored", []schema.Fact{fact("", "B", "", 0), fact("", "C", "", 1), fact(schema.Person, "D", "", 2)}, schema.Person, "Acme"},
		{"none", []schema.Fact{fact("", "B", "", 0)}, "", "Acme"},
		{"as object too", []schema.Fact{fact("", "B", "", 0), {
			Subject: "Bolt", Relation: "sue", Object: "ACME", ObjectType: schema.Org,
			SubjectID: schema.EntityID("Bolt"), ObjectID: schema.EntityID("ACME"),
			Doc: "d.txt", SentenceIndex: 3, Confidence: 0.5,
		}}, schema.Org, "ACME"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			quads, err := loadQuads(nil, tt.facts)
			if err != nil {
				t.Fatal(err)
			}
			acme := quad.IRI(schema.EntityID("Acme"))
			var types, names []quad.Value
			seen := make(map[quad.Quad]bool)
			for _, q := range quads {
				if seen[q] {
					t.Errorf("quad %v written twice", q)
				}
				seen[q] = true
				if q.Subject != acme {
					continue
				}
				switch q.Predicate {
				case quad.IRI(schema.Type):
					types = append(types, q.Object)
				case quad.IRI(schema.Name):
					names = append(names, q.Object)
				}
			}
			var wantTypes []quad.Value
			if tt.wantType != "" {
				wantTypes = []quad.Value{quad.String(tt.wantType)}
			}
			if !equalValues(types, wantTypes) {
				t.Errorf("kg:type of Acme: got %v, want %v", types, wantTypes)
			}
			if want := []quad.Value{quad.String(tt.wantName)}; !equalValues(names, want) {
				t.Errorf("kg:name of Acme: got %v, want %v", names, want)
			}
		})
	}
}

func equalValues(a, b []quad.Value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestLoadQuadsEvidence checks the quads of one fact against package schema's
// description, and that a fact read twice from one sentence keeps its surer
// reading.
func TestLoadQuadsEvidence(t *testing.T) {
	f := testFacts()[1]
	twice := f
	twice.Confidence = 0.95
	for _, facts := range [][]schema.Fact{{f, twice}, {twice, f}} {
		quads, err := loadQuads(nil, facts)
		if err != nil {
			t.Fatal(err)
		}
		ev, cd, ob := quad.IRI(f.EvidenceID()), quad.IRI(f.SubjectID), quad.IRI(f.ObjectID)
		rel, doc := quad.IRI(f.RelationID()), quad.IRI(schema.DocumentID(f.Doc))
		iri := func(s string) quad.Value { return quad.IRI(s) }
		want := []quad.Quad{
			{Subject: cd, Predicate: rel, Object: ob, Label: ev},
			{Subject: cd, Predicate: iri(schema.RDFType), Object: iri(schema.Entity)},
			{Subject: cd, Predicate: iri(schema.Name), Object: quad.String("Commerce Department")},
			{Subject: cd, Predicate: iri(schema.Type), Object: quad.String(schema.Org)},
			{Subject: ob, Predicate: iri(schema.RDFType), Object: iri(schema.Entity)},
			{Subject: ob, Predicate: iri(schema.Name), Object: quad.String("Orbis Bank")},
			{Subject: ob, Predicate: iri(schema.Type), Object: quad.String(schema.Org)},
			{Subject: rel, Predicate: iri(schema.RDFType), Object: iri(schema.Relation)},
			{Subject: rel, Predicate: iri(schema.Name), Object: quad.String("fine")},
			{Subject: doc, Predicate: iri(schema.RDFType), Object: iri(schema.Document)},
			{Subject: doc, Predicate: iri(schema.Name), Object: quad.String("trade.txt")},
			{Subject: ev, Predicate: iri(schema.RDFType), Object: iri(schema.Evidence)},
			{Subject: ev, Predicate: iri(schema.Doc), Object: doc},
			{Subject: ev, Predicate: iri(schema.SentenceIndex), Object: quad.Int(1)},
			{Subject: ev, Predicate: iri(schema.Text), Object: quad.String(f.Sentence)},
			{Subject: ev, Predicate: iri(schema.Subject), Object: cd},
			{Subject: ev, Predicate: iri(schema.Predicate), Object: rel},
			{Subject: ev, Predicate: iri(schema.Object), Object: ob},
			{Subject: ev, Predicate: iri(schema.RelationText), Object: quad.String("fine")},
			{Subject: ev, Predicate: iri(schema.Negated), Object: quad.Bool(true)},
			{Subject: ev, Predicate: iri(schema.Confidence), Object: quad.Float(0.95)},
		}
		if len(quads) != len(want) {
			t.Errorf("got %d quads, want %d", len(quads), len(want))
		}
		for i := range min(len(quads), len(want)) {
			if quads[i] != want[i] {
				t.Errorf("quad %d: got %v, want %v", i, quads[i], want[i])
			}
		}
	}
}

// TestLoadSkipsUnresolved: a fact whose subject is a pronoun the extractor
// left without an entity is not stored, and does not fail the load.
func TestLoadSkipsUnresolved(t *testing.T) {
	facts := testFacts()
	unresolved := facts[0]
	unresolved.Subject, unresolved.SubjectID = "it", ""
	withIt, err := loadQuads([]string{"a.txt"}, append(facts, unresolved))
	if err != nil {
		t.Fatal(err)
	}
	without, err := loadQuads([]string{"a.txt"}, facts)
	if err != nil {
		t.Fatal(err)
	}
	if len(withIt) != len(without) {
		t.Errorf("got %d quads with an unresolved fact, want %d as without it", len(withIt), len(without))
	}
}

// TestLoadNoName: a document needs a name.
func TestLoadNoName(t *testing.T) {
	s := openTest(t, Options{Backend: Memory})
	if _, err := s.LoadDocument(context.Background(), Document{Name: " "}); err == nil {
		t.Error("LoadDocument of a document without a name: got no error")
	}
}
