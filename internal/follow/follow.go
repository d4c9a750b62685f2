// Package follow follows news sources: it fetches the feeds and sitemaps
// the store lists when they are due, finds the article pages they name that
// were never fetched, fetches those and hands them to the ingester, and keeps
// each source's fetch state (validators for conditional GET, errors with
// backoff, an interval adapted to how often the source publishes).
//
// Politeness and safety (robots.txt, one request at a time per host with a
// delay, Retry-After, size and time caps, no private addresses) are the
// fetch client's; this package decides what to fetch and when.
package follow

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"khabar/internal/fetch"
	"khabar/internal/ingest"
	"khabar/internal/pipeline"
	"khabar/internal/store"
)

// Fetcher gets URLs politely and safely. *fetch.Client satisfies it.
type Fetcher interface {
	Get(ctx context.Context, r fetch.Request) (*fetch.Response, error)
	// Sitemaps returns the sitemaps the robots.txt of siteURL's host lists.
	Sitemaps(ctx context.Context, siteURL string) ([]string, error)
}

// Ingester analyses and stores articles. *ingest.Ingester satisfies it
// while it serves.
type Ingester interface {
	Submit(ctx context.Context, jobs []pipeline.Job) ([]ingest.Result, error)
}

// Size caps of what is fetched.
const (
	// MaxFeedBytes caps a feed or sitemap, after decompression.
	MaxFeedBytes = 10 << 20
	// MaxPageBytes caps an article page, after decompression.
	MaxPageBytes = 5 << 20
)

// Defaults of Options.
const (
	DefaultMinInterval = 5 * time.Minute
	DefaultMaxInterval = 24 * time.Hour
	DefaultInterval    = 30 * time.Minute
	DefaultPerRound    = 200
	DefaultParallel    = 16
	DefaultPoll        = 5 * time.Second
	// maxChildSitemaps is how many sitemaps of a sitemap index are read in
	// one round.
	maxChildSitemaps = 5
	// submitBatch is the most pages handed to the ingester at once.
	submitBatch = 16
)

// Accept headers.
const (
	acceptFeed = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1"
	acceptPage = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
)

// Options configure a Follower.
type Options struct {
	// Store keeps the sources and what was fetched. Required.
	Store store.Follower
	// Fetcher fetches. Required.
	Fetcher Fetcher
	// Ingest takes the fetched pages. Required by Round and Run.
	Ingest Ingester
	// MinInterval and MaxInterval bound the adaptive time between two
	// fetches of one source; Interval is a new source's. Zero values take
	// the defaults.
	MinInterval, MaxInterval, Interval time.Duration
	// PerRound is the most new pages fetched from one source in a round
	// (the rest wait for the next); 0 means DefaultPerRound.
	PerRound int
	// Parallel is how many sources are fetched at once (the fetcher still
	// asks each host one request at a time); 0 means DefaultParallel.
	Parallel int
	// Poll is how often Run looks for due sources; 0 means DefaultPoll.
	Poll time.Duration
	// Now returns the time; nil means time.Now.
	Now    func() time.Time
	Logger *slog.Logger
}

// Follower follows the sources of a store.
type Follower struct {
	opt     Options
	log     *slog.Logger
	wake    chan struct{}
	pending atomic.Int64

	// claimed are the page URLs some source of a running round is
	// fetching, so that two sources listing one page fetch it once.
	mu      sync.Mutex
	claimed map[string]bool
}

// New returns a Follower.
func New(opt Options) *Follower {
	if opt.MinInterval <= 0 {
		opt.MinInterval = DefaultMinInterval
	}
	if opt.MaxInterval <= 0 {
		opt.MaxInterval = DefaultMaxInterval
	}
	if opt.MaxInterval < opt.MinInterval {
		opt.MaxInterval = opt.MinInterval
	}
	if opt.Interval <= 0 {
		opt.Interval = DefaultInterval
	}
	opt.Interval = clamp(opt.Interval, opt.MinInterval, opt.MaxInterval)
	if opt.PerRound <= 0 {
		opt.PerRound = DefaultPerRound
	}
	if opt.Parallel <= 0 {
		opt.Parallel = DefaultParallel
	}
	if opt.Poll <= 0 {
		opt.Poll = DefaultPoll
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Follower{opt: opt, log: log, wake: make(chan struct{}, 1), claimed: make(map[string]bool)}
}

// claim marks the pages no other source is fetching as being fetched by
// the caller and returns them; release undoes it.
func (f *Follower) claim(pages []page) []page {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := pages[:0]
	for _, p := range pages {
		if !f.claimed[p.url] {
			f.claimed[p.url] = true
			out = append(out, p)
		}
	}
	return out
}

func (f *Follower) release(pages []page) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range pages {
		delete(f.claimed, p.url)
	}
}

