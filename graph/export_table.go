package graph

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// FactRow is one fact of a [Subgraph] as a flat record, what [WriteJSONL]
// and [WriteCSV] write.
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
			Sentence: e.firstSentence(),
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

// WriteJSONL writes the facts of g as JSON Lines, one [FactRow] a line.
func WriteJSONL(w io.Writer, g *Subgraph) error {
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
func WriteCSV(w io.Writer, g *Subgraph) error {
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
func WriteNodesCSV(w io.Writer, g *Subgraph) error {
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
