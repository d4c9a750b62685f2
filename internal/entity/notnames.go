package entity

import (
	"slices"
	"strings"

	"khabar/internal/entity/kb"
)

// calendarWords name days, months and the festivals news dates things by
// (होली पर, "ईद के दिन"): alone, or with others of them, they are a date,
// never a person, place or organisation ("विदेश मंत्री मंगलवार को …" names
// no one called Mangalvar).
var calendarWords = folded(map[string]bool{
	// weekdays
	"सोमवार": true, "मंगलवार": true, "बुधवार": true, "गुरुवार": true, "बृहस्पतिवार": true, "वीरवार": true,
	"शुक्रवार": true, "शनिवार": true, "रविवार": true, "इतवार": true,
	// months of the Gregorian calendar
	"जनवरी": true, "फरवरी": true, "मार्च": true, "अप्रैल": true, "अप्रेल": true, "मई": true, "जून": true,
	"जुलाई": true, "अगस्त": true, "सितंबर": true, "सितम्बर": true, "अक्टूबर": true, "अक्तूबर": true,
	"नवंबर": true, "नवम्बर": true, "दिसंबर": true, "दिसम्बर": true,
	// months of the Hindu calendar, as news writes them
	"चैत्र": true, "चैत": true, "वैशाख": true, "बैसाख": true, "ज्येष्ठ": true, "जेठ": true, "आषाढ़": true,
	"श्रावण": true, "सावन": true, "भाद्रपद": true, "भादो": true, "भादों": true, "आश्विन": true,
	"कार्तिक": true, "मार्गशीर्ष": true, "अगहन": true, "पौष": true, "पूस": true, "माघ": true,
	"फाल्गुन": true, "फागुन": true,
	// festivals
	"होली": true, "दिवाली": true, "दीवाली": true, "दीपावली": true, "दशहरा": true, "दशहरे": true, "ईद": true,
	"बकरीद": true, "नवरात्र": true, "नवरात्रि": true, "नवरात्रों": true, "छठ": true, "रक्षाबंधन": true,
	"जन्माष्टमी": true, "लोहड़ी": true, "पोंगल": true, "ओणम": true, "बैसाखी": true, "क्रिसमस": true,
	"मुहर्रम": true, "रमजान": true, "रमज़ान": true, "शिवरात्रि": true, "महाशिवरात्रि": true, "धनतेरस": true,
	"संक्रांति": true, "मकर": true, "गणेशोत्सव": true, "दुर्गापूजा": true,
	// parts of the day, as in "मंगलवार रात"
	"सुबह": true, "दोपहर": true, "शाम": true, "रात": true, "तड़के": true,
	// English
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"diwali": true, "deepavali": true, "holi": true, "eid": true, "christmas": true, "navratri": true,
})

// numberWords are the numbers news writes in words before a month ("चार
// मार्च").
var numberWords = folded(map[string]bool{
	"एक": true, "दो": true, "तीन": true, "चार": true, "पांच": true, "पाँच": true, "छह": true, "छः": true,
	"सात": true, "आठ": true, "नौ": true, "दस": true, "ग्यारह": true, "बारह": true, "तेरह": true,
	"चौदह": true, "पंद्रह": true, "सोलह": true, "सत्रह": true, "अठारह": true, "उन्नीस": true, "बीस": true,
	"इक्कीस": true, "बाईस": true, "तेईस": true, "चौबीस": true, "पच्चीस": true, "छब्बीस": true,
	"सत्ताईस": true, "अट्ठाईस": true, "उनतीस": true, "तीस": true, "इकतीस": true,
})

// honorifics stand before or after a name; alone they name no one.
var honorifics = folded(map[string]bool{
	"जी": true, "श्री": true, "श्रीमती": true, "सुश्री": true, "कुमारी": true, "साहब": true, "साहेब": true,
	"डॉ": true, "डा": true, "श्रीमान": true, "महोदय": true, "महोदया": true, "मैडम": true, "सर": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "shri": true, "smt": true, "sir": true, "ji": true,
})

