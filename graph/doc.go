// Package graph stores kg's facts in a Cayley quad store and reads them back:
// it opens a store, loads facts, runs Gizmo queries, extracts subgraphs and
// draws them with Graphviz. It is the only package of kg that imports Cayley,
// so a change of Cayley version or backend touches nothing else.
//
// # Basics
//
// [Open] returns a [Store] on one of four backends: [Bolt], a single bbolt
// file that persists (the default); [Memory], which lives as long as the
// Store; [Postgres] and [Cockroach], a database named by its URL, which
// several processes can write at once. A missing store (the bolt file, or
// Cayley's tables in the database) is [ErrNotFound] unless [Options.Create]
// is set.
//
// [Store.LoadDocument] writes one document and its facts as the quads
// described in package schema (the fact itself, labelled by its evidence node,
// and the properties of its entities, relation, document and evidence) in
// one transaction, replacing what an earlier load of the same document wrote;
// a document whose stored content hash is the same is left alone.
// [Store.Remove] takes a document out. Both read only the quads of that
// document and of the nodes its facts touch, through the subject and object
// indexes. LoadDocument is the one way facts are written: a document's
// quads are built once, by one function, whoever loads it. [Store.LoadNQuads] loads an
// N-Quads file as it is, after it has checked every line: in one transaction
// (all or nothing), or in batched ones when the caller trades that for speed. [Store.Verify] checks the invariants that these writes keep, and
// [Store.Documents] and [Store.Size] describe what the store holds.
//
// [Store.Query] runs Gizmo and returns the values Cayley's HTTP API would
// return. A query that does not parse or fails while it runs is the caller's
// error, a [*QueryError]; any other error is the store's or the context's.
// Facts are quads whose predicate is a relation node, so a path of relation
// nodes selects them:
//
//	var rels = g.V().Has("<rdf:type>", "<kg:Relation>")
//	g.V().Has("<kg:name>", "ZTE").Out(rels, "relation").Out("<kg:name>").All()  // what ZTE did
//	g.V().Has("<kg:name>", "ZTE").In(rels, "relation").Out("<kg:name>").All()   // who did what to ZTE
//
// and the evidence nodes give the sentences (Gizmo cannot reach a quad's
// label):
//
//	g.V().Has("<kg:name>", "ZTE").In(["<kg:subject>", "<kg:object>"])
//	  .Save("<kg:relation>", "relation").Save("<kg:negated>", "negated").Out("<kg:text>").All()
//
// An entity's aliases, the names its sentences call it by, are properties of
// the evidence (kg:subject_alias, kg:object_alias), so they go with their
// document:
//
//	var e = g.V().Has("<kg:name>", "Thomas Reid")
//	e.In("<kg:subject>").Out("<kg:subject_alias>")
//	  .Union(e.In("<kg:object>").Out("<kg:object_alias>")).Unique().All()
//
// [Store.Entities] lists entities with their aliases, mentions and degree;
// [Store.Support] gives the ledger of one fact: every sentence that states or
// denies it, and how many documents they come from.
//
// [Store.Merge] and [Store.Split] record an analyst's correction as a
// kg:Correction node and move the facts it concerns; [Store.LoadDocument]
// applies the corrections, in order, to every fact it writes,
// so a correction outlives any rebuild or replacement of its documents.
// [Store.Undo] takes one back, and [Store.Corrections] lists them. An
// evidence node that a correction moved keeps the names it had as extracted
// (kg:subject_name, kg:object_name), which is what undoing reads.
//
// [Store.Select] collects entities and facts, the whole graph or the
// neighbourhood of one entity, filtered by relation, type, confidence or an
// explicit set of entities and facts, as a [schema.Subgraph] that package
// export writes (DOT, SVG, PNG, GraphML, GEXF, JSON Lines, CSV), and
// [Store.ExportNQuads] writes their quads as stored.
// [Store.Snapshot] reads every entity and fact, with its evidence, into
// memory at once as a [schema.Snapshot], for the analyses of package
// analyze (paths, ranks, communities), which need the whole graph.
//
// # Caveats
//
// A bolt file can be open in one Store at a time, in this process or any
// other: a second [Open] fails after [Options.LockTimeout] with an error that
// matches [ErrLocked], unless both are read-only ([Options.ReadOnly]).
//
// A Store is safe for concurrent use. Reads share the store on bolt and take
// turns on memory and SQL, whose Cayley backends are not safe for concurrent
// use even by readers (open several Stores for parallel SQL reads). A load
// excludes every other call of its Store: Cayley's iterators
// nest bbolt read transactions, which deadlock with a writer that grows the
// file's memory map between them.
//
// Load, Stats and Subgraph honour their context between steps: a transaction
// that has started runs to its end.
//
// Load only adds; LoadDocument and Remove delete a document's evidence and
// facts, and the entities and relations that no other document's fact uses.
// An entity that two documents use keeps the properties both gave it: a
// property whose value differs between two loads (an entity's kg:type) ends
// up with both values; Subgraph then picks the least, in Cayley's string form.
//
// [Store.LoadDocument] joins a person's one-word name ("Reid") to the one
// stored PERSON entity whose first or last name or alias it is, and only
// when exactly one is: two people who share a surname keep the word apart.
// The join is the whole store's: every write (load, replace, remove,
// correction) recomputes, in its transaction, the joins of the words it
// concerns, so a person stored later pulls in the short names loaded before,
// a second Reid takes the join back, and the store does not depend on the
// order of its writes. Evidence keeps the one-word name as extracted
// (kg:subject_short, kg:object_short), which is what taking a join back
// reads; [Store.Verify] recomputes every join. A correction that names the
// word keeps it from joining. On PostgreSQL, a writer that adds a document
// also takes an advisory lock of each word the document concerns (its
// one-word names, aliases, and its entities' one-word names and first and
// last names), so that two writers whose documents share a word take turns
// and neither joins it from what the other has not committed; on
// CockroachDB, which has no advisory locks, build documents that share
// one-word names from one process.
//
// A correction looks at the evidence of the entities that some correction
// names, not at the whole store; the entity a merge or split creates takes
// the type of the entity its facts come from. Merge, Split and Undo write
// like a replacement: alone, and in one transaction (two on bolt).
//
// On bolt, a load that replaces a document is two bbolt transactions, the
// deletions and then the additions (Cayley's kv store cannot mix them in
// one); a crash between them leaves the store without that document, whole
// again once it is loaded. Evidence of another document that the write moves
// (a join of a one-word name taken back) goes out in the first and back in
// the second with that document's hash, so a crash leaves that document to
// be replaced by the next build too. Everywhere else a document's load is one
// transaction.
//
// Several processes may write one SQL store. Writers that only add share a
// PostgreSQL advisory lock; a writer that deletes (a replaced or removed
// document) holds it alone, so that it never deletes an entity that another
// writer's fact has just started to use. A transaction that PostgreSQL aborts
// for a deadlock is run again. CockroachDB has no advisory locks: there,
// replace or remove documents while no other process writes. Within one load,
// each node gets one value of each property: the most frequent, ties broken
// alphabetically.
//
// Gizmo is JavaScript, run by goja in kg's own engine (internal/gizmo) on
// Cayley's query/path, in the caller's goroutine. Every function a query can
// call checks its arguments and throws a TypeError on a wrong one; a Go
// panic (Cayley panics on some shapes) becomes the query's error. A query has
// budgets ([QueryOptions]): results, steps and memory. The memory budget is
// enforced by sampling the process's Go heap every 5 ms and interrupting the
// query past it, so work beside a query counts against it, and one built-in
// call that allocates at once (new Array(1e8).join()) completes before the
// query is stopped. A cancelled context stops a query between two steps of
// the script and inside iterators.
package graph
