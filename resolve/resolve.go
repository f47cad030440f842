// Package resolve turns the facts extraction read in one document into the
// facts the graph keeps: it says who is who (short names and abbreviations
// joined to the full name the document uses), makes titles and affiliations
// facts of their own (roles), types the names from their form and context,
// and decides what becomes a node (the node policy).
//
// It is one pure stage between extract and graph: no I/O, no clock, no
// global state. What the store already knows comes in through [Options].
// Every rule reads the form of a name or the role it plays in a fact, never
// a list of names.
package resolve

import (
	"strings"

	"github.com/kgraph/kg/schema"
)

// Options are what the stage knows beyond the document's facts. The zero
// value resolves a document on its own.
type Options struct{}

// Document resolves the facts of one document, given in document order,
// and returns them; it may reuse facts' backing array. Facts it adds (roles)
// are derived facts placed after the fact they come from.
func Document(facts []schema.Fact, opts Options) []schema.Fact {
	d := newDoc(facts)
	d.describe()
	d.typeNames()
	d.affiliations()
	d.appositions()
	d.typeNames()
	d.join()
	d.roles()
	d.typeNames()
	d.join() // the names roles added ("chairman of Meridian Health Partners")
	d.policy()
	return d.facts
}

// arg is one side of a fact, by pointer into the document's facts.
type arg struct {
	name, id, typ, alias *string
	surface              string
	fact                 *schema.Fact
	subject              bool
}

// doc is the working state of one document.
type doc struct {
	facts    []schema.Fact
	measured map[string]bool // common nouns the text gives an amount of
}

func newDoc(facts []schema.Fact) *doc { return &doc{facts: facts, measured: map[string]bool{}} }

// args returns every argument of the document's facts that names an
// entity, in document order.
func (d *doc) args() []arg {
	out := make([]arg, 0, 2*len(d.facts))
	for i := range d.facts {
		f := &d.facts[i]
		if f.SubjectID != "" {
			out = append(out, arg{&f.Subject, &f.SubjectID, &f.SubjectType, &f.SubjectAlias, f.Text.Subject, f, true})
		}
		if f.ObjectID != "" {
			out = append(out, arg{&f.Object, &f.ObjectID, &f.ObjectType, &f.ObjectAlias, f.Text.Object, f, false})
		}
	}
	return out
}

// rename points an argument at another entity, keeping the name the
// sentence wrote as its alias, so that the join shows in kg entities and
// kg split can undo it.
func (a arg) rename(name, typ string) {
	if *a.name == name {
		return
	}
	if *a.alias == "" || *a.alias == *a.name {
		*a.alias = *a.name
	}
	*a.name, *a.id = name, schema.EntityID(name)
	if typ != "" {
		*a.typ = typ
	}
}

// words splits a name into words.
func words(s string) []string { return strings.Fields(s) }

func lastWord(s string) string {
	w := words(s)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

func firstWord(s string) string {
	w := words(s)
	if len(w) == 0 {
		return ""
	}
	return w[0]
}

// capitalised reports a word that starts with a capital letter.
func capitalised(w string) bool {
	for _, r := range w {
		return r >= 'A' && r <= 'Z' || r > 0x7f && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

// acronym reports a word of two or more capitals and no lower-case letter
// ("SEC", "U.S.", "MHP").
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			return false
		case r >= 'A' && r <= 'Z':
			n++
		}
	}
	return n >= 2
}

// initials returns the capitals that start a name's words, skipping
// function words and corporate suffixes: "SEC" for "Securities and
// Exchange Commission", "MHP" for "Meridian Health Partners Inc".
func initials(name string) string {
	var b strings.Builder
	for _, w := range words(name) {
		low := strings.ToLower(strings.TrimSuffix(w, "."))
		if low == "of" || low == "the" || low == "and" || low == "for" || low == "&" || corporateSuffix[low] {
			continue
		}
		if capitalised(w) {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}
