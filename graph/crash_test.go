package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract"
	"go.etcd.io/bbolt"
)

// errCrash stops a write between its two steps, as kill -9 would.
var errCrash = errors.New("crash between the steps")

// harborCorpus returns n documents made of the example article, as
// TestBuildKilled in cmd/kg makes them: each names its own Harbor Networks,
// and every third one names the Trade Department of its version, so that
// a version replaces a third of them and every document shares its people.
func harborCorpus(t *testing.T, m *extract.Model, n, version int) []Document {
	t.Helper()
	text, err := os.ReadFile("../examples/harbor-sanctions.txt")
	if err != nil {
		t.Fatal(err)
	}
	var docs []Document
	for i := range n {
		name := fmt.Sprintf("doc%03d.txt", i)
		s := strings.ReplaceAll(string(text), "Harbor Networks", fmt.Sprintf("Harbor Networks %d", i))
		hash := strconv.Itoa(i)
		if i%3 == 0 {
			s = strings.ReplaceAll(s, "Trade Department", fmt.Sprintf("Trade Department %d", version))
			hash += "-" + strconv.Itoa(version)
		}
		if i == 0 && version == 1 {
			// a second Park: the short one of the last document is
			// nobody's until it goes again
			s += "\n\nJames Park, a lawyer in Ottawa, represented Harbor Networks 0 in the talks.\n"
		}
		r := m.Extract(name, s, extract.Options{})
		docs = append(docs, Document{Name: name, Hash: hash, Facts: r.Facts})
	}
	// A document that names Park only by the one word, which joins the
	// one person of that last name that the store holds.
	short := "doc-short.txt"
	r := m.Extract(short, "Park criticized the Trade Department on Monday.\n", extract.Options{})
	return append(docs, Document{Name: short, Hash: "short", Facts: r.Facts})
}

// TestCrashBetweenSteps stops every write of a rebuild and of a removal,
// in turn, after the first of its two bolt steps, as kill -9 at the worst
// moment would: the store left must verify, and building every document
// again from there must give what one build gives.
func TestCrashBetweenSteps(t *testing.T) {
	// three documents (one replaced, two unchanged, and the short one that
	// joins a name) meet every kind of write; the slow runs take six
	n := 3
	if os.Getenv("KG_TEST_SLOW") != "" {
		n = 6
	}
	if v := os.Getenv("KG_CRASH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil {
			t.Fatalf("KG_CRASH_DOCS=%q: %v", v, err)
		}
	}
	m, err := extract.Load()
	if err != nil {
		t.Fatal(err)
	}
	v0, v1 := harborCorpus(t, m, n, 0), harborCorpus(t, m, n, 1)
	ctx := context.Background()
	dir := t.TempDir()
	s := openTest(t, Options{Backend: Bolt, Path: filepath.Join(dir, "kg.db"), Create: true})
	for _, d := range v0 {
		if _, err := s.LoadDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	ref := openTest(t, Options{Backend: Bolt, Path: filepath.Join(dir, "ref.db"), Create: true})
	for _, d := range v1 {
		if _, err := ref.LoadDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	crashes := 0
	// crash copies s, runs write on the copy with a crash between its
	// steps, and checks what the crash left: a store that verifies and
	// that then builds as from scratch.
	crash := func(what string, rebuild bool, write func(*Store) error) {
		t.Helper()
		path := filepath.Join(dir, "crash.db")
		os.Remove(path)
		if err := s.bolt.View(func(tx *bbolt.Tx) error { return tx.CopyFile(path, 0o600) }); err != nil {
			t.Fatal(err)
		}
		c, err := Open(ctx, Options{Backend: Bolt, Path: path})
		if err != nil {
			t.Fatal(err)
		}
		c.between = func() error { return errCrash }
		err = write(c)
		if cerr := c.Close(); cerr != nil {
			t.Fatal(cerr)
		}
		switch {
		case errors.Is(err, errCrash):
			crashes++
			t.Logf("%s: crashed between its steps", what)
		case err != nil:
			t.Fatalf("%s: %v", what, err)
		default:
			return // one step: nothing to crash between
		}
		c, err = Open(ctx, Options{Backend: Bolt, Path: path})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if problems, err := c.Verify(ctx); err != nil || len(problems) > 0 {
			t.Errorf("%s, crashed between its steps: verify: %v %q", what, err, problems)
		}
		if !rebuild {
			return
		}
		for _, d := range v1 {
			if _, err := c.LoadDocument(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		sameQuads(t, what+", crashed, then built again", c, ref)
	}
	for _, d := range v1 {
		crash("loading "+d.Name, true, func(c *Store) error {
			_, err := c.LoadDocument(ctx, d)
			return err
		})
		if _, err := s.LoadDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	// A removal that moves another document's evidence (a short name
	// that joined a person of the removed document) has two steps too.
	for _, d := range v1 {
		crash("removing "+d.Name, true, func(c *Store) error { return c.Remove(ctx, d.Name) })
		if err := s.Remove(ctx, d.Name); err != nil {
			t.Fatal(err)
		}
		if _, err := s.LoadDocument(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	// A correction moves the evidence of every document it concerns.
	crash("merging two entities", false, func(c *Store) error {
		_, err := c.Merge(ctx, "Trade Department", "Trade Department 1")
		return err
	})
	if crashes == 0 {
		t.Fatal("no write had two steps: the test tests nothing")
	}
	t.Logf("%d writes crashed between their steps", crashes)
}
