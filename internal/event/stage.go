package event

import (
	"context"

	"khabar/internal/news"
)

// Stage is the pipeline's "events" stage: it fills Article.Events with the
// asserted events of the article (see Extract for every mention, negated,
// future and hypothetical ones included).
type Stage struct{ opt Options }

// New returns the events stage with the default options.
func New() *Stage { return NewWith(Options{}) }

// NewWith returns the events stage tuned by opt.
func NewWith(opt Options) *Stage { return &Stage{opt: opt.withDefaults()} }

// Name returns "events".
func (*Stage) Name() string { return "events" }

// Process fills a.Events. It never fails on text; it stops early when ctx
// is done.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Events = Events(ExtractWith(a, s.opt))
	return nil
}
