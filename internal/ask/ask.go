// Package ask answers the questions about one entity or two (its facts, its
// neighbours, the paths between two) from what [graph.Local] reads of the
// store, as analyze answers them on a whole snapshot, without reading the
// whole graph. kg's commands and kg serve ask them through it, so that both
// answer alike.
//
// Every function takes a Local, which lives for the callback of
// [graph.Store.Local]: the answers they return are plain values that
// outlive it.
package ask

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/kgraph/kg/analyze"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// Options are what the questions share.
type Options struct {
	// Period bounds the facts read in time; its zero value is all time.
	Period graph.Period
	// Concepts counts the entities of type CONCEPT and their facts too;
	// without it they are left out (issue 12's node policy).
	Concepts bool
}

// Find returns the ID of the entity that v names: an entity's ID
// ("kg:entity/zte"), else a name or alias as [graph.Local.Find] looks for
// it. An unknown one gives an error that matches [graph.ErrNotFound].
func Find(ctx context.Context, l *graph.Local, v string) (string, error) {
	if strings.HasPrefix(v, schema.Prefix+"entity/") {
		_, ok, err := l.Entity(ctx, v)
		if err != nil {
			return "", err
		}
		if !ok {
			return "", &schema.NotFoundError{What: "entity " + v}
		}
		return v, nil
	}
	return l.Find(ctx, v)
}

// Graph is what l has read so far as an analysis graph of the period's
// facts.
func Graph(ctx context.Context, l *graph.Local, opts Options) (*analyze.Graph, error) {
	snap, err := l.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	if !opts.Period.Open() {
		if err := l.ReadDates(ctx); err != nil {
			return nil, err
		}
	}
	snap = graph.Within(snap, opts.Period, l.DocDate)
	if !opts.Concepts {
		snap = NamedOnly(snap)
	}
	return analyze.New(snap), nil
}

// NamedOnly returns the snapshot without its concepts and their facts.
func NamedOnly(snap *schema.Snapshot) *schema.Snapshot {
	out := &schema.Snapshot{Entities: make([]schema.EntityInfo, 0, len(snap.Entities)), Facts: make([]schema.StoredFact, 0, len(snap.Facts))}
	drop := map[string]bool{}
	for _, e := range snap.Entities {
		if e.Type == schema.Concept {
			drop[e.ID] = true
			continue
		}
		out.Entities = append(out.Entities, e)
	}
	for _, f := range snap.Facts {
		if !drop[f.Subject] && !drop[f.Object] {
			out.Facts = append(out.Facts, f)
		}
	}
	return out
}

// Facts returns the entity id and its facts, as [analyze.Graph.FactsOf].
func Facts(ctx context.Context, l *graph.Local, id string, opts Options) (schema.EntityInfo, []analyze.Step, error) {
	if err := l.Load(ctx, id); err != nil {
		return schema.EntityInfo{}, nil, err
	}
	g, err := Graph(ctx, l, opts)
	if err != nil {
		return schema.EntityInfo{}, nil, err
	}
	return g.FactsOf(id)
}

// Neighbors returns the entity id and the entities within depth facts of
// it that the filter lets a walk reach, as [analyze.Graph.NeighborsOf]. It
// reads the facts of each level of the walk before it takes the next.
func Neighbors(ctx context.Context, l *graph.Local, id string, depth int, f analyze.Filter, opts Options) (schema.Node, []analyze.Neighbor, error) {
	if depth < 0 {
		return schema.Node{}, nil, fmt.Errorf("neighbors: negative depth %d", depth)
	}
	level := []string{id}
	for h := 1; ; h++ {
		if err := l.Load(ctx, level...); err != nil {
			return schema.Node{}, nil, err
		}
		g, err := Graph(ctx, l, opts)
		if err != nil {
			return schema.Node{}, nil, err
		}
		if h >= depth {
			return g.NeighborsOf(id, depth, f)
		}
		_, list, err := g.NeighborsOf(id, h, f)
		if err != nil {
			return schema.Node{}, nil, err
		}
		level = level[:0]
		for _, n := range list {
			if n.Hops == h {
				level = append(level, n.ID)
			}
		}
	}
}

// Nearest returns the entity id and the limit of its neighbours one fact
// away that the most evidence joins it to (then by ID), in the order of
// [analyze.Graph.NeighborsOf] (by name, then ID), each with all its facts
// with id, and whether it has more. It is NeighborsOf at depth 1 without a
// filter, cut to the strongest, and reads the evidence of those facts only:
// a hub's hundred strongest neighbours cost a fraction of all its facts.
func Nearest(ctx context.Context, l *graph.Local, id string, limit int, opts Options) (schema.Node, []analyze.Neighbor, bool, error) {
	if !opts.Period.Open() {
		// Which neighbours have a fact in the period is known from the
		// facts' evidence only: read them all.
		center, list, err := Neighbors(ctx, l, id, 1, analyze.Filter{}, opts)
		if err != nil {
			return center, nil, false, err
		}
		return center, Strongest(list, limit), len(list) > limit, nil
	}
	g, _, more, err := around(ctx, l, id, limit, opts)
	if err != nil {
		return schema.Node{}, nil, false, err
	}
	center, list, err := g.NeighborsOf(id, 1, analyze.Filter{})
	return center, list, more, err
}

