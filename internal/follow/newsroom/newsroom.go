// Package newsroom is a fake newsroom for tests: outlets on loopback
// addresses (127.0.0.1, 127.0.0.2, …) that publish article pages made
// from khabar's sample corpus through RSS, Atom, JSON Feed, sitemaps and
// robots.txt, and a faulty outlet whose pages are slow, fail, rate-limit,
// redirect to forbidden addresses, are too large, are gzip bombs or never
// end. Every request is logged with its timing, so tests can check
// politeness: robots.txt, one request at a time per host, the delay
// between requests, conditional GET and Retry-After.
package newsroom

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"path"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"khabar/examples"
)

// Request is one request an outlet answered.
type Request struct {
	Host, Path string
	// Conditional reports an If-None-Match or If-Modified-Since header.
	Conditional bool
	UserAgent   string
	Start, End  time.Time
	Status      int
}

// Article is a page an outlet publishes.
type Article struct {
	Path      string // "/a/…"
	Title     string
	Body      string // paragraphs separated by blank lines
	Published time.Time
	// Updated, when set, is when the article last changed: the Atom
	// feed's <updated> and the sitemaps' <lastmod>.
	Updated time.Time
}

// modified is when a was last changed.
func (a Article) modified() time.Time {
	if a.Updated.IsZero() {
		return a.Published
	}
	return a.Updated
}

// Outlet is one fake site.
type Outlet struct {
	Name string
	// URL is the site's base URL, "http://127.0.0.N:port".
	URL    string
	server *httptest.Server
	room   *Newsroom

	mu       sync.Mutex
	articles []Article
	version  int // bumps when an article is published
}

// Newsroom is a set of outlets.
type Newsroom struct {
	// Hindi publishes RSS (with a disallowed and a tracking-parameter
	// item), a robots.txt with a Crawl-delay and a sitemap index.
	Hindi *Outlet
	// English publishes Atom, a Google News sitemap listing one article
	// under an AMP address with a canonical link, and a home page that
	// links its feed.
	English *Outlet
	// Faults publishes RSS whose pages fail in every way a crawler meets.
	Faults *Outlet

	mu       sync.Mutex
	requests []Request
	// RetryAfter is the Retry-After the faults outlet's rate-limited page
	// answers with.
	RetryAfter time.Duration
}

// CrawlDelay is the Hindi outlet's robots.txt Crawl-delay.
const CrawlDelay = 150 * time.Millisecond

// New starts a newsroom; it is closed when tb ends. perOutlet is how many
// corpus articles each of the Hindi and English outlets publishes.
func New(tb testing.TB, perOutlet int) *Newsroom {
	tb.Helper()
	n := &Newsroom{RetryAfter: 2 * time.Second}
	hi, en := corpus(tb)
	if len(hi) < perOutlet || len(en) < 1 {
		tb.Fatalf("newsroom: the corpus has %d Hindi and %d English articles", len(hi), len(en))
	}
	enArts := en
	for len(enArts) < perOutlet { // few English pages: reuse with other paths
		for _, a := range en {
			a.Path = fmt.Sprintf("/a/%d-%s", len(enArts), strings.TrimPrefix(a.Path, "/a/"))
			a.Title = fmt.Sprintf("%s (%d)", a.Title, len(enArts))
			a.Body = fmt.Sprintf("Edition %d.\n\n%s", len(enArts), a.Body)
			enArts = append(enArts, a)
		}
	}
	n.Hindi = n.start(tb, "127.0.0.1", "hindi", hi[:perOutlet], n.hindi)
	n.English = n.start(tb, "127.0.0.2", "english", enArts[:perOutlet], n.english)
	n.Faults = n.start(tb, "127.0.0.3", "faults", nil, n.faults)
	return n
}

