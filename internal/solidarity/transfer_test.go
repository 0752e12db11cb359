package solidarity_test

import (
	"context"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
	"github.com/ceas-eu/ceas/internal/solidarity"
)

// TestTransferFailsThenSucceeds: a failed transfer leaves the household accepted and it is
// scheduled again; only the carried-out transfer counts against the receiving state's pledge.
func TestTransferFailsThenSucceeds(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		svc := newService(t, db)
		if err := svc.SeedDemo2022(context.Background(), 30, nil); err != nil {
			t.Fatal(err)
		}
		ec := as("EC", authz.RoleCoordinator)
		board, err := svc.Transfers(ec, solidarity.TransferFilter{Status: solidarity.TransferFailed})
		if err != nil || len(board) == 0 {
			t.Fatalf("no failed transfer in the demo: %v", err)
		}
		failed := board[0]
		from, to := as(failed.FromState, authz.RoleReceptionCoordinator), as(failed.ToState, authz.RoleReceptionCoordinator)
		c, err := svc.Candidate(from, failed.CandidateID)
		if err != nil || c.Step != solidarity.StepAccepted {
			t.Fatalf("after a failed transfer the household is %s (%v)", c.Step, err)
		}
		before, _ := svc.Monitoring(ec, solidarity.Demo2022Code)
		tr, err := svc.ScheduleTransfer(to, c.ID, "2022-11-02")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.ScheduleTransfer(from, c.ID, "2022-11-03"); kindOf(err) != errs.KindConflict {
			t.Errorf("a second scheduled transfer: %v", err)
		}
		other := "PT"
		if failed.ToState == other {
			other = "LU"
		}
		if _, err := svc.ActOnTransfer(as(other, authz.RoleReceptionCoordinator), tr.ID, solidarity.TransferAction{Action: "carry_out", On: "2022-11-02"}); kindOf(err) != errs.KindNotFound {
			t.Errorf("a third state carries out the transfer: %v", err)
		}
		if _, err := svc.ActOnTransfer(from, tr.ID, solidarity.TransferAction{Action: "carry_out", On: "2022-11-02"}); err != nil {
			t.Fatal(err)
		}
		after, _ := svc.Monitoring(ec, solidarity.Demo2022Code)
		if after.Totals.Transferred != before.Totals.Transferred+int64(c.Size) || after.Totals.Remaining != before.Totals.Remaining-int64(c.Size) {
			t.Errorf("transferred %d -> %d, remaining %d -> %d, household of %d", before.Totals.Transferred, after.Totals.Transferred,
				before.Totals.Remaining, after.Totals.Remaining, c.Size)
		}
		if c, _ := svc.Candidate(from, c.ID); c.Step != solidarity.StepTransferred || c.StepOn != "2022-11-02" {
			t.Errorf("candidate %s on %s", c.Step, c.StepOn)
		}
	})
}
