package schema

// The read models of a stored graph: what the store's readers give and the
// exporters, analyses and the server take. They hold no reference to a
// store.

// Node is an entity of a [Subgraph].
type Node struct {
	ID   string `json:"id"`   // IRI, "kg:entity/zte"
	Name string `json:"name"` // kg:name; the ID if it has none
	Type string `json:"type"` // kg:type; empty if unknown
}

// Edge is a fact of a [Subgraph]: all the evidence of one subject - relation -
// object triple.
type Edge struct {
	From       string   `json:"from"`        // ID of the subject node
	To         string   `json:"to"`          // ID of the object node
	Relation   string   `json:"relation"`    // the relation's kg:name, "penalize"
	RelationID string   `json:"relation_id"` // the relation's IRI, "rel:penalize"
	Negated    bool     `json:"negated"`     // every evidence of the fact denies it
	Confidence float64  `json:"confidence"`  // the highest confidence of its evidence
	Evidence   []string `json:"evidence"`    // the distinct sentences that state it, sorted
	// Records are its evidence nodes, by document, sentence, negation and
	// ID: Records[0] is the first sentence that states it.
	Records []EvidenceRecord `json:"records"`
}

// Subgraph is a set of entities and the facts between them. Nodes are sorted
// by name, then ID; edges by From, Relation, then To.
type Subgraph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// EvidenceRecord is one evidence node: one sentence of one document that
// states (or denies) one fact.
type EvidenceRecord struct {
	ID            string  `json:"id"` // the evidence node's IRI
	Document      string  `json:"document"`
	SentenceIndex int     `json:"sentence_index"`
	Start         int     `json:"start"` // byte offsets of the sentence in its document;
	End           int     `json:"end"`   // both 0 when the load did not give them
	Text          string  `json:"text"`
	Negated       bool    `json:"negated"`
	Confidence    float64 `json:"confidence"`
	Time          string  `json:"time,omitempty"`          // when the sentence says the fact happened, as written
	TimeISO       string  `json:"time_iso,omitempty"`      // the same as an ISO 8601 day, month or year, where the document's date tells
	SubjectAlias  string  `json:"subject_alias,omitempty"` // the names as the sentence writes them
	ObjectAlias   string  `json:"object_alias,omitempty"`
}

// FactRow is one fact of a [Subgraph] as a flat record, what the table
// exporters write.
type FactRow struct {
	Subject     string  `json:"subject"` // the entities' names
	Relation    string  `json:"relation"`
	Object      string  `json:"object"`
	SubjectID   string  `json:"subject_id"` // the entities' IRIs
	ObjectID    string  `json:"object_id"`
	SubjectType string  `json:"subject_type"` // empty if unknown
	ObjectType  string  `json:"object_type"`
	Negated     bool    `json:"negated"`            // every evidence denies it
	Confidence  float64 `json:"confidence"`         // the highest of its evidence's
	Evidence    int     `json:"evidence"`           // how many evidence nodes state or deny it
	Sentence    string  `json:"sentence"`           // the first of them, in document order
	Document    string  `json:"document"`           // the first sentence's document
	Time        string  `json:"time,omitempty"`     // when the first sentence says it happened, as written
	TimeISO     string  `json:"time_iso,omitempty"` // the same as an ISO 8601 day, month or year
}

// Rows returns the facts of g as rows, in the order of g.Edges.
func (g *Subgraph) Rows() []FactRow {
	nodes := make(map[string]Node, len(g.Nodes))
	for _, n := range g.Nodes {
		nodes[n.ID] = n
	}
	rows := make([]FactRow, 0, len(g.Edges))
	for _, e := range g.Edges {
		from, to := nodes[e.From], nodes[e.To]
		r := FactRow{
			Subject: from.Name, Relation: e.Relation, Object: to.Name,
			SubjectID: e.From, ObjectID: e.To, SubjectType: from.Type, ObjectType: to.Type,
			Negated: e.Negated, Confidence: e.Confidence, Evidence: len(e.Records),
			Sentence: e.FirstSentence(),
		}
		if r.Evidence == 0 {
			r.Evidence = len(e.Evidence)
		}
		if len(e.Records) > 0 {
			r.Document, r.Time, r.TimeISO = e.Records[0].Document, e.Records[0].Time, e.Records[0].TimeISO
		}
		rows = append(rows, r)
	}
	return rows
}

// FirstSentence returns the first sentence that states e, in document order;
// else its first evidence sentence; else "".
func (e *Edge) FirstSentence() string {
	for _, r := range e.Records {
		if r.Text != "" {
			return r.Text
		}
	}
	if len(e.Evidence) > 0 {
		return e.Evidence[0]
	}
	return ""
}
