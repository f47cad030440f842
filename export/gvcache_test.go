package export

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/schema"
)

// TestGraphvizCacheOwn runs this test binary again with a TMPDIR and a cache
// directory of the test's: go-graphviz, initialised before main, must leave
// TMPDIR alone (a go-graphviz directory there, owned by another user, made kg
// panic at start) and cache in the user's own directory; the process gets
// its TMPDIR back, and rendering works.
func TestGraphvizCacheOwn(t *testing.T) {
	if os.Getenv("KG_TEST_GVCACHE_CHILD") == "1" {
		var svg bytes.Buffer
		if err := RenderSVG(context.Background(), &svg, &schema.Subgraph{}); err != nil {
			t.Fatalf("RenderSVG: %v", err)
		}
		fmt.Printf("TMPDIR=%s\n", os.TempDir())
		return
	}
	tmp, cache := t.TempDir(), t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestGraphvizCacheOwn$")
	cmd.Env = append(os.Environ(), "KG_TEST_GVCACHE_CHILD=1", "TMPDIR="+tmp, "XDG_CACHE_HOME="+cache)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("TMPDIR="+tmp+"\n")) {
		t.Errorf("the child's TMPDIR was not given back: %s", out)
	}
	if _, err := os.Stat(filepath.Join(tmp, "go-graphviz")); err == nil {
		t.Errorf("go-graphviz wrote its cache in TMPDIR")
	}
	if _, err := os.Stat(filepath.Join(cache, "kg", "go-graphviz")); err != nil {
		t.Errorf("no go-graphviz cache in the user's cache directory: %v", err)
	}
}
