package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/kgraph/kg/graph/internal/gizmo"
)

// QueryError is a Gizmo query that does not parse, fails while it runs or
// passes one of its budgets: the caller's error, not the store's.
type QueryError struct {
	Query string // the query as given
	Err   error  // Gizmo's error
}

func (e *QueryError) Error() string { return "gizmo: " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

// Query budget errors, wrapped in a [*QueryError].
var (
	ErrQueryResults = gizmo.ErrTooManyResults
	ErrQuerySteps   = gizmo.ErrTooManySteps
	ErrQueryMemory  = gizmo.ErrMemory
)

// QueryOptions bound a query; the zero value means the defaults.
type QueryOptions struct {
	// Limit truncates the results: at most Limit (0: no limit, up to
	// MaxResults).
	Limit int
	// MaxResults fails a query without a Limit that gives more results.
	// Default 100,000.
	MaxResults int
	// MaxSteps fails a query after this many steps (calls of Gizmo's
	// functions and paths visited). Default 50 million.
	MaxSteps int64
	// MaxMemory fails a query when the Go heap grows by more than this
	// many bytes while it runs. Default 256 MB.
	MaxMemory uint64
}

// Query runs a Gizmo query and returns its results as Cayley's HTTP API
// would: each is a value ready for encoding/json, most often a map from tag
// ("id" for the path's end) to a string, a number or a boolean, with IRIs
// written "<kg:name>". With limit > 0, it returns at most limit results.
//
// A query that does not parse, fails while it runs or passes a budget gives
// a [*QueryError]; a cancelled context gives the context's error.
func (s *Store) Query(ctx context.Context, gizmoQuery string, limit int) ([]any, error) {
	return s.QueryWith(ctx, gizmoQuery, QueryOptions{Limit: limit})
}

// QueryWith is [Store.Query] with budgets of one's own.
func (s *Store) QueryWith(ctx context.Context, gizmoQuery string, opts QueryOptions) ([]any, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	qs, release, err := s.use()
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	defer release()
	out, err := gizmo.Run(ctx, qs, gizmoQuery, gizmo.Options{
		Limit:      opts.Limit,
		MaxResults: opts.MaxResults,
		MaxSteps:   opts.MaxSteps,
		MaxMemory:  opts.MaxMemory,
	})
	var ge *gizmo.Error
	switch {
	case err == nil:
		return out, nil
	case errors.As(err, &ge):
		return nil, &QueryError{Query: gizmoQuery, Err: ge.Err}
	case ctx.Err() != nil:
		return nil, fmt.Errorf("query: %w", ctx.Err())
	}
	return nil, fmt.Errorf("query: %w", err)
}
