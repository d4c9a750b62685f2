package web

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"khabar/internal/api"
	"khabar/internal/chart"
	"khabar/internal/dedup"
	"khabar/internal/news"
	"khabar/internal/store"
	"khabar/internal/story"
)

// linksView is what the article page shows of an article's ties: its
// story, its syndication group, and how it differs from the canonical
// copy.
type linksView struct {
	Story     *store.Story
	StoryHref string
	// GroupSize counts the copies in the article's group; Canonical is
	// the canonical copy when the article is a copy of it.
	GroupSize     int
	GroupHref     string
	Canonical     *item
	Diff          []dedup.Edit
	Added, Remove int
	// DiffCut is true when Diff stops before the texts' end.
	DiffCut bool
}

// linksOf reads the ties of a; nil when there are none or no Links.
func (u *UI) linksOf(r *http.Request, a *news.Article) (*linksView, error) {
	if u.links == nil || (a.Story == "" && a.Group == "") {
		return nil, nil
	}
	v := &linksView{}
	ctx := r.Context()
	if a.Story != "" {
		s, err := u.links.GetStory(ctx, a.Story)
		switch {
		case err == nil:
			v.Story, v.StoryHref = s, storyHref(s.ID)
		case !errors.Is(err, news.ErrNotFound):
			return nil, err
		}
	}
	if a.Group != "" {
		members, err := u.links.Group(ctx, a.Group)
		if err != nil {
			return nil, err
		}
		v.GroupSize = len(members)
		v.GroupHref = groupHref(a.Group)
	}
	if a.DuplicateOf != "" {
		c, err := u.arts.Get(ctx, a.DuplicateOf)
		switch {
		case err == nil:
			it := newItem(c)
			v.Canonical = &it
			v.Diff = dedup.Diff(c.Text, a.Text)
			st := dedup.CountWords(v.Diff)
			v.Added, v.Remove = st.Added, st.Removed
			// A page shows the start of a long diff (the API has more).
			size := 0
			for i, e := range v.Diff {
				if size += len(e.Text); size > pageText {
					v.Diff, v.DiffCut = v.Diff[:i], true
					break
				}
			}
		case !errors.Is(err, news.ErrNotFound):
			return nil, err
		}
	}
	return v, nil
}

func storyHref(id string) string { return "/s/" + url.PathEscape(id) }

// storyData is the data of a story page.
type storyData struct {
	base
	Story    *store.Story
	Items    []item
	Timeline []story.Item
	Thread   []threadItem
	// Chart draws the story's articles per IST day.
	Chart *chartView
}

// threadItem is another story of the same thread.
type threadItem struct {
	Title, Href string
	Story       *store.Story
}

func (u *UI) story(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	if u.links == nil {
		u.renderError(w, r, b, http.StatusNotFound)
		return
	}
	s, err := u.links.GetStory(r.Context(), r.PathValue("id"))
	switch {
	case errors.Is(err, news.ErrNotFound):
		u.renderError(w, r, b, http.StatusNotFound)
		return
	case err != nil:
		u.fail(w, r, b, err)
		return
	}
	arts, err := u.arts.GetMany(r.Context(), s.Articles)
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	d := storyData{base: b, Story: s, Timeline: story.Timeline(arts)}
	perDay := map[time.Time]int{}
	for _, a := range arts {
		d.Items = append(d.Items, newItem(a))
		if !a.Published.IsZero() {
			perDay[istDay(a.Published)]++
		}
	}
	var points []chart.Point
	for day, k := range perDay {
		points = append(points, chart.Point{Day: day, Count: k})
	}
	d.Chart = newChart([]chart.Series{{Points: points}}, b.T("story_chart_for"), b.T("chart_articles"), maxChartDays)
	if s.Thread != "" {
		p, err := u.links.ListStories(r.Context(), store.StoryFilter{Thread: s.Thread, Limit: 50})
		if err != nil {
			u.fail(w, r, b, err)
			return
		}
		for _, o := range p.Stories {
			if o.ID != s.ID {
				d.Thread = append(d.Thread, threadItem{Title: o.Title, Href: storyHref(o.ID), Story: o})
			}
		}
	}
	u.render(w, r, http.StatusOK, "story", &d)
}

// linksFrom returns o.Links, or o.Articles when it reads links too.
func linksFrom(o Options) api.Links {
	if o.Links != nil {
		return o.Links
	}
	if l, ok := o.Articles.(api.Links); ok {
		return l
	}
	return nil
}
