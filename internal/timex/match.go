package timex

import (
	"fmt"
	"strconv"

	"khabar/internal/datetime"
)

// Each matcher looks for one kind of expression starting at token i. It
// returns the token after what it consumed (and emits the expressions it
// found), or -1 when nothing starts at i.

// iso matches an ISO 8601 date or date-time: "2021-03-19",
// "2021-03-19T20:59:41+05:30".
func (f *finder) iso(i int) int {
	t := f.toks[i]
	if t.Kind != kNum || t.Digits != 4 || (i > 0 && f.tight(i) && f.toks[i-1].Kind != kWord) {
		return -1
	}
	s := f.text[t.Start:]
	v, ok := datetime.ReadISO(s)
	if !ok {
		return -1
	}
	y, m, d := v.Year, v.Month, v.Day
	n := 10
	val, typ := day{y, m, d}.String(), Date
	if v.Clock {
		n = 16
		ss, sec := 0, false
		if v.Second >= 0 && v.Second < 60 {
			ss, sec, n = v.Second, true, 19
		}
		val, typ = clockValue(val, v.Hour, v.Minute, ss, sec), Time
		// Zone: Z or ±h[h]:mm, not part of the value.
		for n < len(s) && (s[n] == 'Z' || s[n] == '+' || (s[n] == '-' && n+1 < len(s) && s[n+1] >= '0' && s[n+1] <= '9') ||
			s[n] == ':' || (s[n] >= '0' && s[n] <= '9') || s[n] == '.') {
			n++
		}
	}
	end := t.Start + n
	j := i
	for j < len(f.toks) && f.toks[j].Start < end {
		j++
	}
	f.out = append(f.out, Expr{Start: t.Start, End: f.toks[j-1].End, Type: typ, Value: val})
	f.setAnchor(day{y, m, d})
	return j
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return -1
	}
	return n
}

// dparts is a calendar date as written: year, month, day, any of which
// may be missing (0).
type dparts struct {
	y, m, d int
}

// dateCore reads a calendar date at i, a weekday's name before it or not,
// with the recogniser's grammar (datetime.Names.Date), and keeps what this
// stage reads as a date: an English month name before the day or year
// needs a capital ("may" and "march" are words) and a month name before a
// day must be English; a numeric date written day first is read month
// first only when that is the publication day and day first is not; a
// two-digit year is placed near the publication year (twoDigitYear).
func (f *finder) dateCore(i int) (dparts, int, bool) {
	d, ok := f.lex.names.Date(f.toks, i)
	if !ok {
		return dparts{}, i, false
	}
	if d.MonthFirst && (f.latin(d.MonthAt) && !f.upper(d.MonthAt) || d.Day != 0 && !f.latin(d.MonthAt)) {
		return dparts{}, i, false
	}
	p := dparts{y: d.Year, m: d.Month, d: d.Day}
	if !d.Numeric {
		return p, d.End, true
	}
	if f.toks[d.Start].Digits <= 2 && p.m <= 12 && p.d <= 12 && p.d != p.m && f.hasPub && !d.TwoDigitYear {
		// Day first is the Indian way; take month first only when that
		// is the publication day and day first is not.
		if (day{p.y, p.d, p.m}) == f.pub && day(p) != f.pub {
			p.d, p.m = p.m, p.d
		}
	}
	if d.TwoDigitYear {
		y, ok := f.twoDigitYear(p.y)
		if !ok || !validDay(y, p.m, p.d) {
			return dparts{}, i, false
		}
		p.y = y
	}
	return p, d.End, true
}

// twoDigitYear places a year written with two digits in the publication's
// century, and only when that puts it within YearSpan (twenty) years of
// publication.
func (f *finder) twoDigitYear(yy int) (int, bool) {
	if !f.hasPub {
		return 0, false
	}
	y := f.pub.y/100*100 + yy
	switch {
	case y > f.pub.y+f.opt.YearSpan:
		y -= 100
	case y < f.pub.y-100+f.opt.YearSpan:
		y += 100
	}
	return y, y >= f.pub.y-f.opt.YearSpan && y <= f.pub.y+f.opt.YearSpan
}

// numericDate reports whether a numeric date ("03-11-2025", "2025/11/03",
// "3.11.25") starts at i.
func (f *finder) numericDate(i int) bool {
	_, ok := datetime.Numeric(f.toks, i)
	return ok
}

