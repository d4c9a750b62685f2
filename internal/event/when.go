package event

import (
	"khabar/internal/lexicon"
	"regexp"
	"sort"
)

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
		if k := d.tokOf(d.times[best].s); best > 0 && d.lex.r.from.Has(d.key(k-1)) && d.times[best-1].e == d.toks[k-2].e && d.times[best-1].date != "" {
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
	n, _ := d.lex.r.sequel.at(d, d.sents[s].first)
	return n > 0
}

// agentOf returns the entity before the first "ने" of sentence s, or
// reports that its agent is a pronoun ("उन्होंने").
func (d *doc) agentOf(s int) (id string, pronoun bool) {
	if s < 0 || s >= len(d.sents) {
		return "", false
	}
	for k := d.sents[s].first; k < d.sents[s].end; k++ {
		switch {
		case d.is(lexicon.EventErgPronoun, d.key(k)):
			return "", true
		case d.erg(k):
			if a, ok := d.resolver().Before(d.toks[k].s); ok {
				return a.ID, false
			}
			return "", false
		case d.lex.r.that.Has(d.key(k)):
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
		if n, _ := d.lex.r.purpose.at(d, x); n > 0 {
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
