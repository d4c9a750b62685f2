package dedup

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// Options tune what counts as a copy. The zero value of a field means its
// default.
type Options struct {
	// MinWords is the fewest content words an article needs to be matched
	// by similarity; shorter ones match only an identical title and text.
	// Default 30.
	MinWords int
	// MinResemblance is the estimated Jaccard similarity of shingle sets at
	// which two articles are copies. Default 0.2.
	MinResemblance float64
	// MinContainment is the estimated share of the smaller article's
	// shingles found in the larger at which two articles are copies even
	// with a lower resemblance (a copy with paragraphs cut), provided the
	// resemblance is at least MinResemblance/2. Default 0.5.
	MinContainment float64
	// Bands and Rows are the LSH geometry: Bands*Rows signature values
	// (at most Hashes) cut into Bands bands of Rows. More bands of fewer
	// rows find copies of lower resemblance and cost more candidates.
	// Default 40 bands of 2 rows.
	Bands, Rows int
	// Window bounds the memory of a Grouper: copies are looked for among
	// the articles published within Window before the day of the newest
	// ones (the 64th latest published time held), and a group whose
	// newest article is older is evicted, its links final. Wire copies run
	// within hours or days of each other. Default 30 days; negative keeps
	// everything.
	Window time.Duration
	// Recent keeps, whatever their age, the groups an article joined (or
	// the articles linked) within the last Recent articles linked: a
	// backfill of old news arriving now is grouped with its own copies.
	// Default 20,000; negative: by age alone.
	Recent int
	// Bucket bounds the candidates one band leads to: of the articles that
	// share a band's values with the query, the newest Bucket held are
	// compared. Only
	// boilerplate fills a band so: stock sentences, a site's footer, that
	// hundreds of articles share; a copy shares more than one band with
	// its original (ten of 40 on average at a resemblance of 0.5). It makes
	// the work per article a constant, Bands*Bucket comparisons at most,
	// where it grew with the window. Default 64; negative: no bound.
	Bucket int
}

func (o Options) withDefaults() Options {
	if o.MinWords <= 0 {
		o.MinWords = 30
	}
	if o.MinResemblance <= 0 {
		o.MinResemblance = 0.2
	}
	if o.MinContainment <= 0 {
		o.MinContainment = 0.5
	}
	if o.Bands <= 0 || o.Rows <= 0 || o.Bands*o.Rows > Hashes {
		o.Bands, o.Rows = 40, 2
	}
	if o.Window == 0 {
		o.Window = 30 * 24 * time.Hour
	}
	if o.Recent == 0 {
		o.Recent = 20_000
	}
	if o.Recent < 0 {
		o.Recent = 0
	}
	if o.Bucket == 0 {
		o.Bucket = 64
	}
	return o
}

// Index holds sketches in memory and finds the copies of a sketch among
// them. Signatures are kept as 16-bit values (a false agreement of two
// values has odds 1 in 65536, which moves no estimate that matters), and
// each band as a 32-bit key in a table whose keys chain their articles
// newest first (see table). It is not safe for concurrent use.
type Index struct {
	opt   Options
	ids   []string
	sigs  []uint16 // Hashes per ordinal; empty for an article without shingles
	info  []info
	byID  map[string]uint32
	exact map[uint64]uint32 // text key → latest ordinal with it
	bands []table
	stamp []uint32
	query uint32
	live  int
}

// info is what the index keeps of a sketch beside its signature.
type info struct {
	shingles, words uint32
	text, content   uint64
	// next is the previous ordinal of the same text key, or none.
	next uint32
	dead bool
	sig  bool
	// when orders copies for the canonical choice.
	when when
	// age is the time the grouper's window compares (Grouper.Age), seq
	// the article's number in the order of linking.
	age int64
	seq uint64
}

const none = math.MaxUint32

// NewIndex returns an empty index.
func NewIndex(opt Options) *Index {
	opt = opt.withDefaults()
	return &Index{
		opt:   opt,
		byID:  map[string]uint32{},
		exact: map[uint64]uint32{},
		bands: make([]table, opt.Bands),
	}
}

// Options returns the options in effect, defaults filled in.
func (x *Index) Options() Options { return x.opt }

// Len returns the number of sketches held.
func (x *Index) Len() int { return x.live }

// holds reports whether the index holds a sketch of id with the same
// content and published time as s.
func (x *Index) holds(s *Sketch) bool {
	o, ok := x.byID[s.ID]
	return ok && x.info[o].content == s.Content && x.info[o].when == whenOf(s.Published)
}

// bandKey is the key of band b of sig: a hash of its Rows values, never 0.
func (x *Index) bandKey(sig []uint32, b int) uint32 {
	h := uint64(b+1) * 0x9e3779b97f4a7c15
	for _, v := range sig[b*x.opt.Rows : (b+1)*x.opt.Rows] {
		h = mix(h ^ uint64(v))
	}
	k := uint32(h >> 32)
	if k == 0 {
		k = 1
	}
	return k
}

