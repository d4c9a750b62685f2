package story

import (
	"math"
	"slices"
	"sort"
	"time"

	"khabar/internal/news"
)

// Options tune clustering. Zero fields take defaults.
type Options struct {
	// Window is how far an article's time may lie outside a story's span
	// for it to join: default 4 days.
	Window time.Duration
	// MinScore is the similarity at which an article joins a story.
	// Within one language it is the cosine of the article's term vector
	// with the story's, or, when higher, TermWeight × that + (1 −
	// TermWeight) × the cosine of the entity vectors; with a story that
	// has no article in the article's language, the entity cosine alone.
	// Default 0.15.
	MinScore float64
	// TermWeight is the share of the term vectors in the score within one
	// language; default 1: words decide, entities only bridge languages
	// (entities from the tagger are noisier than the words of a language,
	// as the evaluation showed).
	TermWeight float64
	// ThreadScore is the similarity of two stories' entity vectors (with
	// some shared words) at which a new story joins an older one's
	// thread. Default 0.6.
	ThreadScore float64
	// MaxTerms bounds a story's centroid: its strongest terms. Default
	// 200.
	MaxTerms int
	// KeyEntities is how many key entities a story record lists; default
	// 8.
	KeyEntities int
	// MinTerms is the fewest distinct words (headline and text) an
	// article needs to be compared with stories; a shorter one (a
	// headline alone, a line of boilerplate) gets a story of its own
	// that no other article joins. Default 8.
	MinTerms int
	// Keep is how long before the linker's cutoff (see Retire) a story
	// is still held, for threads: a story whose window has closed takes
	// no more articles and keeps only its profile; one that ended Keep
	// before the cutoff is forgotten (its record stays in the store).
	// Default 400 days, so that the meeting of one year finds the last
	// year's. Negative keeps every story.
	Keep time.Duration
}

func (o Options) withDefaults() Options {
	if o.Window <= 0 {
		o.Window = 4 * 24 * time.Hour
	}
	if o.MinScore <= 0 {
		o.MinScore = 0.15
	}
	if o.TermWeight <= 0 || o.TermWeight > 1 {
		o.TermWeight = 1
	}
	if o.ThreadScore <= 0 {
		o.ThreadScore = 0.6
	}
	if o.MaxTerms <= 0 {
		o.MaxTerms = 200
	}
	if o.KeyEntities <= 0 {
		o.KeyEntities = 8
	}
	if o.MinTerms <= 0 {
		o.MinTerms = 8
	}
	if o.Keep == 0 {
		o.Keep = 400 * 24 * time.Hour
	}
	return o
}

// entStat is what a story knows of one of its entities.
type entStat struct {
	name, typ string
	articles  int
}

// cluster is a story in memory.
type cluster struct {
	id, thread string
	title      string
	titleWhen  time.Time
	start, end time.Time
	articles   []string
	when       map[string]time.Time
	// terms (one per language) and ents are sums of member vectors
	// (copies left out); n is the number of members summed.
	terms    map[string]vector
	ents     vector
	n        int
	entities map[string]*entStat
	// posted are the keys under which the inverted index lists the story.
	posted map[uint64]bool
	dead   bool
	// closed stories are not offered to new articles: stories of an
	// article too short to compare.
	closed bool
	// retired stories are past the cutoff: they take no articles, and
	// hold only what threads need (see Retire).
	retired bool
	// unsorted is set for a story loaded from a store until its articles
	// are put in order (see insertArticle).
	unsorted bool
	// born is the cutoff when the story began (unix seconds, noCut when
	// none): the age of a story without a dated article. last is the
	// number, in the order of linking, of the last article it took.
	born int64
	last uint64
}

