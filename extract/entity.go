package extract

import (
	"strings"
	"unicode"

	"github.com/kgraph/kg/schema"
)

// pronouns that stand for an entity named elsewhere; a fact whose argument is
// one of these has no graph node until coreference resolves it.
var pronouns = map[string]bool{
	"i": true, "me": true, "you": true, "he": true, "him": true, "she": true, "her": true, "it": true,
	"we": true, "us": true, "they": true, "them": true, "this": true, "that": true, "these": true,
	"those": true, "who": true, "whom": true, "which": true, "what": true, "there": true,
	"himself": true, "herself": true, "itself": true, "themselves": true, "one": true,
	// words of quantity standing alone: "Neither was seated on the jury"
	"neither": true, "either": true, "none": true, "both": true, "each": true, "all": true, "some": true,
	"any": true, "many": true, "few": true, "several": true, "others": true, "another": true, "most": true,
	"anyone": true, "someone": true, "everyone": true, "nobody": true, "somebody": true, "everybody": true,
	"anybody": true, "nothing": true, "something": true, "everything": true, "anything": true,
	// and of order: "First is access to a good education", "the latter"
	"first": true, "second": true, "third": true, "last": true, "former": true, "latter": true,
}

// titles that precede a person's name and are not part of it.
var titles = map[string]bool{
	"president": true, "vice": true, "secretary": true, "minister": true, "premier": true, "chancellor": true,
	"sen.": true, "senator": true, "rep.": true, "representative": true, "gov.": true, "governor": true,
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "gen.": true, "general": true,
	"judge": true, "justice": true, "chairman": true, "chairwoman": true, "chair": true, "ceo": true, "mayor": true,
	"ambassador": true, "spokesman": true, "spokeswoman": true, "king": true, "queen": true, "prince": true,
	"prime": true, "deputy": true, "chief": true, "former": true, "acting": true, "executive": true,
	"sir": true, "lord": true, "pope": true, "commissioner": true, "director": true, "attorney": true, "officer": true,
}

// orgHeads are head nouns that make a capitalised name an organisation.
var orgHeads = map[string]bool{
	"department": true, "government": true, "ministry": true, "commission": true, "agency": true, "administration": true,
	"company": true, "corporation": true, "corp.": true, "corp": true, "inc.": true, "inc": true, "ltd.": true,
	"ltd": true, "co.": true, "group": true, "bank": true, "university": true, "council": true, "committee": true,
	"office": true, "bureau": true, "service": true, "board": true, "court": true, "congress": true, "senate": true,
	"house": true, "parliament": true, "party": true, "army": true, "navy": true, "police": true, "fund": true,
	"association": true, "institute": true, "foundation": true, "authority": true, "union": true, "reserve": true,
	"post": true, "times": true, "journal": true, "news": true, "federation": true, "organization": true,
	"organisation": true, "holdings": true, "technologies": true, "systems": true, "airlines": true,
	"telecom": true, "networks": true, "lines": true, "motors": true, "energy": true, "industries": true,
	"electronics": true, "labs": true, "partners": true, "capital": true, "media": true, "communications": true,
	"software": true, "logistics": true, "shipping": true, "pharmaceuticals": true,
}

// places are the countries, regions and cities common in news text: the
// gazetteer's (placeList), and a few ways of writing them.
var places = func() map[string]bool {
	m := placeSet(placeList)
	for _, p := range []string{"afghanistan", "africa", "america", "argentina", "asia", "australia", "austria", "beijing", "belgium", "berlin", "brazil", "britain", "brussels", "california", "canada", "chicago", "china", "cuba", "egypt", "england", "europe", "france", "germany", "greece", "hong kong", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan", "london", "los angeles", "mexico", "moscow", "new york", "north korea", "pakistan", "paris", "poland", "russia", "saudi arabia", "scotland", "shanghai", "shenzhen", "singapore", "south africa", "south korea", "spain", "sweden", "switzerland", "syria", "taiwan", "texas", "tokyo", "turkey", "ukraine", "united kingdom", "united states", "u.s.", "u.k.", "vietnam", "washington", "venezuela", "netherlands", "norway", "denmark", "finland", "korea", "philippines", "nigeria", "kenya", "the united states", "the united kingdom", "the netherlands", "european union"} {
		m[p] = true
	}
	return m
}()

