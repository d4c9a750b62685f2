package timex

import (
	"fmt"
	"time"
)

// weekdayExpr matches a weekday, with a modifier before it and a part of
// the day or a clock time after it: "रविवार", "अगले सोमवार", "मंगलवार की
// शाम", "शनिवार रात", "last Friday", "Monday morning".
func (f *finder) weekdayExpr(i int) int {
	j, dir := i, 0
	if r, ok := f.lex.mods.get(f.key(i)); ok {
		dir = 2 * r.step()
		j = i + 1
	} else if f.lex.nextFirst.Has(f.key(i)) {
		if n := f.nextPhraseAt(i); n > 0 {
			dir, j = 2, i+n
		}
	}
	w, ok := f.lex.weekdays.get(f.key(j))
	if !ok {
		return -1
	}
	k := j + 1
	if j == i {
		dir = -1
		// A list of weekdays takes the tense of the verb after its last
		// one: "सोमवार और मंगलवार स्कूल बंद रहेंगे".
		if f.tense(f.weekdayListEnd(k)) > 0 || f.ahead(k) {
			dir = 1
		}
	}
	var d day
	date := fmt.Sprintf("XXXX-WXX-%d", isoWeekday(w))
	if f.hasPub {
		d = weekdayNear(f.pub, w, dir)
		date = d.String()
		f.setAnchor(d)
	}
	if end, v, ok := f.timeAfter(k, date); ok {
		if !f.hasPub {
			v = "XXXX-WXX-" + v[len("XXXX-WXX-"):]
		}
		f.emit(i, end, Time, v)
		return end
	}
	f.emit(i, k, Date, date)
	return k
}

// relDayExpr matches a day named relative to today: "आज", "कल", "परसों",
// "yesterday", "tonight", "बीती रात", "गत दिवस", with a part of the day or
// a time after it ("आज सुबह", "कल रात 10 बजे").
func (f *finder) relDayExpr(i int) int {
	k := f.key(i)
	n, ok := f.lex.relDays.get(k)
	j := i + 1
	part := ""
	switch {
	case ok:
		if f.lex.tensedDay.Has(k) {
			// "कल" is yesterday or tomorrow: the clause's tense decides,
			// and news mostly looks back.
			if f.tense(j) <= 0 {
				n = -n
			}
		} else if n > 10 {
			n -= 10
		}
	case f.lex.tonightW.Has(k):
		n, part = 0, f.lex.tonight[k]
	case f.lex.pastDay.Has(k) && f.lex.dayNoun.Has(f.key(i+1)):
		n, j = -1, i+2
	case f.lex.lastPart.Has(k) && f.lex.parts.at(f.key(i+1)) != "" && !f.partIdiom(i+1):
		n, part, j = -1, f.lex.parts.at(f.key(i+1)), i+2
	case f.lex.thisPart.Has(k) && f.lex.parts.at(f.key(i+1)) != "" && f.lex.parts.at(f.key(i+1)) != "NI":
		n, part, j = 0, f.lex.parts.at(f.key(i+1)), i+2
	default:
		return -1
	}
	date := ""
	if f.hasPub {
		d := f.pub.add(n)
		date = d.String()
		f.setAnchor(d)
	}
	if part != "" {
		if date == "" {
			f.emit(i, j, Time, "")
			return j
		}
		c := j
		if f.lex.approx.Has(f.key(c)) || f.lex.at.Has(f.key(c)) {
			c++
		}
		if hh, mm, ss, sec, end, ok := f.clockAt(c, part); ok {
			f.emit(i, end, Time, clockValue(date, hh, mm, ss, sec))
			return end
		}
		f.emit(i, j, Time, partValue(date, part))
		return j
	}
	if date != "" {
		if end, v, ok := f.timeAfter(j, date); ok {
			f.emit(i, end, Time, v)
			return end
		}
	} else if _, ok := f.lex.parts.get(f.key(j)); ok && !f.partIdiom(j) {
		f.emit(i, j+1, Time, "")
		return j + 1
	}
	f.emit(i, j, Date, date)
	return j
}

