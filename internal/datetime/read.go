package datetime

import (
	"strings"

	"khabar/internal/lexicon"
	"khabar/internal/textscan"
)

// Token is one word, digit run or mark of a text as the recogniser reads
// it. FindTimes makes its own (Tokens); the time-expression stage (timex)
// makes them from textscan's, so that both read dates with the same
// grammar (Names.Date, ReadClock).
type Token struct {
	// Start and End are the byte span of the token in the text.
	Start, End int
	// Key is what words are matched on: the word folded the way the
	// caller's Names were built, the mark itself for punctuation.
	Key string
	// Num is the value of a digit run (-1 past nine digits), Digits its
	// number of digits.
	Num, Digits int
	// Kind says what the token is.
	Kind textscan.Kind
	// Space is true when white space (or the start of the text) comes
	// right before the token; Break when that space holds a line break.
	Space, Break bool
}

// Token kinds, as textscan names them.
const (
	Word   = textscan.Word
	Number = textscan.Number
	Punct  = textscan.Punct
)

// isPunctTok reports whether toks[i] is one of the marks in set.
func isPunctTok(toks []Token, i int, set string) bool {
	return i >= 0 && i < len(toks) && toks[i].Kind == Punct && strings.Contains(set, toks[i].Key)
}

// isNumTok reports whether toks[i] is a digit run.
func isNumTok(toks []Token, i int) bool { return i >= 0 && i < len(toks) && toks[i].Kind == Number }

// tightTok reports whether toks[i] follows toks[i-1] with no space.
func tightTok(toks []Token, i int) bool { return i > 0 && i < len(toks) && !toks[i].Space }

func keyAt(toks []Token, i int) string {
	if i < 0 || i >= len(toks) {
		return ""
	}
	return toks[i].Key
}

// Names indexes the month and weekday names of some language packs by the
// key their caller's tokens carry, for Date.
type Names struct {
	// words holds the month and weekday names: one look-up tells a word
	// that names neither, as most words, from one that does.
	words    map[string]name
	ordinals map[string]bool

	// The words of clocks (clockread.go).
	meridiem, halfDay map[string]string // value am or pm
	zones             map[string]int    // offset in seconds east of UTC
	clockSuffix       map[string]bool
	// labels are the stamp-label words: what a printed time is.
	labels map[string]Label
	// links are the stamp-link words, between a printed date and its time.
	links map[string]bool
}

// name is what a word names: a month in one of its forms, a weekday, or
// (rarely) both.
type name struct {
	month   int8 // 1–12, 0 for none
	form    form
	weekday int8 // 0 (Sunday) – 6, -1 for none
	link    bool // a word between a day and its month: "of"
}

// form is the form a month's name is written in.
type form uint8

// Forms of a month's name, the one read first first.
const (
	fullName  form = iota + 1 // "मार्च", "March"
	abbrName                  // "Mar" (a full stop may follow)
	shortName                 // "जन": only in a date with a year
)

