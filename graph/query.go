package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/query"

	"github.com/kgraph/kg/graph/internal/gizmo"
)

// QueryError is a Gizmo query that does not parse or fails while it runs: the
// caller's error, not the store's.
type QueryError struct {
	Query string // the query as given
	Err   error  // Gizmo's error
}

func (e *QueryError) Error() string { return "gizmo: " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

// Query runs a Gizmo query and returns its results as Cayley's HTTP API
// would: each is a value ready for encoding/json, most often a map from tag
// ("id" for the path's end) to a string, a number or a boolean, with IRIs
// written "<kg:name>". With limit > 0, it returns at most limit results.
//
// A query that does not parse or fails while it runs gives a [*QueryError];
// a cancelled context gives the context's error.
func (s *Store) Query(ctx context.Context, gizmoQuery string, limit int) ([]any, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	qs, release, err := s.use()
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer release()

	// One session per query: a session keeps the query's variables. The
	// context reaches the query through Execute (in our copy of Gizmo; in
	// Cayley's, only through Next).
	it, err := gizmo.NewSession(qs).Execute(ctx, gizmoQuery, query.Options{
		Collation: query.JSON,
		Limit:     limit,
	})
	if err != nil {
		return nil, &QueryError{Query: gizmoQuery, Err: err}
	}
	defer func() {
		it.Close()
		// Close interrupts the query but does not wait for it: run Next
		// until the goroutine that runs it has returned, so that it no
		// longer reads the store when the caller gets the store back.
		for it.Next(context.Background()) {
		}
	}()

	out := []any{}
	for it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue // the value of the script itself, which the API leaves out
		}
		out = append(out, r)
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return nil, fmt.Errorf("query: %w", cerr)
		}
		return nil, &QueryError{Query: gizmoQuery, Err: err}
	}
	return out, nil
}
