package cleaneval

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	if rep.Score.Articles < 50 {
		t.Errorf("scored %d articles, want 51", rep.Score.Articles)
	}
}
