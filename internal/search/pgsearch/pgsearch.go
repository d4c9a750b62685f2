// Package pgsearch is khabar's full-text search on PostgreSQL: the same
// queries as the bleve index (package search), over the same analysis.
// khabar's own Hindi+English analyzer runs in Go; its terms are stored as a
// tsvector (no PostgreSQL dictionary touches them) with a GIN index, and a
// query is analysed the same way and run as tsquery expressions, so that
// both backends find the same articles for the same query.
//
// Matching reads the GIN indexes only, never an article's tsvector (which
// PostgreSQL keeps out of line): words are looked up in the index, and
// excluded words are a set of ids looked up the same way. Only phrases and
// field filters read the tsvectors of the articles that have all their
// words. Ranking reads a second, small tsvector of the headlines, entity
// names and publisher (with the sound keys of the headlines and names):
// a match there ranks above a match in the text alone, and matches alike
// go newest first. (bleve also weighs how often and how rarely a word
// occurs in the text; reading every match's whole tsvector to do that costs
// seconds at 100,000 articles.)
//
// Each field of an article keeps its own tsvector weight: A the headlines
// (title and English title), B the entity names, C the text, D the
// publisher. entity: and outlet: filters look in their weight alone;
// fields are set apart by gaps in the positions, so a phrase never runs
// from one into the next. Sound keys, which let a word find itself in the
// other script, are lexemes of their own ("~" and the key) in the same
// tsvector, so that a whole query is one tsquery on one GIN index.
//
// The index lives in the store's database, in the schema the URL's
// search_path names, beside the articles: search_docs holds one row per
// indexed article, search_version the analysis it was made with.
package pgsearch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"khabar/internal/news"
	"khabar/internal/search"
)

// version names the analysis and the table layout an index was made with;
// an index of another version must be made again from the store.
const version = "pg-3/" + search.MappingVersion

// lockKey is the first key of the advisory lock that serialises creating
// and resetting the index (the second is the schema's name).
const lockKey = 0x6b687378 // "khsx"

// Index is a full-text index of articles in a PostgreSQL database. It is
// safe for concurrent use, also by several processes on one database.
type Index struct {
	pool  *pgxpool.Pool
	where string
	log   *slog.Logger
}

// connectTimeout bounds each attempt to connect when the URL sets no
// connect_timeout.
const connectTimeout = 10 * time.Second

// Open connects to the database at url (as store/postgres.Open takes it)
// and creates the index's tables when absent. The error never repeats the
// URL's password. A nil logger discards.
func Open(ctx context.Context, url string, logger *slog.Logger) (*Index, error) {
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("pgsearch: open: %w", err)
	}
	where := fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	if cfg.ConnConfig.ConnectTimeout == 0 {
		// A server that does not answer is reported, not waited for
		// (connect_timeout in the URL sets another bound).
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("pgsearch: open %s: %w", where, err)
	}
	x := &Index{pool: pool, where: where, log: logger}
	if err := x.create(ctx, false); err != nil {
		pool.Close()
		return nil, err
	}
	return x, nil
}

// Close releases the index's connections.
func (x *Index) Close() error {
	x.pool.Close()
	return nil
}

const schema = `
CREATE TABLE IF NOT EXISTS search_version (version TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS search_docs (
	id         TEXT COLLATE "C" PRIMARY KEY,
	published  TIMESTAMPTZ,
	lang       TEXT NOT NULL,
	outlet     TEXT COLLATE "C" NOT NULL,
	entities   TEXT[] COLLATE "C" NOT NULL,
	events     TEXT[] COLLATE "C" NOT NULL,
	tsv        TSVECTOR NOT NULL,
	head       TSVECTOR NOT NULL
) WITH (toast_tuple_target = 1024);
CREATE INDEX IF NOT EXISTS search_docs_tsv ON search_docs USING gin (tsv);
CREATE INDEX IF NOT EXISTS search_docs_events ON search_docs USING gin (events);
CREATE INDEX IF NOT EXISTS search_docs_published ON search_docs (published DESC NULLS LAST, id);
CREATE INDEX IF NOT EXISTS search_docs_lang ON search_docs (lang, published DESC NULLS LAST, id);`

