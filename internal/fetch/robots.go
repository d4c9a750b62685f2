package fetch

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

const (
	// maxRobotsBytes is how much of a robots.txt is read; the rest is
	// ignored, as Google ignores what follows its 500 KiB.
	maxRobotsBytes = 500 << 10
	// maxRobotsErrTTL bounds how long an unreadable robots.txt keeps a
	// host closed before it is asked for again.
	maxRobotsErrTTL = 10 * time.Minute
	// maxRobotsRedirects is how many redirects a robots.txt request follows.
	maxRobotsRedirects = 5
)

// robotsEntry is what the client knows of one host's robots.txt.
type robotsEntry struct {
	// group holds the rules for our User-Agent token; nil allows all.
	group *robotstxt.Group
	// denyAll, when set, disallows everything and says why (robots.txt
	// answered 5xx or 429, or could not be reached).
	denyAll error
	// delay is the pause between requests: Options.Delay or a longer
	// Crawl-delay.
	delay time.Duration
	// sitemaps are the absolute Sitemap URLs robots.txt lists.
	sitemaps []string
	expires  time.Time
}

func (e *robotsEntry) allowed(u *url.URL) bool {
	if e.denyAll != nil {
		return false
	}
	if e.group == nil {
		return true
	}
	// Rules may be written percent-encoded or not (Disallow: /खोज/); a
	// path must pass in both forms.
	uri := u.RequestURI()
	if !e.group.Test(uri) {
		return false
	}
	if plain, err := url.PathUnescape(uri); err == nil && plain != uri {
		return e.group.Test(plain)
	}
	return true
}

func (e *robotsEntry) why() error {
	if e.denyAll != nil {
		return e.denyAll
	}
	return ErrDisallowed
}

// robotsFor returns the robots.txt rules of h, fetching robots.txt when the
// cache has none or they expired.
func (c *Client) robotsFor(ctx context.Context, h *host, u *url.URL) (*robotsEntry, error) {
	if err := h.lockRobots(ctx); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	defer h.unlockRobots()
	key := origin(u)
	old := h.robots[key]
	if old != nil && c.now().Before(old.expires) {
		return old, nil
	}
	robotsURL := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	e, err := c.fetchRobots(ctx, robotsURL)
	if err != nil {
		return nil, err
	}
	if e.denyAll != nil && old != nil && old.denyAll == nil {
		// Keep the last good copy while robots.txt is unreadable.
		c.log.Warn("robots.txt unreadable, keeping the cached copy", slog.String("origin", key), slog.Any("err", e.denyAll))
		kept := *old
		kept.expires = e.expires
		e = &kept
	}
	h.robots[key] = e
	if e.delay > c.opt.Delay {
		// The request for robots.txt itself was spaced by the default
		// delay; the Crawl-delay it asks for starts now.
		if err := h.notBefore(ctx, c.now().Add(e.delay)); err != nil {
			return nil, fmt.Errorf("fetch %s: %w", u, err)
		}
	}
	return e, nil
}

// fetchRobots reads robots.txt at robotsURL, following redirects, and turns
// the outcome into rules as Google documents: 2xx is parsed, 4xx (other than
// 429) and too many redirects allow everything, 429, 5xx and network errors
// disallow everything for a while, and so does a redirect to a blocked
// target. It returns an error only when the caller must not go on: ctx
// ended, the host itself is blocked, or it asked us to wait (a deferred
// *StatusError).
func (c *Client) fetchRobots(ctx context.Context, robotsURL *url.URL) (*robotsEntry, error) {
	now := c.now()
	okTTL := c.opt.RobotsTTL
	errTTL := min(okTTL, maxRobotsErrTTL)
	deny := func(why error) *robotsEntry {
		return &robotsEntry{
			denyAll: fmt.Errorf("%w: %s: %w", ErrRobotsUnavailable, robotsURL, why),
			delay:   c.opt.Delay,
			expires: now.Add(errTTL),
		}
	}
	allowAll := &robotsEntry{delay: c.opt.Delay, expires: now.Add(okTTL)}
	u := robotsURL
	for hop := 0; ; hop++ {
		if err := checkURL(u); err != nil {
			if hop == 0 {
				return nil, fmt.Errorf("fetch %s: %w", u, err)
			}
			return deny(fmt.Errorf("redirect to %s: %w", u, err)), nil
		}
		h := c.host(u)
		ex, err := c.exchange(ctx, h, u, Request{MaxBytes: maxRobotsBytes, Accept: "text/plain"}, c.opt.Delay, true)
		var se *StatusError
		switch {
		case err == nil:
		case ctx.Err() != nil, errors.Is(err, ErrBlocked) && hop == 0:
			return nil, err
		case errors.As(err, &se):
			return nil, err
		default:
			c.log.Debug("robots.txt unreachable", slog.String("url", u.String()), slog.Any("err", err))
			return deny(err), nil
		}
		code := ex.resp.StatusCode
		switch {
		case isRedirect(code):
			loc := ex.resp.Header.Get("Location")
			next, err := u.Parse(loc)
			if loc == "" || err != nil || hop >= maxRobotsRedirects {
				return allowAll, nil
			}
			u = next
		case code >= 200 && code < 300:
			return c.parseRobots(ex.body, u, now.Add(okTTL)), nil
		case code == http.StatusTooManyRequests || code >= 500:
			return deny(fmt.Errorf("status %d", code)), nil
		default: // other 4xx, 1xx, 304 and the like: no robots.txt
			return allowAll, nil
		}
	}
}

