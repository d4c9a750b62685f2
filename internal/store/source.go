package store

import (
	"context"
	"time"

	"khabar/internal/news"
)

// Source kinds, as Source.Kind holds them.
const (
	KindRSS          = "rss"
	KindAtom         = "atom"
	KindJSONFeed     = "json"
	KindSitemap      = "sitemap"
	KindSitemapIndex = "sitemapindex"
)

// Source is a feed or sitemap khabar follows, with its fetch state.
type Source struct {
	// ID is assigned by AddSource.
	ID int64 `json:"id"`
	// URL is the feed's or sitemap's address; one source per URL.
	URL string `json:"url"`
	// Kind is one of the Kind constants.
	Kind  string `json:"kind"`
	Title string `json:"title,omitempty"`
	// Site is the home page the source was discovered from, if any.
	Site  string    `json:"site,omitempty"`
	Added time.Time `json:"added"`

	// LastFetch is when the source was last asked, LastStatus the HTTP
	// status it answered (0 when no answer came).
	LastFetch  time.Time `json:"last_fetch,omitzero"`
	LastStatus int       `json:"last_status,omitempty"`
	// NextFetch is when the source is due again.
	NextFetch time.Time `json:"next_fetch"`
	// Interval is the adaptive time between two fetches.
	Interval time.Duration `json:"interval"`
	// ETag and LastModified make the next fetch conditional.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// Articles counts the articles stored through this source.
	Articles int `json:"articles"`
	// LastNew is when an item was last new in it.
	LastNew time.Time `json:"last_new,omitzero"`
	// Errors counts consecutive failed fetches; LastError is the latest.
	Errors    int    `json:"errors"`
	LastError string `json:"last_error,omitempty"`
}

// Fetched records that a page was fetched for a source and what became of
// it, so that no page already stored is fetched again.
type Fetched struct {
	// URL is the page's canonical URL as the source listed it.
	URL string
	// Source is the id of the source that listed it.
	Source int64
	// Article is the id of the stored article ("" when the page gave none).
	Article string
	// Status is the page's HTTP status.
	Status int
	// At is when it was fetched.
	At time.Time
}

// DayCount is a number of articles on one day.
type DayCount struct {
	Day   string `json:"day"` // YYYY-MM-DD, IST
	Count int    `json:"count"`
}

// Follower keeps the sources khabar follows and what it fetched from them.
// Every method is safe for concurrent use.
type Follower interface {
	// AddSource stores src (its ID is set) unless a source of the same URL
	// exists; added reports which. src.NextFetch zero means due now.
	AddSource(ctx context.Context, src *Source) (added bool, err error)
	// Sources returns every source, by id.
	Sources(ctx context.Context) ([]*Source, error)
	// GetSource returns the source with id, or an error wrapping
	// news.ErrNotFound.
	GetSource(ctx context.Context, id int64) (*Source, error)
	// SourceByURL returns the source of url, or an error wrapping
	// news.ErrNotFound.
	SourceByURL(ctx context.Context, url string) (*Source, error)
	// RemoveSource forgets the source with id (its stored articles stay).
	RemoveSource(ctx context.Context, id int64) error
	// UpdateSource writes the fetch state of src (every field but ID, URL
	// and Added).
	UpdateSource(ctx context.Context, src *Source) error
	// DueSources returns up to limit sources whose NextFetch is not after
	// now, most overdue first.
	DueSources(ctx context.Context, now time.Time, limit int) ([]*Source, error)
	// Seen returns when each of urls that was fetched before (for any
	// source) was last fetched.
	Seen(ctx context.Context, urls []string) (map[string]time.Time, error)
	// MarkFetched records pages fetched and adds the articles stored to
	// their sources' Articles counts.
	MarkFetched(ctx context.Context, pages []Fetched) error
	// SourceDays returns the articles stored per day through source id
	// since since, oldest day first.
	SourceDays(ctx context.Context, id int64, since time.Time) ([]DayCount, error)
}

// Raws keeps the raw input of every stored article, so that it can be
// analysed again without fetching or reading anything.
type Raws interface {
	// EachRaw calls fn with every stored article as its source read it
	// (ID, Source, URL and Raw; no stage has run), oldest published first,
	// until fn returns an error, which EachRaw returns. Articles stored
	// without their raw input are skipped.
	EachRaw(ctx context.Context, fn func(*news.Article) error) error
	// Invalidate clears the content hash of every stored article, so that
	// the next Put of each rewrites it.
	Invalidate(ctx context.Context) error
}
