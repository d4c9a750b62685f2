package cleaneval

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"khabar/internal/clean"
	"khabar/internal/datetime"
	"khabar/internal/extract"
	"khabar/internal/meta"
	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/pipeline"
	"khabar/internal/source"
)

// Truth is one row of a corpus README's ground-truth table: the facts of
// one article as its writer recorded them.
type Truth struct {
	// Path is the article's file relative to the corpus directory; a JSON
	// Lines record is "file.jsonl#N", N counting lines from 1.
	Path string
	// Publisher is the outlet's English name.
	Publisher string
	// Published is the publication date, YYYY-MM-DD (IST).
	Published string
	// Dateline is the English name of the dateline's place, "" when the
	// body has none.
	Dateline string
	// Agencies are the agencies credited or cited; nil when none.
	Agencies []string
	// Lang is the article's language code.
	Lang string
}

// errNoTable is returned when a README holds no ground-truth table.
var errNoTable = errors.New("no ground-truth table (a Markdown table with Path and Publisher columns)")

// ReadTruth reads the first Markdown table of r whose header has a "Path"
// and a "Publisher" column. Cells holding "—" or "-" are empty; agencies
// are comma-separated.
func ReadTruth(r io.Reader) ([]Truth, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var cols map[string]int
	var out []Truth
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(l, "|") {
			if cols != nil {
				break // the table ended
			}
			continue
		}
		cells := splitRow(l)
		if cols == nil {
			c := map[string]int{}
			for i, h := range cells {
				c[strings.ToLower(h)] = i
			}
			if _, ok := c["path"]; ok {
				if _, ok := c["publisher"]; ok {
					cols = c
				}
			}
			continue
		}
		if isRule(cells) {
			continue
		}
		cell := func(name string) string {
			i, ok := cols[name]
			if !ok || i >= len(cells) {
				return ""
			}
			v := strings.TrimSpace(cells[i])
			if v == "—" || v == "-" || v == "–" {
				return ""
			}
			return v
		}
		t := Truth{Path: cell("path"), Publisher: cell("publisher"), Published: cell("published"), Dateline: cell("dateline"), Lang: cell("lang")}
		for _, g := range strings.Split(cell("agencies"), ",") {
			if g = strings.TrimSpace(g); g != "" {
				t.Agencies = append(t.Agencies, g)
			}
		}
		if t.Path != "" {
			out = append(out, t)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cleaneval: read truth: %w", err)
	}
	if cols == nil {
		return nil, fmt.Errorf("cleaneval: %w", errNoTable)
	}
	return out, nil
}

