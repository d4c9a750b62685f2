package fetch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Defaults used where Options leave a field zero.
const (
	DefaultUserAgent    = "khabar/0.1 (+https://khabar.example.org/crawler; news research crawler)"
	DefaultDelay        = time.Second
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	DefaultRobotsTTL    = time.Hour
	DefaultMaxBytes     = 10 << 20
)

// Limits that Options do not change.
const (
	// maxCrawlDelay caps a robots.txt Crawl-delay: a site asking for an hour
	// between requests gets this instead (and is visited rarely anyway).
	maxCrawlDelay = time.Minute
	// maxRetryAfter caps a Retry-After a server sends.
	maxRetryAfter = 7 * 24 * time.Hour
	// dialTimeout bounds connecting, TLS and waiting for response headers.
	dialTimeout = 10 * time.Second
)

var (
	// ErrDisallowed reports that robots.txt forbids the URL to our
	// User-Agent. Asking again is pointless until the site changes its
	// robots.txt.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrRobotsUnavailable reports that the host's robots.txt could not be
	// read (a 5xx or 429 answer, a network error, a redirect to a blocked
	// target), so the host is treated as disallowing everything for a
	// while (at most 10 minutes) and nothing was sent. It is temporary:
	// try again later. It does not match ErrDisallowed.
	ErrRobotsUnavailable = errors.New("robots.txt unavailable")
	// ErrBlocked reports a URL the client refuses to fetch: a scheme other
	// than http or https, or a host that resolves to a loopback, private,
	// link-local, multicast or other special address.
	ErrBlocked = errors.New("blocked target")
	// ErrTooLarge reports a body, after decompression, larger than the
	// request's MaxBytes.
	ErrTooLarge = errors.New("body too large")
	// ErrTooManyRedirects reports a chain of more than Options.MaxRedirects
	// redirects.
	ErrTooManyRedirects = errors.New("too many redirects")
)

// StatusError is the error for a response that is neither 2xx nor 304 (and
// not a redirect the client followed).
type StatusError struct {
	// URL is the URL that answered with Code.
	URL string
	// Code is the HTTP status code.
	Code int
	// RetryAfter is how long the server asked us to wait (Retry-After on
	// 429 and 503), zero when it did not say. The client does not send
	// another request to the host before that time.
	RetryAfter time.Duration
	// Deferred means no request was sent: the host's earlier Retry-After
	// has not run out yet, and RetryAfter is the time that remains.
	Deferred bool
}

// Error implements error.
func (e *StatusError) Error() string {
	var b strings.Builder
	b.WriteString("fetch ")
	b.WriteString(e.URL)
	if e.Deferred {
		b.WriteString(": not sent, host asked to wait after status ")
	} else {
		b.WriteString(": status ")
	}
	b.WriteString(strconv.Itoa(e.Code))
	if t := http.StatusText(e.Code); t != "" {
		b.WriteString(" ")
		b.WriteString(t)
	}
	if e.RetryAfter > 0 {
		b.WriteString(", retry after ")
		b.WriteString(e.RetryAfter.Round(time.Second).String())
	}
	return b.String()
}

// Recorder keeps a copy of every HTTP exchange (for example as WARC records).
//
// The client calls Record once for every response whose body it read to the
// end: pages, robots.txt, redirects and non-2xx responses alike, but not a
// body cut off by the size cap or the deadline. body is the body as the
// client read it, after decompression; resp.Header still carries the
// original Content-Encoding and Content-Length, so a recorder that stores
// body must drop or rewrite them. resp.Body is already closed. req.Header
// holds the headers the client set; Go's transport adds Host (req.Host, or
// else req.URL.Host) when it writes the request. fetched is the time the
// request was sent. Record may be called from several goroutines at
// once. An error from Record is logged and does not fail the fetch.
type Recorder interface {
	Record(req *http.Request, resp *http.Response, body []byte, fetched time.Time) error
}

// Observation describes one HTTP exchange, for metrics.
type Observation struct {
	// Host is the URL's host (with port when the URL has one).
	Host string
	// URL is the requested URL.
	URL string
	// Status is the HTTP status code, 0 when no response arrived.
	Status int
	// Bytes is the number of body bytes read, after decompression.
	Bytes int64
	// Duration runs from sending the request to the end of the body.
	Duration time.Duration
	// Robots is true for a robots.txt request the client made itself.
	Robots bool
	// Err is the exchange's error, nil when the body was read completely.
	Err error
}

