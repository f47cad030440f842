package gizmo

import (
	"context"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	"github.com/dop251/goja"
)

// vertex is g.V(ids...): a path from the given nodes, or from every node.
func (s *session) vertex(c goja.FunctionCall) goja.Value {
	return s.wrap(&pathValue{p: path.StartMorphism(s.values("V", c.Arguments)...)})
}

// morphism is g.M(): a path without a start, to follow or save.
func (s *session) morphism(c goja.FunctionCall) goja.Value {
	if len(c.Arguments) != 0 {
		s.typeError("M", "want no arguments, got %d", len(c.Arguments))
	}
	return s.wrap(&pathValue{p: path.StartMorphism(), morphism: true})
}

func (s *session) iri(c goja.FunctionCall) goja.Value {
	if len(c.Arguments) != 1 {
		s.typeError("IRI", "want 1 argument, got %d", len(c.Arguments))
	}
	return s.vm.ToValue(quad.IRI(s.str("IRI", c.Arguments[0])))
}

// this returns the path a method is called on.
func (s *session) this(name string, c goja.FunctionCall) *pathValue {
	pv := s.pathOf(c.This)
	if pv == nil {
		s.typeError(name, "called on %s, not on a path", describe(c.This))
	}
	return pv
}

// next makes a path object of the step p, of the same kind as from.
func (s *session) next(from *pathValue, p *path.Path) goja.Value {
	return s.wrap(&pathValue{p: p, morphism: from.morphism})
}

func (s *session) nargs(name string, c goja.FunctionCall, min, max int) {
	n := len(c.Arguments)
	switch {
	case n < min && min == max:
		s.typeError(name, "want %d argument(s), got %d", min, n)
	case n < min:
		s.typeError(name, "want at least %d argument(s), got %d", min, n)
	case max >= 0 && n > max:
		s.typeError(name, "want at most %d argument(s), got %d", max, n)
	}
}

// otherPath converts the argument of And, Or, Except, Follow: a path.
func (s *session) otherPath(name string, c goja.FunctionCall) *path.Path {
	s.nargs(name, c, 1, 1)
	pv := s.pathOf(c.Arguments[0])
	if pv == nil {
		s.typeError(name, "want a path, got %s", describe(c.Arguments[0]))
	}
	return pv.p
}

// pathMethods are the methods of every path object; the finals are in
// finals.go.
func (s *session) pathMethods(ctx context.Context) map[string]func(goja.FunctionCall) goja.Value {
	step := func(name string, min, max int, f func(p *path.Path, c goja.FunctionCall) *path.Path) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			pv := s.this(name, c)
			s.nargs(name, c, min, max)
			return s.next(pv, f(pv.p, c))
		}
	}
	inOut := func(name string, f func(p *path.Path, tags []string, via ...any) *path.Path) func(goja.FunctionCall) goja.Value {
		return step(name, 0, -1, func(p *path.Path, c goja.FunctionCall) *path.Path {
			var via []any
			var tags []string
			if len(c.Arguments) > 0 {
				via = s.via(name, c.Arguments[0])
				tags = s.tags(name, c.Arguments[1:])
			}
			return f(p, tags, via...)
		})
	}
	binary := func(name string, f func(p, q *path.Path) *path.Path) func(goja.FunctionCall) goja.Value {
		return step(name, 1, 1, func(p *path.Path, c goja.FunctionCall) *path.Path {
			return f(p, s.otherPath(name, c))
		})
	}
	noArgs := func(name string, f func(p *path.Path) *path.Path) func(goja.FunctionCall) goja.Value {
		return step(name, 0, 0, func(p *path.Path, _ goja.FunctionCall) *path.Path { return f(p) })
	}
	tag := step("Tag", 1, -1, func(p *path.Path, c goja.FunctionCall) *path.Path {
		return p.Tag(s.tags("Tag", c.Arguments)...)
	})
	and := binary("And", (*path.Path).And)
	or := binary("Or", (*path.Path).Or)
	except := binary("Except", func(p, q *path.Path) *path.Path {
		// Cayley's optimiser dereferences a nil shape when the excluded
		// path finds no node of the store (v0.7.7-0.20240706181042):
		// excluding nothing leaves the path as it is.
		if opt, _ := shape.Optimize(ctx, q.Shape(), s.qs); shape.IsNull(opt) {
			return p
		}
		return p.Except(q)
	})

	m := map[string]func(goja.FunctionCall) goja.Value{
		"Out":  inOut("Out", (*path.Path).OutWithTags),
		"In":   inOut("In", (*path.Path).InWithTags),
		"Both": inOut("Both", (*path.Path).BothWithTags),
		"Is": step("Is", 1, -1, func(p *path.Path, c goja.FunctionCall) *path.Path {
			return p.Is(s.values("Is", c.Arguments)...)
		}),
		"Has":  step("Has", 1, -1, func(p *path.Path, c goja.FunctionCall) *path.Path { return s.has("Has", p, c, false) }),
		"HasR": step("HasR", 1, -1, func(p *path.Path, c goja.FunctionCall) *path.Path { return s.has("HasR", p, c, true) }),
		"Tag":  tag,
		"As":   tag,
		"Back": step("Back", 1, 1, func(p *path.Path, c goja.FunctionCall) *path.Path {
			return p.Back(s.str("Back", c.Arguments[0]))
		}),
		"Save":     step("Save", 1, 2, func(p *path.Path, c goja.FunctionCall) *path.Path { return s.save("Save", p, c, false, false) }),
		"SaveR":    step("SaveR", 1, 2, func(p *path.Path, c goja.FunctionCall) *path.Path { return s.save("SaveR", p, c, true, false) }),
		"SaveOpt":  step("SaveOpt", 1, 2, func(p *path.Path, c goja.FunctionCall) *path.Path { return s.save("SaveOpt", p, c, false, true) }),
		"SaveOptR": step("SaveOptR", 1, 2, func(p *path.Path, c goja.FunctionCall) *path.Path { return s.save("SaveOptR", p, c, true, true) }),
		"Follow":   binary("Follow", (*path.Path).Follow),
		"FollowR":  binary("FollowR", (*path.Path).FollowReverse),
		"FollowRecursive": step("FollowRecursive", 1, -1, func(p *path.Path, c goja.FunctionCall) *path.Path {
			return s.followRecursive(p, c)
		}),
		"And":           and,
		"Intersect":     and,
		"Or":            or,
		"Union":         or,
		"Except":        except,
		"Difference":    except,
		"Unique":        noArgs("Unique", (*path.Path).Unique),
		"Order":         noArgs("Order", (*path.Path).Order),
		"Labels":        noArgs("Labels", (*path.Path).Labels),
		"InPredicates":  noArgs("InPredicates", (*path.Path).InPredicates),
		"OutPredicates": noArgs("OutPredicates", (*path.Path).OutPredicates),
		"Limit": step("Limit", 1, 1, func(p *path.Path, c goja.FunctionCall) *path.Path {
			return p.Limit(s.count("Limit", c.Arguments[0]))
		}),
		"Skip": step("Skip", 1, 1, func(p *path.Path, c goja.FunctionCall) *path.Path {
			return p.Skip(s.count("Skip", c.Arguments[0]))
		}),
		"Filter": step("Filter", 1, -1, func(p *path.Path, c goja.FunctionCall) *path.Path {
			fs := make([]shape.ValueFilter, len(c.Arguments))
			for i, a := range c.Arguments {
				fs[i] = s.filter("Filter", a)
			}
			return p.Filters(fs...)
		}),
	}
	for name, fn := range s.finals(ctx) {
		m[name] = fn
	}
	return m
}

