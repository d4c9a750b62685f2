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

// shape is what the cleaner measures of a line.
type shape struct {
	runes, words int
	// sentence: the line ends as a sentence does (danda, full stop, ?, !,
	// closing quote).
	sentence bool
	// deva and latin are the counts of Devanagari and Latin letters.
	deva, latin int
	// ln is the folded line with its 4-grams, set by classify for the
	// rules it calls (nil elsewhere: the phrase look-ups then search).
	ln *folded
}

func measure(s string) shape {
	var sh shape
	inWord := false
	for _, r := range s {
		sh.runes++
		switch {
		case r >= 0x900 && r <= 0x97f:
			sh.deva++
		case r < 0x250 && unicode.IsLetter(r):
			sh.latin++
		}
		if unicode.IsSpace(r) {
			inWord = false
		} else if !inWord {
			inWord = true
			sh.words++
		}
	}
	t := strings.TrimRight(s, " \u00a0")
	last, _ := utf8.DecodeLastRuneInString(t)
	switch last {
	case '।', '.', '?', '!', '॥', '"', '”', '’', '\'', ')', '…':
		sh.sentence = true
	}
	return sh
}

// bodyLike reports whether a line reads as article text: a sentence of some
// length, or a long run of words.
func (lim *Limits) bodyLike(sh shape) bool {
	return (sh.sentence && sh.words >= lim.BodySentence) || sh.words >= lim.BodyRun
}

// headlineLike reports whether a line could be a headline: a few words, not
// ending like a sentence (a question or exclamation may).
func (lim *Limits) headlineLike(sh shape, s string) bool {
	if sh.words < lim.HeadlineMin || sh.words > lim.HeadlineMax || sh.runes > lim.HeadlineRunes {
		return false
	}
	t := strings.TrimRight(s, " \u00a0")
	if strings.HasSuffix(t, "...") || strings.HasSuffix(t, "…") {
		// Teaser headlines trail off: "लोगों ने कहा- … लेकिन...".
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return last != '।' && last != '.' && last != '॥'
}

func hasAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// hasPrefixOf reports whether s starts with one of pre.
func hasPrefixOf(s string, pre []string) bool {
	_, ok := hasPrefixAny(s, pre...)
	return ok
}

func hasPrefixAny(s string, pre ...string) (string, bool) {
	for _, p := range pre {
		if strings.HasPrefix(s, p) {
			return p, true
		}
	}
	return "", false
}

// trimBullet drops list bullets and dashes at the start of a line.
func trimBullet(s string) string {
	return strings.TrimLeft(s, " \u00a0-–—•·*>»▶►|#")
}

func hasSuffixAny(s string, sufs ...string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// appLabel reports a short line that is an app's label: without the word
// "app" and punctuation, an outlet's name or nothing ("Prabhat Khabar App
// :", "Open App").
func appLabel(text string) bool {
	var rest []string
	for _, w := range strings.Fields(text) {
		f := strings.Trim(normalize.LineFold.String(w), ":|-–.!")
		if f == "" || hasWord(f, appWords.list...) || controlWords[f] {
			continue
		}
		rest = append(rest, w)
	}
	if len(rest) == 0 {
		return true
	}
	kind, _, _, ok := press.LeadName(strings.Join(rest, " "))
	return ok && kind == press.LeadOutlet
}

// deskCredit reports a short credit ending in a desk word: "Our Special
// Correspondent", "DH News Service", "India Today Web Desk".
func deskCredit(t string) bool {
	if hasDigit(t) {
		return false
	}
	ws := strings.Fields(strings.Trim(t, " ,:-–|()"))
	return len(ws) >= 2 && press.DeskWord(strings.Trim(ws[len(ws)-1], ",:-–|()"))
}

// appeal reports a sentence in which the site asks for subscribers or
// support: in its own voice or naming itself, about journalism,
// subscriptions, readers.
func (lim *Limits) appeal(text string) bool {
	t := normalize.LineFold.String(text)
	sh := measure(text)
	return sh.words <= lim.Appeal && sh.ln.any(t, appealWords) && (siteVoice(t) || len(press.FindOutlets(text)) > 0)
}

// imperative reports a line opening with a call to action ("Download
// …", "Get …", "Read …").
func imperative(t string) bool {
	_, ok := hasPrefixAny(t, ctaVerbs...)
	return ok
}

// siteVoice reports a line in which the site addresses its reader.
func siteVoice(t string) bool {
	return hasAny(" "+strings.Map(func(r rune) rune {
		if strings.ContainsRune(".,!?:;|()", r) {
			return ' '
		}
		return r
	}, unquoted(t))+" ", voiceWords...)
}

// unquoted is t without the words inside quotation marks: "we" in a quote
// is the speaker's voice, not the site's.
func unquoted(t string) string {
	var b strings.Builder
	depth := 0
	for _, r := range t {
		switch r {
		case '“', '‘':
			depth++
			continue
		case '”', '’':
			if depth > 0 {
				depth--
			}
			continue
		case '"':
			depth ^= 1
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasWord reports whether t holds one of words as a whole word.
func hasWord(t string, words ...string) bool {
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(t[i:], w)
			if j < 0 {
				break
			}
			j += i
			before, _ := utf8.DecodeLastRuneInString(t[:j])
			after, _ := utf8.DecodeRuneInString(t[j+len(w):])
			if !wordRune(before) && !wordRune(after) {
				return true
			}
			i = j + len(w)
		}
	}
	return false
}

// hasWordForm is hasWord that also takes a Latin plural in -s ("newsletters",
// "shares").
func hasWordForm(t string, words ...string) bool {
	for _, w := range words {
		if hasWord(t, w) || w != "" && w[len(w)-1] < utf8.RuneSelf && hasWord(t, w+"s") {
			return true
		}
	}
	return false
}

// wordRune reports a rune that continues a word (utf8.RuneError, at the
// ends of a string, does not).
func wordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || r == '\u200d')
}

// controlsOnly reports a line made only of the labels of controls: "Allow
// Don't Allow", "Not now Turn on", "Update now", "Accept | Reject".
func controlsOnly(t string) bool {
	verb := false
	for _, w := range strings.FieldsFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("|।/·•,.!:;()[]", r)
	}) {
		if !controlWords[w] {
			return false
		}
		verb = verb || controlVerbs[w]
	}
	return verb
}

