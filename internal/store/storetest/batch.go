package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"khabar/internal/store"
)

// testPutLinkedBatch: a batch is PutLinked for each item in order, in one
// transaction; a batch one item spoils stores nothing of it and names the
// item, and the others go in without it.
func testPutLinkedBatch(t *testing.T, s store.Store) {
	ctx := t.Context()
	if outs, err := s.PutLinkedBatch(ctx, nil); err != nil || len(outs) != 0 {
		t.Fatalf("empty batch = %v, %v", outs, err)
	}
	put(t, s, article("b0", 0, "hi"), "h0", store.New)
	a := article("b1", 1, "hi")
	a.Story = "s1"
	b := article("b2", 2, "hi")
	b.Group, b.DuplicateOf, b.Story = "g1", "b1", "s1"
	// b0 comes again, changed, after a link that put it in g1: its own
	// fields win, as they would one article at a time.
	b0 := article("b0", 0, "hi")
	b0.Text = "Body of b0, changed."
	items := []store.LinkedItem{
		{Article: a, Hash: "h1", Linked: store.Linked{
			Sketches: []store.Sketch{{ID: "b1", Data: []byte("sketch-1")}},
			Stories:  []*store.Story{story("s1", 1, 1, "b1")},
		}},
		{Article: b, Hash: "h2", Linked: store.Linked{
			Sketches: []store.Sketch{{ID: "b2", Group: "g1", Data: []byte("sketch-2")}},
			Links:    []store.Link{{ID: "b1", Group: "g1", Story: "s1"}, {ID: "b0", Group: "g1", DuplicateOf: "b1"}},
			Stories:  []*store.Story{story("s1", 1, 2, "b1", "b2")},
		}},
		{Article: b0, Hash: "h0b", Linked: store.Linked{State: map[string][]byte{"batch": []byte("1")}}},
		{Article: article("b3", 3, "en"), Hash: "h3"},
		// The same article twice: the second is unchanged.
		{Article: article("b3", 3, "en"), Hash: "h3"},
	}
	outs, err := s.PutLinkedBatch(ctx, items)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Outcome{store.New, store.New, store.Updated, store.New, store.Unchanged}
	if !slices.Equal(outs, want) {
		t.Fatalf("outcomes = %v, want %v", outs, want)
	}
	for _, w := range []store.Link{
		{ID: "b1", Group: "g1", Story: "s1"},
		{ID: "b2", Group: "g1", DuplicateOf: "b1", Story: "s1"},
		{ID: "b0"},
	} {
		if got := links(t, s, w.ID); got != w {
			t.Errorf("links of %s = %+v, want %+v", w.ID, got, w)
		}
	}
	if got, err := s.Get(ctx, "b0"); err != nil || got.Text != b0.Text {
		t.Errorf("b0 = %+v, %v; want the changed text", got, err)
	}
	if sy, err := s.GetStory(ctx, "s1"); err != nil || !slices.Equal(sy.Articles, []string{"b1", "b2"}) {
		t.Errorf("story s1 = %+v, %v", sy, err)
	}
	if sk := sketches(t, s); string(sk["b2"].Data) != "sketch-2" || sk["b1"].Group != "g1" {
		t.Errorf("sketches = %+v", sk)
	}
	if st, err := s.State(ctx, "batch"); err != nil || string(st) != "1" {
		t.Errorf("state = %q, %v", st, err)
	}

	// One item spoils the batch: nothing of it is stored, the error names
	// it, and the batch without it goes in.
	n0, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		bad  store.LinkedItem
	}{
		{"empty hash", store.LinkedItem{Article: article("c2", 5, "hi")}},
		{"no id", store.LinkedItem{Article: article("", 5, "hi"), Hash: "h"}},
		{"story without id", store.LinkedItem{Article: article("c2", 5, "hi"), Hash: "h",
			Linked: store.Linked{Stories: []*store.Story{{Title: "no id"}}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			batch := []store.LinkedItem{
				{Article: article("c1", 4, "hi"), Hash: "h", Linked: store.Linked{
					Sketches: []store.Sketch{{ID: "c1", Data: []byte("c")}},
					State:    map[string][]byte{"batch": []byte("2")}}},
				tc.bad,
				{Article: article("c3", 6, "en"), Hash: "h"},
			}
			_, err := s.PutLinkedBatch(ctx, batch)
			var ie *store.ItemError
			if !errors.As(err, &ie) || ie.Index != 1 || ie.ID != tc.bad.Article.ID {
				t.Fatalf("error = %v (%#v), want an ItemError for item 1", err, ie)
			}
			if n, err := s.Count(ctx); err != nil || n != n0 {
				t.Fatalf("count after a refused batch = %d, %v; want %d", n, err, n0)
			}
			if _, ok := sketches(t, s)["c1"]; ok {
				t.Error("a sketch of the refused batch was stored")
			}
			if st, _ := s.State(ctx, "batch"); string(st) != "1" {
				t.Errorf("state after a refused batch = %q, want 1", st)
			}
		})
	}
	rest := []store.LinkedItem{{Article: article("c1", 4, "hi"), Hash: "h"}, {Article: article("c3", 6, "en"), Hash: "h"}}
	if outs, err := s.PutLinkedBatch(ctx, rest); err != nil || !slices.Equal(outs, []store.Outcome{store.New, store.New}) {
		t.Fatalf("the batch without the bad item = %v, %v", outs, err)
	}
	// A cancelled context stores nothing.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.PutLinkedBatch(cctx, []store.LinkedItem{{Article: article("d1", 7, "hi"), Hash: "h"}}); err == nil {
		t.Error("a batch was stored with a cancelled context")
	}
	if _, err := s.Get(ctx, "d1"); err == nil {
		t.Error("d1 stored with a cancelled context")
	}
}
