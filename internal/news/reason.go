package news

// Reasons a line (or part of one) of a page is removed by the clean stage,
// as written in Removal.Reason. Later stages read the removed lines by
// these reasons: the facts in them (title_en, bylines, times, outlet and
// agency names, the dateline) are metadata.
const (
	// ReasonTitle: the headline line, taken out because the record carries
	// it as title.
	ReasonTitle = "title"
	// ReasonRepeatedTitle: the headline again, alone or paired with the
	// English headline ("English title | हिन्दी शीर्षक").
	ReasonRepeatedTitle = "repeated-title"
	// ReasonWebTitle: a "Web Title: …" line; its English title is title_en.
	ReasonWebTitle = "web-title"
	// ReasonBanner: browser, cookie, app and notification banners.
	ReasonBanner = "banner"
	// ReasonNavigation: breadcrumbs, menus and section labels.
	ReasonNavigation = "navigation"
	// ReasonAlsoRead: "यह भी पढ़ें", "Also Read" lines inside the body, with
	// the headlines they point to.
	ReasonAlsoRead = "also-read"
	// ReasonRelated: a related-news heading and the headline list under it.
	ReasonRelated = "related"
	// ReasonDisclaimer: a syndication or editorial disclaimer.
	ReasonDisclaimer = "disclaimer"
	// ReasonSocial: social and subscribe calls to action.
	ReasonSocial = "social"
	// ReasonCopyright: copyright footers.
	ReasonCopyright = "copyright"
	// ReasonByline: "By …" and author lines (they may carry times too).
	ReasonByline = "byline"
	// ReasonTimestamp: published and updated lines.
	ReasonTimestamp = "timestamp"
	// ReasonCaption: photo captions and credits.
	ReasonCaption = "caption"
	// ReasonURL: a line that is a URL.
	ReasonURL = "url"
	// ReasonStrayPunctuation: punctuation left at the start of a paragraph
	// (where a dateline was cut) or a line of punctuation only.
	ReasonStrayPunctuation = "stray-punctuation"
	// ReasonDateline: the dateline at the start of the first paragraph.
	ReasonDateline = "dateline"
	// ReasonCredit: a line crediting an agency or inputs ("(इनपुट: भाषा)").
	ReasonCredit = "credit"
	// ReasonTags: tag and topic lists.
	ReasonTags = "tags"
	// ReasonAdvertisement: advertisement markers.
	ReasonAdvertisement = "advertisement"
	// ReasonStandfirst: the summary under the headline (deck, kicker
	// line, highlights box); the record keeps its text here.
	ReasonStandfirst = "standfirst"
	// ReasonFooter: short lines after the article's last paragraph.
	ReasonFooter = "footer"
	// ReasonNoBody: recorded (with empty text) when no line of the page
	// was article text, so an empty text has a reason in the record.
	ReasonNoBody = "no-body"
	// ReasonSiteRepeat: a line the site prints on many of its pages (a
	// menu, a footer, a slogan), learnt from the site's pages.
	ReasonSiteRepeat = "site-repeat"
)