// notAName reports whether words (folded) cannot be a name on their own:
// only calendar words, honorifics and titles.
func notAName(words []string) bool {
	for _, w := range words {
		if w != "" && !calendarWords[w] && !honorifics[w] && !personTitles[w] {
			return false
		}
	}
	return true
}

// dropNotNames removes the spans that are no names on their own
// (notAName), whatever step found them.
func dropNotNames(spans []span, words []string) []span {
	return slices.DeleteFunc(spans, func(sp span) bool { return notAName(words[sp.Start:sp.End]) })
}

// soundMinKey is the shortest consonant skeleton (translit.Key) a single
// word must have to be taken for a known person by its sound alone: short
// skeletons ("rm", "shm") are shared by too many words.
const soundMinKey = 5

// addSoundMatches adds the people of the knowledge base that a Devanagari
// sentence names in a spelling the knowledge base does not list (जैशंकर
// for जयशंकर, एस जैशंकर for एस जयशंकर): runs of up to three name-like
// words no span holds whose translit.Key is a known person's. A run of
// one word must be rare in the tagger's training data and have a long
// skeleton, or stand right after a person title. Only people are matched
// so: places and organisations are seldom respelled, and many of their
// one-word names sound like common words.
func (s *Stage) addSoundMatches(spans []span, tokens, words []string, common []bool) []span {
	taken := make([]bool, len(tokens))
	for _, sp := range spans {
		for i := sp.Start; i < sp.End; i++ {
			taken[i] = true
		}
	}
	// whether each token is name-like and not a common word, worked out
	// once rather than for every run it is in
	const nameish, isCommon = 1, 2
	kind := make([]uint8, len(tokens))
	for i := range tokens {
		if nameLike(tokens[i], words[i]) {
			kind[i] |= nameish
		}
		if common[i] {
			kind[i] |= isCommon
		}
	}
	all := func(a, b int, bit uint8) bool {
		for k := a; k < b; k++ {
			if kind[k]&bit == 0 {
				return false
			}
		}
		return true
	}
	none := func(a, b int, bit uint8) bool {
		for k := a; k < b; k++ {
			if kind[k]&bit != 0 {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(tokens); i++ {
		for n := min(3, len(tokens)-i); n >= 1; n-- {
			if anyTaken(taken, i, i+n) || !all(i, i+n, nameish) {
				continue
			}
			// the run must not go on into more name-like words the
			// tagger left alone: then it is part of something else
			if i+n < len(tokens) && !taken[i+n] && kind[i+n]&nameish != 0 && n < 3 {
				continue
			}
			if !none(i, i+n, isCommon) {
				continue
			}
			e := s.soundPerson(tokens[i:i+n], words[i:i+n], i > 0 && personTitles[words[i-1]])
			if e == nil {
				continue
			}
			spans = append(spans, span{Start: i, End: i + n, Type: "PER", entry: e})
			for k := i; k < i+n; k++ {
				taken[k] = true
			}
			i += n - 1
			break
		}
	}
	return spans
}

// soundPerson returns the person of the knowledge base whose name sounds
// like tokens (words: their kb.Word), or nil. A single word must be rare
// in the tagger's training data and have a consonant skeleton of at least
// soundMinKey letters, unless titled (right after a person title).
func (s *Stage) soundPerson(tokens, words []string, titled bool) *kb.Entry {
	name := strings.Join(words, " ")
	if len(tokens) == 1 && (s.model.KnownWord(words[0]) || s.model.CommonWord(words[0]) ||
		!titled && len(s.kb.Key(name)) < soundMinKey) {
		return nil
	}
	es := s.kb.LookupSound(name)
	if len(es) == 0 || es[0].Type != "PER" {
		return nil
	}
	return &es[0]
}
