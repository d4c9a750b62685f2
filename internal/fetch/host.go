package fetch

import (
	"context"
	"time"
)

// host is the politeness state of one host name: a one-slot semaphore so
// that one request at a time goes out, the earliest time the next may
// start, a Retry-After back-off, and the cached robots.txt of each of its
// origins.
type host struct {
	key  string
	slot chan struct{}

	// Guarded by holding slot.
	next     time.Time // earliest start of the next request
	until    time.Time // Retry-After: nothing is sent before this
	untilFor int       // the status code that asked for the wait

	// robotsLock is held while robots.txt is fetched, so that it is
	// fetched once however many requests wait for it; it also guards
	// robots, keyed by origin.
	robotsLock chan struct{}
	robots     map[string]*robotsEntry
}

func newHost(key string) *host {
	return &host{
		key:        key,
		slot:       make(chan struct{}, 1),
		robotsLock: make(chan struct{}, 1),
		robots:     make(map[string]*robotsEntry),
	}
}

// acquire waits, respecting ctx, until the host is free and its delay has
// passed. When the host asked us to wait (Retry-After) and that time has not
// come, it returns a deferred *StatusError at once instead of waiting.
func (h *host) acquire(ctx context.Context, now func() time.Time) error {
	select {
	case h.slot <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	t := now()
	if t.Before(h.until) {
		code := h.untilFor
		wait := h.until.Sub(t)
		<-h.slot
		return &StatusError{Code: code, RetryAfter: wait, Deferred: true}
	}
	if wait := h.next.Sub(t); wait > 0 {
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case <-timer.C:
		case <-ctx.Done():
			<-h.slot
			return ctx.Err()
		}
	}
	return nil
}

// release frees the host after a request that ended at end, leaving delay
// before the next and, when the server sent Retry-After with code,
// retryAfter before anything at all.
func (h *host) release(end time.Time, delay, retryAfter time.Duration, code int) {
	h.next = end.Add(delay)
	if retryAfter > 0 {
		h.until = end.Add(retryAfter)
		h.untilFor = code
		if h.until.After(h.next) {
			h.next = h.until
		}
	}
	<-h.slot
}

// notBefore makes sure the next request to h starts no earlier than t.
func (h *host) notBefore(ctx context.Context, t time.Time) error {
	select {
	case h.slot <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	if t.After(h.next) {
		h.next = t
	}
	<-h.slot
	return nil
}

// lockRobots takes the robots lock, respecting ctx.
func (h *host) lockRobots(ctx context.Context) error {
	select {
	case h.robotsLock <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (h *host) unlockRobots() { <-h.robotsLock }