func (c *Client) parseRobots(body []byte, base *url.URL, expires time.Time) *robotsEntry {
	e := &robotsEntry{delay: c.opt.Delay, expires: expires}
	data, err := parseRobots(body)
	if err != nil {
		c.log.Warn("robots.txt has invalid lines, ignoring them", slog.String("url", base.String()), slog.Any("err", err))
	}
	e.group = data.FindGroup(c.agent)
	if d := min(e.group.CrawlDelay, maxCrawlDelay); d > e.delay {
		e.delay = d
	}
	seen := make(map[string]bool)
	for _, s := range data.Sitemaps {
		su, err := base.Parse(s)
		if err != nil || (su.Scheme != "http" && su.Scheme != "https") {
			continue
		}
		if v := su.String(); !seen[v] {
			seen[v] = true
			e.sitemaps = append(e.sitemaps, v)
		}
	}
	return e
}

// Sitemaps returns the sitemap URLs that the robots.txt of siteURL's host
// lists (from the cache when it is fresh). It returns an error when
// robots.txt could not be read (a 5xx, 429 or network error, wrapping
// ErrRobotsUnavailable) or the host is blocked.
func (c *Client) Sitemaps(ctx context.Context, siteURL string) ([]string, error) {
	u, err := url.Parse(siteURL)
	if err != nil {
		return nil, fmt.Errorf("sitemaps %s: %w", siteURL, err)
	}
	if err := checkURL(u); err != nil {
		return nil, fmt.Errorf("sitemaps %s: %w", siteURL, err)
	}
	e, err := c.robotsFor(ctx, c.host(u), u)
	if err != nil {
		return nil, fmt.Errorf("sitemaps %s: %w", siteURL, err)
	}
	if e.denyAll != nil && e.sitemaps == nil {
		return nil, fmt.Errorf("sitemaps %s: %w", siteURL, e.denyAll)
	}
	return append([]string(nil), e.sitemaps...), nil
}

// parseRobots parses a robots.txt. The parser rejects a whole file for one
// bad line (a Disallow before any User-agent, a Crawl-delay that is not a
// number, a pattern it cannot compile), which would turn a site's rules into
// "allow all"; like Google, parseRobots ignores such lines instead, and
// returns the first parse error alongside the rules of the other lines.
func parseRobots(body []byte) (*robotstxt.RobotsData, error) {
	data, err := robotstxt.FromBytes(body)
	if err == nil {
		return data, nil
	}
	var kept strings.Builder
	agent := false
	for line := range strings.Lines(string(body)) {
		directive, _, _ := strings.Cut(strings.TrimRight(line, "\r\n"), "#")
		key, _, ok := strings.Cut(directive, ":")
		key = strings.ToLower(strings.TrimSpace(key))
		switch {
		case !ok:
		case key == "user-agent" || key == "useragent":
			agent = true
		case key == "sitemap" || key == "host":
		case !agent:
			continue // a rule before any User-agent
		default:
			if _, lerr := robotstxt.FromString("User-agent: *\n" + directive + "\n"); lerr != nil {
				continue
			}
		}
		kept.WriteString(directive)
		kept.WriteString("\n")
	}
	data, err2 := robotstxt.FromString(kept.String())
	if err2 != nil {
		// Still unparsable: keep nothing but the sitemaps, allow all.
		return &robotstxt.RobotsData{}, err
	}
	return data, err
}