func (n *Newsroom) start(tb testing.TB, ip, name string, arts []Article, h func(*Outlet, http.ResponseWriter, *http.Request)) *Outlet {
	tb.Helper()
	ln, err := net.Listen("tcp", ip+":0")
	if err != nil {
		tb.Skipf("newsroom: cannot listen on %s (needs the 127.0.0.0/8 loopback range): %v", ip, err)
	}
	o := &Outlet{Name: name, room: n, articles: arts}
	o.server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := Request{Host: o.server.Listener.Addr().String(), Path: r.URL.RequestURI(),
			Conditional: r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "",
			UserAgent:   r.Header.Get("User-Agent"), Start: time.Now()}
		sw := &statusWriter{ResponseWriter: w, status: 200}
		h(o, sw, r)
		rec.End, rec.Status = time.Now(), sw.status
		n.mu.Lock()
		n.requests = append(n.requests, rec)
		n.mu.Unlock()
	}))
	o.server.Listener.Close()
	o.server.Listener = ln
	o.server.Start()
	o.URL = "http://" + ln.Addr().String()
	tb.Cleanup(o.server.Close)
	return o
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Requests returns every request answered so far, in the order they ended.
func (n *Newsroom) Requests() []Request {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]Request(nil), n.requests...)
}

// Articles returns the outlet's published articles.
func (o *Outlet) Articles() []Article {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]Article(nil), o.articles...)
}

// Publish adds an article to the outlet's feed and sitemap.
func (o *Outlet) Publish(a Article) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.articles = append(o.articles, a)
	o.version++
}

// Update replaces the body of the article at path and dates the change.
func (o *Outlet) Update(path, body string, at time.Time) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	for i := range o.articles {
		if o.articles[i].Path == path {
			o.articles[i].Body, o.articles[i].Updated = body, at
			o.version++
			return true
		}
	}
	return false
}

// Host is the outlet's host:port.
func (o *Outlet) Host() string { return strings.TrimPrefix(o.URL, "http://") }

// etag is the current validator of the outlet's feeds.
func (o *Outlet) etag() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return fmt.Sprintf(`"v%d-%d"`, o.version, len(o.articles))
}

// conditional answers 304 when the request's validator is current.
func (o *Outlet) conditional(w http.ResponseWriter, r *http.Request) bool {
	tag := o.etag()
	w.Header().Set("ETag", tag)
	w.Header().Set("Last-Modified", "Tue, 05 Aug 2025 10:00:00 GMT")
	if r.Header.Get("If-None-Match") == tag {
		w.WriteHeader(http.StatusNotModified)
		return true
	}
	return false
}

func (o *Outlet) find(p string) (Article, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, a := range o.articles {
		if a.Path == p {
			return a, true
		}
	}
	return Article{}, false
}

// page writes article a as an HTML page whose canonical URL is canon.
func (o *Outlet) page(w http.ResponseWriter, a Article, canon string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title>\n", html.EscapeString(a.Title))
	fmt.Fprintf(&b, "<link rel=\"canonical\" href=\"%s\">\n", html.EscapeString(canon))
	fmt.Fprintf(&b, "<meta property=\"article:published_time\" content=\"%s\">\n", a.Published.Format(time.RFC3339))
	fmt.Fprintf(&b, "</head><body><nav><a href=\"/\">Home</a></nav>\n<article><h1>%s</h1>\n", html.EscapeString(a.Title))
	for _, p := range strings.Split(a.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
	}
	b.WriteString("</article><footer>© fake newsroom</footer></body></html>\n")
	io.WriteString(w, b.String())
}

