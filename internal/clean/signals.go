package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/internal/lexicon"
	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/press"
)

// readVerbs open a link to another story when a separator follows them:
// "पढ़ें: …", "पढ़ें - …", "READ | …", "Watch: …".
var readVerbs = vocab(lexicon.CleanReadVerbs)

// linkSeparators stand between a read verb and the headline it points to.
const linkSeparators = ":-–—|»>"

// readLink reports a line pointing to another story: a read verb, a
// separator, then a headline (no sentence of the article says "पढ़ें:").
func (lim *Limits) readLink(t string, sh shape) bool {
	if sh.words > lim.ReadLink {
		return false
	}
	t = trimBullet(t)
	for _, v := range readVerbs {
		rest, ok := strings.CutPrefix(t, v)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " \u00a0")
		if rest == "" || !strings.ContainsRune(linkSeparators, firstRune(rest)) {
			continue
		}
		rest = strings.TrimLeft(rest, linkSeparators+" \u00a0")
		if rest == "" {
			return true
		}
		// The headline it points to: not a paragraph of text.
		rs := measure(rest)
		return rs.words <= lim.LinkedHeadline && (!rs.sentence || rs.words <= lim.LinkedSentence)
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// photoWords mark a photo credit in brackets or after a label.
var photoWords = vocab(lexicon.CleanPhotoWords)

// captionCredit reports a caption by its credit: a gallery index "[1/3]",
// a credit in brackets at the end ("(Image: File)", "[Diego Ramos/AFP]",
// "(फोटो: सोशल मीडिया)"), a "Photo: X" or "| Photo Credit: X" at the end,
// or an agency photographer's credit ("REUTERS/Name", "AP Photo/Name").
func (lim *Limits) captionCredit(text, t string, sh shape) bool {
	if sh.words > lim.CaptionCredit || sentenceCount(t) >= lim.CaptionSentences {
		return false
	}
	if strings.HasPrefix(t, "[") {
		if i := strings.IndexByte(t, ']'); i > 0 && i < lim.CreditBracket && strings.Contains(t[:i], "/") && !strings.ContainsFunc(t[1:i], func(r rune) bool { return unicode.IsLetter(r) }) {
			return true
		}
	}
	if sh.ln.any(t, photoCredits) {
		return true
	}
	end := strings.TrimRight(t, " .।")
	for _, pair := range []string{"()", "[]"} {
		if !strings.HasSuffix(end, pair[1:]) {
			continue
		}
		i := strings.LastIndex(end, pair[:1])
		if i < 0 {
			continue
		}
		inner := end[i+1 : len(end)-1]
		if len(strings.Fields(inner)) > lim.CreditParens {
			continue
		}
		if hasAny(inner, photoWords...) && (strings.Contains(inner, ":") || len(strings.Fields(inner)) <= lim.PhotoParens) {
			return true
		}
		// "[Name/AFP]": a photographer and an agency or outlet.
		if a, b, ok := strings.Cut(inner, "/"); ok && pair == "[]" && len(strings.Fields(a)) <= lim.Photographer && (press.Agency(b) != "" || len(press.FindOutlets(b)) > 0) {
			return true
		}
	}
	// "… | Photo Credit: X", "… Photo: PTI" at the end of a caption: a
	// name (capitalised or in Devanagari) after the label.
	lt := normalize.Lower(text)
	if len(lt) != len(text) {
		return false
	}
	for _, lab := range photoLabels {
		// Index, much the faster, turns away the lines without the label
		if !strings.Contains(lt, lab) {
			continue
		}
		i := strings.LastIndex(lt, lab)
		if i <= 0 {
			continue
		}
		rest := strings.TrimLeft(text[i+len(lab):], " :-–")
		r := firstRune(rest)
		if rest != "" && len(strings.Fields(rest)) <= lim.CaptionName && !strings.ContainsAny(strings.TrimRight(rest, ". "), ".।?!") &&
			(unicode.IsUpper(r) || r >= 0x900 && r <= 0x97f) {
			return true
		}
	}
	// "… Tribune photo", "… PTI photo": an outlet's or agency's photo
	// credit closing the caption.
	if ws := strings.Fields(strings.TrimRight(text, " .")); len(ws) >= lim.CaptionTail {
		last := normalize.Lower(ws[len(ws)-1])
		if photoNouns[last] {
			credit := ws[len(ws)-2]
			if r := firstRune(credit); unicode.IsUpper(r) || press.Agency(credit) != "" || len(press.FindOutlets(credit)) > 0 {
				prev := strings.TrimRight(strings.Join(ws[:len(ws)-2], " "), " ")
				return strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, "।") || strings.HasSuffix(prev, "|")
			}
		}
	}
	return false
}

