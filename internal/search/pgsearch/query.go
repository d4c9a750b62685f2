package pgsearch

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"khabar/internal/search"
)

// rankWeights are ts_rank's weights of D, C, B and A: the publisher, the
// text, the entity names and the headlines count as 0.5, 1, 2 and 3, as
// the bleve index boosts them (it tells the title, 3, from the English
// title, 2; here both are headlines).
const rankWeights = `'{0.167, 0.333, 0.667, 1.0}'`

// sqlQuery is a query being built: SQL text with numbered arguments.
type sqlQuery struct {
	args []any
}

func (q *sqlQuery) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

// tsquery returns the tsquery text of p, "" for a part that is not one
// (lang:, type:). never reports a part that matches nothing: a prefix of
// sound-key lexemes, which are not words.
func tsquery(p search.Part) (tsq string, never bool) {
	var b strings.Builder
	switch p.Kind {
	case search.PartWord:
		if p.Sound != "" {
			b.WriteByte('(')
		}
		quote(&b, p.Terms[0].Text)
		if p.Sound != "" {
			b.WriteString(" | ")
			quote(&b, soundPrefix+p.Sound)
			b.WriteByte(')')
		}
	case search.PartPrefix:
		if strings.HasPrefix(p.Prefix, soundPrefix) {
			return "", true
		}
		quote(&b, p.Prefix)
		b.WriteString(":*")
	case search.PartPhrase, search.PartField:
		weight := ""
		switch p.Field {
		case "outlet":
			weight = ":" + string(rune(weightPublisher))
		case "entity":
			weight = ":" + string(rune(weightEntities))
		}
		if len(p.Terms) > 1 {
			b.WriteByte('(')
		}
		for i, t := range p.Terms {
			if i > 0 {
				d := t.Pos - p.Terms[i-1].Pos
				if d <= 1 {
					b.WriteString(" <-> ")
				} else {
					b.WriteString(" <" + strconv.Itoa(d) + "> ")
				}
			}
			quote(&b, t.Text)
			b.WriteString(weight)
		}
		if len(p.Terms) > 1 {
			b.WriteByte(')')
		}
	default:
		return "", false
	}
	return b.String(), false
}

// filter returns the SQL condition of a lang: or type: part.
func (q *sqlQuery) filter(p search.Part) string {
	if p.Kind == search.PartLang {
		return "lang = " + q.arg(p.Value)
	}
	return "events @> ARRAY[" + q.arg(p.Value) + "::text]"
}

// where returns the WHERE clause of plan and the filters of sq. Every
// word, phrase and prefix of the query goes into one tsquery, answered by
// the GIN index in one scan.
func (q *sqlQuery) where(plan search.Plan, sq search.Query) string {
	var text, conds []string
	for _, g := range plan.All {
		var ors []string
		for _, p := range g {
			t, never := tsquery(p)
			switch {
			case never:
			case t == "":
				conds = append(conds, q.filter(p))
			default:
				ors = append(ors, t)
			}
		}
		switch {
		case len(ors) == 1:
			text = append(text, ors[0])
		case len(ors) > 1:
			text = append(text, "("+strings.Join(ors, " | ")+")")
		case len(ors) == 0 && len(g) > 0 && (g[0].Kind != search.PartLang && g[0].Kind != search.PartType):
			return "FALSE" // a required part that matches nothing
		}
	}
	if len(text) > 0 {
		conds = append([]string{"tsv @@ " + q.arg(strings.Join(text, " & ")) + "::tsquery"}, conds...)
	}
	for _, p := range plan.None {
		t, never := tsquery(p)
		switch {
		case never:
		case t == "":
			conds = append(conds, "NOT "+q.filter(p))
		default:
			// Looked up in the index as a set, rather than tested on
			// every match, which would read each match's tsvector.
			conds = append(conds, "id NOT IN (SELECT id FROM search_docs WHERE tsv @@ "+q.arg(t)+"::tsquery)")
		}
	}
	if sq.Lang != "" {
		conds = append(conds, "lang = "+q.arg(sq.Lang))
	}
	if !sq.From.IsZero() {
		conds = append(conds, "published >= "+q.arg(sq.From.UTC()))
	}
	if !sq.To.IsZero() {
		conds = append(conds, "published < "+q.arg(sq.To.UTC()))
	}
	if len(conds) == 0 {
		return "TRUE"
	}
	return strings.Join(conds, " AND ")
}

// rank returns the SQL of a match's rank under plan: ts_rank of the
// headlines, names and publisher (head) over every required word (and its
// sound key), phrase and filter.
func (q *sqlQuery) rank(plan search.Plan) string {
	var tsq []string
	for _, g := range plan.All {
		for _, p := range g {
			if t, _ := tsquery(p); t != "" {
				tsq = append(tsq, t)
			}
		}
	}
	if len(tsq) == 0 {
		return "0"
	}
	return "ts_rank(" + rankWeights + ", head, " + q.arg(strings.Join(tsq, " | ")) + "::tsquery)"
}

