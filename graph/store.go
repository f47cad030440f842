package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	csql "github.com/cayleygraph/cayley/graph/sql"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach" // registers the "cockroach" SQL flavour and the pgx driver
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"  // registers the "postgres" SQL flavour and lib/pq's driver
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	"go.etcd.io/bbolt"

	"github.com/kgraph/kg/schema"
)

// Backends accepted by [Options.Backend].
const (
	Bolt      = "bolt"      // one bbolt file, persistent; the default
	Memory    = "memory"    // in memory, gone on Close
	Postgres  = "postgres"  // a PostgreSQL database (or one that speaks its protocol), by URL
	Cockroach = "cockroach" // a CockroachDB database, by URL
)

// sqlDrivers are the database/sql drivers of the SQL backends, as Cayley
// registers them.
var sqlDrivers = map[string]string{Postgres: "postgres", Cockroach: "pgx"}

// DefaultLockTimeout is how long [Open] waits for a bolt file that another
// Store holds, when [Options.LockTimeout] is zero.
const DefaultLockTimeout = time.Second

var (
	// ErrNotFound is returned, wrapped with the path or name, for a store
	// that does not exist; an entity, document or correction that is not
	// in the graph gives an error that matches it. It is
	// [schema.ErrNotFound], which the read models' lookups match too.
	ErrNotFound = schema.ErrNotFound

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
	Backend string // Bolt (the default when empty), Memory, Postgres or Cockroach

	// Path is the bolt file, or the SQL database's connection URL
	// ("postgres://user:pass@host:5432/kg?sslmode=disable"); Memory ignores
	// it.
	Path string

	// Create creates the store when it is missing (the bolt file, or the
	// tables in the SQL database); otherwise a missing store is
	// ErrNotFound. Writing commands set it, reading ones do not.
	Create bool

	// ReadOnly opens the bolt file with a shared lock, so that several
	// read-only Stores can use it at once; Load then fails with ErrReadOnly.
	// SQL stores are shared by their server and ignore it, except that
	// writes fail.
	ReadOnly bool

	// LockTimeout is how long to wait for a bolt file held by another Store
	// before failing with ErrLocked; zero means DefaultLockTimeout.
	LockTimeout time.Duration
}

// Store is a quad store holding kg's graph. Its methods are safe for
// concurrent use.
type Store struct {
	// exclusive makes readers take mu for writing: Cayley's memstore and
	// SQL quad store are not safe for concurrent use, even by readers.
	exclusive bool
	readOnly  bool

	mu sync.RWMutex // guards qs; see exclusive
	qs cgraph.QuadStore

	backend string    // as opened, never empty
	path    string    // bolt: the file; SQL: the URL
	db      *sql.DB   // SQL: our own connections, beside Cayley's, for locks and sizes
	bolt    *bbolt.DB // bolt: the file, as Cayley's store uses it
	ix      *index    // bolt, PostgreSQL: kg's own index (see index.go); nil on CockroachDB, memory, and a read-only store that an older kg wrote

	// between, when not nil, runs between the two steps of each bolt
	// write; an error stops the write there, as a crash would. Tests set it.
	between func() error
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
		return &Store{qs: memstore.New(), exclusive: true, backend: Memory}, nil
	case Bolt, "":
		return openBolt(ctx, opts)
	case Postgres, Cockroach:
		return openSQL(ctx, opts)
	default:
		return nil, fmt.Errorf("open: unknown backend %q (want %s, %s, %s or %s)",
			opts.Backend, Bolt, Memory, Postgres, Cockroach)
	}
}

