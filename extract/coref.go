package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/kgraph/kg/schema"
)

// Pronouns and descriptions that stand for an entity named before them,
// by what they can stand for.
var (
	personPronouns = map[string]bool{"he": true, "him": true, "his": true, "she": true, "her": true}
	thingPronouns  = map[string]bool{"it": true, "its": true}
	pluralPronouns = map[string]bool{"they": true, "them": true, "their": true}
	// companyWords are heads of definite descriptions of businesses: "the
	// company", "the Chinese telecom giant".
	companyWords = map[string]bool{"company": true, "firm": true, "giant": true, "manufacturer": true,
		"maker": true, "carrier": true, "corporation": true, "business": true, "bank": true, "supplier": true,
		"distributor": true, "retailer": true, "startup": true, "group": true, "player": true}
	// orgDescriptions are heads of definite descriptions of other bodies.
	orgDescriptions = map[string]bool{"agency": true, "department": true, "ministry": true, "regulator": true,
		"administration": true, "commission": true, "committee": true, "government": true, "court": true,
		"authority": true}
	// personDescriptions are heads of definite descriptions of people.
	personDescriptions = map[string]bool{"president": true, "minister": true, "secretary": true, "senator": true,
		"chairman": true, "chairwoman": true, "executive": true, "spokesman": true, "spokeswoman": true,
		"official": true, "director": true, "governor": true, "ambassador": true, "founder": true}
)

// mentionOf is one named argument seen so far in a document.
type mentionOf struct {
	name     string
	typ      string
	sentence int
	at       int  // the token it starts at in its sentence
	person   bool // typed PERSON, or shaped like a personal name
	plural   bool
	proper   bool // a proper name, not a capital at a sentence's start
	place    bool // named as where something is: "based in Ostrava"
	// thing is a common noun phrase of a thing ("the plan"), no entity:
	// an "it" after it in its sentence may stand for it (see argument).
	thing  bool
	after  int  // for a thing, the token after its phrase
	gender byte // 'f' or 'm' where the name or its honorific says which (genderOf)
}

// resolver links the mentions of one document: pronouns and definite
// descriptions to the entity they stand for, and the short forms of a name
// ("Trump", "Commerce", "FCC") to its full form.
type resolver struct {
	window int // how many sentences back an antecedent may stand; 0: this one only
	// quiet is set while a derived fact's subject is read: it may refer
	// back, but it adds no mention, so that a phrase no other fact of the
	// sentence uses ("massive Chinese phone company" - of - China) does not
	// stand between a description and its entity. The entity a derived
	// fact's object names is a mention like any other.
	quiet bool
	// speaking is set while the subject of a fact that says or thinks
	// something is read: a capital that opens the sentence is then a
	// name's ("Volkswagen said"), since a common noun says nothing.
	speaking bool
	mentions []mentionOf
	// personWords are the first and last words of the people named so far.
	personWords map[string]bool
	// speakers are the subjects of facts whose object is a clause, by the
	// sentence and token where the clause starts: "Asda, which Walmart
	// owns, said it would ...": "it" is Asda, who said it, if it can be.
	speakers map[[2]int]mentionOf
	byName   map[string][]int // the mentions of each name, by index
	// notOf holds, for a pronoun that was a fact's object, by its sentence
	// and token, the subject of that fact: a pronoun is never its own
	// clause's subject (that would be "themselves"), whichever fact it is
	// read in next. "The rules made them pay": they are not the rules.
	notOf map[[2]int]string
}

