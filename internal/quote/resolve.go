package quote

import (
	"sort"
	"strings"

	"khabar/internal/news"
	"khabar/internal/normalize"
)

// Agent is who a noun phrase of the text refers to.
type Agent struct {
	// ID is the entity id, "" when the phrase is no known entity.
	ID string
	// Name is the entity's canonical name, or the phrase as written.
	Name string
	// Type is the entity type (news.PER, …), "" when unknown.
	Type string
	// Start and End are the phrase's byte span in the text.
	Start, End int
	// person is true for an unresolved phrase headed by a title
	// ("मुख्यमंत्री"): a person a later pronoun may stand for.
	person bool
}

// mention is an entity mention in byte offsets.
type mention struct{ s, e, ent int }

// apposition ties a title ("प्रवक्ता"), with a qualifier ("क्रेमलिन",
// "रूस"), to a person named right after it.
type apposition struct {
	qual, title string
	ent         int
	pos         int
}

// Resolver ties the noun phrases of one article to its entities: names,
// titles the text has tied to names, and pronouns. Build one per article
// with NewResolver; it is not safe for concurrent use.
type Resolver struct {
	lex   *table // the words of the article's language
	text  string
	toks  []token
	ents  []news.Entity
	ments []mention // sorted by start
	apps  []apposition
	// said are the speakers quoted so far, for pronouns, with the byte
	// position of their words.
	said []said
	// art is the article, whose offsets the resolver shares.
	art *news.Article
}

type said struct {
	a   Agent
	pos int
}

// NewResolver prepares the resolution of a's noun phrases against
// a.Entities (whose mention offsets are code points into a.Text).
func NewResolver(a *news.Article) *Resolver {
	r := &Resolver{text: a.Text, toks: articleTokens(a), ents: a.Entities, lex: lexFor(a.Lang), art: a}
	if len(a.Entities) > 0 {
		o := a.Offsets()
		for i, e := range a.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End <= m.Start || m.End > o.Len() {
					continue
				}
				r.ments = append(r.ments, mention{o.Byte(m.Start), o.Byte(m.End), i})
			}
		}
		sort.Slice(r.ments, func(i, j int) bool { return r.ments[i].s < r.ments[j].s })
		r.findAppositions()
	}
	return r
}

// tokAt returns the index of the token that starts at or after byte b.
func (r *Resolver) tokAt(b int) int {
	return sort.Search(len(r.toks), func(i int) bool { return r.toks[i].s >= b })
}

// mentionEnding returns the mention that ends at byte e, or -1.
func (r *Resolver) mentionEnding(e int) int {
	// a mention that starts at e or later cannot end there: start below
	// them (it scanned every mention after e)
	for i := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].s >= e }) - 1; i >= 0; i-- {
		if r.ments[i].e == e {
			return i
		}
		if r.ments[i].s < e-200 {
			break
		}
	}
	return -1
}

// mentionCovering returns the mention covering byte b, or -1.
func (r *Resolver) mentionCovering(b int) int {
	k := sort.Search(len(r.ments), func(i int) bool { return r.ments[i].s > b }) - 1
	for ; k >= 0 && k >= len(r.ments)-1000; k-- {
		if r.ments[k].s <= b && b < r.ments[k].e {
			return k
		}
		if r.ments[k].e < b-200 {
			break
		}
	}
	return -1
}

// findAppositions records, for every person named right after a title,
// the title and its qualifier: "क्रेमलिन के प्रवक्ता दिमित्री पेस्कोव",
// "रूसी विदेश मंत्री सर्गेई लावरोव", "Russian President Vladimir Putin".
func (r *Resolver) findAppositions() {
	for _, m := range r.ments {
		if r.ents[m.ent].Type != news.PER {
			continue
		}
		k := r.tokAt(m.s) - 1
		if k < 0 || !r.lex.titles.Has(r.toks[k].key) {
			continue
		}
		title := r.toks[k].key
		r.apps = append(r.apps, apposition{qual: r.qualifier(k), title: title, ent: m.ent, pos: m.s})
	}
}

