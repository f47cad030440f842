package graph

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"golang.org/x/sync/errgroup"

	"github.com/kgraph/kg/schema"
)

// WriteNQuads writes the quads that loading the documents and facts would
// store, in N-Quads, each once, in a deterministic order.
func WriteNQuads(w io.Writer, docs []string, facts []schema.Fact) error {
	qs, err := loadQuads(docs, facts)
	if err != nil {
		return err
	}
	qw := nquads.NewWriter(w)
	if _, err := qw.WriteQuads(qs); err != nil {
		return fmt.Errorf("write n-quads: %w", err)
	}
	return qw.Close()
}

// ParseError is a line of an N-Quads file that does not parse: the caller's
// error, not the store's.
type ParseError struct {
	File string
	Line int // from 1
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

// DefaultBatch is a batch size for [Store.LoadNQuads] that trades its
// atomicity for speed: the fastest of the sizes that BenchmarkLoadNQuads
// compares on bolt (see bench/README.md).
const DefaultBatch = 10_000

// LoadNQuads loads the N-Quads file at path and returns how many quads it
// read, skipping those the store holds. It first parses every line, so that
// a file with a bad line (a [*ParseError], naming the file and line) writes
// nothing.
//
// With batch <= 0 the load is atomic: the whole file is one transaction, in
// memory until it commits, and a crash leaves the store as it was. With
// batch > 0 it reads the file twice and writes transactions of batch quads,
// parsing the next while Cayley writes one: faster on large files, but a
// crash leaves the batches written before it (loading the file again
// completes it).
//
// The quads are written as they are: LoadNQuads does not check that they
// follow kg's schema ([Store.Verify] does).
func (s *Store) LoadNQuads(ctx context.Context, path string, batch int) (int64, error) {
	if batch <= 0 {
		return s.loadNQuadsAtomic(ctx, path)
	}
	n, err := readNQuads(ctx, path, batch, nil)
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", path, err)
	}
	err = s.write(ctx, func(ctx context.Context, qs cgraph.QuadStore, _ bool) (bool, error) {
		// IgnoreDup makes Cayley look each quad up before it writes it.
		r := reader{qs: qs, ix: s.ix}
		opts := cgraph.IgnoreOpts{IgnoreDup: true}
		// Parse the next batch while Cayley writes this one.
		batches := make(chan []quad.Quad, 1)
		g, gctx := errgroup.WithContext(ctx)
		g.Go(func() error {
			defer close(batches)
			_, err := readNQuads(gctx, path, batch, func(b []quad.Quad) error {
				select {
				case batches <- slices.Clone(b):
					return nil
				case <-gctx.Done():
					return gctx.Err()
				}
			})
			return err
		})
		g.Go(func() error {
			for b := range batches {
				if err := retry(gctx, func() error { return r.applyDeltas(gctx, nil, b, opts) }); err != nil {
					return err // cancels gctx, which ends the reader
				}
			}
			return nil
		})
		return true, g.Wait()
	})
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", path, err)
	}
	return n, nil
}

// loadNQuadsAtomic is LoadNQuads in one transaction.
func (s *Store) loadNQuadsAtomic(ctx context.Context, path string) (int64, error) {
	var all []quad.Quad
	n, err := readNQuads(ctx, path, 1<<16, func(b []quad.Quad) error {
		all = append(all, b...)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", path, err)
	}
	err = s.write(ctx, func(ctx context.Context, qs cgraph.QuadStore, _ bool) (bool, error) {
		if err := ctx.Err(); err != nil {
			return true, err
		}
		r := reader{qs: qs, ix: s.ix}
		return true, retry(ctx, func() error { return r.applyDeltas(ctx, nil, all, cgraph.IgnoreOpts{IgnoreDup: true}) })
	})
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", path, err)
	}
	return n, nil
}

// readNQuads parses the file and hands its quads to fn, batch at a time; with
// fn nil it only checks them. Blank lines and comments are skipped.
func readNQuads(ctx context.Context, path string, batch int, fn func([]quad.Quad) error) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	var (
		n    int64
		buf  []quad.Quad
		line []byte
	)
	if fn != nil {
		buf = make([]quad.Quad, 0, batch)
	}
	for lineNo := 1; ; lineNo++ {
		line = line[:0]
		var err error
		for {
			var part []byte
			var more bool
			part, more, err = br.ReadLine()
			line = append(line, part...)
			if !more || err != nil {
				break
			}
		}
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return n, err
		}
		text := bytes.TrimSpace(line)
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		q, err := nquads.Parse(string(text))
		if err == nil && !q.IsValid() {
			err = errors.New("not a quad: a subject, a predicate and an object are needed")
		}
		if err != nil {
			return n, &ParseError{File: path, Line: lineNo, Err: err}
		}
		n++
		if fn == nil {
			if n%int64(batch) == 0 {
				if err := ctx.Err(); err != nil {
					return n, err
				}
			}
			continue
		}
		buf = append(buf, q)
		if len(buf) == batch {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			if err := fn(buf); err != nil {
				return n, err
			}
			buf = buf[:0]
		}
	}
	if fn != nil && len(buf) > 0 {
		return n, fn(buf)
	}
	return n, nil
}

// CheckNQuads parses the N-Quads file at path without a store and returns
// how many quads it holds; a bad line is a [*ParseError]. Callers that load
// several files check them all first, so that a bad one writes nothing.
func CheckNQuads(ctx context.Context, path string) (int64, error) {
	return readNQuads(ctx, path, DefaultBatch, nil)
}
