package meta_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"khabar/internal/clean"
	"khabar/internal/datetime"
	"khabar/internal/evaldata"
	"khabar/internal/meta"
	"khabar/internal/news"
)

// sharedDir finds the shared data folder: $KHABAR_EVAL_DATA's parent
// layout, else a "shared" directory beside an ancestor of the package.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	d, _ := evaldata.SharedDir() // "" when absent: the callers skip
	return d
}

// seedLines reads the lines of a seed page (1-based, as an editor shows
// them).
func seedLines(t *testing.T, prefix string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(sharedDir(t), "seeds", prefix+"_*.txt"))
	if len(m) == 0 {
		t.Skip("seed absent")
	}
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{""}, strings.Split(string(b), "\n")...)
}

// seed runs clean and meta on a seed page, or skips when it is absent.
func seed(t *testing.T, prefix string) *news.Article {
	t.Helper()
	root := sharedDir(t)
	if root == "" {
		t.Skip("shared/seeds not found: set KHABAR_EVAL_DATA or run inside the workspace")
	}
	matches, _ := filepath.Glob(filepath.Join(root, "seeds", prefix+"_*.txt"))
	if len(matches) == 0 {
		t.Skipf("seed %s not found under %s", prefix, root)
	}
	b, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	a := &news.Article{Text: string(b), Raw: news.Raw{Body: string(b), Format: news.FormatText}}
	if err := clean.New().Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if err := meta.New().Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

func removedBy(a *news.Article, reason string) []string {
	var out []string
	for _, r := range a.Removed {
		if r.Reason == reason {
			out = append(out, r.Text)
		}
	}
	return out
}

func TestSeed002(t *testing.T) {
	a := seed(t, "002")
	check := func(name, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	check("title", a.Title, "बाइडन से फोन पर वार्ता करने की पुतिन की पेशकश अमेरिका-रूस संबंधों को बचाने की कोशिश: क्रेमलिन")
	check("title_en", a.TitleEn, "Putin offered phone talks to Biden to try to save US-Russia relations: Kremlin")
	check("publisher", a.Publisher, "Lokmat Hindi")
	if !slices.Equal(a.Agencies, []string{"PTI-Bhasha", "AP"}) {
		t.Errorf("agencies = %q, want [PTI-Bhasha AP]", a.Agencies)
	}
	if len(a.Byline) != 0 {
		t.Errorf("byline = %q, want none (भाषा is an agency)", a.Byline)
	}
	if a.Dateline == nil {
		t.Fatal("no dateline")
	}
	if *a.Dateline != (news.Dateline{Place: "Moscow", PlaceText: "मास्को", Date: "2021-03-19"}) {
		t.Errorf("dateline = %+v", *a.Dateline)
	}
	check("published", a.Published.Format(time.RFC3339), "2021-03-19T20:59:41+05:30")
	check("updated", a.Updated.Format(time.RFC3339), "2021-03-19T20:59:41+05:30")
	// Boilerplate out, with reasons; the first headline line is the title.
	if len(a.Removed) == 0 || a.Removed[0].Reason != news.ReasonTitle {
		t.Errorf("first removal = %+v, want the headline as %s", a.Removed[0], news.ReasonTitle)
	}
	for _, want := range []struct {
		reason string
		n      int
	}{
		{news.ReasonTitle, 1}, {news.ReasonRepeatedTitle, 2}, {news.ReasonByline, 1},
		{news.ReasonDateline, 1}, {news.ReasonDisclaimer, 1}, {news.ReasonWebTitle, 1}, {news.ReasonSocial, 1},
	} {
		if got := len(removedBy(a, want.reason)); got != want.n {
			t.Errorf("removed %s: %d lines, want %d", want.reason, got, want.n)
		}
	}
	// The body: twelve paragraphs, the first starting after the dateline.
	paras := strings.Split(a.Text, "\n\n")
	if len(paras) != 12 {
		t.Errorf("body has %d paragraphs, want 12", len(paras))
	}
	if !strings.HasPrefix(paras[0], "रूस के राष्ट्रपति कार्यालय") {
		t.Errorf("first paragraph starts %.40q", paras[0])
	}
	for _, bad := range []string{"Disclaimer", "Web Title", "Facebook", "Updated", "मास्को, 19 मार्च"} {
		if strings.Contains(a.Text, bad) {
			t.Errorf("text still holds %q", bad)
		}
	}
	if strings.Count(a.Text, "पेशकश अमेरिका-रूस संबंधों") != 0 {
		t.Error("text still holds the headline")
	}
	// Every paragraph of the article is kept whole: lines 11 to 31, and
	// line 9 after its dateline.
	lines := seedLines(t, "002")
	for n := 11; n <= 31; n += 2 {
		if !strings.Contains(a.Text, strings.TrimSpace(lines[n])) {
			t.Errorf("seed 002 line %d lost", n)
		}
	}
	if first := strings.TrimPrefix(lines[9], "मास्को, 19 मार्च (एपी) "); !strings.HasPrefix(a.Text, first) {
		t.Error("seed 002 line 9 not kept after its dateline")
	}
}

func TestSeed000(t *testing.T) {
	a := seed(t, "000")
	if a.Title != "रूस ने ट्रंप से जल्द मुलाकात से किया इनकार" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Publisher != "Lokjeewan Daily" {
		t.Errorf("publisher = %q, want Lokjeewan Daily", a.Publisher)
	}
	if got := a.Published.Format(time.RFC3339); got != "2025-11-03T00:00:00+05:30" {
		t.Errorf("published = %s, want 2025-11-03T00:00:00+05:30", got)
	}
	if f := meta.Read(a); f.PublishedPrecision != datetime.PrecisionDay {
		t.Errorf("published precision = %d, want day", f.PublishedPrecision)
	}
	if !slices.Equal(a.Agencies, []string{"Xinhua", "TASS"}) {
		t.Errorf("agencies = %q, want [Xinhua TASS]", a.Agencies)
	}
	if len(a.Byline) != 0 {
		t.Errorf("byline = %q, want none (the byline names the outlet)", a.Byline)
	}
	if a.Dateline != nil {
		t.Errorf("dateline = %+v, want none (it was cut from the page)", *a.Dateline)
	}
	if got := removedBy(a, news.ReasonStrayPunctuation); !slices.Equal(got, []string{"।"}) {
		t.Errorf("stray punctuation removed = %q", got)
	}
	if got := len(removedBy(a, news.ReasonBanner)); got != 3 {
		t.Errorf("banner lines removed = %d, want 3", got)
	}
	if got := len(removedBy(a, news.ReasonRelated)); got != 1 {
		t.Errorf("related lines removed = %d, want 1", got)
	}
	paras := strings.Split(a.Text, "\n\n")
	if len(paras) != 5 {
		t.Errorf("body has %d paragraphs, want 5", len(paras))
	}
	if strings.HasPrefix(a.Text, "।") || strings.Contains(a.Text, "browser") || strings.Contains(a.Text, "सम्बंधित") {
		t.Errorf("boilerplate left in text: %.80q", a.Text)
	}
	if !strings.HasPrefix(a.Text, "रूस के राष्ट्रपति व्लादिमीर पुतिन") {
		t.Errorf("body starts %.60q", a.Text)
	}
	// Lines 10 to 14 are the article, kept whole (line 10 without the
	// stray danda).
	lines := seedLines(t, "000")
	for n := 10; n <= 14; n++ {
		if !strings.Contains(a.Text, strings.TrimPrefix(strings.TrimSpace(lines[n]), "। ")) {
			t.Errorf("seed 000 line %d lost", n)
		}
	}
}
