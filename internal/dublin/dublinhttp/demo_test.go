package dublinhttp_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/ceas-eu/ceas/internal/dublin"
)

// TestDemoSeedReachesEveryStageIdempotently seeds the demo twice: DE's units hold a case in
// every stage of dublin.md section 5, and the second run adds nothing.
func TestDemoSeedReachesEveryStageIdempotently(t *testing.T) {
	t.Setenv("CEAS_DEMO_TP", "0")
	e := start(t, nil)
	var first int
	for run := 0; run < 2; run++ {
		if err := e.App.SeedDemo(context.Background(), nil); err != nil {
			t.Fatalf("seed %d: %v", run, err)
		}
		var list api[dublin.CaseRecord]
		e.must(t, http.StatusOK, "GET", "/api/v1/dublin/cases?limit=500", e.de, nil, &list)
		if run == 0 {
			first = len(list.Items)
			stages := map[dublin.State]int{}
			for _, c := range list.Items {
				stages[c.Stage]++
			}
			for _, s := range []dublin.State{dublin.Determining, dublin.ResponsibleSelf, dublin.RequestSent, dublin.AcceptedExplicit,
				dublin.AcceptedImplicit, dublin.Refused, dublin.ReexamRequested, dublin.RefusedFinal, dublin.TransferPending,
				dublin.SuspendedByAppeal, dublin.Transferred, dublin.Expired, dublin.Ceased} {
				if stages[s] == 0 {
					t.Errorf("no demo case in %s: %v", s, stages)
				}
			}
		} else if len(list.Items) != first {
			t.Errorf("second seed changed DE's cases: %d -> %d", first, len(list.Items))
		}
	}
	var in api[dublin.Request]
	e.must(t, http.StatusOK, "GET", "/api/v1/dublin/requests?direction=incoming", e.it, nil, &in)
	if len(in.Items) == 0 {
		t.Error("IT received no demo request")
	}
}
