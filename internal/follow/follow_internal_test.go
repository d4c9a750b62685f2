package follow

import (
	"slices"
	"testing"
	"time"

	"khabar/internal/feed"
	"khabar/internal/store"
)

func TestLatestSitemaps(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2025, 8, day, 0, 0, 0, 0, time.UTC) }
	doc := &feed.Document{Sitemaps: []string{"a", "b", "c", "d"}, SitemapUpdated: []time.Time{d(1), {}, d(9), d(5)}}
	if got, want := latestSitemaps(doc), []string{"c", "d", "a", "b"}; !slices.Equal(got, want) {
		t.Errorf("latestSitemaps = %v, want %v", got, want)
	}
}

func TestAdaptAndBackoff(t *testing.T) {
	f := New(Options{MinInterval: 5 * time.Minute, MaxInterval: 24 * time.Hour, Interval: 30 * time.Minute})
	at := func(m int) feed.Entry {
		return feed.Entry{Published: time.Date(2025, 8, 1, 10, 0, 0, 0, time.UTC).Add(time.Duration(m) * time.Minute)}
	}
	tests := []struct {
		name    string
		cur     time.Duration
		entries []feed.Entry
		fresh   bool
		want    time.Duration
	}{
		{"dated: mean gap of the latest ten", 30 * time.Minute, []feed.Entry{at(0), at(20), at(40), at(60)}, true, 20 * time.Minute},
		{"dated, too often: the minimum", time.Hour, []feed.Entry{at(0), at(1), at(2)}, true, 5 * time.Minute},
		{"dated, rare: the maximum", time.Hour, []feed.Entry{at(0), at(3000), at(6000)}, false, 24 * time.Hour},
		{"undated, something new: halved", time.Hour, nil, true, 30 * time.Minute},
		{"undated, nothing new: half again", time.Hour, nil, false, 90 * time.Minute},
		{"unset: the default", 0, nil, false, 45 * time.Minute},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := f.adapt(tc.cur, tc.entries, tc.fresh); got != tc.want {
				t.Errorf("adapt = %s, want %s", got, tc.want)
			}
		})
	}
	for errs, want := range map[int]time.Duration{1: 5 * time.Minute, 2: 10 * time.Minute, 4: 40 * time.Minute, 20: 24 * time.Hour} {
		if got := f.backoff(&store.Source{Errors: errs}); got != want {
			t.Errorf("backoff after %d errors = %s, want %s", errs, got, want)
		}
	}
}
