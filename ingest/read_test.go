package ingest

import (
	"errors"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" for no error
	}{
		{"text", "The bank froze the accounts.\n", ""},
		{"unicode", "Déjà vu in Zürich — “quoted”.\n", ""},
		{"empty", "", "a.txt: empty input: no text to read"},
		{"only space", " \n\t\n", "a.txt: empty input: no text to read"},
		{"nul on line 3", "one\ntwo\nthr\x00ee", "a.txt:3: binary data (a NUL byte), not text"},
		{"latin-1 on line 2", "one\ncaf\xe9\n", "a.txt:2: invalid UTF-8 (byte 0xe9 at offset 7)"},
		{"truncated rune at the end", "end \xe2\x80", "a.txt:1: invalid UTF-8 (byte 0xe2 at offset 4)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check("a.txt", []byte(tt.in))
			got := ""
			if err != nil {
				got = err.Error()
				if !errors.Is(err, ErrInput) {
					t.Errorf("error %v does not match ErrInput", err)
				}
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
