package entity

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"khabar/internal/entity/kb"
	"khabar/internal/entity/tagger"
)

// span is a name found in a sentence: tokens [Start, End) of type Type,
// with the knowledge-base entry it names when that is already known.
type span struct {
	Start, End int
	Type       string
	entry      *kb.Entry
	// short is true for a short form in brackets right after the name it
	// stands for (split off by splitBracket).
	short bool
}

// Tag tags one tokenised sentence the way the stage finds names: each
// token gets B- or I- and PER, LOC, ORG or MISC, or O. The sentence is
// read as a document of its own.
func (s *Stage) Tag(tokens []string) []string {
	return s.TagDoc([][]string{tokens})[0]
}

// TagDoc tags the sentences of one document, in order, the way the stage
// finds names: a stacked model's second pass sees what its first pass
// found in the sentences around each one.
func (s *Stage) TagDoc(doc [][]string) [][]string {
	out := make([][]string, len(doc))
	found, _, _ := s.tagDocSpans(context.Background(), doc, nil)
	for k, sps := range found {
		out[k] = spanTags(len(doc[k]), sps)
	}
	return out
}

// spanTags turns the spans of a sentence of n tokens into tags.
func spanTags(n int, sps []span) []string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = "O"
	}
	for _, sp := range sps {
		tags[sp.Start] = "B-" + sp.Type
		for i := sp.Start + 1; i < sp.End; i++ {
			tags[i] = "I-" + sp.Type
		}
	}
	return tags
}

// tagDocSpans finds the names of the sentences of one document.
// words holds the kb.Word of each token of doc; when nil, the tagger folds
// them, and tagDocSpans returns them.
func (s *Stage) tagDocSpans(ctx context.Context, doc, words [][]string) ([][]span, [][]string, error) {
	var raw [][]string
	var flags [][]uint8
	var err error
	if words == nil {
		raw, words, flags, err = s.model.TagDocFlags(ctx, doc)
	} else {
		raw, err = s.model.TagDocContext(ctx, doc, words)
	}
	if err != nil {
		return nil, nil, err
	}
	out := make([][]span, len(doc))
	for k, toks := range doc {
		if k%64 == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		var fs []uint8
		if flags != nil {
			fs = flags[k]
		}
		out[k] = s.spansFrom(toks, words[k], raw[k], fs)
	}
	return out, words, nil
}

// commonWords returns whether each of words is common (the model's
// CommonWord), from the model's flags of them when not nil.
func (s *Stage) commonWords(words []string, flags []uint8) []bool {
	out := make([]bool, len(words))
	for i, w := range words {
		if flags != nil {
			out[i] = flags[i]&tagger.WordCommon != 0
		} else {
			out[i] = s.model.CommonWord(w)
		}
	}
	return out
}

// foldDoc returns the kb.Word of each token of doc, folding each distinct
// token once.
func foldDoc(doc [][]string) [][]string {
	seen := map[string]string{}
	out := make([][]string, len(doc))
	for k, toks := range doc {
		ws := make([]string, len(toks))
		for i, t := range toks {
			w, ok := seen[t]
			if !ok {
				w = kb.Word(t)
				seen[t] = w
			}
			ws[i] = w
		}
		out[k] = ws
	}
	return out
}

