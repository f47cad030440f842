package carb

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func tup(rel string, args ...string) Tuple { return Tuple{Relation: rel, Args: args} }

func TestPairScore(t *testing.T) {
	tests := []struct {
		name  string
		gold  Tuple
		pred  Tuple
		wantP float64
		wantR float64
	}{
		{"exact", tup("was founded in", "The lab", "1990"), tup("was founded in", "The lab", "1990"), 1, 1},
		{"partial", tup("was founded in", "The lab", "1990"), tup("founded", "The small lab", "1990"), 4.0 / 5, 4.0 / 6},
		{"no relation match", tup("was founded in", "The lab", "1990"), tup("opened", "The lab", "1990"), 0, 0},
		{"missing slot", tup("was founded in", "The lab", "1990"), tup("was founded in", "The lab"), 0, 0},
		{"no args predicted", tup("rained", "It"), tup("rained"), 0, 0},
		{"arg3 joins slot 2", tup("founded", "Ada", "the lab", "in 1990"), tup("founded", "Ada", "the lab"), 1, 4.0 / 6},
		{"extra predicted slot ignored", tup("rained", "It"), tup("rained", "It", "all day"), 1, 1},
		{"unary gold without args", tup("rained"), tup("rained", "it"), 1, 1},
		{"be matches is", tup("is", "Ada", "a chemist"), tup("be", "Ada", "a chemist"), 1, 1},
		{"only one spare be counts", tup("is", "Ada", "a chemist"), tup("be be", "Ada", "a chemist"), 4.0 / 5, 1},
		{"be used up by gold be", tup("will be", "Ada", "a chemist"), tup("be", "Ada", "a chemist"), 1, 4.0 / 5},
		{"be without gold be form", tup("has", "Ada", "a lab"), tup("be has", "Ada", "a lab"), 4.0 / 5, 1},
		{"multiset relation", tup("is in", "Paris", "France"), tup("is is in", "Paris", "France"), 4.0 / 5, 1},
		{"said swaps slots", tup("has told", "Mary", "the news"), tup("told", "the news", "Mary"), 1, 4.0 / 5},
		{"said as a substring", tup("unsaid", "Mary", "it"), tup("unsaid", "it", "Mary"), 1, 1},
		{"no swap otherwise", tup("met", "Mary", "John"), tup("met", "John", "Mary"), 1.0 / 3, 1.0 / 3},
		{"case sensitive", tup("Met", "Mary", "John"), tup("met", "Mary", "John"), 0, 0},
		{"empty gold relation", tup("", "Mary", "John"), tup("met", "Mary", "John"), 0, 0},
		{"whitespace tokens", tup("met\u00a0with", "Mary", "John"), tup("met with\x1c", " Mary ", "John"), 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r := PairScore(tt.gold, tt.pred)
			if p != tt.wantP || r != tt.wantR {
				t.Errorf("PairScore = (%v, %v), want (%v, %v)", p, r, tt.wantP, tt.wantR)
			}
		})
	}
}

func TestSentenceKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello , world .", "Helloworld"},
		{"U.S. $ 4.25 an hour", "US425anhour"},
		{"-LRB- a -RRB- -LSB- b -RSB- -LCB- c -RCB-", "abc"},
		{"-L-LRB-RB-", "LRB"}, // one pass per escape, not recursive
		{"-RRB-LRB-", "RRB"},  // -LRB- is undone before -RRB-
		{"tab\there\u00a0nbsp\x1cfs\u3000x", "tabherenbspfsx"},
		{"café – naïve", "café–naïve"},
		{"  ", ""},
		{"bad\xffbyte!", "bad\xffbyte"},
	}
	for _, tt := range tests {
		if got := SentenceKey(tt.in); got != tt.want {
			t.Errorf("SentenceKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseConfidence(t *testing.T) {
	tests := []struct {
		in      string
		want    float64
		wantErr bool
	}{
		{in: "0.5", want: 0.5},
		{in: " 1 \x1c", want: 1},
		{in: "+2", want: 2},
		{in: ".5", want: 0.5},
		{in: "5.", want: 5},
		{in: "1_000.5", want: 1000.5},
		{in: "1e-3", want: 0.001},
		{in: "1e400", want: math.Inf(1)},
		{in: "1e-400", want: 0},
		{in: "-inf", want: math.Inf(-1)},
		{in: "Infinity", want: math.Inf(1)},
		{in: "nan", wantErr: true},
		{in: "-NaN", wantErr: true},
		{in: "0x10", wantErr: true},
		{in: "1__0", wantErr: true},
		{in: "_1", wantErr: true},
		{in: "1_", wantErr: true},
		{in: "1,5", wantErr: true},
		{in: "", wantErr: true},
		{in: "\u0661", wantErr: true},
	}
	for _, tt := range tests {
		got, err := parseConfidence(tt.in)
		switch {
		case tt.wantErr && !errors.Is(err, ErrConfidence):
			t.Errorf("parseConfidence(%q) = %v, %v, want ErrConfidence", tt.in, got, err)
		case !tt.wantErr && (err != nil || got != tt.want):
			t.Errorf("parseConfidence(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name    string
		gold    bool
		in      string
		wantMsg string
		wantErr error
	}{
		{"gold one field", true, "s\trel\targ\n\nonly a sentence\n", "gold.tsv:3: gold line needs", ErrFields},
		{"pred two fields", false, "s\t0.5\tr\ta\ns\t0.5\n", "pred.tsv:2: need sentence<TAB>confidence<TAB>relation", ErrFields},
		{"pred trailing tabs vanish", false, "s\t0.5\t\t\n", "pred.tsv:1:", ErrFields},
		{"pred bad confidence", false, "s\thigh\tr\ta\n", `pred.tsv:1: confidence "high" is not a number`, ErrConfidence},
		{"pred NaN", false, "s\t1\tr\ns\tNaN\tr\n", "pred.tsv:2: confidence", ErrConfidence},
		{"universal newlines", false, "a\t1\tr\r\n\rb\t1\n", "pred.tsv:3:", ErrFields},
		{"invalid UTF-8", true, "s\tr\ta\n\xff\tr\ta\n", "gold.tsv:2: invalid UTF-8", ErrEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.gold {
				_, err = ReadGold(strings.NewReader(tt.in), "gold.tsv")
			} else {
				_, err = ReadPredictions(strings.NewReader(tt.in), "pred.tsv")
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantMsg) {
				t.Fatalf("got error %v, want prefix %q", err, tt.wantMsg)
			}
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("got error %v, want errors.Is %v", err, tt.wantErr)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("got error %T, want *ParseError", err)
			}
		})
	}
}

func TestReadGold(t *testing.T) {
	in := "Ada , who was a chemist , said so .\tsaid\tAda\tso\tC: she thought\n" +
		"\r\n" +
		"Ada , who was a chemist , said so . \t is \t Ada \t a chemist \t T: then \t\n" +
		"Bob ran .\tran\tBob\n"
	g, err := ReadGold(strings.NewReader(in), "gold.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 3 || g.Sentences() != 2 {
		t.Fatalf("got %d tuples in %d sentences, want 3 in 2", g.Len(), g.Sentences())
	}
	got := g.Tuples("Ada, who was a chemist, said so.")
	want := []Tuple{tup("said", "Ada", "so"), tup("is", "Ada", "a chemist", "T: then")}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got tuples %v, want %v", got, want)
	}
}

func TestPredictionsSpellings(t *testing.T) {
	in := "Bob ran .\t1\tran\tBob\nBob  ran .\t0.5\tran\tBob\nBob ran .\t0.2\tran\tBob\nEve sat .\t1\tsat\tEve\n"
	p, err := ReadPredictions(strings.NewReader(in), "pred.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if p.Len() != 4 || p.Spellings() != 1 {
		t.Errorf("got %d predictions, %d sentences spelled twice, want 4, 1", p.Len(), p.Spellings())
	}
	var confs []float64
	for _, tu := range p.of(SentenceKey("Bob ran.")) {
		confs = append(confs, tu.Confidence)
	}
	if want := []float64{1, 0.2, 0.5}; fmt.Sprint(confs) != fmt.Sprint(want) {
		t.Errorf("got confidences %v, want %v (grouped by spelling)", confs, want)
	}
}

func TestEvaluate(t *testing.T) {
	const s = "Ada was born in London , a city ."
	var gold Gold
	gold.Add(s, tup("was born in", "Ada", "London"))
	gold.Add(s, tup("is", "London", "a city"))
	gold.Add("Eve sat .", tup("sat", "Eve"))

	pred := func(rows ...Tuple) *Predictions {
		var p Predictions
		for _, r := range rows {
			if err := p.Add(s, r); err != nil {
				t.Fatal(err)
			}
		}
		return &p
	}
	conf := func(c float64, tu Tuple) Tuple { tu.Confidence = c; return tu }
	twoLevels := pred(conf(0.9, tup("was born in", "Ada", "London")), conf(0.5, tup("is", "London", "a big city")))
	oneForTwo := pred(conf(1, tup("be born in", "Ada", "London a city")))
	var offGold Predictions
	if err := offGold.Add("Not in the gold .", conf(0.3, tup("is", "x", "y"))); err != nil {
		t.Fatal(err)
	}

	// Two thresholds: at 0.5 P = (1 + 4/5)/2, R = (1 + 1 + 0)/3; at 0.9 P = 1, R = 1/3.
	p5, r5 := 1.8/2, 2.0/3
	f5 := 2 * p5 * r5 / (p5 + r5)
	tests := []struct {
		name  string
		preds *Predictions
		opts  Options
		want  Score
	}{
		{"two thresholds", twoLevels, Options{}, Score{
			Precision: p5, Recall: r5, F1: f5, Threshold: 0.5,
			AUC: (r5-1.0/3)*(p5+1)/2 + (1.0/3)*(1+1)/2,
		}},
		// The one prediction scores 5/7, 5/5 against the first gold tuple
		// ("be" for "was") and 3/7, 3/4 against the second ("be" for "is").
		{"best recall per gold", oneForTwo, Options{}, Score{
			Precision: 5.0 / 7, Recall: 1.75 / 3, F1: 2 * (5.0 / 7) * (1.75 / 3) / (5.0/7 + 1.75/3), Threshold: 1,
			AUC: (1.75 / 3) * (5.0/7 + 1) / 2,
		}},
		{"one to one", oneForTwo, Options{OneToOne: true}, Score{
			Precision: 5.0 / 7, Recall: 1.0 / 3, F1: 2 * (5.0 / 7) * (1.0 / 3) / (5.0/7 + 1.0/3), Threshold: 1,
			AUC: (1.0 / 3) * (5.0/7 + 1) / 2,
		}},
		{"only off-gold predictions", &offGold, Options{}, Score{Precision: 1, Threshold: 0.3}},
		{"no predictions", nil, Options{}, Score{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Evaluate(&gold, tt.preds, tt.opts)
			check := func(what string, got, want float64) {
				t.Helper()
				if math.Abs(got-want) > 1e-12 {
					t.Errorf("got %s %v, want %v", what, got, want)
				}
			}
			check("precision", got.Precision, tt.want.Precision)
			check("recall", got.Recall, tt.want.Recall)
			check("F1", got.F1, tt.want.F1)
			check("AUC", got.AUC, tt.want.AUC)
			check("threshold", got.Threshold, tt.want.Threshold)
			if got.GoldTuples != 3 || got.GoldSentences != 2 {
				t.Errorf("got %d gold tuples in %d sentences, want 3 in 2", got.GoldTuples, got.GoldSentences)
			}
		})
	}
	if got := Evaluate(nil, nil, Options{}); got.Precision != 0 || got.Curve != nil {
		t.Errorf("Evaluate(nil, nil) = %+v, want zero", got)
	}
}

// TestReference checks Evaluate against the reference scorer on the CaRB dev
// set, with several synthetic systems.
func TestReference(t *testing.T) {
	shared := filepath.Join("..", "..", "shared")
	script := filepath.Join(shared, "tools", "carb_score.py")
	goldPath := filepath.Join(shared, "data", "carb", "gold", "dev.tsv")
	sentPath := filepath.Join(shared, "data", "carb", "dev.txt")
	for _, p := range []string{script, goldPath, sentPath} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("reference data not available: %v", err)
		}
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	goldRows := tsvRows(t, goldPath)
	edgeGold, edgePred := edgeSystem()
	edgeGoldPath := filepath.Join(t.TempDir(), "edge-gold.tsv")
	if err := os.WriteFile(edgeGoldPath, []byte(edgeGold), 0o644); err != nil {
		t.Fatal(err)
	}
	systems := []struct{ name, goldPath, pred string }{
		{"gold", goldPath, joinLines(goldSystem(goldRows))},
		{"degraded", goldPath, joinLines(degradedSystem(goldRows))},
		{"baseline", goldPath, joinLines(baselineSystem(t, sentPath))},
		{"edge", edgeGoldPath, edgePred},
	}
	for _, sys := range systems {
		predPath := filepath.Join(t.TempDir(), sys.name+".tsv")
		if err := os.WriteFile(predPath, []byte(sys.pred), 0o644); err != nil {
			t.Fatal(err)
		}
		gold := readFile(t, sys.goldPath, ReadGold)
		preds := readFile(t, predPath, ReadPredictions)
		for _, opts := range []Options{{}, {OneToOne: true}} {
			t.Run(fmt.Sprintf("%s/one-to-one=%v", sys.name, opts.OneToOne), func(t *testing.T) {
				t.Parallel()
				got := Evaluate(gold, preds, opts)
				want, curve := runReference(t, python, script, sys.goldPath, predPath, opts)
				t.Logf("go  P=%.6f R=%.6f F1=%.6f AUC=%.6f (%d thresholds)", got.Precision, got.Recall, got.F1, got.AUC, len(got.Curve))
				t.Logf("ref P=%.4f R=%.4f F1=%.4f AUC=%.4f", want.Precision, want.Recall, want.F1, want.AUC)
				for _, m := range []struct {
					what      string
					got, want float64
				}{
					{"precision", got.Precision, want.Precision},
					{"recall", got.Recall, want.Recall},
					{"F1", got.F1, want.F1},
					{"AUC", got.AUC, want.AUC},
				} {
					if math.Abs(m.got-m.want) > 0.0005 {
						t.Errorf("got %s %.6f, want %.4f (reference)", m.what, m.got, m.want)
					}
				}
				compareCurve(t, got, curve)
			})
		}
	}
}

