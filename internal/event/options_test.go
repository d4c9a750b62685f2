package event

import (
	"testing"
	"time"
)

// TestOptions checks that the named thresholds are the ones applied: the
// defaults reproduce Extract, and a narrower window changes the outcome.
func TestOptions(t *testing.T) {
	if DefaultOptions() != (Options{}).withDefaults() {
		t.Fatal("DefaultOptions differs from the zero options' defaults")
	}
	pub := time.Date(2026, 1, 14, 10, 0, 0, 0, ist)
	modality := func(opt Options, text, trigger string) string {
		t.Helper()
		for _, m := range ExtractWith(article(t, text, pub, testEntities), opt) {
			if m.Event.Trigger == trigger {
				return m.Modality
			}
		}
		t.Fatalf("no mention of %q in %q", trigger, text)
		return ""
	}
	offer := "पुतिन ने बातचीत की पेशकश की।"
	if got := modality(Options{}, offer, "बातचीत"); got != Hypothetical {
		t.Errorf("default options: %s, want %s", got, Hypothetical)
	}
	if got := modality(Options{OfferAfter: 1}, offer, "बातचीत"); got == Hypothetical {
		t.Errorf("OfferAfter 1: the offer two tokens on still counted")
	}
	for _, c := range []struct {
		v    string
		days int
		want bool
	}{
		{"2026-01-07", 7, true},
		{"2026-01-06", 7, false},
		{"2026-01-06", 8, true},
		{"2026-W02", 7, true},
		{"2026-W01", 7, false},
	} {
		if got := near(c.v, "2026-01-14", c.days); got != c.want {
			t.Errorf("near(%s, 2026-01-14, %d) = %v, want %v", c.v, c.days, got, c.want)
		}
	}
	for _, c := range []struct {
		w      string
		ending int
		want   bool
	}{
		{"गांवों", 0, true},
		{"गांवों", 1, false},
		{"जिले", 1, true},
		{"पुलिसवाले", 9, false},
	} {
		d := &doc{lex: lexFor("hi"), opt: Options{PlaceEnding: c.ending}.withDefaults()}
		if got := d.placeNoun(c.w); got != c.want {
			t.Errorf("placeNoun(%q) with PlaceEnding %d = %v, want %v", c.w, c.ending, got, c.want)
		}
	}
}
