package graph

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/goccy/go-graphviz"
)

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

func render(ctx context.Context, w io.Writer, dot []byte, format graphviz.Format) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	renderMu.Lock()
	defer renderMu.Unlock()
	gv, err := graphviz.New(ctx)
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