func (n *Newsroom) hindi(o *Outlet, w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\nCrawl-delay: %.2f\nSitemap: %s/sitemap-index.xml\n",
			CrawlDelay.Seconds(), o.URL)
	case p == "/rss.xml":
		if o.conditional(w, r) {
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<rss version=\"2.0\"><channel><title>हिंदी समाचार</title><link>" + o.URL + "/</link><language>hi</language>\n")
		arts := o.Articles()
		for _, a := range arts {
			fmt.Fprintf(&b, "<item><title>%s</title><link>%s%s</link><guid>%s%s</guid><pubDate>%s</pubDate></item>\n",
				html.EscapeString(a.Title), o.URL, a.Path, o.URL, a.Path, a.Published.Format(time.RFC1123Z))
		}
		// The first article again under a tracking parameter, and a page
		// robots.txt forbids.
		if len(arts) > 0 {
			fmt.Fprintf(&b, "<item><title>%s</title><link>%s%s?utm_source=rss&amp;utm_medium=feed</link></item>\n",
				html.EscapeString(arts[0].Title), o.URL, arts[0].Path)
		}
		fmt.Fprintf(&b, "<item><title>निजी</title><link>%s/private/secret</link></item>\n", o.URL)
		b.WriteString("</channel></rss>\n")
		io.WriteString(w, b.String())
	case p == "/sitemap-index.xml":
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>%s/sitemap.xml</loc></sitemap></sitemapindex>`, o.URL)
	case p == "/sitemap.xml":
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for _, a := range o.Articles() {
			fmt.Fprintf(&b, "<url><loc>%s%s</loc><lastmod>%s</lastmod></url>", o.URL, a.Path, a.modified().Format(time.RFC3339))
		}
		b.WriteString("</urlset>\n")
		io.WriteString(w, b.String())
	case strings.HasPrefix(p, "/private/"):
		http.Error(w, "robots.txt forbids this page", http.StatusForbidden)
	default:
		a, ok := o.find(p)
		if !ok {
			http.NotFound(w, r)
			return
		}
		o.page(w, a, o.URL+a.Path)
	}
}

func (n *Newsroom) english(o *Outlet, w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case p == "/robots.txt":
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %s/news-sitemap.xml\n", o.URL)
	case p == "/":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>English Daily</title><link rel="alternate" type="application/atom+xml" title="Latest" href="/atom.xml"></head><body><h1>English Daily</h1></body></html>`)
	case p == "/atom.xml":
		if o.conditional(w, r) {
			return
		}
		w.Header().Set("Content-Type", "application/atom+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>English Daily</title><id>urn:english-daily</id><updated>2025-08-08T10:00:00Z</updated>` + "\n")
		for _, a := range o.Articles() {
			fmt.Fprintf(&b, "<entry><title>%s</title><link href=\"%s%s\"/><id>%s%s</id><published>%s</published><updated>%s</updated><author><name>Staff</name></author></entry>\n",
				html.EscapeString(a.Title), o.URL, a.Path, o.URL, a.Path, a.Published.Format(time.RFC3339), a.modified().Format(time.RFC3339))
		}
		b.WriteString("</feed>\n")
		io.WriteString(w, b.String())
	case p == "/news-sitemap.xml":
		if o.conditional(w, r) {
			return
		}
		w.Header().Set("Content-Type", "application/xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`)
		for i, a := range o.Articles() {
			loc := o.URL + a.Path
			if i == 1 {
				loc = o.URL + "/amp" + a.Path // the AMP copy, whose canonical link names the article
			}
			fmt.Fprintf(&b, "<url><loc>%s</loc><news:news><news:publication><news:name>English Daily</news:name><news:language>en</news:language></news:publication><news:publication_date>%s</news:publication_date><news:title>%s</news:title></news:news></url>",
				loc, a.Published.Format(time.RFC3339), html.EscapeString(a.Title))
		}
		b.WriteString("</urlset>\n")
		io.WriteString(w, b.String())
	case strings.HasPrefix(p, "/amp/"):
		a, ok := o.find(strings.TrimPrefix(p, "/amp"))
		if !ok {
			http.NotFound(w, r)
			return
		}
		o.page(w, a, o.URL+a.Path)
	default:
		a, ok := o.find(p)
		if !ok {
			http.NotFound(w, r)
			return
		}
		o.page(w, a, o.URL+a.Path)
	}
}

// Outlets starts one plain outlet per address in ips (127.0.0.N), which
// share arts between them round-robin: each has a robots.txt that allows
// everything, an RSS feed /rss.xml of its articles and their pages. For
// throughput and memory measurements; the Newsroom logs their requests.
func Outlets(tb testing.TB, ips []string, arts []Article) ([]*Outlet, *Newsroom) {
	tb.Helper()
	n := &Newsroom{}
	out := make([]*Outlet, len(ips))
	for i, ip := range ips {
		var mine []Article
		for j := i; j < len(arts); j += len(ips) {
			mine = append(mine, arts[j])
		}
		out[i] = n.start(tb, ip, "plain", mine, n.plain)
	}
	return out, n
}