// compareCurve checks every point of the curve against the reference's full
// precision output, and the AUC and best F1 derived from it.
func compareCurve(t *testing.T, got Score, want []Point) {
	t.Helper()
	if len(got.Curve) != len(want) {
		t.Fatalf("got %d curve points, want %d", len(got.Curve), len(want))
	}
	const tol = 1e-12 // exact under Python 3.11; 3.12+ compensates its sums
	maxDiff, auc, best := 0.0, 0.0, 0
	for k, w := range want {
		g := got.Curve[k]
		if g.Confidence != w.Confidence {
			t.Fatalf("point %d: got confidence %v, want %v", k, g.Confidence, w.Confidence)
		}
		maxDiff = max(maxDiff, math.Abs(g.Precision-w.Precision), math.Abs(g.Recall-w.Recall))
		next := Point{Precision: 1}
		if k+1 < len(want) {
			next = want[k+1]
		}
		auc += (w.Recall - next.Recall) * (w.Precision + next.Precision) / 2
		if w.F1 > want[best].F1 {
			best = k
		}
	}
	if maxDiff > tol {
		t.Errorf("got curve differing from the reference's by up to %g, want <= %g", maxDiff, tol)
	}
	if d := math.Abs(got.AUC - auc); d > tol {
		t.Errorf("got AUC %v, want %v from the reference curve", got.AUC, auc)
	}
	if got.Threshold != want[best].Confidence {
		t.Errorf("got threshold %v, want %v", got.Threshold, want[best].Confidence)
	}
	t.Logf("curve: %d points, max |go - ref| = %g; AUC go - ref curve = %g", len(want), maxDiff, got.AUC-auc)
}

