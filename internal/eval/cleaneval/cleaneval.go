// Package cleaneval scores the clean and meta stages on a labelled dev set
// of news pages: how many body sentences the cleaner keeps, how many
// boilerplate lines it removes, and how often the title, the published
// time and the publisher come out exactly right. `khabar eval clean [DIR]`
// runs it; without DIR it scores the set built into the binary (this
// package's testdata).
//
// # Case format
//
// One file per page, NAME.case, in UTF-8:
//
//	# comment lines start with "#"
//	format: text            (or html)
//	split: dev              (or heldout: never tuned on)
//	title: the expected headline (empty: the page has none)
//	published: 2021-03-19T20:59:41+05:30 (empty: unknown)
//	publisher: Outlet Name  (optional; scored when present)
//	dateline: Place         (optional: the dateline's place in English, "-" for none)
//	agencies: PTI, AFP      (optional: every agency credited or cited, "-" for none)
//	body: a body line       (html only, repeatable)
//	boiler: a boilerplate line (html only, repeatable)
//	---
//	the page
//
// For a text page every non-empty line after "---" starts with a label:
// "+ " for a line of the article (kept), "- " for boilerplate (removed).
// On a "+ " line, text in braces at its start, "+ {मास्को, 19 मार्च (एपी)}
// रूस ने …", is a prefix that must be removed (a dateline, stray
// punctuation); the braces are not part of the page. For an HTML page the
// page is the raw HTML and the expectations are the body and boiler header
// lines.
//
// # Scores
//
//   - body sentences kept: each expected body line is split into sentences;
//     a sentence is kept when the clean text contains it.
//   - boilerplate removed: a boilerplate line (or a "+" line with a braced
//     prefix, as written on the page) is removed when the clean text does
//     not contain it (a line of one or two words: when no paragraph is
//     exactly that line).
//   - title exact, published exact (the same instant: 06:40Z is 12:10 IST),
//     publisher exact; dateline place and agencies (as a set) exact where
//     the case gives them.
package cleaneval

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"khabar/internal/clean"
	"khabar/internal/extract"
	"khabar/internal/meta"
	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/pipeline"
)

//go:embed testdata/*.case
var builtin embed.FS

// Case is one labelled page.
type Case struct {
	Name, Format, Split         string
	Title, Published, Publisher string
	HasPublisher                bool
	// Dateline and Agencies are scored when HasDateline, HasAgencies.
	Dateline                 string
	Agencies                 []string
	HasDateline, HasAgencies bool
	Page                     string
	Body, Boiler             []string
}

// Score counts one set of cases.
type Score struct {
	Cases                       int
	Sentences, SentencesKept    int
	Boiler, BoilerRemoved       int
	TitlesExact, PublishedExact int
	Publishers, PublishersExact int
	Datelines, DatelinesExact   int
	AgencyLists, AgenciesExact  int
}

// BodyKept is the share of body sentences kept.
func (s Score) BodyKept() float64 { return ratio(s.SentencesKept, s.Sentences) }

// BoilerplateRemoved is the share of boilerplate lines removed.
func (s Score) BoilerplateRemoved() float64 { return ratio(s.BoilerRemoved, s.Boiler) }

// TitleExact is the share of cases whose title is exactly right.
func (s Score) TitleExact() float64 { return ratio(s.TitlesExact, s.Cases) }

// PublishedExactShare is the share of cases whose published time is exactly
// right.
func (s Score) PublishedExactShare() float64 { return ratio(s.PublishedExact, s.Cases) }

// PublisherExact is the share of labelled publishers found exactly.
func (s Score) PublisherExact() float64 { return ratio(s.PublishersExact, s.Publishers) }

// DatelineExact is the share of labelled datelines whose place is right.
func (s Score) DatelineExact() float64 { return ratio(s.DatelinesExact, s.Datelines) }

