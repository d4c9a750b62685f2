// Package storetest is the contract every store.Store backend passes: call
// Run from the backend's tests with a function that opens an empty store.
package storetest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
)

// Run runs the contract suite. open returns a new, empty store for each
// subtest; Run closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"PutOutcomes", testPutOutcomes},
		{"PutInvalid", testPutInvalid},
		{"GetNotFound", testGetNotFound},
		{"GetMany", testGetMany},
		{"ListPaging", testListPaging},
		{"ListFilters", testListFilters},
		{"ListLimit", testListLimit},
		{"ListBadCursor", testListBadCursor},
		{"Each", testEach},
		{"Count", testCount},
		{"Pending", testPending},
		{"ConcurrentPuts", testConcurrentPuts},
		{"HindiRoundTrip", testHindiRoundTrip},
		{"RecordRoundTrip", testRecordRoundTrip},
		{"CanceledContext", testCanceled},
		{"PutLinked", testPutLinked},
		{"PutLinkedAtomic", testPutLinkedAtomic},
		{"PutLinkedBatch", testPutLinkedBatch},
		{"SketchThreads", testSketchThreads},
		{"ListStories", testListStories},
		{"ResetLinks", testResetLinks},
		{"Sources", testSources},
		{"Raws", testRaws},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tc.fn(t, s)
		})
	}
}

// base is the published time fixtures count from.
var base = time.Date(2025, 8, 10, 9, 30, 0, 0, time.FixedZone("IST", 5*3600+1800))

// article returns a small article with id, published n hours after base
// (no published time when n < 0), in lang.
func article(id string, n int, lang string) *news.Article {
	a := &news.Article{
		ID:     id,
		Source: news.Source{URI: "test/" + id + ".txt", Format: news.FormatText},
		Title:  "Headline " + id,
		Lang:   lang,
		Text:   "Body of " + id + ".",
	}
	if n >= 0 {
		a.Published = base.Add(time.Duration(n) * time.Hour)
	}
	return a
}

func put(t *testing.T, s store.Store, a *news.Article, hash string, want store.Outcome) {
	t.Helper()
	got, err := s.Put(t.Context(), a, hash)
	if err != nil {
		t.Fatalf("Put(%s, %s): %v", a.ID, hash, err)
	}
	if got != want {
		t.Fatalf("Put(%s, %s) = %v, want %v", a.ID, hash, got, want)
	}
}

func record(t *testing.T, a *news.Article) []byte {
	t.Helper()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatalf("marshal %s: %v", a.ID, err)
	}
	return b
}

// sameRecord fails unless got and want write the same JSON record.
func sameRecord(t *testing.T, got, want *news.Article) {
	t.Helper()
	g, w := record(t, got), record(t, want)
	if !bytes.Equal(g, w) {
		t.Fatalf("record differs:\n got %s\nwant %s", g, w)
	}
}

