package graph

import "github.com/kgraph/kg/schema"

// The read models live in package schema, beside the vocabulary, so that
// the exporters and the analyses need no store to use them.
type (
	Node           = schema.Node
	Edge           = schema.Edge
	Subgraph       = schema.Subgraph
	EvidenceRecord = schema.EvidenceRecord
	FactRow        = schema.FactRow
)
