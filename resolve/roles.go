package resolve

import (
	"strings"

	"github.com/kgraph/kg/schema"
)

// roles makes a person's title or affiliation a fact between the person and
// the organisation, beside the title the person keeps:
//
//   - a title with its body: "Commerce Secretary Wilbur Ross" gives Wilbur
//     Ross - secretary of - Commerce Department, "Halvorsen chief executive
//     Mark Ostrowski" gives chief executive of Halvorsen Foods Inc;
//   - a title of a body: "Daniel Yergin, director of Cambridge Energy
//     Research Associates" gives director of; "Meridian's chief operating
//     officer" and "its chairman" too, "its" being the organisation the
//     sentences before were about;
//   - a person of a body: "Mlotok of Salomon Brothers" gives Mlotok - work
//     for - Salomon Brothers, and member of for a party.
func (d *doc) roles() {
	out := make([]schema.Fact, 0, len(d.facts)+len(d.facts)/4)
	for i := range d.facts {
		out = append(out, d.facts[i])
		if r, ok := d.titleFact(i, &d.facts[i]); ok {
			out = append(out, r)
		}
	}
	d.facts = out
}

// affiliations splits each argument "PERSON of ORG" ("Renato Alves of Cafe
// Consult", either side of a fact) into the person, with the affiliation as
// a fact of its own; it runs before roles, so that no name keeps the "of".
func (d *doc) affiliations() {
	out := make([]schema.Fact, 0, len(d.facts))
	for i := range d.facts {
		f := d.facts[i]
		var added []schema.Fact
		for _, subject := range []bool{true, false} {
			if r, ok := d.personOf(&f, subject); ok {
				added = append(added, r)
			}
		}
		out = append(out, f)
		out = append(out, added...)
	}
	d.facts = out
}

// personOf splits an argument "PERSON of ORG" into the person, and returns
// the person's affiliation as a fact.
func (d *doc) personOf(f *schema.Fact, subject bool) (schema.Fact, bool) {
	name, id, typ, alias := &f.Object, &f.ObjectID, &f.ObjectType, &f.ObjectAlias
	if subject {
		name, id, typ, alias = &f.Subject, &f.SubjectID, &f.SubjectType, &f.SubjectAlias
	}
	if *id == "" {
		return schema.Fact{}, false
	}
	left, right, ok := strings.Cut(*name, " of ")
	if !ok {
		return schema.Fact{}, false
	}
	right = strings.TrimPrefix(right, "the ")
	// "Col. Clifton Lisle, of Chester Springs": the comma is the name's
	// punctuation, not part of it
	comma := strings.HasSuffix(strings.TrimRight(left, " "), ",")
	left = strings.TrimRight(left, " ,")
	person := personPart(left)
	if !strings.Contains(person, " ") && plural(person) && strings.HasPrefix(strings.TrimLeft(f.Sentence, "\"' "), person) {
		return schema.Fact{}, false // "Shares of Harbor Networks"
	}
	if comma && strings.Contains(person, " ") && !named(right) && named(person) {
		// "Bernard Parrillo, of 19 Fletcher Ave., Cranston": an address
		// after a person's full name, no part of it
		written := *name
		*name, *id, *typ = person, schema.EntityID(person), schema.Person
		if *alias == written || *alias == "" {
			*alias = *name
		}
		return schema.Fact{}, false
	}
	if person == "" || !named(right) || d.typeOf(right) == schema.Person {
		return schema.Fact{}, false
	}
	// One word after "of" that the document names no organisation is most
	// often a town ("John Nyberg of Tualatin") or the rest of a name ("the
	// Star of David"): a person's full name is still the person's, with
	// no employer; one word before it is no person.
	town := d.typeOf(right) == schema.GPE || !d.orgLike(right)
	if town && (!strings.Contains(person, " ") || f.Relation == "be" && f.Text.Relation == "" || ordinal(firstWord(person))) {
		// "the First Battle of Mount Hermon", "the Chapters of Bremen
		// Cathedral": a name, no person
		return schema.Fact{}, false
	}
	org := d.orgNamed(right, -1)
	if org == "" {
		org = right
	}
	written := *name
	*name, *id, *typ = person, schema.EntityID(person), schema.Person
	if f.Relation == "be" && f.Text.Relation == "" {
		// "Renato Alves of Cafe Consult, a brokerage": the apposition
		// describes the nearer name.
		*name, *id, *typ = org, schema.EntityID(org), schema.Org
	}
	if *alias == written || *alias == "" {
		*alias = *name
	}
	if town {
		return schema.Fact{}, false
	}
	rel := "work for"
	if party(org) {
		rel = "member of"
	}
	return roleFact(f, person, rel, org, right), true
}