func ids(as []*news.Article) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func testPutOutcomes(t *testing.T, s store.Store) {
	ctx := t.Context()
	a := article("a1", 1, "hi")
	put(t, s, a, "h1", store.New)
	put(t, s, a, "h1", store.Unchanged)
	b := article("a1", 2, "en")
	b.Title = "Changed headline"
	put(t, s, b, "h2", store.Updated)
	got, err := s.Get(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	sameRecord(t, got, b)
	// An unchanged hash keeps the stored content even if the article differs.
	c := article("a1", 3, "en")
	put(t, s, c, "h2", store.Unchanged)
	got, err = s.Get(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	sameRecord(t, got, b)
	if n, err := s.Count(ctx); err != nil || n != 1 {
		t.Fatalf("Count = %d, %v; want 1", n, err)
	}
	if got := store.Updated.String(); got != "updated" {
		t.Errorf("Updated.String() = %q", got)
	}
}

func testPutInvalid(t *testing.T, s store.Store) {
	ctx := t.Context()
	if _, err := s.Put(ctx, nil, "h"); err == nil {
		t.Error("Put(nil) succeeded")
	}
	if _, err := s.Put(ctx, article("", 1, "en"), "h"); err == nil {
		t.Error("Put without id succeeded")
	}
	if _, err := s.Put(ctx, article("x", 1, "en"), ""); err == nil {
		t.Error("Put without hash succeeded")
	}
	if n, err := s.Count(ctx); err != nil || n != 0 {
		t.Fatalf("Count = %d, %v; want 0", n, err)
	}
}

func testGetNotFound(t *testing.T, s store.Store) {
	put(t, s, article("present", 1, "en"), "h", store.New)
	_, err := s.Get(t.Context(), "absent")
	if !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("Get(absent) error = %v, want news.ErrNotFound", err)
	}
}

func testGetMany(t *testing.T, s store.Store) {
	for i, id := range []string{"m1", "m2", "m3", "m4"} {
		put(t, s, article(id, i, "en"), "h", store.New)
	}
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"order of ids", []string{"m3", "m1", "m4"}, []string{"m3", "m1", "m4"}},
		{"missing left out", []string{"zz", "m2", "yy", "m1"}, []string{"m2", "m1"}},
		{"none", nil, []string{}},
		{"all missing", []string{"q"}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.GetMany(t.Context(), tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if g := ids(got); !slices.Equal(g, tc.want) {
				t.Fatalf("GetMany(%v) = %v, want %v", tc.in, g, tc.want)
			}
		})
	}
	// Many ids at once.
	var many []string
	for i := range 1200 {
		many = append(many, fmt.Sprintf("nope%d", i))
	}
	many = append(many, "m2")
	got, err := s.GetMany(t.Context(), many)
	if err != nil {
		t.Fatal(err)
	}
	if g := ids(got); !slices.Equal(g, []string{"m2"}) {
		t.Fatalf("GetMany(1201 ids) = %v", g)
	}
}

// listAll walks every page of f and returns the articles in order.
func listAll(t *testing.T, s store.Store, f store.Filter) []*news.Article {
	t.Helper()
	var all []*news.Article
	for range 1000 {
		p, err := s.List(t.Context(), f)
		if err != nil {
			t.Fatalf("List(%+v): %v", f, err)
		}
		if f.Limit > 0 && len(p.Articles) > f.Limit {
			t.Fatalf("page of %d over limit %d", len(p.Articles), f.Limit)
		}
		all = append(all, p.Articles...)
		if p.Next == "" {
			return all
		}
		if len(p.Articles) == 0 {
			t.Fatal("empty page with a Next cursor")
		}
		f.Cursor = p.Next
	}
	t.Fatal("List does not end")
	return nil
}

// checkNewestFirst fails unless as are newest published first, those
// without a time last.
func checkNewestFirst(t *testing.T, as []*news.Article) {
	t.Helper()
	for i := 1; i < len(as); i++ {
		p, q := as[i-1].Published, as[i].Published
		if p.IsZero() && !q.IsZero() || !p.IsZero() && !q.IsZero() && q.After(p) {
			t.Fatalf("not newest first at %d: %s (%v) before %s (%v)", i, as[i-1].ID, p, as[i].ID, q)
		}
	}
}