// setExpr matches a recurring time: "हर साल", "हर दो साल", "हर सोमवार",
// "every week", "रोजाना", "मासिक".
func (f *finder) setExpr(i int) int {
	k := f.key(i)
	if v, ok := f.lex.setWords.get(k); ok && !(f.latin(i) && f.upper(i)) {
		f.emit(i, i+1, Set, v)
		return i + 1
	}
	if !f.lex.every.Has(k) {
		return -1
	}
	j := i + 1
	if w, ok := f.lex.weekdays.get(f.key(j)); ok {
		v := fmt.Sprintf("XXXX-WXX-%d", isoWeekday(w))
		if p, ok := f.lex.parts.get(f.key(j + 1)); ok {
			f.emit(i, j+2, Set, v+"T"+p)
			return j + 2
		}
		f.emit(i, j+1, Set, v)
		return j + 1
	}
	if p, ok := f.lex.parts.get(f.key(j)); ok && p != "MI" && p != "NO" {
		f.emit(i, j+1, Set, "T"+p)
		return j + 1
	}
	n := 1.0
	if c, end, vague, ok := f.count(j); ok && !vague {
		n, j = c, end
	}
	u, ok := f.lex.units.get(f.key(j))
	if !ok || f.lex.notUnit.Has(f.key(j)) {
		if f.lex.dailyNoun.Has(f.key(j)) {
			f.emit(i, j+1, Set, "P1D")
			return j + 1
		}
		return -1
	}
	f.emit(i, j+1, Set, durValue(n, u, false))
	return j + 1
}

// modExpr matches a unit, a month or an amount after a modifier:
// "पिछले सप्ताह", "इस साल", "अगले महीने", "last year", "पिछले दिनों",
// "बीते पांच सालों", "अगले कुछ दिनों", "पिछले मार्च", "उसी दिन".
func (f *finder) modExpr(i int) int {
	k := f.key(i)
	r, ok := f.lex.mods.get(k)
	j := i + 1
	switch {
	case ok:
	case f.lex.nextFirst.Has(k) && f.nextPhraseAt(i) > 0:
		r, j = relNext, i+f.nextPhraseAt(i)
	case f.lex.same.Has(k):
		if u, ok := f.lex.units.get(f.key(i + 1)); ok && u == uDay && !f.lex.plural.Has(f.key(i+1)) {
			if !f.hasAnchor {
				f.emit(i, i+2, Date, "")
				return i + 2
			}
			f.emit(i, i+2, Date, f.anchor.String())
			return i + 2
		}
		return -1
	default:
		return -1
	}
	// An amount: a duration over the span the modifier names.
	if n, end, vague, ok := f.count(j); ok {
		if u, ok := f.lex.units.get(f.key(end)); ok {
			f.emit(i, end+1, Duration, durValue(n, u, vague))
			return end + 1
		}
		return -1
	}
	// A month: "पिछले मार्च", "next May".
	if m, end, ok := f.lex.names.Month(f.toks, j); ok {
		if f.latin(j) && !f.upper(j) {
			return -1
		}
		dir := r.step()
		if !f.hasPub {
			f.emit(i, end, Date, fmt.Sprintf("XXXX-%02d", m))
			return end
		}
		y := f.pub.y
		switch {
		case r == relPast && m >= f.pub.m:
			y--
		case r == relNext && m <= f.pub.m:
			y++
		case r == relThis:
		default:
			y = nearestMonthYear(f.pub, m, dir)
		}
		f.emit(i, end, Date, fmt.Sprintf("%04d-%02d", y, m))
		return end
	}
	u, ok := f.lex.units.get(f.key(j))
	if !ok || f.lex.notUnit.Has(f.key(j)) {
		return -1
	}
	end := j + 1
	if f.lex.plural.Has(f.key(j)) {
		// "पिछले दिनों", "आने वाले सालों में": a vague reference.
		if r == relPast {
			f.emit(i, end, Date, "PAST_REF")
			return end
		}
		if r == relNext {
			f.emit(i, end, Date, "FUTURE_REF")
			return end
		}
		return -1
	}
	step := r.step()
	if !f.hasPub {
		f.emit(i, end, Date, "")
		return end
	}
	var v string
	switch u {
	case uDay:
		if r != relNext {
			return -1 // "इस दिन" names the anchor; "पिछले दिन" is rare
		}
		d := f.anchor.add(1)
		f.setAnchor(d)
		v = d.String()
	case uWeek:
		v = isoWeek(f.pub.add(7 * step))
	case uMonth:
		y, m := addMonths(f.pub.y, f.pub.m, step)
		v = fmt.Sprintf("%04d-%02d", y, m)
	case uYear:
		v = fmt.Sprintf("%04d", f.pub.y+step)
	case uDecade:
		v = fmt.Sprintf("%03d", f.pub.y/10+step)
	case uCentury:
		v = fmt.Sprintf("%02d", f.pub.y/100+step)
	default:
		return -1
	}
	f.emit(i, end, Date, v)
	return end
}

