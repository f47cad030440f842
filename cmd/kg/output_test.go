package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteOutputs: outputs are written all or none, through exclusive
// temporary files, never through or over a link, keeping a file's mode.
func TestWriteOutputs(t *testing.T) {
	noTemps := func(t *testing.T, dir string) {
		t.Helper()
		matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
		more, _ := filepath.Glob(filepath.Join(dir, "*.tmp"))
		if len(matches)+len(more) > 0 {
			t.Errorf("temporary files left: %v %v", matches, more)
		}
	}
	t.Run("all or none", func(t *testing.T) {
		dir := t.TempDir()
		ok := filepath.Join(dir, "ok.csv")
		err := writeOutputs(nil, output{ok, []byte("a\n")}, output{filepath.Join(dir, "missing", "x.csv"), []byte("b\n")})
		if err == nil {
			t.Fatal("got no error for a missing directory")
		}
		if _, err := os.Stat(ok); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("ok.csv was written although the other output failed: %v", err)
		}
		noTemps(t, dir)
	})
	t.Run("planted link at the old temporary name", func(t *testing.T) {
		dir := t.TempDir()
		victim := filepath.Join(dir, "victim")
		os.WriteFile(victim, []byte("keep"), 0o644)
		out := filepath.Join(dir, "out.dot")
		os.Symlink(victim, out+".tmp")
		if err := writeOutputs(nil, output{out, []byte("graph")}); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(victim); string(b) != "keep" {
			t.Errorf("written through the planted link: victim holds %q", b)
		}
		if b, _ := os.ReadFile(out); string(b) != "graph" {
			t.Errorf("out holds %q", b)
		}
	})
	t.Run("symbolic link refused", func(t *testing.T) {
		dir := t.TempDir()
		victim := filepath.Join(dir, "victim")
		os.WriteFile(victim, []byte("keep"), 0o644)
		out := filepath.Join(dir, "out.dot")
		os.Symlink(victim, out)
		err := writeOutputs(nil, output{out, []byte("graph")})
		if !errors.Is(err, errNotWritable) {
			t.Errorf("got %v, want a refusal", err)
		}
		if fi, err := os.Lstat(out); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("the link was replaced")
		}
		if b, _ := os.ReadFile(victim); string(b) != "keep" {
			t.Errorf("victim holds %q", b)
		}
	})
	t.Run("mode kept", func(t *testing.T) {
		dir := t.TempDir()
		out := filepath.Join(dir, "out.csv")
		os.WriteFile(out, []byte("old"), 0o600)
		if err := writeOutputs(nil, output{out, []byte("new")}); err != nil {
			t.Fatal(err)
		}
		if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, want 0600", fi.Mode().Perm())
		}
		noTemps(t, dir)
	})
	t.Run("read-only file refused", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root may write a 0444 file")
		}
		dir := t.TempDir()
		out := filepath.Join(dir, "out.csv")
		os.WriteFile(out, []byte("old"), 0o444)
		if err := writeOutputs(nil, output{out, []byte("new")}); !errors.Is(err, errNotWritable) {
			t.Errorf("got %v, want a refusal", err)
		}
	})
	t.Run("FIFO written in place", func(t *testing.T) {
		dir := t.TempDir()
		fifo := filepath.Join(dir, "pipe")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skip(err)
		}
		got := make(chan []byte)
		go func() {
			b, _ := os.ReadFile(fifo)
			got <- b
		}()
		if err := writeOutputs(nil, output{fifo, []byte("through the pipe")}); err != nil {
			t.Fatal(err)
		}
		if b := <-got; string(b) != "through the pipe" {
			t.Errorf("read %q", b)
		}
		if fi, _ := os.Lstat(fifo); fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("the FIFO was replaced by %v", fi.Mode())
		}
	})
	t.Run("device written in place", func(t *testing.T) {
		if _, err := os.Stat("/dev/full"); err != nil {
			t.Skip("no /dev/full")
		}
		err := writeOutputs(nil, output{"/dev/full", []byte("x")})
		if err == nil || !strings.Contains(err.Error(), "no space") {
			t.Errorf("got %v, want the device's error", err)
		}
		if fi, _ := os.Lstat("/dev/full"); fi.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("/dev/full is no longer a device")
		}
	})
	t.Run("standard output last", func(t *testing.T) {
		var b bytes.Buffer
		err := writeOutputs(&b, output{"-", []byte("out")}, output{filepath.Join(t.TempDir(), "no", "x"), nil})
		if err == nil || b.Len() != 0 {
			t.Errorf("got %v and %q on standard output, want an error and nothing", err, b.String())
		}
	})
}

// TestExportAllOrNone: kg export with two outputs, one of them impossible,
// writes neither.
func TestExportAllOrNone(t *testing.T) {
	db := build(t)
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.csv")
	_, _, code := run(t, "", "export", "--db", db, "--format", "csv", "--nodes", ok, "-o", filepath.Join(dir, "missing", "edges.csv"))
	if code == 0 {
		t.Fatal("export to a missing directory succeeded")
	}
	if _, err := os.Stat(ok); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("--nodes file written although -o failed: %v", err)
	}
}