// spansFrom finds the names of one sentence from the tagger's tags, given
// the kb.Word of each token and, when not nil, the model's flags of them
// (tagger.TagDocFlags).
func (s *Stage) spansFrom(tokens, words, raw []string, flags []uint8) []span {
	if len(tokens) == 0 {
		return nil
	}
	common := s.commonWords(words, flags)
	var spans []span
	latin := latinSentence(tokens)
	if latin {
		if s.en != nil {
			spans = s.englishModelSpans(tokens, words)
		} else {
			spans = s.englishSpans(tokens, words)
		}
	} else {
		for _, sp := range tagger.Spans(raw) {
			x := span{Start: sp.Start, End: sp.End, Type: sp.Type}
			if s.skip&skipTrim != 0 {
				spans = append(spans, x)
			} else if x, ok := trimSpan(x, tokens, words); ok {
				spans = append(spans, splitBracket(x, tokens)...)
			}
		}
		trimFunctionWords(spans, words, func(w []string) bool { return s.lookupSpan(w, "") != nil })
		if s.skip&skipTypeKB == 0 {
			spans = s.splitCoordinated(spans, words)
			s.typeByKB(spans, words)
			s.growBySound(spans, words)
		}
		if s.skip&skipTypeHead == 0 {
			typeByHead(spans, words)
		}
		if s.skip&skipTitles == 0 {
			applyTitles(spans, words)
			s.growPersons(spans, tokens, words)
		}
	}
	if s.skip&skipKBMatches == 0 {
		spans = s.addKBMatches(spans, tokens, words)
	}
	if !latin && s.skip&skipKBMatches == 0 {
		spans = s.addSoundMatches(spans, tokens, words, common)
	}
	if !latin && s.skip&skipTitleNames == 0 {
		spans = s.titleNames(spans, tokens, words)
	}
	if !latin && s.skip&skipOrgs == 0 {
		s.growToOrgHead(spans, tokens, words)
		spans = s.addAcronymOrgs(spans, tokens, words, common)
		spans = dropGeneric(spans, words)
	}
	spans = dropNotNames(spans, words)
	slices.SortFunc(spans, func(a, b span) int { return a.Start - b.Start })
	return spans
}

// Steps of spansFrom that tests may skip (Stage.skip), to measure what
// each is worth.
const (
	skipTrim = 1 << iota
	skipTypeKB
	skipTypeHead
	skipTitles
	skipKBMatches
	skipTitleNames
	keepKnownKB
	keepKnownTitle
	skipOrgs
)

// latinSentence reports whether most letters of the sentence are Latin.
func latinSentence(tokens []string) bool {
	latin, deva := 0, 0
	for _, t := range tokens {
		for _, r := range t {
			switch {
			case r >= 0x0900 && r <= 0x097F:
				deva++
			case r < 0x250 && unicode.IsLetter(r):
				latin++
			}
		}
	}
	return latin > deva
}

// typeByKB gives spans the knowledge base knows their entry and type. A
// span that ends in a known name of another type after other words
// (कार्यालय क्रेमलिन tagged as a person) becomes that name.
func (s *Stage) typeByKB(spans []span, words []string) {
	for i := range spans {
		sp := &spans[i]
		if e := s.lookupSpan(words[sp.Start:sp.End], sp.Type); e != nil {
			sp.entry = e
			sp.Type = e.Type
			continue
		}
		for _, m := range s.kb.Matches(words[sp.Start:sp.End]) {
			if m.Scan && m.End == sp.End-sp.Start && m.Start > 0 && m.Entry.Type != sp.Type {
				sp.Start += m.Start
				sp.Type = m.Entry.Type
				sp.entry = m.Entry
				break
			}
		}
	}
}

// trimFunctionWords drops function words from the ends of a span found
// by the tagger ("बाद दिल्ली विश्वविद्यालय"), unless the knowledge base
// knows the span whole. (Dropping the words training shows mostly outside
// names as well cost IL-NER dev F1: "राष्ट्रीय" and "भारतीय" open names.)
func trimFunctionWords(spans []span, words []string, known func([]string) bool) {
	for i := range spans {
		sp := &spans[i]
		// the knowledge base is asked only about spans with such an end
		if sp.End-sp.Start < 2 || !functionWords[words[sp.Start]] && !functionWords[words[sp.End-1]] ||
			known(words[sp.Start:sp.End]) {
			continue
		}
		for sp.End-sp.Start > 1 && functionWords[words[sp.Start]] {
			sp.Start++
		}
		for sp.End-sp.Start > 1 && functionWords[words[sp.End-1]] {
			sp.End--
		}
	}
}

// conjunctions join two names in one span the tagger found.
var conjunctions = folded(map[string]bool{"और": true, "व": true, "एवं": true, "तथा": true})

