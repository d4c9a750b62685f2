package event

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"khabar/internal/news"
)

// TestMarathiLocative checks the Marathi locative endings of the pack
// (locative-suffix): a named place with "मध्ये" or "त" joined to it is
// where the event happened, and so is a common noun for a place with "ात"
// ("गोदामात"), as "में" after it is in Hindi.
func TestMarathiLocative(t *testing.T) {
	pub := time.Date(2026, 11, 9, 12, 0, 0, 0, ist)
	// The places as an entity stage that reads joined forms finds them:
	// the name, inside its word.
	places := []news.Entity{
		{ID: "kb:nagpur", Name: "Nagpur", Type: news.LOC},
		{ID: "kb:mumbai", Name: "Mumbai", Type: news.LOC},
	}
	forms := []string{"नागपूर", "मुंबई"}
	for _, c := range []struct {
		text, trigger, place, placeText string
	}{
		{"भारताचे लक्ष असताना नागपूरमध्ये रविवारी एका कारखान्यात भीषण स्फोट झाला.", "स्फोट", "kb:nagpur", "नागपूर"},
		{"मुंबईत सोमवारी रात्री एका इमारतीला आग लागली.", "आग", "kb:mumbai", "मुंबई"},
		{"शहरातील एका गोदामात रविवारी रात्री आग लागली.", "आग", "", "शहरातील एका गोदामात"},
	} {
		a := article(t, c.text, pub, nil)
		a.Lang = "mr"
		for i, f := range forms {
			if at := strings.Index(c.text, f); at >= 0 {
				e := places[i]
				s := utf8.RuneCountInString(c.text[:at])
				e.Mentions = []news.Mention{{Text: f, Start: s, End: s + utf8.RuneCountInString(f)}}
				a.Entities = append(a.Entities, e)
			}
		}
		ms := Extract(a)
		if len(ms) == 0 {
			t.Errorf("%q: no event", c.text)
			continue
		}
		m := ms[0]
		if got := a.Text[m.Trigger.Start:m.Trigger.End]; got != c.trigger {
			t.Errorf("%q: trigger %q, want %q", c.text, got, c.trigger)
		}
		if m.Event.Place != c.place || a.Text[m.Place.Start:m.Place.End] != c.placeText {
			t.Errorf("%q: place %q (%q), want %q (%q)", c.text, m.Event.Place, a.Text[m.Place.Start:m.Place.End], c.place, c.placeText)
		}
	}
}
