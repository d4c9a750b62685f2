package quote

import (
	"sort"

	"khabar/internal/news"
)

// att is one attribution: a speaker, a cue, and what was said.
type att struct {
	cs, ce  int // cue tokens [cs, ce); content is looked for from ce
	cueEnd  int // end of the cue's own words when ce moved past them, else 0
	agent   Agent
	pronoun int // token of a pronoun speaker, or -1
	sources []Agent
	clause  int // first token of the attribution clause
	c0, c1  int // content tokens [c0, c1)
	direct  bool
	marked  bool
	via     []Agent
	dead    bool
}

// finder holds the state of one Find.
type finder struct {
	opt   Options
	r     *Resolver
	text  string
	toks  []token
	pair  []int  // matching mark of an outermost quotation mark, or -1
	in    []bool // token inside an outermost pair of marks
	sent  []int  // sentence number of each token
	first []int  // first token of each sentence
	atts  []*att
}

// Find returns the quotes of a in text order. Speakers are resolved
// against a.Entities; see the package documentation.
func Find(a *news.Article) []news.Quote {
	return FindWith(NewResolver(a))
}

// FindWith is Find with a Resolver built for the article; the Resolver
// remembers who spoke, for pronouns, and can be reused by later stages.
func FindWith(r *Resolver) []news.Quote { return findWith(r, Options{}.withDefaults()) }

func findWith(r *Resolver, opt Options) []news.Quote {
	f := &finder{opt: opt, r: r, text: r.text, toks: r.toks}
	if len(f.toks) == 0 {
		return nil
	}
	f.pairMarks()
	f.sentences()
	for i := 0; i < len(f.toks); i++ {
		if f.in[i] {
			continue
		}
		if end := f.hindiCue(i); end > i {
			i = end - 1
			continue
		}
		if end := f.plainCue(i); end > i {
			i = end - 1
			continue
		}
		if end := f.according(i); end > i {
			i = end - 1
			continue
		}
		if end := f.englishCue(i); end > i {
			i = end - 1
		}
	}
	f.chains()
	return f.quotes()
}

// pairMarks pairs quotation marks. Only outermost pairs count; a mark that
// is never closed within its line is dropped.
func (f *finder) pairMarks() {
	n := len(f.toks)
	f.pair = make([]int, n)
	f.in = make([]bool, n)
	for i := range f.pair {
		f.pair[i] = -1
	}
	var stack []int
	for i, t := range f.toks {
		if t.brk {
			stack = stack[:0]
		}
		if t.kind != kQuote {
			continue
		}
		switch {
		case t.q == qOpen:
			stack = append(stack, i)
		case t.q == qClose && len(stack) > 0:
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				f.pair[o], f.pair[i] = i, o
			}
		case t.q == qBoth && len(stack) > 0 && f.toks[stack[len(stack)-1]].key == t.key:
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				f.pair[o], f.pair[i] = i, o
			}
		case t.q == qBoth:
			stack = append(stack, i)
		}
	}
	for o, c := range f.pair {
		if c > o {
			for k := o + 1; k < c; k++ {
				f.in[k] = true
			}
		}
	}
}

// sentences numbers the sentences: a danda, "?", "!" or a full stop
// outside quotation marks ends one, and so does a line break.
func (f *finder) sentences() {
	f.sent = make([]int, len(f.toks))
	n := 0
	f.first = append(f.first, 0)
	for i, t := range f.toks {
		if i > 0 && t.brk && !f.in[i] {
			n++
			f.first = append(f.first, i)
		}
		f.sent[i] = n
		if f.in[i] || t.kind != kPunct {
			continue
		}
		stop := isStop(t.key)
		if t.key == "." && i+1 < len(f.toks) {
			next := f.toks[i+1]
			prev := ""
			if i > 0 {
				prev = f.toks[i-1].key
			}
			stop = next.space && !f.r.lex.abbreviations.Has(prev) && !(next.kind == kWord && f.text[next.s] >= 'a' && f.text[next.s] <= 'z')
		}
		if stop && i+1 < len(f.toks) && !f.toks[i+1].brk {
			// A closing mark right after the stop belongs to this sentence.
			if f.toks[i+1].kind == kQuote && f.pair[i+1] >= 0 && f.pair[i+1] < i+1 {
				continue
			}
			n++
			f.first = append(f.first, i+1)
		}
	}
}

// sentEnd returns the token after the last token of i's sentence.
func (f *finder) sentEnd(i int) int {
	s := f.sent[i]
	if s+1 < len(f.first) {
		return f.first[s+1]
	}
	return len(f.toks)
}

