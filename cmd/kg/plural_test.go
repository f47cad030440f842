package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestPlural(t *testing.T) {
	tests := []struct {
		n    int
		noun string
		want string
	}{
		{1, "document", "1 document"},
		{0, "fact", "0 facts"},
		{2, "entity", "2 entities"},
		{1, "entity", "1 entity"},
	}
	for _, tt := range tests {
		if got := plural(tt.n, tt.noun); got != tt.want {
			t.Errorf("plural(%d, %q) = %q, want %q", tt.n, tt.noun, got, tt.want)
		}
	}
	// What a user sees after building one document.
	_, errOut, code := run(t, "", "build", "--db", filepath.Join(t.TempDir(), "kg.db"), example)
	if code != 0 || !strings.Contains(errOut, ": 1 document (1 added, 0 replaced, 0 unchanged)") {
		t.Errorf("build of one document: exit %d, %q; want 1 document", code, errOut)
	}
	if _, errOut, _ := run(t, "", "facts", "A", "B"); !strings.Contains(errOut, "got 2 arguments") {
		t.Errorf("facts A B: %q", errOut)
	}
	if _, errOut, _ := run(t, "", "support", "A"); !strings.Contains(errOut, "got 1 argument") || strings.Contains(errOut, "1 arguments") {
		t.Errorf("support A: %q", errOut)
	}
}
