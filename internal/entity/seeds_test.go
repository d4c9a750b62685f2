package entity

import (
	"os"
	"path/filepath"
	"testing"

	"khabar/internal/news"
	"khabar/internal/segment"
)

// sharedDir finds the project's shared folder: $KHABAR_EVAL_DATA/.. when
// set, else a "shared" folder beside one of the parents of the working
// directory.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("KHABAR_EVAL_DATA"); d != "" {
		return filepath.Dir(d)
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared")
		if st, err := os.Stat(filepath.Join(cand, "data")); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestSeeds checks that every person, place and organisation of the two
// seed pages is found with its canonical English name and type, and that
// the spokesman spelled two ways is one entity.
func TestSeeds(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) < 2 {
		t.Skipf("seed pages not found in %s; set KHABAR_EVAL_DATA", dir)
	}
	want := map[string][]struct{ name, typ string }{
		"000": {
			{"Russia", "LOC"}, {"Vladimir Putin", "PER"}, {"Donald Trump", "PER"}, {"Kremlin", "ORG"},
			{"Dmitry Peskov", "PER"}, {"Xinhua", "ORG"}, {"TASS", "ORG"}, {"Ukraine", "LOC"},
			{"Hungary", "LOC"}, {"Budapest", "LOC"}, {"Sergey Lavrov", "PER"}, {"Alaska", "LOC"},
			{"Anchorage", "LOC"}, {"Joint Base Elmendorf-Richardson", "LOC"}, {"United States", "LOC"},
		},
		"002": {
			{"Joe Biden", "PER"}, {"Vladimir Putin", "PER"}, {"United States", "LOC"}, {"Russia", "LOC"},
			{"Kremlin", "ORG"}, {"Moscow", "LOC"}, {"Associated Press", "ORG"}, {"Dmitry Peskov", "PER"},
			{"White House", "ORG"}, {"Jen Psaki", "PER"}, {"Washington, D.C.", "LOC"}, {"Japan", "LOC"},
			{"PTI-Bhasha", "ORG"}, {"Lokmat", "ORG"},
		},
	}
	peskov := map[string]bool{}
	for _, f := range files {
		seed := filepath.Base(f)[:3]
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := &news.Article{Text: string(text), Segments: segment.Split(string(text))}
		if err := testStage(t).Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		checkOffsets(t, a)
		got := map[string]string{}
		for _, e := range a.Entities {
			got[e.Name] = e.Type
			if e.Name == "Dmitry Peskov" {
				peskov[e.ID] = true
			}
		}
		for _, w := range want[seed] {
			if typ, ok := got[w.name]; !ok || typ != w.typ {
				t.Errorf("seed %s: %s %s not found (got %q)", seed, w.typ, w.name, typ)
			}
		}
		if testing.Verbose() {
			for _, e := range a.Entities {
				t.Logf("seed %s: %s %s %q %d", seed, e.ID, e.Type, e.Name, len(e.Mentions))
			}
		}
	}
	if len(peskov) != 1 {
		t.Errorf("Peskov ids across seeds: %v, want one", peskov)
	}
}
