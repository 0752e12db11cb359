package timelimit

import "testing"

func BenchmarkAddMonths(b *testing.B) {
	d := MustParse("2023-08-31")
	for b.Loop() {
		_ = AddMonths(d, 6)
	}
}

func BenchmarkAddDays(b *testing.B) {
	d := MustParse("2023-08-31")
	for b.Loop() {
		_ = AddDays(d, 14)
	}
}
