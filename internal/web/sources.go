package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"khabar/internal/api"
	"khabar/internal/store"
)

// Sources manages the followed sources, with their articles per day.
// *follow.Follower satisfies it.
type Sources interface {
	api.Sources
	// Days returns the articles stored per day through source id since
	// since, oldest day first.
	Days(ctx context.Context, id int64, since time.Time) ([]store.DayCount, error)
}

// chartDays is how many days the sources page charts.
const chartDays = 14

// sourceView is one row of the sources page.
type sourceView struct {
	*store.Source
	// Bars are the articles stored per day over the last chartDays days,
	// oldest first, as bar heights (0–24) with the counts.
	Bars []bar
	// Week is the number of articles stored over the last seven days.
	Week int
}

// bar is one day of a source's chart.
type bar struct {
	X, Y, H int
	Day     string
	Count   int
}

// sourcesData is the data of the sources page.
type sourcesData struct {
	base
	Sources []sourceView
	// CanAdd shows the form; NeedToken asks for the token in it.
	CanAdd, NeedToken bool
	// Message and Error report what the last form submission did.
	Message, Error string
	URL            string
}

func (u *UI) sources(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	if u.srcs == nil {
		u.renderError(w, r, b, http.StatusNotFound)
		return
	}
	d := sourcesData{base: b, CanAdd: u.write.Off == "", NeedToken: u.write.Token != ""}
	if n := r.URL.Query().Get("added"); n != "" {
		if k, err := strconv.Atoi(n); err == nil && k >= 0 {
			d.Message = b.Tf("sources_added", k)
		}
	}
	u.renderSources(w, r, http.StatusOK, &d)
}

func (u *UI) renderSources(w http.ResponseWriter, r *http.Request, status int, d *sourcesData) {
	srcs, err := u.srcs.Sources(r.Context())
	if err != nil {
		u.fail(w, r, d.base, err)
		return
	}
	now := time.Now().In(api.IST())
	since := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, api.IST()).AddDate(0, 0, -(chartDays - 1))
	for _, s := range srcs {
		days, err := u.srcs.Days(r.Context(), s.ID, since)
		if err != nil {
			u.fail(w, r, d.base, err)
			return
		}
		d.Sources = append(d.Sources, newSourceView(s, days, since))
	}
	u.render(w, r, status, "sources", d)
}

// newSourceView charts days (from since on) for s.
func newSourceView(s *store.Source, days []store.DayCount, since time.Time) sourceView {
	counts := make(map[string]int, len(days))
	top := 1
	for _, d := range days {
		counts[d.Day] = d.Count
		top = max(top, d.Count)
	}
	v := sourceView{Source: s}
	for i := range chartDays {
		day := since.AddDate(0, 0, i).Format(time.DateOnly)
		n := counts[day]
		h := n * 24 / top
		if n > 0 && h == 0 {
			h = 1
		}
		v.Bars = append(v.Bars, bar{X: i * 6, Y: 24 - h, H: h, Day: day, Count: n})
		if i >= chartDays-7 {
			v.Week += n
		}
	}
	return v
}

// addSource handles the form of the sources page.
func (u *UI) addSource(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	if u.srcs == nil {
		u.renderError(w, r, b, http.StatusNotFound)
		return
	}
	if !sameOrigin(r) {
		http.Error(w, "403 forbidden: the form must be sent from this site", http.StatusForbidden)
		return
	}
	if !u.write.Authorized(w, r, true) {
		return
	}
	d := sourcesData{base: b, CanAdd: true, NeedToken: u.write.Token != "", URL: strings.TrimSpace(r.PostFormValue("url"))}
	if d.URL == "" {
		d.Error = b.T("sources_need_url")
		u.renderSources(w, r, http.StatusBadRequest, &d)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 45*time.Second)
	defer cancel()
	added, err := u.srcs.Add(ctx, d.URL)
	if err != nil {
		d.Error = b.T("sources_failed") + " " + firstLine(err.Error())
		u.renderSources(w, r, http.StatusUnprocessableEntity, &d)
		return
	}
	http.Redirect(w, r, "/sources?added="+strconv.Itoa(len(added)), http.StatusSeeOther)
}

// sameOrigin reports whether a form post comes from this site: its Origin
// (or, without one, its Referer) names the request's host.
func sameOrigin(r *http.Request) bool {
	ref := r.Header.Get("Origin")
	if ref == "" || ref == "null" {
		ref = r.Header.Get("Referer")
	}
	if ref == "" {
		// Not a browser's cross-site form (browsers send Origin with
		// every POST); scripts with the token are fine.
		return r.Header.Get("Sec-Fetch-Site") == "" || r.Header.Get("Sec-Fetch-Site") == "same-origin"
	}
	u, err := url.Parse(ref)
	return err == nil && u.Host == r.Host
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
