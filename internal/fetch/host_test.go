package fetch

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// TestHostTurns checks the per-host rules in a bubble of fake time, without
// a network: one holder at a time, the delay after each release, the
// Retry-After back-off, and ctx while waiting.
func TestHostTurns(t *testing.T) {
	t.Run("one at a time with delay", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			h := newHost("http://a.example")
			start := time.Now()
			var mu sync.Mutex
			var starts []time.Duration
			var wg sync.WaitGroup
			for range 4 {
				wg.Go(func() {
					if err := h.acquire(t.Context(), time.Now); err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					starts = append(starts, time.Since(start))
					mu.Unlock()
					time.Sleep(100 * time.Millisecond) // the request
					h.release(time.Now(), time.Second, 0, 200)
				})
			}
			wg.Wait()
			want := []time.Duration{0, 1100 * time.Millisecond, 2200 * time.Millisecond, 3300 * time.Millisecond}
			for i := range want {
				if starts[i] != want[i] {
					t.Errorf("start %d at %v, want %v (all: %v)", i, starts[i], want[i], starts)
				}
			}
		})
	})
	t.Run("retry-after", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			h := newHost("http://a.example")
			if err := h.acquire(t.Context(), time.Now); err != nil {
				t.Fatal(err)
			}
			h.release(time.Now(), time.Second, 30*time.Second, http.StatusTooManyRequests)
			time.Sleep(10 * time.Second)
			err := h.acquire(t.Context(), time.Now)
			var se *StatusError
			if !errors.As(err, &se) || !se.Deferred || se.Code != http.StatusTooManyRequests || se.RetryAfter != 20*time.Second {
				t.Fatalf("acquire during back-off = %#v", err)
			}
			time.Sleep(20 * time.Second)
			if err := h.acquire(t.Context(), time.Now); err != nil {
				t.Fatalf("acquire after back-off: %v", err)
			}
			h.release(time.Now(), time.Second, 0, 200)
		})
	})
	t.Run("ctx while waiting", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			h := newHost("http://a.example")
			if err := h.acquire(t.Context(), time.Now); err != nil {
				t.Fatal(err)
			}
			h.release(time.Now(), time.Minute, 0, 200)
			ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
			defer cancel()
			start := time.Now()
			if err := h.acquire(ctx, time.Now); !errors.Is(err, context.DeadlineExceeded) {
				t.Fatalf("acquire = %v, want DeadlineExceeded", err)
			}
			if took := time.Since(start); took != 5*time.Second {
				t.Errorf("gave up after %v, want 5s", took)
			}
			// The slot was given back: after the delay the host is free.
			time.Sleep(time.Minute)
			if err := h.acquire(t.Context(), time.Now); err != nil {
				t.Fatal(err)
			}
		})
	})
}
