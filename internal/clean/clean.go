// Package clean is the stage that takes the article out of a page's text:
// it removes banners, navigation, "also read" lines, related-news tails,
// disclaimers, "Web Title" lines, social calls to action, copyright
// footers, repeated headlines, byline and timestamp lines, captions, stray
// punctuation and the dateline, and repairs legacy-font artefacts. Every
// removal is recorded with its reason; the meta stage reads the facts in
// the removed lines (see the Reason constants).
//
// The cleaner works line by line, for scraped text and for the text an
// HTML extractor produced alike. A line is boilerplate by what it says
// (vocabulary of shapes, not of particular pages), by where it stands
// (before the headline, after the article's last paragraph, under a
// related-news heading) and by repetition (the headline again; with a
// Sites model, lines a site prints on many of its pages). It keeps any
// line it is unsure of: precision on the body comes first.
//
// For HTML the cleaner reads the page's declared titles (title tags,
// JSON-LD headline) to know the headline line, and leaves the head of the
// extracted text to the extractor's judgement.
//
// The clean text is the article's paragraphs joined by a blank line; each
// non-empty input line is a paragraph. A dateline is taken off the start of
// the first paragraph (reason "dateline"), keeping the sentence it opens.
package clean

import (
	"context"
	"strings"

	"khabar/internal/datetime"
	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/page"
	"khabar/internal/press"
)

// Cleaner is the clean stage. It is safe for concurrent use.
type Cleaner struct {
	sites *Sites
	opt   Options
}

// Options tune how far the cleaner looks. Zero fields take the defaults,
// which are tuned on the clean dev pages (khabar eval clean).
type Options struct {
	// MaxLines bounds the lines of a page the cleaner looks at; the rest
	// of a huge input is kept as it is. Default 20000.
	MaxLines int
	// HeadScan bounds how many lines into a page the headline is looked
	// for. Default 40.
	HeadScan int
	// RepeatAt is how close (in lines) a headline's repetition must stand
	// for the repetition to mark it. Default 12.
	RepeatAt int
	// StandfirstScan bounds how many lines below the headline a
	// standfirst (summary box, highlights) is looked for. Default 16.
	StandfirstScan int
	// Limits are the word counts of the line rules; see Limits.
	Limits Limits
}

// DefaultOptions returns the options a zero Options stands for.
func DefaultOptions() Options { return Options{}.withDefaults() }

func (o Options) withDefaults() Options {
	if o.MaxLines <= 0 {
		o.MaxLines = 20000
	}
	if o.HeadScan <= 0 {
		o.HeadScan = 40
	}
	if o.RepeatAt <= 0 {
		o.RepeatAt = 12
	}
	if o.StandfirstScan <= 0 {
		o.StandfirstScan = 16
	}
	o.Limits = o.Limits.withDefaults()
	return o
}

// WithOptions tunes the cleaner (see Options).
func WithOptions(o Options) Option {
	return func(c *Cleaner) { c.opt = o }
}

// Option configures a Cleaner.
type Option func(*Cleaner)

// WithSites makes the cleaner remove the lines sites repeats on many of
// an article's site's pages (reason "site-repeat").
func WithSites(sites *Sites) Option {
	return func(c *Cleaner) { c.sites = sites }
}

// New returns the clean stage.
func New(opts ...Option) *Cleaner {
	c := &Cleaner{}
	for _, o := range opts {
		o(c)
	}
	c.opt = c.opt.withDefaults()
	return c
}

// Name returns "clean".
func (*Cleaner) Name() string { return "clean" }

// Process cleans a.Text. The titles the page declares (the JSON Lines
// hint, and for HTML its title tags and JSON-LD headline) tell which lines
// are the headline. Removals are appended to a.Removed in page order.
func (c *Cleaner) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	p := Page{Text: a.Text, Format: a.Raw.Format}
	if a.Raw.Hints.Title != "" {
		p.Titles = append(p.Titles, a.Raw.Hints.Title)
	}
	if a.Raw.Format == news.FormatHTML && a.Raw.Body != "" {
		h := page.HeadOf(a)
		p.Titles = append(p.Titles, HeadTitles(h)...)
		p.Summaries, p.Descriptions = h.Summaries, h.Descriptions
	}
	if c.sites != nil {
		if host := ArticleHost(a); host != "" {
			p.Repeated = func(line string) bool { return c.sites.Repeated(host, line) }
		}
	}
	r := CleanWith(p, c.opt)
	a.Text = r.Text
	a.Removed = append(a.Removed, r.Removed...)
	if a.Text == "" && strings.TrimSpace(p.Text) == "" && strings.TrimSpace(a.Raw.Body) != "" && len(a.Removed) == 0 {
		// The page had content but no text reached the cleaner (an HTML
		// page with no article, only scripts, …): say so in the record.
		a.Removed = append(a.Removed, news.Removal{Text: "", Reason: news.ReasonNoBody})
	}
	return nil
}