// AgenciesExactShare is the share of labelled agency lists found exactly.
func (s Score) AgenciesExactShare() float64 { return ratio(s.AgenciesExact, s.AgencyLists) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func (s *Score) add(o Score) {
	s.Cases += o.Cases
	s.Sentences += o.Sentences
	s.SentencesKept += o.SentencesKept
	s.Boiler += o.Boiler
	s.BoilerRemoved += o.BoilerRemoved
	s.TitlesExact += o.TitlesExact
	s.PublishedExact += o.PublishedExact
	s.Publishers += o.Publishers
	s.PublishersExact += o.PublishersExact
	s.Datelines += o.Datelines
	s.DatelinesExact += o.DatelinesExact
	s.AgencyLists += o.AgencyLists
	s.AgenciesExact += o.AgenciesExact
}

// Report is the outcome of a run.
type Report struct {
	// All, Dev and Heldout score all cases and each split.
	All, Dev, Heldout Score
	// Misses describe every wrong title, time, publisher, lost sentence
	// and kept boilerplate line.
	Misses []string
	// HTMLPages is the number of HTML cases; ExtractTime the time their
	// extraction took; CleanMetaTime the time clean and meta took on all.
	HTMLPages     int
	ExtractTime   time.Duration
	CleanMetaTime time.Duration
	// Corpus is the report of a corpus directory scored against its
	// README's table (see RunCorpus); nil for a set of cases.
	Corpus *CorpusReport
}

// Options change how Run works.
type Options struct {
	// Extract turns an HTML case's page (a.Raw.Body) into a.Text and the
	// metadata the page declares, as the flow does. Nil means the extract
	// stage with default options.
	Extract pipeline.Stage
	// Before are the stages run after extraction and before clean, as in
	// the flow. Nil means the normalize stage; an empty, non-nil slice
	// runs none.
	Before []pipeline.Stage
	// Verbose prints every miss.
	Verbose bool
}

// Run scores the cases in dir (the built-in set when dir is "") and prints
// the report to w. A dir without .case files whose README.md holds a
// ground-truth table is scored as a corpus (see RunCorpus).
func Run(ctx context.Context, dir string, w io.Writer) (Report, error) {
	return RunWith(ctx, dir, w, Options{})
}

// RunWith is Run with options.
func RunWith(ctx context.Context, dir string, w io.Writer, opt Options) (Report, error) {
	var fsys fs.FS = builtin
	pattern := "testdata/*.case"
	if dir != "" {
		fsys = os.DirFS(dir)
		pattern = "*.case"
		if names, _ := fs.Glob(fsys, pattern); len(names) == 0 && HasTruth(dir) {
			cr, err := RunCorpus(ctx, dir, w, opt)
			return Report{Corpus: &cr}, err
		}
	}
	cases, err := Load(fsys, pattern)
	if err != nil {
		return Report{}, err
	}
	if len(cases) == 0 {
		return Report{}, fmt.Errorf("cleaneval: no .case files in %q", dir)
	}
	ext := opt.Extract
	if ext == nil {
		ext = extract.New(extract.Options{})
	}
	before := opt.Before
	// Labels are compared in the form the stages before clean give text.
	prep := func(s string) string { return s }
	if before == nil {
		before = []pipeline.Stage{normalize.Stage{}}
		prep = normalize.Text
	}
	cl, mt := clean.New(), meta.New()
	var rep Report
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return rep, fmt.Errorf("cleaneval: %w", err)
		}
		a := &news.Article{Raw: news.Raw{Body: c.Page, Format: c.Format}, Source: news.Source{URI: c.Name, Format: c.Format}}
		if c.Format == news.FormatHTML {
			start := time.Now()
			if err := ext.Process(ctx, a); err != nil {
				return rep, fmt.Errorf("cleaneval: extract %s: %w", c.Name, err)
			}
			rep.ExtractTime += time.Since(start)
			rep.HTMLPages++
		} else {
			a.Text = c.Page
		}
		for _, st := range before {
			if err := st.Process(ctx, a); err != nil {
				return rep, fmt.Errorf("cleaneval: %s %s: %w", st.Name(), c.Name, err)
			}
		}
		start := time.Now()
		if err := cl.Process(ctx, a); err != nil {
			return rep, fmt.Errorf("cleaneval: clean %s: %w", c.Name, err)
		}
		if err := mt.Process(ctx, a); err != nil {
			return rep, fmt.Errorf("cleaneval: meta %s: %w", c.Name, err)
		}
		rep.CleanMetaTime += time.Since(start)
		s, misses := score(c.prepared(prep), a)
		rep.Misses = append(rep.Misses, misses...)
		rep.All.add(s)
		if c.Split == "heldout" {
			rep.Heldout.add(s)
		} else {
			rep.Dev.add(s)
		}
	}
	rep.print(w, opt.Verbose)
	return rep, nil
}

