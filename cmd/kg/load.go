package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

type loadOptions struct {
	files []string
	store graph.Options
	batch int
}

func loadCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "load N-Quads files (what kg extract --format nquads writes) into the store as they are",
		ArgsUsage: "FILE.nq...",
		Flags: append(storeFlags(),
			&cli.IntFlag{Name: "batch", Value: 0, Usage: "quads per transaction (0: each file in one, all or nothing; " +
				"10000 is faster, but a crash leaves part of the file)"}),
		Action: func(c *cli.Context) error {
			return runLoad(c.Context, e, loadOptions{files: c.Args().Slice(), store: storeOptions(c, true), batch: c.Int("batch")})
		},
	}
}

// runLoad checks every file, then opens (or creates) the store and loads
// each in turn: a missing file or a bad line in any of them stops the load
// before the store is touched.
func runLoad(ctx context.Context, e *env, opts loadOptions) error {
	if len(opts.files) == 0 {
		return usageError{fmt.Errorf("load: name the N-Quads files to load")}
	}
	for _, f := range opts.files {
		if _, err := graph.CheckNQuads(ctx, f); err != nil {
			if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) {
				err = usageError{err} // the path names the file
			}
			if ctx.Err() == nil {
				return fmt.Errorf("load: %w (nothing loaded)", err)
			}
			return err
		}
	}
	s, err := graph.Open(ctx, opts.store)
	if err != nil {
		return err
	}
	defer s.Close()
	for _, f := range opts.files {
		start := time.Now()
		n, err := s.LoadNQuads(ctx, f, opts.batch)
		if err != nil {
			return err
		}
		d := time.Since(start)
		if _, err := fmt.Fprintf(e.stderr, "loaded %s: %d quads in %.1fs (%.0f quads/s)\n", f, n, d.Seconds(), float64(n)/d.Seconds()); err != nil {
			return err
		}
	}
	return s.Close()
}