// resolveDate fills in the year of a date written without one.
func (f *finder) resolveDate(p dparts, after int) (dparts, bool) {
	if p.y != 0 {
		return p, true
	}
	if !f.hasPub {
		return p, false
	}
	dir := f.tense(after)
	if p.d == 0 {
		p.y = nearestMonthYear(f.pub, p.m, dir)
		return p, true
	}
	y, ok := nearestYear(f.pub, p.m, p.d, dir)
	if !ok {
		return p, false
	}
	p.y = y
	return p, true
}

func (p dparts) value() string {
	y := "XXXX"
	if p.y != 0 {
		y = fmt.Sprintf("%04d", p.y)
	}
	if p.d == 0 {
		return fmt.Sprintf("%s-%02d", y, p.m)
	}
	return fmt.Sprintf("%s-%02d-%02d", y, p.m, p.d)
}

// dateExpr matches a calendar date, with a weekday before it and a time
// after it when present: "Thu, 30 Nov 2017 02:40 PM", "19 मार्च",
// "बुधवार, 17 मार्च 2021", and the first day of a range ("15-16 मार्च").
func (f *finder) dateExpr(i int) int {
	// The first day of a range: "15-16 मार्च", "15 से 20 मार्च".
	if d, k, ok := f.lex.names.Day(f.toks, i); ok && !f.numericDate(i) {
		c := k
		if ck := f.key(c); ck == "-" || ck == "–" || f.lex.rangeWord.Has(ck) {
			if second, end, ok := f.dateCore(c + 1); ok && second.d != 0 && second.d > d && validDay(second.y, second.m, d) {
				// The first day is in the year of the last: both are
				// resolved as one span, by the tense after the range.
				last, ok := f.resolveDate(second, end)
				if !ok {
					last.y = 0
				}
				f.emit(i, k, Date, dparts{y: last.y, m: second.m, d: d}.value())
				return k
			}
		}
	}
	p, k, ok := f.dateCore(i)
	if !ok {
		// A day and month that do not exist ("31 फरवरी") are no date, and
		// the month alone is not one either.
		if d, k, ok := f.lex.names.Day(f.toks, i); ok {
			if m, end, ok := f.lex.names.Month(f.toks, k); ok {
				y, yend := 0, end
				if f.isPunct(yend, ",") {
					yend++
				}
				if yy, e, ok := datetime.Year(f.toks, yend); ok {
					y, end = yy, e
				}
				if !validDay(y, m, d) {
					return end
				}
			}
		}
		return -1
	}
	p, resolved := f.resolveDate(p, k)
	val := p.value()
	if resolved && p.d != 0 {
		f.setAnchor(day(p))
	}
	// A time of day after the date.
	if p.d != 0 {
		if end, v, ok := f.timeAfter(k, val); ok {
			f.emit(i, end, Time, v)
			return end
		}
	}
	f.emit(i, k, Date, val)
	return k
}

// yearExpr matches a year: "2015" after "वर्ष", "साल", "सन्", "in", or
// followed by a postposition ("2022 में"), and decades ("1990 के दशक",
// "1990s").
func (f *finder) yearExpr(i int) int {
	y, j, ok := datetime.Year(f.toks, i)
	if !ok || (i > 0 && f.tight(i) && f.isPunct(i-1, ".,:/-")) {
		return -1
	}
	// Decades.
	if y%10 == 0 {
		if f.lex.genitive.Has(f.key(j)) && f.lex.decade.Has(f.key(j+1)) || f.lex.decade.Has(f.key(j)) {
			end := j + 1
			if f.lex.genitive.Has(f.key(j)) {
				end = j + 2
			}
			f.emit(i, end, Date, strconv.Itoa(y/10))
			return end
		}
		if f.key(j) == "s" && f.tight(j) {
			f.emit(i, j+1, Date, strconv.Itoa(y/10))
			return j + 1
		}
	}
	cue := f.lex.yearCue.Has(f.key(i-1)) && !(i > 1 && f.isNum(i-2))
	if !cue {
		if y < f.opt.FirstYear || y > f.opt.LastYear {
			return -1
		}
		next := f.key(j)
		switch {
		case j >= len(f.toks) || f.toks[j].Break:
		case f.isPunct(j, ",।.)]:;-–|"):
		case f.lex.postpos.Has(next):
			after := f.key(j + 1)
			if f.lex.notAfter.Has(after) {
				return -1
			}
			if (next == "से" || next == "तक") && f.lex.moreLess.Has(after) {
				return -1
			}
		default:
			return -1
		}
		// A number in a list of numbers is not a year unless it looks
		// like one on both sides.
		if f.isNum(i-1) || (f.isPunct(i-1, ",") && f.isNum(i-2) && f.toks[i-2].Digits != 4) {
			return -1
		}
	}
	if f.lex.notAfter.Has(f.key(j)) {
		return -1
	}
	f.emit(i, j, Date, strconv.Itoa(y))
	return j
}

