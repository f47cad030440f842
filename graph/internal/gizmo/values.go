package gizmo

import (
	"fmt"
	"math"
	"regexp"
	"time"

	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	"github.com/dop251/goja"
)

// value converts a JavaScript argument to a quad value: a string ("<iri>",
// "_:bnode" or a literal, as Cayley reads them), a number, a boolean, a Date
// or what iri(), str()... return.
func (s *session) value(name string, v goja.Value) quad.Value {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		s.typeError(name, "want a value (a string, number, boolean or iri()), got %s", describe(v))
	}
	if s.pathOf(v) != nil {
		s.typeError(name, "want a value, got a path")
	}
	switch x := v.Export().(type) {
	case string:
		return quad.StringToValue(x)
	case bool:
		return quad.Bool(x)
	case int64:
		return quad.Int(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			s.typeError(name, "want a finite number, got %v", x)
		}
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return quad.Int(int64(x))
		}
		return quad.Float(x)
	case time.Time:
		return quad.Time(x)
	case quad.Value:
		return x
	}
	s.typeError(name, "want a value (a string, number, boolean or iri()), got %s", describe(v))
	return nil
}

// values converts arguments that are each a value or an array of values.
func (s *session) values(name string, args []goja.Value) []quad.Value {
	var out []quad.Value
	for _, a := range args {
		if arr := s.array(a); arr != nil {
			for _, e := range arr {
				out = append(out, s.value(name, e))
			}
			continue
		}
		out = append(out, s.value(name, a))
	}
	return out
}

// array returns the elements of a JavaScript array, or nil for any other
// value (an empty array gives an empty, non-nil slice).
func (s *session) array(v goja.Value) []goja.Value {
	obj, ok := v.(*goja.Object)
	if !ok || obj.ClassName() != "Array" {
		return nil
	}
	n := obj.Get("length").ToInteger()
	s.step(n)
	out := make([]goja.Value, 0, n)
	for i := int64(0); i < n; i++ {
		out = append(out, obj.Get(fmt.Sprint(i)))
	}
	return out
}

// str converts an argument that must be a string.
func (s *session) str(name string, v goja.Value) string {
	if v != nil {
		if x, ok := v.Export().(string); ok {
			return x
		}
	}
	s.typeError(name, "want a string, got %s", describe(v))
	return ""
}

// tags converts arguments that are each a tag name or an array of them.
func (s *session) tags(name string, args []goja.Value) []string {
	var out []string
	for _, a := range args {
		if arr := s.array(a); arr != nil {
			for _, e := range arr {
				out = append(out, s.str(name+" tag", e))
			}
			continue
		}
		out = append(out, s.str(name+" tag", a))
	}
	return out
}

// count converts an argument that must be a whole number >= 0.
func (s *session) count(name string, v goja.Value) int64 {
	if v != nil {
		switch x := v.Export().(type) {
		case int64:
			if x >= 0 {
				return x
			}
		case float64:
			if x >= 0 && x == math.Trunc(x) && x < 1<<62 {
				return int64(x)
			}
		}
	}
	got := describe(v)
	if got == "a number" {
		got = v.String()
	}
	s.typeError(name, "want a whole number >= 0, got %s", got)
	return 0
}

// via converts a predicate argument: undefined or null (every predicate), a
// value, an array of values, or a path (its nodes are the predicates).
func (s *session) via(name string, v goja.Value) []any {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	if pv := s.pathOf(v); pv != nil {
		return []any{pv.p}
	}
	if arr := s.array(v); arr != nil {
		if len(arr) == 0 {
			return nil
		}
		out := make([]any, len(arr))
		for i, e := range arr {
			out[i] = s.value(name+" predicate", e)
		}
		return out
	}
	return []any{s.value(name+" predicate", v)}
}

// viaOne converts an argument that must be one predicate or a path, as
// Save and Has take.
func (s *session) viaOne(name string, v goja.Value) any {
	if pv := s.pathOf(v); pv != nil {
		return pv.p
	}
	return s.value(name+" predicate", v)
}

// filter converts an argument that must be what lt, regex... return.
func (s *session) filter(name string, v goja.Value) shape.ValueFilter {
	if v != nil {
		if f, ok := v.Export().(*filterValue); ok {
			return f.f
		}
	}
	s.typeError(name, "want a filter (lt, lte, gt, gte, regex, like), got %s", describe(v))
	return nil
}

