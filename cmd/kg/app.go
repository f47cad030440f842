package main

import (
	"context"
	"errors"
	"io"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/parse"
)

// env holds what every command depends on: its I/O and the shared model.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	model          func() (*extract.Model, error) // loads once, on first use
	parser         func() (*parse.Model, error)   // loads once, on first use
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return newAppWith(&env{stdin: stdin, stdout: stdout, stderr: stderr, model: sync.OnceValues(extract.Load), parser: sync.OnceValues(parse.Load)})
}

func newAppWith(e *env) *cli.App {
	app := &cli.App{
		Name:      "kg",
		Usage:     "build a knowledge graph from English text, then query and export it",
		Reader:    e.stdin,
		Writer:    e.stdout,
		ErrWriter: e.stderr,
		Commands: []*cli.Command{
			extractCommand(e),
			parseCommand(e),
			buildCommand(e),
			loadCommand(e),
			removeCommand(e),
			queryCommand(e),
			statsCommand(e),
			entitiesCommand(e),
			supportCommand(e),
			neighborsCommand(e),
			pathCommand(e),
			factsCommand(e),
			rankCommand(e),
			communitiesCommand(e),
			mergeCommand(e),
			splitCommand(e),
			correctionsCommand(e),
			undoCommand(e),
			verifyCommand(e),
			exportCommand(e),
			serveCommand(e),
			evalCommand(e),
		},
		HideHelpCommand:      true,                     // helpCommand instead
		Flags:                []cli.Flag{cli.HelpFlag}, // cli adds it only without a command named help
		Version:              version(),
		Action:               rootAction,
		Suggest:              true,
		EnableBashCompletion: true,
		// Errors are printed and mapped to exit codes by main, in one place.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   onUsageError,
	}
	// Last in the list of commands: about kg itself.
	app.Commands = append(app.Commands, versionCommand(e), completionCommand(e), helpCommand())
	for _, c := range app.Commands {
		c.OnUsageError = onUsageError
		c.BashComplete = completeFlags(c)
		if ex, ok := commandExamples[c.Name]; ok && c.Description == "" {
			c.Description = examples(ex...)
		}
	}
	return app
}

func onUsageError(_ *cli.Context, err error, _ bool) error { return usageError{err} }

// usageError is the user's mistake: a bad flag, input or query.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// exitStatus maps the error of a run to the process's exit status, as the
// README's table of exit statuses says: 130 for a run stopped by Ctrl-C (or
// SIGTERM), else exitCode's.
func exitStatus(err error, interrupted bool) int {
	if interrupted && errors.Is(err, context.Canceled) {
		return 130 // the shell's status for a command stopped by Ctrl-C
	}
	return exitCode(err)
}

// exitCode maps an error to the process's exit status: 0 for success, 2 for
// the user's errors (bad input, bad or timed-out query, missing store or
// entity, a correction that cannot be made), 1 for ours.
func exitCode(err error) int {
	var qe *graph.QueryError
	var pe *graph.ParseError
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue), errors.As(err, &qe), errors.As(err, &pe), errors.Is(err, graph.ErrNotFound),
		errors.Is(err, graph.ErrBadCorrection):
		return 2
	default:
		return 1
	}
}

// storeFlags are the flags of every command that opens a store.
func storeFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "db", Value: "kg.db", Usage: "the store: a bolt file's path, or a postgres or cockroach database's URL", EnvVars: []string{"KG_DB"}},
		&cli.StringFlag{Name: "backend", Value: "bolt", Usage: "bolt, memory, postgres or cockroach", EnvVars: []string{"KG_BACKEND"}},
	}
}

func storeOptions(c *cli.Context, create bool) graph.Options {
	return graph.Options{Backend: c.String("backend"), Path: c.String("db"), Create: create}
}

// readStoreOptions are the options of a command that only reads: the store
// is opened read-only (a bolt file with a shared lock), so that a 0444 file
// or a read-only file system serves, and readers do not wait for each other.
func readStoreOptions(c *cli.Context) graph.Options {
	opts := storeOptions(c, false)
	opts.ReadOnly = true
	return opts
}
