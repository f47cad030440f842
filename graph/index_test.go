package graph

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/kgraph/kg/schema"
)

// localAnswers returns, for each entity of the store, what a Local reads of
// it: its facts with their evidence, its neighbours with their weights, and
// the facts among it and its neighbours.
func localAnswers(t *testing.T, s *Store) map[string]any {
	t.Helper()
	ctx := context.Background()
	es, err := s.Entities(ctx, EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]any)
	// the store's counts and its documents'
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out["stats"], out["documents"] = st, docs
	// the listing itself, of every type and of one, by each order
	for _, f := range []EntityFilter{{Sort: ByName}, {Sort: ByMentions}, {Sort: ByDegree, Type: "org"}} {
		listed, err := s.Entities(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("entities %+v", f)] = listed
	}
	for _, e := range es {
		err := s.Local(ctx, func(l *Local) error {
			if err := l.Load(ctx, e.ID); err != nil {
				return err
			}
			facts, err := l.Snapshot(ctx)
			if err != nil {
				return err
			}
			pairs, err := l.Strongest(ctx, e.ID)
			if err != nil {
				return err
			}
			out[e.ID+" facts"], out[e.ID+" strongest"] = facts, pairs
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		err = s.Local(ctx, func(l *Local) error {
			adj, err := l.Adjacent(ctx, e.ID)
			if err != nil {
				return err
			}
			if err := l.LoadAmong(ctx, append(adj, e.ID)); err != nil {
				return err
			}
			among, err := l.Snapshot(ctx)
			out[e.ID+" among"] = among
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		// the facts with a few neighbours, and what lies between it and
		// the first entity
		err = s.Local(ctx, func(l *Local) error {
			adj, err := l.Adjacent(ctx, e.ID)
			if err != nil {
				return err
			}
			if err := l.LoadAround(ctx, e.ID, adj[:min(2, len(adj))]); err != nil {
				return err
			}
			around, err := l.Snapshot(ctx)
			if err != nil {
				return err
			}
			ids, near, err := l.Between(ctx, e.ID, es[0].ID, 4, 3)
			out[e.ID+" around"], out[e.ID+" between"] = around, []any{ids, near}
			return err
		})
		if err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		// each name and alias as written, and written other ways
		names := []string{e.Name, strings.ToUpper(e.Name), strings.ToLower(e.Name) + "."}
		for _, a := range e.Aliases {
			names = append(names, a, strings.ToUpper(a), " "+strings.ToLower(a)+",")
		}
		for _, name := range append(names, "Nobody Here", "nobody") {
			err := s.Local(ctx, func(l *Local) error {
				id, err := l.Find(ctx, name)
				if err != nil {
					id = "error: " + err.Error()
				}
				out["find "+name] = id
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	return out
}

// diffAnswers describes the answers that differ between want and got.
func diffAnswers(want, got map[string]any) string {
	var b strings.Builder
	for _, k := range sortedKeys(mapKeys(want, got)) {
		if !reflect.DeepEqual(want[k], got[k]) {
			fmt.Fprintf(&b, "%s:\n\twant %+v\n\tgot  %+v\n", k, want[k], got[k])
		}
	}
	return b.String()
}

func mapKeys(ms ...map[string]any) map[string]bool {
	out := make(map[string]bool)
	for _, m := range ms {
		for k := range m {
			out[k] = true
		}
	}
	return out
}

// TestIndexAnswersAsQuads checks that what a Local reads through kg's
// index is what it reads of Cayley's quads, after writes of every kind:
// documents added, replaced and removed, names joined, corrections made and
// undone. (Each write's index is checked against the quads by the Verify
// of the bolt runs of the join and correction tests.)
func TestIndexAnswersAsQuads(t *testing.T) {
	indexed(t, testIndexAnswersAsQuads)
}

// indexed runs fn on each backend that keeps kg's index: bolt, and
// PostgreSQL when $KG_TEST_POSTGRES names a database.
func indexed(t *testing.T, fn func(t *testing.T, backend string)) {
	for _, backend := range []string{Bolt, Postgres} {
		t.Run(backend, func(t *testing.T) { fn(t, backend) })
	}
}

func testIndexAnswersAsQuads(t *testing.T, backend string) {
	ctx := context.Background()
	s := openTest(t, emptyStore(t, backend))
	docs := joinDocs()
	loadDocs(t, s, Added, pick(docs, "a b c d e")...)
	var zentek []Document // named apart from joinDocs'
	for _, d := range zentekDocs() {
		d.Name, d.Hash = "zentek-"+d.Name, "zentek-"+d.Hash
		d.Facts = slices.Clone(d.Facts)
		for i := range d.Facts {
			d.Facts[i].Doc = d.Name
		}
		zentek = append(zentek, d)
	}
	loadDocs(t, s, Added, zentek...)
	// an entity whose ID is not its name's, found by its name in capitals
	// through kg_name alone
	kestrel := zentek[1]
	kestrel.Name, kestrel.Hash = "kestrel.txt", "kestrel"
	kestrel.Title, kestrel.Date, kestrel.Source = "Kestrel's year", "2018-05-01", "feeds/kestrel.jsonl"
	kestrel.Facts = slices.Clone(kestrel.Facts)
	kestrel.Facts[0].Doc, kestrel.Facts[0].Subject, kestrel.Facts[0].SubjectID = kestrel.Name, "Kestrel Holdings", schema.EntityID("Kestrel Group Holdings")
	loadDocs(t, s, Added, kestrel)
	if _, err := s.LoadDocument(ctx, docs["c2"]); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove(ctx, "e.txt"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Merge(ctx, "Zentek Corp", "Zentek Systems"); err != nil {
		t.Fatal(err)
	}
	c, err := s.Split(ctx, "Commerce Department", "Commerce")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	sound(t, s)
	if s.ix == nil {
		t.Fatal("a store that kg wrote has no index")
	}
	fromIndex := localAnswers(t, s)
	ix := s.ix
	s.ix = nil
	fromQuads := localAnswers(t, s)
	s.ix = ix
	if len(fromIndex) < 30 {
		t.Fatalf("only %d answers: the store is not the one meant", len(fromIndex))
	}
	if d := diffAnswers(fromQuads, fromIndex); d != "" {
		t.Errorf("answers from the index differ from the quads':\n%s", d)
	}
}

// TestIndexDamageReported checks that kg verify finds an index that does
// not hold what the quads give, and that Reindex mends it.
func TestIndexDamageReported(t *testing.T) { indexed(t, testIndexDamageReported) }

func testIndexDamageReported(t *testing.T, backend string) {
	ctx := context.Background()
	s := openTest(t, emptyStore(t, backend))
	loadDocs(t, s, Added, zentekDocs()...)
	sound(t, s)
	var lost string
	var err error
	if backend == Bolt {
		err = s.bolt.Update(func(tx *bbolt.Tx) error {
			c := tx.Bucket([]byte(ixAdj)).Cursor()
			k, _ := c.First()
			lost = strings.ReplaceAll(string(k), "\x00", " ")
			if err := c.Delete(); err != nil {
				return err
			}
			return tx.Bucket([]byte(ixEnt)).Put([]byte("kg:entity/nobody"), []byte("Nobody\x00PERSON"))
		})
	} else {
		var k []byte
		err = s.db.QueryRow(`DELETE FROM kg_index WHERE bucket = $1 AND k = (SELECT k FROM kg_index WHERE bucket = $1 ORDER BY k LIMIT 1) RETURNING k`, ixAdj).Scan(&k)
		lost = strings.ReplaceAll(string(k), "\x00", " ")
		if err == nil {
			_, err = s.db.Exec(`INSERT INTO kg_index VALUES ($1, $2, $3)`, ixEnt, []byte("kg:entity/nobody"), []byte("Nobody\x00PERSON"))
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	problems, err := s.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"index: kg_adj lacks \"" + lost + "\"", "index: kg_ent holds \"kg:entity/nobody\""} {
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, want) }) {
			t.Errorf("Verify = %q, want a problem with %q", problems, want)
		}
	}
	if err := s.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	sound(t, s)
}

// TestIndexOfOlderStore checks a store that an older kg wrote, without the
// index: read-only, it answers from the quads; opened for writing, it gets
// the index, and the answers do not change.
func TestIndexOfOlderStore(t *testing.T) { indexed(t, testIndexOfOlderStore) }

func testIndexOfOlderStore(t *testing.T, backend string) {
	ctx := context.Background()
	opts := emptyStore(t, backend)
	s, err := Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	loadDocs(t, s, Added, pick(joinDocs(), "a b c d")...)
	want := localAnswers(t, s)
	if backend == Bolt {
		err = s.bolt.Update(func(tx *bbolt.Tx) error {
			for _, name := range []string{ixMeta, ixPair, ixAdj, ixEv, ixEnt} {
				if err := tx.DeleteBucket([]byte(name)); err != nil {
					return err
				}
			}
			return nil
		})
	} else {
		_, err = s.db.Exec(`DROP TABLE kg_index`)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	ro := opts
	ro.Create, ro.ReadOnly = false, true
	r := openTest(t, ro)
	if r.ix != nil {
		t.Error("a read-only store without an index has one")
	}
	if d := diffAnswers(want, localAnswers(t, r)); d != "" {
		t.Errorf("read-only, without the index:\n%s", d)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}

	opts.Create = false
	w := openTest(t, opts)
	if w.ix == nil {
		t.Fatal("opened for writing, the store has no index")
	}
	sound(t, w)
	if d := diffAnswers(want, localAnswers(t, w)); d != "" {
		t.Errorf("with the index built:\n%s", d)
	}
}

// TestIndexInCayleysTransaction checks that on PostgreSQL the index is
// written in the transaction of the quads: when writing the index fails,
// the document's quads are not stored either, and the store stays sound.
func TestIndexInCayleysTransaction(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, emptyStore(t, Postgres))
	docs := zentekDocs()
	loadDocs(t, s, Added, docs[0])
	before := openTest(t, Options{Backend: Memory})
	loadDocs(t, before, Added, docs[0])
	// the index refuses the second document's evidence
	_, err := s.db.Exec(`CREATE FUNCTION kg_refuse() RETURNS trigger AS $$
		BEGIN RAISE EXCEPTION 'index refused'; END $$ LANGUAGE plpgsql;
		CREATE TRIGGER kg_refuse BEFORE INSERT ON kg_index FOR EACH ROW
		WHEN (NEW.bucket = 'kg_ev') EXECUTE FUNCTION kg_refuse()`)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadDocument(ctx, docs[1]); err == nil || !strings.Contains(err.Error(), "index refused") {
		t.Fatalf("LoadDocument with the index refusing: %v, want the index's error", err)
	}
	sameQuads(t, "after the refused write", s, before)
	sound(t, s)
	if _, err := s.db.Exec(`DROP TRIGGER kg_refuse ON kg_index`); err != nil {
		t.Fatal(err)
	}
	loadDocs(t, s, Added, docs[1])
	sound(t, s)
}