// NewNames indexes the month, weekday and ordinal-suffix entries of packs
// by fold of each; a name of several packs keeps the last pack's value.
func NewNames(packs []*lexicon.Pack, fold func(string) string) *Names {
	n := &Names{words: map[string]name{}, ordinals: map[string]bool{}}
	get := func(k string) name {
		if w, ok := n.words[k]; ok {
			return w
		}
		return name{weekday: -1}
	}
	for _, p := range packs {
		for _, c := range []struct {
			class lexicon.Class
			form  form
		}{{lexicon.Month, fullName}, {lexicon.MonthAbbr, abbrName}, {lexicon.MonthShort, shortName}} {
			for _, e := range p.Entries(c.class) {
				k := fold(e.Text)
				w := get(k)
				if w.form == 0 || c.form <= w.form {
					w.month, w.form = int8(e.Int()), c.form
				}
				n.words[k] = w
			}
		}
		for _, c := range []lexicon.Class{lexicon.Weekday, lexicon.WeekdayAbbr} {
			for _, e := range p.Entries(c) {
				k := fold(e.Text)
				w := get(k)
				w.weekday = int8(e.Int())
				n.words[k] = w
			}
		}
		for _, w := range p.Words(lexicon.OrdinalSuffix) {
			n.ordinals[fold(w)] = true
		}
		for _, w := range p.Words(lexicon.DayLink) {
			k := fold(w)
			nw := get(k)
			nw.link = true
			n.words[k] = nw
		}
	}
	n.buildClockWords(packs, fold)
	n.labels, n.links = map[string]Label{}, map[string]bool{}
	for _, p := range packs {
		for _, e := range p.Entries(lexicon.StampLabel) {
			n.labels[fold(e.Text)] = map[string]Label{"published": Published, "updated": Updated}[e.Value]
		}
		for _, w := range p.Words(lexicon.StampLink) {
			n.links[fold(w)] = true
		}
	}
	return n
}

// Label returns what the stamp-label word with key k says a printed time
// is, Unlabelled for any other word.
func (n *Names) Label(k string) Label { return n.labels[k] }

// Month returns the month a full month name or an abbreviation at toks[i]
// names, and the token after it (after a full stop glued to an
// abbreviation). Short names (lexicon.MonthShort) are not read here: they
// stand only in a date with a year.
func (n *Names) Month(toks []Token, i int) (month, next int, ok bool) {
	m, j, short, ok := n.month(toks, i)
	if short {
		return 0, i, false
	}
	return m, j, ok
}

// month is Month that also reads short names, reporting them.
func (n *Names) month(toks []Token, i int) (month, next int, short, ok bool) {
	if i < 0 || i >= len(toks) || toks[i].Kind != Word {
		return 0, i, false, false
	}
	w, found := n.words[toks[i].Key]
	if !found || w.form == 0 {
		return 0, i, false, false
	}
	j := i + 1
	switch w.form {
	case abbrName:
		if isPunctTok(toks, j, ".") && tightTok(toks, j) {
			j++
		}
	case shortName:
		if isPunctTok(toks, j, ".॰") && tightTok(toks, j) {
			j++
		}
	}
	return int(w.month), j, w.form == shortName, true
}

// Weekday reports whether toks[i] names a weekday (in full or
// abbreviated) and which (0 Sunday – 6).
func (n *Names) Weekday(toks []Token, i int) (int, bool) {
	if i < 0 || i >= len(toks) || toks[i].Kind != Word {
		return 0, false
	}
	w, ok := n.words[toks[i].Key]
	return int(w.weekday), ok && w.weekday >= 0
}

// Day reads a day of the month at toks[i]: one or two digits from 1 to
// 31, with an ordinal suffix glued on ("19th"). It returns the token
// after it.
func (n *Names) Day(toks []Token, i int) (day, next int, ok bool) {
	if !isNumTok(toks, i) {
		return 0, i, false
	}
	t := toks[i]
	if t.Digits > 2 || t.Num < 1 || t.Num > 31 {
		return 0, i, false
	}
	j := i + 1
	if tightTok(toks, j) && toks[j].Kind == Word && n.ordinals[toks[j].Key] {
		j++
	}
	return t.Num, j, true
}

// Year reads a year written in four digits, 1000 to 2999, at toks[i]; one
// glued to more digits ("2021.5", "2021,50") is none.
func Year(toks []Token, i int) (year, next int, ok bool) {
	if !isNumTok(toks, i) {
		return 0, i, false
	}
	t := toks[i]
	if t.Digits != 4 || t.Num < 1000 || t.Num > 2999 {
		return 0, i, false
	}
	if tightTok(toks, i+1) && (isNumTok(toks, i+1) || isPunctTok(toks, i+1, ".,:") && isNumTok(toks, i+2) && tightTok(toks, i+2)) {
		return 0, i, false
	}
	return t.Num, i + 1, true
}

