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
	that       matcher // कि, that: ends a reporting clause (quote.that)
	speechAux  matcher // था, है: between a speech verb and its comma
	speechVerb matcher // कहा, said: a speech verb before a comma or colon
	lacking    matcher // बिना, without
	oblique    matcher // के: the genitive a compound postposition takes
	nearLink   matcher // के, की: before event.near
	denySkip   matcher // लग*, ही: between a hazard and its negation
	futureEnd  matcher // the endings of future verbs (time.future-suffix)
	partyPost  matcher // की, पर, साथ: after a party of a political event
	compound   matcher // साथ, बीच, खिलाफ: after the oblique genitive
	targetPost matcher // पर, खिलाफ, को: after a target
	sourcePost matcher // से: after a target, unless the event is a consultation
	and        matcher // और, and: joins two parties
	from       matcher // से: after the first time of a range
	at         matcher // में, स्थित: after a place noun where it happened
	notPlace   matcher // पुलिस*: never a place noun
	killing    matcher // हत्या: a death when its victim is named before it
	victimCase matcher // की, को: before event.killing
	objectCase matcher // को: before an idiom whose victim is its object
	insult     matcher // हत्यार*, killer: a name someone is called
	nameVerb   matcher // बता*, called: calling someone a name
	calledOff  matcher // रद्द, cancelled: after a meeting, it was called off
	locative   matcher // Marathi "ात", "मध्ये": endings that carry "in" (locative-suffix)
	// abbreviation are the words whose full stop ends no sentence.
	abbreviation matcher

	purpose    phrases // के लिए: a purpose, not an event
	toCome     phrases // होने वाली: the event after it is still to come
	sequel     phrases // साथ ही, also: a sentence adding to the one before
	manner     phrases // रूप से, तरह: a manner, with its adjective before it
	deathIdiom phrases // जान गई, मार डाला; value the case of the victim before it
	senses     phrases // stems of political triggers that name one act; value the act
	atLeast    phrases // at least: between a casualty word and its count
}

// fields pairs each word list of r with its class.
func (r *rules) fields() []struct {
	c lexicon.Class
	m *matcher
} {
	return []struct {
		c lexicon.Class
		m *matcher
	}{
		{lexicon.QuoteThat, &r.that}, {lexicon.EventSpeechAux, &r.speechAux},
		{lexicon.EventSpeechVerb, &r.speechVerb}, {lexicon.EventLacking, &r.lacking},
		{lexicon.EventOblique, &r.oblique}, {lexicon.EventNearLink, &r.nearLink},
		{lexicon.EventDenySkip, &r.denySkip}, {lexicon.TimeFutureSuffix, &r.futureEnd},
		{lexicon.EventPartyPost, &r.partyPost}, {lexicon.EventCompound, &r.compound},
		{lexicon.EventTargetPost, &r.targetPost}, {lexicon.EventSourcePost, &r.sourcePost},
		{lexicon.EventAnd, &r.and}, {lexicon.EventFrom, &r.from}, {lexicon.EventAt, &r.at},
		{lexicon.EventNotPlace, &r.notPlace}, {lexicon.EventKilling, &r.killing},
		{lexicon.EventVictimCase, &r.victimCase}, {lexicon.EventObjectCase, &r.objectCase},
		{lexicon.EventInsult, &r.insult}, {lexicon.EventNameVerb, &r.nameVerb},
		{lexicon.EventCalledOff, &r.calledOff}, {lexicon.LocativeSuffix, &r.locative},
		{lexicon.Abbreviation, &r.abbreviation},
	}
}

// buildRules reads the word lists of r from packs.
func buildRules(packs []*lexicon.Pack) rules {
	var r rules
	for _, f := range r.fields() {
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
	for _, s := range r.locative.words.List() {
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

// phrases is a phrase class, in the order of the packs.
type phrases []phrase

func buildPhrases(packs []*lexicon.Pack, c lexicon.Class) phrases {
	var ps phrases
	for _, p := range packs {
		for _, e := range p.Entries(c) {
			var ph phrase
			for _, w := range strings.Fields(e.Text) {
				var alts []string
				for _, a := range strings.Split(w, "|") {
					alts = append(alts, foldWord(a))
				}
				ph.words = append(ph.words, alts)
			}
			ph.value = e.Value
			ps = append(ps, ph)
		}
	}
	return ps
}

// at returns the number of words and the value of the first phrase of ps
// that the tokens from k on spell, or 0.
func (ps phrases) at(d *doc, k int) (int, string) {
	for _, p := range ps {
		if p.matches(d, k) {
			return len(p.words), p.value
		}
	}
	return 0, ""
}

// endingAt reports whether a phrase of ps ends at token k.
func (ps phrases) endingAt(d *doc, k int) bool { return ps.endAt(d, k) > 0 }

// endAt returns the number of words of the first phrase of ps that ends
// at token k, or 0.
func (ps phrases) endAt(d *doc, k int) int {
	for _, p := range ps {
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
func (ps phrases) sense(w string) (string, bool) {
	for _, p := range ps {
		for _, a := range p.words[0] {
			if strings.HasPrefix(w, strings.TrimSuffix(a, "*")) {
				return p.value, true
			}
		}
	}
	return "", false
}
