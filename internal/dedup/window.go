package dedup

import (
	"math"
	"slices"
	"time"
)

// horizonRank is which latest published time is the grouper's horizon:
// the 64th latest of the dated articles it holds. One article with a date
// years ahead (a misread year) cannot move it; 64 could, but a run of
// them is a fault to fix in extraction.
const horizonRank = 64

// Evicted is an article the grouper no longer holds because its group (or
// the article alone) is older than the window: its stored links are final.
type Evicted struct {
	ID, Group, DuplicateOf string
	// Age is the article's time in the window (see Grouper.Age).
	Age int64
}

// NoCutoff is the cutoff of a grouper that holds too few dated articles to
// have a horizon, or has no window: nothing is evicted.
const NoCutoff = math.MinInt64

// topEntry is one of the latest published times held.
type topEntry struct {
	unix int64
	o    uint32
}

// window is the grouper's memory bound: the latest published times held,
// and the cutoff and position of the last sweep.
type window struct {
	top []topEntry // ascending, at most horizonRank
	// swept is the cutoff (unix seconds) of the last sweep, NoCutoff
	// before the first; sweptSeq the number of the last article linked
	// then; clock the number of the last article added.
	swept           int64
	sweptSeq, clock uint64
}

// horizon returns the horizonRank-th latest published time held, in unix
// seconds, and whether there are that many.
func (g *Grouper) horizon() (int64, bool) {
	if len(g.w.top) < horizonRank {
		return 0, false
	}
	return g.w.top[0].unix, true
}

// cutoff returns the time before which a group whose newest article is
// older is evicted: the start of the horizon's day (UTC) less the window,
// in unix seconds; NoCutoff when there is none.
func (g *Grouper) cutoff() int64 {
	if g.x.opt.Window < 0 {
		return NoCutoff
	}
	h, ok := g.horizon()
	if !ok {
		return NoCutoff
	}
	day := h / 86400
	if h < 0 && h%86400 != 0 {
		day--
	}
	return day*86400 - int64(g.x.opt.Window/time.Second)
}

// Cutoff returns the time of the last sweep's cutoff: groups whose newest
// article is older, and that no article of the last Options.Recent joined,
// are no longer held. It is the zero time before the first sweep.
func (g *Grouper) Cutoff() time.Time {
	if g.w.swept == NoCutoff {
		return time.Time{}
	}
	return time.Unix(g.w.swept, 0).UTC()
}

// Swept returns the cutoff (unix seconds, NoCutoff before any) and the
// position in the order of linking of the last sweep, for storing with the
// state; SetSwept puts stored ones back, so that a grouper loaded from a
// store sweeps as the one that stored it would have.
func (g *Grouper) Swept() (cutoff int64, seq uint64) { return g.w.swept, g.w.sweptSeq }
func (g *Grouper) SetSwept(cutoff int64, seq uint64) { g.w.swept, g.w.sweptSeq = cutoff, seq }

// RecentSince returns the number at or below which an article linked is
// no longer recent at the last sweep (see Options.Recent); 0 when all are.
func (g *Grouper) RecentSince() uint64 {
	r := uint64(g.x.opt.Recent)
	if g.w.sweptSeq <= r {
		return 0
	}
	return g.w.sweptSeq - r
}

// Age returns the time of article id that the window compares with the
// cutoff, in unix seconds: its published time, or for an article without
// one the horizon when it was added (NoCutoff when there was none yet).
// ok is false when the grouper does not hold id.
func (g *Grouper) Age(id string) (age int64, ok bool) {
	o, ok := g.x.byID[id]
	if !ok {
		return 0, false
	}
	return g.x.info[o].age, true
}

// Holds reports whether the grouper holds article id.
func (g *Grouper) Holds(id string) bool {
	_, ok := g.x.byID[id]
	return ok
}

// setAge gives the new ordinal o its age and puts a dated one among the
// latest times.
func (g *Grouper) setAge(o uint32, age int64, aged bool) {
	in := &g.x.info[o]
	switch {
	case in.when.day != math.MaxInt32:
		in.age = in.when.unix
		g.noteTime(o)
	case aged:
		in.age = age
	default:
		if h, ok := g.horizon(); ok {
			in.age = h
		} else {
			in.age = NoCutoff
		}
	}
}

// noteTime puts dated ordinal o among the latest times if it is one.
func (g *Grouper) noteTime(o uint32) {
	t := topEntry{g.x.info[o].when.unix, o}
	less := func(a, b topEntry) int {
		if a.unix != b.unix {
			if a.unix < b.unix {
				return -1
			}
			return 1
		}
		return int(int64(a.o) - int64(b.o))
	}
	if len(g.w.top) == horizonRank {
		if less(t, g.w.top[0]) <= 0 {
			return
		}
		g.w.top = g.w.top[1:]
	}
	i, _ := slices.BinarySearchFunc(g.w.top, t, less)
	g.w.top = slices.Insert(g.w.top, i, t)
}

