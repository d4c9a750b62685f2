package event

import (
	"khabar/internal/lexicon"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/quote"
	"khabar/internal/timex"
)

// clauseBounds returns the clause of token i: tokens [lo, hi) between
// commas, "कि", conjunctions and the sentence's ends.
func (d *doc) clauseBounds(i int) (int, int) {
	s := d.sents[d.sent[i]]
	lo, hi := s.first, s.end
	for k := i - 1; k >= s.first; k-- {
		if d.boundary(k) {
			lo = k + 1
			break
		}
	}
	for k := i + 1; k < s.end; k++ {
		if d.boundary(k) {
			hi = k
			break
		}
	}
	return lo, hi
}

func (d *doc) boundary(k int) bool {
	t := d.toks[k]
	return t.kind == kPunct && (t.key == "," || t.key == ";" || t.key == ":") || d.is(lexicon.EventClauseEnd, t.key)
}

// segmentBounds is clauseBounds with only "कि"/"that" as a boundary: the
// reporting clause and what it reports are different segments.
func (d *doc) segmentBounds(i int) (int, int) {
	s := d.sents[d.sent[i]]
	lo, hi := s.first, s.end
	for k := i - 1; k >= s.first; k-- {
		if d.segmentBreak(k) {
			lo = k + 1
			break
		}
	}
	for k := i + 1; k < s.end; k++ {
		if d.segmentBreak(k) {
			hi = k
			break
		}
	}
	return lo, hi
}

// segmentBreak reports whether token k separates a reporting clause from
// what it reports: "कि", "that", or a comma or colon after a speech verb
// ("पेस्कोव ने कहा, …").
func (d *doc) segmentBreak(k int) bool {
	switch w := d.key(k); w {
	case "कि", "that":
		return true
	case ",", ":":
		p := d.key(k - 1)
		if p == "था" || p == "है" {
			p = d.key(k - 2)
		}
		return p == "कहा" || p == "बताया" || p == "said" || p == "told" || p == "दिया"
	}
	return false
}

// triggerEndingAt reports whether a trigger ends at token k.
func (d *doc) triggerEndingAt(k int) bool {
	if k < 0 {
		return false
	}
	e := d.toks[k].e
	x := sort.Search(len(d.out), func(x int) bool { return d.out[x].Trigger.Start >= e })
	return x > 0 && d.out[x-1].Trigger.End == e
}

// tokOf returns the index of the token starting at or after byte b.
func (d *doc) tokOf(b int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].s >= b })
}

// modality decides whether the mention with trigger tokens [i, end)
// happened: negated, future, hypothetical, or asserted.
func (d *doc) modality(m *Mention, i, end int) string {
	lo, hi := d.clauseBounds(i)
	neg, fut, hypo := false, false, false
	for k := i; k < hi; k++ {
		w := d.key(k)
		switch {
		case (w == "बिना" || w == "without") && d.key(k-1) == "के" && k > i:
			// "युद्ध समाप्ति के … समझौते के बिना": the event is part of
			// what was missing, unless a verb stands between.
			verb := false
			for x := i + 1; x < k; x++ {
				verb = verb || d.is(lexicon.EventVerbs, d.key(x))
			}
			neg = neg || !verb
		case w == "बिना" || w == "without":
			// "बिना किसी समझौते के": negates what follows, not the event.
			for k < hi && d.key(k) != "के" {
				k++
			}
		case d.is(lexicon.EventNegation, w):
			neg = true
		case d.is(lexicon.EventHypothetical, w):
			hypo = true
		case d.is(lexicon.EventFuture, w) || futureVerb(w):
			fut = true
		case k >= end && d.is(lexicon.EventCancel, w) && (m.Event.Type == Consult || m.Event.Type == Agree):
			neg = true
		}
	}
	for k := max(lo, i-3); k < i; k++ {
		w := d.key(k)
		switch {
		case w == "बिना" || w == "without" || w == "no":
			neg = true
		case (w == "आगामी" || w == "अगले" || w == "अगली" || w == "next" || w == "upcoming") && k >= i-2:
			fut = true
		case (w == "वाली" || w == "वाले" || w == "वाला") && d.key(k-1) == "होने" && (k == i-1 || k == i-2 && d.is(lexicon.EventAnaphor, d.key(i-1))):
			// "होने वाली बैठक": a meeting still to come.
			fut = true
		case w == "प्रस्तावित" || w == "proposed" || w == "planned":
			hypo = true
		}
	}
	// "वार्ता करने की पेशकश", "फोन कॉल का प्रस्ताव": offered, not held.
	if m.Event.Type == Consult {
		for k := end; k < min(hi, end+9); k++ {
			if w := d.key(k); w == "पेशकश" || w == "प्रस्ताव" || w == "offer" || w == "proposal" {
				hypo = true
			}
		}
	}
	// "परामर्श के लिए": a purpose, not an event.
	if d.key(end) == "के" && d.key(end+1) == "लिए" && m.Event.Subtype == "" {
		hypo = true
	}
	// A hazard or an attack named by a noun is denied only in so many
	// words ("कोई हादसा नहीं हुआ", "आग नहीं लगी"); "इस हादसे में कोई
	// हताहत नहीं हुआ" and "आग लगने का कारण पता नहीं चला" deny something
	// else.
	if neg && m.violent() && !d.denied(i, end) {
		neg = false
	}
	switch {
	case neg:
		return Negated
	case hypo:
		return Hypothetical
	case fut:
		return Future
	}
	return Asserted
}