// resolve rewrites the facts of one document, in document order, so that
// each argument names its entity in one form, and returns them. Surface text
// is kept. A fact that resolution would make say that a thing is itself is
// dropped.
func resolve(facts []schema.Fact, at []argsAt, window int) []schema.Fact {
	r := &resolver{window: window}
	for i := range facts {
		f := &facts[i]
		// The names as this sentence writes them, before coreference.
		subj, obj := f.Subject, f.Object
		implied := f.Text.Relation == "" // an apposition names both sides itself
		r.quiet = f.Derived
		first, _, clause := strings.Cut(strings.ToLower(f.Object), " ")
		clause = clause && (personPronouns[first] || thingPronouns[first] || pluralPronouns[first])
		r.speaking = speechVerbs[f.Relation] || clause
		// "It was not clear": an "it" that only holds a copula's place.
		if !implied && !(f.Relation == "be" && f.ObjectID == "" && strings.EqualFold(f.Subject, "it")) {
			not := r.notOf[[2]int{f.SentenceIndex, at[i].subject}]
			r.argument(&f.Subject, &f.SubjectID, &f.SubjectType, f.Text.Subject, f.Sentence, f.SentenceIndex, at[i].subject, not, true)
		}
		// An object is not its own subject (that would be "itself"), and the
		// description a copula gives is no reference: "ZTE, the manufacturer".
		r.quiet, r.speaking = false, false
		if clause && f.SubjectID != "" {
			r.speaker(f.Subject, f.SentenceIndex, at[i].object) // "said it would ..."
		}
		n := len(r.mentions)
		if low := strings.ToLower(f.Object); f.ObjectID == "" && (personPronouns[low] || thingPronouns[low] || pluralPronouns[low]) {
			if r.notOf == nil {
				r.notOf = map[[2]int]string{}
			}
			r.notOf[[2]int{f.SentenceIndex, at[i].object}] = f.Subject
		}
		r.argument(&f.Object, &f.ObjectID, &f.ObjectType, f.Text.Object, f.Sentence, f.SentenceIndex, at[i].object, f.Subject, f.Relation != "be")
		if len(r.mentions) > n && locative(f.Relation) {
			r.mentions[n].place = true // "based in Ostrava": a place, not a company
		}
		if implied && f.Relation == "be" {
			// "its chief executive, Matthias Mueller": a person's title
			// makes a person of a name no list knows, so that "the
			// company" after it is not Mueller
			switch {
			case personTitle(f.Subject) && f.ObjectID != "":
				r.isPerson(f.Object)
			case personTitle(f.Object) && f.SubjectID != "":
				r.isPerson(f.Subject)
			}
		}
		f.SubjectAlias = alias(subj, f.Subject, f.SubjectID, f.Text.Subject)
		f.ObjectAlias = alias(obj, f.Object, f.ObjectID, f.Text.Object)
	}
	aliases := cluster(r.mentions)
	out := facts[:0]
	for i := range facts {
		f := &facts[i]
		rename(&f.Subject, &f.SubjectID, &f.SubjectType, aliases)
		rename(&f.Object, &f.ObjectID, &f.ObjectType, aliases)
		if f.SubjectID != "" && f.SubjectID == f.ObjectID && f.Relation == "be" {
			continue
		}
		out = append(out, *f)
	}
	return out
}

// alias is the name a sentence gives an entity: written is the argument's
// name before coreference, resolved after it. A pronoun or a description that
// coreference replaced names nothing. A title stays ("President Trump").
func alias(written, resolved, id, surface string) string {
	if id == "" || written != resolved {
		return ""
	}
	s := surface
	for _, det := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		s = strings.TrimPrefix(s, det)
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "'")
	if placeNames[strings.ToLower(s)] == written {
		return s // "U.S." for the United States
	}
	if first, _, ok := strings.Cut(s, " "); ok && titles[strings.ToLower(first)] && strings.HasSuffix(s, written) {
		return s
	}
	return written
}

