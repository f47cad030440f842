package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

type queryOptions struct {
	query   string
	store   graph.Options
	limit   int
	timeout time.Duration
}

func queryCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "query",
		Usage:     "run a Gizmo query against the store and print its results as JSON",
		ArgsUsage: "QUERY",
		Flags: append(storeFlags(),
			&cli.StringFlag{Name: "file", Aliases: []string{"f"}, Usage: "read the query from `FILE`"},
			&cli.IntFlag{Name: "limit", Value: 1000, Usage: "print at most N results (0: all)"},
			&cli.DurationFlag{Name: "timeout", Value: 30 * time.Second, Usage: "stop the query after this long"},
		),
		Action: func(c *cli.Context) error {
			q, err := queryText(c)
			if err != nil {
				return err
			}
			return runQuery(c.Context, e, queryOptions{query: q, store: readStoreOptions(c),
				limit: c.Int("limit"), timeout: c.Duration("timeout")})
		},
	}
}

func queryText(c *cli.Context) (string, error) {
	switch f := c.String("file"); {
	case f != "" && c.Args().Len() > 0:
		return "", usageError{fmt.Errorf("give the query as an argument or with --file, not both")}
	case f != "":
		b, err := os.ReadFile(f)
		if err != nil {
			return "", usageError{fmt.Errorf("read query: %w", err)}
		}
		return string(b), nil
	case c.Args().Len() == 1:
		return c.Args().First(), nil
	default:
		return "", usageError{fmt.Errorf("want one query (quote it), or --file FILE")}
	}
}

func runQuery(ctx context.Context, e *env, opts queryOptions) error {
	s, err := graph.Open(ctx, opts.store)
	if err != nil {
		return err
	}
	defer s.Close()
	qctx := ctx
	if opts.timeout > 0 {
		var cancel context.CancelFunc
		qctx, cancel = context.WithTimeout(ctx, opts.timeout)
		defer cancel()
	}
	limit := opts.limit
	if limit > 0 {
		limit++ // one more, to know whether the limit cut the results
	}
	results, err := s.Query(qctx, opts.query, limit)
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		return usageError{fmt.Errorf("query: stopped after --timeout %s: %w", opts.timeout, err)}
	}
	if err != nil {
		return err
	}
	if results == nil {
		results = []any{}
	}
	if opts.limit > 0 && len(results) > opts.limit {
		results = results[:opts.limit]
		fmt.Fprintf(e.stderr, "kg: query: the first %d results, and there are more (--limit N, or --limit 0 for all)\n", opts.limit)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(results)
}
