package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// tree writes files under a new directory and returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// names opens the inputs and returns the names of their documents, in the
// order Each gives them.
func names(t *testing.T, args []string, stdin string, opts Options) ([]Document, error) {
	t.Helper()
	ctx := context.Background()
	in, err := Open(ctx, args, strings.NewReader(stdin), opts)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	var docs []Document
	err = in.Each(ctx, func(d Document) error {
		docs = append(docs, d)
		return nil
	})
	if in.Documents != len(docs) {
		t.Errorf("Open counted %d documents, Each gave %d", in.Documents, len(docs))
	}
	return docs, err
}

func TestOpen(t *testing.T) {
	dir := tree(t, map[string]string{
		"a.txt":           "The court fined the bank.",
		"sub/b.md":        "The bank paid.",
		"sub/deep/c.txt":  "The regulator agreed.",
		"sub/skip.csv":    "not,read",
		"news.jsonl":      `{"id":"n1","title":"Fine","date":"2024-05-01","text":"The court fined the bank."}` + "\n\n" + `{"text":"No id here."}` + "\n",
		"other/plain.txt": "Another text.",
	})
	p := func(s string) string { return filepath.ToSlash(filepath.Join(dir, s)) }
	tests := []struct {
		name  string
		args  []string
		stdin string
		opts  Options
		want  []string
	}{
		{"a directory, recursively, by extension", []string{filepath.Join(dir, "sub")}, "", Options{},
			[]string{p("sub/b.md"), p("sub/deep/c.txt")}},
		{"only the extensions asked for", []string{filepath.Join(dir, "sub")}, "", Options{Exts: []string{".csv"}},
			[]string{p("sub/skip.csv")}},
		{"a glob, sorted", []string{filepath.Join(dir, "*", "*.txt")}, "", Options{},
			[]string{p("other/plain.txt")}},
		{"JSON Lines: an id, or the file and line", []string{filepath.Join(dir, "news.jsonl")}, "", Options{},
			[]string{"n1", p("news.jsonl") + ":3"}},
		{"standard input with no argument", nil, "Text on stdin.", Options{}, []string{"stdin"}},
		{"standard input as -, among files", []string{p("a.txt"), "-"}, "Text on stdin.", Options{}, []string{p("a.txt"), "stdin"}},
		{"standard input as JSON Lines", []string{"-"}, `{"id":"s1","text":"Piped."}`, Options{JSONL: true}, []string{"s1"}},
		{"a file named twice, and in its directory", []string{p("a.txt"), dir, p("a.txt")}, "", Options{Exts: []string{".txt"}},
			[]string{p("a.txt"), p("other/plain.txt"), p("sub/deep/c.txt")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := names(t, tt.args, tt.stdin, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range docs {
				got = append(got, d.Name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}

	docs, err := names(t, []string{filepath.Join(dir, "news.jsonl")}, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := Document{Name: "n1", Text: "The court fined the bank.", Title: "Fine", Date: "2024-05-01", Source: p("news.jsonl"), Line: 1}
	if docs[0] != want {
		t.Errorf("JSON Lines document: got %+v, want %+v", docs[0], want)
	}
	if docs[0].Hash() == (Document{Name: "n1", Text: docs[0].Text}).Hash() {
		t.Errorf("the hash does not cover the title, date and source")
	}
	if plain := (Document{Name: "a.txt", Text: "x", Source: "a.txt"}); plain.Hash() != (Document{Name: "a.txt", Text: "x"}).Hash() {
		t.Errorf("a text file's hash depends on its source")
	}
}

func TestOpenBadInput(t *testing.T) {
	dir := tree(t, map[string]string{
		"good.txt":        "The court fined the bank.",
		"bad.jsonl":       `{"id":"1","text":"Fine."}` + "\n" + `{"id":"2","text":"Broken` + "\n",
		"notext.jsonl":    `{"id":"1","title":"T"}` + "\n",
		"latin.jsonl":     `{"id":"1","text":"ok"}` + "\n" + `{"id":"2","text":"caf` + "\xe9" + `"}` + "\n",
		"nul.jsonl":       `{"id":"1","text":"a\u0000b"}` + "\n",
		"empty.jsonl":     "\n\n",
		"emptytext.jsonl": `{"id":"1","text":"  "}` + "\n",
		"dup.jsonl":       `{"id":"x","text":"One."}` + "\n" + `{"id":"x","text":"Two."}` + "\n",
		"two.jsonl":       `{"id":"1","text":"One."} {"id":"2","text":"Two."}` + "\n",
		"empty.txt":       "",
	})
	p := func(s string) string { return filepath.Join(dir, s) }
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad JSON on line 2", []string{p("good.txt"), p("bad.jsonl")}, "bad.jsonl:2: not a JSON document"},
		{"no text", []string{p("notext.jsonl")}, `notext.jsonl:1: no "text"`},
		{"a line not UTF-8", []string{p("latin.jsonl")}, "latin.jsonl:2: invalid UTF-8"},
		{"a NUL in the text", []string{p("nul.jsonl")}, "nul.jsonl:1: text: binary data"},
		{"no document", []string{p("empty.jsonl")}, "empty.jsonl: empty input"},
		{"an empty text", []string{p("emptytext.jsonl")}, "emptytext.jsonl:1: text: empty input"},
		{"two documents with one id", []string{p("dup.jsonl")}, `dup.jsonl:2: document "x" is also at`},
		{"two values on a line", []string{p("two.jsonl")}, "two.jsonl:1: not a JSON document: more than one value"},
		{"a missing file after good ones", []string{p("good.txt"), p("missing.txt")}, "missing.txt: no such file"},
		{"a glob that matches nothing", []string{p("*.none")}, "*.none: no file matches"},
		{"an empty file", []string{p("empty.txt")}, "empty.txt: empty input"},
		{"empty standard input", []string{"-"}, "stdin: empty input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(context.Background(), tt.args, strings.NewReader(""), Options{})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrInput) {
				t.Errorf("got %v, want an input error with %q", err, tt.want)
			}
		})
	}
}

// TestEachChanged holds the build to the text it checked: a file that
// changed since the check stops the build at its turn, after the documents
// before it, whether the change made it invalid or left it valid (a
// sentence appended) and would be stored as it now is.
func TestEachChanged(t *testing.T) {
	for _, tc := range []struct{ name, now, want string }{
		{"invalid", "bad \xff", "b.txt: changed since"},
		{"still valid", "Second. And a third.", "b.txt: changed since"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tree(t, map[string]string{"a.txt": "First.", "b.txt": "Second."})
			ctx := context.Background()
			in, err := Open(ctx, []string{dir}, nil, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte(tc.now), 0o644); err != nil {
				t.Fatal(err)
			}
			var got []string
			err = in.Each(ctx, func(d Document) error {
				got = append(got, d.Text)
				return nil
			})
			if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), tc.want) || !slices.Equal(got, []string{"First."}) {
				t.Errorf("got %q, %v; want the first document, then an input error saying %q", got, err, tc.want)
			}
		})
	}
}

