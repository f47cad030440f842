package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"golang.org/x/sync/errgroup"

	"github.com/kgraph/kg/schema"
)

func TestJoinShortNames(t *testing.T) {
	fact := func(doc string, i int, subj, subjType, alias, obj string) schema.Fact {
		return schema.Fact{
			Subject: subj, SubjectID: schema.EntityID(subj), SubjectType: subjType, SubjectAlias: alias,
			Relation: "visit", Object: obj, ObjectID: schema.EntityID(obj), ObjectType: schema.GPE,
			Confidence: 0.8, Doc: doc, SentenceIndex: i, Sentence: alias + " visited " + obj + ".",
		}
	}
	docs := []Document{
		{Name: "a.txt", Hash: "a", Facts: []schema.Fact{
			fact("a.txt", 0, "Thomas Reid", schema.Person, "Secretary Thomas Reid", "Oman"),
			fact("a.txt", 1, "Maria Lopez", schema.Person, "Maria Lopez", "Oman"),
			fact("a.txt", 2, "Carlos Lopez", schema.Person, "Carlos Lopez", "Oman"),
			fact("a.txt", 3, "Eve Marsh", schema.Person, "Evie", "Oman"),
		}},
		{Name: "b.txt", Hash: "b", Facts: []schema.Fact{
			fact("b.txt", 0, "Reid", "", "Reid", "Dubai"),                // one Reid: joins him
			fact("b.txt", 1, "Lopez", schema.Person, "Lopez", "Dubai"),   // two Lopez: stays apart
			fact("b.txt", 2, "Evie", schema.Person, "Evie", "Dubai"),     // Eve Marsh's alias
			fact("b.txt", 3, "Thomas", schema.Org, "Thomas", "Dubai"),    // an ORG: no person
			fact("b.txt", 4, "Marsh", schema.Person, "Marsh", "Valoria"), // her last name
		}},
	}
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		loadDocs(t, s, Added, docs...)
		want := []string{"Carlos Lopez", "Dubai", "Eve Marsh", "Lopez", "Maria Lopez", "Oman", "Thomas", "Thomas Reid", "Valoria"}
		if got := entityNames(t, s); !slices.Equal(got, want) {
			t.Errorf("entities: got %q, want %q", got, want)
		}
		for _, tt := range []struct{ subj, obj string }{
			{"Thomas Reid", "Dubai"}, {"Eve Marsh", "Dubai"}, {"Eve Marsh", "Valoria"}, {"Lopez", "Dubai"},
		} {
			if sup, err := s.Support(ctx, tt.subj, "visit", tt.obj); err != nil || len(sup.Evidence) != 1 {
				t.Errorf("%s - visit - %s: got %+v, %v", tt.subj, tt.obj, sup, err)
			}
		}
		if got := aliasesOf(t, s, "Thomas Reid"); !slices.Contains(got, "Reid") {
			t.Errorf("Thomas Reid's aliases: got %q, want Reid among them", got)
		}
		// Loaded again, b.txt gives the same store.
		before := dump(t, s)
		b := docs[1]
		b.Hash = "b2"
		loadDocs(t, s, Replaced, b)
		after := dump(t, s)
		if len(after) != len(before) {
			t.Errorf("replacing b.txt by itself: %d quads, want %d", len(after), len(before))
		}
		sound(t, s)
	})
}

// newsDocs returns n made-up documents of news about people: each names two
// people in full, mentions two by one word only (a first or last name that
// other documents give in full, some of them shared by two people) and an
// organisation, as the extractor gives them.
func newsDocs(n int) []Document {
	first := []string{"Thomas", "Maria", "Anna", "Peter", "Elena", "Karl", "Lena"}
	last := []string{"Reid", "Lopez", "Marsh", "Quist", "Park", "Hale", "Brun", "Stone", "Voss", "Kern", "Lund"}
	person := func(i int) string { return first[i%len(first)] + " " + last[i%len(last)] }
	docs := make([]Document, n)
	for d := range docs {
		name := fmt.Sprintf("news%03d.txt", d)
		var facts []schema.Fact
		add := func(subj, subjType, obj, objType string) {
			i := len(facts)
			facts = append(facts, schema.Fact{
				Subject: subj, SubjectID: schema.EntityID(subj), SubjectType: subjType, SubjectAlias: subj,
				Relation: "meet", Object: obj, ObjectID: schema.EntityID(obj), ObjectType: objType, ObjectAlias: obj,
				Confidence: 0.8, Doc: name, SentenceIndex: i, Sentence: fmt.Sprintf("%s met %s (%d).", subj, obj, i),
			})
		}
		org := fmt.Sprintf("Harbor Board %d", d%9)
		a, b := person(d), person(3*d+1)
		add(a, schema.Person, org, schema.Org)
		add(b, schema.Person, a, schema.Person)
		add(strings.Fields(person(5*d + 2))[1], "", org, schema.Org)
		add(org, schema.Org, strings.Fields(person(7*d + 3))[0], schema.Person)
		docs[d] = Document{Name: name, Hash: name, Facts: facts}
	}
	return docs
}

