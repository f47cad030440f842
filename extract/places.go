package extract

import (
	"slices"
	"strings"
)

// placeNames give the one name a place is stored under, for the short and
// long forms news text writes it in: "U.S.", "the United States" and
// "America" are one node of the graph.
var placeNames = map[string]string{
	"u.s.": "United States", "u.s": "United States", "u. s.": "United States", "u. s": "United States",
	"us": "United States", "usa": "United States",
	"u.s.a.": "United States", "united states": "United States", "the united states": "United States",
	"america": "United States", "united states of america": "United States",
	"u.k.": "United Kingdom", "uk": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
	"united kingdom": "United Kingdom", "the united kingdom": "United Kingdom",
	"e.u.": "European Union", "eu": "European Union", "european union": "European Union",
	"the netherlands": "Netherlands", "dprk": "North Korea",
}

// demonyms are the adjectives of nationality and the place each names.
var demonyms = map[string]string{
	"afghan": "Afghanistan", "american": "United States", "argentine": "Argentina", "australian": "Australia",
	"austrian": "Austria", "belgian": "Belgium", "brazilian": "Brazil", "british": "United Kingdom",
	"canadian": "Canada", "chinese": "China", "cuban": "Cuba", "danish": "Denmark", "dutch": "Netherlands",
	"egyptian": "Egypt", "english": "England", "european": "European Union", "finnish": "Finland",
	"french": "France", "german": "Germany", "greek": "Greece", "indian": "India", "indonesian": "Indonesia",
	"iranian": "Iran", "iraqi": "Iraq", "irish": "Ireland", "israeli": "Israel", "italian": "Italy",
	"japanese": "Japan", "kenyan": "Kenya", "mexican": "Mexico", "nigerian": "Nigeria",
	"north korean": "North Korea", "norwegian": "Norway", "pakistani": "Pakistan", "philippine": "Philippines",
	"polish": "Poland", "russian": "Russia", "saudi": "Saudi Arabia", "scottish": "Scotland",
	"south african": "South Africa", "south korean": "South Korea", "spanish": "Spain", "swedish": "Sweden",
	"swiss": "Switzerland", "syrian": "Syria", "taiwanese": "Taiwan", "turkish": "Turkey",
	"ukrainian": "Ukraine", "venezuelan": "Venezuela", "vietnamese": "Vietnam",
}

// placeName returns the name a place is stored under, and whether the words
// name a known place at all.
func placeName(words string) (string, bool) {
	low := strings.ToLower(words)
	if n, ok := placeNames[low]; ok {
		return n, true
	}
	if places[low] {
		return words, true
	}
	return "", false
}

// nationalityAt reads a place named by the words that open toks, as a
// demonym ("Chinese", "North Korean") or a place's own name used as a
// modifier ("U.S.", "South Korea"): it returns the place and how many tokens
// name it, or 0.
func nationalityAt(toks []Token) (string, int) {
	for n := min(3, len(toks)); n >= 1; n-- {
		words := toks[:n]
		if !capitalised(words[0].Text) {
			continue
		}
		text := strings.ToLower(joinTokens(words))
		if p, ok := demonyms[text]; ok {
			return p, n
		}
		if !allProper(words) {
			continue
		}
		if p, ok := placeName(joinTokens(words)); ok {
			return p, n
		}
	}
	return "", 0
}

// placeTokens returns tokens that spell a place's stored name.
func placeTokens(name string) []Token {
	words := strings.Fields(name)
	toks := make([]Token, len(words))
	for i, w := range words {
		toks[i] = Token{Text: w, Tag: "NNP", margin: sureMargin}
	}
	return toks
}

