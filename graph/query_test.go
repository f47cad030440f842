package graph

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// The query forms the documentation of kg can show.
const (
	// What an entity did: the facts it is the subject of, through the
	// relation nodes. One result per quad, so per evidence.
	queryDid = `var rels = g.V().Has("<rdf:type>", "<kg:Relation>");
g.V().Has("<kg:name>", "Commerce Department").Out(rels, "relation").Out("<kg:name>").All()`

	// Who did what to an entity.
	queryDoneTo = `var rels = g.V().Has("<rdf:type>", "<kg:Relation>");
g.V().Has("<kg:name>", "Orbis Bank").In(rels, "relation").Out("<kg:name>").All()`

	// What an entity did, sentence by sentence, through the evidence nodes.
	queryDidEvidence = `g.V().Has("<kg:name>", "Commerce Department").In("<kg:subject>")
  .Save("<kg:relation>", "relation").Save("<kg:text>", "sentence").Save("<kg:negated>", "negated")
  .Out("<kg:object>").Out("<kg:name>").All()`

	// The sentences behind all the edges of an entity, either end.
	querySentences = `g.V().Has("<kg:name>", "Valoria").In(["<kg:subject>", "<kg:object>"])
  .Save("<kg:relation>", "relation").Out("<kg:text>").All()`
)

func TestQuery(t *testing.T) {
	tests := []struct {
		name  string
		query string
		limit int
		want  []string // JSON of each result, in any order
	}{
		{"did", queryDid, 0, []string{
			`{"id":"Orbis Bank","relation":"<rel:fine>"}`,
			`{"id":"Zentek Systems","relation":"<rel:penalize>"}`,
			`{"id":"Zentek Systems","relation":"<rel:penalize>"}`, // two sentences
		}},
		{"did unique", strings.Replace(queryDid, ".All()", ".Unique().All()", 1), 0, []string{
			`{"id":"Orbis Bank","relation":"<rel:fine>"}`,
			`{"id":"Zentek Systems","relation":"<rel:penalize>"}`,
		}},
		{"done to", queryDoneTo, 0, []string{
			`{"id":"Commerce Department","relation":"<rel:fine>"}`,
			`{"id":"Valoria","relation":"<rel:regulate>"}`,
		}},
		{"did, with evidence", queryDidEvidence, 0, []string{
			`{"id":"Orbis Bank","negated":true,"relation":"fine","sentence":"The Commerce Department did not fine Orbis Bank."}`,
			`{"id":"Zentek Systems","negated":false,"relation":"penalize","sentence":"In April, the Commerce Department penalized Zentek Systems."}`,
			`{"id":"Zentek Systems","negated":false,"relation":"penalize","sentence":"On 3 May 2021 the Commerce Department penalized Zentek Systems again."}`,
		}},
		{"sentences", querySentences, 0, []string{
			`{"id":"Valoria regulates Orbis Bank.","relation":"regulate"}`,
			`{"id":"Zentek Systems opened an office in Valoria, its \"second home\".","relation":"open office in"}`,
		}},
		{"predicate path inline", `g.V().Has("<kg:name>", "Valoria").Out(g.V().Has("<rdf:type>", "<kg:Relation>")).Out("<kg:name>").All()`, 0, []string{
			`{"id":"Orbis Bank"}`,
		}},
		{"entity by IRI", `g.V("<kg:entity/maria_lopez>").Out(["<kg:name>", "<kg:type>"]).All()`, 0, []string{
			`{"id":"Maria Lopez"}`, `{"id":"PERSON"}`,
		}},
		{"typed values", `g.V().Has("<rdf:type>", "<kg:Evidence>").Has("<kg:negated>", true)
  .Save("<kg:sentence_index>", "index").Save("<kg:confidence>", "confidence").Out("<kg:doc>").Out("<kg:name>").All()`, 0, []string{
			`{"confidence":0.7,"id":"trade.txt","index":1}`,
		}},
		{"documents", `g.V().Has("<rdf:type>", "<kg:Document>").Out("<kg:name>").All()`, 0, []string{
			`{"id":"empty.txt"}`, `{"id":"markets.txt"}`, `{"id":"trade.txt"}`,
		}},
		{"save through a path of predicates", `g.V("<kg:entity/maria_lopez>").Save(g.V("<kg:name>"), "name").All()`, 0, []string{
			`{"id":"<kg:entity/maria_lopez>","name":"Maria Lopez"}`,
		}},
		{"order", `g.Emit(g.V().Has("<rdf:type>", "<kg:Document>").Out("<kg:name>").Order().ToArray())`, 0, []string{
			`["empty.txt","markets.txt","trade.txt"]`,
		}},
		{"except nothing", `g.V().Has("<kg:name>", "Valoria").Except(g.V("nothing")).Out("<kg:type>").All()`, 0, []string{`{"id":"GPE"}`}},
		{"except something", `g.V().Has("<rdf:type>", "<kg:Document>").Except(g.V().Has("<kg:name>", "empty.txt")).Out("<kg:name>").All()`, 0, []string{
			`{"id":"markets.txt"}`, `{"id":"trade.txt"}`,
		}},
		{"lower-case methods", `g.v().has("<kg:name>", "Valoria").out("<kg:type>").all()`, 0, []string{`{"id":"GPE"}`}},
		{"emit", `g.Emit(g.V().Has("<rdf:type>", "<kg:Entity>").Count())`, 0, []string{`6`}},
		{"limit", `g.V().Has("<rdf:type>", "<kg:Entity>").All()`, 2, nil}, // checked by count
		{"nothing", `g.V().Has("<kg:name>", "Nobody").All()`, 0, []string{}},
		{"no results, a value", `1 + 1`, 0, []string{}},
	}
	loaded(t, func(t *testing.T, s *Store) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res, err := s.Query(context.Background(), tt.query, tt.limit)
				if err != nil {
					t.Fatalf("Query: %v", err)
				}
				if tt.limit > 0 {
					if len(res) != tt.limit {
						t.Errorf("got %d results, want %d", len(res), tt.limit)
					}
					return
				}
				got := make([]string, len(res))
				for i, r := range res {
					b, err := json.Marshal(r)
					if err != nil {
						t.Fatalf("result %d: %v", i, err)
					}
					got[i] = strings.ReplaceAll(strings.ReplaceAll(string(b), `\u003c`, "<"), `\u003e`, ">")
				}
				slices.Sort(got)
				want := slices.Sorted(slices.Values(tt.want))
				if !slices.Equal(got, want) {
					t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
				}
			})
		}
	})
}

