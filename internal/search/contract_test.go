package search_test

import (
	"path/filepath"
	"testing"

	"khabar/internal/search"
	"khabar/internal/search/searchtest"
)

// TestContract runs the search contract on the bleve index.
func TestContract(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) searchtest.Index {
		ix, err := search.Open(filepath.Join(t.TempDir(), "index.bleve"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	})
}