var refLine = regexp.MustCompile(`(?m)^carb(?:11)?: P=(\S+) R=(\S+) F1=(\S+) AUC=(\S+)$`)

// runReference runs the reference scorer and returns its final line's
// figures and its curve.
func runReference(t *testing.T, python, script, gold, pred string, opts Options) (Score, []Point) {
	t.Helper()
	curvePath := filepath.Join(t.TempDir(), "curve.tsv")
	args := []string{script, gold, pred, "--quiet", "--curve", curvePath}
	if opts.OneToOne {
		args = append(args, "--one-to-one")
	}
	cmd := exec.CommandContext(t.Context(), python, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("reference scorer: %v\n%s", err, stderr.Bytes())
	}
	m := refLine.FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("got reference output %q, want a final carb: line", out)
	}
	var v [4]float64
	for i := range v {
		if v[i], err = strconv.ParseFloat(m[i+1], 64); err != nil {
			t.Fatalf("reference output %q: %v", out, err)
		}
	}
	var curve []Point
	for i, row := range tsvRows(t, curvePath) {
		if i == 0 {
			continue // header
		}
		var f [3]float64
		for k := range f {
			if f[k], err = strconv.ParseFloat(row[k], 64); err != nil {
				t.Fatalf("%s:%d: %v", curvePath, i+1, err)
			}
		}
		p := Point{Precision: f[0], Recall: f[1], Confidence: f[2]}
		if p.Precision+p.Recall > 0 {
			p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
		}
		curve = append(curve, p)
	}
	return Score{Precision: v[0], Recall: v[1], F1: v[2], AUC: v[3]}, curve
}

