package resolve

import (
	"strings"
	"unicode"

	"github.com/kgraph/kg/schema"
)

// policy decides what becomes a node. Named entities do. Values (dates,
// amounts, percentages, quantities) are values on the fact, not nodes.
// Generic and pronoun-like nouns ("way", "two people", "the company" left
// unresolved) and idioms' nouns ("in kind") never are. A common noun worth
// keeping, a bare term the text uses as a name for a kind of thing ("crude
// oil", "export controls") or comes back to, is a node of type CONCEPT,
// kept apart from named entities.
func (d *doc) policy() {
	counts := map[string]map[int]bool{} // common nouns: the sentences they are in
	for i := range d.facts {
		f := &d.facts[i]
		for _, n := range []string{f.Subject, f.Object} {
			if counts[n] == nil {
				counts[n] = map[int]bool{}
			}
			counts[n][f.SentenceIndex] = true
		}
	}
	// A concept the text names bare is the same concept where it comes
	// back with "the" ("routers" ... "the routers"); one it comes back to
	// in two sentences or more is a concept too ("the shipments").
	concepts := map[string]bool{}
	for i := range d.facts {
		f := &d.facts[i]
		for _, a := range []struct{ name, surface, typ, id string }{
			{f.Subject, f.Text.Subject, f.SubjectType, f.SubjectID}, {f.Object, f.Text.Object, f.ObjectType, f.ObjectID}} {
			k := kind(a.name, a.surface, a.typ, false)
			if a.id != "" && (k == "concept" && (len(counts[a.name]) >= 2 || compound(a.name) || d.measured[a.name]) ||
				k == "described" && len(counts[a.name]) >= 2) {
				concepts[a.name] = true
			}
		}
	}
	for i := range d.facts {
		f := &d.facts[i]
		keep(&f.SubjectID, &f.SubjectType, f.Subject, f.Text.Subject, initial(f.Sentence, f.Text.Subject), concepts[f.Subject])
		keep(&f.ObjectID, &f.ObjectType, f.Object, f.Text.Object, initial(f.Sentence, f.Text.Object), concepts[f.Object])
		if sayings[f.Relation] {
			// One says things, not people or bodies: an entity as what was
			// said is the subject of the clause said, cut from it ("said
			// the Meyner administration had failed", "said its chairman,
			// Peter Brandt, would retire"), or the speaker of a quote.
			f.ObjectID = ""
		}
	}
}

// sayings are the verbs of saying whose object is what was said.
var sayings = set(`say explain state reply`)

// monthAbbreviations are months written short, which no name is.
var monthAbbreviations = set(`jan feb mar apr jun jul aug sep sept oct nov dec`)

// initial reports whether an argument opens its sentence, where a capital
// says nothing of a name.
func initial(sentence, surface string) bool {
	return surface != "" && strings.HasPrefix(strings.TrimLeft(sentence, "\"' "), surface)
}

// keep clears an argument's entity ID where the argument is no node, and
// types a kept common noun CONCEPT.
func keep(id, typ *string, name, surface string, initial, concept bool) {
	if *id == "" {
		return
	}
	switch kind(name, surface, *typ, initial) {
	case "value":
		*id = ""
		if *typ == "" || !schema.IsValue(*typ) {
			*typ = schema.Quantity
		}
	case "none":
		*id = ""
		*typ = ""
	case "kind":
		*typ = schema.Concept
	case "concept", "described":
		if concept {
			*typ = schema.Concept
		} else {
			*id, *typ = "", ""
		}
	}
}