// has is Has(via, values...) and Has(via, filters...), and HasR.
func (s *session) has(name string, p *path.Path, c goja.FunctionCall, rev bool) *path.Path {
	via := s.viaOne(name, c.Arguments[0])
	rest := c.Arguments[1:]
	if len(rest) > 0 && s.isFilter(rest[0]) {
		fs := make([]shape.ValueFilter, len(rest))
		for i, a := range rest {
			fs[i] = s.filter(name, a)
		}
		return p.HasFilter(via, rev, fs...)
	}
	vals := s.values(name, rest)
	if rev {
		return p.HasReverse(via, vals...)
	}
	return p.Has(via, vals...)
}

// save is Save(via, tag) and its variants; the tag defaults to the
// predicate as written ("<kg:name>").
func (s *session) save(name string, p *path.Path, c goja.FunctionCall, rev, opt bool) *path.Path {
	via := s.viaOne(name, c.Arguments[0])
	var tag string
	if len(c.Arguments) == 2 {
		tag = s.str(name+" tag", c.Arguments[1])
	}
	if tag == "" {
		v, ok := via.(quad.Value)
		if !ok {
			s.typeError(name, "saving a path needs a tag")
		}
		tag = quad.StringOf(v)
	}
	switch {
	case opt && rev:
		return p.SaveOptionalReverse(via, tag)
	case opt:
		return p.SaveOptional(via, tag)
	case rev:
		return p.SaveReverse(via, tag)
	}
	return p.Save(via, tag)
}

// followRecursive is FollowRecursive(via, [maxDepth], [tags...]): via is one
// predicate or a path.
func (s *session) followRecursive(p *path.Path, c goja.FunctionCall) *path.Path {
	const name = "FollowRecursive"
	arg := c.Arguments[0]
	if arr := s.array(arg); arr != nil {
		if len(arr) != 1 {
			s.typeError(name, "want one predicate or a path, got %d", len(arr))
		}
		arg = arr[0]
	}
	var via any
	if pv := s.pathOf(arg); pv != nil {
		via = pv.p
	} else {
		via = s.value(name+" predicate", arg)
	}
	rest := c.Arguments[1:]
	depth := 0
	if len(rest) > 0 {
		switch rest[0].Export().(type) {
		case int64, float64:
			depth = int(min(s.count(name+" depth", rest[0]), 1<<30))
			rest = rest[1:]
		}
	}
	return p.FollowRecursive(via, depth, s.tags(name, rest))
}