func (f *finder) key(i int) string {
	if i < 0 || i >= len(f.toks) {
		return ""
	}
	return f.toks[i].key
}

// matchSeq reports whether the folded words ws start at token i.
func (f *finder) matchSeq(i int, ws []string) bool {
	if i+len(ws) > len(f.toks) {
		return false
	}
	for k, w := range ws {
		if f.toks[i+k].key != w || (k > 0 && f.in[i+k]) {
			return false
		}
	}
	return true
}

// hindiCue matches "X ने … CUE (कि|,|:) …" with the cue at i.
func (f *finder) hindiCue(i int) int {
	var ce int
	found := false
	for _, c := range f.r.lex.cueFirst[f.key(i)] {
		if f.matchSeq(i, c) {
			ce, found = i+len(c), true
			break
		}
	}
	if !found {
		return -1
	}
	// The agent: "ने" (or उन्होंने) before the cue, in the same clause;
	// in Marathi the ergative may be part of the agent's last word
	// ("अधिकाऱ्यांनी"), and ne is then the token after it.
	ne, pron := -1, -1
	start := f.first[f.sent[i]]
	for k := i - 1; k >= start && i-k <= f.opt.AgentWindow; k-- {
		if f.in[k] || f.toks[k].kind == kQuote {
			break
		}
		key := f.toks[k].key
		if f.r.lex.erg.Has(key) {
			ne = k
			break
		}
		if f.r.lex.fusedErgative(key) {
			ne = k + 1
			break
		}
		if f.r.lex.ergPronouns.Has(key) {
			pron = k
			break
		}
		if f.r.lex.that.Has(key) || isStop(key) || f.claimed(k) {
			break
		}
	}
	if ne < 0 && pron < 0 {
		return -1
	}
	a := &att{cs: i, ce: ce, pronoun: pron}
	if ne >= 0 {
		ag, ok := f.r.phraseBefore(ne - 1)
		if !ok {
			return -1
		}
		a.agent = ag
		a.clause = f.r.tokAt(ag.Start)
	} else {
		a.clause = pron
	}
	// Sources: "B के हवाले से" between the agent and the cue.
	from := a.clause + 1
	if ne >= 0 {
		from = ne + 1
	}
	for k := from; k <= i; k++ {
		if n := f.citingAt(k); n > 0 && k+n-1 <= i {
			if src, ok := f.r.phraseBefore(k - 1); ok {
				a.sources = append(a.sources, src)
			}
		}
	}
	if !f.content(a) {
		return -1
	}
	f.atts = append(f.atts, a)
	return ce
}

// claimed reports whether token k is part of an earlier attribution's cue.
func (f *finder) claimed(k int) bool {
	for _, a := range f.atts {
		if k >= a.cs && k < a.ce {
			return true
		}
	}
	return false
}

// content finds what an attribution's cue introduces: "कि …", ", …", a
// quote in marks after it, or a quote in marks before the speaker.
func (f *finder) content(a *att) bool {
	j := a.ce
	for j < len(f.toks) && f.r.lex.aux.Has(f.key(j)) && !f.in[j] {
		j++
	}
	// English may put a time between the verb and "that": "said on
	// Monday that".
	if f.latinTok(a.cs) {
		for k := j; k < j+4 && k < len(f.toks) && f.toks[k].kind == kWord; k++ {
			if f.r.lex.that.Has(f.key(k)) {
				j = k
				break
			}
		}
	}
	end := len(f.toks)
	if a.ce < len(f.toks) {
		end = f.sentEnd(a.ce - 1)
	}
	k := f.key(j)
	switch {
	case f.r.lex.that.Has(k):
		j++
		if f.openMark(j) {
			return f.marked(a, j)
		}
		a.c0, a.c1 = j, end
		return f.words(j, end) >= f.opt.MinSpeech
	case k == "," || k == ":" || k == "-" || k == "—" || k == "–":
		j++
		if f.openMark(j) {
			return f.marked(a, j)
		}
		a.c0, a.c1, a.direct = j, end, true
		return f.words(j, end) >= f.opt.MinSpeech
	case f.openMark(j):
		return f.marked(a, j)
	}
	// "‘‘…’’, पेस्कोव ने कहा।": the quote before the speaker.
	if j >= end || isStop(k) || k == "." {
		b := a.clause - 1
		for b >= 0 && (f.key(b) == "," || f.key(b) == "-" || f.key(b) == "—" || f.r.lex.closers.Has(f.key(b))) {
			b--
		}
		if b >= 0 && f.toks[b].kind == kQuote && f.pair[b] >= 0 && f.pair[b] < b {
			o := f.pair[b]
			a.c0, a.c1, a.direct, a.marked = o+1, b, true, true
			return f.words(o+1, b) >= 1
		}
	}
	return false
}