func testListPaging(t *testing.T, s store.Store) {
	ctx := t.Context()
	var want []string
	for i := range 23 {
		n := i % 9 // several articles share a published time
		if i%7 == 3 {
			n = -1
		}
		id := fmt.Sprintf("p%02d", i)
		want = append(want, id)
		put(t, s, article(id, n, "hi"), "h", store.New)
	}
	for _, limit := range []int{1, 5, 7, 23, 50} {
		t.Run(fmt.Sprint("limit", limit), func(t *testing.T) {
			all := listAll(t, s, store.Filter{Limit: limit})
			checkNewestFirst(t, all)
			got := ids(all)
			if len(got) != len(want) {
				t.Fatalf("listed %d articles, want %d: %v", len(got), len(want), got)
			}
			sorted := slices.Clone(got)
			slices.Sort(sorted)
			if !slices.Equal(sorted, want) {
				t.Fatalf("listed %v, want each of %v once", got, want)
			}
			if limit == 5 {
				// The same cursor gives the same page.
				p1, err := s.List(ctx, store.Filter{Limit: 5})
				if err != nil {
					t.Fatal(err)
				}
				a, err := s.List(ctx, store.Filter{Limit: 5, Cursor: p1.Next})
				if err != nil {
					t.Fatal(err)
				}
				b, err := s.List(ctx, store.Filter{Limit: 5, Cursor: p1.Next})
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(ids(a.Articles), ids(b.Articles)) || a.Next != b.Next {
					t.Fatalf("same cursor, different pages: %v / %v", ids(a.Articles), ids(b.Articles))
				}
				if !slices.Equal(ids(a.Articles), got[5:10]) {
					t.Fatalf("second page %v, want %v", ids(a.Articles), got[5:10])
				}
			}
		})
	}
	// A page is stable when newer articles arrive meanwhile.
	p1, err := s.List(ctx, store.Filter{Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	before, err := s.List(ctx, store.Filter{Limit: 4, Cursor: p1.Next})
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, article("newest", 100, "hi"), "h", store.New)
	after, err := s.List(ctx, store.Filter{Limit: 4, Cursor: p1.Next})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(before.Articles), ids(after.Articles)) {
		t.Fatalf("page moved after an insert: %v, then %v", ids(before.Articles), ids(after.Articles))
	}
}

func testListFilters(t *testing.T, s store.Store) {
	put(t, s, article("h0", 0, "hi"), "h", store.New)
	put(t, s, article("h1", 1, "hi"), "h", store.New)
	put(t, s, article("h2", 2, "hi"), "h", store.New)
	put(t, s, article("e1", 1, "en"), "h", store.New)
	put(t, s, article("e3", 3, "en"), "h", store.New)
	put(t, s, article("hx", -1, "hi"), "h", store.New)
	put(t, s, article("ex", -1, "en"), "h", store.New)
	at := func(n int) time.Time { return base.Add(time.Duration(n) * time.Hour) }
	tests := []struct {
		name string
		f    store.Filter
		want []string
	}{
		{"all", store.Filter{}, []string{"e3", "h2", "h1", "e1", "h0", "hx", "ex"}},
		{"lang hi", store.Filter{Lang: "hi"}, []string{"h2", "h1", "h0", "hx"}},
		{"lang none", store.Filter{Lang: "mr"}, nil},
		{"from inclusive", store.Filter{From: at(1)}, []string{"e3", "h2", "h1", "e1"}},
		{"to exclusive", store.Filter{To: at(1)}, []string{"h0"}},
		{"from to", store.Filter{From: at(1), To: at(3)}, []string{"h2", "h1", "e1"}},
		{"from to utc", store.Filter{From: at(1).UTC(), To: at(3).UTC()}, []string{"h2", "h1", "e1"}},
		{"lang from to", store.Filter{Lang: "en", From: at(0), To: at(3)}, []string{"e1"}},
		{"empty range", store.Filter{From: at(2), To: at(2)}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, limit := range []int{0, 2} {
				f := tc.f
				f.Limit = limit
				all := listAll(t, s, f)
				checkNewestFirst(t, all)
				got := ids(all)
				// Ties (h1, e1) may come in either order; compare as sets
				// after checking the order by time.
				if len(got) != len(tc.want) {
					t.Fatalf("limit %d: got %v, want %v", limit, got, tc.want)
				}
				g, w := slices.Clone(got), slices.Clone(tc.want)
				slices.Sort(g)
				slices.Sort(w)
				if !slices.Equal(g, w) {
					t.Fatalf("limit %d: got %v, want %v", limit, got, tc.want)
				}
			}
		})
	}
}

func testListLimit(t *testing.T, s store.Store) {
	for i := range 25 {
		put(t, s, article(fmt.Sprintf("l%02d", i), i, "en"), "h", store.New)
	}
	p, err := s.List(t.Context(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Articles) != 20 || p.Next == "" {
		t.Fatalf("default page: %d articles, next %q; want 20 and a cursor", len(p.Articles), p.Next)
	}
	p, err = s.List(t.Context(), store.Filter{Limit: 25})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Articles) != 25 || p.Next != "" {
		t.Fatalf("exact page: %d articles, next %q; want 25 and no cursor", len(p.Articles), p.Next)
	}
}

