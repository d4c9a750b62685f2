package story

import (
	"math"
	"slices"
	"time"
)

// noCut is the cutoff of an engine that has none.
const noCut = math.MinInt64

// Retire bounds the engine's memory at a cutoff, a time before which the
// caller (the linker) takes no more copies into account, and a position in
// the order of linking: stories that took an article numbered after since
// are kept whatever their age (a backfill of old news arriving now).
// Otherwise:
//
//   - a story whose window has closed before the cutoff (its last article
//     more than Options.Window before it) is retired: it takes no more
//     articles, and keeps in memory only what threads compare (its
//     profile), not its members;
//   - a story whose last article is more than Options.Keep before it is
//     forgotten.
//
// A story without a dated article ages from the cutoff when it began.
// Neither ever moves back. Stories added or changed later are held to the
// same rule as they change, so an engine loaded from a store and given the
// same cutoff and position holds what the engine that stored it held.
func (e *Engine) Retire(cutoff time.Time, since uint64) {
	if cutoff.IsZero() {
		return
	}
	c := cutoff.Unix()
	if c <= e.cut && since <= e.since {
		return
	}
	e.cut, e.since = max(e.cut, c), max(e.since, since)
	for n := range e.stories {
		e.settle(int32(n))
	}
	e.compact()
}

// Held returns how many stories the engine holds whole (live) and as a
// profile for threads (retired).
func (e *Engine) Held() (live, retired int) {
	for _, c := range e.stories {
		switch {
		case c.dead:
		case c.retired:
			retired++
		default:
			live++
		}
	}
	return live, retired
}

// age returns the time of story c that the cutoff is compared with: its
// last article's, or for an undated story the cutoff when it began.
func (c *cluster) age() (int64, bool) {
	if !c.end.IsZero() {
		return c.end.Unix(), true
	}
	if c.born != noCut {
		return c.born, true
	}
	return 0, false
}

// settle retires or forgets story n if the cutoff says so.
func (e *Engine) settle(n int32) {
	if e.cut == noCut || n < 0 || int(n) >= len(e.stories) {
		return
	}
	c := e.stories[n]
	if c == nil || c.dead {
		return
	}
	t, ok := c.age()
	if !ok || c.last > e.since {
		return
	}
	if e.opt.Keep >= 0 && t+int64(e.opt.Keep/time.Second) < e.cut {
		e.forget(n)
		return
	}
	if !c.retired && t+int64(e.opt.Window/time.Second) < e.cut {
		if len(c.ents) == 0 || c.n == 0 {
			// Threads start from shared entities: it can never be one's
			// older story.
			e.forget(n)
			return
		}
		c.retired = true
		for _, id := range c.articles {
			if e.of[id] == n {
				delete(e.of, id)
			}
		}
		c.articles, c.when, c.entities, c.title, c.posted = nil, nil, nil, "", nil
		c.ents = trim(c.ents, retiredEntities)
		for l, v := range c.terms {
			c.terms[l] = trim(v, retiredTerms)
		}
	}
}

// A retired story keeps its strongest entities and terms of each language
// for threads: enough to tell a continuation, at about a kilobyte a story.
const (
	retiredEntities = 24
	retiredTerms    = 40
)

// trim returns the n heaviest components of v, in key order.
func trim(v vector, n int) vector {
	if len(v) <= n {
		return v
	}
	out := strongest(v, n)
	slices.SortFunc(out, func(a, b weight) int { return cmpKey(a.key, b.key) })
	return slices.Clip(out)
}

// forget drops story n from memory.
func (e *Engine) forget(n int32) {
	c := e.stories[n]
	for _, id := range c.articles {
		if e.of[id] == n {
			delete(e.of, id)
		}
	}
	if c.thread != "" {
		if e.goneThreads == nil {
			e.goneThreads = map[string]int{}
		}
		e.goneThreads[c.thread]++
	}
	delete(e.byID, c.id)
	e.gone++
	e.stories[n] = &cluster{id: c.id, dead: true}
}

// compact numbers the stories again without the dead ones once they are
// as many as the live ones, so that memory follows what is held.
func (e *Engine) compact() {
	dead := 0
	for _, c := range e.stories {
		if c.dead {
			dead++
		}
	}
	if dead < compactMin || dead < len(e.stories)-dead {
		return
	}
	renum := make([]int32, len(e.stories))
	var kept []*cluster
	for n, c := range e.stories {
		if c.dead {
			renum[n] = -1
			continue
		}
		renum[n] = int32(len(kept))
		kept = append(kept, c)
	}
	for k, p := range e.post {
		out := p[:0]
		for _, n := range p {
			if r := renum[n]; r >= 0 {
				out = append(out, r)
			}
		}
		if len(out) == 0 {
			delete(e.post, k)
		} else {
			e.post[k] = out
		}
	}
	for id, n := range e.byID {
		e.byID[id] = renum[n]
	}
	for id, n := range e.of {
		e.of[id] = renum[n]
	}
	e.stories, e.stamp, e.query = kept, nil, 0
}

// compactMin is the fewest dead stories worth numbering the stories again
// for.
const compactMin = 1024
