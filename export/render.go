package export

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"sync"

	"github.com/go-pdf/fpdf"
	"github.com/goccy/go-graphviz"
	"github.com/goccy/go-graphviz/gvc"

	"github.com/kgraph/kg/export/internal/gvcache"
	"github.com/kgraph/kg/schema"
)

// go-graphviz has compiled its renderer, in a cache of the user's own (see
// package gvcache): give the process its TMPDIR back.
func init() { gvcache.Restore() }

// renderMu serialises the calls into go-graphviz, whose WebAssembly module is
// one per process and not safe for concurrent use. It is the package's only
// global, and it guards another package's.
var renderMu sync.Mutex

// RenderSVG lays out the subgraph as [WriteDOT] draws it and writes it as
// SVG. It runs Graphviz in process (WebAssembly), so it needs no Graphviz
// installed.
//
// It takes a Subgraph, not DOT text, on purpose: go-graphviz's parser does
// not recover from a syntax error, and after one every later parse in the
// process fails. Only DOT that WriteDOT wrote reaches it.
func RenderSVG(ctx context.Context, w io.Writer, g *schema.Subgraph) error {
	var dot bytes.Buffer
	if err := WriteDOT(&dot, g); err != nil {
		return err
	}
	var svg bytes.Buffer
	if err := render(ctx, &svg, dot.Bytes(), graphviz.SVG); err != nil {
		return fmt.Errorf("render svg: %w", err)
	}
	fitted, err := fitText(svg.Bytes())
	if err != nil {
		return fmt.Errorf("render svg: %w", err)
	}
	_, err = w.Write(fitted)
	return err
}

// svgText is a label as Graphviz writes it into SVG.
var svgText = regexp.MustCompile(`<text ([^>]*?)font-family="Helvetica,sans-Serif" font-size="([0-9.]+)">([^<]*)</text>`)

// fitText gives every label of the SVG the width Graphviz laid it out at,
// as textLength, so that a viewer without Helvetica, which draws it in a
// wider or narrower font, still keeps it inside its box; and it names the
// fonts with Helvetica's metrics that most systems have. Graphviz measured
// the text with Helvetica's standard metrics, which fpdf carries.
func fitText(svg []byte) ([]byte, error) {
	pdf := fpdf.New("P", "pt", "A4", "")
	toCP1252 := pdf.UnicodeTranslatorFromDescriptor("")
	var err error
	out := svgText.ReplaceAllFunc(svg, func(m []byte) []byte {
		sub := svgText.FindSubmatch(m)
		size, perr := strconv.ParseFloat(string(sub[2]), 64)
		if perr != nil || err != nil {
			return m
		}
		pdf.SetFont("Helvetica", "", size)
		width := pdf.GetStringWidth(toCP1252(html.UnescapeString(string(sub[3]))))
		if pdf.Err() {
			err = pdf.Error()
			return m
		}
		return fmt.Appendf(nil, `<text %sfont-family="Helvetica,Arial,Liberation Sans,sans-serif" font-size="%s" textLength="%.2f" lengthAdjust="spacingAndGlyphs">%s</text>`,
			sub[1], sub[2], width, sub[3])
	})
	return out, err
}

// RenderPNG is [RenderSVG] for a PNG image, drawn in process by
// go-graphviz's Go renderer with the fixes of [pngEngine]. Text is set in
// the Go font, whatever the DOT asks for.
func RenderPNG(ctx context.Context, w io.Writer, g *schema.Subgraph) error {
	var dot bytes.Buffer
	if err := WriteDOT(&dot, g); err != nil {
		return err
	}
	if err := render(ctx, w, dot.Bytes(), graphviz.PNG); err != nil {
		return fmt.Errorf("render png: %w", err)
	}
	return nil
}

func render(ctx context.Context, w io.Writer, dot []byte, format graphviz.Format) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	renderMu.Lock()
	defer renderMu.Unlock()
	var gv *graphviz.Graphviz
	if format == graphviz.PNG {
		gv, err = newPNGGraphviz(ctx)
	} else {
		gv, err = graphviz.New(ctx)
	}
	if err != nil {
		return err
	}
	defer func() {
		if cerr := gv.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return fmt.Errorf("parse dot: %w", err)
	}
	defer func() {
		if cerr := g.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	return gv.Render(ctx, g, format, w)
}

// newPNGGraphviz returns a Graphviz that draws PNG with a [pngEngine].
func newPNGGraphviz(ctx context.Context) (*graphviz.Graphviz, error) {
	engine := pngEngine{&gvc.ImageRenderer{DefaultRenderEngine: new(gvc.DefaultRenderEngine)}}
	rp, err := graphviz.NewRenderPlugin(ctx, string(graphviz.PNG), engine)
	if err != nil {
		return nil, err
	}
	dp, err := graphviz.PNGDevicePlugin(ctx)
	if err != nil {
		return nil, err
	}
	return graphviz.NewWithPlugins(ctx, rp, dp)
}

// pngEngine is go-graphviz's PNG renderer (v0.2.10) with two fixes. Its
// binding hands every Bézier curve over as filled, so each edge came out as
// a black shape between the curve and its chord: an edge is a line, and
// pngEngine strokes it (kg's DOT has no filled curves, which only rounded
// and tapered styles draw). And it fills a node's shape without drawing its
// outline: pngEngine draws both, as Graphviz does.
type pngEngine struct{ *gvc.ImageRenderer }

func (e pngEngine) BezierCurve(ctx context.Context, job *gvc.Job, a []*gvc.PointFloat, filled bool) error {
	if job.Object().Type() == gvc.EdgeObjectType {
		filled = false
	}
	return e.ImageRenderer.BezierCurve(ctx, job, a, filled)
}

func (e pngEngine) Polygon(ctx context.Context, job *gvc.Job, a []*gvc.PointFloat, filled bool) error {
	if filled {
		if err := e.ImageRenderer.Polygon(ctx, job, a, true); err != nil {
			return err
		}
	}
	return e.ImageRenderer.Polygon(ctx, job, a, false)
}

func (e pngEngine) Ellipse(ctx context.Context, job *gvc.Job, a []*gvc.PointFloat, filled bool) error {
	if filled {
		if err := e.ImageRenderer.Ellipse(ctx, job, a, true); err != nil {
			return err
		}
	}
	return e.ImageRenderer.Ellipse(ctx, job, a, false)
}
