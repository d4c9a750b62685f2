package extract

import (
	"strings"
	"testing"
)

// TestPageDates checks the choice between the times a page declares and
// the ones htmldate and the visible text give.
func TestPageDates(t *testing.T) {
	body := "<p>" + strings.Repeat("Text of the story that is long enough to be the body of it. ", 8) + "</p>"
	tests := []struct {
		name, page   string
		pub, updated string
	}{
		{
			name: "meta with a one-digit hour offset",
			page: `<html><head><meta property="article:published_time" content="2021-03-19T20:59:41+5:30"></head><body>` + body + `</body></html>`,
			pub:  "2021-03-19T20:59:41+05:30",
		},
		{
			name: "visible IST with 12 PM",
			page: `<html><body><div class="meta">Published: Mar 5, 2025 12:30 PM IST</div>` + body + `</body></html>`,
			pub:  "2025-03-05T12:30:00+05:30",
		},
		{
			name: "published and updated in the text",
			page: `<html><body><div>प्रकाशित: 4 मई 2024, 10:15 AM IST | अपडेटेड: 4 मई 2024, 02:40 PM IST</div>` + body + `</body></html>`,
			pub:  "2024-05-04T10:15:00+05:30", updated: "2024-05-04T14:40:00+05:30",
		},
		{
			name: "date in the url, time in the text",
			page: `<html><head><link rel="canonical" href="https://example.org/2024/06/30/story.html"></head><body><div>June 30, 2024 8:05 IST</div>` + body + `</body></html>`,
			pub:  "2024-06-30T08:05:00+05:30",
		},
		{
			name: "update on top, first publication at the foot",
			page: `<html><body><div class="upd">Updated on: 9 July 2025 8:05 pm</div>` + body + `<div class="pub">Published At: 9 Jul 2025 6:30 pm</div></body></html>`,
			pub:  "2025-07-09T18:30:00+05:30", updated: "2025-07-09T20:05:00+05:30",
		},
		{
			name: "copyright year is no date",
			page: `<html><body>` + body + `<div>© 2025 Example News</div></body></html>`,
			pub:  "",
		},
		{
			name: "JSON-LD without a zone",
			page: `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-02-21 17:30:00","dateModified":"2025-02-22T09:00:00+05:30"}</script></head><body>` + body + `</body></html>`,
			pub:  "2025-02-21T17:30:00+05:30", updated: "2025-02-22T09:00:00+05:30",
		},
		{
			name: "update before publication is dropped",
			page: `<html><head><meta property="article:published_time" content="2025-02-21T10:00:00+05:30"><meta property="article:modified_time" content="2025-02-20T10:00:00+05:30"></head><body>` + body + `</body></html>`,
			pub:  "2025-02-21T10:00:00+05:30",
		},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := htmlArticle(tt.page)
			if err := e.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if got := stamp(a.Published); got != tt.pub {
				t.Errorf("published = %q, want %q", got, tt.pub)
			}
			if got := stamp(a.Updated); got != tt.updated {
				t.Errorf("updated = %q, want %q", got, tt.updated)
			}
		})
	}
}
