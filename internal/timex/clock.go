package timex

import "khabar/internal/datetime"

// timeAfter reads what may follow a day: a part of it or a clock time
// ("सुबह", "की शाम", "को सुबह 10 बजे", "02:40 PM"). date is the day's value.
func (f *finder) timeAfter(k int, date string) (int, string, bool) {
	j := k
	if f.isPunct(j, ",") {
		j++
	}
	if f.lex.dateLink.Has(f.key(j)) {
		j++
	}
	part := ""
	if p, ok := f.lex.parts.get(f.key(j)); ok && !f.partIdiom(j) {
		part = p
		j++
	}
	c := j
	if f.lex.approx.Has(f.key(c)) || f.lex.at.Has(f.key(c)) {
		c++
	}
	if hh, mm, ss, sec, end, ok := f.clockAt(c, part); ok {
		return end, clockValue(date, hh, mm, ss, sec), true
	}
	if part != "" {
		return j, partValue(date, part), true
	}
	return k, "", false
}

// partValue is a day with a part of it: "2017-11-29TEV"; midnight and noon
// are clock times.
func partValue(date, part string) string {
	switch part {
	case "MI":
		return date + "T24:00"
	case "NO":
		return date + "T12:00"
	}
	return date + "T" + part
}

// partIdiom reports whether the part-of-day word at i is part of an idiom
// that names no time: "दिन-रात", "रातों-रात", "रात भर".
func (f *finder) partIdiom(i int) bool {
	if f.isPunct(i+1, "-") && f.tight(i+1) || f.isPunct(i-1, "-") && f.tight(i) {
		return true
	}
	return f.lex.throughout.Has(f.key(i + 1))
}

// clockAt reads a clock time at i: "10 बजे", "आठ बजे", "2:15", "10:30
// am", "साढ़े तीन बजे", "5 बजकर 30 मिनट". part is the part of the day
// written before it, which moves hours to the afternoon or night.
func (f *finder) clockAt(i int, part string) (hh, mm, ss int, sec bool, end int, ok bool) {
	if i >= len(f.toks) {
		return
	}
	j := i
	adj := 0 // minutes to add: सवा +15, साढ़े +30, पौने -15
	if f.lex.clockFracW.Has(f.key(i)) {
		m := f.lex.clockFrac[f.key(i)]
		adj, j = m, i+1
	}
	colon, marker := false, ""
	if f.isNum(j) {
		if c, isClock := datetime.ReadClock(f.toks, j); isClock {
			hh, mm, ss, sec, colon, j = c.Hour, c.Minute, c.Second, c.Seconds, c.Colon, c.End
		} else {
			// An hour alone ("10 बजे"); digits that look like a clock but
			// are none ("10:75", "1.30.5") are no time at all.
			t := f.toks[j]
			if t.Digits > 2 || t.Num > 24 || (j > 0 && f.tight(j) && f.isPunct(j-1, ".,:/-+")) ||
				f.isPunct(j+1, ":.") && f.tight(j+1) && f.isNum(j+2) && f.tight(j+2) && f.toks[j+2].Digits == 2 {
				return
			}
			hh = t.Num
			j++
		}
	} else if v, isNum := f.lex.numbers.get(f.key(j)); isNum && v >= 1 && v <= 12 && f.toks[j].Kind == kWord && !f.lex.article.Has(f.key(j)) {
		if v != float64(int(v)) { // डेढ़ बजे 1:30, ढाई बजे 2:30
			if adj != 0 {
				return
			}
			hh, mm = int(v), 30
		} else {
			hh = int(v)
		}
		j++
	} else {
		return
	}
	// The marker.
	k := f.key(j)
	switch m, after := f.lex.names.Meridiem(f.toks, j, false); {
	case f.lex.oclock.Has(k):
		marker, j = "h", j+1
	case f.lex.oclockAnd.Has(k):
		if f.isNum(j+1) && f.toks[j+1].Num < 60 && f.lex.minuteWord.Has(f.key(j+2)) {
			mm, marker, j = f.toks[j+1].Num, "h", j+3
		} else if v, isNum := f.lex.numbers.get(f.key(j + 1)); isNum && v < 60 && f.lex.minuteWord.Has(f.key(j+2)) {
			mm, marker, j = int(v), "h", j+3
		} else {
			return
		}
	case m != "":
		marker, j = m, after
	case f.oclockPhrase(j):
		marker, j = "h", j+3
	case f.lex.names.IsZoneWord(k):
		if colon {
			j++
		}
	}
	if marker == "" && !colon {
		return
	}
	if adj != 0 {
		if marker != "h" || mm != 0 {
			return
		}
		t := hh*60 + adj
		if t < 0 {
			t += 12 * 60
		}
		hh, mm = t/60, t%60
	}
	switch {
	case marker == "pm" && hh < 12:
		hh += 12
	case marker == "am" && hh == 12:
		hh = 0
	case marker == "am" || marker == "pm":
	case part == "AF" && hh >= 1 && hh <= 6, part == "EV" && hh < 12, part == "NI" && hh >= 6 && hh < 12:
		hh += 12
	case part == "NI" && hh == 12:
		hh = 24
	}
	if hh > 24 || (hh == 24 && (mm != 0 || ss != 0)) {
		return
	}
	return hh, mm, ss, sec, j, true
}

// anchorDate is the value prefix of the day bare times fall on.
func (f *finder) anchorDate() string {
	if !f.hasAnchor {
		return "XXXX-XX-XX"
	}
	return f.anchor.String()
}

// clockExpr matches a part of the day or a clock time without a day before
// it: "शाम", "देर शाम", "रात के समय", "दोपहर 2:15", "रात आठ बजे", "10:30
// am". It falls on the last day the text mentioned.
func (f *finder) clockExpr(i int) int {
	j, part := i, ""
	if f.lex.late.Has(f.key(i)) && f.lex.parts.at(f.key(i+1)) != "" {
		j = i + 1
	}
	if p, ok := f.lex.parts.get(f.key(j)); ok {
		if f.partIdiom(j) || (f.latin(j) && j == i) {
			return -1
		}
		part = p
		j++
		if f.lex.partLink.Has(f.key(j)) && f.lex.partNoun.Has(f.key(j+1)) {
			j += 2
		}
	}
	c := j
	if f.lex.approx.Has(f.key(c)) && part != "" {
		c++
	}
	if hh, mm, ss, sec, end, ok := f.clockAt(c, part); ok {
		date := f.anchorDate()
		// English puts the day after the time: "at 10 a.m. on Monday",
		// "at 6 pm yesterday".
		if d, e, ok := f.dayAfter(end); ok {
			date, end = d, e
		}
		f.emit(i, end, Time, clockValue(date, hh, mm, ss, sec))
		return end
	}
	if part == "" {
		return -1
	}
	f.emit(i, j, Time, partValue(f.anchorDate(), part))
	return j
}

// oclockPhrase reports whether an English "o'clock" (time.oclock-phrase)
// starts at token j: a letter, an apostrophe glued on, a word glued on.
func (f *finder) oclockPhrase(j int) bool {
	if !f.isPunct(j+1, "'’") || !f.tight(j+1) || j+2 >= len(f.toks) {
		return false
	}
	return f.lex.oclockPhrase[f.key(j)+"'"+f.key(j+2)]
}
