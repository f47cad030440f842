package schema

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestSnapshotFind(t *testing.T) {
	entity := func(name, typ string, aliases ...string) EntityInfo {
		return EntityInfo{ID: EntityID(name), Name: name, Type: typ, Aliases: aliases}
	}
	snap := &Snapshot{Entities: []EntityInfo{
		entity("Commerce Department", Org, "Commerce"),
		entity("Maria Lopez", Person, "Secretary Lopez"),
		entity("Orbis Bank", Org, "Zentek"),
		entity("Zentek Systems", Org, "Zentek"),
	}}
	slices.SortFunc(snap.Entities, func(a, b EntityInfo) int { return strings.Compare(a.ID, b.ID) })
	for _, tt := range []struct{ name, want, err string }{
		{"Commerce Department", "Commerce Department", ""},
		{"commerce  department", "Commerce Department", ""},
		{"COMMERCE-DEPARTMENT", "Commerce Department", ""},
		{"Commerce", "Commerce Department", ""},
		{"secretary lopez", "Maria Lopez", ""},
		{"Atlantis", "", `entity "Atlantis" not found`},
		{"Lopez", "", `entity "Lopez" not found; did you mean "Maria Lopez"?`},
		{"Zentek", "", `entity "Zentek" is ambiguous: an alias of "Orbis Bank" and "Zentek Systems"; name one`},
	} {
		got, err := snap.Find(tt.name)
		switch {
		case tt.err == "" && (err != nil || got.Name != tt.want):
			t.Errorf("Find(%q): got %q, %v; want %q", tt.name, got.Name, err, tt.want)
		case tt.err != "" && (!errors.Is(err, ErrNotFound) || err.Error() != tt.err):
			t.Errorf("Find(%q): got %v, want %q matching ErrNotFound", tt.name, err, tt.err)
		}
	}
	if got, ok := snap.Entity(EntityID("Orbis Bank")); !ok || got.Name != "Orbis Bank" {
		t.Errorf("Entity(Orbis Bank): got %+v, %v", got, ok)
	}
	if got, ok := snap.Entity("kg:entity/atlantis"); ok {
		t.Errorf("Entity(atlantis): got %+v, want none", got)
	}
}
