package api

import (
	"context"
	"sync"
	"time"

	"khabar/internal/news"
)

// Reading a large article costs the server most of what an answer costs
// (decoding a record of megabytes), and clients ask for the same article
// at once when it is in the news. Shared makes those reads one.

// sharedTTL is how long Shared answers from what it read; a changed
// article shows within that time.
const sharedTTL = 5 * time.Second

// sharedEntries is how many articles Shared keeps: few, as one may hold
// tens of megabytes.
const sharedEntries = 2

// Shared returns arts with Get answered from a few articles read in the
// last seconds, and with concurrent Gets of one id sharing one read. The
// articles it returns are shared between requests: callers must not
// modify them (the API and the pages do not; Bound copies what it cuts).
func Shared(arts Articles) Articles {
	if _, ok := arts.(*shared); ok || arts == nil {
		return arts
	}
	return &shared{Articles: arts, calls: map[string]*sharedCall{}}
}

type shared struct {
	Articles
	mu    sync.Mutex
	calls map[string]*sharedCall
}

// sharedCall is one read of an article, in flight or done.
type sharedCall struct {
	done chan struct{}
	a    *news.Article
	err  error
	at   time.Time
}

func (s *shared) Get(ctx context.Context, id string) (*news.Article, error) {
	s.mu.Lock()
	c := s.calls[id]
	if c != nil {
		select {
		case <-c.done:
			if c.err != nil || time.Since(c.at) > sharedTTL {
				c = nil // read again
			}
		default: // in flight: wait for it below
		}
	}
	if c == nil {
		c = &sharedCall{done: make(chan struct{})}
		s.evictLocked()
		s.calls[id] = c
		s.mu.Unlock()
		// The read is shared, so it does not stop when the first asker
		// goes away.
		c.a, c.err = s.Articles.Get(context.WithoutCancel(ctx), id)
		c.at = time.Now()
		close(c.done)
		return c.a, c.err
	}
	s.mu.Unlock()
	select {
	case <-c.done:
		return c.a, c.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// evictLocked drops the reads that are done and old, then the oldest done
// ones, until there is room for one more.
func (s *shared) evictLocked() {
	for id, c := range s.calls {
		select {
		case <-c.done:
			if time.Since(c.at) > sharedTTL || c.err != nil {
				delete(s.calls, id)
			}
		default:
		}
	}
	for len(s.calls) >= sharedEntries {
		var oldest string
		var at time.Time
		for id, c := range s.calls {
			select {
			case <-c.done:
				if oldest == "" || c.at.Before(at) {
					oldest, at = id, c.at
				}
			default:
			}
		}
		if oldest == "" {
			return // all in flight; let the map grow for now
		}
		delete(s.calls, oldest)
	}
}

var _ Articles = (*shared)(nil)
