package event

import (
	"sort"
	"strings"
	"unicode/utf8"

	"khabar/internal/lexicon"
	"khabar/internal/news"
	"khabar/internal/quote"
)

// Span is a byte range [Start, End) of Article.Text; End is 0 when absent.
type Span struct{ Start, End int }

// Mention is one mention of an event, as Extract finds it.
type Mention struct {
	// Event is the mention as a record: offsets in code points.
	Event news.Event
	// Modality is Asserted, Negated, Future or Hypothetical.
	Modality string
	// Byte spans in Article.Text of the trigger, its sentence, and the
	// place, time, killed and injured phrases the arguments came from.
	Trigger, Sentence, Place, Time, Killed, Injured Span
	// Cluster numbers events: mentions of one event share it.
	Cluster int
	// anaphoric is true for "इस हादसे", "यह हमला" and general words.
	anaphoric bool
	sent      int
	// dated is true when Date came from the text, not the dateline or
	// publication date.
	dated bool
}

// sentence is a run of tokens [first, end) with its clause boundaries.
type sentence struct {
	first, end int
	para       int
}

// doc is the state of one Extract.
type doc struct {
	lex   *table // the words of the article's language
	opt   Options
	a     *news.Article
	text  string
	toks  []token
	sent  []int
	sents []sentence
	// doc-wide cue scores per subtype.
	scores map[string]float64
	r      *quote.Resolver
	// senseOf holds the senses of the triggers clustered so far (sense).
	senseOf map[string]string
	ments   []entMention
	times   []timeRef
	out     []*Mention
	used    []bool // tokens taken by a trigger
	// collision is true when the text has a word for a collision.
	collision bool
	// named are the subtypes a specific trigger of the text names.
	named map[string]bool
	// pairs serves pair, made at its first call
	pairs *pairIndex
	// offs converts code point offsets, made at its first call
	offs *news.Offsets
}

// accidents are the man-made accidents a general word may name on the
// strength of the words around it ("बस", "ट्रेन", "फैक्ट्री").
var accidents = map[string]bool{"VEHICULAR_COLLISION": true, "TRAIN_COLLISION": true, "AVIATION_HAZARD": true,
	"TRANSPORT_HAZARDS": true, "INDUSTRIAL_ACCIDENT": true}

// entMention is an entity mention in bytes.
type entMention struct {
	s, e int
	ent  int
}

// timeRef is a time expression in bytes with the date it gives.
type timeRef struct {
	s, e int
	date string
}

// split numbers sentences and paragraphs.
func (d *doc) split() {
	d.sent = make([]int, len(d.toks))
	cur := sentence{}
	para := 0
	for i, t := range d.toks {
		if i > 0 && t.brk {
			if strings.Count(d.text[d.toks[i-1].e:t.s], "\n") >= 2 {
				para++
			}
			if i > cur.first {
				cur.end = i
				d.sents = append(d.sents, cur)
			}
			cur = sentence{first: i, para: para}
		}
		cur.para = para
		d.sent[i] = len(d.sents)
		stop := t.kind == kPunct && isStop(t.key)
		if t.kind == kPunct && t.key == "." && i+1 < len(d.toks) {
			n := d.toks[i+1]
			prev := ""
			if i > 0 {
				prev = d.toks[i-1].key
			}
			stop = n.s > t.e && !d.lex.r.abbreviation.Has(prev) && (i == 0 || d.toks[i-1].kind != kNum) &&
				!(n.kind == kWord && d.text[n.s] >= 'a' && d.text[n.s] <= 'z')
		}
		if stop && i+1 < len(d.toks) && !d.toks[i+1].brk {
			cur.end = i + 1
			d.sents = append(d.sents, cur)
			cur = sentence{first: i + 1, para: para}
		}
	}
	if cur.first < len(d.toks) {
		cur.end = len(d.toks)
		d.sents = append(d.sents, cur)
	}
	// Sentence numbers of tokens after a split made at a stop.
	for si, s := range d.sents {
		for k := s.first; k < s.end; k++ {
			d.sent[k] = si
		}
	}
}

func (d *doc) key(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.toks[i].key
}

// wordMatch matches a folded token against a pattern word.
func wordMatch(key, pat string) bool {
	if pat == "_" {
		return true
	}
	if n := len(pat) - 1; n > 0 && pat[n] == '*' {
		return strings.HasPrefix(key, pat[:n])
	}
	return key == pat
}