// Engine clusters articles into stories as they arrive, and stories into
// threads. It is not safe for concurrent use.
type Engine struct {
	opt      Options
	stories  []*cluster
	byID     map[string]int32
	of       map[string]int32 // article id → story
	post     map[uint64][]int32
	stamp    []uint32 // per story: the last query that listed it
	query    uint32
	terms    idf
	entities idf
	// cut is the cutoff of Retire, noCut before any, and since its
	// position (stories that took an article after it are kept); clock
	// numbers the articles added. gone counts the stories forgotten, and
	// goneThreads their threads.
	cut         int64
	since       uint64
	clock       uint64
	gone        int
	goneThreads map[string]int
}

// New returns an engine with no stories.
func New(opt Options) *Engine {
	return &Engine{
		opt:      opt.withDefaults(),
		byID:     map[string]int32{},
		of:       map[string]int32{},
		post:     map[uint64][]int32{},
		terms:    idf{df: map[uint64]uint32{}},
		entities: idf{df: map[uint64]uint32{}},
		cut:      noCut,
	}
}

// Len returns the number of stories, forgotten ones included.
func (e *Engine) Len() int { return len(e.byID) + e.gone }

// StoryOf returns the story of article id, "" when it has none.
func (e *Engine) StoryOf(id string) string {
	if n, ok := e.of[id]; ok {
		return e.stories[n].id
	}
	return ""
}

// Result is what Add or Remove changed.
type Result struct {
	// Story is the article's story ("" after Remove).
	Story string
	// Put are the stories to store (new or changed), Delete the ids of
	// stories to drop.
	Put    []*news.Story
	Delete []string
	// Threads are retired stories (see Retire) that join a thread: only
	// their thread changes in the store.
	Threads []Thread
}

// Thread is a new thread id of a stored story.
type Thread struct{ Story, Thread string }

// inWindow reports whether t lies within the window around c's span. An
// unknown time is in every window.
func (e *Engine) inWindow(c *cluster, t time.Time) bool {
	if t.IsZero() || c.start.IsZero() {
		return true
	}
	return !t.Before(c.start.Add(-e.opt.Window)) && !t.After(c.end.Add(e.opt.Window))
}

// Add puts article a into a story and returns what changed. With copyOf
// set (the id of a stored copy of a, from dedup), a joins that article's
// story, when it has one, without changing its profile. An article held
// already is taken out of its story first.
func (e *Engine) Add(a *news.Article, copyOf string) (out Result) {
	return e.AddAt(a, copyOf, e.clock+1)
}

// AddAt is Add for an article numbered seq in the order of linking (the
// caller's numbering; it must grow).
func (e *Engine) AddAt(a *news.Article, copyOf string, seq uint64) (out Result) {
	e.clock = max(e.clock, seq)
	var res Result
	if _, ok := e.of[a.ID]; ok {
		res = e.Remove(a.ID)
	}
	defer func() {
		if n, ok := e.byID[out.Story]; ok {
			e.settle(n)
		}
	}()
	f := featuresOf(a)
	if n, ok := e.of[copyOf]; ok && copyOf != "" {
		c := e.stories[n]
		e.join(n, f, nil, nil)
		return e.result(res, c)
	}
	tv, ev := f.termVector(&e.terms), f.entityVector(&e.entities)
	if len(f.terms) < e.opt.MinTerms {
		// Too few words to tell what it is about (a headline alone, a
		// line of boilerplate): a story of its own that nothing joins.
		n := e.newStory("s"+a.ID, f)
		e.stories[n].closed = true
		e.join(n, f, tv, ev)
		return e.result(res, e.stories[n])
	}
	best, bestScore := int32(-1), 0.0
	for _, n := range e.candidates(tv, ev) {
		c := e.stories[n]
		if c.retired || !e.inWindow(c, f.when) {
			continue
		}
		s := e.score(c, f.lang, tv, ev)
		if s > bestScore || (s == bestScore && best >= 0 && c.id < e.stories[best].id) {
			best, bestScore = n, s
		}
	}
	e.terms.add(tv)
	e.entities.add(ev)
	if best >= 0 && bestScore >= e.opt.MinScore {
		e.join(best, f, tv, ev)
		return e.result(res, e.stories[best])
	}
	n := e.newStory("s"+a.ID, f)
	e.join(n, f, tv, ev)
	c := e.stories[n]
	res = e.result(res, c)
	// A new story may continue an older one's thread.
	if t, older := e.thread(n); t != "" {
		c.thread = t
		if older != nil && older.thread == "" {
			older.thread = t
			if older.retired {
				res.Threads = append(res.Threads, Thread{Story: older.id, Thread: t})
			} else {
				res.Put = append(res.Put, e.record(older))
			}
		}
		res.Put[0] = e.record(c)
	}
	return res
}

