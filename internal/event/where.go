package event

import (
	"sort"
	"strings"
	"unicode/utf8"

	"khabar/internal/lexicon"
	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/timex"
)

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
		case d.is(lexicon.EventLocative, next) || d.is(lexicon.EventPlaceBefore, d.key(k-1)):
		case d.lex.r.nearLink.Has(next) && d.is(lexicon.EventNear, d.key(end+1)):
		case d.fusedLocative(em.e):
		case !m.violent() || d.is(lexicon.EventTitle, d.key(end+1)) || d.is(lexicon.EventPartyCase, next):
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
		case d.lex.r.at.Has(w):
			head = k - 1
		case d.fusedPlace(w):
			head = k
		case d.is(lexicon.EventNear, w) && d.lex.r.nearLink.Has(d.key(k-1)):
			head = k - 2
		}
		if head < lo || d.toks[head].kind != kWord || !d.placeNoun(d.key(head)) {
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
			for n := 0; n < d.opt.PlaceWords && first-1 >= lo && d.toks[first-1].kind == kWord && !d.is(lexicon.EventPostposition, d.key(first-1)) && !d.is(lexicon.EventVerbs, d.key(first-1)); n++ {
				first--
			}
			best, bestDist = Span{d.toks[first].s, d.toks[k].e}, dist
		}
	}
	return best
}

// fusedPlace reports whether a folded word is a common noun for a place
// with a locative ending joined to it: Marathi "गोदामात", "गावात".
func (d *doc) fusedPlace(w string) bool {
	stem, ok := d.lex.r.locativeStem(w)
	return ok && d.placeNoun(stem)
}

// fusedLocative reports whether the place mention ending at byte e is
// followed, inside its word, by a locative ending: Marathi "नागपूरमध्ये",
// "मुंबईत".
func (d *doc) fusedLocative(e int) bool {
	k := d.tokOf(e) - 1
	if k < 0 || d.toks[k].e <= e || d.toks[k].kind != kWord {
		return false
	}
	return d.lex.r.locative.words.Has(normalize.Fold(d.text[e:d.toks[k].e]))
}

// placeNoun reports whether a folded word is a common noun for a place.
func (d *doc) placeNoun(w string) bool {
	if d.lex.r.notPlace.has(w) {
		return false
	}
	n := utf8.RuneCountInString(w)
	for _, p := range d.lex.placeStems {
		// The stem and at most two letters of ending: "गांवों", "जिले".
		if strings.HasPrefix(w, p) && n <= utf8.RuneCountInString(p)+d.opt.PlaceEnding {
			return true
		}
	}
	return false
}

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
		// "दो लोगों को मार डाला", not "गोली मार दी" (shot, maybe not
		// killed); "बदमाश की हत्या": a killing, its victim named.
		idiom, victim := d.lex.r.deathIdiom.at(d, k)
		switch {
		case idiom > 0:
			killed = true
		case d.lex.r.killing.Has(w):
			killed = d.lex.r.victimCase.Has(d.key(k - 1))
		}
		if !killed && !injured {
			continue
		}
		// Walk back over "की", "के", "हो", a person noun, "अन्य".
		j := k
		for n := 0; n < d.opt.CountBack && j > s.first; n++ {
			p := d.key(j - 1)
			if d.is(lexicon.EventCountLink, p) || victim == "object" && d.lex.r.objectCase.Has(p) || d.is(lexicon.EventPersons, p) {
				j--
				continue
			}
			// "गंभीर रूप से घायल", "बुरी तरह घायल": the manner and its
			// adjective.
			if n := d.lex.r.manner.endAt(d, j-1); n > 0 && j-n-1 >= s.first {
				j -= n + 1
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
			if n, _ := d.lex.r.atLeast.at(d, j); n > 0 {
				j += n
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
				if !m.violent() || m.sent > si || m.sent < si-d.opt.SentenceReach {
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
