package storetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"khabar/internal/news"
	"khabar/internal/store"
)

func testSources(t *testing.T, s store.Store) {
	ctx := t.Context()
	now := time.Date(2025, 3, 19, 10, 0, 0, 0, time.UTC)
	a := &store.Source{URL: "https://hi.example/rss.xml", Kind: store.KindRSS, Title: "हिंदी समाचार", Added: now}
	added, err := s.AddSource(ctx, a)
	if err != nil || !added || a.ID == 0 {
		t.Fatalf("AddSource = %v, %v (id %d), want added with an id", added, err, a.ID)
	}
	dup := &store.Source{URL: a.URL, Kind: store.KindAtom}
	if added, err := s.AddSource(ctx, dup); err != nil || added || dup.ID != a.ID || dup.Kind != store.KindRSS {
		t.Fatalf("AddSource of a known URL = %v, %v, %+v; want not added and the stored source", added, err, dup)
	}
	b := &store.Source{URL: "https://en.example/sitemap.xml", Kind: store.KindSitemap, Site: "https://en.example/",
		Added: now, NextFetch: now.Add(time.Hour)}
	if _, err := s.AddSource(ctx, b); err != nil {
		t.Fatal(err)
	}
	all, err := s.Sources(ctx)
	if err != nil || len(all) != 2 || all[0].ID != a.ID || all[1].URL != b.URL || all[1].Site != b.Site {
		t.Fatalf("Sources = %v, %v", all, err)
	}
	due, err := s.DueSources(ctx, now, 10)
	if err != nil || len(due) != 1 || due[0].ID != a.ID {
		t.Fatalf("DueSources(now) = %v, %v; want only the first", due, err)
	}
	if due, _ := s.DueSources(ctx, now.Add(2*time.Hour), 1); len(due) != 1 || due[0].ID != a.ID {
		t.Fatalf("DueSources(limit 1) = %v, want the most overdue", due)
	}

	a.LastFetch, a.LastStatus, a.NextFetch = now, 200, now.Add(15*time.Minute)
	a.Interval, a.ETag, a.LastModified = 15*time.Minute, `"v1"`, "Wed, 19 Mar 2025 10:00:00 GMT"
	a.Errors, a.LastError, a.LastNew = 2, "fetch: 503", now
	if err := s.UpdateSource(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetSource(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, a) {
		t.Fatalf("GetSource after update =\n%+v\nwant\n%+v", got, a)
	}
	if got, err := s.SourceByURL(ctx, b.URL); err != nil || got.ID != b.ID {
		t.Fatalf("SourceByURL = %v, %v", got, err)
	}
	if _, err := s.GetSource(ctx, 9999); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("GetSource(unknown) = %v, want ErrNotFound", err)
	}
	if err := s.UpdateSource(ctx, &store.Source{ID: 9999, Kind: "rss"}); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("UpdateSource(unknown) = %v, want ErrNotFound", err)
	}

	// Pages fetched: seen by URL for every source, counted once.
	pages := []store.Fetched{
		{URL: "https://hi.example/a/1", Source: a.ID, Article: "id1", Status: 200, At: now},
		{URL: "https://hi.example/a/2", Source: a.ID, Status: 404, At: now},
		{URL: "https://hi.example/a/3", Source: a.ID, Article: "id3", Status: 200, At: now.Add(24 * time.Hour)},
	}
	if err := s.MarkFetched(ctx, pages); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkFetched(ctx, pages[:1]); err != nil { // again: not counted twice
		t.Fatal(err)
	}
	seen, err := s.Seen(ctx, []string{"https://hi.example/a/1", "https://hi.example/a/2", "https://hi.example/a/9"})
	if _, ok := seen["https://hi.example/a/9"]; err != nil || !seen["https://hi.example/a/1"].Equal(now) || !seen["https://hi.example/a/2"].Equal(now) || ok {
		t.Fatalf("Seen = %v, %v", seen, err)
	}
	if got, _ := s.GetSource(ctx, a.ID); got.Articles != 2 {
		t.Fatalf("Articles = %d, want 2", got.Articles)
	}
	days, err := s.SourceDays(ctx, a.ID, now.Add(-time.Hour))
	want := []store.DayCount{{Day: "2025-03-19", Count: 1}, {Day: "2025-03-20", Count: 1}}
	if err != nil || !reflect.DeepEqual(days, want) {
		t.Fatalf("SourceDays = %v, %v; want %v", days, err, want)
	}

	if err := s.RemoveSource(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetSource(ctx, a.ID); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("GetSource after remove = %v", err)
	}
	if err := s.RemoveSource(ctx, a.ID); !errors.Is(err, news.ErrNotFound) {
		t.Fatalf("RemoveSource twice = %v, want ErrNotFound", err)
	}
	// Stored pages stay known after their source is removed.
	if seen, _ := s.Seen(ctx, []string{"https://hi.example/a/1", "https://hi.example/a/2"}); seen["https://hi.example/a/1"].IsZero() || !seen["https://hi.example/a/2"].IsZero() {
		t.Fatalf("Seen after remove = %v, want the stored page only", seen)
	}
}

func testRaws(t *testing.T, s store.Store) {
	ctx := t.Context()
	a := article("r1", 2, "hi")
	a.Source = news.Source{URI: "https://hi.example/a/1", Format: news.FormatHTML, Fetched: base.UTC()}
	a.URL = "https://hi.example/a/1"
	a.Raw = news.Raw{Body: "<html><body><p>मास्को, 19 मार्च (भाषा) रूस ने कहा।</p></body></html>", Format: news.FormatHTML,
		Hints: news.Hints{URL: a.URL, Publisher: "Example"},
		Feed:  news.FeedHints{Title: "रूस ने कहा", Published: base.UTC(), Lang: "hi"}}
	b := article("r0", 1, "en") // no raw input
	put(t, s, a, "h1", store.New)
	put(t, s, b, "h1", store.New)
	var got []*news.Article
	if err := s.EachRaw(ctx, func(x *news.Article) error { got = append(got, x); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("EachRaw gave %d articles, want 1", len(got))
	}
	r := got[0]
	if r.ID != a.ID || r.URL != a.URL || !reflect.DeepEqual(r.Source, a.Source) || !reflect.DeepEqual(r.Raw, a.Raw) || r.Title != "" {
		t.Fatalf("EachRaw = %+v\nwant the source's article %+v", r, a)
	}
	// An updated article's raw input is replaced.
	a.Raw.Body = "<html><body><p>बदला हुआ पाठ।</p></body></html>"
	put(t, s, a, "h2", store.Updated)
	got = got[:0]
	_ = s.EachRaw(ctx, func(x *news.Article) error { got = append(got, x); return nil })
	if len(got) != 1 || got[0].Raw.Body != a.Raw.Body {
		t.Fatalf("EachRaw after update = %+v", got)
	}
	// Invalidate: the next put rewrites, and nothing becomes pending for
	// the index by itself.
	if err := s.MarkIndexed(ctx, []string{"r0", "r1"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Invalidate(ctx); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Pending(ctx, 10); len(p) != 0 {
		t.Fatalf("Pending after Invalidate = %v", ids(p))
	}
	put(t, s, a, "h2", store.Updated)
}
