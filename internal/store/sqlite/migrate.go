package sqlite

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	msqlite "modernc.org/sqlite"
)

// ErrSchemaTooNew is returned by Open for a database written by a newer
// version of khabar.
var ErrSchemaTooNew = errors.New("database schema is newer than this khabar")

// migrations are the schema steps in order: the database's schema_version
// is the number of them applied. Append only; never edit a released step.
var migrations = []string{
	// 1: articles. published is Unix seconds (UTC), noTime when unknown, so
	// (published, id) sorts and pages with one index. record is the v1 JSON
	// record. An article is pending for the search index while
	// indexed_hash != hash.
	`CREATE TABLE articles (
		id           TEXT PRIMARY KEY,
		hash         TEXT NOT NULL,
		published    INTEGER NOT NULL,
		lang         TEXT NOT NULL DEFAULT '',
		title        TEXT NOT NULL DEFAULT '',
		url          TEXT NOT NULL DEFAULT '',
		record       TEXT NOT NULL,
		indexed_hash TEXT NOT NULL DEFAULT '',
		created      INTEGER NOT NULL,
		updated      INTEGER NOT NULL
	);
	CREATE INDEX articles_published ON articles (published, id);
	CREATE INDEX articles_lang_published ON articles (lang, published, id);
	CREATE INDEX articles_pending ON articles (id) WHERE indexed_hash != hash;`,
	// 2: groups and stories. The link fields stay in the record; these
	// expression indexes find a group's or a story's articles there.
	// sketches hold the copy-detection state of each article, stories the
	// story records (JSON) and the clustering state, link_state named
	// blobs of engine state. started and ended are Unix seconds as
	// articles.published.
	`CREATE INDEX articles_group ON articles (json_extract(record, '$.group'), published, id)
		WHERE json_extract(record, '$.group') IS NOT NULL;
	CREATE INDEX articles_story ON articles (json_extract(record, '$.story'), published, id)
		WHERE json_extract(record, '$.story') IS NOT NULL;
	CREATE TABLE sketches (
		id   TEXT PRIMARY KEY,
		grp  TEXT NOT NULL DEFAULT '',
		data BLOB NOT NULL
	);
	CREATE TABLE stories (
		id      TEXT PRIMARY KEY,
		thread  TEXT NOT NULL DEFAULT '',
		started INTEGER NOT NULL,
		ended   INTEGER NOT NULL,
		size    INTEGER NOT NULL,
		record  TEXT NOT NULL,
		state   BLOB
	);
	CREATE INDEX stories_ended ON stories (ended, id);
	CREATE INDEX stories_started ON stories (started, id);
	CREATE INDEX stories_thread ON stories (thread, started) WHERE thread != '';
	CREATE TABLE link_state (
		name  TEXT PRIMARY KEY,
		value BLOB NOT NULL
	);`,
	// 3: following. sources are the feeds and sitemaps followed, with
	// their fetch state (times in Unix milliseconds, interval in seconds);
	// fetched the pages fetched for them (url is the canonical URL), so
	// that no stored page is fetched again; raws the raw input of every
	// stored article (body gzipped, source and hints as JSON), for
	// reanalysis.
	`CREATE TABLE sources (
		id            INTEGER PRIMARY KEY,
		url           TEXT NOT NULL UNIQUE,
		kind          TEXT NOT NULL,
		title         TEXT NOT NULL DEFAULT '',
		site          TEXT NOT NULL DEFAULT '',
		added         INTEGER NOT NULL,
		last_fetch    INTEGER NOT NULL DEFAULT 0,
		last_status   INTEGER NOT NULL DEFAULT 0,
		next_fetch    INTEGER NOT NULL DEFAULT 0,
		interval      INTEGER NOT NULL DEFAULT 0,
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		articles      INTEGER NOT NULL DEFAULT 0,
		last_new      INTEGER NOT NULL DEFAULT 0,
		errors        INTEGER NOT NULL DEFAULT 0,
		last_error    TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX sources_next ON sources (next_fetch, id);
	CREATE TABLE fetched (
		url     TEXT PRIMARY KEY,
		source  INTEGER NOT NULL,
		article TEXT NOT NULL DEFAULT '',
		status  INTEGER NOT NULL,
		at      INTEGER NOT NULL
	);
	CREATE INDEX fetched_source ON fetched (source, at);
	CREATE TABLE raws (
		id     TEXT PRIMARY KEY,
		source TEXT NOT NULL,
		format TEXT NOT NULL,
		url    TEXT NOT NULL DEFAULT '',
		hints  TEXT NOT NULL,
		body   BLOB NOT NULL
	);`,
	// 4: analysis. entities holds each entity as last named (names as
	// JSON; search is its names folded to lower case, for look-ups),
	// mentions which articles name it and how often, quotes and events
	// where each quote and event is (n is its index in the record) with
	// what they are filtered on, event_roles the actors and targets of
	// events. published is the article's, as in articles. Filled from the
	// records stored before.
	`CREATE TABLE entities (
		id       TEXT PRIMARY KEY,
		name     TEXT NOT NULL,
		type     TEXT NOT NULL,
		wikidata TEXT NOT NULL DEFAULT '',
		names    TEXT NOT NULL DEFAULT '{}',
		search   TEXT NOT NULL DEFAULT ''
	);
	CREATE TABLE mentions (
		entity    TEXT NOT NULL,
		article   TEXT NOT NULL,
		published INTEGER NOT NULL,
		count     INTEGER NOT NULL,
		PRIMARY KEY (entity, published, article)
	) WITHOUT ROWID;
	CREATE INDEX mentions_article ON mentions (article);
	CREATE INDEX mentions_published ON mentions (published, entity, count);
	CREATE TABLE quotes (
		article   TEXT NOT NULL,
		n         INTEGER NOT NULL,
		speaker   TEXT NOT NULL,
		published INTEGER NOT NULL,
		text      TEXT NOT NULL,
		via       TEXT NOT NULL,
		PRIMARY KEY (article, n)
	) WITHOUT ROWID;
	CREATE INDEX quotes_published ON quotes (published, article, n);
	CREATE INDEX quotes_speaker ON quotes (speaker, published, article, n);
	CREATE TABLE events (
		article   TEXT NOT NULL,
		n         INTEGER NOT NULL,
		type      TEXT NOT NULL,
		subtype   TEXT NOT NULL,
		modality  TEXT NOT NULL,
		place     TEXT NOT NULL,
		published INTEGER NOT NULL,
		PRIMARY KEY (article, n)
	) WITHOUT ROWID;
	CREATE INDEX events_published ON events (published, article, n);
	CREATE INDEX events_type ON events (type, published, article, n);
	CREATE INDEX events_place ON events (place, published) WHERE place != '';
	CREATE TABLE event_roles (
		entity    TEXT NOT NULL,
		role      TEXT NOT NULL,
		article   TEXT NOT NULL,
		n         INTEGER NOT NULL,
		published INTEGER NOT NULL,
		PRIMARY KEY (entity, role, published, article, n)
	) WITHOUT ROWID;
	CREATE INDEX event_roles_article ON event_roles (article);
	INSERT OR REPLACE INTO entities (id, name, type, wikidata, names, search)
		SELECT json_extract(e.value, '$.id'), coalesce(json_extract(e.value, '$.name'), ''),
			coalesce(json_extract(e.value, '$.type'), ''), coalesce(json_extract(e.value, '$.wikidata'), ''),
			coalesce(json_extract(e.value, '$.names'), '{}'),
			lower(coalesce(json_extract(e.value, '$.name'), '') || ' ' || coalesce(json_extract(e.value, '$.names'), ''))
		FROM articles a, json_each(a.record, '$.entities') e ORDER BY a.published, a.id;
	INSERT OR IGNORE INTO mentions (entity, article, published, count)
		SELECT json_extract(e.value, '$.id'), a.id, a.published, json_array_length(e.value, '$.mentions')
		FROM articles a, json_each(a.record, '$.entities') e;
	INSERT INTO quotes (article, n, speaker, published, text, via)
		SELECT a.id, q.key, coalesce(json_extract(q.value, '$.speaker'), ''), a.published,
			lower(coalesce(json_extract(q.value, '$.text'), '')), lower(coalesce(json_extract(q.value, '$.via'), '[]'))
		FROM articles a, json_each(a.record, '$.quotes') q;
	INSERT INTO events (article, n, type, subtype, modality, place, published)
		SELECT a.id, v.key, coalesce(json_extract(v.value, '$.type'), ''), coalesce(json_extract(v.value, '$.subtype'), ''),
			coalesce(nullif(json_extract(v.value, '$.modality'), ''), 'asserted'), coalesce(json_extract(v.value, '$.place'), ''), a.published
		FROM articles a, json_each(a.record, '$.events') v;
	INSERT OR IGNORE INTO event_roles (entity, role, article, n, published)
		SELECT r.value, 'actor', a.id, v.key, a.published
		FROM articles a, json_each(a.record, '$.events') v, json_each(v.value, '$.actors') r;
	INSERT OR IGNORE INTO event_roles (entity, role, article, n, published)
		SELECT r.value, 'target', a.id, v.key, a.published
		FROM articles a, json_each(a.record, '$.events') v, json_each(v.value, '$.targets') r;`,
	// 5: saved searches (alerts): the alert as JSON, the ids already posted
	// to its webhook as a JSON array.
	`CREATE TABLE alerts (
		name     TEXT PRIMARY KEY,
		alert    TEXT NOT NULL,
		notified TEXT NOT NULL DEFAULT '[]'
	);`,
	// 6: the mentions of an article with each entity's count, so that
	// co-mentions are read from the index alone (it serves the deletes
	// by article as the index it replaces did).
	`CREATE INDEX mentions_article_entity ON mentions (article, entity, count);
	DROP INDEX mentions_article;`,
}

