package timex

import (
	"strings"
	"time"

	"khabar/internal/datetime"
	"khabar/internal/lexicon"
	"khabar/internal/normalize"
)

// unit is a calendar or clock unit a duration or relative expression counts.
type unit uint8

// Units, smallest first.
const (
	noUnit unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeek
	uMonth
	uYear
	uDecade
	uCentury
)

// isoUnit is the TIMEX3 letter of each unit (time units carry a T prefix).
var isoUnit = [...]string{uSecond: "S", uMinute: "M", uHour: "H", uDay: "D", uWeek: "W",
	uMonth: "M", uYear: "Y", uDecade: "DE", uCentury: "CE"}

// rel is the direction a modifier word gives: before, current or after the
// reference time.
type rel int8

// Directions.
const (
	relNone rel = iota
	relPast
	relThis
	relNext
)

// step is -1 for the past, +1 for the future, 0 otherwise.
func (r rel) step() int {
	switch r {
	case relPast:
		return -1
	case relNext:
		return 1
	}
	return 0
}

// table holds every word table, keyed by normalize.Fold of the word. It is
// built once and only read.
type table struct {
	names      *datetime.Names     // months, weekdays and clock words, for the date grammar
	weekdays   keyed[time.Weekday] // full names
	units      keyed[unit]
	plural     lexicon.Words // plural or oblique-plural unit forms: "सालों", "years"
	parts      keyed[string]
	numbers    keyed[float64]
	mult       keyed[float64] // सौ, हजार, लाख, hundred, …
	vague      lexicon.Words  // कुछ, कई, few, several
	mods       keyed[rel]     // पिछले, अगले, इस, last, next, this
	relDays    keyed[int]     // आज 0, कल ±1, परसों ±2, today, yesterday -1, …
	setWords   keyed[string]  // रोजाना → P1D
	every      lexicon.Words  // हर, प्रत्येक, every, each
	yearCue    lexicon.Words  // वर्ष, साल, सन्, year, in, since
	postpos    lexicon.Words  // words that may follow a bare year
	notAfter   lexicon.Words  // nouns that make a bare number a quantity: रुपये, लोग
	ago        lexicon.Words  // पहले, पूर्व, ago, before, earlier
	later      lexicon.Words  // बाद, later, after
	whole      lexicon.Words  // पूरा, पूरे, सारा, whole, entire
	future     lexicon.Words  // whole words marking the future tense
	weakFuture lexicon.Words  // "वाली": future unless a past verb follows
	past       lexicon.Words  // whole words marking the past tense
	clause     lexicon.Words  // words that end a clause: कि, that, लेकिन
	oclock     lexicon.Words  // the word after an hour: बजे, वाजता
	approx     lexicon.Words  // करीब, लगभग, about, around
	at         lexicon.Words  // at
	dateLink   lexicon.Words  // की, को, के, at: "3 नवंबर की रात"
	decade     lexicon.Words  // दशक
	genitive   lexicon.Words  // के: "1990 के दशक"
	rangeWord  lexicon.Words  // से, और, to: "15 से 20 मार्च"
	monthWord  lexicon.Words  // माह, महीने: "मार्च माह"
	same       lexicon.Words  // उस, उसी, that, same
	moreLess   lexicon.Words  // ज्यादा, कम: "2000 से ज्यादा"
	yearLink   lexicon.Words  // के, की, भी, ही: "2019 के मार्च"
	list       lexicon.Words  // और, व, या
	// The words of relative.go and clock.go's one-word checks.
	nextPhrase [][]string        // "आने वाले", folded words
	nextFirst  lexicon.Words     // the first words of nextPhrase
	tensedDay  lexicon.Words     // कल, परसों: direction by tense
	tonight    map[string]string // tonight → NI
	tonightW   lexicon.Words     // the keys of tonight, to reject a token at once
	pastDay    lexicon.Words     // गत, बीते, before a day noun
	dayNoun    lexicon.Words     // दिवस, दिन
	lastPart   lexicon.Words     // बीती, पिछली, last, before a part of the day
	thisPart   lexicon.Words     // this, before a part of the day
	notUnit    lexicon.Words     // दिवस: no counted unit
	dailyNoun  lexicon.Words     // रोज, after हर
	throughout lexicon.Words     // भर
	article    lexicon.Words     // a, an
	clockFrac  map[string]int    // सवा 15, साढ़े 30, पौने -15
	clockFracW lexicon.Words     // the keys of clockFrac
	futureSuf  []string          // -एगा, …
	// The words of clock.go.
	late         lexicon.Words   // देर, late: before a part of the day
	partLink     lexicon.Words   // के, की: "रात के समय"
	partNoun     lexicon.Words   // समय, वक्त
	oclockAnd    lexicon.Words   // बजकर
	minuteWord   lexicon.Words   // मिनट
	oclockPhrase map[string]bool // "o'clock", folded, with a plain apostrophe
}