// matchAt returns the longest trigger that starts at token i.
func (d *doc) matchAt(i int) (trigger, int, bool) {
	best, bestEnd, found := trigger{}, 0, false
	try := func(t trigger) {
		end := i + len(t.words)
		if end > len(d.toks) || (found && end <= bestEnd) {
			return
		}
		for k, alts := range t.words {
			tok := d.toks[i+k]
			if k > 0 && (d.sent[i+k] != d.sent[i] || d.used[i+k]) {
				return
			}
			ok := false
			for _, w := range alts {
				ok = ok || wordMatch(tok.key, w)
			}
			if !ok {
				return
			}
		}
		best, bestEnd, found = t, end, true
	}
	for _, t := range d.lex.byFirst[d.toks[i].key] {
		try(t)
	}
	k := d.toks[i].key
	r, _ := utf8.DecodeRuneInString(k)
	for _, t := range d.lex.byStem[r] {
		try(t)
	}
	return best, bestEnd, found
}

// scoreCues counts, for every subtype, the words of the text that point
// to it; the first paragraph (the headline, as a rule) counts twice, and
// a specific trigger three times.
func (d *doc) scoreCues() {
	d.scores = map[string]float64{}
	for i, t := range d.toks {
		if t.kind != kWord {
			continue
		}
		w := 1.0
		if d.sents[d.sent[i]].para == 0 {
			w = titleWeight
		}
		if sub, ok := d.lex.cues[t.key]; ok {
			d.scores[sub] += w
		}
	}
}

// localScores counts the cue words of sentence si and its neighbours.
func (d *doc) localScores(si int) map[string]float64 {
	m := map[string]float64{}
	for s := si - 1; s <= si+1; s++ {
		if s < 0 || s >= len(d.sents) {
			continue
		}
		w := 1.0
		if s == si {
			w = 2
		}
		for k := d.sents[s].first; k < d.sents[s].end; k++ {
			if sub, ok := d.lex.cues[d.toks[k].key]; ok {
				m[sub] += w
			}
		}
	}
	return m
}

// resolveFamily picks the subtype of a general trigger in sentence si.
func (d *doc) resolveFamily(fam string, si int, local map[string]float64) string {
	cands := families[fam]
	if fam == "incident" {
		// "हादसा", "घटना" name whatever the article is about: a hazard
		// named by a trigger of its own, or an accident the words around
		// point to.
		cands = nil
		for s := range subtypeType {
			if d.named[s] || accidents[s] && d.scores[s]+local[s] >= d.opt.IncidentScore {
				cands = append(cands, s)
			}
		}
	}
	best, bestScore := "", 0.0
	for _, c := range cands {
		if c == "" {
			continue
		}
		s := localWeight[fam]*local[c] + d.scores[c]
		if fam == "collapse" {
			// What collapsed is told by the sentence alone.
			s = local[c]
		}
		if s > bestScore || (s == bestScore && s > 0 && c < best) {
			best, bestScore = c, s
		}
	}
	threshold := 0.0
	switch fam {
	case "incident", "cold", "heat", "quake", "crash", "overturn":
		threshold = 2
	}
	if bestScore <= threshold {
		best = families[fam][0]
	}
	// A road accident without a collision is a transport hazard: a bus
	// that went off the road, a tractor that overturned.
	if best == "VEHICULAR_COLLISION" && !d.collision {
		best = "TRANSPORT_HAZARDS"
	}
	return best
}

// localWeight is how much the words of a general trigger's own
// sentence count against the whole article's: attacks are told apart
// sentence by sentence ("आत्मघाती", "आतंकी"), hazards by the article.
var localWeight = map[string]float64{"attack": 3, "blast": 3, "shoot": 3, "incident": 3, "fire": 3}

// titleWeight is how much more a word of the first paragraph (as a rule
// the headline) counts in deciding what an article is about.
const titleWeight = 4

