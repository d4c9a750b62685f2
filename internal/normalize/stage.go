package normalize

import (
	"context"
	"strings"

	"khabar/internal/news"
)

// Stage is the pipeline stage that puts an article's text into canonical
// form: Text for the body, Line for the headlines. It must run before any
// stage that records offsets into Text. The zero value is ready to use and
// safe for concurrent use.
type Stage struct{}

// Name returns "normalize".
func (Stage) Name() string { return "normalize" }

// Process normalises a.Text with Text and a.Title and a.TitleEn with Line.
func (Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Text = Text(a.Text)
	a.Title = Line(a.Title)
	a.TitleEn = Line(a.TitleEn)
	return nil
}

// Line is Text for a one-line string such as a headline: line breaks
// (and blank lines) become single spaces.
func Line(s string) string {
	t := Text(s)
	if strings.IndexByte(t, '\n') < 0 {
		return t
	}
	return Text(strings.ReplaceAll(t, "\n", " "))
}