// HeadTitles lists the headlines an HTML page declares, best first: the
// JSON-LD headline, og:title, twitter:title, h1 and <title>, each also
// without a " | Site" or " - Site" suffix.
func HeadTitles(h news.Head) []string {
	var out []string
	for _, t := range []string{h.LD.Headline, h.OGTitle, h.TwitterTitle, h.H1, h.Title} {
		if t == "" {
			continue
		}
		out = append(out, t)
		if s := press.StripSiteSuffix(t, h.SiteName); s != t {
			out = append(out, s)
		}
	}
	return out
}

// Page is what the cleaner reads.
type Page struct {
	// Text is the page as lines of text.
	Text string
	// Format is news.FormatText or news.FormatHTML: what the text came
	// from. For HTML the cleaner removes a headline line only when it
	// matches one of Titles.
	Format string
	// Titles are headlines the page declares elsewhere (hints, title tags).
	Titles []string
	// Repeated, when set, reports lines the page's site prints on many
	// of its pages.
	Repeated func(line string) bool
	// Summaries are lines the page's markup presents as its standfirst
	// (news.Head.Summaries); Descriptions the page's descriptions of
	// itself (news.Head.Descriptions). Lines equal to them in the head of
	// the text are the standfirst.
	Summaries, Descriptions []string
}

// Result is the cleaner's output.
type Result struct {
	// Text is the clean body: paragraphs joined by a blank line.
	Text string
	// Removed is what was taken out, in page order.
	Removed []news.Removal
	// Title is the line taken as the headline ("" when none).
	Title string
}

type line struct {
	text   string
	sh     shape
	reason string
	// prefix holds removals taken off the start of a kept line (stray
	// punctuation, dateline), in order.
	prefix []news.Removal
	// keyed, keyOf and keyText: titleKey(keyOf) once made, for the
	// headline checks that compare every line.
	keyed          bool
	keyOf, keyText string
}

// key returns titleKey(l.text), made once for each text of the line.
func (l *line) key() string {
	if !l.keyed || l.keyOf != l.text {
		l.keyed, l.keyOf, l.keyText = true, l.text, titleKey(l.text)
	}
	return l.keyText
}

// Clean removes the boilerplate of one page, with the default options.
func Clean(p Page) Result { return CleanWith(p, Options{}) }

// CleanWith removes the boilerplate of one page, tuned by opt (zero fields
// take the defaults).
func CleanWith(p Page, opt Options) Result {
	lim := &opt.Limits
	opt = opt.withDefaults()
	text := repairLegacy(strings.ReplaceAll(strings.ReplaceAll(p.Text, "\r\n", "\n"), "\r", "\n"))
	raw := strings.Split(text, "\n")
	lines := make([]*line, 0, min(len(raw), opt.MaxLines))
	var overflow []string
	for _, r := range raw {
		t := strings.Trim(r, " \t\u00a0\u200b\ufeff")
		if t == "" {
			continue
		}
		if len(lines) >= opt.MaxLines {
			overflow = append(overflow, t)
			continue
		}
		lines = append(lines, &line{text: t, sh: measure(t)})
	}
	for _, l := range lines {
		l.reason = opt.Limits.classify(l.text, l.sh)
		if l.reason == "" && p.Repeated != nil && p.Repeated(l.text) {
			l.reason = news.ReasonSiteRepeat
		}
	}
	title := markTitle(lines, p, opt)
	markStandfirst(lines, p, opt)
	lim.markAuthorBox(lines)
	lim.markBlocks(lines)
	lim.markEdges(lines, p.Format == news.FormatHTML)
	lim.fixFirstParagraph(lines)

	var res Result
	res.Title = title
	var body []string
	for _, l := range lines {
		res.Removed = append(res.Removed, l.prefix...)
		if l.reason != "" {
			res.Removed = append(res.Removed, news.Removal{Text: l.text, Reason: l.reason})
			continue
		}
		body = append(body, l.text)
	}
	// Past the line limit the input is kept as it is.
	body = append(body, overflow...)
	res.Text = strings.Join(body, "\n\n")
	if res.Text == "" && len(lines) > 0 {
		res.Removed = append(res.Removed, news.Removal{Text: "", Reason: news.ReasonNoBody})
	}
	return res
}