// Add puts s into the index, replacing a sketch of the same id.
func (x *Index) Add(s *Sketch) {
	x.Remove(s.ID)
	o := uint32(len(x.ids))
	x.ids = append(x.ids, s.ID)
	in := info{shingles: uint32(s.Shingles), words: uint32(s.Words), text: s.Text, content: s.Content, next: none, when: whenOf(s.Published)}
	if len(s.Sig) == Hashes {
		in.sig = true
		for _, v := range s.Sig {
			x.sigs = append(x.sigs, uint16(v))
		}
		if s.Words >= x.opt.MinWords {
			for b := range x.bands {
				x.bands[b].add(x.bandKey(s.Sig, b), o)
			}
		}
	} else {
		x.sigs = append(x.sigs, make([]uint16, Hashes)...)
	}
	if s.Text != 0 {
		if prev, ok := x.exact[s.Text]; ok {
			in.next = prev
		}
		x.exact[s.Text] = o
	}
	x.info = append(x.info, in)
	x.stamp = append(x.stamp, 0)
	x.byID[s.ID] = o
	x.live++
}

// Remove drops the sketch of id, if held. Its band entries stay, marked
// dead, until the index is built again.
func (x *Index) Remove(id string) {
	o, ok := x.byID[id]
	if !ok {
		return
	}
	delete(x.byID, id)
	x.info[o].dead = true
	x.live--
}

// Match is a held article similar to a query sketch.
type Match struct {
	ID string
	// Resemblance and Containment are the estimates (1 and 1 for an
	// identical text).
	Resemblance, Containment float64
	// Exact is true when the text is identical.
	Exact bool
}

// Copies returns the held articles that are copies of s by the rules of
// the index's Options, best first (identical texts, then by resemblance),
// leaving out s's own id.
func (x *Index) Copies(s *Sketch) []Match {
	var out []Match
	if s.Words == 0 {
		return nil
	}
	x.query++
	if x.query == 0 { // wrapped: clear stamps
		clear(x.stamp)
		x.query = 1
	}
	short := s.Words < x.opt.MinWords
	if o, ok := x.exact[s.Text]; ok {
		for ; o != none; o = x.info[o].next {
			in := &x.info[o]
			if in.dead || x.ids[o] == s.ID || x.stamp[o] == x.query {
				continue
			}
			if short && in.content != s.Content {
				continue
			}
			x.stamp[o] = x.query
			out = append(out, Match{ID: x.ids[o], Resemblance: 1, Containment: 1, Exact: true})
		}
	}
	if short || len(s.Sig) != Hashes {
		return out
	}
	exact := len(out)
	// A live entry of s's own id is the one byID names (compared by
	// ordinal, not by id, on this hot path).
	self, held := x.byID[s.ID]
	if !held {
		self = none
	}
	for b := range x.bands {
		// Held articles count toward the bound, removed ones do not: what
		// is found does not depend on when the index was last compacted,
		// nor on whether it was loaded from a store.
		x.bands[b].each(x.bandKey(s.Sig, b), x.opt.Bucket, func(o uint32) bool {
			in := &x.info[o]
			if in.dead {
				return false
			}
			if x.stamp[o] == x.query {
				return true
			}
			x.stamp[o] = x.query
			if !in.sig || o == self {
				return true
			}
			r := x.resemblance(s.Sig, o)
			c := containment(r, s.Shingles, int(in.shingles))
			if r >= x.opt.MinResemblance || (c >= x.opt.MinContainment && r >= x.opt.MinResemblance/2) {
				out = append(out, Match{ID: x.ids[o], Resemblance: r, Containment: c})
			}
			return true
		})
	}
	sortMatches(out[exact:])
	return out
}

// copyOf reports whether the article of s is a copy of the held ordinal o
// by the rules of Copies.
func (x *Index) copyOf(s *Sketch, o uint32) bool {
	in := &x.info[o]
	if in.dead || s.Words == 0 {
		return false
	}
	if s.Text != 0 && in.text == s.Text && (s.Words >= x.opt.MinWords || in.content == s.Content) {
		return true
	}
	if s.Words < x.opt.MinWords || len(s.Sig) != Hashes || !in.sig {
		return false
	}
	r := x.resemblance(s.Sig, o)
	c := containment(r, s.Shingles, int(in.shingles))
	return r >= x.opt.MinResemblance || (c >= x.opt.MinContainment && r >= x.opt.MinResemblance/2)
}

// resemblance compares a full signature with the stored one of o.
func (x *Index) resemblance(sig []uint32, o uint32) float64 {
	st := x.sigs[int(o)*Hashes : int(o+1)*Hashes]
	n := 0
	for i, v := range sig {
		if uint16(v) == st[i] {
			n++
		}
	}
	return float64(n) / Hashes
}

