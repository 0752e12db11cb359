package identity

import (
	"reflect"
	"testing"
)

// A record prepared once answers as Query does, and once added is found as Add finds it.
func TestPreparedEqualsQueryAndAdd(t *testing.T) {
	ix := NewIndex(DefaultConfig())
	for _, r := range people[1:] {
		ix.AddPrepared(ix.Prepare(r))
	}
	q := Record{ID: "pl-1", Surname: "Szewczenko", GivenName: "Aleksander", Sex: "M", DateOfBirth: "12.03.1985", PlaceOfBirth: "Kijów"}
	p := ix.Prepare(people[0])
	if p.ID() != "ua-1" {
		t.Fatalf("ID() = %q", p.ID())
	}
	if got := ix.QueryPrepared(ix.Prepare(q), 3); len(got) != 0 {
		t.Fatalf("before the add: %v", got)
	}
	if a, b := ix.QueryPrepared(p, 3), ix.Query(people[0], 3); !reflect.DeepEqual(a, b) {
		t.Fatalf("QueryPrepared %v != Query %v", a, b)
	}
	ix.AddPrepared(p)
	got := ix.QueryPrepared(ix.Prepare(q), 3)
	if len(got) == 0 || got[0].ID != "ua-1" {
		t.Fatalf("after the add: %v, want ua-1", got)
	}
	if ix.Len() != len(people) {
		t.Fatalf("Len %d", ix.Len())
	}
}
