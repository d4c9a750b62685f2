package search

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// ErrBadCursor is returned (wrapped) by Search for a cursor that is not the
// Next of an earlier result.
var ErrBadCursor = errors.New("invalid search cursor")

// Page sizes and the deepest page Search serves.
const (
	defaultLimit = 20
	maxLimit     = 1000
	maxOffset    = 100_000
)

// op is what a clause of a query requires.
type op int

const (
	should  op = iota // a plain word or phrase: every hit has it (or one of an OR group)
	must              // +word: every hit has it
	mustNot           // -word: no hit has it
)

// clause is one word, quoted phrase or field filter of a query.
type clause struct {
	text   string
	phrase bool
	op     op
	// prefix marks a word ending in "*": any word starting with it.
	prefix bool
	// field is the filter's field ("lang", "outlet", "entity") for
	// field:value; "" for words and phrases.
	field string
	// or joins this clause to the one before it: either may match.
	or bool
}

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' }

// filterFields are the field:value filters a query may hold, and the
// index field each looks in.
var filterFields = map[string]string{
	"lang":      fieldLang,
	"outlet":    fieldPublisher,
	"publisher": fieldPublisher,
	"entity":    fieldEntities,
	"type":      fieldFacetEvent,
}

// parse splits a query into clauses: words separated by spaces, "quoted
// phrases" (straight or curly quotes; an unclosed quote runs to the end),
// each optionally prefixed by + (required) or - (excluded); a word ending
// in * is a prefix; OR (in capitals) between two clauses makes either
// enough; lang:, outlet:, entity: and type: (an event type) followed by
// a word or a "phrase" filter on that field. A sign inside a word is part of it ("covid-19").
func parse(s string) []clause {
	var out []clause
	or := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		c := clause{op: should}
		if r == '+' || r == '-' {
			if r == '+' {
				c.op = must
			} else {
				c.op = mustNot
			}
			i += size
			// Further signs are noise.
			for i < len(s) && (s[i] == '+' || s[i] == '-') {
				i++
			}
			if i == len(s) {
				break
			}
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				continue
			}
		}
		// field:value
		if !isQuote(r) {
			for name := range filterFields {
				if len(s)-i > len(name)+1 && strings.EqualFold(s[i:i+len(name)], name) && s[i+len(name)] == ':' {
					c.field = name
					i += len(name) + 1
					r, size = utf8.DecodeRuneInString(s[i:])
					break
				}
			}
		}
		if isQuote(r) {
			i += size
			end := len(s)
			next := len(s)
			for j, q := range s[i:] {
				if isQuote(q) {
					end = i + j
					next = end + utf8.RuneLen(q)
					break
				}
			}
			c.text, c.phrase = strings.TrimSpace(s[i:end]), true
			i = next
		} else {
			end := len(s)
			for j, q := range s[i:] {
				if unicode.IsSpace(q) || isQuote(q) {
					end = i + j
					break
				}
			}
			c.text = s[i:end]
			i = end
			if c.field == "" && c.op == should && c.text == "OR" {
				or = len(out) > 0
				continue
			}
			if c.field == "" && len(c.text) > 1 && strings.HasSuffix(c.text, "*") {
				c.text, c.prefix = strings.TrimRight(c.text, "*"), true
			}
		}
		if c.text != "" {
			c.or = or && c.op == should && c.field == "" && len(out) > 0 && out[len(out)-1].op == should && out[len(out)-1].field == ""
			out = append(out, c)
		}
		or = false
	}
	return out
}

// fieldBoosts are the fields a query word is looked for in, and how much a
// match in each counts.
var fieldBoosts = []struct {
	field string
	boost float64
}{
	{fieldTitle, 3},
	{fieldTitleEn, 2},
	{fieldEntities, 2},
	{fieldText, 1},
	{fieldPublisher, 0.5},
}

// clauseQuery is the bleve query of one clause, or nil when the clause
// has no searchable terms (only stop words or punctuation). A word the
// analyzer splits into several terms is searched as a phrase; a prefix
// matches the beginnings of indexed words; a field filter looks in its
// field alone.
func (x *Index) clauseQuery(c clause) query.Query {
	if c.field != "" {
		f := filterFields[c.field]
		switch f {
		case fieldLang:
			t := bleve.NewTermQuery(strings.ToLower(c.text))
			t.SetField(f)
			return t
		case fieldFacetEvent:
			t := bleve.NewTermQuery(strings.ToUpper(c.text))
			t.SetField(f)
			return t
		}
		if len(x.Analyze(c.text)) == 0 {
			return nil
		}
		q := bleve.NewMatchPhraseQuery(c.text)
		q.SetField(f)
		return q
	}
	if c.prefix {
		p := strings.ToLower(c.text)
		if strings.TrimFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) }) == "" {
			return nil
		}
		qs := make([]query.Query, 0, len(fieldBoosts))
		for _, fb := range fieldBoosts {
			q := bleve.NewPrefixQuery(p)
			q.SetField(fb.field)
			q.SetBoost(fb.boost)
			qs = append(qs, q)
		}
		return bleve.NewDisjunctionQuery(qs...)
	}
	terms := x.Analyze(c.text)
	if len(terms) == 0 {
		return nil
	}
	qs := make([]query.Query, 0, len(fieldBoosts)+1)
	if !c.phrase && len(terms) == 1 {
		// The same word in the other script, or spelt another way.
		if k := soundKey(c.text); k != "" {
			t := bleve.NewTermQuery(k)
			t.SetField(fieldSound)
			t.SetBoost(0.5)
			qs = append(qs, t)
		}
	}
	for _, fb := range fieldBoosts {
		if c.phrase || len(terms) > 1 {
			q := bleve.NewMatchPhraseQuery(c.text)
			q.SetField(fb.field)
			q.SetBoost(fb.boost)
			qs = append(qs, q)
		} else {
			q := bleve.NewMatchQuery(c.text)
			q.SetField(fb.field)
			q.SetBoost(fb.boost)
			qs = append(qs, q)
		}
	}
	return bleve.NewDisjunctionQuery(qs...)
}

func cursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o" + strconv.Itoa(offset)))
}

func parseCursor(c string) (int, error) {
	if c == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 2 || b[0] != 'o' {
		return 0, fmt.Errorf("%w: %q", ErrBadCursor, c)
	}
	n, err := strconv.Atoi(string(b[1:]))
	if err != nil || n < 0 || n > maxOffset {
		return 0, fmt.Errorf("%w: %q", ErrBadCursor, c)
	}
	return n, nil
}

// ErrNoTerms is returned (wrapped) by Search for a query whose words are
// all stop words or punctuation: it would match every article.
var ErrNoTerms = errors.New("the query has no searchable words (only stop words or punctuation)")

// Search returns a page of the ids of articles that match q, best first;
// ties, and queries with no words, go newest published first. Every word,
// phrase and filter is required (+word too), unless OR joins it to its
// neighbour, where either is enough; -words are excluded. Filters do not
// change the ranking. A query of only stop words or punctuation fails
// with ErrNoTerms rather than match everything.
func (x *Index) Search(ctx context.Context, q Query) (Result, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	limit = min(limit, maxLimit)
	offset, err := parseCursor(q.Cursor)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}

	bq := bleve.NewBooleanQuery()
	scored := false
	clauses := parse(q.Text)
	var group []query.Query // the clauses of one OR group
	flush := func() {
		switch len(group) {
		case 0:
		case 1:
			bq.AddMust(group[0])
		default:
			bq.AddMust(bleve.NewDisjunctionQuery(group...))
		}
		group = nil
	}
	made := 0
	for _, c := range clauses {
		cq := x.clauseQuery(c)
		if !c.or {
			flush()
		}
		if cq == nil {
			continue
		}
		made++
		switch c.op {
		case mustNot:
			bq.AddMustNot(cq)
		default:
			group = append(group, cq)
			scored = true
		}
	}
	flush()
	if len(clauses) > 0 && made == 0 {
		return Result{}, fmt.Errorf("search %q: %w", q.Text, ErrNoTerms)
	}
	if !scored {
		bq.AddMust(bleve.NewMatchAllQuery())
	}
	var filters []query.Query
	if q.Lang != "" {
		t := bleve.NewTermQuery(q.Lang)
		t.SetField(fieldLang)
		filters = append(filters, t)
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		yes, no := true, false
		d := bleve.NewDateRangeInclusiveQuery(timeOrZero(q.From), timeOrZero(q.To), &yes, &no)
		d.SetField(fieldPublished)
		filters = append(filters, d)
	}
	switch len(filters) {
	case 0:
	case 1:
		bq.AddFilter(filters[0])
	default:
		bq.AddFilter(bleve.NewConjunctionQuery(filters...))
	}

	req := bleve.NewSearchRequestOptions(bq, limit, offset, false)
	order := bsearch.SortOrder{
		&bsearch.SortField{Field: fieldPublished, Desc: true, Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast},
		&bsearch.SortDocID{},
	}
	if scored && !q.ByDate {
		order = append(bsearch.SortOrder{&bsearch.SortScore{Desc: true}}, order...)
	} else {
		req.Score = "none"
	}
	req.SortByCustom(order)
	if q.Facets {
		for name, field := range map[string]string{FacetOutlet: fieldFacetOutlet, FacetLang: fieldLang,
			FacetEntity: fieldFacetEntity, FacetEventType: fieldFacetEvent} {
			req.AddFacet(name, bleve.NewFacetRequest(field, facetSize))
		}
	}
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	out := Result{IDs: make([]string, len(res.Hits)), Total: res.Total}
	if q.Facets {
		out.Facets = make(map[string][]FacetCount, len(res.Facets))
		for name, fr := range res.Facets {
			counts := []FacetCount{}
			if fr.Terms != nil {
				for _, t := range fr.Terms.Terms() {
					counts = append(counts, FacetCount{Term: t.Term, Count: t.Count})
				}
			}
			out.Facets[name] = counts
		}
	}
	for i, h := range res.Hits {
		out.IDs[i] = h.ID
	}
	if next := offset + len(res.Hits); len(res.Hits) > 0 && uint64(next) < res.Total && next <= maxOffset {
		out.Next = cursor(next)
	}
	return out, nil
}