// BenchmarkLoadDocuments loads 80 documents of news about people (see
// newsDocs) into a new bolt store, one LoadDocument each, as kg build does:
// the cost of joining one-word names across documents is in it.
//
//	go test -run '^$' -bench LoadDocuments -count 5 ./graph
func BenchmarkLoadDocuments(b *testing.B) {
	docs := newsDocs(80)
	dir := b.TempDir()
	ctx := context.Background()
	i := 0
	for b.Loop() {
		i++
		s, err := Open(ctx, Options{Path: filepath.Join(dir, fmt.Sprintf("%d.db", i)), Create: true})
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range docs {
			if _, err := s.LoadDocument(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// joinDocs returns small made-up news documents whose one-word names of
// people join people named in full in other documents, or do not:
//
//	a: Thomas Reid, Eve Marsh (called Evie there) and Maria Lopez in full
//	b: "Reid" (untyped), "Evie", "Lopez", and "Reid" as an object
//	c: a second Reid and a second Lopez in full: Anna Reid, Carlos Lopez
//	d: "Reid" and "Marsh", typed PERSON, and an untyped "Thomas"
//	e: "Thomas" typed ORG: an entity of its own
//	c2: c replaced: Carlos Lopez only
func joinDocs() map[string]Document {
	docs := make(map[string]Document)
	doc := func(name string, facts ...[4]string) {
		d := Document{Name: name, Hash: name}
		for i, f := range facts {
			d.Facts = append(d.Facts, schema.Fact{
				Subject: f[0], SubjectID: schema.EntityID(f[0]), SubjectType: f[1], SubjectAlias: f[2],
				Relation: "visit", Object: f[3], ObjectID: schema.EntityID(f[3]), ObjectType: schema.GPE, ObjectAlias: f[3],
				Confidence: 0.8, Doc: name, SentenceIndex: i, Sentence: fmt.Sprintf("%s visited %s.", f[2], f[3]),
			})
		}
		docs[strings.TrimSuffix(name, ".txt")] = d
	}
	doc("a.txt",
		[4]string{"Thomas Reid", schema.Person, "Secretary Thomas Reid", "Oman"},
		[4]string{"Eve Marsh", schema.Person, "Evie", "Oman"},
		[4]string{"Maria Lopez", schema.Person, "Maria Lopez", "Oman"})
	doc("b.txt",
		[4]string{"Reid", "", "Reid", "Dubai"},
		[4]string{"Evie", schema.Person, "Evie", "Dubai"},
		[4]string{"Lopez", schema.Person, "Lopez", "Dubai"})
	b := docs["b"]
	b.Facts = append(b.Facts, schema.Fact{
		Subject: "Oman", SubjectID: schema.EntityID("Oman"), SubjectType: schema.GPE, SubjectAlias: "Oman",
		Relation: "host", Object: "Reid", ObjectID: schema.EntityID("Reid"), ObjectAlias: "Reid",
		Confidence: 0.7, Doc: "b.txt", SentenceIndex: 3, Sentence: "Oman hosted Reid.",
	})
	docs["b"] = b
	doc("c.txt",
		[4]string{"Anna Reid", schema.Person, "Anna Reid", "Cairo"},
		[4]string{"Carlos Lopez", schema.Person, "Carlos Lopez", "Cairo"})
	doc("d.txt",
		[4]string{"Reid", schema.Person, "Reid", "Cairo"},
		[4]string{"Marsh", schema.Person, "Marsh", "Valoria"},
		[4]string{"Thomas", "", "Thomas", "Lima"})
	doc("e.txt", [4]string{"Thomas", schema.Org, "Thomas", "Lima"})
	c2 := docs["c"]
	c2.Hash, c2.Facts = "c2", c2.Facts[1:]
	docs["c2"] = c2
	return docs
}

// built returns a new memory store with the documents loaded one after the
// other, in the order given.
func built(t *testing.T, docs ...Document) *Store {
	t.Helper()
	s := openTest(t, Options{Backend: Memory})
	loadDocs(t, s, Added, docs...)
	return s
}

// pick returns the named documents of joinDocs, in that order.
func pick(docs map[string]Document, names string) []Document {
	var out []Document
	for _, n := range strings.Fields(names) {
		out = append(out, docs[n])
	}
	return out
}

// permutations calls fn with every order of the documents.
func permutations(docs []Document, fn func([]Document)) {
	var rec func(int)
	rec = func(k int) {
		if k == len(docs) {
			fn(slices.Clone(docs))
			return
		}
		for i := k; i < len(docs); i++ {
			docs[k], docs[i] = docs[i], docs[k]
			rec(k + 1)
			docs[k], docs[i] = docs[i], docs[k]
		}
	}
	rec(0)
}

// TestJoinOrder builds the same documents in every order: the store must
// be the same, quad for quad, and join what the whole set says. Before joins
// were recomputed from the whole store, "Reid" joined Thomas Reid only when
// it came after him, and stayed joined when a second Reid came later.
func TestJoinOrder(t *testing.T) {
	docs := joinDocs()
	for _, tt := range []struct {
		set      string
		entities []string
		joined   [][2]string // a subject and the place it visited
	}{
		{"a b d", []string{"Cairo", "Dubai", "Eve Marsh", "Lima", "Maria Lopez", "Oman", "Thomas Reid", "Valoria"},
			[][2]string{{"Thomas Reid", "Dubai"}, {"Thomas Reid", "Cairo"}, {"Eve Marsh", "Dubai"}, {"Eve Marsh", "Valoria"},
				{"Maria Lopez", "Dubai"}, {"Thomas Reid", "Lima"}}},
		{"a b d e", []string{"Cairo", "Dubai", "Eve Marsh", "Lima", "Maria Lopez", "Oman", "Thomas", "Thomas Reid", "Valoria"},
			[][2]string{{"Thomas Reid", "Dubai"}, {"Eve Marsh", "Valoria"}, {"Thomas", "Lima"}}},
		{"a b c d e", []string{"Anna Reid", "Cairo", "Carlos Lopez", "Dubai", "Eve Marsh", "Lima", "Lopez", "Maria Lopez",
			"Oman", "Reid", "Thomas", "Thomas Reid", "Valoria"},
			[][2]string{{"Reid", "Dubai"}, {"Reid", "Cairo"}, {"Lopez", "Dubai"}, {"Eve Marsh", "Dubai"}}},
	} {
		t.Run(tt.set, func(t *testing.T) {
			ctx := context.Background()
			want := built(t, pick(docs, tt.set)...)
			sound(t, want)
			if got := entityNames(t, want); !slices.Equal(got, tt.entities) {
				t.Errorf("entities: got %q, want %q", got, tt.entities)
			}
			for _, j := range tt.joined {
				if sup, err := want.Support(ctx, j[0], "visit", j[1]); err != nil || len(sup.Evidence) == 0 {
					t.Errorf("%s visit %s: got %+v, %v", j[0], j[1], sup, err)
				}
			}
			permutations(pick(docs, tt.set), func(order []Document) {
				var names []string
				for _, d := range order {
					names = append(names, d.Name)
				}
				sameQuads(t, fmt.Sprintf("built in the order %v", names), built(t, order...), want)
			})
		})
	}
}

// TestJoinUpdates replaces, removes and adds documents in place, in runs of
// their own, on each backend: after each step the store must be what one
// build of the documents it then holds gives.
func TestJoinUpdates(t *testing.T) {
	docs := joinDocs()
	ctx := context.Background()
	for _, backend := range []string{Bolt, Postgres} {
		t.Run(backend, func(t *testing.T) {
			opts := emptyStore(t, backend)
			// run opens the store, does one step and closes it, as a kg
			// command would.
			run := func(step func(s *Store) error) {
				t.Helper()
				s, err := Open(ctx, opts)
				if err != nil {
					t.Fatal(err)
				}
				defer func() {
					if err := s.Close(); err != nil {
						t.Fatal(err)
					}
				}()
				if err := step(s); err != nil {
					t.Fatal(err)
				}
			}
			check := func(what, holds string) {
				t.Helper()
				run(func(s *Store) error {
					sound(t, s)
					sameQuads(t, what, s, built(t, pick(docs, holds)...))
					return nil
				})
			}
			load := func(d Document) func(*Store) error {
				return func(s *Store) error { _, err := s.LoadDocument(ctx, d); return err }
			}
			remove := func(name string) func(*Store) error {
				return func(s *Store) error { return s.Remove(ctx, name) }
			}
			for _, n := range strings.Fields("d b e c a") {
				run(load(docs[n]))
			}
			check("built in the order d b e c a, a run each", "a b c d e")
			run(load(docs["c2"])) // Anna Reid goes: "Reid" joins Thomas Reid
			check("c replaced by c2", "a b c2 d e")
			run(remove("a.txt")) // Thomas Reid goes: "Reid" is his no more
			check("a removed", "b c2 d e")
			run(load(docs["a"]))
			check("a back", "a b c2 d e")
			run(load(docs["c"])) // a second Reid again
			check("c2 replaced by c", "a b c d e")
			run(remove("c.txt"))
			run(remove("e.txt"))
			check("c and e removed", "a b d")
		})
	}
}

// TestJoinCorrections checks that joins and corrections give the same store
// whether a document comes before or after the correction, and that undoing
// a correction gives back the joins the store had.
func TestJoinCorrections(t *testing.T) {
	docs := joinDocs()
	ctx := context.Background()
	withoutSeq := func(t *testing.T, s *Store) []string {
		return slices.DeleteFunc(withoutTimes(t, s), func(q string) bool { return strings.Contains(q, "<"+schema.LastSeq+">") })
	}
	for _, tt := range []struct {
		name    string
		first   string // the documents loaded before the correction
		then    string // and after
		correct func(s *Store) (Correction, error)
		check   func(t *testing.T, s *Store)
	}{
		{"split a joined alias", "a b", "d",
			func(s *Store) (Correction, error) { return s.Split(ctx, "Thomas Reid", "Reid") },
			func(t *testing.T, s *Store) {
				if sup, err := s.Support(ctx, "Reid", "visit", "Cairo"); err != nil || len(sup.Evidence) != 1 {
					t.Errorf("Reid visit Cairo after the split: got %+v, %v", sup, err)
				}
			}},
		{"merge the second Reid", "a c", "b d",
			func(s *Store) (Correction, error) { return s.Merge(ctx, "Thomas Reid", "Anna Reid") },
			func(t *testing.T, s *Store) {
				if sup, err := s.Support(ctx, "Thomas Reid", "visit", "Dubai"); err != nil || len(sup.Evidence) != 1 {
					t.Errorf("Thomas Reid visit Dubai after the merge: got %+v, %v", sup, err)
				}
			}},
		{"merge a joined name's person", "a b", "d",
			func(s *Store) (Correction, error) { return s.Merge(ctx, "Eve Marsh", "Thomas Reid") },
			func(t *testing.T, s *Store) {
				// The merge joins the facts of Thomas Reid, not the word:
				// no stored person has Reid for a name any more.
				if sup, err := s.Support(ctx, "Reid", "visit", "Cairo"); err != nil || len(sup.Evidence) != 1 {
					t.Errorf("Reid visit Cairo after the merge: got %+v, %v", sup, err)
				}
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			all := pick(docs, tt.first+" "+tt.then)
			after := built(t, all...)
			if _, err := tt.correct(after); err != nil {
				t.Fatal(err)
			}
			before := built(t, pick(docs, tt.first)...)
			c, err := tt.correct(before)
			if err != nil {
				t.Fatal(err)
			}
			loadDocs(t, before, Added, pick(docs, tt.then)...)
			tt.check(t, before)
			sound(t, before)
			sound(t, after)
			if got, want := withoutTimes(t, before), withoutTimes(t, after); !slices.Equal(got, want) {
				t.Errorf("documents loaded after the correction and before it differ:\n%s", diffLines(got, want))
			}
			if _, err := before.Undo(ctx, c.ID); err != nil {
				t.Fatal(err)
			}
			sound(t, before)
			if got, want := withoutSeq(t, before), withoutSeq(t, built(t, all...)); !slices.Equal(got, want) {
				t.Errorf("undone: the store differs from one without the correction:\n%s", diffLines(got, want))
			}
		})
	}
}

// TestJoinConcurrentWriters has two Stores on one PostgreSQL database, as
// two kg build processes would, load documents whose one-word names join
// people that the other writer's documents name, and replace and remove
// some: the store must be what one build of the documents it then holds
// gives.
func TestJoinConcurrentWriters(t *testing.T) {
	u := testPostgres(t)
	ctx := context.Background()
	stores := []*Store{
		openTest(t, Options{Backend: Postgres, Path: u, Create: true}),
		openTest(t, Options{Backend: Postgres, Path: u, Create: true}),
	}
	jd := joinDocs()
	docs := append(pick(jd, "a b c d e"), newsDocs(30)...)
	// One writer takes the even documents from the first, the other the
	// odd ones from the last: each's short names meet the other's people.
	var g errgroup.Group
	for w, s := range stores {
		g.Go(func() error {
			for k := range docs {
				i := k
				if w == 1 {
					i = len(docs) - 1 - k
				}
				if i%2 != w {
					continue
				}
				if _, err := s.LoadDocument(ctx, docs[i]); err != nil {
					return err
				}
			}
			switch w {
			case 0:
				_, err := s.LoadDocument(ctx, jd["c2"])
				return err
			default:
				return s.Remove(ctx, "news007.txt")
			}
		})
	}
	if err := g.Wait(); err != nil {
		t.Fatal(err)
	}
	var want []Document
	for _, d := range docs {
		switch d.Name {
		case "c.txt":
			want = append(want, jd["c2"])
		case "news007.txt":
		default:
			want = append(want, d)
		}
	}
	sameQuads(t, "two writers", stores[0], built(t, want...))
	sound(t, stores[1])
}

// TestVerifyJoins checks that kg verify finds a join that the store as a
// whole no longer gives: Thomas Reid's last name taken away behind the
// store's back, "Reid" joins nobody.
func TestVerifyJoins(t *testing.T) {
	ctx := context.Background()
	s := built(t, pick(joinDocs(), "a b")...)
	sound(t, s)
	reid := quad.IRI(schema.EntityID("Thomas Reid"))
	corrupt(t, s, []quad.Quad{{Subject: reid, Predicate: quad.IRI(schema.NameWord), Object: quad.String("Reid")}}, nil)
	got, err := s.Verify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := `"Reid" names ` + string(reid) + ", but the store joins it to " + schema.EntityID("Reid")
	if n := len(slices.DeleteFunc(slices.Clone(got), func(p string) bool { return !strings.Contains(p, want) })); n != 2 {
		t.Errorf("Verify: got %q, want two problems (b's subject and object Reid) with %q", got, want)
	}
}

// TestJoinCrashBetweenSteps stops a bolt write that moves another
// document's evidence (a second Reid takes "Reid" back from Thomas Reid)
// after its first step, as a crash would: the store must verify, and
// building the documents again must give what one build gives.
func TestJoinCrashBetweenSteps(t *testing.T) {
	docs := joinDocs()
	ctx := context.Background()
	s := openTest(t, emptyStore(t, Bolt))
	loadDocs(t, s, Added, docs["a"], docs["b"])
	qs, release, err := s.useForWrite()
	if err != nil {
		t.Fatal(err)
	}
	r := reader{qs: qs, ix: s.ix}
	add, err := r.documentAdds(docs["c"], nil)
	if err != nil {
		t.Fatal(err)
	}
	jdel, jadd, err := rejoin(ctx, r, nil, nil, add, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(jdel) == 0 {
		t.Fatal("loading c moves no evidence: the test tests nothing")
	}
	del, add := compose(nil, add, jdel, jadd)
	first, _, _, err := r.steps(ctx, del, add)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.applyDeltas(ctx, first, nil, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		t.Fatal(err)
	}
	release()
	sound(t, s)
	loadDocs(t, s, Added, docs["c"])
	loadDocs(t, s, Replaced, docs["b"]) // without its hash, so replaced
	sameQuads(t, "built again after the crash", s, built(t, docs["a"], docs["b"], docs["c"]))
}