// kind says what an argument is: "named", "value", "concept" (a common
// noun that may be kept), "described" (a common noun with a determiner,
// which is a concept only where the text also names it bare) or "none".
// initial says the argument opens its sentence.
func kind(name, surface, typ string, initial bool) string {
	ws := words(name)
	if len(ws) == 0 {
		return "none"
	}
	low := strings.ToLower(name)
	head := strings.ToLower(lastWord(strings.SplitN(name, " of ", 2)[0]))
	first := strings.ToLower(ws[0])
	switch {
	case schema.IsValue(typ):
		return "value"
	case quantity(first):
		return "value"
	case named(name) && !strings.Contains(name, "'s "):
		if len(ws) == 1 {
			w := strings.ToLower(strings.TrimSuffix(ws[0], "."))
			if roleHeads[w] || corporateSuffix[w] || genericNouns[w] || peopleNouns[w] || honorifics[w] {
				return "none" // "Officer", "Co" cut from a longer name; "Mr." of "Mr. and Mrs. Ortega"
			}
			if len(w) == 1 || monthAbbreviations[w] {
				return "none" // "J." of "J. I. Case", "A" of "the A's", "Sept" of "the Sept. 13 primary"
			}
		}
		if roleHeads[strings.ToLower(ws[len(ws)-1])] {
			return "none" // a title: "Commerce Secretary"
		}
		if len(ws) == 1 {
			if initial && plural(ws[0]) {
				return "none" // "Investigators examined ...", "Shares of ... fell"
			}
		}
		return "named"
	}
	if h := ws[len(ws)-1]; len(ws) > 1 && capitalised(ws[len(ws)-2]) && orgHeads[h] && !plural(h) && !strings.Contains(name, "'s ") {
		return "named" // "the U.S. government", "the Trump administration": a body
	}
	// A common noun phrase.
	sw := strings.ToLower(firstWord(surface))
	switch {
	case genericNouns[head] || peopleNouns[head] || roleHeads[head] || unitNouns[head]:
		return "none"
	case strings.Contains(low, "'s "):
		return "none" // "China's national security": a description of a named thing
	case sw == "the" || sw == "these" || sw == "those":
		return "described" // "the routers": the routers named before, or nothing
	case determiners[sw] || strings.HasSuffix(sw, "'s") || strings.Contains(low, "'s "):
		return "none" // a description: "a move", "Keller's plant"
	case determiners[first] || numberWords[first]:
		return "none"
	}
	// "Chinese companies", "U.S. firms": a description of some of a named
	// thing. A name before a term makes a kind of it ("West Texas
	// Intermediate crude oil"), a node whatever the term.
	lead := 0
	if initial {
		ws[0] = strings.ToLower(ws[0]) // "Too many jobs": a capital that opens the sentence
	}
	for lead < len(ws) && capitalised(ws[lead]) {
		if demonym(ws[lead]) || strings.Contains(ws[lead], ".") {
			return "none"
		}
		lead++
	}
	rest := ws[lead:]
	for _, w := range rest {
		if capitalised(w) {
			return "none"
		}
	}
	switch {
	case len(rest) > 3:
		return "none" // a clause or a long description, not a term
	case lead > 1 && len(rest) > 0:
		return "kind"
	}
	return "concept"
}

// quantity reports a word that starts an amount: a number, or a word for
// one ("two", "dozens").
func quantity(w string) bool {
	if numberWords[w] && w != "some" && w != "most" && w != "all" && w != "many" && w != "few" && w != "both" && w != "each" && w != "several" {
		return true
	}
	for _, r := range w {
		return unicode.IsDigit(r) || r == '$' || r == '£' || r == '€'
	}
	return false
}

// compound reports a term of two or three words whose first is a noun
// that classifies the second ("crude oil", "radar systems", "export
// controls"), not an adjective that rates it ("severe penalties").
func compound(name string) bool {
	ws := words(strings.ToLower(name))
	if len(ws) < 2 || len(ws) > 3 {
		return false
	}
	for _, w := range ws[:len(ws)-1] {
		if numberWords[w] || determiners[w] || w == "too" || w == "very" || w == "so" {
			return false
		}
		for _, suf := range []string{"al", "ous", "ive", "ic", "ful", "less", "able", "ible", "ed", "est", "er", "ly", "ent", "ant", "ary", "ere", "ilar", "ular"} {
			if strings.HasSuffix(w, suf) {
				return false
			}
		}
		if strings.Contains(w, "-") {
			return false
		}
	}
	return true
}

// plural reports a capitalised word shaped like a common plural
// ("Investigators"), not an abbreviation or a name in -ss.
func plural(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !acronym(w)
}
