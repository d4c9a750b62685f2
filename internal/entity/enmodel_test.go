package entity

import (
	"slices"
	"testing"
)

// TestEnglishStageRules checks the stage's rules on top of the English
// tagger on English news written for the test: words in capitals are no
// organisations, a name before a lower-case place word is a place, an
// office after a title is no person, a person after a title is found, and
// a surname alone is the person the article named in full.
func TestEnglishStageRules(t *testing.T) {
	text := "LOL this new phone is EPIC and you can WIN one , THANK YOU ALL .\n\n" +
		"The earthquake struck off Miyagi prefecture on Monday , the agency said .\n\n" +
		"The cost will be borne by the state , according to a statement from the Chief Minister's Office .\n\n" +
		"External Affairs Minister S. Jaishankar met his UAE counterpart Sheikh Abdullah bin Zayed in Abu Dhabi .\n\n" +
		"West Bengal Chief Minister Mamata Banerjee wrote to the Prime Minister on Friday .\n\n" +
		"In the letter , Banerjee said the rain had damaged roads and bridges in Darjeeling .\n"
	a := analyze(t, text)
	got := map[string]string{}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if prev, ok := got[m.Text]; ok && prev != e.Type {
				t.Errorf("%q is %s and %s", m.Text, prev, e.Type)
			}
			got[m.Text] = e.Type
		}
	}
	for _, w := range []string{"LOL", "EPIC", "WIN", "THANK", "THANK YOU ALL", "Office", "Chief Minister's Office"} {
		if typ, ok := got[w]; ok && (typ == "ORG" && w != "Chief Minister's Office" || typ == "PER") {
			t.Errorf("%q found as %s", w, typ)
		}
	}
	want := map[string]string{"Miyagi": "LOC", "Abdullah bin Zayed": "PER", "Banerjee": "PER", "Mamata Banerjee": "PER"}
	for w, typ := range want {
		if got[w] != typ {
			t.Errorf("%q: %q, want %s (all: %v)", w, got[w], typ, got)
		}
	}
}

// TestNameLists checks that the given names are folded, one word each,
// and unique.
func TestNameLists(t *testing.T) {
	names := nameList(givenNamesText)
	if len(names) < 400 {
		t.Fatalf("%d given names", len(names))
	}
	seen := map[string]bool{}
	for _, w := range names {
		if w == "" || seen[w] || slices.Contains([]byte(w), ' ') {
			t.Errorf("given name %q: empty, twice or several words", w)
		}
		seen[w] = true
	}
}
