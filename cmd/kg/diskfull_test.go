package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// smallDisk mounts a tmpfs of size bytes (as the mount command spells it,
// "2m") and returns its directory, unmounted when the test ends. It skips
// the test where mounting is not allowed (not root, or a container without
// the capability): the full-disk run needs a real file system that fills.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		skip(t, "cannot mount a small tmpfs to fill (needs root): "+strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v\n%s", dir, err, out)
		}
	})
	return dir
}

// TestDiskFull builds onto a disk that fills: kg build stops with exit
// status 1 and says which document the disk was full at; the store opens,
// verifies and holds whole documents only, each as a full build gives it;
// once there is room, building again finishes the job. On the full disk, kg
// export -o fails and leaves neither the file nor a temporary one.
func TestDiskFull(t *testing.T) {
	slow(t)
	disk := smallDisk(t, "2m")
	dir := t.TempDir()
	bin := kgBinary(t)
	text, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	var feed bytes.Buffer
	const n = 80
	for i := range n {
		s := strings.ReplaceAll(string(text), "Harbor Networks", fmt.Sprintf("Harbor Networks %d", i))
		fmt.Fprintf(&feed, `{"id":"news-%02d","text":%q}`+"\n", i, s)
	}
	input := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(input, feed.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	ref := filepath.Join(dir, "ref.db")
	if out, err := exec.Command(bin, "build", "--db", ref, input).CombinedOutput(); err != nil {
		t.Fatalf("reference build: %v\n%s", err, out)
	}
	want := documents(t, graph.Options{Path: ref})

	db := filepath.Join(disk, "kg.db")
	out, err := exec.Command(bin, "build", "--db", db, input).CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("kg build on a full disk: %v, want exit status 1\n%s", err, out)
	}
	if !strings.Contains(string(out), "no space left on device") || !strings.Contains(string(out), "news-") {
		t.Errorf("kg build on a full disk says %q, want the document and the cause", out)
	}
	got := documents(t, graph.Options{Path: db}) // opens, verifies, lists
	if len(got) == 0 || len(got) == n {
		t.Fatalf("the full disk held %d of %d documents: the test's disk is not the right size", len(got), n)
	}
	for _, d := range got {
		i := slices.IndexFunc(want, func(w graph.DocStats) bool { return w.Name == d.Name })
		if i < 0 || want[i] != d {
			t.Errorf("document %+v, want it as a full build gives it", d)
		}
	}
	t.Logf("the disk was full after %d of %d documents", len(got), n)

	// The disk stays full: a file takes what room is left.
	fill, err := os.Create(filepath.Join(disk, "fill"))
	if err != nil {
		t.Fatal(err)
	}
	for err == nil {
		_, err = fill.Write(make([]byte, 64<<10))
	}
	fill.Close()
	svg := filepath.Join(disk, "graph.svg")
	if out, err := exec.Command(bin, "export", "--db", db, "--format", "svg", "-o", svg).CombinedOutput(); err == nil {
		t.Errorf("kg export -o onto a full disk succeeded:\n%s", out)
	}
	if names, _ := filepath.Glob(filepath.Join(disk, "graph*")); len(names) > 0 {
		t.Errorf("kg export left %q on the full disk", names)
	}

	// Room again.
	if err := os.Remove(filepath.Join(disk, "fill")); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-o", "remount,size=64m", disk).CombinedOutput(); err != nil {
		t.Fatalf("remount: %v\n%s", err, out)
	}
	if out, err := exec.Command(bin, "build", "--db", db, input).CombinedOutput(); err != nil {
		t.Fatalf("building again with room: %v\n%s", err, out)
	}
	if got := documents(t, graph.Options{Path: db}); !slices.Equal(got, want) {
		t.Errorf("after building again: %d documents, want %d as a full build", len(got), len(want))
	}
}