// copyrightPrefixes start a copyright line: "©", "copyright".
// [clean.copyright-prefixes]
var copyrightPrefixes = vocab(lexicon.CleanCopyrightPrefixes)

// notePrefixes are disclaimer prefixes ("नोट:") that make a line a
// disclaimer only with a disclaimer phrase after them. [clean.note-prefixes]
var notePrefixes = vocabSet(lexicon.CleanNotePrefixes)

// classify gives a line's reason by what it says, or "" when its words
// alone do not make it boilerplate. Position-based decisions come later.
func (lim *Limits) classify(text string, sh shape) string {
	if sh.words > lim.Boilerplate {
		// No boilerplate runs this long; a paragraph of text does.
		return ""
	}
	l := normalize.LineFold.String(text)
	t := trimBullet(l)
	sh.ln = newFolded(t)
	if t == "" {
		return news.ReasonStrayPunctuation
	}
	if onlyPunct(text) {
		return news.ReasonStrayPunctuation
	}
	if isURL(t) {
		return news.ReasonURL
	}
	if _, ok := hasPrefixAny(t, webTitlePrefixes...); ok && sh.words <= lim.Short {
		return news.ReasonWebTitle
	}
	if adLines[strings.Trim(t, " :.-")] {
		return news.ReasonAdvertisement
	}
	short := sh.words <= lim.Short
	if uiLines[strings.Trim(t, " :.!|")] {
		return news.ReasonSocial
	}
	if pageLabels[strings.Trim(t, " :.!|")] {
		return news.ReasonNavigation
	}
	if p, ok := hasPrefixAny(t, disclaimerPrefixes...); ok && short {
		rest := strings.TrimSpace(t[len(p):])
		if !notePrefixes[p] || sh.ln.any(rest, disclaimerPhrases) {
			return news.ReasonDisclaimer
		}
	}
	if short && sh.ln.any(t, disclaimerPhrases) && sh.ln.any(t, disclaimerObjects) {
		return news.ReasonDisclaimer
	}
	if _, ok := hasPrefixAny(t, copyrightPrefixes...); sh.words <= lim.Banner && (ok || sh.ln.any(t, copyrightPhrases)) {
		return news.ReasonCopyright
	}
	// Banners by class: browser, notifications, cookies, app. A sentence
	// about them is news unless the site speaks in it to the reader.
	// The site's voice is looked for only in lines on a banner's topic.
	voiceDone, voiceVal := false, false
	voice := func() bool {
		if !voiceDone {
			voiceDone, voiceVal = true, sh.words <= lim.Short && siteVoice(t)
		}
		return voiceVal
	}
	if sh.words <= lim.Banner && sh.ln.word(t, browserWords) && (voice() || !sh.sentence && (sh.ln.any(t, updateWords) || sh.ln.any(t, staleWords))) {
		return news.ReasonBanner
	}
	if sh.words <= lim.Banner && sh.ln.any(t, bannerPhrases) {
		return news.ReasonBanner
	}
	if sh.words <= lim.Banner && sh.ln.any(t, notifyWords) && (voice() || !sh.sentence && sh.ln.any(t, notifyVerbs)) {
		return news.ReasonBanner
	}
	if sh.words <= lim.Short && sh.ln.any(t, cookieWords) && (voice() || !sh.sentence && sh.ln.any(t, consentWords)) {
		return news.ReasonBanner
	}
	if sh.words <= lim.AppBanner && sh.ln.word(t, appWords) && sh.ln.any(t, getWords) &&
		(!sh.sentence || sh.words <= lim.Voiced && voice() || sh.words <= lim.Voiced && imperative(t) || len(press.FindOutlets(text)) > 0) {
		return news.ReasonBanner
	}
	if !sh.sentence && sh.words <= lim.Short && hasSuffixAny(strings.TrimRight(t, " .!:|"), downloadEnds...) {
		// "… की ताजा खबरों के लिए डाउनलोड करें": a promotion ending in
		// the request.
		return news.ReasonBanner
	}
	if !sh.sentence && sh.words <= lim.Label && sh.ln.word(t, appWords) && appLabel(text) {
		return news.ReasonBanner
	}
	if sh.words >= 2 && sh.words <= lim.Controls && controlsOnly(t) {
		return news.ReasonBanner
	}
	if lim.readLink(t, sh) {
		return news.ReasonAlsoRead
	}
	if lim.readTime(t, sh) {
		return news.ReasonNavigation
	}
	if sh.words <= lim.Lead && !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "।") {
		if _, ok := hasPrefixAny(t, ctaVerbs...); ok && sh.latin > sh.deva {
			return news.ReasonSocial
		}
	}
	if _, ok := hasPrefixAny(t, alsoReadMarkers...); ok && sh.words <= lim.Short {
		return news.ReasonAlsoRead
	}
	if p, ok := hasPrefixAny(t, readPrefixes...); ok && p != "" && sh.words <= lim.Banner && !sh.sentence {
		return news.ReasonAlsoRead
	}
	if lim.aiNote(t, sh) {
		return news.ReasonDisclaimer
	}
	if lim.isRelatedHeading(t, sh) {
		return news.ReasonRelated
	}
	if sh.words <= lim.Feedback && hasEmail(t) && sh.ln.any(t, feedbackWords) {
		return news.ReasonSocial
	}
	if sh.words <= lim.Promo && promoLine(text, t) {
		return news.ReasonSocial
	}
	if sh.words <= lim.Platforms && lim.platformList(t) {
		return news.ReasonSocial
	}
	if sh.words <= lim.Social && lim.socialCall(t, sh) {
		return news.ReasonSocial
	}
	if sh.words <= lim.Voiced {
		if _, ok := hasPrefixAny(t, captionPrefixes...); ok {
			return news.ReasonCaption
		}
	}
	if lim.captionCredit(text, t, sh) || lim.photoLead(text, t, sh) {
		return news.ReasonCaption
	}
	if lim.hashtagList(t, sh) {
		return news.ReasonTags
	}
	if authorHeading(t) {
		return news.ReasonByline
	}
	if lim.listenLabel(t, sh) || lim.preferredSource(t, sh) {
		return news.ReasonSocial
	}
	if lim.wireContribution(t, sh) {
		return news.ReasonCredit
	}
	if _, ok := hasPrefixAny(t, tagPrefixes...); ok && sh.words <= lim.Short && !sh.sentence && wholeTagPrefix(t) {
		return news.ReasonTags
	}
	if sh.words <= lim.Banner {
		if p, ok := hasPrefixAny(strings.TrimLeft(t, "("), bylinePrefixes...); ok && lim.bylineRest(strings.TrimLeft(text, "( "), p, sh) {
			return news.ReasonByline
		}
		if r := lim.timestampLine(text, t); r != "" {
			return r
		}
		if lim.relativeTime(t, sh) {
			return news.ReasonTimestamp
		}
		if lim.bylineInside(t, sh) {
			return news.ReasonByline
		}
	}
	if sh.words <= lim.Credit && isCredit(text, t, sh) {
		return news.ReasonCredit
	}
	if sh.words >= 2 && sh.words <= lim.DeskCredit && !sh.sentence && deskCredit(t) {
		return news.ReasonByline
	}
	if sh.words <= lim.Lead && !sh.sentence {
		if kind, _, desk, ok := press.LeadName(text); ok {
			if kind == press.LeadAgency {
				return news.ReasonCredit
			}
			if desk || sh.words <= lim.Label {
				return news.ReasonByline
			}
		}
	}
	if lim.isNavigation(text, t, sh) {
		return news.ReasonNavigation
	}
	return ""
}

