package web

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/kgraph/kg/schema"
)

// searchIndex finds entities by a prefix of their name or of an alias,
// ignoring case, accents, spacing and punctuation.
type searchIndex struct {
	entities []schema.EntityInfo
	keys     [][]key // per entity: its name's key first, then its aliases'
}

// key is one folded name: the whole, and the positions where its words
// start, so that "park" finds "Elena Park".
type key struct {
	folded string
	starts []int
}

func newSearchIndex(snap *schema.Snapshot) *searchIndex {
	ix := &searchIndex{entities: snap.Entities, keys: make([][]key, len(snap.Entities))}
	for i, e := range snap.Entities {
		ks := []key{keyOf(e.Name)}
		for _, a := range e.Aliases {
			ks = append(ks, keyOf(a))
		}
		ix.keys[i] = ks
	}
	return ix
}

// fold writes s in lower case without accents, its words separated by one
// space: "  Société   Générale!" is "societe generale".
func fold(s string) string {
	var b strings.Builder
	space := false
	// Lower case first, then decomposed: a capital may lower to a letter
	// with an accent ("İ" to "i̇"), and bytes that are no UTF-8 separate
	// words, or the decomposition would stop at them.
	for _, r := range norm.NFD.String(strings.ToLower(strings.ToValidUTF8(s, " "))) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue // an accent, apart from its letter
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

func keyOf(name string) key {
	f := fold(name)
	k := key{folded: f, starts: []int{0}}
	for i := 0; i < len(f); i++ {
		if f[i] == ' ' {
			k.starts = append(k.starts, i+1)
		}
	}
	return k
}

// match says how well q (folded) matches k: 3 the whole key, 2 its start, 1
// the start of a later word, 0 not at all.
func (k key) match(q string) int {
	switch {
	case k.folded == q:
		return 3
	case strings.HasPrefix(k.folded, q):
		return 2
	}
	for _, s := range k.starts[1:] {
		if strings.HasPrefix(k.folded[s:], q) {
			return 1
		}
	}
	return 0
}

// Suggestion is one entity a search found.
type Suggestion struct {
	schema.Node
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
	Degree   int      `json:"degree"`
	// Matched is the name or alias that matched the query.
	Matched string `json:"matched"`
}

// search returns the entities whose name or an alias starts with q (or has
// a word that does), the ones named q first, then by mentions, most first,
// then by name; at most limit, and whether there were more.
func (ix *searchIndex) search(q string, limit int) ([]Suggestion, bool) {
	fq := fold(q)
	if fq == "" {
		return []Suggestion{}, false
	}
	type hit struct {
		i, score int
		matched  string
	}
	var hits []hit
	for i, ks := range ix.keys {
		best, matched := 0, ""
		for j, k := range ks {
			if m := k.match(fq); m > best {
				best = m
				if j == 0 {
					matched = ix.entities[i].Name
				} else {
					matched = ix.entities[i].Aliases[j-1]
				}
			}
		}
		if best > 0 {
			hits = append(hits, hit{i, best, matched})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		ea, eb := ix.entities[a.i], ix.entities[b.i]
		return cmp.Or(cmp.Compare(exact(a.score), exact(b.score)), cmp.Compare(eb.Mentions, ea.Mentions),
			cmp.Compare(ea.Name, eb.Name), cmp.Compare(ea.ID, eb.ID))
	})
	more := len(hits) > limit
	if more {
		hits = hits[:limit]
	}
	out := make([]Suggestion, len(hits))
	for n, h := range hits {
		e := ix.entities[h.i]
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		out[n] = Suggestion{Node: schema.Node{ID: e.ID, Name: e.Name, Type: e.Type}, Aliases: aliases,
			Mentions: e.Mentions, Degree: e.Degree, Matched: h.matched}
	}
	return out, more
}

// exact orders the entities a query names exactly before the others.
func exact(score int) int {
	if score == 3 {
		return 0
	}
	return 1
}
