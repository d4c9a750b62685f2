package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"khabar/internal/news"
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

// openData opens the data folder dir as mode says.
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
	if err != nil {
		return nil, err
	}
	if mode == storeOnly {
		return &dataFolder{dir: dir, store: st}, nil
	}
	ixPath := filepath.Join(dir, "index.bleve")
	var ix *search.Index
	if mode == forRead {
		ix, err = search.OpenReadOnly(ixPath)
	} else {
		ix, err = search.Open(ixPath)
	}
	if errors.Is(err, search.ErrVersion) && mode == forWrite {
		// The index was built by another version of khabar: the store is the
		// record, so build the index again from it.
		e.log.Warn("rebuilding the search index for this version of khabar", slog.String("index", ixPath))
		if err = os.RemoveAll(ixPath); err == nil {
			if ix, err = search.Open(ixPath); err == nil {
				err = reindex(ctx, st, ix)
			}
		}
	}
	if err != nil {
		if ix != nil {
			ix.Close()
		}
		st.Close()
		return nil, err
	}
	return &dataFolder{dir: dir, store: st, index: ix}, nil
}

// reindex writes every stored article into ix.
func reindex(ctx context.Context, st *sqlite.Store, ix *search.Index) error {
	var batch []*news.Article
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := ix.Index(ctx, batch); err != nil {
			return err
		}
		ids := make([]string, len(batch))
		for i, a := range batch {
			ids[i] = a.ID
		}
		batch = batch[:0]
		return st.MarkIndexed(ctx, ids)
	}
	err := st.Each(ctx, func(a *news.Article) error {
		batch = append(batch, a)
		if len(batch) >= 256 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("rebuild index: %w", err)
	}
	return flush()
}

func (d *dataFolder) Close() error {
	var err error
	if d.index != nil {
		err = d.index.Close()
	}
	return errors.Join(err, d.store.Close())
}
