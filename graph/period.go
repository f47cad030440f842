package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// Period bounds facts in time: a fact stays while one of its sentences
// falls inside. A zero bound is open.
type Period struct {
	Since, Until time.Time // first and last day, inclusive
}

// ParsePeriod reads --since and --until: an ISO 8601 day, month or year
// each ("2018", "2018-05", "2018-05-14"), or empty for no bound. since
// counts from the first day it names, until to the last.
func ParsePeriod(since, until string) (Period, error) {
	var p Period
	if since != "" {
		first, _, ok := schema.DateSpan(since)
		if !ok {
			return p, fmt.Errorf("--since %q: want a year, month or day as 2018, 2018-05 or 2018-05-14", since)
		}
		p.Since = first
	}
	if until != "" {
		_, last, ok := schema.DateSpan(until)
		if !ok {
			return p, fmt.Errorf("--until %q: want a year, month or day as 2018, 2018-05 or 2018-05-14", until)
		}
		p.Until = last
	}
	if !p.Since.IsZero() && !p.Until.IsZero() && p.Until.Before(p.Since) {
		return p, fmt.Errorf("--until %s is before --since %s", until, since)
	}
	return p, nil
}

// Open reports whether the period bounds nothing.
func (p Period) Open() bool { return p.Since.IsZero() && p.Until.IsZero() }

// overlaps reports whether the days first to last meet the period.
func (p Period) overlaps(first, last time.Time) bool {
	return (p.Since.IsZero() || !last.Before(p.Since)) && (p.Until.IsZero() || !first.After(p.Until))
}

// Within returns the snapshot s with only the evidence the period p holds,
// and the facts left with evidence. An evidence's date is when its sentence
// says the fact happened (kg:when_iso), or else its document's date
// (docDate, as the input wrote it); evidence with neither is left out of a
// bounded period, since nothing says it belongs. Entities all stay.
func Within(s *schema.Snapshot, p Period, docDate func(doc string) string) *schema.Snapshot {
	if p.Open() {
		return s
	}
	out := &schema.Snapshot{Entities: s.Entities, Facts: make([]schema.StoredFact, 0, len(s.Facts))}
	for _, f := range s.Facts {
		var evs []schema.EvidenceRecord
		for _, e := range f.Evidence {
			first, last, ok := dated(e.TimeISO, docDate(e.Document))
			if ok && p.overlaps(first, last) {
				evs = append(evs, e)
			}
		}
		if len(evs) == 0 {
			continue
		}
		f.Evidence, f.Negated, f.Confidence = evs, true, 0
		for _, e := range evs {
			f.Negated = f.Negated && e.Negated
			f.Confidence = max(f.Confidence, e.Confidence)
		}
		out.Facts = append(out.Facts, f)
	}
	return out
}

// dated returns the days a sentence covers: its time as an ISO day, month
// or year, or else its document's date as the input wrote it.
func dated(timeISO, docDate string) (first, last time.Time, ok bool) {
	if timeISO != "" {
		if first, last, ok = schema.DateSpan(timeISO); ok {
			return first, last, true
		}
	}
	if d, ok := schema.ParseDate(docDate); ok {
		return d, d, true
	}
	return time.Time{}, time.Time{}, false
}

// inPeriod reports whether evidence ev falls in the period.
func (b *builder) inPeriod(ctx context.Context, ev quad.Value, p Period) (bool, error) {
	if p.Open() {
		return true, nil
	}
	id, ok := ev.(quad.IRI)
	if !ok {
		return false, nil
	}
	ep, err := b.node(ctx, string(id))
	if err != nil {
		return false, err
	}
	var docDate string
	if doc := ep.str(schema.Doc); doc != "" {
		dp, err := b.node(ctx, doc)
		if err != nil {
			return false, err
		}
		docDate = dp.str(schema.DocDate)
	}
	first, last, ok := dated(ep.str(schema.WhenISO), docDate)
	return ok && p.overlaps(first, last), nil
}
