package gizmo

import (
	"context"
	"errors"
	"fmt"
	"runtime/metrics"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/dop251/goja"
)

// Defaults of [Options].
const (
	DefaultMaxResults = 100_000
	DefaultMaxSteps   = 50_000_000
	DefaultMaxMemory  = 256 << 20
)

// Budget errors: a query that passes one of its budgets fails with an
// [*Error] that wraps one of these.
var (
	ErrTooManyResults = errors.New("too many results")
	ErrTooManySteps   = errors.New("step budget exhausted")
	ErrMemory         = errors.New("memory budget exhausted")
)

// Options bound a query. The zero value means the defaults.
type Options struct {
	// Limit truncates the results: with Limit > 0, the query stops, without
	// an error, once it has given Limit results.
	Limit int
	// MaxResults fails a query that gives more results than this when no
	// Limit is set. Default DefaultMaxResults.
	MaxResults int
	// MaxSteps fails a query after this many steps: calls of bindings and
	// paths visited by finals. Default DefaultMaxSteps.
	MaxSteps int64
	// MaxMemory fails a query when the Go heap has grown by more than this
	// many bytes since it started. Default DefaultMaxMemory.
	MaxMemory uint64
	// Interval is how often the watchdog samples the heap. Default 5 ms.
	Interval time.Duration
}

// Error is a query that does not compile, throws, or passes a budget: the
// query's fault, not the store's.
type Error struct {
	Err error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// errLimit interrupts a query that has given Options.Limit results.
var errLimit = errors.New("result limit reached")

// Run runs a Gizmo query against qs and returns its results, each ready for
// encoding/json. A query's own failure is an [*Error]; a done context gives
// the context's error.
func Run(ctx context.Context, qs cgraph.QuadStore, src string, opts Options) (results []any, err error) {
	if opts.MaxResults <= 0 {
		opts.MaxResults = DefaultMaxResults
	}
	if opts.MaxSteps <= 0 {
		opts.MaxSteps = DefaultMaxSteps
	}
	if opts.MaxMemory == 0 {
		opts.MaxMemory = DefaultMaxMemory
	}
	if opts.Interval <= 0 {
		opts.Interval = 5 * time.Millisecond
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	prog, err := goja.Compile("query", src, false)
	if err != nil {
		return nil, &Error{Err: err}
	}
	// The query's iterators run under a context of their own, which the
	// watchdog cancels when the memory budget is passed, so that a long
	// iteration in Go stops too, not only the script.
	qctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := newSession(qctx, qs, opts)

	stop := make(chan struct{})
	done := make(chan struct{})
	var memErr error // the watchdog's, read once it is done
	go func() {
		defer close(done)
		memErr = s.watch(ctx, cancel, stop)
	}()
	var once sync.Once
	stopWatch := func() {
		once.Do(func() {
			close(stop)
			<-done
		})
	}
	defer stopWatch()

	defer func() {
		// The last resort: a Go panic in a binding or in Cayley becomes the
		// query's error.
		if r := recover(); r != nil {
			results, err = nil, &Error{Err: fmt.Errorf("internal error: %v", r)}
		}
	}()
	_, err = s.vm.RunProgram(prog)
	stopWatch()
	if s.fail == nil && memErr != nil {
		s.fail = memErr
	}
	if s.fail != nil {
		return nil, &Error{Err: s.fail}
	}
	if err == nil {
		return s.out, nil
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		cause, _ := ie.Value().(error)
		switch {
		case errors.Is(cause, errLimit):
			return s.out, nil
		case cause != nil && ctx.Err() != nil && errors.Is(cause, ctx.Err()):
			return nil, ctx.Err()
		case cause != nil:
			return nil, &Error{Err: cause}
		}
	}
	if cerr := ctx.Err(); cerr != nil {
		return nil, cerr
	}
	var ex *goja.Exception
	if errors.As(err, &ex) && ex.Value() != nil {
		// The thrown value ("TypeError: Out: want ..."), without goja's
		// stack of native frames.
		if ge, ok := ex.Value().Export().(error); ok {
			return nil, &Error{Err: ge}
		}
		return nil, &Error{Err: errors.New(ex.Value().String())}
	}
	return nil, &Error{Err: err}
}

// watch interrupts the runtime when the caller's context is done or the
// heap has grown past the budget (then it also cancels the query's context),
// until stop is closed.
func (s *session) watch(ctx context.Context, cancel context.CancelFunc, stop <-chan struct{}) error {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return sample[0].Value.Uint64()
	}
	base := heap()
	tick := time.NewTicker(s.opts.Interval)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return nil
		case <-ctx.Done():
			s.vm.Interrupt(ctx.Err())
			return nil
		case <-tick.C:
			if h := heap(); h > base && h-base > s.opts.MaxMemory {
				err := fmt.Errorf("%w: the heap grew by %d MB, over the query's %d MB",
					ErrMemory, (h-base)>>20, s.opts.MaxMemory>>20)
				s.vm.Interrupt(err)
				cancel()
				return err
			}
		}
	}
}
