// Command ceas is the Common European Asylum System platform: server, web UI and batch CLI.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/ceas-eu/ceas/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], cli.StdEnv())
	stop()
	os.Exit(code)
}
