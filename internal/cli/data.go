package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"khabar/internal/search"
	"khabar/internal/store/sqlite"
)

// defaultData is the data folder when neither --data nor KHABAR_DATA says.
const defaultData = "./khabar-data"

func dataDefault(e *env) string {
	if d := e.getenv("KHABAR_DATA"); d != "" {
		return d
	}
	return defaultData
}

// dataFolder is an opened data folder: the store and the search index.
type dataFolder struct {
	dir   string
	store *sqlite.Store
	index *search.Index
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
func openData(ctx context.Context, e *env, dir string, mode openMode) (*dataFolder, error) {
	create := mode == forWrite
	if e.log == nil {
		e.log = slog.New(slog.DiscardHandler)
	}
	db := filepath.Join(dir, "khabar.db")
	if !create {
		if _, err := os.Stat(db); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no khabar data in %s: run \"khabar ingest --data %s PATH...\" first", dir, dir)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	st, err := sqlite.Open(ctx, db, e.log)
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
		return &dataFolder{dir: dir, store: st}, nil
	}
	ix, err := openIndex(ctx, e, st, filepath.Join(dir, "index.bleve"), mode == forWrite)
	if err != nil {
		st.Close()
		return nil, err
	}
	return &dataFolder{dir: dir, store: st, index: ix}, nil
}

func (d *dataFolder) Close() error {
	var err error
	if d.index != nil {
		err = d.index.Close()
	}
	return errors.Join(err, d.store.Close())
}