// splitCoordinated splits a span the knowledge base does not know whole
// at a conjunction when what comes before it is a name the knowledge base
// knows ("नयी दिल्ली और मिशिगन विश्वविद्यालय" is two names), so that a
// name such as "विज्ञान और प्रौद्योगिकी मंत्रालय" stays one.
func (s *Stage) splitCoordinated(spans []span, words []string) []span {
	var out []span
	for _, sp := range spans {
		c := -1
		for i := sp.Start + 1; i < sp.End-1; i++ {
			if conjunctions[words[i]] {
				c = i
				break
			}
		}
		if c < 0 || s.lookupSpan(words[sp.Start:sp.End], "") != nil {
			out = append(out, sp)
			continue
		}
		left := s.lookupSpan(words[sp.Start:c], "")
		if left == nil {
			out = append(out, sp)
			continue
		}
		out = append(out, span{Start: sp.Start, End: c, Type: left.Type, entry: left}, span{Start: c + 1, End: sp.End, Type: sp.Type})
	}
	return out
}

// placeHeads end the names of places, orgHeadsHi those of organisations.
var (
	placeHeads = folded(map[string]bool{
		"नगर": true, "गांव": true, "गाँव": true, "जिला": true, "ज़िला": true, "चौक": true, "मार्ग": true,
		"रोड": true, "कॉलोनी": true, "कालोनी": true, "मोहल्ला": true, "बाजार": true, "बाज़ार": true,
		"मैदान": true, "पार्क": true, "घाटी": true, "नदी": true, "द्वीप": true, "सागर": true, "महासागर": true,
	})
	orgHeadsHi = folded(map[string]bool{
		"विभाग": true, "मंत्रालय": true, "आयोग": true, "बैंक": true, "विश्वविद्यालय": true, "संस्थान": true,
		"परिषद": true, "समिति": true, "पार्टी": true, "कंपनी": true, "निगम": true, "बोर्ड": true,
		"सेना": true, "पुलिस": true, "अस्पताल": true, "कॉलेज": true, "स्कूल": true, "न्यायालय": true,
		"अदालत": true, "प्राधिकरण": true, "प्रतिष्ठान": true, "फाउंडेशन": true, "एजेंसी": true,
		"यूनिवर्सिटी": true, "लिमिटेड": true, "मिशन": true,
	})
)

// typeByHead corrects the type of a span the knowledge base does not know
// by its last word: a span ending in नगर or मैदान is a place, one ending in
// विभाग or बैंक an organisation.
func typeByHead(spans []span, words []string) {
	for i := range spans {
		sp := &spans[i]
		if sp.entry != nil || sp.End-sp.Start < 2 {
			continue
		}
		switch last := words[sp.End-1]; {
		case placeHeads[last] && sp.Type == "PER":
			sp.Type = "LOC"
		case orgHeadsHi[last] && sp.Type != "ORG":
			sp.Type = "ORG"
		}
	}
}

// dateWords are month and weekday names: a span of them and numbers is a
// date, never a name.
var dateWords = folded(map[string]bool{
	"जनवरी": true, "फरवरी": true, "मार्च": true, "अप्रैल": true, "अप्रेल": true, "मई": true, "जून": true,
	"जुलाई": true, "अगस्त": true, "सितंबर": true, "सितम्बर": true, "अक्टूबर": true, "अक्तूबर": true,
	"नवंबर": true, "नवम्बर": true, "दिसंबर": true, "दिसम्बर": true, "सोमवार": true, "मंगलवार": true,
	"बुधवार": true, "गुरुवार": true, "बृहस्पतिवार": true, "शुक्रवार": true, "शनिवार": true, "रविवार": true,
	// parts of the day, as in "मंगलवार रात"
	"सुबह": true, "दोपहर": true, "शाम": true, "रात": true, "तड़के": true,
})

