package main

import (
	"strings"
	"testing"
)

// TestEntityNamesEverywhere holds every command that names an entity to one
// lookup: a name, the name in another case, an alias the sentences use and
// that alias in another case all find the entity. On the example, "Park"
// is Elena Park's alias and "Okafor" David Okafor's.
func TestEntityNamesEverywhere(t *testing.T) {
	db := build(t)
	reads := []struct {
		name string
		args func(park string) []string
		want string // in the output, whatever the name given
	}{
		{"facts", func(p string) []string { return []string{"facts", p} }, "Elena Park (PERSON)"},
		{"neighbors", func(p string) []string { return []string{"neighbors", p} }, "Harbor Networks"},
		{"path", func(p string) []string { return []string{"path", p, "Harbor Networks"} }, "Elena Park"},
		{"export --focus", func(p string) []string {
			return []string{"export", "--format", "jsonl", "--focus", p, "--depth", "1"}
		}, `"subject":"Elena Park","relation":"found"`},
		{"export --path", func(p string) []string {
			return []string{"export", "--format", "jsonl", "--path", p + ",Harbor Networks"}
		},
			`"subject":"Elena Park"`},
		{"support", func(p string) []string { return []string{"support", p, "found", "Harbor Networks"} },
			"Elena Park - found - Harbor Networks: 1 sentence in 1 document"},
	}
	for _, tt := range reads {
		for _, name := range []string{"Elena Park", "elena park", "Park", "park"} {
			t.Run(tt.name+"/"+name, func(t *testing.T) {
				args := withDB(tt.args(name), db)
				out, errOut, code := run(t, "", args...)
				if code != 0 || !strings.Contains(out, tt.want) {
					t.Errorf("kg %s: exit %d, %q, stdout\n%s\nwant exit 0 and %q", strings.Join(args, " "), code, errOut, out, tt.want)
				}
			})
		}
	}
	writes := []struct {
		name string
		args []string
		want string
	}{
		{"merge", []string{"merge", "park", "Okafor"}, `merge "David Okafor" into "Elena Park"`},
		{"split", []string{"split", "senator maria alvarez", "Alvarez"}, `split "Alvarez" from "Maria Alvarez"`},
	}
	for _, tt := range writes {
		t.Run(tt.name, func(t *testing.T) {
			args := withDB(tt.args, build(t))
			_, errOut, code := run(t, "", args...)
			if code != 0 || !strings.Contains(errOut, tt.want) {
				t.Errorf("kg %s: exit %d, %q; want exit 0 and %q", strings.Join(args, " "), code, errOut, tt.want)
			}
		})
	}
	// A name that nothing has is still an error, exit 2.
	if _, errOut, code := run(t, "", "support", "--db", db, "Nobody", "found", "Harbor Networks"); code != 2 || !strings.Contains(errOut, `entity "Nobody" not found`) {
		t.Errorf("an unknown name: exit %d, %q; want exit 2, not found", code, errOut)
	}
}

// withDB puts --db db after the command's name in args.
func withDB(args []string, db string) []string {
	return append([]string{args[0], "--db", db}, args[1:]...)
}
