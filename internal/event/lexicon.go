package event

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"khabar/internal/lexicon"
	"khabar/internal/news"
	"khabar/internal/normalize"
)

// Event types.
const (
	Agree     = "AGREE"
	Consult   = "CONSULT"
	Support   = "SUPPORT"
	Concede   = "CONCEDE"
	Cooperate = "COOPERATE"
	Aid       = "AID"
	Retreat   = "RETREAT"
	Request   = "REQUEST"
	Accuse    = "ACCUSE"
	Reject    = "REJECT"
	Threaten  = "THREATEN"
	Protest   = "PROTEST"
	Sanction  = "SANCTION"
	Mobilize  = "MOBILIZE"
	Coerce    = "COERCE"
	Assault   = "ASSAULT"
	Disaster  = "DISASTER"
	Accident  = "ACCIDENT"
)

// Modalities of an event mention.
const (
	Asserted     = news.ModalityAsserted
	Negated      = news.ModalityNegated
	Future       = news.ModalityFuture
	Hypothetical = news.ModalityHypothetical
)

// subtypeType maps each hazard or hostile subtype to its event type.
var subtypeType = map[string]string{
	"EARTHQUAKE": Disaster, "FLOODS": Disaster, "CYCLONE": Disaster, "STORM": Disaster,
	"TORNADO": Disaster, "HURRICANE": Disaster, "LAND_SLIDE": Disaster, "AVALANCHES": Disaster,
	"VOLCANO": Disaster, "HEAT_WAVE": Disaster, "COLD_WAVE": Disaster, "HAIL_STORMS": Disaster,
	"BLIZZARD": Disaster, "DROUGHT": Disaster, "FOREST_FIRE": Disaster, "TSUNAMI": Disaster,
	"FIRE": Accident, "VEHICULAR_COLLISION": Accident, "TRAIN_COLLISION": Accident,
	"AVIATION_HAZARD": Accident, "TRANSPORT_HAZARDS": Accident, "INDUSTRIAL_ACCIDENT": Accident,
	"TERRORIST_ATTACK": Assault, "SUICIDE_ATTACK": Assault, "SHOOT_OUT": Assault,
	"NORMAL_BOMBING": Assault, "ARMED_CONFLICTS": Assault, "RIOTS": Protest,
	// COLLAPSE (a building, a bridge) is not a FIRE-2018 subtype.
	"COLLAPSE": Accident,
}

// families are the subtypes a general word may take, the first being the
// default when nothing around it tells ("" = no event without a clue).
var families = map[string][]string{
	"incident":  {""},
	"attack":    {"", "TERRORIST_ATTACK", "SUICIDE_ATTACK", "SHOOT_OUT", "NORMAL_BOMBING", "ARMED_CONFLICTS", "RIOTS"},
	"blast":     {"NORMAL_BOMBING", "SUICIDE_ATTACK", "TERRORIST_ATTACK", "INDUSTRIAL_ACCIDENT", "VOLCANO"},
	"fire":      {"FIRE", "FOREST_FIRE", "INDUSTRIAL_ACCIDENT", "AVIATION_HAZARD"},
	"storm":     {"STORM", "CYCLONE", "HURRICANE", "TORNADO", "BLIZZARD"},
	"cold":      {"", "COLD_WAVE", "BLIZZARD"},
	"heat":      {"", "HEAT_WAVE"},
	"quake":     {"", "EARTHQUAKE"},
	"collide":   {"VEHICULAR_COLLISION", "TRAIN_COLLISION", "AVIATION_HAZARD", "TRANSPORT_HAZARDS"},
	"derail":    {"TRAIN_COLLISION", "TRANSPORT_HAZARDS"},
	"crash":     {"", "AVIATION_HAZARD", "VEHICULAR_COLLISION", "TRAIN_COLLISION", "TRANSPORT_HAZARDS"},
	"overturn":  {"", "TRANSPORT_HAZARDS", "VEHICULAR_COLLISION", "AVIATION_HAZARD"},
	"shoot":     {"SHOOT_OUT", "ARMED_CONFLICTS", "RIOTS", "TERRORIST_ATTACK"},
	"encounter": {"ARMED_CONFLICTS", "SHOOT_OUT"},
	"clash":     {"RIOTS", "ARMED_CONFLICTS"},
	"collapse":  {"", "COLLAPSE", "INDUSTRIAL_ACCIDENT", "LAND_SLIDE"},
	"arson":     {"FIRE", "RIOTS", "FOREST_FIRE"},
	"erupt":     {"", "VOLCANO", "INDUSTRIAL_ACCIDENT"},
}

// plovers are the PLOVER types a trigger may name after "+".
var plovers = map[string]bool{Agree: true, Consult: true, Support: true, Concede: true, Cooperate: true,
	Aid: true, Retreat: true, Request: true, Accuse: true, Reject: true, Threaten: true, Protest: true,
	Sanction: true, Mobilize: true, Coerce: true, Assault: true}