// result adds story c to res and sets it as the article's story.
func (e *Engine) result(res Result, c *cluster) Result {
	res.Story = c.id
	res.Put = append([]*news.Story{e.record(c)}, res.Put...)
	res.Delete = slices.DeleteFunc(res.Delete, func(id string) bool { return id == c.id })
	return res
}

// score is the similarity of an article's vectors to story c. Within a
// language the words decide, and shared entities may raise the score; a
// story with no article in the article's language is compared by entities
// alone.
func (e *Engine) score(c *cluster, lang string, tv, ev vector) float64 {
	ent := 0.0
	if len(ev) > 0 && len(c.ents) > 0 {
		ent = cosine(ev, c.ents)
	}
	ct, ok := c.terms[lang]
	if !ok {
		return ent
	}
	t := cosine(tv, ct)
	w := e.opt.TermWeight
	return max(t, w*t+(1-w)*ent)
}

// maxPosting bounds the stories one key leads to: a key listed under more
// stories than this (a country, a word every report of a season uses)
// tells too little to be worth scanning, and the article is found by its
// rarer keys. It keeps the cost per article flat as stories accumulate.
const maxPosting = 4000

// candidates returns the stories sharing a key with the vectors: an
// entity, or one of the strongest terms.
func (e *Engine) candidates(tv, ev vector) []int32 {
	e.query++
	if len(e.stamp) < len(e.stories) {
		e.stamp = append(e.stamp, make([]uint32, len(e.stories)-len(e.stamp))...)
	}
	var out []int32
	look := func(k uint64) {
		p := e.post[k]
		if len(p) > maxPosting {
			return
		}
		for _, n := range p {
			if e.stamp[n] != e.query && !e.stories[n].dead {
				e.stamp[n] = e.query
				out = append(out, n)
			}
		}
	}
	for _, x := range ev {
		look(x.key)
	}
	for _, x := range strongest(tv, 20) {
		look(x.key)
	}
	slices.Sort(out)
	return out
}

// strongest returns the n heaviest components of v.
func strongest(v vector, n int) vector {
	s := slices.Clone(v)
	slices.SortFunc(s, func(a, b weight) int { return cmpWeight(b, a) })
	return s[:min(n, len(s))]
}