// socialCall reports a call to share, follow or subscribe: a social
// phrase, or a platform with an action. In Latin text these are whole
// words ("share on", not "a share on revenue"), and a sentence of prose
// ("… shared on the Twitter handle of the ministry") is one only when the
// site speaks in it to the reader or it opens with a request.
func (lim *Limits) socialCall(t string, sh shape) bool {
	both := func(has func(string, phrases) bool) bool {
		return has(t, socialPlatforms) && has(t, socialActions) && (sh.words <= lim.SocialPair || !sh.sentence)
	}
	if !sh.ln.any(t, socialPhrases) && !both(sh.ln.any) {
		return false
	}
	if sh.latin <= sh.deva {
		return true
	}
	if !sh.ln.wordForm(t, socialPhrases) && !both(sh.ln.wordForm) {
		return false
	}
	return !sh.sentence || sh.words < lim.SocialShort || imperative(t) || siteVoice(t)
}

// platformList reports a bar of two or more social platforms, with or
// without a label: "शेयर करें: WhatsApp | Facebook | X", "फेसबुक। एक्स।
// इन्स्टाग्राम".
func (lim *Limits) platformList(t string) bool {
	if _, rest, ok := strings.Cut(t, ":"); ok {
		t = rest
	}
	items := strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune("|।,·•/", r) })
	if len(items) == 1 {
		// "Whatsapp Facebook Twitter": the names alone.
		items = strings.Fields(t)
	}
	if len(items) < 2 {
		return false
	}
	n := 0
	for _, it := range items {
		it = strings.Trim(it, " .-–")
		if platformNames[it] {
			n++
		} else if len(strings.Fields(it)) > lim.PlatformItem {
			return false
		}
	}
	return n >= 2 && 2*n >= len(items)
}

