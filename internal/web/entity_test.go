package web

import (
	"fmt"
	"html"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khabar/internal/api/apitest"
	"khabar/internal/chart"
	"khabar/internal/search"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
)

func TestEntityPage(t *testing.T) {
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "k.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, a := range apitest.Sample() {
		if _, err := st.Put(t.Context(), a, "h"); err != nil {
			t.Fatal(err)
		}
	}
	u, err := New(Options{Articles: st})
	if err != nil {
		t.Fatal(err)
	}
	h := u.Handler()
	hi := get(t, h, "/e/e-verma?hl=hi")
	if hi.Code != 200 {
		t.Fatalf("status %d", hi.Code)
	}
	contains(t, hi.Body.String(), []string{
		"<h1><bdi>सुनीता वर्मा</bdi></h1>", "Sunita Verma", `<svg class="chart-svg"`, "<path ", "<title>", "हर दिन के लेख",
		"यह लाइन हर दिन पचास हज़ार लोगों", `href="/e/e-indore"`, `href="/a/hi-metro"`,
	})
	en := get(t, h, "/e/e-verma?hl=en")
	contains(t, en.Body.String(), []string{"<h1><bdi>Sunita Verma</bdi></h1>", "Articles per day", "Named most often with"})
	if rec := get(t, h, "/e/e-nobody"); rec.Code != 404 {
		t.Errorf("unknown entity: %d", rec.Code)
	}
	if rec := get(t, h, "/e/e-verma?cursor=bad!"); rec.Code != 400 {
		t.Errorf("bad cursor: %d", rec.Code)
	}
	// Every entity name on an article page links to its page.
	contains(t, get(t, h, "/a/hi-metro").Body.String(), []string{`<a href="/e/e-verma">`, `<a href="/e/e-indore">`})
	// Events on a place's page name it.
	contains(t, get(t, h, "/e/e-assam?hl=en").Body.String(), nil, `id="events-heading"`) // a place is no actor or target here
}

func TestNewChart(t *testing.T) {
	if c := newChart(nil, "x", "y", 10); c != nil {
		t.Fatal("a chart of nothing")
	}
	days := []store.DayCount{{Day: "2025-03-01", Count: 2}, {Day: "2025-03-03", Count: 4}}
	c := newChart([]chart.Series{{Points: dayPoints(days)}}, "लेख <प्रति> दिन", "लेख", 10)
	if c == nil || c.Max != 4 || c.First != "2025-03-01" || c.Last != "2025-03-03" {
		t.Fatalf("chart = %+v", c)
	}
	svg := string(c.SVG)
	for _, want := range []string{`aria-label="लेख &lt;प्रति&gt; दिन"`, "<title>2025-03-02: 0</title>", "<title>2025-03-03: 4</title>", ">लेख</text>"} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %q", want)
		}
	}
	long := newChart([]chart.Series{{Points: dayPoints([]store.DayCount{{Day: "2024-01-01", Count: 9}, {Day: "2025-03-03", Count: 1}})}}, "x", "y", 30)
	if long.First != "2025-02-02" || long.Last != "2025-03-03" || long.Max != 1 || strings.Contains(string(long.SVG), "2024-01-01") {
		t.Errorf("a long span is cut to the latest days: %+v", long)
	}
}

func TestQuotesAndEventsPages(t *testing.T) {
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "k.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, a := range apitest.Sample() {
		if _, err := st.Put(t.Context(), a, "h"); err != nil {
			t.Fatal(err)
		}
	}
	u, err := New(Options{Articles: st})
	if err != nil {
		t.Fatal(err)
	}
	h := u.Handler()
	q := get(t, h, "/quotes?speaker=e-verma&hl=hi")
	if q.Code != 200 {
		t.Fatalf("quotes: %d", q.Code)
	}
	contains(t, q.Body.String(), []string{"बयान: <bdi>सुनीता वर्मा</bdi>", "पचास हज़ार", `href="/e/e-verma"`, "PTI-Bhasha"})
	contains(t, get(t, h, "/quotes?via=TASS&hl=en").Body.String(), []string{"No quotes found."})
	if rec := get(t, h, "/quotes?from=yesterday"); rec.Code != 400 {
		t.Errorf("bad date: %d", rec.Code)
	}
	ev := get(t, h, "/events?hl=hi")
	contains(t, ev.Body.String(), []string{`<svg class="chart-svg"`, ">आपदा</text>", "<title>2025-03-12 · आपदा: 1</title>", "आपदा · FLOODS", "3 की मौत", `href="/e/e-assam"`}, "Assam</a> →")
	contains(t, get(t, h, "/events?type=consult&hl=en").Body.String(), []string{"No events found.", `<option value="CONSULT" selected>Consult</option>`})
	if rec := get(t, h, "/events?cursor=bad"); rec.Code != 400 {
		t.Errorf("bad cursor: %d", rec.Code)
	}
}

