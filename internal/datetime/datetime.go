// Package datetime is khabar's one date and time recogniser: every stage
// that reads a date reads it here. It reads what pages print (RFC 3339 and
// ISO timestamps, also malformed ones, "March 19, 2021 20:59 IST", "19 मार्च
// 2021", "१९ डिसेंबर २०२५", "03-11-2025", "Sun, 10 Jun 2018 07:40 PM (IST)")
// and what articles write ("19 मार्च" without a year, "19th of March", "मार्च
// 2021"). Month and weekday names, ordinal suffixes, am/pm and half-day
// words, zones and labels come from the language packs
// (internal/lexicon), so a language added there is read here too. Times
// without a zone are India Standard Time (news.IST).
//
// The grammar reads at one token of a text: Names.Date (a calendar date in
// every order, a weekday before it or not), Numeric and NumericDate (dates
// in digits), Year, ReadClock (a time of day in digits), Names.Meridiem and
// Names.Zone; ReadISO reads ISO 8601. Tokens are Token values: FindTimes
// makes them here, the time-expression stage (timex) from textscan's.
// ValidDate, ValidDay and DaysIn are the one calendar.
//
// The readings differ only in what they keep of what the grammar reads:
//   - FindTimes (meta, clean, press and the input readers: source, fetch,
//     api) reads printed timestamps word by word, with the names of every
//     pack: a day, a month and a year from 1900 to 2100, the time printed
//     before or after it, its zone and its label ("Updated:"); AttachTime
//     gives a date the clock printed right after it;
//   - ScanDates (the extract stage, over a page's visible text and declared
//     timestamps) finds years first and reads the date that ends at each,
//     from 1990 to the year after a reference time;
//   - timex reads dates at its own tokens with the names of the article's
//     language, and resolves them, and the relative expressions it reads on
//     top, against the publication date.
package datetime

