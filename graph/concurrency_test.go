package graph

import (
	"context"
	"sync"
	"testing"
)

// TestConcurrentUse runs queries, subgraphs and stats while documents are
// loaded, each twice at once; run it with -race.
func TestConcurrentUse(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for _, d := range testDocuments(testFacts()) {
			for range 2 {
				wg.Go(func() {
					if _, err := s.LoadDocument(ctx, d); err != nil {
						errs <- err
					}
				})
			}
		}
		for range 4 {
			wg.Go(func() {
				if _, err := s.Query(ctx, queryDid, 0); err != nil {
					errs <- err
				}
				if _, err := s.Subgraph(ctx, "", 0); err != nil {
					errs <- err
				}
				if _, err := s.Stats(ctx); err != nil {
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		got, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got != testStats {
			t.Errorf("Stats after concurrent loads: got %+v, want %+v", got, testStats)
		}
	})
}