// titleKey folds a headline for comparison.
func titleKey(s string) string {
	s = normalize.LineFold.String(s)
	return strings.Trim(s, " \u00a0.।:-–—|\"'“”‘’")
}

// markTitle finds the headline line and its repeats. It returns the
// headline as written ("" when none).
func markTitle(lines []*line, p Page, opt Options) string {
	lim := &opt.Limits
	keys := map[string]bool{}
	for _, t := range p.Titles {
		if k := titleKey(t); k != "" {
			keys[k] = true
		}
	}
	title := ""
	titleAt := -1
	// A line equal to a declared title.
	longest := 0
	for k := range keys {
		longest = max(longest, len(k))
	}
	for i, l := range lines {
		if l.reason == "" && len(l.text) <= longest+lim.TitleSlack && keys[l.key()] {
			title, titleAt = l.text, i
			break
		}
	}
	// For text without declared titles (or none matching): the first
	// headline-shaped line before the article's first paragraph.
	if titleAt < 0 && p.Format != news.FormatHTML && len(keys) == 0 {
		titleAt = chooseTitle(lines, opt)
		if titleAt < 0 {
			titleAt = repeatedTitle(lines, opt)
		}
		if titleAt < 0 {
			titleAt = lim.shapeTitle(lines)
			// A headline stands over its credit: a headline-shaped line
			// that does not (a site's tagline, a banner's buttons) gives
			// way to the line that does.
			if b := bylineTitle(lines, opt); b >= 0 && b != titleAt && (titleAt < 0 || !lim.credited(lines, titleAt)) {
				titleAt = b
			}
		}
		if titleAt >= 0 {
			title = lines[titleAt].text
		}
	}
	if titleAt < 0 {
		return ""
	}
	lines[titleAt].reason = news.ReasonTitle
	k := titleKey(title)
	keys[k] = true
	longest = 0
	for k := range keys {
		longest = max(longest, len(k))
	}
	for i, l := range lines {
		if i == titleAt || (l.reason != "" && l.reason != news.ReasonNavigation) {
			continue
		}
		// A headline pair is at most two headlines long.
		if len(l.text) > 2*longest+lim.TitleSlack {
			continue
		}
		if keys[l.key()] || lim.pairedTitle(l.text, keys) || lim.taggedTitle(l.text, k) {
			l.reason = news.ReasonRepeatedTitle
		}
	}
	return title
}

// repeatedTitle picks the headline of a text page by its repetition,
// wherever banners above it leave it: the first headline-shaped line
// printed again close by (alone, paired with its English version, or at
// the end of a breadcrumb). It looks no further than the start of the
// article (two paragraphs of text in a row) and returns -1 when no line
// repeats.
func repeatedTitle(lines []*line, opt Options) int {
	lim := &opt.Limits
	keys := make([]string, min(len(lines), opt.HeadScan+opt.RepeatAt))
	key := func(j int) string {
		if keys[j] == "" {
			keys[j] = lines[j].key()
		}
		return keys[j]
	}
	for i := 0; i < min(len(lines), opt.HeadScan); i++ {
		l := lines[i]
		if lim.articleStarts(lines, i) {
			break
		}
		if !lim.titleCandidate(l) {
			continue
		}
		k := key(i)
		var one map[string]bool
		for j := max(0, i-opt.RepeatAt); j < min(len(lines), i+opt.RepeatAt); j++ {
			if j == i {
				continue
			}
			if key(j) == k {
				return i
			}
			if len(lines[j].text) <= 2*len(l.text)+lim.TitleSlack && len(lines[j].text) > len(l.text) {
				if one == nil {
					one = map[string]bool{k: true}
				}
				if lim.pairedTitle(lines[j].text, one) {
					return i
				}
			}
		}
	}
	return -1
}

// bylineTitle picks the headline of a text page whose head shape alone
// did not show it: the line standing above the byline or time line (the
// first of a headline and its summary), before the article starts.
func bylineTitle(lines []*line, opt Options) int {
	lim := &opt.Limits
	for i := 0; i < min(len(lines), opt.HeadScan); i++ {
		if lim.articleStarts(lines, i) {
			break
		}
		if !lim.titleCandidate(lines[i]) || !adjacent(lines, i, news.ReasonByline) && !adjacent(lines, i, news.ReasonTimestamp) {
			continue
		}
		for i > 0 && lim.titleCandidate(lines[i-1]) {
			i--
		}
		return i
	}
	return -1
}