// sentenceCount counts the sentence ends inside s (not at its end).
func sentenceCount(s string) int {
	return strings.Count(s, ". ") + strings.Count(s, "। ") + strings.Count(s, "? ") + strings.Count(s, "! ")
}

// isDigit reports an ASCII or Devanagari digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || normalize.DevanagariDigit(r) >= 0 }

// hasDigit reports whether s holds an ASCII or Devanagari digit.
func hasDigit(s string) bool { return strings.ContainsFunc(s, isDigit) }

// readTimeWords are the words of a reading-time label besides its number
// and unit.
var readTimeWords = vocabSet(lexicon.CleanReadTimeWords)

// readTime reports a line giving the reading or listening time of the
// page: "3 mins", "2 min read", "Read Time: 2 mins", "4 मिनट में पढ़ें".
func (lim *Limits) readTime(t string, sh shape) bool {
	if sh.words > lim.ReadTime || !hasDigit(t) {
		return false
	}
	unit := false
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(":|-–·•()", r) }) {
		switch {
		case strings.TrimFunc(w, isDigit) == "":
		case minuteWords[w]:
			unit = true
		case readTimeWords[w]:
		default:
			return false
		}
	}
	return unit
}

// aiNote reports a note that a summary or text was machine-made:
// "Summary is AI-generated, newsroom-reviewed."
func (lim *Limits) aiNote(t string, sh shape) bool {
	return sh.words <= lim.AINote && sh.ln.any(t, aiWords) &&
		sh.ln.any(t, aiObjects)
}

// bylineLabels open a credit anywhere in a short line, after a desk's name
// or glued to it: "हिन्दुस्तान टीम, पटनाPublished by: Ravi Kumar".
var bylineLabels = vocab(lexicon.CleanBylineLabels)

// bylineInside reports a short credit line with a credit label inside it.
func (lim *Limits) bylineInside(t string, sh shape) bool {
	if sh.words > lim.BylineInside || sh.words < 2 || sh.sentence && !strings.HasSuffix(t, ")") {
		return false
	}
	for _, lab := range bylineLabels {
		i := strings.Index(t, lab)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(t[i+len(lab):], " :-–")
		if rest != "" && len(strings.Fields(rest)) <= lim.BylineName && !strings.ContainsAny(rest, ".।?!") {
			return true
		}
	}
	return false
}

// placeLine reports a line that is only places, comma-separated: "New
// Delhi, India", "लखनऊ,".
func (lim *Limits) placeLine(text string, sh shape) bool {
	if sh.words > lim.PlaceLine || sh.sentence && !strings.HasSuffix(strings.TrimSpace(text), ".") {
		return false
	}
	n := 0
	for _, part := range strings.Split(text, ",") {
		part = strings.Trim(part, " \u00a0.:|-–।")
		if part == "" {
			continue
		}
		if press.Place(part) == "" {
			return false
		}
		n++
	}
	return n > 0
}

// bioOpeners open a note about the writer: "(The writer is …)", "लेखक
// … हैं".
var bioOpeners = vocab(lexicon.CleanBioOpeners)

// authorBio reports a line about the article's writer: it opens with a
// byline's name (or "The writer", "लेखक") and says what the writer is.
func (lim *Limits) authorBio(text string, sh shape, authors []string) bool {
	if sh.words > lim.AuthorBio {
		return false
	}
	t := normalize.LineFold.String(text)
	if _, ok := hasPrefixAny(t, bioOpeners...); ok {
		return sh.ln.any(t, bioVerbs)
	}
	for _, a := range authors {
		a = normalize.LineFold.String(a)
		if a == "" || len(strings.Fields(a)) < lim.BioName {
			continue
		}
		if rest, ok := strings.CutPrefix(strings.TrimLeft(t, "( "), a); ok {
			if _, ok := hasPrefixAny(rest, bioAfterName...); ok {
				return true
			}
		}
	}
	return false
}