// goldSystem predicts the gold tuples themselves, in file order, with
// strictly descending confidences.
func goldSystem(rows [][]string) []string {
	var lines []string
	for i, r := range rows {
		conf := float64(len(rows)-i) / float64(len(rows))
		lines = append(lines, strings.Join(append([]string{r[0], strconv.FormatFloat(conf, 'g', -1, 64)}, r[1:]...), "\t"))
	}
	return lines
}

// degradedSystem damages the gold tuples deterministically: it drops some,
// shortens or drops arguments, swaps the first two, disturbs relations,
// respells sentences, adds noise and off-gold sentences, and draws tied
// confidences from a small set.
func degradedSystem(rows [][]string) []string {
	rng := rand.New(rand.NewPCG(2024, 11))
	var lines []string
	for _, r := range rows {
		if rng.Float64() < 0.15 {
			continue
		}
		sent, rel, args := r[0], r[1], slices.Clone(r[2:])
		if len(args) == 0 {
			args = []string{""}
		}
		if len(args) > 1 && rng.Float64() < 0.3 {
			args = args[:len(args)-1]
		}
		if f := strings.Fields(args[0]); len(f) > 1 && rng.Float64() < 0.3 {
			args[0] = strings.Join(f[:len(f)-1], " ")
		}
		if len(args) > 1 && rng.Float64() < 0.2 {
			args[0], args[1] = args[1], args[0]
		}
		switch x := rng.Float64(); {
		case x < 0.05:
			rel = "be " + rel
		case x < 0.1:
			rel = "is"
		case x < 0.15:
			rel = strings.Fields(rel + " x")[0]
		}
		switch x := rng.Float64(); {
		case x < 0.05:
			sent = strings.Replace(sent, " ", "  ", 1)
		case x < 0.1:
			sent = strings.ReplaceAll(strings.ReplaceAll(sent, "(", "-LRB-"), ")", "-RRB-")
		}
		conf := strconv.FormatFloat(float64(rng.IntN(12))/10, 'g', -1, 64)
		lines = append(lines, strings.Join(append([]string{sent, conf, rel}, args...), "\t"))
		if rng.Float64() < 0.2 { // noise: random words, sometimes unary, sometimes an empty middle arg
			w := strings.Fields(r[0])
			pick := func() string { return w[rng.IntN(len(w))] }
			noise := []string{sent, strconv.FormatFloat(rng.Float64(), 'g', -1, 64), pick(), pick()}
			if rng.Float64() < 0.5 {
				noise = append(noise, "", pick()+" "+pick())
			}
			lines = append(lines, strings.Join(noise, "\t"))
		}
		if rng.Float64() < 0.02 {
			lines = append(lines, fmt.Sprintf("An off-gold sentence number %d .\t%.3f\tis\tit\there", len(lines), rng.Float64()))
		}
	}
	return lines
}

