// Package e2e tests CEAS as a person uses it: the real server on a free port, Debian's
// chromium driven by chromedp, logging in through the form and reading what the pages show.
// Without chromium the tests skip, unless CEAS_E2E_REQUIRED is set (CI sets it), in which case
// they fail.
package e2e

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ceas-eu/ceas/internal/app"
	"github.com/ceas-eu/ceas/internal/config"
	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// Password is the password of every user the harness creates.
const Password = "e2e-password-0123"

// Browser is a running server and a headless browser pointed at it.
type Browser struct {
	App    *app.App
	Base   string
	Ctx    context.Context
	t      *testing.T
	chrome string
}

func chromiumPath() string {
	for _, p := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	return ""
}

// Start serves a fresh app on db (nil: SQLite in a temporary directory) on 127.0.0.1:0 and
// opens a browser tab.
func Start(t *testing.T, db *sqldb.DB) *Browser {
	t.Helper()
	chrome := chromiumPath()
	if chrome == "" {
		if os.Getenv("CEAS_E2E_REQUIRED") != "" {
			t.Fatal("chromium not found and CEAS_E2E_REQUIRED is set")
		}
		t.Skip("chromium not installed")
	}
	cfg := config.Default()
	cfg.DataDir = t.TempDir()
	cfg.NoWorkers = true
	a, err := app.NewOn(context.Background(), cfg, db, slog.New(slog.NewTextHandler(io.Discard, nil)), app.Options{Version: "e2e"})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: a.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close(); a.Close() })

	b := &Browser{App: a, Base: "http://" + ln.Addr().String(), t: t, chrome: chrome}
	b.Ctx = b.newTab()
	return b
}

// NewSession opens a second browser with its own cookies on the same server, for a second
// person (an officer of another state).
func (b *Browser) NewSession() *Browser {
	c := &Browser{App: b.App, Base: b.Base, t: b.t, chrome: b.chrome}
	c.Ctx = c.newTab()
	return c
}

func (b *Browser) newTab() context.Context {
	t, chrome := b.t, b.chrome
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("no-first-run", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 150*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	return ctx
}

// User creates an account in org with roles and the harness password.
func (b *Browser) User(org, username string, roles ...authz.Role) {
	b.t.Helper()
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	ctx := authz.WithPrincipal(context.Background(), authz.System("e2e"))
	_, err := b.App.Authn.CreateUser(ctx, authn.NewUser{Org: org, Username: username, DisplayName: username,
		Roles: names, Password: Password})
	if err != nil {
		b.t.Fatalf("create user %s: %v", username, err)
	}
}

// Do runs chromedp steps, failing the test on error.
func (b *Browser) Do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.Ctx, steps...); err != nil {
		b.t.Fatal(err)
	}
}

// Get runs one chromedp action that returns a value.
func Get[T any](b *Browser, a chromedp.Action[T]) T {
	b.t.Helper()
	v, err := chromedp.Run(b.Ctx, a)
	if err != nil {
		b.t.Fatal(err)
	}
	return v
}

// Location returns the URL the tab shows.
func (b *Browser) Location() string { return Get(b, chromedp.Location()) }

// Login signs in through the login form with the harness password.
func (b *Browser) Login(username string) {
	b.t.Helper()
	b.LoginWith(username, Password)
}

// LoginWith signs in through the login form and waits for the page it leads to.
func (b *Browser) LoginWith(username, password string) {
	b.t.Helper()
	b.Do(
		chromedp.Navigate(b.Base+"/login"),
		chromedp.WaitVisible(`#f-username`),
		chromedp.SendKeys(`#f-username`, username),
		chromedp.SendKeys(`#f-password`, password),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#f-password").setAttribute("data-e2e-old", "1")`),
		chromedp.Submit(`#f-password`),
		chromedp.WaitNotPresent(`[data-e2e-old]`),
		chromedp.WaitVisible(`#main`),
	)
}

// Text returns the visible text of the first element matching the CSS selector.
func (b *Browser) Text(selector string) string {
	b.t.Helper()
	s := Get(b, chromedp.Text(selector, chromedp.NodeVisible))
	return strings.Join(strings.Fields(s), " ")
}

// Visit opens path and waits for the main landmark.
func (b *Browser) Visit(path string) {
	b.t.Helper()
	b.Do(chromedp.Navigate(b.Base+path), chromedp.WaitVisible(`#main`))
}

// Fill sets form controls by CSS selector (works for date inputs too, which SendKeys types
// in the browser's locale format).
func (b *Browser) Fill(values map[string]string) {
	b.t.Helper()
	for sel, v := range values {
		b.Do(chromedp.WaitReady(sel), chromedp.SetValue(sel, v))
	}
}

// Submit submits the form with the CSS id and waits for the next page.
func (b *Browser) Submit(formID string) {
	b.t.Helper()
	b.Do(chromedp.Submit(formID+` button[type=submit]`), chromedp.Sleep(300*time.Millisecond), chromedp.WaitVisible(`#main`))
}

// SubmitAndWait submits the form with the CSS id and waits until the page that answers
// shows the element of selector waitFor (the old page's elements would satisfy a plain wait).
func (b *Browser) SubmitAndWait(formID, waitFor string) {
	b.t.Helper()
	b.Do(chromedp.Evaluate[chromedp.Void](`document.querySelector("`+formID+`").setAttribute("data-e2e-old", "1")`),
		chromedp.Submit(formID+` button[type=submit]`),
		chromedp.WaitNotPresent(`[data-e2e-old]`),
		chromedp.WaitVisible(waitFor))
}

// Screenshot saves a PNG of the whole page to path, for a person to look at.
func (b *Browser) Screenshot(path string) {
	b.t.Helper()
	png := Get(b, chromedp.FullScreenshot(90))
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
