// Package meta is the stage that fills an article's facts of publication:
// title, English title, publisher, byline, agencies, dateline, published
// and updated times. It reads them from the input's hints (which always
// win and are never changed), from an HTML page's head (title tags, Open Graph and article meta
// tags, JSON-LD NewsArticle), from the lines the clean stage removed (by
// their reasons: "title", "web-title", "byline", "timestamp", "dateline",
// "disclaimer", "credit", "url", …) and from the clean text (agencies cited
// in the body). What an earlier stage already set and the input did not
// give (the extract stage's reading of a page: trafilatura's title, site
// name, authors and dates) is a candidate: it goes through the same
// readings (site tails and kickers off a title, the outlet table for a
// site name, agencies out of a byline) and counts after the page's own
// evidence, so the page's headline, its outlet's English name and its
// first publication time win over a title tag, a host name or an update
// time.
//
// The readings it weighs come from below the stages, shared with clean:
// package page reads an HTML page's head (once per article, page.HeadOf),
// package press recognises agencies, outlets, places and datelines,
// bylines and headlines, package datetime dates and times. Meta only
// decides.
//
// Decisions, where a page leaves room for more than one reading:
//
//   - A date without a time (a page that says only "03-11-2025") is
//     published at midnight IST; Facts.PublishedPrecision tells such dates
//     from real midnights. Numeric dates are day-first (Indian pages); a
//     month over 12 swaps them. Times without a zone are IST, and "IST" is
//     always +05:30.
//   - Title: hints, then for HTML the best scored of the headline line
//     the clean stage found, the JSON-LD headline, the h1, og:title,
//     twitter:title, <title> and the extract stage's title
//     (chooseHeadline: overlap with the opening paragraphs, script,
//     structure, a visible line, agreement), head titles without what the
//     site appends (" | Site", " – DW – 07.03.2024", a host's name) or
//     puts before ("Lucknow News:", an English kicker before a Hindi
//     headline, a kicker before a visible headline); for text the line
//     the clean stage chose (clean weighs its candidates the same way).
//   - Published: hints, then JSON-LD and meta tags, then the page's
//     visible stamps: a "published" label, else the first unlabelled
//     stamp, else the extract stage's time, else the "Updated" time
//     (pages that print only that one); a visible time to the minute
//     takes the seconds of a machine timestamp of the same minute.
//     Updated likewise, never before published.
//   - Byline holds authors and desks as written ("जागरण संवाददाता");
//     an agency in a byline ("By भाषा") goes to Agencies, an outlet ("By
//     Lokjeewan Daily") to Publisher; editors and producers ("Edited by")
//     are not bylines.
//   - Agencies are canonical English names in order of first appearance
//     in the page (bylines, dateline, disclaimers, credits, body);
//     ambiguous names (भाषा, एपी, तास, स्पुतनिक) count only where the
//     text credits or cites an agency.
//   - Publisher is the outlet's English name from the table when any
//     source names a known outlet; else a Latin name as written (site
//     name, the owner in the copyright line, a byline's outlet); else the
//     Devanagari name the page gives itself (copyright owner, site name,
//     an outlet's desk credit) in Latin letters (RomanName), with the URL
//     host's spelling when the host spells that name (HostSpelling). The
//     last is a reading of the name, not the outlet's own spelling.
//   - TitleEn is set only for a non-English headline: the "Web Title:"
//     line, or the English half of a headline pair.
//   - The dateline is taken off the first paragraph by the clean stage
//     (reason "dateline"); its date gets the published year, and is empty
//     when the page has no published date.
package meta

import (
	"context"
	"fmt"
	"index/suffixarray"
	"sort"
	"strings"
	"time"

	"khabar/internal/datetime"
	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/page"
	"khabar/internal/press"
)

// Meta is the meta stage. It holds only its options and is safe for
// concurrent use.
type Meta struct{ opt Options }

// Options tune the meta stage. Zero fields take the defaults, which are
// tuned on the clean dev pages (khabar eval clean scores publisher, byline,
// dates and titles).
type Options struct {
	// ScanLimit is the page size (bytes) up to which a removed line's
	// place in the page is found by scanning; past it a suffix array
	// answers, in time logarithmic in the page. Default 48 KiB.
	ScanLimit int
	// LocatePrefix is how many leading bytes of a line that is not found
	// whole (repaired or trimmed by the cleaner) are looked for instead;
	// MinLocatePrefix the fewest worth looking for. Defaults 48 and 12.
	LocatePrefix, MinLocatePrefix int
	// WebTitleLabel is how far into a "Web Title:" line its label may end.
	// Default 20 bytes.
	WebTitleLabel int
	// EnglishTitleLetters is the fewest Latin letters the English half of
	// a headline pair ("हिंदी शीर्षक | English headline") needs. Default 8.
	EnglishTitleLetters int
}