// argument resolves one argument if it refers back, and records it as a
// mention if it names something.
func (r *resolver) argument(name, id, typ *string, surface, text string, sentence, at int, not string, describes bool) {
	low := strings.ToLower(*name)
	other := func(m mentionOf) bool { return m.name != not }
	switch {
	case *id == "" && personPronouns[low]:
		g := pronounGender(low)
		r.refer(name, id, typ, sentence, at, r.window, func(m mentionOf) bool {
			return m.person && other(m) && (m.gender == 0 || m.gender == g) // "she" is no Frank
		}, nil)
	case *id == "" && thingPronouns[low]:
		// "Warren criticized the plan, saying it would hurt workers": an
		// "it" after a thing in its own sentence may stand for the thing,
		// and is then left alone rather than given to the company the
		// sentence before named.
		r.refer(name, id, typ, sentence, at, r.window,
			func(m mentionOf) bool {
				// "the price it pays": a clause on the thing is not about it
				thing := m.thing && m.sentence == sentence && m.after != at
				return (organisation(m) || thing) && other(m)
			}, nil)
	case *id == "" && pluralPronouns[low]:
		r.refer(name, id, typ, sentence, at, r.window, func(m mentionOf) bool { return m.plural && other(m) }, nil)
	case *id != "" && describes && definite(surface) && companyWords[lastWord(low)] && !hasUpper(withoutDemonyms(*name)):
		// A nationality leaves it a description: "the Chinese telecom giant".
		// "the company" is a company, not the department that fined it.
		// A name known to be an organisation comes before one that only
		// may be: in "Volkov Shipping helped Tehran ... the company", the
		// company is Volkov Shipping.
		r.refer(name, id, typ, sentence, at, descriptionWindow(r.window),
			func(m mentionOf) bool { return organisation(m) && !government(m.name) && other(m) },
			func(m mentionOf) bool { return m.typ == schema.Org })
	case *id != "" && describes && definite(surface) && orgDescriptions[lastWord(low)] && !hasUpper(*name):
		// "the ministry" is a public body, not the company it fined.
		r.refer(name, id, typ, sentence, at, r.window, func(m mentionOf) bool { return m.typ == schema.Org && government(m.name) && other(m) }, nil)
	case *id != "" && describes && definite(surface) && personDescriptions[lastWord(low)] && !hasUpper(*name):
		r.refer(name, id, typ, sentence, at, r.window, func(m mentionOf) bool { return m.person && other(m) }, nil)
	case *id != "" && describes && !r.quiet:
		// A capital that only opens the sentence says nothing of a name.
		initial := surface != "" && strings.HasPrefix(text, surface) && !strings.Contains(*name, " ")
		// A capital that opens the sentence is a name's where the word
		// says something and is no plural ("Volkswagen said", not
		// "Officials said").
		// A person's name ending in "s" is no plural ("Hughes said").
		known := *typ == schema.Person || r.personWords[*name]
		speaks := r.speaking && (known || !plural(*name, false))
		proper := hasUpper(withoutDemonyms(*name)) && !(initial && !isAcronym(*name) && !speaks)
		// "Trump" after "Donald Trump" is the person, not an organisation
		// "it" could stand for.
		person := *typ == schema.Person || proper && *typ == "" && r.personWords[*name]
		if person && strings.Contains(*name, " ") {
			r.isPerson(*name)
		}
		r.add(mentionOf{name: *name, typ: *typ, sentence: sentence, at: at, proper: proper,
			person: person, plural: plural(*name, proper) && !person, thing: !proper && *typ == "" && thingPhrase(*name, surface),
			after: at + len(strings.Fields(surface)), gender: genderOf(surface)})
	}
}

// personTitle reports a title that only a person has ("chief executive",
// "Commerce Secretary").
func personTitle(s string) bool {
	w := strings.ToLower(lastWord(s))
	return personDescriptions[w] || titles[w] && w != "general" && w != "officer"
}

// add records a mention.
func (r *resolver) add(m mentionOf) {
	if r.byName == nil {
		r.byName = map[string][]int{}
	}
	r.byName[m.name] = append(r.byName[m.name], len(r.mentions))
	r.mentions = append(r.mentions, m)
}

// isPerson records that the name is a person's: its mentions so far, and
// its first and last words for the mentions to come.
func (r *resolver) isPerson(name string) {
	f := strings.Fields(name)
	if len(f) == 0 || !hasUpper(name) {
		return
	}
	for _, i := range r.byName[name] {
		r.mentions[i].person = true
	}
	delete(r.byName, name) // marked; a later call marks the mentions added since
	if r.personWords == nil {
		r.personWords = map[string]bool{}
	}
	if who, _, ok := strings.Cut(name, " of "); ok {
		f = strings.Fields(who) // "Frank E. Barnes of Boston": Boston is no name of his
	}
	r.personWords[f[0]], r.personWords[f[len(f)-1]] = true, true
}

// speaker records the mention named, the subject of a fact, as the one
// who says or thinks the clause that starts at token at of the sentence.
func (r *resolver) speaker(named string, sentence, at int) {
	for i := len(r.mentions) - 1; i >= 0 && r.mentions[i].sentence == sentence; i-- {
		if m := r.mentions[i]; m.name == named {
			if r.speakers == nil {
				r.speakers = map[[2]int]mentionOf{}
			}
			r.speakers[[2]int{sentence, at}] = m
			return
		}
	}
}

