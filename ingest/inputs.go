package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// DefaultExts are the extensions of the files read from a directory when
// [Options.Exts] is empty.
var DefaultExts = []string{".txt", ".text", ".md", ".jsonl", ".ndjson"}

// Options says how [Open] finds and reads documents.
type Options struct {
	// Exts are the extensions, with their dot, of the files that a directory
	// contributes (its subdirectories too). Files named on their own are
	// read whatever their extension. Empty means [DefaultExts].
	Exts []string

	// JSONL reads every input as JSON Lines of documents, standard input
	// too. Without it only files named *.jsonl or *.ndjson are.
	JSONL bool
}

// Inputs are the documents that a command line names, found and checked by
// [Open] and read one at a time by [Inputs.Each].
type Inputs struct {
	sources []source
	checked bool     // the check has read every source
	spool   string   // standard input, copied to a file so it can be read twice
	spoolF  *os.File // that copy, open and already unlinked where the system allows

	// Documents and Bytes are what the check found: the number of
	// documents and the bytes of their texts.
	Documents int
	Bytes     int64
}

// source is one file to read.
type source struct {
	path  string // to open
	name  string // to show and to name its document
	jsonl bool
	// size and mod are the file's as the check found them: a file that
	// differs at its turn changed since, and is not read as it was checked.
	size int64
	mod  time.Time
}

// Open finds the documents that args name and checks every one of them, so
// that a bad input stops a command before it has written anything. An
// argument is a file, a directory (its files with one of opts.Exts, at any
// depth, in lexical order), a glob pattern (its matches, sorted), or "-" for
// standard input; no argument at all means standard input. A file named
// *.jsonl or *.ndjson holds one document a line: {"id", "title", "date",
// "text"}.
//
// The check reads every input once, one document at a time, so its memory
// is that of the largest document, not of the whole input; standard input is
// copied to a temporary file, which Close removes (on Linux it is unlinked at
// once, so that not even a killed process leaves it behind). It fails with an
// [InputError] for a missing file, a glob that matches nothing, an empty,
// binary or non-UTF-8 text, a JSON line that is not a document, or two
// documents with the same name.
func Open(ctx context.Context, args []string, stdin io.Reader, opts Options) (*Inputs, error) {
	exts := opts.Exts
	if len(exts) == 0 {
		exts = DefaultExts
	}
	in := &Inputs{}
	if len(args) == 0 {
		args = []string{"-"}
	}
	seen := make(map[string]bool)
	addFile := func(p string) {
		name := filepath.ToSlash(filepath.Clean(p))
		if seen[name] {
			return // a file named twice is read once
		}
		seen[name] = true
		in.sources = append(in.sources, source{path: p, name: name, jsonl: opts.JSONL || isJSONL(p)})
	}
	for _, a := range args {
		switch fi, err := os.Stat(a); {
		case a == "-":
			if in.spool != "" {
				continue
			}
			p, f, err := spool(stdin)
			if err != nil {
				in.Close()
				return nil, err
			}
			in.spool, in.spoolF = p, f
			in.sources = append(in.sources, source{path: p, name: "stdin", jsonl: opts.JSONL})
		case err == nil && fi.IsDir():
			err := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return &InputError{Name: p, Msg: unwrapPath(err).Error()}
				}
				if !d.IsDir() && slices.Contains(exts, strings.ToLower(filepath.Ext(p))) {
					addFile(p)
				}
				return nil
			})
			if err != nil {
				in.Close()
				return nil, err
			}
		case err != nil && hasMeta(a):
			matches, gerr := filepath.Glob(a)
			if gerr != nil {
				in.Close()
				return nil, &InputError{Name: a, Msg: "bad pattern: " + gerr.Error()}
			}
			if len(matches) == 0 {
				in.Close()
				return nil, &InputError{Name: a, Msg: "no file matches the pattern"}
			}
			for _, m := range matches {
				if fi, err := os.Stat(m); err == nil && fi.IsDir() {
					continue
				}
				addFile(m)
			}
		default:
			addFile(a) // a missing file is reported by the check, in order
		}
	}
	names := make(map[string]string) // document name -> where it was read
	err := in.each(ctx, func(d Document) error {
		where := d.Source
		if d.Line > 0 {
			where = fmt.Sprintf("%s:%d", d.Source, d.Line)
		}
		if first, dup := names[d.Name]; dup {
			return &InputError{Name: d.Source, Line: d.Line, Msg: fmt.Sprintf("document %q is also at %s", d.Name, first)}
		}
		names[d.Name] = where
		in.Documents++
		in.Bytes += int64(len(d.Text))
		return nil
	})
	if err != nil {
		in.Close()
		return nil, err
	}
	in.checked = true
	return in, nil
}

// Each reads the documents in order and calls fn with each; it stops at the
// first error, fn's or the input's. An input that changed since Open checked
// it fails the same way, with the document before it read whole.
func (in *Inputs) Each(ctx context.Context, fn func(Document) error) error {
	return in.each(ctx, fn)
}

// Close removes the copy of standard input.
func (in *Inputs) Close() error {
	if in.spool == "" {
		return nil
	}
	var err error
	if in.spoolF != nil {
		err = in.spoolF.Close() // unlinked already: closing frees it
	} else {
		err = os.Remove(in.spool)
	}
	in.spool, in.spoolF = "", nil
	return err
}

