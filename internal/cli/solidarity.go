package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/ceas-eu/ceas/internal/solidarity"
)

// placementFlags collects repeated CASE=PLACE flags.
type placementFlags []solidarity.Placement

// String implements flag.Value.
func (p *placementFlags) String() string { return fmt.Sprint(len(*p)) }

// Set implements flag.Value: one CASE=PLACE per occurrence of the flag.
func (p *placementFlags) Set(s string) error {
	pl, err := solidarity.ParsePlacement(s)
	if err != nil {
		return err
	}
	*p = append(*p, pl)
	return nil
}

// runSolidarityMatch reads a relocation instance, optimises it within the time limit and
// writes the assignment (shared/formats/relocation-instance.md).
func runSolidarityMatch(ctx context.Context, env *Env, args []string) error {
	fs := newFlagSet(env, "solidarity match", "--in INSTANCE.json --out ASSIGNMENT.json [--time-limit S] [--pin CASE=PLACE] [--forbid CASE=PLACE] [--explain FILE]")
	inPath := fs.String("in", "", "relocation instance (eu-vsm-relocation-instance/v1)")
	outPath := fs.String("out", "", "assignment to write (eu-vsm-relocation-solution/v1); - for stdout")
	limit := fs.Float64("time-limit", 10, "seconds the optimiser may use")
	explain := fs.String("explain", "", "also write the explanation of each placement as JSON")
	var ov solidarity.Overrides
	fs.Var((*placementFlags)(&ov.Pins), "pin", "pin a case to a place, CASE=PLACE (repeatable)")
	fs.Var((*placementFlags)(&ov.Forbids), "forbid", "forbid a place for a case, CASE=PLACE (repeatable)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *inPath == "" || *outPath == "" || *limit <= 0 {
		fs.Usage()
		return errUsage
	}
	in, err := readRelocationInstance(*inPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "solidarity match: %s: %d cases, %d places, %d states; time limit %gs\n",
		in.Name, len(in.Cases), len(in.Places), len(in.States), *limit)
	start := time.Now()
	mctx, cancel := context.WithTimeout(ctx, time.Duration(*limit*float64(time.Second)))
	defer cancel()
	res, err := solidarity.Match(mctx, in, ov)
	if err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(env.Stderr, "solidarity match: %s objective %.4f bound %.4f gap %.4f%% in %.2fs\n",
		res.Status, res.Objective, res.Bound, 100*res.Gap, secs)
	if err := writeRelocationJSON(env, *outPath, res.Solution(in.Name, secs)); err != nil {
		return err
	}
	if *explain != "" {
		return writeRelocationJSON(env, *explain, res.Explanations)
	}
	return nil
}

func readRelocationInstance(path string) (*solidarity.Instance, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open instance: %w", err)
	}
	defer f.Close()
	return solidarity.DecodeInstance(f)
}

// writeRelocationJSON writes v to path ("-" is stdout), through a temporary file so a failed run
// leaves no half-written output.
func writeRelocationJSON(env *Env, path string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	data = append(data, '\n')
	if path == "-" {
		_, err := env.Stdout.Write(data)
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
