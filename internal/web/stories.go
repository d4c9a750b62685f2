package web

import (
	"cmp"
	"errors"
	"net/http"
	"slices"

	"khabar/internal/store"
)

// storiesData is the data of the stories page.
type storiesData struct {
	base
	Stories []storyRow
	// BySize orders the page by size; Next continues the listing.
	BySize bool
	Next   string
}

// storyRow is one story of the stories page.
type storyRow struct {
	*store.Story
	Href     string
	Entities []entityLink
}

// storiesPage is how many stories the page lists (by size: the largest of
// the latest storiesScan).
const (
	storiesPage = 30
	storiesScan = 300
)

func (u *UI) stories(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	if u.links == nil {
		u.renderError(w, r, b, http.StatusNotFound)
		return
	}
	v := r.URL.Query()
	d := storiesData{base: b, BySize: v.Get("sort") == "size"}
	f := store.StoryFilter{Limit: storiesPage, Cursor: v.Get("cursor")}
	if d.BySize {
		f.Limit, f.Cursor = storiesScan, ""
	}
	p, err := u.links.ListStories(r.Context(), f)
	if errors.Is(err, store.ErrBadCursor) {
		u.renderError(w, r, b, http.StatusBadRequest)
		return
	}
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	list := p.Stories
	if d.BySize {
		list = slices.Clone(list)
		slices.SortStableFunc(list, func(x, y *store.Story) int { return cmp.Compare(len(y.Articles), len(x.Articles)) })
		list = list[:min(len(list), storiesPage)]
	} else {
		d.Next = nextHref("/stories", v, p.Next)
	}
	for _, s := range list {
		row := storyRow{Story: s, Href: storyHref(s.ID)}
		for _, e := range s.Entities[:min(len(s.Entities), 5)] {
			l := entityLink{Name: truncate(e.Name, pageField), Type: e.Type, Articles: e.Articles}
			if e.Type != "" { // a headline word ("term:…") has no page
				l.Href = entityHref(e.ID)
			}
			row.Entities = append(row.Entities, l)
		}
		s.Title = truncate(s.Title, pageField)
		d.Stories = append(d.Stories, row)
	}
	u.render(w, r, http.StatusOK, "stories", &d)
}
