package cleaneval

import (
	"strings"
	"unicode"
)

// This file is the evaluation's own idea of boilerplate, written apart
// from the cleaner so the cleaner is not graded by its own rules: classes
// of lines any reader would cut from an article (a browser or cookie
// banner, a control's label, a share prompt, a copyright line, …), named
// by their vocabulary class and shape.

// Boilerplate kinds boilerKind reports.
const (
	kindCopyright = "copyright"
	kindBanner    = "banner"
	kindUI        = "ui-label"
	kindSocial    = "social"
	kindAlsoRead  = "also-read"
	kindRelated   = "related-heading"
	kindList      = "related-list"
	kindWebTitle  = "web-title"
	kindURL       = "url"
	kindNav       = "navigation"
	kindByline    = "byline"
	kindCaption   = "caption"
	kindDisclaim  = "disclaimer"
	kindMasthead  = "masthead"
)

var (
	evalCopyright = []string{"©", "copyright", "all rights reserved", "सर्वाधिकार", "अधिकार सुरक्षित", "हक्क राखीव", "कॉपीराइट"}
	evalBrowser   = []string{"browser", "ब्राउज़र", "ब्राउजर", "ब्राउसर"}
	evalCookie    = []string{"cookie", "कुकी", "कुकिज", "कुकीज"}
	evalNotify    = []string{"notification", "नोटिफिकेशन", "alerts"}
	evalApp       = []string{" app", "app ", "ऐप", "एप ", "एप्लिकेशन", "अ\u200dॅप", "अॅप", " एप"}
	evalGetApp    = []string{"download", "install", "get the", "open", "read in", "डाउनलोड", "इंस्टॉल", "इंस्टाल", "पढ़ें", "पढे", "गर्नुहोस्", "करा"}
	evalNewslet   = []string{"newsletter", "न्यूज़लेटर", "न्यूजलेटर", "inbox"}
	evalPlatforms = []string{
		"facebook", "twitter", "instagram", "youtube", "whatsapp", "telegram", "linkedin", "google news", "email",
		"फेसबुक", "ट्विटर", "इंस्टाग्राम", "इन्स्टाग्राम", "यूट्यूब", "युट्युब", "व्हाट्सऐप", "व्हाट्सएप", "टेलीग्राम", "एक्स", "x",
	}
	evalShare    = []string{"share", "follow", "शेयर", "फॉलो", "फलो", "जुड़ें", "जुडें", "जोडलेले", "साथ जुड़", "channel", "चैनल"}
	evalAlsoRead = []string{
		"also read", "read also", "read more", "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "यह भी पढ़े", "ये भी पढ़े",
		"हेही वाचा", "हे पण वाचा", "यो पनि पढ्नुहोस्", "यो पनि पढ्नुस्", "और पढ़ें", "also watch", "must read",
	}
	evalRelated = []string{
		"related", "संबंधित", "सम्बंधित", "सम्बन्धित", "संबन्धित", "इससे जुड़ी", "इससे जुड़े", "more stories", "more from",
		"और भी", "top stories", "you may also like", "trending", "most read", "सबसे ज्यादा पढ़", "अन्य खबरें", "अन्य ख़बरें",
		"ताज़ा ख़बरें", "ताजा खबरें", "more news", "latest news", "other stories",
	}
	evalUI = []string{
		"allow", "don't allow", "do not allow", "block", "not now", "turn on", "update now", "update", "accept", "accept all",
		"reject", "reject all", "settings", "manage preferences", "preferences", "got it", "ok", "okay", "close", "skip",
		"skip ad", "menu", "open", "later", "maybe later", "no thanks", "continue", "subscribe", "sign in", "log in", "login",
		"search", "dismiss", "agree", "i agree", "yes", "no", "स्वीकार करें", "स्वीकार", "अस्वीकार", "बाद में", "अनुमति दें",
		"अनुमति न दें", "बंद करें", "स्वीकार गर्नुहोस्", "पछि", "मेनू", "खोजें", "listen", "सुनें", "print", "share",
	}
	evalNav      = []string{"home", "होम", "मुख्य पृष्ठ", "मुखपृष्ठ", "गृहपृष्ठ"}
	evalCaption  = []string{"फोटो:", "photo:", "तस्वीर:", "image:", "चित्र:", "फोटो :", "photo :", "file photo", "फाइल फोटो", "(photo", "(फोटो"}
	evalDisclaim = []string{"syndicated feed", "सिंडिकेट फीड", "एजेंसी फीड", "agency feed", "संपादित नहीं", "not been edited", "auto-generated", "की फीड से", "फीड से प्रकाशित"}
	evalStamp    = []string{"updated", "published", "publish date", "प्रकाशित", "अपडेट", "edited by", "posted on", "last modified"}
)

