package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"khabar/internal/clean"
	"khabar/internal/entity"
	"khabar/internal/event"
	"khabar/internal/extract"
	"khabar/internal/lang"
	"khabar/internal/meta"
	"khabar/internal/normalize"
	"khabar/internal/pipeline"
	"khabar/internal/quote"
	"khabar/internal/segment"
	"khabar/internal/timex"
)

// stageNames are the stages of the flow in the order of the design.
// Dedup and stories need everything stored, so they run in ingest.
var stageNames = []string{"extract", "normalize", "clean", "meta", "lang", "segment", "entities", "time", "quotes", "events"}

// stages returns the stages of the flow in order, up to and including the
// one named upto ("" for all of them).
func stages(upto string) ([]pipeline.Stage, error) {
	if upto != "" && !slices.Contains(stageNames, upto) {
		return nil, fmt.Errorf("unknown stage %q: choose one of %s", upto, strings.Join(stageNames, ", "))
	}
	var out []pipeline.Stage
	for _, name := range stageNames {
		var st pipeline.Stage
		switch name {
		case "extract":
			st = extract.New(extract.Options{})
		case "normalize":
			st = normalize.Stage{}
		case "clean":
			st = clean.New()
		case "meta":
			st = meta.New()
		case "lang":
			st = lang.New()
		case "segment":
			st = segment.Stage{}
		case "entities":
			ent, err := entity.New(entity.Options{})
			if err != nil {
				return nil, err
			}
			st = ent
		case "time":
			st = timex.New()
		case "quotes":
			st = quote.New()
		case "events":
			st = event.New()
		}
		out = append(out, st)
		if name == upto {
			break
		}
	}
	return out, nil
}

// newPipeline returns the pipeline up to the stage named upto ("" for the
// whole flow) on the given number of workers, with a time budget per
// article (0 for none).
// Loading the stages' models takes a while: newPipeline gives up on it
// once ctx is done.
func newPipeline(ctx context.Context, workers int, upto string, budget time.Duration) (*pipeline.Pipeline, error) {
	type loaded struct {
		st  []pipeline.Stage
		err error
	}
	c := make(chan loaded, 1)
	go func() {
		st, err := stages(upto)
		c <- loaded{st, err}
	}()
	select {
	case l := <-c:
		if l.err != nil {
			return nil, l.err
		}
		return pipeline.New(l.st, pipeline.Options{Workers: workers, ArticleTimeout: budget}), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// limits bound what one article may cost the flow.
type limits struct {
	// maxBytes is the largest article accepted.
	maxBytes int64
	// timeout is the time budget of one article through the stages.
	timeout time.Duration
	// batch and batchWait bound the articles ingest stores in one
	// transaction and how long the first of them waits (0: the defaults).
	batch     int
	batchWait time.Duration
}

// Default limits: an article of defaultMaxBytes takes a few seconds on one
// core, well inside defaultArticleTimeout (README: "Limits").
const (
	defaultMaxBytes       = 4 << 20
	defaultArticleTimeout = 10 * time.Second
)

// defaultLimits are the limits of commands that do not set them.
func defaultLimits() limits {
	return limits{maxBytes: defaultMaxBytes, timeout: defaultArticleTimeout}
}

// limitFlags adds --max-bytes and --article-timeout to fs.
func limitFlags(fs *flag.FlagSet) *limits {
	l := defaultLimits()
	fs.Int64Var(&l.maxBytes, "max-bytes", l.maxBytes, "largest article accepted, in bytes; larger ones fail with a message")
	fs.DurationVar(&l.timeout, "article-timeout", l.timeout, "time budget of one article through the stages; one that overruns it fails (0: no budget)")
	return &l
}

// batchFlags adds --batch and --batch-wait to fs, setting l's.
func batchFlags(fs *flag.FlagSet, l *limits) {
	fs.IntVar(&l.batch, "batch", 64, "articles stored in one transaction, with their links")
	fs.DurationVar(&l.batchWait, "batch-wait", 250*time.Millisecond, "longest an analysed article waits for its batch to fill before the batch is stored")
}
