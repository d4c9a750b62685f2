package event

import (
	"context"

	"khabar/internal/news"
)

// Stage is the pipeline's "events" stage: it fills Article.Events with the
// asserted events of the article (see Extract for every mention, negated,
// future and hypothetical ones included).
type Stage struct{}

// New returns the events stage.
func New() *Stage { return &Stage{} }

// Name returns "events".
func (*Stage) Name() string { return "events" }

// Process fills a.Events. It never fails on text; it stops early when ctx
// is done.
func (*Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Events = Events(Extract(a))
	return nil
}
