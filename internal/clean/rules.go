package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/internal/meta"
	"khabar/internal/news"
)

// shape is what the cleaner measures of a line.
type shape struct {
	runes, words int
	// sentence: the line ends as a sentence does (danda, full stop, ?, !,
	// closing quote).
	sentence bool
	// deva and latin are the counts of Devanagari and Latin letters.
	deva, latin int
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
func (sh shape) bodyLike() bool {
	return (sh.sentence && sh.words >= 6) || sh.words >= 25
}

// headlineLike reports whether a line could be a headline: a few words, not
// ending like a sentence (a question or exclamation may).
func (sh shape) headlineLike(s string) bool {
	if sh.words < 2 || sh.words > 30 || sh.runes > 250 {
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

// lower folds a line for vocabulary tests: lower case, nukta dropped,
// spaces collapsed.
func lower(s string) string {
	s = foldNukta(s)
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' '
		if c >= 'A' && c <= 'Z' || c >= 0xC2 && c <= 0xDF || c == '\t' || c == '\n' || c == '\r' || (sp && prevSpace) {
			clean = false
			break
		}
		prevSpace = sp
	}
	if clean && !prevSpace {
		return s
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// nuktaFolder drops the nukta and maps precomposed nukta letters to their
// bases; a Replacer is safe for concurrent use.
var nuktaFolder = strings.NewReplacer("\u093c", "", "\u0958", "क", "\u0959", "ख", "\u095a", "ग", "\u095b", "ज",
	"\u095c", "ड", "\u095d", "ढ", "\u095e", "फ", "\u095f", "य")

// hasNukta reports a nukta or a precomposed nukta letter (U+093C,
// U+0958–U+095F) by their UTF-8 bytes, without decoding s.
func hasNukta(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != 0xE0 {
			continue
		}
		if b1, b2 := s[i+1], s[i+2]; b1 == 0xA4 && b2 == 0xBC || b1 == 0xA5 && b2 >= 0x98 && b2 <= 0x9F {
			return true
		}
	}
	return false
}

func foldNukta(s string) string {
	if !hasNukta(s) {
		return s
	}
	return nuktaFolder.Replace(s)
}

func hasAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
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

var (
	alsoReadMarkers = []string{
		"यह भी पढ़ें", "ये भी पढ़ें", "यह भी पढे", "ये भी पढे", "यह भी पढ़े", "ये भी पढ़े", "इसे भी पढ़ें",
		"इसे भी पढ़े", "इन्हें भी पढ़ें", "यह भी देखें", "ये भी देखें", "यह भी पढें", "ये भी पढें",
		"also read", "read also", "also see", "see also", "read more", "और पढ़ें", "पढ़ें यह भी",
		"also watch", "must read", "जरूर पढ़ें", "ज़रूर पढ़ें",
		// Marathi and Nepali.
		"हेही वाचा", "हे पण वाचा", "हे सुद्धा वाचा", "हेही पहा", "यो पनि पढ्नुहोस्", "यो पनि पढ्नुस्", "यो पनि हेर्नुहोस्",
		"यो पनि पढौं",
	}
	relatedNouns = []string{"खबर", "समाचार", "news", "stories", "story", "articles", "posts", "headlines", "स्टोरी", "न्यूज", "बातम्या", "बातमी",
		"video", "videos", "वीडियो", "हेडलाइंस", "हेडलाइन्स"}
	relatedMods = []string{
		"संबंधित", "सम्बंधित", "सम्बन्धित", "संबन्धित", "जुड़ी", "जुडी", "अन्य", "related", "more", "latest",
		"top", "ताजा", "लेटेस्ट", "trending", "popular", "ज्यादा", "टॉप", "और भी", "recommended",
		"similar", "मिलती", "ट्रेंडिंग", "लोकप्रिय", "प्रमुख", "बड़ी", "other", "featured", "फीचर्ड", "of the day",
	}
	relatedHeadings = []string{
		"you may also like", "you might also like", "recommended for you", "more from", "most read",
		"most popular", "trending now", "आपके लिए", "सबसे ज्यादा पढ़ी", "सबसे अधिक पढ़ी", "don't miss",
		"में और पढ़ें", "ऐसी और खबरें", "फोटो गैलरी", "वीडियो गैलरी", "पर और पढ़ें", "से जुड़ी और", "खबरें और भी",
		"more on this", "more about", "suggested topics", "related topics", "next story", "next article",
		"अगला लेख", "अगली खबर", "top headlines", "टॉप हेडलाइंस", "टॉप हेडलाइन्स", "मुख्य खबरें", "बड़ी खबरें",
	}
	// browserWords are matched as whole words ("opera", not "operations").
	browserWords  = []string{"browser", "browsers", "ब्राउजर", "chrome", "firefox", "safari", "internet explorer", "microsoft edge", "opera"}
	updateWords   = []string{"update", "upgrade", "install", "download", "अपडेट", "supported", "recommended", "switch"}
	bannerPhrases = []string{
		"enable javascript", "javascript is disabled", "javascript enabled", "we use cookies",
		"accept cookies", "accept all cookies", "cookie policy", "cookie settings", "uses cookies",
		"this site uses cookies", "allow notifications", "turn on notifications", "push notification",
		"notifications on", "नोटिफिकेशन ऑन", "नोटिफिकेशन अलाउ", "नोटिफिकेशन पाने", "नोटिफिकेशन के लिए सब्सक्राइब",
		"ad blocker", "adblock", "disable your ad", "view this page",
		"to view this site", "better experience", "बेहतर अनुभव", "skip to content", "skip to main content",
		"सामग्री को स्किप करें", "स्किप करें",
	}
	socialPlatforms = []string{
		"facebook", "फेसबुक", "twitter", "ट्विटर", "instagram", "इंस्टाग्राम", "youtube", "यूट्यूब",
		"whatsapp", "व्हाट्सएप", "व्हाट्सऐप", "वॉट्सऐप", "वाट्सऐप", "वॉट्सएप", "वॉट्सएप", "telegram", "टेलीग्राम", "linkedin", "koo", "google news",
		"गूगल न्यूज", "x (twitter)", "sharechat", "dailyhunt", "social", "सोशल",
	}
	socialActions = []string{
		"follow", "फॉलो", "फोलो", "like", "लाइक", "subscribe", "सब्सक्राइब", "join", "ज्वाइन", "जॉइन",
		"जुड़ें", "जुड़े", "जुड़ने", "जुडें", "जुडने", "share", "शेयर", "connect", "चैनल",
	}
	socialPhrases = []string{
		"यहां क्लिक करें", "यहाँ क्लिक करें", "यहां क्लिक करे", "यहाँ क्लिक करे", "click here", "क्लिक करें और",
		"subscribe to our", "sign up for our newsletter", "newsletter", "न्यूजलेटर", "हमें फॉलो करें",
		"follow us", "like us on", "हमारा एप", "हमारा ऐप", "अपनी राय", "comment below", "नीचे कमेंट",
		"share this", "share on", "शेयर करें", "यहां क्लिक", "यहाँ क्लिक", "get current updates", "get latest news",
	}
	captionPrefixes = []string{
		"फोटो:", "फोटो :", "फोटो-", "फोटो -", "फोटो साभार", "photo:", "photo :", "photo credit", "photos:",
		"image:", "image source", "image credit", "तस्वीर:", "तस्वीर :", "चित्र:", "pic:", "pic credit",
		"picture:", "file photo", "फाइल फोटो", "प्रतीकात्मक फोटो", "प्रतीकात्मक तस्वीर", "सांकेतिक फोटो",
		"सांकेतिक तस्वीर", "representational image", "representative image", "(representational",
		"(representative", "(फोटो", "(file photo", "(photo", "(image", "(प्रतीकात्मक", "(सांकेतिक",
		"(तस्वीर", "फोटो क्रेडिट", "फोटो सोर्स", "caption:", "getty images", "(getty", "इमेज:",
		"इमेज सोर्स", "image caption", "वीडियो:", "video:", "watch:", "इमेज स्रोत", "इमेज कैप्शन", "तस्वीर स्रोत",
		"image source", "फोटो सोर्स:", "photo source", "photograph:", "photograph :", "photographs:",
	}
	bylinePrefixes = []string{
		"by ", "द्वारा ", "द्वारा:", "लेखक:", "लेखक :", "लेखक-", "written by", "reported by", "edited by",
		"authored by", "posted by", "story by", "text by", "रिपोर्ट:", "रिपोर्ट :", "रिपोर्ट-",
		"रिपोर्टर:", "author:", "author -", "edited by:", "बाय ", "संपादक:", "एडिटेड बाय", "लेखिका:",
		"written by:", "reporter:", "curated by", "compiled by", "reporting by", "additional reporting",
		"editing by", "writing by", "published by", "produced by",
	}
	timestampPrefixes = []string{
		"updated", "published", "publish date", "last updated", "first published", "posted on",
		"posted:", "प्रकाशित", "अपडेटेड", "अपडेट", "अद्यतन", "पब्लिश", "date:", "तारीख:", "दिनांक",
		"modified", "last modified", "created",
	}
	disclaimerPrefixes = []string{"disclaimer", "डिस्क्लेमर", "अस्वीकरण", "अस्वीकरण:", "नोट:", "note:", "our standards"}
	disclaimerPhrases  = []string{
		"संपादित नहीं", "सम्पादित नहीं", "फीड से प्रकाशित", "फीड से प्रकाशित", "has not been edited",
		"auto-generated from a syndicated feed", "syndicated feed", "सिंडिकेट फीड", "not been edited by",
		"एजेंसी फीड", "agency feed", "views expressed", "विचार लेखक के निजी", "लेखक के निजी विचार",
		"फीड से", "की फीड", "कोई बदलाव नहीं", "बदलाव नहीं किया", "published from a", "from a feed",
		"without modification", "has not been modified",
		"does not endorse", "पुष्टि नहीं करता", "पुष्टि नहीं करती", "not responsible for", "our standards",
		"editorial guidelines", "trust principles",
	}
	tagPrefixes = []string{"tags:", "tags :", "टैग्स:", "टैग:", "टैग्स :", "topics:", "विषय:", "keywords:", "tags"}
	adLines     = map[string]bool{
		"advertisement": true, "विज्ञापन": true, "sponsored": true, "ad": true, "ads": true,
		"स्पॉन्सर्ड": true, "advertisment": true, "scroll to continue with content": true,
		"story continues below this ad": true, "continue reading below": true,
	}
	navWords = map[string]bool{
		"home": true, "होम": true, "news": true, "न्यूज": true, "खबरें": true, "india": true, "देश": true,
		"world": true, "विदेश": true, "दुनिया": true, "sports": true, "खेल": true, "business": true,
		"बिजनेस": true, "कारोबार": true, "entertainment": true, "मनोरंजन": true, "राज्य": true,
		"states": true, "city": true, "शहर": true, "politics": true, "राजनीति": true, "tech": true,
		"टेक": true, "lifestyle": true, "लाइफस्टाइल": true, "opinion": true, "विचार": true,
		"videos": true, "वीडियो": true, "photos": true, "फोटो": true, "latest": true, "ताजा": true,
		"menu": true, "मेन्यू": true, "search": true, "सर्च": true, "login": true, "लॉगिन": true,
		"हिंदी": true, "hindi": true, "english": true, "epaper": true, "ई-पेपर": true, "live": true,
		"लाइव": true, "trending": true, "ट्रेंडिंग": true, "अंतरराष्ट्रीय": true, "international": true,
		"राष्ट्रीय": true, "national": true, "career": true, "करियर": true, "धर्म": true, "astrology": true,
		"ज्योतिष": true, "auto": true, "ऑटो": true, "health": true, "हेल्थ": true, "shorts": true,
		"web stories": true, "वेब स्टोरीज": true, "उत्तर प्रदेश": true, "बिहार": true, "दिल्ली": true,
		"मुख्य पृष्ठ": true, "प्रथम पृष्ठ": true, "स्पोर्ट्स": true, "क्रिकेट": true, "cricket": true,
	}
)

// pageLabels are words a page shows as labels of its parts ("सार" and
// "विस्तार", summary and full text), alone on a line.
var pageLabels = map[string]bool{
	"सार": true, "विस्तार": true, "हाइलाइट्स": true, "highlights": true, "summary": true, "expand": true,
	"collapse": true, "key highlights": true, "in brief": true, "संक्षेप में": true, "trending": true,
}

// uiLines are the labels of page controls and widgets, alone on a line.
var uiLines = map[string]bool{
	"share": true, "शेयर": true, "subscribe": true, "सब्सक्राइब": true, "follow": true, "follow us": true,
	"फॉलो करें": true, "comments": true, "comment": true, "कमेंट": true, "कमेंट्स": true, "print": true,
	"aa": true, "a+": true, "a-": true, "listen": true, "सुनें": true, "save": true, "bookmark": true,
	"whatsapp": true, "facebook": true, "twitter": true, "email": true, "copy link": true, "link copied": true,
	"promoted": true, "sponsored content": true, "read more": true, "load more": true, "और पढ़ें": true,
	"खबर सुनें": true, "listen to this article": true, "font size": true, "फॉन्ट": true,
}

// ctaVerbs open a short call to action: "Read this in the app", "Listen to
// the latest songs", "Download the app".
var ctaVerbs = []string{
	"read ", "listen ", "watch ", "follow ", "download ", "click ", "tap ", "subscribe ", "sign up",
	"sign in", "log in", "login ", "install ", "join ", "get the ", "get our ", "like us",
}

// downloadEnds end a promotion that asks the reader to get an app.
var downloadEnds = []string{
	"डाउनलोड करें", "डाउनलोड करे", "डाउनलोड करा", "इंस्टॉल करें", "इंस्टाल करें", "download now", "install now",
	"download the app", "get the app", "डाउनलोड गर्नुहोस्",
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
		f := strings.Trim(lower(w), ":|-–.!")
		if f == "" || hasWord(f, appWords...) || controlWords[f] {
			continue
		}
		rest = append(rest, w)
	}
	if len(rest) == 0 {
		return true
	}
	kind, _, _, ok := meta.LeadName(strings.Join(rest, " "))
	return ok && kind == meta.LeadOutlet
}

// deskWords end a desk's or correspondent's credit.
var deskWords = map[string]bool{
	"correspondent": true, "bureau": true, "desk": true, "reporter": true, "staff": true, "service": true,
	"team": true, "संवाददाता": true, "ब्यूरो": true, "डेस्क": true, "टीम": true, "प्रतिनिधि": true, "रिपोर्टर": true,
}

// deskCredit reports a short credit ending in a desk word: "Our Special
// Correspondent", "DH News Service", "India Today Web Desk".
func deskCredit(t string) bool {
	if strings.ContainsAny(t, "0123456789०१२३४५६७८९") {
		return false
	}
	ws := strings.Fields(strings.Trim(t, " ,:-–|()"))
	return len(ws) >= 2 && deskWords[strings.Trim(ws[len(ws)-1], ",:-–|()")]
}

// appealWords are the words of a site's appeal for subscribers and
// support.
var appealWords = []string{
	"subscription", "subscribe", "support", "journalism", "donate", "contribute", "readers", "paywall", "membership",
	"पत्रकारिता", "सहयोग", "सब्सक्राइब", "सदस्यता", "पाठकों",
}

// appeal reports a sentence in which the site asks for subscribers or
// support: in its own voice or naming itself, about journalism,
// subscriptions, readers.
func appeal(text string) bool {
	t := lower(text)
	sh := measure(text)
	return sh.words <= 45 && hasAny(t, appealWords...) && (siteVoice(t) || len(meta.FindOutlets(text)) > 0)
}

// imperative reports a line opening with a call to action ("Download
// …", "Get …", "Read …").
func imperative(t string) bool {
	_, ok := hasPrefixAny(t, ctaVerbs...)
	return ok
}

// appWords and getWords together make an app promotion.
var (
	appWords = []string{"app", "apps", "ऐप", "एप", "अॅप", "अ\u200dॅप", "एप्लीकेशन", "एप्लिकेशन", "application"}
	getWords = []string{
		"download", "डाउनलोड", "install", "इंस्टॉल", "इंस्टाल", "get the", "get our", "open in", "read in",
		"use the", "try the", "continue in", "continue reading", "पर पढें", "में पढें", "पाएं", "करा", "गर्नुहोस्",
	}
)

// Banner vocabulary by class: a browser going stale, notifications,
// cookies, each with the words that make a line about them a request to
// the reader rather than news.
var (
	staleWords = []string{
		"out of date", "outdated", "old version", "older version", "not supported", "unsupported", "no longer supported",
		"may not work", "works best", "recent browser", "modern browser", "latest version", "पुराना", "पुराने", "समर्थित नहीं",
		"नवीनतम", "पुरानो",
	}
	notifyWords = []string{"notification", "नोटिफिकेशन", "नोटिफिकेशंस", "सूचनाहरू", "news alerts", "breaking news alerts", "push alerts"}
	notifyVerbs = []string{
		"allow", "turn on", "enable", "subscribe", "get ", "receive", "send", "sign up", "ऑन", "अलाउ", "पाएं", "पाने",
		"भेज", "चालू", "अनुमति",
	}
	cookieWords  = []string{"cookie", "कुकी", "कुकिज", "कुकीज", "कूकीज"}
	consentWords = []string{
		"accept", "agree", "consent", "policy", "settings", "preferences", "स्वीकार", "सहमत", "नीति", "प्रयोग गर्छौं", "उपयोग करते",
	}
)

// voiceWords are how a site speaks to its reader or of itself ("your
// browser", "we use", "this site", "please"); news copy rarely does so
// outside quotes, and never in a banner-sized line about browsers,
// cookies or notifications.
var voiceWords = []string{
	" you ", " your ", " you'", " we ", " we'", " our ", " us ", " this site", " this website", " this page", " the site",
	" please", " कृपया", " आप ", " आपका", " आपके", " आपको", " आपकी", " अपना ", " अपने ", " अपनी ", " हम ", " हमारे", " हमारी", " इस साइट",
	" इस वेबसाइट", " इस पेज", " तपाईं", " हामी", " तुम्ही", " आम्ही", " तुमच्या", " कृपया",
}

// webWords name the page and its furniture: a banner talks of them.
var webWords = []string{
	"site", "website", "page", "app", "browser", "notifications", "notification", "update", "updates", "cookie",
	"cookies", "experience", "feature", "features",
	"newsletter", "inbox", "subscribe", "login", "sign in", "account", "version", "साइट", "वेबसाइट", "पेज", "ऐप",
	"एप", "ब्राउजर", "नोटिफिकेशन", "अपडेट", "अनुभव", "सब्सक्राइब", "लॉगिन", "खाता", "अकाउंट", "comment", "comments",
	"टिप्पणी", "कमेंट",
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

// controlWords are the words of the buttons and links of banners and page
// furniture ("Allow", "Don't Allow", "Not now", "Update now", "Accept
// all", "Got it", "अभी नहीं"); controlVerbs are those a control needs at
// least one of.
var (
	controlWords = map[string]bool{
		"allow": true, "don't": true, "dont": true, "do": true, "not": true, "now": true, "turn": true, "on": true,
		"off": true, "update": true, "upgrade": true, "accept": true, "all": true, "reject": true, "decline": true,
		"settings": true, "manage": true, "preferences": true, "options": true, "skip": true, "menu": true, "close": true,
		"ok": true, "okay": true, "got": true, "it": true, "open": true, "later": true, "maybe": true, "no": true,
		"thanks": true, "yes": true, "continue": true, "cancel": true, "dismiss": true, "block": true, "subscribe": true,
		"sign": true, "in": true, "up": true, "log": true, "login": true, "register": true, "agree": true, "i": true,
		"learn": true, "more": true, "app": true, "download": true, "install": true, "notify": true, "me": true,
		"search": true, "back": true, "to": true, "top": true, "browser": true, "chrome": true, "×": true, "✕": true,
		"अनुमति": true, "दें": true, "न": true, "स्वीकार": true, "करें": true, "अस्वीकार": true, "बाद": true, "में": true,
		"अभी": true, "नहीं": true, "बंद": true, "ठीक": true, "है": true, "हां": true, "हाँ": true, "खोलें": true,
		"ऐप": true, "डाउनलोड": true, "अपडेट": true, "सेटिंग्स": true, "मेनू": true, "खोजें": true, "रद्द": true,
		"गर्नुहोस्": true, "पछि": true, "स्वीकार्य": true, "करा": true, "नको": true,
	}
	controlVerbs = map[string]bool{
		"allow": true, "accept": true, "reject": true, "decline": true, "update": true, "upgrade": true, "turn": true,
		"skip": true, "close": true, "ok": true, "okay": true, "got": true, "open": true, "later": true, "thanks": true,
		"continue": true, "cancel": true, "dismiss": true, "block": true, "subscribe": true, "sign": true, "log": true,
		"login": true, "register": true, "agree": true, "learn": true, "download": true, "install": true, "notify": true,
		"अनुमति": true, "स्वीकार": true, "अस्वीकार": true, "बंद": true, "ठीक": true, "खोलें": true, "डाउनलोड": true,
		"अपडेट": true, "रद्द": true, "गर्नुहोस्": true,
	}
)

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

// init writes the vocabulary as lower folds the lines it is matched
// against: without nukta ("पढ़ें" is looked for as "पढें").
func init() {
	for _, list := range []*[]string{
		&alsoReadMarkers, &relatedNouns, &relatedMods, &relatedHeadings, &browserWords, &updateWords, &bannerPhrases,
		&socialPlatforms, &socialActions, &socialPhrases, &captionPrefixes, &bylinePrefixes, &timestampPrefixes,
		&disclaimerPrefixes, &disclaimerPhrases, &tagPrefixes, &ctaVerbs, &appWords, &getWords, &staleWords,
		&notifyWords, &notifyVerbs, &cookieWords, &consentWords, &voiceWords, &webWords, &promoWords,
		&appealWords, &readVerbs, &photoWords, &bylineLabels, &bioOpeners,
	} {
		for i, w := range *list {
			(*list)[i] = foldNukta(w)
		}
	}
	for _, set := range []map[string]bool{
		adLines, navWords, pageLabels, uiLines, controlWords, controlVerbs, platformNames, stampFiller, homeWords,
	} {
		var add []string
		for w := range set {
			if f := foldNukta(w); f != w {
				add = append(add, f)
			}
		}
		for _, f := range add {
			set[f] = true
		}
	}
}

// classify gives a line's reason by what it says, or "" when its words
// alone do not make it boilerplate. Position-based decisions come later.
func classify(text string, sh shape) string {
	if sh.words > 200 {
		// No boilerplate runs this long; a paragraph of text does.
		return ""
	}
	l := lower(text)
	t := trimBullet(l)
	if t == "" {
		return news.ReasonStrayPunctuation
	}
	if onlyPunct(text) {
		return news.ReasonStrayPunctuation
	}
	if isURL(t) {
		return news.ReasonURL
	}
	if _, ok := hasPrefixAny(t, "web title", "वेब टाइटल", "web-title", "english title"); ok && sh.words <= 40 {
		return news.ReasonWebTitle
	}
	if adLines[strings.Trim(t, " :.-")] {
		return news.ReasonAdvertisement
	}
	short := sh.words <= 40
	if uiLines[strings.Trim(t, " :.!|")] {
		return news.ReasonSocial
	}
	if pageLabels[strings.Trim(t, " :.!|")] {
		return news.ReasonNavigation
	}
	if p, ok := hasPrefixAny(t, disclaimerPrefixes...); ok && short {
		rest := strings.TrimSpace(t[len(p):])
		if p != "नोट:" && p != "note:" || hasAny(rest, disclaimerPhrases...) {
			return news.ReasonDisclaimer
		}
	}
	if short && hasAny(t, disclaimerPhrases...) && hasAny(t, "ख़बर", "खबर", "story", "feed", "फीड", "लेख", "article", "content", "विचार", "views") {
		return news.ReasonDisclaimer
	}
	if sh.words <= 30 && (strings.HasPrefix(t, "©") || strings.HasPrefix(t, "copyright") || strings.HasPrefix(t, "(c)") ||
		hasAny(t, "all rights reserved", "सर्वाधिकार सुरक्षित", "कॉपीराइट ©", "copyright ©", "© copyright")) {
		return news.ReasonCopyright
	}
	// Banners by class: browser, notifications, cookies, app. A sentence
	// about them is news unless the site speaks in it to the reader.
	// The site's voice is looked for only in lines on a banner's topic.
	voiceDone, voiceVal := false, false
	voice := func() bool {
		if !voiceDone {
			voiceDone, voiceVal = true, sh.words <= 40 && siteVoice(t)
		}
		return voiceVal
	}
	if sh.words <= 30 && hasWord(t, browserWords...) && (voice() || !sh.sentence && (hasAny(t, updateWords...) || hasAny(t, staleWords...))) {
		return news.ReasonBanner
	}
	if sh.words <= 30 && hasAny(t, bannerPhrases...) {
		return news.ReasonBanner
	}
	if sh.words <= 30 && hasAny(t, notifyWords...) && (voice() || !sh.sentence && hasAny(t, notifyVerbs...)) {
		return news.ReasonBanner
	}
	if sh.words <= 40 && hasAny(t, cookieWords...) && (voice() || !sh.sentence && hasAny(t, consentWords...)) {
		return news.ReasonBanner
	}
	if sh.words <= 45 && hasWord(t, appWords...) && hasAny(t, getWords...) &&
		(!sh.sentence || sh.words <= 25 && voice() || sh.words <= 25 && imperative(t) || len(meta.FindOutlets(text)) > 0) {
		return news.ReasonBanner
	}
	if !sh.sentence && sh.words <= 40 && hasSuffixAny(strings.TrimRight(t, " .!:|"), downloadEnds...) {
		// "… की ताजा खबरों के लिए डाउनलोड करें": a promotion ending in
		// the request.
		return news.ReasonBanner
	}
	if !sh.sentence && sh.words <= 4 && hasWord(t, appWords...) && appLabel(text) {
		return news.ReasonBanner
	}
	if sh.words >= 2 && sh.words <= 6 && controlsOnly(t) {
		return news.ReasonBanner
	}
	if readLink(t, sh) {
		return news.ReasonAlsoRead
	}
	if readTime(t, sh) {
		return news.ReasonNavigation
	}
	if sh.words <= 8 && !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "।") {
		if _, ok := hasPrefixAny(t, ctaVerbs...); ok && sh.latin > sh.deva {
			return news.ReasonSocial
		}
	}
	if _, ok := hasPrefixAny(t, alsoReadMarkers...); ok && sh.words <= 40 {
		return news.ReasonAlsoRead
	}
	if p, ok := hasPrefixAny(t, "पढें:", "पढें-", "पढें :", "पढें –", "read:", "watch video", "वीडियो देखें"); ok && p != "" && sh.words <= 30 && !sh.sentence {
		return news.ReasonAlsoRead
	}
	if aiNote(t, sh) {
		return news.ReasonDisclaimer
	}
	if isRelatedHeading(t, sh) {
		return news.ReasonRelated
	}
	if sh.words <= 15 && hasEmail(t) && hasAny(t, "comment", "letter", "write", "feedback", "contact", "mail", "संपर्क", "लिखें", "भेजें", "राय") {
		return news.ReasonSocial
	}
	if sh.words <= 35 && promoLine(text, t) {
		return news.ReasonSocial
	}
	if sh.words <= 20 && platformList(t) {
		return news.ReasonSocial
	}
	if sh.words <= 60 && socialCall(t, sh) {
		return news.ReasonSocial
	}
	if sh.words <= 25 {
		if _, ok := hasPrefixAny(t, captionPrefixes...); ok {
			return news.ReasonCaption
		}
	}
	if captionCredit(text, t, sh) || photoLead(text, t, sh) {
		return news.ReasonCaption
	}
	if hashtagList(t, sh) {
		return news.ReasonTags
	}
	if authorHeading(t) {
		return news.ReasonByline
	}
	if listenLabel(t, sh) || preferredSource(t, sh) {
		return news.ReasonSocial
	}
	if wireContribution(t, sh) {
		return news.ReasonCredit
	}
	if _, ok := hasPrefixAny(t, tagPrefixes...); ok && sh.words <= 40 && !sh.sentence && (strings.HasPrefix(t, "tags") && (len(t) == 4 || t[4] == ':' || t[4] == ' ') || !strings.HasPrefix(t, "tags")) {
		return news.ReasonTags
	}
	if sh.words <= 30 {
		if p, ok := hasPrefixAny(strings.TrimLeft(t, "("), bylinePrefixes...); ok && bylineRest(strings.TrimLeft(text, "( "), p, sh) {
			return news.ReasonByline
		}
		if r := timestampLine(text, t); r != "" {
			return r
		}
		if relativeTime(t, sh) {
			return news.ReasonTimestamp
		}
		if bylineInside(t, sh) {
			return news.ReasonByline
		}
	}
	if sh.words <= 12 && isCredit(text, t) {
		return news.ReasonCredit
	}
	if sh.words >= 2 && sh.words <= 5 && !sh.sentence && deskCredit(t) {
		return news.ReasonByline
	}
	if sh.words <= 8 && !sh.sentence {
		if kind, _, desk, ok := meta.LeadName(text); ok {
			if kind == meta.LeadAgency {
				return news.ReasonCredit
			}
			if desk || sh.words <= 4 {
				return news.ReasonByline
			}
		}
	}
	if isNavigation(text, t, sh) {
		return news.ReasonNavigation
	}
	return ""
}

// socialCall reports a call to share, follow or subscribe: a social
// phrase, or a platform with an action. In Latin text these are whole
// words ("share on", not "a share on revenue"), and a sentence of prose
// ("… shared on the Twitter handle of the ministry") is one only when the
// site speaks in it to the reader or it opens with a request.
func socialCall(t string, sh shape) bool {
	both := func(has func(string, ...string) bool) bool {
		return has(t, socialPlatforms...) && has(t, socialActions...) && (sh.words <= 25 || !sh.sentence)
	}
	if !hasAny(t, socialPhrases...) && !both(hasAny) {
		return false
	}
	if sh.latin <= sh.deva {
		return true
	}
	if !hasWordForm(t, socialPhrases...) && !both(hasWordForm) {
		return false
	}
	return !sh.sentence || sh.words < 6 || imperative(t) || siteVoice(t)
}

// platformNames are social platforms as share and follow bars list them.
var platformNames = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "instagram": true, "youtube": true, "whatsapp": true,
	"telegram": true, "linkedin": true, "email": true, "e-mail": true, "threads": true, "koo": true, "reddit": true,
	"pinterest": true, "google news": true, "sharechat": true, "फेसबुक": true, "ट्विटर": true, "एक्स": true,
	"इंस्टाग्राम": true, "इन्स्टाग्राम": true, "इंस्टा": true, "यूट्यूब": true, "युट्युब": true, "यूट्युब": true,
	"व्हाट्सएप": true, "व्हाट्सऐप": true, "वॉट्सऐप": true, "वाट्सऐप": true, "वॉट्सएप": true, "व्हॉट्सॲप": true,
	"टेलीग्राम": true, "टेलिग्राम": true, "लिंक्डइन": true, "ईमेल": true, "कू": true,
}

// platformList reports a bar of two or more social platforms, with or
// without a label: "शेयर करें: WhatsApp | Facebook | X", "फेसबुक। एक्स।
// इन्स्टाग्राम".
func platformList(t string) bool {
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
		} else if len(strings.Fields(it)) > 3 {
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

// promoWords are the words of a site's promotion of itself.
var promoWords = []string{
	"latest news", "breaking news", "news updates", "latest updates", "catch all", "get all the", "stay updated",
	"stay tuned", "stay informed", "अपडेट रहें", "अपडेट रहने",
	"ताजा खबर", "ताज़ा खबर", "लेटेस्ट खबर", "लेटेस्ट न्यूज", "ब्रेकिंग न्यूज", "हिंदी न्यूज", "हिन्दी न्यूज",
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
	return n >= 2 || n == 1 && len(meta.FindOutlets(text)) > 0
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

// bylineRest reports whether the words after "By" (prefix p) look like a
// credit: a short line whose next word is a name (capitalised, or in
// Devanagari), not a sentence going on ("By the end of …").
func bylineRest(text, p string, sh shape) bool {
	if sh.words > 20 || (sh.sentence && sh.words > 8 && !strings.ContainsAny(text, "|")) {
		return false
	}
	fields := strings.Fields(trimBullet(text))
	n := len(strings.Fields(p))
	for n < len(fields) && strings.Trim(fields[n], ":-–") == "" {
		n++
	}
	if n >= len(fields) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(fields[n], ":-–"))
	return unicode.IsUpper(r) || (r >= 0x900 && r <= 0x97f)
}

// timestampLine reports a line that is a date or time with at most a label
// and a few words around it ("Updated: …", "Publish Date: …", "19 मार्च
// 2021"), or a byline carrying one.
func timestampLine(text, t string) string {
	if len(text) > 600 {
		return ""
	}
	stamps := meta.FindTimes(text)
	if len(stamps) == 0 {
		return ""
	}
	if _, ok := hasPrefixAny(t, timestampPrefixes...); ok {
		return news.ReasonTimestamp
	}
	// What is left besides the stamps, labels and punctuation.
	rest := text
	for i := len(stamps) - 1; i >= 0; i-- {
		rest = rest[:stamps[i].Start] + " " + rest[stamps[i].End:]
	}
	words := 0
	for _, w := range strings.FieldsFunc(lower(rest), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r)
	}) {
		if !stampFiller[w] {
			words++
		}
	}
	if words <= 3 {
		return news.ReasonTimestamp
	}
	// A credit with its time: "X ब्यूरो, लुधियाना | 21 अक्टूबर 2025".
	if words <= 6 && creditAround(rest) {
		return news.ReasonByline
	}
	// A short line with a time label and a stamp: a credit line carrying
	// times ("न्यूज डेस्क, … Published by: … Updated Mon, 12 Feb 2024").
	if words <= 25 {
		for _, st := range stamps {
			if st.Label != meta.Unlabelled {
				if hasAny(" "+t+" ", " by ", " by:", " द्वारा", "reported", "written") {
					return news.ReasonByline
				}
				return news.ReasonTimestamp
			}
		}
	}
	return ""
}

