// Package link ties stored articles together: it runs copy detection
// (package dedup) and story clustering (package story) over every article
// as it is stored, with their state loaded from and kept in the store.
//
// Both need everything stored so far, so they are not pipeline stages:
// the ingest orchestrator calls Link for each analysed article, serially,
// and stores the article with the returned store.Linked in one
// transaction. Rebuild recomputes groups and stories of a whole store in
// published order.
package link

import (
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"slices"

	"khabar/internal/dedup"
	"khabar/internal/news"
	"khabar/internal/store"
	"khabar/internal/story"
)

// stateFrequencies names the story engine's frequency tables in the store,
// stateCutoff the copy window's cutoff (dedup.Grouper.SweptCutoff).
const (
	stateFrequencies = "story.frequencies"
	stateCutoff      = "link.cutoff"
)

// saveEvery is how many linked articles pass between two saves of the
// frequency tables.
const saveEvery = 500

// Options configure a Linker.
type Options struct {
	Dedup   dedup.Options
	Stories story.Options
	Logger  *slog.Logger
}

// Linker holds the copy-detection index and the stories in memory. It is
// not safe for concurrent use: the ingest sink calls it serially.
//
// Memory is bounded by time, not by the size of the store: the grouper
// holds the groups with an article published within dedup.Options.Window
// of the newest articles, and the story engine the stories within
// story.Options.Keep of that cutoff (see Grouper.Sweep and Engine.Retire).
// An article no longer held keeps the links it was stored with: its sketch
// is stored as a marker that says so, and when it comes again it is given
// them back from the store.
type Linker struct {
	groups  *dedup.Grouper
	stories *story.Engine
	sk      dedup.Sketcher
	log     *slog.Logger
	since   int
	// seq numbers the sketches in the order they are linked (see wrap).
	seq uint64
	// st is the store the linker was loaded from, for the links of
	// articles it no longer holds; ctx is the loading context.
	st  store.Store
	ctx context.Context
	// pending are the evictions of a Link whose article could not be
	// stored (see Forget): they are written with the next one.
	pending, last []store.Sketch
	// goneGroups and goneCopies count the groups and copies evicted.
	goneGroups, goneCopies int
}

// New returns a Linker with no state, for a new store or for tests.
func New(opt Options) *Linker {
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Linker{groups: dedup.NewGrouper(opt.Dedup), stories: story.New(opt.Stories), log: log}
}

// Groups returns the copy-detection state.
func (l *Linker) Groups() *dedup.Grouper { return l.groups }

// Stories returns the story engine.
func (l *Linker) Stories() *story.Engine { return l.stories }

// Link fills a's DuplicateOf, Group and Story and returns what must be
// stored with a: its sketch, the changed link fields of other articles, and
// the changed stories. An article linked before with the same content
// keeps its links, and nothing else changes; so does one older than the
// window that the linker no longer holds, whatever its content.
func (l *Linker) Link(a *news.Article) store.Linked {
	if !l.groups.Holds(a.ID) && l.mayBeEvicted(a) {
		if l.storedLinks(a) {
			return l.withPending(store.Linked{})
		}
	}
	sk := l.sk.Sketch(a)
	next := l.seq + 1
	r := l.groups.AddAt(sk, next)
	a.Group, a.DuplicateOf = r.Group, r.DuplicateOf
	if r.Swept {
		l.stories.Retire(l.groups.Cutoff(), l.groups.RecentSince())
	}
	if r.Unchanged {
		if a.Story = l.stories.StoryOf(a.ID); a.Story != "" {
			return l.withPending(store.Linked{})
		}
		// Its story is retired: the stored links stand.
		if l.storedLinks(a) && a.Story != "" {
			return l.withPending(store.Linked{})
		}
	}
	copyOf := ""
	if r.Match != nil {
		copyOf = r.Match.ID
	}
	sr := l.stories.AddAt(a, copyOf, next)
	a.Story = sr.Story
	l.seq = next
	age, _ := l.groups.Age(a.ID)
	out := store.Linked{
		Sketches:      []store.Sketch{{ID: a.ID, Group: a.Group, Data: wrap(l.seq, age, sk.Marshal())}},
		Stories:       sr.Put,
		DeleteStories: sr.Delete,
	}
	for _, t := range sr.Threads {
		out.Threads = append(out.Threads, store.StoryThread{ID: t.Story, Thread: t.Thread})
	}
	for _, c := range r.Changes {
		out.Links = append(out.Links, store.Link{ID: c.ID, DuplicateOf: c.DuplicateOf, Group: c.Group, Story: l.stories.StoryOf(c.ID)})
	}
	l.last = l.last[:0]
	for _, e := range r.Evicted {
		m := store.Sketch{ID: e.ID, Group: e.Group, Data: marker(e.Age)}
		if e.ID == a.ID {
			out.Sketches[0] = m
			continue
		}
		out.Sketches = append(out.Sketches, m)
		l.last = append(l.last, m)
		switch {
		case e.DuplicateOf != "":
			l.goneCopies++
		case e.Group != "":
			l.goneGroups++
		}
	}
	if l.since++; l.since >= saveEvery {
		out.State = l.State()
	}
	if r.Swept {
		if out.State == nil {
			out.State = map[string][]byte{}
		}
		out.State[stateCutoff] = l.cutoffState()
	}
	return l.withPending(out)
}

