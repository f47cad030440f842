package main

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
)

// TestBuildInterrupted sends SIGINT (Ctrl-C) to kg build at random moments of
// a build of many documents on two workers, and checks that it exits 130
// saying how many documents it did, that the store verifies and holds
// exactly those documents, each whole and as a full build gives it, and
// that building again finishes the job. In the last rounds a second Ctrl-C
// follows the first within a fifth of a second, as an impatient user's
// does: kg then stops at once (killed by the signal, or exit 130 if the
// first had already stopped it), and the store must still hold whole
// documents only.
func TestBuildInterrupted(t *testing.T) {
	slow(t)
	dir := t.TempDir()
	bin := kgBinary(t)
	text, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	// JSON Lines, so that the documents have metadata too.
	var feed bytes.Buffer
	const n = 40
	for i := range n {
		s := strings.ReplaceAll(string(text), "Harbor Networks", fmt.Sprintf("Harbor Networks %d", i))
		fmt.Fprintf(&feed, `{"id":"news-%02d","title":"Item %d","date":"2024-06-%02d","text":%q}`+"\n", i, i, 1+i%28, s)
	}
	input := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(input, feed.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	build := func(db string) *exec.Cmd {
		return exec.Command(bin, "build", "--workers", "2", "--db", db, input)
	}
	ref := filepath.Join(dir, "ref.db")
	start := time.Now()
	if out, err := build(ref).CombinedOutput(); err != nil {
		t.Fatalf("reference build: %v\n%s", err, out)
	}
	took := time.Since(start)
	want := documents(t, graph.Options{Path: ref})

	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	said := regexp.MustCompile(`interrupted after (\d+) of (\d+) documents`)
	interrupted, killed := 0, 0
	const rounds, twiceFrom = 6, 3
	for round := range rounds {
		twice := round >= twiceFrom
		db := filepath.Join(dir, fmt.Sprintf("kg%d.db", round))
		cmd := build(db)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Not before kg has had time to start and take the signal.
		time.Sleep(took/10 + time.Duration(rng.Int64N(int64(took))))
		if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
			t.Fatal(err)
		}
		if twice {
			time.Sleep(time.Duration(rng.Int64N(int64(200 * time.Millisecond))))
			// The process may be gone already: its exit is what counts.
			_ = cmd.Process.Signal(syscall.SIGINT)
		}
		err := cmd.Wait()
		var ee *exec.ExitError
		switch {
		case err == nil:
			t.Logf("round %d: the build finished first", round)
			continue
		case twice && errors.As(err, &ee) && ee.ExitCode() == -1:
			if ws, ok := ee.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
				t.Fatalf("round %d: %v, want exit status 130 or death by the second SIGINT\n%s", round, err, stderr.String())
			}
			killed++
			got := documents(t, graph.Options{Path: db}) // opens, verifies, lists
			for _, d := range got {
				i := slices.IndexFunc(want, func(w graph.DocStats) bool { return w.Name == d.Name })
				if i < 0 || want[i] != d {
					t.Errorf("round %d: document %+v, want it as a full build gives it", round, d)
				}
			}
			t.Logf("round %d: stopped at once by a second Ctrl-C with %d of %d documents", round, len(got), n)
			if out, err := build(db).CombinedOutput(); err != nil {
				t.Fatalf("round %d: building again: %v\n%s", round, err, out)
			}
			if got := documents(t, graph.Options{Path: db}); !slices.Equal(got, want) {
				t.Errorf("round %d: after building again: %d documents, want %d as a full build", round, len(got), len(want))
			}
			continue
		case !twice && errors.As(err, &ee) && ee.ExitCode() == -1 && signalled(ee, syscall.SIGINT):
			// Until kg's main runs (after the packages' init, go-graphviz's
			// 160 ms of it, longer on a loaded machine), Ctrl-C kills it as
			// it kills any process: before it has opened the store.
			if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("round %d: killed by one Ctrl-C after it had opened the store (%v)\n%s", round, err, stderr.String())
			}
			t.Logf("round %d: Ctrl-C before kg's main, nothing written", round)
			continue
		case !errors.As(err, &ee) || ee.ExitCode() != 130:
			t.Fatalf("round %d: %v, want exit status 130\n%s", round, err, stderr.String())
		}
		if strings.Contains(stderr.String(), "interrupted while checking the inputs") {
			if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("round %d: interrupted before the store was opened, yet %s exists (%v)", round, db, err)
			}
			t.Logf("round %d: interrupted while checking the inputs", round)
			continue
		}
		m := said.FindStringSubmatch(stderr.String())
		if m == nil || m[2] != strconv.Itoa(n) {
			t.Fatalf("round %d: does not say how far it got: %q", round, stderr.String())
		}
		interrupted++
		got := documents(t, graph.Options{Path: db}) // opens, verifies, lists
		if strconv.Itoa(len(got)) != m[1] {
			t.Errorf("round %d: said %s documents, the store holds %d", round, m[1], len(got))
		}
		for _, d := range got {
			i := slices.IndexFunc(want, func(w graph.DocStats) bool { return w.Name == d.Name })
			if i < 0 || want[i] != d {
				t.Errorf("round %d: document %+v, want it as a full build gives it", round, d)
			}
		}
		t.Logf("round %d: interrupted with %d of %d documents", round, len(got), n)
		if out, err := build(db).CombinedOutput(); err != nil || !strings.Contains(string(out), fmt.Sprintf("(%d added, 0 replaced, %d unchanged)", n-len(got), len(got))) {
			t.Fatalf("round %d: building again: %v\n%s", round, err, out)
		}
		if got := documents(t, graph.Options{Path: db}); !slices.Equal(got, want) {
			t.Errorf("round %d: after building again: %d documents, want %d as a full build", round, len(got), len(want))
		}
	}
	if interrupted == 0 {
		t.Errorf("no build was interrupted before its end")
	}
	t.Logf("%d builds stopped by one Ctrl-C, %d at once by a second", interrupted, killed)
}

// signalled reports an exit by signal sig.
func signalled(ee *exec.ExitError, sig syscall.Signal) bool {
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && ws.Signal() == sig
}
