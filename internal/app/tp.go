package app

import (
	"context"
	"fmt"
	"hash/fnv"
	"os"
	"strconv"
	"time"
	"unicode"

	"github.com/ceas-eu/ceas/internal/identity"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
	"github.com/ceas-eu/ceas/internal/platform/web"
	"github.com/ceas-eu/ceas/internal/synth"
	"github.com/ceas-eu/ceas/internal/tp"
	"github.com/ceas-eu/ceas/internal/tp/tphttp"
)

// tpModule wires the temporary protection registration platform: the service with its
// in-memory identity index, rebuilt from the database at start, its jobs and its routes.
type tpModule struct {
	svc *tp.Service
}

func (m *tpModule) build(ctx context.Context, a *App) error {
	cfg := tp.DefaultConfig()
	cfg.SmallCount = a.Config.SmallCount
	m.svc = tp.New(tp.Deps{DB: a.DB, Audit: a.Audit, Outbox: a.Outbox, Jobs: a.Jobs, Clock: a.Clock, Log: a.Log,
		Index: identity.NewIndex(identity.DefaultConfig())}, cfg)
	// The index is rebuilt in the background: the server answers at once (health, pages,
	// searches, dashboards), and registrations, imports and the demo seed wait for the
	// index so no check runs against part of the population. TPReady tells when it is done.
	loaded := m.svc.LoadIndexAsync(ctx)
	go func() {
		if err := <-loaded; err != nil {
			a.Log.Error("tp: identity index failed to load; registrations will fail until restart", "err", err)
		}
	}()
	return m.svc.RegisterJobs(ctx, a.Jobs, 24*time.Hour)
}

// TPReady reports whether the temporary protection identity index is complete (nil), or
// why not (still loading after start, or failed). A readiness probe should include it, and
// a client that must not wait on its first registration can poll it.
func (a *App) TPReady() error {
	for _, m := range a.modules {
		if tm, ok := m.(*tpModule); ok && tm.svc != nil {
			return tm.svc.Ready()
		}
	}
	return nil
}

// TPWaitReady waits until the temporary protection identity index is complete or ctx ends.
func (a *App) TPWaitReady(ctx context.Context) error {
	for _, m := range a.modules {
		if tm, ok := m.(*tpModule); ok && tm.svc != nil {
			return tm.svc.WaitReady(ctx)
		}
	}
	return nil
}

func (m *tpModule) mount(a *App) ([]web.NavItem, error) {
	_, err := tphttp.Register(a.API, a.mux, tphttp.Deps{Service: m.svc, Log: a.Log, MaxImportBytes: a.Config.ImportMaxBytes,
		Frame: a.Frame, Fail: a.Fail})
	if err != nil {
		return nil, err
	}
	return tphttp.NavItems(), nil
}

// seedDemo loads a synthetic population of $CEAS_DEMO_TP registrations (default 200,000)
// across the 27 states in proportion to the 2022 registrations, with cross-state
// duplicates the review queues then hold. It does nothing when registrations exist.
func (m *tpModule) seedDemo(ctx context.Context, a *App, progress Progress) error {
	n := 200_000
	if v := os.Getenv("CEAS_DEMO_TP"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 0 {
			return fmt.Errorf("CEAS_DEMO_TP: %q is not a number of registrations", v)
		}
	}
	if n == 0 {
		return nil
	}
	start := time.Now()
	stored, err := seedTP(ctx, m.svc, n, func(done int) { progress("temporary protection registrations", done, n) })
	if err != nil {
		return err
	}
	if stored > 0 {
		a.Log.Info("tp: demo population seeded", "registrations", stored, "took_ms", time.Since(start).Milliseconds())
	}
	return nil
}