// DefaultOptions returns the options a zero Options stands for.
func DefaultOptions() Options { return Options{}.withDefaults() }

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.ScanLimit, 48<<10)
	def(&o.LocatePrefix, 48)
	def(&o.MinLocatePrefix, 12)
	def(&o.WebTitleLabel, 20)
	def(&o.EnglishTitleLetters, 8)
	return o
}

// New returns the meta stage with the default options.
func New() *Meta { return NewWith(Options{}) }

// NewWith returns the meta stage tuned by opt.
func NewWith(opt Options) *Meta { return &Meta{opt: opt.withDefaults()} }

// Name returns "meta".
func (*Meta) Name() string { return "meta" }

// Process fills a's metadata: Title, TitleEn, Publisher, Byline,
// Agencies, Dateline, Published, Updated and URL. What the input carried
// as hints (a.Raw.Hints) is kept as given. Other values already set (the
// extract stage's reading of an HTML page) are candidates that Read weighs
// with the rest of the page's evidence: they are replaced when the page
// says better, and kept when it says nothing.
func (m *Meta) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("meta: %w", err)
	}
	f := ReadWith(a, m.opt)
	h := a.Raw.Hints
	if h.Title == "" || a.Title == "" {
		a.Title = f.Title
	}
	if a.TitleEn == "" {
		a.TitleEn = f.TitleEn
	}
	if h.Publisher == "" || a.Publisher == "" {
		a.Publisher = f.Publisher
	}
	a.Byline = f.Byline
	if len(a.Agencies) == 0 {
		a.Agencies = f.Agencies
	}
	if a.Dateline == nil {
		a.Dateline = f.Dateline
	}
	if h.Published.IsZero() || a.Published.IsZero() {
		a.Published = f.Published
	}
	a.Updated = f.Updated
	if a.URL == "" {
		a.URL = f.URL
	}
	// Whatever stage or input set them, the fields people read are
	// normalised once here, where they are final, and only a web URL stays.
	normalize.Fields(a)
	return nil
}

// candidates are the metadata an earlier stage set on an article that the
// input did not give as hints: the extract stage's reading of a page.
type candidates struct {
	title, publisher   string
	byline             []string
	published, updated time.Time
}

// candidatesOf returns a's values that are not hints.
func candidatesOf(a *news.Article) candidates {
	var c candidates
	h := a.Raw.Hints
	if h.Title == "" {
		c.title = a.Title
	}
	if h.Publisher == "" {
		c.publisher = a.Publisher
	}
	if h.Published.IsZero() {
		c.published = a.Published
	}
	c.byline = a.Byline
	c.updated = a.Updated
	return c
}

// Facts are the metadata Read finds.
type Facts struct {
	Title, TitleEn, Publisher string
	Byline, Agencies          []string
	Dateline                  *news.Dateline
	Published, Updated        time.Time
	// PublishedPrecision and UpdatedPrecision say how much of the times the
	// page gave (0 when unknown).
	PublishedPrecision, UpdatedPrecision datetime.Precision
	URL                                  string
}

// fact is a piece of text metadata comes from, with its place in the page.
type fact struct {
	text, reason string
	pos          int
}

// Read finds an article's metadata without changing it, with the default
// options.
func Read(a *news.Article) Facts { return ReadWith(a, Options{}) }

