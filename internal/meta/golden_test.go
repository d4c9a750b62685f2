package meta_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/clean"
	"khabar/internal/meta"
	"khabar/internal/news"
	"khabar/internal/news/newstest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden runs clean and meta on testdata/<case>.txt and compares the
// record with testdata/<case>.golden.json (rewritten with -update).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := &news.Article{ID: name, Source: news.Source{URI: f, Format: news.FormatText}, Text: string(b),
				Raw: news.Raw{Body: string(b), Format: news.FormatText}}
			if err := clean.New().Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if err := meta.New().Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			newstest.Golden(t, f, "records", a, *update)
		})
	}
}
