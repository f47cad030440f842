package extract

import "strings"

// irregularVerbs lists English verbs whose past forms do not follow the -ed
// rule, as "base past participle" with alternatives joined by '/'.
const irregularVerbs = `arise arose arisen; awake awoke awoken; be was/were been; bear bore borne/born; beat beat beaten;
become became become; begin began begun; bend bent bent; bet bet bet; bid bid bid; bind bound bound; bite bit bitten;
bleed bled bled; blow blew blown; break broke broken; breed bred bred; bring brought brought; broadcast broadcast broadcast;
build built built; burn burnt burnt; burst burst burst; buy bought bought; cast cast cast; catch caught caught;
choose chose chosen; cling clung clung; come came come; cost cost cost; creep crept crept; cut cut cut; deal dealt dealt;
dig dug dug; do did done; draw drew drawn; dream dreamt dreamt; drink drank drunk; drive drove driven; eat ate eaten;
fall fell fallen; feed fed fed; feel felt felt; fight fought fought; find found found; flee fled fled; fling flung flung;
fly flew flown; forbid forbade forbidden; forecast forecast forecast; foresee foresaw foreseen; forget forgot forgotten;
forgive forgave forgiven; freeze froze frozen; get got got/gotten; give gave given; go went gone; grind ground ground;
grow grew grown; hang hung hung; have had had; hear heard heard; hide hid hidden; hit hit hit; hold held held;
hurt hurt hurt; keep kept kept; kneel knelt knelt; know knew known; lay laid laid; lead led led; lean leant leant;
leap leapt leapt; learn learnt learnt; leave left left; lend lent lent; let let let; lie lay lain; light lit lit;
lose lost lost; make made made; mean meant meant; meet met met; mislead misled misled; mistake mistook mistaken;
overcome overcame overcome; overtake overtook overtaken; overthrow overthrew overthrown; pay paid paid; prove proved proven;
put put put; quit quit quit; read read read; rebuild rebuilt rebuilt; rid rid rid; ride rode ridden; ring rang rung;
rise rose risen; run ran run; say said said; see saw seen; seek sought sought; sell sold sold; send sent sent;
set set set; sew sewed sewn; shake shook shaken; shed shed shed; shine shone shone; shoot shot shot; show showed shown;
shrink shrank shrunk; shut shut shut; sing sang sung; sink sank sunk; sit sat sat; sleep slept slept; slide slid slid;
sling slung slung; slit slit slit; speak spoke spoken; speed sped sped; spend spent spent; spin spun spun; spit spat spat;
split split split; spread spread spread; spring sprang sprung; stand stood stood; steal stole stolen; stick stuck stuck;
sting stung stung; stink stank stunk; strike struck struck/stricken; strive strove striven; swear swore sworn;
sweep swept swept; swim swam swum; swing swung swung; take took taken; teach taught taught; tear tore torn;
tell told told; think thought thought; throw threw thrown; thrust thrust thrust; tread trod trodden; undergo underwent undergone;
understand understood understood; undertake undertook undertaken; undo undid undone; upset upset upset; uphold upheld upheld;
wake woke woken; wear wore worn; weave wove woven; weep wept wept; wet wet wet; win won won; wind wound wound;
withdraw withdrew withdrawn; withhold withheld withheld; withstand withstood withstood; write wrote written;
outgrow outgrew outgrown; oversee oversaw overseen; override overrode overridden; overrun overran overrun;
redo redid redone; remake remade remade; resell resold resold; retell retold retold; rewrite rewrote rewritten;
offset offset offset; outbid outbid outbid; upset upset upset; input input input; forego forewent foregone`

// lemmatizer maps inflected verbs to their base form: irregular verbs from a
// table, regular ones by suffix rules whose candidates are checked against a
// lexicon of known base forms.
type lemmatizer struct {
	irregular map[string]string
	// known reports whether a lower-case word is a base-form verb the tagger
	// has seen; it breaks ties between candidates such as "us" and "use".
	known func(string) bool
}

func newLemmatizer(known func(string) bool) *lemmatizer {
	l := &lemmatizer{irregular: make(map[string]string, 600), known: known}
	for _, entry := range strings.Split(irregularVerbs, ";") {
		forms := strings.Fields(entry)
		if len(forms) != 3 {
			continue
		}
		base := forms[0]
		for _, f := range forms[1:] {
			for _, alt := range strings.Split(f, "/") {
				if _, taken := l.irregular[alt]; !taken && alt != base {
					l.irregular[alt] = base
				}
			}
		}
		// Third person forms of irregular verbs are regular but for these.
		l.irregular[base] = base
	}
	for form, base := range map[string]string{"is": "be", "am": "be", "are": "be", "'s": "be", "'re": "be", "'m": "be",
		"being": "be", "has": "have", "'ve": "have", "having": "have", "does": "do", "goes": "go", "ca": "can",
		"wo": "will", "'ll": "will", "'d": "would",
		"dying": "die", "lying": "lie", "tying": "tie", "vying": "vie"} {
		l.irregular[form] = base
	}
	return l
}

