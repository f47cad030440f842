package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// errBusy is a read that found the store held by a writer, with no snapshot
// to answer from: 503, try again.
var errBusy = errors.New("the store is being written by another process (kg build?); try again when it is done")

// lockWait is how long a read waits for a writer's lock before it answers
// from the snapshot it has (or errBusy): no time, one try, so that the
// answers stay quick while a build holds the file for minutes. (Zero would
// mean graph's default of a second.)
const lockWait = time.Nanosecond

// inlineRead is the longest a store may have taken to read for the next
// read to be made while a request waits for it. A store slower to read is
// read again in the background, and the requests meanwhile get the
// snapshot they had: on the benchmark corpus's store a read takes most of
// a minute.
const inlineRead = time.Second

// source reads the store for the server: it opens it read-only for each read
// and closes it after, and keeps the last snapshot of the whole graph.
type source struct {
	opts   graph.Options // read-only
	inline time.Duration // see inlineRead
	log    *slog.Logger

	mu      sync.Mutex // guards the rest; held while a request reads the store, so one read at a time
	cur     *state
	busy    bool          // a writer held the file at the last try, or it is being read again
	took    time.Duration // how long the last read took
	reading bool          // a background read is under way
	wg      sync.WaitGroup
}

// state is one snapshot of the store and what is derived from it. It does
// not change once made.
type state struct {
	snap   *schema.Snapshot
	dates  map[string]string // document -> its date as written
	readAt time.Time
	stamp  stamp
	index  *searchIndex

	mu     sync.Mutex                      // guards graphs
	graphs map[graph.Period]*analyze.Graph // by period; the open period always there
}

// stamp tells whether the bolt file changed since a snapshot was read.
type stamp struct {
	size    int64
	modTime time.Time
	checked time.Time // SQL stores: when, since no file says they changed
}

func newSource(opts graph.Options, log *slog.Logger) *source {
	opts.ReadOnly, opts.Create = true, false
	if opts.LockTimeout == 0 {
		opts.LockTimeout = lockWait
	}
	return &source{opts: opts, inline: inlineRead, log: log}
}

func (src *source) isBolt() bool { return src.opts.Backend == graph.Bolt || src.opts.Backend == "" }

// sqlRefresh is how old a snapshot of a SQL store may be before the next
// request reads it again.
const sqlRefresh = 10 * time.Second

// stampNow returns the file's stamp, now.
func (src *source) stampNow() (stamp, error) {
	if !src.isBolt() {
		return stamp{checked: time.Now()}, nil
	}
	fi, err := os.Stat(src.opts.Path)
	if errors.Is(err, os.ErrNotExist) {
		return stamp{}, fmt.Errorf("open %s: %w", src.opts.Path, graph.ErrNotFound)
	} else if err != nil {
		return stamp{}, err
	}
	return stamp{size: fi.Size(), modTime: fi.ModTime()}, nil
}

func (s stamp) same(t stamp) bool {
	if !s.checked.IsZero() {
		return t.checked.Sub(s.checked) < sqlRefresh
	}
	return s.size == t.size && s.modTime.Equal(t.modTime)
}

// current returns the snapshot of the store as it is now, read again if the
// file changed since the last one. busy reports that the snapshot may be
// older than the file: a writer holds it, or (for a store slow to read) it
// is being read again in the background.
func (src *source) current(ctx context.Context) (st *state, busy bool, err error) {
	src.mu.Lock()
	defer src.mu.Unlock()
	now, err := src.stampNow()
	if err != nil {
		return nil, false, err
	}
	switch {
	case src.cur != nil && src.cur.stamp.same(now):
		return src.cur, false, nil
	case src.reading:
		return src.cur, true, nil
	case src.cur != nil && src.took > src.inline:
		src.reading, src.busy = true, true
		src.wg.Add(1)
		go src.refresh(context.WithoutCancel(ctx), now)
		return src.cur, true, nil
	}
	start := time.Now()
	st, err = src.read(ctx, now)
	switch {
	case errors.Is(err, graph.ErrLocked) && src.cur != nil:
		src.busy = true
		return src.cur, true, nil
	case errors.Is(err, graph.ErrLocked):
		src.busy = true
		return nil, true, errBusy
	case err != nil:
		return nil, false, err
	}
	src.cur, src.busy, src.took = st, false, time.Since(start)
	return st, false, nil
}