// forgetTime takes ordinal o out of the latest times; the list is made
// again from every held article when o was in it.
func (g *Grouper) forgetTime(o uint32) {
	i := slices.IndexFunc(g.w.top, func(t topEntry) bool { return t.o == o })
	if i < 0 {
		return
	}
	g.w.top = g.w.top[:0]
	for p, in := range g.x.info {
		if !in.dead && uint32(p) != o && in.when.day != math.MaxInt32 {
			g.noteTime(uint32(p))
		}
	}
}

// sweepEvery is how many articles pass between sweeps by position, as a
// share of Options.Recent.
func (g *Grouper) sweepEvery() uint64 { return max(1, uint64(g.x.opt.Recent)/4) }

// settle sweeps after an article was added, when the cutoff has moved on
// or a quarter of Options.Recent has been linked since the last sweep. It
// returns the evicted articles and whether it swept.
func (g *Grouper) settle() ([]Evicted, bool) {
	if g.cutoff() <= g.w.swept && g.w.clock < g.w.sweptSeq+g.sweepEvery() {
		return nil, false
	}
	return g.sweep(), true
}

// Sweep evicts, when the cutoff has moved on since the last sweep, every
// group (and every article alone) whose newest article is older than the
// cutoff and that no recent article joined, and returns them: for a
// grouper loaded from a store linked by a version without the window.
func (g *Grouper) Sweep() []Evicted {
	if g.cutoff() <= g.w.swept {
		return nil
	}
	return g.sweep()
}

// sweep records a sweep at the current cutoff (which never moves back) and
// position, and evicts what is older than both.
func (g *Grouper) sweep() []Evicted {
	g.w.swept = max(g.w.swept, g.cutoff())
	g.w.sweptSeq = g.w.clock
	c := g.w.swept
	if c == NoCutoff {
		return nil
	}
	since := g.RecentSince()
	old := func(age int64, seq uint64) bool { return age < c && seq <= since }
	var out []Evicted
	type newest struct {
		age int64
		seq uint64
	}
	top := make([]newest, len(g.groups))
	for i := range top {
		top[i] = newest{math.MinInt64, 0}
	}
	for o := range g.x.info {
		in := &g.x.info[o]
		if in.dead {
			continue
		}
		if n := g.of[o]; n >= 0 {
			top[n].age = max(top[n].age, in.age)
			top[n].seq = max(top[n].seq, in.seq)
		} else if old(in.age, in.seq) {
			out = append(out, g.evictOne(uint32(o)))
		}
	}
	for n, gr := range g.groups {
		if gr == nil || !old(top[n].age, top[n].seq) {
			continue
		}
		for _, m := range gr.members {
			grp, dup := g.fields(m)
			out = append(out, Evicted{ID: g.x.ids[m], Group: grp, DuplicateOf: dup, Age: g.x.info[m].age})
		}
		for _, m := range gr.members {
			g.of[m] = -1
			g.x.Remove(g.x.ids[m])
		}
		delete(g.byID, gr.id)
		g.groups[n] = nil
		g.free = append(g.free, int32(n))
	}
	g.compact()
	return out
}

// evictOne evicts ordinal o, which is alone.
func (g *Grouper) evictOne(o uint32) Evicted {
	e := Evicted{ID: g.x.ids[o], Age: g.x.info[o].age}
	g.x.Remove(e.ID)
	return e
}

// compact builds the index again without its removed sketches once they
// are as many as the live ones, renumbering ordinals in their order, so
// memory follows what is held rather than all that ever was. What Copies
// finds does not change.
func (g *Grouper) compact() {
	x := g.x
	dead := len(x.ids) - x.live
	if dead < compactMin || dead < x.live {
		return
	}
	renum := make([]uint32, len(x.ids))
	n := uint32(0)
	for o := range x.ids {
		if x.info[o].dead {
			renum[o] = none
			continue
		}
		renum[o] = n
		n++
	}
	ids := make([]string, 0, n)
	sigs := make([]uint16, 0, int(n)*Hashes)
	info := make([]info, 0, n)
	of := make([]int32, 0, n)
	clear(x.exact)
	for o := range x.ids {
		if renum[o] == none {
			continue
		}
		in := x.info[o]
		in.next = none
		if in.text != 0 {
			if prev, ok := x.exact[in.text]; ok {
				in.next = prev
			}
			x.exact[in.text] = renum[o]
		}
		ids = append(ids, x.ids[o])
		sigs = append(sigs, x.sigs[o*Hashes:(o+1)*Hashes]...)
		info = append(info, in)
		of = append(of, g.of[o])
		x.byID[x.ids[o]] = renum[o]
	}
	for b := range x.bands {
		x.bands[b] = x.bands[b].rebuilt(renum)
	}
	x.ids, x.sigs, x.info, x.stamp, x.query = ids, sigs, info, make([]uint32, n), 0
	g.of = of
	for _, gr := range g.groups {
		if gr == nil {
			continue
		}
		for i, m := range gr.members {
			gr.members[i] = renum[m]
		}
		gr.canonical = renum[gr.canonical]
		if gr.veto != none {
			gr.veto = renum[gr.veto]
		}
	}
	for i := range g.w.top {
		g.w.top[i].o = renum[g.w.top[i].o]
	}
}

// compactMin is the fewest removed sketches worth building the index
// again for (a variable for tests).
var compactMin = 1024