// Pending is the number of pages fetched and not yet stored.
func (f *Follower) Pending() int { return int(f.pending.Load()) }

// Sources returns every source with its fetch state.
func (f *Follower) Sources(ctx context.Context) ([]*store.Source, error) {
	return f.opt.Store.Sources(ctx)
}

// Remove stops following the source with id.
func (f *Follower) Remove(ctx context.Context, id int64) error {
	return f.opt.Store.RemoveSource(ctx, id)
}

// Days returns the articles stored per day through source id since since.
func (f *Follower) Days(ctx context.Context, id int64, since time.Time) ([]store.DayCount, error) {
	return f.opt.Store.SourceDays(ctx, id, since)
}

// Lookup returns the source named by ref: its id, or its URL.
func (f *Follower) Lookup(ctx context.Context, ref string) (*store.Source, error) {
	var id int64
	if _, err := fmt.Sscanf(ref, "%d", &id); err == nil && fmt.Sprint(id) == ref {
		return f.opt.Store.GetSource(ctx, id)
	}
	return f.opt.Store.SourceByURL(ctx, normalizeURL(ref))
}

// RoundSummary counts what one round did.
type RoundSummary struct {
	// Sources is the number of sources fetched, Failed those that failed,
	// NotModified those that answered 304.
	Sources, Failed, NotModified int
	// Pages is the number of article pages fetched, PageErrors those that
	// could not be fetched.
	Pages, PageErrors int
	// New, Updated, Unchanged and Rejected count what the ingester made of
	// the pages.
	New, Updated, Unchanged, Rejected int
}

func (s *RoundSummary) add(o RoundSummary) {
	s.Sources += o.Sources
	s.Failed += o.Failed
	s.NotModified += o.NotModified
	s.Pages += o.Pages
	s.PageErrors += o.PageErrors
	s.New += o.New
	s.Updated += o.Updated
	s.Unchanged += o.Unchanged
	s.Rejected += o.Rejected
}

// Round fetches every source due now once, with the new pages they list.
// Failures of single sources and pages are kept in the store (and the
// summary), not returned; Round returns an error only when ctx ends or the
// store fails.
func (f *Follower) Round(ctx context.Context) (RoundSummary, error) {
	due, err := f.opt.Store.DueSources(ctx, f.opt.Now(), 0)
	if err != nil {
		return RoundSummary{}, err
	}
	var (
		mu    sync.Mutex
		sum   RoundSummary
		first error
		wg    sync.WaitGroup
		sem   = make(chan struct{}, f.opt.Parallel)
	)
	for _, src := range due {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			s, err := f.poll(ctx, src)
			mu.Lock()
			defer mu.Unlock()
			sum.add(s)
			if err != nil && first == nil {
				first = err
			}
		}()
	}
	wg.Wait()
	if first == nil {
		first = ctx.Err()
	}
	return sum, first
}

// Run follows the sources until ctx is done: a round whenever a source is
// due (looking every Poll, and at once after Wake). It returns nil when ctx
// ends it.
func (f *Follower) Run(ctx context.Context) error {
	t := time.NewTicker(f.opt.Poll)
	defer t.Stop()
	for {
		sum, err := f.Round(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			f.log.Warn("follow round failed", slog.String("error", err.Error()))
		} else if sum.Sources > 0 {
			f.log.Info("follow round", slog.Int("sources", sum.Sources), slog.Int("failed", sum.Failed),
				slog.Int("not_modified", sum.NotModified), slog.Int("pages", sum.Pages), slog.Int("new", sum.New),
				slog.Int("updated", sum.Updated))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-f.wake:
		}
	}
}

// Wake makes Run look for due sources now.
func (f *Follower) Wake() {
	select {
	case f.wake <- struct{}{}:
	default:
	}
}

// normalizeURL trims u and lower-cases its scheme and host.
func normalizeURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return u
	}
	p.Scheme = strings.ToLower(p.Scheme)
	p.Host = strings.ToLower(p.Host)
	p.Fragment = ""
	return p.String()
}

func clamp(d, lo, hi time.Duration) time.Duration {
	return max(lo, min(d, hi))
}

// errStopped reports that the ingester stopped before taking the pages.
var errStopped = errors.New("follow: the ingester stopped")
