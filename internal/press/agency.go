package press

import (
	"strings"
	"unicode/utf8"

	"khabar/internal/lexicon"
	"khabar/internal/normalize"
)

// The wire agencies are the [press.agency] entries of every language's
// pack (internal/lexicon): a way pages write the name, and the agency's
// canonical English name as the value. Ambiguous names are ordinary words
// too ("भाषा" is "language", "AP" is Andhra Pradesh, "स्पुतनिक" a vaccine):
// they are the [press.agency-ambiguous] entries, and count only where the
// text credits or cites an agency (see creditContext).

// agencyKey folds an alias or a run of words for lookup
// (normalize.AliasFold): lower case, no nukta, hyphens, full stops and
// spaces as one space.
func agencyKey(s string) string { return normalize.AliasFold.String(s) }

type agencyEntry struct {
	name      string
	ambiguous bool
	words     int
}

// agencyIndex maps folded names to agencies; built once from every pack,
// read only. Each canonical name is a name too; an ambiguous entry
// outranks a plain one of the same key.
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
	packs := allPacks()
	for _, p := range packs {
		for _, e := range p.Entries(lexicon.PressAgency) {
			add(e.Value, e.Value, false)
			add(e.Text, e.Value, false)
		}
	}
	for _, p := range packs {
		for _, e := range p.Entries(lexicon.PressAgencyAmbiguous) {
			add(e.Text, e.Value, true)
		}
	}
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
	// about one word per space: one allocation rather than a growing slice
	ws := make([]word, 0, strings.Count(s, " ")+1)
	for i := 0; i < len(s); {
		r, size := normalize.DecodeRune(s[i:])
		if !isWordRune(r) && !isDigitRune(r) {
			i += size
			continue
		}
		j := i
		deva := isDeva(r)
		for j < len(s) {
			r2, sz := normalize.DecodeRune(s[j:])
			if isWordRune(r2) {
				if isDeva(r2) != deva {
					break
				}
			} else if !isDigitRune(r2) {
				break
			}
			j += sz
		}
		ws = append(ws, word{text: normalize.WordFold.String(s[i:j]), start: i, end: j})
		i = j
	}
	return ws
}

// isDigitRune reports a digit of any script datetime reads.
func isDigitRune(r rune) bool {
	_, ok := digitValue(r)
	return ok
}

// creditWords before an ambiguous alias make it a credit: "By भाषा",
// "इनपुट: भाषा", "with inputs from AP", "(भाषा)". [press.credit-before]
var creditBefore = wordSet(lexicon.PressCreditBefore)

// creditAfter words after an ambiguous alias make it a credit or a
// citation: "भाषा की फीड", "एपी के हवाले से", "Sputnik reported". [press.credit-after]
var creditAfter = wordSet(lexicon.PressCreditAfter)

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
