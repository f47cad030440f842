// Command kg builds a knowledge graph from English text and explores it.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop) // a second Ctrl-C kills at once
	err := runApp(ctx, newApp(os.Stdin, os.Stdout, os.Stderr), os.Args)
	interrupted := ctx.Err() != nil
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "kg:", err)
	}
	code := exitCode(err)
	if interrupted && errors.Is(err, context.Canceled) {
		code = 130 // the shell's status for a command stopped by Ctrl-C
	}
	os.Exit(code)
}
