package graph

import (
	"context"
	"sync"
	"testing"
)

// TestConcurrentUse runs queries, subgraphs and stats while loads go on; run
// it with -race.
func TestConcurrentUse(t *testing.T) {
	backends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		facts := testFacts()
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for i := range len(facts) {
			wg.Go(func() {
				if err := s.Load(ctx, testDocs, facts[i:i+1]); err != nil {
					errs <- err
				}
			})
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
