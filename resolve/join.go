package resolve

import (
	"slices"
	"strings"

	"github.com/kgraph/kg/schema"
)

// entity is what the document says of one name.
type entity struct {
	name  string
	types map[string]int
	first int // order of first mention
}

func (e *entity) typ() string {
	best := ""
	for t, n := range e.types {
		if n > e.types[best] || n == e.types[best] && t < best {
			best = t
		}
	}
	return best
}

// entities returns the document's names in order of first mention.
func (d *doc) entities() []*entity {
	byName := map[string]*entity{}
	var out []*entity
	for _, a := range d.args() {
		e := byName[*a.name]
		if e == nil {
			e = &entity{name: *a.name, types: map[string]int{}, first: len(out)}
			byName[*a.name] = e
			out = append(out, e)
		}
		if *a.typ != "" {
			e.types[*a.typ]++
		}
	}
	return out
}

// named reports a name written as a proper name: its first and last words
// capitalised ("Pine Ridge Dairy Co", "SEC", "Bank of America"), not a
// description ("U.S. firms", "leader of the Christian Union").
func named(name string) bool {
	return capitalised(firstWord(name)) && capitalised(lastWord(name)) && !strings.Contains(name, "'s ")
}

// join gives every entity of the document one name, its fullest: a short
// form ("Pine Ridge", "Xi", "Galloway") joins the one full name it can be
// a form of ("Pine Ridge Dairy Co", "Xi Jinping", "Peter Galloway"), and an
// abbreviation joins the name whose initials it is ("SEC", "MHP"). Where a
// short form fits two full names, it stays as it is.
func (d *doc) join() {
	ents := d.entities()
	full := map[string]string{}
	for _, s := range ents {
		if !named(s.name) || s.typ() == schema.GPE {
			continue
		}
		var fits []*entity
		for _, f := range ents {
			if f != s && named(f.name) && f.typ() != schema.GPE && formOf(s, f) {
				fits = append(fits, f)
			}
		}
		if f := longest(fits); f != nil {
			full[s.name] = f.name
		}
	}
	if len(full) == 0 {
		return
	}
	// Follow chains: "Copperline" -> "Copperline Resources" -> "Copperline
	// Resources Ltd".
	for n, f := range full {
		for seen := 0; full[f] != "" && seen < len(full); seen++ {
			f = full[f]
		}
		full[n] = f
	}
	types := map[string]string{}
	for _, e := range ents {
		if t := e.typ(); t != "" {
			if _, ok := types[full[e.name]]; !ok && full[e.name] != "" {
				types[full[e.name]] = t
			}
		}
	}
	for _, e := range ents {
		if t := e.typ(); t != "" {
			types[e.name] = t // the full name's own type first
		}
	}
	for _, a := range d.args() {
		if f, ok := full[*a.name]; ok {
			a.rename(f, types[f])
		}
	}
	d.dropSelfFacts()
}

// longest returns the one full name that all the fits are forms of, the
// longest of a chain ("Copperline Resources" and "Copperline Resources
// Ltd"), or nil when they are names of different things.
func longest(fits []*entity) *entity {
	if len(fits) == 0 {
		return nil
	}
	slices.SortFunc(fits, func(a, b *entity) int { return len(words(b.name)) - len(words(a.name)) })
	top := fits[0]
	for _, f := range fits[1:] {
		if !prefixOf(words(f.name), words(top.name)) && !strings.HasSuffix(top.name, " "+f.name) {
			return nil
		}
	}
	return top
}

// formOf reports whether s can be a short form of f within one document.
func formOf(s, f *entity) bool {
	sw, fw := words(s.name), words(f.name)
	if len(sw) >= len(fw) {
		return false
	}
	ft, st := f.typ(), s.typ()
	if st != "" && ft != "" && st != ft {
		return false
	}
	// "Trump administration" is not Trump, whatever its type.
	if len(fw) == len(sw)+1 && notAForm[strings.ToLower(fw[len(fw)-1])] {
		return false
	}
	if len(sw) == 1 && acronym(sw[0]) && sw[0] == initials(f.name) {
		return true // "SEC", "MHP"
	}
	if ft == schema.Person {
		// A person goes by a given name or a surname: "Xi", "Galloway".
		return len(sw) == 1 && (sw[0] == fw[0] || sw[0] == fw[len(fw)-1])
	}
	// An organisation goes by its first words: "Pine Ridge", "Halvorsen",
	// "Norvik Robotics".
	return prefixOf(sw, fw) && !corporateSuffix[strings.ToLower(strings.TrimSuffix(sw[len(sw)-1], "."))]
}

func prefixOf(short, long []string) bool {
	if len(short) > len(long) {
		return false
	}
	for i := range short {
		if short[i] != long[i] {
			return false
		}
	}
	return true
}

// personShaped reports a name of two or three capitalised words none of
// which names a kind of organisation: "Peter Galloway".
func personShaped(name string) bool {
	ws := words(name)
	if len(ws) < 2 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		low := strings.ToLower(strings.TrimSuffix(w, "."))
		if !capitalised(w) || acronym(w) || orgHeads[low] || corporateSuffix[low] || roleHeads[low] {
			return false
		}
	}
	return true
}

// dropSelfFacts drops the facts that joining made say a thing is itself.
func (d *doc) dropSelfFacts() {
	out := d.facts[:0]
	for _, f := range d.facts {
		if f.SubjectID != "" && f.SubjectID == f.ObjectID && (f.Relation == "be" || f.Derived) {
			continue
		}
		out = append(out, f)
	}
	d.facts = out
}