// ReadWith finds an article's metadata without changing it, tuned by opt
// (zero fields take the defaults).
func ReadWith(a *news.Article, opt Options) Facts {
	opt = opt.withDefaults()
	var f Facts
	var head news.Head
	isHTML := a.Raw.Format == news.FormatHTML && a.Raw.Body != ""
	if isHTML {
		head = page.HeadOf(a)
	}
	facts := locate(a, opt)
	byReason := func(r string) []fact {
		var out []fact
		for _, x := range facts {
			if x.reason == r {
				out = append(out, x)
			}
		}
		return out
	}

	// URL.
	f.URL = firstNonEmpty(a.Raw.Hints.URL, head.URL, head.LD.URL)
	if f.URL == "" {
		if us := byReason(news.ReasonURL); len(us) > 0 {
			f.URL = strings.TrimSpace(us[0].text)
		}
	}
	if f.URL == "" && (strings.HasPrefix(a.Source.URI, "http://") || strings.HasPrefix(a.Source.URI, "https://")) {
		f.URL = a.Source.URI
	}
	if a.URL != "" {
		f.URL = a.URL
	}

	// Title.
	titleLine := ""
	if ts := byReason(news.ReasonTitle); len(ts) > 0 {
		titleLine = ts[0].text
	}
	cand := candidatesOf(a)
	f.Title = firstNonEmpty(a.Raw.Hints.Title, titleLine, head.LD.Headline, head.H1,
		press.PageTitle(head.OGTitle, head.SiteName, f.URL), press.PageTitle(head.TwitterTitle, head.SiteName, f.URL),
		press.PageTitle(head.Title, head.SiteName, f.URL), press.PageTitle(cand.title, head.SiteName, f.URL))
	if isHTML && a.Raw.Hints.Title == "" {
		if t := chooseHeadline(a.Text, titleLine, head, cand.title, f.URL); t != "" {
			f.Title = t
		}
	}
	if strings.TrimSpace(f.Title) == "" {
		// The page names no headline: the feed's title for it.
		f.Title = a.Raw.Feed.Title
	}
	f.Title = collapse(f.Title)

	// English title.
	f.TitleEn = englishTitle(f.Title, byReason(news.ReasonWebTitle), byReason(news.ReasonRepeatedTitle), opt)

	// Byline, publisher candidates and agencies from credit lines.
	titlePos := -1
	if ts := byReason(news.ReasonTitle); len(ts) > 0 {
		titlePos = ts[0].pos
	}
	var names, outletsNamed []string
	var hits []agencyAt
	for _, x := range facts {
		switch x.reason {
		case news.ReasonByline, news.ReasonTimestamp:
			ns, outs, ags := press.ReadByline(x.text)
			names = append(names, ns...)
			if press.Outlet(x.text) != "" {
				// The whole line is an outlet's name ("बीबीसी न्यूज़, हिंदी").
				outs = []string{x.text}
			}
			outletsNamed = append(outletsNamed, outs...)
			for _, g := range ags {
				hits = append(hits, agencyAt{g, x.pos})
			}
		case news.ReasonNavigation, news.ReasonFooter, news.ReasonSocial, news.ReasonBanner:
			// A line that is only an outlet's name or desk ("दैनिक भास्कर",
			// "Prabhat Khabar Digital Desk").
			if kind, _, _, ok := press.LeadName(x.text); ok && kind == press.LeadOutlet {
				outletsNamed = append(outletsNamed, x.text)
			} else if titlePos >= 0 && x.pos < titlePos && press.Outlet(x.text) != "" {
				// The masthead above the headline: the page's name for
				// itself, even a name that is also a word ("Mint").
				outletsNamed = append(outletsNamed, x.text)
			}
		case news.ReasonDisclaimer, news.ReasonCredit:
			for _, h := range press.FindAgencies(x.text) {
				hits = append(hits, agencyAt{h.Name, x.pos + h.Start})
			}
			if x.reason == news.ReasonCredit {
				if g := press.Agency(x.text); g != "" {
					hits = append(hits, agencyAt{g, x.pos})
				}
			}
		}
	}
	for _, au := range append(append(append([]string{}, head.LD.Authors...), head.Authors...), cand.byline...) {
		if g := press.Agency(au); g != "" {
			hits = append(hits, agencyAt{g, -1})
			continue
		}
		if press.Outlet(au) != "" || strings.EqualFold(au, head.SiteName) || strings.EqualFold(au, head.LD.Publisher) {
			outletsNamed = append(outletsNamed, au)
			continue
		}
		names = append(names, au)
	}

	// Dateline.
	var dl *press.DatelineInfo
	var weakOutlets []fact
	dlPos := -1
	if ds := byReason(news.ReasonDateline); len(ds) > 0 {
		if d, ok := press.DatelineText(ds[0].text); ok {
			dl, dlPos = &d, ds[0].pos
		}
	}
	if dl == nil {
		first, _, _ := strings.Cut(a.Text, "\n")
		if d, ok := press.ParseDateline(first); ok {
			dl, dlPos = &d, 0
		}
	}
	if dl != nil {
		if dl.Agency != "" {
			hits = append(hits, agencyAt{dl.Agency, dlPos})
		}
		if dl.Byline != "" {
			names = append(names, dl.Byline)
			// "नईदुनिया प्रतिनिधि, इंदौर।": the outlet's own reporter, a
			// weak sign (a group's sites print each other's copy).
			if kind, _, _, ok := press.LeadName(dl.Byline); ok && kind == press.LeadOutlet {
				weakOutlets = append(weakOutlets, fact{text: dl.Byline})
			}
		}
	}

	// Agencies cited in the body.
	for _, x := range facts {
		if x.reason != "" {
			continue
		}
		for _, h := range press.FindAgencies(x.text) {
			hits = append(hits, agencyAt{h.Name, x.pos + h.Start})
		}
	}
	f.Agencies = orderAgencies(hits)
	f.Byline = dedupe(names)

	// Publisher.
	f.Publisher = publisher(a, head, cand.publisher, f.URL, outletsNamed, f.Byline, byReason(news.ReasonDisclaimer), byReason(news.ReasonCopyright),
		append(append(append(byReason(news.ReasonSocial), byReason(news.ReasonBanner)...), byReason(news.ReasonCredit)...), weakOutlets...))

	// Times.
	f.Published, f.PublishedPrecision, f.Updated, f.UpdatedPrecision = times(a, head, facts, cand, f.URL)
	// A clock the page printed without a zone is the outlet's own time
	// ("14/05/2025 - 16:32" on France 24 is Paris time), IST for the rest.
	if loc := press.OutletZone(f.Publisher); loc != nil {
		f.Published, f.Updated = datetime.InZone(f.Published, loc), datetime.InZone(f.Updated, loc)
	}
	if dl != nil {
		f.Dateline = &news.Dateline{Place: dl.EnglishPlace(), PlaceText: dl.PlaceText, Date: datelineDate(dl, f.Published)}
	}
	return f
}

