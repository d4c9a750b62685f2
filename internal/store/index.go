package store

import (
	"context"

	"khabar/internal/news"
)

// Item is an article with its content hash, as Put takes them and as
// PendingItems gives them.
type Item struct {
	Article *news.Article
	Hash    string
}

// Indexing is how a search index is kept in step with a store: every
// article put is pending until the index holds it as it is stored now.
// Both backends implement it; the index is derived from the store and can
// always be built again from it.
type Indexing interface {
	// IndexCounts returns the number of stored articles and how many of
	// them are marked indexed as they are stored now.
	IndexCounts(ctx context.Context) (stored, indexed int, err error)
	// PendingCount returns the number of articles not marked indexed as
	// they are stored now.
	PendingCount(ctx context.Context) (int, error)
	// PendingItems returns up to limit pending articles with their hashes.
	PendingItems(ctx context.Context, limit int) ([]Item, error)
	// MarkIndexedItems records that each item's article is indexed in the
	// version of its Hash; a newer version put meanwhile stays pending.
	MarkIndexedItems(ctx context.Context, items []Item) error
	// ResetIndexed marks every stored article pending, for an index built
	// again from nothing.
	ResetIndexed(ctx context.Context) error
}
