package entity

import (
	"slices"
	"strings"
	"unicode"

	"khabar/internal/entity/kb"
	"khabar/internal/entity/translit"
	"khabar/internal/news"
)

// mention is a name found in an article, in byte offsets.
type mention struct {
	start, end int
	typ        string
	entry      *kb.Entry
	tokens     []string
	// words, when not nil, are the kb.Word of the tokens
	words []string
	// short is true for a short form in brackets after the name before
	// it: it joins that name's entity unless it is known itself.
	short bool
}

// linked is an entity being built for an article.
type linked struct {
	ent news.Entity
	// words are the folded words of the names the article uses for it.
	words [][]string
	first int // byte offset of the first mention
}

// link turns the mentions of an article into entities.
func (s *Stage) link(text string, ms []mention) []news.Entity {
	offs := news.NewOffsets(text)
	byID := map[string]*linked{}
	var order []*linked
	add := func(id string, mk func() news.Entity, m mention, words []string) {
		l := byID[id]
		if l == nil {
			l = &linked{ent: mk(), first: m.start}
			l.ent.ID = id
			byID[id] = l
			order = append(order, l)
		}
		if strings.HasPrefix(id, "x:") {
			// an unknown name keeps the first spelling of each script
			lang := "en"
			if translit.HasDevanagari(text[m.start:m.end]) {
				lang = "hi"
			}
			if _, ok := l.ent.Names[lang]; !ok {
				l.ent.Names[lang] = joinTokens(m.tokens)
			}
		}
		l.ent.Mentions = append(l.ent.Mentions, news.Mention{
			Text: text[m.start:m.end], Start: offs.Rune(m.start), End: offs.Rune(m.end),
		})
		l.words = append(l.words, words)
		if m.start < l.first {
			l.first = m.start
		}
	}
	// the words of each mention, and the translit.Key of those of a
	// mention without an entry, worked out once
	words := make([][]string, len(ms))
	keys := make([]string, len(ms))
	for i, m := range ms {
		words[i] = nameWords(m)
		if m.entry == nil {
			keys[i] = s.kb.Key(strings.Join(words[i], " "))
		}
	}
	// a name the knowledge base does not know gets, within the article, the
	// type most of its mentions have
	typeOf := majorityTypes(ms, keys)
	var short []int // single-word people left for the second pass
	prevID := ""    // the entity of the mention before, for short forms
	for i, m := range ms {
		words := words[i]
		if len(words) == 0 {
			continue
		}
		id := prevID
		prevID = ""
		if e := s.resolve(m, words); e != nil {
			add(e.ID, func() news.Entity { return kbEntity(e) }, m, words)
			prevID = e.ID
			continue
		}
		if m.short && id != "" {
			add(id, nil, m, words)
			continue
		}
		if t, ok := typeOf[keys[i]]; ok && m.entry == nil {
			m.typ = t
			ms[i].typ = t
		}
		if m.typ == "PER" && len(words) == 1 {
			short = append(short, i)
			continue
		}
		id, ent := newEntity(m, words, keys[i])
		add(id, func() news.Entity { return ent }, m, words)
		prevID = id
	}
	// second pass: a surname or first name alone joins a fuller name of
	// the article, the nearest one before it, else after it
	var fuller *fullerIndex
	for _, i := range short {
		m := ms[i]
		words := words[i]
		if fuller == nil {
			fuller = newFullerIndex(order)
		}
		if l := fuller.nearest(words[0], m.start); l != nil {
			add(l.ent.ID, nil, m, words)
			continue
		}
		id, ent := newEntity(m, words, keys[i])
		add(id, func() news.Entity { return ent }, m, words)
	}
	slices.SortStableFunc(order, func(a, b *linked) int { return a.first - b.first })
	out := make([]news.Entity, 0, len(order))
	for _, l := range order {
		slices.SortFunc(l.ent.Mentions, func(a, b news.Mention) int { return a.Start - b.Start })
		l.ent.Mentions = slices.CompactFunc(l.ent.Mentions, func(a, b news.Mention) bool {
			return a.Start == b.Start && a.End == b.End
		})
		out = append(out, l.ent)
	}
	return out
}

// majorityTypes maps the translit.Key of each name without a knowledge-base
// entry to the type most of its mentions have (the first seen on a tie).
// keys[i] is the key of mention i's words.
func majorityTypes(ms []mention, keys []string) map[string]string {
	counts := map[string]map[string]int{}
	first := map[string][]string{}
	for i, m := range ms {
		if m.entry != nil {
			continue
		}
		k := keys[i]
		if k == "" {
			continue
		}
		if counts[k] == nil {
			counts[k] = map[string]int{}
		}
		if counts[k][m.typ] == 0 {
			first[k] = append(first[k], m.typ)
		}
		counts[k][m.typ]++
	}
	out := map[string]string{}
	for k, c := range counts {
		best := ""
		for _, t := range first[k] {
			if best == "" || c[t] > c[best] {
				best = t
			}
		}
		out[k] = best
	}
	return out
}

// nameWords are the folded words of a mention, punctuation dropped.
func nameWords(m mention) []string {
	var out []string
	for i, t := range m.tokens {
		var w string
		if m.words != nil {
			w = m.words[i]
		} else {
			w = kb.Word(t)
		}
		if w != "" && w != "-" {
			out = append(out, w)
		}
	}
	return out
}

