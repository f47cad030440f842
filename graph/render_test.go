package graph

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	ctx := context.Background()
	var out bytes.Buffer
	if err := RenderSVG(ctx, &out, quotingSubgraph()); err != nil {
		t.Errorf("RenderSVG of the quoting subgraph: %v", err)
	}
	if !strings.Contains(out.String(), "ends with \\ </text>") {
		t.Errorf("RenderSVG of the quoting subgraph lacks a label ending in a backslash:\n%s", out.String())
	}

	loaded(t, func(t *testing.T, s *Store) {
		g, err := s.Subgraph(ctx, "", 0)
		if err != nil {
			t.Fatal(err)
		}
		// Twice: the renderer is shared by the process and must stay usable.
		for range 2 {
			var svg bytes.Buffer
			if err := RenderSVG(ctx, &svg, g); err != nil {
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
		}
	})
}
