package meta

import (
	"testing"

	"khabar/internal/news"
)

// TestChooseHeadline checks an HTML page's visible h1 wins over head
// titles with a kicker or other wording.
func TestChooseHeadline(t *testing.T) {
	text := "The city council approved a new bus depot near the lake on Monday, officials said.\n\nWork will start in May."
	tests := []struct {
		name string
		head news.Head
		want string
	}{
		{"kicker", news.Head{H1: "Council approves new bus depot near the lake", OGTitle: "Town News: Council approves new bus depot near the lake",
			LD: news.LDArticle{Headline: "Town News: Council approves new bus depot near the lake"}}, "Council approves new bus depot near the lake"},
		{"seo wording", news.Head{H1: "Council approves new bus depot near the lake", OGTitle: "Watch | What the depot means for you",
			Title: "Depot decision: what changes | Town Daily"}, "Council approves new bus depot near the lake"},
		{"logo h1", news.Head{H1: "Town Daily", OGTitle: "Council approves new bus depot near the lake"}, "Council approves new bus depot near the lake"},
		{"kicker that is the headline's", news.Head{H1: "Council: new bus depot near the lake approved", OGTitle: "Council: new bus depot near the lake approved"},
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
