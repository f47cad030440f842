package resolve

import "strings"

func set(ws string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(ws) {
		m[w] = true
	}
	return m
}

// corporateSuffix are the legal forms that end a company's name.
var corporateSuffix = set(`inc corp co ltd llc plc ag gmbh ab sa nv bv spa lp llp pty corporation incorporated limited kk oyj asa`)

// orgHeads are the nouns that head the names of organisations: the kinds of
// body ("Commission", "Ministry") and the words business names end in
// ("Securities", "Partners").
var orgHeads = set(`department ministry commission agency administration authority bureau office service council
committee board court jury congress senate parliament assembly party alliance union front movement coalition league
federation association institute foundation university college school bank savings securities capital partners group
holdings exchange fund trust research consult consulting organization organisation company companies corporation
industries systems networks technologies communications media airlines lines motors energy resources foods petroleum
oil metals mining shipping logistics pharmaceuticals robotics aerospace automotive diagnostics electronics labs
laboratories software telecom insurance investments advisors advisers associates brothers management army navy police
times post journal news press democrats republicans government reserve`)

// pronouns stand for a name; one that coreference left as it is names no
// node.
var pronouns = set(`he him his she her hers it its they them their we us our i me my you your`)

// orgDescriptions are nouns that describe a business by what it does:
// "a Cyprus-based tanker operator", "a smelter", "another major telecom
// player".
var orgDescriptions = set(`operator maker manufacturer producer supplier carrier firm player retailer distributor
smelter brokerage chain lender insurer refiner miner exporter importer developer provider startup conglomerate
processor giant rival venture subsidiary unit`)

// roleHeads are the nouns of a person's title or position: what makes
// "Treasury Secretary", "chief executive of Norvik Robotics" or "SEC
// spokeswoman" a role rather than a thing.
var roleHeads = set(`president chairman chairwoman chair director secretary minister spokesman spokeswoman spokesperson
executive officer head founder cofounder co-founder analyst economist leader member judge governor mayor ambassador
chancellor partner manager editor adviser advisor counsel treasurer commissioner lawyer attorney strategist professor
researcher owner ceo cfo coo premier senator representative deputy`)

// roleOpeners open a title of several words and are part of it, not of
// the body before it: "Apple Chief Executive", "Meridian General Counsel".
var roleOpeners = set(`chief managing general assistant associate principal executive`)

// honorifics are the words that go before a person's name and name nobody
// alone ("Mr." of "Mr. and Mrs. Daniel Ortega").
var honorifics = set(`mr mrs ms miss messrs mme mlle dr sir dame madam prof rev sen rep gov gen col capt lt sgt`)

// peopleNouns are nouns for people by what they do or are: without a name
// they stand for nobody in particular ("analysts", "two diplomats").
var peopleNouns = set(`person people persons man men woman women official officials analyst analysts trader traders
reporter reporters investor investors customer customers client clients diplomat diplomats employee employees worker
workers manager managers engineer engineers voter voters observer observers prosecutor prosecutors patient patients
resident residents member members executive executives spokesman spokeswoman spokesperson source sources expert
experts economist economists lawmaker lawmakers negotiator negotiators leader leaders critic critics supporter
supporters buyer buyers seller sellers owner owners shareholder shareholders dealer dealers broker brokers refiner
refiners producer producers consumer consumers farmer farmers candidate candidates citizen citizens authorities
regulators regulator someone anyone everyone nobody`)

// genericNouns say nothing by themselves: a node for them would join
// everything a text says of "the way", "a person", "the matter". Idioms leave
// their nouns here too ("in kind", "in sight", "in contact").
var genericNouns = set(`way ways thing things fact facts matter matters issue issues kind sight contact condition
conditions anonymity part parts lot lots number numbers amount amounts case cases time times place places point points
result results rest half deal deals move moves step steps effort efforts comment comments request requests statement
statements decision decisions report reports plan plans option options finding findings question questions situation
view views sense order terms term side sides end start use interest interests role roles need needs level levels
change changes area areas focus support concern concerns talks discussion discussions meeting meetings impact effect
effects approval idea ideas reason reasons basis chance chances attempt attempts process value values stake stakes
year years month months week weeks day days today tomorrow yesterday`)

// unitNouns measure; a common noun phrase whose head is one ("cars lined
// up for miles", "two tons") names no thing. Only common nouns: "Miles"
// and "Foot" are also names.
var unitNouns = set(`hour hours minute minutes mile miles foot feet yard yards inch inches meter meters metre metres
kilometer kilometers kilometre kilometres pound pounds ton tons tonne tonnes acre acres percent
dollar dollars cent cents euro euros`)

// numberWords start a quantity ("two people", "half of the output").
var numberWords = set(`one two three four five six seven eight nine ten eleven twelve thirteen fifteen twenty thirty
forty fifty hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens half quarter third
fifth several many few some most all both each`)

// determiners open a description that stands for something named
// elsewhere, or for nothing in particular.
var determiners = set(`the a an this that these those its their his her our my your such another other any every
no each either neither`)

// notAForm are the words that make "X word" something other than X: "Trump
// administration" is not Trump, "Lindqvist family" not Lindqvist.
var notAForm = set(`administration government campaign family team supporters office house tweet comment deal
family's`)

// demonym reports a word for a nationality ("Chinese", "Swedish").
func demonym(w string) bool {
	if !capitalised(w) {
		return false
	}
	for _, s := range []string{"ese", "ish", "ian", "ean", "can", "ic", "i"} {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return true
		}
	}
	return false
}
