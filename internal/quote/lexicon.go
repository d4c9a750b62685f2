package quote

import "khabar/internal/normalize"

// lexicon holds the word lists, keyed by normalize.Fold. Read-only.
type lexicon struct {
	// cues are Hindi speech verb phrases used after "X ने"; longest first.
	cues [][]string
	// cueFirst indexes cues by their first word.
	cueFirst map[string][][]string
	// plainCues are verbs used without "ने": "कहते हैं", "बोले".
	plainCues [][]string
	// enCues are English speech verbs.
	enCues map[string]bool
	// aux are auxiliaries that may follow a cue: था, है, …
	aux map[string]bool
	// ergPronouns are pronouns with "ने" built in: उन्होंने, उसने.
	ergPronouns map[string]bool
	// pronouns are personal pronouns that may stand for a speaker.
	pronouns map[string]bool
	// titles are role nouns that tie a name to an office: राष्ट्रपति.
	titles map[string]bool
	// roles are nouns that may speak without a name: अधिकारी, पुलिस.
	roles map[string]bool
	// demonyms map adjectives of nationality to the place: रूसी → रूस.
	demonyms map[string]string
	// stops end a speaker phrase when walking back from "ने".
	stops map[string]bool
	// conj are words that start a new clause.
	conj map[string]bool
	// according are the postpositions of "X के मुताबिक".
	according map[string]bool
}

var lex = buildLexicon()

func fold(ws ...string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = normalize.Fold(w)
	}
	return out
}

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[normalize.Fold(w)] = true
	}
	return m
}

func buildLexicon() *lexicon {
	l := &lexicon{}
	for _, c := range []string{
		"जानकारी देते हुए कहा", "जवाब देते हुए कहा", "कहा", "बताया", "जानकारी दी", "स्पष्ट किया",
		"स्पष्ट कर दिया", "साफ किया", "साफ कर दिया", "दावा किया", "आरोप लगाया", "घोषणा की", "ऐलान किया",
		"चेतावनी दी", "जवाब दिया", "उम्मीद जताई", "उम्मीद जताते हुए कहा", "आशंका जताई", "चिंता जताई",
		"भरोसा दिलाया", "आश्वासन दिया", "जिक्र किया", "ट्वीट किया", "ट्वीट कर कहा", "लिखा", "माना",
		"स्वीकार किया", "दोहराया", "जोड़ा", "तर्क दिया", "पुष्टि की", "संकेत दिया", "सुझाव दिया",
		"दावा करते हुए कहा", "बयान जारी कर कहा", "बयान में कहा", "उल्लेख किया", "कहना है", "पूछा",
		"इनकार किया", "खंडन किया", "रेखांकित किया", "जोर दिया", "जोर देकर कहा",
	} {
		l.cues = append(l.cues, fold(splitWords(c)...))
	}
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
	for _, c := range []string{"कहते हैं", "कहती हैं", "कहता है", "बोले", "बोलीं", "बोली", "का कहना है", "की राय है"} {
		l.plainCues = append(l.plainCues, fold(splitWords(c)...))
	}
	l.enCues = set("said", "says", "told", "added", "stated", "announced", "warned", "claimed", "insisted",
		"argued", "noted", "explained", "asserted", "declared", "tweeted", "wrote", "confirmed", "denied")
	l.aux = set("था", "थी", "थे", "है", "हैं", "थीं", "गया", "गई", "दिया", "दी")
	l.ergPronouns = set("उन्होंने", "उन्होने", "उसने", "इन्होंने", "इसने", "हमने", "मैंने")
	l.pronouns = set("वह", "वे", "he", "she", "they", "उनके", "उनका", "उनकी", "उसके", "इनके")
	l.titles = set("राष्ट्रपति", "उपराष्ट्रपति", "प्रधानमंत्री", "मंत्री", "मुख्यमंत्री", "उपमुख्यमंत्री",
		"प्रवक्ता", "सचिव", "महासचिव", "समकक्ष", "नेता", "राजदूत", "अध्यक्ष", "निदेशक", "प्रमुख", "चांसलर",
		"सेनाध्यक्ष", "कमांडर", "सांसद", "विधायक", "राज्यपाल", "अधीक्षक", "कलेक्टर", "जिलाधिकारी", "आयुक्त",
		"अधिकारी", "कप्तान", "कोच", "महानिदेशक", "उपायुक्त", "न्यायाधीश", "मुख्य न्यायाधीश", "सलाहकार",
		"president", "minister", "spokesperson", "spokesman", "spokeswoman", "secretary", "chief", "leader",
		"ambassador", "chancellor", "governor", "director", "commissioner", "counterpart", "envoy", "premier")
	l.roles = set("अधिकारी", "अधिकारियों", "पुलिस", "प्रवक्ता", "विभाग", "मंत्रालय", "सूत्र", "सूत्रों",
		"विशेषज्ञ", "विशेषज्ञों", "प्रशासन", "सरकार", "अधिकारियों", "मीडिया", "एजेंसी", "आयोग", "कार्यालय",
		"officials", "official", "police", "sources", "experts", "spokesperson", "spokesman", "ministry",
		"department", "government", "agency", "witnesses", "residents", "authorities")
	l.demonyms = map[string]string{}
	for adj, place := range map[string]string{
		"रूसी": "रूस", "अमेरिकी": "अमेरिका", "भारतीय": "भारत", "चीनी": "चीन", "पाकिस्तानी": "पाकिस्तान",
		"ब्रिटिश": "ब्रिटेन", "फ्रांसीसी": "फ्रांस", "जर्मन": "जर्मनी", "यूक्रेनी": "यूक्रेन", "ईरानी": "ईरान",
		"इजरायली": "इजरायल", "इस्राइली": "इजरायल", "जापानी": "जापान", "नेपाली": "नेपाल", "बांग्लादेशी": "बांग्लादेश",
		"अफगान": "अफगानिस्तान", "कनाडाई": "कनाडा", "ऑस्ट्रेलियाई": "ऑस्ट्रेलिया", "श्रीलंकाई": "श्रीलंका",
		"russian": "russia", "american": "us", "u.s": "us", "indian": "india", "chinese": "china",
		"pakistani": "pakistan", "british": "uk", "french": "france", "german": "germany",
		"ukrainian": "ukraine", "iranian": "iran", "israeli": "israel", "japanese": "japan",
		"अमरीकी": "अमेरिका", "अमेरिका": "अमेरिका", "america": "us", "united": "us",
	} {
		l.demonyms[normalize.Fold(adj)] = normalize.Fold(place)
	}
	l.stops = set("को", "में", "से", "पर", "ने", "का", "की", "कि", "और", "भी", "ही", "तो", "है", "था",
		"थे", "थी", "हैं", "लेकिन", "हालांकि", "जबकि", "वहीं", "इधर", "उधर", "जब", "तब", "बाद", "पहले",
		"साथ", "लिए", "द्वारा", "यह", "इस", "उस", "एक", "ये", "वो", "तक", "गौरतलब", "दौरान", "हुए", "हुई",
		"the", "a", "an", "and", "but", "in", "on", "at", "of", "to", "for", "with", "by", "that", "as")
	l.conj = set("लेकिन", "हालांकि", "जबकि", "वहीं", "मगर", "परंतु", "किंतु", "तथा", "और", "but", "while", "and", "although")
	l.according = set("मुताबिक", "अनुसार", "मुताबिक़")
	return l
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