// taggedTitle reports the headline again with a few words before or after
// it: "News india <headline>", "<headline> - Latest Updates".
func (lim *Limits) taggedTitle(s, key string) bool {
	if len(key) < lim.TaggedTitle {
		return false
	}
	k := titleKey(s)
	if k == key || !strings.Contains(k, key) {
		return false
	}
	extra := strings.Replace(k, key, " ", 1)
	return len(strings.Fields(extra)) <= lim.TitleTags && (strings.HasPrefix(k, key) || strings.HasSuffix(k, key))
}

// nearCredit reports whether a credit or time line stands right before or
// after line i (skipping other place lines).
func nearCredit(lines []*line, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(lines) {
			continue
		}
		switch lines[j].reason {
		case news.ReasonByline, news.ReasonTimestamp, news.ReasonCredit:
			return true
		}
	}
	return false
}

// creditMore reports a line continuing a credit above the article: short,
// not a sentence, naming an outlet or a desk, or a "for X" designation.
func (lim *Limits) creditMore(text string, sh shape) bool {
	if sh.words > lim.CreditMore || sh.sentence {
		return false
	}
	t := normalize.LineFold.String(text)
	if len(press.FindOutlets(text)) > 0 || hasDeskWord(t) {
		return true
	}
	return hasAny(" "+t+" ", designationWords...)
}

// hasDeskWord reports a desk word ("correspondent", "संवाददाता") in t.
func hasDeskWord(t string) bool {
	for _, w := range strings.FieldsFunc(t, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",:|-–()", r) }) {
		if press.DeskWord(w) {
			return true
		}
	}
	return false
}

// creditNames lists the names of the page's credits: byline lines without
// their labels, as the bio below the story names them.
func creditNames(lines []*line) []string {
	var out []string
	for _, l := range lines {
		if l.reason != news.ReasonByline {
			continue
		}
		t := strings.TrimSpace(l.text)
		for _, p := range nameLabels {
			t = strings.TrimPrefix(t, p)
		}
		if i := strings.IndexAny(t, ",|"); i > 0 {
			t = t[:i]
		}
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// keepLiveStamps keeps the entry times of a live blog: bare timestamp
// lines (no "Updated" label) standing between paragraphs of the article,
// three or more of them, are part of the story, not its credit.
func (lim *Limits) keepLiveStamps(lines []*line, first, last int) {
	var stamps []int
	for i := first + 1; i < last; i++ {
		l := lines[i]
		if l.reason != news.ReasonTimestamp {
			continue
		}
		if _, ok := hasPrefixAny(normalize.LineFold.String(l.text), timestampPrefixes...); ok {
			continue
		}
		stamps = append(stamps, i)
	}
	if len(stamps) < lim.LiveStamps {
		return
	}
	for _, i := range stamps {
		lines[i].reason = ""
	}
}

// furnitureStarts are the reasons that show, below the story, that the
// page's furniture has begun: lines no article prints. A short line taken
// for a label (navigation, footer) is not enough: it may be a subheading
// of a list that ends the article.
var furnitureStarts = map[string]bool{
	news.ReasonRelated: true, news.ReasonAlsoRead: true, news.ReasonSocial: true, news.ReasonCopyright: true, news.ReasonDisclaimer: true,
	news.ReasonBanner: true, news.ReasonTags: true, news.ReasonCredit: true, news.ReasonAdvertisement: true, news.ReasonByline: true,
	news.ReasonSiteRepeat: true, news.ReasonURL: true,
}

// menuItem reports a breadcrumb item that is a section's name or a place:
// "Hindi News", "Jaipur", "होम".
func (lim *Limits) menuItem(it string) bool {
	it = strings.TrimSpace(it)
	return it != "" && (navWords[it] || press.Place(it) != "" || len(strings.Fields(it)) <= lim.MenuItem && menuWords(it))
}

// photoLead reports a short credit line that is a photo word and a source:
// "फोटो पत्रिका", "Photo - PTI", "तस्वीर: सोशल मीडिया".
func (lim *Limits) photoLead(text, t string, sh shape) bool {
	if sh.words > lim.PhotoLead || sh.sentence && !strings.HasSuffix(t, ")") {
		return false
	}
	for _, w := range photoLeads {
		rest, ok := strings.CutPrefix(t, w)
		if !ok || rest != "" && !strings.ContainsRune(" :-–(", firstRune(rest)) {
			continue
		}
		rest = strings.Trim(rest, " :-–()[]")
		if rest == "" {
			return false
		}
		return press.Agency(rest) != "" || press.Outlet(rest) != "" || len(press.FindOutlets(rest)) > 0 ||
			hasAny(rest, photoSources...)
	}
	return false
}