func (e *Engine) newStory(id string, f *features) int32 {
	// A story id is its first article's; should that id name a story
	// already (the article left it), make it unique.
	for base, i := id, 2; ; i++ {
		if _, ok := e.byID[id]; !ok {
			break
		}
		id = base + "-" + itoa(i)
	}
	c := &cluster{id: id, when: map[string]time.Time{}, entities: map[string]*entStat{}, posted: map[uint64]bool{}, terms: map[string]vector{}, born: e.cut}
	n := int32(len(e.stories))
	e.stories = append(e.stories, c)
	e.byID[id] = n
	return n
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// join adds the article of f to story n; tv and ev are its vectors, nil
// for a copy, which changes only the members and the span.
func (e *Engine) join(n int32, f *features, tv, ev vector) {
	c := e.stories[n]
	c.last = e.clock
	c.when[f.id] = f.when
	e.insertArticle(c, f.id)
	e.of[f.id] = n
	if !f.when.IsZero() {
		if c.start.IsZero() || f.when.Before(c.start) {
			c.start = f.when
		}
		if c.end.IsZero() || f.when.After(c.end) {
			c.end = f.when
		}
	}
	if tv == nil {
		return
	}
	if c.title == "" || (!f.when.IsZero() && (c.titleWhen.IsZero() || f.when.Before(c.titleWhen))) {
		if f.title != "" {
			c.title, c.titleWhen = f.title, f.when
		}
	}
	c.terms[f.lang] = add(c.terms[f.lang], tv, e.opt.MaxTerms)
	c.ents = add(c.ents, ev, 0)
	c.n++
	for _, k := range f.keys {
		st := c.entities[k.id]
		if st == nil {
			st = &entStat{name: k.name, typ: k.typ}
			c.entities[k.id] = st
		}
		st.articles++
	}
	if !c.closed {
		e.postKeys(n)
	}
}

// postKeys lists story n in the inverted index under its entities and
// strongest terms.
func (e *Engine) postKeys(n int32) {
	c := e.stories[n]
	put := func(k uint64) {
		if !c.posted[k] {
			c.posted[k] = true
			e.post[k] = append(e.post[k], n)
		}
	}
	for _, x := range c.ents {
		put(x.key)
	}
	for _, v := range c.terms {
		for _, x := range strongest(v, 40) {
			put(x.key)
		}
	}
}

// articleBefore reports whether article x comes before y in a story: by
// time, unknown last, then by id.
func articleBefore(c *cluster, x, y string) bool {
	a, b := c.when[x], c.when[y]
	if a.IsZero() != b.IsZero() {
		return !a.IsZero()
	}
	if !a.Equal(b) {
		return a.Before(b)
	}
	return x < y
}

// insertArticle puts article id (its time in c.when) in its place among a
// story's articles, which are in order (articleBefore) but for a story
// loaded from a store: those are sorted first. A story of thousands of
// articles costs a binary search and a copy per article, not a sort.
func (e *Engine) insertArticle(c *cluster, id string) {
	if c.unsorted {
		sort.SliceStable(c.articles, func(i, j int) bool { return articleBefore(c, c.articles[i], c.articles[j]) })
		c.unsorted = false
	}
	i := sort.Search(len(c.articles), func(i int) bool { return articleBefore(c, id, c.articles[i]) })
	c.articles = slices.Insert(c.articles, i, id)
}

// add returns the sum of a and b, keeping the limit heaviest components
// when limit > 0.
func add(a, b vector, limit int) vector {
	out := make(vector, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].key < b[j].key):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].key < a[i].key:
			out = append(out, b[j])
			j++
		default:
			out = append(out, weight{a[i].key, a[i].w + b[j].w})
			i++
			j++
		}
	}
	if limit > 0 && len(out) > limit {
		out = strongest(out, limit)
		slices.SortFunc(out, func(a, b weight) int { return cmpKey(a.key, b.key) })
	}
	return out
}

// thread finds an older story that story n continues: one with similar
// entities and some shared words, outside n's window. It returns the
// thread id and the older story, or "".
func (e *Engine) thread(n int32) (string, *cluster) {
	c := e.stories[n]
	if len(c.ents) == 0 || c.n == 0 {
		return "", nil
	}
	var best *cluster
	bestScore := 0.0
	for _, m := range e.candidates(nil, c.ents) {
		o := e.stories[m]
		if m == n || o.n == 0 {
			continue
		}
		s := cosine(c.ents, o.ents)
		if s < e.opt.ThreadScore || termSimilarity(c, o) < 0.1 {
			continue
		}
		if s > bestScore || (s == bestScore && o.id < best.id) {
			best, bestScore = o, s
		}
	}
	if best == nil {
		return "", nil
	}
	if best.thread != "" {
		return best.thread, best
	}
	return "t" + best.id, best
}

