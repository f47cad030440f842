package graph

import (
	"fmt"
	"io"

	"github.com/cayleygraph/quad/nquads"

	"github.com/kgraph/kg/schema"
)

// WriteNQuads writes the quads that loading the documents and facts would
// store, in N-Quads, each once, in a deterministic order.
func WriteNQuads(w io.Writer, docs []string, facts []schema.Fact) error {
	qs, err := loadQuads(docs, facts)
	if err != nil {
		return err
	}
	qw := nquads.NewWriter(w)
	if _, err := qw.WriteQuads(qs); err != nil {
		return fmt.Errorf("write n-quads: %w", err)
	}
	return qw.Close()
}
