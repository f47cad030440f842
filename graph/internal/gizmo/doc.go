// Package gizmo is kg's engine for Gizmo, the JavaScript query language of
// the Cayley graph database, written for kg on goja and Cayley's query/path.
//
// # Basics
//
// [Run] compiles a query, runs it in the caller's goroutine on a fresh goja
// runtime and returns its results: one per path that an All call finds (a
// map from tag, "id" for the path's end, to a value) and one per g.Emit. The
// documented API is bound: g/graph, V/Vertex, M/Morphism, Emit, the path
// steps (Out, In, Both, Is, Has, HasR, Tag/As, Back, Save, SaveR, SaveOpt,
// SaveOptR, Follow, FollowR, FollowRecursive, And/Intersect, Or/Union,
// Except/Difference, Unique, Limit, Skip, Order, Labels, InPredicates,
// OutPredicates, Filter), the finals (All, GetLimit, Count, ToArray,
// ToValue, TagArray, TagValue, ForEach, Map) and the value helpers (iri,
// bnode, str, raw, lang, typed, lt, lte, gt, gte, regex, like). Method names
// work capitalised or not (Out and out).
//
// Every binding checks its arguments and throws a JavaScript TypeError on a
// wrong one, which the query may catch; uncaught, it is the query's error.
// A Go panic that would escape anyway is recovered at Run's boundary.
//
// # Budgets
//
// A query is stopped with an error (not truncated) when it passes one of its
// budgets, all in [Options]: a number of results, a number of steps (binding
// calls and paths visited by finals) and a memory budget. goja has no memory
// limit of its own, so a watchdog goroutine, which Run starts and waits for,
// samples the Go heap (runtime/metrics, every few milliseconds) and
// interrupts the runtime, and cancels the context that the query's iterators
// run under, when the heap has grown by more than the budget
// since the query started. The same watchdog interrupts the runtime when the
// context is done; iterators see the context in their Next calls.
//
// # Caveats
//
// The heap is the process's: other work running beside a query counts
// against its memory budget, and a garbage-heavy query may be stopped before
// its live memory reaches the budget. An interrupt takes effect between two
// steps of the script, so one built-in call that allocates a lot at once
// ("x".repeat(1e9)) completes before it is stopped. A Runtime is not shared:
// concurrent calls of Run are independent.
package gizmo
