package schema

// NS is the namespace that the prefix "kg:" abbreviates.
const NS = "https://github.com/kgraph/kg/ns#"

// Prefixes of the compact IRIs kg writes.
const (
	Prefix         = "kg:"  // vocabulary terms and kg's own nodes
	RelationPrefix = "rel:" // relation predicates
)

// Classes: the objects of rdf:type.
const (
	Entity      = Prefix + "Entity"      // a person, organisation, place, thing or value
	Relation    = Prefix + "Relation"    // a predicate that links two entities in a fact
	Document    = Prefix + "Document"    // a source text
	Evidence    = Prefix + "Evidence"    // one sentence of one document that states one fact
	Correction  = Prefix + "Correction"  // an analyst's merge or split of entities, applied to every load
	Corrections = Prefix + "corrections" // the node that holds the store's kg:last_seq
)

// Properties.
const (
	RDFType       = "rdf:type"                // a node's class
	Name          = Prefix + "name"           // entity, relation or document: its canonical name
	Type          = Prefix + "type"           // entity: PERSON, ORG, GPE, DATE, MONEY, ...
	NameWord      = Prefix + "name_word"      // PERSON entity: its first and last name, each a quad, so a one-word name finds it by index
	Doc           = Prefix + "doc"            // evidence: the document it comes from
	SentenceIndex = Prefix + "sentence_index" // evidence: the sentence's position in its document, from 0
	Text          = Prefix + "text"           // evidence: the sentence as written
	Subject       = Prefix + "subject"        // evidence: the fact's subject entity
	Predicate     = Prefix + "predicate"      // evidence: the fact's relation node
	Object        = Prefix + "object"         // evidence: the fact's object entity
	RelationText  = Prefix + "relation"       // evidence: the relation as a phrase, "pledge to help"
	Negated       = Prefix + "negated"        // evidence: the sentence denies the fact
	Confidence    = Prefix + "confidence"     // evidence: the extractor's confidence, 0 to 1
	Start         = Prefix + "start"          // evidence: the sentence's first byte in its document
	End           = Prefix + "end"            // evidence: the byte after the sentence's last
	When          = Prefix + "when"           // evidence: when the sentence says the fact happened, as written ("on Tuesday")
	WhenISO       = Prefix + "when_iso"       // evidence: when, as an ISO 8601 day, month or year resolved against the document's date ("2018-05-13")
	FactValue     = Prefix + "value"          // evidence: an amount, percentage or quantity the fact states of its object, with its type ("PERCENT 60 percent")
	SubjectAlias  = Prefix + "subject_alias"  // evidence: the subject's name as the sentence writes it ("President Trump")
	ObjectAlias   = Prefix + "object_alias"   // evidence: the object's name as the sentence writes it ("Commerce")
	SubjectName   = Prefix + "subject_name"   // evidence: the subject's name as extracted, where a correction applies to it
	ObjectName    = Prefix + "object_name"    // evidence: the object's name as extracted, where a correction applies to it
	Kind          = Prefix + "kind"           // correction: "merge" or "split"
	Keep          = Prefix + "keep"           // correction: the entity that stays (merge), or that the alias leaves (split)
	Drop          = Prefix + "drop"           // correction: the entity merged into Keep (merge)
	Alias         = Prefix + "alias"          // correction: the alias that becomes an entity of its own (split)
	Seq           = Prefix + "seq"            // correction: its number; corrections apply in this order
	Time          = Prefix + "time"           // correction: when the analyst made it
	Saved         = Prefix + "saved"          // correction: a quad of an entity it deleted, as an N-Quad, restored by undoing it
	LastSeq       = Prefix + "last_seq"       // corrections: the last number given, so that none is given twice
	Hash          = Prefix + "hash"           // document: "sha256:" and the hex SHA-256 of its text, as loaded
	EvidenceCount = Prefix + "evidence_count" // document: how many evidence nodes it has, to check it is whole
	Incomplete    = Prefix + "incomplete"     // document: written in parts and not yet whole (a build stopped while writing it)
	DocTitle      = Prefix + "title"          // document: its title, where the input gives one (JSON Lines)
	DocDate       = Prefix + "date"           // document: its date as the input writes it (JSON Lines, or a text's header or dateline)
	DocSource     = Prefix + "source"         // document: the file it was read from, or "stdin"
)

// Properties of evidence that let the store join a person's one-word name
// across documents and take the join back (see graph's doc): each role of a
// fact whose name as extracted is one capitalised word, untyped or PERSON,
// keeps it, whichever entity the role now names.
const (
	SubjectShort     = Prefix + "subject_short"      // evidence: the subject's one-word name as extracted ("Reid")
	ObjectShort      = Prefix + "object_short"       // evidence: the object's one-word name as extracted
	SubjectShortType = Prefix + "subject_short_type" // evidence: the type the extractor gave kg:subject_short, where it gave one
	ObjectShortType  = Prefix + "object_short_type"  // evidence: the type the extractor gave kg:object_short, where it gave one
)
