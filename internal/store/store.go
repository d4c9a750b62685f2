// Package store defines how khabar keeps articles: the Store interface the
// ingest, API and export code use, and the types they share. Backends live in
// sub-packages (store/sqlite) and pass one contract suite (store/storetest).
package store

import (
	"context"
	"errors"
	"time"

	"khabar/internal/news"
)

// ErrBadCursor is returned (wrapped) by List for a cursor that is not the
// Next of an earlier page.
var ErrBadCursor = errors.New("invalid page cursor")

// Outcome says what Put did.
type Outcome int

// Outcomes of Put.
const (
	// Unchanged: the article was stored with the same content hash.
	Unchanged Outcome = iota
	// New: the article was not stored before.
	New
	// Updated: an article with the same id was stored with another hash and
	// has been replaced in place.
	Updated
)

func (o Outcome) String() string {
	switch o {
	case New:
		return "new"
	case Updated:
		return "updated"
	default:
		return "unchanged"
	}
}

// Filter selects articles for List. Zero fields do not filter.
type Filter struct {
	// Lang keeps articles of this ISO 639-1 language.
	Lang string
	// From and To bound the published time: From <= published < To.
	From, To time.Time
	// Limit is the page size; 0 means 20, and it is capped at 1000.
	Limit int
	// Cursor is the Next of an earlier page.
	Cursor string
}

// Page is one page of articles, newest published first.
type Page struct {
	Articles []*news.Article
	// Next is the cursor of the following page, "" on the last.
	Next string
}

// Store keeps articles durably. Every method is safe for concurrent use.
// Writes are atomic per article: after a crash an article is either stored
// whole or not at all.
type Store interface {
	// Put inserts a, or replaces the article of the same ID in place when
	// hash differs from the stored one. An article that is put (new or
	// updated) is pending for the search index until MarkIndexed.
	Put(ctx context.Context, a *news.Article, hash string) (Outcome, error)
	// Get returns the article with id, or an error wrapping news.ErrNotFound.
	Get(ctx context.Context, id string) (*news.Article, error)
	// GetMany returns the stored articles among ids, in the order of ids.
	GetMany(ctx context.Context, ids []string) ([]*news.Article, error)
	// List returns a page of articles, newest published first (articles
	// without a published time last), filtered by f.
	List(ctx context.Context, f Filter) (Page, error)
	// Each calls fn for every stored article in a stable order (published,
	// then id) until fn returns an error, which Each returns.
	Each(ctx context.Context, fn func(*news.Article) error) error
	// Count returns the number of stored articles.
	Count(ctx context.Context) (int, error)
	// Pending returns up to limit articles put but not yet marked indexed.
	Pending(ctx context.Context, limit int) ([]*news.Article, error)
	// MarkIndexed records that the articles with ids are in the search index
	// as they are stored now.
	MarkIndexed(ctx context.Context, ids []string) error
	// Close releases the store.
	Close() error
}
