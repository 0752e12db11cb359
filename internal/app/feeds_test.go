package app_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/app/apptest"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

// TestTPRegistrationsReachTheSituationalPicture: a registration in Germany appears, after the
// feeds job has run, as the weekly count of the tp_registrations series (issue 6,
// subscriptions to the aggregates other modules publish).
func TestTPRegistrationsReachTheSituationalPicture(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		env := apptest.Start(t, db)
		de := env.Token("DE", authz.RoleRegistrationOfficer)
		// Six registrations in one week: above the small-count threshold (5), so an EU analyst
		// sees the exact figure.
		names := []string{"Bondarenko", "Tkachenko", "Kravchenko", "Oliinyk", "Lysenko", "Moroz"}
		for i, surname := range names {
			reg := map[string]any{"external_id": fmt.Sprint("DE-FEED-", i), "ground": "ukrainian_national", "registered_on": "2022-03-21",
				"person": map[string]any{"surname": surname, "given_name": "Iryna", "sex": "F", "date_of_birth": fmt.Sprintf("19%d0-02-0%d", 5+i%4, 1+i),
					"nationality": "UA", "documents": []any{map[string]any{"type": "passport", "number": fmt.Sprintf("FB65432%d", i), "country": "UA"}}},
				"locality": "Köln"}
			if res := env.Do(http.MethodPost, "/api/v1/tp/registrations", de, reg); res.Status != http.StatusCreated {
				t.Fatalf("register: %d %s", res.Status, res.Body)
			}
		}
		env.Clock.Advance(time.Hour) // the statistics cache and the feeds job are both due
		if _, err := env.App.Jobs.RunDue(t.Context(), 100); err != nil {
			t.Fatal(err)
		}
		analyst := env.Token("EC", authz.RoleAnalyst)
		var page struct {
			Items []struct {
				Series string  `json:"series"`
				Value  float64 `json:"value"`
				Geo    struct {
					State string `json:"state"`
				} `json:"geo"`
			} `json:"items"`
		}
		res := env.Do(http.MethodGet, "/api/v1/awareness/observations?series=tp_registrations&state=DE", analyst, nil)
		if res.Status != http.StatusOK {
			t.Fatalf("observations: %d %s", res.Status, res.Body)
		}
		res.JSON(t, &page)
		var total float64
		for _, o := range page.Items {
			total += o.Value
		}
		if total != float64(len(names)) {
			t.Fatalf("tp_registrations for DE sum to %v, want %d: %s", total, len(names), res.Body)
		}
	})
}
