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
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"

	"khabar/internal/dedup"
	"khabar/internal/news"
	"khabar/internal/store"
	"khabar/internal/story"
)

// stateFrequencies names the story engine's frequency tables in the store.
const stateFrequencies = "story.frequencies"

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
type Linker struct {
	groups  *dedup.Grouper
	stories *story.Engine
	sk      dedup.Sketcher
	log     *slog.Logger
	since   int
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
// keeps its links, and nothing else changes.
func (l *Linker) Link(a *news.Article) store.Linked {
	sk := l.sk.Sketch(a)
	r := l.groups.Add(sk)
	a.Group, a.DuplicateOf = r.Group, r.DuplicateOf
	if r.Unchanged {
		if a.Story = l.stories.StoryOf(a.ID); a.Story != "" {
			return store.Linked{}
		}
	}
	copyOf := ""
	if r.Match != nil {
		copyOf = r.Match.ID
	}
	sr := l.stories.Add(a, copyOf)
	a.Story = sr.Story
	out := store.Linked{
		Sketches:      []store.Sketch{{ID: a.ID, Group: a.Group, Data: sk.Marshal()}},
		Stories:       sr.Put,
		DeleteStories: sr.Delete,
	}
	for _, c := range r.Changes {
		out.Links = append(out.Links, store.Link{ID: c.ID, DuplicateOf: c.DuplicateOf, Group: c.Group, Story: l.stories.StoryOf(c.ID)})
	}
	if l.since++; l.since >= saveEvery {
		out.State = l.State()
	}
	return out
}

// State returns the engine state to store now and then (and at the end of
// a run): the story engine's frequency tables.
func (l *Linker) State() map[string][]byte {
	l.since = 0
	return map[string][]byte{stateFrequencies: l.stories.Frequencies()}
}

// Forget takes the article id out of groups and stories: for an article
// Link was called for but that could not be stored. What Link changed of
// other articles is undone in memory as far as it can be (a canonical copy
// chosen again, a group of one dissolved); the store never saw it.
func (l *Linker) Forget(id string) {
	l.groups.Remove(id)
	l.stories.Remove(id)
}

// Load returns a Linker holding the state kept in st. Articles stored
// without a sketch (by a version of khabar before groups and stories, or
// with a sketch of another version) are linked now, in published order,
// and their links stored.
func Load(ctx context.Context, st store.Store, opt Options) (*Linker, error) {
	l := New(opt)
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
	have := map[string]bool{}
	err = st.EachSketch(ctx, func(k store.Sketch) error {
		s, err := dedup.UnmarshalSketch(k.ID, k.Data)
		if errors.Is(err, dedup.ErrSketchVersion) {
			return nil // made again below
		}
		if err != nil {
			l.log.Warn("unreadable sketch; linking the article again", slog.String("id", k.ID), slog.String("error", err.Error()))
			return nil
		}
		l.groups.Load(s, k.Group)
		have[k.ID] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("link: load sketches: %w", err)
	}
	n, err := st.Count(ctx)
	if err != nil {
		return nil, fmt.Errorf("link: load: %w", err)
	}
	if len(have) < n {
		l.log.Info("linking stored articles that have no sketch", slog.Int("articles", n-len(have)))
		if err := l.catchUp(ctx, st, have); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// catchUp links the stored articles not in have, oldest first.
func (l *Linker) catchUp(ctx context.Context, st store.Store, have map[string]bool) error {
	err := st.Each(ctx, func(a *news.Article) error {
		if have[a.ID] {
			return nil
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
	s.Groups, s.Copies = gs, copies
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
