package postgres

import (
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
	"khabar/internal/store/postgres/pgtest"
)

// TestPutLinkedBatch: articles and links in one transaction; a batch the
// store refuses leaves nothing of it behind.
func TestPutLinkedBatch(t *testing.T) {
	ctx := t.Context()
	s := openURL(t, pgtest.URL(t))
	when := time.Date(2025, 3, 12, 9, 0, 0, 0, time.UTC)
	a := &news.Article{ID: "a1", Title: "दिल्ली में बारिश", Text: "दिल्ली में आज भारी बारिश हुई।", Lang: "hi", Published: when,
		Raw: news.Raw{Body: "दिल्ली में आज भारी बारिश हुई।", Format: "text"}}
	b := &news.Article{ID: "b1", Title: "Rain in Delhi", Text: "Delhi saw heavy rain today.", Lang: "en", Published: when.Add(time.Hour),
		DuplicateOf: "a1", Group: "ga1"}
	l := store.Linked{
		Sketches: []store.Sketch{{ID: "a1", Group: "ga1", Data: []byte{1}}, {ID: "b1", Group: "ga1", Data: []byte{2}}},
		Links:    []store.Link{{ID: "a1", Group: "ga1"}},
		Stories:  []*store.Story{{ID: "sa1", Title: "बारिश", Start: when, End: when.Add(time.Hour), Articles: []string{"a1", "b1"}}},
		State:    map[string][]byte{"queue.linked": []byte("1 2")},
	}
	outs, err := s.PutLinkedBatch(ctx, []*news.Article{a, b}, []string{"h1", "h2"}, l)
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != 2 || outs[0] != store.New || outs[1] != store.New {
		t.Fatalf("outcomes = %v, want new, new", outs)
	}
	got, err := s.Get(ctx, "a1")
	if err != nil || got.Group != "ga1" || got.DuplicateOf != "" {
		t.Fatalf("a1 = %+v, %v", got, err)
	}
	if got, err := s.Get(ctx, "b1"); err != nil || got.DuplicateOf != "a1" {
		t.Fatalf("b1 = %+v, %v", got, err)
	}
	if st, err := s.State(ctx, "queue.linked"); err != nil || string(st) != "1 2" {
		t.Fatalf("state = %q, %v", st, err)
	}
	if sy, err := s.GetStory(ctx, "sa1"); err != nil || len(sy.Articles) != 2 {
		t.Fatalf("story = %+v, %v", sy, err)
	}
	// Again, the same: unchanged.
	if outs, err := s.PutLinkedBatch(ctx, []*news.Article{a}, []string{"h1"}, store.Linked{}); err != nil || outs[0] != store.Unchanged {
		t.Fatalf("again: %v, %v", outs, err)
	}
	// A batch with one bad article stores none of it, state included.
	c := &news.Article{ID: "c1", Title: "x", Text: "y", Lang: "en"}
	bad := store.Linked{State: map[string][]byte{"queue.linked": []byte("1 9")}}
	if _, err := s.PutLinkedBatch(ctx, []*news.Article{c, {ID: ""}}, []string{"h3", "h4"}, bad); err == nil {
		t.Fatal("a batch with an article without id was stored")
	}
	if _, err := s.Get(ctx, "c1"); err == nil {
		t.Error("c1 stored from a refused batch")
	}
	if st, _ := s.State(ctx, "queue.linked"); string(st) != "1 2" {
		t.Errorf("state after a refused batch = %q, want the one before", st)
	}
	if _, err := s.PutLinkedBatch(ctx, []*news.Article{a}, nil, store.Linked{}); err == nil {
		t.Error("no error for a batch without hashes")
	}
}
