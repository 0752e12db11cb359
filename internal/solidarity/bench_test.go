package solidarity

import (
	"context"
	"testing"
	"time"
)

// BenchmarkMatch10k is the issue 7 target: 10,000 candidates within 10 s, gap <= 0.5%.
func BenchmarkMatch10k(b *testing.B) {
	in := Generate(GenOptions{Candidates: 10000, Seed: 1})
	for b.Loop() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		res, err := Match(ctx, in, Overrides{})
		cancel()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(100*res.Gap, "gap%")
	}
}

// BenchmarkFairShares measures the exact-rational key over the EU-27.
func BenchmarkFairShares(b *testing.B) {
	for b.Loop() {
		if _, err := FairShares(eu27, 30000); err != nil {
			b.Fatal(err)
		}
	}
}
