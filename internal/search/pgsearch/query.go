package pgsearch

import (
	"context"
	"fmt"
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

// soundRank is what a match by sound key alone (a word in the other
// script) adds to the rank.
const soundRank = 0.05

// sqlQuery is a query being built: SQL text with numbered arguments.
type sqlQuery struct {
	args []any
}

func (q *sqlQuery) arg(v any) string {
	q.args = append(q.args, v)
	return "$" + strconv.Itoa(len(q.args))
}

// tsquery returns the tsquery text of p, "" for a part that is not one
// (lang:, type:), and the sound key that may match it instead.
func tsquery(p search.Part) string {
	var b strings.Builder
	switch p.Kind {
	case search.PartWord:
		quote(&b, p.Terms[0].Text)
	case search.PartPrefix:
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
		return ""
	}
	return b.String()
}

// cond returns the SQL condition of p.
func (q *sqlQuery) cond(p search.Part) string {
	switch p.Kind {
	case search.PartLang:
		return "lang = " + q.arg(p.Value)
	case search.PartType:
		return "events @> ARRAY[" + q.arg(p.Value) + "::text]"
	}
	c := "tsv @@ " + q.arg(tsquery(p)) + "::tsquery"
	if p.Kind == search.PartWord && p.Sound != "" {
		c = "(" + c + " OR sound @> ARRAY[" + q.arg(p.Sound) + "::text])"
	}
	return c
}

// where returns the WHERE clause of plan and the filters of sq.
func (q *sqlQuery) where(plan search.Plan, sq search.Query) string {
	var conds []string
	for _, g := range plan.All {
		ors := make([]string, len(g))
		for i, p := range g {
			ors[i] = q.cond(p)
		}
		if len(ors) == 1 {
			conds = append(conds, ors[0])
		} else {
			conds = append(conds, "("+strings.Join(ors, " OR ")+")")
		}
	}
	for _, p := range plan.None {
		conds = append(conds, "NOT "+q.cond(p))
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

// rank returns the SQL of a match's rank under plan: ts_rank over every
// required word, phrase and filter, and a little for a sound key.
func (q *sqlQuery) rank(plan search.Plan) string {
	var tsq, sound []string
	for _, g := range plan.All {
		for _, p := range g {
			if t := tsquery(p); t != "" {
				tsq = append(tsq, t)
			}
			if p.Kind == search.PartWord && p.Sound != "" {
				sound = append(sound, p.Sound)
			}
		}
	}
	r := "0"
	if len(tsq) > 0 {
		r = "ts_rank(" + rankWeights + ", tsv, " + q.arg(strings.Join(tsq, " | ")) + "::tsquery)"
	}
	if len(sound) > 0 {
		r += " + CASE WHEN sound && " + q.arg(sound) + "::text[] THEN " + strconv.FormatFloat(soundRank, 'f', -1, 64) + " ELSE 0 END"
	}
	return r
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
	page := `SELECT id, count(*) OVER () FROM (SELECT id, published` + score + ` FROM search_docs WHERE ` + where +
		`) m ORDER BY ` + order + ` LIMIT ` + q.arg(limit) + ` OFFSET ` + q.arg(offset)
	b := &pgx.Batch{}
	b.Queue(page, q.args...)
	fq := &sqlQuery{}
	if sq.Facets {
		fwhere := fq.where(plan, sq)
		b.Queue(`WITH m AS MATERIALIZED (SELECT lang, outlet, entities, events FROM search_docs WHERE `+fwhere+`) `+
			facetSQL(search.FacetOutlet, `(SELECT outlet FROM m WHERE outlet <> '') f(v)`)+` UNION ALL `+
			facetSQL(search.FacetLang, `(SELECT lang FROM m WHERE lang <> '') f(v)`)+` UNION ALL `+
			facetSQL(search.FacetEntity, `m, unnest(m.entities) f(v)`)+` UNION ALL `+
			facetSQL(search.FacetEventType, `m, unnest(m.events) f(v)`), fq.args...)
	}
	out := search.Result{IDs: []string{}}
	err = pgx.BeginTxFunc(ctx, x.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		br := tx.SendBatch(ctx, b)
		defer br.Close()
		rows, err := br.Query()
		if err != nil {
			return err
		}
		for rows.Next() {
			var id string
			var total int64
			if err := rows.Scan(&id, &total); err != nil {
				rows.Close()
				return err
			}
			out.IDs = append(out.IDs, id)
			out.Total = uint64(total)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if sq.Facets {
			out.Facets = map[string][]search.FacetCount{
				search.FacetOutlet: {}, search.FacetLang: {}, search.FacetEntity: {}, search.FacetEventType: {},
			}
			rows, err := br.Query()
			if err != nil {
				return err
			}
			for rows.Next() {
				var name, v string
				var n int64
				if err := rows.Scan(&name, &v, &n); err != nil {
					rows.Close()
					return err
				}
				out.Facets[name] = append(out.Facets[name], search.FacetCount{Term: v, Count: int(n)})
			}
			if err := rows.Err(); err != nil {
				return err
			}
		}
		if err := br.Close(); err != nil {
			return err
		}
		if len(out.IDs) == 0 && offset > 0 {
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
	out.Next = search.NextCursor(offset, len(out.IDs), out.Total)
	return out, nil
}
