package event

import (
	"fmt"
	"khabar/internal/lexicon"
	"sort"
	"strings"
	"time"

	"khabar/internal/news"
	"khabar/internal/normalize"
	"khabar/internal/quote"
)

// Extract returns every event mention of a, in text order, with its
// modality and the cluster of mentions it belongs to. It reads a.Text,
// a.Title (see titleEvents), a.Entities, a.Times, a.Quotes, a.Dateline
// and a.Published.
func Extract(a *news.Article) []Mention { return ExtractWith(a, Options{}) }

// ExtractWith is Extract with the thresholds of opt (zero fields take the
// defaults).
func ExtractWith(a *news.Article, opt Options) []Mention {
	d := &doc{a: a, text: a.Text, toks: tokenize(a.Text), lex: lexFor(a.Lang), opt: opt.withDefaults()}
	if len(d.toks) == 0 {
		return nil
	}
	d.split()
	d.entityMentions()
	d.timeRefs()
	d.scoreCues()
	d.triggers()
	d.insults()
	sort.SliceStable(d.out, func(i, j int) bool { return d.out[i].Trigger.Start < d.out[j].Trigger.Start })
	off := d.offsets()
	for _, m := range d.out {
		i, end := d.tokOf(m.Trigger.Start), d.tokOf(m.Trigger.End)
		m.Modality = d.modality(m, i, end)
		d.participants(m, i, end)
		d.when(m, i)
		exclude := map[string]bool{}
		for _, id := range append(append([]string{}, m.Event.Actors...), m.Event.Targets...) {
			exclude[id] = true
		}
		d.where(m, i, exclude)
		s := d.sents[m.sent]
		m.Sentence = Span{d.toks[s.first].s, d.toks[s.end-1].e}
		m.Event.Sentence = a.Text[m.Sentence.Start:m.Sentence.End]
		m.Event.Trigger = a.Text[m.Trigger.Start:m.Trigger.End]
		m.Event.Start, m.Event.End = off.Rune(m.Trigger.Start), off.Rune(m.Trigger.End)
	}
	if heads := d.titleEvents(); len(heads) > 0 {
		d.out = append(d.out, heads...)
		sort.SliceStable(d.out, func(i, j int) bool { return d.out[i].Trigger.Start < d.out[j].Trigger.Start })
	}
	d.attachCasualties()
	d.cluster()
	d.share()
	d.storyPlace()
	d.storyTime()
	d.storyCasualties()
	d.nearestPlaces()
	fb := d.fallbackDate()
	out := make([]Mention, len(d.out))
	for i, m := range d.out {
		if !m.dated {
			m.Event.Date = fb
		}
		out[i] = *m
	}
	return out
}

// entityMentions converts the entity mentions to byte offsets.
func (d *doc) entityMentions() {
	if len(d.a.Entities) == 0 {
		return
	}
	o := d.offsets()
	for i, e := range d.a.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End <= m.Start || m.End > o.Len() {
				continue
			}
			d.ments = append(d.ments, entMention{o.Byte(m.Start), o.Byte(m.End), i})
		}
	}
	sort.Slice(d.ments, func(i, j int) bool { return d.ments[i].s < d.ments[j].s })
}

// timeRefs converts the article's time expressions to byte offsets.
func (d *doc) timeRefs() {
	if len(d.a.Times) == 0 {
		return
	}
	o := d.offsets()
	for _, t := range d.a.Times {
		if t.Start < 0 || t.End <= t.Start || t.End > o.Len() {
			continue
		}
		date := ""
		if t.Type == "DATE" || t.Type == "TIME" {
			date = dateOf(t.Value)
		}
		d.times = append(d.times, timeRef{o.Byte(t.Start), o.Byte(t.End), date})
	}
}

// resolver returns the article's noun phrase resolver, made at the first
// call (an article without triggers needs none).
func (d *doc) resolver() *quote.Resolver {
	if d.r == nil {
		d.r = quote.NewResolver(d.a)
		d.r.Heard(d.a.Quotes)
	}
	return d.r
}

