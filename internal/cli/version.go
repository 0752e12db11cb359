package cli

import (
	"context"
	"fmt"
	"runtime/debug"
)

// Version is set at link time (-ldflags "-X github.com/ceas-eu/ceas/internal/cli.Version=v1.2.3").
var Version = "dev"

func runVersion(_ context.Context, env *Env, _ []string) error {
	rev := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				rev = " (" + s.Value[:12] + ")"
			}
		}
	}
	_, err := fmt.Fprintf(env.Stdout, "ceas %s%s\n", Version, rev)
	return err
}
