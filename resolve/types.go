package resolve

import (
	"strings"

	"github.com/kgraph/kg/schema"
)

// typeNames gives every named entity of the document a type from its form
// and its context, and one type throughout the document:
//
//   - its form: a legal suffix or the noun of a kind of body ends an
//     organisation's name ("Ohio Mattress Co", "Popular Renewal Party"), an
//     abbreviation is an organisation's ("SEC");
//   - its role in facts: the subject of a title or an affiliation is a
//     person, their object an organisation; what a company is based or
//     listed in, and a name that is only ever a place something is in, is a
//     place; one who says or tells is a person or an organisation, a person
//     when the name is shaped like one's.
func (d *doc) typeNames() {
	votes := map[string]map[string]int{}
	vote := func(name, typ string, n int) {
		if votes[name] == nil {
			votes[name] = map[string]int{}
		}
		votes[name][typ] += n
	}
	located := map[string]bool{} // names that are where something is
	other := map[string]bool{}   // names that are anything else
	for i := range d.facts {
		f := &d.facts[i]
		for _, side := range []struct {
			name, id, typ string
			subject       bool
		}{{f.Subject, f.SubjectID, f.SubjectType, true}, {f.Object, f.ObjectID, f.ObjectType, false}} {
			if side.id == "" || !named(side.name) {
				continue
			}
			if side.typ != "" {
				vote(side.name, side.typ, 2)
			}
			if t := formType(side.name); t != "" {
				vote(side.name, t, 5) // a suffix outweighs a guess from a list
			}
			if (f.Derived && strings.HasSuffix(f.Relation, " of") || f.Relation == "work for" || f.Relation == "member of") && side.typ != schema.GPE {
				if side.subject {
					vote(side.name, schema.Person, 3)
				} else {
					vote(side.name, schema.Org, 3)
				}
			}
			if !side.subject && place(f.Relation) {
				located[side.name] = true
			} else {
				other[side.name] = true
			}
			// "Huawei, another major Chinese telecom player": what the
			// description says it is.
			if f.Relation == "be" && f.SubjectID != "" && side.subject && !named(f.Object) {
				switch h := strings.ToLower(lastWord(strings.SplitN(f.Object, " of ", 2)[0])); {
				case orgDescriptions[h] || orgHeads[h]:
					vote(side.name, schema.Org, 2)
				case roleHeads[h]:
					vote(side.name, schema.Person, 2)
				}
			}
			if side.subject && company(f.Relation) {
				vote(side.name, schema.Org, 1)
			}
			if side.subject && speech(f.Relation) && personShaped(side.name) {
				vote(side.name, schema.Person, 1)
			}
		}
	}
	for i := range d.facts {
		f := &d.facts[i]
		// "Madison - be in - Wisconsin": a place in a place.
		if f.Relation == "be in" && f.SubjectID != "" && d.typeOf(f.Object) == schema.GPE && formType(f.Subject) == "" && named(f.Subject) && !personShaped(f.Subject) {
			located[f.Subject] = true
			delete(other, f.Subject)
		}
	}
	for n := range located {
		if !other[n] && formType(n) == "" && !personShaped(n) {
			vote(n, schema.GPE, 1)
		}
	}
	types := map[string]string{}
	for n, vs := range votes {
		best := ""
		for t, c := range vs {
			if c > vs[best] || c == vs[best] && t < best {
				best = t
			}
		}
		types[n] = best
	}
	for i := range d.facts {
		f := &d.facts[i]
		if t, ok := types[f.Subject]; ok && f.SubjectID != "" && !schema.IsValue(f.SubjectType) {
			f.SubjectType = t
		}
		if t, ok := types[f.Object]; ok && f.ObjectID != "" && !schema.IsValue(f.ObjectType) {
			f.ObjectType = t
		}
	}
}

// formType returns the type a name's own form gives it, or "".
func formType(name string) string {
	ws := words(name)
	if len(ws) == 0 {
		return ""
	}
	last := strings.ToLower(strings.TrimSuffix(ws[len(ws)-1], "."))
	switch {
	case len(ws) > 1 && corporateSuffix[last]:
		return schema.Org
	case len(ws) > 1 && orgHeads[last]:
		return schema.Org
	case len(ws) == 1 && acronym(ws[0]) && !strings.Contains(ws[0], "."):
		return schema.Org
	}
	return ""
}

// place reports a relation whose object is where its subject is.
func place(relation string) bool {
	switch relation {
	case "be in", "be based in", "base in", "be headquartered in", "headquarter in", "operate in", "be held in",
		"be located in", "locate in", "live in", "be born in":
		return true
	}
	return false
}

// company reports a relation only an organisation is the subject of.
func company(relation string) bool {
	switch relation {
	case "be based in", "be headquartered in", "be listed on", "employ", "acquire", "merge with", "hire":
		return true
	}
	return false
}

// speech reports a verb of saying.
func speech(relation string) bool {
	switch firstWord(relation) {
	case "say", "tell", "add", "testify", "warn", "explain", "write", "tweet":
		return true
	}
	return false
}
