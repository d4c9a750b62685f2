package press

import (
	"strings"
	"unicode/utf8"

	"khabar/internal/normalize"
)

// agency is one wire service: its canonical English name and the ways pages
// write it. Ambiguous aliases are ordinary words too ("भाषा" is "language",
// "AP" is Andhra Pradesh, "स्पुतनिक" a vaccine); they count only where the
// text credits or cites an agency (see creditContext).
type agency struct {
	name      string
	aliases   []string
	ambiguous []string
}

var agencyTable = []agency{
	{"PTI-Bhasha", []string{"पीटीआई-भाषा", "पीटीआई भाषा", "PTI-Bhasha", "PTI Bhasha", "पीटीआइ-भाषा"}, []string{"भाषा"}},
	{"PTI", []string{"PTI", "पीटीआई", "पीटीआइ", "प्रेट्र", "Press Trust of India", "प्रेस ट्रस्ट ऑफ इंडिया", "प्रेस ट्रस्ट आफ इंडिया", "पीटीआय"}, nil},
	{"IANS", []string{"IANS", "आईएएनएस", "आइएएनएस", "आयएएनएस", "Indo-Asian News Service"}, nil},
	{"ANI", []string{"ANI", "एएनआई", "एएनआइ", "एएनआय", "Asian News International"}, nil},
	{"UNI", []string{"UNI", "यूएनआई", "यूएनआइ", "United News of India", "यूनीवार्ता", "UNI Varta"}, []string{"वार्ता"}},
	{"Hindusthan Samachar", []string{"हिन्दुस्थान समाचार", "हिंदुस्थान समाचार", "Hindusthan Samachar"}, nil},
	{"AP", []string{"Associated Press", "एसोसिएटेड प्रेस", "एसोसिएटिड प्रेस"}, []string{"AP", "एपी"}},
	{"AFP", []string{"AFP", "एएफपी", "Agence France-Presse", "Agence France Presse", "एजेंस फ्रांस प्रेस"}, nil},
	{"Reuters", []string{"Reuters", "रॉयटर्स", "रायटर्स", "रॉयटर", "रायटर", "रॉयटर्स"}, nil},
	{"Xinhua", []string{"Xinhua", "सिन्हुआ", "शिन्हुआ", "जिन्हुआ", "शिन्ह्वा"}, nil},
	{"TASS", []string{"TASS", "ITAR-TASS", "टीएएसएस", "टास", "इतर-तास"}, []string{"तास", "Tass"}},
	{"Sputnik", []string{"स्पूतनिक न्यूज", "Sputnik News"}, []string{"Sputnik", "स्पुतनिक", "स्पूतनिक"}},
	{"RIA Novosti", []string{"RIA Novosti", "आरआईए नोवोस्ती", "रिया नोवोस्ती"}, nil},
	{"Interfax", []string{"Interfax", "इंटरफैक्स"}, nil},
	{"Bloomberg", []string{"ब्लूमबर्ग न्यूज", "Bloomberg News"}, []string{"Bloomberg", "ब्लूमबर्ग"}},
	{"DPA", []string{"dpa", "डीपीए", "Deutsche Presse-Agentur"}, nil},
	{"EFE", []string{"EFE", "ईएफई"}, nil},
	{"Kyodo", []string{"Kyodo", "क्योदो", "क्योडो"}, nil},
	{"Yonhap", []string{"Yonhap", "योनहाप", "योनहैप"}, nil},
	{"KCNA", []string{"KCNA", "केसीएनए"}, nil},
	{"IRNA", []string{"IRNA", "इरना"}, nil},
	{"RSS", []string{"रासस", "राष्ट्रिय समाचार समिति", "Rastriya Samachar Samiti", "Rashtriya Samachar Samiti"}, nil},
	{"Anadolu", []string{"Anadolu Agency", "अनादोलु"}, []string{"Anadolu"}},
	{"APP", []string{"Associated Press of Pakistan"}, nil},
	{"WAM", []string{"WAM", "वाम समाचार एजेंसी"}, nil},
	{"Bernama", []string{"Bernama", "बर्नामा"}, nil},
	{"Antara", []string{"Antara News"}, []string{"Antara"}},
	{"BSS", []string{"BSS", "बीएसएस"}, nil},
	{"Press Association", []string{"Press Association", "PA Media"}, nil},
}

