package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"khabar/internal/alert"
	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/store"
)

// alertsData is the data of the saved-searches page.
type alertsData struct {
	base
	Alerts []*store.Alert
	// CanAdd shows the forms; NeedToken asks for the token in them.
	CanAdd, NeedToken bool
	// Message and Error report what the last form submission did.
	Message, Error string
	// Name, Query, Lang and Webhook refill the form.
	Name, Query, Lang, Webhook string
}

// FeedURL is the Atom feed of the alert named name.
func (alertsData) FeedURL(name string) string { return "/feeds/" + url.PathEscape(name) + ".atom" }

// SearchURL is the search page for an alert's query.
func (d alertsData) SearchURL(a *store.Alert) string {
	v := url.Values{"q": {a.Query}}
	if a.Lang != "" {
		v.Set("lang", a.Lang)
	}
	return "/?" + v.Encode()
}

// WebhookHost is the host an alert posts to (the whole URL may hold a
// secret), or "".
func (alertsData) WebhookHost(a *store.Alert) string {
	if u, err := url.Parse(a.Webhook); err == nil {
		return u.Host
	}
	return ""
}

func (u *UI) alertsPage(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	if u.alerts == nil {
		u.renderError(w, r, b, http.StatusNotFound)
		return
	}
	q := r.URL.Query()
	d := alertsData{base: b, CanAdd: u.write.Off == "", NeedToken: u.write.Token != "",
		Query: strings.TrimSpace(q.Get("q")), Lang: q.Get("lang")}
	switch {
	case q.Get("added") != "":
		d.Message = b.Tf("alerts_added", q.Get("added"))
	case q.Get("removed") != "":
		d.Message = b.Tf("alerts_removed", q.Get("removed"))
	}
	u.renderAlerts(w, r, http.StatusOK, &d)
}

func (u *UI) renderAlerts(w http.ResponseWriter, r *http.Request, status int, d *alertsData) {
	list, err := u.alerts.ListAlerts(r.Context())
	if err != nil {
		u.fail(w, r, d.base, err)
		return
	}
	d.Alerts = list
	u.render(w, r, status, "alerts", d)
}

// alertForm checks a form post to the alerts page: the page's own origin
// and, where the server has one, its token. It reports whether to go on.
func (u *UI) alertForm(w http.ResponseWriter, r *http.Request, b base) bool {
	if u.alerts == nil {
		u.renderError(w, r, b, http.StatusNotFound)
		return false
	}
	if !sameOrigin(r) {
		http.Error(w, "403 forbidden: the form must be sent from this site", http.StatusForbidden)
		return false
	}
	return u.write.Authorized(w, r, true)
}

// addAlert handles the form that saves a search.
func (u *UI) addAlert(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	if !u.alertForm(w, r, b) {
		return
	}
	d := alertsData{base: b, CanAdd: true, NeedToken: u.write.Token != "",
		Name: strings.TrimSpace(r.PostFormValue("name")), Query: strings.TrimSpace(r.PostFormValue("q")),
		Lang: strings.ToLower(strings.TrimSpace(r.PostFormValue("lang"))), Webhook: strings.TrimSpace(r.PostFormValue("webhook"))}
	a := &store.Alert{Name: d.Name, Query: d.Query, Lang: d.Lang, Webhook: d.Webhook, Created: time.Now().UTC()}
	if err := alert.Check(a); err != nil {
		d.Error = b.T("alerts_failed") + " " + err.Error()
		u.renderAlerts(w, r, http.StatusBadRequest, &d)
		return
	}
	if u.search != nil {
		if _, err := u.search.Search(r.Context(), search.Query{Text: a.Query, Limit: 1}); errors.Is(err, search.ErrNoTerms) {
			d.Error = b.T("alerts_failed") + " " + b.T("alerts_no_terms")
			u.renderAlerts(w, r, http.StatusBadRequest, &d)
			return
		}
	}
	if err := u.alerts.PutAlert(r.Context(), a); err != nil {
		u.fail(w, r, b, err)
		return
	}
	http.Redirect(w, r, "/alerts?added="+url.QueryEscape(a.Name), http.StatusSeeOther)
}

// removeAlert handles a saved search's remove button.
func (u *UI) removeAlert(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	if !u.alertForm(w, r, b) {
		return
	}
	name := r.PathValue("name")
	if err := u.alerts.RemoveAlert(r.Context(), name); err != nil {
		if errors.Is(err, news.ErrNotFound) {
			u.renderError(w, r, b, http.StatusNotFound)
			return
		}
		u.fail(w, r, b, err)
		return
	}
	http.Redirect(w, r, "/alerts?removed="+url.QueryEscape(name), http.StatusSeeOther)
}