// triggers finds the trigger mentions of the text.
func (d *doc) triggers() {
	d.used = make([]bool, len(d.toks))
	d.named = map[string]bool{}
	// Specific triggers count as strong cues for general ones.
	type cand struct {
		t      trigger
		i, end int
	}
	var cands []cand
	for i := 0; i < len(d.toks); i++ {
		if d.toks[i].kind != kWord {
			continue
		}
		t, end, ok := d.matchAt(i)
		if !ok {
			continue
		}
		if d.notEvent(t, i, end) {
			i = end - 1
			continue
		}
		cands = append(cands, cand{t, i, end})
		for k := i; k < end; k++ {
			d.used[k] = true
		}
		if t.sub != "" {
			d.named[t.sub] = true
			w := 5.0
			if d.sents[d.sent[i]].para == 0 {
				w *= titleWeight
			}
			d.scores[t.sub] += w
		}
		if t.family == "collide" {
			d.collision = true
		}
		i = end - 1
	}
	locals := map[int]map[string]float64{}
	for _, c := range cands {
		si := d.sent[c.i]
		sub, typ := c.t.sub, ""
		switch {
		case c.t.family != "":
			local, ok := locals[si]
			if !ok {
				local = d.localScores(si)
				locals[si] = local
			}
			fam := c.t.family
			// "आग लगा दी", "आग के हवाले कर दिया": a fire somebody set.
			if fam == "fire" && d.setFire(c.i, c.end) {
				fam = "arson"
			}
			if fam == "attack" || fam == "blast" || fam == "shoot" {
				local = d.agentCue(c.i, local)
			}
			// "टकराया" names a crash only where a vehicle is in sight; a
			// storm or an avalanche "hits" too.
			if fam == "collide" && d.has(lexicon.EventCollideStem, c.t.words[0][0]) &&
				local["VEHICULAR_COLLISION"]+local["TRAIN_COLLISION"]+local["AVIATION_HAZARD"]+local["TRANSPORT_HAZARDS"] == 0 {
				continue
			}
			sub = ""
			if fam == "incident" {
				// "इस हादसे", "घटना": the event told just before.
				sub = d.antecedent(si)
			}
			if sub == "" {
				sub = d.resolveFamily(fam, si, local)
			}
			if sub == "" {
				if c.t.family != "attack" {
					continue
				}
				typ = Assault
			}
		case c.t.sub == "VEHICULAR_COLLISION":
			if !d.collision {
				sub = "TRANSPORT_HAZARDS"
			}
		case c.t.plover != "":
			typ = c.t.plover
			if !d.ploverOK(c.t, c.i, c.end) {
				continue
			}
		}
		if sub != "" {
			typ = subtypeType[sub]
		}
		m := &Mention{Trigger: Span{d.toks[c.i].s, d.toks[c.end-1].e}, sent: si}
		m.Event.Type, m.Event.Subtype = typ, sub
		m.anaphoric = c.t.family == "incident" || d.is(lexicon.EventAnaphor, d.key(c.i-1)) || d.is(lexicon.EventAnaphor, d.key(c.i-2))
		// One event named in two words next to each other ("शीत लहर और
		// बर्फीली हवाएं", "आग, तूफान") is one mention.
		if n := len(d.out); n > 0 {
			prev := d.out[n-1]
			pe := d.tokOf(prev.Trigger.End)
			if prev.Event.Subtype == sub && prev.Event.Type == typ && prev.sent == si && c.i-pe <= d.opt.JoinGap &&
				(c.i == pe || d.has(lexicon.EventJoin, d.key(pe))) {
				prev.Trigger.End = m.Trigger.End
				continue
			}
			// "अग्निकांड की घटना", "आग लगने की घटना", "विस्फोट का
			// हादसा": the general word only classes the event just named.
			if c.t.family == "incident" && prev.Event.Subtype == sub && prev.sent == si && c.i-pe <= d.opt.ClassGap &&
				d.has(lexicon.EventGenitive, d.key(c.i-1)) {
				continue
			}
		}
		d.out = append(d.out, m)
	}
}

// setFire reports whether the fire at tokens [i, end) was set by
// somebody: "आग लगा दी", "आग लगाने", "आग के हवाले कर दिया", and the
// figure "हिंसा की आग".
func (d *doc) setFire(i, end int) bool {
	set := d.lex.match[lexicon.EventSetFire]
	switch next := d.key(end); {
	case set.isStem(next):
		// "लगा" alone may be "लगा है"; "लगा दी" is set.
		if d.has(lexicon.EventSetFireAux, d.key(end+1)) {
			return true
		}
	case set.has(next):
		return true
	case d.has(lexicon.EventGenitive, next) && d.has(lexicon.EventHandedTo, d.key(end+1)):
		return true
	}
	return d.has(lexicon.EventGenitive, d.key(i-1)) && d.is(lexicon.EventViolence, d.key(i-2))
}

// antecedent returns the subtype of the last hazard or attack mention in
// sentence si or the two before it, or "".
func (d *doc) antecedent(si int) string {
	for k := len(d.out) - 1; k >= 0; k-- {
		m := d.out[k]
		if m.sent < si-d.opt.SentenceReach {
			break
		}
		if m.Event.Subtype != "" {
			return m.Event.Subtype
		}
	}
	return ""
}

