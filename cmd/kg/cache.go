package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/ask"
)

// analysisCache is what kg keeps of a store's analyses: the answers of the
// commands that read the whole graph (rank, communities, entities), by
// command and arguments, for one version of the store
// ([graph.Store.Version]). A write changes the version, and the next answer
// replaces the file. A bolt store's is beside it (STORE.analysis); a SQL
// database's in the user's cache directory (see cachePath).
type analysisCache struct {
	Version string                     `json:"version"`
	Results map[string]json.RawMessage `json:"results"`
}

// cachePath returns the file of the store's cache, "" for a store that has
// none (a memory store, or no cache directory). A database's is named by
// a hash of its backend and URL (the password is not written anywhere) in
// $XDG_CACHE_HOME/kg/analysis, which only the user may read: the answers
// hold the graph's names.
func cachePath(opts graph.Options) string {
	switch opts.Backend {
	case "", graph.Bolt:
		return opts.Path + ".analysis"
	case graph.Postgres, graph.Cockroach:
		dir, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		dir = filepath.Join(dir, "kg", "analysis")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return ""
		}
		sum := sha256.Sum256([]byte(opts.Backend + " " + opts.Path))
		return filepath.Join(dir, hex.EncodeToString(sum[:16])+".json")
	}
	return ""
}

// cachedAnalysis returns compute's answer on the whole graph of the store
// (the period's facts), from the store's cache when the store has not
// changed since it was kept; key names the command and its arguments.
func cachedAnalysis[T any](ctx context.Context, opts graph.Options, period graph.Period, concepts bool, key string, compute func(g *analyze.Graph) (T, error)) (T, error) {
	if concepts {
		key += " --concepts"
	}
	return cached(ctx, opts, key+" "+periodKey(period), func(s *graph.Store) (T, error) {
		var zero T
		snap, err := s.Snapshot(ctx)
		if err != nil {
			return zero, err
		}
		if snap, err = within(ctx, s, snap, period); err != nil {
			return zero, err
		}
		if !concepts {
			snap = ask.NamedOnly(snap)
		}
		return compute(analyze.New(snap))
	})
}

// cached returns compute's answer, from the store's cache when the store
// has not changed since it was kept; key names the command and its
// arguments. A cache that cannot be read or written is no error: the answer
// is computed.
func cached[T any](ctx context.Context, opts graph.Options, key string, compute func(s *graph.Store) (T, error)) (T, error) {
	var zero T
	s, err := graph.Open(ctx, opts)
	if err != nil {
		return zero, err
	}
	defer s.Close()
	version, err := s.Version(ctx)
	if err != nil {
		return zero, err
	}
	path := cachePath(opts)
	var c analysisCache
	if version != "" && path != "" {
		if b, err := os.ReadFile(path); err == nil && json.Unmarshal(b, &c) == nil && c.Version == version {
			var v T
			if raw, ok := c.Results[key]; ok && json.Unmarshal(raw, &v) == nil {
				return v, nil
			}
		}
	}
	v, err := compute(s)
	if err != nil {
		return v, err
	}
	if err := s.Close(); err != nil || version == "" || path == "" {
		return v, err
	}
	if c.Version != version {
		c = analysisCache{Version: version}
	}
	if c.Results == nil {
		c.Results = make(map[string]json.RawMessage)
	}
	if c.Results[key], err = json.Marshal(v); err == nil {
		_ = writeCache(path, c) // a store in a directory kg may not write to keeps none
	}
	return v, nil
}

// periodKey names a period in a cache key.
func periodKey(p graph.Period) string {
	if p.Open() {
		return "all"
	}
	return p.Since.Format("2006-01-02") + ".." + p.Until.Format("2006-01-02")
}

// writeCache replaces the cache file whole: a temporary file beside it,
// renamed.
func writeCache(path string, c analysisCache) error {
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if err = errors.Join(err, tmp.Close()); err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		if errors.Is(err, fs.ErrPermission) {
			return nil
		}
	}
	return err
}
