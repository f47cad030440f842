package graph

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"

	"github.com/kgraph/kg/schema"
)

// Document is one source text and the facts read from it: the unit that
// [Store.LoadDocument] and [Store.Remove] write, each in one transaction.
type Document struct {
	Name string // the document's name; its node is schema.DocumentID(Name)

	// Hash identifies the content the facts were read from; loading a
	// document whose stored hash is the same changes nothing. Empty means
	// unknown: the document is then always replaced.
	Hash string

	Facts []schema.Fact // each with Doc == Name

	// Title, Date and Source are stored on the document's node when not
	// empty (schema.DocTitle, schema.DocDate, schema.DocSource).
	Title, Date, Source string
}

// Change says what [Store.LoadDocument] did.
type Change int

// Changes a load can make.
const (
	Unchanged Change = iota // the store holds this content already
	Added                   // the document was not in the store
	Replaced                // the document was, with other content; its old facts are gone
)

func (c Change) String() string {
	switch c {
	case Unchanged:
		return "unchanged"
	case Added:
		return "added"
	case Replaced:
		return "replaced"
	}
	return fmt.Sprintf("Change(%d)", int(c))
}

// LoadDocument writes the document, its facts and what they imply in one
// transaction, replacing what an earlier load of the same name wrote: its
// evidence, its facts, and the entities and relations that no other
// document's fact uses. It reads only the quads of that document and of the
// nodes its facts touch.
//
// A document whose stored hash equals d.Hash is left as it is (Unchanged).
// The store's corrections (see [Store.Merge]) apply to the facts first; then
// a person's one-word name ("Reid") joins the one stored person whose first
// or last name or alias it is, if exactly one is, and the joins of the words
// the document concerns are recomputed from the whole store, in the same
// transaction (see the package's doc).
// A fact needs a subject, a relation, an object and a document (d.Name);
// every fact is checked before the store is touched, and one bad fact
// refuses the document. A fact with an empty SubjectID or ObjectID is
// unresolved (the extractor leaves a bare pronoun without an entity) and is
// not stored.
func (s *Store) LoadDocument(ctx context.Context, d Document) (Change, error) {
	if strings.TrimSpace(d.Name) == "" {
		return 0, errors.New("load: a document without a name")
	}
	for i := range d.Facts {
		if d.Facts[i].Doc != d.Name {
			return 0, fmt.Errorf("load %s: fact %d is from document %q", d.Name, i, d.Facts[i].Doc)
		}
	}
	// Check the facts before the store is touched; their quads are built
	// once, in the transaction, after the corrections.
	if err := checkFacts(d.Facts); err != nil {
		return 0, fmt.Errorf("load %s: %w", d.Name, err)
	}
	doc := quad.IRI(schema.DocumentID(d.Name))
	var change Change
	err := s.write(ctx, func(ctx context.Context, qs cgraph.QuadStore, exclusive bool) (bool, error) {
		r := reader{qs: qs, between: s.between, ix: s.ix}
		p, err := r.props(ctx, string(doc))
		if err != nil {
			return false, err
		}
		switch {
		case !p.isA(schema.Document):
			change = Added
		case d.Hash != "" && p.str(schema.Hash) == d.Hash && len(p.vals[quad.IRI(schema.Hash)]) == 1:
			change = Unchanged
			return true, nil
		default:
			change = Replaced
			if !exclusive {
				return false, nil // replacing deletes: come back with the store to ourselves
			}
		}
		corrs, err := r.corrections(ctx)
		if err != nil {
			return false, err
		}
		add, err := r.documentAdds(d, corrs)
		if err != nil {
			return true, err
		}
		del, err := r.documentQuads(ctx, string(doc), add)
		if err != nil {
			return false, err
		}
		write := func() error {
			jdel, jadd, err := rejoin(ctx, r, corrs, del, add, nil)
			if err != nil {
				return err
			}
			del, add := compose(del, add, jdel, jadd)
			return r.apply(ctx, del, add)
		}
		if exclusive {
			return true, write()
		}
		// Joining names reads what other writers write: writers of
		// documents that concern one word take turns.
		words, err := joinWords(ctx, r, del, add)
		if err != nil {
			return false, err
		}
		return true, s.withWordLocks(ctx, words, write)
	})
	if err != nil {
		return 0, fmt.Errorf("load %s: %w", d.Name, err)
	}
	return change, nil
}

