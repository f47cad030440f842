// Package extract turns English text into subject - relation - object facts.
//
// It is pure and synchronous: no storage, no logging, no goroutines. The
// pipeline and the CLI decide how to run it and where its facts go.
//
// # Basics
//
// [Load] builds a [Model] once (prose's perceptron weights, the sentence
// splitter's trained data, the lemmatiser's tables); then [Model.Facts] reads
// a document:
//
//	m, err := extract.Load()
//	facts := m.Facts("article.txt", text, extract.Options{})
//
// The work runs in separable stages, each of which can be called and measured
// on its own: sentence splitting, tokenisation and tagging ([Model.Sentences]),
// chunking into noun phrases and verb groups, and clause rules that find each
// verb's subject and object, turn passives active, mark negation and lemmatise
// the relation.
//
// # Caveats
//
// A Model is immutable after Load and safe for concurrent use by any number of
// goroutines; each call allocates its own scratch space. Facts never panics on
// input and its offsets always fall inside the text. Bytes that are not UTF-8
// pass through as they are, so that spans stay byte-exact: callers that need
// valid text check it first, as kg build does.
//
// The tagger reproduces prose v2's tags from prose's own model, without two of
// prose's bugs: its tokenizer shares one token between repeated identical
// words, so the last occurrence's tag overwrote the earlier ones, and it
// tagged decimals such as "3.55" as nouns.
//
// Facts whose subject or object is a bare pronoun ("it", "they") are returned
// with empty entity IDs: the graph has no node for them until coreference
// resolves them.
package extract
