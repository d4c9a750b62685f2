// Package sqlite is khabar's embedded article store: a SQLite database in
// one file (modernc.org/sqlite, pure Go, no cgo) in WAL mode, with ordered
// schema migrations. It implements store.Store.
//
// One connection writes and a small pool reads, so readers never wait for a
// writer and writes are serialised inside the process; busy_timeout covers
// other processes opening the same file. Every write is one transaction, so
// an article is either stored whole or not at all, even after kill -9.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"khabar/internal/store"

	// The pure Go SQLite driver, registered as "sqlite".
	_ "modernc.org/sqlite"
)

var _ store.Store = (*Store)(nil)

// readers is the size of the read connection pool.
const readers = 4

// Store is an article store in a SQLite database. It is safe for concurrent
// use. Open it with Open and release it with Close.
type Store struct {
	path   string
	w      *sql.DB // one connection, BEGIN IMMEDIATE
	r      *sql.DB // read-only pool
	logger *slog.Logger
}

// Open opens the database at path, creating it when absent, and brings its
// schema up to date. It refuses a database whose schema is newer than this
// version knows, with an error wrapping ErrSchemaTooNew. A nil logger
// discards.
func Open(ctx context.Context, path string, logger *slog.Logger) (*Store, error) {
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite: open %q: path must be a file name without '?' or '#'", path)
	}
	common := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	w, err := sql.Open("sqlite", path+"?"+common+"&_pragma=journal_mode(WAL)&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	s := &Store{path: path, w: w, logger: logger}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", path+"?"+common+"&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	if err := r.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.r = r
	return s, nil
}

// Close releases the database. It does not wait for calls in flight; the
// caller stops using the store first.
func (s *Store) Close() error {
	// Let SQLite refresh its planner statistics where it thinks it helps;
	// failure is harmless.
	_, _ = s.w.Exec("PRAGMA optimize")
	return errors.Join(s.r.Close(), s.w.Close())
}
