package clean

import (
	"strings"

	"khabar/internal/datetime"
	"khabar/internal/lexicon"
	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/press"
)

// Decisions by position: the blocks under a marker or heading, the lines
// above the article's first paragraph and below its last, and the
// dateline at the start of the first paragraph.

// markBlocks handles removals that span lines: the headlines under an
// "also read" marker and under a related-news heading.
func (lim *Limits) markBlocks(lines []*line) {
	// bodyAfter[j] counts the unclassified paragraphs of text from j on.
	bodyAfter := make([]int, len(lines)+1)
	for k := len(lines) - 1; k >= 0; k-- {
		bodyAfter[k] = bodyAfter[k+1]
		if lines[k].reason == "" && lim.bodyLike(lines[k].sh) {
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
			for j := i + 1; j < len(lines) && j <= i+lim.AlsoReadLines; j++ {
				n := lines[j]
				if n.reason != "" || !lim.headlineLike(n.sh, n.text) {
					break
				}
				n.reason = news.ReasonAlsoRead
			}
		case news.ReasonTags:
			// A tags label alone: the tags follow, one a line.
			if l.sh.words > lim.TagsLabel {
				continue
			}
			for j := i + 1; j < len(lines); j++ {
				n := lines[j]
				if n.reason != "" || n.sh.words > lim.TagWords || n.sh.sentence {
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
				if lim.bodyLike(n.sh) && !lim.restIsTail(bodyAfter[j], len(lines)-j) {
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
	t := strings.TrimRight(trimBullet(normalize.LineFold.String(s)), " ")
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
func (lim *Limits) restIsTail(body, rest int) bool {
	return body <= lim.TailBody && float64(body) <= lim.TailShare*float64(rest)
}

// markEdges decides the lines before the article's first paragraph and
// after its last one, which vocabulary did not. For HTML the extractor has
// judged the head already, and only the tail is looked at.
func (lim *Limits) markEdges(lines []*line, html bool) {
	first, last := -1, -1
	for i, l := range lines {
		if l.reason == "" && lim.bodyLike(l.sh) {
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
	lim.keepLiveStamps(lines, first, last)
	// A site's appeal for support after the story: sentences, but the
	// site's, not the article's.
	for last > first {
		if !lim.appeal(lines[last].text) {
			break
		}
		lines[last].reason = news.ReasonSocial
		for last--; last > first && (lines[last].reason != "" || !lim.bodyLike(lines[last].sh)); last-- {
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
		case i == firstOpen && i < first && l.sh.words <= lim.EdgeDateline && !l.sh.sentence && press.Place(l.text) != "" && !lim.menuNext(lines, i):
			// A place alone above the article: the dateline on a line of
			// its own ("CHENNAI").
			l.reason = news.ReasonDateline
		case l.sh.words == 1 && !l.sh.sentence && (i < first || i > last) && press.Place(l.text) == "":
			// One word alone above or below the article is a label of the
			// page ("AA", "Promoted"); inside the article it is a
			// subheading and stays.
			l.reason = news.ReasonNavigation
		case i > 0 && i < first && lines[i-1].reason == news.ReasonCaption && lim.headlineLike(l.sh, l.text) && l.sh.words <= lim.CaptionUnder:
			// The caption under a photo credit.
			l.reason = news.ReasonCaption
		case lim.nameLike(l.text, l.sh) && (next(lines, i, news.ReasonTimestamp) || next(lines, i, news.ReasonByline)):
			// An author's name beside the date line.
			l.reason = news.ReasonByline
		case i < first && l.sh.words <= lim.EdgeDatelineLine && !l.sh.sentence && standaloneDateline(l.text) && !lim.menuNext(lines, i):
			// "शिमला (राजेश):" on a line of its own.
			l.reason = news.ReasonDateline
		case i < last && l.sh.words <= lim.EdgeCapitals && l.sh.latin > 0 && strings.ToUpper(l.text) == l.text && press.Place(l.text) != "" && nearCredit(lines, i):
			// A place in capitals on its own line by the credit: the
			// dateline ("THIRUVANANTHAPURAM").
			l.reason = news.ReasonDateline
		case (i < first || nearCredit(lines, i)) && lim.placeLine(l.text, l.sh) && nearCredit(lines, i):
			// The writer's place beside the credit or time: "New Delhi,
			// India", "लखनऊ,".
			l.reason = news.ReasonByline
		}
	}
	// A note on the writer after the story: "X is a freelance journalist
	// based in Y."
	authors := creditNames(lines)
	for last > first && lines[last].reason == "" && lim.authorBio(lines[last].text, lines[last].sh, authors) {
		lines[last].reason = news.ReasonByline
		for last--; last > first && (lines[last].reason != "" || !lim.bodyLike(lines[last].sh)); last-- {
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
		if lim.bodyLike(l.sh) {
			// A sentence above the headline stays unless the site speaks
			// in it to its reader about the page itself.
			if i < titleAt && l.sh.words <= lim.HeadVoice && siteVoice(normalize.LineFold.String(l.text)) && hasWord(normalize.LineFold.String(l.text), webWords...) {
				l.reason = news.ReasonBanner
			}
			continue
		}
		switch {
		case titleAt >= 0 && i < titleAt:
			// Above the headline: menus, section labels, banners.
			l.reason = news.ReasonNavigation
			if l.sh.latin > 0 && l.sh.deva == 0 && deva && l.sh.words > lim.HeadLatin {
				l.reason = news.ReasonBanner
			}
		case titleAt < 0 && l.sh.words <= lim.HeadLabel && !l.sh.sentence:
			l.reason = news.ReasonNavigation
		case deva && l.sh.deva == 0 && l.sh.latin > 0 && !l.sh.sentence:
			// A Latin line in the head of a Hindi page, not a sentence.
			l.reason = news.ReasonBanner
		case lim.nameLike(l.text, l.sh):
			l.reason = news.ReasonByline
		}
	}
	// The rest of a credit, once the credit is known: "पदनाम, बीबीसी
	// न्यूज़ हिंदी के लिए".
	for i := 1; i < first; i++ {
		if l := lines[i]; l.reason == "" && lines[i-1].reason == news.ReasonByline && lim.creditMore(l.text, l.sh) {
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
	listEnd := lim.numberedList(lines, last)
	for i := listEnd + 1; i < len(lines); i++ {
		l := lines[i]
		if l.reason != "" {
			furniture = furniture || furnitureStarts[l.reason]
			continue
		}
		switch {
		case furniture && l.sh.words <= lim.Footer && (!l.sh.sentence || lim.headlineLike(l.sh, l.text)):
			l.reason = news.ReasonFooter
			if l.sh.words >= lim.FooterRelated && lim.headlineLike(l.sh, l.text) {
				l.reason = news.ReasonRelated
			}
		case l.sh.words <= lim.FooterLabel && !l.sh.sentence && !strings.ContainsAny(l.text, ",0123456789-:") && press.Place(l.text) == "":
			l.reason = news.ReasonFooter
		case deva && l.sh.deva == 0 && l.sh.latin > 0 && !l.sh.sentence && l.sh.words <= lim.FooterLatin:
			l.reason = news.ReasonFooter
		case !l.sh.sentence && l.sh.words <= lim.Footer && siteVoice(normalize.LineFold.String(l.text)) && hasWord(normalize.LineFold.String(l.text), webWords...):
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
func (lim *Limits) numberedList(lines []*line, last int) int {
	end, want := last, 1
	for i := last + 1; i < len(lines); i++ {
		l := lines[i]
		if l.reason == news.ReasonAdvertisement || l.reason == news.ReasonCaption {
			continue
		}
		if n, ok := itemNumber(l.text); ok && n == want && l.sh.words <= lim.ListItem {
			end, want = i, want+1
			continue
		}
		if want == 1 && l.reason == "" && strings.HasSuffix(l.text, ":") {
			// The sentence that introduces the list.
			continue
		}
		if want > 1 && l.reason == "" && !l.sh.sentence && l.sh.words <= lim.ListNote {
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
func (lim *Limits) menuNext(lines []*line, i int) bool {
	if i+1 >= len(lines) {
		return false
	}
	n := lines[i+1]
	return (n.reason == "" || n.reason == news.ReasonNavigation) && n.sh.words <= lim.MenuItem && !n.sh.sentence && len(datetime.FindTimes(n.text)) == 0
}

// next reports whether the line before or after i was removed for reason.
func next(lines []*line, i int, reason string) bool {
	return i > 0 && lines[i-1].reason == reason || i+1 < len(lines) && lines[i+1].reason == reason
}

// standaloneDateline reports a short line that is a dateline by itself: a
// known place, with a reporter, desk or agency ("शिमला (राजेश):").
func standaloneDateline(s string) bool {
	d, ok := press.DatelineText(strings.TrimRight(strings.TrimSpace(s), ":-–—।"))
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
func (lim *Limits) nameLike(s string, sh shape) bool {
	if sh.words < lim.NameMin || sh.words > lim.NameMax || sh.sentence || strings.ContainsAny(s, "0123456789:?!") {
		return false
	}
	for _, w := range strings.Fields(normalize.LineFold.String(s)) {
		if sentenceWords[w] {
			return false
		}
	}
	return true
}

// sentenceWords are small words of sentences and headlines that names and
// desks do not contain. [clean.sentence-words]
var sentenceWords = vocabSet(lexicon.CleanSentenceWords)

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
func (lim *Limits) fixFirstParagraph(lines []*line) {
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
		if lim.bodyLike(l.sh) {
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
		d, ok := press.ParseDateline(l.text)
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
		take(body[next], body[next-1].sh.words > lim.DeckWords)
	}
}