func testListBadCursor(t *testing.T, s store.Store) {
	put(t, s, article("b1", 1, "en"), "h", store.New)
	for _, c := range []string{"!!!", "bm90LWEtY3Vyc29y", "%%"} {
		_, err := s.List(t.Context(), store.Filter{Cursor: c})
		if !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("List(cursor %q) error = %v, want store.ErrBadCursor", c, err)
		}
	}
}

func testEach(t *testing.T, s store.Store) {
	ctx := t.Context()
	if err := s.Each(ctx, func(*news.Article) error {
		t.Fatal("Each called fn on an empty store")
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	const n = 600 // more than one batch in any sensible backend
	want := make([]string, 0, n)
	for i := range n {
		id := fmt.Sprintf("e%04d", i)
		// Published times in three groups, put out of order.
		a := article(id, 2-i%3, "en")
		if i%50 == 0 {
			a.Published = time.Time{}
		}
		put(t, s, a, "h", store.New)
	}
	for g := range 4 { // no time, then published ascending
		for i := range n {
			if i%50 == 0 && g == 0 || i%50 != 0 && g > 0 && 2-i%3 == g-1 {
				want = append(want, fmt.Sprintf("e%04d", i))
			}
		}
	}
	var got []string
	if err := s.Each(ctx, func(a *news.Article) error {
		got = append(got, a.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Each order: got %d ids %v…, want %d ids %v…", len(got), got[:min(8, len(got))], len(want), want[:8])
	}
	// fn's error stops Each and comes back.
	stop := errors.New("stop here")
	calls := 0
	err := s.Each(ctx, func(*news.Article) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Fatalf("Each with failing fn: err %v after %d calls, want stop after 3", err, calls)
	}
	// fn may write to the store.
	seen := 0
	if err := s.Each(ctx, func(a *news.Article) error {
		seen++
		if seen%100 == 0 {
			_, err := s.Put(ctx, a, "h2")
			return err
		}
		return nil
	}); err != nil {
		t.Fatalf("Each with Put inside: %v", err)
	}
	if seen != n {
		t.Fatalf("Each with Put inside saw %d articles, want %d", seen, n)
	}
}

func testCount(t *testing.T, s store.Store) {
	ctx := t.Context()
	if n, err := s.Count(ctx); err != nil || n != 0 {
		t.Fatalf("Count = %d, %v; want 0", n, err)
	}
	for i := range 5 {
		put(t, s, article(fmt.Sprint("c", i), i, "en"), "h", store.New)
	}
	put(t, s, article("c1", 1, "en"), "h", store.Unchanged)
	put(t, s, article("c2", 1, "en"), "other", store.Updated)
	if n, err := s.Count(ctx); err != nil || n != 5 {
		t.Fatalf("Count = %d, %v; want 5", n, err)
	}
}

func pendingIDs(t *testing.T, s store.Store, limit int) []string {
	t.Helper()
	as, err := s.Pending(t.Context(), limit)
	if err != nil {
		t.Fatal(err)
	}
	got := ids(as)
	slices.Sort(got)
	return got
}

func testPending(t *testing.T, s store.Store) {
	ctx := t.Context()
	if got := pendingIDs(t, s, 10); len(got) != 0 {
		t.Fatalf("Pending on empty store = %v", got)
	}
	for _, id := range []string{"x1", "x2", "x3"} {
		put(t, s, article(id, 1, "en"), "h1", store.New)
	}
	if got := pendingIDs(t, s, 10); !slices.Equal(got, []string{"x1", "x2", "x3"}) {
		t.Fatalf("Pending = %v, want all three", got)
	}
	if got := pendingIDs(t, s, 2); len(got) != 2 {
		t.Fatalf("Pending(2) = %v, want two", got)
	}
	if err := s.MarkIndexed(ctx, []string{"x1", "x3", "unknown"}); err != nil {
		t.Fatal(err)
	}
	if got := pendingIDs(t, s, 10); !slices.Equal(got, []string{"x2"}) {
		t.Fatalf("Pending after MarkIndexed = %v, want [x2]", got)
	}
	put(t, s, article("x1", 1, "en"), "h1", store.Unchanged)
	if got := pendingIDs(t, s, 10); !slices.Equal(got, []string{"x2"}) {
		t.Fatalf("Pending after unchanged put = %v, want [x2]", got)
	}
	upd := article("x3", 2, "en")
	upd.Text = "New body."
	put(t, s, upd, "h2", store.Updated)
	got, err := s.Pending(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if g := ids(got); !slices.Contains(g, "x3") || len(g) != 2 {
		t.Fatalf("Pending after update = %v, want x2 and x3", g)
	}
	for _, a := range got {
		if a.ID == "x3" {
			sameRecord(t, a, upd)
		}
	}
	if err := s.MarkIndexed(ctx, []string{"x2", "x3"}); err != nil {
		t.Fatal(err)
	}
	if got := pendingIDs(t, s, 10); len(got) != 0 {
		t.Fatalf("Pending after marking all = %v", got)
	}
	if err := s.MarkIndexed(ctx, nil); err != nil {
		t.Fatalf("MarkIndexed(nil): %v", err)
	}
}

func testConcurrentPuts(t *testing.T, s store.Store) {
	ctx := t.Context()
	const workers, each = 6, 30
	var (
		mu     sync.Mutex
		counts = map[store.Outcome]int{}
		wg     sync.WaitGroup
		errs   = make(chan error, workers)
	)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				// Half the ids are shared by all workers.
				id := fmt.Sprintf("w%d-%d", w, i)
				if i%2 == 0 {
					id = fmt.Sprintf("shared-%d", i)
				}
				out, err := s.Put(ctx, article(id, i, "hi"), "h")
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				counts[out]++
				mu.Unlock()
				if i%5 == 0 {
					if _, err := s.Get(ctx, id); err != nil {
						errs <- err
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	shared, own := each/2, workers*each/2
	if counts[store.New] != shared+own || counts[store.Unchanged] != (workers-1)*shared || counts[store.Updated] != 0 {
		t.Fatalf("outcomes %v, want %d new, %d unchanged", counts, shared+own, (workers-1)*shared)
	}
	if n, err := s.Count(ctx); err != nil || n != shared+own {
		t.Fatalf("Count = %d, %v; want %d", n, err, shared+own)
	}
}

// hindi is text written for this test, with the characters Hindi news
// pages carry: nukta forms both precomposed and combining, chandrabindu,
// anusvara, conjuncts, ZWJ and ZWNJ, danda, Devanagari digits, an emoji.
const hindi = "शहर में सुबह से ज़ोरदार बारिश हो रही है, कई इलाक़ों में पानी भर गया।\n\n" +
	"मौसम विभाग ने कहा कि अगले दो दिन तक बादल छाए रहेंगे। " +
	"लोगों ने बताया, “हम सुबह चार बजे से घरों में फँसे हैं।” " +
	"नगर निगम के अफ़सर ने बताया कि ३२ पंप लगाए गए हैं। क\u093C ख\u093C ग\u093C " +
	"क्\u200Dष क्\u200Cष — ठीक है ॥ 🌧️"

func testHindiRoundTrip(t *testing.T, s store.Store) {
	a := article("हिंदी-१", 4, "hi")
	a.Title = "बारिश से शहर की सड़कें डूबीं"
	a.TitleEn = "Rain floods city roads"
	a.Text = hindi
	a.Publisher = "परीक्षण समाचार"
	a.Byline = []string{"संवाददाता", "डेस्क"}
	a.Dateline = &news.Dateline{Place: "Lucknow", PlaceText: "लखनऊ", Date: "2025-08-10"}
	a.Removed = []news.Removal{{Text: "यह भी पढ़ें: अन्य ख़बरें", Reason: "related"}}
	put(t, s, a, "h", store.New)
	got, err := s.Get(t.Context(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != a.Text || got.Title != a.Title || got.ID != a.ID {
		t.Fatalf("Hindi text changed:\n got %q\nwant %q", got.Text, a.Text)
	}
	sameRecord(t, got, a)
	p, err := s.List(t.Context(), store.Filter{Lang: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Articles) != 1 || p.Articles[0].Text != hindi {
		t.Fatalf("List lost the Hindi text")
	}
}

func testRecordRoundTrip(t *testing.T, s store.Store) {
	killed, injured := 3, 0
	full := &news.Article{
		ID:     "full",
		Source: news.Source{URI: "feeds/x.jsonl#L7", Format: news.FormatJSONL, Fetched: base.Add(-time.Hour)},
		URL:    "https://example.test/news/1",
		Title:  "शीर्षक", TitleEn: "Title",
		Lang:       "hi",
		LangDetail: &news.LangDetail{Confidence: 0.97, Scripts: map[string]float64{"Deva": 0.9, "Latn": 0.1}, Method: "script"},
		Publisher:  "Test Daily",
		Byline:     []string{"A. Writer"},
		Agencies:   []string{"PTI-Bhasha", "AP"},
		Dateline:   &news.Dateline{Place: "Mumbai", PlaceText: "मुंबई", Date: ""},
		Published:  base,
		Updated:    base.Add(90 * time.Minute),
		Text:       "पहला अनुच्छेद।\n\nदूसरा अनुच्छेद।",
		Removed:    []news.Removal{{Text: "Advertisement", Reason: "banner"}},
		Entities: []news.Entity{
			{ID: "e1", Name: "Mumbai", Names: map[string]string{"hi": "मुंबई", "en": "Mumbai"}, Type: news.LOC, Wikidata: "Q1156",
				Mentions: []news.Mention{{Text: "मुंबई", Start: 0, End: 5}}},
			{ID: "e2", Name: "Someone", Type: news.PER},
		},
		Times:  []news.Time{{Text: "रविवार", Type: "DATE", Value: "2025-08-10", Start: 1, End: 7}},
		Quotes: []news.Quote{{Speaker: "e2", SpeakerName: "Someone", Text: "कुछ", Direct: true, Cue: "कहा"}},
		Events: []news.Event{
			{Type: "DISASTER", Subtype: "FLOODS", Trigger: "बाढ़", Killed: &killed, Injured: &injured, Actors: []string{"e1"}},
			{Type: "CONSULT", Trigger: "मुलाकात"},
		},
		DuplicateOf: "other",
		Group:       "g1",
		Story:       "s1",
	}
	empty := &news.Article{ID: "empty"}
	for _, a := range []*news.Article{full, empty} {
		t.Run(a.ID, func(t *testing.T) {
			put(t, s, a, "h", store.New)
			got, err := s.Get(t.Context(), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			sameRecord(t, got, a)
			if !got.Published.Equal(a.Published) || !got.Updated.Equal(a.Updated) {
				t.Fatalf("times changed: %v %v, want %v %v", got.Published, got.Updated, a.Published, a.Updated)
			}
		})
	}
	got, err := s.Get(t.Context(), "full")
	if err != nil {
		t.Fatal(err)
	}
	if ev := got.Events[1]; ev.Killed != nil || ev.Injured != nil {
		t.Errorf("null casualties came back as %v, %v", ev.Killed, ev.Injured)
	}
	if ev := got.Events[0]; ev.Killed == nil || *ev.Killed != 3 || ev.Injured == nil || *ev.Injured != 0 {
		t.Errorf("casualties changed: %+v", ev)
	}
	got, err = s.Get(t.Context(), "empty")
	if err != nil {
		t.Fatal(err)
	}
	if got.Dateline != nil || got.LangDetail != nil || !got.Published.IsZero() {
		t.Errorf("nulls came back filled: %+v", got)
	}
}

func testCanceled(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := s.Put(ctx, article("cx", 1, "en"), "h"); err == nil {
		t.Error("Put with a canceled context succeeded")
	}
	if n, err := s.Count(t.Context()); err != nil || n != 0 {
		t.Fatalf("Count = %d, %v; want 0", n, err)
	}
}
