package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// Support is the evidence ledger of one fact: every sentence that states it
// or denies it.
type Support struct {
	Subject  string `json:"subject"` // the entities' kg:name, as stored
	Relation string `json:"relation"`
	Object   string `json:"object"`

	Evidence  []schema.EvidenceRecord `json:"evidence"`  // by document, sentence, then negation
	Sentences int                     `json:"sentences"` // distinct (document, sentence) pairs
	Documents int                     `json:"documents"` // distinct documents
	Asserted  int                     `json:"asserted"`  // evidence that states the fact
	Negated   int                     `json:"negated"`   // evidence that denies it
}

// Support returns the ledger of the fact subject - relation - object. The
// entities are found by name or alias as [Store.Subgraph] finds its focus,
// the relation by its name
// folded the same way ("penalize"). An unknown entity gives an error that
// matches [ErrNotFound]; a fact that no sentence states gives an empty
// ledger.
func (s *Store) Support(ctx context.Context, subject, relation, object string) (Support, error) {
	qs, release, err := s.use()
	if err != nil {
		return Support{}, fmt.Errorf("support: %w", err)
	}
	defer release()
	b := &builder{r: reader{qs: qs}, props: make(map[string]props)}
	sub, err := b.find(ctx, subject)
	if err != nil {
		return Support{}, fmt.Errorf("support: %w", err)
	}
	obj, err := b.find(ctx, object)
	if err != nil {
		return Support{}, fmt.Errorf("support: %w", err)
	}
	rel := quad.IRI(schema.RelationID(relation))
	sp, err := b.r.attrsOf(ctx, sub, schema.Name) // not its facts: a hub has thousands
	if err != nil {
		return Support{}, fmt.Errorf("support: %w", err)
	}
	op, err := b.r.attrsOf(ctx, obj, schema.Name)
	if err != nil {
		return Support{}, fmt.Errorf("support: %w", err)
	}
	sup := Support{Subject: cmp.Or(sp.str(schema.Name), sub), Relation: relation, Object: cmp.Or(op.str(schema.Name), obj),
		Evidence: []schema.EvidenceRecord{}}
	if rp, err := b.node(ctx, string(rel)); err != nil {
		return Support{}, fmt.Errorf("support: %w", err)
	} else if n := rp.str(schema.Name); n != "" {
		sup.Relation = n
	}
	evs, err := b.r.labels(ctx, sub, rel, quad.IRI(obj))
	if err != nil {
		return Support{}, fmt.Errorf("support: %w", err)
	}
	for _, ev := range evs {
		rec, err := b.evidence(ctx, ev)
		if err != nil {
			return Support{}, fmt.Errorf("support: %w", err)
		}
		sup.Evidence = append(sup.Evidence, rec)
	}
	slices.SortFunc(sup.Evidence, func(a, b schema.EvidenceRecord) int {
		return cmp.Or(cmp.Compare(a.Document, b.Document), cmp.Compare(a.SentenceIndex, b.SentenceIndex),
			cmpBool(a.Negated, b.Negated), cmp.Compare(a.ID, b.ID))
	})
	sentences, docs := make(map[string]bool), make(map[string]bool)
	for _, e := range sup.Evidence {
		sentences[fmt.Sprintf("%s\x00%d", e.Document, e.SentenceIndex)] = true
		docs[e.Document] = true
		if e.Negated {
			sup.Negated++
		} else {
			sup.Asserted++
		}
	}
	sup.Sentences, sup.Documents = len(sentences), len(docs)
	return sup, nil
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// evidence reads one evidence node.
func (b *builder) evidence(ctx context.Context, id string) (schema.EvidenceRecord, error) {
	p, err := b.node(ctx, id)
	if err != nil {
		return schema.EvidenceRecord{}, err
	}
	return record(ctx, id, p, func(ctx context.Context, doc string) (string, error) {
		dp, err := b.node(ctx, doc)
		return dp.str(schema.Name), err
	})
}

// intProp returns the property as an int, 0 if it is not one.
func intProp(p props, pred string) int {
	n, _ := p.first(pred).(quad.Int)
	return int(n)
}
