package datetime

import (
	"time"

	"khabar/internal/lexicon"
)

// Clock is a time of day written in digits, as ReadClock reads it.
type Clock struct {
	// Hour is as written (0–24; a meridiem is the caller's to apply),
	// Minute and Second likewise.
	Hour, Minute, Second int
	// Seconds is true when ":ss" was written; Colon when hour and minute
	// are joined by a colon (not a full stop).
	Seconds, Colon bool
	// End is the token after the clock.
	End int
}

// ReadClock reads a time of day in digits at toks[i]: "20:59", "8.59",
// "20:59:41", the marks glued to the numbers. An hour glued to a mark
// before it ("2021-03-19" read from its day), or digits glued after the
// clock ("10.30.5"), make it no clock.
func ReadClock(toks []Token, i int) (Clock, bool) {
	if !isNumTok(toks, i) {
		return Clock{}, false
	}
	t := toks[i]
	if t.Digits > 2 || t.Num > 24 || (tightTok(toks, i) && isPunctTok(toks, i-1, ".,:/-+")) {
		return Clock{}, false
	}
	j := i + 1
	if !isPunctTok(toks, j, ":.") || !tightTok(toks, j) || !isNumTok(toks, j+1) || !tightTok(toks, j+1) || toks[j+1].Digits != 2 {
		return Clock{}, false
	}
	c := Clock{Hour: t.Num, Minute: toks[j+1].Num, Colon: toks[j].Key == ":"}
	j += 2
	if c.Colon && isPunctTok(toks, j, ":") && tightTok(toks, j) && isNumTok(toks, j+1) && tightTok(toks, j+1) && toks[j+1].Digits == 2 {
		c.Second, c.Seconds = toks[j+1].Num, true
		j += 2
		// A fraction of a second, as machines print it: "20:59:41.250".
		if isPunctTok(toks, j, ".") && tightTok(toks, j) && isNumTok(toks, j+1) && tightTok(toks, j+1) {
			j += 2
		}
	}
	if c.Minute > 59 || c.Second > 59 || (tightTok(toks, j) && (isNumTok(toks, j) || isPunctTok(toks, j, ".:") && isNumTok(toks, j+1))) {
		return Clock{}, false
	}
	c.End = j
	return c, true
}

// Meridiem reads "am" or "pm" after a clock time at toks[j]: "PM", "p.m."
// (the marks glued), and with halfDay also the words of the packs' class
// clock-half-day ("अपराह्न"), which printed timestamps use. It returns
// "am", "pm" or "" and the token after what it read.
func (n *Names) Meridiem(toks []Token, j int, halfDay bool) (string, int) {
	if j >= len(toks) || toks[j].Kind != Word {
		return "", j
	}
	k := toks[j].Key
	if m, ok := n.meridiem[k]; ok {
		return m, j + 1
	}
	if halfDay {
		if m, ok := n.halfDay[k]; ok {
			return m, j + 1
		}
	}
	// "a.m.", "p.m.": the letters apart, the marks glued.
	if (k == "a" || k == "p") && isPunctTok(toks, j+1, ".") && tightTok(toks, j+1) && keyAt(toks, j+2) == "m" && tightTok(toks, j+2) {
		e := j + 3
		if isPunctTok(toks, e, ".") && tightTok(toks, e) {
			e++
		}
		return k + "m", e
	}
	return "", j
}

// ApplyMeridiem moves hour h by meridiem m ("am", "pm"): 12 am is 0, 1–11
// pm are 13–23.
func ApplyMeridiem(h int, m string) int {
	switch {
	case m == "pm" && h < 12:
		return h + 12
	case m == "am" && h == 12:
		return 0
	}
	return h
}

// Zone reads a zone written after a clock time at toks[j]: a name of the
// packs' class zone ("IST", "(IST)", "GMT"), an offset ("+05:30",
// "+0530", "-4:00"), or a name and an offset ("GMT+5:30"). It returns the
// zone and the token after it.
func (n *Names) Zone(toks []Token, j int) (*time.Location, int, bool) {
	var loc *time.Location
	k := j
	z := k
	if isPunctTok(toks, z, "(") {
		z++
	}
	if z < len(toks) && toks[z].Kind == Word {
		if off, found := n.zones[toks[z].Key]; found {
			loc = zoneFor(off)
			z++
			if isPunctTok(toks, z, ")") {
				z++
			}
			k = z
		}
	}
	if k+1 < len(toks) && isPunctTok(toks, k, "+-") && toks[k+1].Kind == Number {
		sign := 1
		if toks[k].Key == "-" {
			sign = -1
		}
		h, m2, used := 0, 0, 0
		switch {
		case toks[k+1].Digits == 4:
			h, m2, used = toks[k+1].Num/100, toks[k+1].Num%100, 2
		case toks[k+1].Digits <= 2 && isPunctTok(toks, k+2, ":") && k+3 < len(toks) && toks[k+3].Kind == Number && toks[k+3].Digits == 2:
			h, m2, used = toks[k+1].Num, toks[k+3].Num, 4
		}
		if used > 0 && h <= 14 && m2 < 60 {
			loc = zoneFor(sign * (h*3600 + m2*60))
			k += used
		}
	}
	return loc, k, loc != nil
}

// IsZoneWord reports whether key names a zone (the packs' class zone) or
// is a clock suffix ("hrs"): a word a clock time may carry after it.
func (n *Names) IsZoneWord(key string) bool {
	_, zone := n.zones[key]
	return zone || n.clockSuffix[key]
}

// buildClockWords adds the clock words of packs to n.
func (n *Names) buildClockWords(packs []*lexicon.Pack, fold func(string) string) {
	n.meridiem, n.halfDay, n.zones, n.clockSuffix = map[string]string{}, map[string]string{}, map[string]int{}, map[string]bool{}
	for _, p := range packs {
		for _, e := range p.Entries(lexicon.Meridiem) {
			n.meridiem[fold(e.Text)] = e.Value
		}
		for _, e := range p.Entries(lexicon.HalfDay) {
			n.halfDay[fold(e.Text)] = e.Value
		}
		for _, e := range p.Entries(lexicon.Zone) {
			n.zones[fold(e.Text)] = e.Int()
		}
		for _, w := range p.Words(lexicon.ClockSuffix) {
			n.clockSuffix[fold(w)] = true
		}
	}
}
