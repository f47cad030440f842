// Package export writes a subgraph of the store ([schema.Subgraph], which
// package graph reads) in the formats of the tools analysts already use:
// DOT ([WriteDOT]), SVG and PNG drawn by Graphviz in process ([RenderSVG],
// [RenderPNG]), GraphML for yEd, Cytoscape and NetworkX ([WriteGraphML]),
// GEXF for Gephi ([WriteGEXF]), and tables ([WriteJSONL], [WriteCSV],
// [WriteNodesCSV]). It needs no store: every writer takes the subgraph
// already read, and so do its tests (testdata/corpus.json, which package
// graph's tests keep equal to what the store reads).
//
// Nodes are styled by type, with a legend; a fact that every sentence denies
// is dashed; an edge carries its first sentence as its tooltip.
//
// # Caveats
//
// The Graphviz renderer is a WebAssembly module that go-graphviz compiles when
// the program starts (about 0.5 s the first time, then from a cache in the
// user's own $XDG_CACHE_HOME/kg/go-graphviz, never in a directory that
// another user may own: see internal/gvcache) and shares: calls of
// [RenderSVG] and [RenderPNG] take turns. go-graphviz's DOT parser does not
// recover from a syntax error, so the renderers take a subgraph, never DOT
// text: only DOT that [WriteDOT] wrote reaches it.
package export
