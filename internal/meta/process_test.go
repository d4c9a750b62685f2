package meta

import (
	"slices"
	"testing"
	"time"

	"khabar/internal/datetime"
	"khabar/internal/news"
)

const samplePage = `<!doctype html><html lang="hi"><head>
<title>बाजार में तेजी लौटी | Sample Khabar</title>
<meta property="og:title" content="बाजार में तेजी लौटी">
<meta property="og:site_name" content="Sample Khabar">
<meta property="article:published_time" content="2024-02-01T09:30:00+05:30">
<meta name="author" content="https://example.com/authors/x">
<link rel="canonical" href="https://example.com/business/markets-rally-123">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Sample"},
{"@type":["NewsArticle"],"headline":"बाजार में तेजी &amp; रौनक लौटी","datePublished":"2024-02-01T09:30:00+05:30",
"dateModified":"2024-02-01T11:00:00+05:30","author":[{"@type":"Person","name":"Asha Rao"},"PTI"],
"publisher":{"@type":"Organization","name":"Sample Khabar"}}]}</script>
</head><body><h1> बाजार में <b>तेजी</b> लौटी </h1><p>text</p></body></html>`

func TestProcessHTML(t *testing.T) {
	a := &news.Article{
		Text: "बाजार में आज तेजी रही और सेंसेक्स चढ़ा।",
		Raw:  news.Raw{Body: samplePage, Format: news.FormatHTML},
	}
	if err := New().Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	// The visible h1, which the article's words bear out, wins over the
	// JSON-LD headline's other wording.
	if a.Title != "बाजार में तेजी लौटी" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Publisher != "Sample Khabar" {
		t.Errorf("publisher = %q", a.Publisher)
	}
	if got := a.Published.Format(time.RFC3339); got != "2024-02-01T09:30:00+05:30" {
		t.Errorf("published = %s", got)
	}
	if got := a.Updated.Format(time.RFC3339); got != "2024-02-01T11:00:00+05:30" {
		t.Errorf("updated = %s", got)
	}
	if !slices.Equal(a.Byline, []string{"Asha Rao"}) || !slices.Equal(a.Agencies, []string{"PTI"}) {
		t.Errorf("byline %q agencies %q", a.Byline, a.Agencies)
	}
	if a.URL != "https://example.com/business/markets-rally-123" {
		t.Errorf("url = %q", a.URL)
	}
}

func TestProcessHintsWin(t *testing.T) {
	pub := time.Date(2020, 1, 2, 3, 4, 5, 0, datetime.IST)
	a := &news.Article{
		Text: "By Someone | Updated: March 19, 2021 20:59 IST\nसरकार ने आज नई नीति की घोषणा की और इसे लागू कर दिया।",
		Raw: news.Raw{Format: news.FormatText, Hints: news.Hints{
			Title: "Hinted title", Publisher: "लोकमत हिन्दी", Published: pub, URL: "https://www.jagran.com/x",
		}},
	}
	if err := New().Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Hinted title" || a.Publisher != "Lokmat Hindi" || !a.Published.Equal(pub) || a.URL != "https://www.jagran.com/x" {
		t.Errorf("hints lost: %q %q %v %q", a.Title, a.Publisher, a.Published, a.URL)
	}
}

