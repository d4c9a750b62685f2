package quote

import (
	"strings"

	"khabar/internal/lexicon"
	"khabar/internal/normalize"
)

// table holds the word lists, keyed by normalize.Fold. Read-only.
type table struct {
	// cues are Hindi speech verb phrases used after "X ने"; longest first.
	cues [][]string
	// cueFirst indexes cues by their first word.
	cueFirst map[string][][]string
	// plainCues are verbs used without "ने": "कहते हैं", "बोले".
	plainCues [][]string
	// erg are the postpositions that mark the agent: "ने".
	erg lexicon.Words
	// ergSuffixes are endings that carry the agent's ergative inside a
	// noun: Marathi "-ांनी" in "अधिकाऱ्यांनी".
	ergSuffixes []string
	// enCues are English speech verbs.
	enCues lexicon.Words
	// aux are auxiliaries that may follow a cue: था, है, …
	aux lexicon.Words
	// ergPronouns are pronouns with "ने" built in: उन्होंने, उसने.
	ergPronouns lexicon.Words
	// pronouns are personal pronouns that may stand for a speaker.
	pronouns lexicon.Words
	// titles are role nouns that tie a name to an office: राष्ट्रपति.
	titles lexicon.Words
	// titleModifiers are words that make a title compound ("विदेश मंत्री",
	// "प्रेस सचिव") rather than qualify it.
	titleModifiers lexicon.Words
	// abbreviations end with a dot that ends no sentence.
	abbreviations lexicon.Words
	// roles are nouns that may speak without a name: अधिकारी, पुलिस.
	roles lexicon.Words
	// demonyms map adjectives of nationality to the place: रूसी → रूस.
	demonyms map[string]string
	// stops end a speaker phrase when walking back from "ने".
	stops lexicon.Words
	// conj are words that start a new clause.
	conj lexicon.Words
	// that are the words that introduce reported speech: "कि", "that".
	that lexicon.Words
	// closers are words between a quote in marks and its speaker:
	// Marathi "असे" in "“…,” असे X म्हणाले".
	closers lexicon.Words
	// according are the postpositions of "X के मुताबिक".
	according lexicon.Words
	// citing are phrases like "के हवाले से"; accordingTo "according to";
	// citeFirst and accFirst hold their first words, to reject a token at
	// once.
	citing, accordingTo [][]string
	citeFirst, accFirst lexicon.Words
	// accordingFirst holds every word an "according to" attribution may
	// start with: genitive, pronounGen, citeFirst and accFirst.
	accordingFirst lexicon.Words
	// genitive, titleLink, indefinite, determiner, told, pronounGen and
	// obliquePron are the words of the finder's and resolver's checks
	// (see their classes in package lexicon).
	genitive, titleLink, indefinite, determiner, told, pronounGen, obliquePron lexicon.Words
	// genSuffixes are endings that carry the genitive inside a noun:
	// Marathi "-च्या" in "पोलिसांच्या मते".
	genSuffixes []string
	// saying are the phrases "उनका कहना है": a pronoun, the noun of
	// saying and an auxiliary; sayingKey holds their second words.
	saying    [][]string
	sayingKey lexicon.Words
}

// lexicons holds one table per primary language (lexicon.Primaries), each
// built from that language's pack and the English one, at start-up.
var lexicons = lexicon.Build(func(packs []*lexicon.Pack) (*table, error) { return buildLexicon(packs), nil })

// lexFor returns the table text in lang is read with.
func lexFor(lang string) *table { return lexicons.For(lang) }

func fold(ws ...string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = normalize.Fold(w)
	}
	return out
}

// phrases returns the phrases of class c of every pack, each a list of
// folded words.
func phrases(packs []*lexicon.Pack, c lexicon.Class) [][]string {
	var out [][]string
	for _, p := range packs {
		for _, w := range p.Words(c) {
			out = append(out, fold(splitWords(w)...))
		}
	}
	return out
}

