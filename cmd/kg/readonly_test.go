package main

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestReadingCommandsReadOnly: the commands that only read open the store
// read-only, with a shared lock, so they run while another reader holds the
// store (and on a file or file system they may not write). Opened for
// writing, as before, they wait for the reader and fail as locked.
func TestReadingCommandsReadOnly(t *testing.T) {
	db := build(t)
	reader, err := graph.Open(context.Background(), graph.Options{Path: db, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	for _, args := range [][]string{
		{"stats"}, {"verify"}, {"entities"}, {"corrections"}, {"rank"}, {"communities"},
		{"query", `g.Emit(g.V().Count())`}, {"export", "--format", "nquads"},
		{"facts", "Harbor Networks"}, {"neighbors", "Harbor Networks"},
	} {
		t.Run(args[0], func(t *testing.T) {
			cmd := append([]string{args[0], "--db", db}, args[1:]...)
			_, errOut, code := run(t, "", cmd...)
			if code != 0 {
				t.Errorf("kg %s beside a reader: exit %d: %s", strings.Join(cmd, " "), code, errOut)
			}
		})
	}
}
