package meta

import (
	"math"
	"strings"

	"khabar/internal/news"
	"khabar/internal/press"
)

// headlineSource is one place an HTML page states its headline.
type headlineSource struct {
	text    string
	visible bool
}

// chooseHeadline picks an HTML page's headline among what it states: the
// visible line the clean stage took for the headline, the JSON-LD
// headline, the h1, og:title, twitter:title, <title> and the extract
// stage's title. news.Head titles lose what the site appends and a kicker
// before them ("Mumbai News:", an English kicker over a Hindi headline);
// a head title loses a kicker when what follows it is a visible candidate
// or contained in one. Each is scored by HeadlineScore against the
// article's opening paragraphs, plus 1 for a line the reader sees (the
// h1, the headline line of the text) and 0.25 for each other source that
// says the same (up to 0.5); the sources' order (the one above) breaks
// ties. It returns "" when the article has no text to weigh them against.
func chooseHeadline(text, titleLine string, head news.Head, extracted, pageURL string) string {
	var paras []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
		if len(paras) == press.LeadParas {
			break
		}
	}
	lead := press.NewLead(paras)
	if lead.Empty() {
		return ""
	}
	srcs := []headlineSource{
		{collapse(titleLine), true},
		{press.PageTitle(head.LD.Headline, head.SiteName, pageURL), false},
		{collapse(head.H1), true},
		{press.PageTitle(head.OGTitle, head.SiteName, pageURL), false},
		{press.PageTitle(head.TwitterTitle, head.SiteName, pageURL), false},
		{press.PageTitle(head.Title, head.SiteName, pageURL), false},
		{press.PageTitle(extracted, head.SiteName, pageURL), false},
	}
	keys := make([]string, len(srcs))
	for i := range srcs {
		keys[i] = headlineKey(srcs[i].text)
	}
	// A head title's kicker goes when the page shows what follows it.
	for i := range srcs {
		c, rest, ok := strings.Cut(srcs[i].text, ": ")
		if !ok || srcs[i].visible || len(press.Words(c)) > 5 || len(press.Words(rest)) < 3 {
			continue
		}
		rk := headlineKey(rest)
		for j := range srcs {
			if srcs[j].visible && keys[j] != "" && keys[j] != keys[i] && strings.Contains(keys[j], rk) {
				srcs[i].text, keys[i] = strings.TrimSpace(rest), rk
				break
			}
		}
	}
	best, bestScore := "", math.Inf(-1)
	for i, s := range srcs {
		if keys[i] == "" {
			continue
		}
		score := press.HeadlineScore(s.text, lead) - 0.01*float64(i)
		if s.visible {
			score++
		}
		agree := 0.0
		for j := range srcs {
			if j != i && keys[j] == keys[i] && srcs[j].visible == s.visible {
				agree += 0.25
			}
		}
		score += min(agree, 0.5)
		if score > bestScore {
			best, bestScore = s.text, score
		}
	}
	return best
}

// headlineKey folds a headline for comparison: its words, folded, one
// space apart.
func headlineKey(s string) string {
	return strings.Join(press.Words(s), " ")
}
