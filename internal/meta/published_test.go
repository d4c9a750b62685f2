package meta

import (
	"testing"
	"time"

	"khabar/internal/news"
)

// TestDateAloneGivesWay checks a date printed alone (a site's date bar,
// a date over its time) does not beat a full timestamp, and a time printed
// right after a date completes it.
func TestDateAloneGivesWay(t *testing.T) {
	tests := []struct {
		name    string
		removed []news.Removal
		want    string
	}{
		{"date bar of another day", []news.Removal{
			{Text: "Thursday, 06 March 2025", Reason: "timestamp"},
			{Text: "Staff Reporter | Pune | March 5, 2025 8:10 pm", Reason: "byline"},
		}, "2025-03-05T20:10:00+05:30"},
		{"time after the date", []news.Removal{
			{Text: "5 मार्च 2025 (Published: 08:10 PM IST)", Reason: "timestamp"},
			{Text: "(अपडेटेड: 5 मार्च 2025, 09:40 PM IST)", Reason: "timestamp"},
		}, "2025-03-05T20:10:00+05:30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &news.Article{Text: "नगर निगम ने आज नई बस सेवा शुरू की।", Removed: tt.removed, Raw: news.Raw{Format: news.FormatText}}
			if err := New().Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if got := a.Published.Format(time.RFC3339); got != tt.want {
				t.Errorf("published = %s, want %s", got, tt.want)
			}
		})
	}
}
