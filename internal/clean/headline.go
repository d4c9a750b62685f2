package clean

import (
	"math"
	"strings"

	"khabar/internal/news"
	"khabar/internal/press"
)

// chooseTitle picks the headline of a text page by weighing every line
// that could be one: the kept, headline-shaped lines before the article's
// first paragraphs. Each is scored by press.HeadlineScore against the
// opening paragraphs (overlap of content words, script, breadcrumb and
// hashtag structure, sentence ending, length), and by what the page says
// around it: printed again close by (+1.5), standing over a byline or time
// line, past its deck and a desk's name (+1), standing over a deck (the
// next line is a candidate sharing two words or more with the lead: +1),
// not a crumb ending in a candidate under it (−2), not a bullet of a
// summary box (−3), and earlier rather
// than later (−0.05 a line) to break ties.
// It returns -1 when the page shows no start of an article or no line
// that could be a headline.
func chooseTitle(lines []*line, opt Options) int {
	lim := &opt.Limits
	start := -1
	for i := 0; i < min(len(lines), opt.HeadScan); i++ {
		if lim.articleStarts(lines, i) {
			start = i
			break
		}
	}
	if start < 0 {
		return -1
	}
	var paras []string
	for i := start; i < len(lines) && len(paras) < lim.LeadParagraphs; i++ {
		if lines[i].reason == "" && lim.bodyLike(lines[i].sh) {
			paras = append(paras, lines[i].text)
		}
	}
	lead := press.NewLead(paras)
	rep := repeatedTitle(lines, opt)
	best, bestScore := -1, math.Inf(-1)
	k := 0
	for i := 0; i < start; i++ {
		l := lines[i]
		if !lim.headlineCandidate(l) {
			continue
		}
		s := press.HeadlineScore(l.text, lead) - lim.TitleOrder*float64(k)
		k++
		if i == rep {
			s += lim.TitleRepeat
		}
		// A breadcrumb or kicker ending in the headline holds it whole:
		// the headline is the shorter line.
		if lim.crumbOver(lines, i, start) {
			s -= lim.TitleCrumb
		}
		// The lines of a summary box ("Highlights", "मुख्य बातें") are
		// its bullets, not the headline.
		if lim.inBox(lines, i) {
			s -= lim.TitleBox
		}
		if lim.creditBelow(lines, i) {
			s += lim.TitleCredit
		}
		// A headline stands over its deck: the next line is another
		// candidate that speaks of the article too.
		if i+1 < start && lim.headlineCandidate(lines[i+1]) {
			if hit, _ := lead.Overlap(lines[i+1].text); hit >= lim.TitleDeckWords {
				s += lim.TitleDeck
			}
		}
		if s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// headlineCandidate reports a line the chooser weighs: kept so far,
// headline-shaped, of words rather than numbers, not an outlet's name.
func (lim *Limits) headlineCandidate(l *line) bool {
	if l.reason != "" || !lim.headlineLike(l.sh, l.text) || !wordy(l.text) {
		return false
	}
	kind, _, _, ok := press.LeadName(l.text)
	return !ok || kind != press.LeadOutlet
}

// creditBelow reports a byline or time line within three lines under line
// i (past a deck and a desk's name).
func (lim *Limits) creditBelow(lines []*line, i int) bool {
	for j := i + 1; j < len(lines) && j <= i+lim.CreditBelow; j++ {
		if r := lines[j].reason; r == news.ReasonByline || r == news.ReasonTimestamp {
			return true
		}
	}
	return false
}

// crumbOver reports a line that ends with another candidate line close
// under it ("Hindi Newsबिहारपटना में …" over "पटना में …").
func (lim *Limits) crumbOver(lines []*line, i, start int) bool {
	k := lines[i].key()
	for j := i + 1; j < start && j <= i+lim.CrumbLines; j++ {
		kj := lines[j].key()
		if lim.headlineCandidate(lines[j]) && kj != "" && len(kj) < len(k) && strings.HasSuffix(k, kj) {
			return true
		}
	}
	return false
}

// inBox reports a line under a summary box's label, with only short
// headline-shaped lines (its other bullets) between.
func (lim *Limits) inBox(lines []*line, i int) bool {
	for j := i - 1; j >= 0 && j >= i-lim.BoxLines; j-- {
		if highlightLabel(lines[j].text) && lines[j].sh.words <= lim.BoxLabel {
			return true
		}
		if !lim.headlineLike(lines[j].sh, lines[j].text) {
			return false
		}
	}
	return false
}
