// Package feed reads what news outlets publish for crawlers: RSS (0.9x to
// 2.0, RDF included), Atom and JSON Feed documents, XML sitemaps, sitemap
// indexes and Google News sitemaps (plain or gzipped), and HTML pages, whose
// linked feeds it discovers. It also reads and writes OPML subscription
// lists.
//
// Parse turns any of these into a Document: a Kind, a title and language,
// and Entries whose URLs are absolute http(s) URLs, trimmed and deduplicated,
// with dates parsed leniently (IST and its +05:30 offset included). It never
// fetches anything; see package fetch for that.
package feed