func TestQueryError(t *testing.T) {
	tests := []struct {
		name, query, want string
	}{
		{"syntax", `g.V(`, "SyntaxError"},
		{"unknown method", `g.V().Foo()`, "Object has no member 'Foo'"},
		{"thrown", `throw new Error("no such thing")`, "no such thing"},
		{"bad value", `g.V({}).All()`, "TypeError: V: want a value (a string, number, boolean or iri()), got an object"},
		// These panic in Cayley's Gizmo and kill the process.
		{"bad predicate", `g.V().Out({}).All()`, "TypeError: Out predicate: want a value"},
		{"bad tag", `g.V().Out("<kg:name>", 5).All()`, "TypeError: Out tag: want a string, got a number"},
		{"null tag", `g.V().In("<kg:name>", null).All()`, "TypeError: In tag: want a string, got null"},
		{"bad iri", `iri(5)`, "TypeError: iri: want a string, got a number"},
		{"bad recursion", `g.V().FollowRecursive([null, 1]).All()`, "TypeError: FollowRecursive: want one predicate or a path, got 2"},
		{"bad limit", `g.V().Limit("x").All()`, "TypeError: Limit: want a whole number >= 0, got a string"},
		{"not a path", `g.V().Out.call({}, "<kg:name>")`, "TypeError: Out: called on an object, not on a path"},
		{"path as value", `g.V(g.V()).All()`, "TypeError: V: want a value, got a path"},
		{"morphism run", `g.M().Out("<kg:name>").All()`, "cannot be run"},
		{"filter misuse", `g.V().Filter("x").All()`, "TypeError: Filter: want a filter"},
		{"bad regex", `g.V().Filter(regex("(")).All()`, "TypeError: regex: error parsing regexp"},
		{"bad callback", `g.V().ForEach(5)`, "TypeError: ForEach: want a function"},
		{"emit a function", `g.Emit(function() {})`, "TypeError: Emit: not a JSON value"},
	}
	loaded(t, func(t *testing.T, s *Store) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res, err := s.Query(context.Background(), tt.query, 0)
				var qe *QueryError
				if !errors.As(err, &qe) {
					t.Fatalf("Query(%q): got %v, %v, want a *QueryError", tt.query, res, err)
				}
				if qe.Query != tt.query || qe.Unwrap() == nil {
					t.Errorf("QueryError: got query %q, cause %v", qe.Query, qe.Unwrap())
				}
				if !strings.Contains(err.Error(), tt.want) {
					t.Errorf("Query(%q): got %q, want it to contain %q", tt.query, err, tt.want)
				}
			})
		}
		// The store still works.
		if _, err := s.Query(context.Background(), queryDid, 0); err != nil {
			t.Errorf("Query after errors: %v", err)
		}
	})
}

