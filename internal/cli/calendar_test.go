package cli

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/evaldata"
)

// calendarNames are weekdays, months and festivals as Hindi and English
// news write them: such a word never names a person, place or
// organisation on its own, nor begins or ends one ("विदेश मंत्री मंगलवार
// को …" names no Mangalvar, "चार मार्च" is a date).
var calendarNames = strings.Fields(`
	सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार शुक्रवार शनिवार रविवार
	जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर नवंबर नवम्बर दिसंबर दिसम्बर
	होली दिवाली दीपावली दशहरा ईद नवरात्र नवरात्रि छठ
	Monday Tuesday Wednesday Thursday Friday Saturday Sunday
	January February March April June July August September October November December`)

// TestNoCalendarWordEntities analyses the sample corpus and, when present,
// the five-papers news of the shared data, and checks that no entity
// mention is a calendar word, begins with one or ends with one.
func TestNoCalendarWordEntities(t *testing.T) {
	cal := map[string]bool{}
	for _, w := range calendarNames {
		cal[w] = true
	}
	dirs := []string{filepath.Join("..", "..", "examples", "corpus")}
	if raceEnabled {
		t.Log("the shared news data is analysed without the race detector only (slow under it)")
	} else if p, err := evaldata.Path("news/hindi-5papers-2020-03"); err == nil {
		dirs = append(dirs, p)
	} else if errors.Is(err, evaldata.ErrAbsent) {
		t.Log("shared news data absent; checking the sample corpus only:", err)
	} else {
		t.Fatal(err)
	}
	for _, dir := range dirs {
		r := khabar(t, t.Context(), "", "analyze", dir)
		if r.code != 0 {
			t.Fatalf("analyze %s: exit %d: %s", dir, r.code, r.stderr)
		}
		arts := decodeRecords(t, r.stdout)
		if len(arts) < 40 {
			t.Fatalf("analyze %s: %d articles, want the whole folder", dir, len(arts))
		}
		mentions := 0
		for _, a := range arts {
			for _, e := range a.Entities {
				for _, m := range e.Mentions {
					mentions++
					words := strings.FieldsFunc(m.Text, func(r rune) bool { return strings.ContainsRune(" ,.।'’-", r) })
					if len(words) > 0 && (cal[words[0]] || cal[words[len(words)-1]]) {
						t.Errorf("%s: %s %q (%s) is or holds a calendar word", a.Source.URI, e.Type, m.Text, e.ID)
					}
				}
			}
		}
		if mentions < 500 {
			t.Errorf("analyze %s: only %d entity mentions", dir, mentions)
		}
	}
}
