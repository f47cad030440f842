package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/kgraph/kg/graph"
)

// runApp runs app on the command line args, with the flags of the command
// moved before its arguments, so that flags may come anywhere as in git or
// gh (`kg facts ZTE --json`); urfave/cli stops reading flags at the first
// argument. After `--` everything is an argument.
func runApp(ctx context.Context, app *cli.App, args []string) error {
	err := app.RunContext(ctx, flagsFirst(app, args))
	if storeMissing(err) {
		return fmt.Errorf("%w: kg build creates one (or name another with --db or KG_DB)", err)
	}
	return err
}

// storeMissing reports whether err is, or wraps, graph.ErrNotFound itself:
// a store that does not exist, not an entity (whose errors match it too).
func storeMissing(err error) bool {
	for ; err != nil; err = errors.Unwrap(err) {
		if err == graph.ErrNotFound {
			return true
		}
	}
	return false
}

// flagsFirst returns args with the flags that follow a command's arguments
// moved before them, each with its value. The arguments keep their order.
func flagsFirst(app *cli.App, args []string) []string {
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") && args[i] != "-" && args[i] != "--" {
		i++ // the app's own flags (--help, --version) take no value
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	out := append([]string(nil), args[:i+1]...)
	var positional []string
	dashes := false
	rest := args[i+1:]
	for j := 0; j < len(rest); j++ {
		a := rest[j]
		switch {
		case a == "--":
			dashes = true
			positional = append(positional, rest[j+1:]...)
			j = len(rest)
		case strings.HasPrefix(a, "-") && a != "-":
			out = append(out, a)
			if !strings.Contains(a, "=") && takesValue(cmd, strings.TrimLeft(a, "-")) && j+1 < len(rest) {
				j++
				out = append(out, rest[j])
			}
		default:
			positional = append(positional, a)
		}
	}
	if slices.ContainsFunc(out[i+1:], func(a string) bool { return a == "--help" || a == "-h" }) {
		return out // help for the command, whatever its arguments; cli would take one for a topic
	}
	if dashes {
		out = append(out, "--")
	}
	return append(out, positional...)
}

// takesValue reports whether the command's flag named name reads the next
// argument as its value. An unknown flag does not: cli reports it.
func takesValue(cmd *cli.Command, name string) bool {
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				tv, ok := f.(interface{ TakesValue() bool })
				return ok && tv.TakesValue()
			}
		}
	}
	return false
}
