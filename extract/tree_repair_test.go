package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kgraph/kg/parse"
)

// TestRepairs checks each repair of the parser's misreadings on hand-made
// analyses: a sentence as "word/TAG/head/rel" fields (1-based heads), and
// the heads and relations the repair should leave ("" where it should leave
// the analysis as it is).
func TestRepairs(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"a participle read as the subject",
			"Mills/NNP/3/nsubj ,/,/1/punct based/VBN/4/nsubj makes/VBZ/0/root",
			"4/nsubj 1/punct 1/acl 0/root"},
		{"a participle read as a clause of a passive verb",
			"Ridge/NNP/3/compound ,/,/1/punct based/VBN/6/advcl ,/,/3/punct was/VBD/6/aux:pass founded/VBN/0/root",
			"6/nsubj:pass 1/punct 1/acl 3/punct 6/aux:pass 0/root"},
		{"a participle read as a preposition of the verb",
			"Partners/NNP/3/obl:unmarked ,/,/1/punct based/VBN/6/case in/IN/5/case Nashville/NNP/3/obl runs/VBZ/0/root",
			"6/nsubj 1/punct 1/acl 5/case 3/obl 0/root"},
		{"a participle read as the root, the verb its conjunct",
			"Arden/NNP/3/nsubj ,/,/1/punct based/VBN/0/root ,/,/5/punct sold/VBD/3/conj radar/NN/5/obj ././3/punct",
			"5/nsubj 1/punct 1/acl 5/punct 0/root 5/obj 5/punct"},
		{"a possessor attached to the verb",
			"Taiwan/NNP/5/nsubj 's/POS/1/case Defence/NNP/4/compound Ministry/NNP/5/nsubj thanked/VBD/0/root",
			"4/nmod:poss 1/case 4/compound 5/nsubj 0/root"},
		{"two clauses read as a coordinated noun and a clause without a subject",
			"Xi/NNP/3/nsubj was/VBD/3/cop irate/JJ/0/root ,/,/7/punct and/CC/7/cc his/PRP$/7/nmod:poss adviser/NN/3/conj ,/,/7/punct has/VBZ/10/aux told/VBN/3/advcl us/PRP/10/obj",
			"3/nsubj 3/cop 0/root 7/punct 10/cc 7/nmod:poss 10/nsubj 7/punct 10/aux 3/conj 10/obj"},
		{"a clause with a subject of its own",
			"Xi/NNP/3/nsubj was/VBD/3/cop irate/JJ/0/root and/CC/5/cc aides/NNS/3/conj ,/,/8/punct he/PRP/8/nsubj said/VBD/3/parataxis", ""},
		{"two clauses read as a noun conjunct of the first's phrase and a clause without a subject",
			"Xi/NNP/3/nsubj was/VBD/3/cop irate/JJ/0/root about/IN/6/case the/DT/6/det sanctions/NNS/3/obl ,/,/10/punct and/CC/10/cc his/PRP$/10/nmod:poss adviser/NN/6/conj ,/,/3/punct has/VBZ/13/aux told/VBN/3/advcl us/PRP/13/obj",
			"3/nsubj 3/cop 0/root 6/case 6/det 3/obl 10/punct 13/cc 10/nmod:poss 13/nsubj 3/punct 13/aux 3/conj 13/obj"},
		{"a noun conjunct of a phrase before a parataxis is left as it is",
			"She/PRP/2/nsubj received/VBD/0/root degrees/NNS/2/obj from/IN/5/case Madras/NNP/3/nmod and/CC/7/cc Ph.d/NNP/5/conj degree/VBP/2/parataxis from/IN/10/case Delhi/NNP/8/obl", ""},
		{"a verb with an auxiliary read as an adjective of its object",
			"Lin/NNP/3/nsubj was/VBD/3/cop angry/JJ/0/root ,/,/3/punct and/CC/6/cc Tao/NNP/3/conj has/VBZ/8/aux told/VBN/9/amod reporters/NNS/3/obj that/IN/12/mark he/PRP/12/nsubj quit/VBD/9/acl",
			"3/nsubj 3/cop 0/root 3/punct 8/cc 8/nsubj 8/aux 3/conj 8/obj 12/mark 12/nsubj 8/ccomp"},
		{"an adjective before a name read as the verb's complement",
			"Lee/NNP/2/nsubj helped/VBD/0/root Korean/JJ/2/xcomp phone/NN/5/compound maker/NN/6/compound Voltra/NNP/2/obj",
			"2/nsubj 0/root 6/amod 5/compound 6/compound 2/obj"},
		{"an adjective that completes a verb is left as it is",
			"Lee/NNP/2/nsubj seemed/VBD/0/root happy/JJ/2/xcomp", ""},
		{"the infinitive of a verb of intent read as a clause of purpose",
			"Lee/NNP/2/nsubj vowed/VBD/0/root on/IN/4/case Monday/NNP/2/obl to/TO/6/mark help/VB/2/advcl Acme/NNP/6/obj",
			"2/nsubj 0/root 4/case 2/obl 6/mark 2/xcomp 6/obj"},
		{"the infinitive of a passive verb of telling read as a clause of purpose",
			"Lee/NNP/4/nsubj:pass has/VBZ/4/aux been/VBN/4/aux:pass instructed/VBN/0/root to/TO/6/mark sell/VB/4/advcl it/PRP/6/obj",
			"4/nsubj:pass 4/aux 4/aux:pass 0/root 6/mark 4/xcomp 6/obj"},
		{"an infinitive of purpose is left as it is",
			"Lee/NNP/2/nsubj left/VBD/0/root early/RB/2/advmod to/TO/5/mark help/VB/2/advcl", ""},
		{"a span of time after a comma read as a conjunct",
			"Lee/NNP/2/nsubj helped/VBD/0/root Acme/NNP/2/obj ,/,/5/punct days/NNS/3/conj after/IN/8/mark it/PRP/8/nsubj failed/VBD/2/advcl",
			"2/nsubj 0/root 2/obj 5/punct 2/obl:tmod 8/mark 8/nsubj 2/advcl"},
		{"a list of spans of time is left as it is",
			"Lee/NNP/2/nsubj spent/VBD/0/root hours/NNS/2/obj ,/,/5/punct days/NNS/3/conj and/CC/7/cc weeks/NNS/3/conj", ""},
		{"a \"to\" before a noun read as an infinitive's marker",
			"Acme/NNP/2/nsubj returned/VBD/0/root to/TO/4/mark business/NN/2/xcomp",
			"2/nsubj 0/root 4/case 2/obl"},
		{"a \"to\" before a verb is left as it is",
			"Acme/NNP/2/nsubj plans/VBZ/0/root to/TO/4/mark return/VB/2/xcomp", ""},
		{"a noun before a name read as the object of the name's verb",
			"Lee/NNP/2/nsubj helped/VBD/0/root maker/NN/5/obj Voltra/NNP/5/nsubj return/VB/2/xcomp",
			"2/nsubj 0/root 4/compound 5/nsubj 2/xcomp"},
		{"an object after its verb is left as it is",
			"Lee/NNP/2/nsubj sold/VBD/0/root cars/NNS/2/obj Monday/NNP/2/obl", ""},
		{"\"help X return\" read as \"help\" and a clause beside it",
			"Lee/NNP/2/nsubj vowed/VBD/0/root to/TO/4/mark help/VB/2/xcomp Acme/NNP/6/nsubj return/VB/2/xcomp",
			"2/nsubj 0/root 4/mark 2/xcomp 4/obj 4/xcomp"},
		{"a clause with a verb in the past after \"helped\" is left as it is",
			"Lee/NNP/2/nsubj helped/VBD/0/root ,/,/5/punct Acme/NNP/5/nsubj won/VBD/2/parataxis", ""},
		{"a relative clause on a person hung on a thing further back",
			"Lee/NNP/2/nsubj marked/VBD/0/root shift/NN/2/obj for/IN/6/case a/DT/6/det president/NN/3/nmod who/WP/8/nsubj accused/VBD/3/acl:relcl China/NNP/8/obj",
			"2/nsubj 0/root 2/obj 6/case 6/det 3/nmod 8/nsubj 6/acl:relcl 8/obj"},
		{"a relative clause on a person already",
			"Lee/NNP/2/nsubj met/VBD/0/root president/NN/2/obj of/IN/6/case the/DT/6/det firm/NN/3/nmod who/WP/8/nsubj resigned/VBD/3/acl:relcl", ""},
		{"a day read as the verb's object",
			"Lee/NNP/2/nsubj said/VBD/0/root Wednesday/NNP/2/obj that/IN/6/mark it/PRP/6/nsubj failed/VBD/2/ccomp",
			"2/nsubj 0/root 2/obl:tmod 6/mark 6/nsubj 2/ccomp"},
		{"a day with a word of its own is left as it is",
			"Lee/NNP/2/nsubj recalled/VBD/0/root that/DT/4/det Monday/NNP/2/obj", ""},
		{"a participle after a noun hung on the verb above the noun",
			"Lee/NNP/2/nsubj spent/VBD/0/root funds/NNS/2/obj on/IN/5/case equipment/NN/2/obl made/VBN/2/acl by/IN/8/case Acme/NNP/6/obl:agent",
			"2/nsubj 0/root 2/obj 5/case 2/obl 5/acl 8/case 6/obl:agent"},
		{"a participle that is a clause of the verb is left as it is",
			"Lee/NNP/2/nsubj left/VBD/0/root ,/,/4/punct annoyed/VBN/2/advcl", ""},
		{"a preposition read as the head of its phrase",
			"Lee/NNP/2/nsubj replied/VBD/0/root to/TO/2/obl an/DT/5/det email/NN/3/obj",
			"2/nsubj 0/root 5/case 5/det 2/obl"},
		{"a preposition with no noun after it is left as it is",
			"Lee/NNP/2/nsubj came/VBD/0/root in/IN/2/obl", ""},
		{"a participle without an auxiliary is an adjective",
			"Lin/NNP/2/nsubj sold/VBD/0/root used/VBN/4/amod cars/NNS/2/obj", ""},
		{"an adjective before a noun read as an adverb of the verb",
			"Chinese/JJ/5/advmod President/NNP/3/nmod:desc Xi/NNP/5/nsubj was/VBD/5/cop irate/JJ/0/root",
			"2/amod 3/nmod:desc 5/nsubj 5/cop 0/root"},
		{"a relative clause after a comma read as a clause of the verb",
			"Clearview/NNP/2/nsubj operates/VBZ/0/root mills/NNS/2/obj ,/,/6/punct which/WDT/6/nsubj employ/VBP/2/parataxis staff/NNS/6/obj",
			"2/nsubj 0/root 2/obj 6/punct 6/nsubj 3/acl:relcl 6/obj"},
		{"a relative clause on a name read as a conjunct",
			"Mills/NNP/2/nsubj hired/VBD/0/root Ana/NNP/2/obj Reyes/NNP/3/flat ,/,/7/punct who/WP/7/nsubj runs/VBZ/2/conj",
			"2/nsubj 0/root 2/obj 3/flat 7/punct 7/nsubj 3/acl:relcl"},
		{"two clauses read as a noun conjunct inside the first and a verb without a subject",
			"Keller/NNP/2/nsubj owns/VBZ/0/root shares/NNS/2/obj of/IN/5/case Norkel/NNP/3/nmod and/CC/7/cc Norvik/NNP/5/conj owns/VBZ/2/conj the/DT/10/det rest/NN/8/obj",
			"2/nsubj 0/root 2/obj 5/case 3/nmod 8/cc 8/nsubj 2/conj 10/det 8/obj"},
		{"a verb conjunct whose subject is the first clause's",
			"Keller/NNP/2/nsubj bought/VBD/0/root Norkel/NNP/2/obj and/CC/5/cc sold/VBD/2/conj Norvik/NNP/5/obj", ""},
		{"a name read as a compound of its apposition across the comma",
			"Vietnam/NNP/6/compound ,/,/6/punct the/DT/4/det world/NN/6/nmod:poss 's/POS/4/case producer/NN/7/nsubj ships/VBZ/0/root",
			"7/nsubj 6/punct 4/det 6/nmod:poss 4/case 1/appos 0/root"},
		{"a compound after a comma with no determiner",
			"U.S./NNP/4/compound ,/,/4/punct Western/JJ/4/amod Europe/NNP/5/nsubj grew/VBD/0/root", ""},
		{"a passive read as a copula and a past tense",
			"Mills/NNP/3/nsubj was/VBD/3/cop said/VBD/0/root to/TO/5/mark pay/VB/3/xcomp",
			"3/nsubj:pass 3/aux:pass 0/root 5/mark 3/xcomp"},
		{"a copula before an adjective in -ed with nothing after it",
			"Bonds/NNS/3/nsubj were/VBD/3/cop unchanged/JJ/0/root", ""},
		{"a copula before a participle with a determiner",
			"It/PRP/4/nsubj was/VBD/4/cop a/DT/4/det planned/VBN/0/root move/NN/4/obj", ""},
		{"a name after a comma read as the object of the verb its phrase hangs on",
			"Mills/NNP/2/nsubj runs/VBZ/0/root under/IN/5/case its/PRP$/5/nmod:poss chief/NN/2/obl ,/,/7/punct Reyes/NNP/2/obj",
			"2/nsubj 0/root 5/case 5/nmod:poss 2/obl 7/punct 5/appos"},
		{"an object after a comma that follows the verb's object",
			"Mills/NNP/2/nsubj paid/VBD/0/root the/DT/4/det fine/NN/2/obj ,/,/6/punct Reyes/NNP/2/obj", ""},
		{"a name with an ampersand read as a conjunct of the verb and its subject",
			"Baird/NNP/4/conj &/CC/4/cc Co/NNP/4/nsubj advised/VBD/0/root Alder/NNP/4/obj",
			"3/compound 3/cc 4/nsubj 0/root 4/obj"},
		{"a name with an ampersand whose second word was read as a conjunct",
			"Reyes/NNP/6/nsubj of/IN/3/case Smith/NNP/1/nmod &/CC/5/cc Wesson/NNP/1/conj said/VBD/0/root",
			"6/nsubj 3/case 1/nmod 3/cc 3/flat 0/root"},
		{"an ampersand before a number joins no name",
			"Cabins/NNPS/0/root &/CC/4/cc 50/CD/4/nummod Miles/NNP/1/conj", ""},
		{"a prepositional phrase read as the object",
			"Teams/NNS/3/nsubj not/RB/3/advmod return/VB/0/root to/TO/5/case Norway/NNP/3/obj",
			"3/nsubj 3/advmod 0/root 5/case 3/obl"},
		{"an infinitive without a subject read as a clausal complement",
			"Mills/NNP/3/nsubj:pass was/VBD/3/aux:pass said/VBN/0/root to/TO/6/mark have/VB/6/aux paid/VBN/3/ccomp fines/NNS/6/obj",
			"3/nsubj:pass 3/aux:pass 0/root 6/mark 6/aux 3/xcomp 6/obj"},
		{"an infinitive whose words start before its to",
			"He/PRP/2/nsubj left/VBD/0/root post/NN/5/obj to/TO/5/mark become/VB/2/ccomp", ""},
		{"titles after a name read as its conjuncts",
			"said/VBD/0/root Ana/NNP/1/nsubj ,/,/4/punct President/NNP/2/conj and/CC/6/cc Officer/NNP/2/conj",
			"0/root 1/nsubj 4/punct 2/appos 6/cc 4/conj"},
		{"names coordinated after a name",
			"hired/VBD/0/root Ana/NNP/1/obj ,/,/4/punct Tom/NNP/2/conj and/CC/6/cc Peter/NNP/2/conj", ""},
		{"an object and its apposition read as a participle's object and subject",
			"Grady/NNP/2/nsubj leads/VBZ/0/root Harbor/NNP/4/compound Party/NNP/8/obj ,/,/7/punct a/DT/7/det group/NN/8/nsubj founded/VBN/2/xcomp",
			"2/nsubj 0/root 4/compound 2/obj 7/punct 7/det 4/appos 7/acl"},
		{"a participle with its auxiliary",
			"Grady/NNP/2/nsubj said/VBD/0/root Party/NNP/7/obj ,/,/5/punct group/NN/7/nsubj had/VBD/7/aux founded/VBN/2/ccomp", ""},
		{"a pronoun is no apposition",
			"Grady/NNP/2/nsubj said/VBD/0/root Party/NNP/6/obj ,/,/5/punct it/PRP/6/nsubj founded/VBN/2/ccomp", ""},
		{"a free relative is no relative clause",
			"Mills/NNP/2/nsubj said/VBD/0/root ,/,/5/punct what/WP/5/nsubj matters/VBZ/2/parataxis", ""},
		{"an adverb before a verb",
			"Chinese/JJ/3/amod exports/NNS/3/nsubj fell/VBD/0/root sharply/RB/3/advmod", ""},
		{"a verb between the noun and the participle",
			"Mills/NNP/4/nsubj said/VBD/0/root ,/,/4/punct citing/VBG/2/advcl", ""},
		{"the verb after the participle has a subject of its own",
			"year/NN/3/obl ,/,/1/punct facing/VBG/5/advcl firm/NN/5/nsubj cut/VBD/0/root", ""},
		{"a conjunct with its own conjunction",
			"Arden/NNP/3/nsubj ,/,/1/punct based/VBN/0/root and/CC/5/cc sold/VBD/3/conj", ""},
		{"an adjective whose noun is its own dependent is left as it is",
			"Chinese/JJ/3/advmod President/NNP/1/dep irate/JJ/0/root", ""},
		{"a possessor of the noun already",
			"Taiwan/NNP/3/nmod:poss 's/POS/1/case Ministry/NNP/4/nsubj thanked/VBD/0/root", ""},
		{"a nominal predicate read backwards, the predicate the copula's subject",
			"Apple/NNP/0/root and/CC/3/cc Google/NNP/1/conj were/VBD/1/cop the/DT/6/det leaders/NNS/4/nsubj",
			"6/nsubj 3/cc 1/conj 6/cop 6/det 0/root"},
		{"a nominal predicate read backwards, the predicate the subject's subject",
			"Owen/NNP/0/root was/VBD/1/cop the/DT/4/det father/NN/1/nsubj ././1/punct",
			"4/nsubj 4/cop 4/det 0/root 4/punct"},
		{"a subject after its copula is left as it is",
			"Among/IN/2/case them/PRP/0/root was/VBD/2/cop Reyes/NNP/2/nsubj", ""},
		{"a subject with an apposition read as the root",
			"One/CD/0/root of/IN/3/case them/PRP/1/nmod ,/,/5/punct Hale/NNP/1/appos ,/,/7/punct filed/VBD/1/parataxis appeal/NN/7/obj",
			"7/nsubj 3/case 1/nmod 5/punct 1/appos 7/punct 0/root 7/obj"},
		{"a root noun whose verb has a subject of its own is left as it is",
			"Deal/NN/0/root ,/,/4/punct Hale/NNP/4/nsubj filed/VBD/1/parataxis appeal/NN/4/obj", ""},
		{"a name between commas read as a second subject",
			"One/CD/7/nsubj of/IN/3/case them/PRP/1/nmod ,/,/5/punct Reed/NNP/7/nsubj ,/,/7/punct took/VBD/0/root",
			"7/nsubj 3/case 1/nmod 5/punct 1/appos 7/punct 0/root"},
		{"two subjects with no commas are left as they are",
			"Reed/NNP/3/nsubj Hale/NNP/3/nsubj took/VBD/0/root", ""},
		{"a relative \"that\" whose object is gone read as a conjunction",
			"left/VBD/0/root loophole/NN/1/obj that/IN/6/mark gangs/NNS/6/nsubj are/VBP/6/aux exploiting/VBG/2/acl",
			"0/root 1/obj 6/obj 6/nsubj 6/aux 2/acl:relcl"},
		{"a clause that says what a noun holds is no relative clause",
			"noted/VBD/0/root news/NN/1/obj that/IN/5/mark bank/NN/5/nsubj failed/VBD/2/acl", ""},
		{"a passive clause is no relative clause whose object is gone",
			"held/VBD/0/root view/NN/1/obj that/IN/7/mark meeting/NN/7/nsubj:pass would/MD/7/aux be/VB/7/aux:pass called/VBN/2/acl", ""},
		{"a clause with an object of its own is no relative clause",
			"made/VBD/0/root claim/NN/1/obj that/IN/5/mark bank/NN/5/nsubj sold/VBD/2/acl",
			""},
		{"a title read as the head of the name after it",
			"Miss/NNP/5/nsubj Betsy/NNP/3/compound Parker/NNP/1/appos was/VBD/5/cop one/CD/0/root",
			"3/nmod:desc 3/compound 5/nsubj 5/cop 0/root"},
		{"a title that heads its name already",
			"Mr./NNP/2/nmod:desc Mills/NNP/3/nsubj said/VBD/0/root", ""},
		{"a subject hung on a modifier of its verb",
			"More/JJR/4/advmod investors/NNS/1/nsubj are/VBP/4/aux buying/VBG/0/root bonds/NNS/4/obj",
			"2/amod 4/nsubj 4/aux 0/root 4/obj"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var toks []Token
			var words []parse.Word
			for _, f := range strings.Fields(tt.in) {
				p := strings.Split(f, "/")
				var h int
				fmt.Sscan(p[2], &h)
				toks = append(toks, Token{Text: p[0], Tag: p[1]})
				words = append(words, parse.Word{Form: p[0], XPOS: p[1], Head: h, Rel: p[3]})
			}
			var before []string
			for _, w := range words {
				before = append(before, fmt.Sprintf("%d/%s", w.Head, w.Rel))
			}
			var got []string
			for _, w := range repair(toks, words) {
				got = append(got, fmt.Sprintf("%d/%s", w.Head, w.Rel))
			}
			want := tt.want
			if want == "" {
				want = strings.Join(before, " ")
			}
			if g := strings.Join(got, " "); g != want {
				t.Errorf("got %s, want %s", g, want)
			}
		})
	}
}
