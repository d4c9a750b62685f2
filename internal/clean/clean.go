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

	"khabar/internal/meta"
	"khabar/internal/news"
)

// Cleaner is the clean stage. It is safe for concurrent use.
type Cleaner struct {
	sites *Sites
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
		h := meta.ReadHead(a.Raw.Body)
		p.Titles = append(p.Titles, HeadTitles(h)...)
		p.Summaries, p.Descriptions = h.Summaries, h.Descriptions
	}
	if c.sites != nil {
		if host := ArticleHost(a); host != "" {
			p.Repeated = func(line string) bool { return c.sites.Repeated(host, line) }
		}
	}
	r := Clean(p)
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
func HeadTitles(h meta.Head) []string {
	var out []string
	for _, t := range []string{h.LD.Headline, h.OGTitle, h.TwitterTitle, h.H1, h.Title} {
		if t == "" {
			continue
		}
		out = append(out, t)
		if s := meta.StripSiteSuffix(t, h.SiteName); s != t {
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
	// (meta.Head.Summaries); Descriptions the page's descriptions of
	// itself (meta.Head.Descriptions). Lines equal to them in the head of
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
}

// maxLines bounds the lines the cleaner looks at; the rest of a huge input
// is kept as it is.
const maxLines = 20000

// Clean removes the boilerplate of one page.
func Clean(p Page) Result {
	text := repairLegacy(strings.ReplaceAll(strings.ReplaceAll(p.Text, "\r\n", "\n"), "\r", "\n"))
	raw := strings.Split(text, "\n")
	lines := make([]*line, 0, min(len(raw), maxLines))
	var overflow []string
	for _, r := range raw {
		t := strings.Trim(r, " \t\u00a0\u200b\ufeff")
		if t == "" {
			continue
		}
		if len(lines) >= maxLines {
			overflow = append(overflow, t)
			continue
		}
		lines = append(lines, &line{text: t, sh: measure(t)})
	}
	for _, l := range lines {
		l.reason = classify(l.text, l.sh)
		if l.reason == "" && p.Repeated != nil && p.Repeated(l.text) {
			l.reason = news.ReasonSiteRepeat
		}
	}
	title := markTitle(lines, p)
	markStandfirst(lines, p)
	markAuthorBox(lines)
	markBlocks(lines)
	markEdges(lines, p.Format == news.FormatHTML)
	fixFirstParagraph(lines)

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
	s = lower(s)
	return strings.Trim(s, " \u00a0.।:-–—|\"'“”‘’")
}

// markTitle finds the headline line and its repeats. It returns the
// headline as written ("" when none).
func markTitle(lines []*line, p Page) string {
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
		if l.reason == "" && len(l.text) <= longest+16 && keys[titleKey(l.text)] {
			title, titleAt = l.text, i
			break
		}
	}
	// For text without declared titles (or none matching): the first
	// headline-shaped line before the article's first paragraph.
	if titleAt < 0 && p.Format != news.FormatHTML && len(keys) == 0 {
		titleAt = chooseTitle(lines)
		if titleAt < 0 {
			titleAt = repeatedTitle(lines)
		}
		if titleAt < 0 {
			titleAt = shapeTitle(lines)
			// A headline stands over its credit: a headline-shaped line
			// that does not (a site's tagline, a banner's buttons) gives
			// way to the line that does.
			if b := bylineTitle(lines); b >= 0 && b != titleAt && (titleAt < 0 || !credited(lines, titleAt)) {
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
		if len(l.text) > 2*longest+16 {
			continue
		}
		if keys[titleKey(l.text)] || pairedTitle(l.text, keys) || taggedTitle(l.text, k) {
			l.reason = news.ReasonRepeatedTitle
		}
	}
	return title
}

// headScan bounds how far into a page the headline is looked for; repeat
// is how close its repetition must stand.
const (
	headScan = 40
	repeatAt = 12
)

// repeatedTitle picks the headline of a text page by its repetition,
// wherever banners above it leave it: the first headline-shaped line
// printed again close by (alone, paired with its English version, or at
// the end of a breadcrumb). It looks no further than the start of the
// article (two paragraphs of text in a row) and returns -1 when no line
// repeats.
func repeatedTitle(lines []*line) int {
	keys := make([]string, min(len(lines), headScan+repeatAt))
	key := func(j int) string {
		if keys[j] == "" {
			keys[j] = titleKey(lines[j].text)
		}
		return keys[j]
	}
	for i := 0; i < min(len(lines), headScan); i++ {
		l := lines[i]
		if articleStarts(lines, i) {
			break
		}
		if !titleCandidate(l) {
			continue
		}
		k := key(i)
		var one map[string]bool
		for j := max(0, i-repeatAt); j < min(len(lines), i+repeatAt); j++ {
			if j == i {
				continue
			}
			if key(j) == k {
				return i
			}
			if len(lines[j].text) <= 2*len(l.text)+16 && len(lines[j].text) > len(l.text) {
				if one == nil {
					one = map[string]bool{k: true}
				}
				if pairedTitle(lines[j].text, one) {
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
func bylineTitle(lines []*line) int {
	for i := 0; i < min(len(lines), headScan); i++ {
		if articleStarts(lines, i) {
			break
		}
		if !titleCandidate(lines[i]) || !adjacent(lines, i, news.ReasonByline) && !adjacent(lines, i, news.ReasonTimestamp) {
			continue
		}
		for i > 0 && titleCandidate(lines[i-1]) {
			i--
		}
		return i
	}
	return -1
}

// credited reports whether a byline or time line stands right under line
// i, or under the one summary line below it.
func credited(lines []*line, i int) bool {
	for j := i + 1; j < len(lines) && j <= i+2; j++ {
		if r := lines[j].reason; r == news.ReasonByline || r == news.ReasonTimestamp {
			return true
		}
	}
	return false
}

// articleStarts reports whether the article's text starts at line i: two
// paragraphs of text in a row.
func articleStarts(lines []*line, i int) bool {
	return lines[i].reason == "" && lines[i].sh.bodyLike() && i+1 < len(lines) && lines[i+1].reason == "" && lines[i+1].sh.bodyLike()
}

// wordy reports a line of words rather than numbers: "11:08 AM,
// 29-MAR-2020" and "SENSEX 81,204.16 0.42%" are not headlines.
func wordy(s string) bool {
	words, all := 0, 0
	for _, w := range strings.Fields(s) {
		all++
		if !strings.ContainsAny(w, "0123456789०१२३४५६७८९") {
			words++
		}
	}
	return words >= 2 && 2*words > all || words == 1 && all == 1
}

// titleCandidate reports a line that may be a headline: kept so far,
// headline-shaped, three words or more, not an outlet's name or a date.
func titleCandidate(l *line) bool {
	if l.reason != "" || l.sh.words < 3 || !l.sh.headlineLike(l.text) {
		return false
	}
	if !wordy(l.text) {
		return false
	}
	if kind, _, _, ok := meta.LeadName(l.text); ok && kind == meta.LeadOutlet {
		return false
	}
	return len(meta.FindTimes(l.text)) == 0
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
func shapeTitle(lines []*line) int {
	pick := -1
	for i := 0; i < len(lines) && i < 12; i++ {
		l := lines[i]
		if l.reason != "" {
			continue
		}
		if l.sh.headlineLike(l.text) && wordy(l.text) {
			if l.sh.words >= 4 {
				pick = i
				break
			}
			if pick < 0 {
				pick = i
			}
			continue
		}
		if l.sh.bodyLike() {
			break
		}
	}
	if pick < 0 {
		return -1
	}
	// A breadcrumb ending in the headline comes before the headline: take
	// the headline itself.
	for j := pick + 1; j < len(lines) && j < pick+4; j++ {
		kj, kp := titleKey(lines[j].text), titleKey(lines[pick].text)
		if lines[j].reason == "" && kj != "" && len(kj) < len(kp) && strings.HasSuffix(kp, kj) {
			pick = j
			break
		}
	}
	// A headline is followed by something: a lone short line is not the
	// headline of an article.
	for j := pick + 1; j < len(lines); j++ {
		if lines[j].reason == "" && lines[j].sh.bodyLike() {
			return pick
		}
	}
	return -1
}

// pairedTitle reports a line that is a headline pair, "English | हिन्दी",
// one side of which is the headline.
func pairedTitle(s string, keys map[string]bool) bool {
	for _, sep := range []string{" | ", "|", "। ", " - ", " – ", " / ", " › ", " > ", " » "} {
		if i := strings.Index(s, sep); i > 0 {
			a, b := s[:i], s[i+len(sep):]
			if keys[titleKey(a)] || keys[titleKey(b)] {
				return true
			}
		}
		// The headline at the end of a breadcrumb: "Hindi News / City /
		// headline".
		if i := strings.LastIndex(s, sep); i > 0 && keys[titleKey(s[i+len(sep):])] && len(strings.Fields(s[:i])) <= 8 {
			return true
		}
	}
	return false
}

// markBlocks handles removals that span lines: the headlines under an
// "also read" marker and under a related-news heading.
func markBlocks(lines []*line) {
	// bodyAfter[j] counts the unclassified paragraphs of text from j on.
	bodyAfter := make([]int, len(lines)+1)
	for k := len(lines) - 1; k >= 0; k-- {
		bodyAfter[k] = bodyAfter[k+1]
		if lines[k].reason == "" && lines[k].sh.bodyLike() {
			bodyAfter[k]++
		}
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch l.reason {
		case news.ReasonAlsoRead:
			// A marker alone (or ending with a colon) points to the next
			// few headline lines.
			if !endsOpen(l.text) {
				continue
			}
			for j := i + 1; j < len(lines) && j <= i+4; j++ {
				n := lines[j]
				if n.reason != "" || !n.sh.headlineLike(n.text) {
					break
				}
				n.reason = news.ReasonAlsoRead
			}
		case news.ReasonTags:
			// A tags label alone: the tags follow, one a line.
			if l.sh.words > 2 {
				continue
			}
			for j := i + 1; j < len(lines); j++ {
				n := lines[j]
				if n.reason != "" || n.sh.words > 4 || n.sh.sentence {
					break
				}
				n.reason = news.ReasonTags
			}
		case news.ReasonRelated:
			// The list under the heading: headline-shaped lines, up to the
			// next paragraph of text.
			for j := i + 1; j < len(lines); j++ {
				n := lines[j]
				if n.reason != "" {
					if n.reason == news.ReasonRelated || n.reason == news.ReasonNavigation || n.reason == news.ReasonFooter {
						continue
					}
					// Disclaimers, web titles and the like keep their reason.
					continue
				}
				if n.sh.bodyLike() && !restIsTail(bodyAfter[j], len(lines)-j) {
					break
				}
				n.reason = news.ReasonRelated
			}
		}
	}
}

// endsOpen reports an "also read" marker that introduces lines below it:
// it is the marker alone or ends with a colon or dash.
func endsOpen(s string) bool {
	t := strings.TrimRight(trimBullet(lower(s)), " ")
	if strings.HasSuffix(t, ":") || strings.HasSuffix(t, "-") || strings.HasSuffix(t, "–") {
		return true
	}
	t = strings.TrimRight(t, " .…:-–|")
	for _, m := range alsoReadMarkers {
		if t == m {
			return true
		}
	}
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, "-") || strings.HasSuffix(t, "–")
}

// restIsTail reports whether the lines after a related heading, from one
// holding body paragraphs of text among rest lines, are a tail: a list of
// teasers can hold a few sentences, but the article does not go on after a
// related heading for long.
func restIsTail(body, rest int) bool {
	return body <= 3 && float64(body) <= 0.5*float64(rest)
}

// markEdges decides the lines before the article's first paragraph and
// after its last one, which vocabulary did not. For HTML the extractor has
// judged the head already, and only the tail is looked at.
func markEdges(lines []*line, html bool) {
	first, last := -1, -1
	for i, l := range lines {
		if l.reason == "" && l.sh.bodyLike() {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		// No paragraph of text: keep what no rule removed, unless it is a
		// lone short line around a headline.
		return
	}
	keepLiveStamps(lines, first, last)
	// A site's appeal for support after the story: sentences, but the
	// site's, not the article's.
	for last > first {
		if !appeal(lines[last].text) {
			break
		}
		lines[last].reason = news.ReasonSocial
		for last--; last > first && (lines[last].reason != "" || !lines[last].sh.bodyLike()); last-- {
		}
	}
	deva := scriptOfBody(lines, first, last)
	// The first line no rule took, past the headline: where a dateline on
	// a line of its own would stand.
	firstOpen := -1
	for i, l := range lines {
		if l.reason == "" {
			firstOpen = i
			break
		}
	}
	for i, l := range lines {
		if l.reason != "" {
			continue
		}
		switch {
		case i == firstOpen && i < first && l.sh.words <= 3 && !l.sh.sentence && meta.Place(l.text) != "" && !menuNext(lines, i):
			// A place alone above the article: the dateline on a line of
			// its own ("CHENNAI").
			l.reason = news.ReasonDateline
		case l.sh.words == 1 && !l.sh.sentence && (i < first || i > last) && meta.Place(l.text) == "":
			// One word alone above or below the article is a label of the
			// page ("AA", "Promoted"); inside the article it is a
			// subheading and stays.
			l.reason = news.ReasonNavigation
		case i > 0 && i < first && lines[i-1].reason == news.ReasonCaption && l.sh.headlineLike(l.text) && l.sh.words <= 12:
			// The caption under a photo credit.
			l.reason = news.ReasonCaption
		case nameLike(l.text, l.sh) && (next(lines, i, news.ReasonTimestamp) || next(lines, i, news.ReasonByline)):
			// An author's name beside the date line.
			l.reason = news.ReasonByline
		case i < first && l.sh.words <= 5 && !l.sh.sentence && standaloneDateline(l.text) && !menuNext(lines, i):
			// "शिमला (राजेश):" on a line of its own.
			l.reason = news.ReasonDateline
		case i < last && l.sh.words <= 3 && l.sh.latin > 0 && strings.ToUpper(l.text) == l.text && meta.Place(l.text) != "" && nearCredit(lines, i):
			// A place in capitals on its own line by the credit: the
			// dateline ("THIRUVANANTHAPURAM").
			l.reason = news.ReasonDateline
		case (i < first || nearCredit(lines, i)) && placeLine(l.text, l.sh) && nearCredit(lines, i):
			// The writer's place beside the credit or time: "New Delhi,
			// India", "लखनऊ,".
			l.reason = news.ReasonByline
		}
	}
	// A note on the writer after the story: "X is a freelance journalist
	// based in Y."
	authors := creditNames(lines)
	for last > first && lines[last].reason == "" && authorBio(lines[last].text, lines[last].sh, authors) {
		lines[last].reason = news.ReasonByline
		for last--; last > first && (lines[last].reason != "" || !lines[last].sh.bodyLike()); last-- {
		}
	}
	titleAt := -1
	for i, l := range lines {
		if l.reason == news.ReasonTitle {
			titleAt = i
			break
		}
	}
	// The head of the page: the lines above the article's first
	// paragraph, and above the headline wherever it stands.
	headEnd := max(first, titleAt)
	for i := 0; i < headEnd && !html; i++ {
		l := lines[i]
		if l.reason != "" {
			continue
		}
		if l.sh.bodyLike() {
			// A sentence above the headline stays unless the site speaks
			// in it to its reader about the page itself.
			if i < titleAt && l.sh.words <= 40 && siteVoice(lower(l.text)) && hasWord(lower(l.text), webWords...) {
				l.reason = news.ReasonBanner
			}
			continue
		}
		switch {
		case titleAt >= 0 && i < titleAt:
			// Above the headline: menus, section labels, banners.
			l.reason = news.ReasonNavigation
			if l.sh.latin > 0 && l.sh.deva == 0 && deva && l.sh.words > 3 {
				l.reason = news.ReasonBanner
			}
		case titleAt < 0 && l.sh.words <= 3 && !l.sh.sentence:
			l.reason = news.ReasonNavigation
		case deva && l.sh.deva == 0 && l.sh.latin > 0 && !l.sh.sentence:
			// A Latin line in the head of a Hindi page, not a sentence.
			l.reason = news.ReasonBanner
		case nameLike(l.text, l.sh):
			l.reason = news.ReasonByline
		}
	}
	// The rest of a credit, once the credit is known: "पदनाम, बीबीसी
	// न्यूज़ हिंदी के लिए".
	for i := 1; i < first; i++ {
		if l := lines[i]; l.reason == "" && lines[i-1].reason == news.ReasonByline && creditMore(l.text, l.sh) {
			l.reason = news.ReasonByline
		}
	}
	// After the last paragraph: short labels. Lists without a related
	// heading stay: an article may end in a list of facts. Once the page's
	// furniture has begun below the story, what follows that is not a
	// sentence is furniture too: labels, headline lists, tags.
	furniture := false
	// A numbered list the article goes on into ("Here are our picks:",
	// then "1. …", "2. …"), even past an advertisement between, is the
	// article's.
	listEnd := numberedList(lines, last)
	for i := listEnd + 1; i < len(lines); i++ {
		l := lines[i]
		if l.reason != "" {
			furniture = furniture || furnitureStarts[l.reason]
			continue
		}
		switch {
		case furniture && l.sh.words <= 25 && (!l.sh.sentence || l.sh.headlineLike(l.text)):
			l.reason = news.ReasonFooter
			if l.sh.words >= 4 && l.sh.headlineLike(l.text) {
				l.reason = news.ReasonRelated
			}
		case l.sh.words <= 3 && !l.sh.sentence && !strings.ContainsAny(l.text, ",0123456789-:") && meta.Place(l.text) == "":
			l.reason = news.ReasonFooter
		case deva && l.sh.deva == 0 && l.sh.latin > 0 && !l.sh.sentence && l.sh.words <= 12:
			l.reason = news.ReasonFooter
		case !l.sh.sentence && l.sh.words <= 25 && siteVoice(lower(l.text)) && hasWord(lower(l.text), webWords...):
			// The site speaking to its reader below the story: "Get the
			// day's stories in your inbox", "कृपया अपनी टिप्पणी दर्ज करें".
			l.reason = news.ReasonFooter
		}
		furniture = furniture || furnitureStarts[l.reason]
	}
}

// numberedList returns the last line of a numbered list that starts right
// after the article's last paragraph at last: items numbered 1, 2, 3, … in
// order, at least two, after the line that introduces it (ending in a
// colon), with only advertisement and caption lines or short lines kept
// (an item's price, its shop) between. It returns last when
// none starts there.
func numberedList(lines []*line, last int) int {
	end, want := last, 1
	for i := last + 1; i < len(lines); i++ {
		l := lines[i]
		if l.reason == news.ReasonAdvertisement || l.reason == news.ReasonCaption {
			continue
		}
		if n, ok := itemNumber(l.text); ok && n == want && l.sh.words <= 30 {
			end, want = i, want+1
			continue
		}
		if want == 1 && l.reason == "" && strings.HasSuffix(l.text, ":") {
			// The sentence that introduces the list.
			continue
		}
		if want > 1 && l.reason == "" && !l.sh.sentence && l.sh.words <= 8 {
			// A line under an item.
			continue
		}
		break
	}
	if want <= 2 {
		return last
	}
	return end
}

// itemNumber reads the number a list item opens with: "1.", "2)", "3 -",
// "4:" and a space.
func itemNumber(s string) (int, bool) {
	n, i := 0, 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		n = 10*n + int(s[i]-'0')
		i++
	}
	if i == 0 || i+1 >= len(s) || !strings.ContainsRune(".):-", rune(s[i])) {
		return 0, false
	}
	if s[i] == '-' {
		return n, i > 0
	}
	return n, s[i+1] == ' '
}

// menuNext reports whether the line after i is another short label of a
// menu: a place there is a menu item, not a dateline.
func menuNext(lines []*line, i int) bool {
	if i+1 >= len(lines) {
		return false
	}
	n := lines[i+1]
	return (n.reason == "" || n.reason == news.ReasonNavigation) && n.sh.words <= 3 && !n.sh.sentence && len(meta.FindTimes(n.text)) == 0
}

// next reports whether the line before or after i was removed for reason.
func next(lines []*line, i int, reason string) bool {
	return i > 0 && lines[i-1].reason == reason || i+1 < len(lines) && lines[i+1].reason == reason
}

// standaloneDateline reports a short line that is a dateline by itself: a
// known place, with a reporter, desk or agency ("शिमला (राजेश):").
func standaloneDateline(s string) bool {
	d, ok := meta.DatelineText(strings.TrimRight(strings.TrimSpace(s), ":-–—।"))
	return ok && d.Place != ""
}

// scriptOfBody reports whether the article's paragraphs are mostly
// Devanagari.
func scriptOfBody(lines []*line, first, last int) bool {
	d, l := 0, 0
	for i := first; i <= last; i++ {
		if lines[i].reason == "" {
			d += lines[i].sh.deva
			l += lines[i].sh.latin
		}
	}
	return d > 2*l
}

// nameLike reports a short line that is only a name or a desk: two to four
// words, no sentence, no digits, none of the small words sentences have.
func nameLike(s string, sh shape) bool {
	if sh.words < 2 || sh.words > 4 || sh.sentence || strings.ContainsAny(s, "0123456789:?!") {
		return false
	}
	for _, w := range strings.Fields(lower(s)) {
		if sentenceWords[w] {
			return false
		}
	}
	return true
}

// sentenceWords are small words of sentences and headlines that names and
// desks do not contain.
var sentenceWords = map[string]bool{
	"है": true, "हैं": true, "था": true, "ने": true, "को": true, "में": true, "से": true, "की": true,
	"का": true, "के": true, "पर": true, "और": true, "कि": true, "यह": true, "नहीं": true, "भी": true,
	"the": true, "a": true, "of": true, "in": true, "to": true, "and": true, "is": true, "for": true,
	"on": true, "with": true, "how": true, "why": true, "what": true, "क्या": true, "कैसे": true,
}

// strayChars may be left at the start of a paragraph where a dateline was
// cut. Dashes and bullets are not among them: they mark list items and
// quote attributions ("- मदन कौशिक, मंत्री").
const strayChars = "।|,;:."

// fixFirstParagraph strips stray punctuation from the start of kept lines
// and takes the dateline off the article's first paragraph. The first
// paragraph is the first of text; when it has no dateline, the first
// below the headline, or the second paragraph when its dateline is
// unmistakable (an agency, or a known place and a date: pages that open
// with a summary above the dateline).
func fixFirstParagraph(lines []*line) {
	titleAt := -1
	var body []*line
	afterTitle, afterCredit := -1, -1
	for i, l := range lines {
		if l.reason == news.ReasonTitle && titleAt < 0 {
			titleAt = i
		}
		if (l.reason == news.ReasonByline || l.reason == news.ReasonTimestamp) && len(body) < 2 {
			// The head's credit lines: the article starts below them.
			afterCredit = -2
		}
		if l.reason != "" {
			continue
		}
		if t := strings.TrimLeft(l.text, strayChars+" \u00a0"); t != l.text && t != "" {
			cut := strings.TrimSpace(l.text[:len(l.text)-len(t)])
			if onlyPunct(cut) && !strings.HasPrefix(l.text, "...") && !strings.HasPrefix(l.text, "…") {
				l.prefix = append(l.prefix, news.Removal{Text: cut, Reason: news.ReasonStrayPunctuation})
				l.text = t
			}
		}
		if l.sh.bodyLike() {
			body = append(body, l)
			if titleAt >= 0 && afterTitle < 0 {
				afterTitle = len(body) - 1
			}
			if afterCredit == -2 {
				afterCredit = len(body) - 1
			}
		}
	}
	if len(body) == 0 {
		return
	}
	take := func(l *line, strong bool) bool {
		d, ok := meta.ParseDateline(l.text)
		if !ok || strong && d.Agency == "" && d.Source == "" && (d.Day == 0 || d.Place == "") {
			return false
		}
		l.prefix = append(l.prefix, news.Removal{Text: d.Text, Reason: news.ReasonDateline})
		l.text = strings.TrimLeft(l.text[d.Len:], strayChars+" \u00a0")
		return true
	}
	if take(body[0], false) {
		return
	}
	if afterTitle > 0 && take(body[afterTitle], false) {
		return
	}
	if afterCredit > 0 && afterCredit != afterTitle && take(body[afterCredit], false) {
		return
	}
	if next := max(afterTitle, 0) + 1; next < len(body) {
		// After a short line the cleaner kept (a caption or a deck without
		// its credit), the story's first paragraph may open with a plain
		// "जयपुर।" dateline.
		take(body[next], body[next-1].sh.words > 15)
	}
}