func (r Report) print(w io.Writer, verbose bool) {
	line := func(name string, s Score) {
		fmt.Fprintf(w, "%-8s cases %3d  body sentences kept %6.2f%% (%d/%d)  boilerplate removed %6.2f%% (%d/%d)  title exact %6.2f%%  published exact %6.2f%%  publisher exact %6.2f%% (%d)",
			name, s.Cases, 100*s.BodyKept(), s.SentencesKept, s.Sentences, 100*s.BoilerplateRemoved(), s.BoilerRemoved, s.Boiler,
			100*s.TitleExact(), 100*s.PublishedExactShare(), 100*s.PublisherExact(), s.Publishers)
		if s.Datelines+s.AgencyLists > 0 {
			fmt.Fprintf(w, "  dateline exact %6.2f%% (%d)  agencies exact %6.2f%% (%d)", 100*s.DatelineExact(), s.Datelines,
				100*s.AgenciesExactShare(), s.AgencyLists)
		}
		fmt.Fprintln(w)
	}
	line("dev", r.Dev)
	line("heldout", r.Heldout)
	line("all", r.All)
	if r.HTMLPages > 0 {
		fmt.Fprintf(w, "html extraction %v per page (%d pages); clean+meta %v per page\n",
			(r.ExtractTime / time.Duration(r.HTMLPages)).Round(time.Microsecond), r.HTMLPages,
			(r.CleanMetaTime / time.Duration(max(1, r.All.Cases))).Round(time.Microsecond))
	}
	if verbose || len(r.Misses) <= 20 {
		for _, m := range r.Misses {
			fmt.Fprintln(w, "  miss:", m)
		}
	} else {
		fmt.Fprintf(w, "  %d misses (verbose prints them)\n", len(r.Misses))
	}
}

// prepared returns the case with its expected strings passed through f.
func (c Case) prepared(f func(string) string) Case {
	out := c
	out.Title = strings.TrimSpace(strings.ReplaceAll(f(c.Title), "\n", " "))
	out.Body = make([]string, len(c.Body))
	for i, b := range c.Body {
		out.Body[i] = f(b)
	}
	out.Boiler = make([]string, len(c.Boiler))
	for i, b := range c.Boiler {
		out.Boiler[i] = f(b)
	}
	return out
}

// score compares one cleaned article with its labels.
func score(c Case, a *news.Article) (Score, []string) {
	s := Score{Cases: 1}
	var misses []string
	miss := func(format string, args ...any) {
		misses = append(misses, c.Name+": "+fmt.Sprintf(format, args...))
	}
	text := a.Text
	for _, b := range c.Body {
		for _, sent := range Sentences(b) {
			s.Sentences++
			if strings.Contains(text, sent) {
				s.SentencesKept++
			} else {
				miss("lost sentence %.80q", sent)
			}
		}
	}
	paras := map[string]bool{}
	for _, p := range strings.Split(text, "\n\n") {
		paras[strings.TrimSpace(p)] = true
	}
	for _, b := range c.Boiler {
		s.Boiler++
		// A short line counts as kept only as a paragraph of its own: "सार"
		// is also part of "अनुसार".
		kept := paras[b] || len(strings.Fields(b)) >= 3 && strings.Contains(text, b)
		if !kept {
			s.BoilerRemoved++
		} else {
			miss("kept boilerplate %.80q", b)
		}
	}
	if a.Title == c.Title {
		s.TitlesExact++
	} else {
		miss("title %q, want %q", a.Title, c.Title)
	}
	got := ""
	if !a.Published.IsZero() {
		got = a.Published.Format(time.RFC3339)
	}
	want, _ := time.Parse(time.RFC3339, c.Published)
	if got == c.Published || c.Published != "" && a.Published.Equal(want) {
		s.PublishedExact++
	} else {
		miss("published %q, want %q", got, c.Published)
	}
	if c.HasPublisher {
		s.Publishers++
		if a.Publisher == c.Publisher {
			s.PublishersExact++
		} else {
			miss("publisher %q, want %q", a.Publisher, c.Publisher)
		}
	}
	if c.HasDateline {
		s.Datelines++
		place := ""
		if a.Dateline != nil {
			place = a.Dateline.Place
		}
		if place == c.Dateline {
			s.DatelinesExact++
		} else {
			miss("dateline place %q, want %q", place, c.Dateline)
		}
	}
	if c.HasAgencies {
		s.AgencyLists++
		if sameSet(a.Agencies, c.Agencies) {
			s.AgenciesExact++
		} else {
			miss("agencies %q, want %q", a.Agencies, c.Agencies)
		}
	}
	return s, misses
}

