package graph

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
)

func TestSnapshot(t *testing.T) {
	loaded(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		snap, err := s.Snapshot(ctx)
		if err != nil {
			t.Fatalf("Snapshot: %v", err)
		}
		if len(snap.Entities) != int(testStats.Entities) || len(snap.Facts) != int(testStats.Facts) {
			t.Fatalf("got %d entities and %d facts, want %d and %d", len(snap.Entities), len(snap.Facts), testStats.Entities, testStats.Facts)
		}
		// The entities read as Store.Entities lists them.
		list, err := s.Entities(ctx, EntityFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range list {
			got, ok := snap.Entity(want.ID)
			if !ok || !reflect.DeepEqual(got, want) {
				t.Errorf("entity %s: got %+v, want %+v", want.ID, got, want)
			}
		}
		byKey := make(map[string]schema.StoredFact)
		for _, f := range snap.Facts {
			byKey[f.Subject+" "+f.Relation+" "+f.Object] = f
		}
		pen := byKey[schema.EntityID("Commerce Department")+" penalize "+schema.EntityID("Zentek Systems")]
		if len(pen.Evidence) != 2 || pen.Negated || pen.Confidence != 0.9 || pen.RelationID != schema.RelationID("penalize") {
			t.Errorf("Commerce Department penalize Zentek Systems: got %+v, want 2 evidence, asserted, confidence 0.9", pen)
		} else if e := pen.Evidence; e[0].Document != "markets.txt" || e[1].Document != "trade.txt" || e[0].SentenceIndex != 3 {
			t.Errorf("evidence order: got %+v", e)
		}
		fine := byKey[schema.EntityID("Commerce Department")+" fine "+schema.EntityID("Orbis Bank")]
		if !fine.Negated || len(fine.Evidence) != 1 || fine.Evidence[0].Text != "The Commerce Department did not fine Orbis Bank." {
			t.Errorf("Commerce Department fine Orbis Bank: got %+v, want negated with its sentence", fine)
		}
	})
}

func TestSnapshotFind(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Options{Backend: Memory})
	facts := testFacts()
	facts[0].SubjectAlias = "Commerce"        // an alias of one entity
	facts[2].SubjectAlias = "Secretary Lopez" // and another
	facts[3].SubjectAlias, facts[4].SubjectAlias = "Zentek", "Zentek"
	facts[6].ObjectAlias = "Zentek" // Orbis Bank too: "Zentek" is ambiguous
	facts[0].Time = "In April"
	if err := storeFacts(ctx, s, testDocs, facts); err != nil {
		t.Fatal(err)
	}
	snap, err := s.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, want string }{
		{"Commerce Department", "Commerce Department"},
		{"commerce  department", "Commerce Department"},
		{"COMMERCE-DEPARTMENT", "Commerce Department"},
		{"Commerce", "Commerce Department"},
		{"secretary lopez", "Maria Lopez"},
		{"Valoria", "Valoria"},
	} {
		got, err := snap.Find(tt.name)
		if err != nil || got.Name != tt.want {
			t.Errorf("Find(%q): got %q, %v; want %q", tt.name, got.Name, err, tt.want)
		}
	}
	for _, name := range []string{"Atlantis", "Zentek", ""} {
		if _, err := snap.Find(name); !errors.Is(err, ErrNotFound) {
			t.Errorf("Find(%q): got %v, want ErrNotFound", name, err)
		}
	}
	if _, err := snap.Find("Zentek"); err == nil || err.Error() != `entity "Zentek" is ambiguous: an alias of "Orbis Bank" and "Zentek Systems"; name one` {
		t.Errorf("Find(Zentek): got %v", err)
	}
	// The store finds entities for the commands that read no snapshot
	// (export --focus, support, merge, split) the same way.
	for _, tt := range []struct{ name, want string }{
		{"Commerce Department", "Commerce Department"},
		{"commerce  department", "Commerce Department"},
		{"Commerce", "Commerce Department"},
		{"commerce", "Commerce Department"},
		{"secretary lopez", "Maria Lopez"},
		{"Valoria", "Valoria"},
	} {
		sub, err := s.Select(ctx, SubgraphOptions{Focus: tt.name})
		if err != nil || len(sub.Nodes) != 1 || sub.Nodes[0].Name != tt.want {
			t.Errorf("Select(Focus: %q): got %+v, %v; want %q", tt.name, sub, err, tt.want)
		}
	}
	if _, err := s.Select(ctx, SubgraphOptions{Focus: "Atlantis"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Select(Focus: Atlantis): got %v, want ErrNotFound", err)
	}
	if _, err := s.Select(ctx, SubgraphOptions{Focus: "zentek"}); err == nil ||
		!strings.HasSuffix(err.Error(), `entity "zentek" is ambiguous: an alias of "Orbis Bank" and "Zentek Systems"; name one`) {
		t.Errorf("Select(Focus: zentek): got %v, want ambiguous", err)
	}
	// A word of a person's name is no name, but suggests the person, in
	// both lookups.
	const maybe = `entity "Lopez" not found; did you mean "Maria Lopez"?`
	if _, err := snap.Find("Lopez"); err == nil || err.Error() != maybe {
		t.Errorf("Find(Lopez): got %v, want %q", err, maybe)
	}
	if _, err := s.Select(ctx, SubgraphOptions{Focus: "Lopez"}); !errors.Is(err, ErrNotFound) || !strings.HasSuffix(err.Error(), maybe) {
		t.Errorf("Select(Focus: Lopez): got %v, want %q", err, maybe)
	}
	// The sentence's time qualifier is kept on its evidence.
	var times []string
	for _, f := range snap.Facts {
		for _, e := range f.Evidence {
			if e.Time != "" {
				times = append(times, e.Time)
			}
		}
	}
	if !reflect.DeepEqual(times, []string{"In April"}) {
		t.Errorf("evidence times: got %q, want [In April]", times)
	}
}