// trimSpan drops numbers from the ends of a span and refuses spans of only
// dates, numbers and punctuation.
func trimSpan(sp span, tokens, words []string) (span, bool) {
	isNum := func(i int) bool {
		for _, r := range words[i] {
			if !unicode.IsDigit(r) && r != ',' && r != '.' {
				return false
			}
		}
		return true
	}
	for sp.Start < sp.End && (words[sp.Start] == "" || isNum(sp.Start)) {
		sp.Start++
	}
	for sp.End > sp.Start && (words[sp.End-1] == "" || words[sp.End-1] == "-" || isNum(sp.End-1)) {
		sp.End--
	}
	// a date at either end is not part of the name ("सोमवार शाम पुणे",
	// "अरविंद केजरीवाल सोमवार", "दुष्यंत सिंह 18 मार्च"), nor is the
	// number of a date ("चार मार्च")
	for sp.Start < sp.End && calendarWords[words[sp.Start]] {
		sp.Start++
	}
	for dated := false; sp.End > sp.Start; sp.End-- {
		w := words[sp.End-1]
		if calendarWords[w] {
			dated = true
		} else if !dated || !isNum(sp.End-1) && !numberWords[w] && w != "" {
			break
		}
	}
	// a person's name starts after the titles before it
	for sp.Type == "PER" && sp.End-sp.Start > 1 && personTitles[words[sp.Start]] {
		sp.Start++
	}
	// a title alone ("पीएम", "सीएमओ") names an office, not a person or a body
	if sp.Start >= sp.End || sp.End-sp.Start == 1 && personTitles[words[sp.Start]] {
		return sp, false
	}
	for i := sp.Start; i < sp.End; i++ {
		if !dateWords[words[i]] && !calendarWords[words[i]] && !isNum(i) && words[i] != "" {
			return sp, true
		}
	}
	return sp, false
}

// splitBracket splits a span that holds a name and, in round brackets
// after it, its short form ("इंडियन काउंसिल ऑफ मेडिकल रिसर्च (ICMR)")
// into two mentions, the second marked as the short form of the first; a
// bracket the span opens may close right after it. Other spans come back
// as they are.
func splitBracket(sp span, tokens []string) []span {
	open := -1
	for i := sp.Start + 1; i < sp.End; i++ {
		if tokens[i] == "(" {
			open = i
			break
		}
	}
	if open < 0 {
		return []span{sp}
	}
	end := sp.End
	for i := open + 1; i < sp.End; i++ {
		if tokens[i] == ")" {
			end = i
			break
		}
	}
	inner := span{Start: open + 1, End: end, Type: sp.Type, short: true}
	if inner.Start >= inner.End || end < sp.End-1 {
		// nothing inside, or more name after the bracket: one name
		return []span{sp}
	}
	return []span{{Start: sp.Start, End: open, Type: sp.Type}, inner}
}

// lookupSpan finds the knowledge-base entry named by words (folded), with
// an honorific जी dropped; the entry of type typ is preferred.
func (s *Stage) lookupSpan(words []string, typ string) *kb.Entry {
	name := strings.Join(words, " ")
	if es := s.kb.Lookup(name, typ); len(es) > 0 {
		return &es[0]
	}
	if n, ok := strings.CutSuffix(name, " जी"); ok && n != "" {
		if es := s.kb.Lookup(n, typ); len(es) > 0 {
			return &es[0]
		}
	}
	if n, ok := strings.CutSuffix(name, "जी"); ok && len(words) == 1 && n != "" {
		if es := s.kb.Lookup(n, typ); len(es) > 0 && es[0].Type == "PER" {
			return &es[0]
		}
	}
	return nil
}

