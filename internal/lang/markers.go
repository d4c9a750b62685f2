package lang

import "strings"

// deva names the Devanagari languages lang tells apart.
type deva uint8

const (
	hi deva = iota
	mr
	ne
	sa
	numDeva
)

var devaCodes = [numDeva]string{"hi", "mr", "ne", "sa"}

// marker is evidence for one language.
type marker struct {
	lang   deva
	weight float64
}

// wordMarkers are function words and verb forms that are frequent in one
// Devanagari language and rare or absent as words in the others. Words two
// languages share (Marathi and Nepali "तर", Hindi and Marathi "ही") are left
// out; words that are Hindi but also exist elsewhere with another sense
// (Nepali "के" what, Marathi "की" that) get half weight.
var wordMarkers = buildMarkers(map[deva]map[float64][]string{
	hi: {
		1: {"है", "हैं", "था", "थे", "थी", "में", "और", "ने", "से", "भी", "नहीं", "गया", "गई", "किया",
			"कहा", "रहा", "रही", "हुए", "हुआ", "हुई", "होने", "करने", "बताया", "उन्होंने", "इसके", "उनके",
			"बाद", "यह", "वह", "इस", "उस", "अपने", "करेंगे", "होगा", "जाएगा", "लेकिन", "किसी", "क्या",
			"एवं", "करते", "करता", "करती", "वाले", "वाली", "गये", "गयी", "दिया", "लिया", "द्वारा", "सकता",
			"सकते", "चाहिए", "मैं", "हम", "आप"},
		0.5: {"का", "की", "के", "को", "कि", "पर", "जो", "तक", "गए", "लिए", "रहे", "साथ", "कर"},
	},
	mr: {
		1.5: {"आहे", "आहेत", "आणि", "नाही", "केले", "केली", "झाले", "झाली", "झाला", "असे", "असून",
			"तसेच", "त्यांनी", "त्यांच्या", "त्याच्या", "त्यांना", "मध्ये", "म्हणाले", "म्हणून", "सांगितले",
			"करण्यात", "येणार", "आली", "आले", "आहोत", "आम्ही", "पण", "काही", "हे", "होणार", "असल्याचे",
			"केल्या", "याबाबत", "यांनी", "यांच्या", "आपल्या", "त्यामुळे", "असल्याने", "करणार", "दिली",
			"दिले", "घेतला", "घेतले", "होईल", "पुढील", "येथे", "जाहीर"},
		0.5: {"ला"},
	},
	ne: {
		1.5: {"छ", "छन्", "छौं", "छैन", "छैनन्", "होइन", "गरेको", "गरेका", "गरेकी", "भएको", "भएका",
			"भएकी", "पनि", "लागि", "थियो", "थिए", "र", "गर्न", "गरे", "गर्ने", "भने", "भन्ने", "हुने",
			"रहेको", "रहेका", "गरी", "यो", "त्यो", "उनी", "उनले", "बाट", "सम्म", "पछि", "अघि", "हुन्",
			"भयो", "गर्\u200dयो", "गर्यो", "गरेर", "भन्दा", "यस", "त्यस", "जनाएको", "गरिएको", "हुन",
			"सक्ने", "हामी", "गर्दै", "भएपछि", "गरेपछि", "हुँदै", "भनेर", "अहिले", "धेरै", "सबै", "कुनै",
			"आफ्नो", "हाम्रो", "नयाँ", "गयो", "फेरि", "केही", "सँग", "थाहा", "मैले", "तपाईं"},
	},
	sa: {
		1.5: {"अस्ति", "सन्ति", "इति", "एव", "अपि", "च", "तत्", "सः", "भवति", "तस्य", "अस्य", "इदम्",
			"अहम्", "त्वम्", "वयम्", "कृत्वा", "यत्", "किम्", "सह", "एषः", "एषा", "तस्मिन्", "अत्र"},
	},
})

func buildMarkers(lists map[deva]map[float64][]string) map[string]marker {
	m := make(map[string]marker)
	for _, l := range []deva{hi, mr, ne, sa} {
		for w, words := range lists[l] {
			for _, word := range words {
				if _, dup := m[word]; !dup {
					m[word] = marker{l, w}
				}
			}
		}
	}
	return m
}

// suffixMarker is an ending of words typical of one language.
type suffixMarker struct {
	suffix string
	marker
	// minLen is the shortest word, in bytes, the rule applies to, so that
	// a short word that merely ends like the suffix does not count.
	minLen int
}

