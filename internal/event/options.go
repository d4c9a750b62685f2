package event

// Options name the thresholds of event extraction. Zero fields take the
// defaults, which are tuned on the Hindi and English dev articles (the
// FIRE-2018 dev files and examples/corpus).
type Options struct {
	// SentenceReach is how many sentences before a mention's own its
	// antecedent hazard ("हादसा" after "आग"), its place named again, and
	// the mention a casualty count belongs to are looked for. Default 2.
	SentenceReach int
	// NearDays is how many days from the story's date a dated mention may
	// lie and still be the story's event (a week-valued date: this week or
	// the one NearDays before). Default 7.
	NearDays int
	// IncidentScore is the cue score an accident subtype needs for a
	// general word ("हादसा", "घटना") to name it. Default 3.
	IncidentScore float64
	// ModalBefore is how many tokens before a trigger negation, future and
	// proposal words ("बिना", "proposed") are read. Default 3.
	ModalBefore int
	// OfferAfter is how many tokens after a meeting trigger an offer
	// ("पेशकश", "प्रस्ताव") makes the meeting hypothetical. Default 9.
	OfferAfter int
	// AgentAfter is how many tokens after a trigger an ergative agent may
	// stand ("हमला … X ने किया"). Default 10.
	AgentAfter int
	// PartyAfter is how many tokens after an English trigger its parties
	// are looked for ("attacked Ukraine"). Default 4.
	PartyAfter int
	// VerbAfter is how many tokens after a trigger its light verb, or a
	// negation of it, may come ("आग नहीं लगी", "समझौता … हुआ"). Default 3.
	VerbAfter int
	// JoinGap is the most tokens between two triggers of one subtype in a
	// sentence for them to be one mention ("शीत लहर और बर्फीली हवाएं").
	// Default 1.
	JoinGap int
	// ClassGap is the most tokens between a trigger and a general word
	// after it that only classes it ("आग लगने की घटना"). Default 2.
	ClassGap int
	// CountBack is how many words ("की", "के", a person noun) a casualty
	// word walks back over to its count. Default 4.
	CountBack int
	// DenyBefore is how many tokens before a hazard or attack "कोई",
	// "किसी", "no" may stand to deny it ("कोई हादसा नहीं हुआ"). Default 2.
	DenyBefore int
	// ControlAfter is how many tokens from a fire "काबू" may come for the
	// fire to be brought under control, not started ("आग पर समय रहते
	// काबू"). Default 3.
	ControlAfter int
	// SpreadAfter is how many tokens after a fire a word of its course
	// ("फैली", "पहुंच") may come. Default 4.
	SpreadAfter int
	// PlaceWords is how many words before a place noun qualify it as part
	// of the place ("पुरानी अनाज मंडी"). Default 3.
	PlaceWords int
	// PlaceEnding is how many letters a word may have after a place-noun
	// stem ("गांवों", "जिले"). Default 2.
	PlaceEnding int
}

// DefaultOptions returns the options Extract uses.
func DefaultOptions() Options { return Options{}.withDefaults() }

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.SentenceReach, 2)
	def(&o.NearDays, 7)
	if o.IncidentScore <= 0 {
		o.IncidentScore = 3
	}
	def(&o.ModalBefore, 3)
	def(&o.OfferAfter, 9)
	def(&o.AgentAfter, 10)
	def(&o.PartyAfter, 4)
	def(&o.VerbAfter, 3)
	def(&o.JoinGap, 1)
	def(&o.ClassGap, 2)
	def(&o.CountBack, 4)
	def(&o.DenyBefore, 2)
	def(&o.ControlAfter, 3)
	def(&o.SpreadAfter, 4)
	def(&o.PlaceWords, 3)
	def(&o.PlaceEnding, 2)
	return o
}