// seedTP streams a synthetic population into the service.
func seedTP(ctx context.Context, svc *tp.Service, n int, progress func(int)) (int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	recs := make(chan synth.Record, 4096)
	genErr := make(chan error, 1)
	go func() {
		defer close(recs)
		genErr <- synth.Generate(ctx, synth.Options{N: n, Seed: 2022}, func(r synth.Record) error {
			select {
			case recs <- r:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	// next may be called again after the end (Seed asks once more after a short last
	// batch), so the generator's result is kept rather than received twice.
	done, endErr := false, error(nil)
	next := func() (tp.SeedRow, bool, error) {
		if done {
			return tp.SeedRow{}, false, endErr
		}
		r, ok := <-recs
		if !ok {
			done, endErr = true, <-genErr
			return tp.SeedRow{}, false, endErr
		}
		return demoRow(r), true, nil
	}
	return svc.Seed(ctx, next, progress)
}

// demoRow turns a synthetic record into a registration: names in Cyrillic go to the
// Cyrillic fields, a malformed document number is left out (the person is still
// registered), and the registration date, permit and any deregistration are drawn from a
// hash of the record id so the demo is the same on every run: most people registered in
// spring 2022, one in ten since deregistered.
func demoRow(r synth.Record) tp.SeedRow {
	h := fnv.New64a()
	h.Write([]byte(r.RecordID))
	x := h.Sum64()
	cols := map[string]string{"external_id": r.RecordID, "sex": r.Sex, "date_of_birth": r.DateOfBirth,
		"place_of_birth": r.PlaceOfBirth, "nationality": r.Nationality, "address": r.Address, "locality": r.Locality,
		"postcode": r.Postcode, "region": r.Locality}
	for name, v := range map[string]string{"surname": r.Surname, "given_name": r.GivenName, "patronymic": r.Patronymic} {
		if hasCyrillic(v) {
			name += "_cyrillic"
		}
		cols[name] = v
	}
	if num := tp.NormalizeDocumentNumber(r.DocumentNumber); num != "" && tp.CheckDocumentNumber(r.DocumentType, "UA", num) == "" {
		cols["document_type"], cols["document_number"], cols["document_country"] = r.DocumentType, num, "UA"
	}
	if r.Nationality != "UKR" && r.Nationality != "UA" {
		cols["ground"] = []string{"protection_in_ukraine", "permanent_resident", "family_member"}[x%3]
	}
	reg := demoDate(x)
	cols["registered_on"] = reg.String()
	cols["permit_number"] = fmt.Sprintf("%s-%08d", r.MemberState, x%100_000_000)
	cols["permit_issued_on"] = timelimit.AddDays(reg, int(x>>8%10)).String()
	cols["permit_valid_until"] = "2027-03-04"
	row := tp.SeedRow{State: r.MemberState, Input: tp.InputFromColumns(func(k string) string { return cols[k] })}
	if x>>16%10 == 0 {
		reasons := []tp.Reason{tp.ReasonReturnedToUkraine, tp.ReasonReturnedToUkraine, tp.ReasonMovedToOtherState,
			tp.ReasonObtainedOtherStatus, tp.ReasonProtectionEnded, tp.ReasonDeceased}
		row.Reason = reasons[x>>20%uint64(len(reasons))]
		row.DeregisteredOn = timelimit.AddDays(reg, 30+int(x>>24%600)).String()
		if row.DeregisteredOn > "2026-02-28" {
			row.DeregisteredOn = "2026-02-28"
		}
	}
	return row
}

// demoDate spreads registrations as they came: 60% from March to June 2022, 25% in the
// rest of 2022, 15% from 2023 to early 2026.
func demoDate(x uint64) timelimit.Date {
	start := timelimit.MustDate(2022, 3, 4)
	switch p := x % 100; {
	case p < 60:
		return timelimit.AddDays(start, int(x>>32%118))
	case p < 85:
		return timelimit.AddDays(start, 118+int(x>>32%182))
	default:
		return timelimit.AddDays(start, 300+int(x>>32%1090))
	}
}

func hasCyrillic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}