// personTitles are words that, just before a name, say it names a person.
var personTitles = folded(map[string]bool{
	"राष्ट्रपति": true, "प्रधानमंत्री": true, "मंत्री": true, "प्रवक्ता": true, "सचिव": true,
	"राजदूत": true, "श्री": true, "श्रीमती": true, "सुश्री": true, "डॉ": true, "डा": true,
	"मुख्यमंत्री": true, "उपमुख्यमंत्री": true, "राज्यपाल": true, "उपराष्ट्रपति": true, "सांसद": true,
	"विधायक": true, "नेता": true, "अध्यक्ष": true, "न्यायमूर्ति": true, "जस्टिस": true, "जनरल": true,
	"चांसलर": true, "महासचिव": true, "प्रमुख": true, "कप्तान": true, "प्रोफेसर": true, "प्रो": true,
	"कमांडर": true, "निदेशक": true, "सलाहकार": true, "समकक्ष": true, "पत्नी": true, "पति": true,
	"बेटे": true, "बेटी": true, "पुत्र": true, "पुत्री": true, "महाराज": true, "कोच": true,
	"प्रशिक्षक": true, "लेखक": true, "कवि": true, "अभिनेता": true, "अभिनेत्री": true, "गायक": true,
	// offices as Hindi news abbreviates them, and ranks of the police,
	// the forces and local government
	"पीएम": true, "सीएम": true, "डीएम": true, "एसपी": true, "एसएसपी": true, "डीजीपी": true, "आईजी": true,
	"डीआईजी": true, "एसडीएम": true, "एडीएम": true, "सीएमओ": true, "सीडीओ": true, "बीडीओ": true,
	"एसएचओ": true, "एसीपी": true, "डीसीपी": true, "सीईओ": true, "सीजेआई": true, "डिप्टी": true,
	"कर्नल": true, "कैप्टन": true, "इंस्पेक्टर": true, "दरोगा": true, "दारोगा": true, "थानाध्यक्ष": true,
	"थानेदार": true, "कुलपति": true, "प्राचार्य": true, "प्रधानाचार्य": true, "महापौर": true, "मेयर": true,
	"पार्षद": true, "सरपंच": true, "चेयरमैन": true, "उपाध्यक्ष": true, "जिलाधिकारी": true, "आयुक्त": true,
	"कमिश्नर": true, "कलेक्टर": true, "अधिवक्ता": true, "वकील": true, "डॉक्टर": true, "पत्रकार": true,
	"संपादक": true, "स्वर्गीय": true, "दिवंगत": true, "बाबा": true, "साहब": true, "साहेब": true,
})

// applyTitles makes a place or organisation span right after a person
// title a person, unless the knowledge base says otherwise.
func applyTitles(spans []span, words []string) {
	for i := range spans {
		sp := &spans[i]
		if sp.Type == "PER" || sp.entry != nil || sp.Start == 0 || sp.Type == "LOC" && sp.End-sp.Start == 1 {
			continue
		}
		if personTitles[words[sp.Start-1]] {
			sp.Type = "PER"
		}
	}
}

// growPersons completes person spans the tagger cut short: a known
// family name right after one joins it ("नीरा" + "यादव"), and so does a
// name-like word right before one when a title or a known given name
// stands before that word or is that word ("सांसद अन्नपूर्णा" + "देवी").
func (s *Stage) growPersons(spans []span, tokens, words []string) {
	taken := make([]bool, len(tokens))
	for _, sp := range spans {
		for i := sp.Start; i < sp.End; i++ {
			taken[i] = true
		}
	}
	for i := range spans {
		sp := &spans[i]
		if sp.Type != "PER" || sp.entry != nil {
			continue
		}
		for sp.End < len(tokens) && sp.End-sp.Start < 4 && !taken[sp.End] && s.kb.FamilyName(words[sp.End]) &&
			nameLike(tokens[sp.End], words[sp.End]) {
			taken[sp.End] = true
			sp.End++
		}
		for sp.Start > 0 && sp.End-sp.Start < 4 && !taken[sp.Start-1] && nameLike(tokens[sp.Start-1], words[sp.Start-1]) &&
			!s.model.CommonWord(words[sp.Start-1]) &&
			(s.kb.GivenName(words[sp.Start-1]) || sp.Start > 1 && personTitles[words[sp.Start-2]]) {
			taken[sp.Start-1] = true
			sp.Start--
		}
	}
}

