package meta

import (
	"testing"
	"time"

	"khabar/internal/datetime"
	"khabar/internal/news"
)

// TestZoneless checks that a clock read without a zone is marked as such
// and moves to another zone only then.
func TestZoneless(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in       string
		zoneless bool
		inParis  string
	}{
		{"2025-09-03 21:47:10", true, "2025-09-03T21:47:10+02:00"},
		{"14/05/2025 - 16:32", true, "2025-05-14T16:32:00+02:00"},
		{"2025-09-03T21:47:10+08:00", false, "2025-09-03T21:47:10+08:00"},
		{"March 19, 2021 20:59 IST", false, "2021-03-19T20:59:00+05:30"},
		{"19 मार्च 2021", false, "2021-03-19T00:00:00+05:30"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			st, ok := datetime.ParseTime(tt.in)
			if !ok {
				t.Fatalf("ParseTime(%q) found nothing", tt.in)
			}
			if got := datetime.Zoneless(st.Time); got != tt.zoneless {
				t.Errorf("Zoneless = %v, want %v", got, tt.zoneless)
			}
			if got := datetime.InZone(st.Time, paris).Format(time.RFC3339); got != tt.inParis {
				t.Errorf("InZone = %s, want %s", got, tt.inParis)
			}
		})
	}
}

// TestPublishedZone checks that a head time stating its zone beats one
// without (a foreign outlet's zoneless clock on a text page is in the
// golden case testdata/foreign-zone.txt).
func TestPublishedZone(t *testing.T) {
	page := `<html><head><title>Port opens cold store - Xinhua</title>
<meta name="pubdate" content="2025-09-03 21:47:10">
<meta property="article:published_time" content="2025-09-03T21:47:10+08:00">
<meta property="og:site_name" content="Xinhua"></head>
<body><h1>Port opens cold store</h1><p>The port opened a cold store on Wednesday.</p></body></html>`
	a := &news.Article{Text: "The port opened a cold store on Wednesday.", Raw: news.Raw{Body: page, Format: news.FormatHTML}}
	if err := New().Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if got := a.Published.Format(time.RFC3339); got != "2025-09-03T21:47:10+08:00" {
		t.Errorf("published = %s, want the stated +08:00", got)
	}
}

// TestDatelineUnknownPlace checks that a Latin capitals dateline with an
// agency names its place in English even when the place table lacks it.
func TestDatelineUnknownPlace(t *testing.T) {
	text := "TOULON (AFP) — Firefighters battled a forest blaze near the port on Tuesday, officials said.\n\nAbout 300 people left their homes overnight.\n"
	a := &news.Article{Text: text, Raw: news.Raw{Body: text, Format: news.FormatText}}
	if err := New().Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if a.Dateline == nil || a.Dateline.Place != "Toulon" || a.Dateline.PlaceText != "TOULON" {
		t.Errorf("dateline = %+v, want Toulon", a.Dateline)
	}
}

// TestPublishedOwnOffset checks that a time a page gives in UTC is shown in
// the offset the page itself writes for the same instant: 21:25 −05:00 on
// the 24th stays the 24th, not 02:25Z on the 25th.
func TestPublishedOwnOffset(t *testing.T) {
	const body = `<p>More than 40,000 homes lost power on Thursday night as thunderstorms crossed the county, the utility said.</p>`
	tests := []struct {
		name, head, top, want string
	}{
		{"json-ld beside utc meta", `<meta property="article:published_time" content="2023-08-25T02:25:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Storm cuts power","datePublished":"2023-08-24T21:25:00-05:00"}</script>`, "", "2023-08-24T21:25:00-05:00"},
		{"second meta tag", `<meta property="article:published_time" content="2023-08-25T02:25:00+00:00">
<meta name="date" content="2023-08-24T21:25:00-05:00">`, "", "2023-08-24T21:25:00-05:00"},
		{"printed under the headline", `<meta property="article:published_time" content="2023-08-25T02:25:00Z">`,
			`<span class="posted">Posted Aug 24, 2023 9:25 PM -05:00</span>`, "2023-08-24T21:25:00-05:00"},
		{"utc alone stays utc", `<meta property="article:published_time" content="2023-08-25T02:25:00Z">`, "", "2023-08-25T02:25:00Z"},
		{"another instant does not lend its offset", `<meta property="article:published_time" content="2023-08-25T02:25:00Z">
<meta name="date" content="2023-08-24T20:00:00-05:00">`, "", "2023-08-25T02:25:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head><title>Storm cuts power</title>" + tt.head + "</head><body><h1>Storm cuts power</h1>" + tt.top + body + "</body></html>"
			a := &news.Article{Text: "More than 40,000 homes lost power on Thursday night as thunderstorms crossed the county, the utility said.",
				Raw: news.Raw{Body: page, Format: news.FormatHTML}}
			if err := New().Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if got := a.Published.Format(time.RFC3339); got != tt.want {
				t.Errorf("published = %s, want %s", got, tt.want)
			}
		})
	}
}
