package press

import (
	"testing"
	"time"

	"khabar/internal/lexicon"
)

// TestPressData checks what the lexicon cannot: every home zone is an
// IANA zone, and every host, zone and region names something the packs
// know.
func TestPressData(t *testing.T) {
	for _, p := range allPacks() {
		for _, e := range p.Entries(lexicon.PressOutletZone) {
			if _, err := time.LoadLocation(e.Value); err != nil {
				t.Errorf("%s [press.outlet-zone] %q: %v", p.Lang, e.Text, err)
			}
			if outletNames[outletKey(e.Text)] != e.Text {
				t.Errorf("%s [press.outlet-zone] %q is no outlet's English name", p.Lang, e.Text)
			}
		}
		for _, e := range p.Entries(lexicon.PressOutletHost) {
			if outletNames[outletKey(e.Value)] != e.Value {
				t.Errorf("%s [press.outlet-host] %q: %q is no outlet's English name", p.Lang, e.Text, e.Value)
			}
		}
	}
	for _, c := range []struct{ in, want string }{
		{"नई दिल्ली", "New Delhi"}, {"NEW DELHI", "New Delhi"}, {"बंबई", "Mumbai"}, {"New Delhi", "New Delhi"},
	} {
		if got := Place(c.in); got != c.want {
			t.Errorf("Place(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if !regions["Uttar Pradesh"] || regions["Lucknow"] {
		t.Errorf("regions: Uttar Pradesh %v, Lucknow %v", regions["Uttar Pradesh"], regions["Lucknow"])
	}
	for _, c := range []struct{ in, want string }{
		{"पीटीआय", "PTI"}, {"Sputnik", "Sputnik"}, {"पीटीआई-भाषा", "PTI-Bhasha"}, {"Kyodo", "Kyodo"},
	} {
		if got := Agency(c.in); got != c.want {
			t.Errorf("Agency(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if !agencyIndex["sputnik"].ambiguous || agencyIndex["tass"].ambiguous {
		t.Errorf("ambiguity: sputnik %v, tass %v", agencyIndex["sputnik"].ambiguous, agencyIndex["tass"].ambiguous)
	}
	if Outlet("Eenadu") != "Eenadu" || OutletByURL("https://www.bbc.com/hindi/india-1") != "BBC Hindi" {
		t.Errorf("Outlet(Eenadu) = %q, OutletByURL(bbc.com/hindi) = %q", Outlet("Eenadu"), OutletByURL("https://www.bbc.com/hindi/india-1"))
	}
	if !DeskWord("संवाददाता") || !deskTail["ब्यूरो"] || !outletWords["daily"] {
		t.Error("desk and outlet words missing")
	}
}