// agencyKey folds an alias or a run of words for lookup: lower case, no
// nukta, hyphens and spaces as one space.
func agencyKey(s string) string {
	s = strings.ToLower(normalize.FoldNukta(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == '-' || r == '‐' || r == '–' || r == ' ' || r == '\u00a0' || r == '.' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

type agencyEntry struct {
	name      string
	ambiguous bool
	words     int
}

// agencyIndex maps folded aliases to agencies; built once, read only.
var agencyIndex, agencyMaxWords = func() (map[string]agencyEntry, int) {
	m := map[string]agencyEntry{}
	maxW := 1
	add := func(alias, name string, amb bool) {
		k := agencyKey(alias)
		w := strings.Count(k, " ") + 1
		if w > maxW {
			maxW = w
		}
		m[k] = agencyEntry{name: name, ambiguous: amb, words: w}
	}
	for _, a := range agencyTable {
		add(a.name, a.name, false)
		for _, al := range a.aliases {
			add(al, a.name, false)
		}
		for _, al := range a.ambiguous {
			add(al, a.name, true)
		}
	}
	// Upper-case "AP" alone is a credit only in context; the canonical
	// name must not make it unambiguous.
	m["ap"] = agencyEntry{name: "AP", ambiguous: true, words: 1}
	m["tass"] = agencyEntry{name: "TASS", ambiguous: false, words: 1}
	return m, maxW
}()

// agencyFirst holds the first word of every multi-word alias, so most
// words need one lookup.
var agencyFirst = func() map[string]bool {
	m := map[string]bool{}
	for k, e := range agencyIndex {
		if e.words > 1 {
			first, _, _ := strings.Cut(k, " ")
			m[first] = true
		}
	}
	return m
}()

// Agency returns the canonical English name of the wire agency s names
// ("भाषा" → "PTI-Bhasha", "एपी" → "AP", "रॉयटर्स" → "Reuters"), or "".
func Agency(s string) string {
	s = strings.Trim(strings.TrimSpace(s), "()[]{}.,:;।|-–— ")
	s = strings.TrimPrefix(s, "इनपुट")
	return agencyIndex[agencyKey(strings.TrimSpace(s))].name
}

// AgencyHit is an agency found in a text.
type AgencyHit struct {
	// Name is the canonical English name.
	Name string
	// Start and End are the byte span of the alias in the text.
	Start, End int
}

type word struct {
	text       string // folded
	start, end int
}

// Words returns the words of s as the recognisers split them: runs of
// letters and digits, a change of script starting a new word.
func Words(s string) []string {
	ws := splitWords(s)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.text
	}
	return out
}

// splitWords splits s into words of letters, marks and digits, keeping
// hyphenated compounds as separate words.
func splitWords(s string) []word {
	var ws []word
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		_, dig := digitValue(r)
		if !isWordRune(r) && !dig {
			i += size
			continue
		}
		j := i
		deva := isDeva(r)
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			_, d2 := digitValue(r2)
			if !isWordRune(r2) && !d2 || isWordRune(r2) && isDeva(r2) != deva {
				break
			}
			j += sz
		}
		ws = append(ws, word{text: lowerWord(normalize.FoldNukta(s[i:j])), start: i, end: j})
		i = j
	}
	return ws
}

// creditWords before an ambiguous alias make it a credit: "By भाषा",
// "इनपुट: भाषा", "with inputs from AP", "(भाषा)".
var creditBefore = map[string]bool{
	"by": true, "बाय": true, "इनपुट": true, "inputs": true, "input": true, "from": true, "साभार": true,
	"स्रोत": true, "source": true, "एजेंसी": true, "agency": true, "courtesy": true, "credit": true,
	"समाचार": true, "न्यूज": true, "news": true, "wire": true, "via": true,
}