// Date is a calendar date as a text writes it, read by Names.Date. A part
// the text leaves out is 0.
type Date struct {
	Year, Month, Day int
	// TwoDigitYear is true when the year was written with two digits
	// ("3.11.25"); Year then holds those digits, for the caller to place
	// in a century.
	TwoDigitYear bool
	// Numeric is true for a date written in digits alone ("03-11-2025");
	// Sep is then its separator. A written month between two separators
	// ("10-Jun-2025") also sets Sep.
	Numeric bool
	Sep     string
	// MonthAt is the index of the month's name, -1 for a numeric date.
	MonthAt int
	// MonthFirst is true when the month's name comes before the day or
	// the year ("March 19, 2021", "मार्च 2021").
	MonthFirst bool
	// Weekday is true when a weekday's name came first ("Sun, 10 Jun
	// 2018").
	Weekday bool
	// Start and End are the token range [Start, End) of the date.
	Start, End int
}

// Date reads the calendar date written at toks[i], in every order pages
// use: a weekday's name first or not, then "19 मार्च 2021", "19th of
// March", "19 मार्च" (no year), "10-Jun-2025", "March 19, 2021", "Dec. 3rd,
// 2024", "मार्च 2021" (no day), "5 जन 2025" (a short month name, only with
// a year), or digits: "03-11-2025", "3.11.25", "2025/11/03" (NumericDate
// orders them). The day must exist in the month (in the year, when one is
// written); a year is four digits from 1000 to 2999 or, in a numeric date,
// two. What to accept of what is written (a year required, a century for
// two digits, a capital on an English month) is the caller's.
func (n *Names) Date(toks []Token, i int) (Date, bool) {
	if i >= len(toks) || toks[i].Kind == Punct {
		return Date{}, false
	}
	if toks[i].Kind == Word {
		w, ok := n.words[toks[i].Key]
		if !ok {
			return Date{}, false // a word that names no month or weekday
		}
		if w.weekday < 0 {
			return n.date(toks, i)
		}
	}
	if _, ok := n.Weekday(toks, i); ok {
		k := i + 1
		if isPunctTok(toks, k, ",.") {
			k++
		}
		if d, ok := n.date(toks, k); ok {
			d.Start, d.Weekday = i, true
			return d, true
		}
	}
	return n.date(toks, i)
}

// date is Date without the weekday.
func (n *Names) date(toks []Token, i int) (Date, bool) {
	if d, ok := Numeric(toks, i); ok {
		return d, true
	}
	if day, j, ok := n.Day(toks, i); ok {
		return n.dayFirst(toks, i, day, j)
	}
	m, j, ok := n.Month(toks, i)
	if !ok {
		return Date{}, false
	}
	d := Date{Month: m, MonthAt: i, MonthFirst: true, Start: i}
	if y, k, ok := Year(toks, j); ok {
		d.Year, d.End = y, k
		return d, true
	}
	if isPunctTok(toks, j, ",") {
		if y, k, ok := Year(toks, j+1); ok {
			d.Year, d.End = y, k
			return d, true
		}
	}
	day, k, ok := n.Day(toks, j)
	if !ok || isPunctTok(toks, k, ":") || !validDay(0, m, day) {
		return Date{}, false
	}
	d.Day = day
	d.Year, d.End, ok = yearAfter(toks, k, ",", m, day)
	return d, ok
}

// yearAfter reads the year that may follow a day and month ending at token
// k, after one of the marks seps: the year and the token after the date
// (0 and k when no year is written). ok is false when the year is written
// but has no such day (29 February 2023).
func yearAfter(toks []Token, k int, seps string, m, day int) (y, end int, ok bool) {
	at := k
	if isPunctTok(toks, at, seps) {
		at++
	}
	y, end, found := Year(toks, at)
	if !found {
		return 0, k, true
	}
	return y, end, validDay(y, m, day)
}