// refer points an argument at the compatible mention nearest before it
// within the window, if there is one: of the nearest sentence that has one,
// the one written last (before the argument, in its own sentence), unless
// prefer (if not nil) accepts another of that sentence and not that one.
func (r *resolver) refer(name, id, typ *string, sentence, at, window int, ok, prefer func(mentionOf) bool) {
	m, found := r.speakers[[2]int{sentence, at}]
	// "Merkel said she would": the pronoun says the one who said it is a
	// person, where nothing says otherwise
	person := found && personPronouns[strings.ToLower(*name)] && m.proper && !m.plural && m.typ == ""
	if found && (ok(m) || person) && !m.thing {
		// the clause's first word, and the one who says it can be what
		// it stands for
		if person {
			r.isPerson(m.name)
		}
		*name, *typ, *id = m.name, m.typ, schema.EntityID(m.name)
		m.at = at
		r.add(m)
		return
	}
	best := -1
	for i := len(r.mentions) - 1; i >= 0; i-- {
		m := r.mentions[i]
		if sentence-m.sentence > window {
			break
		}
		if !ok(m) || m.sentence == sentence && m.at >= at {
			continue
		}
		switch {
		case best < 0:
			best = i
		case m.sentence < r.mentions[best].sentence:
			i = 0 // the nearest sentence with a candidate decides
		case prefer != nil && prefer(m) != prefer(r.mentions[best]):
			if prefer(m) {
				best = i
			}
		case m.at > r.mentions[best].at:
			best = i
		}
	}
	if best < 0 {
		return
	}
	m = r.mentions[best]
	if m.thing {
		return // it may be the thing: better no link than a wrong one
	}
	*name, *typ, *id = m.name, m.typ, schema.EntityID(m.name)
	m.sentence, m.at = sentence, at // mentioned again: it stays salient
	r.add(m)
}

// thingPhrase reports a short singular common noun phrase with an article
// or a demonstrative ("the plan", "a new rule"), written as surface: what
// an "it" may stand for besides an organisation.
func thingPhrase(name, surface string) bool {
	det, _, _ := strings.Cut(strings.ToLower(surface), " ")
	switch det {
	case "the", "a", "an", "this", "that":
	default:
		return false
	}
	ws := strings.Fields(name)
	if len(ws) == 0 || len(ws) > 4 || hasUpper(name) {
		return false
	}
	head := ws[len(ws)-1]
	return !strings.HasSuffix(head, "s") && !personDescriptions[head] && !companyWords[head] && !orgDescriptions[head]
}

// organisation reports a mention that can be an organisation: typed ORG, or
// a proper name of no other type ("Norvale Telecom").
func organisation(m mentionOf) bool {
	return m.typ == schema.Org || m.typ == "" && !m.person && !m.place && m.proper && !m.plural
}

// locative reports a relation that ends in a preposition of place.
func locative(relation string) bool {
	switch lastWord(relation) {
	case "in", "at", "near", "from", "inside", "outside":
		return true
	}
	return false
}

// government reports a name headed by the noun of a public body.
func government(name string) bool {
	switch strings.ToLower(lastWord(name)) {
	case "department", "ministry", "commission", "agency", "administration", "house", "congress", "senate",
		"council", "committee", "office", "bureau", "court", "party", "army", "navy", "police", "government":
		return true
	}
	return false
}

// cluster groups the names of a document that are forms of one another and
// returns, for each name, its cluster's full name and type. It merges only
// where one reading is possible: a short form that fits two full names stays
// apart.
func cluster(ms []mentionOf) map[string]mentionOf {
	type info struct {
		mentionOf
		types map[string]int
	}
	byName := map[string]*info{}
	var order []string
	for _, m := range ms {
		in := byName[m.name]
		if in == nil {
			in = &info{mentionOf: m, types: map[string]int{}}
			byName[m.name] = in
			order = append(order, m.name)
		}
		if m.typ != "" {
			in.types[m.typ]++
		}
		in.person = in.person || m.person
	}
	parent := map[string]string{}
	var find func(string) string
	find = func(n string) string {
		if p, ok := parent[n]; ok && p != n {
			return find(p)
		}
		return n
	}
	union := func(short, full string) { parent[find(short)] = find(full) }

	// Index each name by the short forms it could have, so that a document
	// of any length is clustered in linear time.
	index := map[string][]string{}
	for _, full := range order {
		for _, k := range shortKeys(full) {
			index[k] = append(index[k], full)
		}
	}
	for _, short := range order {
		// A surname known to be a person's ("Denholm, an Australian
		// executive") is the short form of a full name it ends, known or
		// not ("Robyn Denholm").
		personal := byName[short].person || byName[short].types[schema.Person] > 0
		var fits []string
		for _, full := range index[short] {
			person := byName[full].person || personal && strings.HasSuffix(full, " "+short) && len(strings.Fields(full)) <= 3
			if full != short && !slices.Contains(fits, full) && shortFormOf(short, full, person) {
				fits = append(fits, full)
			}
		}
		if len(fits) == 1 {
			union(short, fits[0])
		}
	}
	out := map[string]mentionOf{}
	members := map[string][]string{}
	for _, n := range order {
		members[find(n)] = append(members[find(n)], n)
	}
	for root, names := range members {
		votes := map[string]int{}
		person := false
		for _, n := range names {
			for t, c := range byName[n].types {
				votes[t] += c
			}
			person = person || byName[n].person
		}
		typ := ""
		for t, c := range votes {
			if c > votes[typ] || c == votes[typ] && t < typ {
				typ = t
			}
		}
		if person && typ == "" {
			typ = schema.Person
		}
		for _, n := range names {
			out[n] = mentionOf{name: root, typ: typ}
		}
	}
	return out
}

