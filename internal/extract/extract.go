package extract

import (
	"context"
	"fmt"
	nurl "net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"khabar/internal/datetime"
	"khabar/internal/news"
)

// DefaultMaxElements is Options.MaxElements when it is zero.
const DefaultMaxElements = 40000

// Options tune the extractor.
type Options struct {
	// MaxElements is the number of elements above which a page is read by
	// the simple linear extractor instead of trafilatura, whose cost grows
	// faster than the page. Real news pages have a few thousand elements.
	// 0 means DefaultMaxElements.
	MaxElements int
	// Precision makes trafilatura favour precision over recall: less
	// boilerplate, at the risk of losing some body text.
	Precision bool
}

// Extractor is the extract stage. It is safe for concurrent use.
type Extractor struct {
	maxElements int
	focus       trafilatura.ExtractionFocus
}

// New returns the extract stage.
func New(opts Options) *Extractor {
	e := &Extractor{maxElements: opts.MaxElements, focus: trafilatura.Balanced}
	if e.maxElements <= 0 {
		e.maxElements = DefaultMaxElements
	}
	if opts.Precision {
		e.focus = trafilatura.FavorPrecision
	}
	return e
}

// Name returns "extract".
func (e *Extractor) Name() string { return "extract" }

// Process fills a's Text from a.Raw, and for HTML its Title, Publisher,
// Byline, URL, Published and Updated where the page declares them and the
// article does not have them yet. a.Raw.Hints then override what was
// inferred. A page without an extractable body leaves Text empty and is not
// an error.
func (e *Extractor) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	switch a.Raw.Format {
	case news.FormatText, "":
		a.Text = normalizeNewlines(a.Raw.Body)
	case news.FormatHTML:
		e.html(a)
	default:
		return fmt.Errorf("extract: unknown raw format %q", a.Raw.Format)
	}
	applyHints(a)
	return nil
}

// applyHints puts the facts the input carried over anything inferred.
func applyHints(a *news.Article) {
	h := a.Raw.Hints
	if h.Title != "" {
		a.Title = h.Title
	}
	if h.URL != "" {
		a.URL = h.URL
	}
	if !h.Published.IsZero() {
		a.Published = h.Published
	}
	if h.Publisher != "" {
		a.Publisher = h.Publisher
	}
}

// page is what a page yields.
type page struct {
	text      string
	title     string
	publisher string
	byline    []string
	url       string
	published time.Time
	updated   time.Time
}

// html extracts an HTML page into a.
func (e *Extractor) html(a *news.Article) {
	body := normalizeNewlines(a.Raw.Body)
	// The latest year a date on the page may have is the year after the
	// fetch's (the clock's when the input does not say when it was fetched).
	ref := a.Source.Fetched
	var p page
	if countElements(body, e.maxElements) > e.maxElements {
		p = simple(body, ref)
	} else if doc, err := html.Parse(strings.NewReader(body)); err != nil {
		p = simple(body, ref) // e.g. nested too deep for the parser
	} else {
		p = e.full(doc, a.URL, ref)
	}
	a.Text = p.text
	if a.Title == "" {
		a.Title = p.title
	}
	if a.Publisher == "" {
		a.Publisher = p.publisher
	}
	if len(a.Byline) == 0 {
		a.Byline = p.byline
	}
	if a.URL == "" {
		a.URL = p.url
	}
	if a.Published.IsZero() {
		a.Published = p.published
	}
	if a.Updated.IsZero() && !p.updated.Equal(a.Published) {
		a.Updated = p.updated
	}
}

