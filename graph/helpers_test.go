package graph

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
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
	// 7 facts + 6 entities * 3 + 2 name words of the one person + 6 relations * 2
	// + 3 documents * 4 (type, name, hash, evidence count) + 7 evidence * 10
	Quads:     121,
	Entities:  6,
	Facts:     6, // two sentences state "Commerce Department penalize Zentek Systems"
	Documents: 3,
	Evidence:  7,
}

// backends runs fn on an empty store of each backend: memory, a bolt file in
// a temporary directory, and PostgreSQL when $KG_TEST_POSTGRES names a
// database (see testPostgres). It is the backend conformance suite: every
// test that goes through it runs on each backend.
func backends(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Helper()
	for _, backend := range []string{Memory, Bolt, Postgres} {
		t.Run(backend, func(t *testing.T) {
			fn(t, openTest(t, emptyStore(t, backend)))
		})
	}
}

// emptyStore returns the options that create an empty store of the backend
// for this test.
func emptyStore(t testing.TB, backend string) Options {
	t.Helper()
	switch backend {
	case Bolt:
		return Options{Backend: Bolt, Path: filepath.Join(t.TempDir(), "kg.db"), Create: true}
	case Postgres:
		return Options{Backend: Postgres, Path: testPostgres(t), Create: true}
	}
	return Options{Backend: backend}
}

// testPostgres returns the URL of an empty PostgreSQL schema of its own for
// this test, in the database that $KG_TEST_POSTGRES names (lib/pq's URL
// form), and drops the schema when the test ends. Without the variable, the
// test is skipped.
func testPostgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv("KG_TEST_POSTGRES")
	if base == "" {
		t.Skip("KG_TEST_POSTGRES is not set: no PostgreSQL to test against (.ci/run sets it)")
	}
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatalf("KG_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	schema := fmt.Sprintf("kgtest_%d_%d", os.Getpid(), testSchemas.Add(1))
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema: %v", err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("KG_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema) // lib/pq sends unknown parameters to the server
	u.RawQuery = q.Encode()
	return u.String()
}

// testSchemas numbers the PostgreSQL schemas of this test process.
var testSchemas atomic.Int64

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

// storeFacts writes the facts through the store's one write path, a
// [Store.LoadDocument] for each document (hashed by name, as
// testDocuments does): those docs names, in its order, then those only the
// facts name, each with its facts.
func storeFacts(ctx context.Context, s *Store, docs []string, facts []schema.Fact) error {
	byDoc := make(map[string][]schema.Fact)
	order := slices.Clone(docs)
	for _, f := range facts {
		if _, ok := byDoc[f.Doc]; !ok && !slices.Contains(order, f.Doc) {
			order = append(order, f.Doc)
		}
		byDoc[f.Doc] = append(byDoc[f.Doc], f)
	}
	done := make(map[string]bool)
	for _, d := range order {
		if done[d] {
			continue
		}
		done[d] = true
		if _, err := s.LoadDocument(ctx, Document{Name: d, Hash: "sha256:" + d, Facts: byDoc[d]}); err != nil {
			return err
		}
	}
	return nil
}

// loaded runs fn on a store of each backend loaded with the test corpus.
func loaded(t *testing.T, fn func(t *testing.T, s *Store)) {
	t.Helper()
	backends(t, func(t *testing.T, s *Store) {
		t.Helper()
		if err := storeFacts(context.Background(), s, testDocs, testFacts()); err != nil {
			t.Fatalf("load: %v", err)
		}
		fn(t, s)
	})
}
