package gizmo

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/dop251/goja"
)

// topTag names a path's end in the results.
const topTag = "id"

// errStop ends an iteration early, without an error.
var errStop = errors.New("stop")

// run returns the path a final is called on, ready to iterate.
func (s *session) run(ctx context.Context, name string, c goja.FunctionCall) iterator.Shape {
	pv := s.this(name, c)
	if pv.morphism {
		s.typeError(name, "a morphism (g.M()) cannot be run; start a path with g.V()")
	}
	return pv.p.BuildIteratorOn(ctx, s.qs)
}

// each visits every result of it (every path, with paths), at most limit of
// them with limit >= 0, counting steps; fn returns errStop to end early.
func (s *session) each(ctx context.Context, it iterator.Shape, paths bool, limit int64, fn func(iterator.Scanner) error) {
	it, _ = it.Optimize(ctx)
	sc := it.Iterate()
	defer sc.Close()
	var n int64
	visit := func() bool {
		if limit >= 0 && n >= limit {
			return false
		}
		n++
		s.step(1)
		if err := fn(sc); err != nil {
			if errors.Is(err, errStop) {
				return false
			}
			s.rethrow(err)
		}
		return true
	}
	for sc.Next(ctx) {
		if !visit() {
			return
		}
		for paths && sc.NextPath(ctx) {
			if !visit() {
				return
			}
		}
	}
	if err := sc.Err(); err != nil {
		s.rethrow(err)
	}
	if err := ctx.Err(); err != nil {
		s.rethrow(err)
	}
}

// tagMap names the tags of the scanner's result; nil when none has a name.
func (s *session) tagMap(sc iterator.Scanner) (map[string]any, error) {
	refsByTag := make(map[string]refs.Ref)
	sc.TagResults(refsByTag)
	out := make(map[string]any, len(refsByTag))
	for k, r := range refsByTag {
		v, err := s.qs.NameOf(r)
		if err != nil {
			return nil, err
		}
		if n := native(v); n != nil {
			out[k] = n
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// limitArg reads the optional limit of ToArray, TagArray and ForEach: -1
// for none.
func (s *session) limitArg(name string, args []goja.Value) int64 {
	if len(args) == 0 || goja.IsUndefined(args[0]) {
		return -1
	}
	return s.count(name+" limit", args[0])
}

func (s *session) finals(ctx context.Context) map[string]func(goja.FunctionCall) goja.Value {
	all := func(name string) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			it := iterator.Tag(s.run(ctx, name, c), topTag)
			limit := int64(-1)
			if name == "GetLimit" {
				s.nargs(name, c, 1, 1)
				limit = s.count(name, c.Arguments[0])
			} else {
				s.nargs(name, c, 0, 0)
			}
			s.each(ctx, it, true, limit, func(sc iterator.Scanner) error {
				m, err := s.tagMap(sc)
				if err != nil {
					return err
				}
				if m == nil {
					m = map[string]any{}
				}
				if !s.add(m) {
					return errStop
				}
				return nil
			})
			return goja.Undefined()
		}
	}
	toArray := func(name string, tags bool, one bool) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			it := iterator.Tag(s.run(ctx, name, c), topTag)
			limit := int64(1)
			if one {
				s.nargs(name, c, 0, 0)
			} else {
				s.nargs(name, c, 0, 1)
				limit = s.limitArg(name, c.Arguments)
			}
			var out []any
			s.each(ctx, it, tags, limit, func(sc iterator.Scanner) error {
				if tags {
					m, err := s.tagMap(sc)
					if m != nil {
						out = append(out, m)
					}
					return err
				}
				v, err := s.qs.NameOf(sc.Result())
				if n := native(v); n != nil {
					out = append(out, n)
				}
				return err
			})
			if one {
				if len(out) == 0 {
					return goja.Null()
				}
				return s.toJS(out[0])
			}
			return s.toJS(out)
		}
	}
	forEach := func(name string) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			it := iterator.Tag(s.run(ctx, name, c), topTag)
			s.nargs(name, c, 1, 2)
			fn, ok := goja.AssertFunction(c.Arguments[len(c.Arguments)-1])
			if !ok {
				s.typeError(name, "want a function as the last argument, got %s", describe(c.Arguments[len(c.Arguments)-1]))
			}
			limit := s.limitArg(name, c.Arguments[:len(c.Arguments)-1])
			s.each(ctx, it, true, limit, func(sc iterator.Scanner) error {
				m, err := s.tagMap(sc)
				if err != nil || m == nil {
					return err
				}
				_, err = fn(c.This, s.toJS(m))
				return err
			})
			return goja.Undefined()
		}
	}
	return map[string]func(goja.FunctionCall) goja.Value{
		"All":      all("All"),
		"GetLimit": all("GetLimit"),
		"ToArray":  toArray("ToArray", false, false),
		"TagArray": toArray("TagArray", true, false),
		"ToValue":  toArray("ToValue", false, true),
		"TagValue": toArray("TagValue", true, true),
		"ForEach":  forEach("ForEach"),
		"Map":      forEach("Map"),
		"Count": func(c goja.FunctionCall) goja.Value {
			it := s.run(ctx, "Count", c)
			s.nargs("Count", c, 0, 0)
			it, _ = it.Optimize(ctx)
			if st, err := it.Stats(ctx); err == nil && st.Size.Exact {
				return s.vm.ToValue(st.Size.Value)
			}
			var n int64
			s.each(ctx, it, true, -1, func(iterator.Scanner) error { n++; return nil })
			return s.vm.ToValue(n)
		},
	}
}

// toJS makes a JavaScript value of a result: plain objects and arrays, so
// that a query can change them and emit them.
func (s *session) toJS(v any) goja.Value {
	switch x := v.(type) {
	case map[string]any:
		obj := s.vm.NewObject()
		for k, e := range x {
			s.must(obj.Set(k, s.toJS(e)))
		}
		return obj
	case []any:
		vals := make([]any, len(x))
		for i, e := range x {
			vals[i] = s.toJS(e)
		}
		return s.vm.NewArray(vals...)
	}
	return s.vm.ToValue(v)
}

// emitCall is g.Emit(value): value, as JSON, is the next result.
// undefined and null give none.
func (s *session) emitCall(c goja.FunctionCall) goja.Value {
	s.nargs("Emit", c, 1, 1)
	v := c.Arguments[0]
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return goja.Null()
	}
	if s.pathOf(v) != nil {
		s.typeError("Emit", "cannot emit a path; call All() or ToArray() on it")
	}
	x := v.Export()
	b, err := json.Marshal(x)
	if err != nil {
		s.typeError("Emit", "not a JSON value: %v", err)
	}
	s.step(int64(len(b)) / 64)
	s.add(x)
	return goja.Null()
}
