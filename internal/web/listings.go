package web

import (
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"khabar/internal/api"
	"khabar/internal/chart"
	"khabar/internal/store"
)

// listForm is the filter form of the quotes and events pages, as given.
type listForm struct {
	Speaker, Q, Via                               string
	Type, Subtype, Actor, Target, Place, Modality string
	From, To                                      string
}

// quotesData is the data of the quotes page.
type quotesData struct {
	base
	Form    listForm
	Speaker string // the speaker's name, when filtered by one
	Quotes  []store.QuoteHit
	Next    string
	Error   string
}

// bounds reads from and to of a listing page; a bad one is reported in
// the UI language.
func bounds(b base, v url.Values) (from, to time.Time, msg string) {
	q, err := api.ParseQuery(url.Values{"from": {v.Get("from")}, "to": {v.Get("to")}})
	if err != nil {
		var pe *api.ParamError
		if errors.As(err, &pe) {
			if s, ok := b.lookup("err_" + pe.Param); ok {
				return time.Time{}, time.Time{}, s
			}
		}
		return time.Time{}, time.Time{}, b.T("err_query")
	}
	return q.From, q.To, ""
}

// nextHref is the URL of the next page of path with v and cursor.
func nextHref(path string, v url.Values, cursor string) string {
	if cursor == "" {
		return ""
	}
	n := url.Values{}
	for k, vs := range v {
		if k != "cursor" && k != "hl" && len(vs) > 0 && strings.TrimSpace(vs[0]) != "" {
			n.Set(k, strings.TrimSpace(vs[0]))
		}
	}
	n.Set("cursor", cursor)
	return path + "?" + n.Encode()
}

func (u *UI) quotesPage(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	if u.analyst == nil {
		u.renderError(w, r, b, http.StatusNotFound)
		return
	}
	v := r.URL.Query()
	d := quotesData{base: b, Form: listForm{Speaker: v.Get("speaker"), Q: v.Get("q"), Via: v.Get("via"), From: v.Get("from"), To: v.Get("to")}}
	from, to, msg := bounds(b, v)
	if msg != "" {
		d.Error = msg
		u.render(w, r, http.StatusBadRequest, "quotes", &d)
		return
	}
	f := store.QuoteFilter{Speaker: strings.TrimSpace(d.Form.Speaker), Text: strings.TrimSpace(d.Form.Q),
		Via: strings.TrimSpace(d.Form.Via), From: from, To: to, Limit: 50, Cursor: v.Get("cursor")}
	page, err := u.analyst.Quotes(r.Context(), f)
	if errors.Is(err, store.ErrBadCursor) {
		u.renderError(w, r, b, http.StatusBadRequest)
		return
	}
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	for _, q := range page.Quotes {
		q.Text = truncate(q.Text, pageField)
		d.Quotes = append(d.Quotes, q)
	}
	if f.Speaker != "" {
		if e, err := u.analyst.Entity(r.Context(), f.Speaker); err == nil {
			d.Speaker = nameIn(b.Lang, e.Name, e.Names)
		}
	}
	d.Next = nextHref("/quotes", v, page.Next)
	u.render(w, r, http.StatusOK, "quotes", &d)
}

// eventsData is the data of the events page.
type eventsData struct {
	base
	Form   listForm
	Types  []string
	Events []entityEvent
	// Chart draws the events of the page's filter per day, a line per
	// type.
	Chart *chartView
	Next  string
	Error string
}

// eventTypes are the event types, in the order the events page offers them.
var eventTypes = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
	"REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "DISASTER", "ACCIDENT"}

// chartEvents is how many events the events chart counts at most.
const chartEvents = 5000

func (u *UI) eventsPage(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	if u.analyst == nil {
		u.renderError(w, r, b, http.StatusNotFound)
		return
	}
	v := r.URL.Query()
	d := eventsData{base: b, Types: eventTypes, Form: listForm{Type: strings.ToUpper(v.Get("type")), Subtype: strings.ToUpper(v.Get("subtype")),
		Actor: v.Get("actor"), Target: v.Get("target"), Place: v.Get("place"), Modality: v.Get("modality"), From: v.Get("from"), To: v.Get("to")}}
	from, to, msg := bounds(b, v)
	if msg != "" {
		d.Error = msg
		u.render(w, r, http.StatusBadRequest, "events", &d)
		return
	}
	f := store.EventFilter{Type: d.Form.Type, Subtype: d.Form.Subtype, Actor: d.Form.Actor, Target: d.Form.Target,
		Place: d.Form.Place, Modality: d.Form.Modality, From: from, To: to, Limit: 50, Cursor: v.Get("cursor")}
	page, err := u.analyst.Events(r.Context(), f)
	if errors.Is(err, store.ErrBadCursor) {
		u.renderError(w, r, b, http.StatusBadRequest)
		return
	}
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	for _, ev := range page.Events {
		d.Events = append(d.Events, newEntityEvent(b.Lang, ev))
	}
	d.Next = nextHref("/events", v, page.Next)
	// The chart counts every event of the filter (not only this page), up
	// to chartEvents.
	all := f
	all.Cursor, all.Limit = "", 1000
	counts := map[string]map[string]int{}
	seen := 0
	for seen < chartEvents {
		p, err := u.analyst.Events(r.Context(), all)
		if err != nil {
			u.fail(w, r, b, err)
			return
		}
		for _, ev := range p.Events {
			day := eventDay(ev)
			if day == "" {
				continue
			}
			if counts[day] == nil {
				counts[day] = map[string]int{}
			}
			counts[day][ev.Type]++
		}
		seen += len(p.Events)
		if p.Next == "" {
			break
		}
		all.Cursor = p.Next
	}
	d.Chart = typesChart(b, counts)
	u.render(w, r, http.StatusOK, "events", &d)
}

// eventDay is the IST day an event is counted on: its date when it names a
// day, else the day its article was published.
func eventDay(ev store.EventHit) string {
	if len(ev.Date) >= 10 {
		if _, err := time.Parse(time.DateOnly, ev.Date[:10]); err == nil {
			return ev.Date[:10]
		}
	}
	if ev.Article.Published.IsZero() {
		return ""
	}
	return ev.Article.Published.In(api.IST()).Format(time.DateOnly)
}

// typesChart draws counts (day → type → events) as a line per type over
// the last 120 days that have any, the types named in the UI language.
func typesChart(b base, counts map[string]map[string]int) *chartView {
	byType := map[string][]chart.Point{}
	for day, types := range counts {
		t, err := time.Parse(time.DateOnly, day)
		if err != nil {
			continue
		}
		for typ, k := range types {
			byType[typ] = append(byType[typ], chart.Point{Day: t, Count: k})
		}
	}
	var series []chart.Series
	for _, typ := range eventTypes {
		if ps := byType[typ]; len(ps) > 0 {
			series = append(series, chart.Series{Name: b.EventType(typ), Points: ps})
			delete(byType, typ)
		}
	}
	rest := make([]string, 0, len(byType))
	for typ := range byType {
		rest = append(rest, typ)
	}
	sort.Strings(rest)
	for _, typ := range rest {
		series = append(series, chart.Series{Name: b.EventType(typ), Points: byType[typ]})
	}
	return newChart(series, b.T("events_chart_for"), b.T("chart_events"), 120)
}