// denied reports whether the hazard or attack at tokens [i, end) is
// itself denied: "कोई/किसी" before it ("कोई हादसा नहीं हुआ", "no
// attack"), a negation right after it or after its light verb ("आग नहीं
// लगी", "हमला हुआ ही नहीं"), or "बिना" before it.
func (d *doc) denied(i, end int) bool {
	_, hi := d.clauseBounds(i)
	for k := max(0, i-2); k < i; k++ {
		switch d.key(k) {
		case "कोई", "किसी", "no", "बिना", "without":
			for x := end; x < hi; x++ {
				if d.is(lexicon.EventNegation, d.key(x)) {
					return true
				}
			}
			if d.key(k) != "कोई" && d.key(k) != "किसी" {
				return true
			}
		}
	}
	for k := end; k < hi && k < end+3; k++ {
		w := d.key(k)
		if d.is(lexicon.EventNegation, w) {
			return true
		}
		if !d.is(lexicon.EventVerbs, w) && !strings.HasPrefix(w, "लग") && w != "ही" && w != "हो" && w != "आया" && w != "आई" {
			return false
		}
	}
	return false
}

// futureVerb reports whether a Hindi word is a future-tense verb form.
func futureVerb(w string) bool {
	if utf8.RuneCountInString(w) < 4 {
		return false
	}
	for _, s := range []string{"ेगा", "ेगी", "ेंगे", "ेंगी", "ोगे", "ूंगा", "ूंगी", "एगा", "एगी", "एंगे", "एंगी", "ोंगे", "ोंगी"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

var datePrefix = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}|\d{4}-\d{2}|\d{4})`)

// dateOf returns the date part of a time value ("2025-11-01TNI" →
// "2025-11-01"), or "" when it names no date.
func dateOf(v string) string {
	return datePrefix.FindString(v)
}

// when picks the time expression of the mention's clause, else of its
// segment (never across "कि"), nearest the trigger.
func (d *doc) when(m *Mention, i int) {
	lo, hi := d.clauseBounds(i)
	slo, shi := d.segmentBounds(i)
	best, bestDist := -1, 1<<30
	s := d.sents[d.sent[i]]
	from := sort.Search(len(d.times), func(x int) bool { return d.times[x].s >= d.toks[s.first].s })
	for ti := from; ti < len(d.times) && d.times[ti].s < d.toks[s.end-1].e; ti++ {
		t := d.times[ti]
		k := d.tokOf(t.s)
		if d.triggerBetween(k, i) || d.purposeBetween(k, i) {
			continue
		}
		if k < slo || k >= shi {
			// A speech act ("called him a killer") takes the time of
			// the clause that reports it; other events do not.
			if !speechActs[m.Event.Type] || len(m.Event.Actors) == 0 || d.sent[k] != d.sent[i] {
				continue
			}
		}
		dist := k - i
		if dist < 0 {
			dist = -dist
		}
		if k < lo || k >= hi {
			dist += 1000
		}
		if k < slo || k >= shi {
			dist += 1000
		}
		if t.date == "" {
			dist += 500 // a time that resolves to no date is a last resort
		}
		if dist < bestDist {
			best, bestDist = ti, dist
		}
	}
	if best < 0 && m.Event.Subtype == "" && len(m.Event.Actors) > 0 {
		best = d.continuedTime(d.sent[i], m.Event.Actors)
	}
	if best >= 0 {
		// "शनिवार रात से रविवार सुबह तक": a range starts at its start.
		if k := d.tokOf(d.times[best].s); best > 0 && d.key(k-1) == "से" && d.times[best-1].e == d.toks[k-2].e && d.times[best-1].date != "" {
			best--
		}
		t := d.times[best]
		m.Time = Span{t.s, t.e}
		if t.date != "" {
			m.Event.Date, m.dated = t.date, true
		}
	}
}

// continuedTime returns the time expression a political mention in
// sentence si without one of its own takes from the sentences before it,
// or -1. The sentences from the one that gives the time to si must all
// tell what the same actor did: each has as its agent one of actors or a
// pronoun ("उन्होंने"), or, naming no agent, opens with "साथ ही" or
// "इसके अलावा". The time is the first one after the agent of the
// nearest such sentence that has one: "पुतिन ने बृहस्पतिवार को … कहा।
// साथ ही, पुतिन ने … । उन्होंने कहा … । पुतिन ने … प्रस्ताव दिया" puts
// the offer on Thursday.
func (d *doc) continuedTime(si int, actors []string) int {
	same := func(s int) bool {
		if d.wordless(s) {
			return true
		}
		id, pronoun := d.agentOf(s)
		if pronoun {
			return true
		}
		if id != "" {
			for _, a := range actors {
				if a == id {
					return true
				}
			}
			return false
		}
		return d.continues(s)
	}
	for s := si; s > si-5 && s > 0; s-- {
		if !same(s) {
			return -1
		}
		if t := d.timeAfterAgent(s - 1); t >= 0 {
			if same(s-1) && !d.continues(s-1) || d.continues(s-1) && same(s-1) {
				return t
			}
			return -1
		}
	}
	return -1
}

// wordless reports whether sentence s has no word: a closing quotation
// mark split from the sentence it ends.
func (d *doc) wordless(s int) bool {
	for k := d.sents[s].first; k < d.sents[s].end; k++ {
		if d.toks[k].kind == kWord || d.toks[k].kind == kNum {
			return false
		}
	}
	return true
}

// continues reports whether sentence s opens by adding to the one
// before: "साथ ही", "इसके अलावा", "इसके साथ ही".
func (d *doc) continues(s int) bool {
	k := d.sents[s].first
	w1, w2, w3 := d.key(k), d.key(k+1), d.key(k+2)
	return w1 == "साथ" && w2 == "ही" || w1 == "इसके" && (w2 == "अलावा" || w2 == "साथ" && w3 == "ही") ||
		w1 == "also" || w1 == "besides"
}

// agentOf returns the entity before the first "ने" of sentence s, or
// reports that its agent is a pronoun ("उन्होंने").
func (d *doc) agentOf(s int) (id string, pronoun bool) {
	if s < 0 || s >= len(d.sents) {
		return "", false
	}
	for k := d.sents[s].first; k < d.sents[s].end; k++ {
		switch {
		case ergPronouns[d.key(k)]:
			return "", true
		case d.erg(k):
			if a, ok := d.r.Before(d.toks[k].s); ok {
				return a.ID, false
			}
			return "", false
		case d.key(k) == "कि":
			return "", false
		}
	}
	return "", false
}

// timeAfterAgent returns the first dated time expression of sentence s
// after its "ने", or -1.
func (d *doc) timeAfterAgent(s int) int {
	if s < 0 || s >= len(d.sents) {
		return -1
	}
	st := d.sents[s]
	ne := -1
	for k := st.first; k < st.end && ne < 0; k++ {
		if d.erg(k) {
			ne = k
		}
	}
	if ne < 0 {
		return -1
	}
	from := sort.Search(len(d.times), func(x int) bool { return d.times[x].s >= d.toks[ne].e })
	for x := from; x < len(d.times) && d.times[x].s < d.toks[st.end-1].e; x++ {
		if d.times[x].date != "" {
			return x
		}
	}
	return -1
}

// purposeBetween reports whether "के लिए" stands between a time
// expression at token k and a trigger at token i after it: "अगले कुछ
// दिनों में चर्चा करने के लिए … प्रस्ताव दिया" dates the talks, not the
// offer.
func (d *doc) purposeBetween(k, i int) bool {
	for x := k + 1; x < i-1; x++ {
		if d.key(x) == "के" && d.key(x+1) == "लिए" {
			return true
		}
	}
	return false
}

// triggerBetween reports whether another trigger stands between token k
// (a time expression) and token i (a trigger): the time belongs to it.
func (d *doc) triggerBetween(k, i int) bool {
	lo, hi := min(k, i), max(k, i)
	from := sort.Search(len(d.out), func(x int) bool { return d.out[x].Trigger.Start > d.toks[lo].s })
	for _, m := range d.out[from:] {
		if m.Trigger.Start >= d.toks[hi].s {
			break
		}
		t := d.tokOf(m.Trigger.Start)
		// The object right before a trigger ("बैठक रद्द") does not count.
		if t > lo && t < hi && t != i && !(t < i && d.tokOf(m.Trigger.End) >= i-1) {
			return true
		}
	}
	return false
}

// speechActs are events done by speaking.
var speechActs = map[string]bool{Accuse: true, Threaten: true, Request: true}

// fallbackDate is the dateline's date, else the publication date.
func (d *doc) fallbackDate() string {
	if d.a.Dateline != nil && d.a.Dateline.Date != "" {
		return d.a.Dateline.Date
	}
	if !d.a.Published.IsZero() {
		return d.a.Published.Format("2006-01-02")
	}
	return ""
}

// where picks the place of the mention: the place entity nearest the
// trigger in a locative phrase ("बुडापेस्ट में", "एंकोरेज स्थित", "X के
// पास", "in Anchorage") of its clause, else of its sentence; for a hazard
// or an attack, else any place entity of its sentence that is not a
// qualifier ("रूस के राष्ट्रपति") or a party.
func (d *doc) where(m *Mention, i int, exclude map[string]bool) {
	clo, chi := d.clauseBounds(i)
	s := d.sents[d.sent[i]]
	best, bestScore := -1, 1<<30
	from := sort.Search(len(d.ments), func(x int) bool { return d.ments[x].s >= d.toks[s.first].s })
	for mi := from; mi < len(d.ments) && d.ments[mi].s < d.toks[s.end-1].e; mi++ {
		em := d.ments[mi]
		e := d.a.Entities[em.ent]
		if e.Type != news.LOC || exclude[e.ID] {
			continue
		}
		k := d.tokOf(em.s)
		end := d.tokOf(em.e)
		score := absInt(k - i)
		if k < clo || k >= chi {
			// Beyond the clause only for hazards and attacks: a meeting
			// "in Budapest" two clauses on is another meeting.
			if !m.violent() {
				continue
			}
			score += 100
		}
		// Only a place in a locative phrase is where the event happened:
		// "बुडापेस्ट में", "एंकोरेज स्थित", "in Anchorage"; "रूस के
		// राष्ट्रपति" and "यूक्रेन पर" are not.
		switch next := d.key(end); {
		case locative[next] || d.key(k-1) == "in" || d.key(k-1) == "near" || d.key(k-1) == "at":
		case (next == "के" || next == "की") && (d.key(end+1) == "पास" || d.key(end+1) == "निकट" || d.key(end+1) == "नजदीक"):
		case !m.violent() || titleWords[d.key(end+1)] || next == "ने" || next == "पर" || next == "को":
			continue
		default:
			score += 200
		}
		if score < bestScore {
			best, bestScore = mi, score
		}
	}
	if best >= 0 {
		em := d.ments[best]
		m.Event.Place = d.a.Entities[em.ent].ID
		m.Place = Span{em.s, em.e}
		return
	}
	if m.violent() {
		m.Place = d.placePhrase(i, clo, chi)
	}
}

// placePhrase finds a place named by a common noun in the clause [lo, hi)
// of trigger i: "फैक्टरी में", "गांव के पास", the nearest before the
// trigger, else after it. It returns the noun phrase, or an empty span.
func (d *doc) placePhrase(i, lo, hi int) Span {
	best, bestDist := Span{}, 1<<30
	for k := lo + 1; k < hi; k++ {
		if k >= i && k < i+1 {
			continue
		}
		w := d.key(k)
		head := -1
		switch {
		case w == "में" || w == "स्थित":
			head = k - 1
		case (w == "पास" || w == "निकट" || w == "नजदीक" || w == "समीप") && (d.key(k-1) == "के" || d.key(k-1) == "की"):
			head = k - 2
		}
		if head < lo || d.toks[head].kind != kWord || !placeNoun(d.key(head)) {
			continue
		}
		dist := absInt(i - k)
		if k > i {
			dist += 50
		}
		if dist < bestDist {
			// The phrase: the head and the words that qualify it, back to
			// a postposition or punctuation.
			first := head
			for n := 0; n < 3 && first-1 >= lo && d.toks[first-1].kind == kWord && !postpositions[d.key(first-1)] && !d.is(lexicon.EventVerbs, d.key(first-1)); n++ {
				first--
			}
			best, bestDist = Span{d.toks[first].s, d.toks[k].e}, dist
		}
	}
	return best
}

// placeNoun reports whether a folded word is a common noun for a place.
func placeNoun(w string) bool {
	if strings.HasPrefix(w, "पुलिस") {
		return false
	}
	n := utf8.RuneCountInString(w)
	for _, p := range placeNouns {
		// The stem and at most two letters of ending: "गांवों", "जिले".
		if strings.HasPrefix(w, p) && n <= utf8.RuneCountInString(p)+2 {
			return true
		}
	}
	return false
}

// placeNouns are the stems of common nouns that name where something
// happened.
var placeNouns = []string{"गांव", "गाँव", "शहर", "कस्ब", "कसब", "जिल", "इलाक", "क्षेत्र", "मोहल्ल", "बाजार", "चौक", "चौराह",
	"मार्ग", "सड़क", "हाईवे", "राजमार्ग", "पुल", "फैक्ट्र", "फैक्टर", "कारखान", "कंपनी", "प्लांट", "गोदाम", "दुकान",
	"मकान", "घर", "इमारत", "भवन", "बिल्डिंग", "होटल", "अस्पताल", "स्कूल", "मंदिर", "मस्जिद", "चर्च", "स्टेशन",
	"एयरपोर्ट", "हवाईअड्ड", "हवाई अड्ड", "जंगल", "वन", "पहाड़", "घाटी", "नदी", "झील", "समुद्र", "तट", "खदान", "थान",
	"परिसर", "कैंप", "शिविर", "ट्रैक", "पटरी", "क्रॉसिंग", "क्रासिंग", "राज्य", "प्रांत", "देश", "द्वीप", "तहसील", "ब्लॉक", "ब्लाक"}

// locative are the words after a place that make it where something
// happened.
var locative = map[string]bool{"में": true, "स्थित": true, "जिले": true, "जिला": true, "शहर": true, "गांव": true,
	"इलाके": true, "क्षेत्र": true, "प्रांत": true, "राज्य": true}

// titleWords are offices a place or body may qualify ("रूस के
// राष्ट्रपति"); the place is then no party to the event.
var titleWords = map[string]bool{"राष्ट्रपति": true, "प्रधानमंत्री": true, "मंत्री": true, "प्रवक्ता": true,
	"नेता": true, "राजदूत": true, "सचिव": true, "अध्यक्ष": true, "प्रमुख": true, "समकक्ष": true,
	"अधिकारी": true, "अधिकारियों": true, "मुख्यमंत्री": true, "राज्यपाल": true}

// ergPronouns are pronouns with the agent's "ने" built in.
var ergPronouns = map[string]bool{normalize.Fold("उन्होंने"): true, normalize.Fold("उन्होने"): true,
	normalize.Fold("इन्होंने"): true, normalize.Fold("उसने"): true}

// casualty is a count of killed or injured people in a sentence.
type casualty struct {
	killed bool
	n      int
	span   Span
	tok    int
}

// numberBefore reads a count that ends right before token j: "छह", "12",
// "58 हजार". It returns the count and its first token.
func (d *doc) numberBefore(j int) (int, int, bool) {
	for l := 3; l >= 1; l-- {
		k := j - l
		if k < 0 {
			continue
		}
		ok := true
		for x := k; x < j; x++ {
			if d.toks[x].kind == kPunct || d.toks[x].kind == kQuote {
				ok = false
			}
		}
		if !ok {
			continue
		}
		n, isNum := timex.NumberLang(d.text[d.toks[k].s:d.toks[j-1].e], d.a.Lang)
		if isNum && n >= 1 && n == float64(int(n)) && n < 1e7 {
			return int(n), k, true
		}
	}
	return 0, j, false
}

// casualties finds the counts of killed and injured in sentence si: "छह
// लोगों की मौत", "दो बच्चों समेत छह लोगों की मौत", "14 लोग मारे गए",
// "तीन अन्य घायल", "six people were killed", "40 injured".
func (d *doc) casualties(si int) []casualty {
	s := d.sents[si]
	var out []casualty
	for k := s.first; k < s.end; k++ {
		w := d.key(k)
		killed, injured := d.is(lexicon.EventKilled, w), d.is(lexicon.EventInjured, w)
		// "14 लोगों की जान चली गई", "जान गंवानी पड़ी", "11 लोगों की
		// जान ले चुका", "दम तोड़ दिया".
		switch w {
		case "जान":
			n := d.key(k + 1)
			killed = n == "गई" || n == "चली" || n == "ले" || n == "ली" || n == "लील" || strings.HasPrefix(n, "गंवा") || strings.HasPrefix(n, "गवां")
		case "दम":
			killed = strings.HasPrefix(d.key(k+1), "तोड़")
		case "मार":
			// "दो लोगों को मार डाला", not "गोली मार दी" (shot, maybe
			// not killed)
			killed = strings.HasPrefix(d.key(k+1), "डाल")
		case "हत्या", "हत्याएं":
			// "बदमाश की हत्या": a killing, its victim named
			killed = d.key(k-1) == "की" || d.key(k-1) == "को"
		}
		if !killed && !injured {
			continue
		}
		// Walk back over "की", "के", "हो", a person noun, "अन्य".
		j := k
		for n := 0; n < 4 && j > s.first; n++ {
			p := d.key(j - 1)
			if p == "की" || p == "के" || p == "का" || p == "को" && w == "मार" || p == "लोग" || p == "people" || p == "were" ||
				p == "have" || p == "been" || p == "are" || p == "अन्य" || d.is(lexicon.EventPersons, p) {
				j--
				continue
			}
			// "गंभीर रूप से घायल", "बुरी तरह घायल": the manner and its
			// adjective.
			if p == "से" && d.key(j-2) == "रूप" && j-3 >= s.first {
				j -= 3
				continue
			}
			if p == "तरह" && j-2 >= s.first {
				j -= 2
				continue
			}
			break
		}
		if n, first, ok := d.numberBefore(j); ok {
			out = append(out, casualty{killed: killed, n: n, span: Span{d.toks[first].s, d.toks[k].e}, tok: k})
			continue
		}
		if j == k && d.is(lexicon.EventPersons, d.key(k+1)) && k+1 < s.end {
			// "घायल युवक": the hurt, without a count.
			out = append(out, casualty{killed: killed, n: -1, span: Span{d.toks[k].s, d.toks[k+1].e}, tok: k})
			continue
		}
		if j < k {
			// "युवक की मौत", "घायलों": casualties without a count.
			out = append(out, casualty{killed: killed, n: -1, span: Span{d.toks[j].s, d.toks[k].e}, tok: k})
			continue
		}
		// English: "killed six people", "killing 14".
		if d.toks[k].kind == kWord && d.text[d.toks[k].s] < 0x80 && k+1 < s.end {
			j := k + 1
			if d.key(j) == "at" && d.key(j+1) == "least" {
				j += 2
			}
			for l := 3; l >= 1; l-- {
				if j+l > s.end {
					continue
				}
				if n, ok := timex.NumberLang(d.text[d.toks[j].s:d.toks[j+l-1].e], d.a.Lang); ok && n >= 1 && n == float64(int(n)) {
					out = append(out, casualty{killed: killed, n: int(n), span: Span{d.toks[k].s, d.toks[j+l-1].e}, tok: k})
					break
				}
			}
		}
	}
	return out
}

// attachCasualties gives each count to the hazard or attack it belongs
// to: one in its sentence, else the last one of the two sentences before.
func (d *doc) attachCasualties() {
	for si := range d.sents {
		cs := d.casualties(si)
		if len(cs) == 0 {
			continue
		}
		for _, c := range cs {
			var target *Mention
			for _, m := range d.out {
				if !m.violent() || m.sent > si || m.sent < si-2 {
					continue
				}
				if m.sent == si {
					if target == nil || target.sent != si || absInt(d.tokOf(m.Trigger.Start)-c.tok) < absInt(d.tokOf(target.Trigger.Start)-c.tok) {
						target = m
					}
				} else if target == nil || target.sent < si && m.sent >= target.sent {
					target = m
				}
			}
			if target == nil {
				continue
			}
			n := c.n
			switch {
			case n < 0:
				// No count: the phrase only, when no count is known.
				if c.killed && target.Killed.End == 0 {
					target.Killed = c.span
				} else if !c.killed && target.Injured.End == 0 {
					target.Injured = c.span
				}
			case c.killed:
				if target.Event.Killed == nil || *target.Event.Killed < n {
					target.Event.Killed = &n
					target.Killed = c.span
				}
			case target.Event.Injured == nil || *target.Event.Injured < n:
				target.Event.Injured = &n
				target.Injured = c.span
			}
		}
	}
}

// violent reports whether a mention can have casualties.
func (m *Mention) violent() bool {
	return m.Event.Subtype != "" || m.Event.Type == Assault
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// participants fills actors and targets of a political event (and
// attacks): the agent before "ने", possessors ("पुतिन की पेशकश", "रूस के
// हमले"), "X पर" and "X को" targets, "X से", "X के साथ" partners.
func (d *doc) participants(m *Mention, i, end int) {
	slo, shi := d.segmentBounds(i)
	var actors, targets []quote.Agent
	// The agent: "X ने" before the trigger in its segment, else after it.
	for k := i - 1; k >= slo && k >= i-30; k-- {
		if d.erg(k) {
			if a, ok := d.r.Before(d.toks[k].s); ok && a.ID != "" {
				actors = append(actors, d.expand(a)...)
			}
			break
		}
		if ergPronouns[d.key(k)] {
			if a, ok := d.r.Person(d.toks[k].s); ok && a.ID != "" {
				actors = append(actors, a)
			}
			break
		}
	}
	if len(actors) == 0 {
		for k := end; k < shi && k < end+10; k++ {
			if d.erg(k) {
				if a, ok := d.r.Before(d.toks[k].s); ok && a.ID != "" {
					actors = append(actors, d.expand(a)...)
				}
				break
			}
		}
	}
	// A cancellation right after what it cancels ("X और Y की मुलाकात
	// रद्द"): the owners of the meeting are its targets.
	cancelled := m.Event.Type == Reject && d.triggerEndingAt(i-1)
	// Possessors and postpositions before the trigger: "पुतिन की पेशकश",
	// "यूक्रेन पर रूस ने … हमला".
	for k := i - 1; k >= slo && k >= i-12; k-- {
		p := d.key(k)
		if d.toks[k].kind == kQuote {
			continue
		}
		if d.toks[k].kind == kPunct && p != "-" {
			break
		}
		if d.erg(k) || ergPronouns[p] {
			// The agent, handled above; skip its phrase.
			if a, ok := d.r.Before(d.toks[k].s); ok && d.erg(k) && d.tokOf(a.Start) < k {
				k = d.tokOf(a.Start)
			}
			continue
		}
		if p != "की" && p != "के" && p != "का" && p != "पर" && p != "को" && p != "से" && p != "साथ" && p != "बीच" && p != "खिलाफ" {
			continue
		}
		at := k
		if (p == "साथ" || p == "बीच" || p == "खिलाफ") && d.key(k-1) == "के" {
			at = k - 1
		}
		// "रूस के राष्ट्रपति": a qualifier of a title, not a party.
		if p == "के" || p == "की" || p == "का" {
			if titleWords[d.key(k+1)] {
				continue
			}
		}
		a, ok := d.r.Before(d.toks[at].s)
		if !ok || a.ID == "" {
			if ok && d.is(lexicon.EventParties, d.key(at-1)) && d.key(at-2) == "दोनों" {
				if cancelled {
					targets = append(targets, d.pair(d.toks[at].s)...)
				} else {
					actors = append(actors, d.pair(d.toks[at].s)...)
				}
			}
			continue
		}
		group := d.expand(a)
		switch {
		case p == "पर" || p == "खिलाफ" || p == "को":
			targets = append(targets, group...)
		case p == "से" && m.Event.Type != Consult:
			targets = append(targets, group...)
		case cancelled:
			targets = append(targets, group...)
		case m.Event.Type == Accuse:
			// "पुतिन की पेशकश … को ‘‘हत्यारा’’ बताने": a possessor is
			// no accuser.
		default:
			actors = append(actors, group...)
		}
		for _, g := range group {
			if g.Start > 0 || g.End > 0 {
				k = min(k, d.tokOf(g.Start))
			}
		}
	}
	// "दोनों नेता मिले": the pair as subject.
	if len(actors) == 0 && d.key(i-1) != "" && (d.is(lexicon.EventParties, d.key(i-1)) || d.is(lexicon.EventParties, d.key(i-2))) &&
		(d.key(i-2) == "दोनों" || d.key(i-3) == "दोनों") {
		actors = append(actors, d.pair(d.toks[i].s)...)
	}
	// English: "Russia attacked Ukraine", "talks with Biden".
	if d.text[d.toks[i].s] < 0x80 {
		if a, ok := d.r.Before(d.toks[i].s); ok && a.ID != "" && len(actors) == 0 {
			actors = append(actors, d.expand(a)...)
		}
		for k := end; k < shi && k < end+4; k++ {
			if em := d.entityAt(k); em >= 0 {
				e := d.a.Entities[d.ments[em].ent]
				a := quote.Agent{ID: e.ID, Name: e.Name, Type: e.Type}
				if m.Event.Type == Consult {
					actors = append(actors, a)
				} else {
					targets = append(targets, a)
				}
				break
			}
		}
	}
	// "पुतिन एक ‘‘हत्यारे’’ हैं": whom a name was given.
	if m.Event.Type == Accuse && len(targets) == 0 {
		for k := i - 1; k >= slo && k >= i-4; k-- {
			if em := d.entityAt(k); em >= 0 {
				e := d.a.Entities[d.ments[em].ent]
				if e.Type == news.PER {
					targets = append(targets, quote.Agent{ID: e.ID, Name: e.Name, Type: e.Type})
					break
				}
			}
		}
	}
	m.Event.Actors = ids(actors, nil)
	m.Event.Targets = ids(targets, m.Event.Actors)
}

// expand adds to a person or body the others joined to it by "और":
// "पुतिन और अमेरिकी समकक्ष डोनाल्ड ट्रंप".
func (d *doc) expand(a quote.Agent) []quote.Agent {
	out := []quote.Agent{a}
	k := d.tokOf(a.Start) - 1
	// Over at most two words of a title ("अमेरिकी समकक्ष"), to the "और".
	for n := 0; n < 3 && k >= 0; n++ {
		w := d.key(k)
		if w == "और" || w == "व" || w == "and" || w == "," {
			if b, ok := d.r.Before(d.toks[k].s); ok && b.ID != "" && b.Type == a.Type {
				out = append(out, b)
			}
			break
		}
		if d.toks[k].kind != kWord || postpositions[w] {
			break
		}
		k--
	}
	return out
}

// postpositions end a noun phrase.
var postpositions = map[string]bool{"ने": true, "को": true, "में": true, "से": true, "पर": true, "का": true,
	"की": true, "के": true, "तक": true, "in": true, "on": true, "at": true, "of": true, "to": true, "with": true}

// pair resolves "दोनों नेता" at byte pos: the two people (or, failing
// that, places) named together in most sentences before it.
func (d *doc) pair(pos int) []quote.Agent {
	if d.pairs == nil {
		d.pairs = d.pairIndex()
	}
	x := d.pairs
	// sentences [0, j) start before pos; the last of them may hold pos
	j := 0
	for j < len(d.sents) && d.sents[j].first < len(d.toks) && d.toks[d.sents[j].first].s < pos {
		j++
	}
	if j == 0 {
		return nil
	}
	k := j - 1 // sentences before k count whole
	best := x.best[k]
	for _, p := range d.sentencePairs(k, pos) {
		occ := x.occ[p]
		n := sort.SearchInts(occ, k) + 1
		c := pairCount{p: p, n: n, last: k}
		if c.beats(best) {
			best = c
		}
	}
	if best.n == 0 {
		return nil
	}
	var out []quote.Agent
	for _, e := range best.p {
		en := d.a.Entities[e]
		out = append(out, quote.Agent{ID: en.ID, Name: en.Name, Type: en.Type})
	}
	return out
}

// pairCount is how many sentences name a pair of people together, and the
// last of them.
type pairCount struct {
	p       [2]int
	n, last int
}

// beats tells whether c is the better pair: in more sentences, else more
// recent, else first by entity order.
func (c pairCount) beats(b pairCount) bool {
	return c.n > b.n || c.n == b.n && (c.last > b.last || c.last == b.last && lessPair(c.p, b.p))
}

// pairIndex is what pair needs of a document, worked out once: the
// sentences that name each pair, and the best pair of the sentences before
// each one.
type pairIndex struct {
	occ  map[[2]int][]int // ascending sentence indexes
	best []pairCount      // best[k]: of sentences [0, k)
}

func (d *doc) pairIndex() *pairIndex {
	x := &pairIndex{occ: map[[2]int][]int{}, best: make([]pairCount, len(d.sents)+1)}
	var best pairCount
	for k := range d.sents {
		x.best[k] = best
		for _, p := range d.sentencePairs(k, len(d.text)+1) {
			x.occ[p] = append(x.occ[p], k)
			// the pairs of this sentence are the only ones that change,
			// and they become the most recent
			if c := (pairCount{p: p, n: len(x.occ[p]), last: k}); c.beats(best) {
				best = c
			}
		}
	}
	x.best[len(d.sents)] = best
	return x
}

// sentencePairs returns the pairs of distinct people that sentence k names
// before byte pos, each pair once, in the order of their mentions.
func (d *doc) sentencePairs(k, pos int) [][2]int {
	s := d.sents[k]
	if s.first >= len(d.toks) {
		return nil
	}
	var seen []int
	lo, hi := d.toks[s.first].s, min(d.toks[s.end-1].e, pos)
	// d.ments is sorted by start: only those of the sentence
	from := sort.Search(len(d.ments), func(k int) bool { return d.ments[k].s >= lo })
	for _, em := range d.ments[from:] {
		if em.s >= hi {
			break
		}
		if d.a.Entities[em.ent].Type != news.PER {
			continue
		}
		dup := false
		for _, x := range seen {
			dup = dup || x == em.ent
		}
		if !dup {
			seen = append(seen, em.ent)
		}
	}
	var out [][2]int
	for x := 0; x < len(seen); x++ {
		for y := x + 1; y < len(seen); y++ {
			out = append(out, [2]int{min(seen[x], seen[y]), max(seen[x], seen[y])})
		}
	}
	return out
}

func lessPair(a, b [2]int) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }

// ids returns the distinct entity ids of as, leaving out those in skip.
func ids(as []quote.Agent, skip []string) []string {
	var out []string
	for _, a := range as {
		if a.ID == "" {
			continue
		}
		dup := false
		for _, x := range out {
			dup = dup || x == a.ID
		}
		for _, x := range skip {
			dup = dup || x == a.ID
		}
		if !dup {
			out = append(out, a.ID)
		}
	}
	return out
}