func (s *session) isFilter(v goja.Value) bool {
	if v == nil {
		return false
	}
	_, ok := v.Export().(*filterValue)
	return ok
}

// native converts a stored value to what results and JavaScript see: a
// string, number, boolean or time, and "<iri>" for IRIs and other values
// without a plain Go form (as Cayley's JSON results do).
func native(v quad.Value) any {
	if v == nil {
		return nil
	}
	n := v.Native()
	if qv, ok := n.(quad.Value); ok && qv == v {
		return quad.StringOf(v)
	}
	return n
}

// helpers are the global functions.
func (s *session) helpers() map[string]func(goja.FunctionCall) goja.Value {
	one := func(name string, mk func(string) quad.Value) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			if len(c.Arguments) != 1 {
				s.typeError(name, "want 1 argument, got %d", len(c.Arguments))
			}
			return s.vm.ToValue(mk(s.str(name, c.Arguments[0])))
		}
	}
	two := func(name string, mk func(a, b string) quad.Value) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			if len(c.Arguments) != 2 {
				s.typeError(name, "want 2 arguments, got %d", len(c.Arguments))
			}
			return s.vm.ToValue(mk(s.str(name, c.Arguments[0]), s.str(name, c.Arguments[1])))
		}
	}
	cmp := func(name string, op iterator.Operator) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			if len(c.Arguments) != 1 {
				s.typeError(name, "want 1 argument, got %d", len(c.Arguments))
			}
			return s.vm.ToValue(&filterValue{f: shape.Comparison{Op: op, Val: s.value(name, c.Arguments[0])}})
		}
	}
	return map[string]func(goja.FunctionCall) goja.Value{
		"iri":   one("iri", func(x string) quad.Value { return quad.IRI(x) }),
		"bnode": one("bnode", func(x string) quad.Value { return quad.BNode(x) }),
		"str":   one("str", func(x string) quad.Value { return quad.String(x) }),
		"raw":   one("raw", func(x string) quad.Value { return quad.Raw(x) }),
		"lang": two("lang", func(x, l string) quad.Value {
			return quad.LangString{Value: quad.String(x), Lang: l}
		}),
		"typed": two("typed", func(x, t string) quad.Value {
			return quad.TypedString{Value: quad.String(x), Type: quad.IRI(t)}
		}),
		"lt":    cmp("lt", iterator.CompareLT),
		"lte":   cmp("lte", iterator.CompareLTE),
		"gt":    cmp("gt", iterator.CompareGT),
		"gte":   cmp("gte", iterator.CompareGTE),
		"regex": s.regex,
		"like": func(c goja.FunctionCall) goja.Value {
			if len(c.Arguments) != 1 {
				s.typeError("like", "want 1 argument, got %d", len(c.Arguments))
			}
			return s.vm.ToValue(&filterValue{f: shape.Wildcard{Pattern: s.str("like", c.Arguments[0])}})
		},
	}
}

// regex(pattern) matches string values; regex(pattern, true) IRIs and blank
// nodes too. A pattern written "<...>" is an IRI, allowed only with true.
func (s *session) regex(c goja.FunctionCall) goja.Value {
	if n := len(c.Arguments); n != 1 && n != 2 {
		s.typeError("regex", "want 1 or 2 arguments, got %d", n)
	}
	refs := false
	if len(c.Arguments) == 2 {
		b, ok := c.Arguments[1].Export().(bool)
		if !ok {
			s.typeError("regex", "want a boolean as the second argument, got %s", describe(c.Arguments[1]))
		}
		refs = b
	}
	var pattern string
	switch v := s.value("regex", c.Arguments[0]).(type) {
	case quad.String:
		pattern = string(v)
	case quad.IRI:
		if !refs {
			s.typeError("regex", "a pattern for IRIs needs regex(pattern, true)")
		}
		pattern = string(v)
	case quad.BNode:
		if !refs {
			s.typeError("regex", "a pattern for blank nodes needs regex(pattern, true)")
		}
		pattern = string(v)
	default:
		s.typeError("regex", "want a pattern string, got %T", v)
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		s.typeError("regex", "%v", err)
	}
	return s.vm.ToValue(&filterValue{f: shape.Regexp{Re: re, Refs: refs}})
}