// full extracts a parsed page with trafilatura.
func (e *Extractor) full(doc *html.Node, url string, ref time.Time) page {
	meta := domMeta(doc)
	visible := nodeText(doc, "\n")
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           e.focus,
		HtmlDateMode:    trafilatura.Disabled, // dates are found below
	}
	if u, err := nurl.ParseRequestURI(url); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	var p page
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err == nil && res != nil {
		if res.ContentNode != nil {
			p.text = strings.Join(tidy(nodeParas(res.ContentNode), meta.title, visible), "\n\n")
		}
		md := res.Metadata
		p.title = strings.TrimSpace(md.Title)
		p.url = md.URL
		p.byline = authors(md.Author)
		p.publisher = strings.TrimSpace(md.Sitename)
		if meta.siteName == "" && strings.EqualFold(p.publisher, hostName(md.URL)) {
			p.publisher = "" // a host name, not the outlet's name
		}
	}
	// What trafilatura left empty, the page's own declarations fill.
	if p.title == "" {
		p.title = firstNonEmpty(meta.ogTitle, meta.title)
	}
	if p.url == "" && isAbsURL(meta.url) {
		p.url = meta.url
	}
	if len(p.byline) == 0 {
		p.byline = authors(meta.author)
	}
	if p.publisher == "" {
		p.publisher = meta.siteName
	}
	p.published, p.updated = dates(doc, meta, visible, p.url, ref)
	return p
}

// rescueSize is the length (in characters) under which trafilatura falls
// back to its baseline extractor, whose output tidy repairs.
const rescueSize = 250

// tidy repairs what trafilatura's baseline rescue does to short pages: it
// drops paragraphs that are only the page's <title> (text from the head
// is not body text), and, in a short result, a paragraph that repeats the
// paragraphs just before it run together.
func tidy(paras []string, title, visible string) []string {
	out := paras[:0]
	title = strings.Join(strings.Fields(title), " ")
	for _, p := range paras {
		if title != "" && p == title && !strings.Contains(visible, title) {
			continue
		}
		out = append(out, p)
	}
	if utf8.RuneCountInString(strings.Join(out, " ")) >= rescueSize || len(out) < 2 {
		return out
	}
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	kept := out[:0]
	for _, p := range out {
		sp, run := squash(p), ""
		repeat := false
		for i := len(kept) - 1; i >= 0 && len(run) < len(sp); i-- {
			run = squash(kept[i]) + run
			if run == sp {
				repeat = true
			}
		}
		if !repeat {
			kept = append(kept, p)
		}
	}
	return kept
}

// simple extracts a page with the linear tokenizer extractor.
func simple(body string, ref time.Time) page {
	meta, text := tokenExtract(body)
	p := page{
		text:      text,
		title:     firstNonEmpty(meta.ogTitle, meta.title),
		publisher: meta.siteName,
		byline:    authors(meta.author),
	}
	if isAbsURL(meta.url) {
		p.url = meta.url
	}
	p.published, p.updated = dates(nil, meta, text, p.url, ref)
	return p
}

// dates decides when a page was published and updated: the times it
// declares in <meta>, itemprop or JSON-LD first, then htmldate's reading of
// the document, then a date with a time of day written in its visible text.
// doc may be nil.
func dates(doc *html.Node, meta pageMeta, visible, url string, ref time.Time) (pub, upd time.Time) {
	inText := datetime.ScanDates(visible, 64, ref)
	pub = firstStamp(meta.published, ref)
	declared := !pub.IsZero()
	if pub.IsZero() && doc != nil {
		pub = fromHTMLDate(doc, url, true, ref)
	}
	if t, ok := textDate(inText, datetime.Published); ok && (pub.IsZero() || sameDayNoTime(pub, t)) {
		pub = t
	} else if t, ok := labelled(inText, datetime.Published); ok && !declared && t.Before(pub) {
		// htmldate's guess is later than the time the page labels as
		// first published: an update time. First publication wins.
		pub = t
	}
	if pub.IsZero() && doc != nil {
		pub = fromHTMLDate(doc, url, false, ref)
	}
	upd = firstStamp(meta.modified, ref)
	if upd.IsZero() {
		for _, f := range inText {
			if f.Label == datetime.Updated && f.HasTime {
				upd = f.Time
				break
			}
		}
	}
	if !pub.IsZero() && !upd.IsZero() && upd.Before(pub) {
		upd = time.Time{}
	}
	return pub, upd
}

