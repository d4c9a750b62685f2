package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

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

func TestIngestStoreRefusesOne(t *testing.T) {
	st, ix := newMem(), &memIndex{docs: map[string]string{}}
	st.failID = "b"
	s, err := newIngester(t, st, ix).Run(t.Context(), feedOf(map[string]string{"a": "x", "b": "y", "c": "z"}, []string{"a", "b", "c"}))
	if err != nil {
		t.Fatal(err)
	}
	if s.New != 2 || s.Failed != 1 || s.Failures[0].Name != "b.txt" {
		t.Fatalf("%+v", s)
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