// openMark reports whether token j opens a pair of marks.
func (f *finder) openMark(j int) bool {
	return j < len(f.toks) && f.toks[j].kind == kQuote && f.pair[j] > j
}

func (f *finder) marked(a *att, o int) bool {
	c := f.pair[o]
	a.c0, a.c1, a.direct, a.marked = o+1, c, true, true
	return f.words(o+1, c) >= 1
}

// words counts the words in tokens [i, j).
func (f *finder) words(i, j int) int {
	n := 0
	for k := i; k < j && k < len(f.toks); k++ {
		if f.toks[k].kind == kWord {
			n++
		}
	}
	return n
}

// plainCue matches "X का कहना है कि …", "X कहते हैं कि …", "वह बोले, …".
func (f *finder) plainCue(i int) int {
	for _, c := range f.r.lex.plainCues {
		if !f.matchSeq(i, c) {
			continue
		}
		a := &att{cs: i, ce: i + len(c), pronoun: -1}
		if f.r.lex.pronouns.Has(f.key(i-1)) && !f.r.lex.pronounGen.Has(f.key(i-1)) {
			a.pronoun, a.clause = i-1, i-1
		} else {
			ag, ok := f.r.phraseBefore(i - 1)
			if !ok {
				return -1
			}
			a.agent, a.clause = ag, f.r.tokAt(ag.Start)
		}
		if f.r.lex.genitive.Has(f.key(i)) {
			// "उन का कहना है": the pronoun is the agent.
			if f.r.lex.obliquePron.Has(f.key(i - 1)) {
				a.pronoun, a.clause = i-1, i-1
			}
		}
		if !f.content(a) {
			return -1
		}
		f.atts = append(f.atts, a)
		return a.ce
	}
	// "उनका कहना है कि": one pronoun token before "कहना".
	if i > 0 && f.r.lex.sayingKey.Maybe(f.key(i)) {
		if n := f.phraseAt(i-1, f.r.lex.saying); n > 0 {
			a := &att{cs: i - 1, ce: i - 1 + n, pronoun: i - 1, clause: i - 1}
			if f.content(a) {
				f.atts = append(f.atts, a)
				return a.ce
			}
		}
	}
	return -1
}

// according matches "X के मुताबिक/अनुसार, …", "उनके मुताबिक …", "X के
// हवाले से …" (with no speech verb after it), and "according to X, …".
func (f *finder) according(i int) int {
	if !f.r.lex.accordingFirst.Has(f.key(i)) {
		return -1 // the common case, at one test
	}
	var a *att
	switch {
	case f.r.lex.genitive.Has(f.key(i)) && f.r.lex.according.Has(f.key(i+1)):
		ag, ok := f.r.phraseBefore(i - 1)
		if !ok || !f.speakerLike(ag) {
			return -1
		}
		a = &att{cs: i, ce: i + 2, pronoun: -1, agent: ag, clause: f.r.tokAt(ag.Start)}
	case f.r.lex.pronounGen.Has(f.key(i)) && f.r.lex.according.Has(f.key(i+1)):
		a = &att{cs: i, ce: i + 2, pronoun: i, clause: i}
	case f.r.lex.according.Has(f.key(i)) && f.r.lex.fusedGenitive(f.key(i-1)):
		// Marathi "पोलिसांच्या मते": the genitive is the source's ending.
		ag, ok := f.r.phraseBefore(i - 1)
		if !ok || !f.speakerLike(ag) {
			return -1
		}
		a = &att{cs: i, ce: i + 1, pronoun: -1, agent: ag, clause: f.r.tokAt(ag.Start)}
	case f.r.lex.citeFirst.Has(f.key(i)) && f.citingAt(i) > 0:
		n := f.citingAt(i)
		// Inside "A ने B के हवाले से बताया कि" the hindiCue takes it.
		for k := i + n; k < i+n+4 && k < len(f.toks); k++ {
			for _, c := range f.r.lex.cueFirst[f.key(k)] {
				if f.matchSeq(k, c) {
					return -1
				}
			}
		}
		ag, ok := f.r.phraseBefore(i - 1)
		if !ok || !f.speakerLike(ag) {
			return -1
		}
		a = &att{cs: i, ce: i + n, pronoun: -1, agent: ag, clause: f.r.tokAt(ag.Start)}
	case f.r.lex.accFirst.Has(f.key(i)) && f.accordingToAt(i) > 0:
		n := f.accordingToAt(i)
		ag, end, ok := f.phraseAfter(i + n)
		if !ok {
			return -1
		}
		a = &att{cs: i, ce: i + n, pronoun: -1, agent: ag, clause: i}
		if f.r.lex.pronouns.Has(f.key(i + n)) {
			a.pronoun = i + n
		}
		return f.accordingContent(a, end)
	default:
		return -1
	}
	return f.accordingContent(a, a.ce)
}

