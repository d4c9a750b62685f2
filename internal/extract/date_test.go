package extract

import (
	"strings"
	"testing"
	"time"
)

func TestFindDates(t *testing.T) {
	tests := []struct {
		in      string
		want    string // RFC 3339 of the first date, "" for none
		hasTime bool
		label   string
	}{
		{in: "Pune Bureau | Updated: Mar 5, 2025 23:40 IST", want: "2025-03-05T23:40:00+05:30", hasTime: true, label: "updated"},
		{in: "प्रकाशित: 14 फरवरी 2025, 06:42 PM IST", want: "2025-02-14T18:42:00+05:30", hasTime: true, label: "published"},
		{in: "अपडेटेड: 3 मार्च 2025, 09:05 PM IST", want: "2025-03-03T21:05:00+05:30", hasTime: true, label: "updated"},
		{in: "खेल डेस्क · २१ फ़रवरी २०२५ · शाम ५:३० बजे", want: "2025-02-21T00:00:00+05:30"},
		{in: "IST2021-03-19T20:59:41+5:30", want: "2021-03-19T20:59:41+05:30", hasTime: true},
		{in: "March 19, 2021 20:59 IST", want: "2021-03-19T20:59:00+05:30", hasTime: true},
		{in: "By Desk - 03-11-2025", want: "2025-11-03T00:00:00+05:30"},
		{in: "19/03/2021", want: "2021-03-19T00:00:00+05:30"},
		{in: "Fri, 14 Feb 2025 18:42:10 +0000", want: "2025-02-14T18:42:10Z", hasTime: true},
		{in: "2024-07-09T07:15:00Z", want: "2024-07-09T07:15:00Z", hasTime: true},
		{in: "2024-07-09T07:15:00-04:00", want: "2024-07-09T07:15:00-04:00", hasTime: true},
		{in: "2025-02-21 17:30:00", want: "2025-02-21T17:30:00+05:30", hasTime: true},
		{in: "Mar 5, 2025 12:30 AM", want: "2025-03-05T00:30:00+05:30", hasTime: true},
		{in: "Mar 5, 2025 12:30 PM", want: "2025-03-05T12:30:00+05:30", hasTime: true},
		{in: "Posted on Dec. 3rd, 2024 at 9.05 p.m.", want: "2024-12-03T21:05:00+05:30", hasTime: true, label: "published"},
		{in: "7 \u095Eरवरी 2024", want: "2024-02-07T00:00:00+05:30"},
		{in: "5 सितम्बर 2024", want: "2024-09-05T00:00:00+05:30"},
		{in: "अक्तूबर 2, 2023", want: "2023-10-02T00:00:00+05:30"},
		{in: "31-02-2025", want: ""},
		{in: "1 January 1850", want: ""},
		{in: "in 2025 the city grew", want: ""},
		{in: "call 98-76-2025 now", want: ""},
		{in: "Mar 5, 2025 25:61", want: "2025-03-05T00:00:00+05:30"},
		{in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			fs := findDates(tt.in, 4)
			if tt.want == "" {
				if len(fs) != 0 {
					t.Fatalf("findDates(%q) = %v, want none", tt.in, fs[0].t)
				}
				return
			}
			if len(fs) == 0 {
				t.Fatalf("findDates(%q) = none, want %s", tt.in, tt.want)
			}
			f := fs[0]
			if got := f.t.Format(time.RFC3339); got != tt.want || f.hasTime != tt.hasTime || f.label != tt.label {
				t.Errorf("findDates(%q) = %s time:%v label:%q, want %s time:%v label:%q",
					tt.in, got, f.hasTime, f.label, tt.want, tt.hasTime, tt.label)
			}
		})
	}
}

func TestFindDatesMany(t *testing.T) {
	text := strings.Repeat("filler words 2025 and 1999 without dates. ", 2000) +
		"Published: 4 May 2024 10:00 IST. Updated: 5 May 2024 11:00 IST."
	fs := findDates(text, 8)
	if len(fs) != 2 || fs[0].label != "published" || fs[1].label != "updated" {
		t.Fatalf("findDates() = %+v", fs)
	}
}

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

func FuzzFindDates(f *testing.F) {
	f.Add("Updated: Mar 5, 2025 23:40 IST")
	f.Add("प्रकाशित: १४ फ़रवरी २०२५, ०६:४२ PM IST")
	f.Add("2021-03-19T20:59:41+5:30")
	f.Add("12/12/2012 12.12 a.m. (IST)")
	f.Add("Dec 31st, 2099 23:59:59-0930")
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range findDates(s, 16) {
			if y := d.t.Year(); y < 1900 || y > 2100 {
				t.Fatalf("findDates(%q) year %d", s, y)
			}
		}
	})
}
