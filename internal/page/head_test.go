package page

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

// headTitles touches every title field (the site-suffix logic that reads
// them is fuzzed in package press, FuzzPageTitle).
func headTitles(h news.Head) []string {
	return []string{h.Title, h.OGTitle, h.TwitterTitle, h.H1, h.LD.Headline, h.SiteName, h.URL}
}
