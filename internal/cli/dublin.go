package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// runDublinDecide reads one dublin-case/v1 file (argument, or standard input when absent
// or "-") and prints the determination as one JSON object on standard output.
func runDublinDecide(_ context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "dublin decide", "[-as-of YYYY-MM-DD] [FILE|-]")
	asOf := fs.String("as-of", "", "answer procedural questions on this day when the case has no as_of")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return errUsage
	}
	c, err := readCase(env, fs.Arg(0))
	if err != nil {
		return err
	}
	if c.AsOf.IsZero() && *asOf != "" {
		d, err := timelimit.Parse(*asOf)
		if err != nil {
			return fmt.Errorf("-as-of: %w", err)
		}
		c.AsOf = d
	}
	if c.AsOf.IsZero() {
		fmt.Fprintln(env.Stderr, "ceas dublin decide: the case has no as_of; deadlines are computed but not judged")
	}
	out, err := json.Marshal(dublin.Determine(c))
	if err != nil {
		return fmt.Errorf("dublin decide: encode: %w", err)
	}
	_, err = fmt.Fprintf(env.Stdout, "%s\n", out)
	return err
}

// readCase decodes the case from path, or from standard input for "" and "-".
func readCase(env *Env, path string) (dublin.Case, error) {
	var r io.Reader = env.Stdin
	if path != "" && path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return dublin.Case{}, fmt.Errorf("open case file: %w", err)
		}
		defer f.Close()
		r = f
	}
	if r == nil {
		return dublin.Case{}, fmt.Errorf("no case file and no standard input")
	}
	return dublin.Decode(r)
}
