package gizmo

import (
	"context"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// TestBindingPanic: a Go panic inside a binding (Cayley panics on some
// shapes) becomes a JavaScript error that names the binding, which a query
// may catch, and never crashes the process.
func TestBindingPanic(t *testing.T) {
	for _, boom := range []any{"a string", errString("an error"), 42} {
		s := newSession(context.Background(), nil, Options{MaxSteps: 100})
		if err := s.vm.Set("boom", s.binding("boom", func(goja.FunctionCall) goja.Value { panic(boom) })); err != nil {
			t.Fatal(err)
		}
		v, err := s.vm.RunString(`var m; try { boom() } catch (e) { m = String(e) }; m`)
		if err != nil {
			t.Fatalf("panic(%v): %v", boom, err)
		}
		if got := v.String(); !strings.Contains(got, "boom: Cayley failed on this query") {
			t.Errorf("panic(%v): caught %q, want the binding named", boom, got)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }
