package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"html"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"khabar/internal/api"
	"khabar/internal/api/apitest"
	"khabar/internal/news"
	"khabar/internal/store"
)

func newTestUI(tb testing.TB, arts ...*news.Article) *UI {
	tb.Helper()
	m := apitest.New(arts...)
	u, err := New(Options{Articles: m, Searcher: m})
	if err != nil {
		tb.Fatal(err)
	}
	return u
}

// get serves one GET on h with optional header pairs.
func get(tb testing.TB, h http.Handler, target string, header ...string) *httptest.ResponseRecorder {
	tb.Helper()
	req := httptest.NewRequest("GET", target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// contains fails tb for every want the body lacks and every reject it has.
func contains(tb testing.TB, body string, want []string, reject ...string) {
	tb.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			tb.Errorf("page lacks %q", w)
		}
	}
	for _, r := range reject {
		if strings.Contains(body, r) {
			tb.Errorf("page has %q", r)
		}
	}
}

func TestHome(t *testing.T) {
	h := newTestUI(t, apitest.Sample()...).Handler()
	tests := []struct {
		name, target string
		header       []string
		status       int
		want, reject []string
	}{
		{"hindi by default", "/", nil, 200,
			[]string{`<html lang="hi">`, "ताज़ा ख़बरें", "इंदौर में पहली मेट्रो लाइन शुरू", "First metro line opens in Indore",
				`href="/a/hi-metro"`, `lang="hi"`, "Example Samachar", "10 मार्च 2025, 09:30 IST", `datetime="2025-03-10T09:30:00+05:30"`,
				"Chennai port handles record cargo", "(बिना शीर्षक)", "कुल 4 ख़बरें संग्रहीत", `hreflang="en"`},
			[]string{"[[", "Latest articles"}},
		{"english by accept-language", "/", []string{"Accept-Language", "en-IN,en;q=0.9,hi;q=0.5"}, 200,
			[]string{`<html lang="en">`, "Latest articles", "10 March 2025, 09:30 IST", "4 articles stored", `hreflang="hi"`},
			[]string{"[[", "ताज़ा ख़बरें"}},
		{"hl overrides accept-language", "/?hl=hi", []string{"Accept-Language", "en"}, 200,
			[]string{`<html lang="hi">`, "ताज़ा ख़बरें"}, nil},
		{"cookie", "/", []string{"Cookie", "hl=en", "Accept-Language", "hi"}, 200,
			[]string{`<html lang="en">`}, nil},
		{"search", "/?q=" + url.QueryEscape("मेट्रो"), nil, 200,
			[]string{"“मेट्रो” के नतीजे", "1 नतीजे", "इंदौर में पहली मेट्रो लाइन शुरू", `value="मेट्रो"`},
			[]string{"Chennai"}},
		{"search english ui", "/?hl=en&q=cargo", nil, 200,
			[]string{"Results for “cargo”", "1 results", "Chennai port"}, nil},
		{"filter by language and date", "/?lang=hi&from=2025-03-11", nil, 200,
			[]string{"असम में अचानक बाढ़", `<option value="hi" selected>`, `value="2025-03-11"`},
			[]string{"इंदौर में"}},
		{"no hits", "/?q=zzzz", nil, 200, []string{"कोई ख़बर नहीं मिली।", "0 नतीजे"}, nil},
		{"bad date", "/?from=kal", nil, 400, []string{"शुरुआती तारीख़ समझ नहीं आई", `role="alert"`}, nil},
		{"bad date english", "/?hl=en&to=2025-01-01&from=2025-02-01", nil, 400, []string{"The end date is not understood"}, nil},
		{"bad cursor", "/?cursor=xyz", nil, 400, []string{"पहले पेज से फिर शुरू करें"}, nil},
		{"unknown page", "/nowhere", nil, 404, []string{"पेज नहीं मिला"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.target, tt.header...)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			contains(t, html.UnescapeString(rec.Body.String()), tt.want, tt.reject...)
		})
	}
}

func TestLanguageToggle(t *testing.T) {
	h := newTestUI(t, apitest.Sample()...).Handler()
	rec := get(t, h, "/?q=cargo&lang=en")
	body := html.UnescapeString(rec.Body.String())
	toggle := regexp.MustCompile(`class="toggle" href="([^"]+)"`).FindStringSubmatch(body)
	if toggle == nil {
		t.Fatalf("no toggle link in\n%s", body)
	}
	u, err := url.Parse(toggle[1])
	if err != nil {
		t.Fatal(err)
	}
	if q := u.Query(); q.Get("hl") != "en" || q.Get("q") != "cargo" || q.Get("lang") != "en" || u.Path != "/" {
		t.Errorf("toggle = %s, want / with hl=en and the search kept", toggle[1])
	}

	rec = get(t, h, toggle[1])
	if !strings.Contains(rec.Body.String(), `<html lang="en">`) {
		t.Error("following the toggle does not switch to English")
	}
	if got := rec.Header().Get("Content-Language"); got != "en" {
		t.Errorf("Content-Language = %q", got)
	}
	cookies := rec.Result().Cookies()
	if len(cookies) != 1 || cookies[0].Name != "hl" || cookies[0].Value != "en" || !cookies[0].HttpOnly {
		t.Fatalf("cookies = %v, want hl=en", cookies)
	}
	rec = get(t, h, "/a/en-port", "Cookie", cookies[0].String())
	if !strings.Contains(rec.Body.String(), `<html lang="en">`) {
		t.Error("the cookie does not keep English on the next page")
	}
}

// TestPaging follows the pages' next links and checks every article shows
// exactly once.
func TestPaging(t *testing.T) {
	h := newTestUI(t, apitest.Many(45)...).Handler()
	next := regexp.MustCompile(`href="([^"]+)" rel="next"`)
	title := regexp.MustCompile(`href="/a/(m\d{4})"`)
	for _, start := range []string{"/", "/?q=weather", "/?lang=hi&to=2025-06-20"} {
		t.Run(start, func(t *testing.T) {
			var seen []string
			target := start
			for pages := 0; target != ""; pages++ {
				if pages > 10 {
					t.Fatal("paging does not end")
				}
				rec := get(t, h, target)
				if rec.Code != 200 {
					t.Fatalf("%s: status %d", target, rec.Code)
				}
				body := html.UnescapeString(rec.Body.String())
				for _, m := range title.FindAllStringSubmatch(body, -1) {
					seen = append(seen, m[1])
				}
				if pages > 0 && !strings.Contains(body, `rel="first"`) {
					t.Errorf("page %d lacks a first-page link", pages)
				}
				target = ""
				if m := next.FindStringSubmatch(body); m != nil {
					target = m[1]
				}
			}
			if len(seen) == 0 || !slices.IsSorted(seen) || len(slices.Compact(slices.Clone(seen))) != len(seen) {
				t.Errorf("articles over the pages: %v", seen)
			}
		})
	}
}

func TestArticlePage(t *testing.T) {
	h := newTestUI(t, apitest.Sample()...).Handler()
	tests := []struct {
		name, target string
		header       []string
		status       int
		want, reject []string
	}{
		{"hindi article", "/a/hi-metro", nil, 200, []string{
			"<title>इंदौर में पहली मेट्रो लाइन शुरू · ख़बर</title>",
			`<h1 lang="hi">इंदौर में पहली मेट्रो लाइन शुरू</h1>`,
			`<p class="title-en" lang="en">First metro line opens in Indore</p>`,
			"Example Samachar", "संवाददाता डेस्क", "10 मार्च 2025, 09:30 IST", "PTI-Bhasha",
			"इंदौर</span> <span lang=\"en\">(Indore)</span>, 10 मार्च 2025",
			`href="https://example.com/hi/indore-metro"`,
			"<p>पहले दिन सभी स्टेशनों पर लोगों की लंबी कतारें दिखीं।</p>",
			"<details class=\"removed\" id=\"removed\">", "हटाई गई सामग्री (2)", "सोशल मीडिया", "हमें फ़ेसबुक पर फ़ॉलो करें",
			"बयान", "यह लाइन हर दिन पचास हज़ार लोगों को ले जाएगी।", "Sunita Verma <span lang=\"hi\">(सुनीता वर्मा)</span>", "सीधा उद्धरण",
			"लोग, संगठन और स्थान", "सुनीता वर्मा", "व्यक्ति",
		}, []string{"[[", `id="events-heading"`}},
		{"english ui", "/a/hi-metro?hl=en", nil, 200, []string{
			"10 March 2025, 09:30 IST", "Removed boilerplate (2)", "social media", "direct quote", "person", "Publisher",
		}, []string{"[["}},
		{"event", "/a/hi-flood", nil, 200, []string{
			"घटनाएँ", "DISASTER / FLOODS", "<strong lang=\"hi\">बाढ़</strong>", "मृत</dt><dd>3", "घायल</dt><dd>7",
			"स्थान</dt><dd>Assam", "12 मार्च 2025, 22:15 IST", `<time datetime="2025-03-12">12 मार्च 2025</time>`,
		}, []string{"[[", "details"}},
		{"english article", "/a/en-port", nil, 200, []string{
			`<div class="body" id="text" lang="en">`, "<p>A second berth is due to open next year.</p>", "Staff Reporter",
		}, []string{"[[", "title-en"}},
		{"bare article", "/a/bare", nil, 200, []string{"(बिना शीर्षक)", "तारीख़ अज्ञात", "A short note with no title"},
			[]string{"[[", `href="notes.txt"`}},
		{"absent", "/a/none", nil, 404, []string{"पेज नहीं मिला", "← खोज पर लौटें"}, nil},
		{"absent english", "/a/none", []string{"Accept-Language", "en"}, 404, []string{"Page not found"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.target, tt.header...)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			contains(t, html.UnescapeString(rec.Body.String()), tt.want, tt.reject...)
		})
	}
}

// TestEscaping checks that article text cannot inject markup or script
// links.
func TestEscaping(t *testing.T) {
	evil := &news.Article{ID: "x/y?z", Title: `<script>alert(1)</script>`, URL: "javascript:alert(1)", Lang: `hi" onload="x`,
		Text: `<img src=x onerror=alert(1)>`}
	h := newTestUI(t, evil).Handler()
	for _, target := range []string{"/", "/a/" + url.PathEscape(evil.ID)} {
		rec := get(t, h, target)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", target, rec.Code)
		}
		contains(t, rec.Body.String(), []string{"&lt;script&gt;"}, "<script>alert", "<img src=x", "javascript:", `" onload="`)
	}
	if rec := get(t, h, "/"); !strings.Contains(rec.Body.String(), `href="/a/x%2Fy%3Fz"`) {
		t.Error("article link is not path-escaped")
	}
	if rec := get(t, h, "/"); !strings.Contains(rec.Header().Get("Content-Security-Policy"), "script-src 'self'") {
		t.Error("no content security policy")
	}
}

// broken is an Articles whose every call fails.
type broken struct{}

var errDisk = errors.New("disk on fire")

func (broken) Get(context.Context, string) (*news.Article, error)         { return nil, errDisk }
func (broken) GetMany(context.Context, []string) ([]*news.Article, error) { return nil, errDisk }
func (broken) List(context.Context, store.Filter) (store.Page, error)     { return store.Page{}, errDisk }
func (broken) Count(context.Context) (int, error)                         { return 0, errDisk }

func TestFailures(t *testing.T) {
	u, err := New(Options{Articles: broken{}})
	if err != nil {
		t.Fatal(err)
	}
	h := u.Handler()
	for _, target := range []string{"/", "/a/x"} {
		rec := get(t, h, target)
		if rec.Code != 500 {
			t.Fatalf("%s: status %d, want 500", target, rec.Code)
		}
		contains(t, html.UnescapeString(rec.Body.String()), []string{"कुछ गड़बड़ हो गई"}, errDisk.Error(), "संग्रहीत")
	}

	m := apitest.New(apitest.Sample()...)
	u, err = New(Options{Articles: m})
	if err != nil {
		t.Fatal(err)
	}
	rec := get(t, u.Handler(), "/?q=x")
	if rec.Code != 503 {
		t.Fatalf("search without a searcher: status %d, want 503", rec.Code)
	}
	contains(t, html.UnescapeString(rec.Body.String()), []string{"खोज उपलब्ध नहीं है"})

	if _, err := New(Options{}); err == nil {
		t.Error("New without Articles succeeded")
	}
}

func TestStatic(t *testing.T) {
	u := newTestUI(t, apitest.Sample()...)
	h := u.Handler()
	page := get(t, h, "/").Body.String()
	for _, name := range []string{"app.css", "app.js", "icon.svg"} {
		t.Run(name, func(t *testing.T) {
			body, err := fs.ReadFile(files, "static/"+name)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(body)
			ext := name[strings.LastIndexByte(name, '.'):]
			want := "/static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:hashLen] + ext
			if !strings.Contains(page, `"`+want+`"`) {
				t.Fatalf("page does not link %s", want)
			}
			rec := get(t, h, want)
			if rec.Code != 200 || rec.Body.String() != string(body) {
				t.Fatalf("status %d, body of %d bytes", rec.Code, rec.Body.Len())
			}
			if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") || !strings.Contains(cc, "immutable") {
				t.Errorf("Cache-Control = %q", cc)
			}
			ct := rec.Header().Get("Content-Type")
			if map[string]string{".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml"}[ext] != strings.Split(ct, ";")[0] {
				t.Errorf("Content-Type = %q", ct)
			}
			etag := rec.Header().Get("ETag")
			if again := get(t, h, want, "If-None-Match", etag); again.Code != http.StatusNotModified {
				t.Errorf("If-None-Match %s: status %d, want 304", etag, again.Code)
			}
			if plain := get(t, h, "/static/"+name); plain.Code != 404 {
				t.Errorf("unhashed name: status %d, want 404", plain.Code)
			}
		})
	}
}

func TestTranslations(t *testing.T) {
	u := newTestUI(t)
	hi, en := u.cats["hi"], u.cats["en"]
	if !slices.Equal(hi.keys(), en.keys()) {
		t.Fatal("catalogs differ in keys")
	}
	for _, k := range hi.keys() {
		if strings.TrimSpace(hi.msgs[k]) == "" || strings.TrimSpace(en.msgs[k]) == "" {
			t.Errorf("key %q has an empty string", k)
		}
		if strings.Count(hi.msgs[k], "%") != strings.Count(en.msgs[k], "%") {
			t.Errorf("key %q: the languages format different arguments", k)
		}
	}
	// Every string a page shows in Hindi differs from English somewhere.
	same := 0
	for _, k := range hi.keys() {
		if hi.msgs[k] == en.msgs[k] {
			same++
		}
	}
	if same > 2 {
		t.Errorf("%d strings are the same in both languages", same)
	}
}

// TestFailFast checks that New refuses broken files.
func TestFailFast(t *testing.T) {
	good := fstest.MapFS{}
	if err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(files, p)
		good[p] = &fstest.MapFile{Data: b}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	m := apitest.New()
	if _, err := newUI(good, Options{Articles: m}); err != nil {
		t.Fatalf("a copy of the embedded files fails: %v", err)
	}
	tests := []struct {
		name string
		edit func(fstest.MapFS)
	}{
		{"template syntax", func(f fstest.MapFS) {
			f["templates/home.html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}{{if}}{{end}}`)}
		}},
		{"missing content", func(f fstest.MapFS) {
			f["templates/error.html"] = &fstest.MapFile{Data: []byte(`{{define "x"}}{{end}}`)}
		}},
		{"unknown key", func(f fstest.MapFS) {
			f["templates/error.html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}{{.T "no_such_key"}}{{end}}`)}
		}},
		{"key in one language only", func(f fstest.MapFS) {
			f["i18n/en.json"] = &fstest.MapFile{Data: []byte(strings.Replace(string(f["i18n/en.json"].Data), `"site_name"`, `"site_nam"`, 1))}
		}},
		{"missing static file", func(f fstest.MapFS) { delete(f, "static/app.js") }},
		{"bad json", func(f fstest.MapFS) { f["i18n/hi.json"] = &fstest.MapFile{Data: []byte(`{`)} }},
		{"no static", func(f fstest.MapFS) {
			for k := range f {
				if strings.HasPrefix(k, "static/") {
					delete(f, k)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := maps.Clone(good)
			tt.edit(f)
			if _, err := newUI(f, Options{Articles: m}); err == nil {
				t.Fatal("broken files accepted")
			}
		})
	}
}

func TestNegotiate(t *testing.T) {
	tests := []struct{ header, want string }{
		{"", "hi"},
		{"en", "en"},
		{"en-IN", "en"},
		{"EN-us", "en"},
		{"hi-IN,en;q=0.8", "hi"},
		{"en;q=0.5,hi;q=0.6", "hi"},
		{"fr,de;q=0.9,en;q=0.1", "en"},
		{"fr", "hi"},
		{"en;q=0", "hi"},
		{"en;q=abc", "hi"},
		{"*", "hi"},
		{"mr, en;q=0.9", "en"},
		{"en;level=1;q=0.4", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.header, func(t *testing.T) {
			if got := negotiate(tt.header); got != tt.want {
				t.Errorf("negotiate(%q) = %q, want %q", tt.header, got, tt.want)
			}
		})
	}
}

// FuzzNegotiate checks that any header yields a supported language.
func FuzzNegotiate(f *testing.F) {
	f.Add("en-IN,en;q=0.9,hi;q=0.8")
	f.Add(";;q=,,=")
	f.Add("hi;q=1.0000001")
	f.Fuzz(func(t *testing.T, header string) {
		if got := negotiate(header); !supported(got) {
			t.Fatalf("negotiate(%q) = %q", header, got)
		}
	})
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"छोटा", 10, "छोटा"},
		{"एक दो तीन चार", 7, "एक दो…"},
		{"abcdefghij", 4, "abcd…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestWithAPI serves the UI and the API on one mux, as khabar serve does.
func TestWithAPI(t *testing.T) {
	m := apitest.New(apitest.Sample()...)
	u, err := New(Options{Articles: m, Searcher: m})
	if err != nil {
		t.Fatal(err)
	}
	h := api.Mux(api.New(api.Options{Articles: m, Searcher: m}), u)
	for target, want := range map[string]string{
		"/":                       "text/html; charset=utf-8",
		"/a/en-port":              "text/html; charset=utf-8",
		"/api/v1/articles":        "application/json; charset=utf-8",
		"/api/v1/articles/nobody": "application/json; charset=utf-8",
		"/healthz":                "application/json; charset=utf-8",
		"/elsewhere":              "text/html; charset=utf-8",
	} {
		if got := get(t, h, target).Header().Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", target, got, want)
		}
	}
}

// TestToggleSameSite is issue 17 #4: the language switch of any page,
// the 404 page above all, links only to a path of this site.
func TestToggleSameSite(t *testing.T) {
	h := newTestUI(t, apitest.Sample()...).Handler()
	for _, target := range []string{
		"/%2F%2Fevil.example/x",
		"/%2F%5Cevil.example/x",
		"/%5C%5Cevil.example",
		"/a/%2F%2Fevil.example",
		"/nowhere?hl=en",
		"/%0d%0aevil",
	} {
		t.Run(target, func(t *testing.T) {
			rec := get(t, h, target)
			body := html.UnescapeString(rec.Body.String())
			m := regexp.MustCompile(`class="toggle" href="([^"]+)"`).FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("no toggle link in\n%s", body)
			}
			link := m[1]
			u, err := url.Parse(link)
			if err != nil {
				t.Fatalf("toggle %q: %v", link, err)
			}
			if u.Scheme != "" || u.Host != "" || !strings.HasPrefix(link, "/") ||
				strings.HasPrefix(link, "//") || strings.HasPrefix(link, `/\`) || strings.ContainsAny(link, "\r\n\\") {
				t.Errorf("toggle = %q: not a path of this site", link)
			}
		})
	}
}

// TestPublisherIsolated is issue 17 #7: a publisher name (stored before
// normalisation cleaned such names, or from another store) is shown in
// its own bidi isolate, so its characters cannot reorder the page.
func TestPublisherIsolated(t *testing.T) {
	a := &news.Article{ID: "bidi", Title: "शीर्षक", Lang: "hi", Publisher: "\u202Eevil Times", Byline: []string{"\u202Eराम"}, Text: "पाठ।"}
	h := newTestUI(t, a).Handler()
	body := get(t, h, "/a/bidi").Body.String()
	contains(t, body, []string{"<bdi>\u202Eevil Times</bdi>", "<bdi>\u202Eराम</bdi>"})
}

// TestBoundedPage is issue 17 #3 for pages: an article with 10,000
// entities, thousands of quotes and events and 2 MB of text makes a page
// of a few hundred KB, with "show more" links (paths of this site) that
// page through the rest.
func TestBoundedPage(t *testing.T) {
	h := newTestUI(t, apitest.Hostile("huge")).Handler()
	const maxPage = 512 << 10
	page := func(target string) string {
		rec := get(t, h, target)
		if rec.Code != 200 {
			t.Fatalf("GET %s: %d", target, rec.Code)
		}
		t.Logf("GET %s: %d bytes", target, rec.Body.Len())
		if rec.Body.Len() > maxPage {
			t.Errorf("GET %s: %d bytes, want at most %d", target, rec.Body.Len(), maxPage)
		}
		return html.UnescapeString(rec.Body.String())
	}
	body := page("/a/huge")
	contains(t, body, []string{"1–100, कुल 10000 में से", "/a/huge?offset=100&part=entities#entities",
		"/a/huge?offset=30&part=quotes#quotes", "/a/huge?offset=30&part=events#events", "/a/huge?offset=50&part=removed#removed",
		"/a/huge?offset=1&part=text#text"})
	next := page("/a/huge?offset=100&part=entities")
	contains(t, next, []string{"101–200, कुल 10000 में से", "/a/huge?part=entities#entities"})
	for _, target := range []string{"/a/huge?part=text&offset=5", "/a/huge?part=quotes&offset=2990", "/a/huge?part=events&offset=999999", "/a/huge?part=x&offset=-3"} {
		page(target)
	}
}

func FuzzSitePath(f *testing.F) {
	for _, s := range []string{"/a/x", "//evil.example/x", "/%2F%2Fevil", `/\evil`, "/s/%5C%5Cx"} {
		f.Add(s)
	}
	h := newTestUI(f, apitest.Sample()...).Handler()
	toggle := regexp.MustCompile(`class="toggle" href="([^"]+)"`)
	f.Fuzz(func(t *testing.T, p string) {
		req, err := http.NewRequest("GET", "http://localhost"+p, nil)
		if err != nil || req.URL.Host != "localhost" {
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		m := toggle.FindStringSubmatch(html.UnescapeString(rec.Body.String()))
		if m == nil {
			return
		}
		link := m[1]
		if !strings.HasPrefix(link, "/") || strings.HasPrefix(link, "//") || strings.ContainsAny(link, "\\\r\n") {
			t.Fatalf("path %q: toggle %q leaves the site", p, link)
		}
		if u, err := url.Parse(link); err != nil || u.Host != "" || u.Scheme != "" {
			t.Fatalf("path %q: toggle %q: %v", p, link, err)
		}
	})
}
