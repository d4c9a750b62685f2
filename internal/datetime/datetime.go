// Package datetime is khabar's one date and time recogniser for what pages
// print: RFC 3339 and ISO timestamps (also malformed ones), "March 19,
// 2021 20:59 IST", "19 मार्च 2021", "१९ डिसेंबर २०२५", day-first numeric
// dates, and dateline dates without a year ("19 मार्च"). Month and weekday
// names and day number words come from the language packs
// (internal/lexicon), so a language added there is read here too. Times
// without a zone are India Standard Time (news.IST).
//
// It reads in three ways, over one month table, one calendar (ValidDate,
// DaysIn), one ISO reader (ReadISO) and one order of numeric dates
// (NumericDate): FindTimes word by word (meta, clean, press and the input
// readers: source, fetch, api), ScanDates year first (the extract stage,
// over a page's visible text and declared timestamps), and ReadISO and
// NumericDate alone for the time-expression stage (timex), whose token
// matcher reads the relative and partial expressions on top.
package datetime

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"khabar/internal/lexicon"
	"khabar/internal/news"
	"khabar/internal/normalize"
)

// IST is India Standard Time, a fixed +05:30 zone named "IST". Every "IST"
// on a page means this zone: Go's time package and go-dateparser read the
// abbreviation as Israel or Irish time, so this package never asks them.
var IST = news.IST

// assumedIST is IST taken for a clock time the page printed without a
// zone: the same offset, a zone of its own, so that a later step can tell
// an assumption from a stated zone (Zoneless) and move the wall clock to
// the outlet's own zone (InZone).
var assumedIST = time.FixedZone("IST", 5*3600+30*60)

// Zoneless reports whether t is a clock time read without a zone (taken
// as IST).
func Zoneless(t time.Time) bool { return t.Location() == assumedIST }

// InZone returns the zoneless time t with its wall clock read in loc
// instead of IST; any other time is returned as it is.
func InZone(t time.Time, loc *time.Location) time.Time {
	if !Zoneless(t) || loc == nil {
		return t
	}
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
}

// Precision says how much of a Stamp the page gave.
type Precision int

// Precisions, coarsest first.
const (
	// PrecisionDay: only the date; the time is midnight IST.
	PrecisionDay Precision = iota + 1
	// PrecisionMinute: date, hour and minute.
	PrecisionMinute
	// PrecisionSecond: date and time to the second (machine timestamps).
	PrecisionSecond
)

// Label says what a page said a time is.
type Label int

// Labels a timestamp can carry.
const (
	// Unlabelled: a bare date or timestamp.
	Unlabelled Label = iota
	// Published: after "Published", "Publish Date", "प्रकाशित", "Posted", ….
	Published
	// Updated: after "Updated", "Last Updated", "अपडेट", "Modified", ….
	Updated
)

// Stamp is one date or date-time found in a string.
type Stamp struct {
	// Time is the instant, in IST unless the page named another offset.
	// A date without a time is midnight IST.
	Time time.Time
	// Precision says how much of Time the page gave.
	Precision Precision
	// Label is what the page called it.
	Label Label
	// Start and End are the byte span of the stamp in the input.
	Start, End int
}

// ParseTime parses s as one date or date-time, as pages write them:
// RFC 3339 (also with a malformed offset such as "+5:30"), "March 19, 2021
// 20:59 IST", "19 मार्च 2021", "१९ मार्च २०२१", day-first numeric dates
// ("03-11-2025" is 3 November), "Sun, 10 Jun 2018 07:40 PM (IST)". A label
// ("Updated: …") may precede it. Times without a zone are taken as IST. It
// reports false when s holds no date.
func ParseTime(s string) (Stamp, bool) {
	st := FindTimes(s)
	if len(st) == 0 {
		return Stamp{}, false
	}
	return st[0], true
}