// qualifier returns the qualifier of the title at token k: the country or
// body it belongs to ("रूसी", "रूस के", "क्रेमलिन", "व्हाइट हाउस"), as a
// key: the place a demonym names, or the id of the entity named; "" when
// there is none.
func (r *Resolver) qualifier(k int) string {
	j := k - 1
	for n := 0; j >= 0 && n < 3; n++ {
		t := r.toks[j]
		if t.kind != kWord {
			return ""
		}
		switch {
		case r.lex.titles.Has(t.key) || r.lex.titleModifiers.Has(t.key):
			j--
			continue
		case r.lex.titleLink.Has(t.key):
			j--
			continue
		}
		if m := r.mentionCovering(t.s); m >= 0 {
			e := r.ents[r.ments[m].ent]
			if e.Type == news.LOC {
				// "रूस" and "रूसी" name one qualifier.
				return normalize.Fold(r.text[r.ments[m].s:r.ments[m].e])
			}
			return e.ID
		}
		if p, ok := r.lex.demonyms[t.key]; ok {
			return p
		}
		return ""
	}
	return ""
}

// resolveTitle finds the person a title phrase stands for: the same title
// with the same qualifier; failing that, the one person the text tied to
// that qualifier; failing that (when the phrase has no qualifier), the
// last person given that title.
func (r *Resolver) resolveTitle(qual, title string, pos int) int {
	// pick prefers the last match before pos, then the first after it.
	pick := func(match func(a apposition) bool) int {
		found := -1
		for _, a := range r.apps {
			if match(a) && a.pos < pos {
				found = a.ent
			}
		}
		if found >= 0 {
			return found
		}
		for _, a := range r.apps {
			if match(a) {
				return a.ent
			}
		}
		return -1
	}
	if e := pick(func(a apposition) bool { return a.title == title && a.qual == qual }); e >= 0 {
		return e
	}
	if qual != "" {
		people := map[int]bool{}
		for _, a := range r.apps {
			if a.qual == qual {
				people[a.ent] = true
			}
		}
		if len(people) == 1 {
			for e := range people {
				return e
			}
		}
		return -1
	}
	return pick(func(a apposition) bool { return a.title == title })
}

func (r *Resolver) agentOf(ent int, s, e int) Agent {
	en := r.ents[ent]
	return Agent{ID: en.ID, Name: en.Name, Type: en.Type, Start: s, End: e}
}