// lexicons holds one table per primary language (lexicon.Primaries),
// each built from that language's pack and the English one. They are built
// at start-up and only read.
var lexicons = lexicon.Build(func(packs []*lexicon.Pack) (*table, error) { return buildLexicon(packs), nil })

// lexFor returns the table text in lang is read with.
func lexFor(lang string) *table { return lexicons.For(lang) }

// units maps the unit names of the packs to units.
var unitNames = map[string]unit{"second": uSecond, "minute": uMinute, "hour": uHour, "day": uDay,
	"week": uWeek, "month": uMonth, "year": uYear, "decade": uDecade, "century": uCentury}

// relNames maps the modifier values of the packs to directions.
var relNames = map[string]rel{"past": relPast, "this": relThis, "next": relNext}

// fill adds the entries of class c of every pack to m, folded, with the
// value val gives each.
func fill[V any](m map[string]V, packs []*lexicon.Pack, c lexicon.Class, val func(lexicon.Entry) V) {
	for _, p := range packs {
		for _, e := range p.Entries(c) {
			m[normalize.Fold(e.Text)] = val(e)
		}
	}
}

// keyed maps folded words to values, with lexicon.Words' signature test
// in front: most tokens are turned away without hashing them.
type keyed[V any] struct {
	w lexicon.Words
	m map[string]V
}

// get returns the value of word s and whether it has one.
func (k *keyed[V]) get(s string) (V, bool) {
	if !k.w.Has(s) {
		var zero V
		return zero, false
	}
	v, ok := k.m[s]
	return v, ok
}

// at returns the value of word s, the zero value when it has none.
func (k *keyed[V]) at(s string) V {
	v, _ := k.get(s)
	return v
}

// fillKeyed is fill for a keyed map.
func fillKeyed[V any](k *keyed[V], packs []*lexicon.Pack, c lexicon.Class, val func(lexicon.Entry) V) {
	fill(k.m, packs, c, val)
	for w := range k.m {
		k.w.Add(w)
	}
}

