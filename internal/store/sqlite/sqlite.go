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
	"net/url"
	"os"
	"strings"
	"syscall"

	"khabar/internal/news"
	"khabar/internal/store"

	// The pure Go SQLite driver, registered as "sqlite".
	msqlite "modernc.org/sqlite"
)

var (
	_ store.Store    = (*Store)(nil)
	_ store.Indexing = (*Store)(nil)
)

// readers is the size of the read connection pool.
const readers = 4

// Store is an article store in a SQLite database. It is safe for concurrent
// use. Open it with Open and release it with Close.
type Store struct {
	path   string
	w      *sql.DB // one connection, BEGIN IMMEDIATE
	r      *sql.DB // read-only pool
	logger *slog.Logger
	// readOnly: opened by OpenReadOnly; w is r, and writes fail.
	readOnly bool
	// ents are the entity rows committed, so that they are not written
	// again (see entityCache).
	ents entityCache
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

// OpenReadOnly opens the database at path for reading only, as a folder on
// a read-only medium (a DVD, a read-only mount, a snapshot) must be: with
// no write-ahead log beside it the file is opened immutable (SQLite then
// needs no -shm file and takes no locks); with one, read-only. Every write
// fails. It refuses a database whose schema differs from this version's:
// an older one needs a writable open to migrate it.
func OpenReadOnly(ctx context.Context, path string, logger *slog.Logger) (*Store, error) {
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if path == "" || strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite: open %q: path must be a file name without '?' or '#'", path)
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	mode := "mode=ro&immutable=1"
	if _, err := os.Stat(path + "-wal"); err == nil {
		mode = "mode=ro"
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + mode +
		"&_pragma=busy_timeout(10000)&_pragma=query_only(1)"
	r, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	s := &Store{path: path, w: r, r: r, logger: logger, readOnly: true}
	var v int
	if err := r.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil {
		r.Close()
		return nil, fmt.Errorf("sqlite: open %s read-only: %w", path, err)
	}
	switch {
	case v > len(migrations):
		r.Close()
		return nil, fmt.Errorf("sqlite: open %s: schema version %d, this khabar knows up to %d: upgrade khabar to use this database: %w",
			path, v, len(migrations), ErrSchemaTooNew)
	case v < len(migrations):
		r.Close()
		return nil, fmt.Errorf("sqlite: open %s read-only: schema version %d is older than this khabar's %d: open it once where it can be written to upgrade it",
			path, v, len(migrations))
	}
	return s, nil
}

// ReadOnly reports whether s was opened with OpenReadOnly.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close releases the database. It does not wait for calls in flight; the
// caller stops using the store first.
func (s *Store) Close() error {
	if s.readOnly {
		return s.r.Close()
	}
	// Let SQLite refresh its planner statistics where it thinks it helps;
	// failure is harmless.
	_, _ = s.w.Exec("PRAGMA optimize")
	return errors.Join(s.r.Close(), s.w.Close())
}

// full wraps err with news.ErrDiskFull when SQLite could not write because
// the disk (or the database's size limit) is full.
func full(err error) error {
	if err == nil || errors.Is(err, news.ErrDiskFull) {
		return err
	}
	var se *msqlite.Error
	if (errors.As(err, &se) && se.Code()&0xff == sqliteFull) || errors.Is(err, syscall.ENOSPC) {
		return fmt.Errorf("%w: %w", news.ErrDiskFull, err)
	}
	return err
}

// sqliteFull is SQLITE_FULL, the primary result code of a write that found
// no space.
const sqliteFull = 13