// FindTimes returns every date or date-time in s, in order, with the label
// that precedes each one. Dates need a year; "19 मार्च" alone is not a
// timestamp (see ParseDayMonth).
func FindTimes(s string) []Stamp {
	if len(s) > maxTimeInput {
		s = s[:maxTimeInput]
	}
	var out []Stamp
	toks := tokenize(s)
	// Machine timestamps first: they can be glued to words and to each other.
	iso := findISO(s)
	isoAt := 0
	prevEnd := 0
	for i := 0; i < len(toks); {
		if isoAt < len(iso) && toks[i].start >= iso[isoAt].Start {
			st := iso[isoAt]
			st.Label = labelBetween(toks, prevEnd, st.Start)
			out = append(out, st)
			prevEnd = st.End
			for i < len(toks) && toks[i].start < st.End {
				i++
			}
			isoAt++
			continue
		}
		if st, next, ok := matchDate(s, toks, i); ok {
			if isoAt < len(iso) && st.End > iso[isoAt].Start {
				i++
				continue
			}
			st.Label = labelBetween(toks, prevEnd, st.Start)
			out = append(out, st)
			prevEnd = st.End
			i = next
			continue
		}
		i++
	}
	for ; isoAt < len(iso); isoAt++ {
		st := iso[isoAt]
		st.Label = labelBetween(toks, prevEnd, st.Start)
		out = append(out, st)
		prevEnd = st.End
	}
	return out
}

// maxTimeInput bounds the text FindTimes reads: timestamps sit in short
// lines, and the bound keeps a hostile input cheap.
const maxTimeInput = 4096

// tokKind is the class of a token.
type tokKind uint8

const (
	tokNum tokKind = iota + 1
	tokWord
	tokPunct
)

type token struct {
	kind       tokKind
	start, end int
	// text is the lower-cased word, or the punctuation rune.
	text string
	// num is the value of a number; digits its length.
	num, digits int
}

// DigitValue reads ASCII and Devanagari digits (normalize.DigitValue, for
// those two scripts only: dates on Indian pages use no others).
func DigitValue(r rune) (int, bool) {
	v := normalize.DevanagariDigit(r)
	if r < 0x80 {
		v = normalize.DigitValue(r)
	}
	return v, v >= 0
}

// IsDeva reports a Devanagari code point. Words end where the script
// changes, so glued text such as "पटनाPublished" reads as two words.
func IsDeva(r rune) bool { return r >= 0x900 && r <= 0x97f }

// IsWordRune reports a letter or sign of a word as the recogniser reads
// words: Latin and Devanagari letters and signs, not dandas or digits.
func IsWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 0x900 && r <= 0x963, r >= 0x971 && r <= 0x97f:
		// Devanagari letters and signs (not the danda or the digits).
		return true
	case r >= 0x964 && r <= 0x970:
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// tokenize splits s into numbers, words and punctuation; spaces separate.
func tokenize(s string) []token {
	// about two tokens a space (a word and a mark), not one per three bytes
	toks := make([]token, 0, 2*strings.Count(s, " ")+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := DigitValue(r); ok {
			j, n, d := i, 0, 0
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				v, ok := DigitValue(r2)
				if !ok {
					break
				}
				if d < 9 {
					n = n*10 + v
				}
				d++
				j += sz
			}
			toks = append(toks, token{kind: tokNum, start: i, end: j, num: n, digits: d})
			i = j
			continue
		}
		if IsWordRune(r) {
			j := i
			deva := IsDeva(r)
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !IsWordRune(r2) || IsDeva(r2) != deva {
					break
				}
				j += sz
			}
			toks = append(toks, token{kind: tokWord, start: i, end: j, text: normalize.WordFold.String(s[i:j])})
			i = j
			continue
		}
		if !unicode.IsSpace(r) && r != utf8.RuneError {
			toks = append(toks, token{kind: tokPunct, start: i, end: i + size, text: s[i : i+size]})
		}
		i += size
	}
	return toks
}

// monthNames and weekdayNames are the month and weekday names of every
// language pack, keyed as tokenize keys words (lower case, no nukta), and
// dayWords the number words of the Devanagari packs for the days of a
// month ("चार जून").
var monthNames, weekdayNames, dayWords = buildNames()

func buildNames() (map[string]int, map[string]bool, map[string]int) {
	months, weekdays, days := map[string]int{}, map[string]bool{}, map[string]int{}
	key := normalize.WordFold.String
	for _, l := range lexicon.Langs() {
		p := lexicon.Get(l)
		for _, c := range []lexicon.Class{lexicon.Month, lexicon.MonthAbbr, lexicon.MonthShort} {
			for _, e := range p.Entries(c) {
				months[key(e.Text)] = e.Int()
			}
		}
		for _, c := range []lexicon.Class{lexicon.Weekday, lexicon.WeekdayAbbr} {
			for _, e := range p.Entries(c) {
				weekdays[key(e.Text)] = true
			}
		}
		if l == lexicon.English {
			continue
		}
		for _, e := range p.Entries(lexicon.NumberWord) {
			if v := e.Float(); v >= 1 && v <= 31 && v == float64(int(v)) {
				days[key(e.Text)] = int(v)
			}
		}
	}
	return months, weekdays, days
}

