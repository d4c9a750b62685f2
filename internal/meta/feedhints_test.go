package meta_test

import (
	"context"
	"testing"
	"time"

	"khabar/internal/clean"
	"khabar/internal/datetime"
	"khabar/internal/extract"
	"khabar/internal/meta"
	"khabar/internal/news"
	"khabar/internal/normalize"
)

// runFlow runs the stages up to meta on a.
func runFlow(t *testing.T, a *news.Article) {
	t.Helper()
	for _, st := range []interface {
		Process(ctx context.Context, a *news.Article) error
	}{extract.New(extract.Options{}), normalize.Stage{}, clean.New(), meta.New()} {
		if err := st.Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFeedHints: what a feed said of a page fills only what the page does
// not say.
func TestFeedHints(t *testing.T) {
	feedTime := time.Date(2025, 8, 8, 9, 30, 0, 0, datetime.IST)
	feed := news.FeedHints{Title: "फ़ीड का शीर्षक", Published: feedTime, Author: "डेस्क", Lang: "hi"}
	tests := []struct {
		name, html string
		title      string
		published  time.Time
	}{
		{"page says all",
			`<html><head><title>पटना में बारिश</title><meta property="article:published_time" content="2025-08-07T20:15:00+05:30"></head><body><h1>पटना में बारिश</h1><p>पटना, सात अगस्त (भाषा) पटना में गुरुवार को भारी बारिश हुई और कई इलाकों में पानी भर गया।</p></body></html>`,
			"पटना में बारिश", time.Date(2025, 8, 7, 20, 15, 0, 0, datetime.IST)},
		{"page says nothing",
			`<html><body><p>पटना, सात अगस्त (भाषा) पटना में गुरुवार को भारी बारिश हुई और कई इलाकों में पानी भर गया।</p></body></html>`,
			"फ़ीड का शीर्षक", feedTime},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &news.Article{ID: "x", Source: news.Source{URI: "https://hi.example/a/1", Format: news.FormatHTML},
				Raw: news.Raw{Body: tc.html, Format: news.FormatHTML, Feed: feed}}
			runFlow(t, a)
			if a.Title != tc.title || !a.Published.Equal(tc.published) {
				t.Errorf("title %q published %v; want %q %v", a.Title, a.Published, tc.title, tc.published)
			}
		})
	}
}
