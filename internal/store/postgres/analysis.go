package postgres

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"khabar/internal/news"
	"khabar/internal/store"
)

var _ store.Analyst = (*Store)(nil)

// entityRow is an entity as the entities table holds it.
type entityRow struct {
	id, name, typ, wikidata, names, search string
}

// queueAnalysis queues the statements that write the analysis rows of r's
// article (entities named, quotes, events), replacing those of the version
// stored before when updated is set, and returns the entities it names,
// for queueEntities. Each table takes one statement, its rows as arrays.
func queueAnalysis(b *batch, r row, updated bool) []entityRow {
	a := r.article
	label := fmt.Sprintf("article %q: analysis", a.ID)
	if updated {
		b.queue(label, `WITH m AS (DELETE FROM mentions WHERE article = $1),
			q AS (DELETE FROM quotes WHERE article = $1),
			v AS (DELETE FROM events WHERE article = $1)
			DELETE FROM event_roles WHERE article = $1`, a.ID)
	}
	var ents []entityRow
	if len(a.Entities) > 0 {
		ids := make([]string, len(a.Entities))
		counts := make([]int32, len(a.Entities))
		for i, e := range a.Entities {
			names, _ := json.Marshal(e.Names)
			if e.Names == nil {
				names = []byte("{}")
			}
			ents = append(ents, entityRow{id: e.ID, name: e.Name, typ: e.Type, wikidata: e.Wikidata,
				names: string(names), search: strings.ToLower(e.Name + " " + string(names))})
			ids[i], counts[i] = e.ID, int32(len(e.Mentions))
		}
		// An entity named twice counts once, as first named.
		b.queue(label, `INSERT INTO mentions (entity, article, published, count)
			SELECT e, $2, $3, c FROM unnest($1::text[], $4::int[]) WITH ORDINALITY AS m(e, c, i) ORDER BY i
			ON CONFLICT DO NOTHING`, ids, a.ID, r.published, counts)
	}
	if len(a.Quotes) > 0 {
		speakers := make([]string, len(a.Quotes))
		texts := make([]string, len(a.Quotes))
		vias := make([]string, len(a.Quotes))
		for i, q := range a.Quotes {
			via, _ := json.Marshal(q.Via)
			if q.Via == nil {
				via = []byte("[]")
			}
			speakers[i], texts[i], vias[i] = q.Speaker, strings.ToLower(q.Text), strings.ToLower(string(via))
		}
		b.queue(label, `INSERT INTO quotes (article, n, speaker, published, text, via)
			SELECT $1, i - 1, s, $2, t, v FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS q(s, t, v, i)`,
			a.ID, r.published, speakers, texts, vias)
	}
	if len(a.Events) > 0 {
		var (
			types, subtypes, mods, places = make([]string, len(a.Events)), make([]string, len(a.Events)),
				make([]string, len(a.Events)), make([]string, len(a.Events))
			roleIDs, roles []string
			roleNs         []int32
		)
		for i, v := range a.Events {
			mod := v.Modality
			if mod == "" {
				mod = news.ModalityAsserted
			}
			types[i], subtypes[i], mods[i], places[i] = v.Type, v.Subtype, mod, v.Place
			for _, role := range []struct {
				name string
				ids  []string
			}{{"actor", v.Actors}, {"target", v.Targets}} {
				for _, id := range role.ids {
					roleIDs, roles, roleNs = append(roleIDs, id), append(roles, role.name), append(roleNs, int32(i))
				}
			}
		}
		b.queue(label, `INSERT INTO events (article, n, type, subtype, modality, place, published)
			SELECT $1, i - 1, t, s, m, p, $2 FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS v(t, s, m, p, i)`,
			a.ID, r.published, types, subtypes, mods, places)
		if len(roleIDs) > 0 {
			b.queue(label, `INSERT INTO event_roles (entity, role, article, n, published)
				SELECT e, r, $1, n, $2 FROM unnest($3::text[], $4::text[], $5::int[]) AS x(e, r, n)
				ON CONFLICT DO NOTHING`, a.ID, r.published, roleIDs, roles, roleNs)
		}
	}
	return ents
}