// orgLike reports a name after a person's "of" that is an organisation's:
// the document types it so or names it in full elsewhere, it is an acronym,
// it ends in a word business and public bodies end in ("Salomon
// Brothers", "Kestrel Holdings Ltd"), or it joins names with "&" ("Delta &
// Pine"). Any other is most often a place ("Mount Vernon", "Tualatin") or
// the rest of a name ("the Star of David").
func (d *doc) orgLike(name string) bool {
	last := strings.ToLower(strings.TrimSuffix(lastWord(name), "."))
	return d.typeOf(name) == schema.Org || d.orgNamed(name, -1) != "" || acronym(name) ||
		orgHeads[last] || corporateSuffix[last] || strings.Contains(name, " & ")
}

// ordinal reports a word that numbers things in order: "First", "Second".
func ordinal(w string) bool {
	switch strings.ToLower(w) {
	case "first", "second", "third", "fourth", "fifth", "last", "new", "old", "great":
		return true
	}
	return false
}

// personPart returns the person's name at the end of a phrase ("former
// mayor Lucia Paredes" -> "Lucia Paredes"), or "" when the phrase does not
// end in one.
func personPart(s string) string {
	ws := words(s)
	start := len(ws)
	for start > 0 && capitalised(ws[start-1]) && !roleHeads[strings.ToLower(ws[start-1])] {
		start--
	}
	name := strings.Join(ws[start:], " ")
	if start == len(ws) || len(ws)-start > 3 {
		return ""
	}
	if len(ws)-start == 1 {
		// One word is a surname only after a title, or alone: "Mlotok".
		low := strings.ToLower(ws[start])
		if orgHeads[low] || corporateSuffix[low] || acronym(ws[start]) {
			return ""
		}
		return name
	}
	if !personShaped(name) {
		return ""
	}
	return name
}

// party reports an organisation that people are members of rather than
// work for.
func party(org string) bool {
	switch strings.ToLower(lastWord(org)) {
	case "party", "alliance", "front", "movement", "coalition", "democrats", "republicans", "union", "league":
		return true
	}
	return false
}

