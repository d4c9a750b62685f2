package clean

// The credit and time-line rules of classify: bylines, time stamps and
// the credits of inputs and agencies.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/internal/datetime"
	"khabar/internal/lexicon"
	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/press"
)

// bylineRest reports whether the words after "By" (prefix p) look like a
// credit: a short line whose next word is a name (capitalised, or in
// Devanagari), not a sentence going on ("By the end of …").
func (lim *Limits) bylineRest(text, p string, sh shape) bool {
	if sh.words > lim.BylineRest || (sh.sentence && sh.words > lim.BylineSentence && !strings.ContainsAny(text, "|")) {
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
func (lim *Limits) timestampLine(text, t string) string {
	if len(text) > lim.StampBytes {
		return ""
	}
	stamps := datetime.FindTimes(text)
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
	for _, w := range strings.FieldsFunc(normalize.LineFold.String(rest), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) && !unicode.Is(unicode.Mc, r)
	}) {
		if !stampFiller[w] {
			words++
		}
	}
	if words <= lim.StampWords {
		return news.ReasonTimestamp
	}
	// A credit with its time: "X ब्यूरो, लुधियाना | 21 अक्टूबर 2025".
	if words <= lim.StampCredit && creditAround(rest) {
		return news.ReasonByline
	}
	// A short line with a time label and a stamp: a credit line carrying
	// times ("न्यूज डेस्क, … Published by: … Updated Mon, 12 Feb 2024").
	if words <= lim.StampLine {
		for _, st := range stamps {
			if st.Label != datetime.Unlabelled {
				if hasAny(" "+t+" ", byWords...) {
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
		if !deskCredit(normalize.LineFold.String(part)) && press.Place(part) == "" && !press.DeskWord(normalize.LineFold.String(part)) {
			if kind, _, _, ok := press.LeadName(part); !ok || kind != press.LeadAgency && kind != press.LeadOutlet {
				return false
			}
		}
	}
	return true
}

// relativeTime reports a line such as "Updated 2 hours ago" or "3 घंटे पहले".
func (lim *Limits) relativeTime(t string, sh shape) bool {
	if sh.words > lim.RelativeTime {
		return false
	}
	hasNum := hasDigit(t) || sh.ln.any(t, agoNumbers)
	return hasNum && sh.ln.any(t, agoWords) &&
		sh.ln.any(t, agoUnits)
}

// byWords make a time line a byline ([clean.by-words]).
var byWords = vocab(lexicon.CleanByWords)

// creditLabels open a credit line: a source label before an agency, an
// input label before anything ([clean.source-labels], [clean.input-labels]).
var creditLabels = func() []struct {
	label string
	input bool
} {
	var out []struct {
		label string
		input bool
	}
	for _, c := range []lexicon.Class{lexicon.CleanSourceLabels, lexicon.CleanInputLabels} {
		for _, l := range vocab(c) {
			out = append(out, struct {
				label string
				input bool
			}{l, c == lexicon.CleanInputLabels})
		}
	}
	return out
}()

// inputOpeners start a line of inputs ([clean.input-openers]).
var inputOpeners = vocab(lexicon.CleanInputOpeners)

// wholeTagPrefixes are tag prefixes that count as whole words only
// ([clean.whole-tag-prefixes]).
var wholeTagPrefixes = vocab(lexicon.CleanWholeTagPrefixes)

// wholeTagPrefix reports whether t, a line opening with a tag prefix, does
// not open with a whole-word-only prefix run on into a longer word.
func wholeTagPrefix(t string) bool {
	for _, p := range wholeTagPrefixes {
		if strings.HasPrefix(t, p) {
			return len(t) == len(p) || t[len(p)] == ':' || t[len(p)] == ' '
		}
	}
	return true
}

// stampFiller are words that go with timestamps and say nothing else.
var stampFiller = vocabSet(lexicon.CleanStampFiller)

// isCredit reports a short line that only credits inputs or an agency:
// "(इनपुट: भाषा)", "(With inputs from PTI)", "- IANS", "(एजेंसी)".
func isCredit(text, t string, sh shape) bool {
	core := strings.Trim(t, " ()[]-–—:.|।")
	for _, p := range creditLabels {
		if strings.HasPrefix(core, p.label) {
			core = strings.TrimSpace(core[len(p.label):])
			if core != "" && (press.Agency(core) != "" || p.input) {
				return true
			}
			// "Source: Al Jazeera and news agencies".
			if core != "" && (len(press.FindOutlets(text)) > 0 || len(press.FindAgencies(text)) > 0 || hasAny(core, agencyWords...)) {
				return true
			}
		}
	}
	if core == "" {
		return false
	}
	if press.Agency(core) != "" {
		return true
	}
	if sh.ln.any(t, inputWords) &&
		(strings.HasPrefix(strings.TrimSpace(text), "(") || hasPrefixOf(t, inputOpeners)) {
		return true
	}
	return false
}
