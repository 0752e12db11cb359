package awarenesshttp

import (
	"net/http"

	"github.com/ceas-eu/ceas/internal/awareness"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/web"
)

type alertsPageData struct {
	web.Frame
	Items     []awareness.StoredAlert
	CanManage bool
	OpenOnly  bool
}

// alertsPage lists the raised alerts; coordinators acknowledge them here.
func (h *Handler) alertsPage(w http.ResponseWriter, r *http.Request) {
	open := r.URL.Query().Get("open") == "1"
	as, err := h.deps.Service.Alerts(r.Context(), open, 500)
	if err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	data := &alertsPageData{Frame: h.deps.Frame(r, "awareness.alerts.title", "/awareness/alerts"), Items: as, OpenOnly: open,
		CanManage: authz.FromContext(r.Context()).Can(authz.PermAwarenessManage)}
	if f := r.URL.Query().Get("done"); f != "" {
		data.Flash, data.FlashKind = "awareness.alerts.acknowledged", web.FlashSuccess
	}
	h.pages.Render(w, r, http.StatusOK, "alerts.html", data)
}

func (h *Handler) acknowledgePage(w http.ResponseWriter, r *http.Request) {
	if _, err := h.deps.Service.Acknowledge(r.Context(), r.PathValue("id"), r.FormValue("note")); err != nil {
		h.deps.Fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/awareness/alerts?done=1", http.StatusSeeOther)
}