// documentAdds returns the quads that loading the document adds, its facts
// changed by the corrections; its short names of people are as extracted,
// for rejoin to join.
func (r reader) documentAdds(d Document, corrs []Correction) ([]quad.Quad, error) {
	add, nev, err := factAdds(d.Name, d.Facts, corrs)
	if err != nil {
		return nil, err
	}
	doc := quad.IRI(schema.DocumentID(d.Name))
	add = append(add, quad.Quad{Subject: doc, Predicate: quad.IRI(schema.EvidenceCount), Object: quad.Int(nev)})
	return append(add, documentProps(d, true)...), nil
}

// factAdds returns the quads that the facts of a document imply, changed by
// the corrections (short names as extracted, for rejoin to join), and how
// many evidence nodes they make.
func factAdds(name string, facts []schema.Fact, corrs []Correction) ([]quad.Quad, int, error) {
	facts, orig := correctFacts(corrs, facts)
	add, err := loadCorrected([]string{name}, facts, orig)
	if err != nil {
		return nil, 0, err
	}
	nev := 0
	for _, q := range add {
		if q.Predicate == quad.IRI(schema.Doc) {
			nev++
		}
	}
	return add, nev, nil
}

// documentProps returns the quads of the document node's title, date and
// source, and of its hash when withHash is set.
func documentProps(d Document, withHash bool) []quad.Quad {
	doc := quad.IRI(schema.DocumentID(d.Name))
	var out []quad.Quad
	for _, p := range []struct{ pred, val string }{
		{schema.Hash, d.Hash}, {schema.DocTitle, d.Title}, {schema.DocDate, d.Date}, {schema.DocSource, d.Source},
	} {
		if p.val != "" && (withHash || p.pred != schema.Hash) {
			out = append(out, quad.Quad{Subject: doc, Predicate: quad.IRI(p.pred), Object: quad.String(p.val)})
		}
	}
	return out
}

// DocumentHash returns the hash stored with the document by
// [Store.LoadDocument], or "" when the store does not hold the document or
// holds it without a hash.
func (s *Store) DocumentHash(ctx context.Context, name string) (string, error) {
	qs, release, err := s.use()
	if err != nil {
		return "", fmt.Errorf("document %s: %w", name, err)
	}
	defer release()
	p, err := reader{qs: qs}.props(ctx, schema.DocumentID(name))
	if err != nil {
		return "", fmt.Errorf("document %s: %w", name, err)
	}
	if len(p.vals[quad.IRI(schema.Hash)]) != 1 {
		return "", nil
	}
	return p.str(schema.Hash), nil
}

