package follow

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"

	"khabar/internal/feed"
	"khabar/internal/fetch"
	"khabar/internal/store"
)

// maxDiscovered bounds the feeds and sitemaps one home page adds.
const maxDiscovered = 12

// ErrNothingToFollow is returned (wrapped) by Add for a page that is not a
// feed or sitemap and links none.
var ErrNothingToFollow = errors.New("no feed or sitemap found")

// Add follows rawURL: a feed (RSS, Atom, JSON Feed), a sitemap or sitemap
// index (Google News sitemaps included) is added as it is; a home page adds
// the feeds it links with <link rel="alternate"> and the sitemaps its
// site's robots.txt lists. It returns the sources added or already
// followed, and the next Run round fetches the new ones.
func (f *Follower) Add(ctx context.Context, rawURL string) ([]*store.Source, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q: want an http or https URL of a feed, sitemap or home page", rawURL)
	}
	resp, err := f.opt.Fetcher.Get(ctx, fetch.Request{URL: u.String(), Accept: acceptFeed, MaxBytes: MaxFeedBytes})
	if err != nil {
		return nil, err
	}
	doc, err := feed.Parse(resp.Body, resp.Header.Get("Content-Type"), resp.URL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", u, err)
	}
	if doc.Kind != feed.KindHTML {
		src, err := f.store(ctx, normalizeURL(resp.URL), doc, "")
		if err != nil {
			return nil, err
		}
		return []*store.Source{src}, nil
	}

	// A home page: its feeds, then its site's sitemaps.
	site := normalizeURL(resp.URL)
	cands := append([]string(nil), doc.Feeds...)
	maps, err := f.opt.Fetcher.Sitemaps(ctx, site)
	if err != nil {
		f.log.Info("no sitemaps from robots.txt", slog.String("site", site), slog.String("error", err.Error()))
	}
	cands = append(cands, maps...)
	var out []*store.Source
	var errs []error
	seen := make(map[string]bool)
	for _, c := range cands {
		c = normalizeURL(c)
		if seen[c] || len(out) >= maxDiscovered {
			continue
		}
		seen[c] = true
		resp, err := f.opt.Fetcher.Get(ctx, fetch.Request{URL: c, Accept: acceptFeed, MaxBytes: MaxFeedBytes})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		d, err := feed.Parse(resp.Body, resp.Header.Get("Content-Type"), resp.URL)
		if err == nil && d.Kind == feed.KindHTML {
			err = feed.ErrUnknownFormat
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", c, err))
			continue
		}
		src, err := f.store(ctx, c, d, site)
		if err != nil {
			return out, err
		}
		out = append(out, src)
	}
	if len(out) == 0 {
		err := fmt.Errorf("%s: %w (looked at its <link rel=\"alternate\"> feeds and the sitemaps of its robots.txt)", site, ErrNothingToFollow)
		return nil, errors.Join(append([]error{err}, errs...)...)
	}
	return out, nil
}

// store adds the source u of document d, found on site ("" when given
// directly), due at once.
func (f *Follower) store(ctx context.Context, u string, d *feed.Document, site string) (*store.Source, error) {
	src := &store.Source{URL: u, Kind: string(d.Kind), Title: d.Title, Site: site,
		Added: f.opt.Now().UTC(), Interval: f.opt.Interval}
	added, err := f.opt.Store.AddSource(ctx, src)
	if err != nil {
		return nil, err
	}
	if added {
		f.log.Info("source added", slog.Int64("source", src.ID), slog.String("url", u), slog.String("kind", src.Kind))
		f.Wake()
	}
	return src, nil
}
