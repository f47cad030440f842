package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/parse"
)

// TestTreeSubjects checks the tree rules' subjects stated and borrowed.
func TestTreeSubjects(t *testing.T) {
	checkTreeFacts(t, []treeCase{
		{"coordinated verbs share a subject",
			"The regulator fined the bank and barred its chief.",
			[]string{"regulator | fine | bank", "regulator | bar | chief"}, nil},
		{"a relative clause's subject is its noun",
			"The shipyard, which builds tankers, laid off 300 workers.",
			[]string{"shipyard | build | tankers", "shipyard | lay off | 300 workers"}, nil},
		{"a body's name joined by and is one subject",
			"The Fisheries and Harbours Board closed the port on Friday.",
			[]string{"Fisheries and Harbours Board | close | port"}, []string{"Fisheries | close | port", "Harbours Board | close | port"}},
		{"a country's possessive is no part of the name",
			"Norway's Fisheries Ministry fined the trawler.",
			[]string{"Fisheries Ministry | fine | trawler"}, nil},
		{"two companies joined by and are two subjects",
			"Ardmore and Kestrel Holdings signed the deal.",
			[]string{"Kestrel Holdings | sign | deal"}, []string{"Ardmore and Kestrel Holdings | sign | deal"}},
		{"an apposition names a subject that only describes",
			"The distributor, Gulf Systems, shipped the radios.",
			[]string{"Gulf Systems | ship | radios"}, []string{"distributor | ship | radios"}},
		{"a participle between commas after the subject qualifies it",
			"Harland Foods, based in Belfast, sells bread.",
			[]string{"Harland Foods | sell | bread"}, []string{"based | sell | bread"}},
		{"a relative clause after a comma is its noun's",
			"The contract went to Alder Systems, which will build the radars in Ohio.",
			[]string{"Alder Systems | build | radars; mod=will"}, nil},
		{"a relative clause on a name after a comma is the name's",
			"The fund was run by Peter Galloway, who founded it in 2009.",
			[]string{"Peter Galloway | found | it"}, nil},
		{"a noun after and before a verb is the verb's subject",
			"The bank bought shares of Alder Farms and Ana Reyes will run the unit.",
			[]string{"bank | buy | shares of Alder Farms", "Ana Reyes | run | unit; mod=will"}, []string{"bank | buy | shares of Alder Farms and Ana Reyes"}},
		{"a name before its apposition is the subject",
			"Vietnam, the world's second-largest producer, is expected to sell more robusta to Asia.",
			[]string{"Vietnam | be expected to sell | more robusta"}, []string{"Vietnam, the world's second-largest producer | be expected to sell | more robusta"}},
		{"an adverb before a comma is no word of the subject",
			"Thus, a mill that used the new process would have to buy more ore.",
			[]string{"mill | have to buy | more ore; mod=would"}, []string{"Thus, a mill | have to buy | more ore; mod=would"}},
		{"a name with an ampersand is one subject",
			"Morgan Hale advised Alder on the sale, and Baird & Co advised Norvale.",
			[]string{"Baird & Co | advise | Norvale"}, []string{"Co | advise | Norvale"}},
		{"a name with an ampersand after of is one name",
			"Ana Reyes of Smith & Wesson said sales rose.",
			[]string{"Ana Reyes of Smith & Wesson | say | sales rose"}, []string{"Wesson | say | sales rose"}},
		{"titles after a name are no subjects of their own",
			"Ana Reyes, Chairman and Chief Executive of Alder, said sales rose.",
			[]string{"Ana Reyes | say | sales rose"}, []string{"Chairman | say | sales rose", "Chief Executive of Alder | say | sales rose"}},
		{"a relative \"that\" the tagger reads as a conjunction stands for its noun",
			"The board wants a plan that satisfies lenders and leaves the bank whole.",
			[]string{"plan | satisfy | lenders", "plan | leave | "}, []string{"that | satisfy | lenders"}},
		{"a name between commas the parser reads as a second subject names the subject",
			"One of its engineers, Tom Reed, took an interest in the case.",
			[]string{"Tom Reed | take | interest"}, []string{"One of its engineers | take | interest"}},
		{"a subject with an apposition the parser reads as the sentence's root",
			"One of its lawyers, Mary Hale, filed the appeal on Monday.",
			[]string{"Mary Hale | file | appeal"}, nil},
		{"a title conjunct is named by the name after it",
			"President Lee and Japanese leader Taro Aso will hold a meeting in May.",
			[]string{"Lee | hold | meeting; mod=will", "Taro Aso | hold | meeting; mod=will"}, []string{"Japanese leader | hold | meeting; mod=will"}},
		{"an apposition after coordinated subjects is no third subject",
			"Mark and Lena, the morning presenters, made the announcement.",
			[]string{"Mark | make | announcement", "Lena | make | announcement"}, []string{"morning presenters | make | announcement"}},
		{"coordinated names before a copula are its subjects",
			"Apple and Google were the leaders of the market.",
			[]string{"Apple | be | leaders of the market", "Google | be | leaders of the market"}, nil},
		{"a relative \"that\" read as a conjunction, its object gone, is the noun's",
			"Officials said it left a loophole that drug gangs are exploiting.",
			[]string{"drug gangs | exploit | loophole"}, nil},
		{"a clause that says what news holds has no object",
			"The report noted the news that the bank failed.",
			nil, []string{"bank | fail | news"}},
		{"a subject under a modifier of its verb",
			"More big Japanese investors are buying U.S. bonds.",
			[]string{"More big Japanese investors | buy | U.S. bonds"}, nil},
		{"an unknown word opening the sentence before a name is part of the name",
			"Xu Mingtao has been irate about the tariffs, and his chief trade adviser, Wen Bo, has told U.S. negotiators that Beijing wants a deal.",
			[]string{"Xu Mingtao | be irate about | tariffs", "Wen Bo | tell | U.S. negotiators", "Beijing | want | deal"},
			[]string{"Xu Mingtao | be irate about | Wen Bo", "Xu | be irate about | tariffs"}},
		{"a second clause's verb read as an adjective of its object",
			"Meng Lian has been angry about the fines, and her deputy, Tao Ren, has told reporters that the firm will appeal.",
			[]string{"Meng Lian | be angry about | fines", "Tao Ren | tell | reporters"},
			[]string{"Meng Lian | be angry about | Tao Ren", "Meng Lian | appeal | has told reporters"}},
		{"a pledge to help a company named after its nationality and trade",
			"Governor Ana Ruiz pledged on Monday to help Chinese phone manufacturer Voltra return to business, days after the company said it would close two plants.",
			[]string{"Ana Ruiz | pledge to help | Voltra"},
			[]string{"Ana Ruiz | pledge to help | Chinese", "Ana Ruiz | pledge to help | days"}},
		{"a name with particles is one name",
			"Ursula von der Leyen met Emmanuel Macron in Brussels.",
			[]string{"Ursula von der Leyen | meet | Emmanuel Macron"}, []string{"Leyen | be | Ursula von der"}},
		{"an \"it\" that holds the place of an infinitive is no subject",
			"It was company policy to promote staff.",
			nil, []string{"It | be | company policy"}},
		{"an \"it\" that opens a cleft is no subject",
			"It was only later that the bank sold the unit.",
			[]string{"bank | sell | unit"}, []string{"It | be | only later"}},
		{"an \"it\" before a passive and an infinitive may be a thing's",
			"The board announced Friday that it was prepared to accept the offer.",
			[]string{"it | be prepared to accept | offer"}, nil},
		{"a title before a name is no subject of its own",
			"Miss Ann Lowe was one of the speakers at the meeting.",
			[]string{"Miss Ann Lowe | be | "}, []string{"Miss | be | "}},
		{"an \"it\" before a noun with a determiner may be a thing's",
			"It was a plan to build a plant.",
			[]string{"It | be | plan"}, nil},
		{"a bracketed short name after the subject is no subject",
			"Meridian Foods Inc (MFI), a grocer, today said it would buy Alder Farms.",
			[]string{"Meridian Foods Inc | say | ", "Meridian Foods Inc | buy | Alder Farms; mod=would"}, []string{"( | say | "}},
	})
}