// offsets returns the code point offsets of the text, made at the first
// call.
func (d *doc) offsets() *news.Offsets {
	if d.offs == nil {
		d.offs = d.a.Offsets()
	}
	return d.offs
}

// insults finds accusations made by calling someone names: "पुतिन को
// ‘‘हत्यारा’’ बताने", "called him a killer".
func (d *doc) insults() {
	ins := &d.lex.r.insult
	for i, t := range d.toks {
		if t.kind != kWord || !ins.maybe(t.key) || !ins.look(t.key) {
			continue
		}
		quoted := i > 0 && d.toks[i-1].kind == kQuote
		said := false
		for k := i + 1; k < i+4 && k < len(d.toks); k++ {
			if d.lex.r.nameVerb.has(d.key(k)) {
				said = true
			}
		}
		if !quoted && !said {
			continue
		}
		if d.used[i] {
			continue
		}
		d.used[i] = true
		m := &Mention{Trigger: Span{t.s, t.e}, sent: d.sent[i]}
		m.Event.Type = Accuse
		d.out = append(d.out, m)
	}
}

// cluster groups the asserted mentions of one event: a later mention joins
// the last event of its type and subtype when it refers back ("इस हमले",
// "हादसे") or shares its participants, and their dates agree.
func (d *doc) cluster() {
	type group struct {
		typ, sub, trigger string
		actors, targets   []string
		date              string
		id                int
	}
	var groups []*group
	next := 0
	for _, m := range d.out {
		if m.Modality != Asserted {
			m.Cluster = next
			next++
			continue
		}
		var join *group
		for gi := len(groups) - 1; gi >= 0; gi-- {
			g := groups[gi]
			if g.typ != m.Event.Type || g.sub != m.Event.Subtype {
				continue
			}
			shared := overlaps(union(append([]string{}, g.actors...), g.targets), union(append([]string{}, m.Event.Actors...), m.Event.Targets))
			if g.date == "" {
				// An undated event without named parties is taken to be
				// recent: a mention dated far from the publication is
				// another event.
				fb := d.fallbackDate()
				if md := m.dateIfDated(); !shared && md != "" && fb != "" && !near(md, fb, d.opt.NearDays) {
					continue
				}
			} else if !datesAgree(g.date, m.dateIfDated()) {
				continue
			}
			empty := len(m.Event.Actors) == 0 && len(m.Event.Targets) == 0
			clash := len(g.actors) > 0 && len(m.Event.Actors) > 0 && !overlaps(g.actors, m.Event.Actors)
			if clash {
				continue
			}
			// Political events merge only when named by the same word or
			// a synonym ("रद्द" and "रद्द", "पेशकश" and "प्रस्ताव", not
			// "इनकार" and "रद्द").
			if m.Event.Subtype == "" && !m.anaphoric && d.sense(g.trigger) != d.sense(m.Event.Trigger) {
				continue
			}
			if m.anaphoric || shared || (m.Event.Subtype != "" && empty) || (empty && m.Event.Type == Assault) {
				join = g
			}
			// A political event with no parties ("offered" in an English
			// line) does not hide an earlier one that shares them.
			if join == nil && m.Event.Subtype == "" && !empty && len(g.actors)+len(g.targets) == 0 {
				continue
			}
			break
		}
		if join == nil {
			join = &group{typ: m.Event.Type, sub: m.Event.Subtype, trigger: m.Event.Trigger, id: next}
			next++
			groups = append(groups, join)
		}
		m.Cluster = join.id
		join.actors = union(join.actors, m.Event.Actors)
		join.targets = union(join.targets, m.Event.Targets)
		if join.date == "" {
			join.date = m.dateIfDated()
		}
	}
}

func (m *Mention) dateIfDated() string {
	if m.dated {
		return m.Event.Date
	}
	return ""
}