// accordingContent takes the rest of the sentence after the source, or the
// sentence before it when the source closes the sentence.
func (f *finder) accordingContent(a *att, after int) int {
	end := f.sentEnd(a.cs)
	j := after
	if f.key(j) == "," {
		j++
	}
	if f.words(j, end) >= f.opt.MinBareSpeech {
		a.c0, a.c1 = j, end
	} else {
		s := f.first[f.sent[a.cs]]
		a.c0, a.c1 = s, a.clause
		if f.words(s, a.clause) < f.opt.MinBareSpeech {
			return -1
		}
	}
	f.atts = append(f.atts, a)
	return after
}

// speakerLike reports whether an agent can speak: a known entity or a
// noun such as "पुलिस", "अधिकारियों", "विभाग".
func (f *finder) speakerLike(a Agent) bool {
	if a.ID != "" {
		return true
	}
	k := f.r.tokAt(a.End) - 1
	return k >= 0 && (f.r.lex.roles.Has(f.toks[k].key) || f.r.lex.titles.Has(f.toks[k].key))
}

// phraseAfter reads an English noun phrase starting at token i: an entity
// mention, a pronoun, or up to four words.
func (f *finder) phraseAfter(i int) (Agent, int, bool) {
	if i >= len(f.toks) || f.toks[i].kind != kWord {
		return Agent{}, i, false
	}
	for _, m := range f.r.ments {
		if m.s == f.toks[i].s {
			return f.r.agentOf(m.ent, m.s, m.e), f.r.tokAt(m.e), true
		}
	}
	if f.r.lex.determiner.Has(f.key(i)) {
		i++
	}
	j := i
	for j < len(f.toks) && j-i < 4 && f.toks[j].kind == kWord && !(j > i && f.r.lex.stops.Has(f.toks[j].key)) {
		j++
	}
	if j == i {
		return Agent{}, i, false
	}
	s, e := f.toks[i].s, f.toks[j-1].e
	if ag, ok := f.r.phraseBefore(j - 1); ok && ag.ID != "" {
		return ag, j, true
	}
	return Agent{Name: f.text[s:e], Start: s, End: e}, j, true
}

// englishCue matches "X said (that) …", "X told reporters …", "“…,” X
// said", "“…,” said X".
func (f *finder) englishCue(i int) int {
	if !f.r.lex.enCues.Has(f.key(i)) || f.toks[i].kind != kWord || f.text[f.toks[i].s] >= 0x80 {
		return -1
	}
	a := &att{cs: i, ce: i + 1, pronoun: -1}
	switch prev := f.key(i - 1); {
	case f.r.lex.pronouns.Has(prev) && i > 0:
		a.pronoun, a.clause = i-1, i-1
	case i > 0 && f.toks[i-1].kind == kWord && !f.r.lex.stops.Has(prev):
		ag, ok := f.r.phraseBefore(i - 1)
		if !ok {
			return -1
		}
		a.agent, a.clause = ag, f.r.tokAt(ag.Start)
	default:
		// "…,” said Peskov.": the speaker after the verb.
		ag, end, ok := f.phraseAfter(i + 1)
		if !ok {
			return -1
		}
		if f.r.lex.pronouns.Has(f.key(i + 1)) {
			a.pronoun = i + 1
		}
		a.agent, a.clause, a.ce, a.cueEnd = ag, i, end, i+1
	}
	// "told reporters (on Monday) that …": skip the listener.
	if f.r.lex.told.Has(f.key(i)) {
		a.cueEnd = i + 1
		for k := a.ce; k < a.ce+5 && k < len(f.toks) && f.sent[k] == f.sent[i]; k++ {
			if f.r.lex.that.Has(f.key(k)) || f.toks[k].kind != kWord {
				a.ce = k
				break
			}
		}
	}
	if f.content(a) {
		f.atts = append(f.atts, a)
		return a.ce
	}
	// "X said the talks would resume.": reported speech without "that".
	end := f.sentEnd(i)
	if a.pronoun < 0 && a.clause < i && f.words(a.ce, end) >= f.opt.MinBareSpeech && !f.openMark(a.ce) {
		a.c0, a.c1 = a.ce, end
		f.atts = append(f.atts, a)
		return a.ce
	}
	return -1
}

