package follow

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"khabar/internal/feed"
	"khabar/internal/fetch"
	"khabar/internal/ingest"
	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/source"
	"khabar/internal/store"
)

// poll fetches src once, with the new pages it lists, and stores its new
// fetch state. Only a failing store or ctx make it return an error.
func (f *Follower) poll(ctx context.Context, src *store.Source) (RoundSummary, error) {
	var sum RoundSummary
	sum.Sources = 1
	now := f.opt.Now()
	resp, err := f.opt.Fetcher.Get(ctx, fetch.Request{URL: src.URL, ETag: src.ETag, LastModified: src.LastModified,
		Accept: acceptFeed, MaxBytes: MaxFeedBytes})
	if ctx.Err() != nil {
		return sum, ctx.Err()
	}
	src.LastFetch = now
	if err != nil {
		sum.Failed = 1
		return sum, f.failed(ctx, src, err)
	}
	src.LastStatus = resp.Status
	if resp.NotModified {
		sum.NotModified = 1
		src.Errors, src.LastError = 0, ""
		src.ETag, src.LastModified = resp.ETag, resp.LastModified
		src.Interval = f.adapt(src.Interval, nil, false)
		src.NextFetch = now.Add(src.Interval)
		return sum, f.opt.Store.UpdateSource(ctx, src)
	}
	doc, err := feed.Parse(resp.Body, resp.Header.Get("Content-Type"), resp.URL)
	if err == nil && doc.Kind == feed.KindHTML {
		err = fmt.Errorf("%s is an HTML page now, not a feed or sitemap: %w", src.URL, feed.ErrUnknownFormat)
	}
	if err != nil {
		sum.Failed = 1
		return sum, f.failed(ctx, src, err)
	}
	entries := doc.Entries
	if doc.Kind == feed.KindSitemapIndex {
		entries = f.children(ctx, latestSitemaps(doc))
	}
	if src.Title == "" {
		src.Title = doc.Title
	}
	src.Kind = string(doc.Kind)
	src.ETag, src.LastModified = resp.ETag, resp.LastModified
	src.Errors, src.LastError = 0, ""

	pages, err := f.fresh(ctx, entries)
	if err != nil {
		return sum, err
	}
	pages = f.claim(pages)
	defer f.release(pages)
	if len(pages) > 0 {
		src.LastNew = now
	}
	src.Interval = f.adapt(src.Interval, entries, len(pages) > 0)
	src.NextFetch = now.Add(src.Interval)
	if len(pages) > f.opt.PerRound {
		pages = pages[:f.opt.PerRound]
		// The rest are due at once in the next round.
		src.NextFetch = now
	}
	got, err := f.fetchPages(ctx, src, pages)
	sum.add(got)
	if err != nil {
		return sum, err
	}
	// The source's article count moved in the store (MarkFetched): read it
	// back so the update does not overwrite it.
	if cur, err := f.opt.Store.GetSource(ctx, src.ID); err == nil {
		src.Articles = cur.Articles
	}
	if err := f.opt.Store.UpdateSource(ctx, src); err != nil && !errors.Is(err, news.ErrNotFound) {
		return sum, err
	}
	return sum, nil
}

// failed records a failed fetch of src and schedules the next with
// exponential backoff, or after the server's Retry-After when longer.
func (f *Follower) failed(ctx context.Context, src *store.Source, err error) error {
	src.Errors++
	src.LastError = err.Error()
	src.LastStatus = 0
	var se *fetch.StatusError
	wait := f.backoff(src)
	if errors.As(err, &se) {
		src.LastStatus = se.Code
		wait = max(wait, se.RetryAfter)
	}
	src.NextFetch = f.opt.Now().Add(wait)
	f.log.Warn("source failed", slog.Int64("source", src.ID), slog.String("url", src.URL),
		slog.Int("errors", src.Errors), slog.Duration("retry_in", wait), slog.String("error", err.Error()))
	if uerr := f.opt.Store.UpdateSource(ctx, src); uerr != nil && !errors.Is(uerr, news.ErrNotFound) {
		return uerr
	}
	return nil
}

// backoff is the wait after src's Errors-th consecutive failure: the
// minimum interval doubled per failure, at most MaxInterval.
func (f *Follower) backoff(src *store.Source) time.Duration {
	d := f.opt.MinInterval
	for i := 1; i < src.Errors && d < f.opt.MaxInterval; i++ {
		d *= 2
	}
	return min(d, f.opt.MaxInterval)
}

