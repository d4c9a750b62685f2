package timex

// Options name the thresholds of the time tagger. Zero fields take the
// defaults, which are tuned on the Hindi and English dev articles (the
// time eval's dev files and examples/corpus). The calendar's own bounds
// (months 1–12, days 1–31, hours 0–24) are facts, not options.
type Options struct {
	// TenseAhead is how many tokens after a time expression the tense of
	// its clause is looked for ("कल … जाएंगे"); for English, also how far
	// back an auxiliary ("will", "was") is. Default 14.
	TenseAhead int
	// ClauseBack is how many tokens back from an English expression the
	// start of its clause may lie. Default 8.
	ClauseBack int
	// YearSpan is how many years from the publication a two-digit year
	// ("03-11-25") may lie; it is read in the publication's century or
	// the one next to it, whichever is within the span. Default 20.
	YearSpan int
	// FirstYear and LastYear bound a bare four-digit number taken as a
	// year without a cue word before it ("सन", "in"). Defaults 1900 and
	// 2100.
	FirstYear, LastYear int
}

// DefaultOptions returns the options Find and FindLang use.
func DefaultOptions() Options { return Options{}.withDefaults() }

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.TenseAhead, 14)
	def(&o.ClauseBack, 8)
	def(&o.YearSpan, 20)
	def(&o.FirstYear, 1900)
	def(&o.LastYear, 2100)
	return o
}
