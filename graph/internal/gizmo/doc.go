// Package gizmo is Cayley's Gizmo query language, copied from
// github.com/cayleygraph/cayley/query/gizmo at
// v0.7.7-0.20240706181042-81dcd7d73e45 (Apache License 2.0, see LICENSE) so
// that a malformed query cannot crash kg.
//
// Upstream runs each query in a goroutine of its own, and some of its
// bindings panic with a plain Go error on arguments of the wrong type
// (g.V().Out({}), g.V().Out("<p>", 5), iri(5)); goja passes such panics on,
// and the process dies. The changes, each marked "kg:" in the code:
//
//   - the goroutine that runs a query recovers panics into the query's error;
//   - Session.Execute runs the query under the caller's context;
//   - no init function registers the language with package query.
//
// Everything else is upstream's, unchanged but for gofmt's formatting of doc
// comments: refresh the copy with the Cayley version in go.mod and carry the
// three changes over.
package gizmo
