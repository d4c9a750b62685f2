package ingest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"khabar/internal/news"
	"khabar/internal/store"
)

// fullStore is a memStore whose disk fills after room articles.
type fullStore struct {
	*memStore
	room int
}

func (f *fullStore) PutLinked(ctx context.Context, a *news.Article, h string, l store.Linked) (store.Outcome, error) {
	f.mu.Lock()
	n := len(f.arts)
	f.mu.Unlock()
	if n >= f.room {
		return store.Unchanged, fmt.Errorf("sqlite: put: %w: database or disk is full (13)", news.ErrDiskFull)
	}
	return f.memStore.PutLinked(ctx, a, h, l)
}

func (f *fullStore) PutLinkedBatch(ctx context.Context, items []store.LinkedItem) ([]store.Outcome, error) {
	f.mu.Lock()
	n := len(f.arts)
	f.mu.Unlock()
	if n+len(items) > f.room {
		return nil, fmt.Errorf("sqlite: put batch: %w: database or disk is full (13)", news.ErrDiskFull)
	}
	return f.memStore.PutLinkedBatch(ctx, items)
}

// TestIngestStopsOnDiskFull is issue 17 #2: a full disk stops the ingest
// once, with an error wrapping news.ErrDiskFull, instead of failing every
// later item; what was stored before is indexed.
func TestIngestStopsOnDiskFull(t *testing.T) {
	st := &fullStore{memStore: newMem(), room: 4}
	ix := &memIndex{docs: map[string]string{}}
	bodies := map[string]string{}
	var order []string
	for i := range 50 {
		id := fmt.Sprintf("a%02d", i)
		bodies[id], order = "पाठ "+id, append(order, id)
	}
	g := newIngester(t, st, ix)
	g.opt.Batch = 2
	s, err := g.Run(t.Context(), feedOf(bodies, order))
	if !errors.Is(err, news.ErrDiskFull) {
		t.Fatalf("err = %v, want news.ErrDiskFull", err)
	}
	if s.Failed != 0 || s.New != 4 {
		t.Errorf("summary %+v: want 4 new and no per-item failures", s)
	}
	if len(ix.docs) != 4 {
		t.Errorf("%d indexed, want the 4 stored", len(ix.docs))
	}
}
