package news

// Head is what an HTML page says about itself: title tags, Open Graph and
// article meta tags, the first h1, and a JSON-LD NewsArticle.
type Head struct {
	// Title is the <title> text; OGTitle og:title; TwitterTitle
	// twitter:title; H1 the first h1's text.
	Title, OGTitle, TwitterTitle, H1 string
	// SiteName is og:site_name (or application-name).
	SiteName string
	// URL is the canonical link or og:url.
	URL string
	// Published and Modified are the raw published and modified values of
	// the meta tags (article:published_time, og:updated_time, itemprop, …),
	// best first.
	Published, Modified []string
	// Authors are the author meta tags' values.
	Authors []string
	// Lang is the <html lang> attribute.
	Lang string
	// LD is the first JSON-LD article the page carries.
	LD LDArticle
	// Descriptions are the page's summaries of itself: the description,
	// og:description and twitter:description meta tags and the JSON-LD
	// description.
	Descriptions []string
	// Summaries are the lines of the elements that present a standfirst:
	// a deck, synopsis, summary or highlights box by its class, id or
	// itemprop, or a second heading between the h1 and the first
	// paragraph. Each is short; an element holding more text than a
	// summary does (an article container) is not read.
	Summaries []string
}

// LDArticle is the part of a schema.org NewsArticle (or Article, BlogPosting,
// ReportageNewsArticle) that metadata needs.
type LDArticle struct {
	Headline      string
	DatePublished string
	DateModified  string
	Authors       []string
	Publisher     string
	URL           string
	Description   string
}