// addKBMatches adds the knowledge-base names the tagger did not find:
// names that may be taken from running text, not overlapping a span found
// already, longest first; a Latin name only where it is capitalised as in
// the knowledge base.
func (s *Stage) addKBMatches(spans []span, tokens, words []string) []span {
	taken := make([]bool, len(tokens))
	for _, sp := range spans {
		for i := sp.Start; i < sp.End; i++ {
			taken[i] = true
		}
	}
	ms := s.kb.Matches(words)
	slices.SortStableFunc(ms, func(a, b kb.Match) int {
		if d := (b.End - b.Start) - (a.End - a.Start); d != 0 {
			return d
		}
		return a.Start - b.Start
	})
	for _, m := range ms {
		if !m.Scan {
			continue
		}
		if anyTaken(taken, m.Start, m.End) {
			// a longer known name may replace the spans it holds whole
			var inside bool
			spans, inside = replaceInside(spans, m)
			if !inside {
				continue
			}
		}
		if m.Latin && !capitalisedLike(tokens[m.Start:m.End], m.Entry.Aliases) {
			continue
		}
		// the tagger learned when words it has seen often are names: a
		// known one-word name it left out is not one here (भारत in स्वच्छ
		// भारत अभियान). Longer known names are added all the same: the
		// training data need not have seen the name whole. So are known
		// organisations: IL-NER leaves लोकसभा and कांग्रेस untagged, a
		// news reader follows them (IL-NER dev F1 0.752 -> 0.750).
		if !m.Latin && s.skip&keepKnownKB == 0 && m.End-m.Start == 1 && m.Entry.Type != "ORG" && s.model.KnownWord(words[m.Start]) {
			continue
		}
		if !m.Latin && latinRun(tokens[m.Start:m.End]) {
			continue
		}
		start := m.Start
		if m.Entry.Type == "PER" && !m.Latin {
			start = s.extendBySound(m.Start, m.End, m.Entry, words, taken)
		}
		spans = append(spans, span{Start: start, End: m.End, Type: m.Entry.Type, entry: m.Entry})
		for i := start; i < m.End; i++ {
			taken[i] = true
		}
	}
	return spans
}

// replaceInside removes the spans that lie inside m and reports whether
// every span m overlaps lies inside it; when not, spans are unchanged.
func replaceInside(spans []span, m kb.Match) ([]span, bool) {
	for _, sp := range spans {
		if sp.Start < m.End && m.Start < sp.End && (sp.Start < m.Start || sp.End > m.End) {
			return spans, false
		}
		if sp.Start == m.Start && sp.End == m.End {
			return spans, false // the same span: already typed
		}
	}
	out := spans[:0]
	for _, sp := range spans {
		if !(sp.Start >= m.Start && sp.End <= m.End) {
			out = append(out, sp)
		}
	}
	return out, true
}

func anyTaken(taken []bool, a, b int) bool {
	for i := a; i < b; i++ {
		if taken[i] {
			return true
		}
	}
	return false
}

func latinRun(tokens []string) bool {
	for _, t := range tokens {
		for _, r := range t {
			if r >= 0x0900 && r <= 0x097F {
				return false
			}
		}
	}
	return true
}

// capitalisedLike reports whether Latin tokens are written as a name: each
// word with a letter starts upper case, and an alias written all in
// capitals (an acronym: "AP", "US") is matched only in capitals.
func capitalisedLike(tokens []string, aliases []string) bool {
	text := strings.Join(tokens, " ")
	for _, a := range aliases {
		if isUpperWord(a) && strings.EqualFold(strings.ReplaceAll(a, " ", ""), strings.ReplaceAll(text, " ", "")) {
			return strings.ReplaceAll(a, " ", "") == strings.ReplaceAll(text, " ", "")
		}
	}
	for _, t := range tokens {
		r := []rune(t)
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			continue
		}
		if !unicode.IsUpper(r[0]) && !connector[strings.ToLower(t)] {
			return false
		}
	}
	return true
}

func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// extendBySound widens a person's name found in the knowledge base to the
// left when the words before it make, with it, a name that sounds like
// one of the person's (दमित्री before पेस्कोव); it returns the new start.
func (s *Stage) extendBySound(start, end int, entry *kb.Entry, words []string, taken []bool) int {
	for k := 2; k >= 1; k-- {
		i := start - k
		if i < 0 || anyTaken(taken, i, start) || !allNameLike(words[i:start]) {
			continue
		}
		for _, e := range s.kb.LookupSound(strings.Join(words[i:end], " ")) {
			if e.ID == entry.ID {
				return i
			}
		}
	}
	return start
}

