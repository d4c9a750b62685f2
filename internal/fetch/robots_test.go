package fetch

import (
	"testing"
	"time"
)

func TestParseRobots(t *testing.T) {
	tests := []struct {
		name, body string
		path       string
		allowed    bool
		delay      time.Duration
		sitemaps   int
	}{
		{"plain", "User-agent: *\nDisallow: /x\n", "/x/1", false, 0, 0},
		{"rule before agent dropped", "Disallow: /\nUser-agent: *\nDisallow: /x\n", "/y", true, 0, 0},
		{"bad crawl-delay dropped", "User-agent: *\nCrawl-delay: two\nDisallow: /x\n", "/x", false, 0, 0},
		{"crawl-delay kept", "User-agent: *\nCrawl-delay: 2.5\nDisallow: /x # old\n", "/x", false, 2500 * time.Millisecond, 0},
		{"CRLF and comments", "# robots\r\nUser-agent: *\r\nDisallow: /x\r\nSitemap: https://a.example/s.xml\r\n", "/x", false, 0, 1},
		{"sitemaps without groups", "Sitemap: https://a.example/1.xml\nSitemap: https://a.example/2.xml\n", "/x", true, 0, 2},
		{"html error page", "<html><body>Not here</body></html>", "/x", true, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, _ := parseRobots([]byte(tt.body))
			if data == nil {
				t.Fatal("nil rules")
			}
			g := data.FindGroup("khabar")
			if got := g.Test(tt.path); got != tt.allowed {
				t.Errorf("Test(%q) = %v, want %v", tt.path, got, tt.allowed)
			}
			if g.CrawlDelay != tt.delay {
				t.Errorf("Crawl-delay = %v, want %v", g.CrawlDelay, tt.delay)
			}
			if len(data.Sitemaps) != tt.sitemaps {
				t.Errorf("sitemaps = %v, want %d", data.Sitemaps, tt.sitemaps)
			}
		})
	}
}

// FuzzParseRobots: parseRobots always returns usable rules and never panics.
func FuzzParseRobots(f *testing.F) {
	for _, s := range []string{
		"User-agent: *\nDisallow: /x\n",
		"Disallow: /\nUser-agent: khabar\nCrawl-delay: x\nAllow: /*.html$\n",
		"User-agent: *\nDisallow: /[\n",
		"Sitemap: /s.xml\nHost: a.example\n",
	} {
		f.Add([]byte(s), "/x")
	}
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		data, _ := parseRobots(body)
		if data == nil {
			t.Fatal("nil rules")
		}
		data.FindGroup("khabar").Test(path)
	})
}
