package meta

import (
	"slices"
	"strings"
	"testing"
	"time"

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

func TestReadHead(t *testing.T) {
	h := ReadHead(samplePage)
	checks := []struct{ name, got, want string }{
		{"title", h.Title, "बाजार में तेजी लौटी | Sample Khabar"},
		{"og", h.OGTitle, "बाजार में तेजी लौटी"},
		{"h1", h.H1, "बाजार में तेजी लौटी"},
		{"site", h.SiteName, "Sample Khabar"},
		{"url", h.URL, "https://example.com/business/markets-rally-123"},
		{"lang", h.Lang, "hi"},
		{"ld headline", h.LD.Headline, "बाजार में तेजी & रौनक लौटी"},
		{"ld published", h.LD.DatePublished, "2024-02-01T09:30:00+05:30"},
		{"ld publisher", h.LD.Publisher, "Sample Khabar"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !slices.Equal(h.LD.Authors, []string{"Asha Rao", "PTI"}) {
		t.Errorf("ld authors = %q", h.LD.Authors)
	}
	if len(h.Authors) != 0 {
		t.Errorf("URL authors kept: %q", h.Authors)
	}
}

func TestReadHeadBadInput(t *testing.T) {
	nested := strings.Repeat("<div>", 1<<20) + "x" + strings.Repeat("</div>", 1<<20)
	tests := []struct {
		name, page string
	}{
		{"empty", ""},
		{"no body", "<html><head><title>T</title></head></html>"},
		{"only scripts", "<script>var a = '<title>x</title>';</script><script type=\"application/ld+json\">{broken</script>"},
		{"deep json", `<script type="application/ld+json">` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `</script>`},
		{"nested 10MB", nested},
		{"unclosed title", "<title>" + strings.Repeat("a", 100000)},
		{"latin1 bytes", "<title>caf\xe9 \xff</title>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			h := ReadHead(tt.page)
			if len(h.Title) > maxTitleText+8 {
				t.Errorf("title of %d bytes", len(h.Title))
			}
			t.Logf("%s: %d bytes read in %v", tt.name, len(tt.page), time.Since(start))
		})
	}
	if h := ReadHead("<script>var a = '<title>x</title>';</script>"); h.Title != "" {
		t.Errorf("title read from a script: %q", h.Title)
	}
}

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
	pub := time.Date(2020, 1, 2, 3, 4, 5, 0, IST)
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

func TestOutletsAndAgencies(t *testing.T) {
	for in, want := range map[string]string{
		"लोकमत हिन्दी": "Lokmat Hindi", "www.jagran.com": "Dainik Jagran", "https://www.bbc.com/hindi/india-123": "BBC Hindi",
		"https://www.bbc.com/news/world-1": "BBC News", "नवभारतटाइम्स.कॉम": "Navbharat Times", "aajtak.in": "Aaj Tak",
		"Lokjeewan Daily": "", "hindi.news18.com": "News18 Hindi", "https://www.news18.com/india/x": "News18",
		"News18 हिंदी": "News18 Hindi", "Lokmat हिंदी": "Lokmat Hindi", "dw.com": "Deutsche Welle", "Jagran": "Dainik Jagran",
	} {
		if got := Outlet(in); got != want {
			t.Errorf("Outlet(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"भाषा": "PTI-Bhasha", "पीटीआई-भाषा": "PTI-Bhasha", "एपी": "AP", "रॉयटर्स": "Reuters", "सिन्हुआ": "Xinhua",
		"टीएएसएस": "TASS", "तास": "TASS", "(IANS)": "IANS", "प्रेट्र": "PTI", "Press Trust of India": "PTI", "आईएएनएस": "IANS",
	} {
		if got := Agency(in); got != want {
			t.Errorf("Agency(%q) = %q, want %q", in, got, want)
		}
	}
	tests := []struct {
		text string
		want []string
	}{
		{"न्यूज एजेंसी सिन्हुआ ने टीएएसएस समाचार एजेंसी के हवाले से बताया", []string{"Xinhua", "TASS"}},
		{"उन्होंने भाषा के सवाल पर कहा", nil},
		{"By भाषा | Updated", []string{"PTI-Bhasha"}},
		{"यह ख़बर पीटीआई-भाषा की फीड से प्रकाशित", []string{"PTI-Bhasha"}},
		{"एपी सिंह ने कहा", nil},
		{"मास्को (एपी) रूस", []string{"AP"}},
		{"The ap was late; AP reported later", []string{"AP"}},
		{"स्पुतनिक वी टीका लगाया गया", nil},
		{"रूसी समाचार एजेंसी स्पुतनिक ने बताया", []string{"Sputnik"}},
		{"(With inputs from Reuters and AFP)", []string{"Reuters", "AFP"}},
	}
	for _, tt := range tests {
		var got []string
		for _, h := range FindAgencies(tt.text) {
			got = append(got, h.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("FindAgencies(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestLeadName(t *testing.T) {
	tests := []struct {
		in, kind, name string
		desk, ok       bool
	}{
		{"Press Trust of India New Delhi", LeadAgency, "PTI", false, true},
		{"TOI City Desk", LeadOutlet, "Times of India", true, true},
		{"The Hindu Bureau", LeadOutlet, "The Hindu", true, true},
		{"आजतक ब्यूरो", LeadOutlet, "Aaj Tak", true, true},
		{"Hindu nationalists", "", "", false, false},
		{"Asha Mehra", "", "", false, false},
	}
	for _, tt := range tests {
		kind, name, desk, ok := LeadName(tt.in)
		if kind != tt.kind || name != tt.name || desk != tt.desk || ok != tt.ok {
			t.Errorf("LeadName(%q) = %q %q %v %v", tt.in, kind, name, desk, ok)
		}
	}
}

func FuzzReadHead(f *testing.F) {
	f.Add(samplePage)
	f.Add("<title>")
	f.Add(`<script type="application/ld+json">{"@type":"NewsArticle","author":[[[{"name":1}]]]}</script>`)
	f.Add("<meta property=og:title content='x'><h1></h1>")
	f.Add(`<title>Desk News: एक दो तीन चार - Site – 07.03.2024</title><link rel=canonical href="https://site.in/a">`)
	f.Fuzz(func(t *testing.T, s string) {
		h := ReadHead(s)
		_ = headTitles(h)
	})
}

// headTitles touches every title field, so the fuzzer reaches the
// site-suffix logic as well.
func headTitles(h Head) []string {
	var out []string
	for _, t := range []string{h.Title, h.OGTitle, h.H1, h.LD.Headline} {
		out = append(out, StripSiteSuffix(t, h.SiteName), pageTitle(t, h.SiteName, h.URL))
	}
	return out
}

// TestReadHeadSummaries checks the standfirst elements and descriptions a
// page declares are read, and an article container is not.
func TestReadHeadSummaries(t *testing.T) {
	page := `<html><head><meta name="description" content="A short description.">
<meta property="og:description" content="The og description."></head><body>
<h1>Headline of the page</h1><h2>A deck under the headline.</h2>
<div class="story-highlights"><h3>In Short</h3><ul><li>First point</li><li>Second point</li></ul></div>
<div class="article-summary-body">` + strings.Repeat("A long paragraph of the article. ", 60) + `</div>
<p>The first paragraph.</p><h2>A subheading inside</h2></body></html>`
	h := ReadHead(page)
	want := []string{"A deck under the headline.", "In Short", "First point", "Second point"}
	if strings.Join(h.Summaries, "|") != strings.Join(want, "|") {
		t.Errorf("Summaries = %q, want %q", h.Summaries, want)
	}
	if strings.Join(h.Descriptions, "|") != "A short description.|The og description." {
		t.Errorf("Descriptions = %q", h.Descriptions)
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