// TestStdinLeavesNoCopy holds standard input's copy to leaving nothing
// behind: on Linux it is unlinked as soon as it is written, so that even a
// kg killed with -9 in the middle of a build leaves no kg-stdin-* file.
func TestStdinLeavesNoCopy(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	copies := func() []string {
		m, err := filepath.Glob(filepath.Join(tmp, "kg-stdin-*"))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	in, err := Open(context.Background(), []string{"-"}, strings.NewReader("The ministry fined Norvale.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "linux" {
		if c := copies(); len(c) != 0 {
			t.Errorf("while the inputs are open, %v is on disk for a kill -9 to leave", c)
		}
	}
	var got []string
	for range 2 { // read twice, as the check and the build do
		if err := in.Each(context.Background(), func(d Document) error {
			got = append(got, d.Name+": "+strings.TrimSpace(d.Text))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"stdin: The ministry fined Norvale.", "stdin: The ministry fined Norvale."}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if err := in.Close(); err != nil {
		t.Fatal(err)
	}
	if c := copies(); len(c) != 0 {
		t.Errorf("after Close, %v is left", c)
	}
}

// FuzzJSONL holds the JSON Lines reader to its word: whatever the file
// holds, Open either refuses it with an input error naming the file, or
// gives documents of valid UTF-8 text with names, and Each gives them again.
func FuzzJSONL(f *testing.F) {
	f.Add(`{"id": "a", "title": "T", "date": "2018-05-14", "text": "The ministry fined Norvale."}` + "\n\n" + `{"text": "Second."}`)
	f.Add(`{"id": "a", "text": "x"}` + "\n" + `{"id": "a", "text": "y"}`)
	f.Add(`{"text": 5}`)
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, data string) {
		p := filepath.Join(t.TempDir(), "feed.jsonl")
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		in, err := Open(context.Background(), []string{p}, nil, Options{})
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || !strings.Contains(err.Error(), "feed.jsonl") {
				t.Fatalf("refused without naming the file: %v", err)
			}
			return
		}
		defer in.Close()
		n := 0
		err = in.Each(context.Background(), func(d Document) error {
			n++
			if d.Name == "" || !utf8.ValidString(d.Text) {
				t.Errorf("document %q: name or text not valid", d.Name)
			}
			return nil
		})
		if err != nil || n != in.Documents {
			t.Errorf("Each: %v, %d documents, the check found %d", err, n, in.Documents)
		}
	})
}
