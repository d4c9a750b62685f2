// Package page reads what an HTML page declares about itself in its head
// and around its headline: title tags, Open Graph and article meta tags,
// the first h1, a JSON-LD NewsArticle, its descriptions and the elements
// that present a standfirst (ReadHead). HeadOf reads an article's page
// once and keeps the result on the article for the stages after.
package page