// splitRow splits a Markdown table row into its cells; "\|" is a pipe
// inside a cell.
func splitRow(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimPrefix(l, "|")
	l = strings.TrimSuffix(l, "|")
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(l); i++ {
		switch {
		case l[i] == '\\' && i+1 < len(l) && l[i+1] == '|':
			cur.WriteByte('|')
			i++
		case l[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(l[i])
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

func isRule(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-: ") != "" {
			return false
		}
	}
	return true
}

// Tally counts right answers out of a total.
type Tally struct{ Right, Total int }

// Share is Right/Total (1 when Total is 0).
func (t Tally) Share() float64 { return ratio(t.Right, t.Total) }

func (t *Tally) add(ok bool) {
	t.Total++
	if ok {
		t.Right++
	}
}

// CorpusScore is the score of a directory of pages against its README's
// table. The field scores compare with the table; the text scores check
// what any clean article must satisfy, whatever its page.
type CorpusScore struct {
	// Articles scored (in the table and read); Unlabelled were read but
	// are not in the table; Missing are in the table but were not read.
	Articles, Unlabelled, Missing int

	// Field scores.
	Publisher, Published, Dateline, Agencies Tally
	// Title: a title was found, shaped as a headline (no boilerplate
	// shape, at most 30 words) and printed in the page.
	Title Tally
	// TitleNotInText: no paragraph of the text is the title again.
	TitleNotInText Tally
	// BodySentences: lines of the page that are full sentences of eight
	// words or more, not boilerplate-shaped, found in the text.
	BodySentences Tally
	// BoilerLines: lines of the page of a boilerplate shape (banner, UI
	// label, social, copyright, also-read, related heading and the list
	// under it, web title, URL, byline and time lines), absent from the
	// text.
	BoilerLines Tally
	// CleanText: articles whose text holds no boilerplate-shaped line.
	CleanText Tally
	// Unaccounted: full-sentence lines of eight words or more found
	// neither in the text nor among the removals.
	Unaccounted int
}

// CorpusReport is the outcome of scoring a corpus directory.
type CorpusReport struct {
	Dir   string
	Score CorpusScore
	// Misses describe every wrong field and failed text check.
	Misses []string
	// CleanMetaTime is the time clean and meta took on all articles.
	CleanMetaTime time.Duration
}

// HasTruth reports whether dir holds a README.md with a ground-truth table.
func HasTruth(dir string) bool {
	f, err := os.Open(filepath.Join(dir, "README.md"))
	if err != nil {
		return false
	}
	defer f.Close()
	_, err = ReadTruth(f)
	return err == nil
}

// RunCorpus scores the pages under dir against the table in
// dir/README.md and prints the report to w. Pages are read as `khabar
// analyze` reads them (text, HTML, JSON Lines) and go through extract,
// the stages of opt.Before (normalize by default), clean and meta.
func RunCorpus(ctx context.Context, dir string, w io.Writer, opt Options) (CorpusReport, error) {
	rep := CorpusReport{Dir: dir}
	f, err := os.Open(filepath.Join(dir, "README.md"))
	if err != nil {
		return rep, fmt.Errorf("cleaneval: %w", err)
	}
	truths, err := ReadTruth(f)
	f.Close()
	if err != nil {
		return rep, err
	}
	want := map[string]Truth{}
	for _, t := range truths {
		want[t.Path] = t
	}
	ext := opt.Extract
	if ext == nil {
		ext = extract.New(extract.Options{})
	}
	before := opt.Before
	if before == nil {
		before = []pipeline.Stage{normalize.Stage{}}
	}
	cl, mt := clean.New(), meta.New()
	seen := map[string]bool{}
	err = source.Walk(ctx, []string{dir}, source.Options{}, func(it source.Item) error {
		if it.Err != nil {
			rep.Misses = append(rep.Misses, it.Err.Error())
			return nil
		}
		key := corpusKey(dir, it.Name)
		t, ok := want[key]
		if !ok {
			rep.Score.Unlabelled++
			return nil
		}
		seen[key] = true
		a := it.Article
		for _, st := range append([]pipeline.Stage{ext}, before...) {
			if err := st.Process(ctx, a); err != nil {
				return fmt.Errorf("cleaneval: %s %s: %w", st.Name(), key, err)
			}
		}
		page := a.Text
		start := time.Now()
		if err := cl.Process(ctx, a); err != nil {
			return fmt.Errorf("cleaneval: clean %s: %w", key, err)
		}
		if err := mt.Process(ctx, a); err != nil {
			return fmt.Errorf("cleaneval: meta %s: %w", key, err)
		}
		rep.CleanMetaTime += time.Since(start)
		rep.Misses = append(rep.Misses, scoreCorpus(&rep.Score, key, t, page, a)...)
		return nil
	})
	if err != nil {
		return rep, err
	}
	for _, t := range truths {
		if !seen[t.Path] {
			rep.Score.Missing++
			rep.Misses = append(rep.Misses, t.Path+": in the table but not read")
		}
	}
	rep.print(w, opt.Verbose)
	return rep, nil
}

// corpusKey turns a walked item's name into a table path: relative to dir,
// slash-separated, a JSON Lines line "file.jsonl:N" as "file.jsonl#N".
func corpusKey(dir, name string) string {
	line := ""
	if i := strings.LastIndexByte(name, ':'); i > 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil && strings.HasSuffix(strings.ToLower(name[:i]), ".jsonl") {
			name, line = name[:i], name[i+1:]
		}
	}
	rel, err := filepath.Rel(dir, name)
	if err != nil {
		rel = name
	}
	rel = filepath.ToSlash(rel)
	if line != "" {
		rel += "#" + line
	}
	return rel
}

func (r CorpusReport) print(w io.Writer, verbose bool) {
	s := r.Score
	fmt.Fprintf(w, "corpus %s: %d articles scored (%d unlabelled, %d missing)\n", r.Dir, s.Articles, s.Unlabelled, s.Missing)
	row := func(name string, t Tally) {
		fmt.Fprintf(w, "  %-28s %6.2f%%  (%d/%d)\n", name, 100*t.Share(), t.Right, t.Total)
	}
	row("title found", s.Title)
	row("title not repeated in text", s.TitleNotInText)
	row("publisher exact", s.Publisher)
	row("published date exact", s.Published)
	row("dateline place exact", s.Dateline)
	row("agencies exact", s.Agencies)
	row("body sentences kept", s.BodySentences)
	row("boilerplate lines removed", s.BoilerLines)
	row("articles with clean text", s.CleanText)
	fmt.Fprintf(w, "  %-28s %d\n", "sentence lines unaccounted", s.Unaccounted)
	if s.Articles > 0 {
		fmt.Fprintf(w, "  clean+meta %v per article\n", (r.CleanMetaTime / time.Duration(s.Articles)).Round(time.Microsecond))
	}
	if verbose || len(r.Misses) <= 40 {
		for _, m := range r.Misses {
			fmt.Fprintln(w, "  miss:", m)
		}
	} else {
		fmt.Fprintf(w, "  %d misses (verbose prints them)\n", len(r.Misses))
	}
}

// scoreCorpus scores one article: page is the text that entered the
// cleaner.
func scoreCorpus(s *CorpusScore, key string, t Truth, page string, a *news.Article) []string {
	var misses []string
	miss := func(format string, args ...any) {
		misses = append(misses, key+": "+fmt.Sprintf(format, args...))
	}
	s.Articles++

	// Fields.
	okPub := a.Publisher == t.Publisher
	s.Publisher.add(okPub)
	if !okPub {
		miss("publisher %q, want %q", a.Publisher, t.Publisher)
	}
	got := ""
	if !a.Published.IsZero() {
		got = a.Published.In(datetime.IST).Format("2006-01-02")
	}
	s.Published.add(got == t.Published)
	if got != t.Published {
		miss("published %q, want %q", got, t.Published)
	}
	place := ""
	if a.Dateline != nil {
		place = a.Dateline.Place
	}
	s.Dateline.add(place == t.Dateline)
	if place != t.Dateline {
		miss("dateline place %q, want %q", place, t.Dateline)
	}
	okAg := sameSet(a.Agencies, t.Agencies)
	s.Agencies.add(okAg)
	if !okAg {
		miss("agencies %q, want %q", a.Agencies, t.Agencies)
	}

	// Title.
	title := strings.TrimSpace(a.Title)
	okTitle := title != "" && boilerKind(title) == "" && len(strings.Fields(title)) <= 30 &&
		(strings.Contains(fold(page), fold(title)) || strings.Contains(fold(a.Raw.Body), fold(title)) || fold(a.Raw.Hints.Title) == fold(title))
	s.Title.add(okTitle)
	if !okTitle {
		miss("title %q is missing or not a headline of the page", title)
	}
	paras := strings.Split(a.Text, "\n\n")
	repeated := false
	if title != "" {
		tk := headKey(title)
		for _, p := range paras {
			if headKey(p) == tk {
				repeated = true
			}
		}
	}
	s.TitleNotInText.add(title != "" && !repeated)
	if repeated {
		miss("title %.60q repeated in text", title)
	}

	// Text.
	removed := map[string]string{}
	for _, r := range a.Removed {
		removed[strings.TrimSpace(r.Text)] = r.Reason
	}
	textFold := fold(a.Text)
	inText := func(l string) bool {
		if strings.Contains(textFold, fold(l)) {
			return true
		}
		// A prefix (dateline, stray punctuation) may have been cut.
		for _, r := range a.Removed {
			if p := strings.TrimSpace(r.Text); p != "" && p != l && strings.HasPrefix(l, p) {
				rest := strings.TrimLeft(l[len(p):], " ,:;-–—।|")
				if rest != "" && strings.Contains(textFold, fold(rest)) {
					return true
				}
			}
		}
		return false
	}
	lines := pageLines(page)
	kinds := boilerLines(lines)
	for i, l := range lines {
		if kinds[i] != "" {
			// Boilerplate: removed when no paragraph of the text holds it.
			kept := false
			for _, p := range paras {
				if fold(strings.TrimSpace(p)) == fold(l) || len(strings.Fields(l)) >= 4 && strings.Contains(fold(p), fold(l)) {
					kept = true
				}
			}
			s.BoilerLines.add(!kept)
			if kept {
				miss("kept %s line %.80q", kinds[i], l)
			}
			continue
		}
		if !fullSentence(l) {
			continue
		}
		ok := inText(l)
		s.BodySentences.add(ok)
		if !ok {
			if r, gone := removed[l]; gone {
				miss("sentence removed as %s: %.80q", r, l)
			} else {
				s.Unaccounted++
				miss("sentence lost: %.80q", l)
			}
		}
	}
	dirty := false
	for _, p := range paras {
		if k := boilerKind(p); k != "" {
			dirty = true
			// Already reported when it is a line of the page.
			found := false
			for _, l := range lines {
				if fold(l) == fold(p) {
					found = true
				}
			}
			if !found {
				miss("text holds a %s line %.80q", k, p)
			}
		}
	}
	s.CleanText.add(!dirty)
	return misses
}

// sameSet reports whether a and b hold the same names.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// pageLines lists the non-empty lines of the text entering the cleaner,
// trimmed, spaces collapsed.
func pageLines(page string) []string {
	var out []string
	for _, l := range strings.Split(page, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// fold makes texts comparable: spaces collapsed, NFC as normalize gives.
func fold(s string) string { return strings.Join(strings.Fields(normalize.Line(s)), " ") }

// headKey folds a headline for comparison with a paragraph.
func headKey(s string) string {
	return strings.ToLower(strings.Trim(fold(s), " .।:-–—|\"'“”‘’"))
}

// fullSentence reports a line that ends as a sentence and has eight words
// or more.
func fullSentence(l string) bool {
	if len(strings.Fields(l)) < 8 {
		return false
	}
	t := strings.TrimRight(l, " ")
	for _, end := range []string{"।", ".", "?", "!", "\"", "”", "’", "'", ")", "॥"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}