func buildLexicon(packs []*lexicon.Pack) *table {
	l := &table{
		names: datetime.NewNames(packs, normalize.Fold), weekdays: keyed[time.Weekday]{m: map[string]time.Weekday{}},
		units: keyed[unit]{m: map[string]unit{}}, parts: keyed[string]{m: map[string]string{}},
		numbers: keyed[float64]{m: map[string]float64{}}, mult: keyed[float64]{m: map[string]float64{}}, mods: keyed[rel]{m: map[string]rel{}},
		relDays: keyed[int]{m: map[string]int{}}, setWords: keyed[string]{m: map[string]string{}},
	}
	weekday := func(e lexicon.Entry) time.Weekday { return time.Weekday(e.Int()) }
	text := func(e lexicon.Entry) string { return e.Value }
	fillKeyed(&l.weekdays, packs, lexicon.Weekday, weekday)
	fillKeyed(&l.units, packs, lexicon.TimeUnit, func(e lexicon.Entry) unit { return unitNames[e.Value] })
	l.plural = lexicon.WordSet(packs, lexicon.TimeUnitPlural)
	fillKeyed(&l.parts, packs, lexicon.TimeDayPart, text)
	fillKeyed(&l.numbers, packs, lexicon.NumberWord, lexicon.Entry.Float)
	fillKeyed(&l.mult, packs, lexicon.Multiplier, lexicon.Entry.Float)
	l.vague = lexicon.WordSet(packs, lexicon.TimeVague)
	fillKeyed(&l.mods, packs, lexicon.TimeModifier, func(e lexicon.Entry) rel { return relNames[e.Value] })
	fillKeyed(&l.relDays, packs, lexicon.RelativeDay, lexicon.Entry.Int)
	fillKeyed(&l.setWords, packs, lexicon.TimeSet, text)
	l.every = lexicon.WordSet(packs, lexicon.TimeEvery)
	l.yearCue = lexicon.WordSet(packs, lexicon.TimeYearCue)
	l.postpos = lexicon.WordSet(packs, lexicon.TimeYearPostpos)
	l.notAfter = lexicon.WordSet(packs, lexicon.TimeQuantityNoun)
	l.ago = lexicon.WordSet(packs, lexicon.TimeAgo)
	l.later = lexicon.WordSet(packs, lexicon.TimeLater)
	l.whole = lexicon.WordSet(packs, lexicon.TimeWhole)
	l.future = lexicon.WordSet(packs, lexicon.TimeFuture)
	l.weakFuture = lexicon.WordSet(packs, lexicon.TimeWeakFuture)
	l.past = lexicon.WordSet(packs, lexicon.TimePast)
	l.clause = lexicon.WordSet(packs, lexicon.TimeClause)
	l.oclock = lexicon.WordSet(packs, lexicon.TimeOClock)
	l.approx = lexicon.WordSet(packs, lexicon.TimeApprox)
	l.at = lexicon.WordSet(packs, lexicon.TimeAt)
	l.dateLink = lexicon.WordSet(packs, lexicon.TimeDateLink)
	l.decade = lexicon.WordSet(packs, lexicon.TimeDecade)
	l.genitive = lexicon.WordSet(packs, lexicon.TimeGenitive)
	l.rangeWord = lexicon.WordSet(packs, lexicon.TimeRange)
	l.monthWord = lexicon.WordSet(packs, lexicon.TimeMonthWord)
	l.same = lexicon.WordSet(packs, lexicon.TimeSame)
	l.moreLess = lexicon.WordSet(packs, lexicon.TimeMoreLess)
	l.yearLink = lexicon.WordSet(packs, lexicon.TimeYearLink)
	l.list = lexicon.WordSet(packs, lexicon.TimeList)
	for _, p := range packs {
		for _, w := range p.Words(lexicon.TimeNextPhrase) {
			ws := strings.Fields(normalize.Fold(w))
			l.nextPhrase = append(l.nextPhrase, ws)
			l.nextFirst.Add(ws[0])
		}
		for _, w := range p.Words(lexicon.TimeFutureSuffix) {
			l.futureSuf = append(l.futureSuf, normalize.Fold(w))
		}
	}
	l.tensedDay = lexicon.WordSet(packs, lexicon.TimeTensedDay)
	l.tonight = map[string]string{}
	fill(l.tonight, packs, lexicon.TimeTonight, text)
	l.tonightW = lexicon.WordSet(packs, lexicon.TimeTonight)
	l.pastDay = lexicon.WordSet(packs, lexicon.TimePastDay)
	l.dayNoun = lexicon.WordSet(packs, lexicon.TimeDayNoun)
	l.lastPart = lexicon.WordSet(packs, lexicon.TimeLastPart)
	l.thisPart = lexicon.WordSet(packs, lexicon.TimeThisPart)
	l.notUnit = lexicon.WordSet(packs, lexicon.TimeNotUnit)
	l.dailyNoun = lexicon.WordSet(packs, lexicon.TimeDailyNoun)
	l.throughout = lexicon.WordSet(packs, lexicon.TimeThroughout)
	l.article = lexicon.WordSet(packs, lexicon.TimeArticle)
	l.clockFrac = map[string]int{}
	fill(l.clockFrac, packs, lexicon.TimeClockFrac, lexicon.Entry.Int)
	l.clockFracW = lexicon.WordSet(packs, lexicon.TimeClockFrac)
	l.late = lexicon.WordSet(packs, lexicon.TimeLate)
	l.partLink = lexicon.WordSet(packs, lexicon.TimePartLink)
	l.partNoun = lexicon.WordSet(packs, lexicon.TimePartNoun)
	l.oclockAnd = lexicon.WordSet(packs, lexicon.TimeOClockAnd)
	l.minuteWord = lexicon.WordSet(packs, lexicon.TimeMinuteWord)
	l.oclockPhrase = map[string]bool{}
	for _, p := range packs {
		for _, w := range p.Words(lexicon.TimeOClockPhrase) {
			l.oclockPhrase[normalize.Fold(strings.ReplaceAll(w, "’", "'"))] = true
		}
	}
	return l
}
