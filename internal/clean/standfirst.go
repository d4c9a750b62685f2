package clean

import (
	"strings"

	"khabar/internal/lexicon"
	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/press"
)

// highlightLabels head a summary box above the article: its lines follow.
var highlightLabels = vocabSet(lexicon.CleanHighlightLabels)

// highlightLabel reports a line that is only a summary box's label.
func highlightLabel(s string) bool {
	t := strings.TrimRight(trimBullet(normalize.LineFold.String(s)), " :.-–")
	return highlightLabels[t]
}

// markStandfirst removes the standfirst: the summary a page prints between
// its headline and its article (a deck, a kicker line, a highlights box).
// It is told by where it stands and by what the page says of it, never by
// its words alone:
//   - lines the page's markup presents as a summary (p.Summaries) or a
//     "In Short" / "मुख्य बातें" label and the short lines under it, in the
//     head of the page (above the article's first paragraph);
//   - one to three lines between the headline and the byline or time line
//     that follow it, when the article comes after those;
//   - one or two lines between the headline and a first paragraph that
//     opens with a dateline, when the page also describes itself in those
//     words (p.Descriptions) or they stand above the credit.
func markStandfirst(lines []*line, p Page, opt Options) {
	lim := &opt.Limits
	findStandfirst(lines, p, opt)
	// A standfirst has an article under it: lines that are all the text
	// the page has are its body ("on one page the whole body").
	for _, l := range lines {
		if l.reason == "" && lim.bodyLike(l.sh) {
			return
		}
	}
	for _, l := range lines {
		if l.reason == news.ReasonStandfirst && !highlightLabel(l.text) {
			l.reason = ""
		}
	}
}

// findStandfirst marks the standfirst lines (see markStandfirst).
func findStandfirst(lines []*line, p Page, opt Options) {
	lim := &opt.Limits
	titleAt := -1
	for i, l := range lines {
		if l.reason == news.ReasonTitle {
			titleAt = i
			break
		}
	}
	sums := keySet(p.Summaries)
	descs := keySet(p.Descriptions)
	start := titleAt + 1
	if titleAt < 0 && len(sums)+len(descs) == 0 {
		return
	}
	// Marked summaries and highlight boxes, in the head.
	inBox := 0
	for i := start; i < len(lines) && i < start+opt.StandfirstScan; i++ {
		l := lines[i]
		if l.reason != "" {
			if l.reason != news.ReasonCaption && l.reason != news.ReasonAdvertisement && l.reason != news.ReasonNavigation && l.reason != news.ReasonSocial && l.reason != news.ReasonBanner {
				inBox = 0
			}
			continue
		}
		k := l.key()
		switch {
		case highlightLabel(l.text) && l.sh.words <= lim.BoxItemLabel:
			l.reason = news.ReasonStandfirst
			inBox = lim.BoxItems
			continue
		case sums[k] || lim.nearDescription(k, descs) && lim.summaryPlace(lines, i, sums):
			if lim.leadParagraph(lines, titleAt, i, sums) {
				// The article's first paragraph, which the page also
				// uses as its summary.
				break
			}
			l.reason = news.ReasonStandfirst
			continue
		case inBox > 0 && (lim.headlineLike(l.sh, l.text) || !lim.bodyLike(l.sh)):
			l.reason = news.ReasonStandfirst
			inBox--
			continue
		}
		break
	}
	if titleAt < 0 {
		return
	}
	// Between the headline and the credit under it.
	credit := -1
	for j := titleAt + 1; j < len(lines) && j <= titleAt+lim.DeckCredit; j++ {
		if r := lines[j].reason; r == news.ReasonByline || r == news.ReasonTimestamp {
			credit = j
			break
		}
	}
	if credit > 0 && !lim.liveStamps(lines, credit) {
		var between []*line
		ok := true
		for j := titleAt + 1; j < credit; j++ {
			if l := lines[j]; l.reason == "" {
				if lim.nameLike(l.text, l.sh) {
					// The writer's name over the time line.
					continue
				}
				between = append(between, l)
				if l.sh.words > lim.DeckMax || l.sh.words < lim.DeckMin {
					ok = false
				}
			}
		}
		if ok && len(between) > 0 && len(between) <= lim.DeckLines && lim.bodyFollows(lines, credit+1, 2) {
			for _, l := range between {
				l.reason = news.ReasonStandfirst
			}
		}
	}
	// Above a first paragraph that opens with a dateline.
	var open []int
	for j := titleAt + 1; j < len(lines) && len(open) < lim.OpenLines; j++ {
		if lines[j].reason == "" {
			open = append(open, j)
		}
	}
	for n := 1; n <= 2 && n < len(open); n++ {
		d, ok := press.ParseDateline(lines[open[n]].text)
		if !ok || d.Place == "" || !lim.bodyLike(lines[open[n]].sh) {
			continue
		}
		if _, first := press.ParseDateline(lines[open[0]].text); first {
			break
		}
		described := false
		for _, j := range open[:n] {
			described = described || lim.nearDescription(lines[j].key(), descs)
		}
		if !described {
			break
		}
		for _, j := range open[:n] {
			if lines[j].sh.words <= lim.DeckMax {
				lines[j].reason = news.ReasonStandfirst
			}
		}
		break
	}
}