// adapt returns the next interval of a source fetched at interval cur:
// with dated entries, the mean time between its latest ten; otherwise
// halved when something was new and half as long again when not. Always
// within [MinInterval, MaxInterval].
func (f *Follower) adapt(cur time.Duration, entries []feed.Entry, fresh bool) time.Duration {
	if cur <= 0 {
		cur = f.opt.Interval
	}
	var times []time.Time
	for _, e := range entries {
		t := e.Published
		if t.IsZero() {
			t = e.Updated
		}
		if !t.IsZero() {
			times = append(times, t)
		}
	}
	if len(times) >= 3 {
		slices.SortFunc(times, func(a, b time.Time) int { return b.Compare(a) })
		times = times[:min(len(times), 10)]
		gap := times[0].Sub(times[len(times)-1]) / time.Duration(len(times)-1)
		if gap > 0 {
			return clamp(gap, f.opt.MinInterval, f.opt.MaxInterval)
		}
	}
	if fresh {
		return clamp(cur/2, f.opt.MinInterval, f.opt.MaxInterval)
	}
	return clamp(cur*3/2, f.opt.MinInterval, f.opt.MaxInterval)
}

// latestSitemaps returns the child sitemaps of an index, most recently
// modified first (those without a date keep their order, after the dated).
func latestSitemaps(doc *feed.Document) []string {
	type child struct {
		url string
		at  time.Time
	}
	cs := make([]child, len(doc.Sitemaps))
	for i, u := range doc.Sitemaps {
		cs[i].url = u
		if i < len(doc.SitemapUpdated) {
			cs[i].at = doc.SitemapUpdated[i]
		}
	}
	slices.SortStableFunc(cs, func(a, b child) int {
		switch {
		case a.at.IsZero() && b.at.IsZero():
			return 0
		case a.at.IsZero():
			return 1
		case b.at.IsZero():
			return -1
		}
		return b.at.Compare(a.at)
	})
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.url
	}
	return out
}

// children reads up to maxChildSitemaps sitemaps of an index and returns
// their entries; a child that fails is logged and skipped.
func (f *Follower) children(ctx context.Context, urls []string) []feed.Entry {
	var out []feed.Entry
	for _, u := range urls[:min(len(urls), maxChildSitemaps)] {
		resp, err := f.opt.Fetcher.Get(ctx, fetch.Request{URL: u, Accept: acceptFeed, MaxBytes: MaxFeedBytes})
		if err != nil {
			f.log.Warn("child sitemap failed", slog.String("url", u), slog.String("error", err.Error()))
			continue
		}
		doc, err := feed.Parse(resp.Body, resp.Header.Get("Content-Type"), resp.URL)
		if err != nil {
			f.log.Warn("child sitemap failed", slog.String("url", u), slog.String("error", err.Error()))
			continue
		}
		out = append(out, doc.Entries...)
	}
	return out
}

// page is an entry to fetch, under its canonical URL.
type page struct {
	url   string
	entry feed.Entry
}

// fresh returns the entries whose canonical URLs were never fetched, once
// each, newest first (undated last, in document order).
func (f *Follower) fresh(ctx context.Context, entries []feed.Entry) ([]page, error) {
	var pages []page
	have := make(map[string]bool)
	urls := make([]string, 0, len(entries))
	for _, e := range entries {
		u := source.CanonicalURL(e.URL)
		if u == "" || have[u] {
			continue
		}
		have[u] = true
		pages = append(pages, page{url: u, entry: e})
		urls = append(urls, u)
	}
	seen, err := f.opt.Store.Seen(ctx, urls)
	if err != nil {
		return nil, err
	}
	// A page fetched before is fetched again only when its entry says it
	// changed since (an Atom <updated>, a sitemap <lastmod>): the article
	// is then updated in place.
	pages = slices.DeleteFunc(pages, func(p page) bool {
		at, ok := seen[p.url]
		return ok && !p.entry.Updated.After(at)
	})
	slices.SortStableFunc(pages, func(a, b page) int {
		ta, tb := a.entry.Published, b.entry.Published
		switch {
		case ta.IsZero() && tb.IsZero():
			return 0
		case ta.IsZero():
			return 1
		case tb.IsZero():
			return -1
		}
		return cmp.Compare(tb.UnixNano(), ta.UnixNano())
	})
	return pages, nil
}

// fetched is a page fetched and read, on its way to the ingester.
type fetched struct {
	page    page
	article *news.Article
	status  int
	at      time.Time
	canon   string // the page's own canonical URL when it differs
	// permanent marks a failure not worth another try (4xx, robots.txt,
	// too large, not a page).
	permanent bool
}

