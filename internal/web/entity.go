package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"time"

	"khabar/internal/chart"
	"khabar/internal/news"
	"khabar/internal/store"
)

// entityHref is the page of entity id.
func entityHref(id string) string { return "/e/" + url.PathEscape(id) }

// entityData is the data of an entity's page.
type entityData struct {
	base
	Entity *store.EntityCount
	// Title is the name in the UI's language where known; Other the
	// names in other scripts.
	Title  string
	Others []string
	Chart  *chartView
	With   []entityLink
	Quotes []store.QuoteHit
	Events []entityEvent
	Items  []item
	Next   string
}

// entityLink is a link to an entity's page.
type entityLink struct {
	Href, Name, Type string
	Articles         int
}

// entityEvent is an event as the entity page lists it.
type entityEvent struct {
	store.EventHit
	Actors, Targets []entityLink
	// Where is the event's place, nil when none.
	Where *entityLink
	// Dead is the number killed, -1 when not known.
	Dead int
}

// maxChartDays is the most days an entity's chart shows (the latest).
const maxChartDays = 180

func (u *UI) entity(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	if u.analyst == nil {
		u.renderError(w, r, b, http.StatusNotFound)
		return
	}
	id := r.PathValue("id")
	ctx := r.Context()
	e, err := u.analyst.Entity(ctx, id)
	switch {
	case errors.Is(err, news.ErrNotFound):
		u.renderError(w, r, b, http.StatusNotFound)
		return
	case err != nil:
		u.fail(w, r, b, err)
		return
	}
	d := entityData{base: b, Entity: e, Title: nameIn(b.Lang, e.Name, e.Names)}
	for _, n := range []string{e.Name, e.Names["hi"], e.Names["en"]} {
		if n != "" && n != d.Title && !slices.Contains(d.Others, n) {
			d.Others = append(d.Others, n)
		}
	}
	days, err := u.analyst.EntityDays(ctx, id, time.Time{}, time.Time{})
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	d.Chart = newChart([]chart.Series{{Points: dayPoints(days)}}, b.Tf("entity_chart_for", d.Title), b.T("chart_articles"), maxChartDays)
	with, err := u.analyst.CoMentioned(ctx, id, 12)
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	for _, c := range with {
		d.With = append(d.With, entityLink{Href: entityHref(c.ID), Name: truncate(nameIn(b.Lang, c.Name, c.Names), pageField), Type: c.Type, Articles: c.Articles})
	}
	qp, err := u.analyst.Quotes(ctx, store.QuoteFilter{Speaker: id, Limit: 20})
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	for _, q := range qp.Quotes {
		q.Text = truncate(q.Text, pageField)
		d.Quotes = append(d.Quotes, q)
	}
	for _, f := range []store.EventFilter{{Actor: id, Limit: 20}, {Target: id, Limit: 20}} {
		ep, err := u.analyst.Events(ctx, f)
		if err != nil {
			u.fail(w, r, b, err)
			return
		}
		for _, ev := range ep.Events {
			d.Events = append(d.Events, newEntityEvent(b.Lang, ev))
		}
	}
	page, err := u.analyst.EntityArticles(ctx, id, 20, r.URL.Query().Get("cursor"))
	if errors.Is(err, store.ErrBadCursor) {
		u.renderError(w, r, b, http.StatusBadRequest)
		return
	}
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	for _, a := range page.Articles {
		d.Items = append(d.Items, newItem(a))
	}
	if page.Next != "" {
		d.Next = fmt.Sprintf("%s?cursor=%s", entityHref(id), url.QueryEscape(page.Next))
	}
	u.render(w, r, http.StatusOK, "entity", &d)
}

// nameIn is an entity's name in the UI language lang where known.
func nameIn(lang, name string, names map[string]string) string {
	if n := names[lang]; n != "" {
		return n
	}
	return name
}

func newEntityEvent(lang string, ev store.EventHit) entityEvent {
	v := entityEvent{EventHit: ev, Dead: -1}
	if ev.Killed != nil {
		v.Dead = *ev.Killed
	}
	v.Sentence = truncate(v.Sentence, pageField)
	link := func(id string) entityLink {
		n := ev.Entities[id]
		return entityLink{Href: entityHref(id), Name: truncate(nameIn(lang, n.Name, n.Names), pageField), Type: n.Type}
	}
	for _, id := range ev.Actors {
		v.Actors = append(v.Actors, link(id))
	}
	for _, id := range ev.Targets {
		v.Targets = append(v.Targets, link(id))
	}
	if ev.Place != "" {
		l := link(ev.Place)
		v.Where = &l
	}
	return v
}