// boilerKind names the boilerplate class a line falls in by itself, or ""
// when it reads as article text.
func boilerKind(line string) string {
	l := strings.ToLower(strings.Join(strings.Fields(line), " "))
	if l == "" {
		return ""
	}
	words := len(strings.Fields(l))
	sentence := fullSentence(line)
	switch {
	case words == 1 && (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.")):
		return kindURL
	case strings.HasPrefix(l, "web title") || strings.HasPrefix(l, "वेब टाइटल"):
		return kindWebTitle
	case words <= 30 && containsAny(l, evalCopyright...):
		return kindCopyright
	case words <= 40 && (containsAny(l, evalDisclaim...) || hasPrefix(l, "disclaimer", "डिस्क्लेमर", "अस्वीकरण")):
		return kindDisclaim
	case words <= 40 && (containsAny(l, evalBrowser...) || containsAny(l, evalCookie...)):
		return kindBanner
	case words <= 25 && (strings.Contains(l, "notifications") || containsAny(l, evalNotify...) && containsAny(l, "turn on", "allow", "enable", "push", "get ")):
		return kindBanner
	case words <= 25 && containsAny(" "+l+" ", evalApp...) && containsAny(l, evalGetApp...):
		return kindBanner
	case words <= 25 && containsAny(l, evalNewslet...):
		return kindBanner
	case words <= 8 && uiOnly(l):
		return kindUI
	case hasPrefix(l, evalAlsoRead...) && words <= 30:
		return kindAlsoRead
	case words <= 6 && !sentence && containsAny(l, evalRelated...):
		return kindRelated
	case words <= 25 && socialLine(l):
		return kindSocial
	case words <= 25 && hasPrefix(l, evalCaption...):
		return kindCaption
	case words <= 30 && (!sentence || hasPrefix(l, evalStamp...) || hasPrefix(l, "by ")) && bylineShape(l):
		return kindByline
	case words <= 20 && !sentence && navShape(l):
		return kindNav
	case words <= 10 && creditShape(l):
		return kindByline
	}
	return ""
}

func containsAny(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func hasPrefix(s string, pre ...string) bool {
	t := strings.TrimLeft(s, " -–—•*>»")
	for _, p := range pre {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// uiOnly reports a line made only of control labels ("Allow Don't
// Allow", "Accept | Reject | Settings").
func uiOnly(l string) bool {
	t := strings.Map(func(r rune) rune {
		if r == '|' || r == '·' || r == '•' || r == '/' {
			return ' '
		}
		return r
	}, l)
	t = strings.Join(strings.Fields(strings.Trim(t, " .!:")), " ")
	labels := append([]string(nil), evalUI...)
	// Longest first, so "don't allow" is not read as "don't" + "allow".
	for i := range labels {
		for j := i + 1; j < len(labels); j++ {
			if len(labels[j]) > len(labels[i]) {
				labels[i], labels[j] = labels[j], labels[i]
			}
		}
	}
	n := 0
	for t != "" {
		ok := false
		for _, lab := range labels {
			if t == lab || strings.HasPrefix(t, lab+" ") {
				t = strings.TrimSpace(t[len(lab):])
				ok = true
				n++
				break
			}
		}
		if !ok {
			return false
		}
	}
	return n > 0
}

// socialLine reports a share or follow prompt, or a list of platforms.
func socialLine(l string) bool {
	platforms := 0
	for _, p := range strings.FieldsFunc(l, func(r rune) bool { return r == '|' || r == ',' || r == ':' || r == '।' }) {
		p = strings.TrimSpace(strings.Trim(p, " ."))
		for _, q := range evalPlatforms {
			if p == q || strings.HasSuffix(p, " "+q) || strings.HasPrefix(p, q+" ") {
				platforms++
				break
			}
		}
	}
	if platforms >= 2 {
		return true
	}
	return platforms >= 1 && containsAny(l, evalShare...) || containsAny(l, "google news") && containsAny(l, evalShare...)
}

// bylineShape reports a credit or time line: "By X | Updated: …",
// "Edited By: …", "Published: …".
func bylineShape(l string) bool {
	if strings.HasPrefix(l, "by ") || strings.HasPrefix(l, "edited by") || strings.HasPrefix(l, "written by") {
		return true
	}
	if !containsDigit(l) {
		return false
	}
	if containsAny(l, evalStamp...) {
		return true
	}
	// "Agency | Place | 20 Nov 2025": pieces and a year.
	return strings.Count(l, "|") >= 1 && len(strings.Fields(l)) <= 14 && hasYear(l)
}

// navShape reports a breadcrumb or a menu: "Home > States > X", "होम /
// विदेश", "A | B | C | D" of short items.
func navShape(l string) bool {
	if hasPrefix(l, evalNav...) && strings.ContainsAny(l, "/>›»|") {
		return true
	}
	items := strings.FieldsFunc(l, func(r rune) bool { return r == '|' || r == '›' || r == '»' || r == '>' || r == '।' })
	if len(items) < 4 {
		return false
	}
	for _, it := range items {
		if len(strings.Fields(it)) > 3 {
			return false
		}
	}
	return true
}

// creditShape reports an agency credit or a wire desk's sign-off:
// "(इनपुट: भाषा)", "(With inputs from PTI)", "भाषा सुरेश मनीषा".
func creditShape(l string) bool {
	t := strings.Trim(l, "() ")
	if strings.HasPrefix(t, "इनपुट") || strings.HasPrefix(t, "with inputs") || strings.HasPrefix(t, "inputs") {
		return true
	}
	f := strings.Fields(l)
	return len(f) >= 2 && len(f) <= 5 && (f[0] == "भाषा" || f[0] == "पीटीआई-भाषा") && !containsAny(l, "।", ".", ",")
}

func containsDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func hasYear(s string) bool {
	run := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// boilerLines classifies every line of a page: boilerKind for each, the
// short lines under a related heading (or a bare also-read marker) as its
// list, up to the next full sentence, and short lines naming the outlet
// the copyright line names (the masthead).
func boilerLines(lines []string) []string {
	kinds := make([]string, len(lines))
	for i, l := range lines {
		kinds[i] = boilerKind(l)
	}
	for i := 0; i < len(lines); i++ {
		open := kinds[i] == kindRelated ||
			kinds[i] == kindAlsoRead && len(strings.Fields(strings.Trim(lines[i], " :-–"))) <= 3
		if !open {
			continue
		}
		for j := i + 1; j < len(lines) && kinds[j] != kindRelated; j++ {
			if kinds[j] != "" {
				continue
			}
			// Headlines in the list may end in a question or a quote;
			// a statement ends it.
			if t := strings.TrimSpace(lines[j]); fullSentence(t) && (strings.HasSuffix(t, "।") || strings.HasSuffix(t, ".")) {
				break
			}
			kinds[j] = kindList
		}
	}
	var names []string
	for i, l := range lines {
		if kinds[i] == kindCopyright {
			if n := copyrightName(l); n != "" {
				names = append(names, n)
			}
		}
	}
	for i, l := range lines {
		if kinds[i] != "" || fullSentence(l) || len(strings.Fields(l)) > 8 {
			continue
		}
		for _, n := range names {
			if strings.Contains(strings.ToLower(fold(l)), n) {
				kinds[i] = kindMasthead
			}
		}
	}
	return kinds
}

// copyrightName is the outlet a copyright line names: the line without
// the sign, years, rights phrases and links, when a few words are left.
func copyrightName(l string) string {
	t := strings.ToLower(fold(l))
	if i := strings.IndexAny(t, "|"); i >= 0 {
		// "© 2025 X. All rights reserved. | Privacy" keeps its first part
		// unless the name is alone before the bar.
		if !containsAny(t[:i], evalCopyright...) {
			t = t[i+1:]
		} else {
			t = t[:i]
		}
	}
	for _, p := range []string{"all rights reserved", "सर्वाधिकार सुरक्षित", "सभी अधिकार सुरक्षित", "सबै अधिकार सुरक्षित", "सर्व हक्क राखीव", "copyright", "©"} {
		t = strings.ReplaceAll(t, p, " ")
	}
	t = strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || strings.ContainsRune(".।|,()", r) {
			return ' '
		}
		return r
	}, t)
	t = strings.Join(strings.Fields(t), " ")
	if n := len(strings.Fields(t)); n == 0 || n > 4 {
		return ""
	}
	return t
}
