package timex

import (
	"time"

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

// lexicon holds every word table, keyed by normalize.Fold of the word. It is
// built once and only read.
type lexicon struct {
	months     map[string]int          // 1..12
	monthAbr   map[string]int          // English abbreviations: "nov"
	weekdays   map[string]time.Weekday // full names
	wdAbr      map[string]time.Weekday // "thu", "रवि" — only before a date
	units      map[string]unit
	plural     map[string]bool // plural or oblique-plural unit forms: "सालों", "years"
	parts      map[string]string
	numbers    map[string]float64
	mult       map[string]float64 // सौ, हजार, लाख, hundred, …
	vague      map[string]bool    // कुछ, कई, few, several
	mods       map[string]rel     // पिछले, अगले, इस, last, next, this
	relDays    map[string]int     // आज 0, कल ±1, परसों ±2, today, yesterday -1, …
	setWords   map[string]string  // रोजाना → P1D
	every      map[string]bool    // हर, प्रत्येक, every, each
	yearCue    map[string]bool    // वर्ष, साल, सन्, year, in, since
	postpos    map[string]bool    // words that may follow a bare year
	notAfter   map[string]bool    // nouns that make a bare number a quantity: रुपये, लोग
	ago        map[string]bool    // पहले, पूर्व, ago, before, earlier
	later      map[string]bool    // बाद, later, after
	whole      map[string]bool    // पूरा, पूरे, सारा, whole, entire
	future     map[string]bool    // whole words marking the future tense
	weakFuture map[string]bool    // "वाली": future unless a past verb follows
	past       map[string]bool    // whole words marking the past tense
	clause     map[string]bool    // words that end a clause: कि, that, लेकिन
}

// lex is the one lexicon, built at start-up. It is read-only.
var lex = buildLexicon()

func add[V any](m map[string]V, v V, words ...string) {
	for _, w := range words {
		m[normalize.Fold(w)] = v
	}
}

func buildLexicon() *lexicon {
	l := &lexicon{
		months: map[string]int{}, monthAbr: map[string]int{}, weekdays: map[string]time.Weekday{},
		wdAbr: map[string]time.Weekday{}, units: map[string]unit{}, plural: map[string]bool{},
		parts: map[string]string{}, numbers: map[string]float64{}, mult: map[string]float64{},
		vague: map[string]bool{}, mods: map[string]rel{}, relDays: map[string]int{},
		setWords: map[string]string{}, every: map[string]bool{}, yearCue: map[string]bool{},
		postpos: map[string]bool{}, notAfter: map[string]bool{}, ago: map[string]bool{},
		later: map[string]bool{}, whole: map[string]bool{}, future: map[string]bool{}, weakFuture: map[string]bool{},
		past: map[string]bool{}, clause: map[string]bool{},
	}
	months := [][]string{
		{"जनवरी", "january"}, {"फरवरी", "फ़रवरी", "फ़रवरी", "february"}, {"मार्च", "march"},
		{"अप्रैल", "अप्रेल", "अप्रील", "april"}, {"मई", "may"}, {"जून", "june"},
		{"जुलाई", "july"}, {"अगस्त", "august"}, {"सितंबर", "सितम्बर", "सितंबर", "september"},
		{"अक्टूबर", "अक्तूबर", "अक्तुबर", "अक्टुबर", "october"}, {"नवंबर", "नवम्बर", "november"},
		{"दिसंबर", "दिसम्बर", "december"},
	}
	for i, ws := range months {
		add(l.months, i+1, ws...)
	}
	for i, w := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		add(l.monthAbr, i+1, w)
	}
	add(l.monthAbr, 9, "sept")
	days := [][]string{
		{"रविवार", "इतवार", "sunday"}, {"सोमवार", "monday"}, {"मंगलवार", "tuesday"},
		{"बुधवार", "wednesday"}, {"गुरुवार", "बृहस्पतिवार", "वीरवार", "thursday"},
		{"शुक्रवार", "friday"}, {"शनिवार", "saturday"},
	}
	for i, ws := range days {
		add(l.weekdays, time.Weekday(i), ws...)
	}
	abr := [][]string{{"sun", "रवि"}, {"mon", "सोम"}, {"tue", "tues", "मंगल"}, {"wed", "बुध"},
		{"thu", "thur", "thurs", "गुरु"}, {"fri", "शुक्र"}, {"sat", "शनि"}}
	for i, ws := range abr {
		add(l.wdAbr, time.Weekday(i), ws...)
	}

	add(l.units, uSecond, "सेकंड", "सेकेंड", "सेकण्ड", "second", "seconds", "sec", "secs")
	add(l.units, uMinute, "मिनट", "मिनिट", "मिनटों", "minute", "minutes", "mins")
	add(l.units, uHour, "घंटा", "घंटे", "घंटों", "hour", "hours", "hrs")
	add(l.units, uDay, "दिन", "दिनों", "दिवस", "day", "days")
	add(l.units, uWeek, "सप्ताह", "सप्ताहों", "हफ्ता", "हफ्ते", "हफ्तों", "हप्ते", "week", "weeks")
	add(l.units, uMonth, "महीना", "महीने", "महीनों", "माह", "मास", "month", "months")
	add(l.units, uYear, "साल", "सालों", "वर्ष", "वर्षों", "बरस", "बरसों", "year", "years")
	add(l.units, uDecade, "दशक", "दशकों", "decade", "decades")
	add(l.units, uCentury, "सदी", "सदियों", "शताब्दी", "शताब्दियों", "century", "centuries")
	add(l.plural, true, "मिनटों", "घंटों", "दिनों", "सप्ताहों", "हफ्तों", "महीनों", "सालों", "वर्षों",
		"बरसों", "दशकों", "सदियों", "शताब्दियों", "seconds", "minutes", "hours", "days", "weeks",
		"months", "years", "decades", "centuries")

	add(l.parts, "MO", "सुबह", "सवेरे", "सवेरा", "प्रातः", "प्रात", "तड़के", "भोर", "morning")
	add(l.parts, "AF", "दोपहर", "दोपहरी", "अपराह्न", "afternoon")
	add(l.parts, "EV", "शाम", "सायं", "संध्या", "evening")
	add(l.parts, "NI", "रात", "रात्रि", "रातों", "night")
	add(l.parts, "MI", "मध्यरात्रि", "midnight")
	add(l.parts, "NO", "noon")

	hi := []string{"", "एक", "दो", "तीन", "चार", "पांच", "छह", "सात", "आठ", "नौ", "दस",
		"ग्यारह", "बारह", "तेरह", "चौदह", "पंद्रह", "सोलह", "सत्रह", "अठारह", "उन्नीस", "बीस",
		"इक्कीस", "बाईस", "तेईस", "चौबीस", "पच्चीस", "छब्बीस", "सत्ताईस", "अट्ठाईस", "उनतीस", "तीस",
		"इकतीस", "बत्तीस", "तैंतीस", "चौंतीस", "पैंतीस", "छत्तीस", "सैंतीस", "अड़तीस", "उनतालीस", "चालीस",
		"इकतालीस", "बयालीस", "तैंतालीस", "चवालीस", "पैंतालीस", "छियालीस", "सैंतालीस", "अड़तालीस", "उनचास", "पचास",
		"इक्यावन", "बावन", "तिरेपन", "चौवन", "पचपन", "छप्पन", "सत्तावन", "अट्ठावन", "उनसठ", "साठ",
		"इकसठ", "बासठ", "तिरेसठ", "चौंसठ", "पैंसठ", "छियासठ", "सड़सठ", "अड़सठ", "उनहत्तर", "सत्तर",
		"इकहत्तर", "बहत्तर", "तिहत्तर", "चौहत्तर", "पचहत्तर", "छिहत्तर", "सतहत्तर", "अठहत्तर", "उन्यासी", "अस्सी",
		"इक्यासी", "बयासी", "तिरासी", "चौरासी", "पचासी", "छियासी", "सत्तासी", "अट्ठासी", "नवासी", "नब्बे",
		"इक्यानवे", "बानवे", "तिरानवे", "चौरानवे", "पचानवे", "छियानवे", "सत्तानवे", "अट्ठानवे", "निन्यानवे"}
	for i, w := range hi {
		if w != "" {
			add(l.numbers, float64(i), w)
		}
	}
	add(l.numbers, 5, "पाँच")
	add(l.numbers, 6, "छः", "छ", "छे")
	add(l.numbers, 28, "अठ्ठाईस", "अठाईस")
	add(l.numbers, 58, "अठ्ठावन")
	add(l.numbers, 79, "उनासी")
	add(l.numbers, 88, "अठ्ठासी")
	add(l.numbers, 1.5, "डेढ़", "डेढ")
	add(l.numbers, 2.5, "ढाई")
	en := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}
	for i, w := range en {
		add(l.numbers, float64(i), w)
	}
	for i, w := range []string{"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(l.numbers, float64(30+10*i), w)
	}
	add(l.numbers, 1, "a", "an")
	add(l.mult, 100, "सौ", "hundred")
	add(l.mult, 1000, "हजार", "हज़ार", "thousand")
	add(l.mult, 100000, "लाख")
	add(l.mult, 10000000, "करोड़", "करोड़")
	add(l.mult, 1000000, "million")
	add(l.vague, true, "कुछ", "कई", "अनेक", "चंद", "few", "several", "many", "some")

	add(l.mods, relPast, "पिछले", "पिछला", "पिछली", "गत", "बीते", "बीता", "बीती", "विगत", "last", "past", "previous")
	add(l.mods, relNext, "अगले", "अगला", "अगली", "आगामी", "next", "coming")
	add(l.mods, relThis, "इस", "इसी", "मौजूदा", "चालू", "this", "current")
	add(l.relDays, 0, "आज", "today")
	add(l.relDays, 1, "कल")
	add(l.relDays, 2, "परसों")
	add(l.relDays, -1, "yesterday")
	add(l.relDays, 10+1, "tomorrow") // 10+n: n days ahead, whatever the tense

	add(l.setWords, "P1D", "रोजाना", "रोज़ाना", "प्रतिदिन", "daily")
	add(l.setWords, "P1W", "साप्ताहिक", "weekly")
	add(l.setWords, "P1M", "मासिक", "monthly")
	add(l.setWords, "P1Y", "सालाना", "वार्षिक", "annually", "yearly")
	add(l.setWords, "PT1H", "hourly")
	add(l.every, true, "हर", "प्रत्येक", "every", "each")

	add(l.yearCue, true, "वर्ष", "साल", "सन", "सन्", "ई", "year", "in", "since", "until", "till", "by", "during")
	add(l.postpos, true, "में", "से", "तक", "के", "की", "का", "को", "और", "व", "ई", "ईस्वी", "तथा")
	add(l.notAfter, true, "नोट", "नोटों", "रुपये", "रुपए", "रुपया", "रुपयों", "लोग", "लोगों", "करोड़", "लाख",
		"हजार", "मीटर", "किलो", "किलोमीटर", "पार", "ऊपर", "आसपास", "करीब", "ज्यादा", "अधिक", "कम", "लगभग",
		"डॉलर", "वोट", "वोटों", "मामले", "मामलों", "घर", "घरों")
	add(l.ago, true, "पहले", "पूर्व", "ago", "before", "earlier")
	add(l.later, true, "बाद", "later", "after")
	add(l.whole, true, "पूरा", "पूरे", "पूरी", "सारा", "सारे", "सारी", "whole", "entire")
	add(l.future, true, "होगा", "होगी", "होंगे", "होंगी", "होगे", "will", "shall", "जाएगा", "जाएगी", "जाएंगे",
		"रहेगा", "रहेगी", "रहेंगे", "करेगा", "करेगी", "करेंगे", "आएगा", "आएगी", "आएंगे", "जायेगा", "जायेगी",
		"जायेंगे", "tomorrow", "due", "scheduled", "upcoming")
	add(l.weakFuture, true, "वाला", "वाली", "वाले")
	add(l.past, true, "था", "थी", "थे", "थीं", "गया", "गई", "गए", "गयी", "गये", "किया", "कहा", "हुआ", "हुई",
		"हुए", "हुईं", "ने", "दी", "दिया", "दिए", "लिया", "ली", "was", "were", "had", "did", "said", "told", "yesterday")
	add(l.clause, true, "कि", "लेकिन", "मगर", "परंतु", "किंतु", "जबकि", "तथा", "और", "that", "but", "while", "and")
	return l
}