// dayFirst reads the month and year after the day read at toks[i:j].
func (n *Names) dayFirst(toks []Token, i, day, j int) (Date, bool) {
	d := Date{Day: day, Start: i}
	if j < len(toks) && toks[j].Kind == Word && n.words[toks[j].Key].link {
		j++ // "19th of March"
	}
	// "10-Jun-2025", "10/Jun/2025": the separator on both sides.
	if isPunctTok(toks, j, "-/") && tightTok(toks, j) && tightTok(toks, j+1) {
		if m, k, _, ok := n.month(toks, j+1); ok {
			if keyAt(toks, k) != toks[j].Key {
				return Date{}, false
			}
			y, l, ok := Year(toks, k+1)
			if !ok || !validDay(y, m, day) {
				return Date{}, false
			}
			d.Month, d.MonthAt, d.Sep, d.Year, d.End = m, j+1, toks[j].Key, y, l
			return d, true
		}
	}
	m, k, short, ok := n.month(toks, j)
	if !ok || !validDay(0, m, day) {
		return Date{}, false
	}
	d.Month, d.MonthAt = m, j
	d.Year, d.End, ok = yearAfter(toks, k, ",.", m, day)
	// A short month name stands only in a date with a year.
	return d, ok && (d.Year != 0 || !short)
}

// Numeric reads a date written in digits at toks[i]: three numbers joined
// by one separator ("-", "/" or "."), no space between, ordered by
// NumericDate ("03-11-2025", "3.11.25", "2025/11/03"). Digits glued on
// either side (a version number, an address) make it no date, and so does
// a day the month does not have.
func Numeric(toks []Token, i int) (Date, bool) {
	if !isNumTok(toks, i) || (i > 0 && tightTok(toks, i) && (isNumTok(toks, i-1) || isPunctTok(toks, i-1, "-/.:,"))) {
		return Date{}, false
	}
	a, s1, b, s2, c := i, i+1, i+2, i+3, i+4
	if !isPunctTok(toks, s1, "-/.") || !isPunctTok(toks, s2, "-/.") || toks[s1].Key != toks[s2].Key {
		return Date{}, false
	}
	for k := s1; k <= c; k++ {
		if !tightTok(toks, k) {
			return Date{}, false
		}
	}
	if !isNumTok(toks, b) || !isNumTok(toks, c) {
		return Date{}, false
	}
	if tightTok(toks, c+1) && (isNumTok(toks, c+1) || isPunctTok(toks, c+1, "-/.:") && isNumTok(toks, c+2) && tightTok(toks, c+2)) {
		return Date{}, false
	}
	ta, tb, tc := toks[a], toks[b], toks[c]
	y, m, d, y2, ok := NumericDate([3]int{ta.Num, tb.Num, tc.Num}, [3]int{ta.Digits, tb.Digits, tc.Digits})
	if !ok {
		return Date{}, false
	}
	if y2 {
		if !validDay(0, m, d) {
			return Date{}, false
		}
	} else if y < 1000 || !validDay(y, m, d) {
		return Date{}, false
	}
	return Date{Year: y, Month: m, Day: d, TwoDigitYear: y2, Numeric: true, Sep: toks[s1].Key,
		MonthAt: -1, Start: i, End: c + 1}, true
}

// validDay reports whether day d of month m exists in year y; y == 0 means
// any year (29 February is allowed).
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	if y == 0 {
		y = 2000
	}
	return d <= DaysIn(y, m)
}

// ValidDay is validDay for the callers: whether day d of month m exists in
// year y, any year when y is 0.
func ValidDay(y, m, d int) bool { return validDay(y, m, d) }

// FullMonth reports whether the word key is a month's full name (not an
// abbreviation or a short name).
func (n *Names) FullMonth(key string) bool { return n.words[key].form == fullName }
