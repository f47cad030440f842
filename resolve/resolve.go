// Package resolve turns the facts extraction read in one document into the
// facts the graph keeps: it decides what becomes a node (the node policy),
// makes titles and affiliations facts of their own (roles), and says who is
// who (names joined to the full name the document or the store uses).
//
// It is one pure stage between extract and graph: no I/O, no clock, no
// global state. What the store already knows comes in through [Options].
package resolve

import "github.com/kgraph/kg/schema"

// Options are what the stage knows beyond the document's facts. The zero
// value resolves a document on its own.
type Options struct{}

// Document resolves the facts of one document, given in document order,
// and returns them; it may reuse facts' backing array.
func Document(facts []schema.Fact, opts Options) []schema.Fact {
	return facts
}
