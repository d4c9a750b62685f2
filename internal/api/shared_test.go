package api

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"khabar/internal/api/apitest"
	"khabar/internal/news"
)

// slowGets counts and slows the Gets of an Articles.
type slowGets struct {
	Articles
	n atomic.Int32
}

func (s *slowGets) Get(ctx context.Context, id string) (*news.Article, error) {
	s.n.Add(1)
	time.Sleep(20 * time.Millisecond)
	return s.Articles.Get(ctx, id)
}

func TestSharedOneRead(t *testing.T) {
	under := &slowGets{Articles: apitest.New(apitest.Sample()...)}
	s := Shared(under)
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			if a, err := s.Get(t.Context(), "hi-metro"); err != nil || a.ID != "hi-metro" {
				t.Errorf("Get = %v, %v", a, err)
			}
		})
	}
	wg.Wait()
	if n := under.n.Load(); n != 1 {
		t.Errorf("%d reads for 50 concurrent Gets, want 1", n)
	}
	if _, err := s.Get(t.Context(), "absent"); err == nil {
		t.Error("absent article found")
	}
	if _, err := s.Get(t.Context(), "absent"); err == nil || under.n.Load() != 3 {
		t.Errorf("a failed read is not kept: %d reads", under.n.Load())
	}
	for _, a := range apitest.Sample() {
		if _, err := s.Get(t.Context(), a.ID); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := s.Get(ctx, "new-id-never-read"); err == nil {
		t.Log("a cancelled asker still got the read")
	}
}