// migrate brings the schema up to date, one transaction per step. Other
// processes may open the same new database at once: whichever takes the
// write lock first migrates, and the others, finding a step done or the
// database busy, look again (for up to 10 s) rather than fail.
func (s *Store) migrate(ctx context.Context) error {
	const wait = 20 * time.Millisecond
	for tries := 0; ; tries++ {
		err := s.migrateOnce(ctx)
		if err == nil || tries >= 500 || !(errors.Is(err, errMigrated) || isBusy(err)) {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("sqlite: open %s: %w", s.path, ctx.Err())
		case <-time.After(wait):
		}
	}
}

// errMigrated is returned by step when another process applied the step
// first.
var errMigrated = errors.New("schema version changed while migrating")

// isBusy reports whether err is SQLite's "database is locked" (BUSY),
// which a change of journal mode returns without waiting.
func isBusy(err error) bool {
	var se *msqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == 5
}

func (s *Store) migrateOnce(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx,
		`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", s.path, err)
	}
	// One statement, so two processes cannot both add the first row.
	if _, err := s.w.ExecContext(ctx,
		`INSERT INTO schema_version (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version)`); err != nil {
		return fmt.Errorf("sqlite: open %s: %w", s.path, err)
	}
	var v int
	if err := s.w.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil {
		return fmt.Errorf("sqlite: open %s: read schema version: %w", s.path, err)
	}
	if v > len(migrations) {
		return fmt.Errorf("sqlite: open %s: schema version %d, this khabar knows up to %d: upgrade khabar to use this database: %w",
			s.path, v, len(migrations), ErrSchemaTooNew)
	}
	for ; v < len(migrations); v++ {
		if err := s.step(ctx, v); err != nil {
			return fmt.Errorf("sqlite: open %s: migrate to version %d: %w", s.path, v+1, err)
		}
		s.logger.Info("database migrated", slog.String("path", s.path), slog.Int("schema_version", v+1))
	}
	return nil
}

// step applies migration i (to version i+1) in one transaction.
func (s *Store) step(ctx context.Context, i int) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Read the version again inside the write lock: another process may
	// have migrated meanwhile.
	var v int
	if err := tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil {
		return err
	}
	if v != i {
		return fmt.Errorf("%w (to %d)", errMigrated, v)
	}
	if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, i+1); err != nil {
		return err
	}
	return tx.Commit()
}
