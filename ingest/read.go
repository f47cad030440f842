package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// Document is one text to extract facts from.
type Document struct {
	Name string // the document's name in the graph: the path as given, or "stdin"
	Text string
}

// Hash identifies the document's text: "sha256:" and the hex SHA-256 of it.
// The store keeps it, so that loading the same text again can be skipped.
func (d Document) Hash() string {
	sum := sha256.Sum256([]byte(d.Text))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// ErrInput marks an input that cannot be read as text: empty, binary or not
// UTF-8. Its message names the file and, where it applies, the line.
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

// Read reads the named files, or stdin when there are none, and checks each
// one. It returns the first problem it finds, before any document is used.
func Read(paths []string, stdin io.Reader) ([]Document, error) {
	if len(paths) == 0 {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("read stdin: %w", err)
		}
		if err := Check("stdin", b); err != nil {
			return nil, err
		}
		return []Document{{Name: "stdin", Text: string(b)}}, nil
	}
	docs := make([]Document, 0, len(paths))
	seen := make(map[string]bool, len(paths))
	for _, p := range paths {
		name := filepath.ToSlash(filepath.Clean(p))
		if seen[name] {
			continue
		}
		seen[name] = true
		b, err := os.ReadFile(p)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				return nil, &InputError{Name: p, Msg: pe.Err.Error()}
			}
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		if err := Check(p, b); err != nil {
			return nil, err
		}
		docs = append(docs, Document{Name: name, Text: string(b)})
	}
	return docs, nil
}

// Check reports why b is not a text kg can read: empty (or only white
// space), binary (a NUL byte), or not UTF-8, with the line of the first bad
// byte.
func Check(name string, b []byte) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return &InputError{Name: name, Msg: "empty input: no text to read"}
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return &InputError{Name: name, Line: lineOf(b, i), Msg: "binary data (a NUL byte), not text"}
	}
	if !utf8.Valid(b) {
		i := 0
		for i < len(b) {
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return &InputError{Name: name, Line: lineOf(b, i), Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x at offset %d)", b[i], i)}
	}
	return nil
}

func lineOf(b []byte, i int) int { return bytes.Count(b[:i], []byte{'\n'}) + 1 }