import (
	"time"

	"khabar/internal/news"
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
		if isoAt < len(iso) && toks[i].Start >= iso[isoAt].Start {
			st := iso[isoAt]
			st.Label = labelBetween(toks, prevEnd, st.Start)
			out = append(out, st)
			prevEnd = st.End
			for i < len(toks) && toks[i].Start < st.End {
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

// matchDate reads a printed date (with an optional time after or before
// it) at token i with the recogniser's grammar (Names.Date, ReadClock) and
// keeps what a timestamp must be: a day, a month and a year from 1900 to
// 2100; a two-digit year ("14.02.26") only with a time after it; year
// first only with slashes or dots (dashes are ISO's). It returns the stamp
// and the index of the first token after it.
func matchDate(s string, toks []Token, i int) (Stamp, int, bool) {
	n := stampNames
	if d, ok := n.Date(toks, i); ok {
		return stampOf(toks, d)
	}
	// A time first, then the date: "08:59 PM IST, 19 Mar 2021".
	j := i
	if toks[j].Kind == Word {
		if _, ok := n.Weekday(toks, j); !ok {
			return Stamp{}, 0, false
		}
		j++
		if isPunctTok(toks, j, ",.") {
			j++
		}
	}
	if c, ok := stampClock(toks, j); ok {
		k := c.end
		for isPunctTok(toks, k, ",|-") {
			k++
		}
		if d, ok := n.Date(toks, k); ok {
			if st, next, ok := stampOf(toks, d); ok && st.Precision == PrecisionDay {
				yy, mo, dd := st.Time.Date()
				return Stamp{
					Time:      time.Date(yy, mo, dd, c.hh, c.mm, c.ss, 0, c.zone),
					Precision: c.prec, Start: toks[i].Start, End: st.End,
				}, next, true
			}
		}
	}
	return Stamp{}, 0, false
}

// stampOf keeps date d if a timestamp may be written so, with the time
// printed after it.
func stampOf(toks []Token, d Date) (Stamp, int, bool) {
	y, j := d.Year, d.End
	switch {
	case d.Day == 0 || y == 0:
		return Stamp{}, 0, false
	case d.TwoDigitYear:
		k := j
		for isPunctTok(toks, k, ",|-") {
			k++
		}
		if _, ok := stampClock(toks, k); !ok || d.Sep == "-" {
			return Stamp{}, 0, false
		}
		y += 2000
	case d.Numeric && toks[d.Start].Digits == 4 && d.Sep == "-":
		return Stamp{}, 0, false
	}
	if !ValidDate(y, d.Month, d.Day) {
		return Stamp{}, 0, false
	}
	st := Stamp{Time: time.Date(y, time.Month(d.Month), d.Day, 0, 0, 0, 0, IST), Precision: PrecisionDay,
		Start: toks[d.Start].Start, End: toks[j-1].End}
	// An optional time after the date: ", 08:59 PM (IST)", " at 20:59 IST".
	k := j
	for n := 0; n < 3 && k < len(toks); n++ {
		if isPunctTok(toks, k, ",|-–(·•/") || toks[k].Kind == Word && stampNames.links[toks[k].Key] {
			k++
			continue
		}
		if _, ok := stampNames.Weekday(toks, k); ok {
			k++
			continue
		}
		break
	}
	if c, ok := stampClock(toks, k); ok {
		st.Time = time.Date(y, time.Month(d.Month), d.Day, c.hh, c.mm, c.ss, 0, c.zone)
		st.Precision = c.prec
		st.End = toks[c.end-1].End
		j = c.end
	}
	return st, j, true
}

// stampTime is a printed time of day as stampClock reads it.
type stampTime struct {
	hh, mm, ss int
	prec       Precision
	zone       *time.Location
	end        int
}

// stampClock reads a printed time of day at token i: "20:59", "08:59 PM",
// "8.59 p.m.", "20:59:41 IST", "02:40 PM (IST)", "08:30 अपराह्न",
// "10:00 +0100". A time without a zone is IST, marked as assumed
// (Zoneless).
func stampClock(toks []Token, i int) (stampTime, bool) {
	c, ok := ReadClock(toks, i)
	if !ok {
		return stampTime{}, false
	}
	t := stampTime{hh: c.Hour, mm: c.Minute, ss: c.Second, prec: PrecisionMinute, zone: assumedIST, end: c.End}
	if c.Seconds {
		t.prec = PrecisionSecond
	}
	m, k := stampNames.Meridiem(toks, c.End, true)
	t.hh = ApplyMeridiem(t.hh, m)
	if t.hh > 23 {
		return stampTime{}, false
	}
	if loc, next, ok := stampNames.Zone(toks, k); ok {
		t.zone, k = loc, next
	}
	t.end = k
	return t, true
}

// labelBetween finds the last label word (lexicon.StampLabel) among the
// tokens in [from, to).
func labelBetween(toks []Token, from, to int) Label {
	l := Unlabelled
	for _, t := range toks {
		if t.Start < from {
			continue
		}
		if t.Start >= to {
			break
		}
		if t.Kind == Word {
			if v := stampNames.Label(t.Key); v != Unlabelled {
				l = v
			}
		}
	}
	return l
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

// ParseDayMonth reads a date without a year at the start of s, as datelines
// write it: "19 मार्च", "March 12", "१९ मार्च", "चार जून". It returns day, month and
// the bytes read.
func ParseDayMonth(s string) (day, month, n int, ok bool) {
	toks := tokenize(s)
	monthOf := func(t Token) int {
		if t.Kind != Word {
			return 0
		}
		return MonthOf(t.Key)
	}
	// "Dec. 5": the point of an abbreviated month.
	if len(toks) >= 3 && monthOf(toks[0]) > 0 && isPunctTok(toks, 1, ".") {
		toks = append(toks[:1:1], toks[2:]...)
	}
	if len(toks) < 2 {
		return 0, 0, 0, false
	}
	switch {
	case toks[0].Kind == Number && toks[0].Digits <= 2 && monthOf(toks[1]) > 0:
		day, month, n = toks[0].Num, monthOf(toks[1]), toks[1].End
	case toks[0].Kind == Word && dayWords[toks[0].Key] > 0 && monthOf(toks[1]) > 0:
		// "चार जून", as PTI-Bhasha datelines write the day.
		day, month, n = dayWords[toks[0].Key], monthOf(toks[1]), toks[1].End
	case monthOf(toks[0]) > 0 && toks[1].Kind == Number && toks[1].Digits <= 2:
		day, month, n = toks[1].Num, monthOf(toks[0]), toks[1].End
	default:
		return 0, 0, 0, false
	}
	if day < 1 || day > 31 {
		return 0, 0, 0, false
	}
	return day, month, n, true
}

// AttachTime gives a date-only stamp read from text the time of day
// printed right after it, maybe labelled ("12 जून 2025 (Published: 04:10
// PM IST)"), to the minute, and the label that time carries when the
// stamp has none. Any other stamp is returned as it is.
func AttachTime(text string, st Stamp) Stamp {
	if st.Precision != PrecisionDay || st.End >= len(text) {
		return st
	}
	toks := tokenize(text[st.End:min(len(text), st.End+48)])
	k := 0
	for isPunctTok(toks, k, ",|(-–") {
		k++
	}
	label := Unlabelled
	if k < len(toks) && toks[k].Kind == Word {
		if label = stampNames.Label(toks[k].Key); label != Unlabelled {
			k++
			if k < len(toks) && toks[k].Kind == Word && stampNames.links[toks[k].Key] {
				k++
			}
			if isPunctTok(toks, k, ":") {
				k++
			}
		}
	}
	c, ok := ReadClock(toks[k:], 0)
	if !ok {
		return st
	}
	m, _ := stampNames.Meridiem(toks[k:], c.End, false)
	h := ApplyMeridiem(c.Hour, m)
	if h > 23 {
		return st
	}
	t := st.Time.In(IST)
	st.Time = time.Date(t.Year(), t.Month(), t.Day(), h, c.Minute, 0, 0, IST)
	st.Precision = PrecisionMinute
	if st.Label == Unlabelled {
		st.Label = label
	}
	return st
}