func datesAgree(a, b string) bool {
	return a == "" || b == "" || strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func union(a, b []string) []string {
	for _, y := range b {
		found := false
		for _, x := range a {
			found = found || x == y
		}
		if !found {
			a = append(a, y)
		}
	}
	return a
}

// Events folds mentions into the events of the record: one per cluster of
// asserted mentions, with the first mention's trigger and sentence, the
// first date the text gave, every participant, the first place, and the
// largest counts. Political events with no participant are left out.
func Events(ms []Mention) []news.Event {
	var out []news.Event
	index := map[int]int{}
	dated := map[int]bool{}
	for _, m := range ms {
		k, ok := index[m.Cluster]
		if !ok {
			e := m.Event
			e.Modality = m.Modality
			e.Actors = append([]string(nil), e.Actors...)
			e.Targets = append([]string(nil), e.Targets...)
			index[m.Cluster] = len(out)
			dated[len(out)] = m.dated
			out = append(out, e)
			continue
		}
		e := &out[k]
		if m.dated && !dated[k] {
			e.Date, dated[k] = m.Event.Date, true
		}
		e.Actors = union(e.Actors, m.Event.Actors)
		e.Targets = union(e.Targets, m.Event.Targets)
		if e.Place == "" {
			e.Place = m.Event.Place
		}
		if m.Event.Killed != nil && (e.Killed == nil || *e.Killed < *m.Event.Killed) {
			e.Killed = m.Event.Killed
		}
		if m.Event.Injured != nil && (e.Injured == nil || *e.Injured < *m.Event.Injured) {
			e.Injured = m.Event.Injured
		}
	}
	kept := out[:0]
	for _, e := range out {
		e.Targets = ids(agents(e.Targets), e.Actors)
		if e.Subtype == "" && len(e.Actors) == 0 && len(e.Targets) == 0 {
			continue
		}
		kept = append(kept, e)
	}
	return kept
}

// sense names what a political trigger says: its event.sense ("पेशकश",
// "प्रस्ताव" and "offer" make an offer), else its rough stem.
// sense is l.sense of the article's language, kept for each trigger: the
// clustering compares an event's trigger with that of every group before.
func (d *doc) sense(trigger string) string {
	s, ok := d.senseOf[trigger]
	if !ok {
		s = d.lex.sense(trigger)
		if d.senseOf == nil {
			d.senseOf = map[string]string{}
		}
		d.senseOf[trigger] = s
	}
	return s
}

func (l *table) sense(trigger string) string {
	w, _, _ := strings.Cut(normalize.Fold(trigger), " ")
	if s, ok := l.r.senses.sense(w); ok {
		return s
	}
	return lemma(trigger)
}

// lemma is a rough stem of a trigger: its first three letters.
func lemma(s string) string {
	n := 0
	for i := range s {
		if n == 3 {
			return s[:i]
		}
		n++
	}
	return s
}

func agents(ids []string) []quote.Agent {
	out := make([]quote.Agent, len(ids))
	for i, id := range ids {
		out[i].ID = id
	}
	return out
}

// near reports whether a date value (a day, week, month or year) falls
// within days of the day ref (a week: ref's or the one days before it).
func near(v, ref string, days int) bool {
	r, err := time.Parse("2006-01-02", ref)
	if err != nil {
		return true
	}
	switch {
	case len(v) >= 10:
		t, err := time.Parse("2006-01-02", v[:10])
		if err != nil {
			return true
		}
		diff := r.Sub(t).Hours() / 24
		return diff >= -float64(days) && diff <= float64(days)
	case len(v) == 8 && v[5] == 'W':
		y, w := r.ISOWeek()
		y2, w2 := r.AddDate(0, 0, -days).ISOWeek()
		return v == fmt.Sprintf("%04d-W%02d", y, w) || v == fmt.Sprintf("%04d-W%02d", y2, w2)
	case len(v) == 7:
		return v == ref[:7] || v == r.AddDate(0, -1, 0).Format("2006-01")
	case len(v) == 4:
		return v == ref[:4]
	}
	return false
}

// storyPlace gives a hazard or attack mention whose sentence names no
// place the place of the story: that of the hazard or attack told last
// before it, else first after it, when their dates agree.
func (d *doc) storyPlace() {
	var last *Mention
	var pending []*Mention
	// Mentions before any place take the place the article opens with.
	if mi := d.leadPlace(); mi >= 0 {
		em := d.ments[mi]
		last = &Mention{Place: Span{em.s, em.e}}
		last.Event.Place = d.a.Entities[em.ent].ID
	}
	for _, m := range d.out {
		if !m.violent() {
			continue
		}
		if m.Place.End > 0 {
			last = m
			for _, p := range pending {
				if datesAgree(p.dateIfDated(), m.dateIfDated()) {
					p.Place, p.Event.Place = m.Place, m.Event.Place
				}
			}
			pending = pending[:0]
			continue
		}
		if last != nil && datesAgree(m.dateIfDated(), last.dateIfDated()) {
			m.Place, m.Event.Place = last.Place, last.Event.Place
		} else if last == nil {
			pending = append(pending, m)
		}
	}
}

// nearestPlaces points the place phrase of each mention whose place is
// an entity at the mention of that entity nearest its trigger, before it
// if there is one in its sentence or the two before: a mention that took
// the story's place from the lead names it again where it is told.
func (d *doc) nearestPlaces() {
	for _, m := range d.out {
		if m.Event.Place == "" || m.Place.End == 0 {
			continue
		}
		lo := d.toks[d.sents[max(m.sent-d.opt.SentenceReach, 0)].first].s
		hi := d.toks[d.sents[m.sent].end-1].e
		best, bestDist := m.Place, 1<<30
		from := sort.Search(len(d.ments), func(x int) bool { return d.ments[x].s >= lo })
		for _, em := range d.ments[from:] {
			if em.s >= hi {
				break
			}
			if d.a.Entities[em.ent].ID != m.Event.Place {
				continue
			}
			dist := absInt(m.Trigger.Start - em.s)
			if em.s > m.Trigger.Start {
				dist += 1 << 20 // after the trigger: only when none before
			}
			if dist < bestDist {
				best, bestDist = Span{em.s, em.e}, dist
			}
		}
		m.Place = best
	}
}

// storyTime gives a hazard or attack mention that no time expression
// dates the time of the last mention of its subtype before it that has
// one ("इस हादसे" happened when the accident did), else of the first
// after it when that one is recent (within a week of the dateline or
// publication date).
func (d *doc) storyTime() {
	last := map[string]*Mention{}
	pending := map[string][]*Mention{}
	fb := d.fallbackDate()
	for _, m := range d.out {
		sub := m.Event.Subtype
		if sub == "" || m.Modality != Asserted {
			continue
		}
		if m.Time.End > 0 {
			last[sub] = m
			// Mentions before it take its time only when it is recent:
			// "बाढ़ से 12 लोगों की मौत" is not last year's flood told
			// further down.
			if !m.dated || near(m.Event.Date, fb, d.opt.NearDays) {
				for _, p := range pending[sub] {
					p.Time = m.Time
					if m.dated {
						p.Event.Date, p.dated = m.Event.Date, true
					}
				}
			}
			delete(pending, sub)
			continue
		}
		if l := last[sub]; l != nil {
			m.Time = l.Time
			if l.dated {
				m.Event.Date, m.dated = l.Event.Date, true
			}
		} else {
			pending[sub] = append(pending[sub], m)
		}
	}
}

// storyCasualties gives a hazard or attack mention whose sentence counts
// no dead or hurt the counts of the last mention of its subtype before
// it that has them, else of the first after it, when their dates agree:
// "इस हादसे" killed whom the accident killed.
func (d *doc) storyCasualties() {
	last := map[string]*Mention{}
	pending := map[string][]*Mention{}
	give := func(to, from *Mention) {
		to.Killed, to.Event.Killed = from.Killed, from.Event.Killed
		to.Injured, to.Event.Injured = from.Injured, from.Event.Injured
	}
	for _, m := range d.out {
		sub := m.Event.Subtype
		if sub == "" || m.Modality != Asserted {
			continue
		}
		if m.Killed.End > 0 || m.Injured.End > 0 {
			last[sub] = m
			for _, p := range pending[sub] {
				if datesAgree(p.dateIfDated(), m.dateIfDated()) {
					give(p, m)
				}
			}
			delete(pending, sub)
			continue
		}
		if l := last[sub]; l != nil {
			if datesAgree(m.dateIfDated(), l.dateIfDated()) {
				give(m, l)
			}
		} else {
			pending[sub] = append(pending[sub], m)
		}
	}
}

// leadPlace returns the first place entity mention of the first
// paragraph that opens the text (a dateline: "पटना, 14 जुलाई") or stands
// in a locative phrase, or -1.
func (d *doc) leadPlace() int {
	if len(d.sents) == 0 {
		return -1
	}
	end := len(d.text)
	for _, s := range d.sents {
		if s.para > 0 {
			end = d.toks[s.first].s
			break
		}
	}
	for mi, em := range d.ments {
		if em.s >= end {
			break
		}
		if d.a.Entities[em.ent].Type != news.LOC {
			continue
		}
		k, e := d.tokOf(em.s), d.tokOf(em.e)
		if k == 0 || d.is(lexicon.EventLocative, d.key(e)) {
			return mi
		}
		if d.lex.r.oblique.Has(d.key(e)) {
			for x := e + 1; x < e+4 && x < len(d.toks); x++ {
				if d.is(lexicon.EventLocative, d.key(x)) {
					return mi
				}
			}
		}
	}
	return -1
}

// share gives every mention of an event the arguments another mention of
// it found: the place, time and counts belong to the event.
func (d *doc) share() {
	best := map[int]*Mention{}
	for _, m := range d.out {
		if m.Modality != Asserted {
			continue
		}
		b, ok := best[m.Cluster]
		if !ok {
			b = &Mention{}
			best[m.Cluster] = b
		}
		if b.Place.End == 0 && m.Place.End > 0 {
			b.Place, b.Event.Place = m.Place, m.Event.Place
		}
		if b.Killed.End == 0 && m.Killed.End > 0 || m.Event.Killed != nil && (b.Event.Killed == nil || *b.Event.Killed < *m.Event.Killed) {
			b.Killed, b.Event.Killed = m.Killed, m.Event.Killed
		}
		if b.Injured.End == 0 && m.Injured.End > 0 || m.Event.Injured != nil && (b.Event.Injured == nil || *b.Event.Injured < *m.Event.Injured) {
			b.Injured, b.Event.Injured = m.Injured, m.Event.Injured
		}
		if !b.dated && m.dated || b.Time.End == 0 && m.Time.End > 0 {
			b.Time, b.Event.Date, b.dated = m.Time, m.Event.Date, m.dated
		}
	}
	for _, m := range d.out {
		b, ok := best[m.Cluster]
		if !ok || m.Modality != Asserted {
			continue
		}
		if m.Place.End == 0 {
			m.Place, m.Event.Place = b.Place, b.Event.Place
		}
		if m.Killed.End == 0 {
			m.Killed, m.Event.Killed = b.Killed, b.Event.Killed
		}
		if m.Injured.End == 0 {
			m.Injured, m.Event.Injured = b.Injured, b.Event.Injured
		}
		if m.Time.End == 0 {
			m.Time = b.Time
			if !m.dated && b.dated {
				m.Event.Date, m.dated = b.Event.Date, true
			}
		}
	}
}