// MonthOf returns the month a word names (1–12), or 0; the word is keyed by
// normalize.WordFold.
func MonthOf(w string) int { return monthNames[normalize.WordFold.String(w)] }

// zoneOffsets are the zone words pages print, in seconds east of UTC. IST
// is India's; the ambiguous "CST" is left out on purpose.
var zoneOffsets = map[string]int{
	"ist": 19800, "gmt": 0, "utc": 0, "z": 0, "bst": 3600, "cet": 3600, "cest": 7200,
	"est": -18000, "edt": -14400, "pst": -28800, "pdt": -25200, "msk": 10800,
	"jst": 32400, "pkt": 18000, "npt": 20700, "aest": 36000, "sgt": 28800, "hkt": 28800,
}

// monthOf returns the month a word names (0 when none). Abbreviations may
// carry the Devanagari abbreviation sign or a dot, handled by the caller.
func monthOf(t token) int {
	if t.kind != tokWord {
		return 0
	}
	return monthNames[t.text]
}

func ordinalSuffix(t token) bool {
	return t.kind == tokWord && (t.text == "st" || t.text == "nd" || t.text == "rd" || t.text == "th")
}

func isPunct(t token, set string) bool {
	return t.kind == tokPunct && strings.Contains(set, t.text)
}

// matchDate tries a human-written date (with an optional time after or
// before it) starting at token i. It returns the stamp and the index of the
// first token after it.
func matchDate(s string, toks []token, i int) (Stamp, int, bool) {
	var y, m, d int
	start := toks[i].start
	j := i
	// Optional weekday: "Sun," "शुक्रवार,".
	if toks[j].kind == tokWord && weekdayNames[toks[j].text] {
		j++
		if j < len(toks) && isPunct(toks[j], ",.") {
			j++
		}
		if j >= len(toks) {
			return Stamp{}, 0, false
		}
	}
	skipAbbr := func(k int) int {
		if k < len(toks) && isPunct(toks[k], ".॰") {
			return k + 1
		}
		return k
	}
	t := toks[j]
	switch {
	case t.kind == tokNum && t.digits <= 2:
		k := j + 1
		if k < len(toks) && ordinalSuffix(toks[k]) {
			k++
		}
		// Numeric d-m-y.
		if k+3 < len(toks) && isPunct(toks[k], "-/.") &&
			toks[k+1].kind == tokNum && toks[k+1].digits <= 2 && toks[k+2].text == toks[k].text &&
			toks[k+3].kind == tokNum && toks[k+3].digits == 4 &&
			adjacent(toks, j, k+3) {
			y, m, d, _, _ = NumericDate([3]int{t.num, toks[k+1].num, toks[k+3].num}, [3]int{t.digits, toks[k+1].digits, 4})
			j = k + 4
			break
		}
		// "14.02.26, 05:42 AM": a two-digit year, believed only with a
		// time after it.
		if k+3 < len(toks) && isPunct(toks[k], "./") &&
			toks[k+1].kind == tokNum && toks[k+1].digits <= 2 && toks[k+2].text == toks[k].text &&
			toks[k+3].kind == tokNum && toks[k+3].digits == 2 && adjacent(toks, j, k+3) {
			kk := k + 4
			for kk < len(toks) && isPunct(toks[kk], ",|-") {
				kk++
			}
			if _, _, _, _, _, _, ok := matchClock(toks, kk); ok {
				y, m, d, _, _ = NumericDate([3]int{t.num, toks[k+1].num, toks[k+3].num}, [3]int{t.digits, toks[k+1].digits, 2})
				y += 2000
				j = k + 4
				break
			}
		}
		// "19 March 2021", "19 मार्च, 2021", "10/Jun/2025", "12-Jun-2025".
		sep := ""
		if k+1 < len(toks) && isPunct(toks[k], "-/") && monthOf(toks[k+1]) > 0 && adjacent(toks, j, k+1) {
			sep = toks[k].text
			k++
		}
		if k < len(toks) && monthOf(toks[k]) > 0 {
			m = monthOf(toks[k])
			k = skipAbbr(k + 1)
			if sep != "" {
				if k >= len(toks) || toks[k].text != sep {
					return Stamp{}, 0, false
				}
				k++
			}
			if k < len(toks) && isPunct(toks[k], ",") {
				k++
			}
			if k < len(toks) && toks[k].kind == tokNum && toks[k].digits == 4 {
				d, y = t.num, toks[k].num
				j = k + 1
				break
			}
		}
		// A time first, then the date: "08:59 PM IST, 19 Mar 2021".
		if hh, mm, ss, prec, zone, k2, ok := matchClock(toks, j); ok {
			k3 := k2
			for k3 < len(toks) && isPunct(toks[k3], ",|-") {
				k3++
			}
			if k3 < len(toks) {
				if st, next, ok := matchDate(s, toks, k3); ok && st.Precision == PrecisionDay {
					yy, mo, dd := st.Time.Date()
					return Stamp{
						Time:      time.Date(yy, mo, dd, hh, mm, ss, 0, zone),
						Precision: prec, Start: start, End: st.End,
					}, next, true
				}
			}
		}
		return Stamp{}, 0, false
	case monthOf(t) > 0:
		// "March 19, 2021".
		m = monthOf(t)
		k := skipAbbr(j + 1)
		if k < len(toks) && toks[k].kind == tokNum && toks[k].digits <= 2 {
			d = toks[k].num
			k++
			if k < len(toks) && ordinalSuffix(toks[k]) {
				k++
			}
			if k < len(toks) && isPunct(toks[k], ",") {
				k++
			}
			if k < len(toks) && toks[k].kind == tokNum && toks[k].digits == 4 {
				y = toks[k].num
				j = k + 1
				break
			}
		}
		return Stamp{}, 0, false
	case t.kind == tokNum && t.digits == 4:
		// "2025/11/03" (year first, slashes or dots; dashes are ISO's).
		k := j + 1
		if k+3 < len(toks) &&
			isPunct(toks[k], "/.") && toks[k+1].kind == tokNum && toks[k+1].digits <= 2 &&
			toks[k+2].text == toks[k].text && toks[k+3].kind == tokNum && toks[k+3].digits <= 2 &&
			adjacent(toks, j, k+3) {
			y, m, d, _, _ = NumericDate([3]int{t.num, toks[k+1].num, toks[k+3].num}, [3]int{4, toks[k+1].digits, toks[k+3].digits})
			j = k + 4
			break
		}
		return Stamp{}, 0, false
	default:
		return Stamp{}, 0, false
	}
	if !ValidDate(y, m, d) {
		return Stamp{}, 0, false
	}
	st := Stamp{Time: time.Date(y, time.Month(m), d, 0, 0, 0, 0, IST), Precision: PrecisionDay, Start: start, End: toks[j-1].end}
	// An optional time after the date: ", 08:59 PM (IST)", " at 20:59 IST".
	k := j
	for n := 0; n < 3 && k < len(toks); n++ {
		if isPunct(toks[k], ",|-–(·•/") || (toks[k].kind == tokWord && (toks[k].text == "at" || toks[k].text == "on" || toks[k].text == "बजे")) ||
			(toks[k].kind == tokWord && weekdayNames[toks[k].text]) {
			k++
			continue
		}
		break
	}
	if hh, mm, ss, prec, zone, next, ok := matchClock(toks, k); ok {
		st.Time = time.Date(y, time.Month(m), d, hh, mm, ss, 0, zone)
		st.Precision = prec
		st.End = toks[next-1].end
		j = next
	}
	return st, j, true
}