// verb returns the base form of a verb in any inflection. tag is the verb's
// Penn Treebank tag (VB, VBD, VBG, VBN, VBP, VBZ, MD), which says which
// suffix to strip.
func (l *lemmatizer) verb(word, tag string) string {
	w := strings.ToLower(word)
	if base, ok := l.irregular[w]; ok {
		return base
	}
	if (tag == "VBP" || tag == "VB") && strings.HasSuffix(w, "ed") && !l.known(w) {
		tag = "VBD" // a past form the tagger took for a present one
	}
	switch tag {
	case "VBD", "VBN":
		if strings.HasSuffix(w, "ied") {
			if len(w) == 4 { // "died", "tied", "lied"
				return w[:3]
			}
			return w[:len(w)-3] + "y"
		}
		if strings.HasSuffix(w, "ed") && len(w) > 3 {
			return l.restore(w[:len(w)-2])
		}
	case "VBG":
		if strings.HasSuffix(w, "ying") && len(w) > 5 {
			return w[:len(w)-4] + "y"
		}
		if strings.HasSuffix(w, "ing") && len(w) > 4 {
			return l.restore(w[:len(w)-3])
		}
	case "VBZ":
		switch {
		case strings.HasSuffix(w, "ies") && len(w) > 4:
			return w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "es") && len(w) > 3 && hasSibilantEnd(w[:len(w)-2]):
			if l.known(w[:len(w)-1]) { // "uses", "causes": the base ends in e
				return w[:len(w)-1]
			}
			return w[:len(w)-2]
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2:
			return w[:len(w)-1]
		}
	}
	return w
}

// restore rebuilds a base form from a stem whose -ed or -ing was stripped:
// "penaliz" -> "penalize", "barr" -> "bar", "halt" -> "halt".
func (l *lemmatizer) restore(stem string) string {
	n := len(stem)
	// a doubled l, s or z is often the base's own ("call", "pass", "buzz"),
	// so it is undone only for a base the lexicon knows ("controlled" is
	// "control", "patrolled" "patrol")
	var undoubled string
	ownDouble := false
	if n >= 3 && stem[n-1] == stem[n-2] && isConsonant(stem[n-1]) {
		undoubled = stem[:n-1]
		ownDouble = strings.ContainsRune("lsz", rune(stem[n-1]))
	}
	withE := stem + "e"
	for _, c := range []string{stem, withE, undoubled} {
		if c != "" && l.known(c) {
			return c
		}
	}
	if undoubled != "" && !ownDouble {
		return undoubled
	}
	if needsE(stem) {
		return withE
	}
	return stem
}

// needsE guesses, for a stem the lexicon does not know, whether its base form
// ends in a silent e: "-iz", "-v", "-at" after a consonant, "-g" after a
// consonant, "-u", "-c", and a short consonant-vowel-consonant stem ("us").
func needsE(stem string) bool {
	n := len(stem)
	if n < 2 {
		return false
	}
	last, prev := stem[n-1], stem[n-2]
	switch {
	case last == 'v' || last == 'u' || last == 'c':
		// "practic", "notic", "servic": a verb in -ic keeps its c hard
		// with a k ("panicking"), so a stem in c lost an e
		return true
	case strings.HasSuffix(stem, "iz") || strings.HasSuffix(stem, "ys") || strings.HasSuffix(stem, "yz"):
		return true
	case last == 'g' && isConsonant(prev) && prev != 'n':
		return true
	case strings.HasSuffix(stem, "at") && n >= 3 && isConsonant(stem[n-3]):
		return true
	case last == 'l' && strings.ContainsRune("bcdfgkpstz", rune(prev)):
		return true // "subtitl", "handl", "settl", "struggl" ("crawl", "hurl" have a vowel or r)
	case last == 's' && prev != 's':
		return true // "collaps", "respons", "propos", "prais"
	case last == 'r' && strings.ContainsRune("aiu", rune(prev)) && n >= 3 && isConsonant(stem[n-3]):
		return true // "shar", "requir", "ensur" ("clear", "repair", "pour" have two vowels)
	case stem == "cit" || hasAnySuffix(stem, "xcit", "ecit", "nvit", "gnit", "unit", "quot", "elet", "plet",
		"rrang", "chang", "lleng", "veng", "ung"): // "arrang", "chang", "challeng", "aveng", "plung"
		return true // "invit", "excit", "quot", "delet", "complet" ("visit", "solicit", "budget" keep no e)
	case n >= 3 && isConsonant(stem[n-3]) && strings.ContainsRune("aiou", rune(prev)) &&
		strings.ContainsRune("dtkpbmnlzg", rune(last)) && !unstressedEnd(stem):
		return true // "downgrad", "vot", "rul": the e was dropped before -ed
	}
	return false
}

// unstressedEnd reports endings of stems that take -ed without a silent e
// ("visit", "summon", "signal", "gallop").
func unstressedEnd(stem string) bool {
	for _, end := range []string{"it", "on", "om", "al", "ol", "op", "id", "ub", "um"} {
		if strings.HasSuffix(stem, end) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, ends ...string) bool {
	for _, e := range ends {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

func hasSibilantEnd(s string) bool {
	return strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "z") ||
		strings.HasSuffix(s, "ch") || strings.HasSuffix(s, "sh") || strings.HasSuffix(s, "o")
}

func isConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !strings.ContainsRune("aeiou", rune(c))
}
