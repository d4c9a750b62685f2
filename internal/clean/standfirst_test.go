package clean

import (
	"testing"

	"khabar/internal/news"
)

// TestStandfirst checks the summary under a headline is removed as
// "standfirst" by where it stands and what the page says of it, and that
// the article's first paragraph stays.
func TestStandfirst(t *testing.T) {
	tests := []struct {
		name    string
		page    Page
		removed []string
		kept    []string
	}{
		{
			name: "between the headline and the credit",
			page: Page{Text: "River ferry service to resume after a month of repairs\n" +
				"The operator said two new boats would join the fleet by winter.\n" +
				"Staff Reporter\n" +
				"Updated: March 3, 2025 10:12 AM IST\n" +
				"The ferry service across the river will resume on Monday after a month of repairs, the operator said.\n" +
				"Tickets will cost the same as before, officials added."},
			removed: []string{"The operator said two new boats would join the fleet by winter."},
			kept:    []string{"The ferry service across the river will resume on Monday after a month of repairs, the operator said."},
		},
		{
			name: "a highlights box",
			page: Page{Text: "नगर निगम ने शहर में नई बस सेवा शुरू करने का फैसला किया\n" +
				"मुख्य बातें\n" +
				"बीस नई बसें चलेंगी\n" +
				"किराया पहले जैसा रहेगा\n" +
				"नगर निगम ने सोमवार को शहर में बीस नई बसें चलाने का फैसला किया है।\n" +
				"अधिकारियों ने बताया कि बसें अगले महीने से चलेंगी।"},
			removed: []string{"मुख्य बातें", "बीस नई बसें चलेंगी", "किराया पहले जैसा रहेगा"},
			kept:    []string{"नगर निगम ने सोमवार को शहर में बीस नई बसें चलाने का फैसला किया है।"},
		},
		{
			name: "the markup's summary",
			page: Page{Format: news.FormatHTML, Titles: []string{"Library to stay open till midnight during exams"},
				Summaries: []string{"Students had asked for longer hours before the semester tests."},
				Text: "Library to stay open till midnight during exams\n" +
					"Students had asked for longer hours before the semester tests.\n" +
					"The university library will stay open until midnight for the next four weeks, the registrar said.\n" +
					"The reading rooms on the ground floor will be open all night."},
			removed: []string{"Students had asked for longer hours before the semester tests."},
			kept:    []string{"The university library will stay open until midnight for the next four weeks, the registrar said."},
		},
		{
			name: "the description is the first paragraph: kept",
			page: Page{Format: news.FormatHTML, Titles: []string{"Library to stay open till midnight during exams"},
				Descriptions: []string{"The university library will stay open until midnight for the next four weeks, the registrar said."},
				Text: "Library to stay open till midnight during exams\n" +
					"The university library will stay open until midnight for the next four weeks, the registrar said.\n" +
					"The reading rooms on the ground floor will be open all night."},
			kept: []string{"The university library will stay open until midnight for the next four weeks, the registrar said."},
		},
		{
			name: "the description above a dateline paragraph",
			page: Page{Format: news.FormatHTML, Titles: []string{"Library to stay open till midnight during exams"},
				Descriptions: []string{"Students had asked for longer hours before the semester tests."},
				Text: "Library to stay open till midnight during exams\n" +
					"Students had asked for longer hours before the semester tests.\n" +
					"NEW DELHI: The university library will stay open until midnight for the next four weeks, the registrar said.\n" +
					"The reading rooms on the ground floor will be open all night."},
			removed: []string{"Students had asked for longer hours before the semester tests."},
			kept:    []string{"The university library will stay open until midnight for the next four weeks, the registrar said."},
		},
		{
			// A short item whose one paragraph the page also gives as its
			// description and marks as its summary.
			name: "the description is the whole body: kept",
			page: Page{Format: news.FormatHTML, Titles: []string{"Ferry services resume on northern route"},
				Descriptions: []string{"Ferry sailings between Kellport and the northern isles resumed on Friday morning after three days of cancellations caused by storm-force winds, the operator said."},
				Summaries:    []string{"Ferry sailings between Kellport and the northern isles resumed on Friday morning after three days of cancellations caused by storm-force winds, the operator said."},
				Text: "Ferry services resume on northern route\n" +
					"Ferry sailings between Kellport and the northern isles resumed on Friday morning after three days of cancellations caused by storm-force winds, the operator said."},
			kept: []string{"Ferry sailings between Kellport and the northern isles resumed on Friday morning after three days of cancellations caused by storm-force winds, the operator said."},
		},
		{
			// The opening paragraph, marked as the intro and used as the
			// description, under the byline and time: the lead, not a deck.
			name: "the marked intro under the credit is the first paragraph: kept",
			page: Page{Format: news.FormatHTML, Titles: []string{"Harbour bridge closed after barge strike"},
				Descriptions: []string{"The Harbour Street bridge will stay shut until engineers finish checking the piers a drifting barge struck early on Tuesday, the council said."},
				Summaries:    []string{"The Harbour Street bridge will stay shut until engineers finish checking the piers a drifting barge struck early on Tuesday, the council said."},
				Text: "Harbour bridge closed after barge strike\n" +
					"By Helen Marsh\n" +
					"Published: 12 March 2024, 09:40 GMT\n" +
					"The Harbour Street bridge will stay shut until engineers finish checking the piers a drifting barge struck early on Tuesday, the council said.\n" +
					"The barge broke from its moorings during high winds shortly after 4am and drifted half a mile before hitting the eastern pier.\n" +
					"Nobody was on board and no one was hurt, the harbour master said."},
			kept: []string{"The Harbour Street bridge will stay shut until engineers finish checking the piers a drifting barge struck early on Tuesday, the council said."},
		},
		{
			// The same page with the deck above the credit: a standfirst.
			name: "the marked deck above the credit",
			page: Page{Format: news.FormatHTML, Titles: []string{"Harbour bridge closed after barge strike"},
				Summaries: []string{"Engineers will check the piers before traffic returns."},
				Text: "Harbour bridge closed after barge strike\n" +
					"Engineers will check the piers before traffic returns.\n" +
					"By Helen Marsh\n" +
					"Published: 12 March 2024, 09:40 GMT\n" +
					"The Harbour Street bridge will stay shut until engineers finish checking the piers a drifting barge struck early on Tuesday, the council said.\n" +
					"Nobody was on board and no one was hurt, the harbour master said."},
			removed: []string{"Engineers will check the piers before traffic returns."},
			kept:    []string{"The Harbour Street bridge will stay shut until engineers finish checking the piers a drifting barge struck early on Tuesday, the council said."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Clean(tt.page)
			reasons := map[string]string{}
			for _, rm := range r.Removed {
				reasons[rm.Text] = rm.Reason
			}
			for _, s := range tt.removed {
				if reasons[s] != news.ReasonStandfirst {
					t.Errorf("%q: reason %q, want standfirst (removed %v)", s, reasons[s], r.Removed)
				}
			}
			for _, s := range tt.kept {
				if _, ok := reasons[s]; ok {
					t.Errorf("%q removed as %q, want kept", s, reasons[s])
				}
			}
		})
	}
}

// TestTitleOverCredit checks a text page's headline is the line over its
// credit, not a site's tagline, a banner's buttons or a hashtag line above.
func TestTitleOverCredit(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"tagline above", "Independent reporting on markets and money\nWorld\nPort strike ends after wage deal with unions\nBy Staff Writer\nJune 4, 2025 3:11 PM IST\nWorkers at the port returned on Tuesday after a week-long strike, the port authority said.\nCargo handling resumed in the afternoon, officials added.",
			"Port strike ends after wage deal with unions"},
		{"hashtags and buttons above", "Trending: #बारिश #मौसम #चुनाव\nसूचनाएं चालू करें\nअनुमति दें | बाद में\nशहर में तेज बारिश से कई सड़कों पर भरा पानी\nEdited By राम कुमार\nPublished: 08 Jan, 2025 10:42 AM\nशहर में मंगलवार सुबह तेज बारिश से कई सड़कों पर पानी भर गया।\nनगर निगम ने पंप लगाकर पानी निकालना शुरू किया।",
			"शहर में तेज बारिश से कई सड़कों पर भरा पानी"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(Page{Text: tt.text}).Title; got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}