// Options configure a Client. The zero value is usable: every zero field
// takes its default.
type Options struct {
	// UserAgent is sent with every request; it should name the crawler
	// and a URL where site owners learn about it. Its first product
	// token (before "/") is the name robots.txt groups are matched with.
	// Default DefaultUserAgent.
	UserAgent string
	// Delay is the minimum time between the end of one request to a host
	// and the start of the next. A longer robots.txt Crawl-delay wins
	// (capped at one minute). Default DefaultDelay; negative means none.
	Delay time.Duration
	// AllowPrivate permits loopback and private (RFC 1918, unique local)
	// addresses, for tests and local setups. Link-local, multicast,
	// unspecified and other special addresses stay forbidden.
	AllowPrivate bool
	// Timeout bounds one exchange: connecting, the headers and the whole
	// body. Waiting for the host's turn does not count. Default
	// DefaultTimeout.
	Timeout time.Duration
	// MaxRedirects is the longest chain of redirects followed. Default
	// DefaultMaxRedirects; negative means none are followed.
	MaxRedirects int
	// RobotsTTL is how long a robots.txt is cached. Default
	// DefaultRobotsTTL. An unreadable robots.txt is asked for again after
	// min(RobotsTTL, 10 minutes).
	RobotsTTL time.Duration
	// Recorder, when set, receives a copy of every exchange.
	Recorder Recorder
	// Observe, when set, is called once per exchange (robots.txt
	// included), from the goroutine that made it.
	Observe func(Observation)
	// Logger receives debug and warning messages; nil discards them.
	Logger *slog.Logger
}

// Client fetches URLs politely and safely. It is safe for concurrent use;
// requests to different hosts run in parallel, requests to one host name
// (whatever the scheme or port) one at a time. Make one Client per process and reuse it: the per-host state (robots
// cache, delays, Retry-After) lives in it.
type Client struct {
	opt   Options
	agent string // robots.txt product token
	http  *http.Client
	log   *slog.Logger
	now   func() time.Time

	// deny, when set (in tests), forbids more addresses at dial time.
	deny func(netip.Addr) bool

	mu    sync.Mutex
	hosts map[string]*host
}

