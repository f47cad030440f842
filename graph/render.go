package graph

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/goccy/go-graphviz"
	"github.com/goccy/go-graphviz/gvc"

	"github.com/kgraph/kg/graph/internal/gvcache"
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
func RenderSVG(ctx context.Context, w io.Writer, g *Subgraph) error {
	var dot bytes.Buffer
	if err := WriteDOT(&dot, g); err != nil {
		return err
	}
	if err := render(ctx, w, dot.Bytes(), graphviz.SVG); err != nil {
		return fmt.Errorf("render svg: %w", err)
	}
	return nil
}

// RenderPNG is [RenderSVG] for a PNG image, drawn in process by
// go-graphviz's Go renderer with the fixes of [pngEngine]. Text is set in
// the Go font, whatever the DOT asks for.
func RenderPNG(ctx context.Context, w io.Writer, g *Subgraph) error {
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
