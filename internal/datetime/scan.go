package datetime

import (
	"strings"
	"time"

	"khabar/internal/lexicon"
	"khabar/internal/normalize"
)

// scanLabels are the packs' scan-label entries: what ScanDates looks for,
// as parts of words, just before a date (FindTimes reads the whole words
// of stamp-label).
var scanLabels = func() (out []scanLabel) {
	for _, l := range lexicon.Langs() {
		for _, e := range lexicon.Get(l).Entries(lexicon.ScanLabel) {
			out = append(out, scanLabel{strings.ToLower(normalize.FoldNukta(e.Text)), map[string]Label{"published": Published, "updated": Updated}[e.Value]})
		}
	}
	return out
}()

type scanLabel struct {
	text  string
	label Label
}

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
// that follows it when there is one: "5 March 2025", "5 मार्च 2025",
// "March 5, 2025", "2025-03-05", "05-03-2025" (day first, as written in
// India). It reads at most limit dates. Dates are found from their year, so
// text without years costs one pass over its bytes; around a year, the
// recogniser's grammar (Names.Date) reads the date that ends with it.
// Years run from 1990 to the year after ref's (the clock's when ref is
// zero), so the same page reads the same whenever it is read again.
func ScanDates(text string, limit int, ref time.Time) []Dated {
	if ref.IsZero() {
		ref = time.Now()
	}
	lastYear := ref.Year() + 1
	text = foldDigits(text)
	var out []Dated
	last := 0 // end of the last date found
	for i := 0; i+4 <= len(text) && len(out) < limit; i++ {
		if i < last || !isYearAt(text, i) {
			continue
		}
		y, mo, d, start, end, clock, ok := dateAt(text, i, last, lastYear)
		if !ok {
			continue
		}
		last, i = end, end-1
		f := Dated{Label: labelBefore(text, start), Time: time.Date(y, time.Month(mo), d, 0, 0, 0, 0, IST)}
		if clock != nil {
			f.HasTime, f.Time = true, time.Date(y, time.Month(mo), d, clock.hh, clock.mm, clock.ss, 0, clock.zone)
		}
		out = append(out, f)
	}
	return out
}

// scanBack and scanAhead are the bytes around a year that ScanDates
// tokenises: a date starts at most a weekday's and a month's length before
// its year, and a time follows within a few marks.
const scanBack, scanAhead = 40, 48

// dateAt reads the date whose year is at text[i:i+4] and starts at or
// after from, and the time of day written after it: the date's parts, its
// byte range, the clock (nil when none).
func dateAt(text string, i, from, lastYear int) (y, mo, d, start, end int, clock *stampTime, ok bool) {
	ws := max(from, i-scanBack)
	for ws > from && ws < len(text) && text[ws]&0xC0 == 0x80 {
		ws++
	}
	we := min(len(text), i+4+scanAhead)
	for we < len(text) && text[we]&0xC0 == 0x80 {
		we++
	}
	toks := tokenize(text[ws:we])
	yt := -1
	for k, t := range toks {
		if t.Start == i-ws {
			yt = k
			break
		}
	}
	if yt < 0 {
		return
	}
	valid := func(y, m, d int) bool { return y >= 1990 && y <= lastYear && ValidDate(y, m, d) }
	// The earliest start whose date ends with this year; a year first
	// starts it.
	for s := max(0, yt-6); s <= yt; s++ {
		dt, found := stampNames.date(toks, s)
		if !found || dt.TwoDigitYear || dt.Day == 0 {
			continue
		}
		if dt.End != yt+1 && !(dt.Numeric && s == yt) {
			continue
		}
		if !valid(dt.Year, dt.Month, dt.Day) {
			return
		}
		y, mo, d, start, end = dt.Year, dt.Month, dt.Day, ws+toks[s].Start, ws+toks[dt.End-1].End
		clock = scanClockAfter(toks, dt.End)
		return y, mo, d, start, end, clock, true
	}
	return
}

// scanClockAfter reads the time of day written after a date that ends at
// token j: ", 06:42 PM IST", "T20:59:41+5:30", " at 9.05 am".
func scanClockAfter(toks []Token, j int) *stampTime {
	for n := 0; n < 6 && j < len(toks); n++ {
		t := toks[j]
		if isPunctTok(toks, j, ",|-–") || t.Kind == Word && (t.Key == "t" && !toks[j].Space || stampNames.links[t.Key]) {
			j++
			continue
		}
		break
	}
	c, ok := ReadClock(toks, j)
	if !ok {
		return nil
	}
	m, k := stampNames.Meridiem(toks, c.End, true)
	h := c.Hour
	if m != "" {
		if h < 1 || h > 12 {
			return nil
		}
		h = ApplyMeridiem(h, m)
	}
	if h > 23 {
		return nil
	}
	st := &stampTime{hh: h, mm: c.Minute, ss: c.Second, zone: IST, end: k}
	if loc, next, ok := stampNames.Zone(toks, k); ok {
		st.zone, k = loc, next
	}
	return st
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
	for _, l := range scanLabels {
		if j := strings.LastIndex(before, l.text); j > where {
			best, where = l.label, j
		}
	}
	return best
}

// ScanStamp reads one machine-written timestamp (a meta tag or JSON-LD
// value) as ScanDates reads dates: RFC 3339 and its common variants, or
// any date ScanDates knows with the time after it (ref as ScanDates's).
// ok is false when s holds no date.
func ScanStamp(s string, ref time.Time) (t time.Time, hasTime, ok bool) {
	s = strings.TrimSpace(s)
	fs := ScanDates(s, 1, ref)
	if len(fs) == 0 {
		return time.Time{}, false, false
	}
	return fs[0].Time, fs[0].HasTime, true
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