// countExpr matches an amount of a unit: a duration ("एक माह", "सौ साल",
// "6 महीने", "तीन घंटे", "two weeks"), or, with "पहले"/"बाद"/"ago" after
// it, a point that far from the publication ("दो दिन पहले", "तीन घंटे
// पहले", "डेढ़ साल पहले", "two days ago"); also "पूरा दिन", "साल भर".
func (f *finder) countExpr(i int) int {
	k := f.key(i)
	if f.lex.whole.Has(k) {
		if u, ok := f.lex.units.get(f.key(i + 1)); ok && !f.lex.plural.Has(f.key(i+1)) && u >= uDay && !f.lex.notUnit.Has(f.key(i+1)) {
			f.emit(i, i+2, Duration, durValue(1, u, false))
			return i + 2
		}
		return -1
	}
	if u, ok := f.lex.units.get(k); ok && f.lex.throughout.Has(f.key(i+1)) && !f.lex.plural.Has(k) && u >= uDay {
		f.emit(i, i+2, Duration, durValue(1, u, false))
		return i + 2
	}
	var n float64
	var j int
	var vague bool
	if f.lex.article.Has(k) && f.latin(i) {
		n, j = 1, i+1
		if _, ok := f.lex.units.get(f.key(j)); !ok || !f.lex.ago.Has(f.key(j+1)) && !f.lex.later.Has(f.key(j+1)) {
			return -1
		}
	} else {
		var ok bool
		n, j, vague, ok = f.count(i)
		if !ok {
			return -1
		}
	}
	u, ok := f.lex.units.get(f.key(j))
	if !ok || f.lex.notUnit.Has(f.key(j)) {
		return -1
	}
	// English words count English units, Hindi words Hindi ones.
	if f.toks[i].Kind == kWord && f.latin(i) != f.latin(j) {
		return -1
	}
	end := j + 1
	switch a := f.key(end); {
	case f.lex.ago.Has(a):
		f.emit(i, end+1, f.relType(u), f.shift(n, u, vague, -1, f.pub, f.clock))
		return end + 1
	case f.lex.later.Has(a) && (a != "after" || f.key(end+1) == ""):
		f.emit(i, end+1, f.relType(u), f.shift(n, u, vague, 1, f.anchor, false))
		return end + 1
	}
	f.emit(i, end, Duration, durValue(n, u, vague))
	return end
}

func (f *finder) relType(u unit) string {
	if u <= uHour {
		return Time
	}
	return Date
}

// shift formats the point n units away from ref in direction sign, at the
// precision of the unit: a year, a month, a week, a day, or a minute.
func (f *finder) shift(n float64, u unit, vague bool, sign int, ref day, clock bool) string {
	if vague {
		if sign < 0 {
			return "PAST_REF"
		}
		return "FUTURE_REF"
	}
	if !f.hasPub {
		return ""
	}
	whole := n == float64(int(n))
	switch u {
	case uYear:
		if whole {
			return fmt.Sprintf("%04d", ref.y+sign*int(n))
		}
		y, m := addMonths(ref.y, ref.m, sign*int(n*12))
		return fmt.Sprintf("%04d-%02d", y, m)
	case uDecade:
		return fmt.Sprintf("%03d", (ref.y+sign*int(n*10))/10)
	case uCentury:
		return fmt.Sprintf("%02d", (ref.y+sign*int(n*100))/100)
	case uMonth:
		if whole {
			y, m := addMonths(ref.y, ref.m, sign*int(n))
			return fmt.Sprintf("%04d-%02d", y, m)
		}
		return ref.add(sign * int(n*30)).String()
	case uWeek:
		if whole {
			return isoWeek(ref.add(sign * 7 * int(n)))
		}
		return ref.add(sign * int(n*7)).String()
	case uDay:
		d := ref.add(sign * int(n))
		f.setAnchor(d)
		return d.String()
	}
	// Hours, minutes and seconds: from the publication time when known.
	if !clock {
		return ""
	}
	var dur time.Duration
	switch u {
	case uHour:
		dur = time.Duration(n * float64(time.Hour))
	case uMinute:
		dur = time.Duration(n * float64(time.Minute))
	default:
		dur = time.Duration(n * float64(time.Second))
	}
	t := f.pubT.Add(time.Duration(sign) * dur)
	return t.Format("2006-01-02T15:04")
}

// nextPhraseAt returns the number of words of the time.next-phrase ("आने
// वाले") at token i, or 0.
func (f *finder) nextPhraseAt(i int) int {
	if !f.lex.nextFirst.Has(f.key(i)) {
		return 0
	}
next:
	for _, p := range f.lex.nextPhrase {
		for k, w := range p {
			if f.key(i+k) != w {
				continue next
			}
		}
		return len(p)
	}
	return 0
}

// weekdayListEnd returns the token after the list of weekdays that goes on
// at k ("और मंगलवार", ", बुधवार"), or k when none does.
func (f *finder) weekdayListEnd(k int) int {
	for n := 0; n < 3 && (f.lex.list.Has(f.key(k)) || f.isPunct(k, ",")); n++ {
		if _, ok := f.lex.weekdays.get(f.key(k + 1)); !ok {
			break
		}
		k += 2
	}
	return k
}
