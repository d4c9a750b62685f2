package entity

import (
	"slices"
	"strings"

	"khabar/internal/entity/translit"
)

// genericBodies name a government, a police force, an administration or a
// place without naming which: descriptions and common nouns, never a name
// on their own (docs/ner-news.md), even where the knowledge base links them
// (केंद्र सरकार is an alias of the Government of India there).
var genericBodies = foldedPhrases(
	"सरकार", "केंद्र सरकार", "केन्द्र सरकार", "राज्य सरकार", "प्रदेश सरकार", "सूबे की सरकार",
	"पुलिस", "प्रशासन", "जिला प्रशासन", "स्थानीय प्रशासन", "विभाग", "मंत्रालय", "कंपनी",
	"अस्पताल", "अदालत", "पार्टी", "सेना", "बोर्ड", "आयोग", "समिति", "निगम", "नगर निगम",
	"विपक्ष", "देश", "प्रदेश", "शहर", "राज्य", "जिला", "गांव",
)

// foldedPhrases returns the set of phrases, each written as its words are
// folded (kb.Word) and joined by one space.
func foldedPhrases(ps ...string) map[string]bool {
	out := make(map[string]bool, len(ps))
	for _, p := range ps {
		out[strings.Join(foldDoc([][]string{strings.Fields(p)})[0], " ")] = true
	}
	return out
}

// dropGeneric removes the spans that are generic bodies (genericBodies).
func dropGeneric(spans []span, words []string) []span {
	return slices.DeleteFunc(spans, func(sp span) bool {
		return genericBodies[strings.Join(words[sp.Start:sp.End], " ")]
	})
}

// orgHeadsAfter are head words that, a word or two after a name, make the
// name and them an organisation ("दिल्ली व्यापार महासंघ", "नायडू
// अस्पताल", "पतंजलि योग समिति").
var orgHeadsAfter = folded(map[string]bool{
	"महासंघ": true, "संघ": true, "उपक्रम": true, "प्राधिकरण": true, "समिति": true, "फाउंडेशन": true,
	"अस्पताल": true, "बोर्ड": true, "योगपीठ": true, "संगठन": true, "ट्रस्ट": true, "महाविद्यालय": true,
	"विश्वविद्यालय": true, "क्लब": true, "सोसाइटी": true, "परिषद": true, "निगम": true, "आयोग": true,
	"मंत्रालय": true, "विभाग": true, "कंपनी": true, "लिमिटेड": true, "बैंक": true, "संस्थान": true,
	"अकादमी": true, "एसोसिएशन": true, "फेडरेशन": true, "कॉरपोरेशन": true, "इंस्टीट्यूट": true,
})

// growToOrgHead widens a span the knowledge base does not know whole, or
// knows as a place or person, to a head word of organisations one or two
// untagged words after it: the whole is an organisation.
func (s *Stage) growToOrgHead(spans []span, tokens, words []string) {
	taken := make([]bool, len(tokens))
	for _, sp := range spans {
		for i := sp.Start; i < sp.End; i++ {
			taken[i] = true
		}
	}
	for k := range spans {
		sp := &spans[k]
		if sp.Type == "ORG" && sp.entry != nil {
			continue
		}
		for n := 1; n <= 2 && sp.End+n <= len(tokens); n++ {
			j := sp.End + n - 1
			if taken[j] || !nameLike(tokens[j], words[j]) {
				break
			}
			if orgHeadsAfter[words[j]] {
				for i := sp.End; i <= j; i++ {
					taken[i] = true
				}
				sp.End, sp.Type, sp.entry = j+1, "ORG", nil
				break
			}
		}
	}
}

// notOrgAcronyms are acronyms Hindi news uses often for things and people
// that are not organisations: documents, taxes, devices, categories, laws,
// offices.
var notOrgAcronyms = map[string]bool{
	"fir": true, "gst": true, "cctv": true, "obc": true, "sc": true, "st": true, "phd": true, "ipl": true,
	"led": true, "suv": true, "evm": true, "ppe": true, "gdp": true, "nrc": true, "caa": true, "npr": true,
	"mla": true, "mp": true, "pcr": true, "ac": true, "dj": true, "atm": true, "otp": true, "sms": true,
	"vip": true, "vvip": true, "ias": true, "ips": true, "pcs": true, "bpl": true, "apl": true, "tv": true,
	"pm": true, "cm": true, "dm": true, "sp": true, "ssp": true, "ceo": true, "mlc": true, "ncr": true,
	"up": true, "icu": true, "ct": true, "mri": true, "hiv": true, "dna": true, "rtpcr": true, "it": true,
	"gps": true, "ott": true, "upi": true, "kyc": true, "pan": true, "gdr": true, "ipo": true,
}

// memberWords after "X के (एक)" say that X is an organisation: its
// officials, spokesmen and staff ("डीटीसी के एक अधिकारी").
var memberWords = folded(map[string]bool{
	"अधिकारी": true, "अधिकारियों": true, "प्रवक्ता": true, "कर्मचारी": true, "कर्मचारियों": true,
	"अध्यक्ष": true, "निदेशक": true, "प्रबंध": true, "सदस्य": true, "सदस्यों": true, "कार्यकर्ता": true,
	"कार्यकर्ताओं": true, "प्रमुख": true, "महासचिव": true, "सचिव": true, "चेयरमैन": true, "सीईओ": true,
	"पदाधिकारी": true, "पदाधिकारियों": true, "बसें": true, "बसों": true,
})

// addAcronymOrgs makes an organisation of an untagged Devanagari acronym
// (a token that spells two or more Latin letters: डीटीसी "dtc") where the
// sentence says it is one: its officials, staff or vehicles follow ("डीटीसी
// के एक अधिकारी", "डीटीसी की बसें"), or it is the credit of a dateline
// ("नई दिल्ली, जेएनएन ।"). Acronyms alone are not enough: Hindi text is
// full of acronyms of documents, degrees and devices (एफआईआर, एमबीबीएस,
// एलसीडी), and IL-NER leaves most of them untagged.
func (s *Stage) addAcronymOrgs(spans []span, tokens, words []string, common []bool) []span {
	taken := make([]bool, len(tokens))
	for _, sp := range spans {
		for i := sp.Start; i < sp.End; i++ {
			taken[i] = true
		}
	}
	for i, t := range tokens {
		if taken[i] || common[i] || personTitles[words[i]] {
			continue
		}
		l, ok := translit.Spelled(t)
		if !ok || len(l) < 2 || notOrgAcronyms[l] {
			continue
		}
		if memberCue(words, i+1) || datelineCredit(tokens, i, taken) {
			spans = append(spans, span{Start: i, End: i + 1, Type: "ORG"})
			taken[i] = true
		}
	}
	return spans
}

// memberCue reports whether the words from j are "के/की/का (एक)" and a
// member word.
func memberCue(words []string, j int) bool {
	if j >= len(words) || words[j] != "के" && words[j] != "की" && words[j] != "का" {
		return false
	}
	j++
	if j < len(words) && words[j] == "एक" {
		j++
	}
	return j < len(words) && memberWords[words[j]]
}

// datelineCredit reports whether token i ends a dateline: a place, a comma,
// the token, then the sentence's end or a danda.
func datelineCredit(tokens []string, i int, taken []bool) bool {
	return i >= 2 && tokens[i-1] == "," && taken[i-2] && i <= 4 &&
		(i+1 == len(tokens) || tokens[i+1] == "।" || tokens[i+1] == ":")
}
