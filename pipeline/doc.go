// Package pipeline runs extraction over a stream of documents on every core:
// one goroutine reads documents, a pool of workers extracts them, and the
// caller's sink receives each document's facts in input order, from one
// goroutine, so that one writer can load them into a store.
//
// # Basics
//
//	err := pipeline.Run(ctx, model, inputs.Each, func(ctx context.Context, r pipeline.Result) error {
//		_, err := store.LoadDocument(ctx, ...)
//		return err
//	}, pipeline.Options{Workers: 4})
//
// # Caveats
//
// Every queue is bounded: at most Options.Queue documents wait for the sink
// and Options.Workers more are being extracted, whatever the size of the
// input, so memory stays that of a few documents and their facts.
//
// The sink is called from one goroutine at a time, in input order, so its
// output does not depend on the number of workers. When ctx is cancelled or
// any stage fails, Run stops reading, waits for every goroutine it started,
// and returns the first error; the sink is not called again once it returned
// an error or ctx is done, so a sink that writes each document in one
// transaction leaves whole documents only.
package pipeline
