package dublin

import (
	"strings"
	"testing"

	tl "github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// TestFormatExample is the example of dublin-case/v1: Art 13(1) designates HR, the request
// follows a Eurodac hit (Art 21(1) second subparagraph), HR stays silent (Art 22(7)).
func TestFormatExample(t *testing.T) {
	js := `{"applicant": {"date_of_birth": "1994-03-02", "minor_at_lodging": false, "unaccompanied": false, "married": false},
 "application": {"state": "BE", "lodged_on": "2024-02-10"},
 "entries": [{"date": "2023-11-03", "state": "HR", "mode": "irregular_land", "from_third_country": true}],
 "eurodac_hits": [{"category": 2, "state": "HR", "fingerprinted_on": "2023-11-04", "hit_received_on": "2024-02-11"}],
 "procedure": {"type": "take_charge", "requesting_state": "BE", "requested_state": "HR",
               "based_on_eurodac_hit": true, "request_sent_on": "2024-03-20",
               "request_received_on": "2024-03-20", "reply": null},
 "as_of": "2024-06-01"}`
	d, m := decide(t, js)
	expect(t, m, W{"responsible_state": "HR", "basis": "Art 13(1), Art 22(7)",
		"request_deadline": "2024-04-11", "request_in_time": true,
		"reply_deadline": "2024-05-20", "implicit_acceptance": true, "acceptance_date": "2024-05-20",
		"transfer_deadline": "2024-11-20", "responsibility_shifted": false,
		"irregular_entry_criterion_ends": "2024-11-03"})
	// Art 7(1): the trail lists the criteria in the order of the Regulation, up to the one that applied.
	order := []string{"Art 8(1)", "Art 8(2)", "Art 8(4)", "Art 9", "Art 10", "Art 12(1)-(3)", "Art 12(4)", "Art 13(1)"}
	pos := -1
	for _, a := range order {
		i := indexPrefix(d.Reasoning, a+":")
		if i <= pos {
			t.Errorf("reasoning: %s missing or out of order", a)
		}
		pos = i
	}
	if indexPrefix(d.Reasoning, "Art 13(2):") >= 0 {
		t.Error("Art 7(1): criteria after the one that applied must not be tried")
	}
	if !strings.Contains(strings.Join(d.Reasoning, "\n"), "Arts 16 and 17") {
		t.Error("Arts 16-17 must be recorded as not exercised")
	}
}

func indexPrefix(xs []string, p string) int {
	for i, x := range xs {
		if strings.HasPrefix(x, p) {
			return i
		}
	}
	return -1
}

// TestDetermineOn checks that the day of the answer is a parameter: the same case before
// and after the end of the transfer period (Art 29(2)).
func TestDetermineOn(t *testing.T) {
	c, err := Decode(strings.NewReader(mk(t, hr+`, "procedure": {"type": "take_charge", "requesting_state": "BE", "requested_state": "HR", "request_sent_on": "2024-03-20"}`)))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		day, state string
		shifted    bool
	}{{"2024-11-20", "HR", false}, {"2024-11-21", "BE", true}} {
		d := DetermineOn(c, tl.MustParse(tt.day))
		if *d.ResponsibleState != tt.state || *d.ResponsibilityShifted != tt.shifted {
			t.Errorf("Art 29(2) on %s: %s shifted=%v, want %s %v", tt.day, *d.ResponsibleState, *d.ResponsibilityShifted, tt.state, tt.shifted)
		}
	}
}