// locate lists the removed lines and the paragraphs of the text with their
// position in the original page, so facts can be ordered as the page had
// them. Body paragraphs have reason "".
func locate(a *news.Article, opt Options) []fact {
	page := a.Raw.Body
	if page == "" {
		page = a.Text
	}
	var out []fact
	idx := newFinder(page, opt.ScanLimit)
	find := func(s string, from int) int {
		if s == "" {
			return -1
		}
		if i := idx.index(s); i >= 0 {
			return i
		}
		// The text may have been repaired or trimmed: try its start.
		k := min(len(s), opt.LocatePrefix)
		for k > 0 && k < len(s) && !isRuneStart(s[k]) {
			k--
		}
		if k >= opt.MinLocatePrefix {
			if i := idx.index(s[:k]); i >= 0 {
				return i
			}
		}
		return from
	}
	last := 0
	for _, r := range a.Removed {
		p := find(r.Text, -1)
		if p < 0 {
			p = last
		}
		last = p
		out = append(out, fact{text: r.Text, reason: r.Reason, pos: p})
	}
	last = 0
	for _, para := range strings.Split(a.Text, "\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		p := find(para, -1)
		if p < 0 {
			p = last
		}
		last = p
		out = append(out, fact{text: para, pos: p})
	}
	return out
}

// scan is strings.Index(f.page, s), which it finds by the byte of s that
// is rarest in the page: Devanagari text starts nearly every character
// with the same byte, which strings.Index looks for first.
func (f *finder) scan(s string) int {
	if len(s) < 8 {
		return strings.Index(f.page, s)
	}
	j := 0
	for k := 1; k < len(s); k++ {
		if f.count[s[k]] < f.count[s[j]] {
			j = k
		}
	}
	b := s[j]
	for q := j; q < len(f.page); {
		i := strings.IndexByte(f.page[q:], b)
		if i < 0 {
			return -1
		}
		q += i
		if start := q - j; start+len(s) <= len(f.page) && f.page[start:start+len(s)] == s {
			return start
		}
		q++
	}
	return -1
}

// finder returns the first offset of strings in a page.
type finder struct {
	page string
	sa   *suffixarray.Index
	memo map[string]int
	// count[b] is how often byte b occurs in a page scanned
	count [256]int32
}

// newFinder returns a finder of page: one that scans the page for each
// string up to scanLimit bytes, and past it one that asks a suffix array,
// in time logarithmic in the page, where scanning for every paragraph
// would grow with the square of it.
func newFinder(page string, scanLimit int) *finder {
	f := &finder{page: page}
	if len(page) > scanLimit {
		f.sa = suffixarray.New([]byte(page))
		f.memo = map[string]int{}
		return f
	}
	for i := 0; i < len(page); i++ {
		f.count[page[i]]++
	}
	return f
}

