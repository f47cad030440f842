//go:build !linux

package graph

import "go.etcd.io/bbolt"

// releaseMapped does nothing here: see mapped_linux.go.
func releaseMapped(*bbolt.DB) error { return nil }
