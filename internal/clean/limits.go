package clean

// Limits are the counts the cleaner's rules hold lines and pages to: the
// words of a line a rule knows (a line longer than a rule's limit is not
// the boilerplate the rule knows, however its words read), how many lines
// a rule looks across, and the weights of the headline chooser. Zero
// fields take the defaults, tuned on the clean dev pages (khabar eval
// clean). Counts are of words unless a field says otherwise.
type Limits struct {
	// The line rules (classify).

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

	// The shape of a line.

	// BodySentence is the fewest words of a sentence that reads as
	// article text. Default 6.
	BodySentence int
	// BodyRun is the fewest words of a line that reads as article text,
	// sentence or not. Default 25.
	BodyRun int
	// HeadlineMin and HeadlineMax bound the words of a line that could
	// be a headline, HeadlineRunes its characters. Defaults 2, 30, 250.
	HeadlineMin, HeadlineMax, HeadlineRunes int

	// The signals (signals.go, furniture.go, rules.go).

	// ReadLink is the most words of a "पढ़ें: …" pointer to another
	// story; LinkedHeadline the most words of what it points to, and
	// LinkedSentence of what it points to when that is a sentence.
	// Defaults 30, 25, 15.
	ReadLink, LinkedHeadline, LinkedSentence int
	// CaptionCredit is the most words of a caption with a credit;
	// CaptionSentences the sentence ends inside it that make it text.
	// Defaults 45, 2.
	CaptionCredit, CaptionSentences int
	// CreditBracket is the most bytes of a "[x/y]" credit opening a
	// caption. Default 8.
	CreditBracket int
	// CreditParens is the most words inside the closing brackets of a
	// caption read for a credit, PhotoParens the most of a photo credit
	// there without a colon, Photographer the most of a photographer's
	// name before "/AFP". Defaults 8, 3, 4.
	CreditParens, PhotoParens, Photographer int
	// CaptionName is the most words of the name after a caption's
	// "Photo:" label; CaptionTail the fewest words of a caption that
	// ends in "X photo". Defaults 5, 4.
	CaptionName, CaptionTail int
	// ReadTime is the most words of a reading-time label. Default 6.
	ReadTime int
	// AINote is the most words of a note that a text was machine-made.
	// Default 20.
	AINote int
	// BylineInside is the most words of a credit line with a credit label
	// inside it, BylineName of the name after the label. Defaults 14, 6.
	BylineInside, BylineName int
	// PlaceLine is the most words of a line of places. Default 6.
	PlaceLine int
	// AuthorBio is the most words of a note about the writer; BioName the
	// fewest words of a byline's name that opens one. Defaults 50, 2.
	AuthorBio, BioName int
	// TaggedTitle is the fewest bytes of a headline looked for inside a
	// longer line, TitleTags the most words around it. Defaults 20, 4.
	TaggedTitle, TitleTags int
	// CreditMore is the most words of a line continuing a credit.
	// Default 12.
	CreditMore int
	// LiveStamps is the fewest bare time lines between paragraphs that
	// make a page a live blog. Default 3.
	LiveStamps int
	// MenuItem is the most words of a menu item. Default 3.
	MenuItem int
	// PhotoLead is the most words of a "Photo - PTI" credit line.
	// Default 5.
	PhotoLead int
	// ListenLabel is the most words of an audio player's label. Default 7.
	ListenLabel int
	// WireCredit is the most words of a wire story's closing credit.
	// Default 45.
	WireCredit int
	// PreferredSource is the most words of a call to make the outlet a
	// preferred source. Default 25.
	PreferredSource int
	// AuthorBox is the most lines under an author box's heading taken
	// with it, AuthorBoxWords the most words of each and
	// AuthorBoxSentences the most sentence ends inside each.
	// Defaults 3, 60, 3.
	AuthorBox, AuthorBoxWords, AuthorBoxSentences int
	// SocialPair is the most words of a sentence naming a platform and an
	// action that is a social call; SocialShort the fewest words of a
	// Latin sentence that needs the site's voice to be one. Defaults 25, 6.
	SocialPair, SocialShort int
	// PlatformItem is the most words of an item of a platform list that
	// is no platform. Default 3.
	PlatformItem int
	// Appeal is the most words of a site's appeal for support.
	// Default 45.
	Appeal int
	// BylineRest is the most words of a line opening with "By";
	// BylineSentence the most when it is a sentence with no "|".
	// Defaults 20, 8.
	BylineRest, BylineSentence int
	// StampBytes is the most bytes of a line read for a time stamp;
	// StampWords the most words besides the stamps of a time line,
	// StampCredit of one whose other words are a credit, StampLine of
	// one with a labelled stamp. Defaults 600, 3, 6, 25.
	StampBytes, StampWords, StampCredit, StampLine int
	// RelativeTime is the most words of "2 hours ago". Default 6.
	RelativeTime int
	// Navigation is the most words of a line of navigation; MenuMin and
	// MenuMax bound the words of a line of menu words; NavItem is the
	// most words of a breadcrumb's item; NavItems the fewest items that
	// make a menu without a known word. Defaults 25, 3, 12, 4, 4.
	Navigation, MenuMin, MenuMax, NavItem, NavItems int
	// RelatedHeading is the most words of a heading over related
	// stories, Trending of a "trending" label there. Defaults 7, 4.
	RelatedHeading, Trending int
	// Hashtags is the most words of a line of hashtags. Default 40.
	Hashtags int

	// The page (edges.go, headline.go, standfirst.go, clean.go).

	// AlsoReadLines is how many headline lines under an "also read"
	// marker are taken with it. Default 4.
	AlsoReadLines int
	// TagsLabel is the most words of a tags label the tags follow
	// under; TagWords the most words of each tag line. Defaults 2, 4.
	TagsLabel, TagWords int
	// TailBody is the most paragraphs of text after a related heading,
	// and TailShare their most share of the lines there, for the list
	// under it to run on past them. Defaults 3, 0.5.
	TailBody  int
	TailShare float64
	// EdgeDateline is the most words of a place alone above the article
	// read as its dateline, EdgeDatelineLine of a dateline with a reporter
	// or desk, EdgeCapitals of a place in capitals by the credit.
	// Defaults 3, 5, 3.
	EdgeDateline, EdgeDatelineLine, EdgeCapitals int
	// CaptionUnder is the most words of the caption under a photo credit.
	// Default 12.
	CaptionUnder int
	// NameMin and NameMax bound the words of a line that is only a name.
	// Defaults 2, 4.
	NameMin, NameMax int
	// HeadVoice is the most words of a sentence above the headline in
	// which the site speaks of the page; HeadLatin the fewest words of a
	// Latin line there that is a banner; HeadLabel the most words of a
	// label above an article without a headline. Defaults 40, 3, 3.
	HeadVoice, HeadLatin, HeadLabel int
	// Footer is the most words of a line of furniture below the story,
	// FooterRelated the fewest of a headline there, FooterLabel the most
	// of a label there, FooterLatin of a Latin line under a Hindi story.
	// Defaults 25, 4, 3, 12.
	Footer, FooterRelated, FooterLabel, FooterLatin int
	// ListItem is the most words of an item of a numbered list the story
	// goes on into, ListNote of a line under an item. Defaults 30, 8.
	ListItem, ListNote int
	// DeckWords is the fewest words of a kept line above the first
	// paragraph that takes the dateline off the paragraph only when the
	// dateline is unmistakable. Default 15.
	DeckWords int
	// LeadParagraphs is how many paragraphs of text the headline is
	// compared with. Default 3.
	LeadParagraphs int
	// TitleOrder is what each headline candidate loses for coming after
	// another; TitleRepeat what it gains for being printed again close
	// by; TitleCrumb what it loses for ending in another candidate;
	// TitleBox what it loses for standing in a summary box; TitleCredit
	// what it gains for a credit under it; TitleDeck what it gains for a
	// deck under it that shares TitleDeckWords words with the article.
	// Defaults 0.05, 1.5, 2, 3, 1, 1, 2.
	TitleOrder, TitleRepeat, TitleCrumb, TitleBox, TitleCredit, TitleDeck float64
	TitleDeckWords                                                        int
	// CreditBelow is how many lines under a headline a credit is looked
	// for; CrumbLines how many a candidate's shorter line. Defaults 3, 3.
	CreditBelow, CrumbLines int
	// BoxLines is how many lines above a headline candidate a summary
	// box's label is looked for, BoxLabel the most words of the label.
	// Defaults 6, 3.
	BoxLines, BoxLabel int
	// TitleSlack is how many bytes a line may run past the longest title
	// and still repeat it (twice that past a headline pair). Default 16.
	TitleSlack int
	// CreditedLines is how many lines under a headline its credit may
	// stand. Default 2.
	CreditedLines int
	// TitleWords is the fewest words of a headline candidate of a text
	// page. Default 3.
	TitleWords int
	// ShapeScan is how many lines into a text page its headline is
	// looked for by shape, ShapeWords the fewest words of it, ShapeBody
	// how many lines below it a paragraph of text is looked for.
	// Defaults 12, 4, 4.
	ShapeScan, ShapeWords, ShapeBody int
	// PairWords is the most words of the other half of a headline pair.
	// Default 8.
	PairWords int
	// BoxItems is how many lines under a summary box's label are taken as
	// its bullets, BoxItemLabel the most words of the label. Defaults 6, 3.
	BoxItems, BoxItemLabel int
	// DeckCredit is how many lines under a headline its credit is looked
	// for to find a deck above it; DeckMin and DeckMax bound the words of
	// a deck line, DeckLines the most of them. Defaults 6, 4, 70, 3.
	DeckCredit, DeckMin, DeckMax, DeckLines int
	// OpenLines is how many kept lines under a headline are read for a
	// dateline below a summary. Default 3.
	OpenLines int
	// DescPrefix is the fewest bytes of a page description a line may
	// begin or end; DescShare the least share of the longer one it must
	// cover. Defaults 40, 0.9.
	DescPrefix int
	DescShare  float64
	// SummaryLines is how many lines under a description a credit or a
	// dateline is looked for. Default 8.
	SummaryLines int
}

