package datetime

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"khabar/internal/normalize"
)

// rxClock finds a time of day right after a date, with its zone when
// written: ", 06:42 PM IST", "T20:59:41+5:30", " at 9.05 am".
var rxClock = regexp.MustCompile(`(?i)^(?:\s|,|\||-|–|T|at\b){0,6}` +
	`(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\.\d+)?` + // 1 hour, 2 minute, 3 second
	`\s*([ap]\.?\s?m\b\.?)?` + // 4 am/pm
	`\s*(\(?IST\)?|Z\b|GMT|UTC|[+-]\d{1,2}:?\d{2}\b)?`) // 5 zone

// Labels that say which time a date is, looked for (as parts of words)
// just before it by ScanDates; FindTimes reads whole words (labelWords).
var (
	updatedLabels   = []string{"updated", "modified", "अपडेट", "अद्यतन", "संशोधित"}
	publishedLabels = []string{"published", "posted", "प्रकाशित", "पब्लिश", "दिनांक"}
)

// Dated is a date ScanDates found in running text.
type Dated struct {
	// Time is the date, at the time of day written after it, else
	// midnight; IST unless an offset was written.
	Time time.Time
	// HasTime is true when a time of day followed the date.
	HasTime bool
	// Label is what the words just before the date call it.
	Label Label
}

// foldDigits returns s with digits of every script made ASCII and nuktas
// dropped (so "फ़रवरी" in either form is "फरवरी"): byte offsets into the
// result are not offsets into s.
func foldDigits(s string) string { return normalize.Digits(normalize.FoldNukta(s)) }

// ScanDates is the recogniser's year-first reading of running text (the
// extract stage's, for a page's visible text and declared timestamps): it
// returns the dates written in text, in order, each with the time of day
// that follows it when there is one: "5 March 2025",
// "5 मार्च 2025", "March 5, 2025", "2025-03-05", "05-03-2025" (day first,
// as written in India). It reads at most limit dates. Dates are found from
// their year, so text without years costs one pass over its bytes.
func ScanDates(text string, limit int) []Dated {
	text = foldDigits(text)
	var out []Dated
	last := 0 // end of the last date found
	for i := 0; i+4 <= len(text) && len(out) < limit; i++ {
		if i < last || !isYearAt(text, i) {
			continue
		}
		y, mo, d, start, end, ok := dateAt(text, i)
		if !ok || start < last {
			continue
		}
		last, i = end, end-1
		f := Dated{Label: labelBefore(text, start)}
		h, mi, sec, loc := 0, 0, 0, IST
		after := text[end:min(len(text), end+48)]
		if c := rxClock.FindStringSubmatch(after); c != nil {
			var okClock bool
			if h, mi, sec, loc, okClock = scanClock(c); okClock {
				f.HasTime = true
			} else {
				h, mi, sec, loc = 0, 0, 0, IST
			}
		}
		f.Time = time.Date(y, mo, d, h, mi, sec, 0, loc)
		out = append(out, f)
	}
	return out
}

// dateAt reads the date whose year is at text[i:i+4], returning it with
// the byte range it covers.
func dateAt(text string, i int) (y int, mo time.Month, d, start, end int, ok bool) {
	y, _ = strconv.Atoi(text[i : i+4])
	valid := func(mo time.Month, d int) bool {
		return y >= 1990 && y <= time.Now().Year()+1 && ValidDate(y, int(mo), d)
	}
	// 2025-03-05
	if m, j := shortNumAt(text, i+5); i+4 < len(text) && text[i+4] == '-' && j > 0 && j < len(text) && text[j] == '-' {
		if dd, k := shortNumAt(text, j+1); k > 0 && (k == len(text) || !isDigit(text[k])) && valid(time.Month(m), dd) {
			return y, time.Month(m), dd, i, k, true
		}
	}
	// 05-03-2025, 05/03/2025, 05.03.2025
	if i > 0 && isNumSep(text[i-1]) {
		if m, j := shortNumBefore(text, i-1); j > 0 && isNumSep(text[j-1]) {
			if dd, k := shortNumBefore(text, j-1); k >= 0 && (k == 0 || !isDigit(text[k-1])) && valid(time.Month(m), dd) {
				return y, time.Month(m), dd, k, i + 4, true
			}
		}
		return 0, 0, 0, 0, 0, false
	}
	// 5 March 2025, 5 मार्च 2025, March 5, 2025, Dec. 3rd, 2024
	j := skipSepBack(text, i)
	if j == i {
		return 0, 0, 0, 0, 0, false
	}
	tok, ts := tokenBefore(text, j)
	if dd, isDay := dayNumber(tok); isDay {
		mtok, ms := tokenBefore(text, skipSepBack(text, ts))
		if m, isMonth := monthName(mtok); isMonth && valid(m, dd) {
			return y, m, dd, ms, i + 4, true
		}
		return 0, 0, 0, 0, 0, false
	}
	if m, isMonth := monthName(tok); isMonth {
		dtok, ds := tokenBefore(text, skipSepBack(text, ts))
		if dd, isDay := dayNumber(dtok); isDay && valid(m, dd) {
			return y, m, dd, ds, i + 4, true
		}
	}
	return 0, 0, 0, 0, 0, false
}

func isNumSep(c byte) bool { return c == '-' || c == '/' || c == '.' }