// withoutDemonyms returns a noun phrase's name without its adjectives of
// nationality: "Chinese telecom giant" -> "telecom giant". A definite
// description keeps its meaning without them.
func withoutDemonyms(name string) string {
	words := strings.Fields(name)
	out := words[:0:0]
	for _, w := range words {
		if _, ok := demonyms[strings.ToLower(w)]; !ok {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// agentNouns head common noun phrases that stand for people or bodies that
// act, and so belong to a country when a nationality qualifies them: "U.S.
// officials", "the Chinese government".
var agentNouns = wordSet(`government governments official officials negotiator negotiators firm firms company
companies authority authorities regulator regulators lawmaker lawmakers diplomat diplomats leader leaders military
forces troops embassy embassies ministry ministries agency agencies president minister ministers prosecutors
prosecutor investigators investigator envoy envoys delegation delegations manufacturer manufacturers maker makers
carrier carriers bank banks group groups giant giants player players providers provider businesses executives
executive court courts navy army police intelligence spy spies hackers officers soldiers`)

// nationalities read a country named inside a noun phrase as a fact of its
// own: "U.S. officials" gives U.S. officials - of - United States, "Chinese
// phone manufacturer ZTE" gives ZTE - of - China and "Chinese President Xi
// Jinping" gives Xi Jinping - president of - China. Only phrases that name an
// entity, or are headed by a noun for people or bodies that act, qualify.
func nationalities(toks []Token, cs []chunk) []rawFact {
	var out []rawFact
	for _, c := range cs {
		if c.kind != nounPhrase {
			continue
		}
		// Each part of "the encroachment of Chinese firms in the United
		// States" on its own.
		for start := c.start; start < c.end; {
			end := start + 1
			for end < c.end && toks[end].Tag != "IN" {
				end++
			}
			// "the Organization of American States": a name that runs on
			// past "of" is one name, whose words are no nationality
			continues := start > c.start+1 && strings.EqualFold(toks[start-1].Text, "of") && isProper(toks[start-2]) && isProper(toks[end-1])
			if f, ok := nationality(toks, start, end); ok && !continues {
				out = append(out, f)
			}
			start = end + 1
		}
	}
	return out
}

// namedThings are the heads of names of plans, laws and times ("the American
// Jobs Plan", "the United States Reciprocal Trade Act", "the American Age"):
// the country in them is part of the name, not whose the thing is.
var namedThings = wordSet(`plan plans act acts bill bills law laws program programs programme initiative
agenda age era century dream epic adventure security history revolution constitution workers people
way war liberty freedom nation spirit story values heritage`)

// nationality reads the noun phrase toks[start:end].
func nationality(toks []Token, start, end int) (rawFact, bool) {
	if w := strings.ToLower(toks[start].Text); w == "a" || w == "an" {
		return rawFact{}, false // "a Canadian maker" describes; it names no one
	}
	for i := start; i < end-1; i++ {
		if !capitalised(toks[i].Text) {
			continue
		}
		place, n := nationalityAt(toks[i:end])
		if n == 0 || i+n >= end {
			continue
		}
		rest := toks[i+n : end]
		if _, demonym := demonyms[strings.ToLower(joinTokens(toks[i:i+n]))]; !demonym && allProper(rest) &&
			placeNames[strings.ToLower(joinTokens(toks[i:i+n]))] == "" {
			return rawFact{}, false // a place inside a name: "Washington Post"
		}
		head := strings.ToLower(rest[len(rest)-1].Text)
		named := hasProperNoun(rest) && isProper(rest[len(rest)-1])
		if !named && !agentNouns[head] || isTimePhrase(rest) || namedThings[head] {
			return rawFact{}, false
		}
		relation := "of"
		if named && len(rest) > 1 && titles[strings.ToLower(rest[0].Text)] && isProper(rest[1]) && allProper(rest[1:]) {
			relation = strings.ToLower(rest[0].Text) + " of" // "Chinese President Xi Jinping"
		} else if named && slices.ContainsFunc(rest, func(t Token) bool { return titles[strings.ToLower(t.Text)] }) {
			// "U.S. District Judge Ana Reyes": the country is the court's,
			// and a bare "of" would call it the judge's
			return rawFact{}, false
		}
		f := rawFact{
			subject:  mention{c: chunk{kind: nounPhrase, start: start, end: end}},
			object:   mention{c: chunk{kind: nounPhrase, start: i, end: i + n}},
			objName:  placeTokens(place),
			relation: relation,
			relFirst: i, // the words that state it: "Chinese"
			relLast:  i + n - 1,
			segments: 1,
			derived:  true,
		}
		return f, true
	}
	return rawFact{}, false
}
