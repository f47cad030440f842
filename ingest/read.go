package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"
)

// Document is one text to extract facts from.
type Document struct {
	// Name is the document's name in the graph: the path as given, "stdin",
	// or a JSON Lines document's id.
	Name string
	Text string

	Title  string // from JSON Lines; "" for a text file
	Date   string // from JSON Lines, as written; "" for a text file
	Source string // the file it was read from, "stdin" for standard input
	Line   int    // a JSON Lines document's line in Source; 0 for a whole file
}

// Hash identifies the document's text and the metadata stored with it:
// "sha256:" and a hex SHA-256. The store keeps it, so that loading the same
// document again can be skipped. For a text file it is the SHA-256 of the
// text alone; a title, a date or a source other than the name are hashed
// after it, so that a change of metadata replaces the stored document.
func (d Document) Hash() string {
	h := sha256.New()
	// A chunk at a time: io.WriteString would copy the whole text, which
	// may be tens of megabytes, and Hash runs more than once a document.
	var buf [32 << 10]byte
	for t := d.Text; len(t) > 0; {
		n := copy(buf[:], t)
		h.Write(buf[:n])
		t = t[n:]
	}
	if d.Title != "" || d.Date != "" || (d.Source != "" && d.Source != d.Name) {
		io.WriteString(h, "\x00"+d.Title+"\x00"+d.Date+"\x00"+d.Source)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// ErrInput marks an input that cannot be read as text: empty, binary, not
// UTF-8, missing, or a JSON line that is not a document. Its message names
// the file and, where it applies, the line.
var ErrInput = errors.New("bad input")

// InputError says what is wrong with one input and where.
type InputError struct {
	Name string
	Line int // 0 when the problem is the whole file
	Msg  string
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Name, e.Msg)
}

// Unwrap lets callers test for [ErrInput].
func (e *InputError) Unwrap() error { return ErrInput }

// readFile reads a file; a file that cannot be opened is an InputError.
func readFile(p string) ([]byte, error) {
	b, err := os.ReadFile(p)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			return nil, &InputError{Name: p, Msg: pe.Err.Error()}
		}
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	return b, nil
}

// Check reports why b is not a text kg can read: empty (or only white
// space), binary (a NUL byte), or not UTF-8, with the line of the first bad
// byte.
func Check(name string, b []byte) error {
	return checkAt(name, 0, b)
}

// checkAt is Check for text that starts on line first+1 of the file.
func checkAt(name string, first int, b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return &InputError{Name: name, Line: lineIf(first), Msg: "empty input: no text to read"}
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return &InputError{Name: name, Line: first + lineOf(b, i), Msg: "binary data (a NUL byte), not text"}
	}
	if !utf8.Valid(b) {
		i := invalidAt(b)
		return &InputError{Name: name, Line: first + lineOf(b, i), Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x at offset %d)", b[i], i)}
	}
	return nil
}

// lineIf is the line of a problem with a whole document: 0 (none) for a
// file, the line itself for a JSON Lines document.
func lineIf(first int) int {
	if first == 0 {
		return 0
	}
	return first + 1
}

// invalidAt returns the offset of the first byte of b that is not UTF-8.
func invalidAt(b []byte) int {
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	return i
}

func lineOf(b []byte, i int) int { return bytes.Count(b[:i], []byte{'\n'}) + 1 }
