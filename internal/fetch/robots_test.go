package fetch

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestCrawlDelay(t *testing.T) {
	const crawlDelay = 250 * time.Millisecond
	s := newSite(t, "User-agent: khabar\nCrawl-delay: 0.25\n\nUser-agent: *\nCrawl-delay: 5\n")
	s.handle("GET /{n}", text("ok"))
	c := testClient(Options{Delay: 10 * time.Millisecond})
	for i := range 3 {
		if _, err := c.Get(t.Context(), Request{URL: fmt.Sprintf("%s/%d", s.URL, i)}); err != nil {
			t.Fatal(err)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// spans: robots.txt, /0, /1, /2. The pages after the first keep the
	// Crawl-delay of our group (not the 5 s of *, not our 10 ms).
	for i := 2; i < len(s.spans); i++ {
		gap := s.spans[i].start.Sub(s.spans[i-1].end)
		if gap < crawlDelay || gap > 3*time.Second {
			t.Errorf("gap before %s = %v, want about %v", s.spans[i].path, gap, crawlDelay)
		}
	}
}

func TestRobotsRules(t *testing.T) {
	robots := "User-agent: *\nDisallow: /private\n\n" +
		"User-agent: khabar\nDisallow: /no-khabar\nDisallow: /*.pdf$\nAllow: /private/ok\nDisallow: /private\n" +
		"Disallow: /खोज/\nDisallow: /%E0%A4%B5%E0%A5%80%E0%A4%A1%E0%A4%BF%E0%A4%AF%E0%A5%8B/\n\n" +
		"Sitemap: https://cdn.example.org/news-sitemap.xml\nSitemap: /sitemap-index.xml\n"
	s := newSite(t, robots)
	s.handle("GET /", text("ok"))
	tests := []struct {
		agent, path string
		allowed     bool
	}{
		{"khabar/0.1 (+https://khabar.example.org/bot)", "/news/1", true},
		{"khabar/0.1", "/no-khabar/x", false},
		{"khabar/0.1", "/private/x", false},
		{"khabar/0.1", "/private/ok/1", true},
		{"khabar/0.1", "/files/a.pdf", false},
		{"khabar/0.1", "/files/a.pdf?x=1", true},
		{"Khabar/0.1", "/no-khabar", false},                                                // the token matches case-insensitively
		{"khabar/0.1", "/खोज/दिल्ली", false},                                               // rule written in Devanagari
		{"khabar/0.1", "/%E0%A4%B5%E0%A5%80%E0%A4%A1%E0%A4%BF%E0%A4%AF%E0%A5%8B/1", false}, // rule written percent-encoded
		{"otherbot/2.0", "/no-khabar/x", true},
		{"otherbot/2.0", "/private/x", false},
	}
	for _, tt := range tests {
		t.Run(tt.agent+tt.path, func(t *testing.T) {
			c := testClient(Options{UserAgent: tt.agent})
			_, err := c.Get(t.Context(), Request{URL: s.URL + tt.path})
			if tt.allowed && err != nil {
				t.Errorf("Get = %v, want allowed", err)
			}
			if !tt.allowed && !errors.Is(err, ErrDisallowed) {
				t.Errorf("Get = %v, want ErrDisallowed", err)
			}
		})
	}
	c := testClient(Options{})
	got, err := c.Sitemaps(t.Context(), s.URL+"/some/page")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://cdn.example.org/news-sitemap.xml", s.URL + "/sitemap-index.xml"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Sitemaps = %v, want %v", got, want)
	}
}

func TestRobotsCache(t *testing.T) {
	s := newSite(t, "User-agent: *\nDisallow: /x\n")
	s.handle("GET /", text("ok"))
	c := testClient(Options{RobotsTTL: time.Hour})
	var skew atomic.Int64 // the client's clock runs this far ahead
	c.now = func() time.Time { return time.Now().Add(time.Duration(skew.Load())) }
	for range 3 {
		if _, err := c.Get(t.Context(), Request{URL: s.URL + "/"}); err != nil {
			t.Fatal(err)
		}
	}
	skew.Store(int64(59 * time.Minute))
	if _, err := c.Get(t.Context(), Request{URL: s.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times within its TTL, want 1", n)
	}
	skew.Store(int64(61 * time.Minute))
	if _, err := c.Get(t.Context(), Request{URL: s.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	if n := s.count("/robots.txt"); n != 2 {
		t.Errorf("robots.txt fetched %d times after its TTL, want 2", n)
	}
}

// TestRobotsStatus: what a robots.txt answer means, as Google documents it.
func TestRobotsStatus(t *testing.T) {
	tests := []struct {
		name   string
		robots http.HandlerFunc
		want   error // nil: the page is fetched
	}{
		{"404 allows all", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }, nil},
		{"403 allows all", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusForbidden) }, nil},
		{"401 allows all", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusUnauthorized) }, nil},
		{"500 unavailable", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusInternalServerError) }, ErrRobotsUnavailable},
		{"503 unavailable", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "busy", http.StatusServiceUnavailable) }, ErrRobotsUnavailable},
		{"429 unavailable", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "slow down", http.StatusTooManyRequests) }, ErrRobotsUnavailable},
		{"unreachable", func(w http.ResponseWriter, r *http.Request) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		}, ErrRobotsUnavailable},
		{"redirect followed", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/real-robots.txt", http.StatusMovedPermanently)
		}, ErrDisallowed},
		{"redirect loop allows all", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/robots.txt", http.StatusFound)
		}, nil},
		{"empty allows all", text(""), nil},
		{"redirect to blocked", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://169.254.169.254/robots.txt", http.StatusFound)
		}, ErrRobotsUnavailable},
		{"redirect to file", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "file:///etc/robots.txt", http.StatusFound)
		}, ErrRobotsUnavailable},
		{"bad lines ignored", text("Disallow: /before-agent\nUser-agent: *\nCrawl-delay: soon\nDisallow: /page\n"), ErrDisallowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &site{mux: http.NewServeMux(), hits: make(map[string]int)}
			s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
			defer s.Close()
			s.handle("GET /robots.txt", tt.robots)
			s.handle("GET /real-robots.txt", text("User-agent: *\nDisallow: /page\n"))
			s.handle("GET /page", text("ok"))
			c := testClient(Options{})
			_, err := c.Get(t.Context(), Request{URL: s.URL + "/page"})
			if tt.want == nil {
				if err != nil {
					t.Errorf("Get = %v, want allowed", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Get = %v, want %v", err, tt.want)
			}
			// A temporary failure must not read as a permanent refusal.
			if tt.want == ErrRobotsUnavailable && errors.Is(err, ErrDisallowed) {
				t.Errorf("Get = %v, matches ErrDisallowed", err)
			}
			if n := s.count("/page"); n != 0 {
				t.Errorf("page fetched %d times", n)
			}
		})
	}
}

