package clean_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"khabar/internal/clean"
	"khabar/internal/evaldata"
	"khabar/internal/news"
	"khabar/internal/normalize"
)

// newsPages returns the first n files of the real Hindi news of the
// shared data, normalised as the clean stage receives them, or skips.
func newsPages(b *testing.B, n int) []string {
	b.Helper()
	dir, err := evaldata.Path("news")
	if err != nil {
		b.Skipf("real news absent (%v)", err)
	}
	var paths []string
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	slices.Sort(paths)
	var pages []string
	for _, p := range paths[:min(n, len(paths))] {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, normalize.Text(string(data)))
	}
	return pages
}

// BenchmarkCleanNews cleans 40 pages of real Hindi news.
func BenchmarkCleanNews(b *testing.B) {
	pages := newsPages(b, 40)
	c := clean.New()
	size := 0
	for _, p := range pages {
		size += len(p)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, p := range pages {
			a := &news.Article{Text: p, Raw: news.Raw{Body: p, Format: news.FormatText}}
			if err := c.Process(b.Context(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
}
