package resolve

import (
	"strings"

	"github.com/kgraph/kg/schema"
)

// describe reads what a description says of the name it describes, and
// puts a fact's hedges where they belong:
//
//   - "Volkov Shipping, a Cyprus-based tanker operator" gives Volkov
//     Shipping - be based in - Cyprus;
//   - "Vietnam is expected to ship robusta" gives Vietnam - ship - robusta
//     with the modality "be expected to";
//   - "more robusta" is robusta ("more than $5" is itself).
func (d *doc) describe() {
	out := make([]schema.Fact, 0, len(d.facts))
	for i := range d.facts {
		f := &d.facts[i]
		if rest, ok := strings.CutPrefix(f.Relation, "be expected to "); ok && f.Modality == "" {
			f.Relation, f.Modality = rest, "be expected to"
		}
		for _, p := range []*string{&f.Object, &f.Subject} {
			// "more than $115,000" keeps its "more"
			if w := firstWord(*p); (w == "more" || w == "less" || w == "fewer" || w == "further") && !named(*p) && len(words(*p)) > 1 &&
				!strings.HasPrefix(*p, w+" than ") {
				*p = strings.TrimPrefix(*p, w+" ")
			}
		}
		d.ofPhrase(f)
		if f.ObjectID != "" {
			f.ObjectID = schema.EntityID(f.Object)
		}
		if f.SubjectID != "" {
			f.SubjectID = schema.EntityID(f.Subject)
		}
		out = append(out, *f)
		if f.Relation != "be" || f.SubjectID == "" || !named(f.Subject) {
			continue
		}
		for _, w := range words(f.Object) {
			if place, ok := strings.CutSuffix(w, "-based"); ok && capitalised(place) {
				r := *f
				r.Relation, r.Object, r.ObjectID, r.ObjectType, r.ObjectAlias = "be based in", place, schema.EntityID(place), schema.GPE, place
				r.Text.Object, r.Derived = place, true
				out = append(out, r)
			}
		}
	}
	d.facts = out
}

// ofPhrase reads an object "N of Y" whose Y is what the fact is about: an
// amount of it ("60 percent of Norkel Systems", "212,000 tonnes of copper")
// is a value on the fact, whose object is Y; a relational noun ("unit of
// MHP", "acquisition of Clearview Diagnostics LLC") joins the relation, so
// that the fact links Y: Clearview - operate as unit of - MHP.
func (d *doc) ofPhrase(f *schema.Fact) {
	if f.ObjectID == "" || speech(f.Relation) {
		return
	}
	n, y, ok := strings.Cut(f.Object, " of ")
	if !ok || y == "" {
		return
	}
	y = strings.TrimPrefix(y, "the ")
	nw := words(n)
	if len(nw) == 0 {
		return // " of 0": nothing before the "of"
	}
	switch {
	case schema.IsValue(f.ObjectType) || quantity(strings.ToLower(nw[0])):
		typ := f.ObjectType
		if !schema.IsValue(typ) {
			typ = schema.Quantity
		}
		f.Values = append(f.Values, schema.Value{Text: n, Type: typ})
		f.Object, f.ObjectType, f.ObjectAlias = y, "", ""
		if !named(y) {
			d.measured[y] = true // a thing measured is a thing worth its node: copper
		}
	case named(y) && len(nw) <= 2 && !capitalised(nw[0]) && !genericNouns[nw[len(nw)-1]] && !peopleNouns[nw[len(nw)-1]] &&
		!roleHeads[nw[len(nw)-1]] && !determiners[nw[0]]:
		f.Relation += " " + n + " of"
		f.Object, f.ObjectType, f.ObjectAlias = y, "", y
	}
}

// appositions point the facts of a sentence that name a thing by the
// description an apposition gives it at the thing: "Jintai Metals Corp, a
// smelter based in Ningbo" gives Jintai Metals Corp - be based in - Ningbo,
// not smelter - be based in - Ningbo.
func (d *doc) appositions() {
	type key struct {
		sentence int
		desc     string
	}
	names := map[key]string{}
	for i := range d.facts {
		f := &d.facts[i]
		if f.Relation != "be" || f.Text.Relation != "" || f.SubjectID == "" || f.ObjectID == "" {
			continue
		}
		n, desc := f.Subject, f.Object
		if !named(n) {
			n, desc = desc, n
		}
		if !named(n) || named(desc) || kind(desc, desc, "", false) == "value" {
			continue
		}
		k := key{f.SentenceIndex, desc}
		if prev, ok := names[k]; ok && prev != n {
			names[k] = "" // two things so described: neither
			continue
		}
		names[k] = n
	}
	if len(names) == 0 {
		return
	}
	out := d.facts[:0]
	for _, f := range d.facts {
		if f.Relation == "be" && f.Text.Relation == "" {
			// The apposition itself says what the thing is; its
			// description is no node of its own.
			if names[key{f.SentenceIndex, f.Object}] == f.Subject {
				f.ObjectID = ""
			}
			if names[key{f.SentenceIndex, f.Subject}] == f.Object {
				f.SubjectID = ""
			}
		}
		if n := names[key{f.SentenceIndex, f.Subject}]; n != "" && f.SubjectID != "" && !(f.Relation == "be" && f.Text.Relation == "") {
			f.Subject, f.SubjectID, f.SubjectAlias = n, schema.EntityID(n), ""
		}
		if n := names[key{f.SentenceIndex, f.Object}]; n != "" && f.ObjectID != "" && !(f.Relation == "be" && f.Text.Relation == "") {
			f.Object, f.ObjectID, f.ObjectAlias = n, schema.EntityID(n), ""
		}
		if f.SubjectID != "" && f.SubjectID == f.ObjectID {
			continue
		}
		out = append(out, f)
	}
	d.facts = out
}