// phraseBefore resolves the noun phrase whose last token is k.
func (r *Resolver) phraseBefore(k int) (Agent, bool) {
	// A short parenthesis closes the phrase: "पुलिस उपायुक्त (साइबर
	// अपराध) ने"; the phrase is the words before it, named with it.
	if k > 0 && k < len(r.toks) && r.toks[k].key == ")" {
		for j := k - 1; j > 0 && k-j <= 5; j-- {
			if r.toks[j].key == "(" {
				a, ok := r.phraseBefore(j - 1)
				if ok && a.ID == "" {
					a.End = r.toks[k].e
					a.Name = r.text[a.Start:a.End]
				}
				return a, ok
			}
			if r.toks[j].kind != kWord {
				break
			}
		}
	}
	if k < 0 || k >= len(r.toks) || r.toks[k].kind != kWord || r.lex.stops.Has(r.toks[k].key) {
		return Agent{}, false
	}
	if m := r.mentionEnding(r.toks[k].e); m >= 0 {
		mm := r.ments[m]
		return r.agentOf(mm.ent, mm.s, mm.e), true
	}
	// Walk back over the phrase: at most six words, "के"/"की" only
	// between a qualifier and a title or role ("पुलिस के प्रवक्ता"), "एक"
	// only before one ("विभाग के एक अधिकारी").
	start := k
	for j := k - 1; j >= 0 && k-j < 6; j-- {
		t := r.toks[j]
		if t.kind != kWord || r.toks[j+1].brk {
			break
		}
		next := r.toks[j+1].key
		office := r.lex.titles.Has(next) || r.lex.roles.Has(next)
		if r.lex.genitive.Has(t.key) && (office || r.lex.indefinite.Has(next)) || r.lex.indefinite.Has(t.key) && office {
			start = j
			continue
		}
		if r.lex.stops.Has(t.key) || isDigitWord(t.key) {
			break
		}
		start = j
	}
	for start < k && r.lex.genitive.Has(r.toks[start].key) {
		start++
	}
	s, e := r.toks[start].s, r.toks[k].e
	head := r.toks[k].key
	if r.lex.titles.Has(head) {
		qual := ""
		if start < k {
			qual = r.qualifier(k)
		}
		// "एक अधिकारी" is an official, not one the text named.
		indefinite := k > start && r.lex.indefinite.Has(r.toks[k-1].key)
		if ent := r.resolveTitle(qual, head, s); ent >= 0 && !indefinite {
			return r.agentOf(ent, s, e), true
		}
		return Agent{Name: r.text[s:e], Start: s, End: e, person: true}, true
	}
	// A person or body named inside the phrase: "टीएएसएस समाचार एजेंसी".
	for j := k; j >= start; j-- {
		if m := r.mentionCovering(r.toks[j].s); m >= 0 && r.ents[r.ments[m].ent].Type != news.LOC {
			return r.agentOf(r.ments[m].ent, s, e), true
		}
	}
	return Agent{Name: r.text[s:e], Start: s, End: e}, true
}

func isDigitWord(k string) bool { return k != "" && k[0] >= '0' && k[0] <= '9' }

// Before resolves the noun phrase that ends right before byte offset end,
// where a postposition ("ने", "के", "का") or an English verb starts: an
// entity mention, a title the text tied to a name, or the words as
// written.
func (r *Resolver) Before(end int) (Agent, bool) {
	k := r.tokAt(end) - 1
	return r.phraseBefore(k)
}

// Person returns the person a pronoun at byte offset pos stands for: the
// last person quoted before it (a named person, or an office such as
// "मुख्यमंत्री" the text gave no name), else the last person mentioned
// before it.
func (r *Resolver) Person(pos int) (Agent, bool) {
	for i := len(r.said) - 1; i >= 0; i-- {
		if sd := r.said[i]; sd.pos < pos && (sd.a.Type == news.PER || sd.a.person) {
			a := sd.a
			a.Start, a.End = pos, pos
			return a, true
		}
	}
	for i := len(r.ments) - 1; i >= 0; i-- {
		m := r.ments[i]
		if m.e <= pos && r.ents[m.ent].Type == news.PER {
			return r.agentOf(m.ent, pos, pos), true
		}
	}
	return Agent{}, false
}

// Said records that a spoke at byte offset pos, for later pronouns.
func (r *Resolver) Said(a Agent, pos int) {
	r.said = append(r.said, said{a: a, pos: pos})
}

// trimPhrase trims spaces and punctuation around a phrase.
func trimPhrase(s string) string {
	return strings.Trim(s, " \n\t,।.:;-–—")
}

// Heard records the speakers of quotes found before (an article's Quotes,
// in code point offsets), so that Person can resolve pronouns to them.
func (r *Resolver) Heard(qs []news.Quote) {
	if len(qs) == 0 {
		return
	}
	o := r.art.Offsets()
	for _, q := range qs {
		if q.Start < 0 || q.Start > o.Len() {
			continue
		}
		a := Agent{ID: q.Speaker, Name: q.SpeakerName}
		for _, e := range r.ents {
			if e.ID == q.Speaker && q.Speaker != "" {
				a.Type = e.Type
				break
			}
		}
		r.Said(a, o.Byte(q.Start))
	}
}
