package web

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"khabar/internal/api/apitest"
	"khabar/internal/store"
)

func TestStoryAndCopyPages(t *testing.T) {
	arts := apitest.Sample()
	metro := arts[0]
	metro.Group, metro.Story = "gm", "s1"
	cp := *metro
	cp.ID, cp.Publisher, cp.DuplicateOf = "copy", "Other Outlet", "hi-metro"
	cp.Published = metro.Published.Add(time.Hour)
	cp.Text = strings.Replace(metro.Text, "सोमवार सुबह", "सोमवार को", 1)
	m := apitest.New(append(arts, &cp)...)
	m.AddStory(&store.Story{ID: "s1", Thread: "t1", Title: metro.Title, Start: metro.Published, End: cp.Published,
		Articles: []string{"hi-metro", "copy"}, Entities: []store.StoryEntity{{ID: "e-indore", Name: "Indore", Articles: 2}}})
	m.AddStory(&store.Story{ID: "s0", Thread: "t1", Title: "पिछली कथा", Start: metro.Published.AddDate(0, -2, 0), End: metro.Published.AddDate(0, -2, 0)})
	u, err := New(Options{Articles: m, Searcher: m})
	if err != nil {
		t.Fatal(err)
	}
	h := u.Handler()

	rec := get(t, h, "/s/s1?hl=en")
	if rec.Code != http.StatusOK {
		t.Fatalf("story page: %d", rec.Code)
	}
	body := rec.Body.String()
	for _, want := range []string{"Timeline", "Quote", "Other Outlet", `href="/a/copy"`, "Indore", `href="/s/s0"`, "पिछली कथा", "Articles per day", `<svg class="chart-svg"`, "<title>"} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
	rec = get(t, h, "/a/copy?hl=en")
	if rec.Code != http.StatusOK {
		t.Fatalf("copy page: %d", rec.Code)
	}
	body = rec.Body.String()
	for _, want := range []string{`href="/s/s1"`, "Carried by 2 outlets", "Copy of", `href="/a/hi-metro"`, "<ins>को</ins>", "<del>सुबह</del>", "1 words, −1 words"} {
		if !strings.Contains(body, want) {
			t.Errorf("copy page lacks %q", want)
		}
	}
	if rec := get(t, h, "/s/nope"); rec.Code != http.StatusNotFound {
		t.Errorf("unknown story: %d", rec.Code)
	}
	// An article alone shows no links section.
	if rec := get(t, h, "/a/en-port?hl=en"); strings.Contains(rec.Body.String(), "Copy of") {
		t.Error("lone article shows copy links")
	}
}
