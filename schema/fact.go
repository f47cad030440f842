package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// Entity types written in [Fact.SubjectType] and [Fact.ObjectType]; the empty
// string means unknown.
const (
	Person  = "PERSON"
	Org     = "ORG"
	GPE     = "GPE" // countries, cities, states
	Date    = "DATE"
	Money   = "MONEY"
	Percent = "PERCENT"
	// Concept is a common noun worth a node of its own ("routers", "export
	// controls"), kept apart from named entities: the analysis commands
	// count named entities unless asked otherwise.
	Concept = "CONCEPT"
	// Quantity is a number of things ("300 engineers", "15.8 mln barrels").
	// Like Date, Money and Percent it is a value on a fact, never a node.
	Quantity = "QUANTITY"
)

// IsValue reports whether an entity type is a value's (a date, an amount,
// a percentage, a quantity): a fact's object of that type is a value on the
// fact, not a node of the graph.
func IsValue(typ string) bool {
	switch typ {
	case Date, Money, Percent, Quantity:
		return true
	}
	return false
}

// Surface holds a fact's three spans exactly as they appear in the sentence.
type Surface struct {
	Subject  string `json:"subject"`
	Relation string `json:"relation"`
	Object   string `json:"object"`
}

// Fact is one subject - relation - object statement found in one sentence,
// with the evidence behind it. Its JSON form is kg's extraction contract.
type Fact struct {
	Subject     string  `json:"subject"`  // canonical name, as stored
	Relation    string  `json:"relation"` // lemmatised, active voice: "pledge to help"
	Object      string  `json:"object"`
	SubjectID   string  `json:"subject_id"`
	ObjectID    string  `json:"object_id"`
	SubjectType string  `json:"subject_type"`
	ObjectType  string  `json:"object_type"`
	Text        Surface `json:"text"`
	Negated     bool    `json:"negated"`
	Confidence  float64 `json:"confidence"`
	// Passive says the sentence puts the fact in the passive voice ("ZTE was
	// penalized by the department"); Subject and Object are still in active
	// order, and Text.Subject is the agent.
	Passive bool `json:"passive"`
	// Modality is the modal verb that qualifies the fact ("would", "may"),
	// or empty for a plain assertion.
	Modality string `json:"modality,omitempty"`
	// AttributedTo names who the sentence says stated the fact ("officials"
	// in "officials said ZTE did not discipline the employees").
	AttributedTo string `json:"attributed_to,omitempty"`
	// Derived marks a fact read from another fact's qualifier, so that the
	// graph links the entities a qualifier names: "sold routers to Iran"
	// gives company - sell to - Iran beside company - sell - routers. It
	// restates what the other fact says, so n-ary benchmarks leave it out.
	Derived bool `json:"derived,omitempty"`
	// Time and Place are the qualifiers that say when and where, as written
	// ("In April", "in Washington"); they are not part of the object.
	Time  string `json:"time,omitempty"`
	Place string `json:"place,omitempty"`
	// TimeISO is Time as a calendar date, resolved against the document's
	// date where it is relative: an ISO 8601 day (2018-05-13 for "on
	// Sunday" in an article of Monday 2018-05-14), month (2018-04) or year
	// (2017); empty when Time names none kg can tell.
	TimeISO string `json:"time_iso,omitempty"`
	// Args are the fact's other prepositional arguments, as written ("for
	// violating a settlement").
	Args []string `json:"args,omitempty"`
	// Values are the amounts, percentages and quantities the fact states of
	// its object, which are values on the fact and not nodes: "Keller will
	// own 60 percent of Norkel Systems" gives Keller - own - Norkel Systems
	// with the value "60 percent" (PERCENT).
	Values []Value `json:"values,omitempty"`

	Doc           string `json:"doc"`
	SentenceIndex int    `json:"sentence_index"`
	Sentence      string `json:"sentence"`
	// SentenceStart and SentenceEnd are the sentence's byte offsets in its
	// document: Sentence is text[SentenceStart:SentenceEnd].
	SentenceStart int `json:"sentence_start"`
	SentenceEnd   int `json:"sentence_end"`
	// SubjectAlias and ObjectAlias are the names as this sentence writes
	// them ("President Trump", "Commerce"), where Subject and Object give the
	// entity's full name; empty where the sentence names nothing (a pronoun
	// or description resolved to an entity named before, a clause).
	SubjectAlias string `json:"subject_alias,omitempty"`
	ObjectAlias  string `json:"object_alias,omitempty"`
}

// Value is an amount, a percentage, a date or a quantity as written, with
// its type (MONEY, PERCENT, DATE, QUANTITY).
type Value struct {
	Text string `json:"text"`
	Type string `json:"type"`
}

// RelationID returns the IRI of the fact's relation.
func (f *Fact) RelationID() string { return RelationID(f.Relation) }

// EvidenceID returns the IRI of the evidence node for this fact in this
// sentence. It depends on the document, the sentence and the fact's terms, so
// the same sentence read twice gives the same node.
func (f *Fact) EvidenceID() string {
	h := sha256.New()
	for _, s := range []string{f.Doc, strconv.Itoa(f.SentenceIndex), f.SubjectID, f.RelationID(),
		f.ObjectID, strconv.FormatBool(f.Negated)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return Prefix + "ev/" + hex.EncodeToString(h.Sum(nil)[:12])
}

// EntityID returns the IRI of the entity with the canonical name.
func EntityID(name string) string { return Prefix + "entity/" + slug(name) }

// RelationID returns the IRI of the relation phrase.
func RelationID(relation string) string { return RelationPrefix + slug(relation) }

// DocumentID returns the IRI of the document with the given name.
func DocumentID(doc string) string { return Prefix + "doc/" + url.PathEscape(doc) }

// symbolWords spell out the symbols that change a name's meaning ("$5" is
// not "5"), so they survive in slugs.
var symbolWords = map[rune]string{'%': "pct", '$': "usd", '&': "and"}

// slug folds a name to lower-case letters and digits joined by underscores, so
// that it is safe inside an IRI and equal for names that differ only in case,
// spacing or punctuation.
func slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	sep := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = false
			b.WriteRune(unicode.ToLower(r))
		case symbolWords[r] != "":
			if b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = true
			b.WriteString(symbolWords[r])
		default:
			sep = true
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}
