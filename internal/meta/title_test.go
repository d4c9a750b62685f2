package meta

import (
	"slices"
	"testing"
	"time"

	"khabar/internal/news"
)

func TestPageTitle(t *testing.T) {
	tests := []struct {
		name, title, site, url, want string
	}{
		{"site suffix", "Ferry service resumes after the storm | Coastal Herald", "Coastal Herald", "", "Ferry service resumes after the storm"},
		{"known outlet", "नदी पर नया पुल जनता के लिए खुला - Jagran", "", "", "नदी पर नया पुल जनता के लिए खुला"},
		{"outlet and date", "नदी पर नया पुल जनता के लिए खुला – DW – 09.04.2031", "dw.com", "", "नदी पर नया पुल जनता के लिए खुला"},
		{"date only", "Ferry service resumes after the storm - March 4, 2031", "", "", "Ferry service resumes after the storm"},
		{"host", "Ferry service resumes after the storm | Sagar Vani", "", "https://www.sagarvani.in/a/1", "Ferry service resumes after the storm"},
		{"edition", "Ferry service resumes after the storm | Scroll English", "", "", "Ferry service resumes after the storm"},
		{"section kicker", "Pune News: नदी पर नया पुल जनता के लिए खुला - Amar Ujala Hindi News Live", "Amar Ujala", "", "नदी पर नया पुल जनता के लिए खुला"},
		{"latin kicker", "Bridge Opening: नदी पर नया पुल जनता के लिए खुला", "", "", "नदी पर नया पुल जनता के लिए खुला"},
		{"colon of the headline", "Minister: the bridge will open next week", "", "", "Minister: the bridge will open next week"},
		{"short head kept", "Rain - Coastal Herald", "Coastal Herald", "", "Rain - Coastal Herald"},
		{"other tail kept", "Ferry service resumes after the storm - a long wait ends for the islanders", "", "", "Ferry service resumes after the storm - a long wait ends for the islanders"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pageTitle(tt.title, tt.site, tt.url); got != tt.want {
				t.Errorf("pageTitle(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

// TestProcessCandidates: what the extract stage set from a page is weighed
// with the page's own evidence; what the input gave as hints is kept.
func TestProcessCandidates(t *testing.T) {
	page := `<html><head><title>Pune News: नदी पर नया पुल जनता के लिए खुला - Sagar Vani</title>
<meta property="og:site_name" content="News18 हिंदी"></head><body>
<p>नगर निगम ने नदी पर बने नए पुल को आज से आम लोगों के लिए खोल दिया।</p>
<div>Updated: 5 April 2031 18:00 IST</div><div>Published: 5 April 2031 09:15 IST</div></body></html>`
	extracted := func() *news.Article {
		return &news.Article{
			Text:      "नगर निगम ने नदी पर बने नए पुल को आज से आम लोगों के लिए खोल दिया।",
			Title:     "Pune News: नदी पर नया पुल जनता के लिए खुला - Sagar Vani",
			Publisher: "News18 हिंदी",
			Byline:    []string{"PTI", "Meera Joshi"},
			Published: time.Date(2031, 4, 5, 18, 0, 0, 0, IST),
			Removed: []news.Removal{
				{Text: "Updated: 5 April 2031 18:00 IST", Reason: news.ReasonTimestamp},
				{Text: "Published: 5 April 2031 09:15 IST", Reason: news.ReasonTimestamp},
			},
			URL: "https://www.sagarvani.com/pune/bridge-1",
			Raw: news.Raw{Format: news.FormatHTML, Body: page},
		}
	}
	t.Run("candidates", func(t *testing.T) {
		a := extracted()
		if err := New().Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		if a.Title != "नदी पर नया पुल जनता के लिए खुला" {
			t.Errorf("title = %q", a.Title)
		}
		if a.Publisher != "News18 Hindi" {
			t.Errorf("publisher = %q", a.Publisher)
		}
		if got := a.Published.Format(time.RFC3339); got != "2031-04-05T09:15:00+05:30" {
			t.Errorf("published = %s", got)
		}
		if got := a.Updated.Format(time.RFC3339); got != "2031-04-05T18:00:00+05:30" {
			t.Errorf("updated = %s", got)
		}
		if !slices.Equal(a.Byline, []string{"Meera Joshi"}) || !slices.Equal(a.Agencies, []string{"PTI"}) {
			t.Errorf("byline %q agencies %q", a.Byline, a.Agencies)
		}
	})
	t.Run("hints", func(t *testing.T) {
		a := extracted()
		pub := time.Date(2031, 4, 4, 7, 0, 0, 0, IST)
		a.Raw.Hints = news.Hints{Title: "Given headline", Publisher: "Given Outlet", Published: pub}
		a.Title, a.Publisher, a.Published = "Given headline", "Given Outlet", pub
		if err := New().Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		if a.Title != "Given headline" || a.Publisher != "Given Outlet" || !a.Published.Equal(pub) {
			t.Errorf("hints changed: %q %q %v", a.Title, a.Publisher, a.Published)
		}
	})
}