// creditAround reports whether what a time line says besides its stamps
// is a desk's credit or a place.
func creditAround(rest string) bool {
	for _, part := range strings.FieldsFunc(rest, func(r rune) bool { return strings.ContainsRune("|,।:;", r) }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if !deskCredit(lower(part)) && meta.Place(part) == "" && !deskWords[lower(part)] {
			if kind, _, _, ok := meta.LeadName(part); !ok || kind != meta.LeadAgency && kind != meta.LeadOutlet {
				return false
			}
		}
	}
	return true
}

// relativeTime reports a line such as "Updated 2 hours ago" or "3 घंटे पहले".
func relativeTime(t string, sh shape) bool {
	if sh.words > 6 {
		return false
	}
	hasNum := strings.ContainsAny(t, "0123456789०१२३४५६७८९") || hasAny(t, "an hour", "a day", "एक ")
	return hasNum && hasAny(t, " ago", " पहले", " पूर्व") &&
		hasAny(t, "min", "hour", "hr", "day", "week", "मिनट", "घंटे", "घंटा", "दिन", "सप्ताह", "second", "सेकंड")
}

// stampFiller are words that go with timestamps and say nothing else.
var stampFiller = map[string]bool{
	"updated": true, "published": true, "publish": true, "date": true, "on": true, "at": true,
	"last": true, "ist": true, "first": true, "posted": true, "time": true, "hrs": true,
	"प्रकाशित": true, "अपडेट": true, "अपडेटेड": true, "तिथि": true, "तारीख": true, "दिनांक": true,
	"समय": true, "बजे": true, "modified": true, "पब्लिश": true, "edited": true,
}

