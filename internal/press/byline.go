package press

import (
	"regexp"
	"strings"

	"khabar/internal/datetime"
	"khabar/internal/normalize"
)

// creditPrefixes open an author credit; they are cut off the names.
var creditPrefixes = []string{
	"written by", "reported by", "reporting by", "additional reporting by", "authored by", "story by",
	"text by", "curated by", "compiled by", "writing by", "by", "द्वारा", "लेखक", "लेखिका", "रिपोर्टर",
	"रिपोर्ट", "author", "reporter", "बाय", "agency", "एजेंसी", "source", "स्रोत",
}

// creditStops end the names in a credit: a time label, an editor's or
// producer's credit.
var creditStops = []string{
	"edited by", "editing by", "published by", "posted by", "updated", "published", "last updated",
	"first published", "प्रकाशित", "अपडेट", "एडिटेड बाय", "संपादक", "published on", "posted on",
	"publish date", "publish", "updated date", "date:", "तारीख", "दिनांक",
}

// ReadByline splits a byline line into person or desk names, outlets and
// agencies: "By Lokjeewan Daily - 03-11-2025" names an outlet, "By भाषा"
// an agency, "By Asha Rao and Vikram Sen, New Delhi" two people (the place
// is dropped), "न्यूज डेस्क, अमर उजाला, लखनऊ Published by: …" a desk and
// an outlet. Editors' and producers' credits are not bylines.
func ReadByline(s string) (names, outlets, agencies []string) {
	for _, seg := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '।' || r == ';' || r == '\n' || r == '/' }) {
		seg = strings.TrimSpace(seg)
		ls := strings.ToLower(seg)
		for _, p := range creditPrefixes {
			if strings.HasPrefix(ls, p) && (len(ls) == len(p) || !isWordByte(ls[len(p)])) {
				seg, ls = seg[len(p):], ls[len(p):]
				break
			}
		}
		cut := len(seg)
		for _, stop := range creditStops {
			if i := strings.Index(ls, stop); i >= 0 && i < cut {
				cut = i
			}
		}
		if st := datetime.FindTimes(seg); len(st) > 0 && st[0].Start < cut {
			cut = st[0].Start
		}
		seg = strings.Trim(strings.TrimSpace(seg[:cut]), " ,-–:|")
		if seg == "" {
			continue
		}
		for _, part := range splitNames(seg) {
			part = strings.Trim(part, " :-–@")
			if i := strings.IndexByte(part, '@'); i >= 0 {
				part = strings.TrimSpace(part[:i])
			}
			if part == "" || Place(part) != "" {
				continue
			}
			if kind, name, desk, ok := LeadName(part); ok {
				if kind == LeadAgency {
					agencies = append(agencies, name)
				} else {
					outlets = append(outlets, part)
					if desk {
						names = append(names, part)
					}
				}
				continue
			}
			if outletLike(part) && !hasDeskWord(part) {
				outlets = append(outlets, part)
				continue
			}
			ws := splitWords(part)
			if len(ws) < 2 && !hasDeskWord(part) || len(ws) > 5 || strings.ContainsAny(part, "0123456789") {
				continue
			}
			names = append(names, part)
		}
	}
	return names, outlets, agencies
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

var nameSplit = regexp.MustCompile(`\s*(?:,|&|\band\b|\sऔर\s|\sएवं\s|\sव\s)\s*`)

func splitNames(s string) []string {
	var out []string
	for _, p := range nameSplit.Split(s, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// DeskOutlet returns the outlet a desk credit names in Devanagari
// ("मगध टाइम्स डेस्क" → "मगध टाइम्स"), when the rest reads as an outlet's
// name.
func DeskOutlet(credit string) string {
	ws := strings.Fields(credit)
	n := len(ws)
	for n > 0 && deskTail[normalize.WordFold.String(ws[n-1])] {
		n--
	}
	if n == len(ws) || n == 0 {
		return ""
	}
	name := strings.Join(ws[:n], " ")
	if !MostlyDevanagari(name) {
		return ""
	}
	for _, w := range ws[:n] {
		if outletWords[normalize.WordFold.String(w)] || loanWords[w] != "" {
			return name
		}
	}
	return ""
}
