package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// site is a test web server on loopback that counts and times the requests
// it gets.
type site struct {
	*httptest.Server
	mux *http.ServeMux

	mu       sync.Mutex
	hits     map[string]int
	spans    []span // of every request, in the order they started
	inflight int
	peak     int // most requests in flight at once
	agents   []string
}

type span struct {
	path       string
	start, end time.Time
}

// newSite starts a server on 127.0.0.1 serving robots as robots.txt (an
// empty string means 404, "-" leaves robots.txt to the test).
func newSite(t testing.TB, robots string) *site {
	t.Helper()
	return newSiteOn(t, "127.0.0.1:0", robots)
}

// newSiteOn is newSite on addr.
func newSiteOn(t testing.TB, addr, robots string) *site {
	t.Helper()
	s := &site{mux: http.NewServeMux(), hits: make(map[string]int)}
	if robots != "-" {
		s.mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, r *http.Request) {
			if robots == "" {
				http.NotFound(w, r)
				return
			}
			fmt.Fprint(w, robots)
		})
	}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("listen %s: %v", addr, err)
	}
	s.Listener.Close()
	s.Listener = l
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.inflight++
	s.peak = max(s.peak, s.inflight)
	s.agents = append(s.agents, r.UserAgent())
	i := len(s.spans)
	s.spans = append(s.spans, span{path: r.URL.Path, start: start})
	s.mu.Unlock()
	s.mux.ServeHTTP(w, r)
	s.mu.Lock()
	s.inflight--
	s.spans[i].end = time.Now()
	s.mu.Unlock()
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) handle(pattern string, f http.HandlerFunc) { s.mux.HandleFunc(pattern, f) }

// testClient is a client for loopback servers with short delays.
func testClient(opt Options) *Client {
	opt.AllowPrivate = true
	if opt.Delay == 0 {
		opt.Delay = -1
	}
	if opt.Timeout == 0 {
		opt.Timeout = 5 * time.Second
	}
	return New(opt)
}

func text(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) }
}

func TestGet(t *testing.T) {
	s := newSite(t, "")
	s.handle("GET /feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("X-Accept", r.Header.Get("Accept"))
		fmt.Fprint(w, "<rss/>")
	})
	c := testClient(Options{UserAgent: "khabar-test/1.0 (+https://khabar.example.org/bot)"})
	resp, err := c.Get(t.Context(), Request{URL: s.URL + "/feed", Accept: "application/rss+xml"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 200 || string(resp.Body) != "<rss/>" || resp.URL != s.URL+"/feed" {
		t.Errorf("got %d %q from %s", resp.Status, resp.Body, resp.URL)
	}
	if got := resp.Header.Get("X-Accept"); got != "application/rss+xml" {
		t.Errorf("Accept sent = %q", got)
	}
	if resp.Fetched.IsZero() {
		t.Error("Fetched not set")
	}
	for _, ua := range s.agents {
		if ua != "khabar-test/1.0 (+https://khabar.example.org/bot)" {
			t.Errorf("User-Agent sent = %q", ua)
		}
	}
	if n := s.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want 1", n)
	}
}

func TestDefaultUserAgent(t *testing.T) {
	if got := productToken(DefaultUserAgent); got != "khabar" {
		t.Errorf("robots token of the default User-Agent = %q, want khabar", got)
	}
	if !strings.Contains(DefaultUserAgent, "+https://") {
		t.Errorf("default User-Agent %q names no contact URL", DefaultUserAgent)
	}
}