func containment(j float64, a, b int) float64 {
	small := min(a, b)
	if small == 0 {
		return 0
	}
	return min(1, j*float64(a+b)/(1+j)/float64(small))
}

// sortMatches orders m best first. A query can match thousands of
// articles (a wire story in a large store, or text made of stock
// sentences), so this is a sort of O(n log n), not an insertion sort; the
// ids of m are distinct, so the order is the same either way.
func sortMatches(m []Match) {
	slices.SortFunc(m, func(a, b Match) int {
		switch {
		case better(a, b):
			return -1
		case better(b, a):
			return 1
		}
		return 0
	})
}

func better(a, b Match) bool {
	if a.Resemblance != b.Resemblance {
		return a.Resemblance > b.Resemblance
	}
	return a.ID < b.ID
}

// Stats describe an index's size.
type Stats struct {
	// Sketches is the number held, Dead the number removed but still in
	// the band tables.
	Sketches, Dead int
	// Bytes is the memory the index holds, approximately.
	Bytes int64
}

// Stats returns the size of the index.
func (x *Index) Stats() Stats {
	st := Stats{Sketches: x.live, Dead: len(x.ids) - x.live}
	b := int64(cap(x.sigs))*2 + int64(cap(x.info))*40 + int64(cap(x.stamp))*4 + int64(cap(x.ids))*16
	for _, id := range x.ids {
		b += int64(len(id))
	}
	// Go maps: roughly key + value + 8 bytes of overhead per entry, over
	// a load of about 0.8.
	b += int64(len(x.byID)) * (16 + 4 + 8) * 5 / 4
	b += int64(len(x.exact)) * (8 + 4 + 8) * 5 / 4
	for _, t := range x.bands {
		b += int64(cap(t.slots))*8 + int64(cap(t.prev))*4
	}
	st.Bytes = b
	return st
}

// String summarises the stats.
func (s Stats) String() string {
	return fmt.Sprintf("%d sketches (%d dead), %.1f MiB", s.Sketches, s.Dead, float64(s.Bytes)/(1<<20))
}

// table is a multimap from 32-bit band keys (never 0) to ordinals. Each
// distinct key has one slot of an open-addressing table with linear
// probing (key<<32 | 1 + its newest ordinal; 0 is empty), and prev links
// each ordinal to the one added under the same key before it (1 + that
// ordinal; 0: none). An index adds each ordinal once per band, so prev
// is indexed by ordinal: 4 bytes per article. A key that thousands of
// articles share (a stock sentence's shingles) is thus one slot, not a
// run of thousands that every probe nearby must step over, and its
// ordinals are met newest first.
type table struct {
	slots []uint64
	n     int
	prev  []uint32
}

func (t *table) add(k, v uint32) {
	if (t.n+1)*4 > len(t.slots)*3 {
		t.grow()
	}
	if int(v) >= len(t.prev) {
		t.prev = append(t.prev, make([]uint32, int(v)+1-len(t.prev))...)
	}
	mask := uint32(len(t.slots) - 1)
	for i := k & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			t.slots[i] = uint64(k)<<32 | uint64(v+1)
			t.prev[v] = 0
			t.n++
			return
		}
		if uint32(s>>32) == k {
			t.prev[v] = uint32(s)
			t.slots[i] = uint64(k)<<32 | uint64(v+1)
			return
		}
	}
}

func (t *table) grow() {
	old := t.slots
	t.slots = make([]uint64, max(64, 2*len(old)))
	mask := uint32(len(t.slots) - 1)
	for _, s := range old {
		if s == 0 {
			continue
		}
		for i := uint32(s>>32) & mask; ; i = (i + 1) & mask {
			if t.slots[i] == 0 {
				t.slots[i] = s
				break
			}
		}
	}
}

// each calls fn with the ordinals under k, newest first, until limit of
// them counted (limit <= 0: all): fn says whether its ordinal counts.
func (t *table) each(k uint32, limit int, fn func(v uint32) bool) {
	if len(t.slots) == 0 {
		return
	}
	mask := uint32(len(t.slots) - 1)
	for i := k & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return
		}
		if uint32(s>>32) != k {
			continue
		}
		for e, n := uint32(s), 0; e != 0 && (limit <= 0 || n < limit); e = t.prev[e-1] {
			if fn(e - 1) {
				n++
			}
		}
		return
	}
}

// rebuilt returns t with its ordinals renumbered by renum, leaving out
// those renumbered to none; each key keeps its entries in their order.
func (t *table) rebuilt(renum []uint32) table {
	var out table
	var es []uint32
	for _, s := range t.slots {
		if s == 0 {
			continue
		}
		es = es[:0]
		for e := uint32(s); e != 0; e = t.prev[e-1] {
			if r := renum[e-1]; r != none {
				es = append(es, r)
			}
		}
		for i := len(es) - 1; i >= 0; i-- {
			out.add(uint32(s>>32), es[i])
		}
	}
	return out
}