// allNameLike reports whether every word (folded) may be part of a
// Devanagari name: no punctuation, title or function word.
func allNameLike(words []string) bool {
	for _, w := range words {
		if !nameLike(w, w) {
			return false
		}
	}
	return true
}

// growBySound widens the tagger's person spans the knowledge base knows to
// the words before them that make, with them, a name sounding like the
// person's (दमित्री before a tagged पेस्कोव).
func (s *Stage) growBySound(spans []span, words []string) {
	taken := make([]bool, len(words))
	for _, sp := range spans {
		for i := sp.Start; i < sp.End; i++ {
			taken[i] = true
		}
	}
	for i := range spans {
		sp := &spans[i]
		if sp.entry == nil || sp.Type != "PER" {
			continue
		}
		if start := s.extendBySound(sp.Start, sp.End, sp.entry, words, taken); start < sp.Start {
			for k := start; k < sp.Start; k++ {
				taken[k] = true
			}
			sp.Start = start
		}
	}
}

// titleNames adds the person a title names when the tagger found nothing
// after it: up to three words after a person title (मंत्री अर्कादी
// मिखाइलोव ने …) that are Devanagari words the training data has seldom
// (had it seen them often, the tagger would know whether they are names).
func (s *Stage) titleNames(spans []span, tokens, words []string) []span {
	taken := make([]bool, len(tokens))
	for _, sp := range spans {
		for i := sp.Start; i < sp.End; i++ {
			taken[i] = true
		}
	}
	for i := 0; i+1 < len(tokens); i++ {
		if !personTitles[words[i]] || taken[i+1] {
			continue
		}
		j := i + 1
		for j < len(tokens) && j-i <= 3 && !taken[j] && nameLike(tokens[j], words[j]) &&
			(j > i+1 && s.kb.FamilyName(words[j]) ||
				!s.model.CommonWord(words[j]) && (s.skip&keepKnownTitle != 0 || !s.model.KnownWord(words[j]))) {
			j++
		}
		// the name must end where a function word or punctuation follows,
		// not run into another name
		if j > i+1 && (j == len(tokens) || !taken[j]) {
			spans = append(spans, span{Start: i + 1, End: j, Type: "PER"})
			for k := i + 1; k < j; k++ {
				taken[k] = true
			}
		}
	}
	return spans
}

// nameLike reports whether a token may be part of a Devanagari name: a
// word of Devanagari letters that is not a title or a function word.
func nameLike(tok, word string) bool {
	if word == "" || notNameLike[word] {
		return false
	}
	for _, r := range tok {
		if !(r >= 0x0900 && r <= 0x097F) || r == '।' {
			return false
		}
	}
	return true
}

// notNameLike holds the words of personTitles, functionWords,
// calendarWords and honorifics, which nameLike refuses.
var notNameLike = func() map[string]bool {
	out := map[string]bool{}
	for _, set := range []map[string]bool{personTitles, functionWords, calendarWords, honorifics} {
		for w, ok := range set {
			if ok {
				out[w] = true
			}
		}
	}
	return out
}()

// functionWords never begin or continue a name.
var functionWords = folded(map[string]bool{
	"ने": true, "के": true, "की": true, "का": true, "को": true, "से": true, "में": true, "पर": true,
	"और": true, "व": true, "एवं": true, "तथा": true, "है": true, "हैं": true, "था": true, "थे": true,
	"थी": true, "भी": true, "ही": true, "तो": true, "कि": true, "जो": true, "यह": true, "वह": true,
	"इस": true, "उस": true, "एक": true, "लिए": true, "साथ": true, "बाद": true, "रहे": true, "कहा": true,
})

// folded returns the set with every word written as kb.Word writes the
// words it is looked up with ("न्यायालय" and "कॉलेज" are looked up as
// "ंयायालय" and "कालेज").
func folded(set map[string]bool) map[string]bool {
	out := make(map[string]bool, len(set))
	for w := range set {
		out[kb.Word(w)] = true
	}
	return out
}
