// Package schema is kg's domain: the vocabulary of the graph and the Go values
// that travel between the extractor, the pipeline and the store.
//
// It imports nothing heavy and knows nothing of storage, so both the extractor
// and the graph package can depend on it without depending on each other.
//
// # Basics
//
// kg stores every fact as one quad, subject - relation - object, whose label
// (the quad's fourth term) is the evidence node of the sentence that states it:
//
//	<kg:entity/commerce_department> <rel:penalize> <kg:entity/zte> <kg:ev/4f0c...> .
//
// Entities, relations, documents and evidence are nodes with IRIs derived from
// their names by [EntityID], [RelationID], [DocumentID] and [EvidenceID]. The
// derivation is deterministic, so loading the same document twice writes the
// same quads and leaves the graph unchanged.
//
// Nodes carry their properties as ordinary quads without a label:
//
//	entity:   rdf:type kg:Entity;   kg:name "ZTE";  kg:type "ORG"
//	relation: rdf:type kg:Relation; kg:name "penalize"
//	document: rdf:type kg:Document; kg:name "article.txt"
//	evidence: rdf:type kg:Evidence; kg:doc <document>; kg:sentence_index 4;
//	          kg:text "In April, the Commerce Department penalized ZTE ...";
//	          kg:subject <entity>; kg:predicate <relation>; kg:object <entity>;
//	          kg:relation "penalize"; kg:negated false; kg:confidence 0.8;
//	          kg:start 512; kg:end 590; kg:subject_alias "Commerce"; kg:object_alias "ZTE"
//
// An analyst's corrections are nodes too, applied in the order of kg:seq to
// every fact loaded:
//
//	correction: rdf:type kg:Correction; kg:kind "merge"; kg:keep "Commerce Department";
//	            kg:drop "Commerce Dept"; kg:seq 1; kg:time 2026-11-27T02:10:00Z
//	            (a split: kg:kind "split"; kg:keep "Donald Trump"; kg:alias "Trump Jr.")
//
// The evidence node repeats the fact's terms (kg:subject, kg:predicate,
// kg:object) so that Gizmo, which cannot follow a quad to its label, can still
// go from an entity to the sentences behind its edges. The aliases, the names
// as each sentence writes them, are on the evidence too, so that they leave
// the graph with the document that gave them.
//
// # Caveats
//
// Entity IRIs come from the canonical name alone: two different entities with
// the same name share a node. IRIs are compact ("kg:name"), not absolute; [NS]
// gives the namespace they abbreviate, for tools that want full IRIs.
package schema
