package graph

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/schema"
)

// Documents of the test corpus; empty.txt has no facts.
var testDocs = []string{"trade.txt", "markets.txt", "empty.txt"}

// testFacts returns a handful of facts about made-up agencies and companies,
// as the extractor would give them.
func testFacts() []schema.Fact {
	fact := func(subj, subjType, rel, obj, objType, doc string, i int, sentence string, neg bool, conf float64) schema.Fact {
		return schema.Fact{
			Subject: subj, SubjectType: subjType, SubjectID: schema.EntityID(subj),
			Relation: rel,
			Object:   obj, ObjectType: objType, ObjectID: schema.EntityID(obj),
			Negated: neg, Confidence: conf,
			Doc: doc, SentenceIndex: i, Sentence: sentence,
		}
	}
	return []schema.Fact{
		fact("Commerce Department", schema.Org, "penalize", "Zentek Systems", schema.Org,
			"trade.txt", 0, "In April, the Commerce Department penalized Zentek Systems.", false, 0.9),
		fact("Commerce Department", schema.Org, "fine", "Orbis Bank", schema.Org,
			"trade.txt", 1, "The Commerce Department did not fine Orbis Bank.", true, 0.7),
		fact("Maria Lopez", schema.Person, "lead", "Commerce Department", schema.Org,
			"trade.txt", 2, "Maria Lopez leads the Commerce Department.", false, 0.8),
		fact("Zentek Systems", schema.Org, "pay", "$5 million", schema.Money,
			"markets.txt", 0, "Zentek Systems paid $5 million.", false, 0.6),
		fact("Zentek Systems", schema.Org, "open office in", "Valoria", schema.GPE,
			"markets.txt", 1, `Zentek Systems opened an office in Valoria, its "second home".`, false, 0.75),
		fact("Commerce Department", schema.Org, "penalize", "Zentek Systems", schema.Org,
			"markets.txt", 3, "On 3 May 2021 the Commerce Department penalized Zentek Systems again.", false, 0.85),
		fact("Valoria", schema.GPE, "regulate", "Orbis Bank", schema.Org,
			"markets.txt", 4, "Valoria regulates Orbis Bank.", false, 0.65),
	}
}

// Counts of the test corpus.
var testStats = Stats{
	// 7 facts + 6 entities * 3 + 6 relations * 2 + 3 documents * 2 + 7 evidence * 10
	Quads:     113,
	Entities:  6,
	Facts:     6, // two sentences state "Commerce Department penalize Zentek Systems"
	Documents: 3,
	Evidence:  7,
}

// backends runs fn on an empty store of each backend: memory, and a bolt file
// in a temporary directory.
func backends(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Helper()
	for _, opts := range []Options{
		{Backend: Memory},
		{Backend: Bolt, Create: true},
	} {
		t.Run(opts.Backend, func(t *testing.T) {
			if opts.Backend == Bolt {
				opts.Path = filepath.Join(t.TempDir(), "kg.db")
			}
			fn(t, openTest(t, opts))
		})
	}
}

// openTest opens a store that is closed when the test ends.
func openTest(t testing.TB, opts Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatalf("Open(%+v): %v", opts, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// loaded runs fn on a store of each backend loaded with the test corpus.
func loaded(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Helper()
	backends(t, func(t *testing.T, s *Store) {
		t.Helper()
		if err := s.Load(context.Background(), testDocs, testFacts()); err != nil {
			t.Fatalf("Load: %v", err)
		}
		fn(t, s)
	})
}
