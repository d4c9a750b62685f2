package datetime

import "time"

// ISO is an ISO 8601 date, and the clock time after it when there is one,
// as ReadISO reads them.
type ISO struct {
	Year, Month, Day int
	// Clock is true when "Thh:mm" or " hh:mm" follows the date.
	Clock        bool
	Hour, Minute int
	// Second is the two digits of ":ss" after hh:mm, or -1 when there are
	// none; the caller bounds it (a leap second is 60).
	Second int
}

// ReadISO reads the ISO 8601 date at the start of s, "2021-03-19", and the
// clock time after it, "T20:59" or " 20:59" with ":41" when written. The
// date must exist in its year (any year: the caller bounds it). It is the
// one reader of ISO dates: FindTimes and the time-expression stage (timex)
// read them with it, each adding what follows (fractions, zones).
func ReadISO(s string) (ISO, bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return ISO{}, false
	}
	y, oky := digitsAt(s, 0, 4)
	m, okm := digitsAt(s, 5, 2)
	d, okd := digitsAt(s, 8, 2)
	if !oky || !okm || !okd || m < 1 || m > 12 || d < 1 || d > DaysIn(y, m) {
		return ISO{}, false
	}
	v := ISO{Year: y, Month: m, Day: d, Second: -1}
	if len(s) < 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' {
		return v, true
	}
	hh, okh := digitsAt(s, 11, 2)
	mm, okmm := digitsAt(s, 14, 2)
	if !okh || !okmm || hh > 23 || mm > 59 {
		return v, true
	}
	v.Clock, v.Hour, v.Minute = true, hh, mm
	if len(s) >= 19 && s[16] == ':' {
		if ss, ok := digitsAt(s, 17, 2); ok {
			v.Second = ss
		}
	}
	return v, true
}

// DaysIn returns the number of days of month m (1–12) of year y in the
// Gregorian calendar.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// NumericDate orders the three numbers of a numeric date as written, each
// given with its count of digits: year first when the first has four
// digits ("2025/11/03"), else day first as India writes it ("03-11-2025",
// "3.11.25"), and month first only when the middle number cannot be a
// month but the first can ("11/23/2025"). twoDigit reports a two-digit
// year, which the caller places in a century. It is the one reading of
// numeric dates: Numeric, and so every reading of the package, orders
// them with it.
func NumericDate(n, digits [3]int) (y, m, d int, twoDigit, ok bool) {
	switch {
	case digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2:
		return n[0], n[1], n[2], false, true
	case digits[0] <= 2 && digits[1] <= 2 && (digits[2] == 4 || digits[2] == 2):
		d, m, y = n[0], n[1], n[2]
		if m > 12 && d <= 12 {
			d, m = m, d
		}
		return y, m, d, digits[2] == 2, true
	}
	return 0, 0, 0, false, false
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