// ploverOK applies the conditions some political triggers carry.
func (d *doc) ploverOK(t trigger, i, end int) bool {
	si := d.sent[i]
	s := d.sents[si]
	if t.needsParty {
		ok := false
		for k := i - 1; k >= s.first && k >= i-4; k-- {
			if d.entityAt(k) >= 0 || d.is(lexicon.EventParties, d.key(k)) || d.has(lexicon.EventBoth, d.key(k)) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if t.needsVerb {
		ok := false
		for k := end; k < end+d.opt.VerbAfter && k < s.end; k++ {
			// A genitive ("की") right after the trigger is no verb.
			if d.has(lexicon.EventLightVerb, d.key(k)) {
				ok = ok || !d.has(lexicon.EventGenitive, d.key(k)) || k > end
			}
		}
		if !ok {
			return false
		}
	}
	switch t.plover {
	case Sanction:
		if d.has(lexicon.EventRecall, t.words[0][0]) {
			for k := s.first; k < s.end; k++ {
				if d.has(lexicon.EventEnvoy, d.key(k)) {
					return true
				}
			}
			return false
		}
	case Aid:
		// "की मदद से" is "with the help of".
		if d.has(lexicon.EventWith, d.key(end)) {
			return false
		}
	}
	return true
}

// entityAt returns the entity mention covering token k, or -1.
func (d *doc) entityAt(k int) int {
	if k < 0 || k >= len(d.toks) {
		return -1
	}
	b := d.toks[k].s
	// The last mention starting at or before b, and the one before it.
	i := sort.Search(len(d.ments), func(i int) bool { return d.ments[i].s > b }) - 1
	for ; i >= 0 && b-d.ments[i].s < 400; i-- {
		if m := d.ments[i]; m.s <= b && b < m.e {
			return i
		}
	}
	return -1
}

// controlled reports whether "काबू" comes within three words from token
// k, as in "आग पर (समय रहते / भी) काबू पाया".
func (d *doc) controlled(k int) bool {
	for j := k; j < k+d.opt.ControlAfter; j++ {
		if d.has(lexicon.EventControl, d.key(j)) {
			return true
		}
	}
	return false
}

// notEvent reports uses of a trigger word that name no event: putting a
// fire out ("आग बुझाने", "आग पर काबू"), the scene of an incident ("घटना
// स्थल"), a likeness ("धमाके जैसी आवाज"), a train's name ("तूफान
// एक्सप्रेस"), an adjective ("भूकंपीय"), who was touched ("बाढ़ प्रभावित").
func (d *doc) notEvent(t trigger, i, end int) bool {
	next := d.key(end)
	// "बाढ़ प्रभावित इलाके", "बाढ़ पीड़ितों": what the event touched, not
	// the event.
	if d.has(lexicon.EventTouched, next) {
		return true
	}
	switch {
	case d.has(lexicon.EventLikeness, next):
		// "बम ब्लास्ट जैसी आवाज": a likeness, not the event.
		return true
	case d.has(lexicon.EventTrainName, next):
		// "तूफान एक्सप्रेस": a train's name.
		return t.family == "storm"
	}
	if len(t.words) == 1 && d.lex.match[lexicon.EventAdjSuffix].endsWith(d.key(end-1)) {
		// "भूकंपीय गतिविधि": an adjective.
		return true
	}
	switch first := t.words[0][0]; {
	case d.has(lexicon.EventFireWord, first):
		return len(t.words) == 1 && (d.has(lexicon.EventPutOut, next) || d.has(lexicon.EventOn, next) && d.controlled(end+1) || d.fireSpreads(end))
	case d.has(lexicon.EventIncident, first):
		return d.has(lexicon.EventScene, next)
	}
	return false
}

// agentCue strengthens the subtype the agent of an attack points to:
// "आतंकवादियों ने … हमला किया" is a terrorist attack whoever was hit.
func (d *doc) agentCue(i int, local map[string]float64) map[string]float64 {
	s := d.sents[d.sent[i]]
	for k := i - 1; k > s.first && k >= i-15; k-- {
		// "आतंकवादियों ने … हमला किया", "तालिबान द्वारा किए गए हमले".
		if !d.has(lexicon.EventAgentMark, d.key(k)) {
			continue
		}
		sub, ok := d.lex.cues[d.key(k-1)]
		if !ok {
			return local
		}
		m := make(map[string]float64, len(local)+1)
		for x, v := range local {
			m[x] = v
		}
		m[sub] += 5
		return m
	}
	return local
}

// fireSpreads reports whether the fire named before token k is told
// spreading, reaching or dying down ("आग तेजी से फैली", "आग आबादी तक
// पहुंच गई", "आग बुझी"): the course of a fire already named, not a new
// mention of it.
func (d *doc) fireSpreads(k int) bool {
	si := d.sent[k-1]
	for j := k; j < k+d.opt.SpreadAfter && j < d.sents[si].end; j++ {
		w := d.key(j)
		switch {
		case d.has(lexicon.EventFireCourse, w):
			return true
		case d.has(lexicon.EventFireStart, w) || d.boundary(j):
			return false
		}
	}
	return false
}
