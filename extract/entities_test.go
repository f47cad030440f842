package extract

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEntityMerges measures coreference and alias merging on short articles
// written for it (testdata/entities), against the links a reader makes
// (gold.tsv: document, sentence, surface, entity). Over every pair of gold
// mentions in a document, a merge is two mentions given one entity. Every
// merge must be right (precision 1), and at least 90% of the reader's merges
// must be made; mentions that extraction misses count as not merged.
func TestEntityMerges(t *testing.T) {
	m := model(t)
	type mention struct {
		sentence int
		surface  string
	}
	gold := map[string]map[mention]string{} // doc -> mention -> gold entity
	f, err := os.Open("testdata/entities/gold.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if strings.HasPrefix(sc.Text(), "#") || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		n, err := strconv.Atoi(cols[1])
		if len(cols) != 4 || err != nil {
			t.Fatalf("gold.tsv:%d: want doc, sentence, surface, entity", line)
		}
		if gold[cols[0]] == nil {
			gold[cols[0]] = map[mention]string{}
		}
		gold[cols[0]][mention{n, cols[2]}] = cols[3]
	}
	var merged, right, wanted int
	for doc, mentions := range gold {
		text, err := os.ReadFile(filepath.Join("testdata/entities", doc))
		if err != nil {
			t.Fatal(err)
		}
		got := map[mention]string{} // mention -> the entity kg gives it
		for _, fact := range m.Facts(doc, string(text), Options{}) {
			if fact.SubjectID != "" {
				got[mention{fact.SentenceIndex, fact.Text.Subject}] = fact.SubjectID
			}
			if fact.ObjectID != "" {
				got[mention{fact.SentenceIndex, fact.Text.Object}] = fact.ObjectID
			}
		}
		var list []mention
		for mn := range mentions {
			list = append(list, mn)
		}
		for i := range list {
			for j := i + 1; j < len(list); j++ {
				a, b := list[i], list[j]
				same := mentions[a] == mentions[b]
				ga, oka := got[a]
				gb, okb := got[b]
				together := oka && okb && ga == gb
				if same {
					wanted++
				}
				if together {
					merged++
					if same {
						right++
					} else {
						t.Errorf("%s: %q (sentence %d) and %q (sentence %d) merged into %s, but are %s and %s",
							doc, a.surface, a.sentence, b.surface, b.sentence, ga, mentions[a], mentions[b])
					}
				}
				if same && !together {
					t.Logf("%s: not merged: %q (sentence %d, %q) and %q (sentence %d, %q)", doc, a.surface, a.sentence, ga, b.surface, b.sentence, gb)
				}
			}
		}
	}
	precision, recall := float64(right)/float64(max(merged, 1)), float64(right)/float64(max(wanted, 1))
	t.Logf("merges: precision %.3f (%d of %d), recall %.3f (%d of %d)", precision, right, merged, recall, right, wanted)
	if precision < 1 {
		t.Errorf("merge precision %.3f, want 1", precision)
	}
	if recall < 0.9 {
		t.Errorf("merge recall %.3f, want at least 0.9", recall)
	}
}
