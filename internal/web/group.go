package web

import (
	"net/http"
	"net/url"

	"khabar/internal/dedup"
	"khabar/internal/news"
)

// groupHref is the page of syndication group id.
func groupHref(id string) string { return "/g/" + url.PathEscape(id) }

// groupData is the data of a syndication group's page.
type groupData struct {
	base
	Canonical *item
	Members   []groupMember
	Outlets   int
}

// groupMember is one copy of a wire story: who ran it and what they
// changed against the canonical copy.
type groupMember struct {
	item
	Canonical      bool
	Added, Removed int
	Same           int
}

// maxGroupDiff bounds the text compared per member, in bytes.
const maxGroupDiff = 64 << 10

func (u *UI) group(w http.ResponseWriter, r *http.Request) {
	b := u.base(w, r)
	if u.links == nil {
		u.renderError(w, r, b, http.StatusNotFound)
		return
	}
	members, err := u.links.Group(r.Context(), r.PathValue("id"))
	if err != nil {
		u.fail(w, r, b, err)
		return
	}
	if len(members) == 0 {
		u.renderError(w, r, b, http.StatusNotFound)
		return
	}
	canon := members[0]
	for _, a := range members {
		if a.DuplicateOf == "" {
			canon = a
			break
		}
	}
	d := groupData{base: b}
	ci := newItem(canon)
	d.Canonical = &ci
	outlets := map[string]bool{}
	for _, a := range members[:min(len(members), pageEntities)] {
		m := groupMember{item: newItem(a), Canonical: a.ID == canon.ID}
		if !m.Canonical {
			st := dedup.CountWords(dedup.Diff(clipText(canon), clipText(a)))
			m.Added, m.Removed, m.Same = st.Added, st.Removed, st.Same
		}
		outlets[a.Publisher] = true
		d.Members = append(d.Members, m)
	}
	d.Outlets = len(outlets)
	u.render(w, r, http.StatusOK, "group", &d)
}

// clipText is an article's text, cut to maxGroupDiff bytes for comparing.
func clipText(a *news.Article) string {
	if len(a.Text) <= maxGroupDiff {
		return a.Text
	}
	return truncate(a.Text, maxGroupDiff)
}
