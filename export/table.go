package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/kgraph/kg/schema"
)

// WriteJSONL writes the facts of g as JSON Lines, one [FactRow] a line.
func WriteJSONL(w io.Writer, g *schema.Subgraph) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, r := range g.Rows() {
		if err := enc.Encode(r); err != nil {
			return fmt.Errorf("write json lines: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write json lines: %w", err)
	}
	return nil
}

// CSVHeader is the header of [WriteCSV]'s table. Source and Target, the
// entities' IRIs, are the columns Gephi's spreadsheet import wants in an edges
// table; the other columns are the [FactRow]'s.
var CSVHeader = []string{"Source", "Target", "subject", "relation", "object", "subject_type", "object_type",
	"negated", "confidence", "evidence", "sentence", "document", "time", "time_iso"}

// WriteCSV writes the facts of g as a CSV table with a header, one
// [FactRow] a record.
func WriteCSV(w io.Writer, g *schema.Subgraph) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, r := range g.Rows() {
		rec := []string{r.SubjectID, r.ObjectID, r.Subject, r.Relation, r.Object, r.SubjectType, r.ObjectType,
			strconv.FormatBool(r.Negated), strconv.FormatFloat(r.Confidence, 'g', -1, 64), strconv.Itoa(r.Evidence),
			r.Sentence, r.Document, r.Time, r.TimeISO}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// WriteNodesCSV writes the entities of g as a CSV table with the header Id,
// Label, type: a nodes table for Gephi's spreadsheet import, whose Ids are
// the Source and Target of [WriteCSV].
func WriteNodesCSV(w io.Writer, g *schema.Subgraph) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"Id", "Label", "type"}); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, n := range g.Nodes {
		if err := cw.Write([]string{n.ID, n.Name, n.Type}); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}