// index is strings.Index(f.page, s).
func (f *finder) index(s string) int {
	if f.sa == nil {
		return f.scan(s)
	}
	if i, ok := f.memo[s]; ok {
		return i
	}
	first := -1
	for _, i := range f.sa.Lookup([]byte(s), -1) {
		if first < 0 || i < first {
			first = i
		}
	}
	f.memo[s] = first
	return first
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// englishTitle finds the English headline a Hindi page carries: a "Web
// Title:" line, or the English half of a headline pair.
func englishTitle(title string, web, pairs []fact, opt Options) string {
	if title != "" && !press.MostlyDevanagari(title) {
		return ""
	}
	for _, x := range web {
		t := x.text
		if i := strings.IndexAny(t, ":：-–"); i >= 0 && i < opt.WebTitleLabel {
			t = t[i+1:]
		}
		if t = collapse(strings.TrimLeft(t, ":：-– ")); t != "" {
			return t
		}
	}
	for _, x := range pairs {
		for _, sep := range []string{" | ", "|", " - ", " – "} {
			a, b, ok := strings.Cut(x.text, sep)
			if !ok {
				continue
			}
			for _, side := range []string{a, b} {
				side = collapse(side)
				if side != "" && !press.MostlyDevanagari(side) && press.LatinLetters(side) >= opt.EnglishTitleLetters {
					return side
				}
			}
		}
	}
	return ""
}

type agencyAt struct {
	name string
	pos  int
}

// orderAgencies returns each agency once, in order of first appearance.
func orderAgencies(hits []agencyAt) []string {
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].pos < hits[j].pos })
	var out []string
	seen := map[string]bool{}
	for _, h := range hits {
		if !seen[h.name] {
			seen[h.name] = true
			out = append(out, h.name)
		}
	}
	// PTI-Bhasha is PTI's Hindi service: when both are named, keep both,
	// as the page credited both.
	return out
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		s = collapse(s)
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// publisher decides the outlet: the hint, then names the outlet table
// knows (site name, JSON-LD publisher, a byline naming an outlet, a
// disclaimer, the URL's host, a copyright line), then names as written in
// Latin letters (site name, the copyright's owner, a byline's outlet),
// then a Devanagari name the page gives itself (copyright owner, site
// name, an outlet's desk credit) written in Latin letters, as the URL's
// host spells it when it does.
func publisher(a *news.Article, head news.Head, cand, url string, bylineOutlets, bylines []string, disclaimers, copyrights, promos []fact) string {
	if p := a.Raw.Hints.Publisher; p != "" {
		if o := press.Outlet(p); o != "" {
			return o
		}
		return p
	}
	var known []string
	for _, s := range []string{head.SiteName, head.LD.Publisher, cand} {
		if o := press.Outlet(s); o != "" {
			known = append(known, o)
		}
	}
	for _, s := range bylineOutlets {
		if o := press.Outlet(s); o != "" {
			known = append(known, o)
		} else if kind, name, _, ok := press.LeadName(s); ok && kind == press.LeadOutlet {
			known = append(known, name)
		}
	}
	for _, d := range disclaimers {
		if os := press.FindOutlets(d.text); len(os) > 0 {
			known = append(known, os[0])
		}
	}
	if o := press.OutletByURL(url); o != "" {
		known = append(known, o)
	}
	for _, c := range copyrights {
		if os := press.FindOutlets(c.text); len(os) > 0 {
			known = append(known, os[0])
		}
	}
	if len(known) > 0 {
		return known[0]
	}
	// Promotions name their own outlet: "Latest News at Hindustan Times";
	// so do source credits ("Source: Al Jazeera and news agencies") and
	// an outlet's reporter in the dateline ("नईदुनिया प्रतिनिधि").
	for _, x := range promos {
		if os := press.FindOutlets(x.text); len(os) > 0 {
			return os[0]
		}
	}
	// Names as written: a Latin site name, the copyright's owner, an
	// outlet-like byline.
	owners := make([]string, 0, len(copyrights))
	for _, c := range copyrights {
		if n := press.CopyrightName(c.text); n != "" {
			owners = append(owners, n)
		}
	}
	written := append([]string{head.SiteName, head.LD.Publisher, cand}, owners...)
	written = append(written, bylineOutlets...)
	for _, s := range written {
		if s != "" && !press.MostlyDevanagari(s) {
			return collapse(s)
		}
	}
	// A Devanagari name, in Latin letters.
	for _, b := range bylines {
		if o := press.DeskOutlet(b); o != "" {
			written = append(written, o)
		}
	}
	for _, s := range written {
		if s == "" || !press.MostlyDevanagari(s) {
			continue
		}
		r := press.RomanName(collapse(s))
		if r == "" {
			continue
		}
		if h := press.HostSpelling(r, url); h != "" {
			return h
		}
		return r
	}
	return ""
}

// collapse joins s's words with single spaces.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
