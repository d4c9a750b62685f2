// Package newstest helps test the stages that read other stages' output:
// it builds an article's entities from plain lists of names, as the
// entities stage would, without its model.
package newstest

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/internal/news"
)

// Ent describes an entity for tests: its id, canonical name, type and the
// forms it is written in.
type Ent struct {
	ID, Name, Type string
	Forms          []string
}

// Entities builds Article.Entities as the entity stage would, by finding
// every whole-word occurrence of each form (longest forms first), so that
// the stages after it can be tested without its model.
func Entities(text string, specs ...Ent) []news.Entity {
	type hit struct{ s, e, spec int }
	var hits []hit
	taken := make([]bool, len(text))
	type form struct {
		f    string
		spec int
	}
	var forms []form
	for i, s := range specs {
		for _, f := range s.Forms {
			forms = append(forms, form{f, i})
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].f) > len(forms[j].f) })
	for _, fm := range forms {
		for off := 0; ; {
			k := strings.Index(text[off:], fm.f)
			if k < 0 {
				break
			}
			s := off + k
			e := s + len(fm.f)
			off = e
			if !boundary(text, s, e) || taken[s] || taken[e-1] {
				continue
			}
			for b := s; b < e; b++ {
				taken[b] = true
			}
			hits = append(hits, hit{s, e, fm.spec})
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].s < hits[j].s })
	off := news.NewOffsets(text)
	out := make([]news.Entity, len(specs))
	for i, s := range specs {
		out[i] = news.Entity{ID: s.ID, Name: s.Name, Type: s.Type}
	}
	for _, h := range hits {
		out[h.spec].Mentions = append(out[h.spec].Mentions, news.Mention{Text: text[h.s:h.e], Start: off.Rune(h.s), End: off.Rune(h.e)})
	}
	var kept []news.Entity
	for _, e := range out {
		if len(e.Mentions) > 0 {
			kept = append(kept, e)
		}
	}
	return kept
}

func boundary(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if isWordRune(r) {
			return false
		}
	}
	if e < len(text) {
		r, _ := utf8.DecodeRuneInString(text[e:])
		if isWordRune(r) || unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

// SeedEntities are the people, bodies and places of the seed pages.
var SeedEntities = []Ent{
	{"kb:vladimir-putin", "Vladimir Putin", news.PER, []string{"व्लादिमीर पुतिन", "पुतिन"}},
	{"kb:donald-trump", "Donald Trump", news.PER, []string{"डोनाल्ड ट्रंप", "ट्रंप"}},
	{"kb:dmitry-peskov", "Dmitry Peskov", news.PER, []string{"दिमित्री पेस्कोव", "दमित्री पेस्कोव", "पेस्कोव"}},
	{"kb:sergey-lavrov", "Sergey Lavrov", news.PER, []string{"सर्गेई लावरोव", "लावरोव"}},
	{"kb:joe-biden", "Joe Biden", news.PER, []string{"जो बाइडन", "बाइडन"}},
	{"kb:jen-psaki", "Jen Psaki", news.PER, []string{"जेन पास्की"}},
	{"kb:xinhua", "Xinhua", news.ORG, []string{"सिन्हुआ"}},
	{"kb:tass", "TASS", news.ORG, []string{"टीएएसएस"}},
	{"kb:kremlin", "Kremlin", news.ORG, []string{"क्रेमलिन"}},
	{"kb:white-house", "White House", news.ORG, []string{"व्हाइट हाउस"}},
	{"kb:russia", "Russia", news.LOC, []string{"रूस"}},
	{"kb:united-states", "United States", news.LOC, []string{"अमेरिका"}},
	{"kb:ukraine", "Ukraine", news.LOC, []string{"यूक्रेन"}},
	{"kb:hungary", "Hungary", news.LOC, []string{"हंगरी"}},
	{"kb:budapest", "Budapest", news.LOC, []string{"बुडापेस्ट"}},
	{"kb:alaska", "Alaska", news.LOC, []string{"अलास्का"}},
	{"kb:anchorage", "Anchorage", news.LOC, []string{"एंकोरेज"}},
	{"kb:moscow", "Moscow", news.LOC, []string{"मास्को"}},
	{"kb:washington", "Washington", news.LOC, []string{"वाशिंगटन"}},
	{"kb:japan", "Japan", news.LOC, []string{"जापान"}},
}

// isWordRune reports whether r belongs inside a word: a letter, a mark
// (matras, virama, nukta) or a digit.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.IsDigit(r) || r == '\u200c' || r == '\u200d'
}
