package web

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/ask"
	"github.com/kgraph/kg/schema"
)

// asker answers the questions about one entity or two: from the store as it
// is now, through [graph.Local] (storeAsker), or from the last snapshot
// while a writer holds the store (snapAsker). Both answer alike, as kg's
// commands do.
type asker interface {
	// find returns the ID of the entity that v names: a name, an alias or
	// an ID.
	find(ctx context.Context, v string) (string, error)
	neighbors(ctx context.Context, id string, depth int, f analyze.Filter, period graph.Period) (schema.Node, []analyze.Neighbor, error)
	// nearest is neighbors at depth 1 without a filter, cut at limit;
	// more says it was cut.
	nearest(ctx context.Context, id string, limit int, period graph.Period) (center schema.Node, list []analyze.Neighbor, more bool, err error)
	paths(ctx context.Context, from, to string, maxHops, k int, period graph.Period) ([]analyze.Path, error)
	facts(ctx context.Context, id string, period graph.Period) (schema.EntityInfo, []analyze.Step, error)
	// factsWith returns the facts of from, at least those shared with to.
	factsWith(ctx context.Context, from, to string, period graph.Period) ([]analyze.Step, error)
	// date returns the date of a document of the evidence answered.
	date(doc string) string
}

// asked makes a handler that answers a question about one entity or two.
// The snapshot answers while it is the store's (the file unchanged since
// it was read): from memory, the fastest (a path on the 1M-quad benchmark
// store in tens of milliseconds, where reading it through graph.Local
// takes seconds when the path passes through hubs). When it is older than
// the file and being read again in the background (a store slow to read,
// after a build), the answer is read from the store through graph.Local
// for this request instead: the store as it is now, whole documents only
// (no writer writes while the server holds the file). While a writer holds
// the file, the last snapshot answers, and says so (see Server.snapshot).
// fn reads its parameters from p and returns p.err if they are wrong.
func (s *Server) asked(fn func(ctx context.Context, a asker, p *params) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		st, busy, err := s.src.current(r.Context())
		if err != nil && !errors.Is(err, errBusy) {
			s.fail(w, r, err)
			return
		}
		var v any
		if busy {
			err = s.src.local(r.Context(), func(l *graph.Local) error {
				var err error
				v, err = fn(r.Context(), storeAsker{l}, &params{r: r})
				return err
			})
			if errors.Is(err, graph.ErrLocked) && st == nil {
				err = errBusy
			}
		}
		if !busy || errors.Is(err, graph.ErrLocked) {
			// The snapshot: the store's, or the last one while a writer
			// holds the file.
			w.Header().Set("KG-Snapshot", st.readAt.Format(time.RFC3339Nano))
			if busy {
				w.Header().Set("KG-Store-Busy", "1")
			}
			v, err = fn(r.Context(), snapAsker{st}, &params{r: r})
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

// everything is what the server's answers count: concepts too.
func everything(period graph.Period) ask.Options { return ask.Options{Period: period, Concepts: true} }

// storeAsker reads what a question needs from the store.
type storeAsker struct{ l *graph.Local }

func (a storeAsker) find(ctx context.Context, v string) (string, error) { return ask.Find(ctx, a.l, v) }

func (a storeAsker) neighbors(ctx context.Context, id string, depth int, f analyze.Filter, period graph.Period) (schema.Node, []analyze.Neighbor, error) {
	return ask.Neighbors(ctx, a.l, id, depth, f, everything(period))
}

func (a storeAsker) nearest(ctx context.Context, id string, limit int, period graph.Period) (schema.Node, []analyze.Neighbor, bool, error) {
	return ask.Nearest(ctx, a.l, id, limit, everything(period))
}

func (a storeAsker) paths(ctx context.Context, from, to string, maxHops, k int, period graph.Period) ([]analyze.Path, error) {
	return ask.Paths(ctx, a.l, from, to, maxHops, k, everything(period))
}

func (a storeAsker) facts(ctx context.Context, id string, period graph.Period) (schema.EntityInfo, []analyze.Step, error) {
	e, steps, err := ask.Facts(ctx, a.l, id, everything(period))
	if err == nil {
		err = a.l.ReadDates(ctx) // the page shows them
	}
	return e, steps, err
}

// factsWith reads the facts between the two only.
func (a storeAsker) factsWith(ctx context.Context, from, to string, period graph.Period) ([]analyze.Step, error) {
	if err := a.l.LoadAmong(ctx, []string{from, to}); err != nil {
		return nil, err
	}
	g, err := ask.Graph(ctx, a.l, everything(period))
	if err != nil {
		return nil, err
	}
	_, steps, err := g.FactsOf(from)
	return steps, err
}

func (a storeAsker) date(doc string) string { return a.l.DocDate(doc) }

// snapAsker answers from a snapshot.
type snapAsker struct{ st *state }

func (a snapAsker) find(ctx context.Context, v string) (string, error) {
	if strings.HasPrefix(v, schema.Prefix+"entity/") {
		if _, ok := a.st.snap.Entity(v); !ok {
			return "", &schema.NotFoundError{What: "entity " + v}
		}
		return v, nil
	}
	e, err := a.st.snap.Find(v)
	return e.ID, err
}

func (a snapAsker) neighbors(ctx context.Context, id string, depth int, f analyze.Filter, period graph.Period) (schema.Node, []analyze.Neighbor, error) {
	return a.st.graphOf(period).NeighborsOf(id, depth, f)
}

func (a snapAsker) nearest(ctx context.Context, id string, limit int, period graph.Period) (schema.Node, []analyze.Neighbor, bool, error) {
	center, list, err := a.neighbors(ctx, id, 1, analyze.Filter{}, period)
	return center, ask.Strongest(list, limit), len(list) > limit, err
}

func (a snapAsker) paths(ctx context.Context, from, to string, maxHops, k int, period graph.Period) ([]analyze.Path, error) {
	return a.st.graphOf(period).PathsBetween(from, to, maxHops, k)
}

func (a snapAsker) facts(ctx context.Context, id string, period graph.Period) (schema.EntityInfo, []analyze.Step, error) {
	return a.st.graphOf(period).FactsOf(id)
}

func (a snapAsker) factsWith(ctx context.Context, from, _ string, period graph.Period) ([]analyze.Step, error) {
	_, steps, err := a.st.graphOf(period).FactsOf(from)
	return steps, err
}

func (a snapAsker) date(doc string) string { return a.st.dates[doc] }
