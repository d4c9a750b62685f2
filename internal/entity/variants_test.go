package entity

import (
	"strings"
	"testing"
)

// TestSpellingVariants checks that a known person written in spellings the
// knowledge base does not list, in either script, is one entity.
func TestSpellingVariants(t *testing.T) {
	for _, c := range []struct{ text, mention string }{
		{"विदेश मंत्री एस जैशंकर ने सोमवार को मॉस्को में रूसी समकक्ष से मुलाकात की।", "एस जैशंकर"},
		{"बैठक के बाद जैशंकर ने कहा कि दोनों देश व्यापार बढ़ाने पर सहमत हैं।", "जैशंकर"},
		{"बैठक के बाद जयशंकर ने कहा कि दोनों देश व्यापार बढ़ाने पर सहमत हैं।", "जयशंकर"},
		{"External Affairs Minister S. Jaishankar met his Russian counterpart in Moscow on Monday.", "S. Jaishankar"},
		{"Jaishankar said the two countries had agreed to expand trade.", "Jaishankar"},
	} {
		t.Run(c.mention, func(t *testing.T) {
			a := analyze(t, c.text)
			e := entityOf(a, c.mention)
			if e == nil {
				t.Fatalf("no entity for %q in %+v", c.mention, a.Entities)
			}
			if e.ID != "kb:s-jaishankar" || e.Type != "PER" {
				t.Errorf("%q: got %s %s, want kb:s-jaishankar PER", c.mention, e.ID, e.Type)
			}
		})
	}
}

// TestSoundMatchGuards checks that matching by sound stays with people
// and does not take common words or words the tagger knows well.
func TestSoundMatchGuards(t *testing.T) {
	for _, text := range []string{
		// सोशल मीडिया sounds like no one, but its words are common
		"सोशल मीडिया पर वायरल वीडियो की जांच पुलिस कर रही है।",
		"मंगलवार को बाजार में भारी भीड़ रही और शाम तक दुकानें खुली रहीं।",
	} {
		a := analyze(t, text)
		for _, e := range a.Entities {
			if e.Type == "PER" {
				t.Errorf("%q: person %s %q", text, e.ID, e.Mentions[0].Text)
			}
		}
	}
}

// TestCalendarWordsAreNoNames checks that days, months and festivals are
// never names on their own, nor part of one at its ends, whichever step
// found them.
func TestCalendarWordsAreNoNames(t *testing.T) {
	for _, text := range []string{
		"बयान के अनुसार, विदेश मंत्री मंगलवार को लावरोव के साथ प्रतिनिधिमंडल स्तर की वार्ता करेंगे।",
		"मुख्यमंत्री अरविंद केजरीवाल सोमवार को अस्पताल पहुंचे और घायलों से मिले।",
		"परीक्षा चार मार्च से शुरू होगी और सात मार्च तक चलेगी।",
		"होली पर बाजारों में रौनक रही, दिवाली से पहले ही तैयारियां शुरू हो गईं।",
		"श्री ने कहा कि जी हां, काम पूरा होगा।",
		"Officials said on Tuesday that the talks would resume in March.",
	} {
		a := analyze(t, text)
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				words := strings.Fields(m.Text)
				if notAName(foldDoc([][]string{words})[0]) || calendarWords[foldDoc([][]string{words[:1]})[0][0]] ||
					calendarWords[foldDoc([][]string{words[len(words)-1:]})[0][0]] {
					t.Errorf("%q: %s %q is or holds a calendar word or honorific", text, e.Type, m.Text)
				}
			}
		}
	}
	a := analyze(t, "मुख्यमंत्री अरविंद केजरीवाल सोमवार को अस्पताल पहुंचे और घायलों से मिले।")
	if e := entityOf(a, "अरविंद केजरीवाल"); e == nil || e.Type != "PER" {
		t.Errorf("अरविंद केजरीवाल: got %+v, want a person", e)
	}
}