// hasEmail reports an e-mail address in t.
func hasEmail(t string) bool {
	at := strings.IndexByte(t, '@')
	return at > 0 && strings.Contains(t[at:], ".") && !strings.Contains(t[at:min(len(t), at+2)], " ")
}

// promoLine reports a line promoting the site: two promotion phrases, or
// one and the name of an outlet ("… Latest News Updates on Live Mint").
func promoLine(text, t string) bool {
	n := 0
	for _, w := range promoWords {
		if strings.Contains(t, w) {
			n++
		}
	}
	return n >= 2 || n == 1 && len(press.FindOutlets(text)) > 0
}

// onlyPunct reports whether s has no letter or digit.
func onlyPunct(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
			return false
		}
	}
	return true
}

func isURL(t string) bool {
	if strings.ContainsAny(t, " \t") {
		return false
	}
	return strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www.")
}

// isRelatedHeading reports a short heading over a list of other stories.
func (lim *Limits) isRelatedHeading(t string, sh shape) bool {
	if sh.words > lim.RelatedHeading || sh.sentence && !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "...") && !strings.HasSuffix(t, "…") {
		return false
	}
	t = strings.Trim(t, " :-–|»>")
	if sh.ln.any(t, relatedHeadings) {
		return true
	}
	if sh.words <= lim.Trending && sh.ln.any(t, trendingLabels) {
		return true
	}
	return sh.ln.any(t, relatedNouns) && sh.ln.any(t, relatedMods)
}