// firstStamp returns the first of vals that reads as a time.
func firstStamp(vals []string, ref time.Time) time.Time {
	for _, v := range vals {
		if t, _, ok := datetime.ScanStamp(v, ref); ok {
			return t
		}
	}
	return time.Time{}
}

// textDate picks the date of the visible text: the first labelled as
// want, else the first other than an update; only dates with a time of
// day or a label count, since a bare date in a page is as likely to be
// today's date in the header or a date in the story.
func textDate(fs []datetime.Dated, want datetime.Label) (time.Time, bool) {
	for _, f := range fs {
		if f.Label == want {
			return f.Time, true
		}
	}
	for _, f := range fs {
		if f.Label == datetime.Unlabelled && f.HasTime {
			return f.Time, true
		}
	}
	for _, f := range fs {
		if f.Label == datetime.Updated {
			return f.Time, true
		}
	}
	return time.Time{}, false
}

// labelled returns the first date of fs labelled want that has a time of
// day.
func labelled(fs []datetime.Dated, want datetime.Label) (time.Time, bool) {
	for _, f := range fs {
		if f.Label == want && f.HasTime {
			return f.Time, true
		}
	}
	return time.Time{}, false
}

// sameDayNoTime reports whether t is midnight (a date without a time) on
// the calendar day of u.
func sameDayNoTime(t, u time.Time) bool {
	if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 {
		return false
	}
	ty, tm, td := t.Date()
	uy, um, ud := u.Date()
	return ty == uy && tm == um && td == ud
}

// rxCopyright finds a copyright notice, which htmldate's extensive search
// sometimes takes for a date.
var rxCopyright = regexp.MustCompile(`(?i)©|&copy;|copyright|सर्वाधिकार|कॉपीराइट`)

// fromHTMLDate asks htmldate for the publication date; fast skips its
// extensive (dateparser) search. A result read from a copyright notice is
// refused. Times it reads without a zone, or with IST, are IST.
func fromHTMLDate(doc *html.Node, url string, fast bool, ref time.Time) time.Time {
	r, err := htmldate.FromDocument(doc, htmldate.Options{
		ExtractTime:         true,
		UseOriginalDate:     true,
		SkipExtensiveSearch: fast,
		URL:                 url,
	})
	if err != nil || r.IsZero() || rxCopyright.MatchString(r.SrcString) {
		return time.Time{}
	}
	t := r.DateTime
	// The source string, read by our own rules, settles the zone and the
	// 12-hour clock (htmldate reads "12:30 PM" as 24:30) when it holds the
	// same day, or the next, as htmldate's.
	fs := datetime.ScanDates(r.SrcString, 4, ref)
	for _, f := range fs {
		if sameDay(f.Time, t) {
			return f.Time
		}
	}
	for _, f := range fs {
		if f.HasTime && sameDay(f.Time.AddDate(0, 0, 1), t) {
			return f.Time
		}
	}
	switch {
	case !r.HasTime:
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, ist)
	case !r.HasTimezone || rxIST.MatchString(r.SrcString):
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, ist)
	}
	return t
}

func sameDay(t, u time.Time) bool {
	ty, tm, td := t.Date()
	uy, um, ud := u.Date()
	return ty == uy && tm == um && td == ud
}

// authors splits trafilatura's "A; B" author list.
func authors(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ";") {
		if a = strings.Join(strings.Fields(a), " "); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// hostName is the site part of url as trafilatura derives a site name from
// it when the page names none: the host without "www.".
func hostName(url string) string {
	u, err := nurl.Parse(url)
	if err != nil || u.Host == "" {
		return ""
	}
	h := strings.ToLower(u.Host)
	if i := strings.Index(h, "."); i > 0 && (h[:i] == "www" || (h[0] == 'w' && strings.Trim(h[1:i], "0123456789") == "")) {
		h = h[i+1:]
	}
	return h
}

func isAbsURL(s string) bool {
	u, err := nurl.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