func (n *Newsroom) plain(o *Outlet, w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; p {
	case "/robots.txt":
		io.WriteString(w, "User-agent: *\nAllow: /\n")
	case "/rss.xml":
		if o.conditional(w, r) {
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		// ?part=I&of=K lists every K-th article from the I-th: many
		// feeds of one site.
		part, of := 0, 1
		fmt.Sscan(r.URL.Query().Get("part"), &part)
		fmt.Sscan(r.URL.Query().Get("of"), &of)
		of = max(of, 1)
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<rss version=\"2.0\"><channel><title>" + o.Name + "</title>\n")
		for i, a := range o.Articles() {
			if i%of != part%of {
				continue
			}
			fmt.Fprintf(&b, "<item><title>%s</title><link>%s%s</link><pubDate>%s</pubDate></item>\n",
				html.EscapeString(a.Title), o.URL, a.Path, a.Published.Format(time.RFC1123Z))
		}
		b.WriteString("</channel></rss>\n")
		io.WriteString(w, b.String())
	default:
		a, ok := o.find(p)
		if !ok {
			http.NotFound(w, r)
			return
		}
		o.page(w, a, o.URL+a.Path)
	}
}

// Fault pages of the faults outlet.
var FaultPages = []string{"/ok", "/slow", "/500", "/429", "/redirect-private", "/big", "/bomb", "/endless"}

func (n *Newsroom) faults(o *Outlet, w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/robots.txt":
		http.NotFound(w, r) // no robots.txt: everything allowed
	case "/rss.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Faults</title>`)
		for _, p := range FaultPages {
			fmt.Fprintf(&b, "<item><title>%s</title><link>%s%s</link></item>", p, o.URL, p)
		}
		b.WriteString("</channel></rss>")
		io.WriteString(w, b.String())
	case "/malformed.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>x</title><link>`)
	case "/ok":
		o.page(w, Article{Title: "Port reopens after the storm", Body: "MUMBAI, Aug 8 (PTI) The port reopened on Friday after the storm passed, officials said.\n\nShips queued outside the harbour since Tuesday began to berth in the afternoon.", Published: time.Date(2025, 8, 8, 12, 0, 0, 0, time.UTC)}, o.URL+"/ok")
	case "/slow":
		time.Sleep(300 * time.Millisecond)
		o.page(w, Article{Title: "A slow page", Body: "NEW DELHI, Aug 8 (PTI) The slow page finally loaded, the server said.\n\nIt took a while.", Published: time.Date(2025, 8, 8, 13, 0, 0, 0, time.UTC)}, o.URL+"/slow")
	case "/500":
		http.Error(w, "internal error", http.StatusInternalServerError)
	case "/429":
		w.Header().Set("Retry-After", fmt.Sprint(int(n.RetryAfter.Seconds())))
		http.Error(w, "slow down", http.StatusTooManyRequests)
	case "/redirect-private":
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	case "/big":
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html><body><p>")
		chunk := bytes.Repeat([]byte("big page "), 1<<12)
		for range (6 << 20) / len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	case "/bomb":
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb())
	case "/endless":
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html><body><p>")
		for {
			if _, err := io.WriteString(w, "and on "); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	default:
		http.NotFound(w, r)
	}
}

var (
	bombOnce  sync.Once
	bombBytes []byte
)

// bomb is a small gzip body that inflates to 64 MiB of zeros.
func bomb() []byte {
	bombOnce.Do(func() {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zero := make([]byte, 1<<20)
		for range 64 {
			zw.Write(zero)
		}
		zw.Close()
		bombBytes = b.Bytes()
	})
	return bombBytes
}

// corpus returns the sample corpus's plain-text articles as pages: Hindi
// and English, oldest first. The first line is the title when the file has
// no better one.
func corpus(tb testing.TB) (hi, en []Article) {
	tb.Helper()
	var names []string
	err := fs.WalkDir(examples.Corpus, "corpus", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(names)
	for i, p := range names {
		b, err := examples.Corpus.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		text := strings.TrimSpace(string(b))
		title, _, _ := strings.Cut(text, "\n")
		sum := sha256.Sum256(b)
		a := Article{
			Path:      "/a/" + hex.EncodeToString(sum[:4]) + "-" + strings.TrimSuffix(path.Base(p), ".txt"),
			Title:     strings.TrimSpace(title),
			Body:      text,
			Published: time.Date(2025, 8, 1, 6, 0, 0, 0, time.UTC).Add(time.Duration(i) * 37 * time.Minute),
		}
		if devanagari(text) {
			hi = append(hi, a)
		} else {
			en = append(en, a)
		}
	}
	return hi, en
}

func devanagari(s string) bool {
	n := 0
	for _, r := range s {
		if r >= 0x0900 && r <= 0x097F {
			n++
			if n > 20 {
				return true
			}
		}
	}
	return false
}