// TestRobotsKeptWhenUnreadable: when a re-fetch of robots.txt fails, the last
// good copy stays in force rather than closing the host.
func TestRobotsKeptWhenUnreadable(t *testing.T) {
	s := newSite(t, "-")
	var fail atomic.Bool
	s.handle("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
		if fail.Load() {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, "User-agent: *\nDisallow: /private\nSitemap: /s.xml\n")
	})
	s.handle("GET /", text("ok"))
	c := testClient(Options{RobotsTTL: 50 * time.Millisecond})
	if _, err := c.Get(t.Context(), Request{URL: s.URL + "/"}); err != nil {
		t.Fatal(err)
	}
	fail.Store(true)
	time.Sleep(60 * time.Millisecond)
	if _, err := c.Get(t.Context(), Request{URL: s.URL + "/"}); err != nil {
		t.Errorf("Get with robots.txt down and a good copy cached = %v", err)
	}
	if _, err := c.Get(t.Context(), Request{URL: s.URL + "/private"}); !errors.Is(err, ErrDisallowed) {
		t.Errorf("Get /private = %v, want ErrDisallowed from the cached copy", err)
	}
	if got, err := c.Sitemaps(t.Context(), s.URL); err != nil || len(got) != 1 {
		t.Errorf("Sitemaps = %v, %v; want the cached one", got, err)
	}
}

// TestRobotsTruncated: only the first 500 KiB of a robots.txt count, as for
// Google; the rest is ignored rather than failing the file.
func TestRobotsTruncated(t *testing.T) {
	robots := "User-agent: *\nDisallow: /early\n" + strings.Repeat("# padding padding padding\n", 600<<10/26) + "Disallow: /late\n"
	s := newSite(t, robots)
	s.handle("GET /", text("ok"))
	rec := &memRecorder{}
	c := testClient(Options{Recorder: rec})
	if _, err := c.Get(t.Context(), Request{URL: s.URL + "/early"}); !errors.Is(err, ErrDisallowed) {
		t.Errorf("/early: err = %v, want ErrDisallowed", err)
	}
	if _, err := c.Get(t.Context(), Request{URL: s.URL + "/late"}); err != nil {
		t.Errorf("/late (past the cap): err = %v, want allowed", err)
	}
	for _, r := range rec.recs {
		if strings.HasSuffix(r.url, "/robots.txt") {
			t.Errorf("truncated robots.txt recorded (%d bytes)", len(r.body))
		}
	}
}