func TestStoriesPage(t *testing.T) {
	m := apitest.New(apitest.Sample()...)
	day := func(d int) time.Time { return time.Date(2025, 3, d, 10, 0, 0, 0, time.UTC) }
	m.AddStory(&store.Story{ID: "s-small", Title: "इंदौर मेट्रो", Start: day(10), End: day(12), Articles: []string{"hi-metro"},
		Entities: []store.StoryEntity{{ID: "e-indore", Name: "Indore", Type: "LOC", Articles: 1}}})
	m.AddStory(&store.Story{ID: "s-big", Title: "असम में बाढ़", Start: day(1), End: day(5), Articles: []string{"hi-flood", "bare", "en-port"},
		Entities: []store.StoryEntity{{ID: "term:बाढ़", Name: "बाढ़", Articles: 3}}})
	u, err := New(Options{Articles: m, Searcher: m})
	if err != nil {
		t.Fatal(err)
	}
	h := u.Handler()
	latest := get(t, h, "/stories?hl=en").Body.String()
	contains(t, latest, []string{`href="/s/s-small"`, "3 articles", `<a href="/e/e-indore"><bdi>Indore</bdi></a>`, "<bdi>बाढ़</bdi>"}, `href="/e/term`)
	if strings.Index(latest, "s-small") > strings.Index(latest, "s-big") {
		t.Error("latest: the story that ended last should come first")
	}
	bySize := get(t, h, "/stories?sort=size&hl=hi").Body.String()
	if strings.Index(bySize, "s-big") > strings.Index(bySize, "s-small") {
		t.Error("by size: the largest story should come first")
	}
	contains(t, bySize, []string{"कहानियाँ", "3 लेख"})
}

// TestSearchFoldsCopiesWithFacets: a search shows one hit per wire story
// with "+N copies" linking to the group's page, which lists every outlet;
// facets narrow the search; the order switches to newest first.
func TestSearchFoldsCopiesWithFacets(t *testing.T) {
	dir := t.TempDir()
	st, err := sqlite.Open(t.Context(), filepath.Join(dir, "k.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ix, err := search.Open(filepath.Join(dir, "index.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	arts := apitest.Sample()
	wire := "मास्को, 19 मार्च (भाषा) रूस के विदेश मंत्री सर्गेई लावरोव ने कहा कि बातचीत जारी रहेगी।"
	for i, p := range []string{"Dainik Samvad", "Lokvani Times", "Magadh Times"} {
		a := apitest.Sample()[0]
		a.ID, a.Publisher, a.Title, a.Text, a.Group = fmt.Sprintf("copy%d", i), p, "लावरोव का बयान", wire+strings.Repeat(" और", i), "g-lavrov"
		a.Entities, a.Quotes, a.Events = nil, nil, nil
		if i > 0 {
			a.DuplicateOf = "copy0"
		}
		a.Published = a.Published.Add(time.Duration(i) * time.Hour)
		arts = append(arts, a)
	}
	for _, a := range arts {
		if _, err := st.Put(t.Context(), a, "h"); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Index(t.Context(), arts); err != nil {
		t.Fatal(err)
	}
	u, err := New(Options{Articles: st, Searcher: ix})
	if err != nil {
		t.Fatal(err)
	}
	h := u.Handler()
	body := html.UnescapeString(get(t, h, "/?q="+url.QueryEscape("लावरोव")+"&hl=en").Body.String())
	if n := strings.Count(body, "<article>"); n != 1 {
		t.Errorf("%d hits shown for one wire story, want 1", n)
	}
	contains(t, body, []string{`href="/g/g-lavrov">+2 copies`, "<mark>लावरोव</mark>", "Outlets", `outlet%3A%22Lokvani+Times%22`, "Newest first"})
	g := html.UnescapeString(get(t, h, "/g/g-lavrov?hl=en").Body.String())
	contains(t, g, []string{"3 copies of one wire story, run by 3 outlets.", "Dainik Samvad", "Lokvani Times", "Magadh Times", "the first copy", "+1 / −0 words"})
	if rec := get(t, h, "/g/nothing"); rec.Code != 404 {
		t.Errorf("unknown group: %d", rec.Code)
	}
	narrowed := get(t, h, "/?q="+url.QueryEscape(`लावरोव outlet:"Lokvani Times"`)+"&hl=en").Body.String()
	contains(t, narrowed, []string{"1 results"})
}