// creditAfter words after an ambiguous alias make it a credit or a
// citation: "भाषा की फीड", "एपी के हवाले से", "Sputnik reported".
var creditAfter = map[string]bool{
	"फीड": true, "feed": true, "एजेंसी": true, "agency": true, "हवाले": true, "reported": true,
	"reports": true, "समाचार": true, "न्यूज": true, "news": true, "report": true, "रिपोर्ट": true,
}

// FindAgencies returns the agencies credited or cited in text, in order of
// appearance (repeats included). Unambiguous names count anywhere;
// ambiguous ones only in a credit or citation context.
func FindAgencies(text string) []AgencyHit {
	ws := splitWords(text)
	var out []AgencyHit
	for i := 0; i < len(ws); {
		matched := false
		maxN := 1
		if agencyFirst[ws[i].text] {
			maxN = min(agencyMaxWords, len(ws)-i)
		}
		for n := maxN; n >= 1; n-- {
			if n > 1 && !closeRun(text, ws[i:i+n]) {
				continue
			}
			key := ws[i].text
			if n > 1 {
				key = joinWords(ws[i : i+n])
			}
			e, ok := agencyIndex[key]
			if !ok {
				continue
			}
			if capsOK(text[ws[i].start:ws[i+n-1].end]) && (!e.ambiguous || creditContext(text, ws, i, i+n)) {
				out = append(out, AgencyHit{Name: e.name, Start: ws[i].start, End: ws[i+n-1].end})
			}
			i += n
			matched = true
			break
		}
		if !matched {
			i++
		}
	}
	return out
}

// capsOK reports whether a Latin abbreviation is written as agencies
// write theirs: "AP" and "PTI" in capitals ("ap", "Pti" are other words),
// with the exceptions "dpa" and "Tass".
func capsOK(raw string) bool {
	if raw == "dpa" || raw == "Tass" {
		return true
	}
	for _, r := range raw {
		if r >= 0x900 && r <= 0x97f {
			return true
		}
	}
	return utf8.RuneCountInString(raw) > 5 || strings.ToUpper(raw) == raw
}

// closeRun reports whether the words are separated only by spaces or
// hyphens, so "PTI-Bhasha" and "PTI Bhasha" match but "PTI, Bhasha" not.
func closeRun(text string, ws []word) bool {
	for k := 0; k+1 < len(ws); k++ {
		gap := text[ws[k].end:ws[k+1].start]
		if strings.Trim(gap, " -‐–\u00a0") != "" {
			return false
		}
	}
	return true
}

// creditContext reports whether the words [i, j) stand where a text credits
// or cites an agency: in brackets, after "By", before "की फीड" or "के हवाले
// से", next to "एजेंसी", or alone on their line.
func creditContext(text string, ws []word, i, j int) bool {
	before := strings.TrimRight(text[:ws[i].start], " \u00a0")
	after := strings.TrimLeft(text[ws[j-1].end:], " \u00a0")
	if strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")") {
		return true
	}
	if (strings.HasSuffix(before, "(") || strings.HasSuffix(before, ":") || strings.HasSuffix(before, "-")) &&
		(strings.HasPrefix(after, ")") || after == "" || strings.HasPrefix(after, "\n")) {
		return true
	}
	lineStart := strings.LastIndexByte(before, '\n') + 1
	if strings.TrimSpace(before[lineStart:]) == "" {
		rest := after
		if k := strings.IndexByte(rest, '\n'); k >= 0 {
			rest = rest[:k]
		}
		if strings.Trim(rest, " )|.।") == "" {
			return true
		}
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if creditBefore[ws[k].text] {
			return true
		}
	}
	for k := j; k < len(ws) && k < j+2; k++ {
		if creditAfter[ws[k].text] {
			return true
		}
	}
	return false
}

func joinWords(ws []word) string {
	var b strings.Builder
	for k, w := range ws {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}