// titleFact reads a fact that says a person is a title ("Helen Marsh - be -
// Treasury Secretary", "chief executive - be - Andrei Volkov") and returns
// the role it gives, if the title names or implies its body.
func (d *doc) titleFact(i int, f *schema.Fact) (schema.Fact, bool) {
	if f.Relation != "be" || f.Negated {
		return schema.Fact{}, false
	}
	// A title is a person's: a name of no other kind that has one is a
	// person's ("Albrecht, leader of the Christian Union").
	person, title, titleText := f.Subject, f.Object, f.Text.Object
	role, body, written := splitTitle(title, titleText)
	if !d.mayBePerson(person) || role == "" {
		person, title, titleText = f.Object, f.Subject, f.Text.Subject
		if f.ObjectID == "" || !d.mayBePerson(person) {
			return schema.Fact{}, false
		}
		if role, body, written = splitTitle(title, titleText); role == "" {
			return schema.Fact{}, false
		}
	}
	org, ofPerson := "", false
	switch {
	case body == "" && possessive(titleText):
		// "Its chief executive": the organisation the text was about.
		org = d.lastOrg(i, person, titleText)
		written = ""
	case body == "" && personal(titleText):
		// "His top economic adviser, Liu He,": the person the text was
		// about.
		org, ofPerson = d.lastPerson(i, person, titleText), true
		written = ""
	case body != "" && !capitalised(firstWord(body)):
		// "The bank's chief executive": a description, which stands for
		// a body the text named before, never after.
		org = d.orgNamed(body, i)
	case body != "":
		org = d.orgNamed(body, -1)
		// A body named whole ("director of Saigon Commodity Research"), or
		// by an abbreviation or a name of two words or more before the
		// title ("SEC spokeswoman", "White House spokesman"), is a node of
		// its own even where the text names it nowhere else.
		if org == "" && named(body) && d.typeOf(body) != schema.GPE && d.typeOf(body) != schema.Person &&
			(strings.Contains(title, " ") && !strings.HasPrefix(title, body) || acronym(body) || len(words(body)) > 1) {
			org = body
		}
	}
	if org == "" || org == person || pronouns[strings.ToLower(person)] {
		return schema.Fact{}, false // "He was a member of": a pronoun coreference left is nobody's node
	}
	// The name as the sentence writes it with its title, "Commerce
	// Secretary Wilbur Ross", is the person's alias on the fact.
	alias := person
	if t := strings.TrimSpace(titleText); t != "" && strings.Contains(f.Sentence, t+" "+person) {
		alias = t + " " + person
	}
	rel := role + " of"
	if strings.HasSuffix(role, " with") || strings.HasSuffix(role, " at") || strings.HasSuffix(role, " for") {
		rel = role
	}
	r := roleFact(f, person, rel, org, written)
	r.SubjectAlias = alias
	if ofPerson {
		r.ObjectType = schema.Person
	}
	return r, true
}

// splitTitle splits a title into its role and the body it names: "Treasury
// Secretary" -> "secretary", "Treasury"; "chief executive of Norvik
// Robotics" -> "chief executive", "Norvik Robotics"; "Meridian's chief
// operating officer" -> "chief operating officer", "Meridian". role is ""
// when the phrase is no title.
func splitTitle(title, surface string) (role, body, written string) {
	title = strings.TrimSpace(title)
	if before, after, ok := strings.Cut(title, "'s "); ok {
		role, body = after, before
	} else if before, after, prep, ok := cutPrep(title); ok && capitalised(firstWord(strings.TrimPrefix(after, "the "))) {
		role, body = before, strings.TrimPrefix(after, "the ")
		// "analyst with Petro Research Group in Dallas": the body ends
		// where a place begins.
		if b, _, ok := strings.Cut(body, " in "); ok {
			body = b
		}
		if prep != "of" {
			role += " " + prep // "analyst with", "economist at"
		}
	} else {
		// Capitalised words before the title's first role word name its
		// body: "Treasury Secretary", "SEC spokeswoman", "White House
		// spokesman"; a nationality does not ("Chinese President").
		ws := words(title)
		k := 0
		for k < len(ws) && capitalised(ws[k]) && !roleHeads[strings.ToLower(ws[k])] && !roleOpeners[strings.ToLower(ws[k])] &&
			!modifier(ws[k]) {
			k++
		}
		if k < len(ws) && modifier(ws[k]) {
			k = len(ws) // "former U.S. Attorney": no body to name
		}
		body, role = strings.Join(ws[:k], " "), strings.Join(ws[k:], " ")
		if body != "" && (demonym(ws[k-1]) || acronym(ws[0]) && strings.Contains(ws[0], ".")) {
			body = "" // "Chinese President", "U.S. District Judge"
		}
	}
	role = strings.ToLower(strings.TrimSpace(role))
	rw := words(role)
	for len(rw) > 0 && (determiners[rw[0]] || rw[0] == "current" || rw[0] == "new") {
		rw = rw[1:]
	}
	if len(rw) == 0 || len(rw) > 4 || !isRole(rw) {
		return "", "", ""
	}
	role = strings.Join(rw, " ")
	if strings.HasSuffix(role, " with") || strings.HasSuffix(role, " at") || strings.HasSuffix(role, " for") {
		return role, strings.TrimSpace(body), strings.TrimSpace(body) // "analyst with": no "of" after it
	}
	return role, strings.TrimSpace(body), strings.TrimSpace(body)
}