// isCredit reports a short line that only credits inputs or an agency:
// "(इनपुट: भाषा)", "(With inputs from PTI)", "- IANS", "(एजेंसी)".
func isCredit(text, t string) bool {
	core := strings.Trim(t, " ()[]-–—:.|।")
	for _, p := range []string{"source:", "agency:", "स्रोत:", "एजेंसी:", "साभार:", "courtesy:", "इनपुट:", "input:", "inputs:", "sources:"} {
		if strings.HasPrefix(core, p) {
			core = strings.TrimSpace(core[len(p):])
			if core != "" && (meta.Agency(core) != "" || strings.HasPrefix(p, "इनपुट") || strings.HasPrefix(p, "input")) {
				return true
			}
			// "Source: Al Jazeera and news agencies".
			if core != "" && (len(meta.FindOutlets(text)) > 0 || len(meta.FindAgencies(text)) > 0 || hasAny(core, "agencies", "एजेंसियां", "एजेंसी")) {
				return true
			}
		}
	}
	if core == "" {
		return false
	}
	if meta.Agency(core) != "" {
		return true
	}
	if hasAny(t, "इनपुट", "inputs", "input", "एजेंसी", "agency", "agencies", "एजेंसियां", "भाषा", "वार्ता") &&
		(strings.HasPrefix(strings.TrimSpace(text), "(") || strings.HasPrefix(t, "इनपुट") || strings.HasPrefix(t, "with inputs") || strings.HasPrefix(t, "input")) {
		return true
	}
	return false
}

