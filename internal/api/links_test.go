package api

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"khabar/internal/api/apitest"
	"khabar/internal/news"
	"khabar/internal/store"
)

// linkedServer serves the samples with hi-metro copied by a second
// outlet, both in one story, and a second story in the same thread.
func linkedServer(t *testing.T) http.Handler {
	t.Helper()
	arts := apitest.Sample()
	metro := arts[0]
	metro.Group, metro.Story = "gm", "s1"
	cp := *metro
	cp.ID, cp.Publisher, cp.DuplicateOf = "hi-metro-copy", "Other Outlet", "hi-metro"
	cp.Published = metro.Published.Add(2 * time.Hour)
	cp.Text = "इंदौर, 10 मार्च (भाषा) शहर की पहली मेट्रो लाइन सोमवार को यात्रियों के लिए खोल दी गई।\n\nपहले दिन सभी स्टेशनों पर लोगों की लंबी कतारें दिखीं।"
	cp.Quotes = nil
	m := apitest.New(append(arts, &cp)...)
	m.AddStory(&store.Story{ID: "s1", Thread: "t1", Title: metro.Title, Start: metro.Published, End: cp.Published,
		Articles: []string{"hi-metro", "hi-metro-copy"}, Entities: []store.StoryEntity{{ID: "e-indore", Name: "Indore", Type: news.LOC, Articles: 2}}})
	m.AddStory(&store.Story{ID: "s0", Thread: "t1", Title: "पुरानी खबर", Start: metro.Published.AddDate(0, -3, 0), End: metro.Published.AddDate(0, -3, 0), Articles: []string{"x"}})
	m.AddStory(&store.Story{ID: "s2", Title: "बाढ़", Start: arts[1].Published, End: arts[1].Published, Articles: []string{"hi-flood"}})
	return New(Options{Articles: m, Searcher: m, Version: "test"}).Handler()
}

func TestStories(t *testing.T) {
	h := linkedServer(t)
	type page struct {
		Stories []StorySummary `json:"stories"`
		Next    *string        `json:"next"`
	}
	var ids []string
	target := "/api/v1/stories?limit=2"
	for target != "" {
		rec := do(t, h, "GET", target)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", target, rec.Code, rec.Body)
		}
		p := decode[page](t, rec)
		for _, s := range p.Stories {
			ids = append(ids, s.ID)
		}
		target = ""
		if p.Next != nil {
			target = "/api/v1/stories?limit=2&cursor=" + *p.Next
		}
	}
	if !slices.Equal(ids, []string{"s2", "s1", "s0"}) {
		t.Fatalf("stories %v", ids)
	}
	p := decode[page](t, do(t, h, "GET", "/api/v1/stories?thread=t1&from=2025-01-01"))
	if len(p.Stories) != 1 || p.Stories[0].ID != "s1" || *p.Stories[0].Thread != "t1" || p.Stories[0].Size != 2 {
		t.Fatalf("thread page %+v", p)
	}
	for _, bad := range []string{"cursor=bm9wZQ", "limit=0", "from=yesterday", "cursor=" + encodeCursor("5", false)} {
		if rec := do(t, h, "GET", "/api/v1/stories?"+bad); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d", bad, rec.Code)
		}
	}
}

func TestStory(t *testing.T) {
	h := linkedServer(t)
	rec := do(t, h, "GET", "/api/v1/stories/s1")
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	d := decode[StoryDetail](t, rec)
	if d.ID != "s1" || len(d.ArticleRefs) != 2 || *d.ArticleRefs[1].DuplicateOf != "hi-metro" {
		t.Fatalf("story %+v", d)
	}
	// The quote of the original comes once, with its source; the copy has
	// no quote or event, and its headline is the report of the group,
	// already there.
	var kinds []string
	for _, it := range d.Timeline {
		kinds = append(kinds, it.Kind)
	}
	if !slices.Equal(kinds, []string{"quote", "report"}) || d.Timeline[0].Sources[0].Article != "hi-metro" {
		t.Fatalf("timeline %+v", d.Timeline)
	}
	if len(d.ThreadMates) != 1 || d.ThreadMates[0].ID != "s0" {
		t.Fatalf("thread stories %+v", d.ThreadMates)
	}
	if rec := do(t, h, "GET", "/api/v1/stories/nope"); rec.Code != http.StatusNotFound {
		t.Errorf("unknown story: %d", rec.Code)
	}
}

func TestGroupAndDiff(t *testing.T) {
	h := linkedServer(t)
	rec := do(t, h, "GET", "/api/v1/groups/gm")
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	g := decode[groupBody](t, rec)
	if g.Canonical != "hi-metro" || len(g.Members) != 2 || !g.Members[0].Canonical || g.Members[1].ID != "hi-metro-copy" {
		t.Fatalf("group %+v", g)
	}
	if d := g.Members[1].Diff; d.Removed != 19 || d.Added != 1 || d.Same != 26 {
		t.Fatalf("copy diff %+v", d)
	}
	if rec := do(t, h, "GET", "/api/v1/groups/nope"); rec.Code != http.StatusNotFound {
		t.Errorf("unknown group: %d", rec.Code)
	}
	rec = do(t, h, "GET", "/api/v1/articles/hi-metro-copy/diff")
	if rec.Code != http.StatusOK {
		t.Fatalf("diff: %d %s", rec.Code, rec.Body)
	}
	df := decode[diffBody](t, rec)
	if df.Against.ID != "hi-metro" || df.Stats.Removed == 0 || len(df.Edits) < 3 || df.Edits[1].Op != "-" {
		t.Fatalf("diff %+v", df)
	}
	for target, code := range map[string]int{
		"/api/v1/articles/hi-metro/diff":                  http.StatusNotFound, // not a copy
		"/api/v1/articles/hi-metro/diff?against=hi-flood": http.StatusOK,
		"/api/v1/articles/hi-metro/diff?against=nope":     http.StatusNotFound,
		"/api/v1/articles/nope/diff":                      http.StatusNotFound,
	} {
		if rec := do(t, h, "GET", target); rec.Code != code {
			t.Errorf("%s: %d, want %d", target, rec.Code, code)
		}
	}
}

// articlesOnly reads articles but no stories.
type articlesOnly struct{ Articles }

func TestNoLinks(t *testing.T) {
	h := New(Options{Articles: articlesOnly{apitest.New(apitest.Sample()...)}}).Handler()
	for _, target := range []string{"/api/v1/stories", "/api/v1/stories/s1", "/api/v1/groups/g"} {
		if rec := do(t, h, "GET", target); rec.Code != http.StatusServiceUnavailable {
			t.Errorf("%s: %d", target, rec.Code)
		}
	}
}
