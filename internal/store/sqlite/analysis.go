package sqlite

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
)

var _ store.Analyst = (*Store)(nil)

// putAnalysis replaces the analysis rows of r's article (entities named,
// quotes, events) in w. A new article has none to delete: its rows go
// with its row in articles, which it did not have.
func putAnalysis(ctx context.Context, w *wtx, r row, isNew bool) error {
	a := r.article
	for _, q := range []string{
		`DELETE FROM mentions WHERE article = ?`,
		`DELETE FROM quotes WHERE article = ?`,
		`DELETE FROM events WHERE article = ?`,
		`DELETE FROM event_roles WHERE article = ?`,
	} {
		if isNew {
			break
		}
		if err := w.exec(ctx, q, a.ID); err != nil {
			return fmt.Errorf("article %q: analysis: %w", a.ID, err)
		}
	}
	for _, e := range a.Entities {
		names, _ := json.Marshal(e.Names)
		if e.Names == nil {
			names = []byte("{}")
		}
		// An entity row is the same in most articles that name it: it is
		// written when it changes, not once per mention.
		if key := entityKey(e.Name, e.Type, e.Wikidata, string(names)); !w.written(e.ID, key) {
			if err := w.exec(ctx, `INSERT INTO entities (id, name, type, wikidata, names, search) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, wikidata = excluded.wikidata,
				names = excluded.names, search = excluded.search`, e.ID, e.Name, e.Type, e.Wikidata, string(names),
				strings.ToLower(e.Name+" "+string(names))); err != nil {
				return fmt.Errorf("article %q: entity %q: %w", a.ID, e.ID, err)
			}
			w.wrote(e.ID, key)
		}
		if err := w.exec(ctx, `INSERT OR IGNORE INTO mentions (entity, article, published, count) VALUES (?, ?, ?, ?)`,
			e.ID, a.ID, r.published, len(e.Mentions)); err != nil {
			return fmt.Errorf("article %q: entity %q: %w", a.ID, e.ID, err)
		}
	}
	for i, q := range a.Quotes {
		via, _ := json.Marshal(q.Via)
		if q.Via == nil {
			via = []byte("[]")
		}
		if err := w.exec(ctx, `INSERT INTO quotes (article, n, speaker, published, text, via) VALUES (?, ?, ?, ?, ?, ?)`,
			a.ID, i, q.Speaker, r.published, strings.ToLower(q.Text), strings.ToLower(string(via))); err != nil {
			return fmt.Errorf("article %q: quote %d: %w", a.ID, i, err)
		}
	}
	for i, v := range a.Events {
		mod := v.Modality
		if mod == "" {
			mod = news.ModalityAsserted
		}
		if err := w.exec(ctx, `INSERT INTO events (article, n, type, subtype, modality, place, published) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			a.ID, i, v.Type, v.Subtype, mod, v.Place, r.published); err != nil {
			return fmt.Errorf("article %q: event %d: %w", a.ID, i, err)
		}
		for role, ids := range map[string][]string{"actor": v.Actors, "target": v.Targets} {
			for _, id := range ids {
				if err := w.exec(ctx, `INSERT OR IGNORE INTO event_roles (entity, role, article, n, published) VALUES (?, ?, ?, ?, ?)`,
					id, role, a.ID, i, r.published); err != nil {
					return fmt.Errorf("article %q: event %d: %w", a.ID, i, err)
				}
			}
		}
	}
	return nil
}

// span adds the conditions of [from, to) on column col of published times.
func span(q *strings.Builder, args *[]any, col string, from, to time.Time) {
	if !from.IsZero() {
		q.WriteString(" AND " + col + " >= ?")
		*args = append(*args, from.Unix())
	}
	if !to.IsZero() {
		q.WriteString(" AND " + col + " > ? AND " + col + " < ?")
		*args = append(*args, int64(noTime), to.Unix())
	}
}

// likeArg is s as a LIKE pattern matching it anywhere, lower-cased, with
// the wildcards of s escaped (by "\").
func likeArg(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(s))
	return "%" + s + "%"
}

// Entities returns the entities named in the most articles f selects. The
// mentions are counted first and only the entities of the page are read,
// so that a month of mentions costs one pass over an index.
func (s *Store) Entities(ctx context.Context, f store.EntityFilter) ([]store.EntityCount, error) {
	var q strings.Builder
	args := []any{}
	q.WriteString(`SELECT e.id, e.name, e.type, e.wikidata, e.names, c.n, c.m FROM (
		SELECT m.entity, COUNT(*) AS n, SUM(m.count) AS m FROM mentions m WHERE 1`)
	span(&q, &args, "m.published", f.From, f.To)
	if f.Type != "" || f.Query != "" {
		q.WriteString(" AND m.entity IN (SELECT id FROM entities WHERE 1")
		if f.Type != "" {
			q.WriteString(" AND type = ?")
			args = append(args, f.Type)
		}
		if f.Query != "" {
			q.WriteString(` AND search LIKE ? ESCAPE '\'`)
			args = append(args, likeArg(f.Query))
		}
		q.WriteString(")")
	}
	q.WriteString(` GROUP BY m.entity ORDER BY n DESC, m DESC, m.entity LIMIT ?) c
		JOIN entities e ON e.id = c.entity ORDER BY c.n DESC, c.m DESC, e.id`)
	args = append(args, pageLimit(f.Limit))
	return s.entityCounts(ctx, "entities", q.String(), args...)
}

func (s *Store) entityCounts(ctx context.Context, op, q string, args ...any) ([]store.EntityCount, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", op, err)
	}
	defer rows.Close()
	out := []store.EntityCount{}
	for rows.Next() {
		var c store.EntityCount
		var names string
		if err := rows.Scan(&c.ID, &c.Name, &c.Type, &c.Wikidata, &names, &c.Articles, &c.Mentions); err != nil {
			return nil, fmt.Errorf("sqlite: %s: %w", op, err)
		}
		if err := json.Unmarshal([]byte(names), &c.Names); err != nil {
			return nil, fmt.Errorf("sqlite: %s: %q: %w", op, c.ID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", op, err)
	}
	return out, nil
}

// Entity returns one entity with its counts over every article.
func (s *Store) Entity(ctx context.Context, id string) (*store.EntityCount, error) {
	cs, err := s.entityCounts(ctx, "entity", `SELECT e.id, e.name, e.type, e.wikidata, e.names, c.n, c.m
		FROM entities e, (SELECT COUNT(*) AS n, coalesce(SUM(count), 0) AS m FROM mentions WHERE entity = ?) c
		WHERE e.id = ?`, id, id)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 || cs[0].Articles == 0 {
		return nil, fmt.Errorf("sqlite: entity %q: %w", id, news.ErrNotFound)
	}
	return &cs[0], nil
}

// istOffset is IST's offset from UTC in seconds; India keeps no summer
// time, so an IST day is a fixed span of Unix time.
const istOffset = 5*3600 + 1800

// istDay is the SQL of the IST day number (days since 1970-01-01 IST) of
// the Unix time in column col, rounded down for times before 1970 too.
func istDay(col string) string {
	x := fmt.Sprintf("(%s + %d)", col, istOffset)
	return fmt.Sprintf("(%s / 86400 - (%s %% 86400 < 0))", x, x)
}

// EntityDays returns the articles per IST day naming id, counted in SQL
// over the entity's mentions (an index range).
func (s *Store) EntityDays(ctx context.Context, id string, from, to time.Time) ([]store.DayCount, error) {
	var q strings.Builder
	args := []any{id}
	q.WriteString(`SELECT ` + istDay("published") + ` AS d, COUNT(*) FROM mentions WHERE entity = ? AND published != ?`)
	args = append(args, int64(noTime))
	span(&q, &args, "published", from, to)
	q.WriteString(" GROUP BY d ORDER BY d")
	rows, err := s.r.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity days %q: %w", id, err)
	}
	defer rows.Close()
	out := []store.DayCount{}
	for rows.Next() {
		var d int64
		var n int
		if err := rows.Scan(&d, &n); err != nil {
			return nil, fmt.Errorf("sqlite: entity days %q: %w", id, err)
		}
		day := time.Unix(d*86400, 0).UTC().Format(time.DateOnly)
		out = append(out, store.DayCount{Day: day, Count: n})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: entity days %q: %w", id, err)
	}
	return out, nil
}

// CoMentioned returns the entities most often named beside id in its
// latest store.CoMentionedArticles articles: the mentions of those
// articles are counted from an index alone, and only the entities of the
// answer are read.
func (s *Store) CoMentioned(ctx context.Context, id string, limit int) ([]store.EntityCount, error) {
	return s.entityCounts(ctx, "co-mentioned", `SELECT e.id, e.name, e.type, e.wikidata, e.names, c.n, c.m FROM (
		SELECT o.entity, COUNT(*) AS n, SUM(o.count) AS m
		FROM (SELECT article FROM mentions WHERE entity = ? ORDER BY published DESC LIMIT ?) a
		JOIN mentions o ON o.article = a.article AND o.entity != ?
		GROUP BY o.entity ORDER BY n DESC, m DESC, o.entity LIMIT ?) c
		JOIN entities e ON e.id = c.entity ORDER BY c.n DESC, c.m DESC, e.id`, id, store.CoMentionedArticles, id, pageLimit(limit))
}

// EntityArticles returns a page of the articles naming id, newest first.
func (s *Store) EntityArticles(ctx context.Context, id string, limit int, cursor string) (store.Page, error) {
	n := pageLimit(limit)
	args := []any{id}
	q := `SELECT article, published FROM mentions WHERE entity = ?`
	if cursor != "" {
		k, err := parseCursor(cursor)
		if err != nil {
			return store.Page{}, fmt.Errorf("sqlite: entity articles: %w", err)
		}
		q += ` AND (published, article) < (?, ?)`
		args = append(args, k.published, k.id)
	}
	q += ` ORDER BY published DESC, article DESC LIMIT ?`
	args = append(args, n+1)
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return store.Page{}, fmt.Errorf("sqlite: entity articles: %w", err)
	}
	var keys []key
	for rows.Next() {
		var k key
		if err := rows.Scan(&k.id, &k.published); err != nil {
			rows.Close()
			return store.Page{}, fmt.Errorf("sqlite: entity articles: %w", err)
		}
		keys = append(keys, k)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return store.Page{}, fmt.Errorf("sqlite: entity articles: %w", err)
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

// items runs q (selecting published, article, n, oldest first) for one page
// after cursor and returns its keys, the next cursor and the articles the
// keys name, by id.
func (s *Store) items(ctx context.Context, op string, q *strings.Builder, args []any, limit int, cursor string) ([]itemKey, string, map[string]*news.Article, error) {
	if cursor != "" {
		k, err := parseItemCursor(cursor)
		if err != nil {
			return nil, "", nil, fmt.Errorf("sqlite: %s: %w", op, err)
		}
		q.WriteString(" AND (published, article, n) > (?, ?, ?)")
		args = append(args, k.published, k.article, k.n)
	}
	n := pageLimit(limit)
	q.WriteString(" ORDER BY published, article, n LIMIT ?")
	args = append(args, n+1)
	rows, err := s.r.QueryContext(ctx, q.String(), args...)
	if err != nil {
		return nil, "", nil, fmt.Errorf("sqlite: %s: %w", op, err)
	}
	var keys []itemKey
	for rows.Next() {
		var k itemKey
		if err := rows.Scan(&k.published, &k.article, &k.n); err != nil {
			rows.Close()
			return nil, "", nil, fmt.Errorf("sqlite: %s: %w", op, err)
		}
		keys = append(keys, k)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, "", nil, fmt.Errorf("sqlite: %s: %w", op, err)
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
	var q strings.Builder
	args := []any{}
	q.WriteString(`SELECT published, article, n FROM quotes WHERE 1`)
	if f.Speaker != "" {
		q.WriteString(" AND speaker = ?")
		args = append(args, f.Speaker)
	}
	span(&q, &args, "published", f.From, f.To)
	if f.Text != "" {
		q.WriteString(` AND text LIKE ? ESCAPE '\'`)
		args = append(args, likeArg(f.Text))
	}
	if f.Via != "" {
		b, _ := json.Marshal(strings.ToLower(f.Via))
		q.WriteString(` AND via LIKE ? ESCAPE '\'`)
		args = append(args, likeArg(string(b)))
	}
	keys, next, arts, err := s.items(ctx, "quotes", &q, args, f.Limit, f.Cursor)
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
	var q strings.Builder
	args := []any{}
	// With an actor or a target, the rows of event_roles for that entity
	// and role (already in time order) drive the query, so that a rarely
	// named entity's events are found without a scan of every event.
	q.WriteString(`SELECT published, article, n FROM events v WHERE 1`)
	var drive struct{ role, id string }
	switch {
	case f.Actor != "":
		drive.role, drive.id = "actor", f.Actor
	case f.Target != "":
		drive.role, drive.id = "target", f.Target
	}
	if drive.id != "" {
		q.Reset()
		q.WriteString(`SELECT published, article, n FROM (SELECT r.published, r.article, r.n, v.type, v.subtype, v.modality, v.place
			FROM event_roles r JOIN events v ON v.article = r.article AND v.n = r.n WHERE r.entity = ? AND r.role = ?) v WHERE 1`)
		args = append(args, drive.id, drive.role)
	}
	for _, c := range []struct{ col, val string }{{"type", f.Type}, {"subtype", f.Subtype}, {"modality", f.Modality}, {"place", f.Place}} {
		if c.val != "" {
			q.WriteString(" AND " + c.col + " = ?")
			args = append(args, c.val)
		}
	}
	for _, r := range []struct{ role, id string }{{"actor", f.Actor}, {"target", f.Target}} {
		if r.id != "" && r != drive {
			q.WriteString(" AND EXISTS (SELECT 1 FROM event_roles r WHERE r.entity = ? AND r.role = ? AND r.article = v.article AND r.n = v.n)")
			args = append(args, r.id, r.role)
		}
	}
	span(&q, &args, "published", f.From, f.To)
	keys, next, arts, err := s.items(ctx, "events", &q, args, f.Limit, f.Cursor)
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
		ents := entitiesByID(a)
		hit := store.EventHit{Event: ev, Entities: map[string]store.EntityName{}, Article: store.RefOf(a)}
		for _, id := range append(append(append([]string(nil), ev.Actors...), ev.Targets...), ev.Place) {
			if e, ok := ents[id]; ok {
				hit.Entities[id] = store.EntityName{Name: e.Name, Names: e.Names, Type: e.Type}
			}
		}
		page.Events = append(page.Events, hit)
	}
	return page, nil
}

func entitiesByID(a *news.Article) map[string]news.Entity {
	m := make(map[string]news.Entity, len(a.Entities))
	for _, e := range a.Entities {
		m[e.ID] = e
	}
	return m
}
