package solidarity

import (
	"bufio"
	"fmt"
	"io"
)

// WriteLP writes the instance as a mixed-integer program in CPLEX LP format, for an
// open-source solver (CBC, HiGHS) to compare against. Variables x_i_p exist for the
// pairs a case may take; objective coefficients are integers in units of
// 10^-score_decimals, so the solver's objective divided by 10^decimals is ours.
func WriteLP(w io.Writer, in *Instance) error {
	m, err := buildModel(in, Overrides{})
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	p := m.prob
	open := make([][]int, len(p.Items))
	for i := range p.Items {
		for _, b := range m.open(i) {
			it, bin := p.Items[i], p.Bins[b]
			if it.Size <= bin.Capacity && it.Extra[0] <= bin.Extra[0] && it.Extra[1] <= bin.Extra[1] {
				open[i] = append(open[i], b)
			}
		}
	}
	fmt.Fprintln(bw, "\\ relocation instance", in.Name)
	fmt.Fprint(bw, "Maximize\n obj:")
	for i, bs := range open {
		for k, b := range bs {
			fmt.Fprintf(bw, " + %d x_%d_%d", p.V(i, b), i, b)
			wrap(bw, k)
		}
		bw.WriteString("\n")
	}
	fmt.Fprintln(bw, "Subject To")
	for i, bs := range open {
		fmt.Fprintf(bw, " a_%d:", i)
		for k, b := range bs {
			fmt.Fprintf(bw, " + x_%d_%d", i, b)
			wrap(bw, k)
		}
		if p.Items[i].Mandatory {
			fmt.Fprintln(bw, " = 1")
		} else {
			fmt.Fprintln(bw, " <= 1")
		}
	}
	writeRows(bw, m, open)
	fmt.Fprintln(bw, "Binary")
	for i, bs := range open {
		for _, b := range bs {
			fmt.Fprintf(bw, " x_%d_%d\n", i, b)
		}
	}
	fmt.Fprintln(bw, "End")
	return bw.Flush()
}

// writeRows writes the capacity, special-capacity and floor rows.
func writeRows(bw *bufio.Writer, m *model, open [][]int) {
	p := m.prob
	byBin := make([][]int, len(p.Bins))
	for i, bs := range open {
		for _, b := range bs {
			byBin[b] = append(byBin[b], i)
		}
	}
	names := []string{"cap", "uam", "med"}
	for k, name := range names {
		for b, items := range byBin {
			limit := p.Bins[b].Capacity
			if k > 0 {
				limit = p.Bins[b].Extra[k-1]
			}
			terms := 0
			for _, i := range items {
				c := p.Items[i].Size
				if k > 0 {
					c = p.Items[i].Extra[k-1]
				}
				if c > 0 {
					if terms == 0 {
						fmt.Fprintf(bw, " %s_%d:", name, b)
					}
					fmt.Fprintf(bw, " + %d x_%d_%d", c, i, b)
					wrap(bw, terms)
					terms++
				}
			}
			if terms > 0 {
				fmt.Fprintf(bw, " <= %d\n", limit)
			}
		}
	}
	for g, grp := range p.Groups {
		if grp.Floor == 0 {
			continue
		}
		fmt.Fprintf(bw, " floor_%d:", g)
		terms := 0
		for b, items := range byBin {
			if p.Bins[b].Group == g {
				for _, i := range items {
					fmt.Fprintf(bw, " + %d x_%d_%d", p.Items[i].Size, i, b)
					wrap(bw, terms)
					terms++
				}
			}
		}
		fmt.Fprintf(bw, " >= %d\n", grp.Floor)
	}
}

// wrap breaks long rows: LP readers limit the length of a line.
func wrap(bw *bufio.Writer, k int) {
	if k%16 == 15 {
		bw.WriteString("\n  ")
	}
}
