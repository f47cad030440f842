package graph

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	ctx := context.Background()
	quoting, err := os.ReadFile(filepath.Join("testdata", "quoting.dot"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := RenderSVG(ctx, &out, quoting); err != nil {
		t.Errorf("RenderSVG of quoting.dot: %v", err)
	}
	if !strings.Contains(out.String(), "ends with \\ </text>") {
		t.Errorf("RenderSVG of quoting.dot lacks a label ending in a backslash:\n%s", out.String())
	}

	dot, err := os.ReadFile(filepath.Join("testdata", "corpus.dot"))
	if err != nil {
		t.Fatal(err)
	}

	var svg bytes.Buffer
	if err := RenderSVG(ctx, &svg, dot); err != nil {
		t.Fatalf("RenderSVG: %v", err)
	}
	if s := svg.String(); !strings.HasPrefix(s, "<?xml") && !strings.HasPrefix(s, "<svg") {
		t.Errorf("RenderSVG wrote %.40q..., want SVG", s)
	}
	for _, want := range []string{"Commerce Department", "open office in", "stroke-dasharray"} {
		if !strings.Contains(svg.String(), want) {
			t.Errorf("SVG lacks %q", want)
		}
	}

	if err := RenderSVG(ctx, &svg, []byte("digraph { a -> ")); err == nil {
		t.Error("RenderSVG of broken DOT: got no error")
	}
}
