package awarenesshttp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/e2e"
	"github.com/ceas-eu/ceas/internal/platform/authn"
	"github.com/ceas-eu/ceas/internal/platform/authz"
)

// TestCoordinatorSeesTheMapAndCharts opens the overview in a real browser on the 2022 demo
// data: every chart must render (a canvas, no error), the map must be drawn in more than a
// couple of colours (states shaded by arrivals), and the report's headline must be shown.
// CEAS_SCREENSHOT_DIR keeps the screenshots for a person to look at.
func TestCoordinatorSeesTheMapAndCharts(t *testing.T) {
	b := e2e.Start(t, nil)
	b.User("EC", "clara.coordinator", authz.RoleCoordinator)
	importDemo(t, b)
	b.Login("clara.coordinator")
	b.Visit("/awareness")
	b.Do(chromedp.WaitVisible(`.chart canvas`), chromedp.Sleep(1500*time.Millisecond))
	charts := e2e.Get(b, chromedp.Evaluate[int](`document.querySelectorAll('.chart').length`))
	canvases := e2e.Get(b, chromedp.Evaluate[int](`document.querySelectorAll('.chart canvas').length`))
	failed := e2e.Get(b, chromedp.Evaluate[int](`document.querySelectorAll('.chart--error').length`))
	if charts < 8 || canvases < charts || failed > 0 {
		t.Fatalf("%d charts, %d canvases, %d failed", charts, canvases, failed)
	}
	if text := b.Text("#main"); !strings.Contains(text, "116,610") || !strings.Contains(text, "+39%") {
		t.Errorf("overview text lacks the headline figures")
	}
	shot := e2e.Get(b, chromedp.ScreenshotScale(`.chart[data-map]`, 1))
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	colours := map[uint32]bool{}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 3 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[r>>11<<10|g>>11<<5|bl>>11] = true
		}
	}
	if len(colours) < 6 {
		t.Errorf("the map has %d colours: not drawn", len(colours))
	}
	// The printable report keeps its own styles under its strict policy (allowed by hash).
	b.Do(chromedp.Navigate(b.Base + "/awareness/report/print?from=2022-01-01&to=2022-09-25")) // Navigate waits for the load event
	if font := e2e.Get(b, chromedp.Evaluate[string](`getComputedStyle(document.body).fontFamily`)); !strings.Contains(font, "Arial") {
		t.Errorf("printable report unstyled (font %q): its <style> was blocked", font)
	}
	if dir := os.Getenv("CEAS_SCREENSHOT_DIR"); dir != "" {
		_ = os.WriteFile(dir+"/awareness-map.png", shot, 0o644)
		b.Screenshot(dir + "/awareness-report.jpg")
	}
}

// importDemo loads the 2022 demo dataset through the API with a coordinator's token.
func importDemo(t *testing.T, b *e2e.Browser) {
	ctx := authz.WithPrincipal(context.Background(), authz.System("test"))
	_, token, err := b.App.Authn.CreateToken(ctx, authn.NewToken{Org: "EC", Name: "import", Roles: []string{string(authz.RoleCoordinator)}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(awareness.Demo2022())
	req, _ := http.NewRequest("POST", b.Base+api+"/observations", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("import: %v %v", res, err)
	}
	res.Body.Close()
}
