package cleaneval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"khabar/internal/clean"
	"khabar/internal/evaldata"
	"khabar/internal/meta"
	"khabar/internal/news"
	"khabar/internal/normalize"
)

// dataDir finds ../shared/data: $KHABAR_EVAL_DATA, else a shared/data
// directory beside an ancestor of the package.
func dataDir(tb testing.TB) string {
	tb.Helper()
	d, _ := evaldata.DataDir() // "" when absent: the callers skip
	return d
}

// process runs normalize, clean and meta on a text page, as the flow does.
func process(ctx context.Context, tb testing.TB, page string) *news.Article {
	tb.Helper()
	a := &news.Article{Text: normalize.Text(page), Raw: news.Raw{Body: page, Format: news.FormatText}}
	if err := clean.New().Process(ctx, a); err != nil {
		tb.Fatal(err)
	}
	if err := meta.New().Process(ctx, a); err != nil {
		tb.Fatal(err)
	}
	return a
}

// TestJagranPages measures title and published on the jagran.com pages of
// the temporal set, against values checked by hand. The pages carry no
// headline: the right title is none.
func TestJagranPages(t *testing.T) {
	root := dataDir(t)
	dir := filepath.Join(root, "temporal", "iasnlp2018-hi-dev")
	if root == "" {
		t.Skip("shared/data not found: set KHABAR_EVAL_DATA")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s absent", dir)
	}
	labels := []struct {
		file, title, published, place string
	}{
		{"new_file_31.txt", "", "2017-11-30T14:40:00+05:30", "नई दिल्ली"},
		{"new_file_33.txt", "", "2017-11-30T06:42:00+05:30", "मुंबई"},
		{"new_file_34.txt", "", "2017-11-30T08:28:00+05:30", "बिलासपुर"},
		{"new_file_35.txt", "", "2017-11-30T03:01:00+05:30", "बोकारो"},
		{"new_file_36.txt", "", "2017-11-30T02:59:00+05:30", "धौलाना"},
		{"new_file_37.txt", "", "2017-11-30T02:59:00+05:30", "औरंगाबाद"},
		{"new_file_40.txt", "", "2017-11-30T00:47:00+05:30", "हाथरस"},
		{"new_file_44.txt", "", "2017-11-29T17:30:00+05:30", "नई दिल्ली"},
		{"new_file_45.txt", "", "2017-11-29T19:09:00+05:30", "कोलकाता"},
		{"new_file_46.txt", "", "2017-11-29T18:04:00+05:30", "गुरदासपुर"},
		{"new_file_48.txt", "", "2017-11-29T15:32:00+05:30", "टांडा उड़मुड़"},
		{"new_file_49.txt", "", "2017-11-29T12:39:00+05:30", "नई दिल्ली"},
		{"new_file_51.txt", "", "2017-11-29T03:00:00+05:30", "तोशाम"},
		{"new_file_52.txt", "", "2017-11-29T03:00:00+05:30", "सारण"},
		{"new_file_53.txt", "", "2017-11-29T02:28:00+05:30", "बरेली"},
		{"new_file_54.txt", "", "2017-11-29T00:59:00+05:30", "सासनी"},
		{"new_file_56.txt", "", "2017-11-28T20:33:00+05:30", "वाराणसी"},
		{"new_file_58.txt", "", "2017-11-28T20:01:00+05:30", "वाराणसी"},
	}
	var n, titles, pubs, pubrs, places int
	for _, l := range labels {
		b, err := os.ReadFile(filepath.Join(dir, l.file))
		if err != nil {
			t.Logf("%s: %v", l.file, err)
			continue
		}
		n++
		a := process(t.Context(), t, string(b))
		if a.Title == l.title {
			titles++
		} else {
			t.Logf("%s: title %q, want %q", l.file, a.Title, l.title)
		}
		if got := a.Published.Format(time.RFC3339); got == l.published {
			pubs++
		} else {
			t.Logf("%s: published %s, want %s", l.file, got, l.published)
		}
		if a.Publisher == "Dainik Jagran" {
			pubrs++
		}
		if a.Dateline != nil && norm.NFC.String(a.Dateline.PlaceText) == norm.NFC.String(l.place) {
			places++
		} else {
			t.Logf("%s: dateline %+v, want place %q", l.file, a.Dateline, l.place)
		}
		if strings.Contains(a.Text, "jagran.com") || strings.Contains(a.Text, "Publish Date") || strings.ContainsRune(a.Text, '¨') {
			t.Errorf("%s: boilerplate or legacy artefact left in text", l.file)
		}
	}
	if n == 0 {
		t.Skip("no labelled jagran page found")
	}
	t.Logf("jagran pages %d: title exact %d/%d, published exact %d/%d, publisher %d/%d, dateline place %d/%d",
		n, titles, n, pubs, n, pubrs, n, places, n)
	if float64(titles) < 0.95*float64(n) || float64(pubs) < 0.90*float64(n) {
		t.Errorf("jagran: title %d/%d, published %d/%d below target", titles, n, pubs, n)
	}
}