func TestQueryCancel(t *testing.T) {
	loaded(t, func(t *testing.T, s *Store) {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := s.Query(ctx, `while (true) {}`, 0)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Query of an endless loop: got %v, want the deadline", err)
		}
		var qe *QueryError
		if errors.As(err, &qe) {
			t.Errorf("Query of an endless loop: got a QueryError %v, want the context's error", err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("Query of an endless loop returned after %v", d)
		}
		// The store is free again.
		if err := storeFacts(context.Background(), s, testDocs, testFacts()); err != nil {
			t.Errorf("Load after a cancelled query: %v", err)
		}
	})
}

// TestQueryBudgets: a query that passes a budget fails with a QueryError
// that names it, however it tries to catch the error.
func TestQueryBudgets(t *testing.T) {
	tests := []struct {
		name  string
		query string
		opts  QueryOptions
		want  error
	}{
		{"memory, doubling a string", `var s = "x"; while (true) { s = s + s }`, QueryOptions{MaxMemory: 64 << 20}, ErrQueryMemory},
		{"memory, caught", `var a = []; while (true) { try { a.push(new Array(1000).fill("y")) } catch (e) {} }`, QueryOptions{MaxMemory: 64 << 20}, ErrQueryMemory},
		{"steps", `while (true) { try { g.V() } catch (e) {} }`, QueryOptions{MaxSteps: 10000}, ErrQuerySteps},
		{"steps in a final", `g.V().ForEach(function(d) {})`, QueryOptions{MaxSteps: 5}, ErrQuerySteps},
		{"results", `g.V().All()`, QueryOptions{MaxResults: 3}, ErrQueryResults},
		{"results emitted", `for (var i = 0; i < 10; i++) { try { g.Emit(i) } catch (e) {} }`, QueryOptions{MaxResults: 3}, ErrQueryResults},
	}
	loaded(t, func(t *testing.T, s *Store) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				res, err := s.QueryWith(ctx, tt.query, tt.opts)
				var qe *QueryError
				if !errors.As(err, &qe) || !errors.Is(err, tt.want) {
					t.Fatalf("got %d results, %v; want a QueryError for %v", len(res), err, tt.want)
				}
			})
		}
	})
}

// TestQueryLimit: a limit truncates the results of All and Emit alike and
// stops the query, without an error.
func TestQueryLimit(t *testing.T) {
	loaded(t, func(t *testing.T, s *Store) {
		for _, q := range []string{
			`g.V().All(); while (true) {}`,
			`g.V().ForEach(function(d) { g.Emit(d.id) }); while (true) {}`,
			`for (var i = 0; ; i++) { try { g.Emit(i) } catch (e) {} }`,
		} {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			res, err := s.QueryWith(ctx, q, QueryOptions{Limit: 4, MaxResults: 3})
			cancel()
			if err != nil || len(res) != 4 {
				t.Errorf("Query(%q, limit 4): got %d results, %v; want 4", q, len(res), err)
			}
		}
	})
}

// TestQueryUncatchable: a deadline or a budget met inside a ForEach callback
// cannot be caught by the script around it, and deep recursion is an error.
func TestQueryUncatchable(t *testing.T) {
	loaded(t, func(t *testing.T, s *Store) {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		_, err := s.Query(ctx, `while (true) { try { g.V().ForEach(function(d) { while (true) {} }) } catch (e) {} }`, 0)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("endless callback: got %v, want the deadline", err)
		}
		_, err = s.QueryWith(context.Background(), `while (true) { try { g.V().ForEach(function(d) { for (;;) { g.V() } }) } catch (e) {} }`,
			QueryOptions{MaxSteps: 1000})
		if !errors.Is(err, ErrQuerySteps) {
			t.Errorf("steps in a callback: got %v, want the step budget", err)
		}
		_, err = s.Query(context.Background(), `function f() { return f() + 1 } f()`, 0)
		var qe *QueryError
		if !errors.As(err, &qe) {
			t.Errorf("endless recursion: got %v, want a QueryError", err)
		}
	})
}