// DocumentsWithHash returns the names of the stored documents whose hash
// (see [Store.DocumentHash]) is hash, sorted: the same content stored under
// other names.
func (s *Store) DocumentsWithHash(ctx context.Context, hash string) ([]string, error) {
	qs, release, err := s.use()
	if err != nil {
		return nil, fmt.Errorf("documents with hash: %w", err)
	}
	defer release()
	r := reader{qs: qs}
	var names []string
	err = r.quads(ctx, quad.Object, quad.String(hash), func(q quad.Quad) error {
		if q.Predicate != quad.IRI(schema.Hash) || q.Label != nil {
			return nil
		}
		p, err := r.props(ctx, iriString(q.Subject))
		if err != nil {
			return err
		}
		if n := p.str(schema.Name); n != "" {
			names = append(names, n)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("documents with hash: %w", err)
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}

// Remove takes the document out of the store: its node, its evidence, the
// facts they state, and the entities and relations that no other document's
// fact uses, in one transaction. A document that is not in the store is
// ErrNotFound.
func (s *Store) Remove(ctx context.Context, name string) error {
	doc := schema.DocumentID(name)
	err := s.write(ctx, func(ctx context.Context, qs cgraph.QuadStore, exclusive bool) (bool, error) {
		if !exclusive {
			return false, nil
		}
		r := reader{qs: qs, between: s.between, ix: s.ix}
		p, err := r.props(ctx, doc)
		if err != nil {
			return false, err
		}
		if !p.isA(schema.Document) {
			return true, &schema.NotFoundError{What: fmt.Sprintf("document %q", name)}
		}
		del, err := r.documentQuads(ctx, doc, nil)
		if err != nil {
			return false, err
		}
		corrs, err := r.corrections(ctx)
		if err != nil {
			return false, err
		}
		jdel, jadd, err := rejoin(ctx, r, corrs, del, nil, nil)
		if err != nil {
			return false, err
		}
		del, add := compose(del, nil, jdel, jadd)
		return true, r.apply(ctx, del, add)
	})
	if err != nil {
		var nf *schema.NotFoundError
		if errors.As(err, &nf) {
			return err
		}
		return fmt.Errorf("remove %s: %w", name, err)
	}
	return nil
}

// apply deletes del and adds add; a quad in both is left alone, and so is
// an added quad that the store holds already, because Cayley counts a node's
// references before it skips a duplicate: a node whose count is too high is
// never deleted.
//
// On the SQL backends and memory it is one ApplyDeltas, which is one
// transaction. On bolt it is two, the deletions and then the additions:
// Cayley's kv store writes an added quad without the node that the same call
// takes references from (a node whose count goes down), so the two cannot be
// mixed. A crash between them leaves the document without its hash and
// evidence count and with part of its evidence, which verify takes for a
// document that Load wrote; the next build replaces it, whole.
func (r reader) apply(ctx context.Context, del, add []quad.Quad) error {
	first, dels, adds, err := r.steps(ctx, del, add)
	if err != nil {
		return err
	}
	opts := cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}
	if len(first) > 0 {
		if err := r.applyDeltas(ctx, first, nil, opts); err != nil {
			return err
		}
		if r.between != nil {
			if err := r.between(); err != nil {
				return err
			}
		}
	}
	if len(dels)+len(adds) == 0 {
		return nil
	}
	return r.applyDeltas(ctx, dels, adds, opts)
}

// steps returns what apply writes: on bolt, when it both deletes and adds,
// the deletions of a first step (first) and the additions of a second;
// elsewhere, one step of deletions and additions.
func (r reader) steps(ctx context.Context, del, add []quad.Quad) (first, dels, adds []quad.Quad, err error) {
	tx := cgraph.NewTransactionN(len(del) + len(add))
	for _, q := range del {
		tx.RemoveQuad(q)
	}
	for _, q := range add {
		tx.AddQuad(q)
	}
	for _, d := range tx.Deltas {
		if d.Action == cgraph.Delete {
			dels = append(dels, d.Quad)
		} else {
			adds = append(adds, d.Quad)
		}
	}
	adds, err = r.absent(ctx, adds)
	if err != nil {
		return nil, nil, nil, err
	}
	if _, isKV := r.qs.(*kv.QuadStore); isKV && len(dels) > 0 && len(adds) > 0 {
		// A document's evidence count that the write leaves as it was (in
		// del and add both, or, composed with a join, in add only and
		// held by the store) would stay through the first step, and a crash
		// between the two would leave a document that claims the count with
		// only part of its evidence: take it out in the first step and put
		// it back in the second, so that the document in between has no
		// count, like one that Load wrote, and the next build replaces it.
		for _, q := range slices.Concat(del, add) {
			if q.Predicate == quad.IRI(schema.EvidenceCount) && !slices.Contains(dels, q) && !slices.Contains(adds, q) {
				dels = append(dels, q)
				adds = append(adds, q)
			}
		}
		out, err := r.movedEvidence(ctx, dels)
		if err != nil {
			return nil, nil, nil, err
		}
		return append(dels, out...), nil, append(adds, out...), nil
	}
	return nil, dels, adds, nil
}

// movedEvidence returns the quads that a two-step write takes out in its
// first step and puts back in its second, besides its own, when it moves an
// evidence node of a document that it does not replace to another entity
// (joining a one-word name does): the rest of that evidence node, and its
// document's hash and count. A crash between the steps then leaves that
// document without them and without the evidence, which verify takes for a
// document that Load wrote and the next build replaces, rather than evidence
// without a subject, which no build would mend.
func (r reader) movedEvidence(ctx context.Context, dels []quad.Quad) ([]quad.Quad, error) {
	deleted := make(map[quad.Quad]bool, len(dels))
	moved := make(map[quad.Value]bool)
	for _, q := range dels {
		deleted[q] = true
		if q.Label == nil && (q.Predicate == quad.IRI(schema.Subject) || q.Predicate == quad.IRI(schema.Object)) {
			moved[q.Subject] = true
		}
	}
	var out []quad.Quad
	docs := make(map[quad.Value]bool)
	for _, ev := range sortedValues(moved) {
		if deleted[quad.Quad{Subject: ev, Predicate: quad.IRI(schema.RDFType), Object: quad.IRI(schema.Evidence)}] {
			continue // deleted whole: its document is the one replaced
		}
		qs, err := r.quadsOf(ctx, quad.Subject, ev)
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			if q.Label != nil || deleted[q] {
				continue
			}
			out = append(out, q)
			if q.Predicate == quad.IRI(schema.Doc) && !docs[q.Object] {
				docs[q.Object] = true
				dqs, err := r.quadsOf(ctx, quad.Subject, q.Object)
				if err != nil {
					return nil, err
				}
				for _, dq := range dqs {
					if (dq.Predicate == quad.IRI(schema.Hash) || dq.Predicate == quad.IRI(schema.EvidenceCount)) && !deleted[dq] {
						out = append(out, dq)
					}
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	// The entities and relations that only evidence taken out uses go out
	// and come back with it, or the store in between would hold them
	// without a fact.
	terms := make(map[quad.Value]bool)
	for _, q := range out {
		deleted[q] = true
	}
	for q := range deleted {
		if q.Label == nil && (q.Predicate == quad.IRI(schema.Subject) || q.Predicate == quad.IRI(schema.Predicate) || q.Predicate == quad.IRI(schema.Object)) {
			terms[q.Object] = true
		}
	}
	for _, t := range sortedValues(terms) {
		used := false
		err := r.quads(ctx, quad.Object, t, func(q quad.Quad) error {
			if q.Label == nil && !deleted[q] && (q.Predicate == quad.IRI(schema.Subject) || q.Predicate == quad.IRI(schema.Predicate) || q.Predicate == quad.IRI(schema.Object)) {
				used = true
				return errStop
			}
			return nil
		})
		if err != nil && !errors.Is(err, errStop) {
			return nil, err
		}
		if used {
			continue
		}
		qs, err := r.quadsOf(ctx, quad.Subject, t)
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			if q.Label == nil && !deleted[q] {
				out = append(out, q)
			}
		}
	}
	return out, nil
}

// deltas returns the deltas that delete del and add add.
func deltas(del, add []quad.Quad) []cgraph.Delta {
	ds := make([]cgraph.Delta, 0, len(del)+len(add))
	for _, q := range del {
		ds = append(ds, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	for _, q := range add {
		ds = append(ds, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	return ds
}

// absent returns the quads that the store does not hold. It reads the quad
// references of each subject that the store has, not their values.
func (r reader) absent(ctx context.Context, qs []quad.Quad) ([]quad.Quad, error) {
	held := make(map[quadKey]bool)
	read := make(map[quad.Value]bool)
	out := qs[:0:0]
	for _, q := range qs {
		k, ok, err := r.keyOfQuad(q)
		if err != nil {
			return nil, err
		}
		if !ok {
			out = append(out, q) // a node of it is new
			continue
		}
		if !read[q.Subject] {
			read[q.Subject] = true
			err := r.refs(ctx, quad.Subject, q.Subject, func(ref cgraph.Ref) error {
				k, err := r.keyOf(ref)
				held[k] = true
				return err
			})
			if err != nil {
				return nil, err
			}
		}
		if !held[k] {
			out = append(out, q)
		}
	}
	return out, nil
}

// documentQuads returns the quads that removing the document deletes: the
// document node's properties, its evidence nodes' properties and the fact
// quads they label, and the properties of the entities and relations that
// only this document's facts use (keep lists the quads about to be added, whose
// nodes stay). It walks from the document to its evidence (kg:doc, by object),
// from each evidence node to its terms (by subject), and from each term to
// the evidence that uses it (by object): it reads this document's quads and
// its nodes' neighbours, never the whole store.
func (r reader) documentQuads(ctx context.Context, doc string, keep []quad.Quad) ([]quad.Quad, error) {
	del, err := r.quadsOf(ctx, quad.Subject, quad.IRI(doc))
	if err != nil {
		return nil, err
	}
	list, err := r.evidenceOf(ctx, doc)
	if err != nil {
		return nil, err
	}
	evs := make(map[quad.Value]bool, len(list))
	for _, ev := range list {
		evs[ev] = true
	}
	terms := make(map[quad.Value]bool) // entities and relations of the document's facts
	for ev := range evs {
		qs, err := r.quadsOf(ctx, quad.Subject, ev)
		if err != nil {
			return nil, err
		}
		var s, p, o quad.Value
		for _, q := range qs {
			switch q.Predicate {
			case quad.IRI(schema.Subject):
				s = q.Object
			case quad.IRI(schema.Predicate):
				p = q.Object
			case quad.IRI(schema.Object):
				o = q.Object
			}
		}
		del = append(del, qs...)
		if s != nil && p != nil && o != nil {
			del = append(del, quad.Quad{Subject: s, Predicate: p, Object: o, Label: ev})
			terms[s], terms[p], terms[o] = true, true, true
		}
	}

	// Keys of the evidence nodes and of the predicates that lead from
	// evidence to its terms, to find other documents' evidence by reference.
	evKeys := make(map[any]bool, len(evs))
	for ev := range evs {
		k, err := r.valueKey(ev)
		if err != nil {
			return nil, err
		}
		evKeys[k] = true
	}
	termPreds := make(map[any]bool, 3)
	for _, p := range []string{schema.Subject, schema.Predicate, schema.Object} {
		k, err := r.valueKey(quad.IRI(p))
		if err != nil {
			return nil, err
		}
		if k != nil {
			termPreds[k] = true
		}
	}
	kept := make(map[quad.Value]bool) // nodes the added quads use
	for _, q := range keep {
		kept[q.Subject] = true
		kept[q.Object] = true
	}
	for t := range terms {
		if kept[t] {
			continue
		}
		used := false // by evidence of another document
		err := r.refs(ctx, quad.Object, t, func(q cgraph.Ref) error {
			if used {
				return nil
			}
			p, err := r.key(q, quad.Predicate)
			if err != nil || !termPreds[p] {
				return err
			}
			sub, err := r.key(q, quad.Subject)
			used = !evKeys[sub]
			return err
		})
		if err != nil {
			return nil, err
		}
		if used {
			continue
		}
		qs, err := r.quadsOf(ctx, quad.Subject, t)
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			if q.Label == nil { // its facts are deleted with their evidence
				del = append(del, q)
			}
		}
	}
	return del, nil
}

// quadsOf returns the quads that have v in direction d.
func (r reader) quadsOf(ctx context.Context, d quad.Direction, v quad.Value) ([]quad.Quad, error) {
	var qs []quad.Quad
	err := r.quads(ctx, d, v, func(q quad.Quad) error {
		qs = append(qs, q)
		return nil
	})
	return qs, err
}

// write runs fn with the quad store to itself within this process. On the
// SQL backends, several processes write at once: fn first runs holding a
// shared lock of the database, which other adders share, and when it needs to
// delete it returns done == false and runs again holding the lock alone
// (exclusive == true). On the other backends fn runs once, alone. A
// transaction that the database aborts for a deadlock or a serialization
// conflict runs again.
func (s *Store) write(ctx context.Context, fn func(ctx context.Context, qs cgraph.QuadStore, exclusive bool) (done bool, err error)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.readOnly {
		return ErrReadOnly
	}
	qs, release, err := s.useForWrite()
	if err != nil {
		return err
	}
	defer release()
	if s.db == nil {
		_, err := fn(ctx, qs, true)
		return err
	}
	for _, exclusive := range []bool{false, true} {
		var done bool
		err := s.withLock(ctx, exclusive, func() error {
			return retry(ctx, func() error {
				var err error
				done, err = fn(ctx, qs, exclusive)
				return err
			})
		})
		if err != nil || done {
			return err
		}
	}
	return errors.New("write: not done with the store to itself") // fn must finish when exclusive
}

// lockKey is the PostgreSQL advisory lock that kg's writers take.
var lockKey = func() int64 {
	h := fnv.New64a()
	h.Write([]byte(schema.NS + "write"))
	return int64(h.Sum64())
}()

// withLock runs fn holding kg's advisory lock of the database, shared or
// exclusive, on a connection of its own: the lock goes with the session, so a
// process that dies releases it. CockroachDB has no advisory locks; there fn
// runs without one.
func (s *Store) withLock(ctx context.Context, exclusive bool, fn func() error) error {
	if s.backend == Cockroach {
		return fn()
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	lock, unlock := "pg_advisory_lock_shared", "pg_advisory_unlock_shared"
	if exclusive {
		lock, unlock = "pg_advisory_lock", "pg_advisory_unlock"
	}
	if _, err := conn.ExecContext(ctx, "SELECT "+lock+"($1)", lockKey); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	err = fn()
	// Unlock even when ctx is done; closing the connection would too.
	if _, uerr := conn.ExecContext(context.WithoutCancel(ctx), "SELECT "+unlock+"($1)", lockKey); uerr != nil && err == nil {
		err = fmt.Errorf("unlock: %w", uerr)
	}
	return err
}

// retry runs fn again, up to a few times, while the database aborts it for a
// deadlock or a serialization failure: writers that share nodes can take
// their row locks in opposite orders.
func retry(ctx context.Context, fn func() error) error {
	wait := 10 * time.Millisecond
	for attempt := 0; ; attempt++ {
		err := fn()
		if err == nil || attempt == 8 || !retryable(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// retryable reports whether err is PostgreSQL's deadlock_detected or
// serialization_failure, which lib/pq and pgx both report by SQLState.
func retryable(err error) bool {
	var st interface{ SQLState() string }
	if !errors.As(err, &st) {
		return false
	}
	switch st.SQLState() {
	case "40P01", "40001":
		return true
	}
	return false
}
