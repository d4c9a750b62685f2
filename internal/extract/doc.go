// Package extract is the pipeline stage that turns an article's raw input
// into its body text and the metadata the page declares.
//
// Plain text passes through with its line endings normalised; later stages
// (normalize, clean, meta) do the rest. HTML goes through go-trafilatura,
// with its Readability and DOM Distiller fallbacks enabled and comments
// excluded: the main content becomes paragraphs separated by a blank line,
// and the page's title, site name, authors, URL and publication time fill
// Title, Publisher, Byline, URL, Published (and Updated when the page
// declares it). These are what the page declares, as trafilatura reads
// it; the meta stage weighs them with the rest of the page's evidence
// (a title tag's site suffix, an outlet's English name, an update time
// taken for the publication time). A page with no extractable body leaves Text empty without
// an error: nothing is invented.
//
// Facts the input carried explicitly (news.Hints) always win over what is
// inferred from the page. A time the page labels as first published wins
// over htmldate's reading of the page when that is later (an update). Times written without a zone, or with "IST", are
// India Standard Time (+05:30).
//
// Pages too large or too deeply nested for the HTML parser and trafilatura
// (see Options.MaxElements) are read by a simple linear text extractor
// instead, so no input can make the stage hang or crash.
package extract