// timeWords head noun phrases that say when, not who or what.
var timeWords = map[string]bool{
	"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true, "day": true,
	"days": true, "morning": true, "afternoon": true, "evening": true, "night": true, "weekend": true,
	"decade": true, "decades": true, "century": true, "quarter": true, "hour": true, "hours": true,
	"minute": true, "minutes": true, "spring": true, "summer": true, "autumn": true, "winter": true,
}

// givenNames are common first names: a name of two or three proper nouns
// that starts with one is a person's ("Maria Chen"), where nothing else says.
var givenNames = wordSet(`aaron adam adrian ahmed aisha alan albert alex alexander alice alicia amanda amy ana andre andrea
andrew angela anna anne anthony antonio arthur barbara ben benjamin bernard beth betty bill bob brian bruce carl carlos
carmen carol caroline catherine charles charlotte chris christian christina christopher claire claudia daniel david
deborah dennis diana diego donald donna dorothy edward elena elizabeth ellen emily emma eric esther eva frank fatima
francesca francis gabriel george gerald gloria grace gregory hans hannah harold harry helen henry hugo ian isabel jack
jacob james jane janet jason jean jeffrey jennifer jessica joan joe john jonathan jorge jose joseph joshua juan julia
julie justin karen katherine keith kenneth kevin kim larry laura lauren lee leo li linda lisa liu lucas lucia luis
mandy marco margaret maria marie mark martha martin mary matthew michael michelle mohammed nancy natalie nicholas
nicole olga omar oscar pablo pamela patricia patrick paul peter philip rachel ralph raymond rebecca richard robert
roberto roger ronald rosa ruth ryan samuel sandra sara sarah scott sean sharon sophie stephen steven susan thomas
timothy tomas victor victoria vincent walter wei william yuki zhang`)

func wordSet(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true, "jan.": true,
	"feb.": true, "aug.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"today": true, "yesterday": true, "tomorrow": true,
}

// argument is one side of a fact: a span of tokens of a sentence.
type argument struct {
	toks  []Token // the whole span, as written
	start int     // index of toks[0] in the sentence
}

// canonical returns the name an argument is stored under: determiners and
// possessive pronouns dropped ("the Commerce Department" -> "Commerce
// Department"), a trailing possessive dropped ("ZTE's" -> "ZTE"), a leading
// title dropped from a name ("President Donald Trump" -> "Donald Trump"), and
// a descriptor dropped before a proper name ("Chinese phone manufacturer ZTE"
// -> "ZTE").
func canonical(toks []Token) []Token {
	for len(toks) > 1 && (toks[0].Tag == "DT" || toks[0].Tag == "PRP$" || toks[0].Tag == "PDT") {
		toks = toks[1:]
	}
	for len(toks) > 1 && (toks[len(toks)-1].Tag == "POS" || toks[len(toks)-1].Text == "'") {
		toks = toks[:len(toks)-1]
	}
	// A place and the larger place that locates it ("Madison, Wisconsin")
	// name the first; the nominal rule says where it is.
	for k := 1; k < len(toks)-1; k++ {
		if toks[k].Text == "," && allProper(toks[:k]) && allProper(toks[k+1:]) {
			return canonical(toks[:k])
		}
	}
	// A country's possessive before a name is whose it is, not part of
	// the name: "China's Commerce Ministry" is the Commerce Ministry (the
	// nationality rule says whose).
	for k := 1; k < len(toks)-1 && k <= 3; k++ {
		if toks[k].Tag == "POS" && allProper(toks[k+1:]) && allProper(toks[:k]) {
			if _, ok := placeName(joinTokens(toks[:k])); ok {
				return canonical(toks[k+1:])
			}
		}
	}
	for k := 1; k < len(toks)-1; k++ {
		if andName(toks, 0, k) == len(toks) {
			return toks // "Securities and Exchange Commission": no description before a name
		}
	}
	// A proper name after a description: the description goes ("Chinese
	// phone manufacturer ZTE", "former President Trump").
	first := len(toks)
	for first > 0 && (isProper(toks[first-1]) || first < len(toks) && capitalised(toks[first-1].Text) ||
		toks[first-1].Text == "&" && first >= 2 && isProper(toks[first-2])) { // "Baird & Co"
		first--
	}
	if first > 0 && first < len(toks) && toks[first-1].Tag != "POS" && !hasOf(toks) {
		toks = toks[first:]
	}
	// An adjective before a title: "Chinese President Xi Jinping".
	if len(toks) > 2 && toks[0].Tag == "JJ" && capitalised(toks[0].Text) && titles[strings.ToLower(toks[1].Text)] && isProper(toks[2]) {
		toks = toks[1:]
	}
	// Titles before a name of at least one more proper noun.
	for len(toks) > 1 && titles[strings.ToLower(toks[0].Text)] && isProper(toks[1]) && allProper(toks[1:]) &&
		!orgHeads[strings.ToLower(toks[len(toks)-1].Text)] {
		toks = toks[1:]
	}
	// A title after the body it serves: "Commerce Secretary Wilbur Ross",
	// "Treasury Secretary Ann Cole".
	if allProper(toks) && !orgHeads[strings.ToLower(toks[len(toks)-1].Text)] {
		for k := 1; k+1 < len(toks); k++ {
			if titles[strings.ToLower(toks[k].Text)] && !titles[strings.ToLower(toks[k+1].Text)] {
				toks = toks[k+1:]
				break
			}
		}
	}
	// One name for a place however it is written: "U.S." -> "United States".
	if allProper(toks) {
		if name, ok := placeNames[strings.ToLower(joinTokens(toks))]; ok {
			return placeTokens(name)
		}
	}
	return toks
}