// TestNewsCorpus runs the cleaner over real articles of the Amar Ujala part
// of the five-paper corpus, which carries (almost) no boilerplate and marks
// where articles start: every body sentence should survive and the
// headline should be found. A dateline taken off a paragraph ("झांसी ।") is
// not a lost sentence; lines of punctuation are not sentences.
func TestNewsCorpus(t *testing.T) {
	root := dataDir(t)
	dir := filepath.Join(root, "news", "hindi-5papers-2020-03")
	if root == "" {
		t.Skip("shared/data not found: set KHABAR_EVAL_DATA")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "Amar Ujala", "*.txt"))
	if len(files) == 0 {
		t.Skipf("no corpus files under %s", dir)
	}
	if testing.Short() && len(files) > 20 {
		files = files[:20]
	}
	var arts, sents, kept, titles int
	var lost []string
	start := time.Now()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, art := range corpusArticles(string(b)) {
			arts++
			a := process(t.Context(), t, art.title+"\n\n"+art.body)
			if a.Title == normalize.Line(strings.TrimSpace(art.title)) {
				titles++
			} else if len(lost) < 15 {
				lost = append(lost, fmt.Sprintf("%s: title %.60q, want %.60q", filepath.Base(f), a.Title, art.title))
			}
			datelines := map[string]bool{}
			for _, r := range a.Removed {
				if r.Reason == news.ReasonDateline {
					datelines[r.Text] = true
				}
			}
			for _, p := range strings.Split(normalize.Text(art.body), "\n") {
				for _, s := range Sentences(strings.TrimSpace(p)) {
					if datelines[strings.TrimSpace(strings.TrimRight(s, "।"))] || strings.Trim(s, "-–—.।*| ") == "" {
						continue
					}
					sents++
					if strings.Contains(a.Text, s) {
						kept++
					} else if len(lost) < 15 {
						lost = append(lost, fmt.Sprintf("%s: %.70q", filepath.Base(f), s))
					}
				}
			}
		}
	}
	for _, l := range lost {
		t.Log("lost:", l)
	}
	t.Logf("news corpus: %d articles in %v; body sentences kept %.2f%% (%d/%d); title exact %.2f%% (%d/%d)",
		arts, time.Since(start).Round(time.Millisecond), 100*ratio(kept, sents), kept, sents, 100*ratio(titles, arts), titles, arts)
	if ratio(kept, sents) < 0.99 {
		t.Errorf("body sentences kept %.4f < 0.99", ratio(kept, sents))
	}
}

type corpusArticle struct{ title, body string }

// corpusArticles splits a corpus file: blocks separated by lines holding a
// single space alternate headline and body.
func corpusArticles(s string) []corpusArticle {
	var blocks []string
	var cur []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l == " " {
			blocks = append(blocks, strings.TrimSpace(strings.Join(cur, "\n")))
			cur = cur[:0]
			continue
		}
		if strings.TrimSpace(l) != "" {
			cur = append(cur, strings.TrimSpace(l))
		}
	}
	blocks = append(blocks, strings.TrimSpace(strings.Join(cur, "\n")))
	var out []corpusArticle
	for i := 0; i+1 < len(blocks); i += 2 {
		if blocks[i] == "" || blocks[i+1] == "" || strings.Contains(blocks[i], "\n") {
			continue
		}
		out = append(out, corpusArticle{title: blocks[i], body: blocks[i+1]})
	}
	return out
}
