package clean

// Limits are the word counts classify's rules hold a line to: a line
// longer than a rule's limit is not the boilerplate the rule knows, however
// its words read. Zero fields take the defaults, tuned on the clean dev
// pages (khabar eval clean).
type Limits struct {
	// Boilerplate is the most words any boilerplate line runs to; a
	// longer line is a paragraph of text. Default 200.
	Boilerplate int
	// Short is the most words of a line a web-title prefix, a
	// disclaimer, a cookie banner, an "also read" marker, a tag line or a
	// download request makes boilerplate, and of a line the site's own
	// voice is looked for in. Default 40.
	Short int
	// Banner is the most words of a browser or notification banner, a
	// copyright line and a "read" prefix line, and of the lines read for
	// bylines and timestamps. Default 30.
	Banner int
	// AppBanner is the most words of an app promotion. Default 45.
	AppBanner int
	// Voiced is the most words of an app promotion that is a sentence in
	// the site's voice or an imperative, and of a caption. Default 25.
	Voiced int
	// Label is the most words of a bare app label ("ऐप डाउनलोड करें"),
	// and of a lead name read as a byline without a desk word. Default 4.
	Label int
	// Controls is the most words of a line of player or gallery controls
	// (it needs two at least). Default 6.
	Controls int
	// Lead is the most words of a line that opens with a call to action
	// or is a lead name (an agency or a desk). Default 8.
	Lead int
	// Feedback is the most words of a feedback line with an e-mail
	// address. Default 15.
	Feedback int
	// Promo is the most words of a promotion line. Default 35.
	Promo int
	// Platforms is the most words of a list of social platforms.
	// Default 20.
	Platforms int
	// Social is the most words of a call to share, follow or subscribe.
	// Default 60.
	Social int
	// Credit is the most words of a photo or wire credit. Default 12.
	Credit int
	// DeskCredit is the most words of a desk credit (it needs two at
	// least). Default 5.
	DeskCredit int
}

// withDefaults fills the zero fields.
func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.Boilerplate, 200)
	def(&l.Short, 40)
	def(&l.Banner, 30)
	def(&l.AppBanner, 45)
	def(&l.Voiced, 25)
	def(&l.Label, 4)
	def(&l.Controls, 6)
	def(&l.Lead, 8)
	def(&l.Feedback, 15)
	def(&l.Promo, 35)
	def(&l.Platforms, 20)
	def(&l.Social, 60)
	def(&l.Credit, 12)
	def(&l.DeskCredit, 5)
	return l
}