func (in *Inputs) each(ctx context.Context, fn func(Document) error) error {
	for i := range in.sources {
		s := &in.sources[i]
		if err := ctx.Err(); err != nil {
			return err
		}
		if fi, err := os.Stat(s.path); err == nil {
			if !in.checked {
				s.size, s.mod = fi.Size(), fi.ModTime()
			} else if fi.Size() != s.size || !fi.ModTime().Equal(s.mod) {
				return &InputError{Name: s.name, Msg: "changed since kg checked it: run the command again"}
			}
		}
		var err error
		if s.jsonl {
			err = s.readJSONL(ctx, fn)
		} else {
			var b []byte
			if b, err = readFile(s.path); err != nil {
				var ie *InputError
				if errors.As(err, &ie) {
					ie.Name = s.name
				}
				return err
			}
			if err = Check(s.name, b); err == nil {
				err = fn(Document{Name: s.name, Text: string(b), Source: s.name})
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// jsonDoc is one line of a JSON Lines input.
type jsonDoc struct {
	ID    string  `json:"id"`
	Title string  `json:"title"`
	Date  string  `json:"date"`
	Text  *string `json:"text"`
}

// readJSONL calls fn with each document of a JSON Lines file. Blank lines are skipped; a document without
// an id is named after its file and line.
func (s source) readJSONL(ctx context.Context, fn func(Document) error) error {
	f, err := os.Open(s.path)
	if err != nil {
		return &InputError{Name: s.name, Msg: unwrapPath(err).Error()}
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 64<<10)
	docs := 0
	for line := 1; ; line++ {
		b, err := readLine(r)
		if len(b) == 0 && err == io.EOF {
			break
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("read %s: %w", s.name, err)
		}
		if line%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		d, perr := s.parse(b, line)
		if perr != nil {
			return perr
		}
		docs++
		if err := fn(d); err != nil {
			return err
		}
	}
	if docs == 0 {
		return &InputError{Name: s.name, Msg: "empty input: no JSON document to read"}
	}
	return nil
}

// parse reads one JSON line as a document.
func (s source) parse(b []byte, line int) (Document, error) {
	bad := func(format string, args ...any) error {
		return &InputError{Name: s.name, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	// The JSON decoder would turn bad bytes into U+FFFD without a word.
	if err := checkAt(s.name, line-1, b); err != nil {
		return Document{}, err
	}
	// Unmarshal reads the line in place: a decoder would copy a long one
	// into a buffer that grows by doubling. Only a bad line goes through
	// the decoder, which tells a second value apart from bad JSON.
	var j jsonDoc
	if err := json.Unmarshal(b, &j); err != nil {
		dec := json.NewDecoder(bytes.NewReader(b))
		if derr := dec.Decode(new(jsonDoc)); derr != nil {
			return Document{}, bad("not a JSON document: %v", derr)
		}
		if dec.More() {
			return Document{}, bad("not a JSON document: more than one value on the line")
		}
		return Document{}, bad("not a JSON document: %v", err)
	}
	if j.Text == nil {
		return Document{}, bad(`no "text" in the document`)
	}
	// Escapes can give the text what the line had not (\u0000); the text
	// is copied into checkAt, to say where, only when it is bad.
	if t := *j.Text; strings.IndexByte(t, 0) >= 0 || !utf8.ValidString(t) || strings.TrimSpace(t) == "" {
		if err := checkAt(s.name, line-1, []byte(t)); err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				ie.Line, ie.Msg = line, "text: "+ie.Msg // the text's own lines are not the file's
			}
			return Document{}, err
		}
	}
	name := strings.TrimSpace(j.ID)
	if name == "" {
		name = fmt.Sprintf("%s:%d", s.name, line)
	}
	return Document{Name: name, Text: *j.Text, Title: j.Title, Date: j.Date, Source: s.name, Line: line}, nil
}

// readLine returns the next line of r without its newline, however long.
func readLine(r *bufio.Reader) ([]byte, error) {
	b, err := r.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		long := append([]byte(nil), b...)
		for err == bufio.ErrBufferFull {
			b, err = r.ReadSlice('\n')
			long = append(long, b...)
		}
		b = long
	}
	return bytes.TrimSuffix(b, []byte{'\n'}), err
}

// spool copies standard input to a temporary file and returns the path to
// read it by. On Linux the file is unlinked at once and read through
// /proc/self/fd, kept open in the returned file: a kg killed with -9 leaves
// no copy behind. Elsewhere the path is the file's, which Close removes.
func spool(stdin io.Reader) (string, *os.File, error) {
	f, err := os.CreateTemp("", "kg-stdin-*")
	if err != nil {
		return "", nil, fmt.Errorf("read stdin: %w", err)
	}
	fail := func(err error) (string, *os.File, error) {
		f.Close()
		os.Remove(f.Name())
		return "", nil, fmt.Errorf("read stdin: %w", err)
	}
	if _, err := io.Copy(f, stdin); err != nil {
		return fail(err)
	}
	if runtime.GOOS == "linux" {
		fd := fmt.Sprintf("/proc/self/fd/%d", f.Fd())
		if _, err := os.Stat(fd); err == nil {
			if err := os.Remove(f.Name()); err != nil {
				return fail(err)
			}
			return fd, f, nil
		}
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return "", nil, fmt.Errorf("read stdin: %w", err)
	}
	return f.Name(), nil, nil
}

func isJSONL(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// hasMeta reports whether p is a glob pattern.
func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[`) }

// unwrapPath returns the cause of a path error, without the path.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