// Remove takes the article id out of its story: the story loses it (its
// profile keeps the article's words until a rebuild), and a story left
// empty is deleted.
func (e *Engine) Remove(id string) Result {
	n, ok := e.of[id]
	if !ok {
		return Result{}
	}
	delete(e.of, id)
	c := e.stories[n]
	c.articles = slices.DeleteFunc(c.articles, func(a string) bool { return a == id })
	delete(c.when, id)
	if len(c.articles) == 0 {
		c.dead = true
		delete(e.byID, c.id)
		return Result{Delete: []string{c.id}}
	}
	c.start, c.end = time.Time{}, time.Time{}
	for _, t := range c.when {
		if t.IsZero() {
			continue
		}
		if c.start.IsZero() || t.Before(c.start) {
			c.start = t
		}
		if c.end.IsZero() || t.After(c.end) {
			c.end = t
		}
	}
	res := Result{Put: []*news.Story{e.record(c)}}
	e.settle(n)
	return res
}

// record returns story c as the store keeps it.
func (e *Engine) record(c *cluster) *news.Story {
	s := &news.Story{
		ID: c.id, Thread: c.thread, Title: c.title, Start: c.start, End: c.end,
		Articles: slices.Clone(c.articles),
	}
	type ranked struct {
		id string
		st *entStat
	}
	var es []ranked
	for id, st := range c.entities {
		es = append(es, ranked{id, st})
	}
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.st.articles != b.st.articles {
			return a.st.articles > b.st.articles
		}
		// Places are the least telling; then by rarity.
		if (a.st.typ == news.LOC) != (b.st.typ == news.LOC) {
			return b.st.typ == news.LOC
		}
		ra, rb := e.entities.of(entKey(a.id)), e.entities.of(entKey(b.id))
		if math.Abs(ra-rb) > 1e-9 {
			return ra > rb
		}
		return a.id < b.id
	})
	for _, r := range es[:min(len(es), e.opt.KeyEntities)] {
		s.Entities = append(s.Entities, news.StoryEntity{ID: r.id, Name: r.st.name, Type: r.st.typ, Articles: r.st.articles})
	}
	s.State = encodeState(c)
	return s
}

// Load puts a stored story into the engine, for loading state from a
// store. A story whose state cannot be read keeps its members but starts
// its profile afresh.
func (e *Engine) Load(s *news.Story) {
	if old, ok := e.byID[s.ID]; ok {
		e.stories[old].dead = true
	}
	c := &cluster{id: s.ID, thread: s.Thread, title: s.Title, start: s.Start, end: s.End,
		articles: slices.Clone(s.Articles), when: map[string]time.Time{},
		entities: map[string]*entStat{}, posted: map[uint64]bool{}, terms: map[string]vector{}, born: noCut,
		unsorted: true}
	decodeState(c, s.State)
	e.clock = max(e.clock, c.last)
	n := int32(len(e.stories))
	e.stories = append(e.stories, c)
	e.byID[s.ID] = n
	for _, id := range c.articles {
		e.of[id] = n
	}
	if !c.closed {
		e.postKeys(n)
	}
	e.settle(n)
}

// Threads returns the ids of the stories of thread t, oldest first.
func (e *Engine) Threads(t string) []string {
	var out []*cluster
	for _, c := range e.stories {
		if !c.dead && c.thread == t {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].start.Equal(out[j].start) {
			return out[i].start.Before(out[j].start)
		}
		return out[i].id < out[j].id
	})
	ids := make([]string, len(out))
	for i, c := range out {
		ids[i] = c.id
	}
	return ids
}

// ThreadCount returns the number of threads: thread ids shared by two or
// more stories.
func (e *Engine) ThreadCount() int {
	n := map[string]int{}
	for _, c := range e.stories {
		if !c.dead && c.thread != "" {
			n[c.thread]++
		}
	}
	for t, v := range e.goneThreads {
		n[t] += v
	}
	k := 0
	for _, v := range n {
		if v > 1 {
			k++
		}
	}
	return k
}

// termSimilarity is the best cosine of two stories' term vectors of one
// language.
func termSimilarity(a, b *cluster) float64 {
	best := 0.0
	for l, v := range a.terms {
		if w, ok := b.terms[l]; ok {
			best = max(best, cosine(v, w))
		}
	}
	return best
}
