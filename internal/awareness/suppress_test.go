package awareness

import "testing"

func TestSuppressSmall(t *testing.T) {
	row := func(state, nat string, v float64, u Unit) Observation {
		o := obsOf(SeriesAsylumApplications, "2022-01-01", "2022-01-31", v)
		o.Geo.State, o.Nationality, o.Unit = state, nat, u
		return o
	}
	obs := []Observation{
		row("MT", "", 40, UnitApplications),   // 0 total of the group below
		row("MT", "SY", 3, UnitApplications),  // 1 small: withheld outside Malta
		row("MT", "AF", 30, UnitApplications), // 2 shown
		row("MT", "ER", 7, UnitApplications),  // 3 the smallest other cell: withheld, or SY = 40 - 30 - 7
		row("MT", "", 2, UnitPercent),         // 4 a percentage: never withheld
		row("", "", 0, UnitPersons),           // 5 zero: shown
		row("", "", 4, UnitPersons),           // 6 no owner: withheld for everyone
		row("IT", "", 4, UnitPlaces),          // 7 places: shown
	}
	tests := []struct {
		name   string
		viewer string
		want   []bool // suppressed, per row
	}{
		{"the Commission", "", []bool{false, true, false, true, false, false, true, false}},
		{"another state", "IT", []bool{false, true, false, true, false, false, true, false}},
		{"the owning state sees its own rows", "MT", []bool{false, false, false, false, false, false, true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SuppressSmall(obs, SmallCount, tt.viewer)
			for i, o := range got {
				if o.Suppressed != tt.want[i] || (o.Suppressed && o.Value != 0) {
					t.Errorf("row %d (%s %s %v): suppressed %v value %v, want suppressed %v", i, o.Geo.State, o.Nationality, obs[i].Value, o.Suppressed, o.Value, tt.want[i])
				}
			}
			if obs[1].Suppressed || obs[1].Value != 3 {
				t.Error("SuppressSmall changed its input")
			}
		})
	}
}
