package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"

	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/search/pgsearch"
	"khabar/internal/store"
	"khabar/internal/store/postgres"
	"khabar/internal/store/sqlite"
)

// defaultData is the data folder when neither --store, --data,
// KHABAR_STORE nor KHABAR_DATA says.
const defaultData = "./khabar-data"

func dataDefault(e *env) string {
	if d := e.getenv("KHABAR_STORE"); d != "" {
		return d
	}
	if d := e.getenv("KHABAR_DATA"); d != "" {
		return d
	}
	return defaultData
}

// folderDefault is the data folder when neither --data nor KHABAR_DATA
// says, for the commands that need a folder (demo).
func folderDefault(e *env) string {
	if d := e.getenv("KHABAR_DATA"); d != "" {
		return d
	}
	return defaultData
}

// storeFlag registers --store and its older name --data on fs, both
// setting the location it returns: a data folder, sqlite:PATH or
// postgres://…; by default $KHABAR_STORE, else $KHABAR_DATA, else
// ./khabar-data.
func storeFlag(e *env, fs *flag.FlagSet) *string {
	loc := dataDefault(e)
	fs.Var((*locValue)(&loc), "store", "where articles are kept: a data folder, sqlite:PATH or postgres://user@host/db (env KHABAR_STORE)")
	fs.Var((*locValue)(&loc), "data", "data folder: the same as --store (env KHABAR_DATA)")
	return &loc
}

type locValue string

func (v *locValue) String() string {
	if v == nil {
		return ""
	}
	return showLoc(string(*v))
}
func (v *locValue) Set(s string) error { *v = locValue(s); return nil }

// showLoc is loc for messages: a folder as it is, a URL without its
// password.
func showLoc(loc string) string {
	backend, target, err := store.ParseURL(loc)
	if err != nil || backend == store.BackendSQLite {
		if err == nil {
			return target
		}
		return "(the given store)"
	}
	u, err := url.Parse(target)
	if err != nil {
		return "(a PostgreSQL database)"
	}
	return u.Redacted()
}

// folderOf returns the data folder of loc, and false for a store that is
// not a folder (PostgreSQL).
func folderOf(loc string) (string, bool) {
	backend, target, err := store.ParseURL(loc)
	if err != nil || backend != store.BackendSQLite {
		return "", false
	}
	return target, true
}

// dataStore is what the commands need of a store: any backend's.
type dataStore interface {
	store.Store
	store.Alerts
	store.Analyst
	store.Indexing
	// ReadOnly reports that the store takes no writes.
	ReadOnly() bool
}

// textIndex is what the commands need of a search index: the bleve index
// of a data folder, or the PostgreSQL one beside a PostgreSQL store.
type textIndex interface {
	Index(ctx context.Context, arts []*news.Article) error
	Search(ctx context.Context, q search.Query) (search.Result, error)
	Close() error
}

var (
	_ textIndex = (*search.Index)(nil)
	_ textIndex = (*pgsearch.Index)(nil)
	_ dataStore = (*sqlite.Store)(nil)
	_ dataStore = (*postgres.Store)(nil)
)

// dataFolder is an opened store and its search index: a data folder
// (SQLite and bleve) or a PostgreSQL database.
type dataFolder struct {
	// dir is the data folder, "" for a store that is not one.
	dir string
	// name says where the store is, for messages (never a password).
	name  string
	store dataStore
	index textIndex
}

// openMode says how a command uses a data folder.
type openMode int

const (
	// forWrite creates the folder when absent and opens the index for
	// writing; one process at a time.
	forWrite openMode = iota
	// forRead opens an existing folder with the index read-only; many
	// readers may share it, but not with a writer.
	forRead
	// storeOnly opens an existing folder's store and not its index.
	storeOnly
)

// openData opens the data folder dir as mode says. The store is the
// record: a search index that is missing, half-made, stale or from another
// mapping version is built again from it (see openIndex). A folder that
// cannot be written (a read-only medium) is opened read-only for reading.
func openData(ctx context.Context, e *env, loc string, mode openMode) (*dataFolder, error) {
	if e.log == nil {
		e.log = slog.New(slog.DiscardHandler)
	}
	backend, dir, err := store.ParseURL(loc)
	if err != nil {
		return nil, err
	}
	if backend == store.BackendPostgres {
		return openPostgres(ctx, e, dir, mode)
	}
	create := mode == forWrite
	db := filepath.Join(dir, "khabar.db")
	if !create {
		if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no khabar data in %s: run \"khabar ingest --data %s PATH...\" first", dir, dir)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	var st *sqlite.Store
	st, err = sqlite.Open(ctx, db, e.log)
	if err != nil && !create {
		// A folder on a read-only medium (or a database without its -wal
		// and -shm files where they cannot be made) is read as it is.
		if ro, rerr := sqlite.OpenReadOnly(ctx, db, e.log); rerr == nil {
			e.log.Info("data folder opened read-only", slog.String("data", dir), slog.String("reason", err.Error()))
			st, err = ro, nil
		}
	}
	if err != nil {
		if create {
			f, ferr := os.CreateTemp(dir, ".khabar-write-*")
			if ferr != nil {
				return nil, fmt.Errorf("data folder %s cannot be written (%w): use a writable --data folder: %w", dir, ferr, err)
			}
			f.Close()
			os.Remove(f.Name())
		}
		return nil, err
	}
	if mode == storeOnly {
		return &dataFolder{dir: dir, name: dir, store: st}, nil
	}
	ix, err := openIndex(ctx, e, st, filepath.Join(dir, "index.bleve"), mode == forWrite)
	if err != nil {
		st.Close()
		return nil, err
	}
	return &dataFolder{dir: dir, name: dir, store: st, index: ix}, nil
}

func (d *dataFolder) Close() error {
	var err error
	if d.index != nil {
		err = d.index.Close()
	}
	return errors.Join(err, d.store.Close())
}

// openPostgres opens the PostgreSQL store at url and, unless mode is
// storeOnly, its search index, brought up to date with the store (see
// openPGIndex). Any number of processes may open one database at once,
// for reading and writing.
func openPostgres(ctx context.Context, e *env, url string, mode openMode) (*dataFolder, error) {
	name := showLoc(url)
	st, err := postgres.Open(ctx, url, e.log)
	if err != nil {
		return nil, fmt.Errorf("cannot use the PostgreSQL store %s: %w (is the server running, and the URL right?)", name, err)
	}
	d := &dataFolder{name: name, store: st}
	if mode == storeOnly {
		return d, nil
	}
	ix, err := openPGIndex(ctx, e, st, url)
	if err != nil {
		st.Close()
		return nil, err
	}
	d.index = ix
	return d, nil
}
