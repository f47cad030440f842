package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/web"
)

type serveOptions struct {
	web web.Options
	// ready, when set, gets the address the server listens on, once it
	// does (tests listen on port 0).
	ready func(addr string)
}

func serveCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve a browser workspace and a JSON API over the store, read-only",
		Flags: append(storeFlags(),
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "listen on `HOST:PORT`; beyond loopback it needs --token", EnvVars: []string{"KG_ADDR"}},
			&cli.StringFlag{Name: "token", Usage: "a secret every request must carry (Authorization: Bearer, or open the page with ?token=)", EnvVars: []string{"KG_TOKEN"}},
			&cli.DurationFlag{Name: "query-timeout", Value: web.DefaultQueryTimeout, Usage: "stop a Gizmo query (or an export) after this long"},
		),
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError{fmt.Errorf("serve: no arguments, got %s", plural(c.NArg(), "argument"))}
			}
			return runServe(c.Context, e, serveOptions{web: web.Options{
				Store: readStoreOptions(c), Addr: c.String("addr"), Token: c.String("token"),
				QueryTimeout: c.Duration("query-timeout"),
			}})
		},
	}
}

// runServe serves until ctx ends (Ctrl-C or SIGTERM), then shuts down
// gracefully; stopping so is no error.
func runServe(ctx context.Context, e *env, opts serveOptions) error {
	if err := opts.web.Check(); err != nil {
		return usageError{err}
	}
	if opts.web.QueryTimeout <= 0 {
		return usageError{fmt.Errorf("serve: --query-timeout must be more than 0, got %s", opts.web.QueryTimeout)}
	}
	if opts.web.Store.Backend == graph.Memory {
		return usageError{errors.New("serve: a memory store would be empty; serve a bolt file or a database")}
	}
	// The store must be there; the server opens it for each read, so it
	// is not kept open.
	s, err := graph.Open(ctx, opts.web.Store)
	if err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	if opts.web.Renderers == nil {
		opts.web.Renderers = make(map[string]web.Renderer, len(renderers))
		for f, r := range renderers {
			opts.web.Renderers[f] = r
		}
	}
	if opts.web.Logger == nil {
		opts.web.Logger = slog.New(slog.NewTextHandler(e.stderr, nil))
	}
	ln, err := net.Listen("tcp", opts.web.Addr)
	if err != nil {
		return usageError{fmt.Errorf("serve: %w", err)}
	}
	srv := web.New(opts.web)
	// The snapshot first, so that the first page does not wait for it.
	if err := srv.Warm(ctx); err != nil {
		ln.Close()
		return err
	}
	addr := ln.Addr().String()
	fmt.Fprintf(e.stderr, "kg serve: http://%s/ serving %s read-only (Ctrl-C to stop)\n", addr, opts.web.Store.Path)
	if opts.ready != nil {
		opts.ready(addr)
	}
	start := time.Now()
	if err := srv.Serve(ctx, ln); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintf(e.stderr, "kg serve: stopped after %s\n", time.Since(start).Round(time.Second))
	return nil
}
