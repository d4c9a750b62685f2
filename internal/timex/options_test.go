package timex

import (
	"testing"
	"time"
)

// TestOptions checks that the named thresholds are the ones applied: the
// defaults reproduce FindLang, and moving a bound changes the outcome.
func TestOptions(t *testing.T) {
	if DefaultOptions() != (Options{}).withDefaults() {
		t.Fatal("DefaultOptions differs from the zero options' defaults")
	}
	pub := time.Date(2025, 11, 3, 10, 0, 0, 0, ist)
	values := func(text, lang string, opt Options) []string {
		var out []string
		for _, e := range FindLangWith(text, pub, lang, opt) {
			out = append(out, e.Value)
		}
		return out
	}
	one := func(name string, got []string, want string) {
		t.Helper()
		if want == "" && len(got) != 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	for _, c := range []struct {
		text, lang string
		opt        Options
		want       string
	}{
		{"यह पुल 1880 में बना था।", "hi", Options{}, ""},
		{"यह पुल 1880 में बना था।", "hi", Options{FirstYear: 1800}, "1880"},
		{"बैठक 2025 में हुई।", "hi", Options{LastYear: 2000}, ""},
		{"The order dated 03-11-09 was quashed.", "en", Options{}, "2009-11-03"},
		{"The order dated 03-11-09 was quashed.", "en", Options{YearSpan: 10}, ""},
	} {
		one(c.text+" "+c.lang, values(c.text, c.lang, c.opt), c.want)
		if c.opt == (Options{}) {
			base := values(c.text, c.lang, Options{})
			if got := FindLang(c.text, pub, c.lang); len(got) != len(base) {
				t.Errorf("%q: FindLang and the zero options differ", c.text)
			}
		}
	}
}
