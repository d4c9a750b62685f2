// Package postgres is khabar's shared article store: a PostgreSQL database
// reached through a pgx connection pool, with ordered schema migrations. It
// implements store.Store with the semantics of the embedded store
// (store/sqlite), so that any number of khabar processes on any number of
// machines can write and read the same articles, links and sources.
//
// Every write is one transaction. Put is idempotent on article id and
// content hash even when several processes put the same article at once:
// the row is inserted or replaced by one INSERT … ON CONFLICT statement,
// which PostgreSQL serialises on the id, so exactly one of them sees New.
//
// The schema lives in the connection's search_path (the public schema
// unless the URL says otherwise, e.g. ?search_path=khabar).
package postgres

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"khabar/internal/store"
)

var (
	_ store.Store    = (*Store)(nil)
	_ store.Indexing = (*Store)(nil)
)

// Store is an article store in a PostgreSQL database. It is safe for
// concurrent use, also by several processes on one database. Open it with
// Open and release it with Close.
type Store struct {
	pool   *pgxpool.Pool
	where  string // host and database, for messages (never the password)
	logger *slog.Logger
}

// connectTimeout bounds each attempt to connect when the URL sets no
// connect_timeout.
const connectTimeout = 10 * time.Second

// Open connects to the database at url (postgres:// or postgresql://, or
// libpq's key=value form) and brings its schema up to date. Besides
// libpq's parameters the URL may set search_path (the schema to use) and
// pgxpool's pool_max_conns (default: 4 or the number of CPUs, whichever is
// more). Open refuses a database whose schema is newer than this version
// knows, with an error wrapping ErrSchemaTooNew. A nil logger discards.
func Open(ctx context.Context, url string, logger *slog.Logger) (*Store, error) {
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		// pgx's message does not repeat the URL, so no password leaks.
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	where := fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	if cfg.ConnConfig.ConnectTimeout == 0 {
		// A server that does not answer is reported, not waited for
		// (connect_timeout in the URL sets another bound).
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", where, err)
	}
	s := &Store{pool: pool, where: where, logger: logger}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// ReadOnly reports false: a PostgreSQL store is opened for writing (what
// it may write is the business of the database role it connects as).
func (s *Store) ReadOnly() bool { return false }

// Close releases the pool's connections, waiting for those in use to be
// given back; the caller stops using the store first.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}