// create makes the tables when absent, under the advisory lock; with
// reset it empties them first and marks them with this version.
func (x *Index) create(ctx context.Context, reset bool) error {
	tx, err := x.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("pgsearch: open %s: %w", x.where, err)
	}
	defer tx.Rollback(ctx)
	var sch *string
	if err := tx.QueryRow(ctx, `SELECT current_schema()`).Scan(&sch); err != nil {
		return fmt.Errorf("pgsearch: open %s: %w", x.where, err)
	}
	if sch == nil {
		return fmt.Errorf("pgsearch: open %s: no schema to create tables in: check the search_path of the URL", x.where)
	}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`, int32(lockKey), *sch); err != nil {
		return fmt.Errorf("pgsearch: open %s: lock: %w", x.where, err)
	}
	if reset {
		if _, err := tx.Exec(ctx, `DROP TABLE IF EXISTS search_docs; DROP TABLE IF EXISTS search_version`); err != nil {
			return fmt.Errorf("pgsearch: reset: %w", err)
		}
	}
	if _, err := tx.Exec(ctx, schema); err != nil {
		return fmt.Errorf("pgsearch: open %s: create tables: %w", x.where, err)
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM search_version`).Scan(&n); err != nil {
		return fmt.Errorf("pgsearch: open %s: %w", x.where, err)
	}
	if n == 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO search_version (version) VALUES ($1)`, version); err != nil {
			return fmt.Errorf("pgsearch: open %s: %w", x.where, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("pgsearch: open %s: %w", x.where, err)
	}
	return nil
}

// Check returns an error wrapping search.ErrVersion when the index was
// made with another analysis than this khabar's: it must be made again
// (Reset, then index every article).
func (x *Index) Check(ctx context.Context) error {
	var v string
	if err := x.pool.QueryRow(ctx, `SELECT version FROM search_version LIMIT 1`).Scan(&v); err != nil {
		return fmt.Errorf("pgsearch: check: %w", err)
	}
	if v != version {
		return fmt.Errorf("pgsearch: the index in %s was made as %q, this khabar needs %q: %w", x.where, v, version, search.ErrVersion)
	}
	return nil
}

// Counts returns, as of one moment, the number of indexed articles, and
// the numbers of articles the store (store/postgres, whose articles table
// is beside the index) holds and marks indexed. Read at one moment, they
// stay comparable while other processes store and index articles.
func (x *Index) Counts(ctx context.Context) (docs, stored, indexed uint64, err error) {
	var d, s, p int64
	if err := x.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM search_docs), (SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles WHERE indexed_hash <> hash)`).Scan(&d, &s, &p); err != nil {
		return 0, 0, 0, fmt.Errorf("pgsearch: counts: %w", err)
	}
	return uint64(d), uint64(s), uint64(s - p), nil
}

// Reset empties the index and marks it with this khabar's analysis.
func (x *Index) Reset(ctx context.Context) error {
	return x.create(ctx, true)
}

// Count returns the number of indexed articles.
func (x *Index) Count(ctx context.Context) (uint64, error) {
	var n int64
	if err := x.pool.QueryRow(ctx, `SELECT count(*) FROM search_docs`).Scan(&n); err != nil {
		return 0, fmt.Errorf("pgsearch: count: %w", err)
	}
	return uint64(n), nil
}

// Index adds arts to the index, or replaces the articles of the same IDs,
// in one transaction.
func (x *Index) Index(ctx context.Context, arts []*news.Article) error {
	if len(arts) == 0 {
		return ctx.Err()
	}
	docs := make([]search.Doc, 0, len(arts))
	for _, a := range arts {
		if a == nil || a.ID == "" {
			return errors.New("pgsearch: index: article without id")
		}
		docs = append(docs, search.NewDoc(a))
	}
	// One order for every writer, so that two processes indexing the same
	// articles never wait on each other in a cycle.
	slices.SortFunc(docs, func(a, b search.Doc) int { return strings.Compare(a.ID, b.ID) })
	docs = slices.CompactFunc(docs, func(a, b search.Doc) bool { return a.ID == b.ID })
	b := &pgx.Batch{}
	for _, d := range docs {
		var published *time.Time
		if !d.Published.IsZero() {
			published = &d.Published
		}
		tsv, head, dropped := vectors(d)
		if dropped {
			x.log.Warn("article too large to index whole: phrases in its later text are not found",
				slog.String("id", d.ID), slog.Int("text_bytes", len(d.Text)))
		}
		b.Queue(`INSERT INTO search_docs (id, published, lang, outlet, entities, events, tsv, head)
			VALUES ($1, $2, $3, $4, $5, $6, $7::tsvector, $8::tsvector)
			ON CONFLICT (id) DO UPDATE SET published = excluded.published, lang = excluded.lang,
				outlet = excluded.outlet, entities = excluded.entities, events = excluded.events,
				tsv = excluded.tsv, head = excluded.head`,
			d.ID, published, d.Lang, d.Publisher, nonNil(d.Entities), nonNil(d.EventTypes), tsv, head)
	}
	err := pgx.BeginFunc(ctx, x.pool, func(tx pgx.Tx) error {
		return tx.SendBatch(ctx, b).Close()
	})
	if err != nil {
		return fmt.Errorf("pgsearch: index: %w", err)
	}
	return nil
}

// Delete removes the articles with ids from the index. Ids not in the
// index are ignored.
func (x *Index) Delete(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return ctx.Err()
	}
	if _, err := x.pool.Exec(ctx, `DELETE FROM search_docs WHERE id = ANY($1)`, ids); err != nil {
		return fmt.Errorf("pgsearch: delete: %w", err)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
