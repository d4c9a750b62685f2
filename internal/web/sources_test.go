package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"khabar/internal/api"
	"khabar/internal/api/apitest"
	"khabar/internal/store"
)

// memSources is a Sources in memory.
type memSources struct {
	mu   sync.Mutex
	srcs []*store.Source
	days map[int64][]store.DayCount
}

func (m *memSources) Sources(context.Context) ([]*store.Source, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]*store.Source(nil), m.srcs...), nil
}

func (m *memSources) Add(_ context.Context, u string) ([]*store.Source, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !strings.HasPrefix(u, "https://") {
		return nil, errors.New("no feed or sitemap found at " + u)
	}
	s := &store.Source{ID: int64(len(m.srcs) + 1), URL: u, Kind: store.KindRSS}
	m.srcs = append(m.srcs, s)
	return []*store.Source{s}, nil
}

func (m *memSources) Remove(context.Context, int64) error { return nil }

func (m *memSources) Days(_ context.Context, id int64, _ time.Time) ([]store.DayCount, error) {
	return m.days[id], nil
}

func sourcesUI(t *testing.T, w api.Write) (*memSources, http.Handler) {
	t.Helper()
	today := time.Now().In(api.IST()).Format(time.DateOnly)
	m := &memSources{
		srcs: []*store.Source{{ID: 1, URL: "https://hi.example/rss.xml", Kind: store.KindRSS, Title: "हिंदी <समाचार>",
			LastFetch: time.Now(), LastStatus: 200, NextFetch: time.Now().Add(time.Hour), Articles: 12},
			{ID: 2, URL: "https://en.example/sitemap.xml", Kind: store.KindSitemap, Errors: 3,
				LastError: "fetch https://en.example/sitemap.xml: status 503 Service Unavailable <script>"}},
		days: map[int64][]store.DayCount{1: {{Day: today, Count: 5}}},
	}
	a := apitest.New()
	u, err := New(Options{Articles: a, Searcher: a, Sources: m, Write: w})
	if err != nil {
		t.Fatal(err)
	}
	return m, u.Handler()
}

func TestSourcesPage(t *testing.T) {
	_, h := sourcesUI(t, api.Write{Token: "tok"})
	rec := get(t, h, "/sources?hl=en")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	contains(t, rec.Body.String(), []string{
		"Sources followed", "हिंदी &lt;समाचार&gt;", "en.example/sitemap.xml", "503 Service Unavailable &lt;script&gt;",
		`<svg class="spark"`, `height="24"`, `name="token"`, `action="/sources"`, "5 articles in the last 7 days",
	}, "<script>", "<समाचार>")
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("CSP %q", csp)
	}
	hi := get(t, h, "/sources?hl=hi")
	contains(t, hi.Body.String(), []string{"जिन स्रोतों पर नज़र है", "पिछले 14 दिन"})

	// Without Sources there is no page.
	a := apitest.New()
	u, _ := New(Options{Articles: a})
	if rec := get(t, u.Handler(), "/sources"); rec.Code != 404 {
		t.Errorf("without sources: %d", rec.Code)
	}
	// Writes off: no form.
	_, off := sourcesUI(t, api.Write{Off: "writes are off"})
	contains(t, get(t, off, "/sources").Body.String(), nil, `action="/sources"`)
}

func postForm(h http.Handler, form url.Values, origin string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "/sources", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestSourcesForm(t *testing.T) {
	m, h := sourcesUI(t, api.Write{Token: "tok"})
	if rec := postForm(h, url.Values{"url": {"https://x.example/feed"}, "token": {"tok"}}, "http://evil.example"); rec.Code != 403 {
		t.Errorf("cross-site form: %d", rec.Code)
	}
	if rec := postForm(h, url.Values{"url": {"https://x.example/feed"}, "token": {"wrong"}}, "http://example.com"); rec.Code != 401 {
		t.Errorf("wrong token: %d", rec.Code)
	}
	rec := postForm(h, url.Values{"url": {"https://x.example/feed"}, "token": {"tok"}}, "http://example.com")
	if rec.Code != 303 || rec.Header().Get("Location") != "/sources?added=1" {
		t.Errorf("add: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	if len(m.srcs) != 3 {
		t.Errorf("%d sources after the form", len(m.srcs))
	}
	rec = postForm(h, url.Values{"url": {"ftp://x.example/"}, "token": {"tok"}}, "http://example.com")
	if rec.Code != 422 || !strings.Contains(rec.Body.String(), "no feed or sitemap found") {
		t.Errorf("nothing to follow: %d", rec.Code)
	}
	if rec := postForm(h, url.Values{"token": {"tok"}}, "http://example.com"); rec.Code != 400 {
		t.Errorf("no url: %d", rec.Code)
	}
	contains(t, get(t, h, "/sources?added=1&hl=en").Body.String(), []string{"1 sources added"})
}