// chains folds reporting chains ("A ने बताया कि B ने कहा कि …") into the
// inner quote, and ends a quote where the next attribution of its sentence
// begins.
func (f *finder) chains() {
	sort.SliceStable(f.atts, func(i, j int) bool { return f.atts[i].cs < f.atts[j].cs })
	for i, a := range f.atts {
		if a.marked {
			continue
		}
		for _, b := range f.atts[i+1:] {
			if b.cs < a.c0 || b.cs >= a.c1 {
				continue
			}
			if f.nested(a, b) {
				b.via = append(append(append([]Agent{}, a.via...), f.reporters(a)...), b.via...)
				a.dead = true
				break
			}
			// Cut at the last separator before b's clause.
			cut := b.clause
			for k := b.clause - 1; k > a.c0; k-- {
				if f.key(k) == "," || f.r.lex.conj.Has(f.key(k)) {
					cut = k
					break
				}
			}
			if cut > a.c0 {
				a.c1 = cut
			}
			break
		}
	}
}

// nested reports whether b's attribution opens a's content, so that a
// only reports b.
func (f *finder) nested(a, b *att) bool {
	if b.clause < a.c0 || b.clause-a.c0 > f.opt.NestGap {
		return false
	}
	for k := a.c0; k < b.clause; k++ {
		if f.key(k) == "," || f.r.lex.conj.Has(f.key(k)) || f.toks[k].kind == kQuote {
			return false
		}
	}
	return true
}

// reporters returns who passed a's words on: the agent and every source
// but the last, which becomes the speaker; or the agent alone.
func (f *finder) reporters(a *att) []Agent {
	return append([]Agent{a.agent}, a.sources...)
}

// quotes turns the live attributions into news.Quote values, resolving
// pronouns in text order.
func (f *finder) quotes() []news.Quote {
	off := f.r.art.Offsets()
	var out []news.Quote
	for _, a := range f.atts {
		if a.dead {
			continue
		}
		c0, c1 := a.c0, a.c1
		for c1 > c0 && f.toks[c1-1].kind != kWord {
			c1--
		}
		for c0 < c1 && f.toks[c0].kind != kWord {
			c0++
		}
		if c1 <= c0 || f.words(c0, c1) == 0 {
			continue
		}
		speaker := a.agent
		via := a.via
		if a.pronoun >= 0 {
			p, ok := f.r.Person(f.toks[a.pronoun].s)
			if ok {
				speaker = p
			} else {
				t := f.toks[a.pronoun]
				speaker = Agent{Name: f.text[t.s:t.e]}
			}
		} else if len(a.sources) > 0 {
			// "A ने B के हवाले से बताया कि …": B spoke, A passed it on.
			speaker = a.sources[len(a.sources)-1]
			via = append(append(append([]Agent{}, via...), a.agent), a.sources[:len(a.sources)-1]...)
		}
		if speaker.Name == "" {
			continue
		}
		s, e := f.toks[c0].s, f.toks[c1-1].e
		ce := a.ce
		if a.cueEnd > 0 {
			ce = a.cueEnd
		}
		q := news.Quote{
			Speaker:     speaker.ID,
			SpeakerName: trimPhrase(speaker.Name),
			Text:        f.text[s:e],
			Direct:      a.direct,
			Cue:         f.text[f.toks[a.cs].s:f.toks[ce-1].e],
			Start:       off.Rune(s),
			End:         off.Rune(e),
		}
		for _, v := range via {
			q.Via = append(q.Via, trimPhrase(v.Name))
		}
		f.r.Said(speaker, s)
		out = append(out, q)
	}
	return out
}

// latinTok reports whether token i is written in Latin letters.
func (f *finder) latinTok(i int) bool {
	return i < len(f.toks) && f.text[f.toks[i].s] < 0x80
}

// citingAt returns the length of the quote.citing phrase ("के हवाले से")
// at token i, or 0.
func (f *finder) citingAt(i int) int {
	if !f.r.lex.citeFirst.Has(f.key(i)) {
		return 0
	}
	return f.phraseAt(i, f.r.lex.citing)
}

// accordingToAt returns the length of the quote.according-to phrase
// ("according to") at token i, or 0.
func (f *finder) accordingToAt(i int) int {
	if !f.r.lex.accFirst.Has(f.key(i)) {
		return 0
	}
	return f.phraseAt(i, f.r.lex.accordingTo)
}

// phraseAt returns the length of the first of ps at token i, or 0.
func (f *finder) phraseAt(i int, ps [][]string) int {
	for _, p := range ps {
		if f.matchSeq(i, p) {
			return len(p)
		}
	}
	return 0
}