// cutPrep cuts a title at the preposition that introduces its body: "of",
// "with", "at" or "for" ("spokesman for Arden").
func cutPrep(title string) (before, after, prep string, ok bool) {
	for _, p := range []string{"of", "with", "at", "for"} {
		if b, a, found := strings.Cut(title, " "+p+" "); found {
			return b, a, p, true
		}
	}
	return "", "", "", false
}

// isRole reports words that make a title: a role noun heads them ("chief
// executive", "head of production").
func isRole(rw []string) bool {
	if last := rw[len(rw)-1]; last == "with" || last == "at" || last == "for" {
		rw = rw[:len(rw)-1] // "analyst with"
	}
	if len(rw) == 0 {
		return false
	}
	head := rw[len(rw)-1]
	if before, _, _, ok := cutPrep(strings.Join(rw, " ")); ok {
		head = lastWord(before)
	}
	return roleHeads[head]
}

func modifier(w string) bool {
	switch strings.ToLower(w) {
	case "former", "acting", "deputy", "interim", "senior", "vice":
		return true
	}
	return false
}

func possessive(surface string) bool {
	switch strings.ToLower(firstWord(surface)) {
	case "its", "their":
		return true
	}
	return false
}

// personal reports a title that a personal possessive opens: "his
// adviser", "her deputy".
func personal(surface string) bool {
	switch strings.ToLower(firstWord(surface)) {
	case "his", "her":
		return true
	}
	return false
}

// isPerson reports a name the document gives a person: typed PERSON, or
// shaped like a personal name.
func (d *doc) isPerson(name string) bool {
	if !named(name) {
		return false
	}
	t := d.typeOf(name)
	return t == schema.Person || t == "" && personShaped(name)
}

// mayBePerson reports a name that may be a person's: one the document
// gives no other type and whose form is no organisation's.
func (d *doc) mayBePerson(name string) bool {
	if !named(name) || formType(name) != "" {
		return false
	}
	t := d.typeOf(name)
	return t == schema.Person || t == ""
}

// typeOf returns the type the document's facts give a name most often.
func (d *doc) typeOf(name string) string {
	votes := map[string]int{}
	for i := range d.facts {
		f := &d.facts[i]
		if f.Subject == name && f.SubjectType != "" {
			votes[f.SubjectType]++
		}
		if f.Object == name && f.ObjectType != "" {
			votes[f.ObjectType]++
		}
	}
	best := ""
	for t, n := range votes {
		if n > votes[best] || n == votes[best] && t < best {
			best = t
		}
	}
	return best
}