func TestStatusError(t *testing.T) {
	s := newSite(t, "")
	s.handle("GET /gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	c := testClient(Options{})
	_, err := c.Get(t.Context(), Request{URL: s.URL + "/gone"})
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 410 || se.URL != s.URL+"/gone" || se.Deferred {
		t.Fatalf("err = %#v, want *StatusError 410", err)
	}
	if !strings.Contains(err.Error(), s.URL+"/gone") || !strings.Contains(err.Error(), "410") {
		t.Errorf("message %q does not name the URL and status", err)
	}
}

// TestBlockedLoopback: without AllowPrivate, a server on loopback is refused
// at dial time, whether named by address or by a host name that resolves to
// it, and it never sees a request.
func TestBlockedLoopback(t *testing.T) {
	s := newSite(t, "")
	s.handle("GET /", text("secret"))
	c := New(Options{Delay: -1, Timeout: 5 * time.Second})
	port := s.Listener.Addr().(*net.TCPAddr).Port
	for _, u := range []string{
		s.URL + "/",
		fmt.Sprintf("http://localhost:%d/", port),
		fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port),
	} {
		t.Run(u, func(t *testing.T) {
			_, err := c.Get(t.Context(), Request{URL: u})
			if !errors.Is(err, ErrBlocked) {
				t.Fatalf("Get(%s) = %v, want ErrBlocked", u, err)
			}
			if !strings.Contains(err.Error(), "localhost") && !strings.Contains(err.Error(), "127.0.0.1") {
				t.Errorf("error %q does not name the URL", err)
			}
		})
	}
	if _, err := c.Sitemaps(t.Context(), s.URL); !errors.Is(err, ErrBlocked) {
		t.Errorf("Sitemaps = %v, want ErrBlocked", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.spans) != 0 {
		t.Errorf("blocked server got %d requests", len(s.spans))
	}
}

func TestBlockedScheme(t *testing.T) {
	c := testClient(Options{})
	for _, u := range []string{"file:///etc/passwd", "ftp://example.org/", "gopher://127.0.0.1:70/", "javascript:alert(1)", "/relative"} {
		t.Run(u, func(t *testing.T) {
			if _, err := c.Get(t.Context(), Request{URL: u}); !errors.Is(err, ErrBlocked) {
				t.Errorf("Get(%q) = %v, want ErrBlocked", u, err)
			}
		})
	}
}

// TestRedirectBlocked: with AllowPrivate a loopback server is fine, but a
// redirect from it to a forbidden target is refused at the new hop's dial,
// and the forbidden server never sees a request.
func TestRedirectBlocked(t *testing.T) {
	// A second server on another loopback address, which the test marks
	// forbidden to simulate a private target.
	inner := newSiteOn(t, "127.0.0.2:0", "")
	inner.handle("GET /admin", text("internal"))
	innerPort := inner.Listener.Addr().(*net.TCPAddr).Port

	s := newSite(t, "")
	c := testClient(Options{})
	c.deny = func(a netip.Addr) bool { return a == netip.MustParseAddr("127.0.0.2") }
	tests := []struct{ name, target string }{
		{"metadata", "http://169.254.169.254/latest/meta-data/"},
		{"unspecified", fmt.Sprintf("http://0.0.0.0:%d/admin", innerPort)},
		{"simulated private", inner.URL + "/admin"},
		{"file", "file:///etc/passwd"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := fmt.Sprintf("/r%d", i)
			s.handle("GET "+path, func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, tt.target, http.StatusFound)
			})
			_, err := c.Get(t.Context(), Request{URL: s.URL + path})
			if !errors.Is(err, ErrBlocked) {
				t.Fatalf("redirect to %s: err = %v, want ErrBlocked", tt.target, err)
			}
		})
	}
	if n := inner.count("/admin"); n != 0 {
		t.Errorf("forbidden server got %d requests", n)
	}
	if n := inner.count("/robots.txt"); n != 0 {
		t.Errorf("forbidden server got %d robots.txt requests", n)
	}
}

// TestPoliteness: requests to one host go one at a time with at least Delay
// between the end of one and the start of the next; robots.txt counts as a
// request to the host.
func TestPoliteness(t *testing.T) {
	const delay = 80 * time.Millisecond
	s := newSite(t, "User-agent: *\nDisallow:\n")
	s.handle("GET /page/{n}", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		fmt.Fprint(w, r.PathValue("n"))
	})
	c := testClient(Options{Delay: delay})
	const n = 5
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if _, err := c.Get(t.Context(), Request{URL: fmt.Sprintf("%s/page/%d", s.URL, i)}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.peak != 1 {
		t.Errorf("%d requests in flight at once, want 1", s.peak)
	}
	if len(s.spans) != n+1 {
		t.Fatalf("server got %d requests, want %d (robots.txt and %d pages)", len(s.spans), n+1, n)
	}
	for i := 1; i < len(s.spans); i++ {
		if gap := s.spans[i].start.Sub(s.spans[i-1].end); gap < delay {
			t.Errorf("request %d (%s) started %v after the end of the one before, want ≥ %v", i, s.spans[i].path, gap, delay)
		}
	}
}

