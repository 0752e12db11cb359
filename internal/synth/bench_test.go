package synth

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"
)

// BenchmarkGenerate reports the cost of one record.
func BenchmarkGenerate(b *testing.B) {
	n := 0
	err := Generate(context.Background(), Options{N: b.N, Seed: 1}, func(Record) error { n++; return nil })
	if err != nil || n != b.N {
		b.Fatalf("generated %d of %d: %v", n, b.N, err)
	}
}

// BenchmarkStream1M streams a million records and reports throughput and the peak heap,
// which must not grow with N (records are not held).
func BenchmarkStream1M(b *testing.B) {
	for range b.N {
		var peak uint64
		var ms runtime.MemStats
		n := 0
		start := time.Now()
		err := Generate(context.Background(), Options{N: 1_000_000, Seed: 7}, func(Record) error {
			n++
			if n%100_000 == 0 {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
			return nil
		})
		if err != nil || n != 1_000_000 {
			b.Fatalf("generated %d: %v", n, err)
		}
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "records/s")
		b.ReportMetric(float64(peak)/(1<<20), "peakheap-MiB")
	}
}

// BenchmarkWriteDir writes 200,000 and 1,000,000 records with their truth files.
func BenchmarkWriteDir(b *testing.B) {
	for _, n := range []int{200_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for range b.N {
				start := time.Now()
				if err := WriteDir(context.Background(), Options{N: n, Seed: 1}, b.TempDir(), nil); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(n)/time.Since(start).Seconds(), "records/s")
			}
		})
	}
}
