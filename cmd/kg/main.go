// Command kg builds a knowledge graph from English text and explores it.
package main

import (
	"context"
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
	os.Exit(exitStatus(err, interrupted))
}