// adjacent reports whether tokens i..k touch each other with no space
// between them, as in "03-11-2025".
func adjacent(toks []token, i, k int) bool {
	for n := i; n < k; n++ {
		if toks[n].end != toks[n+1].start {
			return false
		}
	}
	return true
}

// matchClock reads "20:59", "08:59 PM", "8.59 pm", "20:59:41 IST", "02:40 PM
// (IST)" at token i. It returns hour, minute, second, precision, zone and
// the index after it.
func matchClock(toks []token, i int) (hh, mm, ss int, prec Precision, zone *time.Location, next int, ok bool) {
	if i+2 >= len(toks) || toks[i].kind != tokNum || toks[i].digits > 2 || !isPunct(toks[i+1], ":.") ||
		toks[i+2].kind != tokNum || toks[i+2].digits != 2 {
		return
	}
	hh, mm = toks[i].num, toks[i+2].num
	prec = PrecisionMinute
	k := i + 3
	if k+1 < len(toks) && isPunct(toks[k], ":") && toks[k+1].kind == tokNum && toks[k+1].digits == 2 {
		ss = toks[k+1].num
		prec = PrecisionSecond
		k += 2
	}
	// AM/PM: "PM", "p.m.", "पूर्वाह्न", "अपराह्न".
	if k < len(toks) && toks[k].kind == tokWord {
		ampm := ""
		switch toks[k].text {
		case "am", "पूर्वाह्न", "सुबह":
			ampm, k = "am", k+1
		case "pm", "अपराह्न", "शाम", "दोपहर":
			ampm, k = "pm", k+1
		case "a", "p":
			if k+2 < len(toks) && isPunct(toks[k+1], ".") && toks[k+2].text == "m" {
				ampm = toks[k].text + "m"
				k += 3
				if k < len(toks) && isPunct(toks[k], ".") {
					k++
				}
			}
		}
		switch ampm {
		case "am":
			if hh == 12 {
				hh = 0
			}
		case "pm":
			if hh < 12 {
				hh += 12
			}
		}
		if ampm != "" && hh > 23 {
			return
		}
	}
	if hh > 23 || mm > 59 || ss > 60 {
		return
	}
	zone = assumedIST
	// Zone: "IST", "(IST)", "GMT+5:30", "+05:30".
	z := k
	if z < len(toks) && isPunct(toks[z], "(") {
		z++
	}
	if z < len(toks) && toks[z].kind == tokWord {
		if off, found := zoneOffsets[toks[z].text]; found {
			zone = zoneFor(off)
			z++
			if z < len(toks) && isPunct(toks[z], ")") {
				z++
			}
			k = z
		}
	}
	if k+1 < len(toks) && isPunct(toks[k], "+-") && toks[k+1].kind == tokNum {
		sign := 1
		if toks[k].text == "-" {
			sign = -1
		}
		h, m2, n := 0, 0, 0
		switch {
		case toks[k+1].digits == 4:
			h, m2, n = toks[k+1].num/100, toks[k+1].num%100, 2
		case toks[k+1].digits <= 2 && k+3 < len(toks) && isPunct(toks[k+2], ":") && toks[k+3].kind == tokNum && toks[k+3].digits == 2:
			h, m2, n = toks[k+1].num, toks[k+3].num, 4
		}
		if n > 0 && h <= 14 && m2 < 60 {
			zone = zoneFor(sign * (h*3600 + m2*60))
			k += n
		}
	}
	return hh, mm, ss, prec, zone, k, true
}

