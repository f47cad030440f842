package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// slowEnv enables the slow fault runs (kill -9 and Ctrl-C at random moments
// of builds of many documents). .ci/run sets it.
const slowEnv = "KG_TEST_SLOW"

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "kg-test-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	if line := skips.summary(); line != "" {
		fmt.Println(line)
	}
	os.Exit(code)
}

// skipLog gathers the tests skipped for want of something, so that one line
// at the end says which and why.
type skipLog struct {
	mu    sync.Mutex
	byWhy map[string][]string
	whys  []string
}

var skips = skipLog{byWhy: make(map[string][]string)}

// skip skips t for why, and notes it for the summary line.
func skip(t *testing.T, why string) {
	t.Helper()
	skips.mu.Lock()
	if _, ok := skips.byWhy[why]; !ok {
		skips.whys = append(skips.whys, why)
	}
	skips.byWhy[why] = append(skips.byWhy[why], t.Name())
	skips.mu.Unlock()
	t.Skip(why)
}

func (l *skipLog) summary() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.whys) == 0 {
		return ""
	}
	var parts []string
	for _, why := range l.whys {
		names := slices.Clone(l.byWhy[why])
		slices.Sort(names)
		parts = append(parts, strings.Join(names, ", ")+" ("+why+")")
	}
	return "kg tests skipped: " + strings.Join(parts, "; ")
}

// slow skips t unless KG_TEST_SLOW=1.
func slow(t *testing.T) {
	t.Helper()
	if testing.Short() {
		skip(t, "-short")
	}
	if os.Getenv(slowEnv) != "1" {
		skip(t, "a slow fault run: set "+slowEnv+"=1, as .ci/run does")
	}
}

// kgBinary returns the path of a kg binary for a test that runs kg as a
// process. It is built once for all the tests of the process (without the
// race detector, which would slow the builds those tests time and kill).
func kgBinary(t *testing.T) string {
	t.Helper()
	bin, err := sharedBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

var sharedBinary = sync.OnceValues(func() (string, error) {
	bin := filepath.Join(binDir, "kg")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// binDir holds the binaries the tests build; TestMain removes it.
var binDir string
