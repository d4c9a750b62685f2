package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/store"
)

// memStore is a minimal in-memory store.Store for exercising the ingester.
type memStore struct {
	mu      sync.Mutex
	arts    map[string]*news.Article
	hash    map[string]string
	indexed map[string]string
	failID  string
	// plain makes a refused batch fail with an error that names no item.
	plain bool
	// Following and raw inputs are not used by ingest.
	store.Follower
	store.Raws
}

var _ store.Store = (*memStore)(nil)

func newMem() *memStore {
	return &memStore{arts: map[string]*news.Article{}, hash: map[string]string{}, indexed: map[string]string{}}
}

func (m *memStore) Put(_ context.Context, a *news.Article, h string) (store.Outcome, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a.ID == m.failID {
		return 0, errors.New("disk says no")
	}
	old, ok := m.hash[a.ID]
	switch {
	case ok && old == h:
		return store.Unchanged, nil
	case ok:
		m.arts[a.ID], m.hash[a.ID] = a, h
		return store.Updated, nil
	}
	m.arts[a.ID], m.hash[a.ID] = a, h
	return store.New, nil
}
func (m *memStore) Get(_ context.Context, id string) (*news.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a, ok := m.arts[id]; ok {
		return a, nil
	}
	return nil, news.ErrNotFound
}
func (m *memStore) GetMany(context.Context, []string) ([]*news.Article, error) { return nil, nil }
func (m *memStore) List(context.Context, store.Filter) (store.Page, error)     { return store.Page{}, nil }
func (m *memStore) Each(context.Context, func(*news.Article) error) error      { return nil }
func (m *memStore) Count(context.Context) (int, error)                         { return len(m.arts), nil }
func (m *memStore) Pending(_ context.Context, limit int) ([]*news.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []*news.Article
	for id, h := range m.hash {
		if m.indexed[id] != h && len(out) < limit {
			out = append(out, m.arts[id])
		}
	}
	return out, nil
}
func (m *memStore) MarkIndexed(_ context.Context, ids []string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, id := range ids {
		m.indexed[id] = m.hash[id]
	}
	return nil
}
func (m *memStore) Close() error { return nil }

func (m *memStore) PutLinked(ctx context.Context, a *news.Article, h string, _ store.Linked) (store.Outcome, error) {
	return m.Put(ctx, a, h)
}
func (m *memStore) PutLinkedBatch(ctx context.Context, items []store.LinkedItem) ([]store.Outcome, error) {
	// All or nothing: the refused article is looked for first.
	for i, it := range items {
		if it.Article.ID == m.failID {
			if m.plain {
				return nil, errors.New("the batch says no")
			}
			return nil, &store.ItemError{Index: i, ID: it.Article.ID, Err: errors.New("disk says no")}
		}
	}
	out := make([]store.Outcome, len(items))
	for i, it := range items {
		o, err := m.Put(ctx, it.Article, it.Hash)
		if err != nil {
			return nil, err
		}
		out[i] = o
	}
	return out, nil
}
func (m *memStore) ApplyLinked(context.Context, store.Linked) error            { return nil }
func (m *memStore) EachSketch(context.Context, func(store.Sketch) error) error { return nil }
func (m *memStore) Sketch(_ context.Context, id string) (store.Sketch, error) {
	return store.Sketch{}, fmt.Errorf("sketch %q: %w", id, news.ErrNotFound)
}
func (m *memStore) Group(context.Context, string) ([]*news.Article, error) { return nil, nil }
func (m *memStore) GetStory(context.Context, string) (*store.Story, error) {
	return nil, news.ErrNotFound
}
func (m *memStore) ListStories(context.Context, store.StoryFilter) (store.StoryPage, error) {
	return store.StoryPage{}, nil
}
func (m *memStore) EachStory(context.Context, func(*store.Story) error) error { return nil }
func (m *memStore) State(context.Context, string) ([]byte, error)             { return nil, nil }
func (m *memStore) ResetLinks(context.Context) error                          { return nil }

type memIndex struct {
	mu   sync.Mutex
	docs map[string]string
	fail bool
}

func (x *memIndex) Index(_ context.Context, arts []*news.Article) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.fail {
		return errors.New("index is read-only")
	}
	for _, a := range arts {
		x.docs[a.ID] = a.Text
	}
	return nil
}

type title struct{}

func (title) Name() string { return "title" }
func (title) Process(_ context.Context, a *news.Article) error {
	a.Text = a.Raw.Body
	a.Title = a.Raw.Hints.Title
	return nil
}

func feedOf(bodies map[string]string, order []string) func(context.Context, func(pipeline.Job) error) error {
	return func(_ context.Context, send func(pipeline.Job) error) error {
		for _, id := range order {
			j := pipeline.Job{Name: id + ".txt", Article: &news.Article{ID: id, Raw: news.Raw{Body: bodies[id]}}}
			if bodies[id] == "" {
				j = pipeline.Job{Name: id + ".txt", Err: news.ErrEmpty}
			}
			if err := send(j); err != nil {
				return err
			}
		}
		return nil
	}
}

