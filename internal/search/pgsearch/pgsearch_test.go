package pgsearch

import (
	"os"
	"testing"

	"khabar/internal/search/searchtest"
	"khabar/internal/store/postgres/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// openTemp opens an index in a new, empty schema.
func openTemp(t testing.TB) *Index {
	t.Helper()
	ctx := t.Context()
	if tt, ok := t.(*testing.T); ok {
		ctx = tt.Context()
	}
	ix, err := Open(ctx, pgtest.URL(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestContract runs the search contract on the PostgreSQL index.
func TestContract(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) searchtest.Index { return openTemp(t) })
}