// Sentences splits a body line into its sentences: after a danda, a double
// danda, or ". ", "? ", "! ". Pieces shorter than three characters join
// the next.
func Sentences(p string) []string {
	var out []string
	cur := strings.Builder{}
	rs := []rune(p)
	for i, r := range rs {
		cur.WriteRune(r)
		end := r == '।' || r == '॥'
		if (r == '.' || r == '?' || r == '!') && (i+1 == len(rs) || rs[i+1] == ' ') {
			end = true
		}
		if end {
			if s := strings.TrimSpace(cur.String()); len([]rune(s)) >= 3 {
				out = append(out, s)
				cur.Reset()
			}
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

// Load reads every case matching pattern in fsys, sorted by name.
func Load(fsys fs.FS, pattern string) ([]Case, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, fmt.Errorf("cleaneval: %w", err)
	}
	sort.Strings(names)
	var out []Case
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("cleaneval: %w", err)
		}
		c, err := Parse(strings.TrimSuffix(filepath.Base(n), ".case"), string(b))
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// errFormat is returned for a case file that breaks the format.
var errFormat = errors.New("bad case file")

// Parse reads one case file.
func Parse(name, src string) (Case, error) {
	c := Case{Name: name, Format: news.FormatText, Split: "dev"}
	header, page, ok := strings.Cut(strings.ReplaceAll(src, "\r\n", "\n"), "\n---\n")
	if !ok {
		return c, fmt.Errorf("cleaneval: %s: %w: no --- line", name, errFormat)
	}
	for _, l := range strings.Split(header, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "#") || strings.TrimSpace(l) == "" {
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			return c, fmt.Errorf("cleaneval: %s: %w: header line %q", name, errFormat, l)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "format":
			c.Format = v
		case "split":
			c.Split = v
		case "title":
			c.Title = v
		case "published":
			c.Published = v
		case "publisher":
			c.Publisher, c.HasPublisher = v, true
		case "dateline":
			c.HasDateline = true
			if v != "-" && v != "—" {
				c.Dateline = v
			}
		case "agencies":
			c.HasAgencies = true
			for _, g := range strings.Split(v, ",") {
				if g = strings.TrimSpace(g); g != "" && g != "-" && g != "—" {
					c.Agencies = append(c.Agencies, g)
				}
			}
		case "body":
			c.Body = append(c.Body, v)
		case "boiler":
			c.Boiler = append(c.Boiler, v)
		default:
			return c, fmt.Errorf("cleaneval: %s: %w: unknown key %q", name, errFormat, k)
		}
	}
	if c.Published != "" {
		if _, err := time.Parse(time.RFC3339, c.Published); err != nil {
			return c, fmt.Errorf("cleaneval: %s: published: %w", name, err)
		}
	}
	if c.Format == news.FormatHTML {
		c.Page = page
		return c, nil
	}
	var lines []string
	for _, l := range strings.Split(page, "\n") {
		switch {
		case strings.TrimSpace(l) == "":
			lines = append(lines, "")
		case strings.HasPrefix(l, "+ "):
			body := l[2:]
			raw := body
			if strings.HasPrefix(body, "{") {
				end := strings.Index(body, "}")
				if end < 0 {
					return c, fmt.Errorf("cleaneval: %s: %w: unclosed brace in %q", name, errFormat, l)
				}
				raw = body[1:end] + body[end+1:]
				body = strings.TrimSpace(body[end+1:])
				c.Boiler = append(c.Boiler, strings.TrimSpace(raw))
			}
			lines = append(lines, raw)
			c.Body = append(c.Body, body)
		case strings.HasPrefix(l, "- "):
			lines = append(lines, l[2:])
			c.Boiler = append(c.Boiler, strings.TrimSpace(l[2:]))
		default:
			return c, fmt.Errorf("cleaneval: %s: %w: line without label %q", name, errFormat, l)
		}
	}
	c.Page = strings.Join(lines, "\n")
	return c, nil
}
