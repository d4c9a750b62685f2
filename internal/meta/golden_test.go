package meta_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/clean"
	"khabar/internal/meta"
	"khabar/internal/news"
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
			got, err := json.MarshalIndent(a, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n%s", name, golden, got)
			}
		})
	}
}
