package dedup

import (
	"math"
	"slices"
	"time"
)

// when is the published time of an article as the canonical choice
// compares it.
type when struct {
	// day is the calendar day in the article's own time zone, in days
	// since 1970-01-01; math.MaxInt32 when the time is unknown.
	day int32
	// dayOnly is set for a time at local midnight: most likely only the
	// date was known, so it is not known to be earlier than a timed
	// article of the same day.
	dayOnly bool
	unix    int64
}

func whenOf(t time.Time) when {
	if t.IsZero() {
		return when{day: math.MaxInt32, unix: math.MaxInt64}
	}
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
	h, mi, s := t.Clock()
	return when{day: int32(day), dayOnly: h == 0 && mi == 0 && s == 0, unix: t.Unix()}
}

// Change is a new value of the group fields of an article other than the
// one added or removed: the caller stores it.
type Change struct {
	ID string
	// Group is the article's group id, "" when it is alone now.
	Group string
	// DuplicateOf is the canonical copy's id, "" when the article is the
	// canonical one or alone.
	DuplicateOf string
}

// Result is what Add decided for an article.
type Result struct {
	// Group and DuplicateOf are the article's new group fields.
	Group, DuplicateOf string
	// Match is the copy the article was grouped by, nil when it is alone.
	Match *Match
	// Changes are other articles whose group fields change.
	Changes []Change
	// Unchanged is set when the index held this article already with the
	// same content: nothing changed.
	Unchanged bool
	// Evicted are the articles the grouper stopped holding.
	Evicted []Evicted
	// Swept is set when the grouper swept (see Swept): its state to store
	// changed.
	Swept bool
}

// group is a syndication group.
type group struct {
	id        string
	members   []uint32
	canonical uint32
	// veto is the member that last kept an article from being the
	// canonical copy (see copiedByAll), none when there is none.
	veto uint32
}

// Grouper keeps syndication groups of the articles in an Index. It is not
// safe for concurrent use.
type Grouper struct {
	x      *Index
	of     []int32 // ordinal → group number, -1 alone
	groups []*group
	free   []int32
	byID   map[string]int32
	w      window
}

// NewGrouper returns an empty grouper.
func NewGrouper(opt Options) *Grouper {
	return &Grouper{x: NewIndex(opt), byID: map[string]int32{}, w: window{swept: NoCutoff}}
}

// Index returns the grouper's index.
func (g *Grouper) Index() *Index { return g.x }

// Load puts s into the grouper as a member of the stored group (""
// alone) without matching it: for loading state from a store. age is what
// Age returned for it (it matters only for an article without a published
// time). The canonical copy of each group is chosen again by the rules of
// Add. Load never evicts: see Sweep.
func (g *Grouper) Load(s *Sketch, groupID string, age int64, seq uint64) {
	g.remove(s.ID)
	g.x.Add(s)
	o := g.x.byID[s.ID]
	g.grow()
	g.setAge(o, age, true)
	g.x.info[o].seq = seq
	g.w.clock = max(g.w.clock, seq)
	if groupID == "" {
		return
	}
	n, ok := g.byID[groupID]
	if !ok {
		n = g.newGroup(groupID)
	}
	gr := g.groups[n]
	gr.members = append(gr.members, o)
	g.of[o] = n
	// The rule of Add: loaded in the order they were added, the group
	// gets the canonical copy it had.
	if len(gr.members) == 1 || (g.before(o, gr.canonical) && g.copiedByAll(s, gr)) {
		gr.canonical = o
	}
}

// grow extends of to cover every ordinal of the index.
func (g *Grouper) grow() {
	for len(g.of) < len(g.x.ids) {
		g.of = append(g.of, -1)
	}
}

func (g *Grouper) newGroup(id string) int32 {
	gr := &group{id: id, veto: none}
	var n int32
	if k := len(g.free); k > 0 {
		n, g.free = g.free[k-1], g.free[:k-1]
		g.groups[n] = gr
	} else {
		n = int32(len(g.groups))
		g.groups = append(g.groups, gr)
	}
	g.byID[id] = n
	return n
}

// before reports whether ordinal a is a better canonical copy than b:
// published on an earlier day; on the same day, at a known time before a
// date-only one, then earlier; then the longer text; then the smaller id.
func (g *Grouper) before(a, b uint32) bool {
	x, y := &g.x.info[a], &g.x.info[b]
	if x.when.day != y.when.day {
		return x.when.day < y.when.day
	}
	if x.when.dayOnly != y.when.dayOnly {
		return !x.when.dayOnly
	}
	if x.when.unix != y.when.unix {
		return x.when.unix < y.when.unix
	}
	if x.words != y.words {
		return x.words > y.words
	}
	return g.x.ids[a] < g.x.ids[b]
}

// Add groups the article of s with its copies and returns what changed. An
// article held already with other content is taken out of its group first
// (the same URL with changed text). It numbers the article next in the
// order of linking.
func (g *Grouper) Add(s *Sketch) Result { return g.AddAt(s, g.w.clock+1) }