// Strongest keeps, in the order given, the limit of the neighbours that
// are nearest, and of those as near, that the most evidence of the facts
// that lead to them states (then by ID).
func Strongest(list []analyze.Neighbor, limit int) []analyze.Neighbor {
	if len(list) <= limit {
		return list
	}
	weight := func(n analyze.Neighbor) int {
		w := 0
		for _, v := range n.Via {
			w += len(v.Evidence)
		}
		return w
	}
	order := slices.Clone(list)
	slices.SortFunc(order, func(a, b analyze.Neighbor) int {
		return cmp.Or(cmp.Compare(a.Hops, b.Hops), cmp.Compare(weight(b), weight(a)), cmp.Compare(a.ID, b.ID))
	})
	keep := make(map[string]bool, limit)
	for _, n := range order[:limit] {
		keep[n.ID] = true
	}
	return slices.DeleteFunc(slices.Clone(list), func(n analyze.Neighbor) bool { return !keep[n.ID] })
}

// strongest returns the limit of the ids of most weight, then least ID.
func strongest(ids []string, weight map[string]int, limit int) map[string]bool {
	ids = slices.Clone(ids)
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(weight[b], weight[a]), cmp.Compare(a, b)) })
	keep := make(map[string]bool, min(limit, len(ids)))
	for _, id := range ids[:min(limit, len(ids))] {
		keep[id] = true
	}
	return keep
}

// NearFacts returns the entity id and its facts with the limit of the
// entities they connect it to that the most evidence joins it to (as
// [Nearest] takes them), the number of those entities, and whether there
// are more: the facts of a hub, bounded. The facts are in the order of
// [Facts].
func NearFacts(ctx context.Context, l *graph.Local, id string, limit int, opts Options) (schema.EntityInfo, []analyze.Step, int, bool, error) {
	if !opts.Period.Open() {
		e, facts, err := Facts(ctx, l, id, opts)
		if err != nil {
			return e, nil, 0, false, err
		}
		kept, n := firstOthers(facts, limit)
		return e, kept, n, n > limit, nil
	}
	g, n, more, err := around(ctx, l, id, limit, opts)
	if err != nil {
		return schema.EntityInfo{}, nil, 0, false, err
	}
	e, facts, err := g.FactsOf(id)
	return e, facts, n, more, err
}

// around reads the facts of id with the limit of its neighbours that the
// most evidence joins it to, with their evidence, and returns the graph of
// what it read, the number of neighbours and whether there are more than
// limit.
func around(ctx context.Context, l *graph.Local, id string, limit int, opts Options) (*analyze.Graph, int, bool, error) {
	pairs, err := l.Strongest(ctx, id)
	if err != nil {
		return nil, 0, false, err
	}
	var ids []string
	n := 0
	for _, p := range pairs {
		// Counting concepts out needs every neighbour's type; counting
		// them in, only the type of those kept.
		if !opts.Concepts || len(ids) < limit {
			e, ok, err := l.Entity(ctx, p.Other)
			if err != nil {
				return nil, 0, false, err
			}
			if !ok || (!opts.Concepts && e.Type == schema.Concept) {
				continue
			}
		}
		n++
		if len(ids) < limit {
			ids = append(ids, p.Other)
		}
	}
	if err := l.LoadAround(ctx, id, ids); err != nil {
		return nil, 0, false, err
	}
	g, err := Graph(ctx, l, opts)
	return g, n, n > limit, err
}

// firstOthers keeps the facts whose other end is among the limit of the
// entities they name that the most evidence joins to (then by ID), and
// returns them with the number of those entities.
func firstOthers(facts []analyze.Step, limit int) ([]analyze.Step, int) {
	other := func(s analyze.Step) string {
		if s.Forward {
			return s.ObjectID
		}
		return s.SubjectID
	}
	weight := make(map[string]int)
	var ends []string
	for _, f := range facts {
		o := other(f)
		if _, ok := weight[o]; !ok {
			ends = append(ends, o)
		}
		weight[o] += len(f.Evidence)
	}
	keep := strongest(ends, weight, limit)
	var out []analyze.Step
	for _, f := range facts {
		if keep[other(f)] {
			out = append(out, f)
		}
	}
	return out, len(ends)
}

// Paths returns the k shortest connections of at most maxHops facts
// between the entities from and to, as [analyze.Graph.PathsBetween]. It
// reads the entities that may lie on one ([graph.Local.Between]), what
// weighs the facts among them to choose the paths (on bolt, only which
// pairs facts join and their best confidence, from kg's index:
// [graph.Local.PairSketch]), and then the facts of the paths chosen only.
func Paths(ctx context.Context, l *graph.Local, from, to string, maxHops, k int, opts Options) ([]analyze.Path, error) {
	ids, near, err := l.Between(ctx, from, to, maxHops, k)
	if err != nil {
		return nil, err
	}
	sketch, indexed, err := l.PairSketch(ctx, ids, near, opts.Period)
	if err != nil {
		return nil, err
	}
	if !indexed {
		if err := l.LoadAmong(ctx, ids); err != nil {
			return nil, err
		}
		if near != nil {
			l.Keep(near)
		}
		if sketch, err = l.Sketch(ctx, opts.Period); err != nil {
			return nil, err
		}
	}
	if !opts.Concepts {
		sketch = NamedOnly(sketch)
	}
	paths, err := analyze.New(sketch).PathsBetween(from, to, maxHops, k)
	if err != nil {
		return nil, err
	}
	var pairs [][2]string
	for _, p := range paths {
		for _, h := range p.Hops {
			pairs = append(pairs, [2]string{h.From, h.To})
		}
	}
	if indexed {
		err = l.LoadPairs(ctx, pairs)
	} else {
		l.Keep(pairs)
	}
	if err != nil {
		return nil, err
	}
	g, err := Graph(ctx, l, opts)
	if err != nil {
		return nil, err
	}
	return g.PathsBetween(from, to, maxHops, k)
}