// baselineSystem predicts "arg1 rel arg2" from the first three words of each
// dev sentence, all with one confidence.
func baselineSystem(t *testing.T, sentPath string) []string {
	t.Helper()
	data, err := os.ReadFile(sentPath)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, s := range strings.Split(string(data), "\n") {
		if w := strings.Fields(s); len(w) >= 3 {
			lines = append(lines, strings.Join([]string{s, "1", w[1], w[0], w[2]}, "\t"))
		}
	}
	return lines
}

// edgeSystem returns a gold file and predictions built from a tiny
// vocabulary so that tuples collide often, with the awkward cases of both
// formats: "\r" and "\r\n" line ends, blank lines, Python-only whitespace,
// PTB escapes, sentences spelled several ways, "C: " arguments, empty and
// extra arguments, forms of "be", "said" relations, tied, signed-zero,
// infinite and underscored confidences.
func edgeSystem() (gold, pred string) {
	rng := rand.New(rand.NewPCG(7, 7))
	pick := func(s ...string) string { return s[rng.IntN(len(s))] }
	sentence := func() string {
		return pick("Ada", "Bob") + pick(" ", "  ", "\u00a0") + pick("ran", "-LRB- ran -RRB-", "(ran)") + pick(" .", ".", " ,")
	}
	phrase := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = pick("Ada", "ran", "is", "be", "was", "said", "told", "the", "lab", "-LRB-", ",", "C:", "T:", "x", "x")
		}
		return strings.Join(w, pick(" ", " ", "  ", "\x1c", "\u2028", "\v"))
	}
	fields := func(lead ...string) string {
		for range rng.IntN(4) {
			lead = append(lead, phrase(rng.IntN(3)))
		}
		return strings.Join(lead, "\t") + pick("\n", "\n", "\r\n", "\r", "\t\n", "\n\n")
	}
	var g, p strings.Builder
	for range 40 {
		sents := []string{sentence(), sentence(), sentence()}
		for range 1 + rng.IntN(6) {
			g.WriteString(fields(pick(sents...), phrase(1+rng.IntN(2))))
		}
		for range rng.IntN(12) {
			conf := pick("0", "-0", "0.5", "1", "1_0", " 2 ", "1e400", "-inf", ".5", "0.25", "0.75", "1.0")
			p.WriteString(fields(pick(sents...), conf, phrase(1+rng.IntN(2))))
		}
	}
	return g.String(), p.String()
}

func joinLines(lines []string) string { return strings.Join(lines, "\n") + "\n" }

// tsvRows returns the tab-separated fields of the non-blank lines of a file,
// each line trimmed first.
func tsvRows(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			rows = append(rows, strings.Split(line, "\t"))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func readFile[T any](t *testing.T, path string, read func(r io.Reader, name string) (T, error)) T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := read(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// FuzzRead feeds arbitrary bytes to both readers and evaluates what they
// accept: no panic, and precision, recall and F1 stay in [0, 1].
func FuzzRead(f *testing.F) {
	f.Add([]byte("Ada ran .\tran\tAda\nAda ran .\t0.5\tran\tAda\n"))
	f.Add([]byte("s\t1e400\tbe\ta\t\tb c\r\ns\t-inf\tsaid\tb c\ta\n"))
	f.Add([]byte("-LRB- s -RRB-\t1_0\tis is\tx\n\rs\t.5\tis\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		gold, gerr := ReadGold(bytes.NewReader(data), "fuzz")
		preds, perr := ReadPredictions(bytes.NewReader(data), "fuzz")
		if gerr != nil || perr != nil {
			return
		}
		for _, opts := range []Options{{}, {OneToOne: true}} {
			s := Evaluate(gold, preds, opts)
			for _, v := range []float64{s.Precision, s.Recall, s.F1} {
				if !(v >= 0 && v <= 1+1e-9) {
					t.Fatalf("got score %+v, want P, R, F1 in [0, 1]", s)
				}
			}
			if math.IsNaN(s.AUC) {
				t.Fatalf("got AUC NaN")
			}
		}
	})
}