// facetSQL counts the matches by a facet's values, most first, ties by
// value; from is the FROM clause giving the values as v.
func facetSQL(name, from string) string {
	return `(SELECT '` + name + `' AS facet, v, count(*) AS n FROM ` + from +
		` GROUP BY v ORDER BY n DESC, v COLLATE "C" LIMIT ` + strconv.Itoa(search.FacetSize) + `)`
}

// Search returns a page of the ids of articles that match sq, with the
// semantics of the bleve index's Search: every word, phrase and filter
// required unless OR joins it to its neighbour, -words excluded, ranked by
// relevance (ties, and sq.ByDate, newest published first, then by id). A
// query of only stop words or punctuation fails with search.ErrNoTerms.
//
// The matches are found once: one statement gives the page, the total
// and, when asked, the facets.
func (x *Index) Search(ctx context.Context, sq search.Query) (search.Result, error) {
	offset, err := search.ParseCursor(sq.Cursor)
	if err != nil {
		return search.Result{}, fmt.Errorf("search: %w", err)
	}
	plan, err := search.Compile(sq.Text)
	if err != nil {
		return search.Result{}, err
	}
	limit := search.PageSize(sq.Limit)
	q := &sqlQuery{}
	where := q.where(plan, sq)
	order := "published DESC NULLS LAST, id"
	score := ""
	if plan.Scored && !sq.ByDate {
		score = ", " + q.rank(plan) + " AS score"
		order = "score DESC, " + order
	}
	var stmt string
	if sq.Facets {
		// Rows of (kind, value, n): the total, the page's ids in order,
		// then each facet's counts.
		stmt = `WITH m AS MATERIALIZED (SELECT id, published, lang, outlet, entities, events` + score +
			` FROM search_docs WHERE ` + where + `)
			SELECT 'total', '', count(*) FROM m
			UNION ALL SELECT 'hit', id, row_number() OVER () FROM (SELECT id FROM m ORDER BY ` + order +
			` LIMIT ` + q.arg(limit) + ` OFFSET ` + q.arg(offset) + `) p
			UNION ALL ` + facetSQL(search.FacetOutlet, `(SELECT outlet FROM m WHERE outlet <> '') f(v)`) + `
			UNION ALL ` + facetSQL(search.FacetLang, `(SELECT lang FROM m WHERE lang <> '') f(v)`) + `
			UNION ALL ` + facetSQL(search.FacetEntity, `m, unnest(m.entities) f(v)`) + `
			UNION ALL ` + facetSQL(search.FacetEventType, `m, unnest(m.events) f(v)`)
	} else {
		stmt = `SELECT 'hit', id, count(*) OVER () FROM (SELECT id, published` + score + ` FROM search_docs WHERE ` + where +
			`) m ORDER BY ` + order + ` LIMIT ` + q.arg(limit) + ` OFFSET ` + q.arg(offset)
	}
	b := &pgx.Batch{}
	// Bitmap scans of the indexes, never a scan that tests a tsvector
	// row by row: the planner counts a tsvector match as cheap, not
	// knowing it reads the article's whole vector from out of line.
	b.Queue(`SET LOCAL enable_seqscan = off`)
	b.Queue(`SET LOCAL enable_indexscan = off`)
	b.Queue(stmt, q.args...)
	out := search.Result{IDs: []string{}}
	if sq.Facets {
		out.Facets = map[string][]search.FacetCount{
			search.FacetOutlet: {}, search.FacetLang: {}, search.FacetEntity: {}, search.FacetEventType: {},
		}
	}
	type hit struct {
		id string
		n  int64
	}
	var hits []hit
	err = pgx.BeginTxFunc(ctx, x.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		br := tx.SendBatch(ctx, b)
		defer br.Close()
		for range 2 {
			if _, err := br.Exec(); err != nil {
				return err
			}
		}
		rows, err := br.Query()
		if err != nil {
			return err
		}
		for rows.Next() {
			var kind, v string
			var n int64
			if err := rows.Scan(&kind, &v, &n); err != nil {
				rows.Close()
				return err
			}
			switch kind {
			case "total":
				out.Total = uint64(n)
			case "hit":
				hits = append(hits, hit{v, n})
			default:
				out.Facets[kind] = append(out.Facets[kind], search.FacetCount{Term: v, Count: int(n)})
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if sq.Facets {
			out.FacetsOf = int(out.Total) // every match is counted
		}
		if err := br.Close(); err != nil {
			return err
		}
		if !sq.Facets && len(hits) > 0 {
			out.Total = uint64(hits[0].n) // count(*) OVER ()
		}
		if !sq.Facets && len(hits) == 0 && offset > 0 {
			// Past the last page: the total still counts.
			var n int64
			cq := &sqlQuery{}
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM search_docs WHERE `+cq.where(plan, sq), cq.args...).Scan(&n); err != nil {
				return err
			}
			out.Total = uint64(n)
		}
		return nil
	})
	if err != nil {
		return search.Result{}, fmt.Errorf("search: %w", err)
	}
	if sq.Facets {
		slices.SortFunc(hits, func(a, b hit) int { return cmp.Compare(a.n, b.n) })
	}
	for _, h := range hits {
		out.IDs = append(out.IDs, h.id)
	}
	out.Next = search.NextCursor(offset, len(out.IDs), out.Total)
	return out, nil
}