func buildLexicon(packs []*lexicon.Pack) *table {
	l := &table{}
	l.cues = phrases(packs, lexicon.QuoteCue)
	// Longest first, so "जानकारी देते हुए कहा" wins over "कहा".
	for i := 1; i < len(l.cues); i++ {
		for j := i; j > 0 && len(l.cues[j]) > len(l.cues[j-1]); j-- {
			l.cues[j], l.cues[j-1] = l.cues[j-1], l.cues[j]
		}
	}
	l.cueFirst = map[string][][]string{}
	for _, c := range l.cues {
		l.cueFirst[c[0]] = append(l.cueFirst[c[0]], c)
	}
	l.plainCues = phrases(packs, lexicon.QuotePlainCue)
	l.erg = lexicon.WordSet(packs, lexicon.Ergative)
	for _, p := range packs {
		for _, w := range p.Words(lexicon.ErgativeSuffix) {
			l.ergSuffixes = append(l.ergSuffixes, normalize.Fold(w))
		}
	}
	l.enCues = lexicon.WordSet(packs, lexicon.QuoteSaid)
	l.aux = lexicon.WordSet(packs, lexicon.QuoteAux)
	l.ergPronouns = lexicon.WordSet(packs, lexicon.QuoteErgPronoun)
	l.pronouns = lexicon.WordSet(packs, lexicon.QuotePronoun)
	l.titles = lexicon.WordSet(packs, lexicon.QuoteTitle)
	l.titleModifiers = lexicon.WordSet(packs, lexicon.QuoteTitleModifier)
	l.abbreviations = lexicon.WordSet(packs, lexicon.Abbreviation)
	l.roles = lexicon.WordSet(packs, lexicon.QuoteRole)
	l.demonyms = map[string]string{}
	for _, p := range packs {
		for _, e := range p.Entries(lexicon.QuoteDemonym) {
			l.demonyms[normalize.Fold(e.Text)] = normalize.Fold(e.Value)
		}
	}
	l.stops = lexicon.WordSet(packs, lexicon.QuoteStop)
	l.conj = lexicon.WordSet(packs, lexicon.QuoteConj)
	l.according = lexicon.WordSet(packs, lexicon.QuoteAccording)
	l.that = lexicon.WordSet(packs, lexicon.QuoteThat)
	l.closers = lexicon.WordSet(packs, lexicon.QuoteCloser)
	l.citing = phrases(packs, lexicon.QuoteCiting)
	l.accordingTo = phrases(packs, lexicon.QuoteAccordingTo)
	for _, p := range l.citing {
		l.citeFirst.Add(p[0])
	}
	for _, p := range l.accordingTo {
		l.accFirst.Add(p[0])
	}
	l.genitive = lexicon.WordSet(packs, lexicon.QuoteGenitive)
	l.titleLink = lexicon.WordSet(packs, lexicon.QuoteTitleLink)
	l.indefinite = lexicon.WordSet(packs, lexicon.QuoteIndefinite)
	l.determiner = lexicon.WordSet(packs, lexicon.QuoteDeterminer)
	l.told = lexicon.WordSet(packs, lexicon.QuoteTold)
	l.pronounGen = lexicon.WordSet(packs, lexicon.QuotePronounGen)
	l.obliquePron = lexicon.WordSet(packs, lexicon.QuoteObliquePron)
	for _, p := range packs {
		for _, w := range p.Words(lexicon.GenitiveSuffix) {
			l.genSuffixes = append(l.genSuffixes, normalize.Fold(w))
		}
	}
	l.saying = phrases(packs, lexicon.QuoteSaying)
	for _, p := range l.saying {
		if len(p) > 1 {
			l.sayingKey.Add(p[1])
		}
	}
	sets := []*lexicon.Words{&l.genitive, &l.pronounGen, &l.citeFirst, &l.accFirst}
	if len(l.genSuffixes) > 0 {
		// "पोलिसांच्या मते" starts at the postposition.
		sets = append(sets, &l.according)
	}
	for _, set := range sets {
		for _, w := range set.List() {
			l.accordingFirst.Add(w)
		}
	}
	return l
}

// fusedGenitive reports whether the word w ends in a genitive suffix and
// has a stem before it.
func (l *table) fusedGenitive(w string) bool {
	for _, suf := range l.genSuffixes {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// fusedErgative reports whether the word w ends in an ergative suffix
// and has a stem before it.
func (l *table) fusedErgative(w string) bool {
	for _, suf := range l.ergSuffixes {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// splitWords splits s at spaces.
func splitWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