// menuWords reports a menu written with spaces only: every word (or pair
// of words) a section's name or a place ("Karnataka Bengaluru India World
// Opinion Sports").
func menuWords(t string) bool {
	ws := strings.Fields(t)
	for i := 0; i < len(ws); {
		if i+1 < len(ws) {
			pair := ws[i] + " " + ws[i+1]
			if navWords[pair] || press.Place(pair) != "" {
				i += 2
				continue
			}
		}
		if !navWords[ws[i]] && press.Place(ws[i]) == "" {
			return false
		}
		i++
	}
	return true
}

// homeWords name a site's home page, where breadcrumbs start.
var homeWords = vocabSet(lexicon.CleanHomeWords)

// navSeparators split breadcrumb and menu items; the danda is there
// because normalisation turns a pipe after Devanagari into one.
const navSeparators = ">»›/|•·।"

// isNavigation reports breadcrumbs ("होम > देश > उत्तर प्रदेश"), menus of
// short items, and lone section words.
func (lim *Limits) isNavigation(text, t string, sh shape) bool {
	if sh.sentence || sh.words > lim.Navigation {
		return false
	}
	if navWords[strings.Trim(t, " :")] {
		return true
	}
	if sh.words >= lim.MenuMin && sh.words <= lim.MenuMax && !strings.ContainsAny(t, ",.:;!?") && menuWords(t) {
		return true
	}
	items := strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune(navSeparators, r) })
	if len(items) >= 2 && homeWords[strings.TrimSpace(items[0])] {
		// A breadcrumb from the home page; its last crumb may be the
		// headline itself.
		return true
	}
	if len(items) < 3 {
		// Two items: both must be menu words or places ("Hindi News /
		// Jaipur").
		if len(items) == 2 && lim.menuItem(items[0]) && lim.menuItem(items[1]) {
			return true
		}
		return false
	}
	known := 0
	for _, it := range items {
		it = strings.TrimSpace(it)
		if len(strings.Fields(it)) > lim.NavItem {
			return false
		}
		if navWords[it] {
			known++
		}
	}
	return known >= 1 || len(items) >= lim.NavItems
}

// hashtagList reports a line of hashtags, with or without a label:
// "Trending Topics: #… #… #…".
func (lim *Limits) hashtagList(t string, sh shape) bool {
	if sh.words > lim.Hashtags || strings.Count(t, "#") < 2 {
		return false
	}
	tags, other := 0, 0
	for _, w := range strings.Fields(t) {
		if strings.HasPrefix(w, "#") && len(w) > 1 {
			tags++
		} else {
			other++
		}
	}
	return tags >= 2 && tags >= other
}

// vocab returns the entries of class c of every language's pack, in the
// packs' order (lexicon.Langs), each folded as lower folds lines (no
// nukta): the cleaner reads page furniture in every language, whatever
// the article's.
func vocab(c lexicon.Class) []string {
	var out []string
	for _, l := range lexicon.Langs() {
		for _, e := range lexicon.Get(l).Entries(c) {
			out = append(out, normalize.FoldNukta(e.Text))
		}
	}
	return out
}

// vocabSet is vocab as a set, with each entry as written beside its fold.
func vocabSet(c lexicon.Class) map[string]bool {
	m := map[string]bool{}
	for _, l := range lexicon.Langs() {
		for _, e := range lexicon.Get(l).Entries(c) {
			m[e.Text] = true
			m[normalize.FoldNukta(e.Text)] = true
		}
	}
	return m
}
