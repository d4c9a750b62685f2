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
	should  op = iota // a plain word or phrase: ranks, and one must match
	must              // +word: every hit has it
	mustNot           // -word: no hit has it
)

// clause is one word or quoted phrase of a query.
type clause struct {
	text   string
	phrase bool
	op     op
}

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' }

// parse splits a query into clauses: words separated by spaces, "quoted
// phrases" (straight or curly quotes; an unclosed quote runs to the end),
// each optionally prefixed by + (required) or - (excluded). A sign inside a
// word is part of it ("covid-19").
func parse(s string) []clause {
	var out []clause
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
		}
		if c.text != "" {
			out = append(out, c)
		}
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
// analyzer splits into several terms is searched as a phrase.
func (x *Index) clauseQuery(c clause) query.Query {
	terms := x.Analyze(c.text)
	if len(terms) == 0 {
		return nil
	}
	qs := make([]query.Query, 0, len(fieldBoosts))
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

// Search returns a page of the ids of articles that match q, best first;
// ties, and queries with no words, go newest published first. Plain words
// and phrases are optional but at least one must match (when there is no
// +clause), +words are required, -words excluded. Filters do not change
// the ranking.
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
	for _, c := range parse(q.Text) {
		cq := x.clauseQuery(c)
		if cq == nil {
			continue
		}
		switch c.op {
		case must:
			bq.AddMust(cq)
			scored = true
		case mustNot:
			bq.AddMustNot(cq)
		default:
			bq.AddShould(cq)
			scored = true
		}
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
	if scored {
		order = append(bsearch.SortOrder{&bsearch.SortScore{Desc: true}}, order...)
	} else {
		req.Score = "none"
	}
	req.SortByCustom(order)
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	out := Result{IDs: make([]string, len(res.Hits)), Total: res.Total}
	for i, h := range res.Hits {
		out.IDs[i] = h.ID
	}
	if next := offset + len(res.Hits); len(res.Hits) > 0 && uint64(next) < res.Total && next <= maxOffset {
		out.Next = cursor(next)
	}
	return out, nil
}
