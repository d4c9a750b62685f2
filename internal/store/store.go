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
	// Linker keeps groups and stories beside the articles.
	Linker
	// Follower keeps the sources followed and the pages fetched.
	Follower
	// Raws keeps every article's raw input for reanalysis.
	Raws
	// Close releases the store.
	Close() error
}

// Link holds the fields that tie a stored article to others: the canonical
// copy it duplicates, its syndication group and its story ("" for none),
// as news.Article's DuplicateOf, Group and Story.
type Link struct {
	ID          string
	DuplicateOf string
	Group       string
	Story       string
}

// Sketch is the copy-detection state of one stored article. The store
// keeps Data as it is given; Group is the article's group as last linked.
type Sketch struct {
	ID    string
	Group string
	Data  []byte
}

// StoryEntity is a key entity of a story (news.StoryEntity).
type StoryEntity = news.StoryEntity

// Story is a cluster of articles about one event or development
// (news.Story: the stories stage builds it, the store keeps it).
type Story = news.Story

// StoryFilter selects stories for ListStories. Zero fields do not filter.
type StoryFilter struct {
	// From and To keep stories whose span overlaps [From, To).
	From, To time.Time
	// Thread keeps the stories of one thread.
	Thread string
	// Limit is the page size; 0 means 20, and it is capped at 1000.
	Limit int
	// Cursor is the Next of an earlier page.
	Cursor string
}

// StoryPage is one page of stories, latest-ending first.
type StoryPage struct {
	Stories []*Story
	// Next is the cursor of the following page, "" on the last.
	Next string
}

// Linked is the cross-article state that changes with one article (or with
// a rebuild): written with PutLinked in the article's transaction, or alone
// with ApplyLinked.
type Linked struct {
	// Sketches are put, replacing those of the same ids.
	Sketches []Sketch
	// Links set the link fields of stored articles (and the Group of their
	// sketches); ids not stored are ignored.
	Links []Link
	// Stories are put, replacing those of the same ids; DeleteStories are
	// removed.
	Stories       []*Story
	DeleteStories []string
	// Threads set the thread of stored stories (in their record too),
	// after Stories: for a story the linker no longer holds whole.
	Threads []StoryThread
	// State sets named blobs of engine state (see Linker.State).
	State map[string][]byte
}

// LinkedItem is an article to store with its content hash and the links
// to write after it (see Linker.PutLinkedBatch).
type LinkedItem struct {
	Article *news.Article
	Hash    string
	Linked  Linked
}

// ItemError is the error of a batch write that one of its items caused.
// Nothing of the batch was stored.
type ItemError struct {
	// Index is the item's place in the batch, ID its article's id.
	Index int
	ID    string
	Err   error
}

func (e *ItemError) Error() string { return e.Err.Error() }

// Unwrap returns the item's own error.
func (e *ItemError) Unwrap() error { return e.Err }

// NewItemError is err as caused by item i of a batch, unless it is the
// context's (a cancelled or expired write is no item's fault).
func NewItemError(i int, it LinkedItem, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	id := ""
	if it.Article != nil {
		id = it.Article.ID
	}
	return &ItemError{Index: i, ID: id, Err: err}
}

// StoryThread is a new thread id for a stored story.
type StoryThread struct {
	ID, Thread string
}

// Empty reports whether l changes nothing.
func (l *Linked) Empty() bool {
	return len(l.Sketches) == 0 && len(l.Links) == 0 && len(l.Stories) == 0 &&
		len(l.DeleteStories) == 0 && len(l.Threads) == 0 && len(l.State) == 0
}

// Linker keeps what ties articles together: copy-detection sketches,
// syndication groups and stories. Every method is safe for concurrent use.
type Linker interface {
	// PutLinked is Put, and writes l in the same transaction whatever the
	// outcome.
	PutLinked(ctx context.Context, a *news.Article, hash string, l Linked) (Outcome, error)
	// PutLinkedBatch is PutLinked for each item in order, all in one
	// transaction: either every item is stored with its links or, on
	// error, none is. It returns one outcome per item. An error that one
	// item caused (its article or its links refused) wraps an *ItemError
	// naming it, so that the caller can put the others again without it.
	PutLinkedBatch(ctx context.Context, items []LinkedItem) ([]Outcome, error)
	// ApplyLinked writes l in one transaction.
	ApplyLinked(ctx context.Context, l Linked) error
	// EachSketch calls fn for every stored sketch whose article is stored,
	// until fn returns an error, which EachSketch returns.
	EachSketch(ctx context.Context, fn func(Sketch) error) error
	// Sketch returns the stored sketch of article id, or an error wrapping
	// news.ErrNotFound when there is none.
	Sketch(ctx context.Context, id string) (Sketch, error)
	// Group returns the stored articles of syndication group id, oldest
	// published first; none for an unknown group.
	Group(ctx context.Context, id string) ([]*news.Article, error)
	// GetStory returns the story with id, or an error wrapping
	// news.ErrNotFound.
	GetStory(ctx context.Context, id string) (*Story, error)
	// ListStories returns a page of stories, latest-ending first.
	ListStories(ctx context.Context, f StoryFilter) (StoryPage, error)
	// EachStory calls fn for every stored story, earliest-starting first,
	// until fn returns an error, which EachStory returns.
	EachStory(ctx context.Context, fn func(*Story) error) error
	// State returns the named blob of engine state, nil when unset.
	State(ctx context.Context, name string) ([]byte, error)
	// ResetLinks forgets every sketch, story and state blob and clears the
	// link fields of every stored article, for a rebuild.
	ResetLinks(ctx context.Context) error
}