// queueEntities queues the writes of ents: each id once, as last named,
// in the order of ids, so that transactions naming the same entities take
// their locks in one order. An entity stored as it is named is not
// written, and so not locked: a popular entity does not make the
// processes that name it wait for each other.
func queueEntities(b *batch, ents []entityRow) {
	if len(ents) == 0 {
		return
	}
	last := map[string]entityRow{}
	for _, e := range ents {
		last[e.id] = e
	}
	ids := make([]string, 0, len(last))
	for id := range last {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var names, types, wikidata, nameJSON, search []string
	for _, id := range ids {
		e := last[id]
		names, types, wikidata = append(names, e.name), append(types, e.typ), append(wikidata, e.wikidata)
		nameJSON, search = append(nameJSON, e.names), append(search, e.search)
	}
	args := []any{ids, names, types, wikidata, nameJSON, search}
	const rows = `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
		WITH ORDINALITY AS n(id, name, type, wikidata, names, search, i)`
	b.queue("entities", `INSERT INTO entities (id, name, type, wikidata, names, search)
		SELECT id, name, type, wikidata, names, search FROM `+rows+` ORDER BY i
		ON CONFLICT (id) DO NOTHING`, args...)
	b.queue("entities", `UPDATE entities e SET name = n.name, type = n.type, wikidata = n.wikidata,
		names = n.names, search = n.search
		FROM (SELECT * FROM `+rows+` ORDER BY i) n
		WHERE e.id = n.id AND (e.name, e.type, e.wikidata, e.names) IS DISTINCT FROM (n.name, n.type, n.wikidata, n.names)`, args...)
}

// span adds the conditions of [from, to) on column col of published times.
func span(q *pageQuery, col string, from, to time.Time) {
	if !from.IsZero() {
		q.cond(col+" >= ?", from.Unix())
	}
	if !to.IsZero() {
		q.cond(col+" > ? AND "+col+" < ?", int64(noTime), to.Unix())
	}
}

// likeArg is s as a LIKE pattern matching it anywhere, lower-cased, with
// the wildcards of s escaped (by "\").
func likeArg(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(s))
	return "%" + s + "%"
}

// Entities returns the entities named in the most articles f selects.
func (s *Store) Entities(ctx context.Context, f store.EntityFilter) ([]store.EntityCount, error) {
	q := pageQuery{}
	span(&q, "m.published", f.From, f.To)
	if f.Type != "" {
		q.cond("e.type = ?", f.Type)
	}
	if f.Query != "" {
		q.cond(`e.search LIKE ? ESCAPE '\'`, likeArg(f.Query))
	}
	text := `SELECT e.id, e.name, e.type, e.wikidata, e.names, count(*), sum(m.count)
		FROM mentions m JOIN entities e ON e.id = m.entity` + q.whereClause() + `
		GROUP BY e.id ORDER BY count(*) DESC, sum(m.count) DESC, e.id LIMIT ` + q.next(pageLimit(f.Limit))
	return s.entityCounts(ctx, "entities", text, q.args...)
}

