package apitest

import (
	"testing"

	"khabar/internal/news"
	"khabar/internal/search"
	"khabar/internal/store"
)

// TestSampleOffsets checks that the samples' offsets are code points that
// pick out the texts they name.
func TestSampleOffsets(t *testing.T) {
	for _, a := range Sample() {
		runes := []rune(a.Text)
		span := func(start, end int) string {
			if start < 0 || end > len(runes) || start > end {
				return "<out of range>"
			}
			return string(runes[start:end])
		}
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if got := span(m.Start, m.End); got != m.Text {
					t.Errorf("%s: mention %q spans %q", a.ID, m.Text, got)
				}
			}
		}
		for _, tm := range a.Times {
			if got := span(tm.Start, tm.End); got != tm.Text {
				t.Errorf("%s: time %q spans %q", a.ID, tm.Text, got)
			}
		}
		for _, q := range a.Quotes {
			if got := span(q.Start, q.End); got != q.Text {
				t.Errorf("%s: quote %q spans %q", a.ID, q.Text, got)
			}
		}
		for _, e := range a.Events {
			if got := span(e.Start, e.End); got != e.Trigger {
				t.Errorf("%s: event trigger %q spans %q", a.ID, e.Trigger, got)
			}
		}
	}
}

func TestMemory(t *testing.T) {
	m := New(Sample()...)
	ctx := t.Context()
	p, err := m.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range p.Articles {
		ids = append(ids, a.ID)
	}
	want := []string{"hi-flood", "hi-metro", "en-port", "bare"}
	if len(ids) != len(want) {
		t.Fatalf("List ids = %v, want %v", ids, want)
	}
	for i := range want {
		if ids[i] != want[i] {
			t.Fatalf("List ids = %v, want %v", ids, want)
		}
	}
	r, err := m.Search(ctx, search.Query{Text: "मेट्रो"})
	if err != nil || r.Total != 1 || r.IDs[0] != "hi-metro" {
		t.Fatalf("Search = %+v, %v", r, err)
	}
	if _, err := m.Get(ctx, "nope"); err == nil {
		t.Fatal("Get of an absent id succeeded")
	}
	m.Add(&news.Article{ID: "bare", Text: "replaced"})
	if n, _ := m.Count(ctx); n != 4 {
		t.Fatalf("Count after replace = %d, want 4", n)
	}
}