// suffixMarkers are inflections: Marathi genitive -च्या/-चा/-ची/-चे and
// ergative -नी, -मध्ये, -साठी, gerund -ण्यात, locative -्यात, future
// -णार; Nepali plural -हरू,
// accusative -लाई, ablative -बाट, genitive -को after a noun, verb endings
// -छन्, -्छ, -नेछ, -दै, -नु; Sanskrit visarga. The first rule that matches a word
// counts, once.
var suffixMarkers = []suffixMarker{
	{"च्या", marker{mr, 1}, 9},
	{"ाचा", marker{mr, 1}, 12},
	{"ाची", marker{mr, 1}, 12},
	{"ाचे", marker{mr, 1}, 12},
	{"ांनी", marker{mr, 1}, 12},
	{"मध्ये", marker{mr, 1}, 15},
	{"साठी", marker{mr, 1}, 15},
	{"ण्यात", marker{mr, 1}, 15},
	{"ण्याची", marker{mr, 1}, 18},
	{"लेल्या", marker{mr, 1}, 18},
	{"ल्याने", marker{mr, 1}, 18},
	{"्यात", marker{mr, 0.75}, 12},
	{"णार", marker{mr, 1}, 9},
	{"णारे", marker{mr, 1}, 12},
	{"णारी", marker{mr, 1}, 12},
	{"हरू", marker{ne, 1}, 12},
	{"हरु", marker{ne, 1}, 12},
	{"लाई", marker{ne, 1}, 15},
	{"बाट", marker{ne, 1}, 12},
	{"छन्", marker{ne, 1}, 9},
	{"्छ", marker{ne, 1}, 9},
	{"नेछ", marker{ne, 1}, 9},
	{"्यो", marker{ne, 1}, 9},
	{"ायो", marker{ne, 1}, 9},
	{"सँग", marker{ne, 1}, 12},
	{"ेको", marker{ne, 0.75}, 12},
	{"्दै", marker{ne, 1}, 9},
	{"ँदै", marker{ne, 1}, 9},
	{"्नु", marker{ne, 1}, 9},
	{"ेर", marker{ne, 0.5}, 12},
	{"को", marker{ne, 1.25}, 9},
	{"मा", marker{ne, 0.5}, 12},
	{"ः", marker{sa, 0.3}, 9},
}

// suffixIndex holds the suffix markers by the last three bytes of the
// suffix (one Devanagari character), so a word is checked only against the
// rules that can match its last character.
var suffixIndex = func() map[string][]suffixMarker {
	m := make(map[string][]suffixMarker)
	for _, sm := range suffixMarkers {
		k := sm.suffix[len(sm.suffix)-3:]
		m[k] = append(m[k], sm)
	}
	return m
}()

// hindiEndings are Hindi words that end like a Nepali postposition
// written as part of the word ("को", "मा"), which those rules must not
// count: pronoun + को, names of places and people, common nouns.
var hindiEndings = map[string]bool{
	"उनको": true, "इसको": true, "उसको": true, "आपको": true, "सबको": true, "किसको": true,
	"जिसको": true, "मुझको": true, "तुमको": true, "हमको": true, "इनको": true, "जिनको": true,
	"किनको": true, "तुझको": true, "खुदको": true, "किसीको": true, "मेक्सिको": true, "मोरक्को": true,
	"मोनाको": true, "फ्रांसिस्को": true, "डिस्को": true, "टोबैको": true,
	"शर्मा": true, "वर्मा": true, "सीमा": true, "प्रतिमा": true, "महिमा": true, "गरिमा": true,
	"आत्मा": true, "क्षमा": true, "उपमा": true, "बीमा": true, "जमा": true, "हंगामा": true,
	"सिनेमा": true, "मुकदमा": true, "करिश्मा": true, "चश्मा": true, "ड्रामा": true, "पूर्णिमा": true,
	"ओबामा": true, "पनामा": true, "अलबामा": true, "फातिमा": true, "कालिमा": true, "लालिमा": true,
	"अणिमा": true, "मधुरिमा": true, "नीलिमा": true,
}

// score adds the marker evidence of one Devanagari word to s.
func score(word string, s *[numDeva]float64) {
	if m, ok := wordMarkers[word]; ok {
		s[m.lang] += m.weight
		return
	}
	if len(word) < 3 {
		return
	}
	for _, sm := range suffixIndex[word[len(word)-3:]] {
		if len(word) >= sm.minLen && strings.HasSuffix(word, sm.suffix) {
			if hindiEndings[word] {
				return
			}
			s[sm.lang] += sm.weight
			return
		}
	}
}