// shortKeys returns the short forms a full name could be written as, for
// shortFormOf to confirm: its first and last words, its initials, and its
// inverted form.
func shortKeys(full string) []string {
	f := strings.Fields(full)
	if len(f) < 2 {
		return nil
	}
	keys := []string{f[0], f[len(f)-1], initials(f)}
	if len(f) == 2 {
		keys = append(keys, f[1]+" of "+f[0], strings.ToLower(f[1])+" of "+f[0])
		keys = append(keys, strings.ToUpper(f[1][:1])+f[1][1:]+" of "+f[0])
	}
	return keys
}

// shortFormOf reports whether short is a short form of full: its surname or
// given name ("Trump", "Xi" of a person), the name an organisation goes by
// without its head noun ("Commerce" of "Commerce Department"), its inverted
// form ("Department of Commerce"), or its initials ("FCC").
func shortFormOf(short, full string, fullIsPerson bool) bool {
	s, f := strings.Fields(short), strings.Fields(full)
	if len(s) == 3 && len(f) == 2 && strings.EqualFold(s[1], "of") && orgHeads[strings.ToLower(s[0])] {
		// "Department of Commerce" and "Commerce Department"
		return strings.EqualFold(s[2]+" "+s[0], full)
	}
	if len(s) == 0 || len(f) < 2 || len(s) >= len(f) || !hasUpper(short) {
		return false
	}
	if len(s) == 1 {
		w := s[0]
		if who, _, ok := strings.Cut(full, " of "); ok && fullIsPerson {
			f = strings.Fields(who) // "Frank E. Barnes of Boston" goes by Barnes, not Boston
		}
		switch {
		case fullIsPerson && (w == f[len(f)-1] || w == f[0]):
			return true
		case len(f) == 2 && w == f[0] && shortenable(f[1]):
			return true // "Commerce" of "Commerce Department", not "Trump" of "Trump administration"
		case isAcronym(w) && w == initials(f):
			return true
		}
	}
	return false
}

// shortenable reports an organisation's head noun that its name is often
// written without.
func shortenable(head string) bool {
	switch h := strings.ToLower(head); h {
	case "administration", "house", "government", "party", "family", "post", "times", "news", "journal":
		return false
	default:
		return orgHeads[h]
	}
}

// initials returns the capitals of a name's words, skipping function words:
// "FCC" for "Federal Communications Commission".
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "&":
			continue
		}
		r := []rune(w)
		if len(r) > 0 && unicode.IsUpper(r[0]) {
			b.WriteRune(r[0])
		}
	}
	return b.String()
}

// rename points an argument at its cluster's full name.
func rename(name, id, typ *string, aliases map[string]mentionOf) {
	if *id == "" {
		return
	}
	if c, ok := aliases[*name]; ok {
		*name, *id = c.name, schema.EntityID(c.name)
		if c.typ != "" {
			*typ = c.typ
		}
	}
}

func definite(surface string) bool {
	low := strings.ToLower(surface)
	return strings.HasPrefix(low, "the ")
}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// plural reports a common noun phrase whose last word looks plural:
// "officials", "U.S. firms".
func plural(name string, proper bool) bool {
	w := lastWord(name)
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && (!hasUpper(w) || !proper)
}

// descriptionWindow is how far back "the company" may reach: further than a
// pronoun in running text, and nowhere beyond its own line in a file of
// unrelated sentences.
func descriptionWindow(window int) int {
	if window == 0 {
		return 0
	}
	return 2*window + 1
}
