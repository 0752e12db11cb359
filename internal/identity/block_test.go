package identity

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestCommonSurnameIsNotQuadratic checks the issue 3 requirement that a surname shared by
// many records does not create quadratic work: blocks above MaxBlock are skipped and the
// narrower keys (surname with year, given name with date) bound the pairs per record.
func TestCommonSurnameIsNotQuadratic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	given := []string{"Олександр", "Андрій", "Сергій", "Наталія", "Олена"}
	const n = 6000
	recs := make([]Record, n)
	for i := range recs {
		recs[i] = Record{
			ID: fmt.Sprint(i), Surname: "Коваленко", GivenName: given[rng.IntN(len(given))],
			DateOfBirth: fmt.Sprintf("%d-%02d-%02d", 1940+rng.IntN(70), 1+rng.IntN(12), 1+rng.IntN(28)),
		}
	}
	b, err := newBatch(context.Background(), recs, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	pairs := b.candidates()
	if perRecord := len(pairs) / n; perRecord > 100 {
		t.Fatalf("%d candidate pairs (%d per record) for one surname: quadratic", len(pairs), perRecord)
	}
	if len(pairs) >= n*(n-1)/2/10 {
		t.Fatalf("%d pairs is a tenth of all pairs", len(pairs))
	}
}

// TestBlockingKeepsVariants checks that spellings of one person share a blocking key.
func TestBlockingKeepsVariants(t *testing.T) {
	recs := []Record{
		{ID: "a", Surname: "Шевченко", GivenName: "Олександр", DateOfBirth: "1985-03-12"},
		{ID: "b", Surname: "Szewczenko", GivenName: "Aleksander", DateOfBirth: "1985-12-03"},   // swapped date
		{ID: "c", Surname: "Petrenko", GivenName: "Oleksandr", DateOfBirth: "1985-03-12"},      // married name
		{ID: "d", Surname: "Oleksandr", GivenName: "Shevchenko"},                               // swapped, no date
		{ID: "e", Surname: "Xyz", GivenName: "Q", Documents: []Document{{Number: "FA123456"}}}, // document only
		{ID: "f", Surname: "Abc", GivenName: "W", Documents: []Document{{Number: "FA123465"}}}, // transposed digits
	}
	b, err := newBatch(context.Background(), recs, DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	have := map[[2]int]bool{}
	for _, p := range b.candidates() {
		have[[2]int{int(p >> 32), int(p & 0xffffffff)}] = true
	}
	for _, want := range [][2]int{{0, 1}, {0, 2}, {0, 3}, {4, 5}} {
		if !have[want] {
			t.Errorf("records %s and %s not blocked together", recs[want[0]].ID, recs[want[1]].ID)
		}
	}
}
