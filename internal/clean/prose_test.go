package clean

import (
	"strings"
	"testing"

	"khabar/internal/news"
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
		if why := reasons[social]; why != news.ReasonSocial {
			t.Errorf("%q: reason %q, want social", social, why)
		}
	}
	// The same words in Hindi calls to action still go.
	for _, hi := range []string{"हमें फेसबुक और ट्विटर पर फॉलो करें", "ताजा खबरों के लिए हमारे व्हाट्सएप चैनल से जुड़ें"} {
		if got := testLimits.classify(hi, measure(hi)); got != news.ReasonSocial {
			t.Errorf("%q: reason %q, want social", hi, got)
		}
	}
}

// TestNumberedListAfterArticle checks that a numbered list of products the
// article ends with, past an advertisement marker, stays in the body, and
// that a numbered list of other stories under a "Most read" heading still
// goes.
func TestNumberedListAfterArticle(t *testing.T) {
	items := []string{
		"1. Roborock Q Revo – 549 euros at Shopland",
		"2. Eufy X10 Pro Omni – 499 euros at Shopland",
		"3. iRobot Roomba Combo j5",
		"4. Shark Matrix Plus",
	}
	teasers := []string{
		"1. Tram line 4 closed for a month of track repairs",
		"2. New bakery opens in the old town square",
		"3. Council votes to keep the outdoor pool open",
	}
	page := strings.Join(append(append(append([]string{
		"Best robot vacuums for pet hair, tested",
		"By Owen Price",
		"Our testers ran each robot for a month in homes with two dogs and a long-haired cat, measuring how much hair was left on the carpets.",
		"Only four of the twelve machines finished the month without a tangle. Here are our picks, from best to cheapest:",
		"Advertisement",
	}, items...), "Share this article", "Most read"), teasers...), "\n")
	r := Clean(Page{Text: page})
	reasons := map[string]string{}
	for _, rm := range r.Removed {
		reasons[rm.Text] = rm.Reason
	}
	for _, it := range items {
		if why, ok := reasons[it]; ok {
			t.Errorf("list item removed as %q: %q", why, it)
		}
	}
	for _, it := range teasers {
		if why := reasons[it]; why != news.ReasonRelated {
			t.Errorf("%q: reason %q, want related", it, why)
		}
	}
	if reasons["Advertisement"] != news.ReasonAdvertisement {
		t.Errorf("advertisement marker kept: %v", r.Removed)
	}
}

// TestAdviceColumnNoDateline checks that an advice column's salutation in
// capitals ("DEAR ABBY:") stays at the start of the letter: it is not a
// dateline.
func TestAdviceColumnNoDateline(t *testing.T) {
	page := strings.Join([]string{
		"Dear Abby: Sister-in-law keeps borrowing my car without asking",
		"By Abigail Van Buren",
		"DEAR ABBY: My husband's sister lives two streets away and has a key to our house for emergencies. Three times this summer she has taken my car without asking.",
		"When I raised it, my husband said I was making a fuss over nothing. Am I wrong to want her to ask first? -- RUNNING ON EMPTY IN OHIO",
		"DEAR RUNNING ON EMPTY: You are not wrong. A key given for emergencies is not an invitation to borrow the car.",
	}, "\n")
	r := Clean(Page{Text: page})
	for _, rm := range r.Removed {
		if rm.Reason == news.ReasonDateline {
			t.Errorf("dateline removed: %q", rm.Text)
		}
	}
	if !strings.HasPrefix(r.Text, "DEAR ABBY: My husband's sister") {
		t.Errorf("text starts %q, want the letter with its salutation", r.Text[:min(len(r.Text), 60)])
	}
}