// trigger is one parsed trigger phrase.
type trigger struct {
	// words are the phrase's words, folded; each word is a list of
	// alternatives, and an alternative ending in "*" matches a prefix.
	words  [][]string
	sub    string // subtype, or "" for a PLOVER trigger or a family
	family string
	plover string
	// needsParty is true for triggers that name an event only with a
	// participant next to them ("मिले", "प्रस्ताव").
	needsParty bool
	// needsVerb is true for nouns that name an event only with a verb
	// after them ("समझौता हुआ", not "समझौते की समस्या").
	needsVerb bool
}

// table holds the parsed trigger and word lists of one language. Read-only.
type table struct {
	byFirst map[string][]trigger // exact first word
	byStem  map[rune][]trigger   // first word is a prefix pattern, by its first letter
	cues    map[string]string
	// words are the word lists of wordClasses: a set that turns most
	// words it lacks away by their signature, without hashing them.
	words map[lexicon.Class]*lexicon.Words
	// ergative are the postpositions that mark the agent: "ने".
	ergative map[string]bool
	// placeStems are the stems of event.place-noun, sorted.
	placeStems []string
	// match holds the word lists of detect.go's checks (checkClasses).
	match map[lexicon.Class]*matcher
	// r holds the word lists of the other rules.
	r rules
}

// matcher is a word list whose entries may be stems ("लगा*").
type matcher struct {
	words lexicon.Words
	stems []string
	// list holds the words, for the checks that read them as endings.
	list []string
	// lead holds a bit for the first letter of every stem (leadBit), so
	// that with the words' signatures most tokens are turned away at once.
	lead uint64
}

// leadBit is the bit of lead for a word's first letter: the last byte of
// its first character (the third of a Devanagari letter).
func leadBit(w string) uint64 {
	if w[0] < 0x80 || len(w) < 3 {
		return 1 << (w[0] & 63)
	}
	return 1 << (w[2] & 63)
}

// has reports whether w is one of the words or starts with one of the stems.
func (m *matcher) has(w string) bool { return m.maybe(w) && m.look(w) }

// maybe reports whether w may be in the list: false means it is not.
// It is inlined, for the loops that ask of every token.
func (m *matcher) maybe(w string) bool {
	return w != "" && (m.words.Maybe(w) || m.lead&leadBit(w) != 0)
}