// withPending adds the evictions left over from a failed Link to out.
func (l *Linker) withPending(out store.Linked) store.Linked {
	if len(l.pending) == 0 {
		return out
	}
	out.Sketches = append(l.pending, out.Sketches...)
	l.pending = nil
	if out.State == nil {
		out.State = map[string][]byte{}
	}
	out.State[stateCutoff] = l.cutoffState()
	return out
}

// mayBeEvicted reports whether a could be an article the linker held once
// and evicted: one older than the cutoff, or without a published time.
func (l *Linker) mayBeEvicted(a *news.Article) bool {
	c, _ := l.groups.Swept()
	if c == dedup.NoCutoff || l.st == nil {
		return false
	}
	return a.Published.IsZero() || a.Published.Unix() < c
}

// storedLinks gives a the links it is stored with when the store holds it
// as evicted, and reports whether it did.
func (l *Linker) storedLinks(a *news.Article) bool {
	if l.st == nil {
		return false
	}
	sk, err := l.st.Sketch(l.ctx, a.ID)
	if err != nil {
		if !errors.Is(err, news.ErrNotFound) {
			l.log.Warn("link: reading a stored sketch; linking the article again", slog.String("id", a.ID), slog.String("error", err.Error()))
		}
		return false
	}
	if _, ok := unmarker(sk.Data); !ok {
		return false
	}
	old, err := l.st.Get(l.ctx, a.ID)
	if err != nil {
		l.log.Warn("link: reading a stored article; linking it again", slog.String("id", a.ID), slog.String("error", err.Error()))
		return false
	}
	a.Group, a.DuplicateOf, a.Story = old.Group, old.DuplicateOf, old.Story
	return true
}

// cutoffState encodes the grouper's last sweep for the store.
func (l *Linker) cutoffState() []byte {
	c, seq := l.groups.Swept()
	return binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(nil, uint64(c)), seq)
}

// State returns the engine state to store now and then (and at the end of
// a run): the story engine's frequency tables and the window's cutoff.
func (l *Linker) State() map[string][]byte {
	l.since = 0
	return map[string][]byte{stateFrequencies: l.stories.Frequencies(), stateCutoff: l.cutoffState()}
}

// Forget takes the article id out of groups and stories: for an article
// Link was called for but that could not be stored. What Link changed of
// other articles is undone in memory as far as it can be (a canonical copy
// chosen again, a group of one dissolved); the store never saw it. What
// the window evicted stays evicted, and is written with the next Link.
func (l *Linker) Forget(id string) {
	l.groups.Remove(id)
	l.stories.Remove(id)
	l.pending = append(l.pending, l.last...)
	l.last = l.last[:0]
}

// Unlink undoes the Links of articles that were not stored after all (a
// batch the store refused): ids are the articles in the order they were
// linked, outs what Link returned for each. Each article Link added or
// changed is forgotten, last first, as Forget does; one Link left as it was
// (unchanged, or held by the store alone) stays. The evictions outs carried
// for other articles are written with the next Link.
func (l *Linker) Unlink(ids []string, outs []store.Linked) {
	in := make(map[string]bool, len(ids))
	for _, id := range ids {
		in[id] = true
	}
	var ev []store.Sketch
	for _, o := range outs {
		for _, sk := range o.Sketches {
			if _, ok := unmarker(sk.Data); ok && !in[sk.ID] {
				ev = append(ev, sk)
			}
		}
	}
	for i := len(ids) - 1; i >= 0; i-- {
		if slices.ContainsFunc(outs[i].Sketches, func(sk store.Sketch) bool { return sk.ID == ids[i] }) {
			l.groups.Remove(ids[i])
			l.stories.Remove(ids[i])
		}
	}
	l.pending = append(l.pending, ev...)
	l.last = l.last[:0]
}