func hasOf(toks []Token) bool {
	for _, t := range toks {
		if t.Tag == "IN" {
			return true
		}
	}
	return false
}

func capitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func isProper(t Token) bool { return t.Tag == "NNP" || t.Tag == "NNPS" }

func isCommonNoun(t Token) bool { return t.Tag == "NN" || t.Tag == "NNS" }

func allProper(toks []Token) bool {
	for _, t := range toks {
		if !isProper(t) {
			return false
		}
	}
	return true
}

// joinTokens writes tokens as text, with no space before punctuation that
// attaches to the word before it ("ZTE 's" -> "ZTE's", "$ 5" -> "$5").
func joinTokens(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && !attachesLeft(t.Text) && !attachesRight(toks[i-1].Text) && !cannot(toks[i-1], t) {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func attachesLeft(s string) bool {
	switch s {
	case ",", ".", ";", ":", "?", "!", ")", "]", "'s", "'", "n't", "'re", "'ll", "'m", "'ve", "'d", "%":
		return true
	}
	return false
}

// cannot reports the two tokens that splitCannot made of "cannot".
func cannot(can, not Token) bool {
	return can.End == not.Start && strings.EqualFold(can.Text, "can") && strings.EqualFold(not.Text, "not")
}

func attachesRight(s string) bool { return s == "$" || s == "(" || s == "[" || s == "#" }

// entityType guesses the type of a canonical name from its tokens: values by
// their form (money, percentages, dates), organisations by their head noun,
// places from a list, people by a title or a run of proper nouns.
func entityType(name []Token, full []Token) string {
	if len(name) == 0 {
		return ""
	}
	lower := strings.ToLower(joinTokens(name))
	// The head noun is the last word before a post-modifier: "assets" in
	// "assets of Gulf Systems".
	h := len(name) - 1
	for i, t := range name {
		if t.Tag == "IN" && i > 0 {
			h = i - 1
			name = name[:i]
			break
		}
	}
	head := strings.ToLower(name[h].Text)
	hasDigit, hasProper := false, false
	for _, t := range name {
		if t.Tag == "CD" {
			hasDigit = true
		}
		if isProper(t) {
			hasProper = true
		}
		switch strings.ToLower(t.Text) {
		case "$", "dollars", "dollar", "euros", "yuan", "pounds", "yen":
			if hasDigit || len(name) > 1 {
				return schema.Money
			}
		case "%", "percent", "per cent":
			return schema.Percent
		}
	}
	if months[head] || months[strings.ToLower(name[0].Text)] || isYear(name) {
		return schema.Date
	}
	if places[lower] {
		return schema.GPE
	}
	if !hasProper {
		return ""
	}
	if orgHeads[head] {
		return schema.Org
	}
	if len(full) > len(name) && titles[strings.ToLower(full[len(full)-len(name)-1].Text)] {
		return schema.Person
	}
	if len(name) == 1 && isAcronym(name[0].Text) {
		return schema.Org
	}
	if (len(name) == 2 || len(name) == 3 || len(name) == 4 && isInitial(name[0].Text)) && allProper(name) &&
		(givenNames[strings.ToLower(name[0].Text)] || isInitial(name[0].Text) && givenNames[strings.ToLower(name[1].Text)]) {
		return schema.Person // "David Thompson", "G. David Thompson"
	}
	return ""
}

// isInitial reports whether w is an initial: a capital letter and a period
// ("J.", as joinInitials makes it).
func isInitial(w string) bool { return len(w) == 2 && 'A' <= w[0] && w[0] <= 'Z' && w[1] == '.' }

func isYear(toks []Token) bool {
	if len(toks) != 1 || len(toks[0].Text) != 4 {
		return false
	}
	for _, r := range toks[0].Text {
		if r < '0' || r > '9' {
			return false
		}
	}
	return toks[0].Text[0] == '1' || toks[0].Text[0] == '2'
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// isPronoun reports whether an argument is a bare pronoun.
func isPronoun(toks []Token) bool {
	if len(toks) == 0 {
		return false
	}
	return len(toks) == 1 && (toks[0].Tag == "PRP" || toks[0].Tag == "WP" || toks[0].Tag == "WDT" ||
		pronouns[strings.ToLower(toks[0].Text)])
}

// isTimePhrase reports whether a noun phrase says when ("this year", "last
// month", "Sunday", "2017").
func isTimePhrase(toks []Token) bool {
	if len(toks) == 0 {
		return false
	}
	head := strings.ToLower(toks[len(toks)-1].Text)
	return timeWords[head] || months[head] || isYear(toks[len(toks)-1:])
}

// bodyHeads are the head nouns of public and professional bodies whose names
// join two words with "and": "the Securities and Exchange Commission", "the
// Food and Drug Administration". Company suffixes are not among them: in
// "Texaco and Phillips Petroleum Co" two companies are named.
var bodyHeads = wordSet(`authority commission administration agency department ministry board bureau office
council committee institute association foundation federation organization organisation service`)

// andName returns the end of a name that "and" (or "&") at index and joins
// inside, when the phrase before it starts at start: one or two capitalised
// nouns, none of them a name of its own kind (a company, a place, a given
// name), then "and", then one to three capitalised nouns that end in the head
// of a body. It returns -1 for anything else, so that "Castlegate and Holloway
// Bank" and "Norkel Systems and Norvik" stay two names.
func andName(toks []Token, start, and int) int {
	if and >= len(toks)-1 || !(strings.EqualFold(toks[and].Text, "and") || toks[and].Text == "&") {
		return -1
	}
	for start < and && (toks[start].Tag == "DT" || toks[start].Tag == "PRP$") {
		start++
	}
	if n := and - start; n < 1 || n > 2 {
		return -1
	}
	left := toks[start:and]
	if givenNames[strings.ToLower(left[0].Text)] || places[strings.ToLower(joinTokens(left))] {
		return -1
	}
	for _, t := range left {
		if !isNoun(t.Tag) || !capitalised(t.Text) || orgHeads[strings.ToLower(t.Text)] || places[strings.ToLower(t.Text)] {
			return -1
		}
	}
	end := and + 1
	for end < len(toks) && end-and <= 3 && isNoun(toks[end].Tag) && capitalised(toks[end].Text) {
		end++
	}
	if end == and+1 || end < len(toks) && isNoun(toks[end].Tag) && capitalised(toks[end].Text) ||
		!bodyHeads[strings.ToLower(toks[end-1].Text)] {
		return -1
	}
	return end
}