// resolve finds the knowledge-base entry of a mention: the one the tagging
// found, a name the knowledge base holds, or, for people, a name that
// sounds like one of theirs.
func (s *Stage) resolve(m mention, words []string) *kb.Entry {
	if m.entry != nil {
		return m.entry
	}
	if e := s.lookupSpan(words, m.typ); e != nil {
		return e
	}
	if m.typ == "PER" && len(words) >= 2 {
		if es := s.kb.LookupSound(strings.Join(words, " ")); len(es) > 0 {
			return &es[0]
		}
	}
	// one word only when it is long and rare (soundPerson)
	if m.typ == "PER" && len(words) == 1 && len(m.tokens) == 1 && translit.HasDevanagari(m.tokens[0]) {
		return s.soundPerson(m.tokens, words, false)
	}
	return nil
}

// fullerIndex finds the people of an article by the first and last words of
// their names of two words or more, as written and by translit.Key.
type fullerIndex struct {
	order  []*linked
	byWord map[string][]int // indexes into order, ascending
	byKey  map[string][]int
}

// newFullerIndex indexes the people of order. The names it indexes are
// those of the first pass of link: the second adds single words only.
func newFullerIndex(order []*linked) *fullerIndex {
	x := &fullerIndex{order: order, byWord: map[string][]int{}, byKey: map[string][]int{}}
	keys := map[string]string{}
	addTo := func(m map[string][]int, k string, i int) {
		if ids := m[k]; len(ids) == 0 || ids[len(ids)-1] != i {
			m[k] = append(ids, i)
		}
	}
	for i, l := range order {
		if l.ent.Type != "PER" {
			continue
		}
		for _, ws := range l.words {
			if len(ws) < 2 {
				continue
			}
			for _, w := range []string{ws[0], ws[len(ws)-1]} {
				addTo(x.byWord, w, i)
				k, ok := keys[w]
				if !ok {
					k = translit.Key(w)
					keys[w] = k
				}
				addTo(x.byKey, k, i)
			}
		}
	}
	return x
}

// nearest finds the person of the article with a longer name whose first
// or last word is w (or sounds like it), nearest before at, else nearest
// after; of two as near, the one first in order.
func (x *fullerIndex) nearest(w string, at int) *linked {
	cand := x.byWord[w]
	if key := translit.Key(w); len(key) >= 3 {
		if more := x.byKey[key]; len(more) > 0 {
			cand = mergeSorted(cand, more)
		}
	}
	var before, after *linked
	for _, i := range cand {
		l := x.order[i]
		if l.first <= at {
			if before == nil || l.first > before.first {
				before = l
			}
		} else if after == nil || l.first < after.first {
			after = l
		}
	}
	if before != nil {
		return before
	}
	return after
}

// mergeSorted returns the union of two ascending lists, ascending.
func mergeSorted(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			out, a = append(out, a[0]), a[1:]
		case b[0] < a[0]:
			out, b = append(out, b[0]), b[1:]
		default:
			out, a, b = append(out, a[0]), a[1:], b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// kbEntity is the record of a knowledge-base entry.
func kbEntity(e *kb.Entry) news.Entity {
	names := map[string]string{"en": e.Name}
	if e.Hindi != "" {
		names["hi"] = e.Hindi
	}
	return news.Entity{Name: e.Name, Names: names, Type: e.Type, Wikidata: e.Wikidata}
}

// newEntity builds the entity of a name the knowledge base does not know:
// id "x:<TYPE>:<translit.Key of the name>", named in English by the name
// itself (Latin) or its romanisation (Devanagari).
// key is the translit.Key of the words, "" when the mention has an entry
// (then worked out here).
func newEntity(m mention, words []string, key string) (string, news.Entity) {
	text := strings.Join(m.tokens, " ")
	if m.entry != nil {
		key = translit.Key(strings.Join(words, " "))
	}
	if key == "" {
		key = kb.Slug(strings.Join(words, " "))
	}
	if key == "" {
		key = "_"
	}
	id := "x:" + m.typ + ":" + key
	ent := news.Entity{Type: m.typ, Names: map[string]string{}}
	if translit.HasDevanagari(text) {
		ent.Name = DisplayName(m.tokens)
		ent.Names["hi"] = joinTokens(m.tokens)
	} else {
		ent.Name = joinTokens(m.tokens)
		ent.Names["en"] = ent.Name
	}
	return id, ent
}

// joinTokens joins name tokens with spaces, except around hyphens.
func joinTokens(tokens []string) string {
	var b strings.Builder
	for i, t := range tokens {
		if i > 0 && t != "-" && tokens[i-1] != "-" {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// DisplayName writes a Devanagari name in Latin letters for display:
// romanised, each word capitalised, and acronyms spelled in letter names
// written as capitals (ईबीआरडी → "EBRD", एस. जयशंकर → "S. Jayshankar").
func DisplayName(tokens []string) string {
	parts := make([]string, 0, len(tokens))
	for _, t := range tokens {
		if l, ok := translit.Spelled(t); ok && len(l) >= 1 && (len(l) >= 2 || strings.HasSuffix(t, ".")) {
			u := strings.ToUpper(l)
			if strings.HasSuffix(t, ".") {
				u += "."
			}
			parts = append(parts, u)
			continue
		}
		parts = append(parts, titleCase(translit.Romanize(t)))
	}
	return joinTokens(parts)
}

func titleCase(s string) string {
	rs := []rune(s)
	up := true
	for i, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
		}
		up = !unicode.IsLetter(r) && r != '\''
	}
	return string(rs)
}