// fetchPages fetches pages for src and hands them to the ingester in small
// batches while the next are fetched; each stored page is recorded as
// fetched only once the store has it, so a crash loses nothing. A crash
// between storing a batch and recording it (one write after the other)
// makes the next round fetch that batch again, at most submitBatch pages
// per source, which the store takes as unchanged.
func (f *Follower) fetchPages(ctx context.Context, src *store.Source, pages []page) (RoundSummary, error) {
	var sum RoundSummary
	if len(pages) == 0 {
		return sum, nil
	}
	if f.opt.Ingest == nil {
		return sum, errors.New("follow: no ingester to hand pages to")
	}
	ch := make(chan fetched, submitBatch)
	type outcome struct {
		sum RoundSummary
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		var o outcome
		for first := range ch {
			batch := []fetched{first}
		fill:
			for len(batch) < submitBatch {
				select {
				case x, ok := <-ch:
					if !ok {
						break fill
					}
					batch = append(batch, x)
				default:
					break fill
				}
			}
			if o.err == nil {
				s, err := f.submit(ctx, src, batch)
				o.sum.add(s)
				o.err = err
			}
			f.pending.Add(-int64(len(batch)))
		}
		done <- o
	}()
	var marks []store.Fetched
	for _, p := range pages {
		if ctx.Err() != nil {
			break
		}
		x, ok := f.fetchPage(ctx, src, p)
		if !ok {
			sum.PageErrors++
			if x.permanent {
				// Never asked for again.
				marks = append(marks, store.Fetched{URL: p.url, Source: src.ID, Status: x.status, At: f.opt.Now()})
			}
			continue
		}
		sum.Pages++
		f.pending.Add(1)
		ch <- x
	}
	close(ch)
	o := <-done
	sum.add(o.sum)
	if err := f.opt.Store.MarkFetched(context.WithoutCancel(ctx), marks); err != nil && o.err == nil {
		o.err = err
	}
	return sum, o.err
}

// fetchPage fetches one page and makes the article of it. ok is false when
// it failed; then x.status is its HTTP status, if any, and x.permanent
// says whether trying again is pointless.
func (f *Follower) fetchPage(ctx context.Context, src *store.Source, p page) (x fetched, ok bool) {
	x.page = p
	resp, err := f.opt.Fetcher.Get(ctx, fetch.Request{URL: p.url, Accept: acceptPage, MaxBytes: MaxPageBytes})
	if err != nil {
		var se *fetch.StatusError
		switch {
		case ctx.Err() != nil:
		case errors.As(err, &se):
			x.status = se.Code
			x.permanent = se.Code >= 400 && se.Code < 500 && se.Code != 429 && se.Code != 408
		case errors.Is(err, fetch.ErrDisallowed), errors.Is(err, fetch.ErrBlocked), errors.Is(err, fetch.ErrTooLarge),
			errors.Is(err, fetch.ErrTooManyRedirects):
			x.permanent = true
		}
		f.log.Info("page failed", slog.Int64("source", src.ID), slog.String("url", p.url), slog.String("error", err.Error()))
		return x, false
	}
	a, err := source.Page(resp.URL, resp.Body, resp.Header.Get("Content-Type"), resp.Fetched, news.FormatHTML)
	if err != nil {
		x.status, x.permanent = resp.Status, true
		f.log.Info("page unreadable", slog.String("url", p.url), slog.String("error", err.Error()))
		return x, false
	}
	if a.URL != p.url {
		x.canon = a.URL
	}
	e := p.entry
	a.Raw.Feed = news.FeedHints{Title: e.Title, Published: e.Published, Author: e.Author, Lang: e.Lang}
	x.status, x.at, x.article = resp.Status, resp.Fetched, a
	return x, true
}

// submit hands a batch of fetched pages to the ingester and records them.
func (f *Follower) submit(ctx context.Context, src *store.Source, batch []fetched) (RoundSummary, error) {
	var sum RoundSummary
	jobs := make([]pipeline.Job, len(batch))
	for i, x := range batch {
		jobs[i] = pipeline.Job{Name: x.page.url, Article: x.article}
	}
	res, err := f.opt.Ingest.Submit(ctx, jobs)
	if err != nil {
		if errors.Is(err, ingest.ErrStopped) {
			return sum, errStopped
		}
		return sum, err
	}
	var marks []store.Fetched
	for i, r := range res {
		x := batch[i]
		m := store.Fetched{URL: x.page.url, Source: src.ID, Status: x.status, At: x.at}
		switch {
		case r.Err != nil:
			sum.Rejected++
			f.log.Info("page rejected", slog.String("url", x.page.url), slog.String("error", r.Err.Error()))
		default:
			m.Article = r.ID
			switch r.Outcome {
			case store.New:
				sum.New++
			case store.Updated:
				sum.Updated++
			default:
				sum.Unchanged++
			}
		}
		marks = append(marks, m)
		if x.canon != "" {
			c := m
			c.URL = x.canon
			marks = append(marks, c)
		}
	}
	return sum, f.opt.Store.MarkFetched(context.WithoutCancel(ctx), marks)
}
