package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// output is one file a command writes: to the writer when the path is empty
// or "-".
type output struct {
	path string
	data []byte
}

// errNotWritable refuses an output that kg will not replace.
var errNotWritable = errors.New("not a file kg may write")

// writeOutputs writes a command's outputs, all or none. Each file is first
// written whole to a temporary file created exclusively (O_EXCL, a random
// name, so never through a planted link) beside it; only when every one is
// ready are they renamed over their targets, keeping an existing file's
// mode. A target that is a device or a FIFO is written in place, before the
// renames; a symbolic link, a directory or a file we may not write is
// refused. On any failure the temporary files are removed.
func writeOutputs(w io.Writer, outs ...output) (err error) {
	type staged struct {
		out     output
		tmp     string // "" for standard output or a file written in place
		inPlace bool
	}
	var ready []staged
	defer func() {
		if err != nil {
			for _, s := range ready {
				if s.tmp != "" {
					os.Remove(s.tmp)
				}
			}
		}
	}()
	for _, o := range outs {
		if o.path == "" || o.path == "-" {
			ready = append(ready, staged{out: o})
			continue
		}
		mode := fs.FileMode(0o644)
		fi, err := os.Lstat(o.path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return fmt.Errorf("write %s: %w", o.path, err)
		case fi.Mode()&fs.ModeSymlink != 0:
			return fmt.Errorf("write %s: %w: a symbolic link (name the file it points to)", o.path, errNotWritable)
		case fi.IsDir():
			return fmt.Errorf("write %s: %w: a directory", o.path, errNotWritable)
		case fi.Mode()&(fs.ModeDevice|fs.ModeCharDevice|fs.ModeNamedPipe) != 0:
			ready = append(ready, staged{out: o, inPlace: true})
			continue
		case !fi.Mode().IsRegular():
			return fmt.Errorf("write %s: %w: not a regular file", o.path, errNotWritable)
		default:
			if err := syscall.Access(o.path, 2 /* W_OK */); err != nil {
				return fmt.Errorf("write %s: %w: %w", o.path, errNotWritable, err)
			}
			mode = fi.Mode().Perm()
		}
		tmp, err := writeTemp(o, mode)
		if err != nil {
			return err
		}
		ready = append(ready, staged{out: o, tmp: tmp})
	}
	for _, s := range ready {
		if s.inPlace {
			if err := writeInPlace(s.out); err != nil {
				return err
			}
		}
	}
	for _, s := range ready {
		if s.tmp != "" {
			if err := os.Rename(s.tmp, s.out.path); err != nil {
				return fmt.Errorf("write %s: %w", s.out.path, err)
			}
		}
	}
	for _, s := range ready {
		if s.out.path == "" || s.out.path == "-" {
			if _, err := w.Write(s.out.data); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeTemp writes o's data to a new temporary file beside o.path and
// returns its name.
func writeTemp(o output, mode fs.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(o.path), "."+filepath.Base(o.path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("write %s: %w", o.path, err)
	}
	_, err = f.Write(o.data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("write %s: %w", o.path, err)
	}
	return f.Name(), nil
}

// writeInPlace writes to a device or a FIFO, which a rename would replace.
func writeInPlace(o output) error {
	f, err := os.OpenFile(o.path, os.O_WRONLY|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", o.path, err)
	}
	_, err = f.Write(o.data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", o.path, err)
	}
	return nil
}