// isRelatedHeading reports a short heading over a list of other stories.
func isRelatedHeading(t string, sh shape) bool {
	if sh.words > 7 || sh.sentence && !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "...") && !strings.HasSuffix(t, "…") {
		return false
	}
	t = strings.Trim(t, " :-–|»>")
	if hasAny(t, relatedHeadings...) {
		return true
	}
	if sh.words <= 4 && hasAny(t, "trending", "ट्रेंडिंग", "ट्रेन्डिंग", "popular", "लोकप्रिय", "must read", "editor's pick", "more stories", "more news") {
		return true
	}
	return hasAny(t, relatedNouns...) && hasAny(t, relatedMods...)
}

// menuWords reports a menu written with spaces only: every word (or pair
// of words) a section's name or a place ("Karnataka Bengaluru India World
// Opinion Sports").
func menuWords(t string) bool {
	ws := strings.Fields(t)
	for i := 0; i < len(ws); {
		if i+1 < len(ws) {
			pair := ws[i] + " " + ws[i+1]
			if navWords[pair] || meta.Place(pair) != "" {
				i += 2
				continue
			}
		}
		if !navWords[ws[i]] && meta.Place(ws[i]) == "" {
			return false
		}
		i++
	}
	return true
}

// homeWords name a site's home page, where breadcrumbs start.
var homeWords = map[string]bool{"home": true, "होम": true, "मुख्य पृष्ठ": true, "मुखपृष्ठ": true, "गृहपृष्ठ": true, "गृह": true, "homepage": true}

// navSeparators split breadcrumb and menu items; the danda is there
// because normalisation turns a pipe after Devanagari into one.
const navSeparators = ">»›/|•·।"

// isNavigation reports breadcrumbs ("होम > देश > उत्तर प्रदेश"), menus of
// short items, and lone section words.
func isNavigation(text, t string, sh shape) bool {
	if sh.sentence || sh.words > 25 {
		return false
	}
	if navWords[strings.Trim(t, " :")] {
		return true
	}
	if sh.words >= 3 && sh.words <= 12 && !strings.ContainsAny(t, ",.:;!?") && menuWords(t) {
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
		if len(items) == 2 && menuItem(items[0]) && menuItem(items[1]) {
			return true
		}
		return false
	}
	known := 0
	for _, it := range items {
		it = strings.TrimSpace(it)
		if len(strings.Fields(it)) > 4 {
			return false
		}
		if navWords[it] {
			known++
		}
	}
	return known >= 1 || len(items) >= 4
}

// hashtagList reports a line of hashtags, with or without a label:
// "Trending Topics: #… #… #…".
func hashtagList(t string, sh shape) bool {
	if sh.words > 40 || strings.Count(t, "#") < 2 {
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
