package cleaneval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/clean"
	"khabar/internal/extract"
	"khabar/internal/meta"
	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/pipeline"
	"khabar/internal/source"
)

func TestReadTruth(t *testing.T) {
	src := "# Corpus\n\nSome text | not a table.\n\n| Path | Format | Publisher | Published | Dateline | Agencies |\n|---|---|---|---|---|---|\n" +
		"| a/x.txt | text | Outlet One | 2025-01-02 | Pune | PTI, AFP |\n| b.jsonl#2 | jsonl | Two \\| Co | 2025-03-04 | — | — |\n\nAfter.\n\n| Path | Publisher |\n|---|---|\n| other | X |\n"
	got, err := ReadTruth(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("rows = %d, want 2: %+v", len(got), got)
	}
	if g := got[0]; g.Path != "a/x.txt" || g.Publisher != "Outlet One" || g.Published != "2025-01-02" || g.Dateline != "Pune" || strings.Join(g.Agencies, "+") != "PTI+AFP" {
		t.Errorf("row 1 = %+v", g)
	}
	if g := got[1]; g.Path != "b.jsonl#2" || g.Publisher != "Two | Co" || g.Dateline != "" || g.Agencies != nil {
		t.Errorf("row 2 = %+v", g)
	}
	if _, err := ReadTruth(strings.NewReader("no table here\n")); err == nil {
		t.Error("ReadTruth accepted a README without a table")
	}
}

func TestCorpusKey(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{filepath.Join("corp", "s", "a.txt"), "s/a.txt"},
		{filepath.Join("corp", "j", "f.jsonl") + ":3", "j/f.jsonl#3"},
	} {
		if got := corpusKey("corp", c.name); got != c.want {
			t.Errorf("corpusKey(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestBoilerKind(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"Allow    Don't Allow", kindUI},
		{"Accept | Reject | Settings", kindUI},
		{"Some Outlet would like to send you notifications for the latest news and updates.", kindBanner},
		{"Your browser is out of date. Some features of this site may not work as expected.", kindBanner},
		{"© 2031 Some Outlet. All rights reserved.", kindCopyright},
		{"Share: Facebook | X | WhatsApp", kindSocial},
		{"Home > States > Goa", kindNav},
		{"By Staff Reporter | Updated: May 3, 2031 10:00 IST", kindByline},
		{"Web Title: Something happened", kindWebTitle},
		{"The minister said on Monday that the new bridge would open to traffic next month.", ""},
		{"पुलिस ने बताया कि हादसे में घायल लोगों को नजदीकी अस्पताल में भर्ती कराया गया है।", ""},
	} {
		if got := boilerKind(c.line); got != c.want {
			t.Errorf("boilerKind(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// corpusDir finds examples/corpus above the package directory.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "examples", "corpus")
		if HasTruth(cand) {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestExampleCorpus scores the sample corpus (pages the cleaner's authors
// did not write) against its README.
func TestExampleCorpus(t *testing.T) {
	dir := corpusDir(t)
	if dir == "" {
		t.Skip("examples/corpus with a README table not found")
	}
	var out bytes.Buffer
	rep, err := RunCorpus(t.Context(), dir, &out, Options{Verbose: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	s := rep.Score
	if s.Articles < 50 {
		t.Errorf("scored %d articles, want 51", s.Articles)
	}
	// The targets, and no sentence lost without a reason.
	for name, got := range map[string]struct {
		t   Tally
		min float64
	}{
		"title found": {s.Title, 0.95}, "body sentences kept": {s.BodySentences, 0.99},
		"boilerplate lines removed": {s.BoilerLines, 0.95}, "published date": {s.Published, 0.90},
	} {
		if got.t.Share() < got.min {
			t.Errorf("%s %.3f < %.2f", name, got.t.Share(), got.min)
		}
	}
	if s.Unaccounted > 0 {
		t.Errorf("%d sentence lines neither in the text nor removed", s.Unaccounted)
	}
}

// BenchmarkCleanMetaCorpus times clean and meta on the sample corpus's
// articles as the flow gives them to clean (extracted and normalised);
// one op is one article, and the bytes are its text.
func BenchmarkCleanMetaCorpus(b *testing.B) {
	dir := corpusDir(b)
	if dir == "" {
		b.Skip("examples/corpus not found")
	}
	var arts []news.Article
	err := source.Walk(b.Context(), []string{dir}, source.Options{}, func(it source.Item) error {
		if it.Err != nil {
			return nil
		}
		a := it.Article
		for _, st := range []pipeline.Stage{extract.New(extract.Options{}), normalize.Stage{}} {
			if err := st.Process(b.Context(), a); err != nil {
				return err
			}
		}
		arts = append(arts, *a)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	total := 0
	for _, a := range arts {
		total += len(a.Text)
	}
	b.SetBytes(int64(total / len(arts)))
	cl, mt := clean.New(), meta.New()
	i := 0
	for b.Loop() {
		a := arts[i%len(arts)]
		i++
		if err := cl.Process(b.Context(), &a); err != nil {
			b.Fatal(err)
		}
		if err := mt.Process(b.Context(), &a); err != nil {
			b.Fatal(err)
		}
	}
}
