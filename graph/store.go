package graph

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	"go.etcd.io/bbolt"
)

// Backends accepted by [Options.Backend].
const (
	Bolt   = "bolt"   // one bbolt file, persistent; the default
	Memory = "memory" // in memory, gone on Close
)

// DefaultLockTimeout is how long [Open] waits for a bolt file that another
// Store holds, when [Options.LockTimeout] is zero.
const DefaultLockTimeout = time.Second

var (
	// ErrNotFound is returned, wrapped with the path or name, for a store
	// that does not exist and an entity that is not in the graph.
	ErrNotFound = errors.New("store not found")

	// ErrLocked is matched (with errors.Is) by the error [Open] returns for a
	// bolt file that another Store, in this process or another, holds.
	ErrLocked = errors.New("store is locked by another process")

	// ErrClosed is returned by the methods of a closed Store.
	ErrClosed = errors.New("store is closed")

	// ErrReadOnly is returned by Load on a store opened read-only.
	ErrReadOnly = errors.New("store is read-only")
)

// lockedError names the locked file; it matches [ErrLocked].
type lockedError struct{ path string }

func (e *lockedError) Error() string {
	return fmt.Sprintf("store %s is locked by another process", e.path)
}
func (e *lockedError) Is(target error) bool { return target == ErrLocked }

// Options configures [Open]. The zero value opens the bolt file "" and fails:
// set Path.
type Options struct {
	Backend string // Bolt (the default when empty) or Memory
	Path    string // bolt: the database file; ignored by Memory

	// Create creates the bolt file when it is missing; otherwise a missing
	// file is ErrNotFound. Writing commands set it, reading ones do not.
	Create bool

	// ReadOnly opens the bolt file with a shared lock, so that several
	// read-only Stores can use it at once; Load then fails with ErrReadOnly.
	ReadOnly bool

	// LockTimeout is how long to wait for a bolt file held by another Store
	// before failing with ErrLocked; zero means DefaultLockTimeout.
	LockTimeout time.Duration
}

// Store is a quad store holding kg's graph. Its methods are safe for
// concurrent use.
type Store struct {
	// exclusive makes readers take mu for writing: Cayley's memstore is not
	// safe for concurrent use, even by readers.
	exclusive bool
	readOnly  bool

	mu sync.RWMutex // guards qs; see exclusive
	qs cgraph.QuadStore
}

// kvOptions are the options of Cayley's kv quad store: no bloom filters,
// which would take ~500 MB per open store.
func kvOptions() cgraph.Options { return cgraph.Options{kv.OptNoBloom: true} }

// Open opens (or, with Create, creates) the store that opts describes.
func Open(ctx context.Context, opts Options) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open %s: %w", opts.Path, err)
	}
	switch opts.Backend {
	case Memory:
		return &Store{qs: memstore.New(), exclusive: true}, nil
	case Bolt, "":
		return openBolt(opts)
	default:
		return nil, fmt.Errorf("open: unknown backend %q (want %q or %q)", opts.Backend, Bolt, Memory)
	}
}

func openBolt(opts Options) (*Store, error) {
	path := opts.Path
	if path == "" {
		return nil, errors.New("open: empty path")
	}
	if opts.Create && opts.ReadOnly {
		return nil, fmt.Errorf("open %s: create and read-only exclude each other", path)
	}
	created := false
	switch fi, err := os.Stat(path); {
	case errors.Is(err, fs.ErrNotExist):
		if !opts.Create {
			return nil, fmt.Errorf("open %s: %w", path, ErrNotFound)
		}
		created = true
	case err != nil:
		return nil, fmt.Errorf("open %s: %w", path, err)
	case fi.IsDir():
		return nil, fmt.Errorf("open %s: is a directory", path)
	}

	timeout := opts.LockTimeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	// Cayley's own bolt backends open the file with no timeout, and bbolt
	// then waits forever for the lock of another process; so we open it.
	db, err := bbolt.Open(path, 0o644, &bbolt.Options{Timeout: timeout, ReadOnly: opts.ReadOnly})
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, &lockedError{path: path}
	} else if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	qs, err := newKV(hbolt.New(db), opts.Create)
	if err != nil {
		db.Close()
		if created {
			os.Remove(path)
		}
		if errors.Is(err, cgraph.ErrNotInitialized) {
			// A bbolt file, but not one of ours (or one whose creation
			// did not finish): there is no store in it.
			return nil, fmt.Errorf("open %s: %w", path, ErrNotFound)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &Store{qs: qs, readOnly: opts.ReadOnly}, nil
}

// newKV opens Cayley's kv quad store on db, initialising it first when it is
// empty and create is set.
func newKV(db *hbolt.DB, create bool) (cgraph.QuadStore, error) {
	qs, err := kv.New(db, kvOptions())
	if errors.Is(err, cgraph.ErrNotInitialized) && create {
		if err := kv.Init(db, kvOptions()); err != nil {
			return nil, fmt.Errorf("init: %w", err)
		}
		qs, err = kv.New(db, kvOptions())
	}
	return qs, err
}

// Close closes the store. It waits for the calls in progress. Closing a
// closed store does nothing.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.qs == nil {
		return nil
	}
	err := s.qs.Close()
	s.qs = nil
	if err != nil {
		return fmt.Errorf("close: %w", err)
	}
	return nil
}

// use returns the quad store and the function that releases it, for
// reading. On bolt, readers share; on memory, whose readers write shared
// state, they take turns.
func (s *Store) use() (cgraph.QuadStore, func(), error) {
	return s.acquire(s.exclusive)
}

// useForWrite is use for a load, which excludes every other call of this
// Store. bbolt alone would let readers run beside a writer, but a reader that
// nests read transactions (Cayley's iterators do) deadlocks with a writer
// that must grow the file's memory map between them.
func (s *Store) useForWrite() (cgraph.QuadStore, func(), error) {
	return s.acquire(true)
}

func (s *Store) acquire(exclusive bool) (cgraph.QuadStore, func(), error) {
	lock, unlock := s.mu.RLock, s.mu.RUnlock
	if exclusive {
		lock, unlock = s.mu.Lock, s.mu.Unlock
	}
	lock()
	if s.qs == nil {
		unlock()
		return nil, nil, ErrClosed
	}
	return s.qs, unlock, nil
}