// leadParagraph reports whether the line at i, which the page marks or
// describes as its summary, is the article's first paragraph: it stands
// below the credit under the headline (a standfirst stands above it), it
// reads as text, and the next line kept is text too, not another line of a
// summary box.
func (lim *Limits) leadParagraph(lines []*line, titleAt, i int, sums map[string]bool) bool {
	if titleAt < 0 || !lim.bodyLike(lines[i].sh) {
		return false
	}
	credit := false
	for j := titleAt + 1; j < i; j++ {
		switch lines[j].reason {
		case news.ReasonByline, news.ReasonTimestamp:
			credit = true
		case "":
			// A line kept between: the article has begun above, or a
			// summary box is being read.
			return false
		}
	}
	if !credit {
		return false
	}
	for j := i + 1; j < len(lines); j++ {
		if l := lines[j]; l.reason == "" {
			return lim.bodyLike(l.sh) && !sums[l.key()] && !highlightLabel(l.text)
		}
	}
	return false
}

// liveStamps reports a live page: time lines stand between paragraphs
// after the credit at i, and the line under the headline is the first
// update's, not a summary.
func (lim *Limits) liveStamps(lines []*line, i int) bool {
	text := false
	for j := i + 1; j < len(lines); j++ {
		switch l := lines[j]; {
		case l.reason == "" && lim.bodyLike(l.sh):
			text = true
		case text && l.reason == news.ReasonTimestamp:
			// The next line kept is text again: an update's stamp.
			for k := j + 1; k < len(lines); k++ {
				if n := lines[k]; n.reason == "" {
					if lim.bodyLike(n.sh) {
						return true
					}
					break
				}
			}
		}
	}
	return false
}

// keySet folds lines for comparison.
func keySet(ss []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range ss {
		if k := titleKey(s); k != "" {
			m[k] = true
		}
	}
	return m
}

// nearDescription reports a line equal to one of the page's descriptions
// of itself, or nearly so (one a prefix of the other, differing by little).
func (lim *Limits) nearDescription(k string, descs map[string]bool) bool {
	if k == "" || len(descs) == 0 {
		return false
	}
	if descs[k] {
		return true
	}
	for d := range descs {
		short, long := d, k
		if len(short) > len(long) {
			short, long = long, short
		}
		if len(short) >= lim.DescPrefix && strings.HasPrefix(long, short) && float64(len(short)) >= lim.DescShare*float64(len(long)) {
			return true
		}
	}
	return false
}

// summaryPlace reports whether the line at i, equal to the page's
// description, stands where a standfirst does: the next line kept so far
// is a summary box, or a credit line comes before it, or it opens with a
// dateline (the article's first paragraph).
func (lim *Limits) summaryPlace(lines []*line, i int, sums map[string]bool) bool {
	for j := i + 1; j < len(lines) && j <= i+lim.SummaryLines; j++ {
		l := lines[j]
		if l.reason == news.ReasonByline || l.reason == news.ReasonTimestamp {
			return lim.bodyFollows(lines, j+1, 1)
		}
		if l.reason != "" {
			continue
		}
		if highlightLabel(l.text) || sums[l.key()] {
			return true
		}
		d, ok := press.ParseDateline(l.text)
		return ok && d.Place != "" && lim.bodyLike(l.sh)
	}
	return false
}

// bodyFollows reports whether n paragraphs of text are kept so far from
// line i on.
func (lim *Limits) bodyFollows(lines []*line, i, n int) bool {
	for ; i < len(lines) && n > 0; i++ {
		if lines[i].reason == "" && lim.bodyLike(lines[i].sh) {
			n--
		}
	}
	return n == 0
}
