// Package ingest finds and reads documents for extraction and checks them
// before any of them reaches the store. [Document.Hash] identifies a
// document's text and metadata, so that the store can skip a document it
// holds already.
//
// # Basics
//
// [Open] expands a command line's arguments (files, directories, glob
// patterns, "-" for standard input; files named *.jsonl hold one document a
// line) and reads every document once to check it; [Inputs.Each] then
// streams them, one at a time, in the same order:
//
//	in, err := ingest.Open(ctx, args, os.Stdin, ingest.Options{})
//	defer in.Close()
//	err = in.Each(ctx, func(d ingest.Document) error { ... })
//
// # Caveats
//
// The check reads the inputs twice in all, once to check and once to use,
// which costs far less than extracting them. Memory stays that of the
// largest document, plus the name of every document (to refuse two with one
// name). A file changed between the check and its use fails at its turn,
// after the documents before it have been used. Standard input is copied to
// a temporary file so that it can be read twice; [Inputs.Close] removes it.
package ingest
