// Package parse tags English words and parses them into Universal
// Dependencies trees, with a model of its own trained on UD English EWT.
//
// # Basics
//
// [Load] returns the model built into kg; [Model.Analyze] fills each word's
// tags, head and relation from its form:
//
//	m, err := parse.Load()
//	words := []parse.Word{{Form: "The"}, {Form: "bank"}, {Form: "failed"}, {Form: "."}}
//	m.Analyze(words) // words[1].Head == 3, words[1].Rel == "nsubj"
//
// [Model.Tag] and [Model.Parse] run the two stages apart, so that a caller
// with tags of its own can parse with them, and each can be timed alone.
// [ReadCoNLLU] and [WriteCoNLLU] read and write treebanks; [Train] and
// [Model.Evaluate] make and score a model (cmd/kgtrain is the command).
//
// The tagger is a greedy averaged perceptron run twice, the second pass
// reading the first's tags of the words ahead. The parser is arc-hybrid,
// trained with a dynamic oracle as an averaged perceptron over features in
// the manner of Zhang and Nivre (2011); a second perceptron labels each arc
// as it is made and a third relabels it once the tree is whole. Its trees
// are projective, with exactly one root.
//
// # Caveats
//
// A Model is immutable and safe for concurrent use; each call borrows
// scratch space from a pool. Analyze never panics on input: any words, in
// any number, get a tree (a long sentence costs time linear in its length,
// with a quadratic worst case only in the oracle used for training).
// Tokenisation is the caller's: the model expects Penn Treebank-like
// tokens ("do" "n't", separate punctuation), as UD English has them.
//
// The embedded model is a derivative of UD English EWT and carries its
// licence, CC BY-SA 4.0 (see model/README.md).
package parse
