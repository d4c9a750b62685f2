package search

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
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
	bq, scored, err := x.build(q)
	if err != nil {
		return Result{}, err
	}
	out, err := x.run(ctx, bq, scored, offset, limit, q.Facets)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	if q.Days {
		if out.Days, err = x.days(ctx, bq); err != nil {
			return Result{}, fmt.Errorf("search: %w", err)
		}
	}
	return out, nil
}

// maxDays is how many days Result.Days counts at most (the latest, when
// the matches span more): ten years.
const maxDays = 3660

// days counts every hit of bq per IST day, oldest first.
func (x *Index) days(ctx context.Context, bq query.Query) ([]FacetCount, error) {
	req := bleve.NewSearchRequestOptions(bq, 0, 0, false)
	req.Score = "none"
	req.AddFacet(fieldDay, bleve.NewFacetRequest(fieldDay, maxDays))
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := []FacetCount{}
	if fr := res.Facets[fieldDay]; fr != nil && fr.Terms != nil {
		for _, t := range fr.Terms.Terms() {
			out = append(out, FacetCount{Term: t.Term, Count: t.Count})
		}
	}
	slices.SortFunc(out, func(a, b FacetCount) int { return strings.Compare(a.Term, b.Term) })
	return out, nil
}

// build returns the bleve query of q, and whether its hits are ordered by
// score (else newest first).
func (x *Index) build(q Query) (query.Query, bool, error) {
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
		return nil, false, fmt.Errorf("search %q: %w", q.Text, ErrNoTerms)
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

	return bq, scored && !q.ByDate, nil
}

// facetSample is how many of the best matches the facets of a search
// count at most: every match when there are no more, else the best
// facetSample, so that a query matching most of a large index stays quick.
const facetSample = 2000

// tieSlack is how many hits past the page a search reads to see whether
// hits tied with the page's last one go on past it.
const tieSlack = 32

// byDate is the order of hits newest first, then by id.
func byDate() bsearch.SortOrder {
	return bsearch.SortOrder{
		&bsearch.SortField{Field: fieldPublished, Desc: true, Type: bsearch.SortFieldAsDate, Missing: bsearch.SortFieldMissingLast},
		&bsearch.SortDocID{},
	}
}

// run returns the page [offset, offset+limit) of the hits of bq: best
// first (ties newest published first, then by id) when scored, else
// newest first (ties by id); with the facets of the hits when asked.
//
// Ordering every hit by all of those keys makes the index read each hit's
// published time and id, which costs most of a search that matches most
// of the index. So run has the index order hits by the first key alone
// (score, or published time), reads a few hits past the page, and breaks
// ties among those itself; only when a tie runs on past what it read does
// it ask the index for the full order.
func (x *Index) run(ctx context.Context, bq query.Query, scored bool, offset, limit int, facets bool) (Result, error) {
	end := offset + limit
	window := end + tieSlack
	if facets {
		window = max(window, facetSample)
	}
	req := bleve.NewSearchRequestOptions(bq, window, 0, false)
	if scored {
		req.SortByCustom(bsearch.SortOrder{&bsearch.SortScore{Desc: true}})
	} else {
		req.Score = "none"
		req.SortByCustom(bsearch.SortOrder{&bsearch.SortField{Field: fieldPublished, Desc: true, Type: bsearch.SortFieldAsDate,
			Missing: bsearch.SortFieldMissingLast}})
	}
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return Result{}, err
	}
	hits := res.Hits
	same := func(a, b *bsearch.DocumentMatch) bool {
		if scored {
			return a.Score == b.Score
		}
		return a.Sort[0] == b.Sort[0]
	}
	// The hits tied with the page's last run on to cut; all of them must
	// be known to order the page.
	cut := min(end, len(hits))
	for cut < len(hits) && cut > 0 && same(hits[cut-1], hits[cut]) {
		cut++
	}
	var ordered []string
	if cut == len(hits) && uint64(len(hits)) < res.Total && cut > 0 {
		// A tie runs past what was read: let the index order it all.
		if ordered, err = x.exact(ctx, bq, scored, end); err != nil {
			return Result{}, err
		}
	} else {
		if ordered, err = x.breakTies(ctx, hits[:cut], scored, same); err != nil {
			return Result{}, err
		}
	}
	out := Result{IDs: []string{}, Total: res.Total}
	if offset < len(ordered) {
		out.IDs = ordered[offset:min(end, len(ordered))]
	}
	if next := offset + len(out.IDs); len(out.IDs) > 0 && uint64(next) < res.Total && next <= maxOffset {
		out.Next = cursor(next)
	}
	if facets {
		n := min(len(hits), facetSample)
		ids := make([]string, n)
		for i, h := range hits[:n] {
			ids[i] = h.ID
		}
		if out.Facets, err = x.facets(ctx, ids); err != nil {
			return Result{}, err
		}
		out.FacetsOf = n
	}
	return out, nil
}

// breakTies returns the ids of hits (ordered by their first key) with
// each run of ties ordered by the keys after it: newest published, then
// id.
func (x *Index) breakTies(ctx context.Context, hits []*bsearch.DocumentMatch, scored bool, same func(a, b *bsearch.DocumentMatch) bool) ([]string, error) {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	var tied []string
	for i := range hits {
		if (i > 0 && same(hits[i-1], hits[i])) || (i+1 < len(hits) && same(hits[i], hits[i+1])) {
			tied = append(tied, hits[i].ID)
		}
	}
	if len(tied) == 0 {
		return ids, nil
	}
	// rank orders the tied hits by the keys after the first.
	rank := make(map[string]int, len(tied))
	if scored {
		req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(tied), len(tied), 0, false)
		req.Score = "none"
		req.SortByCustom(byDate())
		res, err := x.idx.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		for i, h := range res.Hits {
			rank[h.ID] = i
		}
	} else {
		sorted := slices.Clone(tied)
		slices.Sort(sorted)
		for i, id := range sorted {
			rank[id] = i
		}
	}
	for i := 0; i < len(hits); {
		j := i + 1
		for j < len(hits) && same(hits[j-1], hits[j]) {
			j++
		}
		if j-i > 1 {
			slices.SortStableFunc(ids[i:j], func(a, b string) int { return rank[a] - rank[b] })
		}
		i = j
	}
	return ids, nil
}

// exact returns the ids of the first n hits of bq in the full order, as
// the index sorts them.
func (x *Index) exact(ctx context.Context, bq query.Query, scored bool, n int) ([]string, error) {
	req := bleve.NewSearchRequestOptions(bq, n, 0, false)
	order := byDate()
	if scored {
		order = append(bsearch.SortOrder{&bsearch.SortScore{Desc: true}}, order...)
	} else {
		req.Score = "none"
	}
	req.SortByCustom(order)
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// facets counts the articles ids by outlet, language, entity and event
// type.
func (x *Index) facets(ctx context.Context, ids []string) (map[string][]FacetCount, error) {
	out := make(map[string][]FacetCount, 4)
	fields := map[string]string{FacetOutlet: fieldFacetOutlet, FacetLang: fieldLang, FacetEntity: fieldFacetEntity, FacetEventType: fieldFacetEvent}
	for name := range fields {
		out[name] = []FacetCount{}
	}
	if len(ids) == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), 0, 0, false)
	req.Score = "none"
	for name, field := range fields {
		req.AddFacet(name, bleve.NewFacetRequest(field, facetSize))
	}
	res, err := x.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	for name, fr := range res.Facets {
		if fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				out[name] = append(out[name], FacetCount{Term: t.Term, Count: t.Count})
			}
		}
	}
	return out, nil
}
