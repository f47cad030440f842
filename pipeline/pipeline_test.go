package pipeline

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/ingest"
)

var sharedModel = sync.OnceValues(extract.Load)

func model(t testing.TB) *extract.Model {
	t.Helper()
	m, err := sharedModel()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// corpus returns n documents of different lengths, so that workers finish
// them out of order.
func corpus(n int) Source {
	return func(ctx context.Context, fn func(ingest.Document) error) error {
		for i := range n {
			text := strings.Repeat(fmt.Sprintf("The Harbor Board %d fined Alder Shipping. ", i), 1+(n-i)%7)
			if err := fn(ingest.Document{Name: fmt.Sprintf("doc%02d", i), Text: text}); err != nil {
				return err
			}
		}
		return nil
	}
}

func collect(t *testing.T, opts Options, src Source) []Result {
	t.Helper()
	var got []Result
	err := Run(context.Background(), model(t), src, func(_ context.Context, r Result) error {
		got = append(got, r)
		return nil
	}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestRunInOrderWhateverTheWorkers(t *testing.T) {
	want := collect(t, Options{Workers: 1}, corpus(30))
	if len(want) != 30 || len(want[0].Facts) == 0 || want[0].Sentences == 0 || want[0].Tokens == 0 {
		t.Fatalf("one worker: %d results, first %+v", len(want), want[0].Result)
	}
	for _, workers := range []int{2, 5} {
		got := collect(t, Options{Workers: workers, Queue: 3}, corpus(30))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d workers: results differ from one worker's", workers)
		}
	}
}

// TestRunEncode: what Encode makes on the workers reaches the sink with its
// document, in order.
func TestRunEncode(t *testing.T) {
	got := collect(t, Options{Workers: 3, Encode: func(r *Result) ([]byte, error) {
		return fmt.Appendf(nil, "%s:%d", r.Doc.Name, len(r.Facts)), nil
	}}, corpus(12))
	for i, r := range got {
		if want := fmt.Sprintf("doc%02d:%d", i, len(r.Facts)); string(r.Encoded) != want || len(r.Facts) == 0 {
			t.Errorf("result %d: encoded %q, want %q", i, r.Encoded, want)
		}
	}
	boom := errors.New("boom")
	err := Run(context.Background(), model(t), corpus(5), func(context.Context, Result) error { return nil },
		Options{Workers: 2, Encode: func(*Result) ([]byte, error) { return nil, boom }})
	if !errors.Is(err, boom) {
		t.Errorf("an Encode error: got %v, want boom", err)
	}
}

func TestRunSkip(t *testing.T) {
	got := collect(t, Options{Workers: 3, Skip: func(_ context.Context, d ingest.Document) (bool, error) {
		return d.Name == "doc01", nil
	}}, corpus(3))
	if len(got) != 3 || !got[1].Skipped || got[1].Facts != nil || got[0].Skipped || len(got[2].Facts) == 0 {
		t.Errorf("got %+v, want doc01 skipped in its turn", got)
	}
}

// TestRunStops: an error of the sink, of the source or of the context stops
// the run, returns that error, and the sink is not called again.
func TestRunStops(t *testing.T) {
	boom := errors.New("boom")
	t.Run("sink", func(t *testing.T) {
		calls := 0
		err := Run(context.Background(), model(t), corpus(40), func(context.Context, Result) error {
			calls++
			if calls == 3 {
				return boom
			}
			return nil
		}, Options{Workers: 2})
		if !errors.Is(err, boom) || calls != 3 {
			t.Errorf("got %v after %d calls, want boom after 3", err, calls)
		}
	})
	t.Run("source", func(t *testing.T) {
		src := func(ctx context.Context, fn func(ingest.Document) error) error {
			if err := corpus(2)(ctx, fn); err != nil {
				return err
			}
			return boom
		}
		err := Run(context.Background(), model(t), src, func(context.Context, Result) error { return nil }, Options{Workers: 2})
		if !errors.Is(err, boom) {
			t.Errorf("got %v, want boom", err)
		}
	})
	t.Run("cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		calls := 0
		err := Run(ctx, model(t), corpus(40), func(context.Context, Result) error {
			calls++
			if calls == 2 {
				cancel()
			}
			return nil
		}, Options{Workers: 2})
		if !errors.Is(err, context.Canceled) || calls != 2 {
			t.Errorf("got %v after %d calls, want context.Canceled after 2", err, calls)
		}
	})
}

// TestRunBounded: the source is never more than the queue and the workers
// ahead of the sink.
func TestRunBounded(t *testing.T) {
	var mu sync.Mutex
	read, sunk, most := 0, 0, 0
	src := func(ctx context.Context, fn func(ingest.Document) error) error {
		return corpus(60)(ctx, func(d ingest.Document) error {
			mu.Lock()
			read++
			most = max(most, read-sunk)
			mu.Unlock()
			return fn(d)
		})
	}
	opts := Options{Workers: 2, Queue: 4}
	err := Run(context.Background(), model(t), src, func(context.Context, Result) error {
		mu.Lock()
		sunk++
		mu.Unlock()
		return nil
	}, opts)
	if err != nil {
		t.Fatal(err)
	}
	// queued, plus one at each worker, plus the one the reader holds
	if limit := opts.Queue + opts.Workers + 1; most > limit {
		t.Errorf("the source ran %d documents ahead of the sink, want at most %d", most, limit)
	}
}

// BenchmarkRun measures the pipeline's throughput on the example article,
// many times over, with every core.
func BenchmarkRun(b *testing.B) {
	m := model(b)
	text := strings.Repeat("The Trade Department penalized Harbor Networks on Tuesday for shipping routers to Iran. "+
		"Harbor Networks did not appeal the fine, its chief executive said. ", 40)
	const docs = 64
	src := func(ctx context.Context, fn func(ingest.Document) error) error {
		for i := range docs {
			if err := fn(ingest.Document{Name: fmt.Sprint(i), Text: text}); err != nil {
				return err
			}
		}
		return nil
	}
	sentences := 0
	b.SetBytes(int64(docs * len(text)))
	for b.Loop() {
		sentences = 0
		err := Run(context.Background(), m, src, func(_ context.Context, r Result) error {
			sentences += r.Sentences
			return nil
		}, Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// TestRunParts: a document longer than extract.MaxPartBytes reaches the
// sink part by part, in order between the documents around it, and only its
// last part is marked last; a sink that fails on a part stops the run.
func TestRunParts(t *testing.T) {
	long := strings.Repeat("The Harbor Board fined Alder Shipping. ", 2*extract.MaxPartBytes/39+100)
	src := func(ctx context.Context, fn func(ingest.Document) error) error {
		for i, text := range []string{"Orbis Bank paid the fine.", long, "Valoria regulates Orbis Bank."} {
			if err := fn(ingest.Document{Name: fmt.Sprint(i), Text: text}); err != nil {
				return err
			}
		}
		return nil
	}
	var got []string
	err := Run(context.Background(), model(t), src, func(_ context.Context, r Result) error {
		got = append(got, fmt.Sprintf("%s/%d/%v", r.Doc.Name, r.Part, r.Last))
		if len(r.Facts) == 0 {
			t.Errorf("%s part %d: no facts", r.Doc.Name, r.Part)
		}
		return nil
	}, Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"0/0/true", "1/0/false", "1/1/false", "1/2/true", "2/0/true"}
	if !slices.Equal(got, want) {
		t.Errorf("results %q, want %q", got, want)
	}

	boom := errors.New("boom")
	calls := 0
	err = Run(context.Background(), model(t), src, func(_ context.Context, r Result) error {
		calls++
		if r.Part == 1 {
			return boom
		}
		return nil
	}, Options{Workers: 2})
	if !errors.Is(err, boom) || calls != 3 {
		t.Errorf("a sink failing on a part: %v after %d calls, want boom after 3", err, calls)
	}
}