// TestTreeRelativeAntecedents checks, on hand-made analyses, that a
// relative clause speaks of the nouns written before it and not of a
// conjunct after it.
func TestTreeRelativeAntecedents(t *testing.T) {
	m := model(t)
	// "Pensions go to miners who die at work, and to the union."
	in := "Pensions/NNS/2/nsubj go/VBP/0/root to/TO/4/case miners/NNS/2/obl who/WP/6/nsubj die/VBP/4/acl:relcl " +
		"at/IN/8/case work/NN/6/obl ,/,/12/punct and/CC/12/cc to/TO/12/case union/NN/4/conj ././2/punct"
	var toks []Token
	var words []parse.Word
	for _, f := range strings.Fields(in) {
		p := strings.Split(f, "/")
		var h int
		fmt.Sscan(p[2], &h)
		toks = append(toks, Token{Text: p[0], Tag: p[1]})
		words = append(words, parse.Word{Form: p[0], XPOS: p[1], Head: h, Rel: p[3]})
	}
	var got []string
	for _, f := range m.treeFacts(treeOf(toks, words)) {
		if f.relation == "die at" {
			got = append(got, tokenText(toks[f.subject.c.start:f.subject.c.end]))
		}
	}
	if !slices.Contains(got, "miners") || slices.Contains(got, "union") {
		t.Errorf("subjects of die at: got %q, want miners and not union", got)
	}
}

func tokenText(toks []Token) string {
	var ws []string
	for _, t := range toks {
		ws = append(ws, t.Text)
	}
	return strings.Join(ws, " ")
}
