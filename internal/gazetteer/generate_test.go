package gazetteer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var genPlaces = flag.Bool("genplaces", false, "regenerate data/places.tsv from shared/data/places-cldr")

// sharedData finds the shared data folder: $KHABAR_EVAL_DATA, else a
// "shared/data" folder beside one of the parents of the working directory.
func sharedData(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("KHABAR_EVAL_DATA"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared", "data")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestGeneratePlaces checks that data/places.tsv is what GeneratePlaces
// makes of the CLDR table; with -genplaces it rewrites the file.
func TestGeneratePlaces(t *testing.T) {
	d := sharedData(t)
	src := filepath.Join(d, "places-cldr", "combined_en_hi_places.tsv")
	f, err := os.Open(src)
	if err != nil {
		t.Skipf("CLDR places table not available (%v); set KHABAR_EVAL_DATA", err)
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := GeneratePlaces(f, &buf); err != nil {
		t.Fatal(err)
	}
	if *genPlaces {
		if err := os.WriteFile(filepath.Join("data", "places.tsv"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have, err := os.ReadFile(filepath.Join("data", "places.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, buf.Bytes()) {
		t.Errorf("data/places.tsv is stale: run go test -run TestGeneratePlaces -genplaces")
	}
}
