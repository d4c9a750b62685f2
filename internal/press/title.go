package press

import (
	"net/url"
	"strings"
	"unicode"

	"khabar/internal/datetime"
	"khabar/internal/normalize"
)

// titleSeps are the separators a page puts between a headline and what it
// appends to it.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " । "}

// StripSiteSuffix removes what a page appends to its headline in a title
// tag: a trailing " | Site Name", " - Site Name", " – Site Name" when the
// tail names site, an outlet the table knows, or reads as a site's name
// ("Hindi News"), and a trailing date (" – DW – 07.03.2024"), as long as a
// headline of three words or more is left. Several such tails are all
// removed.
func StripSiteSuffix(t, site string) string { return stripTails(t, site, "") }

// stripTails is StripSiteSuffix that also knows the page's URL, whose host
// names the site too ("Samachar Darpan" on samachardarpan.in).
func stripTails(t, site, pageURL string) string {
	for {
		s := stripTail(t, site, pageURL)
		if s == t {
			return t
		}
		t = s
	}
}

// stripTail removes one appended tail, or returns t.
func stripTail(t, site, pageURL string) string {
	for _, sep := range titleSeps {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+len(sep):])
		if len(strings.Fields(head)) < 3 {
			continue
		}
		if isSiteTail(tail, site, pageURL) || isDateTail(tail) {
			return head
		}
	}
	return t
}

// isSiteTail reports whether the tail of a title names the site: its
// og:site_name, an outlet the table knows (the same outlet as the site's
// when both are known), the URL's host, or a short name that reads as a
// site's.
func isSiteTail(tail, site, pageURL string) bool {
	if site != "" && strings.EqualFold(collapse(tail), collapse(site)) {
		return true
	}
	if len(strings.Fields(tail)) > 5 {
		return false
	}
	if Outlet(tail) != "" || siteWords(tail) {
		return true
	}
	// An outlet's edition: "Outlook India", "Scroll English".
	if ws := splitWords(tail); len(ws) >= 2 && editionWords[ws[len(ws)-1].text] && Outlet(tail[:ws[len(ws)-1].start]) != "" {
		return true
	}
	if label := hostLabel(pageURL); label != "" {
		k := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, tail)
		return k == label
	}
	return false
}

// editionWords follow an outlet's name to name one of its editions.
var editionWords = map[string]bool{
	"india": true, "english": true, "online": true, "digital": true, "world": true, "international": true,
	"इंडिया": true, "ऑनलाइन": true, "डिजिटल": true,
}

// hostLabel is the first label of a URL's host without "www." ("dw" for
// https://www.dw.com/hi/…), or "".
func hostLabel(pageURL string) string {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	label, _, _ := strings.Cut(host, ".")
	return label
}

// isDateTail reports whether a title's tail is only a date (and perhaps a
// time or a label): "07.03.2024", "March 7, 2024", "Updated: 7 मार्च 2024".
func isDateTail(tail string) bool {
	st := datetime.FindTimes(tail)
	if len(st) != 1 {
		return false
	}
	rest := splitWords(tail[:st[0].Start] + " " + tail[st[0].End:])
	return len(rest) == 0 || st[0].Label != datetime.Unlabelled && len(rest) <= 3
}

// siteWords reports a short tail such as "Hindi News", "NDTV India", "Latest
// Hindi News", "jagran.com".
func siteWords(s string) bool {
	l := strings.ToLower(normalize.FoldNukta(s))
	for _, w := range []string{"news", "न्यूज", "खबर", "समाचार", ".com", ".in", "times", "hindi", "हिंदी", "हिन्दी", "live", "today", "daily"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// kickerWords end a section kicker written before a headline: "Lucknow
// News:", "Business Live:", "Breaking:".
var kickerWords = map[string]bool{
	"news": true, "live": true, "update": true, "updates": true, "breaking": true, "exclusive": true,
	"न्यूज": true, "समाचार": true, "खबर": true, "लाइव": true, "अपडेट": true, "ब्रेकिंग": true,
}

// stripKicker removes a section kicker before a headline: a few words and
// a colon, when they end with a kicker word ("Lucknow News: …") or are
// Latin before a Devanagari headline ("Wheat Stock Limit: सरकार ने …"),
// and a headline of three words or more is left. A colon that is part of
// the headline ("Jaishankar: India will …") stays.
func stripKicker(t string) string {
	i := strings.Index(t, ": ")
	if i <= 0 {
		return t
	}
	kicker, rest := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+2:])
	kw := splitWords(kicker)
	if len(kw) == 0 || len(kw) > 4 || len(strings.Fields(rest)) < 3 || strings.ContainsAny(kicker, "\"“”'‘’") {
		return t
	}
	if kickerWords[kw[len(kw)-1].text] {
		return rest
	}
	if len(kw) >= 2 && !MostlyDevanagari(kicker) && LatinLetters(kicker) > 0 && MostlyDevanagari(rest) {
		return rest
	}
	return t
}

// PageTitle makes a title declared in a page's head a headline: appended
// site names and dates go, and so does a section kicker.
func PageTitle(t, site, pageURL string) string {
	return stripKicker(stripTails(collapse(t), site, pageURL))
}
