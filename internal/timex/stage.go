package timex

import (
	"context"
	"time"

	"khabar/internal/news"
)

// Stage is the pipeline's "time" stage: it fills Article.Times from the
// text, resolved against the publication date (or, when that is unknown,
// the dateline's date).
type Stage struct{ opt Options }

// New returns the time stage with the default options.
func New() *Stage { return NewWith(Options{}) }

// NewWith returns the time stage tuned by opt.
func NewWith(opt Options) *Stage { return &Stage{opt: opt.withDefaults()} }

// Name returns "time".
func (*Stage) Name() string { return "time" }

// Process fills a.Times. It never fails on text; it stops early when ctx is
// done.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	exprs := FindLangWith(a.Text, Reference(a), a.Lang, s.opt)
	if len(exprs) == 0 {
		a.Times = nil
		return nil
	}
	off := a.Offsets()
	times := make([]news.Time, len(exprs))
	for i, e := range exprs {
		times[i] = news.Time{
			Text:  a.Text[e.Start:e.End],
			Type:  e.Type,
			Value: e.Value,
			Start: off.Rune(e.Start),
			End:   off.Rune(e.End),
		}
	}
	a.Times = times
	return nil
}

// Reference returns the time an article's relative expressions are
// resolved against: the publication time, else the dateline's date, else
// the zero time.
func Reference(a *news.Article) time.Time {
	if !a.Published.IsZero() {
		return a.Published
	}
	if a.Dateline != nil && a.Dateline.Date != "" {
		if t, err := time.Parse("2006-01-02", a.Dateline.Date); err == nil {
			return t
		}
	}
	return time.Time{}
}
