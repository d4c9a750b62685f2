// Command khabar turns raw Hindi and English news into a searchable, linked
// record. Run "khabar help" for its commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"khabar/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