// orgNamed returns the organisation of the document a body's name stands
// for: the name itself, a name it is the first words or initials of
// ("Halvorsen", "SEC"), or one it is a word of ("Treasury" for "U.S.
// Treasury Department"); a description ("authority") stands for the one
// organisation whose name it ends. "" when none or more than one fits.
// With before >= 0, only the names of the facts up to that one count: a
// description stands for what the text named before it.
func (d *doc) orgNamed(body string, before int) string {
	body = strings.TrimPrefix(strings.TrimPrefix(body, "the "), "The ")
	if body == "" {
		return ""
	}
	var earlier map[string]bool // with before >= 0, the names its facts up to it give
	if before >= 0 {
		earlier = map[string]bool{}
		for _, f := range d.facts[:before+1] {
			earlier[f.Subject], earlier[f.Object] = true, true
		}
	}
	var fits []string
	seen := map[string]bool{}
	for _, e := range d.entities() {
		if seen[e.name] || !named(e.name) || roleHeads[strings.ToLower(lastWord(e.name))] {
			continue // "Commerce Secretary" is a title, not a body
		}
		if before >= 0 && !earlier[e.name] {
			continue
		}
		t := e.typ()
		if t == schema.Person || t == schema.GPE || t == schema.Concept || schema.IsValue(t) {
			continue
		}
		bw, nw := words(body), words(e.name)
		ok := e.name == body
		if strings.Contains(e.name, " of ") && !ok {
			continue // "Renato Alves of Cafe Consult" is no name of Cafe Consult
		}
		if !ok && capitalised(bw[0]) {
			ok = prefixOf(bw, nw) || len(bw) == 1 && acronym(bw[0]) && bw[0] == initials(e.name) ||
				strings.Contains(" "+e.name+" ", " "+body+" ")
		}
		if !ok && !capitalised(bw[0]) && len(bw) == 1 {
			ok = strings.EqualFold(lastWord(e.name), bw[0]) && (t == schema.Org || orgHeads[strings.ToLower(bw[0])])
		}
		if ok {
			seen[e.name] = true
			fits = append(fits, e.name)
		}
	}
	if len(fits) == 1 {
		return fits[0]
	}
	for _, f := range fits {
		if f == body {
			return f
		}
	}
	return ""
}

// lastOrg returns the organisation the facts before fact i were about: the
// subject of the nearest earlier fact, in this sentence or the two before,
// that is an organisation.
//
// In the title's own sentence, only a subject written before the title
// counts ("Clearview will operate as a unit of MHP under its current
// president").
func (d *doc) lastOrg(i int, not, titleText string) string {
	return d.lastSubject(i, not, titleText, func(name string) bool {
		t := d.typeOf(name)
		return t == schema.Org || t == "" && !personShaped(name)
	})
}

// lastPerson returns the person that the facts before fact i (in its
// sentence before titleText, or in the two sentences before) were about
// last, other than not; "" if none.
func (d *doc) lastPerson(i int, not, titleText string) string {
	return d.lastSubject(i, not, titleText, func(name string) bool { return d.typeOf(name) == schema.Person })
}

// lastSubject returns the named subject nearest before fact i's titleText
// (in its sentence or the two before) that fits, other than not; "" if
// none.
func (d *doc) lastSubject(i int, not, titleText string, fits func(name string) bool) string {
	s := d.facts[i].SentenceIndex
	at := strings.Index(d.facts[i].Sentence, titleText)
	for j := i; j >= 0; j-- {
		f := &d.facts[j]
		if s-f.SentenceIndex > 2 {
			break
		}
		if f.SubjectID == "" || f.Subject == not || !named(f.Subject) {
			continue
		}
		if f.SentenceIndex == s && (at < 0 || f.Text.Subject == "" || !strings.Contains(f.Sentence[:at], f.Text.Subject)) {
			continue
		}
		if fits(f.Subject) {
			return f.Subject
		}
	}
	return ""
}

// roleFact returns the derived fact person - relation - org, read from f.
func roleFact(f *schema.Fact, person, relation, org, written string) schema.Fact {
	r := *f
	r.Subject, r.SubjectID, r.SubjectType, r.SubjectAlias = person, schema.EntityID(person), schema.Person, person
	r.Relation = relation
	r.Object, r.ObjectID, r.ObjectType, r.ObjectAlias = org, schema.EntityID(org), schema.Org, written
	if written == "" {
		r.ObjectAlias = ""
	}
	r.Text = schema.Surface{Subject: person, Object: written}
	r.Negated, r.Passive, r.Modality = false, false, ""
	r.Derived = true
	r.Time, r.TimeISO, r.Place, r.Args = "", "", "", nil
	return r
}
