package outbox_test

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/outbox"
	"github.com/ceas-eu/ceas/internal/platform/refdata"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
	"github.com/ceas-eu/ceas/internal/platform/sqldb/sqldbtest"
)

type receiver struct {
	mu       sync.Mutex
	secret   string
	failNext int
	got      []string
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failNext > 0 {
		r.failNext--
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	sig := req.Header.Get(outbox.HeaderSignature)
	ts, _ := strconv.ParseInt(strings.TrimPrefix(strings.Split(sig, ",")[0], "t="), 10, 64)
	if outbox.Sign(r.secret, ts, body) != sig {
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	r.got = append(r.got, req.Header.Get(outbox.HeaderTopic))
}

func TestEventsReachSubscribedWebhooksSignedAndRetried(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		if err := refdata.Seed(ctx, db); err != nil {
			t.Fatal(err)
		}
		c := clock.NewFixed(time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC))
		ob := outbox.New(db, c)
		hooks := outbox.NewWebhooks(ob, audit.New(db, c))
		rcv := &receiver{failNext: 1}
		srv := httptest.NewServer(rcv)
		defer srv.Close()

		admin := authz.WithPrincipal(ctx, authz.Principal{ID: "adm", Org: "DE", Roles: []authz.Role{authz.RoleAdmin}, Kind: authz.KindUser})
		w, err := hooks.Create(admin, srv.URL, []string{"tp.*"})
		if err != nil {
			t.Fatal(err)
		}
		rcv.mu.Lock()
		rcv.secret = w.Secret
		rcv.mu.Unlock()
		if _, err := hooks.Create(admin, "ftp://nope", nil); err == nil {
			t.Fatal("invalid webhook accepted")
		}

		err = db.Tx(ctx, func(tx *sql.Tx) error {
			if err := ob.Notify(ctx, tx, "tp.match.found", "DE", "reg-1", "Possible match in PL", "/tp/reviews", map[string]string{"state": "PL"}); err != nil {
				return err
			}
			if _, err := ob.Publish(ctx, tx, "dublin.request.received", "DE", "case-1", nil); err != nil { // not subscribed
				return err
			}
			_, err := ob.Publish(ctx, tx, "tp.match.found", "PL", "reg-2", nil) // another state's event
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if n, err := ob.Dispatch(ctx); err != nil || n != 3 {
			t.Fatalf("dispatched %d, err %v", n, err)
		}
		if n, _ := ob.Dispatch(ctx); n != 0 {
			t.Fatalf("events dispatched twice")
		}
		if n, err := ob.Deliver(ctx, srv.Client()); err != nil || n != 0 {
			t.Fatalf("first attempt against a failing receiver delivered %d, err %v", n, err)
		}
		if n, _ := ob.Deliver(ctx, srv.Client()); n != 0 {
			t.Fatal("retried before its back-off")
		}
		c.Advance(31 * time.Second)
		if n, err := ob.Deliver(ctx, srv.Client()); err != nil || n != 1 {
			t.Fatalf("retry delivered %d, err %v", n, err)
		}
		if len(rcv.got) != 1 || rcv.got[0] != "tp.match.found" {
			t.Fatalf("receiver got %v", rcv.got)
		}
		ds, err := ob.Deliveries(ctx, "DE", 10)
		if err != nil || len(ds) != 1 || ds[0].Status != "delivered" || ds[0].Attempts != 2 {
			t.Fatalf("deliveries %+v, err %v", ds, err)
		}
		officer := authz.WithPrincipal(ctx, authz.Principal{ID: "o", Org: "DE", Roles: []authz.Role{authz.RoleRegistrationOfficer}, Kind: authz.KindUser})
		inbox, _, err := ob.Inbox(officer, "", 10)
		if err != nil || len(inbox) != 1 || inbox[0].Title != "Possible match in PL" {
			t.Fatalf("inbox %+v, err %v", inbox, err)
		}
		if err := ob.MarkRead(officer, inbox[0].ID); err != nil {
			t.Fatal(err)
		}
		if n, _ := ob.Unread(officer); n != 0 {
			t.Fatalf("unread %d after marking read", n)
		}
	})
}
