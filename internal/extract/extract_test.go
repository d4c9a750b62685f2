package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khabar/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden is what the golden files record of an extracted page.
type golden struct {
	Title     string   `json:"title"`
	Publisher string   `json:"publisher"`
	Byline    []string `json:"byline"`
	URL       string   `json:"url"`
	Published string   `json:"published"`
	Updated   string   `json:"updated"`
	Text      string   `json:"text"`
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func htmlArticle(body string) *news.Article {
	return &news.Article{Raw: news.Raw{Body: body, Format: news.FormatHTML}}
}

// TestGolden extracts every testdata/<case>.html and compares the result
// with testdata/<case>.golden.json (rewritten with -update).
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	e := New(Options{})
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			a := htmlArticle(string(body))
			if err := e.Process(t.Context(), a); err != nil {
				t.Fatalf("Process() = %v", err)
			}
			got := golden{
				Title: a.Title, Publisher: a.Publisher, Byline: a.Byline, URL: a.URL,
				Published: stamp(a.Published), Updated: stamp(a.Updated), Text: a.Text,
			}
			gotJSON, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			gotJSON = append(gotJSON, '\n')
			path := strings.TrimSuffix(page, ".html") + ".golden.json"
			if *update {
				if err := os.WriteFile(path, gotJSON, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(gotJSON, want) {
				t.Errorf("extract %s:\n got %s\nwant %s", page, gotJSON, want)
			}
		})
	}
}

// TestBoilerplateLeftOut checks the golden pages for what must not be in
// the text: navigation, cookie banners, related links, comments, footers.
func TestBoilerplateLeftOut(t *testing.T) {
	bad := map[string][]string{
		"hindi_metro":   {"कुकीज़", "होम", "ये भी पढ़ें", "भोपाल रिंग रोड", "सर्वाधिकार", "न्यूज़लेटर", "फेसबुक"},
		"english_flood": {"cookies", "E-Paper", "Related Stories", "Kaziranga", "reader_77", "relief workers who", "Copyright"},
		"english_ist":   {"Login", "cookies", "More from Local", "Kothrud", "Advertise"},
		"hindi_cricket": {"कुकीज़", "फुटबॉल", "संबंधित ख़बरें", "अंडर-19", "सबसे ज्यादा पढ़ी गई", "हमारे बारे में", "Advertisement"},
	}
	e := New(Options{})
	for name, words := range bad {
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			a := htmlArticle(string(body))
			if err := e.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			for _, w := range words {
				if strings.Contains(a.Text, w) {
					t.Errorf("text holds boilerplate %q", w)
				}
			}
			if n := strings.Count(a.Text, "\n\n"); n < 3 {
				t.Errorf("text has %d paragraph breaks, want at least 3", n)
			}
		})
	}
}

