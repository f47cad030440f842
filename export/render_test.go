package export

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
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

	// Twice: the renderer is shared by the process and must stay usable.
	g := corpusGraph(t)
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
}

// TestRenderPNG draws the test corpus, and a hub whose edges fan out and
// curve, and checks that each image is a graph's picture: mostly white,
// little black (go-graphviz's own PNG renderer filled each curved edge in
// black, a fifth of the fan's image), and the fill colour of each type of
// node it has.
func TestRenderPNG(t *testing.T) {
	check := func(t *testing.T, name string, g *schema.Subgraph, fills []string) {
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
		g := &schema.Subgraph{Nodes: []schema.Node{{ID: "hub", Name: "Hub Holdings", Type: schema.Org}}}
		for i := range 12 {
			id := fmt.Sprintf("n%d", i)
			g.Nodes = append(g.Nodes, schema.Node{ID: id, Name: "Person " + id, Type: schema.Person})
			g.Edges = append(g.Edges, schema.Edge{From: "hub", To: id, Relation: "employ", Negated: i%4 == 0})
		}
		check(t, "fan.png", g, []string{"#cfe2f3", "#fde2c8"})
	})
	check(t, "corpus.png", corpusGraph(t), []string{"#cfe2f3", "#fde2c8", "#d9ead3", "#ead1dc"}) // ORG, PERSON, GPE, MONEY
}

// TestSVGLabelsFit holds every label of an SVG export to the width Graphviz
// laid it out at: each carries textLength, so a viewer drawing it in another
// font than Helvetica keeps it in its box, and that width agrees with the
// box Graphviz drew around it (its text plus 8 points a side, or its least
// width).
func TestSVGLabelsFit(t *testing.T) {
	g := &schema.Subgraph{Nodes: []schema.Node{
		{ID: "kg:entity/a", Name: "Harbor Networks", Type: schema.Org},
		{ID: "kg:entity/b", Name: "Canadian Maker Of Network Equipment Wwww", Type: schema.Org},
		{ID: "kg:entity/c", Name: "Société Générale", Type: schema.Org},
		{ID: "kg:entity/d", Name: "iii", Type: schema.Org},
	}, Edges: []schema.Edge{{From: "kg:entity/a", To: "kg:entity/b", Relation: "ship to"}}}
	var out bytes.Buffer
	if err := RenderSVG(context.Background(), &out, g); err != nil {
		t.Fatal(err)
	}
	svg := out.String()
	if n, m := strings.Count(svg, "<text "), strings.Count(svg, ` lengthAdjust="spacingAndGlyphs"`); n == 0 || n != m {
		t.Errorf("%d of %d labels carry their width", m, n)
	}
	box := regexp.MustCompile(`<polygon fill="[^"]*" stroke="black" points="([-0-9.]+),[-0-9.]+ ([-0-9.]+),[^"]*"/>\s*<text [^>]*textLength="([0-9.]+)"[^>]*>([^<]*)</text>`)
	found := 0
	for _, m := range box.FindAllStringSubmatch(svg, -1) {
		x1, _ := strconv.ParseFloat(m[1], 64)
		x2, _ := strconv.ParseFloat(m[2], 64)
		tl, _ := strconv.ParseFloat(m[3], 64)
		if strings.Contains(m[0], `fill="black"`) {
			continue // an arrowhead
		}
		// Graphviz draws a box at least 54 points wide (0.75 inch).
		inner := math.Abs(x1-x2) - 16
		if tl > inner+0.5 || inner > 38.5 && tl < inner-2 {
			t.Errorf("label %q: textLength %.2f, but Graphviz left %.2f for it", m[4], tl, inner)
		}
		found++
	}
	if found < 4 {
		t.Errorf("checked %d boxed labels, want 4:\n%s", found, svg)
	}
}
