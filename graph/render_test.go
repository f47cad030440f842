package graph

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/schema"
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

// TestRenderPNG draws the test corpus, and a hub whose edges fan out and
// curve, and checks that each image is a graph's picture: mostly white,
// little black (go-graphviz's own PNG renderer filled each curved edge in
// black, a fifth of the fan's image), and the fill colour of each type of
// node it has.
func TestRenderPNG(t *testing.T) {
	check := func(t *testing.T, name string, g *Subgraph, fills []string) {
		t.Helper()
		var buf bytes.Buffer
		if err := RenderPNG(context.Background(), &buf, g); err != nil {
			t.Fatalf("RenderPNG: %v", err)
		}
		if dir := os.Getenv("KG_TEST_PNG_DIR"); dir != "" { // to look at it
			if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("not a PNG: %v", err)
		}
		b := img.Bounds()
		if b.Dx() < 300 || b.Dy() < 100 {
			t.Fatalf("image is %dx%d, too small for its nodes and a legend", b.Dx(), b.Dy())
		}
		var white, dark int
		seen := make(map[string]int)
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
				switch lum := (int(c.R)*299 + int(c.G)*587 + int(c.B)*114) / 1000; {
				case c.A < 255:
				case lum > 245:
					white++
				case lum < 64:
					dark++
				}
				seen[fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)]++
			}
		}
		total := b.Dx() * b.Dy()
		if white < total/2 {
			t.Errorf("%d of %d pixels white, want most", white, total)
		}
		if dark > total/25 {
			t.Errorf("%d of %d pixels dark, want under 4%% (edges filled black?)", dark, total)
		}
		for _, hex := range fills {
			if seen[hex] < 100 {
				t.Errorf("%d pixels of node fill %s, want a node's worth", seen[hex], hex)
			}
		}
	}
	t.Run("fan", func(t *testing.T) {
		g := &Subgraph{Nodes: []Node{{ID: "hub", Name: "Hub Holdings", Type: schema.Org}}}
		for i := range 12 {
			id := fmt.Sprintf("n%d", i)
			g.Nodes = append(g.Nodes, Node{ID: id, Name: "Person " + id, Type: schema.Person})
			g.Edges = append(g.Edges, Edge{From: "hub", To: id, Relation: "employ", Negated: i%4 == 0})
		}
		check(t, "fan.png", g, []string{"#cfe2f3", "#fde2c8"})
	})
	loaded(t, func(t *testing.T, s *Store) {
		g, err := s.Subgraph(context.Background(), "", 0)
		if err != nil {
			t.Fatal(err)
		}
		check(t, "corpus.png", g, []string{"#cfe2f3", "#fde2c8", "#d9ead3", "#ead1dc"}) // ORG, PERSON, GPE, MONEY
	})
}
