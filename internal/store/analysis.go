package store

import (
	"context"
	"time"

	"khabar/internal/news"
)

// EntityFilter selects entities for Analyst.Entities. Zero fields do not
// filter.
type EntityFilter struct {
	// Query keeps entities one of whose names (in any script) holds it,
	// case folded.
	Query string
	// Type keeps entities of one type (PER, ORG, LOC, MISC).
	Type string
	// From and To bound the published time of the articles counted:
	// From <= published < To.
	From, To time.Time
	// Limit is the number of entities; 0 means 20, capped at 1000.
	Limit int
}

// EntityCount is an entity with how often it was named.
type EntityCount struct {
	ID       string            `json:"id"`
	Name     string            `json:"name"`
	Names    map[string]string `json:"names"`
	Type     string            `json:"type"`
	Wikidata string            `json:"wikidata,omitempty"`
	// Articles is the number of articles that name it, Mentions the
	// number of times they do.
	Articles int `json:"articles"`
	Mentions int `json:"mentions"`
}

// QuoteFilter selects quotes for Analyst.Quotes. Zero fields do not filter.
type QuoteFilter struct {
	// Speaker keeps the quotes of one speaker (entity id).
	Speaker string
	// Text keeps quotes whose text holds it, case folded.
	Text string
	// Via keeps quotes that came through one agency or outlet (as in
	// news.Quote.Via, case folded).
	Via string
	// From and To bound the published time of the quoting articles.
	From, To time.Time
	// Limit is the page size; 0 means 20, capped at 1000.
	Limit int
	// Cursor is the Next of an earlier page.
	Cursor string
}

// ArticleRef names the article an item came from.
type ArticleRef struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Publisher string    `json:"publisher,omitempty"`
	Lang      string    `json:"lang,omitempty"`
	Published time.Time `json:"published,omitzero"`
}

// QuoteHit is a quote with the article that carries it.
type QuoteHit struct {
	news.Quote
	Article ArticleRef `json:"article"`
}

// QuotePage is one page of quotes, oldest first.
type QuotePage struct {
	Quotes []QuoteHit
	Next   string
}

// EventFilter selects events for Analyst.Events. Zero fields do not filter.
type EventFilter struct {
	Type, Subtype string
	// Actor, Target and Place are entity ids.
	Actor, Target, Place string
	// Modality keeps events of one modality (asserted, negated, future,
	// hypothetical).
	Modality string
	// From and To bound the published time of the reporting articles.
	From, To time.Time
	// Limit is the page size; 0 means 20, capped at 1000.
	Limit int
	// Cursor is the Next of an earlier page.
	Cursor string
}

// EventHit is an event with the article that reports it and the names of
// the entities it involves.
type EventHit struct {
	news.Event
	// Entities names the actors, targets and place, by id.
	Entities map[string]EntityName `json:"entities"`
	Article  ArticleRef            `json:"article"`
}

// EntityName is how an entity is named.
type EntityName struct {
	Name  string            `json:"name"`
	Names map[string]string `json:"names,omitempty"`
	Type  string            `json:"type"`
}

// EventPage is one page of events, oldest first.
type EventPage struct {
	Events []EventHit
	Next   string
}

// CoMentionedArticles is how many of an entity's latest articles
// CoMentioned looks at.
const CoMentionedArticles = 2000

// Analyst answers questions across articles: who is named, said what, did
// what to whom. It is kept up to date as articles are put. Every method is
// safe for concurrent use.
type Analyst interface {
	// Entities returns the entities named most (by articles, then
	// mentions) in the articles f selects.
	Entities(ctx context.Context, f EntityFilter) ([]EntityCount, error)
	// Entity returns one entity with its counts over every article, or an
	// error wrapping news.ErrNotFound.
	Entity(ctx context.Context, id string) (*EntityCount, error)
	// EntityDays returns the articles per IST day naming entity id, with
	// published time in [from, to) (zero: unbounded), oldest first.
	EntityDays(ctx context.Context, id string, from, to time.Time) ([]DayCount, error)
	// CoMentioned returns the entities named most often in the articles
	// that name id: its latest CoMentionedArticles articles, so that the
	// answer stays quick for an entity named everywhere.
	CoMentioned(ctx context.Context, id string, limit int) ([]EntityCount, error)
	// EntityArticles returns a page of the articles naming id, newest
	// first.
	EntityArticles(ctx context.Context, id string, limit int, cursor string) (Page, error)
	// Quotes returns a page of quotes, oldest first.
	Quotes(ctx context.Context, f QuoteFilter) (QuotePage, error)
	// Events returns a page of events, oldest first.
	Events(ctx context.Context, f EventFilter) (EventPage, error)
}

// RefOf is the reference to a that an item of a page carries.
func RefOf(a *news.Article) ArticleRef {
	return ArticleRef{ID: a.ID, Title: a.Title, URL: a.URL, Publisher: a.Publisher, Lang: a.Lang, Published: a.Published}
}

// ArticlesByID reads, each once, the articles ids name (ids may repeat, in
// the order of a page's items), keyed by id: how the stores fill a page of
// quotes or events with their articles.
func ArticlesByID(ctx context.Context, st interface {
	GetMany(ctx context.Context, ids []string) ([]*news.Article, error)
}, ids []string) (map[string]*news.Article, error) {
	var distinct []string
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			distinct = append(distinct, id)
		}
	}
	arts, err := st.GetMany(ctx, distinct)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*news.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	return byID, nil
}
