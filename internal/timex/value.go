package timex

import (
	"fmt"
	"khabar/internal/datetime"
	"strconv"
	"time"
)

// day is a calendar date without a time zone.
type day struct{ y, m, d int }

func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return day{y, int(m), d}
}

func (d day) time() time.Time { return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, time.UTC) }

func (d day) add(n int) day { return dayOf(d.time().AddDate(0, 0, n)) }

func (d day) weekday() time.Weekday { return d.time().Weekday() }

func (d day) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

// sub returns d - e in days.
func (d day) sub(e day) int { return int(d.time().Sub(e.time()).Hours() / 24) }

// isoWeek formats the ISO week d falls in, as "2025-W44".
func isoWeek(d day) string {
	y, w := d.time().ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// isoWeekday is 1 for Monday … 7 for Sunday.
func isoWeekday(w time.Weekday) int {
	if w == time.Sunday {
		return 7
	}
	return int(w)
}

// validDay reports whether d/m/y exists; y == 0 means any year (29
// February is allowed).
func validDay(y, m, d int) bool { return datetime.ValidDay(y, m, d) }

// addMonths moves the month y-m by n months.
func addMonths(y, m, n int) (int, int) {
	t := y*12 + (m - 1) + n
	return t / 12, t%12 + 1
}

// nearestYear picks the year for day d of month m, given without a year,
// around ref: the one nearest ref, on or before it when dir < 0, on or
// after it when dir > 0.
func nearestYear(ref day, m, d, dir int) (int, bool) {
	best, bestDiff, found := 0, 0, false
	for y := ref.y - 1; y <= ref.y+1; y++ {
		if !validDay(y, m, d) {
			continue
		}
		diff := day{y, m, d}.sub(ref)
		if (dir < 0 && diff > 0) || (dir > 0 && diff < 0) {
			continue
		}
		a := diff
		if a < 0 {
			a = -a
		}
		// Ties go to the past: news reports what happened.
		if !found || a < bestDiff || (a == bestDiff && diff < 0) {
			best, bestDiff, found = y, a, true
		}
	}
	return best, found
}

// nearestMonthYear is nearestYear for a month without a day.
func nearestMonthYear(ref day, m, dir int) int {
	best, bestDiff := ref.y, 1<<30
	for y := ref.y - 1; y <= ref.y+1; y++ {
		diff := (y*12 + m) - (ref.y*12 + ref.m)
		if (dir < 0 && diff > 0) || (dir > 0 && diff < 0) {
			continue
		}
		a := diff
		if a < 0 {
			a = -a
		}
		if a < bestDiff {
			best, bestDiff = y, a
		}
	}
	return best
}

// weekdayNear returns the day of weekday w nearest ref in the direction
// dir: -1 latest on or before ref, -2 strictly before, +1 on or after, +2
// strictly after, 0 in ref's ISO week.
func weekdayNear(ref day, w time.Weekday, dir int) day {
	rw := ref.weekday()
	switch dir {
	case -1, -2:
		n := (int(rw) - int(w) + 7) % 7
		if n == 0 && dir == -2 {
			n = 7
		}
		return ref.add(-n)
	case 1, 2:
		n := (int(w) - int(rw) + 7) % 7
		if n == 0 && dir == 2 {
			n = 7
		}
		return ref.add(n)
	}
	return ref.add(isoWeekday(w) - isoWeekday(rw))
}

// durValue formats a duration of n units ("P3D", "PT3H", "P1.5Y"); vague
// amounts are written X.
func durValue(n float64, u unit, vague bool) string {
	num := "X"
	if !vague {
		num = strconv.FormatFloat(n, 'f', -1, 64)
	}
	if u <= uHour {
		return "PT" + num + isoUnit[u]
	}
	return "P" + num + isoUnit[u]
}

// clockValue formats hour, minute and second after a date prefix.
func clockValue(date string, hh, mm, ss int, sec bool) string {
	if sec {
		return fmt.Sprintf("%sT%02d:%02d:%02d", date, hh, mm, ss)
	}
	return fmt.Sprintf("%sT%02d:%02d", date, hh, mm)
}