// monthExpr matches a month name alone: "मार्च माह में", "जून में", "in
// March". "मार्च" is also a procession, so it needs "माह"/"महीने" after
// it or a modifier before.
func (f *finder) monthExpr(i int) int {
	m, j, ok := f.lex.names.Month(f.toks, i)
	if !ok || (f.latin(i) && !f.upper(i)) {
		return -1
	}
	if f.latin(i) {
		if !f.lex.names.FullMonth(f.key(i)) {
			return -1
		}
		switch f.key(i - 1) {
		case "in", "since", "until", "till", "by", "of", "early", "late", "mid", "during", "from", "last", "next", "this":
		default:
			return -1
		}
		if m == 5 || m == 3 {
			if f.key(i-1) == "of" {
				return -1
			}
		}
	} else {
		after := f.key(j)
		hasWord := f.lex.monthWord.Has(after)
		// "इस साल मार्च में", "2019 के मार्च में": the year written before.
		if y, ok := f.yearBefore(i); ok {
			if hasWord {
				j++
			}
			f.emit(i, j, Date, fmt.Sprintf("%04d-%02d", y, m))
			return j
		}
		if m == 3 && !hasWord {
			return -1
		}
		if hasWord {
			j++
		} else if !f.lex.postpos.Has(after) && !f.isPunct(j, ",") {
			return -1
		}
	}
	if !f.hasPub {
		f.emit(i, j, Date, fmt.Sprintf("XXXX-%02d", m))
		return j
	}
	y := nearestMonthYear(f.pub, m, f.tense(j))
	f.emit(i, j, Date, fmt.Sprintf("%04d-%02d", y, m))
	return j
}

// yearBefore returns the year of a year expression that ends right before
// token i (or before a "के"/"की" at i-1).
func (f *finder) yearBefore(i int) (int, bool) {
	if len(f.out) == 0 || i == 0 {
		return 0, false
	}
	k := i - 1
	for n := 0; n < 2 && f.lex.yearLink.Has(f.key(k)); n++ {
		k--
	}
	last := f.out[len(f.out)-1]
	if k < 0 || last.End != f.toks[k].End || last.Type != Date || len(last.Value) != 4 {
		return 0, false
	}
	y := atoi(last.Value)
	return y, y > 0
}

// ahead reports whether the weekday (or list of weekdays) ending before
// token k is something planned for: "सोमवार और मंगलवार के लिए".
func (f *finder) ahead(k int) bool {
	for n := 0; n < 3 && (f.lex.list.Has(f.key(k)) || f.isPunct(k, ",")); n++ {
		if _, ok := f.lex.weekdays.get(f.key(k + 1)); !ok {
			break
		}
		k += 2
	}
	return (f.key(k) == "के" && f.key(k+1) == "लिए") || f.key(k) == "तक" && f.tense(k+1) > 0
}

// dayAfter reads an English day after a clock time: "on Monday",
// "yesterday", "today", "tomorrow". It returns the day's value.
func (f *finder) dayAfter(j int) (string, int, bool) {
	if !f.hasPub || j >= len(f.toks) || !f.latin(j) {
		return "", j, false
	}
	if n, ok := f.lex.relDays.get(f.key(j)); ok {
		if n > 10 {
			n -= 10
		}
		d := f.pub.add(n)
		f.setAnchor(d)
		return d.String(), j + 1, true
	}
	if f.key(j) == "on" {
		if w, ok := f.lex.weekdays.get(f.key(j + 1)); ok {
			dir := -1
			if f.tense(j+2) > 0 {
				dir = 1
			}
			d := weekdayNear(f.pub, w, dir)
			f.setAnchor(d)
			return d.String(), j + 2, true
		}
	}
	return "", j, false
}
