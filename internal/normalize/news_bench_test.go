package normalize_test

import (
	"os"
	"path/filepath"
	"testing"

	"khabar/internal/evaldata"
	"khabar/internal/normalize"
)

// BenchmarkTextNews normalises the files of the real Hindi news of the
// shared data, as the normalize stage does.
func BenchmarkTextNews(b *testing.B) {
	dir, err := evaldata.Path("news")
	if err != nil {
		b.Skipf("real news absent (%v)", err)
	}
	var pages []string
	size := 0
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		pages = append(pages, string(data))
		size += len(data)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, p := range pages {
			normalize.Text(p)
		}
	}
}