// TestProcessUnsafeFields is issue 17 #6 and #7: a script URL from og:url
// or from the input's hints is not kept as the article's url, and a
// publisher with bidi overrides and zero-width characters is cleaned like
// the title.
func TestProcessUnsafeFields(t *testing.T) {
	page := `<html><head><meta property="og:url" content="javascript:alert(document.cookie)">` +
		`<meta property="og:site_name" content="&#x202E;evil&#x202C; &#x200B;Times"></head>` +
		`<body><h1>बाजार में तेजी</h1><p>बाजार में आज तेजी रही।</p></body></html>`
	for _, c := range []struct {
		name string
		a    *news.Article
	}{
		{"og:url", &news.Article{Text: "बाजार में आज तेजी रही।", Raw: news.Raw{Body: page, Format: news.FormatHTML}}},
		{"hint", &news.Article{Text: "बाजार में आज तेजी रही।", URL: "data:text/html,<script>alert(1)</script>",
			Publisher: "\u202Eevil\u202C \u200BTimes",
			Raw: news.Raw{Body: "बाजार में आज तेजी रही।", Format: news.FormatText,
				Hints: news.Hints{URL: "data:text/html,<script>alert(1)</script>", Publisher: "\u202Eevil\u202C \u200BTimes"}}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := New().Process(t.Context(), c.a); err != nil {
				t.Fatal(err)
			}
			if c.a.URL != "" {
				t.Errorf("url = %q, want none", c.a.URL)
			}
			if n := len(c.a.Removed); n == 0 || c.a.Removed[n-1].Reason != "unsafe-url" {
				t.Errorf("removed = %v, want an unsafe-url note", c.a.Removed)
			}
			if c.a.Publisher != "evil Times" {
				t.Errorf("publisher = %q, want \"evil Times\"", c.a.Publisher)
			}
		})
	}
}

// TestProcessCandidates: what the extract stage set from a page is weighed
// with the page's own evidence; what the input gave as hints is kept.
func TestProcessCandidates(t *testing.T) {
	page := `<html><head><title>Pune News: नदी पर नया पुल जनता के लिए खुला - Sagar Vani</title>
<meta property="og:site_name" content="News18 हिंदी"></head><body>
<p>नगर निगम ने नदी पर बने नए पुल को आज से आम लोगों के लिए खोल दिया।</p>
<div>Updated: 5 April 2031 18:00 datetime.IST</div><div>Published: 5 April 2031 09:15 datetime.IST</div></body></html>`
	extracted := func() *news.Article {
		return &news.Article{
			Text:      "नगर निगम ने नदी पर बने नए पुल को आज से आम लोगों के लिए खोल दिया।",
			Title:     "Pune News: नदी पर नया पुल जनता के लिए खुला - Sagar Vani",
			Publisher: "News18 हिंदी",
			Byline:    []string{"PTI", "Meera Joshi"},
			Published: time.Date(2031, 4, 5, 18, 0, 0, 0, datetime.IST),
			Removed: []news.Removal{
				{Text: "Updated: 5 April 2031 18:00 IST", Reason: news.ReasonTimestamp},
				{Text: "Published: 5 April 2031 09:15 IST", Reason: news.ReasonTimestamp},
			},
			URL: "https://www.sagarvani.com/pune/bridge-1",
			Raw: news.Raw{Format: news.FormatHTML, Body: page},
		}
	}
	t.Run("candidates", func(t *testing.T) {
		a := extracted()
		if err := New().Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		if a.Title != "नदी पर नया पुल जनता के लिए खुला" {
			t.Errorf("title = %q", a.Title)
		}
		if a.Publisher != "News18 Hindi" {
			t.Errorf("publisher = %q", a.Publisher)
		}
		if got := a.Published.Format(time.RFC3339); got != "2031-04-05T09:15:00+05:30" {
			t.Errorf("published = %s", got)
		}
		if got := a.Updated.Format(time.RFC3339); got != "2031-04-05T18:00:00+05:30" {
			t.Errorf("updated = %s", got)
		}
		if !slices.Equal(a.Byline, []string{"Meera Joshi"}) || !slices.Equal(a.Agencies, []string{"PTI"}) {
			t.Errorf("byline %q agencies %q", a.Byline, a.Agencies)
		}
	})
	t.Run("hints", func(t *testing.T) {
		a := extracted()
		pub := time.Date(2031, 4, 4, 7, 0, 0, 0, datetime.IST)
		a.Raw.Hints = news.Hints{Title: "Given headline", Publisher: "Given Outlet", Published: pub}
		a.Title, a.Publisher, a.Published = "Given headline", "Given Outlet", pub
		if err := New().Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		if a.Title != "Given headline" || a.Publisher != "Given Outlet" || !a.Published.Equal(pub) {
			t.Errorf("hints changed: %q %q %v", a.Title, a.Publisher, a.Published)
		}
	})
}
