package pipeline

import (
	"context"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/ingest"
	"github.com/kgraph/kg/resolve"
)

// Options configures [Run]. The zero value uses every core.
type Options struct {
	// Workers is the number of goroutines that extract; 0 or less means
	// runtime.NumCPU().
	Workers int

	// Queue is how many documents, extracted or not, may wait for the sink;
	// 0 or less means twice Workers.
	Queue int

	// Extract is passed to the model for every document.
	Extract extract.Options

	// Skip, when set, is asked about each document before it is extracted,
	// in input order from the reading goroutine. A document it skips goes
	// to the sink in its turn with Skipped set and no facts: kg build skips
	// the documents that the store holds already.
	Skip func(ctx context.Context, d ingest.Document) (bool, error)

	// Encode, when set, runs on the worker after extraction, and what it
	// returns reaches the sink in Result.Encoded: kg extract formats its
	// output on every core, so that the one sink only writes it.
	Encode func(r *Result) ([]byte, error)
}

// Result is one document and what extraction read in it, or in one part
// of it: a document longer than [extract.MaxPartBytes] reaches the sink as
// several Results, its parts in order, and only the last has Last set (a
// skipped document has it set too).
type Result struct {
	Doc            ingest.Document
	Skipped        bool   // by Options.Skip: not extracted
	Encoded        []byte // by Options.Encode
	extract.Result        // Part and Last say which part of the document it is
}

// Source calls fn with each document in order, and stops at fn's first
// error; [ingest.Inputs.Each] is one.
type Source func(ctx context.Context, fn func(ingest.Document) error) error

// job is one document on its way to a worker; out receives its results,
// one a part, and is closed after the last.
type job struct {
	doc ingest.Document
	out chan<- Result
}

// Run reads every document of src, extracts each with m on opts.Workers
// goroutines, and calls sink with each result in src's order, a long
// document's parts one by one as they are read: a worker hands a part over
// before it reads the next, so that one document's facts are never all held
// at once. It returns the first error of src, Skip or sink, or ctx's error
// when ctx is done first.
func Run(ctx context.Context, m *extract.Model, src Source, sink func(context.Context, Result) error, opts Options) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	queue := opts.Queue
	if queue <= 0 {
		queue = 2 * workers
	}
	g, ctx := errgroup.WithContext(ctx)
	jobs := make(chan job, workers)
	// pending holds each document's result channel in input order: the
	// sink waits on them one by one, so results leave in order however
	// the workers finish, and its capacity bounds the documents in flight.
	pending := make(chan chan Result, queue)

	g.Go(func() error {
		defer close(pending)
		defer close(jobs)
		return src(ctx, func(d ingest.Document) error {
			// A worker does not wait to hand a short document over; a long
			// one's next part waits for the sink to take the one before.
			out := make(chan Result, 1)
			if opts.Skip != nil {
				skip, err := opts.Skip(ctx, d)
				if err != nil {
					return err
				}
				if skip {
					out <- Result{Doc: d, Skipped: true, Result: extract.Result{Last: true}}
					close(out)
					return send(ctx, pending, out)
				}
			}
			if err := send(ctx, pending, out); err != nil {
				return err
			}
			return send(ctx, jobs, job{doc: d, out: out})
		})
	})
	for range workers {
		g.Go(func() error {
			for j := range jobs {
				if err := ctx.Err(); err != nil {
					return err
				}
				xo := opts.Extract
				xo.Date = j.doc.Date // a JSON Lines document's own date anchors its times
				if err := extractParts(ctx, m, j, xo, opts.Encode); err != nil {
					return err
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		for out := range pending {
			for last := false; !last; {
				var r Result
				var ok bool
				select {
				case r, ok = <-out:
				case <-ctx.Done():
					return ctx.Err()
				}
				if !ok {
					// The worker failed before the last part, and its error
					// cancels ctx.
					<-ctx.Done()
					return ctx.Err()
				}
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := sink(ctx, r); err != nil {
					return err
				}
				last = r.Last
			}
		}
		return nil
	})
	return g.Wait()
}

// extractParts extracts one document and sends each part's result to j.out,
// then closes it.
func extractParts(ctx context.Context, m *extract.Model, j job, xo extract.Options, encode func(*Result) ([]byte, error)) error {
	defer close(j.out)
	var err error
	m.ExtractParts(j.doc.Name, j.doc.Text, xo, func(x extract.Result) bool {
		var r Result
		if r, err = finish(Result{Doc: j.doc, Result: x}, encode); err != nil {
			return false
		}
		err = send(ctx, j.out, r)
		return err == nil
	})
	return err
}

// finish resolves one part's facts and encodes them.
func finish(r Result, encode func(*Result) ([]byte, error)) (Result, error) {
	r.Facts = resolve.Document(r.Facts, resolve.Options{})
	if encode != nil {
		var err error
		if r.Encoded, err = encode(&r); err != nil {
			return r, err
		}
	}
	return r, nil
}

// send sends v on ch unless ctx is done first.
func send[T any](ctx context.Context, ch chan<- T, v T) error {
	select {
	case ch <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
