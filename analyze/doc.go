// Package analyze answers an analyst's questions about a fact graph held in
// memory (a [schema.Snapshot]): the neighbourhood of an entity, the shortest
// connections between two, everything said about one, the key players and
// the clusters. The graph algorithms are gonum's; this package turns the
// snapshot into gonum graphs and their answers back into entities, facts and
// sentences.
//
// # Basics
//
// Read a snapshot once with graph's Store.Snapshot, make a [Graph] of it
// with [New], and ask it as many questions as needed. Facts are followed in
// either direction: a connection through "A penalize B" leads from B to A as
// well as from A to B, and each step says which way its fact reads.
//
// # Caveats
//
// A snapshot holds every entity, fact and evidence sentence of the store,
// so it takes memory in proportion to the store; kg reads one per command.
// A Graph is read-only and safe for concurrent use once made. Every answer
// is deterministic: gonum's graphs iterate in map order, so this package
// gives gonum graphs that iterate in the order of entity IDs, seeds the
// community search, and rounds scores before it sorts by them, breaking ties
// by name.
package analyze
