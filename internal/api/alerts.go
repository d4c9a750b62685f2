package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"khabar/internal/alert"
	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/store"
)

// errNoAlerts answers the alert routes of a server whose store keeps none.
var errNoAlerts = errors.New("saved searches are not available on this server")

// alertsResponse is the body of GET /api/v1/alerts.
type alertsResponse struct {
	Alerts []alertView `json:"alerts"`
}

// alertView is an alert as the API shows it, with its feed.
type alertView struct {
	*store.Alert
	Feed string `json:"feed"`
}

func viewOf(a *store.Alert) alertView {
	return alertView{Alert: a, Feed: "/feeds/" + a.Name + ".atom"}
}

func (s *Server) listAlerts(w http.ResponseWriter, r *http.Request) {
	if s.alerts == nil {
		s.fail(w, r, errNoAlerts)
		return
	}
	list, err := s.alerts.ListAlerts(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := alertsResponse{Alerts: []alertView{}}
	for _, a := range list {
		resp.Alerts = append(resp.Alerts, viewOf(a))
	}
	writeJSON(w, http.StatusOK, resp)
}

// alertRequest is the body of POST /api/v1/alerts.
type alertRequest struct {
	Name    string `json:"name"`
	Query   string `json:"query"`
	Lang    string `json:"lang"`
	From    string `json:"from"`
	To      string `json:"to"`
	Webhook string `json:"webhook"`
}

func (s *Server) addAlert(w http.ResponseWriter, r *http.Request) {
	if !s.write.Authorized(w, r, false) {
		return
	}
	if s.alerts == nil {
		s.fail(w, r, errNoAlerts)
		return
	}
	var req alertRequest
	if err := decodeJSON(r, &req); err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	a := &store.Alert{Name: req.Name, Query: strings.TrimSpace(req.Query), Lang: strings.ToLower(req.Lang),
		Webhook: req.Webhook, Created: time.Now().UTC()}
	var err error
	if req.From != "" {
		if a.From, err = parseBound(req.From, false); err != nil {
			writeError(w, http.StatusBadRequest, "bad_request", "from: use YYYY-MM-DD or RFC 3339")
			return
		}
	}
	if req.To != "" {
		if a.To, err = parseBound(req.To, true); err != nil {
			writeError(w, http.StatusBadRequest, "bad_request", "to: use YYYY-MM-DD or RFC 3339")
			return
		}
	}
	if err := alert.Check(a); err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	if s.search != nil {
		if _, err := s.search.Search(r.Context(), search.Query{Text: a.Query, Limit: 1}); errors.Is(err, search.ErrNoTerms) {
			writeError(w, http.StatusBadRequest, "bad_request", "query: has no searchable words, only stop words or punctuation")
			return
		}
	}
	if err := s.alerts.PutAlert(r.Context(), a); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, viewOf(a))
}

func (s *Server) removeAlert(w http.ResponseWriter, r *http.Request) {
	if !s.write.Authorized(w, r, false) {
		return
	}
	if s.alerts == nil {
		s.fail(w, r, errNoAlerts)
		return
	}
	if err := s.alerts.RemoveAlert(r.Context(), r.PathValue("name")); err != nil {
		if errors.Is(err, news.ErrNotFound) {
			writeError(w, http.StatusNotFound, "not_found", "no saved search has this name")
			return
		}
		s.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// feed serves GET /feeds/{name}.atom: a saved search's newest matches.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutSuffix(r.PathValue("file"), ".atom")
	if !ok || s.alerts == nil || s.search == nil {
		writeError(w, http.StatusNotFound, "not_found", "no such feed; saved searches are at /feeds/NAME.atom")
		return
	}
	a, err := s.alerts.GetAlert(r.Context(), name)
	if errors.Is(err, news.ErrNotFound) {
		writeError(w, http.StatusNotFound, "not_found", "no saved search has this name; see /api/v1/alerts")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, err := alert.Feed(r.Context(), s.search, s.arts, a, "http://"+r.Host+"/")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/atom+xml; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(b)
}
