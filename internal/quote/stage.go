package quote

import (
	"context"

	"khabar/internal/news"
)

// Options tune how far the quotes stage looks. Zero fields take the
// defaults, which are tuned on the Hindi and English dev articles.
type Options struct {
	// AgentWindow is how many tokens before a speech verb its agent's
	// ergative ("X ने … कहा") may stand. Default 18.
	AgentWindow int
	// MinSpeech is the fewest words reported speech after "कि", a comma or
	// a colon needs. Default 2.
	MinSpeech int
	// MinBareSpeech is the fewest words of speech with nothing to mark it:
	// "X said the talks would resume", "X के मुताबिक …". Default 3.
	MinBareSpeech int
	// NestGap is the most tokens between the start of one quote's content
	// and a second attribution for the second to open the first (it then
	// only reports it). Default 6.
	NestGap int
}

func (o Options) withDefaults() Options {
	if o.AgentWindow <= 0 {
		o.AgentWindow = 18
	}
	if o.MinSpeech <= 0 {
		o.MinSpeech = 2
	}
	if o.MinBareSpeech <= 0 {
		o.MinBareSpeech = 3
	}
	if o.NestGap <= 0 {
		o.NestGap = 6
	}
	return o
}

// Stage is the pipeline's "quotes" stage: it fills Article.Quotes.
type Stage struct{ opt Options }

// New returns the quotes stage with the default options.
func New() *Stage { return NewWith(Options{}) }

// NewWith returns the quotes stage tuned by opt.
func NewWith(opt Options) *Stage { return &Stage{opt: opt.withDefaults()} }

// Name returns "quotes".
func (*Stage) Name() string { return "quotes" }

// Process fills a.Quotes from a.Text and a.Entities. It never fails on
// text; it stops early when ctx is done.
func (s *Stage) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.Quotes = findWith(NewResolver(a), s.opt)
	return nil
}
