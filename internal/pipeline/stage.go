// Package pipeline runs articles through khabar's stages, in the order of
// the design's flow, on a bounded number of workers.
package pipeline

import (
	"context"

	"khabar/internal/news"
)

// Stage is one step of the flow. Process fills the stage's own fields of a,
// reading only what earlier stages left. A stage is a silent library: no
// global state, no logging unless given a logger, safe for concurrent use by
// many workers once constructed.
type Stage interface {
	// Name is the stage's short noun, as in the flow: "extract", "lang", …
	Name() string
	// Process runs the stage on one article. An error names what failed; the
	// pipeline adds the article's source.
	Process(ctx context.Context, a *news.Article) error
}
