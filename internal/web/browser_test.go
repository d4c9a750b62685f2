package web_test

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"khabar/internal/api"
	"khabar/internal/api/apitest"
	"khabar/internal/search"
	"khabar/internal/store"
	"khabar/internal/store/sqlite"
	"khabar/internal/web"
)

// chromium returns the headless Chromium the browser tests drive, or skips
// the test saying why.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("drives a real browser")
	}
	for _, p := range []string{os.Getenv("KHABAR_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	t.Skip("no Chromium (install Debian's chromium, as .ci/run does, or set KHABAR_CHROMIUM): the UI is not tested in a browser")
	return ""
}

// TestBrowser drives the web UI in a real headless Chromium as a person
// would: a search, an entity's page with its chart, the Hindi labels, and a
// saved search's Atom feed.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
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
	for _, a := range arts {
		if _, err := st.Put(t.Context(), a, "h"); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Index(t.Context(), arts); err != nil {
		t.Fatal(err)
	}
	if err := st.PutAlert(t.Context(), &store.Alert{Name: "metro", Query: "मेट्रो", Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	a := api.New(api.Options{Articles: st, Searcher: ix, Version: "test"})
	ui, err := web.New(web.Options{Articles: st, Searcher: ix})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.Mux(a, ui))
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Headless,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true), chromedp.UserDataDir(t.TempDir()))
	actx, cancel := chromedp.NewExecAllocator(t.Context(), opts...)
	defer cancel()
	bctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// The first run starts the browser, which lives as long as bctx; the
	// steps after it are bounded.
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start %s: %v", exe, err)
	}
	ctx, cancel := context.WithTimeout(bctx, 90*time.Second)
	defer cancel()

	// Search from the form, as a person types it.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/?hl=en"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "मेट्रो"),
		chromedp.Submit(chromedp.ID("q")),
		chromedp.WaitVisible(chromedp.CSS("p.count")),
	); err != nil {
		t.Fatalf("search: %v", err)
	}
	count, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("p.count")))
	if err != nil {
		t.Fatal(err)
	}
	first, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("ol.articles li h3 a")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(count, "1 results") || !strings.Contains(first, "मेट्रो") {
		t.Errorf("search shows %q, first hit %q", count, first)
	}

	// An entity's page: follow the link from the article; the chart draws.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/a/hi-metro?hl=hi"),
		chromedp.Click(chromedp.CSS(`a[href="/e/e-verma"]`)),
		chromedp.WaitVisible(chromedp.CSS("svg.chart-svg")),
	); err != nil {
		t.Fatalf("entity page: %v", err)
	}
	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1")))
	if err != nil {
		t.Fatal(err)
	}
	// The chart is drawn: a line with a length, and a point to hover
	// with its value.
	width, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`Math.max(...[...document.querySelectorAll("svg.chart-svg path")].map(p => p.getBBox().width))`))
	if err != nil {
		t.Fatal(err)
	}
	hover, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("svg.chart-svg circle title")].map(t => t.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("svg.chart-svg").getBoundingClientRect().height`))
	if err != nil {
		t.Fatal(err)
	}
	if h1 != "सुनीता वर्मा" || width <= 0 || len(hover) == 0 || !strings.HasPrefix(hover[0], "2025-") || shown <= 50 {
		t.Errorf("entity page: h1 %q, widest path %v, hover %q, chart %v high", h1, width, hover, shown)
	}

	// A search charts its matches per day.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/?hl=hi&q="+url.QueryEscape("lang:hi")),
		chromedp.WaitVisible(chromedp.CSS("figure.chart svg.chart-svg")),
	); err != nil {
		t.Fatalf("search chart: %v", err)
	}
	points, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.chart-svg circle title").length`))
	if err != nil {
		t.Fatal(err)
	}
	if points < 2 {
		t.Errorf("search chart: %d points", points)
	}

	// The Hindi UI speaks Hindi: navigation and the events page.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/events?hl=hi"),
		chromedp.WaitVisible(chromedp.CSS("svg.chart-svg")),
	); err != nil {
		t.Fatalf("events page: %v", err)
	}
	// The chart's legend names the types in Hindi.
	legend, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("svg.chart-svg text")].map(t => t.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(legend, "आपदा") {
		t.Errorf("events chart text %q lacks आपदा", legend)
	}
	nav, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("header nav")))
	if err != nil {
		t.Fatal(err)
	}
	evType, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("ol.events .badge")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(nav, "घटनाएँ") || !strings.Contains(nav, "कहानियाँ") || !strings.HasPrefix(evType, "आपदा") {
		t.Errorf("Hindi UI: nav %q, event %q", nav, evType)
	}

	// The saved search's feed parses as Atom.
	resp, err := http.Get(srv.URL + "/feeds/" + url.PathEscape("metro") + ".atom")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Entries []struct {
			Title string `xml:"title"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(b, &feed); err != nil || len(feed.Entries) != 1 {
		t.Errorf("feed: %v, %d entries\n%s", err, len(feed.Entries), b)
	}
}