// AddAt is Add for an article numbered seq in the order of linking (the
// caller's numbering; it must grow).
func (g *Grouper) AddAt(s *Sketch, seq uint64) Result {
	if g.x.holds(s) {
		grp, dup := g.fields(g.x.byID[s.ID])
		return Result{Group: grp, DuplicateOf: dup, Unchanged: true}
	}
	changes := g.remove(s.ID)
	matches := g.x.Copies(s)
	g.x.Add(s)
	g.grow()
	o := g.x.byID[s.ID]
	g.setAge(o, 0, false)
	g.x.info[o].seq = seq
	g.w.clock = max(g.w.clock, seq)
	var res Result
	// Join the group of the best match that is alone, or whose group's
	// canonical copy the article copies too: a copy of a copy that shares
	// little with the original is not put with it (without this, chains of
	// articles each like the last grew groups of thousands of unrelated
	// articles on a large store).
	mi := slices.IndexFunc(matches, func(m Match) bool {
		mo := g.x.byID[m.ID]
		n := g.of[mo]
		return n < 0 || g.groups[n].canonical == mo || g.x.copyOf(s, g.groups[n].canonical)
	})
	if mi < 0 {
		res.Changes = changes
		res.Evicted, res.Swept = g.settle()
		return res
	}
	m := matches[mi]
	res.Match = &m
	mo := g.x.byID[m.ID]
	n := g.of[mo]
	if n < 0 {
		n = g.newGroup("g" + m.ID)
		gr := g.groups[n]
		gr.members, gr.canonical = []uint32{mo}, mo
		g.of[mo] = n
		changes = append(changes, Change{ID: m.ID, Group: gr.id})
	}
	gr := g.groups[n]
	gr.members = append(gr.members, o)
	g.of[o] = n
	// The earliest copy is the canonical one, if every member copies it
	// too (the original of a wire story does): otherwise members would be
	// said to copy an article they were never like.
	if g.before(o, gr.canonical) && g.copiedByAll(s, gr) {
		gr.canonical = o
		for _, mb := range gr.members {
			if mb != o {
				changes = append(changes, Change{ID: g.x.ids[mb], Group: gr.id, DuplicateOf: s.ID})
			}
		}
	}
	res.Group, res.DuplicateOf = g.fields(o)
	res.Changes = merge(changes)
	res.Evicted, res.Swept = g.settle()
	return res
}

// copiedByAll reports whether every member of gr (but s itself) is a copy
// of the article of s. The member that said no last time is asked first:
// in a large group of loose copies the same few members refuse most
// earlier articles, so a refusal costs one comparison, not one per member.
// A yes costs one per member, as does what follows it (every member's
// canonical copy changes).
func (g *Grouper) copiedByAll(s *Sketch, gr *group) bool {
	o := g.x.byID[s.ID]
	if v := gr.veto; v != none && v != o && int(v) < len(g.of) && g.of[v] >= 0 && g.groups[g.of[v]] == gr && !g.x.copyOf(s, v) {
		return false
	}
	for _, mb := range gr.members {
		if mb != o && mb != gr.veto && !g.x.copyOf(s, mb) {
			gr.veto = mb
			return false
		}
	}
	return true
}

// merge keeps the last change of each id, in first-seen order.
func merge(cs []Change) []Change {
	if len(cs) < 2 {
		return cs
	}
	last := map[string]int{}
	for i, c := range cs {
		last[c.ID] = i
	}
	out := cs[:0:0]
	for i, c := range cs {
		if last[c.ID] == i {
			out = append(out, c)
		}
	}
	return out
}

// fields returns the group fields of ordinal o.
func (g *Grouper) fields(o uint32) (grp, dup string) {
	n := g.of[o]
	if n < 0 {
		return "", ""
	}
	gr := g.groups[n]
	if gr.canonical == o {
		return gr.id, ""
	}
	return gr.id, g.x.ids[gr.canonical]
}

// Remove takes the article id out of the index and its group, and returns
// the changes to the other members: a new canonical copy, or a group of
// one dissolved.
func (g *Grouper) Remove(id string) []Change {
	return g.remove(id)
}

func (g *Grouper) remove(id string) []Change {
	o, ok := g.x.byID[id]
	if !ok {
		return nil
	}
	g.forgetTime(o)
	g.x.Remove(id)
	n := g.of[o]
	if n < 0 {
		return nil
	}
	g.of[o] = -1
	gr := g.groups[n]
	gr.members = slices.DeleteFunc(gr.members, func(m uint32) bool { return m == o })
	var changes []Change
	if len(gr.members) == 1 {
		last := gr.members[0]
		g.of[last] = -1
		delete(g.byID, gr.id)
		g.groups[n] = nil
		g.free = append(g.free, n)
		return []Change{{ID: g.x.ids[last]}}
	}
	if gr.canonical == o {
		gr.canonical = gr.members[0]
		for _, m := range gr.members[1:] {
			if g.before(m, gr.canonical) {
				gr.canonical = m
			}
		}
		for _, m := range gr.members {
			grp, dup := g.fields(m)
			changes = append(changes, Change{ID: g.x.ids[m], Group: grp, DuplicateOf: dup})
		}
	}
	return changes
}

// Group returns the members of group id, the canonical copy first and the
// others in the canonical order, or nil for an unknown group.
func (g *Grouper) Group(id string) []string {
	n, ok := g.byID[id]
	if !ok {
		return nil
	}
	gr := g.groups[n]
	ms := slices.Clone(gr.members)
	slices.SortFunc(ms, func(a, b uint32) int {
		switch {
		case a == b:
			return 0
		case g.before(a, b):
			return -1
		}
		return 1
	})
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = g.x.ids[m]
	}
	return out
}

// Lookup returns the group fields of the article id as the grouper holds
// them, and whether it holds the article.
func (g *Grouper) Lookup(id string) (grp, dup string, ok bool) {
	o, ok := g.x.byID[id]
	if !ok {
		return "", "", false
	}
	grp, dup = g.fields(o)
	return grp, dup, true
}

// Counts returns the number of groups and of copies in them that are not
// canonical.
func (g *Grouper) Counts() (groups, copies int) {
	for _, gr := range g.groups {
		if gr != nil {
			groups++
			copies += len(gr.members) - 1
		}
	}
	return groups, copies
}