// refresh reads the store in the background, for a store slow to read; the
// requests meanwhile get the snapshot they had. A failed read keeps it, and
// is logged; the next request tries again.
func (src *source) refresh(ctx context.Context, now stamp) {
	defer src.wg.Done()
	start := time.Now()
	st, err := src.read(ctx, now)
	src.mu.Lock()
	defer src.mu.Unlock()
	src.reading = false
	switch {
	case errors.Is(err, graph.ErrLocked):
		// A writer has it: busy, as it stays.
	case err != nil:
		src.log.ErrorContext(ctx, "read the store again", slog.String("store", src.opts.Path), slog.Any("err", err))
	default:
		src.cur, src.busy, src.took = st, false, time.Since(start)
	}
}

// wait waits for the background read, if one is under way.
func (src *source) wait() { src.wg.Wait() }

// read opens the store, reads the snapshot and the documents' dates, and
// closes it.
func (src *source) read(ctx context.Context, now stamp) (*state, error) {
	var st *state
	err := src.with(ctx, func(s *graph.Store) error {
		snap, err := s.Snapshot(ctx)
		if err != nil {
			return err
		}
		docs, err := s.Documents(ctx)
		if err != nil {
			return err
		}
		dates := make(map[string]string, len(docs))
		for _, d := range docs {
			dates[d.Name] = d.Date
		}
		st = &state{snap: snap, dates: dates, readAt: time.Now().UTC(), stamp: now,
			index:  newSearchIndex(snap),
			graphs: map[graph.Period]*analyze.Graph{{}: analyze.New(snap)}}
		return nil
	})
	return st, err
}

// local opens the store read-only and lets fn read what a question needs
// through a [graph.Local], then closes it. A store that a writer holds
// gives [graph.ErrLocked] at once.
func (src *source) local(ctx context.Context, fn func(l *graph.Local) error) error {
	return src.with(ctx, func(s *graph.Store) error { return s.Local(ctx, fn) })
}

// with opens the store read-only, runs fn and closes it: the server holds
// the file only while it reads.
func (src *source) with(ctx context.Context, fn func(*graph.Store) error) error {
	s, err := graph.Open(ctx, src.opts)
	if err != nil {
		return err
	}
	err = fn(s)
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return err
}

// maxPeriods is how many periods' graphs a state keeps besides the whole.
const maxPeriods = 8

// graphOf returns the analysis graph of the period's facts, made once per
// period (a few kept).
func (st *state) graphOf(p graph.Period) *analyze.Graph {
	st.mu.Lock()
	defer st.mu.Unlock()
	if g, ok := st.graphs[p]; ok {
		return g
	}
	if len(st.graphs) > maxPeriods {
		for k := range st.graphs {
			if !k.Open() {
				delete(st.graphs, k)
			}
		}
	}
	g := analyze.New(st.within(p))
	st.graphs[p] = g
	return g
}

// within returns the snapshot's facts of the period, each sentence dated by
// its own time or else by its document's date.
func (st *state) within(p graph.Period) *schema.Snapshot {
	return graph.Within(st.snap, p, func(doc string) string { return st.dates[doc] })
}

// maxRelations is how many relations the page's filter lists: the most
// used.
const maxRelations = 500

// vocabulary returns the entity types of the snapshot and its relations
// (the maxRelations with the most facts), each sorted by name, for the
// page's filters.
func (st *state) vocabulary() (types, relations []string) {
	seen := make(map[string]bool)
	types = []string{}
	for _, e := range st.snap.Entities {
		if e.Type != "" && !seen[e.Type] {
			seen[e.Type] = true
			types = append(types, e.Type)
		}
	}
	count := make(map[string]int)
	for _, f := range st.snap.Facts {
		count[f.Relation]++
	}
	relations = make([]string, 0, len(count))
	for r := range count {
		relations = append(relations, r)
	}
	slices.SortFunc(relations, func(a, b string) int { return cmp.Or(count[b]-count[a], strings.Compare(a, b)) })
	relations = relations[:min(len(relations), maxRelations)]
	slices.Sort(types)
	slices.Sort(relations)
	return types, relations
}
