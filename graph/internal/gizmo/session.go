package gizmo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/dop251/goja"
)

// session is one query's state: its runtime, results and budgets.
type session struct {
	qs   cgraph.QuadStore
	opts Options
	vm   *goja.Runtime

	proto *goja.Object // prototype of every path object
	key   *goja.Symbol // the property of a path object that holds its *pathValue

	out   []any
	steps int64
	full  bool  // Options.Limit reached
	fail  error // a budget passed: the query's error, whatever it catches
}

// pathValue is the Go side of a path object.
type pathValue struct {
	p        *path.Path
	morphism bool // made by g.M(): a path to follow or save, not to run
}

// filterValue is what lt, regex, like... return, for Filter and Has.
type filterValue struct {
	f shape.ValueFilter
}

// newSession makes a query's session. Its bindings read the store under
// ctx: goja calls them without a context, so they close over the one the
// query runs under rather than the session keeping it.
func newSession(ctx context.Context, qs cgraph.QuadStore, opts Options) *session {
	s := &session{qs: qs, opts: opts, vm: goja.New(), key: goja.NewSymbol("path")}
	s.vm.SetMaxCallStackSize(10_000)
	s.proto = s.vm.NewObject()
	for name, fn := range s.pathMethods(ctx) {
		s.method(s.proto, name, fn)
	}
	g := s.vm.NewObject()
	for name, fn := range map[string]func(goja.FunctionCall) goja.Value{
		"V":        s.vertex,
		"Vertex":   s.vertex,
		"M":        s.morphism,
		"Morphism": s.morphism,
		"Emit":     s.emitCall,
		"IRI":      s.iri,
		"Uri":      s.iri,
	} {
		s.method(g, name, fn)
	}
	s.must(s.vm.Set("graph", g))
	s.must(s.vm.Set("g", g))
	for name, fn := range s.helpers() {
		s.must(s.vm.Set(name, s.binding(name, fn)))
	}
	return s
}

func (s *session) must(err error) {
	if err != nil {
		panic(err) // only on a programming error in the bindings' setup
	}
}

// method sets fn on obj as name and, for a capitalised name, as its
// lower-case form too (Out and out), as Cayley's Gizmo does.
func (s *session) method(obj *goja.Object, name string, fn func(goja.FunctionCall) goja.Value) {
	b := s.binding(name, fn)
	s.must(obj.Set(name, b))
	r, n := utf8.DecodeRuneInString(name)
	if lower := string(unicode.ToLower(r)) + name[n:]; lower != name {
		s.must(obj.Set(lower, b))
	}
}

// binding wraps fn: it counts a step and keeps fn's panics that are not
// JavaScript exceptions from escaping as Go panics.
func (s *session) binding(name string, fn func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) (v goja.Value) {
		s.step(1)
		defer func() {
			if r := recover(); r != nil {
				if err, ok := r.(error); ok && !gojaError(err) {
					// Cayley's iterators panic on some shapes (a path
					// that Except()s nodes the store lacks).
					panic(s.vm.NewGoError(fmt.Errorf("%s: Cayley failed on this query: %w", name, err)))
				}
				if _, ok := r.(goja.Value); !ok {
					if _, ok := r.(error); !ok {
						panic(s.vm.NewGoError(fmt.Errorf("%s: Cayley failed on this query: %v", name, r)))
					}
				}
				panic(r) // a JS exception or an interrupt: goja's to handle
			}
		}()
		return fn(call)
	}
}

// gojaError reports whether err is goja's own: an exception thrown in
// JavaScript, or an interrupt or stack overflow, which no try/catch may
// catch.
func gojaError(err error) bool {
	var ie *goja.InterruptedError
	var so *goja.StackOverflowError
	var ex *goja.Exception
	return errors.As(err, &ie) || errors.As(err, &so) || errors.As(err, &ex)
}

// rethrow passes an error met in a binding on to the script: goja's own
// as they are (an interrupt stays uncatchable), any other as a GoError.
func (s *session) rethrow(err error) {
	var ex *goja.Exception
	switch {
	case errors.As(err, new(*goja.InterruptedError)), errors.As(err, new(*goja.StackOverflowError)):
		panic(err)
	case errors.As(err, &ex) && ex.Value() != nil:
		panic(ex.Value())
	}
	panic(s.vm.NewGoError(err))
}

// step counts n steps against the budget and interrupts the query past it.
func (s *session) step(n int64) {
	s.steps += n
	if s.steps > s.opts.MaxSteps {
		err := fmt.Errorf("%w: more than %d steps", ErrTooManySteps, s.opts.MaxSteps)
		s.fail = err
		s.vm.Interrupt(err)
		panic(s.vm.NewGoError(err))
	}
}

// typeError throws a TypeError naming the binding.
func (s *session) typeError(name, format string, args ...any) {
	panic(s.vm.NewTypeError(name + ": " + fmt.Sprintf(format, args...)))
}

// add appends a result. It returns false once the query must give no more:
// the limit is reached (the runtime is interrupted, without an error) or the
// results are too many (with one).
func (s *session) add(v any) bool {
	if s.full {
		return false
	}
	if s.opts.Limit <= 0 && len(s.out) >= s.opts.MaxResults {
		err := fmt.Errorf("%w: more than %d; give a limit", ErrTooManyResults, s.opts.MaxResults)
		s.fail = err
		s.vm.Interrupt(err)
		panic(s.vm.NewGoError(err))
	}
	s.out = append(s.out, v)
	if s.opts.Limit > 0 && len(s.out) >= s.opts.Limit {
		s.full = true
		s.vm.Interrupt(errLimit)
		return false
	}
	return true
}

// wrap makes a path object of p.
func (s *session) wrap(pv *pathValue) goja.Value {
	obj := s.vm.NewObject()
	s.must(obj.SetPrototype(s.proto))
	s.must(obj.DefineDataPropertySymbol(s.key, s.vm.ToValue(pv), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE))
	return obj
}

// pathOf returns the path of a path object, or nil for any other value.
func (s *session) pathOf(v goja.Value) *pathValue {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	inner := obj.GetSymbol(s.key)
	if inner == nil {
		return nil
	}
	pv, _ := inner.Export().(*pathValue)
	return pv
}

// describe names the type of a JavaScript value for error messages.
func describe(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if obj, ok := v.(*goja.Object); ok {
		if _, ok := goja.AssertFunction(v); ok {
			return "a function"
		}
		return "an " + strings.ToLower(obj.ClassName()) // an object, an array

	}
	switch v.Export().(type) {
	case string:
		return "a string"
	case int64, float64:
		return "a number"
	case bool:
		return "a boolean"
	}
	return fmt.Sprintf("%T", v.Export())
}