func newIngester(t *testing.T, st store.Store, ix Index) *Ingester {
	t.Helper()
	g, err := New(Options{
		Store: st, Index: ix, Pipeline: pipeline.New([]pipeline.Stage{title{}}, pipeline.Options{Workers: 2}),
		Hash: func(a *news.Article) string { return a.Raw.Body }, Version: "test", IndexBatch: 3,
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestIngestIdempotentAndUpdates(t *testing.T) {
	st, ix := newMem(), &memIndex{docs: map[string]string{}}
	bodies := map[string]string{"a": "पुतिन", "b": "ट्रंप", "c": "", "d": "मोदी", "e": "Biden", "f": "लावरोव"}
	order := []string{"a", "b", "c", "d", "e", "f"}

	s1, err := newIngester(t, st, ix).Run(t.Context(), feedOf(bodies, order))
	if err != nil {
		t.Fatal(err)
	}
	if s1.New != 5 || s1.Failed != 1 || s1.Indexed != 5 || s1.Failures[0].Name != "c.txt" {
		t.Fatalf("first run: %+v", s1)
	}
	bodies["b"] = "ट्रम्प"
	s2, err := newIngester(t, st, ix).Run(t.Context(), feedOf(bodies, order))
	if err != nil {
		t.Fatal(err)
	}
	if s2.New != 0 || s2.Updated != 1 || s2.Unchanged != 4 || s2.Indexed != 1 {
		t.Fatalf("second run: %+v", s2)
	}
	if ix.docs["b"] != "ट्रम्प" || len(ix.docs) != 5 {
		t.Errorf("index = %v", ix.docs)
	}
	if len(s2.Stages) != 1 || s2.Stages[0].Articles != 5 {
		t.Errorf("stage times = %+v", s2.Stages)
	}
}

func TestIngestRecoversUnindexed(t *testing.T) {
	st, ix := newMem(), &memIndex{docs: map[string]string{}, fail: true}
	bodies := map[string]string{"a": "x", "b": "y"}
	_, err := newIngester(t, st, ix).Run(t.Context(), feedOf(bodies, []string{"a", "b"}))
	if err == nil {
		t.Fatal("index failure not reported")
	}
	if n, _ := st.Count(t.Context()); n != 2 {
		t.Fatalf("stored %d, want 2 (store must keep what it took)", n)
	}
	ix.fail = false
	s, err := newIngester(t, st, ix).Run(t.Context(), feedOf(bodies, []string{"a", "b"}))
	if err != nil {
		t.Fatal(err)
	}
	if s.Unchanged != 2 || s.Indexed != 2 || len(ix.docs) != 2 {
		t.Fatalf("recovery run: %+v, index %v", s, ix.docs)
	}
}

// TestIngestStoreRefusesOne: an article the store refuses fails alone,
// named; the others of its batch are stored, whether the store says which
// article spoiled the batch or not.
func TestIngestStoreRefusesOne(t *testing.T) {
	for _, plain := range []bool{false, true} {
		t.Run(fmt.Sprint("plain=", plain), func(t *testing.T) {
			st, ix := newMem(), &memIndex{docs: map[string]string{}}
			st.failID, st.plain = "b", plain
			bodies := map[string]string{"a": "x", "b": "y", "c": "z", "d": "w"}
			s, err := newIngester(t, st, ix).Run(t.Context(), feedOf(bodies, []string{"a", "b", "c", "d"}))
			if err != nil {
				t.Fatal(err)
			}
			if s.New != 3 || s.Failed != 1 || s.Failures[0].Name != "b.txt" || len(ix.docs) != 3 {
				t.Fatalf("%+v, index %v", s, ix.docs)
			}
			if n, _ := st.Count(t.Context()); n != 3 {
				t.Errorf("stored %d, want 3", n)
			}
		})
	}
}

// TestIngestBatchWait: a batch that is not full is stored once its first
// article waited BatchWait, without another article coming.
func TestIngestBatchWait(t *testing.T) {
	st, ix := newMem(), &memIndex{docs: map[string]string{}}
	g := newIngester(t, st, ix)
	g.opt.BatchWait = 20 * time.Millisecond
	var seen int
	s, err := g.Run(t.Context(), func(ctx context.Context, send func(pipeline.Job) error) error {
		if err := send(pipeline.Job{Name: "a.txt", Article: &news.Article{ID: "a", Raw: news.Raw{Body: "x"}}}); err != nil {
			return err
		}
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if seen = g.Progress().New; seen == 1 {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		return send(pipeline.Job{Name: "b.txt", Article: &news.Article{ID: "b", Raw: news.Raw{Body: "y"}}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != 1 || s.New != 2 {
		t.Fatalf("stored before the second article: %d (want 1); summary %+v", seen, s)
	}
}

func BenchmarkIngest(b *testing.B) {
	bodies := map[string]string{}
	var order []string
	for i := range 200 {
		id := fmt.Sprint(i)
		bodies[id], order = "पाठ "+id, append(order, id)
	}
	for b.Loop() {
		st, ix := newMem(), &memIndex{docs: map[string]string{}}
		g, _ := New(Options{Store: st, Index: ix, Pipeline: pipeline.New([]pipeline.Stage{title{}}, pipeline.Options{}), Hash: func(a *news.Article) string { return a.Raw.Body }})
		if _, err := g.Run(b.Context(), feedOf(bodies, order)); err != nil {
			b.Fatal(err)
		}
	}
}
