// Package web is kg serve: a JSON API under /api/v1/ and an embedded page
// for analysts, over a store opened read-only.
//
// # Basics
//
// [New] makes a [Server] of [Options]; [Server.Handler] is its http.Handler
// (tests put it behind httptest), and [Server.Serve] serves it on a
// listener until its context ends, then shuts down gracefully. The API reads
// the store through the packages every kg command uses: graph for the
// snapshot, Gizmo queries and exports, analyze for neighbourhoods, paths,
// facts and ranks.
//
// # Sharing the store with kg build
//
// A bolt file has one writer or many readers at a time. The server yields
// the file between requests: it holds no lock while idle, and opens the
// store read-only (a shared lock) only to read. The analysis answers come
// from a snapshot of the whole graph that it reads once and reads again
// when the file has changed (while the request waits if the last read took
// under a second, else in the background). While a writer (kg build, load,
// remove, merge) holds the file, or while it is read again in the
// background, the server answers from the snapshot it has, whole documents
// only, since it never reads while a writer writes, and says so: every
// answer from the snapshot carries the header KG-Snapshot (the time it was
// read) and then KG-Store-Busy: 1, and /api/v1/status says busy. Requests that need the store itself (Gizmo,
// exports) get 503 with Retry-After while the writer holds it. A build
// started while the server reads waits for the lock as it waits for any
// reader (a second, see graph.DefaultLockTimeout) and fails as locked if
// the read lasts longer: a Gizmo query can hold the file up to the query
// timeout.
//
// # Caveats
//
// Safe by default: without a token the server answers only requests whose
// Host is a loopback name (against DNS rebinding), and [Options.Check]
// refuses any other address; with one, every request must carry it (the
// Authorization header as a bearer token, or the cookie that the page's
// ?token= link sets). Requests with an Origin other than the server's own
// are refused, and no CORS header is ever sent. Bodies are capped at
// [MaxBody]; Gizmo queries at the query timeout and a result limit; every
// list at a limit, with "truncated" set when it cut. Nothing writes: the
// store is opened read-only, and the only POST is the Gizmo query.
package web