// TestHostsParallel: two hosts are served at the same time while each stays
// one at a time.
func TestHostsParallel(t *testing.T) {
	const work = 150 * time.Millisecond
	slow := func(w http.ResponseWriter, r *http.Request) { time.Sleep(work); fmt.Fprint(w, "ok") }
	a := newSite(t, "")
	a.handle("GET /x", slow)
	b := newSiteOn(t, "127.0.0.3:0", "")
	b.handle("GET /x", slow)
	c := testClient(Options{Delay: 10 * time.Millisecond})
	// Warm the robots caches so that only the pages are timed.
	for _, s := range []*site{a, b} {
		if _, err := c.Sitemaps(t.Context(), s.URL); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	var wg sync.WaitGroup
	for _, s := range []*site{a, b} {
		wg.Go(func() {
			if _, err := c.Get(t.Context(), Request{URL: s.URL + "/x"}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	// The two page requests overlapped in time.
	last := func(s *site) span {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.spans[len(s.spans)-1]
	}
	sa, sb := last(a), last(b)
	if !sa.start.Before(sb.end) || !sb.start.Before(sa.end) {
		t.Errorf("requests to two hosts did not overlap: %v–%v and %v–%v (took %v)",
			sa.start.Sub(start), sa.end.Sub(start), sb.start.Sub(start), sb.end.Sub(start), time.Since(start))
	}
}

func TestWaitRespectsContext(t *testing.T) {
	s := newSite(t, "")
	s.handle("GET /", text("ok"))
	c := testClient(Options{Delay: 10 * time.Second})
	// robots.txt is the first request; the page must wait 10 s after it.
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Get(ctx, Request{URL: s.URL + "/"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("waiting for the host ignored ctx: %v", took)
	}
	if n := s.count("/"); n != 0 {
		t.Errorf("page fetched before the delay ran out")
	}
}

func TestConditionalGet(t *testing.T) {
	const etag = `"v42"`
	const lastMod = "Mon, 07 Dec 2026 05:30:00 GMT"
	s := newSite(t, "")
	s.handle("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, "<rss/>")
	})
	c := testClient(Options{})
	first, err := c.Get(t.Context(), Request{URL: s.URL + "/feed.xml"})
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || first.ETag != etag || first.LastModified != lastMod {
		t.Fatalf("first response: NotModified=%v ETag=%q LastModified=%q", first.NotModified, first.ETag, first.LastModified)
	}
	tests := []struct {
		name string
		req  Request
		want bool
	}{
		{"etag", Request{ETag: etag}, true},
		{"last-modified", Request{LastModified: lastMod}, true},
		{"both", Request{ETag: etag, LastModified: lastMod}, true},
		{"stale etag", Request{ETag: `"v41"`}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.URL = s.URL + "/feed.xml"
			resp, err := c.Get(t.Context(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if resp.NotModified != tt.want {
				t.Fatalf("NotModified = %v, want %v", resp.NotModified, tt.want)
			}
			if tt.want && (resp.Status != 304 || resp.Body != nil || resp.ETag != etag || resp.LastModified != lastMod) {
				t.Errorf("304 response: status %d, body %q, validators %q %q", resp.Status, resp.Body, resp.ETag, resp.LastModified)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	for _, code := range []int{http.StatusServiceUnavailable, http.StatusTooManyRequests} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			s := newSite(t, "")
			var busy atomic.Bool
			busy.Store(true)
			s.handle("GET /", func(w http.ResponseWriter, r *http.Request) {
				if busy.Load() {
					w.Header().Set("Retry-After", "1")
					http.Error(w, "busy", code)
					return
				}
				fmt.Fprint(w, "ok")
			})
			c := testClient(Options{})
			_, err := c.Get(t.Context(), Request{URL: s.URL + "/"})
			var se *StatusError
			if !errors.As(err, &se) || se.Code != code || se.RetryAfter != time.Second || se.Deferred {
				t.Fatalf("err = %#v, want %d with RetryAfter 1s", err, code)
			}
			busy.Store(false)
			// Asked again at once: the client itself refuses, without a request.
			_, err = c.Get(t.Context(), Request{URL: s.URL + "/other"})
			if !errors.As(err, &se) || !se.Deferred || se.Code != code || se.RetryAfter <= 0 || se.RetryAfter > time.Second {
				t.Fatalf("second Get: err = %#v, want a deferred StatusError", err)
			}
			if !strings.Contains(err.Error(), "/other") {
				t.Errorf("deferred error %q does not name the URL", err)
			}
			if n := s.count("/other"); n != 0 {
				t.Fatalf("host asked again %d times before Retry-After", n)
			}
			time.Sleep(se.RetryAfter + 20*time.Millisecond)
			if _, err := c.Get(t.Context(), Request{URL: s.URL + "/"}); err != nil {
				t.Errorf("after Retry-After: %v", err)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 7, 11, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"120", 2 * time.Minute},
		{" 5 ", 5 * time.Second},
		{"0", 0},
		{"-3", 0},
		{"soon", 0},
		{"Mon, 07 Dec 2026 11:02:00 GMT", 2 * time.Minute},
		{"Monday, 07-Dec-26 11:00:30 GMT", 30 * time.Second},
		{"Mon Dec  7 11:01:00 2026", time.Minute},
		{"Mon, 07 Dec 2026 10:00:00 GMT", 0}, // past
		{"99999999999", maxRetryAfter},
		{"Mon, 07 Dec 2099 10:00:00 GMT", maxRetryAfter},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := parseRetryAfter(tt.in, now); got != tt.want {
				t.Errorf("parseRetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestRedirects(t *testing.T) {
	other := newSiteOn(t, "127.0.0.4:0", "User-agent: *\nDisallow: /closed\n")
	other.handle("GET /open", text("other host"))
	other.handle("GET /closed", text("should not be fetched"))
	s := newSite(t, "")
	s.handle("GET /hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			fmt.Fprint(w, "arrived")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("../hop/%d", n-1), http.StatusMovedPermanently)
	})
	s.handle("GET /to-other/{path}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/"+r.PathValue("path"), http.StatusFound)
	})
	s.handle("GET /no-location", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusFound) })
	c := testClient(Options{})
	tests := []struct {
		path, wantURL string
		wantErr       error
	}{
		{"/hop/0", s.URL + "/hop/0", nil},
		{"/hop/5", s.URL + "/hop/0", nil},
		{"/hop/6", "", ErrTooManyRedirects},
		{"/to-other/open", other.URL + "/open", nil},
		{"/to-other/closed", "", ErrDisallowed},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := c.Get(t.Context(), Request{URL: s.URL + tt.path})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if resp.URL != tt.wantURL {
				t.Errorf("final URL = %s, want %s", resp.URL, tt.wantURL)
			}
		})
	}
	if n := other.count("/closed"); n != 0 {
		t.Errorf("redirect reached a path the new host's robots.txt disallows (%d times)", n)
	}
	var se *StatusError
	if _, err := c.Get(t.Context(), Request{URL: s.URL + "/no-location"}); !errors.As(err, &se) || se.Code != http.StatusFound {
		t.Errorf("redirect without Location: err = %v", err)
	}
	if _, err := testClient(Options{MaxRedirects: -1}).Get(t.Context(), Request{URL: s.URL + "/hop/1"}); !errors.Is(err, ErrTooManyRedirects) {
		t.Errorf("MaxRedirects -1: err = %v, want ErrTooManyRedirects", err)
	}
}

type recording struct {
	url      string
	status   int
	body     string
	encoding string
}

type memRecorder struct {
	mu   sync.Mutex
	recs []recording
}

func (m *memRecorder) Record(req *http.Request, resp *http.Response, body []byte, fetched time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if fetched.IsZero() || resp.Request == nil {
		return errors.New("record without time or request")
	}
	m.recs = append(m.recs, recording{req.URL.String(), resp.StatusCode, string(body), resp.Header.Get("Content-Encoding")})
	return nil
}

func TestRecorderObserver(t *testing.T) {
	s := newSite(t, "User-agent: *\nDisallow: /private\n")
	s.handle("GET /a", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipped(t, []byte("खबर")))
	})
	s.handle("GET /moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/a", http.StatusFound) })
	s.handle("GET /missing", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	s.handle("GET /big", text(strings.Repeat("x", 100)))
	rec := &memRecorder{}
	var mu sync.Mutex
	var obs []Observation
	c := testClient(Options{Recorder: rec, Observe: func(o Observation) {
		mu.Lock()
		obs = append(obs, o)
		mu.Unlock()
	}})
	c.Get(t.Context(), Request{URL: s.URL + "/moved"})
	c.Get(t.Context(), Request{URL: s.URL + "/missing"})
	c.Get(t.Context(), Request{URL: s.URL + "/big", MaxBytes: 10})
	c.Get(t.Context(), Request{URL: s.URL + "/private"})

	want := []recording{
		{s.URL + "/robots.txt", 200, "User-agent: *\nDisallow: /private\n", ""},
		{s.URL + "/moved", 302, "<a href=\"/a\">Found</a>.\n\n", ""},
		{s.URL + "/a", 200, "खबर", "gzip"},
		{s.URL + "/missing", 404, "404 page not found\n", ""},
	}
	if fmt.Sprint(rec.recs) != fmt.Sprint(want) {
		t.Errorf("recorded\n%v\nwant\n%v", rec.recs, want)
	}
	var got []string
	for _, o := range obs {
		got = append(got, fmt.Sprintf("%s %s %d %d %v err=%v", o.Host, strings.TrimPrefix(o.URL, s.URL), o.Status, o.Bytes, o.Robots, o.Err != nil))
		if o.Duration <= 0 {
			t.Errorf("observation of %s has no duration", o.URL)
		}
	}
	host := strings.TrimPrefix(s.URL, "http://")
	wantObs := []string{
		host + " /robots.txt 200 33 true err=false",
		host + " /moved 302 25 false err=false",
		host + " /a 200 9 false err=false",
		host + " /missing 404 19 false err=false",
		host + " /big 200 10 false err=true",
	}
	if fmt.Sprint(got) != fmt.Sprint(wantObs) {
		t.Errorf("observed\n%v\nwant\n%v", strings.Join(got, "\n"), strings.Join(wantObs, "\n"))
	}
}

func BenchmarkGet(b *testing.B) {
	page := bytes.Repeat([]byte("<p>प्रधानमंत्री ने सोमवार को नई दिल्ली में कहा कि सरकार किसानों के साथ है।</p>\n"), 200)
	gz := gzipped(b, page)
	s := newSite(b, "User-agent: *\nDisallow: /private\n")
	s.handle("GET /plain", func(w http.ResponseWriter, r *http.Request) { w.Write(page) })
	s.handle("GET /gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz)
	})
	for _, path := range []string{"/plain", "/gzip"} {
		b.Run(path[1:], func(b *testing.B) {
			c := testClient(Options{})
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				if _, err := c.Get(b.Context(), Request{URL: s.URL + path}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestHostSharedAcrossPorts: two servers on one host name (different ports)
// take turns, while each keeps its own robots.txt.
func TestHostSharedAcrossPorts(t *testing.T) {
	const delay = 60 * time.Millisecond
	a := newSite(t, "User-agent: *\nDisallow: /a-only\n")
	b := newSite(t, "User-agent: *\nDisallow: /b-only\n")
	for _, s := range []*site{a, b} {
		s.handle("GET /{p}", func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(20 * time.Millisecond)
			fmt.Fprint(w, "ok")
		})
	}
	c := testClient(Options{Delay: delay})
	var wg sync.WaitGroup
	for i := range 3 {
		for _, s := range []*site{a, b} {
			wg.Go(func() {
				if _, err := c.Get(t.Context(), Request{URL: fmt.Sprintf("%s/p%d", s.URL, i)}); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
	if _, err := c.Get(t.Context(), Request{URL: a.URL + "/b-only"}); err != nil {
		t.Errorf("a's robots.txt applied to b's rule: %v", err)
	}
	if _, err := c.Get(t.Context(), Request{URL: b.URL + "/b-only"}); !errors.Is(err, ErrDisallowed) {
		t.Errorf("b /b-only: err = %v, want ErrDisallowed", err)
	}
	var all []span
	for _, s := range []*site{a, b} {
		s.mu.Lock()
		all = append(all, s.spans...)
		s.mu.Unlock()
	}
	slices.SortFunc(all, func(x, y span) int { return x.start.Compare(y.start) })
	for i := 1; i < len(all); i++ {
		if gap := all[i].start.Sub(all[i-1].end); gap < delay {
			t.Errorf("request %d started %v after the one before ended, want ≥ %v", i, gap, delay)
		}
	}
}

func TestOrigin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://Example.ORG/a", "http://example.org"},
		{"http://example.org:80/a", "http://example.org"},
		{"https://example.org:443/a", "https://example.org"},
		{"https://example.org:8443/a", "https://example.org:8443"},
		{"http://[::1]:8080/", "http://[::1]:8080"},
		{"HTTP://example.org", "http://example.org"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			u, err := url.Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := origin(u); got != tt.want {
				t.Errorf("origin(%s) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
