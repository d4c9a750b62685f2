// Package search is khabar's full-text index: a bleve index of articles with
// an analyzer for Hindi and English text, and what every search backend
// shares: the query language (Compile), the analysis (Analyze, SoundKey)
// and what an index holds of an article (NewDoc). search/pgsearch is the
// PostgreSQL backend; search/searchtest the contract both pass.
package search

import "time"

// Query is a full-text search with filters.
type Query struct {
	// Text is the user's query: words in any script, "quoted phrases",
	// +required and -excluded words.
	Text string
	// Lang keeps articles of this language.
	Lang string
	// From and To bound the published time: From <= published < To.
	From, To time.Time
	// Limit is the page size; 0 means 20, capped at 1000.
	Limit int
	// Cursor is the Next of an earlier result.
	Cursor string
	// ByDate orders the hits newest published first instead of best
	// first.
	ByDate bool
	// Facets asks for the counts of the matches by outlet, language,
	// entity and event type.
	Facets bool
	// Days asks for the number of matches published on each IST day.
	Days bool
}

// Result is one page of hits, best first.
type Result struct {
	IDs   []string
	Total uint64
	// Next is the cursor of the following page, "" on the last.
	Next string
	// Facets counts the matches by Facet name ("outlet", "lang",
	// "entity", "event_type"), most first, when the query asked: every
	// match when there are at most 2,000, else the best 2,000 (in the
	// query's order). FacetsOf is how many matches they count.
	Facets   map[string][]FacetCount
	FacetsOf int
	// Days counts every match by the IST day it was published
	// (YYYY-MM-DD), oldest first, when the query asked; matches without a
	// published time are not counted.
	Days []FacetCount
}

// FacetCount is how many matches have one value of a facet.
type FacetCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// Facet names, and how many values of each a result gives.
const (
	FacetOutlet    = "outlet"
	FacetLang      = "lang"
	FacetEntity    = "entity"
	FacetEventType = "event_type"
	facetSize      = 10
)
