package graph

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"

	"go.etcd.io/bbolt"
)

// releaseMapped tells the kernel that this process no longer needs the pages
// of the bolt file that bbolt's read-only mapping of it holds. bbolt reads
// the file through that mapping, and every page a transaction touches stays
// mapped, counted in the process's resident memory, until the mapping goes:
// writing a long document would otherwise hold about the whole file. The
// pages stay in the page cache, and a later read maps them again.
//
// It must run with no transaction open and none able to start that could
// remap the file: under the Store's write lock, after a write.
func releaseMapped(db *bbolt.DB) error {
	start := db.Info().Data
	end, err := mappingEnd(start)
	if err != nil || end <= start {
		return err
	}
	// MADV_DONTNEED on a shared file mapping drops only this process's
	// references: the file's contents are untouched.
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, start, end-start, syscall.MADV_DONTNEED); errno != 0 {
		return fmt.Errorf("release the bolt file's pages: %w", errno)
	}
	return nil
}

// mappingEnd returns the end of this process's mapping that starts at
// start, from /proc/self/maps; 0 when there is none.
func mappingEnd(start uintptr) (uintptr, error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	prefix := strconv.FormatUint(uint64(start), 16) + "-"
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, prefix) {
			continue
		}
		hex, _, _ := strings.Cut(line[len(prefix):], " ")
		end, err := strconv.ParseUint(hex, 16, 64)
		if err != nil {
			return 0, fmt.Errorf("/proc/self/maps: %q: %w", line, err)
		}
		return uintptr(end), nil
	}
	return 0, sc.Err()
}