// withDefaults fills the zero fields.
func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	deff := func(v *float64, d float64) {
		if *v <= 0 {
			*v = d
		}
	}
	for _, f := range []struct {
		v *int
		d int
	}{
		{&l.Boilerplate, 200}, {&l.Short, 40}, {&l.Banner, 30}, {&l.AppBanner, 45}, {&l.Voiced, 25},
		{&l.Label, 4}, {&l.Controls, 6}, {&l.Lead, 8}, {&l.Feedback, 15}, {&l.Promo, 35},
		{&l.Platforms, 20}, {&l.Social, 60}, {&l.Credit, 12}, {&l.DeskCredit, 5},
		{&l.BodySentence, 6}, {&l.BodyRun, 25}, {&l.HeadlineMin, 2}, {&l.HeadlineMax, 30}, {&l.HeadlineRunes, 250},
		{&l.ReadLink, 30}, {&l.LinkedHeadline, 25}, {&l.LinkedSentence, 15},
		{&l.CaptionCredit, 45}, {&l.CaptionSentences, 2}, {&l.CreditBracket, 8},
		{&l.CreditParens, 8}, {&l.PhotoParens, 3}, {&l.Photographer, 4}, {&l.CaptionName, 5}, {&l.CaptionTail, 4},
		{&l.ReadTime, 6}, {&l.AINote, 20}, {&l.BylineInside, 14}, {&l.BylineName, 6}, {&l.PlaceLine, 6},
		{&l.AuthorBio, 50}, {&l.BioName, 2}, {&l.TaggedTitle, 20}, {&l.TitleTags, 4}, {&l.CreditMore, 12},
		{&l.LiveStamps, 3}, {&l.MenuItem, 3}, {&l.PhotoLead, 5}, {&l.ListenLabel, 7}, {&l.WireCredit, 45},
		{&l.PreferredSource, 25}, {&l.AuthorBox, 3}, {&l.AuthorBoxWords, 60}, {&l.AuthorBoxSentences, 3},
		{&l.SocialPair, 25}, {&l.SocialShort, 6}, {&l.PlatformItem, 3}, {&l.Appeal, 45},
		{&l.BylineRest, 20}, {&l.BylineSentence, 8},
		{&l.StampBytes, 600}, {&l.StampWords, 3}, {&l.StampCredit, 6}, {&l.StampLine, 25},
		{&l.RelativeTime, 6}, {&l.Navigation, 25}, {&l.MenuMin, 3}, {&l.MenuMax, 12}, {&l.NavItem, 4}, {&l.NavItems, 4},
		{&l.RelatedHeading, 7}, {&l.Trending, 4}, {&l.Hashtags, 40},
		{&l.AlsoReadLines, 4}, {&l.TagsLabel, 2}, {&l.TagWords, 4}, {&l.TailBody, 3},
		{&l.EdgeDateline, 3}, {&l.EdgeDatelineLine, 5}, {&l.EdgeCapitals, 3}, {&l.CaptionUnder, 12},
		{&l.NameMin, 2}, {&l.NameMax, 4}, {&l.HeadVoice, 40}, {&l.HeadLatin, 3}, {&l.HeadLabel, 3},
		{&l.Footer, 25}, {&l.FooterRelated, 4}, {&l.FooterLabel, 3}, {&l.FooterLatin, 12},
		{&l.ListItem, 30}, {&l.ListNote, 8}, {&l.DeckWords, 15}, {&l.LeadParagraphs, 3}, {&l.TitleDeckWords, 2},
		{&l.CreditBelow, 3}, {&l.CrumbLines, 3}, {&l.BoxLines, 6}, {&l.BoxLabel, 3}, {&l.TitleSlack, 16},
		{&l.CreditedLines, 2}, {&l.TitleWords, 3}, {&l.ShapeScan, 12}, {&l.ShapeWords, 4}, {&l.ShapeBody, 4},
		{&l.PairWords, 8}, {&l.BoxItems, 6}, {&l.BoxItemLabel, 3},
		{&l.DeckCredit, 6}, {&l.DeckMin, 4}, {&l.DeckMax, 70}, {&l.DeckLines, 3}, {&l.OpenLines, 3},
		{&l.DescPrefix, 40}, {&l.SummaryLines, 8},
	} {
		def(f.v, f.d)
	}
	deff(&l.TailShare, 0.5)
	deff(&l.TitleOrder, 0.05)
	deff(&l.TitleRepeat, 1.5)
	deff(&l.TitleCrumb, 2)
	deff(&l.TitleBox, 3)
	deff(&l.TitleCredit, 1)
	deff(&l.TitleDeck, 1)
	deff(&l.DescShare, 0.9)
	return l
}