// look is has past its first tests.
//
//go:noinline
func (m *matcher) look(w string) bool {
	if m.words.Has(w) {
		return true
	}
	for _, s := range m.stems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// isStem reports whether w is one of the stems itself.
func (m *matcher) isStem(w string) bool {
	for _, s := range m.stems {
		if w == s {
			return true
		}
	}
	return false
}

// endsWith reports whether w ends in one of the words, read as endings.
func (m *matcher) endsWith(w string) bool {
	for _, s := range m.list {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// checkClasses are the word lists of detect.go's checks.
var checkClasses = []lexicon.Class{lexicon.EventJoin, lexicon.EventGenitive, lexicon.EventSetFireAux,
	lexicon.EventSetFire, lexicon.EventHandedTo, lexicon.EventBoth, lexicon.EventLightVerb, lexicon.EventLikeness,
	lexicon.EventTrainName, lexicon.EventTouched, lexicon.EventAdjSuffix, lexicon.EventFireWord, lexicon.EventPutOut,
	lexicon.EventControl, lexicon.EventOn, lexicon.EventFireCourse, lexicon.EventFireStart, lexicon.EventIncident,
	lexicon.EventScene, lexicon.EventAgentMark, lexicon.EventRecall, lexicon.EventEnvoy, lexicon.EventWith,
	lexicon.EventCollideStem}

// buildMatcher reads class c of every pack.
func buildMatcher(packs []*lexicon.Pack, c lexicon.Class) *matcher {
	m := &matcher{}
	var ws []string
	for _, p := range packs {
		for _, w := range p.Words(c) {
			w = foldWord(w)
			if stem, ok := strings.CutSuffix(w, "*"); ok && stem != "" {
				m.stems = append(m.stems, stem)
				m.lead |= leadBit(stem)
			} else {
				ws = append(ws, w)
			}
		}
	}
	m.words = lexicon.NewWords(ws...)
	m.list = m.words.List()
	return m
}

// lexicons holds one table per primary language (lexicon.Primaries), each
// built from that language's pack and the English one, at start-up; a pack
// whose triggers name a subtype, family or type this package does not know
// fails there.
var lexicons = lexicon.Build(buildLexicon)

// lexFor returns the table text in lang is read with.
func lexFor(lang string) *table { return lexicons.For(lang) }

// patternWords reads the words of a trigger or phrase entry: each a list
// of alternatives ("a|b"), folded, an alternative ending in "*" a stem.
func patternWords(text string) [][]string {
	var words [][]string
	for _, w := range strings.Fields(text) {
		var alts []string
		for _, a := range strings.Split(w, "|") {
			alts = append(alts, foldWord(a))
		}
		words = append(words, alts)
	}
	return words
}

func foldWord(w string) string {
	star := strings.HasSuffix(w, "*")
	raw := strings.TrimSuffix(w, "*")
	w = normalize.Fold(raw)
	if w == "" {
		// Punctuation ("-" in "भू - स्खलन") is matched as it is written.
		w = raw
	}
	if star {
		w += "*"
	}
	return w
}

// wordClasses are the word lists the stage reads besides triggers and cues.
var wordClasses = []lexicon.Class{lexicon.EventNegation, lexicon.EventHypothetical, lexicon.EventFuture,
	lexicon.EventCancel, lexicon.EventAnaphor, lexicon.EventKilled, lexicon.EventInjured, lexicon.EventPersons,
	lexicon.EventParties, lexicon.EventVerbs, lexicon.EventViolence, lexicon.EventClauseEnd,
	lexicon.EventPostposition, lexicon.EventLocative, lexicon.EventTitle, lexicon.EventErgPronoun,
	lexicon.EventWithout, lexicon.EventAny, lexicon.EventUpcoming, lexicon.EventProposed, lexicon.EventOffer,
	lexicon.EventPlaceBefore, lexicon.EventNear, lexicon.EventPartyCase,
	lexicon.EventCountLink}

// parseTarget reads what a trigger names: a subtype, "@family" or
// "+PLOVER" (with "!" or "~").
func parseTarget(t *trigger, target string) error {
	switch {
	case strings.HasPrefix(target, "@"):
		t.family = target[1:]
		if _, ok := families[t.family]; !ok {
			return fmt.Errorf("unknown family %q", target)
		}
	case strings.HasPrefix(target, "+"):
		t.plover = strings.TrimRight(target[1:], "!~")
		t.needsParty = strings.HasSuffix(target, "!")
		t.needsVerb = strings.HasSuffix(target, "~")
		if !plovers[t.plover] {
			return fmt.Errorf("unknown PLOVER type %q", target)
		}
	default:
		t.sub = target
		if _, ok := subtypeType[t.sub]; !ok {
			return fmt.Errorf("unknown subtype %q", target)
		}
	}
	return nil
}

func buildLexicon(packs []*lexicon.Pack) (*table, error) {
	l := &table{byFirst: map[string][]trigger{}, byStem: map[rune][]trigger{}, cues: map[string]string{}, words: map[lexicon.Class]*lexicon.Words{}}
	for _, p := range packs {
		for _, e := range p.Entries(lexicon.EventTrigger) {
			t := trigger{words: patternWords(e.Text)}
			if err := parseTarget(&t, e.Value); err != nil {
				return nil, fmt.Errorf("event: %s pack, trigger %q: %w", p.Lang, e.Text, err)
			}
			for _, first := range t.words[0] {
				if strings.HasSuffix(first, "*") {
					r, _ := utf8.DecodeRuneInString(first)
					l.byStem[r] = append(l.byStem[r], t)
				} else {
					l.byFirst[first] = append(l.byFirst[first], t)
				}
			}
		}
	}
	// Longest phrases first.
	for k, ts := range l.byFirst {
		sortByLen(ts)
		l.byFirst[k] = ts
	}
	for r, ts := range l.byStem {
		sortByLen(ts)
		l.byStem[r] = ts
	}
	for _, p := range packs {
		for _, e := range p.Entries(lexicon.EventCue) {
			if _, ok := subtypeType[e.Value]; !ok {
				return nil, fmt.Errorf("event: %s pack, cue %q: unknown subtype %q", p.Lang, e.Text, e.Value)
			}
			l.cues[normalize.Fold(e.Text)] = e.Value
		}
	}
	l.ergative = lexicon.Set(packs, lexicon.Ergative)
	for _, c := range wordClasses {
		w := lexicon.WordSet(packs, c)
		l.words[c] = &w
	}
	for w := range lexicon.Set(packs, lexicon.EventPlaceNoun) {
		l.placeStems = append(l.placeStems, w)
	}
	sort.Strings(l.placeStems)
	l.match = map[lexicon.Class]*matcher{}
	for _, c := range checkClasses {
		l.match[c] = buildMatcher(packs, c)
	}
	l.r = buildRules(packs)
	return l, nil
}

func sortByLen(ts []trigger) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && len(ts[j].words) > len(ts[j-1].words); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// erg reports whether token k is the agent's postposition ("ने").
func (d *doc) erg(k int) bool { return d.lex.ergative[d.key(k)] }

// has reports whether folded word w is in, or starts with a stem of, the
// check list c (one of checkClasses; TestClassesRead holds every call to
// that).
func (d *doc) has(c lexicon.Class, w string) bool { return d.lex.match[c].has(w) }

// is reports whether folded word w is in word list c, one of
// wordClasses (TestClassesRead holds every call to that).
func (d *doc) is(c lexicon.Class, w string) bool { return d.lex.words[c].Has(w) }
