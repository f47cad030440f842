package main

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// longDocumentLimit is the most memory kg build may take on one long
// document: issue 14 asks for 500 MB.
const longDocumentLimit = 500 << 20

// TestLongDocumentMemory builds, each into a fresh bolt store, a 20 MB line
// of words without punctuation and a 10 MB JSON Lines document of ordinary
// sentences, with kg's private memory (its heap, stacks and every other
// writable private mapping: RLIMIT_DATA, `ulimit -d`) limited to 500 MB, so
// that a build that needs more fails. Each store must then verify. The
// limit leaves out the bolt file, which bbolt reads through a shared
// mapping: its pages are the kernel's page cache, though the ones a
// transaction touches count in the process's resident size for as long as
// they stay mapped; the test logs that size too. (Issue 14's 30 MB document
// takes about 9 minutes, and its private memory still passes 500 MB: see
// the README's Reliability.)
func TestLongDocumentMemory(t *testing.T) {
	slow(t)
	bin := kgBinary(t)
	text, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()

	// The line: the example's words in random order, lowercased, with no
	// punctuation to end a sentence.
	words := regexp.MustCompile(`[a-z]+`).FindAllString(strings.ToLower(string(text)), -1)
	rnd := rand.New(rand.NewPCG(14, 2))
	var line strings.Builder
	for line.Len() < 20<<20 {
		line.WriteString(words[rnd.IntN(len(words))])
		line.WriteByte(' ')
	}
	line.WriteByte('\n')
	lineFile := filepath.Join(dir, "line.txt")
	if err := os.WriteFile(lineFile, []byte(line.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	line.Reset()

	// The document: the example article over and over, as one record.
	story := strings.Repeat(string(text)+"\n\n", 10<<20/(len(text)+2)+1)
	rec, err := json.Marshal(map[string]string{"id": "big", "text": story})
	if err != nil {
		t.Fatal(err)
	}
	docFile := filepath.Join(dir, "big.jsonl")
	if err := os.WriteFile(docFile, append(rec, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, input := range []string{lineFile, docFile} {
		t.Run(filepath.Base(input), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "kg.db")
			cmd := exec.Command("sh", "-c", `ulimit -d $1 && shift && exec "$@"`, "sh",
				strconv.Itoa(longDocumentLimit>>10), bin, "build", "--quiet", "--db", db, input)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("kg build with %d MB of private memory: %v\n%s", longDocumentLimit>>20, err, tail(out))
			}
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				t.Logf("%s: peak resident size %d MB, the bolt file's mapped pages included", filepath.Base(input), ru.Maxrss>>10)
			}
			out, err = exec.Command(bin, "verify", "--db", db).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "no problem") {
				t.Errorf("kg verify: %v\n%s", err, out)
			}
		})
	}
}

// tail returns the end of a command's output, which says why it failed.
func tail(out []byte) []byte {
	if len(out) > 2000 {
		return out[len(out)-2000:]
	}
	return out
}
