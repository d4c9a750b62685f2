package cli

import (
	"flag"
	"testing"

	"khabar/internal/news"
	"khabar/internal/news/newstest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// marathiView is what the Marathi golden file holds of each record: the
// language-dependent fields, not the stages that do not read the packs.
type marathiView struct {
	Title     string         `json:"title"`
	Lang      string         `json:"lang"`
	Agencies  []string       `json:"agencies"`
	Dateline  *news.Dateline `json:"dateline"`
	Published string         `json:"published"`
	Times     []news.Time    `json:"times"`
	Quotes    []news.Quote   `json:"quotes"`
	Events    []marathiEvent `json:"events"`
}

type marathiEvent struct {
	Type, Subtype, Trigger, Date, Modality string
	Actors                                 []string
	Killed, Injured                        *int
}

// TestMarathiGolden runs khabar analyze on Marathi articles written for
// this test (testdata/marathi.jsonl) and compares language, times, quotes
// and events with testdata/marathi.golden.json: months, weekdays and
// relative days resolved, "X म्हणाले" and "X यांनी सांगितले" quotes, and
// events with their actors; the fourth article reads the Marathi pack's own
// words: a collision ("धडक") with its dead and injured, "परवा" by tense,
// "सव्वा पाच वाजता", a fire put out ("आग विझवण्यासाठी"), a decade and a
// range ("२० ते २५ ऑक्टोबर"), and "पोलिसांनी सांगितले की"; the fifth
// reads "according to" with the genitive joined ("पोलिसांच्या मते") and
// written apart ("इटनकर यांच्या मते"), and casualties counted in the
// genitive plural ("चार कामगारांचा मृत्यू").
func TestMarathiGolden(t *testing.T) {
	const path = "testdata/marathi.txt" // the golden file is marathi.golden.json
	r := khabar(t, t.Context(), "", "analyze", "testdata/marathi.jsonl")
	if r.code != 0 {
		t.Fatalf("analyze: exit %d: %s", r.code, r.stderr)
	}
	var got []marathiView
	for _, a := range decodeRecords(t, r.stdout) {
		if a.Lang != "mr" {
			t.Errorf("%s: lang %q, want mr", a.URL, a.Lang)
		}
		v := marathiView{Title: a.Title, Lang: a.Lang, Agencies: a.Agencies, Dateline: a.Dateline,
			Times: a.Times, Quotes: a.Quotes}
		if !a.Published.IsZero() {
			v.Published = a.Published.Format("2006-01-02T15:04:05Z07:00")
		}
		for _, e := range a.Events {
			v.Events = append(v.Events, marathiEvent{Type: e.Type, Subtype: e.Subtype, Trigger: e.Trigger,
				Date: e.Date, Modality: e.Modality, Actors: e.Actors, Killed: e.Killed, Injured: e.Injured})
		}
		got = append(got, v)
	}
	if len(got) != 5 {
		t.Fatalf("%d records, want 5", len(got))
	}
	newstest.Golden(t, path, "Marathi records", got, *update)
}
