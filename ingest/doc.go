// Package ingest reads documents for extraction and checks them before any of
// them reaches the store. [Document.Hash] identifies a document's text, so
// that the store can skip a document it holds already.
//
// # Caveats
//
// Read loads every document into memory and validates all of them before it
// returns, so that one bad file among several stops a build before anything
// is written. A streaming pipeline for archives larger than memory is the
// next step of this package.
package ingest