func TestProcess(t *testing.T) {
	pub := time.Date(2025, 1, 2, 3, 4, 5, 0, ist)
	page := `<html><head><title>Page title</title><meta property="og:site_name" content="Page Site">
<meta property="article:published_time" content="2024-12-01T10:00:00+05:30"></head>
<body><article><h1>Page title</h1><p>` + strings.Repeat("A sentence of the story that goes on. ", 12) + `</p>
<p>Second paragraph of the story, also long enough to count as text for the extractor here.</p></article></body></html>`
	tests := []struct {
		name string
		a    *news.Article
		want func(t *testing.T, a *news.Article)
	}{
		{
			name: "text passes through with line endings normalised",
			a:    &news.Article{Raw: news.Raw{Body: "Line one\r\nLine two\rLine three\n\n  Para two  ", Format: news.FormatText}},
			want: func(t *testing.T, a *news.Article) {
				if want := "Line one\nLine two\nLine three\n\n  Para two  "; a.Text != want {
					t.Errorf("text = %q, want %q", a.Text, want)
				}
			},
		},
		{
			name: "hints win over the page",
			a: &news.Article{Raw: news.Raw{Body: page, Format: news.FormatHTML, Hints: news.Hints{
				Title: "Hint title", URL: "https://example.org/hint", Published: pub, Publisher: "Hint Times",
			}}},
			want: func(t *testing.T, a *news.Article) {
				if a.Title != "Hint title" || a.URL != "https://example.org/hint" || !a.Published.Equal(pub) || a.Publisher != "Hint Times" {
					t.Errorf("got title %q url %q published %v publisher %q; want the hints", a.Title, a.URL, a.Published, a.Publisher)
				}
				if !strings.Contains(a.Text, "Second paragraph") {
					t.Errorf("text = %q", a.Text)
				}
			},
		},
		{
			name: "hints apply to text too",
			a: &news.Article{Raw: news.Raw{Body: "body", Format: news.FormatText, Hints: news.Hints{
				Title: "T", Publisher: "P", Published: pub, URL: "https://example.org/t",
			}}},
			want: func(t *testing.T, a *news.Article) {
				if a.Title != "T" || a.Publisher != "P" || !a.Published.Equal(pub) || a.URL != "https://example.org/t" {
					t.Errorf("hints not applied: %+v", a)
				}
			},
		},
		{
			name: "page metadata without hints",
			a:    htmlArticle(page),
			want: func(t *testing.T, a *news.Article) {
				if a.Title != "Page title" || a.Publisher != "Page Site" || stamp(a.Published) != "2024-12-01T10:00:00+05:30" {
					t.Errorf("got title %q publisher %q published %v", a.Title, a.Publisher, a.Published)
				}
			},
		},
		{
			name: "no body: empty text, no error",
			a: htmlArticle(`<html><head><title>Only a title</title><script>var x = "` +
				strings.Repeat("y", 5000) + `";</script></head><body><script>document.write("hi")</script></body></html>`),
			want: func(t *testing.T, a *news.Article) {
				if a.Text != "" {
					t.Errorf("text = %q, want empty", a.Text)
				}
				if a.Title != "Only a title" {
					t.Errorf("title = %q", a.Title)
				}
			},
		},
		{
			name: "short paragraphs are kept",
			a:    htmlArticle(`<html><body><div class="x"><div><p>Tiny local note about a fair.</p><p>It opens on Sunday.</p></div></div></body></html>`),
			want: func(t *testing.T, a *news.Article) {
				if want := "Tiny local note about a fair.\n\nIt opens on Sunday."; a.Text != want {
					t.Errorf("text = %q, want %q", a.Text, want)
				}
			},
		},
		{
			name: "text in bare divs and breaks",
			a:    htmlArticle(`<html><body><div>` + strings.Repeat("Words of the first part of the report. ", 8) + `<br><br>` + strings.Repeat("Words of the second part. ", 8) + `</div></body></html>`),
			want: func(t *testing.T, a *news.Article) {
				if !strings.Contains(a.Text, "first part") || !strings.Contains(a.Text, "second part") {
					t.Errorf("text = %q", a.Text)
				}
			},
		},
		{
			name: "deep nesting is read by the simple extractor",
			a: htmlArticle(`<html><head><title>Deep</title></head><body>` + strings.Repeat("<div>", 700) +
				`<p>Text at the bottom of a deep tree.</p><p>And more.</p>` + strings.Repeat("</div>", 700) + `</body></html>`),
			want: func(t *testing.T, a *news.Article) {
				if want := "Text at the bottom of a deep tree.\n\nAnd more."; a.Text != want || a.Title != "Deep" {
					t.Errorf("text = %q title %q, want %q", a.Text, a.Title, want)
				}
			},
		},
		{
			name: "existing fields are kept",
			a: &news.Article{Title: "Set before", Byline: []string{"Someone"}, URL: "https://example.org/x",
				Raw: news.Raw{Body: page, Format: news.FormatHTML}},
			want: func(t *testing.T, a *news.Article) {
				if a.Title != "Set before" || len(a.Byline) != 1 || a.URL != "https://example.org/x" {
					t.Errorf("fields overwritten: title %q byline %q url %q", a.Title, a.Byline, a.URL)
				}
			},
		},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := e.Process(t.Context(), tt.a); err != nil {
				t.Fatalf("Process() = %v", err)
			}
			tt.want(t, tt.a)
		})
	}
}

func TestProcessErrors(t *testing.T) {
	e := New(Options{})
	if err := e.Process(t.Context(), &news.Article{Raw: news.Raw{Body: "x", Format: "pdf"}}); err == nil {
		t.Error("Process() of an unknown format = nil, want an error")
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := e.Process(ctx, htmlArticle("<p>x</p>")); !errors.Is(err, context.Canceled) {
		t.Errorf("Process() with a cancelled context = %v, want context.Canceled", err)
	}
	if e.Name() != "extract" {
		t.Errorf("Name() = %q", e.Name())
	}
}

// TestHostile feeds pages built to hurt: they must come back quickly,
// without a panic, and without invented text.
func TestHostile(t *testing.T) {
	size := 10 << 20
	if raceEnabled {
		size = 1 << 20
	}
	para := "<p>" + strings.Repeat("word ", 40) + "</p>"
	tests := []struct {
		name     string
		body     string
		wantText bool
		exact    string // the whole text, when set
	}{
		{name: "10 MB of nested divs", body: strings.Repeat("<div>", size/5)},
		{name: "10 MB of nested inline tags", body: strings.Repeat("<b><i>", size/6)},
		{name: "10 MB of nested tables", body: strings.Repeat("<table><tr><td>", size/15)},
		{name: "10 MB of scripts", body: "<html><head></head><body>" + strings.Repeat("<script>var a = '<p>x</p>';</script>", size/36) + "</body></html>"},
		{name: "10 MB of paragraphs", body: "<html><body>" + strings.Repeat(para, size/len(para)) + "</body></html>", wantText: true},
		{name: "unclosed comment", body: "<html><body><p>before</p><!-- " + strings.Repeat("x", 1<<20), wantText: true, exact: "before"},
		{name: "only a doctype", body: "<!DOCTYPE html>"},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := htmlArticle(tt.body)
			start := time.Now()
			if err := e.Process(t.Context(), a); err != nil {
				t.Fatalf("Process() = %v", err)
			}
			// A guard against stalls (quadratic work), not a speed target:
			// generous, so a loaded machine does not fail it.
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("Process() took %v", d)
			}
			if got := a.Text != ""; got != tt.wantText {
				t.Errorf("text = %.60q…, want text: %v", a.Text, tt.wantText)
			}
			if tt.exact != "" && a.Text != tt.exact {
				t.Errorf("text = %q, want %q", a.Text, tt.exact)
			}
			if strings.Contains(a.Text, "var a") {
				t.Errorf("script text in the body")
			}
		})
	}
}