// zoneFor returns IST for +05:30 and UTC for 0, else a fixed zone.
func zoneFor(off int) *time.Location {
	switch off {
	case 19800:
		return IST
	case 0:
		return time.UTC
	}
	return time.FixedZone("", off)
}

// ValidDate reports whether y-m-d is a calendar date between 1900 and 2100.
func ValidDate(y, m, d int) bool {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= DaysIn(y, m)
}

// labelWords name what a timestamp is; the nearest one before a stamp wins.
var labelWords = map[string]Label{
	"published": Published, "publish": Published, "posted": Published, "प्रकाशित": Published,
	"पब्लिश": Published, "पब्लिश्ड": Published, "created": Published, "released": Published,
	"updated": Updated, "update": Updated, "modified": Updated, "अपडेट": Updated,
	"अपडेटेड": Updated, "अद्यतन": Updated, "संशोधित": Updated, "edited": Updated,
}

// labelBetween finds the last label word among the tokens in [from, to).
func labelBetween(toks []token, from, to int) Label {
	l := Unlabelled
	for _, t := range toks {
		if t.start < from {
			continue
		}
		if t.start >= to {
			break
		}
		if t.kind == tokWord {
			if v, ok := labelWords[t.text]; ok {
				l = v
			}
		}
	}
	return l
}

// findISO finds machine timestamps: 2021-03-19, 2021-03-19T20:59:41+05:30,
// also glued to words or to each other and with a one-digit offset hour
// ("+5:30"), as some sites print them.
func findISO(s string) []Stamp {
	var out []Stamp
	lastEnd := -1
	for i := 0; i+10 <= len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && i != lastEnd && isDigit(s[i-1])) {
			continue
		}
		st, n, ok := parseISOAt(s, i)
		if !ok {
			continue
		}
		out = append(out, st)
		i += n - 1
		lastEnd = i + 1
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitsAt reads exactly n ASCII digits at s[i:].
func digitsAt(s string, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for k := i; k < i+n; k++ {
		if !isDigit(s[k]) {
			return 0, false
		}
		v = v*10 + int(s[k]-'0')
	}
	return v, true
}

