package event

import (
	"strings"

	"khabar/internal/lexicon"
)

// rules holds the word lists of the argument, time, place and cluster
// rules (args.go, when.go, where.go, extract.go, title.go), one field a
// class: a rule names a field the compiler checks, never a class by its
// name, so a list cannot silently go missing.
type rules struct {
	// Word lists (lexicon.Words: a check on every token is inlined).
	that       lexicon.Words // कि, that: ends a reporting clause (quote.that)
	speechAux  lexicon.Words // था, है: between a speech verb and its comma
	speechVerb lexicon.Words // कहा, said: a speech verb before a comma or colon
	lacking    lexicon.Words // बिना, without
	oblique    lexicon.Words // के: the genitive a compound postposition takes
	nearLink   lexicon.Words // के, की: before event.near
	partyPost  lexicon.Words // की, पर, साथ: after a party of a political event
	compound   lexicon.Words // साथ, बीच, खिलाफ: after the oblique genitive
	targetPost lexicon.Words // पर, खिलाफ, को: after a target
	sourcePost lexicon.Words // से: after a target, unless the event is a consultation
	and        lexicon.Words // और, and: joins two parties
	from       lexicon.Words // से: after the first time of a range
	at         lexicon.Words // में, स्थित: after a place noun where it happened
	killing    lexicon.Words // हत्या: a death when its victim is named before it
	victimCase lexicon.Words // की, को: before event.killing
	objectCase lexicon.Words // को: before an idiom whose victim is its object
	calledOff  lexicon.Words // रद्द, cancelled: after a meeting, it was called off
	// abbreviation are the words whose full stop ends no sentence.
	abbreviation lexicon.Words
	// genitive and both are the detector's event.genitive and
	// event.both, which the argument rules read too.
	genitive, both lexicon.Words

	// Lists with stems ("लग*") or read as endings.
	denySkip  matcher // लग*, ही: between a hazard and its negation
	futureEnd matcher // the endings of future verbs (time.future-suffix)
	notPlace  matcher // पुलिस*: never a place noun
	insult    matcher // हत्यार*, killer: a name someone is called
	nameVerb  matcher // बता*, called: calling someone a name
	locative  matcher // Marathi "ात", "मध्ये": endings that carry "in" (locative-suffix)

	purpose    phrases // के लिए: a purpose, not an event
	toCome     phrases // होने वाली: the event after it is still to come
	sequel     phrases // साथ ही, also: a sentence adding to the one before
	manner     phrases // रूप से, तरह: a manner, with its adjective before it
	deathIdiom phrases // जान गई, मार डाला; value the case of the victim before it
	senses     phrases // stems of political triggers that name one act; value the act
	atLeast    phrases // at least: between a casualty word and its count
}

// buildRules reads the word lists of r from packs.
func buildRules(packs []*lexicon.Pack) rules {
	var r rules
	for _, f := range []struct {
		c lexicon.Class
		w *lexicon.Words
	}{
		{lexicon.QuoteThat, &r.that}, {lexicon.EventSpeechAux, &r.speechAux},
		{lexicon.EventSpeechVerb, &r.speechVerb}, {lexicon.EventLacking, &r.lacking},
		{lexicon.EventOblique, &r.oblique}, {lexicon.EventNearLink, &r.nearLink},
		{lexicon.EventPartyPost, &r.partyPost}, {lexicon.EventCompound, &r.compound},
		{lexicon.EventTargetPost, &r.targetPost}, {lexicon.EventSourcePost, &r.sourcePost},
		{lexicon.EventAnd, &r.and}, {lexicon.EventFrom, &r.from}, {lexicon.EventAt, &r.at},
		{lexicon.EventKilling, &r.killing}, {lexicon.EventVictimCase, &r.victimCase},
		{lexicon.EventObjectCase, &r.objectCase}, {lexicon.EventCalledOff, &r.calledOff},
		{lexicon.Abbreviation, &r.abbreviation}, {lexicon.EventGenitive, &r.genitive},
		{lexicon.EventBoth, &r.both},
	} {
		*f.w = lexicon.WordSet(packs, f.c)
	}
	for _, f := range []struct {
		c lexicon.Class
		m *matcher
	}{
		{lexicon.EventDenySkip, &r.denySkip}, {lexicon.TimeFutureSuffix, &r.futureEnd},
		{lexicon.EventNotPlace, &r.notPlace}, {lexicon.EventInsult, &r.insult},
		{lexicon.EventNameVerb, &r.nameVerb}, {lexicon.LocativeSuffix, &r.locative},
	} {
		*f.m = *buildMatcher(packs, f.c)
	}
	r.purpose = buildPhrases(packs, lexicon.EventPurpose)
	r.toCome = buildPhrases(packs, lexicon.EventToCome)
	r.sequel = buildPhrases(packs, lexicon.EventSequel)
	r.manner = buildPhrases(packs, lexicon.EventManner)
	r.deathIdiom = buildPhrases(packs, lexicon.EventDeathIdiom)
	r.senses = buildPhrases(packs, lexicon.EventSense)
	r.atLeast = buildPhrases(packs, lexicon.EventAtLeast)
	return r
}

