package clean

import (
	"strings"
	"testing"
)

// TestSocialWordsInProse checks that social and promotion words inside the
// article's sentences ("shared on the Twitter handle", "a share on
// revenue") leave the sentence in the body, while the page's own calls to
// share, follow and subscribe go as "social".
func TestSocialWordsInProse(t *testing.T) {
	page := strings.Join([]string{
		"Ministry posts video of rescue at flooded quarry",
		"By Daniel Reyes",
		"The environment ministry shared on its Twitter handle a video of divers pulling two workers from the flooded quarry on Sunday night.",
		"The quarry's owner, which pays the regional council a share on revenue from every tonne it sells, said pumping would begin on Monday.",
		"Local residents said they had followed the rescue on Facebook and joined volunteers at the gate with food and blankets.",
		"Inspectors will visit the site next week, a ministry spokeswoman said.",
		"Share this article",
		"Follow us on Twitter and Facebook for the latest updates.",
		"Sign up for our newsletter",
		"Check out all newsletters",
	}, "\n")
	r := Clean(Page{Text: page})
	reasons := map[string]string{}
	for _, rm := range r.Removed {
		reasons[rm.Text] = rm.Reason
	}
	for _, kept := range []string{
		"The environment ministry shared on its Twitter handle a video of divers pulling two workers from the flooded quarry on Sunday night.",
		"The quarry's owner, which pays the regional council a share on revenue from every tonne it sells, said pumping would begin on Monday.",
		"Local residents said they had followed the rescue on Facebook and joined volunteers at the gate with food and blankets.",
	} {
		if why, ok := reasons[kept]; ok {
			t.Errorf("body sentence removed as %q: %q", why, kept)
		}
	}
	for _, social := range []string{
		"Share this article",
		"Follow us on Twitter and Facebook for the latest updates.",
		"Sign up for our newsletter",
		"Check out all newsletters",
	} {
		if why := reasons[social]; why != ReasonSocial {
			t.Errorf("%q: reason %q, want social", social, why)
		}
	}
	// The same words in Hindi calls to action still go.
	for _, hi := range []string{"हमें फेसबुक और ट्विटर पर फॉलो करें", "ताजा खबरों के लिए हमारे व्हाट्सएप चैनल से जुड़ें"} {
		if got := classify(hi, measure(hi)); got != ReasonSocial {
			t.Errorf("%q: reason %q, want social", hi, got)
		}
	}
}