// parseISOAt parses an ISO 8601 date or date-time at s[i:] and returns its
// length.
func parseISOAt(s string, i int) (Stamp, int, bool) {
	v, ok := ReadISO(s[i:])
	if !ok || v.Year < 1900 || v.Year > 2100 {
		return Stamp{}, 0, false
	}
	y, m, d := v.Year, v.Month, v.Day
	k := i + 10
	st := Stamp{Time: time.Date(y, time.Month(m), d, 0, 0, 0, 0, IST), Precision: PrecisionDay, Start: i}
	if v.Clock {
		p := k + 6
		ss, prec := 0, PrecisionMinute
		if v.Second >= 0 && v.Second <= 60 {
			ss, prec, p = v.Second, PrecisionSecond, p+3
			if p < len(s) && s[p] == '.' {
				p++
				for p < len(s) && isDigit(s[p]) {
					p++
				}
			}
		}
		zone := assumedIST
		switch {
		case p < len(s) && s[p] == 'Z':
			zone, p = time.UTC, p+1
		case p+1 < len(s) && (s[p] == '+' || s[p] == '-'):
			if off, n := parseOffset(s[p:]); n > 0 {
				zone, p = zoneFor(off), p+n
			}
		}
		st.Time = time.Date(y, time.Month(m), d, v.Hour, v.Minute, ss, 0, zone)
		st.Precision = prec
		k = p
	}
	st.End = k
	return st, k - i, true
}

// parseOffset reads "+05:30", "+0530", "+5:30", "-04:00" and returns the
// offset in seconds and the bytes read (0 when none).
func parseOffset(s string) (int, int) {
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	var h, m, n int
	switch {
	case len(s) >= 6 && isDigit(s[1]) && isDigit(s[2]) && s[3] == ':' && isDigit(s[4]) && isDigit(s[5]):
		h, _ = digitsAt(s, 1, 2)
		m, _ = digitsAt(s, 4, 2)
		n = 6
	case len(s) >= 5 && isDigit(s[1]) && s[2] == ':' && isDigit(s[3]) && isDigit(s[4]):
		h = int(s[1] - '0')
		m, _ = digitsAt(s, 3, 2)
		n = 5
	case len(s) >= 5 && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]) && isDigit(s[4]):
		h, _ = digitsAt(s, 1, 2)
		m, _ = digitsAt(s, 3, 2)
		n = 5
	case len(s) >= 3 && isDigit(s[1]) && isDigit(s[2]):
		h, _ = digitsAt(s, 1, 2)
		n = 3
	default:
		return 0, 0
	}
	if h > 14 || m > 59 {
		return 0, 0
	}
	return sign * (h*3600 + m*60), n
}

// ParseDayMonth reads a date without a year at the start of s, as datelines
// write it: "19 मार्च", "March 12", "१९ मार्च", "चार जून". It returns day, month and
// the bytes read.
func ParseDayMonth(s string) (day, month, n int, ok bool) {
	toks := tokenize(s)
	// "Dec. 5": the point of an abbreviated month.
	if len(toks) >= 3 && monthOf(toks[0]) > 0 && isPunct(toks[1], ".") {
		toks = append(toks[:1:1], toks[2:]...)
	}
	if len(toks) < 2 {
		return 0, 0, 0, false
	}
	switch {
	case toks[0].kind == tokNum && toks[0].digits <= 2 && monthOf(toks[1]) > 0:
		day, month, n = toks[0].num, monthOf(toks[1]), toks[1].end
	case toks[0].kind == tokWord && dayWords[toks[0].text] > 0 && monthOf(toks[1]) > 0:
		// "चार जून", as PTI-Bhasha datelines write the day.
		day, month, n = dayWords[toks[0].text], monthOf(toks[1]), toks[1].end
	case monthOf(toks[0]) > 0 && toks[1].kind == tokNum && toks[1].digits <= 2:
		day, month, n = toks[1].num, monthOf(toks[0]), toks[1].end
	default:
		return 0, 0, 0, false
	}
	if day < 1 || day > 31 {
		return 0, 0, 0, false
	}
	return day, month, n, true
}