// locativeStem returns w without the longest locative ending it has
// (Marathi "गोदामात" is "गोदाम" and "in"), and whether it had one with a
// stem before it.
func (r *rules) locativeStem(w string) (string, bool) {
	best := ""
	for _, s := range r.locative.list {
		if len(s) > len(best) && len(w) > len(s) && strings.HasSuffix(w, s) {
			best = s
		}
	}
	return w[:len(w)-len(best)], best != ""
}

// phrase is one entry of a phrase class: its words, folded, each a list of
// alternatives ("a|b"; an alternative ending in "*" is a stem), and its
// value.
type phrase struct {
	words [][]string
	value string
}

// phrases is a phrase class, in the order of the packs. first and last
// hold the words its phrases start and end with, so that most tokens are
// turned away by one test (unless a stem or "_" stands there: any).
type phrases struct {
	list              []phrase
	first, last       lexicon.Words
	anyFirst, anyLast bool
}

func buildPhrases(packs []*lexicon.Pack, c lexicon.Class) phrases {
	var ps phrases
	for _, p := range packs {
		for _, e := range p.Entries(c) {
			ph := phrase{words: patternWords(e.Text), value: e.Value}
			ps.list = append(ps.list, ph)
			ps.anyFirst = addAlts(&ps.first, ph.words[0]) || ps.anyFirst
			ps.anyLast = addAlts(&ps.last, ph.words[len(ph.words)-1]) || ps.anyLast
		}
	}
	return ps
}

// addAlts puts the alternatives of a pattern word in set, and reports
// whether one of them is a stem or "_", which no set holds.
func addAlts(set *lexicon.Words, alts []string) bool {
	wild := false
	for _, a := range alts {
		if a == "_" || strings.HasSuffix(a, "*") {
			wild = true
		} else {
			set.Add(a)
		}
	}
	return wild
}

// at returns the number of words and the value of the first phrase of ps
// that the tokens from k on spell, or 0.
func (ps *phrases) at(d *doc, k int) (int, string) {
	if !ps.anyFirst && !ps.first.Maybe(d.key(k)) {
		return 0, ""
	}
	return ps.find(d, k)
}

// find is at past its first test (kept out of at, so that at is inlined).
//
//go:noinline
func (ps *phrases) find(d *doc, k int) (int, string) {
	for i := range ps.list {
		if p := &ps.list[i]; p.matches(d, k) {
			return len(p.words), p.value
		}
	}
	return 0, ""
}

// endingAt reports whether a phrase of ps ends at token k.
func (ps *phrases) endingAt(d *doc, k int) bool { return ps.endAt(d, k) > 0 }

// endAt returns the number of words of the first phrase of ps that ends
// at token k, or 0.
func (ps *phrases) endAt(d *doc, k int) int {
	if !ps.anyLast && !ps.last.Maybe(d.key(k)) {
		return 0
	}
	return ps.findEnd(d, k)
}

// findEnd is endAt past its first test (kept out of endAt).
//
//go:noinline
func (ps *phrases) findEnd(d *doc, k int) int {
	for i := range ps.list {
		p := &ps.list[i]
		if k-len(p.words)+1 >= 0 && p.matches(d, k-len(p.words)+1) {
			return len(p.words)
		}
	}
	return 0
}

func (p *phrase) matches(d *doc, k int) bool {
	for x, alts := range p.words {
		key, ok := d.key(k+x), false
		if key == "" {
			return false
		}
		for _, a := range alts {
			ok = ok || wordMatch(key, a)
		}
		if !ok {
			return false
		}
	}
	return true
}

// sense returns the value of the first phrase whose first word begins w.
func (ps *phrases) sense(w string) (string, bool) {
	for _, p := range ps.list {
		for _, a := range p.words[0] {
			if strings.HasPrefix(w, strings.TrimSuffix(a, "*")) {
				return p.value, true
			}
		}
	}
	return "", false
}
