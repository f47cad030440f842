package extract

import "strings"

// A pronoun agrees with the person it stands for: "she" is no Frank and
// "he" no Margaret. The names below are common given names that are one
// gender's almost always; a name on neither list, or an initial, agrees
// with both. Honorifics decide before names do: "Mrs. Harry K. Cohen" is a
// woman.
var (
	femaleNames = wordSet(`abigail agnes aisha alice alicia alison amanda amelia amy ana andrea angela anita ann anna
annabel anne annette antonia audrey barbara beatrice betsy betty beverly brenda bridget camille carla carmen carol
caroline carolyn catherine cecilia charlotte cheryl christina christine claire clara claudia cynthia daisy deborah
debra denise diana diane donna doris dorothy edith eileen elaine eleanor elena elisabeth elizabeth ellen eloise emily
emma erica esther ethel eva evelyn fatima florence frances francesca gabriela gail georgia geraldine gertrude gladys
gloria grace hannah harriet heather helen helena hilary ingrid irene isabel isabella jacqueline jane janet janice
jean jeanne jennifer jessica jill joan joanne josephine joyce judith judy julia julie june karen katherine kathleen
kathryn kay kimberly laura lauren leslie lillian linda lisa lois lorraine louise lucia lucy lynn madeleine margaret
margarita maria marian marie marilyn marion marjorie martha mary maureen megan melanie melissa michelle mildred
miriam monica nancy natalie nicole nina nora norma olga olivia pamela patricia paula pauline peggy phyllis rachel
rebecca rita roberta rosa rose rosemary ruth sally samantha sandra sara sarah sharon shirley sophia sophie stephanie
susan suzanne sylvia teresa theresa tina valerie vanessa veronica victoria virginia vivian wanda wendy yolanda yvonne
zoe`)
	maleNames = wordSet(`aaron abraham adam adrian ahmed alan albert alberto alexander alfred ali andre andrew angelo
anthony antonio arnold arthur barry ben benjamin bernard bill billy bob bobby boris brian bruce bryan carl carlos
charles charlie christopher clarence claude clifford colin craig dale dan daniel darren david dennis derek diego
dominic don donald douglas duncan dwight earl eddie edgar edmund eduardo edward edwin elliott emmanuel eric ernest
eugene felix fernando francis francisco frank franklin fred frederick gary gavin george gerald gilbert giorgio
giovanni glenn gordon graham greg gregory gustavo guy hans harold harry harvey henry herbert howard hugh hugo ian
isaac ivan jack jacob jake james jason javier jeffrey jeremy jerry jesse jim jimmy joe joel johan john johnny
jonathan jorge jose joseph joshua juan julian justin karl keith kenneth kevin larry lawrence leo leon leonard lewis
lloyd louis lucas luis luke malcolm manuel marcus mario mark martin marvin matthew maurice max michael miguel mike
mohammed muhammad nathan neil nicholas nick nigel norman oliver omar oscar otto pablo patrick paul pedro peter philip
pierre rafael ralph ramon randy raul ray raymond reginald ricardo richard rick robert roberto rodney roger roland
ronald roy russell ryan salvador samuel scott sean sergei sergio seth simon stanley stephen steve steven stuart ted
terry theodore thomas timothy tom tony trevor victor vincent walter warren wayne wesley wilbur william willie xavier`)
)

// genderOf returns 'f' or 'm' for a person's name as written (its
// honorific first, then its given name), or 0 when it says neither.
func genderOf(written string) byte {
	f := strings.Fields(strings.ToLower(written))
	for len(f) > 0 && (f[0] == "the" || f[0] == "a") {
		f = f[1:]
	}
	if len(f) == 0 {
		return 0
	}
	switch strings.TrimSuffix(f[0], ".") {
	case "mrs", "miss", "ms", "mme", "mlle", "madam", "dame", "lady":
		return 'f'
	case "mr", "messrs", "sir", "lord":
		return 'm'
	}
	for _, w := range f {
		switch {
		case femaleNames[w]:
			return 'f'
		case maleNames[w]:
			return 'm'
		case len(w) == 2 && w[1] == '.' || titles[w]:
			continue // an initial or a title before the given name
		}
		return 0
	}
	return 0
}

// pronounGender is the gender a personal pronoun says, or 0.
func pronounGender(p string) byte {
	switch strings.ToLower(p) {
	case "he", "him", "his", "himself":
		return 'm'
	case "she", "her", "hers", "herself":
		return 'f'
	}
	return 0
}