// Load returns a Linker holding the state kept in st. Articles stored
// without a sketch (by a version of khabar before groups and stories, or
// with a sketch of another version) are linked now, in published order,
// and their links stored.
func Load(ctx context.Context, st store.Store, opt Options) (*Linker, error) {
	l := New(opt)
	l.st, l.ctx = st, ctx
	cut, err := st.State(ctx, stateCutoff)
	if err != nil {
		return nil, fmt.Errorf("link: load: %w", err)
	}
	if len(cut) == 16 {
		l.groups.SetSwept(int64(binary.LittleEndian.Uint64(cut)), binary.LittleEndian.Uint64(cut[8:]))
		l.stories.Retire(l.groups.Cutoff(), l.groups.RecentSince())
	}
	freq, err := st.State(ctx, stateFrequencies)
	if err != nil {
		return nil, fmt.Errorf("link: load: %w", err)
	}
	if err := l.stories.LoadFrequencies(freq); err != nil {
		l.log.Warn("story frequencies unreadable; counting again", slog.String("error", err.Error()))
	}
	err = st.EachStory(ctx, func(s *store.Story) error {
		l.stories.Load(s)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("link: load stories: %w", err)
	}
	type loaded struct {
		seq   uint64
		age   int64
		s     *dedup.Sketch
		group string
	}
	var (
		all   []loaded
		count int
		// remade are sketches to make again (another version, unreadable).
		remade = map[string]bool{}
	)
	err = st.EachSketch(ctx, func(k store.Sketch) error {
		count++
		if _, ok := unmarker(k.Data); ok {
			return nil
		}
		seq, age, data := unwrap(k.Data)
		s, err := dedup.UnmarshalSketch(k.ID, data)
		if errors.Is(err, dedup.ErrSketchVersion) {
			remade[k.ID] = true
			return nil // made again below
		}
		if err != nil {
			l.log.Warn("unreadable sketch; linking the article again", slog.String("id", k.ID), slog.String("error", err.Error()))
			remade[k.ID] = true
			return nil
		}
		all = append(all, loaded{seq, age, s, k.Group})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("link: load sketches: %w", err)
	}
	// In the order they were linked, so that the grouper holds them as it
	// did (which exact copy is met first, which copy is canonical): a
	// linker that takes over links the next articles as the last one
	// would have. Sketches stored before they were numbered come first.
	slices.SortStableFunc(all, func(a, b loaded) int { return cmp.Compare(a.seq, b.seq) })
	for _, x := range all {
		l.groups.Load(x.s, x.group, x.age, x.seq)
		l.seq = max(l.seq, x.seq)
	}
	all = nil
	// A store linked by a version without the window, or one whose last
	// evictions were not stored, is swept now.
	if ev := l.groups.Sweep(); len(ev) > 0 {
		l.stories.Retire(l.groups.Cutoff(), l.groups.RecentSince())
		var out store.Linked
		for _, e := range ev {
			out.Sketches = append(out.Sketches, store.Sketch{ID: e.ID, Group: e.Group, Data: marker(e.Age)})
		}
		out.State = map[string][]byte{stateCutoff: l.cutoffState()}
		if err := st.ApplyLinked(ctx, out); err != nil {
			return nil, fmt.Errorf("link: load: %w", err)
		}
		l.log.Info("link: evicted articles older than the window", slog.Int("articles", len(ev)))
	}
	n, err := st.Count(ctx)
	if err != nil {
		return nil, fmt.Errorf("link: load: %w", err)
	}
	if have := count - len(remade); have < n {
		l.log.Info("linking stored articles that have no sketch", slog.Int("articles", n-have))
		if err := l.catchUp(ctx, st, remade); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// catchUp links the stored articles that have no sketch, or one in
// remade, oldest first.
func (l *Linker) catchUp(ctx context.Context, st store.Store, remade map[string]bool) error {
	err := st.Each(ctx, func(a *news.Article) error {
		if !remade[a.ID] {
			if _, err := st.Sketch(ctx, a.ID); err == nil {
				return nil
			} else if !errors.Is(err, news.ErrNotFound) {
				return err
			}
		}
		out := l.Link(a)
		out.Links = append(out.Links, store.Link{ID: a.ID, DuplicateOf: a.DuplicateOf, Group: a.Group, Story: a.Story})
		return st.ApplyLinked(ctx, out)
	})
	if err != nil {
		return fmt.Errorf("link: catch up: %w", err)
	}
	return st.ApplyLinked(ctx, store.Linked{State: l.State()})
}

// Stats count what a rebuild made.
type Stats struct {
	Articles, Groups, Copies, Stories, Threads int
}

// Rebuild forgets the groups and stories of st and links every stored
// article again, oldest published first, storing links in batches.
// progress, when not nil, is called after every batch with the number of
// articles linked so far.
func Rebuild(ctx context.Context, st store.Store, opt Options, progress func(done int)) (Stats, error) {
	if err := st.ResetLinks(ctx); err != nil {
		return Stats{}, fmt.Errorf("link: rebuild: %w", err)
	}
	l := New(opt)
	l.st, l.ctx = st, ctx
	var (
		batch store.Linked
		stats Stats
		size  int
	)
	flush := func() error {
		if batch.Empty() {
			return nil
		}
		err := st.ApplyLinked(ctx, batch)
		batch, size = store.Linked{}, 0
		if progress != nil {
			progress(stats.Articles)
		}
		return err
	}
	err := st.Each(ctx, func(a *news.Article) error {
		out := l.Link(a)
		out.Links = append(out.Links, store.Link{ID: a.ID, DuplicateOf: a.DuplicateOf, Group: a.Group, Story: a.Story})
		batch = merge(batch, out)
		stats.Articles++
		if size++; size >= 256 {
			return flush()
		}
		return nil
	})
	if err == nil {
		batch = merge(batch, store.Linked{State: l.State()})
		err = flush()
	}
	if err != nil {
		return stats, fmt.Errorf("link: rebuild: %w", err)
	}
	return l.count(stats), nil
}

// count fills the group and story counts of s from l's state.
func (l *Linker) count(s Stats) Stats {
	gs, copies := l.groups.Counts()
	s.Groups, s.Copies = gs+l.goneGroups, copies+l.goneCopies
	s.Stories, s.Threads = l.stories.Len(), l.stories.ThreadCount()
	return s
}

// merge appends b's changes to a; later values of one id win when stored
// (the store applies them in order).
func merge(a, b store.Linked) store.Linked {
	a.Sketches = append(a.Sketches, b.Sketches...)
	a.Links = append(a.Links, b.Links...)
	// A story put again replaces the earlier put; a deleted one is
	// dropped from the puts before it.
	for _, s := range b.Stories {
		a.Stories = dropStory(a.Stories, s.ID)
		a.DeleteStories = slices.DeleteFunc(a.DeleteStories, func(id string) bool { return id == s.ID })
		a.Stories = append(a.Stories, s)
	}
	for _, id := range b.DeleteStories {
		a.Stories = dropStory(a.Stories, id)
		a.DeleteStories = append(a.DeleteStories, id)
	}
	// Threads are set after every story put, so a later thread of a
	// retired story is never undone by an earlier put of it.
	a.Threads = append(a.Threads, b.Threads...)
	if len(b.State) > 0 {
		if a.State == nil {
			a.State = map[string][]byte{}
		}
		for k, v := range b.State {
			a.State[k] = v
		}
	}
	return a
}

func dropStory(ss []*store.Story, id string) []*store.Story {
	out := ss[:0]
	for _, s := range ss {
		if s.ID != id {
			out = append(out, s)
		}
	}
	return out
}

// Merge returns a with b's changes after its own, as one store.Linked that
// writes both (later values of one id win). a's slices may be reused.
func Merge(a, b store.Linked) store.Linked { return merge(a, b) }

// A sketch is stored as the linker wrote it: seqMark, its number in the
// order of linking, then dedup's sketch (whose first byte, its version, is
// never a mark); or ageMark, the number, its age in the window
// (dedup.Grouper.Age), then dedup's sketch; or, for an article the window
// evicted, evictedMark and its age.
const (
	seqMark     = 0xA7
	evictedMark = 0xA8
	ageMark     = 0xA9
)

// wrap returns data with its number of linking order and age.
func wrap(seq uint64, age int64, data []byte) []byte {
	b := make([]byte, 0, 1+2*binary.MaxVarintLen64+len(data))
	b = append(b, ageMark)
	b = binary.AppendUvarint(b, seq)
	b = binary.AppendVarint(b, age)
	return append(b, data...)
}

// unwrap returns the number, the age and the dedup sketch of b; a sketch
// stored without a number has 0, and without an age dedup.NoCutoff.
func unwrap(b []byte) (uint64, int64, []byte) {
	if len(b) == 0 || (b[0] != seqMark && b[0] != ageMark) {
		return 0, dedup.NoCutoff, b
	}
	seq, n := binary.Uvarint(b[1:])
	if n <= 0 {
		return 0, dedup.NoCutoff, nil
	}
	rest := b[1+n:]
	if b[0] == seqMark {
		return seq, dedup.NoCutoff, rest
	}
	age, m := binary.Varint(rest)
	if m <= 0 {
		return 0, dedup.NoCutoff, nil
	}
	return seq, age, rest[m:]
}

// marker is the stored sketch of an evicted article.
func marker(age int64) []byte {
	return binary.AppendVarint([]byte{evictedMark}, age)
}

// unmarker reports whether b is an eviction marker, with its age.
func unmarker(b []byte) (int64, bool) {
	if len(b) == 0 || b[0] != evictedMark {
		return 0, false
	}
	age, n := binary.Varint(b[1:])
	return age, n > 0
}
