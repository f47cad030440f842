// Package gvcache keeps go-graphviz from sharing a cache directory between
// users.
//
// go-graphviz v0.2.10 compiles its WebAssembly Graphviz when its package
// internal/wasm is initialised, before main runs, with wazero's compilation
// cache in $TMPDIR/go-graphviz. That directory, created by whoever ran first,
// holds files that no other user may read, and the init panics on them: a
// second user of the machine could not even run kg --help.
//
// This package's init points TMPDIR at a directory of the user's own,
// $XDG_CACHE_HOME/kg (os.UserCacheDir), or, when there is none, at a path
// that does not exist, which turns go-graphviz's cache off. [Restore] puts
// TMPDIR back; package export calls it from its init, which runs after
// go-graphviz's (export imports it).
//
// Why this runs first: the Go specification (since Go 1.21) initialises the
// packages in the order of their import paths, each once its imports are
// done. This package imports only os; go-graphviz's internal/wasm imports
// wazero (github.com/tetratelabs/...), which imports os too and whose path
// sorts after this one's (github.com/kgraph/...), so this init has run before
// wazero's, and so before go-graphviz's. Importing anything more here could
// break that: keep it to os.
package gvcache

import "os"

// The environment as the process got it.
var tmpdir, hadTmpdir = os.LookupEnv("TMPDIR")

// CacheDir is where go-graphviz's cache goes (under go-graphviz/), or "" if
// it has none.
var CacheDir string

func init() {
	dir, err := os.UserCacheDir()
	if err == nil {
		dir += string(os.PathSeparator) + "kg"
		err = os.MkdirAll(dir, 0o700)
	}
	if err != nil {
		// go-graphviz cannot create its directory under this path, and
		// runs without a cache.
		os.Setenv("TMPDIR", string(os.PathSeparator)+"nonexistent-kg-no-graphviz-cache")
		return
	}
	CacheDir = dir
	os.Setenv("TMPDIR", dir)
}

// Restore sets TMPDIR back to what the process got.
func Restore() {
	if hadTmpdir {
		os.Setenv("TMPDIR", tmpdir)
	} else {
		os.Unsetenv("TMPDIR")
	}
}
