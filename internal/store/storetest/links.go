package storetest

import (
	"errors"
	"slices"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
)

func story(id string, start, end int, arts ...string) *store.Story {
	return &store.Story{
		ID: id, Title: "Story " + id,
		Start: base.Add(time.Duration(start) * time.Hour), End: base.Add(time.Duration(end) * time.Hour),
		Articles: arts, Entities: []store.StoryEntity{{ID: "kb:x", Name: "X", Type: news.PER, Articles: len(arts)}},
		State: []byte{1, 2, byte(len(arts))},
	}
}

func sketches(t *testing.T, s store.Store) map[string]store.Sketch {
	t.Helper()
	out := map[string]store.Sketch{}
	if err := s.EachSketch(t.Context(), func(k store.Sketch) error {
		out[k.ID] = k
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func links(t *testing.T, s store.Store, id string) store.Link {
	t.Helper()
	a, err := s.Get(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return store.Link{ID: a.ID, DuplicateOf: a.DuplicateOf, Group: a.Group, Story: a.Story}
}

func testPutLinked(t *testing.T, s store.Store) {
	ctx := t.Context()
	a := article("l1", 1, "hi")
	a.Story = "s1"
	if out, err := s.PutLinked(ctx, a, "h1", store.Linked{
		Sketches: []store.Sketch{{ID: "l1", Data: []byte("sketch-1")}},
		Stories:  []*store.Story{story("s1", 1, 1, "l1")},
		State:    map[string][]byte{"df": []byte("counts")},
	}); err != nil || out != store.New {
		t.Fatalf("PutLinked = %v, %v", out, err)
	}
	// A copy arrives earlier: it is canonical, l1 is its duplicate.
	b := article("l2", 0, "hi")
	b.Group, b.Story = "g1", "s1"
	if _, err := s.PutLinked(ctx, b, "h2", store.Linked{
		Sketches: []store.Sketch{{ID: "l2", Group: "g1", Data: []byte("sketch-2")}},
		Links:    []store.Link{{ID: "l1", DuplicateOf: "l2", Group: "g1", Story: "s1"}, {ID: "absent", Group: "g1"}},
		Stories:  []*store.Story{story("s1", 0, 1, "l2", "l1")},
	}); err != nil {
		t.Fatal(err)
	}
	if got := links(t, s, "l1"); got != (store.Link{ID: "l1", DuplicateOf: "l2", Group: "g1", Story: "s1"}) {
		t.Errorf("l1 links %+v", got)
	}
	if got := links(t, s, "l2"); got != (store.Link{ID: "l2", Group: "g1", Story: "s1"}) {
		t.Errorf("l2 links %+v", got)
	}
	// The rest of the record is untouched by a link change.
	got, err := s.Get(ctx, "l1")
	if err != nil {
		t.Fatal(err)
	}
	want := article("l1", 1, "hi")
	want.DuplicateOf, want.Group, want.Story = "l2", "g1", "s1"
	sameRecord(t, got, want)

	members, err := s.Group(ctx, "g1")
	if err != nil {
		t.Fatal(err)
	}
	if g := ids(members); !slices.Equal(g, []string{"l2", "l1"}) {
		t.Errorf("Group = %v, want oldest first", g)
	}
	if m, err := s.Group(ctx, "nope"); err != nil || len(m) != 0 {
		t.Errorf("Group(nope) = %v, %v", m, err)
	}
	sk := sketches(t, s)
	if len(sk) != 2 || string(sk["l1"].Data) != "sketch-1" || sk["l1"].Group != "g1" || sk["l2"].Group != "g1" {
		t.Errorf("sketches %+v", sk)
	}
	sy, err := s.GetStory(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if w := story("s1", 0, 1, "l2", "l1"); sy.Title != w.Title || !sy.Start.Equal(w.Start) || !sy.End.Equal(w.End) ||
		!slices.Equal(sy.Articles, w.Articles) || !slices.Equal(sy.Entities, w.Entities) || !slices.Equal(sy.State, w.State) {
		t.Errorf("story %+v, want %+v", sy, w)
	}
	if _, err := s.GetStory(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("GetStory(nope) = %v", err)
	}
	if v, err := s.State(ctx, "df"); err != nil || string(v) != "counts" {
		t.Errorf("State(df) = %q, %v", v, err)
	}
	if v, err := s.State(ctx, "none"); err != nil || v != nil {
		t.Errorf("State(none) = %q, %v", v, err)
	}
	// Unchanged outcome still applies the links; ApplyLinked alone too.
	if out, err := s.PutLinked(ctx, b, "h2", store.Linked{DeleteStories: []string{"s1"}}); err != nil || out != store.Unchanged {
		t.Fatalf("PutLinked unchanged = %v, %v", out, err)
	}
	if _, err := s.GetStory(ctx, "s1"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("deleted story: %v", err)
	}
	if err := s.ApplyLinked(ctx, store.Linked{Links: []store.Link{{ID: "l1"}}}); err != nil {
		t.Fatal(err)
	}
	if got := links(t, s, "l1"); got != (store.Link{ID: "l1"}) {
		t.Errorf("l1 links after clearing %+v", got)
	}
	// Sketches of articles that are not stored are not listed.
	if err := s.ApplyLinked(ctx, store.Linked{Sketches: []store.Sketch{{ID: "ghost", Data: []byte("x")}}}); err != nil {
		t.Fatal(err)
	}
	if _, ok := sketches(t, s)["ghost"]; ok {
		t.Error("sketch without article listed")
	}
}

// testSketchThreads checks the point read of a sketch and a thread set on
// a stored story without putting it whole (the linker's memory window).
func testSketchThreads(t *testing.T, s store.Store) {
	ctx := t.Context()
	a := article("w1", 1, "hi")
	a.Story = "s9"
	if _, err := s.PutLinked(ctx, a, "h", store.Linked{
		Sketches: []store.Sketch{{ID: "w1", Group: "g9", Data: []byte{0xA8, 2}}},
		Stories:  []*store.Story{story("s9", 1, 1, "w1")},
	}); err != nil {
		t.Fatal(err)
	}
	sk, err := s.Sketch(ctx, "w1")
	if err != nil || sk.ID != "w1" || sk.Group != "g9" || !slices.Equal(sk.Data, []byte{0xA8, 2}) {
		t.Errorf("Sketch(w1) = %+v, %v", sk, err)
	}
	if _, err := s.Sketch(ctx, "nope"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("Sketch(nope) = %v, want ErrNotFound", err)
	}
	l := store.Linked{Threads: []store.StoryThread{{ID: "s9", Thread: "ts1"}, {ID: "absent", Thread: "ts1"}}}
	if l.Empty() {
		t.Fatal("Linked with threads is empty")
	}
	if err := s.ApplyLinked(ctx, l); err != nil {
		t.Fatal(err)
	}
	sy, err := s.GetStory(ctx, "s9")
	if err != nil {
		t.Fatal(err)
	}
	w := story("s9", 1, 1, "w1")
	if sy.Thread != "ts1" || sy.Title != w.Title || !slices.Equal(sy.Articles, w.Articles) || !slices.Equal(sy.State, w.State) {
		t.Errorf("story after thread set: %+v", sy)
	}
	page, err := s.ListStories(ctx, store.StoryFilter{Thread: "ts1"})
	if err != nil || len(page.Stories) != 1 || page.Stories[0].ID != "s9" || page.Stories[0].Thread != "ts1" {
		t.Errorf("ListStories(thread ts1) = %+v, %v", page, err)
	}
}

func testPutLinkedAtomic(t *testing.T, s store.Store) {
	ctx := t.Context()
	_, err := s.PutLinked(ctx, article("x1", 1, "hi"), "h", store.Linked{Stories: []*store.Story{{Title: "no id"}}})
	if err == nil {
		t.Fatal("story without id accepted")
	}
	if n, _ := s.Count(ctx); n != 0 {
		t.Fatalf("article stored although its links failed: count %d", n)
	}
	if err := s.ApplyLinked(ctx, store.Linked{}); err != nil {
		t.Fatalf("empty ApplyLinked: %v", err)
	}
}

func testListStories(t *testing.T, s store.Store) {
	ctx := t.Context()
	var all []*store.Story
	for i := range 25 {
		sy := story(string(rune('a'+i)), i*10, i*10+5, "x")
		if i%5 == 0 {
			sy.Thread = "t1"
		}
		all = append(all, sy)
	}
	if err := s.ApplyLinked(ctx, store.Linked{Stories: all}); err != nil {
		t.Fatal(err)
	}
	var got []string
	f := store.StoryFilter{Limit: 7}
	for {
		p, err := s.ListStories(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, sy := range p.Stories {
			got = append(got, sy.ID)
		}
		if p.Next == "" {
			break
		}
		f.Cursor = p.Next
	}
	if len(got) != 25 || got[0] != "y" || got[24] != "a" {
		t.Fatalf("paged stories %v", got)
	}
	p, err := s.ListStories(ctx, store.StoryFilter{Thread: "t1"})
	if err != nil || len(p.Stories) != 5 || p.Stories[0].ID != "u" {
		t.Fatalf("thread t1: %d stories, %v", len(p.Stories), err)
	}
	// Stories overlapping [base+100h, base+130h): k (100-105), l (110-115),
	// m (120-125); j ends at 95.
	p, err = s.ListStories(ctx, store.StoryFilter{From: base.Add(100 * time.Hour), To: base.Add(130 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	var span []string
	for _, sy := range p.Stories {
		span = append(span, sy.ID)
	}
	if !slices.Equal(span, []string{"m", "l", "k"}) {
		t.Errorf("span filter = %v", span)
	}
	if _, err := s.ListStories(ctx, store.StoryFilter{Cursor: "garbage!"}); !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("bad cursor: %v", err)
	}
	var each []string
	if err := s.EachStory(ctx, func(sy *store.Story) error {
		each = append(each, sy.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(each) != 25 || each[0] != "a" || each[24] != "y" {
		t.Errorf("EachStory = %v", each)
	}
	stop := errors.New("stop")
	if err := s.EachStory(ctx, func(*store.Story) error { return stop }); !errors.Is(err, stop) {
		t.Errorf("EachStory error = %v", err)
	}
}

func testResetLinks(t *testing.T, s store.Store) {
	ctx := t.Context()
	a := article("r1", 1, "hi")
	a.Group, a.Story, a.DuplicateOf = "g", "s", "r0"
	if _, err := s.PutLinked(ctx, a, "h", store.Linked{
		Sketches: []store.Sketch{{ID: "r1", Data: []byte("k")}},
		Stories:  []*store.Story{story("s", 1, 1, "r1")},
		State:    map[string][]byte{"df": {1}},
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.ResetLinks(ctx); err != nil {
		t.Fatal(err)
	}
	if got := links(t, s, "r1"); got != (store.Link{ID: "r1"}) {
		t.Errorf("links after reset %+v", got)
	}
	if len(sketches(t, s)) != 0 {
		t.Error("sketches after reset")
	}
	if p, err := s.ListStories(ctx, store.StoryFilter{}); err != nil || len(p.Stories) != 0 {
		t.Errorf("stories after reset: %d, %v", len(p.Stories), err)
	}
	if v, _ := s.State(ctx, "df"); v != nil {
		t.Error("state after reset")
	}
	// The pending state for the search index is not touched.
	if n, _ := s.Count(ctx); n != 1 {
		t.Errorf("count %d", n)
	}
}
