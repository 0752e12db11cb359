package dublin

import "testing"

func TestStage(t *testing.T) {
	tc := func(rest string) string {
		return hr + `, "procedure": {"type": "take_charge", "requesting_state": "BE", "requested_state": "HR"` + rest + `}`
	}
	tests := []struct {
		name, overlay string
		want          State
	}{
		{"Art 3(2): no procedure, our own state", ``, ResponsibleSelf},
		{"Art 13(1): no procedure yet, another state", hr, Determining},
		{"Art 21(1): request not yet sent", tc(``) + `, "as_of": "2024-03-01"`, Determining},
		{"Art 21(1): request missed", tc(``), ResponsibleSelf},
		{"Art 22(1): reply pending", tc(`, "request_sent_on": "2024-03-20"`) + `, "as_of": "2024-04-01"`, RequestSent},
		{"Art 22(7): implicit acceptance", tc(`, "request_sent_on": "2024-03-20"`), AcceptedImplicit},
		{"Art 22(1): explicit acceptance", tc(`, "request_sent_on": "2024-03-20", "reply": {"decision": "accept", "on": "2024-04-01"}`), AcceptedExplicit},
		{"Reg 1560/2003 Art 5(2): refusal, re-examination still possible", tc(`, "request_sent_on": "2024-03-20", "reply": {"decision": "refuse", "on": "2024-05-20"}`), Refused},
		{"Reg 1560/2003 Art 5(2): refusal, window closed", tc(`, "request_sent_on": "2024-03-20", "reply": {"decision": "refuse", "on": "2024-04-01"}`), RefusedFinal},
		{"Reg 1560/2003 Art 5(2): re-examination pending", tc(`, "request_sent_on": "2024-03-20", "reply": {"decision": "refuse", "on": "2024-05-20"}, "re_examination": {"requested_on": "2024-05-25"}`), ReexamRequested},
		{"Art 27(3): suspensive appeal pending", tc(`, "request_sent_on": "2024-03-20", "reply": {"decision": "accept", "on": "2024-04-01"}, "appeal": {"lodged_on": "2024-04-10", "suspensive_effect": true}`), SuspendedByAppeal},
		{"Art 29(1): transferred", tc(`, "request_sent_on": "2024-03-20", "reply": {"decision": "accept", "on": "2024-04-01"}, "transfer_carried_out_on": "2024-05-01"`), Transferred},
		{"Art 29(2): period lapsed", tc(`, "request_sent_on": "2024-03-20"`) + `, "as_of": "2025-01-01"`, Expired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := decide(t, mk(t, tt.overlay))
			if d.Stage != tt.want {
				t.Errorf("stage = %s, want %s", d.Stage, tt.want)
			}
		})
	}
}
