package meta

import "testing"

// TestHeadlineScore checks the headline evidence on invented lines: the
// headline outscores a breadcrumb slug, a section label, an edition line
// and a deck sentence over the same lead.
func TestHeadlineScore(t *testing.T) {
	hiLead := NewLead([]string{"शहर के 40 तालाबों की सफाई का काम सोमवार से शुरू हुआ। नगर निगम ने ठेकेदारों को दस दिन का समय दिया है।"})
	enLead := NewLead([]string{"The city council approved a new bus depot near the lake on Monday, officials said."})
	tests := []struct {
		name          string
		lead          Lead
		headline, not string
	}{
		{"slug crumb", hiLead, "तालाबों की सफाई शुरू, निगम ने ठेकेदारों को दिया दस दिन का समय", "Hindi News › City › Lake Cleaning Work Starts Contractors Ten Days"},
		{"section label", enLead, "Council approves new bus depot near the lake", "Good News"},
		{"edition line", hiLead, "तालाबों की सफाई शुरू, निगम ने ठेकेदारों को दिया दस दिन का समय", "Citywrap समाचार, नगर"},
		{"hashtags", enLead, "Council approves new bus depot near the lake", "#BusDepot #Council #Lake"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, n := HeadlineScore(tt.headline, tt.lead), HeadlineScore(tt.not, tt.lead)
			if h <= n {
				t.Errorf("headline %.2f <= %q %.2f", h, tt.not, n)
			}
		})
	}
}

// TestChooseHeadline checks an HTML page's visible h1 wins over head
// titles with a kicker or other wording.
func TestChooseHeadline(t *testing.T) {
	text := "The city council approved a new bus depot near the lake on Monday, officials said.\n\nWork will start in May."
	tests := []struct {
		name string
		head Head
		want string
	}{
		{"kicker", Head{H1: "Council approves new bus depot near the lake", OGTitle: "Town News: Council approves new bus depot near the lake",
			LD: LDArticle{Headline: "Town News: Council approves new bus depot near the lake"}}, "Council approves new bus depot near the lake"},
		{"seo wording", Head{H1: "Council approves new bus depot near the lake", OGTitle: "Watch | What the depot means for you",
			Title: "Depot decision: what changes | Town Daily"}, "Council approves new bus depot near the lake"},
		{"logo h1", Head{H1: "Town Daily", OGTitle: "Council approves new bus depot near the lake"}, "Council approves new bus depot near the lake"},
		{"kicker that is the headline's", Head{H1: "Council: new bus depot near the lake approved", OGTitle: "Council: new bus depot near the lake approved"},
			"Council: new bus depot near the lake approved"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := chooseHeadline(text, "", tt.head, "", ""); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