// credited reports whether a byline or time line stands right under line
// i, or under the one summary line below it.
func (lim *Limits) credited(lines []*line, i int) bool {
	for j := i + 1; j < len(lines) && j <= i+lim.CreditedLines; j++ {
		if r := lines[j].reason; r == news.ReasonByline || r == news.ReasonTimestamp {
			return true
		}
	}
	return false
}

// articleStarts reports whether the article's text starts at line i: two
// paragraphs of text in a row.
func (lim *Limits) articleStarts(lines []*line, i int) bool {
	return lines[i].reason == "" && lim.bodyLike(lines[i].sh) && i+1 < len(lines) && lines[i+1].reason == "" && lim.bodyLike(lines[i+1].sh)
}

// wordy reports a line of words rather than numbers: "11:08 AM,
// 29-MAR-2020" and "SENSEX 81,204.16 0.42%" are not headlines.
func wordy(s string) bool {
	words, all := 0, 0
	for _, w := range strings.Fields(s) {
		all++
		if !hasDigit(w) {
			words++
		}
	}
	return words >= 2 && 2*words > all || words == 1 && all == 1
}

// titleCandidate reports a line that may be a headline: kept so far,
// headline-shaped, three words or more, not an outlet's name or a date.
func (lim *Limits) titleCandidate(l *line) bool {
	if l.reason != "" || l.sh.words < lim.TitleWords || !lim.headlineLike(l.sh, l.text) {
		return false
	}
	if !wordy(l.text) {
		return false
	}
	if kind, _, _, ok := press.LeadName(l.text); ok && kind == press.LeadOutlet {
		return false
	}
	return len(datetime.FindTimes(l.text)) == 0
}

// adjacent reports whether the line after i (or, failing that, before it)
// was removed for reason.
func adjacent(lines []*line, i int, reason string) bool {
	return i+1 < len(lines) && lines[i+1].reason == reason || i > 0 && lines[i-1].reason == reason
}

// shapeTitle picks the headline of a text page by shape: among the lines
// before the first paragraph, the first headline-shaped one of four words
// or more (else of two or more). It returns -1 when the page opens with
// its body.
func (lim *Limits) shapeTitle(lines []*line) int {
	pick := -1
	for i := 0; i < len(lines) && i < lim.ShapeScan; i++ {
		l := lines[i]
		if l.reason != "" {
			continue
		}
		if lim.headlineLike(l.sh, l.text) && wordy(l.text) {
			if l.sh.words >= lim.ShapeWords {
				pick = i
				break
			}
			if pick < 0 {
				pick = i
			}
			continue
		}
		if lim.bodyLike(l.sh) {
			break
		}
	}
	if pick < 0 {
		return -1
	}
	// A breadcrumb ending in the headline comes before the headline: take
	// the headline itself.
	for j := pick + 1; j < len(lines) && j < pick+lim.ShapeBody; j++ {
		kj, kp := lines[j].key(), lines[pick].key()
		if lines[j].reason == "" && kj != "" && len(kj) < len(kp) && strings.HasSuffix(kp, kj) {
			pick = j
			break
		}
	}
	// A headline is followed by something: a lone short line is not the
	// headline of an article.
	for j := pick + 1; j < len(lines); j++ {
		if lines[j].reason == "" && lim.bodyLike(lines[j].sh) {
			return pick
		}
	}
	return -1
}

// pairedTitle reports a line that is a headline pair, "English | हिन्दी",
// one side of which is the headline.
func (lim *Limits) pairedTitle(s string, keys map[string]bool) bool {
	for _, sep := range []string{" | ", "|", "। ", " - ", " – ", " / ", " › ", " > ", " » "} {
		i := strings.Index(s, sep)
		if i < 0 {
			continue
		}
		if i > 0 {
			a, b := s[:i], s[i+len(sep):]
			if keys[titleKey(a)] || keys[titleKey(b)] {
				return true
			}
		}
		// The headline at the end of a breadcrumb: "Hindi News / City /
		// headline".
		if i := strings.LastIndex(s, sep); i > 0 && keys[titleKey(s[i+len(sep):])] && len(strings.Fields(s[:i])) <= lim.PairWords {
			return true
		}
	}
	return false
}