// openSQL opens a PostgreSQL or CockroachDB store through Cayley's SQL quad
// store, and a pool of our own beside it. A database without Cayley's tables
// is ErrNotFound unless Create is set, which creates them.
func openSQL(ctx context.Context, opts Options) (*Store, error) {
	if opts.Path == "" {
		return nil, fmt.Errorf("open %s: empty database URL", opts.Backend)
	}
	name := redactURL(opts.Path)
	db, err := sql.Open(sqlDrivers[opts.Backend], opts.Path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	// Readers take turns: Cayley's SQL optimiser counts its table aliases in
	// shared state.
	s := &Store{db: db, backend: opts.Backend, path: opts.Path, readOnly: opts.ReadOnly, exclusive: true}
	exists, err := hasTables(ctx, db)
	if err == nil && !exists && opts.Create && !opts.ReadOnly {
		// Two processes creating the tables at once collide in
		// PostgreSQL's catalogue: take turns, and look again.
		err = s.withLock(ctx, true, func() error {
			if exists, err = hasTables(ctx, db); err != nil || exists {
				return err
			}
			err := csql.Init(opts.Backend, opts.Path, nil)
			if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
				return fmt.Errorf("init: %w", err)
			}
			exists = true
			return nil
		})
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	if !exists {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", name, ErrNotFound)
	}
	if opts.Backend == Cockroach {
		qs, err := csql.New(opts.Backend, opts.Path, nil)
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("open %s: %w", name, err)
		}
		s.qs = qs
		return s, nil
	}
	// PostgreSQL: through kg's flavour, whose writes write the index too
	// (index_sql.go), on connections that name this Store
	ix := &sqlIndex{db: db, token: newToken()}
	dsn, err := withSetting(opts.Path, ix.token)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	qs, err := csql.New(sqlFlavor, dsn, nil)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	s.qs = qs
	if err := s.openSQLIndex(ctx, ix); err != nil {
		s.Close()
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	return s, nil
}

// openSQLIndex takes up the database's index (see index_sql.go). A
// database that an older kg wrote has none: opened for writing, it gets one,
// built from its quads while no other kg writes; opened read-only,
// questions read the quads.
func (s *Store) openSQLIndex(ctx context.Context, ix *sqlIndex) error {
	v, err := sqlIndexVersion(ctx, s.db)
	if err != nil {
		return err
	}
	if v != ixVersion {
		if s.readOnly {
			return nil
		}
		err := s.withLock(ctx, true, func() error {
			if v, err := sqlIndexVersion(ctx, s.db); err != nil || v == ixVersion {
				return err
			}
			return s.buildIndex(ctx, s.qs, &index{sql: ix})
		})
		if err != nil {
			return err
		}
	}
	s.ix = &index{sql: ix}
	return nil
}

// hasTables reports whether Cayley's quads table is in the database (in the
// first schema of the search path).
func hasTables(ctx context.Context, db *sql.DB) (bool, error) {
	var ok bool
	err := db.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL`).Scan(&ok)
	return ok, err
}

// redactURL returns the URL without its password, for messages.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	return u.Redacted()
}

func openBolt(ctx context.Context, opts Options) (*Store, error) {
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
	db, err := bbolt.Open(path, 0o644, &bbolt.Options{Timeout: timeout, ReadOnly: opts.ReadOnly, FreelistType: bbolt.FreelistMapType, NoFreelistSync: true})
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, &lockedError{path: path}
	} else if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	hook := &hookedKV{KV: hbolt.New(db)}
	qs, err := newKV(hook, opts.Create)
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
	s := &Store{qs: qs, readOnly: opts.ReadOnly, backend: Bolt, path: path, bolt: db}
	if err := s.openIndex(ctx, hook); err != nil {
		s.Close()
		if created {
			os.Remove(path)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return s, nil
}

// openIndex takes up the bolt file's index (see index.go). A store that an
// older kg wrote has none: opened for writing, it gets one, built from its
// quads; opened read-only, questions read the quads.
func (s *Store) openIndex(ctx context.Context, hook *hookedKV) error {
	v, err := indexVersion(s.bolt)
	if err != nil {
		return err
	}
	if v != ixVersion {
		if s.readOnly {
			return nil
		}
		if err := s.buildIndex(ctx, s.qs, &index{bolt: s.bolt}); err != nil {
			return err
		}
	}
	s.ix = &index{bolt: s.bolt, hook: hook}
	return nil
}

// Reindex builds the index of a bolt or PostgreSQL store anew from its
// quads (see [Store.Verify]); other stores have none, and it does nothing.
func (s *Store) Reindex(ctx context.Context) error {
	if s.readOnly {
		return ErrReadOnly
	}
	qs, release, err := s.useForWrite()
	if err != nil {
		return err
	}
	defer release()
	if s.ix == nil {
		return nil
	}
	if s.db != nil {
		// writers side by side would write the old index over the new
		return s.withLock(ctx, true, func() error { return s.buildIndex(ctx, qs, s.ix) })
	}
	return s.buildIndex(ctx, qs, s.ix)
}

// newKV opens Cayley's kv quad store on db, initialising it first when it is
// empty and create is set.
func newKV(db hkv.KV, create bool) (cgraph.QuadStore, error) {
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
	if s.db != nil {
		err = errors.Join(err, s.db.Close())
	}
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

// String names the store for messages: the bolt file, the database URL
// without its password, or "a memory store".
func (s *Store) String() string {
	if s.backend == Memory {
		return "a memory store"
	}
	return redactURL(s.path)
}

// Version names the state of the store: it changes with every write that
// commits, so that what is computed from the whole graph (kg rank, kg
// communities) can be kept until then. On bolt it is the file's last
// transaction ID, with its time of modification and its counts of quads
// and nodes, so that a store made anew in the same place has another. On
// PostgreSQL and CockroachDB it is the quads table's identity (a table made
// anew has another), its count of rows and its highest horizon (the
// counter every added quad takes): an addition raises the horizon, a
// removal lowers the count. A memory store gives "", no version, and
// nothing is kept.
func (s *Store) Version(ctx context.Context) (string, error) {
	if s.db != nil {
		var table, quads, horizon int64
		err := s.db.QueryRowContext(ctx, `SELECT 'quads'::regclass::oid::bigint,
			(SELECT count(*) FROM quads), (SELECT coalesce(max(horizon), 0) FROM quads)`).Scan(&table, &quads, &horizon)
		if err != nil {
			return "", fmt.Errorf("version: %w", err)
		}
		return fmt.Sprintf("%s quads table %d, %d quads, horizon %d", s.backend, table, quads, horizon), nil
	}
	if s.bolt == nil {
		return "", nil
	}
	qs, release, err := s.use()
	if err != nil {
		return "", fmt.Errorf("version: %w", err)
	}
	defer release()
	var txid int
	if err := s.bolt.View(func(tx *bbolt.Tx) error { txid = tx.ID(); return nil }); err != nil {
		return "", fmt.Errorf("version: %w", err)
	}
	st, err := qs.Stats(ctx, false)
	if err != nil && !errors.Is(err, kv.ErrNoBucket) {
		return "", fmt.Errorf("version: %w", err)
	}
	fi, err := os.Stat(s.path)
	if err != nil {
		return "", fmt.Errorf("version: %w", err)
	}
	return fmt.Sprintf("bolt tx %d, modified %d, %d quads, %d nodes", txid, fi.ModTime().UnixNano(),
		st.Quads.Value, st.Nodes.Value), nil
}