func (s *Store) entityCounts(ctx context.Context, op, q string, args ...any) ([]store.EntityCount, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", op, err)
	}
	defer rows.Close()
	out := []store.EntityCount{}
	for rows.Next() {
		var c store.EntityCount
		var names string
		if err := rows.Scan(&c.ID, &c.Name, &c.Type, &c.Wikidata, &names, &c.Articles, &c.Mentions); err != nil {
			return nil, fmt.Errorf("postgres: %s: %w", op, err)
		}
		if err := json.Unmarshal([]byte(names), &c.Names); err != nil {
			return nil, fmt.Errorf("postgres: %s: %q: %w", op, c.ID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", op, err)
	}
	return out, nil
}

// Entity returns one entity with its counts over every article.
func (s *Store) Entity(ctx context.Context, id string) (*store.EntityCount, error) {
	cs, err := s.entityCounts(ctx, "entity", `SELECT e.id, e.name, e.type, e.wikidata, e.names,
		(SELECT count(*) FROM mentions WHERE entity = e.id), (SELECT coalesce(sum(count), 0) FROM mentions WHERE entity = e.id)
		FROM entities e WHERE e.id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 || cs[0].Articles == 0 {
		return nil, fmt.Errorf("postgres: entity %q: %w", id, news.ErrNotFound)
	}
	return &cs[0], nil
}

// EntityDays returns the articles per IST day naming id.
func (s *Store) EntityDays(ctx context.Context, id string, from, to time.Time) ([]store.DayCount, error) {
	q := pageQuery{}
	q.cond("entity = ?", id)
	q.cond("published <> ?", int64(noTime))
	span(&q, "published", from, to)
	rows, err := s.pool.Query(ctx, `SELECT published FROM mentions`+q.whereClause()+` ORDER BY published`, q.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: entity days %q: %w", id, err)
	}
	defer rows.Close()
	out := []store.DayCount{}
	for rows.Next() {
		var p int64
		if err := rows.Scan(&p); err != nil {
			return nil, fmt.Errorf("postgres: entity days %q: %w", id, err)
		}
		day := time.Unix(p, 0).In(ist).Format(time.DateOnly)
		if n := len(out); n > 0 && out[n-1].Day == day {
			out[n-1].Count++
		} else {
			out = append(out, store.DayCount{Day: day, Count: 1})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: entity days %q: %w", id, err)
	}
	return out, nil
}

// CoMentioned returns the entities most often named beside id.
func (s *Store) CoMentioned(ctx context.Context, id string, limit int) ([]store.EntityCount, error) {
	return s.entityCounts(ctx, "co-mentioned", `SELECT e.id, e.name, e.type, e.wikidata, e.names, count(*), sum(o.count)
		FROM (SELECT article FROM mentions WHERE entity = $1 ORDER BY published DESC LIMIT $3) m
		JOIN mentions o ON o.article = m.article AND o.entity <> $1 JOIN entities e ON e.id = o.entity
		GROUP BY e.id ORDER BY count(*) DESC, sum(o.count) DESC, e.id LIMIT $2`, id, pageLimit(limit), store.CoMentionedArticles)
}

// EntityArticles returns a page of the articles naming id, newest first.
func (s *Store) EntityArticles(ctx context.Context, id string, limit int, cursor string) (store.Page, error) {
	n := pageLimit(limit)
	q := pageQuery{}
	q.cond("entity = ?", id)
	if cursor != "" {
		k, err := parseCursor(cursor)
		if err != nil {
			return store.Page{}, fmt.Errorf("postgres: entity articles: %w", err)
		}
		q.cond("(published, article) < (?, ?)", k.published, k.id)
	}
	text := `SELECT article, published FROM mentions` + q.whereClause() +
		` ORDER BY published DESC, article DESC LIMIT ` + q.next(n+1)
	keys, err := collect(ctx, s, text, q.args, func(rows pgx.Rows) (k key, err error) {
		err = rows.Scan(&k.id, &k.published)
		return k, err
	})
	if err != nil {
		return store.Page{}, fmt.Errorf("postgres: entity articles: %w", err)
	}
	var page store.Page
	if len(keys) > n {
		keys = keys[:n]
		page.Next = keys[n-1].cursor()
	}
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = k.id
	}
	if page.Articles, err = s.GetMany(ctx, ids); err != nil {
		return store.Page{}, err
	}
	return page, nil
}

// collect runs q and returns its rows as scan reads them.
func collect[T any](ctx context.Context, s *Store, q string, args []any, scan func(pgx.Rows) (T, error)) ([]T, error) {
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		it, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// itemKey is the sort key of a quote or event: (published, article, n).
type itemKey struct {
	published int64
	article   string
	n         int
}

func (k itemKey) cursor() string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(k.published, 10) + ":" + strconv.Itoa(k.n) + ":" + k.article))
}

func parseItemCursor(c string) (itemKey, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return itemKey{}, fmt.Errorf("%w: %q", store.ErrBadCursor, c)
	}
	parts := strings.SplitN(string(b), ":", 3)
	if len(parts) != 3 || parts[2] == "" {
		return itemKey{}, fmt.Errorf("%w: %q", store.ErrBadCursor, c)
	}
	p, err1 := strconv.ParseInt(parts[0], 10, 64)
	n, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil {
		return itemKey{}, fmt.Errorf("%w: %q", store.ErrBadCursor, c)
	}
	return itemKey{p, parts[2], n}, nil
}

// items runs sel (selecting published, article, n from the table aliased
// v) with q's conditions for one page after cursor, oldest first, and
// returns its keys, the next cursor and the articles the keys name, by id.
func (s *Store) items(ctx context.Context, op, sel string, q *pageQuery, limit int, cursor string) ([]itemKey, string, map[string]*news.Article, error) {
	if cursor != "" {
		k, err := parseItemCursor(cursor)
		if err != nil {
			return nil, "", nil, fmt.Errorf("postgres: %s: %w", op, err)
		}
		q.cond("(v.published, v.article, v.n) > (?, ?, ?)", k.published, k.article, k.n)
	}
	n := pageLimit(limit)
	text := sel + q.whereClause() + " ORDER BY v.published, v.article, v.n LIMIT " + q.next(n+1)
	keys, err := collect(ctx, s, text, q.args, func(rows pgx.Rows) (k itemKey, err error) {
		err = rows.Scan(&k.published, &k.article, &k.n)
		return k, err
	})
	if err != nil {
		return nil, "", nil, fmt.Errorf("postgres: %s: %w", op, err)
	}
	next := ""
	if len(keys) > n {
		keys = keys[:n]
		next = keys[n-1].cursor()
	}
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = k.article
	}
	byID, err := store.ArticlesByID(ctx, s, ids)
	if err != nil {
		return nil, "", nil, err
	}
	return keys, next, byID, nil
}

// Quotes returns a page of quotes, oldest first.
func (s *Store) Quotes(ctx context.Context, f store.QuoteFilter) (store.QuotePage, error) {
	q := pageQuery{}
	if f.Speaker != "" {
		q.cond("v.speaker = ?", f.Speaker)
	}
	span(&q, "v.published", f.From, f.To)
	if f.Text != "" {
		q.cond(`v.text LIKE ? ESCAPE '\'`, likeArg(f.Text))
	}
	if f.Via != "" {
		b, _ := json.Marshal(strings.ToLower(f.Via))
		q.cond(`v.via LIKE ? ESCAPE '\'`, likeArg(string(b)))
	}
	keys, next, arts, err := s.items(ctx, "quotes", `SELECT v.published, v.article, v.n FROM quotes v`, &q, f.Limit, f.Cursor)
	if err != nil {
		return store.QuotePage{}, err
	}
	page := store.QuotePage{Quotes: []store.QuoteHit{}, Next: next}
	for _, k := range keys {
		a := arts[k.article]
		if a == nil || k.n >= len(a.Quotes) {
			continue // changed meanwhile
		}
		page.Quotes = append(page.Quotes, store.QuoteHit{Quote: a.Quotes[k.n], Article: store.RefOf(a)})
	}
	return page, nil
}

// Events returns a page of events, oldest first.
func (s *Store) Events(ctx context.Context, f store.EventFilter) (store.EventPage, error) {
	q := pageQuery{}
	for _, c := range []struct{ col, val string }{{"type", f.Type}, {"subtype", f.Subtype}, {"modality", f.Modality}, {"place", f.Place}} {
		if c.val != "" {
			q.cond("v."+c.col+" = ?", c.val)
		}
	}
	for _, r := range []struct{ role, id string }{{"actor", f.Actor}, {"target", f.Target}} {
		if r.id != "" {
			q.cond("EXISTS (SELECT 1 FROM event_roles r WHERE r.entity = ? AND r.role = ? AND r.article = v.article AND r.n = v.n)", r.id, r.role)
		}
	}
	span(&q, "v.published", f.From, f.To)
	keys, next, arts, err := s.items(ctx, "events", `SELECT v.published, v.article, v.n FROM events v`, &q, f.Limit, f.Cursor)
	if err != nil {
		return store.EventPage{}, err
	}
	page := store.EventPage{Events: []store.EventHit{}, Next: next}
	for _, k := range keys {
		a := arts[k.article]
		if a == nil || k.n >= len(a.Events) {
			continue
		}
		ev := a.Events[k.n]
		ents := make(map[string]news.Entity, len(a.Entities))
		for _, e := range a.Entities {
			ents[e.ID] = e
		}
		hit := store.EventHit{Event: ev, Entities: map[string]store.EntityName{}, Article: store.RefOf(a)}
		for _, id := range slices.Concat(ev.Actors, ev.Targets, []string{ev.Place}) {
			if e, ok := ents[id]; ok {
				hit.Entities[id] = store.EntityName{Name: e.Name, Names: e.Names, Type: e.Type}
			}
		}
		page.Events = append(page.Events, hit)
	}
	return page, nil
}