func TestLargePage(t *testing.T) {
	a := htmlArticle(largePage(t, "hindi_metro"))
	if err := New(Options{}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	small := htmlArticle(func() string {
		b, _ := os.ReadFile("testdata/hindi_metro.html")
		return string(b)
	}())
	if err := New(Options{}).Process(t.Context(), small); err != nil {
		t.Fatal(err)
	}
	if a.Text != small.Text || a.Title != small.Title || !a.Published.Equal(small.Published) {
		t.Errorf("padding changed the result:\n%q\n%q", a.Text, small.Text)
	}
}

func TestMaxElements(t *testing.T) {
	page := `<html><head><title>Many</title><meta property="og:site_name" content="Site">
<meta property="article:published_time" content="2025-01-02T10:00:00Z"></head><body><nav>Menu</nav>` +
		strings.Repeat("<p>A paragraph.</p>", 50) + `<script>var s = 1;</script></body></html>`
	a := htmlArticle(page)
	if err := New(Options{MaxElements: 10}).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if strings.Count(a.Text, "A paragraph.") != 50 || strings.Contains(a.Text, "var s") {
		t.Errorf("text = %.200q", a.Text)
	}
	if a.Title != "Many" || a.Publisher != "Site" || stamp(a.Published) != "2025-01-02T10:00:00Z" {
		t.Errorf("title %q publisher %q published %v", a.Title, a.Publisher, a.Published)
	}
}

func FuzzExtract(f *testing.F) {
	pages, _ := filepath.Glob("testdata/*.html")
	for _, p := range pages {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("<p>x</p>")
	f.Add("<div><div><p>a<br>b</p></div>")
	f.Add("<meta property=article:published_time content='31-12-2024 11:59 PM IST'><p>t</p>")
	e := New(Options{})
	f.Fuzz(func(t *testing.T, body string) {
		a := htmlArticle(body)
		if err := e.Process(t.Context(), a); err != nil {
			t.Fatalf("Process() = %v", err)
		}
		if strings.Contains(a.Text, "\n\n\n") {
			t.Fatalf("text has an empty paragraph: %q", a.Text)
		}
	})
}

// largePage pads a test page the way real news pages are padded: inline
// scripts and styles, long menus, link lists; about 300 KB.
func largePage(tb testing.TB, name string) string {
	tb.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", name+".html"))
	if err != nil {
		tb.Fatal(err)
	}
	var pad strings.Builder
	for i := range 400 {
		fmt.Fprintf(&pad, `<li class="menu-item"><a href="/section/%d">खंड %d</a></li>`, i, i)
	}
	menu := `<nav class="mega-menu"><ul>` + pad.String() + `</ul></nav>`
	script := `<script>` + strings.Repeat(`window.ads.push({slot:"top",size:[728,90],targeting:{section:"news"}});`, 2000) + `</script>`
	style := `<style>` + strings.Repeat(`.story p{margin:0 0 1em;line-height:1.6} `, 1000) + `</style>`
	related := `<div class="more-stories">` + strings.Repeat(`<div class="card"><a href="/x"><img src="/i.jpg"><h3>एक और ख़बर का शीर्षक यहां</h3></a><span>2 घंटे पहले</span></div>`, 150) + `</div>`
	page := strings.Replace(string(body), "<body>", "<body>"+style+script+menu, 1)
	return strings.Replace(page, "</body>", related+script+"</body>", 1)
}

func BenchmarkExtract(b *testing.B) {
	pages, _ := filepath.Glob("testdata/*.html")
	e := New(Options{})
	for _, p := range append(pages, "large") {
		var body []byte
		if p == "large" {
			body = []byte(largePage(b, "hindi_metro"))
		} else {
			var err error
			if body, err = os.ReadFile(p); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(strings.TrimSuffix(filepath.Base(p), ".html"), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				a := htmlArticle(string(body))
				if err := e.Process(b.Context(), a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
