// Command gen writes kg-like N-Quads for the load benchmarks: the quads that
// kg build would store for made-up documents, deterministic for a given
// count: whole documents, as many as make at most -n quads (0.2% fewer
// for -n 100000), so that the store they make is one kg verify calls sound.
//
//	go run ./bench/gen -n 1000000 > /tmp/kg-1m.nq
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

func main() {
	n := flag.Int("n", 1_000_000, "quads to write")
	flag.Parse()
	if err := run(os.Stdout, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

var (
	types = []string{schema.Org, schema.Person, schema.GPE, schema.Money, schema.Date, ""}
	verbs = []string{"penalize", "fine", "acquire", "sue", "hire", "lead", "pay", "invest in", "sanction",
		"deny", "report", "open office in", "regulate", "ship", "found", "appoint", "be aligned against"}
)

// run writes n quads: about 11.5 quads a fact, 18 facts a document, entities
// drawn from a pool whose first names are far more frequent, as in news.
func run(w io.Writer, n int) error {
	rng := rand.New(rand.NewPCG(1, 2))
	entities := n / 50
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.2, 1, uint64(entities-1))
	entity := func() (string, string) {
		i := int(zipf.Uint64())
		return fmt.Sprintf("Entity %d", i), types[i%len(types)]
	}
	var facts []schema.Fact
	var docs []string
	for len(facts)*23/2 < n+n/20 { // a little more than n, cut below
		doc := fmt.Sprintf("news/%06d.txt", len(docs))
		docs = append(docs, doc)
		for i := range 18 {
			s, st := entity()
			o, ot := entity()
			verb := verbs[rng.IntN(len(verbs))]
			facts = append(facts, schema.Fact{
				Subject: s, SubjectID: schema.EntityID(s), SubjectType: st,
				Relation: verb,
				Object:   o, ObjectID: schema.EntityID(o), ObjectType: ot,
				Negated: rng.IntN(10) == 0, Confidence: float64(rng.IntN(100)) / 100,
				Doc: doc, SentenceIndex: i,
				Sentence: fmt.Sprintf("In sentence %d of %s, %s did %s %s.", i, doc, s, verb, o),
			})
		}
	}
	// The most documents whose quads are at most n: estimated from the
	// quads of all, then fewer until they fit.
	lines := func(k int) (*bytes.Buffer, int, error) {
		var buf bytes.Buffer
		if err := graph.WriteNQuads(&buf, docs[:k], facts[:18*k]); err != nil {
			return nil, 0, err
		}
		return &buf, bytes.Count(buf.Bytes(), []byte{'\n'}), nil
	}
	k := len(docs)
	buf, have, err := lines(k)
	for err == nil && have > n {
		perDoc := max(1, have/k)
		k -= max(1, (have-n)/perDoc)
		if k <= 0 {
			return fmt.Errorf("-n %d is less than one document's quads", n)
		}
		buf, have, err = lines(k)
	}
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if _, err := bw.Write(buf.Bytes()); err != nil {
		return err
	}
	return bw.Flush()
}
