package event

import (
	"sort"
	"unicode/utf8"

	"khabar/internal/lexicon"
	"khabar/internal/news"
	"khabar/internal/quote"
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
	w := d.key(k)
	if w == "," || w == ":" {
		return d.afterSpeech(k)
	}
	return d.lex.r.that.Has(w)
}

// afterSpeech reports whether a speech verb ends right before token k,
// perhaps with an auxiliary after it ("कहा है,").
func (d *doc) afterSpeech(k int) bool {
	p := d.key(k - 1)
	if d.lex.r.speechAux.Has(p) {
		p = d.key(k - 2)
	}
	return d.lex.r.speechVerb.Has(p)
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
		case d.lex.r.lacking.Has(w) && d.lex.r.oblique.Has(d.key(k-1)) && k > i:
			// "युद्ध समाप्ति के … समझौते के बिना": the event is part of
			// what was missing, unless a verb stands between.
			verb := false
			for x := i + 1; x < k; x++ {
				verb = verb || d.is(lexicon.EventVerbs, d.key(x))
			}
			neg = neg || !verb
		case d.lex.r.lacking.Has(w):
			// "बिना किसी समझौते के": negates what follows, not the event.
			for k < hi && !d.lex.r.oblique.Has(d.key(k)) {
				k++
			}
		case d.is(lexicon.EventNegation, w):
			neg = true
		case d.is(lexicon.EventHypothetical, w):
			hypo = true
		case d.is(lexicon.EventFuture, w) || d.futureVerb(w):
			fut = true
		case k >= end && d.is(lexicon.EventCancel, w) && (m.Event.Type == Consult || m.Event.Type == Agree):
			neg = true
		}
	}
	for k := max(lo, i-d.opt.ModalBefore); k < i; k++ {
		w := d.key(k)
		switch {
		case d.is(lexicon.EventWithout, w):
			neg = true
		case d.is(lexicon.EventUpcoming, w) && k >= i-2:
			fut = true
		case d.lex.r.toCome.endsWith(w) && d.lex.r.toCome.endingAt(d, k) && (k == i-1 || k == i-2 && d.is(lexicon.EventAnaphor, d.key(i-1))):
			// "होने वाली बैठक": a meeting still to come.
			fut = true
		case d.is(lexicon.EventProposed, w):
			hypo = true
		}
	}
	// "वार्ता करने की पेशकश", "फोन कॉल का प्रस्ताव": offered, not held.
	if m.Event.Type == Consult {
		for k := end; k < min(hi, end+d.opt.OfferAfter); k++ {
			if d.is(lexicon.EventOffer, d.key(k)) {
				hypo = true
			}
		}
	}
	// "परामर्श के लिए": a purpose, not an event.
	if n, _ := d.lex.r.purpose.at(d, end); n > 0 && m.Event.Subtype == "" {
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
	for k := max(0, i-d.opt.DenyBefore); k < i; k++ {
		if w := d.key(k); d.is(lexicon.EventAny, w) || d.is(lexicon.EventWithout, w) {
			for x := end; x < hi; x++ {
				if d.is(lexicon.EventNegation, d.key(x)) {
					return true
				}
			}
			if !d.is(lexicon.EventAny, w) {
				return true
			}
		}
	}
	for k := end; k < hi && k < end+d.opt.VerbAfter; k++ {
		w := d.key(k)
		if d.is(lexicon.EventNegation, w) {
			return true
		}
		if !d.is(lexicon.EventVerbs, w) && !d.lex.r.denySkip.has(w) {
			return false
		}
	}
	return false
}

// futureVerb reports whether a word is a future-tense verb form: four
// letters or more, ending in one of time.future-suffix.
func (d *doc) futureVerb(w string) bool {
	return utf8.RuneCountInString(w) >= 4 && d.lex.r.futureEnd.endsWith(w)
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
			if a, ok := d.resolver().Before(d.toks[k].s); ok && a.ID != "" {
				actors = append(actors, d.expand(a)...)
			}
			break
		}
		if d.is(lexicon.EventErgPronoun, d.key(k)) {
			if a, ok := d.resolver().Person(d.toks[k].s); ok && a.ID != "" {
				actors = append(actors, a)
			}
			break
		}
	}
	if len(actors) == 0 {
		for k := end; k < shi && k < end+d.opt.AgentAfter; k++ {
			if d.erg(k) {
				if a, ok := d.resolver().Before(d.toks[k].s); ok && a.ID != "" {
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
		if d.erg(k) || d.is(lexicon.EventErgPronoun, p) {
			// The agent, handled above; skip its phrase.
			if a, ok := d.resolver().Before(d.toks[k].s); ok && d.erg(k) && d.tokOf(a.Start) < k {
				k = d.tokOf(a.Start)
			}
			continue
		}
		// A party's postposition: a genitive, a target's, a source's or
		// one taking the oblique genitive.
		if !d.lex.r.genitive.Has(p) && !d.lex.r.targetPost.Has(p) && !d.lex.r.sourcePost.Has(p) && !d.lex.r.compound.Has(p) {
			continue
		}
		at := k
		if d.lex.r.compound.Has(p) && d.lex.r.oblique.Has(d.key(k-1)) {
			at = k - 1
		}
		// "रूस के राष्ट्रपति": a qualifier of a title, not a party.
		if d.lex.r.genitive.Has(p) {
			if d.is(lexicon.EventTitle, d.key(k+1)) {
				continue
			}
		}
		a, ok := d.resolver().Before(d.toks[at].s)
		if !ok || a.ID == "" {
			if ok && d.is(lexicon.EventParties, d.key(at-1)) && d.lex.r.both.Has(d.key(at-2)) {
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
		case d.lex.r.targetPost.Has(p):
			targets = append(targets, group...)
		case d.lex.r.sourcePost.Has(p) && m.Event.Type != Consult:
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
		(d.lex.r.both.Has(d.key(i-2)) || d.lex.r.both.Has(d.key(i-3))) {
		actors = append(actors, d.pair(d.toks[i].s)...)
	}
	// English: "Russia attacked Ukraine", "talks with Biden".
	if d.text[d.toks[i].s] < 0x80 {
		if a, ok := d.resolver().Before(d.toks[i].s); ok && a.ID != "" && len(actors) == 0 {
			actors = append(actors, d.expand(a)...)
		}
		for k := end; k < shi && k < end+d.opt.PartyAfter; k++ {
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
		if d.lex.r.and.Has(w) || w == "," {
			if b, ok := d.resolver().Before(d.toks[k].s); ok && b.ID != "" && b.Type == a.Type {
				out = append(out, b)
			}
			break
		}
		if d.toks[k].kind != kWord || d.is(lexicon.EventPostposition, w) {
			break
		}
		k--
	}
	return out
}

// pair resolves "दोनों नेता" at byte pos: the two people (or, failing
// that, places) named together in most sentences before it.
func (d *doc) pair(pos int) []quote.Agent {
	if d.pairs == nil {
		d.pairs = d.pairIndex()
	}
	x := d.pairs
	// sentences [0, j) start before pos; the last of them may hold pos
	// (found by halves: a scan from the first sentence for every event
	// made a long article's events quadratic)
	j := sort.Search(len(d.sents), func(j int) bool {
		return d.sents[j].first >= len(d.toks) || d.toks[d.sents[j].first].s >= pos
	})
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