// shortNumAt reads one or two digits at text[i:], returning their value and
// end, or end 0 when there are none (or more than two).
func shortNumAt(text string, i int) (int, int) {
	j := i
	for j < len(text) && j-i < 3 && isDigit(text[j]) {
		j++
	}
	if j == i || j-i > 2 {
		return 0, 0
	}
	n, _ := strconv.Atoi(text[i:j])
	return n, j
}

// shortNumBefore reads one or two digits ending at text[:i], returning their
// value and start, or start -1 when there are none (or more than two).
func shortNumBefore(text string, i int) (int, int) {
	j := i
	for j > 0 && i-j < 3 && isDigit(text[j-1]) {
		j--
	}
	if j == i || i-j > 2 {
		return 0, -1
	}
	n, _ := strconv.Atoi(text[j:i])
	return n, j
}

// skipSepBack steps back from i over at most four separator bytes.
func skipSepBack(text string, i int) int {
	for n := 0; n < 4 && i > 0; n++ {
		switch text[i-1] {
		case ' ', ',', '.', '-', '/', '\t', '\n':
			i--
		default:
			return i
		}
	}
	return i
}

// tokenBefore returns the word or number that ends at text[:i] and where
// it starts: a run of ASCII letters and digits, or of Devanagari letters
// and signs.
func tokenBefore(text string, i int) (string, int) {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		isWord := (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') ||
			(r >= 0x0900 && r <= 0x097F && r != 0x0964 && r != 0x0965)
		if !isWord {
			break
		}
		j -= size
	}
	return text[j:i], j
}

// dayNumber reads "5", "05", "3rd", "21st" as a day of the month.
func dayNumber(tok string) (int, bool) {
	t := strings.ToLower(tok)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		t = strings.TrimSuffix(t, suf)
	}
	if len(t) == 0 || len(t) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(t)
	return n, err == nil
}

// monthName reads a month name of any language pack (MonthOf).
func monthName(tok string) (time.Month, bool) {
	m := MonthOf(tok)
	return time.Month(m), m > 0
}

// isYearAt reports whether text holds a year from 1900 to 2099 at i, not
// part of a longer number.
func isYearAt(text string, i int) bool {
	if (text[i] != '1' || text[i+1] != '9') && (text[i] != '2' || text[i+1] != '0') {
		return false
	}
	if !isDigit(text[i+2]) || !isDigit(text[i+3]) {
		return false
	}
	return (i == 0 || !isDigit(text[i-1])) && (i+4 == len(text) || !isDigit(text[i+4]))
}

// scanClock reads an rxClock match: hour, minute, second and zone.
func scanClock(c []string) (h, mi, s int, loc *time.Location, ok bool) {
	h, _ = strconv.Atoi(c[1])
	mi, _ = strconv.Atoi(c[2])
	if c[3] != "" {
		s, _ = strconv.Atoi(c[3])
	}
	if ampm := strings.ToLower(strings.NewReplacer(".", "", " ", "").Replace(c[4])); ampm != "" {
		if h < 1 || h > 12 {
			return 0, 0, 0, nil, false
		}
		switch {
		case ampm == "am" && h == 12:
			h = 0
		case ampm == "pm" && h != 12:
			h += 12
		}
	}
	if h > 23 || mi > 59 || s > 59 {
		return 0, 0, 0, nil, false
	}
	loc = scanZone(c[5])
	return h, mi, s, loc, true
}

// scanZone reads a zone as rxClock found it; none, or IST, is IST; an
// offset of zero is a zone of its own, not UTC (zoneFor's).
func scanZone(z string) *time.Location {
	z = strings.Trim(z, "()")
	switch strings.ToUpper(z) {
	case "", "IST":
		return IST
	case "Z", "GMT", "UTC":
		return time.UTC
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	z = strings.ReplaceAll(z[1:], ":", "")
	if len(z) < 3 {
		return IST
	}
	hh, _ := strconv.Atoi(z[:len(z)-2])
	mm, _ := strconv.Atoi(z[len(z)-2:])
	off := sign * (hh*3600 + mm*60)
	if off == 5*3600+1800 {
		return IST
	}
	return time.FixedZone("", off)
}

// labelBefore says whether the words just before position i call the date
// there the publication or the update time.
func labelBefore(text string, i int) Label {
	start := max(0, i-48)
	for start > 0 && start < len(text) && text[start]&0xC0 == 0x80 {
		start--
	}
	before := strings.ToLower(text[start:i])
	// The label nearest to the date wins.
	best, where := Unlabelled, -1
	for _, l := range updatedLabels {
		if j := strings.LastIndex(before, l); j > where {
			best, where = Updated, j
		}
	}
	for _, l := range publishedLabels {
		if j := strings.LastIndex(before, l); j > where {
			best, where = Published, j
		}
	}
	return best
}

// ScanStamp reads one machine-written timestamp (a meta tag or JSON-LD
// value) as ScanDates reads dates: RFC 3339 and its common variants, or
// any date ScanDates knows with the time after it. ok is false when s
// holds no date.
func ScanStamp(s string) (t time.Time, hasTime, ok bool) {
	s = strings.TrimSpace(s)
	fs := ScanDates(s, 1)
	if len(fs) == 0 {
		return time.Time{}, false, false
	}
	return fs[0].Time, fs[0].HasTime, true
}