// New returns a Client with opt, zero fields set to their defaults.
func New(opt Options) *Client {
	if opt.UserAgent == "" {
		opt.UserAgent = DefaultUserAgent
	}
	switch {
	case opt.Delay == 0:
		opt.Delay = DefaultDelay
	case opt.Delay < 0:
		opt.Delay = 0
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	switch {
	case opt.MaxRedirects == 0:
		opt.MaxRedirects = DefaultMaxRedirects
	case opt.MaxRedirects < 0:
		opt.MaxRedirects = 0
	}
	if opt.RobotsTTL <= 0 {
		opt.RobotsTTL = DefaultRobotsTTL
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Client{
		opt:   opt,
		agent: productToken(opt.UserAgent),
		log:   log,
		now:   time.Now,
		hosts: make(map[string]*host),
	}
	dialer := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second, Control: c.control}
	header := min(dialTimeout, opt.Timeout)
	c.http = &http.Client{
		Transport: &http.Transport{
			Proxy:                 nil, // a proxy would dial for us and bypass the address check
			DialContext:           dialer.DialContext,
			ForceAttemptHTTP2:     true,
			TLSHandshakeTimeout:   dialTimeout,
			ResponseHeaderTimeout: header,
			ExpectContinueTimeout: time.Second,
			MaxIdleConns:          100,
			MaxIdleConnsPerHost:   2,
			IdleConnTimeout:       90 * time.Second,
			DisableCompression:    true, // we ask for gzip and decode it ourselves, under the cap
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return c
}

// CloseIdleConnections closes the connections kept open for reuse, for a
// clean shutdown. The client stays usable.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// productToken is the robots.txt name in a User-Agent: "khabar" in
// "khabar/0.1 (+https://…)".
func productToken(ua string) string {
	tok, _, _ := strings.Cut(strings.TrimSpace(ua), "/")
	tok, _, _ = strings.Cut(tok, " ")
	return strings.ToLower(tok)
}

// Request is one URL to fetch.
type Request struct {
	// URL is the absolute http or https URL.
	URL string
	// ETag and LastModified are the validators stored from an earlier
	// response; when set the request is conditional and an unchanged
	// resource comes back as a Response with NotModified set.
	ETag, LastModified string
	// Accept is the Accept header; empty sends "*/*".
	Accept string
	// MaxBytes caps the body after decompression; a larger body fails
	// with ErrTooLarge. Zero means DefaultMaxBytes.
	MaxBytes int64
}

// Response is a fetched resource.
type Response struct {
	// URL is the final URL, after redirects.
	URL string
	// Status is the HTTP status code: 2xx, or 304 with NotModified.
	Status int
	// Header is the final response's header without Content-Encoding and
	// Content-Length, which described the body before decoding.
	Header http.Header
	// Body is the decoded body (empty on 304).
	Body []byte
	// ETag and LastModified are the validators to store for the next
	// conditional request (on 304, the ones the request sent unless the
	// server sent new ones).
	ETag, LastModified string
	// NotModified reports a 304 to a conditional request.
	NotModified bool
	// Fetched is when the final request was sent.
	Fetched time.Time
}

// Get fetches r.URL: it checks robots.txt (fetching it when the cache has
// none), waits for the host's turn, sends the request and reads the body,
// following up to MaxRedirects redirects with the same checks for every hop.
// Get blocks while another request to the host is under way or its delay
// runs, so a caller with many URLs should spread its workers over hosts.
// It returns an error naming the URL for every failure: ErrBlocked,
// ErrDisallowed, ErrRobotsUnavailable, ErrTooLarge, ErrTooManyRedirects, a
// *StatusError for a
// status other than 2xx and 304 (Deferred, without a request, while the
// host's Retry-After runs), ctx's error, or a network error.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(strings.TrimSpace(r.URL))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", r.URL, err)
	}
	u.Fragment, u.RawFragment = "", ""
	if r.MaxBytes <= 0 {
		r.MaxBytes = DefaultMaxBytes
	}
	for hop := 0; ; hop++ {
		if err := checkURL(u); err != nil {
			return nil, fmt.Errorf("fetch %s: %w", u, err)
		}
		h := c.host(u)
		rules, err := c.robotsFor(ctx, h, u)
		if err != nil {
			return nil, err
		}
		if !rules.allowed(u) {
			return nil, fmt.Errorf("fetch %s: %w", u, rules.why())
		}
		ex, err := c.exchange(ctx, h, u, r, rules.delay, false)
		if err != nil {
			return nil, err
		}
		code := ex.resp.StatusCode
		switch {
		case isRedirect(code):
			loc := ex.resp.Header.Get("Location")
			if loc == "" {
				return nil, &StatusError{URL: u.String(), Code: code} // a redirect that goes nowhere
			}
			next, err := u.Parse(loc)
			if err != nil {
				return nil, fmt.Errorf("fetch %s: bad redirect location %q: %w", u, loc, err)
			}
			if hop >= c.opt.MaxRedirects {
				return nil, fmt.Errorf("fetch %s: redirect %d to %s: %w", r.URL, hop+1, next, ErrTooManyRedirects)
			}
			c.log.Debug("redirect", slog.String("from", u.String()), slog.String("to", next.String()), slog.Int("status", code))
			next.Fragment, next.RawFragment = "", ""
			u = next
			continue
		case code == http.StatusNotModified:
			return ex.response(u, r), nil
		case code >= 200 && code < 300:
			return ex.response(u, r), nil
		default:
			return nil, &StatusError{URL: u.String(), Code: code, RetryAfter: ex.retryAfter}
		}
	}
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// exchanged is one completed request and its read body.
type exchanged struct {
	resp       *http.Response
	body       []byte
	fetched    time.Time
	retryAfter time.Duration
}

func (ex *exchanged) response(u *url.URL, r Request) *Response {
	h := ex.resp.Header.Clone()
	h.Del("Content-Encoding")
	h.Del("Content-Length")
	out := &Response{
		URL:          u.String(),
		Status:       ex.resp.StatusCode,
		Header:       h,
		Body:         ex.body,
		ETag:         h.Get("ETag"),
		LastModified: h.Get("Last-Modified"),
		Fetched:      ex.fetched,
	}
	if out.Status == http.StatusNotModified {
		out.NotModified = true
		out.Body = nil
		if out.ETag == "" {
			out.ETag = r.ETag
		}
		if out.LastModified == "" {
			out.LastModified = r.LastModified
		}
	}
	return out
}

// exchange sends one request to u when the host's turn comes and reads the
// response body. delay is the pause to leave after it (robots.txt
// Crawl-delay or Options.Delay).
func (c *Client) exchange(ctx context.Context, h *host, u *url.URL, r Request, delay time.Duration, robots bool) (ex *exchanged, err error) {
	if err = h.acquire(ctx, c.now); err != nil {
		var se *StatusError
		if errors.As(err, &se) {
			se.URL = u.String()
			return nil, se
		}
		return nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	defer func() {
		var retryAfter time.Duration
		var code int
		if ex != nil {
			retryAfter, code = ex.retryAfter, ex.resp.StatusCode
		}
		h.release(c.now(), delay, retryAfter, code)
	}()
	return c.do(ctx, u, r, robots)
}

// do sends the request and reads the body under the total deadline.
func (c *Client) do(ctx context.Context, u *url.URL, r Request, robots bool) (*exchanged, error) {
	ctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	accept := r.Accept
	if accept == "" {
		accept = "*/*"
	}
	req.Header.Set("Accept", accept)
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	obs := Observation{Host: u.Host, URL: u.String(), Robots: robots}
	start := c.now()
	resp, err := c.http.Do(req)
	if err != nil {
		err = fmt.Errorf("fetch %s: %w", u, unwrapURLError(err))
		c.observe(obs, start, err)
		return nil, err
	}
	body, err := readBody(resp, r.MaxBytes)
	resp.Body.Close()
	truncated := false
	if robots && errors.Is(err, ErrTooLarge) && body != nil {
		truncated, err = true, nil // what follows the cap of a robots.txt is ignored
	}
	obs.Status = resp.StatusCode
	obs.Bytes = int64(len(body))
	if err != nil {
		err = fmt.Errorf("fetch %s: %w", u, err)
		c.observe(obs, start, err)
		return nil, err
	}
	c.observe(obs, start, nil)
	ex := &exchanged{resp: resp, body: body, fetched: start}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		ex.retryAfter = parseRetryAfter(resp.Header.Get("Retry-After"), c.now())
	}
	if c.opt.Recorder != nil && !truncated {
		if err := c.opt.Recorder.Record(req, resp, body, start); err != nil {
			c.log.Warn("record exchange", slog.String("url", u.String()), slog.Any("err", err))
		}
	}
	c.log.Debug("fetched", slog.String("url", u.String()), slog.Int("status", resp.StatusCode),
		slog.Int("bytes", len(body)), slog.Duration("took", c.now().Sub(start)))
	return ex, nil
}

func (c *Client) observe(o Observation, start time.Time, err error) {
	if c.opt.Observe == nil {
		return
	}
	o.Duration = c.now().Sub(start)
	o.Err = err
	c.opt.Observe(o)
}

// unwrapURLError drops the *url.Error wrapper, whose message repeats the
// method and URL that our own message already names.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// parseRetryAfter reads a Retry-After value: delay seconds or an HTTP date.
// It returns 0 for an empty, malformed or past value, and caps long ones.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	var d time.Duration
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n <= 0 {
			return 0
		}
		if n > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter
		}
		d = time.Duration(n) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
	}
	return max(0, min(d, maxRetryAfter))
}

// host returns the politeness state of u's host, creating it on first use.
// A host is a host name: its ports and schemes share one turn and one
// delay (robots.txt, as the standard says, is kept per scheme, host and
// port; see origin).
func (c *Client) host(u *url.URL) *host {
	key := strings.ToLower(u.Hostname())
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[key]
	if h == nil {
		h = newHost(key)
		c.hosts[key] = h
	}
	return h
}

// origin is the scheme, host and port u belongs to, with the default port
// left out: the scope of one robots.txt.
func origin(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	name := strings.ToLower(u.Hostname())
	if strings.Contains(name, ":") {
		name = "[" + name + "]"
	}
	if p := u.Port(); p != "" && !(scheme == "http" && p == "80") && !(scheme == "https" && p == "443") {
		name += ":" + p
	}
	return scheme + "://" + name
}
