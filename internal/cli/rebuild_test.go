package cli

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"khabar/internal/news"
	"khabar/internal/store/sqlite"
	"khabar/internal/story"
)

// corpusArticles returns the articles of the sample corpus ingested into
// dir, by their path under examples/corpus.
func corpusArticles(t *testing.T, dir string) map[string]*news.Article {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "khabar.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := map[string]*news.Article{}
	if err := st.Each(t.Context(), func(a *news.Article) error {
		rel, err := filepath.Rel("../../examples/corpus", strings.Replace(a.Source.URI, "#L", "#", 1))
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = a
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCorpusGroupsAndStories ingests the sample corpus and checks its
// README's ground truth: the six copies of the wire story in one group
// under the base copy, each developing story in one story of its own, and
// no other article grouped or sharing a story. Then it rebuilds and checks
// the same again.
func TestCorpusGroupsAndStories(t *testing.T) {
	dir := t.TempDir()
	corpus := "../../examples/corpus"
	if r := khabar(t, t.Context(), "", "ingest", "-q", "--data", dir, corpus); r.code != 0 {
		t.Fatalf("ingest: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	check := func(when string) {
		arts := corpusArticles(t, dir)
		if len(arts) != 51 {
			t.Fatalf("%s: %d articles", when, len(arts))
		}
		stories := map[string][]string{}
		for name, a := range arts {
			stories[a.Story] = append(stories[a.Story], name)
			dir, _, _ := strings.Cut(name, "/")
			switch {
			case dir == "wire-jaishankar-moscow":
				base := arts["wire-jaishankar-moscow/2025-11-08_dainik-samvad_jaishankar-russia-visit.txt"]
				if a.Group == "" || a.Group != base.Group {
					t.Errorf("%s: %s in group %q, base in %q", when, name, a.Group, base.Group)
				}
				if a != base && a.DuplicateOf != base.ID {
					t.Errorf("%s: %s duplicates %q, want the base copy", when, name, a.DuplicateOf)
				}
			case a.Group != "" || a.DuplicateOf != "":
				t.Errorf("%s: %s grouped (%q, %q)", when, name, a.Group, a.DuplicateOf)
			}
			if a.Story == "" {
				t.Errorf("%s: %s has no story", when, name)
			}
		}
		for _, names := range stories {
			slices.Sort(names)
			dir, _, _ := strings.Cut(names[0], "/")
			want := 1
			switch dir {
			case "wire-jaishankar-moscow":
				want = 6
			case "story-up-floods", "story-trump-putin-meeting":
				want = 5
			case "story-narela-factory-fire":
				want = 4
			case "story-bengal-cyclone":
				want = 3
			}
			for _, n := range names {
				if d, _, _ := strings.Cut(n, "/"); d != dir || (want == 1 && len(names) > 1) {
					t.Errorf("%s: one story holds %v", when, names)
					break
				}
			}
			if len(names) != want {
				t.Errorf("%s: story of %s holds %d articles, want %d", when, dir, len(names), want)
			}
		}
	}
	check("after ingest")
	r := khabar(t, t.Context(), "", "rebuild", "-q", "--data", dir, "stories")
	if r.code != 0 || !strings.Contains(r.stdout, "51 articles, 1 syndication groups holding 5 copies") {
		t.Fatalf("rebuild: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	check("after rebuild")
	if r := khabar(t, t.Context(), "", "rebuild", "--data", dir); r.code != 2 {
		t.Errorf("rebuild without target: %d", r.code)
	}
}

// TestStoryTimeline reads the timeline of the Trump–Putin story as the API
// builds it.
func TestStoryTimeline(t *testing.T) {
	dir := t.TempDir()
	if r := khabar(t, t.Context(), "", "ingest", "-q", "--data", dir, "../../examples/corpus/story-trump-putin-meeting"); r.code != 0 {
		t.Fatalf("ingest: %d\n%s", r.code, r.stderr)
	}
	arts := corpusArticles(t, dir)
	var list []*news.Article
	for _, a := range arts {
		list = append(list, a)
	}
	items := story.Timeline(list)
	if len(items) < 5 {
		t.Fatalf("timeline of %d items", len(items))
	}
	for i := 1; i < len(items); i++ {
		if items[i].Date < items[i-1].Date {
			t.Fatalf("timeline out of order: %q before %q", items[i-1].Date, items[i].Date)
		}
	}
}
