package quote

import (
	"context"

	"khabar/internal/news"
)

// Stage is the pipeline's "quotes" stage: it fills Article.Quotes.
type Stage struct{}

// New returns the quotes stage.
func New() *Stage { return &Stage{} }

// Name returns "quotes".
func (*Stage) Name() string { return "quotes" }

// Process fills a.Quotes from a.Text and a.Entities. It never fails on
// text; it stops early when ctx is done.
func (*Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Quotes = Find(a)
	return nil
}
