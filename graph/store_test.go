package graph

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "foreign.db") // a bbolt file that holds no store
	db, err := bbolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	notBolt := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notBolt, []byte("not a database, but long enough to be mistaken for one? no.\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		opts Options
		is   error  // the error matches it, if set
		msg  string // the error contains it
	}{
		{"missing", Options{Path: filepath.Join(dir, "missing.db")}, ErrNotFound, "missing.db: store not found"},
		{"missing read-only", Options{Path: filepath.Join(dir, "missing.db"), ReadOnly: true}, ErrNotFound, "store not found"},
		{"not a store", Options{Path: foreign}, ErrNotFound, "foreign.db: store not found"},
		{"not bolt", Options{Path: notBolt}, nil, "notes.txt"},
		{"directory", Options{Path: dir, Create: true}, nil, "is a directory"},
		{"empty path", Options{Backend: Bolt}, nil, "empty path"},
		{"create read-only", Options{Path: filepath.Join(dir, "x.db"), Create: true, ReadOnly: true}, nil, "exclude"},
		{"unknown backend", Options{Backend: "leveldb", Path: "x"}, nil, `unknown backend "leveldb"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(context.Background(), tt.opts)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%+v) = nil error, want one containing %q", tt.opts, tt.msg)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("Open: got %v, want an error matching %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Open: got %q, want it to contain %q", err, tt.msg)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Open without Create left a file behind: stat: %v", err)
	}
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s, err := Open(ctx, Options{Path: path, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := storeFacts(ctx, s, testDocs, testFacts()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := s.Stats(ctx); !errors.Is(err, ErrClosed) {
		t.Errorf("Stats after Close: got %v, want ErrClosed", err)
	}

	for _, opts := range []Options{
		{Path: path},
		{Path: path, Create: true},
		{Path: path, ReadOnly: true},
	} {
		s := openTest(t, opts)
		got, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got != testStats {
			t.Errorf("%+v: Stats after reopening: got %+v, want %+v", opts, got, testStats)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kg.db")
	s, err := Open(ctx, Options{Path: path, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r1 := openTest(t, Options{Path: path, ReadOnly: true})
	r2 := openTest(t, Options{Path: path, ReadOnly: true}) // readers share the file
	if err := storeFacts(ctx, r1, testDocs, testFacts()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Load on a read-only store: got %v, want ErrReadOnly", err)
	}
	if _, err := r2.Query(ctx, `g.V().All()`, 0); err != nil {
		t.Errorf("Query on a read-only store: %v", err)
	}
	_, err = Open(ctx, Options{Path: path, LockTimeout: 50 * time.Millisecond})
	if !errors.Is(err, ErrLocked) {
		t.Errorf("Open for writing while readers hold the file: got %v, want ErrLocked", err)
	}
}

// checkLocked opens path, which another Store holds, and checks that Open
// fails quickly with the locked error.
func checkLocked(t *testing.T, path string) {
	t.Helper()
	start := time.Now()
	s, err := Open(context.Background(), Options{Path: path, LockTimeout: 100 * time.Millisecond})
	if err == nil {
		s.Close()
		t.Fatal("Open of a held store: got no error, want ErrLocked")
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Open of a held store took %v", d)
	}
	if !errors.Is(err, ErrLocked) {
		t.Errorf("Open of a held store: got %v, want ErrLocked", err)
	}
	if want := fmt.Sprintf("store %s is locked by another process", path); err.Error() != want {
		t.Errorf("Open of a held store: got %q, want %q", err, want)
	}
}

func TestOpenLockedSameProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kg.db")
	openTest(t, Options{Path: path, Create: true})
	checkLocked(t, path)
}

func TestOpenLockedOtherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kg.db")
	s := openTest(t, Options{Path: path, Create: true})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldStore$")
	cmd.Env = append(os.Environ(), "KG_GRAPH_TEST_HOLD="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close() // tells the helper to let go
		if err := cmd.Wait(); err != nil {
			t.Errorf("helper process: %v", err)
		}
	}()
	ready := false
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if sc.Text() == "ready" {
			ready = true
			break
		}
	}
	if !ready {
		t.Fatalf("helper process did not open the store: %v", sc.Err())
	}
	go io.Copy(io.Discard, stdout)
	checkLocked(t, path)
}

// TestHelperHoldStore is not a test: TestOpenLockedOtherProcess runs it in a
// process of its own, where it holds a store until its stdin closes.
func TestHelperHoldStore(t *testing.T) {
	path := os.Getenv("KG_GRAPH_TEST_HOLD")
	if path == "" {
		t.Skip("helper process of TestOpenLockedOtherProcess")
	}
	s, err := Open(context.Background(), Options{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fmt.Println("ready")
	io.Copy(io.Discard, os.Stdin)
}

func TestOpenSQL(t *testing.T) {
	ctx := context.Background()
	u := testPostgres(t)
	_, err := Open(ctx, Options{Backend: Postgres, Path: u})
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("Open of an empty database without Create: got %v, want ErrNotFound", err)
	}
	if strings.Contains(err.Error(), "kg:kg@") {
		t.Errorf("error %q shows the password", err)
	}
	s := openTest(t, Options{Backend: Postgres, Path: u, Create: true})
	if err := storeFacts(ctx, s, testDocs, testFacts()); err != nil {
		t.Fatal(err)
	}
	// A second Store on the same database, as a reading command opens it.
	r := openTest(t, Options{Backend: Postgres, Path: u})
	if got, err := r.Stats(ctx); err != nil || got != testStats {
		t.Errorf("Stats through a second Store: got %+v, %v, want %+v", got, err, testStats)
	}
	if _, err := Open(ctx, Options{Backend: Cockroach}); err == nil || !strings.Contains(err.Error(), "empty database URL") {
		t.Errorf("cockroach without a URL: got %v", err)
	}
}
