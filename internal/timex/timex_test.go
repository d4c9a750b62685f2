package timex

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"khabar/internal/evaldata"
	"khabar/internal/news"
	"khabar/internal/news/newstest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var ist = time.FixedZone("IST", 5*3600+30*60)

type want struct{ text, typ, value string }

func check(t *testing.T, text string, pub time.Time, wants []want) {
	t.Helper()
	got := Find(text, pub)
	var g []want
	for _, e := range got {
		g = append(g, want{text[e.Start:e.End], e.Type, e.Value})
	}
	if len(g) != len(wants) {
		t.Fatalf("found %d expressions, want %d:\n got  %q\n want %q", len(g), len(wants), g, wants)
	}
	for i := range g {
		if g[i] != wants[i] {
			t.Errorf("expression %d: got %q, want %q", i, g[i], wants[i])
		}
	}
}

func TestFind(t *testing.T) {
	// Monday 3 November 2025, mid-morning IST.
	mon := time.Date(2025, 11, 3, 10, 0, 0, 0, ist)
	// Friday 19 March 2021, evening.
	fri := time.Date(2021, 3, 19, 20, 59, 0, 0, ist)
	cases := []struct {
		name  string
		text  string
		pub   time.Time
		wants []want
	}{
		{"day month", "मंत्री ने 16 अक्टूबर को संसद में बयान दिया था।", mon,
			[]want{{"16 अक्टूबर", Date, "2025-10-16"}}},
		{"devanagari digits", "यह सम्मेलन १९ मार्च को शुरू हुआ।", fri,
			[]want{{"१९ मार्च", Date, "2021-03-19"}}},
		{"english date", "The ruling came on March 19, 2021, after a long hearing.", mon,
			[]want{{"March 19, 2021", Date, "2021-03-19"}}},
		{"numeric day first", "रिपोर्ट 03-11-2025 को जारी हुई।", mon,
			[]want{{"03-11-2025", Date, "2025-11-03"}}},
		// A range before the publication day, in the future tense: both
		// days are next year's.
		{"range ahead", "मेला 15 से 20 अक्टूबर तक लगेगा।", mon,
			[]want{{"15", Date, "2026-10-15"}, {"20 अक्टूबर", Date, "2026-10-20"}}},
		{"range ahead english", "The fair will run from 15 to 20 October.", mon,
			[]want{{"15", Date, "2026-10-15"}, {"20 October", Date, "2026-10-20"}}},
		{"range past", "मेला 15 से 20 अक्टूबर तक चला।", mon,
			[]want{{"15", Date, "2025-10-15"}, {"20 अक्टूबर", Date, "2025-10-20"}}},
		// Published on the 17th: the range is this year's, both days.
		{"range around publication", "मेला 15 से 20 अक्टूबर तक लगेगा।", time.Date(2025, 10, 17, 9, 0, 0, 0, ist),
			[]want{{"15", Date, "2025-10-15"}, {"20 अक्टूबर", Date, "2025-10-20"}}},
		{"range around publication english", "The fair will run from 15 to 20 October.", time.Date(2025, 10, 17, 9, 0, 0, 0, ist),
			[]want{{"15", Date, "2025-10-15"}, {"20 October", Date, "2025-10-20"}}},
		{"date, year, clock", "Mon, Mar 9, 2020, 9:01 AM IST: the count passed 110,000.", mon,
			[]want{{"Mon, Mar 9, 2020, 9:01 AM", Time, "2020-03-09T09:01"}}},
		{"day-month-year dashes", "11:11 PM, 28-MAR-2020 अंबाला में पहला मरीज", mon,
			[]want{{"11:11 PM", Time, "2025-11-03T23:11"}, {"28-MAR-2020", Date, "2020-03-28"}}},
		{"weekday past", "मंत्रालय ने रविवार को कहा कि बातचीत जारी रहेगी।", mon,
			[]want{{"रविवार", Date, "2025-11-02"}}},
		{"weekday same day", "अदालत ने शुक्रवार को फैसला सुनाया।", fri,
			[]want{{"शुक्रवार", Date, "2021-03-19"}}},
		{"weekday future verb", "दोनों दल बुधवार को फिर मिलेंगे।", mon,
			[]want{{"बुधवार", Date, "2025-11-05"}}},
		{"weekday next", "अगले सोमवार को नतीजे आएंगे।", mon,
			[]want{{"अगले सोमवार", Date, "2025-11-10"}}},
		{"weekday with part", "मंगलवार की शाम दो युवक घर से निकले थे।", mon,
			[]want{{"मंगलवार की शाम", Time, "2025-10-28TEV"}}},
		{"weekday night to morning", "शनिवार रात से रविवार सुबह तक गोलाबारी होती रही।", mon,
			[]want{{"शनिवार रात", Time, "2025-11-01TNI"}, {"रविवार सुबह", Time, "2025-11-02TMO"}}},
		{"yesterday", "कल शाम बाजार में आग लग गई थी।", mon,
			[]want{{"कल शाम", Time, "2025-11-02TEV"}}},
		{"tomorrow", "कल से नई दरें लागू होंगी।", mon,
			[]want{{"कल", Date, "2025-11-04"}}},
		{"day after tomorrow", "परसों मतदान होगा।", mon,
			[]want{{"परसों", Date, "2025-11-05"}}},
		{"last week", "पिछले सप्ताह दो बैठकें हुईं।", mon,
			[]want{{"पिछले सप्ताह", Date, "2025-W44"}}},
		{"days ago", "दो दिन पहले नदी में नाव पलट गई।", mon,
			[]want{{"दो दिन पहले", Date, "2025-11-01"}}},
		{"hours ago", "तीन घंटे पहले बाजार खुला।", mon,
			[]want{{"तीन घंटे पहले", Time, "2025-11-03T07:00"}}},
		{"clock at night", "रात आठ बजे पुलिस पहुंची।", mon,
			[]want{{"रात आठ बजे", Time, "2025-11-03T20:00"}}},
		{"clock fraction", "बैठक साढ़े तीन बजे शुरू हुई।", mon,
			[]want{{"साढ़े तीन बजे", Time, "2025-11-03T03:30"}}},
		{"clock colon", "दोपहर 2:15 पर सूचकांक गिरा।", mon,
			[]want{{"दोपहर 2:15", Time, "2025-11-03T14:15"}}},
		{"durations", "शिविर एक माह चलेगा और टीम पूरा दिन काम करेगी।", mon,
			[]want{{"एक माह", Duration, "P1M"}, {"पूरा दिन", Duration, "P1D"}}},
		{"hundred years", "इस पुल के सौ साल पूरे हुए।", mon,
			[]want{{"सौ साल", Duration, "P100Y"}}},
		{"vague duration", "अगले कुछ दिनों में फैसला होगा।", mon,
			[]want{{"अगले कुछ दिनों", Duration, "PXD"}}},
		{"every year", "हर साल यहां मेला लगता है।", mon,
			[]want{{"हर साल", Set, "P1Y"}}},
		{"every monday", "हर सोमवार को जनसुनवाई होती है।", mon,
			[]want{{"हर सोमवार", Set, "XXXX-WXX-1"}}},
		{"years", "वर्ष 2015 में और 2016 में भी यही हुआ।", mon,
			[]want{{"2015", Date, "2015"}, {"2016", Date, "2016"}}},
		{"decade", "1990 के दशक में यह आम था।", mon,
			[]want{{"1990 के दशक", Date, "199"}}},
		{"year with date", "पहला नोट 30 नवंबर, 1917 को छपा।", mon,
			[]want{{"30 नवंबर, 1917", Date, "1917-11-30"}}},
		{"header stamp", "Publish Date:Thu, 30 Nov 2017 02:40 PM (IST)", mon,
			[]want{{"Thu, 30 Nov 2017 02:40 PM", Time, "2017-11-30T14:40"}}},
		{"range of days", "15 से 17 नवंबर तक मेला लगेगा।", mon,
			[]want{{"15", Date, "2025-11-15"}, {"17 नवंबर", Date, "2025-11-17"}}},
		{"month with year before", "इस साल मार्च में चुनाव हुए।", mon,
			[]want{{"इस साल", Date, "2025"}, {"मार्च", Date, "2025-03"}}},
		{"english relative", "Two days ago the talks failed; they resume next week.", mon,
			[]want{{"Two days ago", Date, "2025-11-01"}, {"next week", Date, "2025-W46"}}},
		{"english clock and day", "He landed at 10:30 a.m. on Sunday.", mon,
			[]want{{"10:30 a.m. on Sunday", Time, "2025-11-02T10:30"}}},
		{"english future weekday", "The committee will vote on Thursday.", mon,
			[]want{{"Thursday", Date, "2025-11-06"}}},
		{"march is a procession", "किसानों ने मार्च निकाला।", mon, nil},
		{"quantities are not years", "2000 रुपये का जुर्माना और 2000 से ज्यादा लोग।", mon, nil},
		{"no dates", "यह एक सामान्य वाक्य है जिसमें कोई तारीख नहीं।", mon, nil},
		{"impossible date", "31 फरवरी को बैठक हुई।", mon, nil},
		{"impossible leap day", "29 फरवरी 2023 को बैठक हुई।", mon, nil},
		{"leap day", "29 फरवरी 2024 को बैठक हुई।", mon,
			[]want{{"29 फरवरी 2024", Date, "2024-02-29"}}},
		{"two digit year", "बैठक 03/11/25 को हुई।", mon,
			[]want{{"03/11/25", Date, "2025-11-03"}}},
		{"url", "देखें https://example.com/2025/11/03/story.html पर।", mon, nil},
		{"idiom", "रातों-रात सब बदल गया और वे दिन-रात काम करते रहे।", mon, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { check(t, c.text, c.pub, c.wants) })
	}
}

func TestUnknownPublication(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		wants []want
	}{
		{"day month", "16 अक्टूबर को बैठक हुई।", []want{{"16 अक्टूबर", Date, "XXXX-10-16"}}},
		{"weekday", "रविवार को बैठक हुई।", []want{{"रविवार", Date, "XXXX-WXX-7"}}},
		{"relative day", "कल बैठक हुई।", []want{{"कल", Date, ""}}},
		{"full date", "19 मार्च 2021 को बैठक हुई।", []want{{"19 मार्च 2021", Date, "2021-03-19"}}},
		{"two digit year", "बैठक 03/11/25 को हुई।", nil},
		{"part of day", "शाम को बैठक हुई।", []want{{"शाम", Time, "XXXX-XX-XXTEV"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { check(t, c.text, time.Time{}, c.wants) })
	}
}

func TestStage(t *testing.T) {
	a := &news.Article{
		Text:     "मास्को, 19 मार्च (एपी) क्रेमलिन ने शुक्रवार को बयान जारी किया।",
		Dateline: &news.Dateline{Place: "Moscow", PlaceText: "मास्को", Date: "2021-03-19"},
	}
	s := New()
	if s.Name() != "time" {
		t.Errorf("Name = %q", s.Name())
	}
	if err := s.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	wantTimes := []news.Time{
		{Text: "19 मार्च", Type: Date, Value: "2021-03-19", Start: 8, End: 16},
		{Text: "शुक्रवार", Type: Date, Value: "2021-03-19", Start: 35, End: 43},
	}
	if len(a.Times) != len(wantTimes) {
		t.Fatalf("Times = %+v", a.Times)
	}
	for i, w := range wantTimes {
		if a.Times[i] != w {
			t.Errorf("Times[%d] = %+v, want %+v", i, a.Times[i], w)
		}
		if r := []rune(a.Text); string(r[w.Start:w.End]) != w.Text {
			t.Errorf("offsets of %q do not select it", w.Text)
		}
	}
}

// TestSeeds checks every dated fact of the two seed pages.
func TestSeeds(t *testing.T) {
	seeds, err := evaldata.Seeds()
	if errors.Is(err, evaldata.ErrAbsent) {
		t.Skip("seeds absent:", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	pubs := []time.Time{time.Date(2025, 11, 3, 0, 0, 0, 0, ist), time.Date(2021, 3, 19, 20, 59, 0, 0, ist)}
	wants := [][]want{
		{{"16 अक्टूबर", Date, "2025-10-16"}, {"22 अक्टूबर", Date, "2025-10-22"}, {"26 अक्टूबर", Date, "2025-10-26"},
			{"15 अगस्त", Date, "2025-08-15"}, {"रविवार", Date, "2025-11-02"}, {"शनिवार", Date, "2025-11-01"},
			{"शनिवार रात", Time, "2025-11-01TNI"}, {"रविवार सुबह", Time, "2025-11-02TMO"}, {"2022", Date, "2022"}},
		{{"19 मार्च", Date, "2021-03-19"}, {"शुक्रवार", Date, "2021-03-19"}, {"बुधवार", Date, "2021-03-17"},
			{"बृहस्पतिवार", Date, "2021-03-18"}},
	}
	for i, path := range seeds {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		got := map[want]bool{}
		for _, e := range Find(text, pubs[i]) {
			got[want{text[e.Start:e.End], e.Type, e.Value}] = true
		}
		for _, w := range wants[i] {
			if !got[w] {
				t.Errorf("%s: missing %q", filepath.Base(path), w)
			}
		}
	}
}

// readCase reads a golden case: a "published: RFC 3339" line, an optional
// "lang: CODE" line (Hindi when absent), a blank line, and the text.
func readCase(tb testing.TB, path string) *news.Article {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	head, body, ok := strings.Cut(string(b), "\n\n")
	if !ok || !strings.HasPrefix(head, "published: ") {
		tb.Fatalf("%s: want a published: line and a blank line first", path)
	}
	head, lang, _ := strings.Cut(head, "\nlang: ")
	pub, err := time.Parse(time.RFC3339, strings.TrimPrefix(head, "published: "))
	if err != nil {
		tb.Fatal(err)
	}
	return &news.Article{Text: body, Published: pub, Lang: lang}
}

func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(cases) == 0 {
		t.Fatal("no golden cases", err)
	}
	for _, path := range cases {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			a := readCase(t, path)
			if err := New().Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			newstest.Golden(t, path, "times", a.Times, *update)
		})
	}
}

func TestNumber(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"छह", 6, true}, {"58 हजार", 58000, true}, {"दो सौ", 200, true}, {"१४", 14, true},
		{"1,200", 1200, true}, {"twenty-five", 25, true}, {"ढाई", 2.5, true}, {"कई", 0, false},
		{"सैकड़ों", 0, false}, {"", 0, false}, {"लोग", 0, false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, ok := Number(c.in)
			if got != c.want || ok != c.ok {
				t.Errorf("Number(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"16 अक्टूबर को", "03-11-2025", "31 फरवरी", "रविवार को", "कल रात आठ बजे", "साढ़े", "सवा 5 बजे",
		"Thu, 30 Nov 2017 02:40 PM", "2021-03-19T20:59:41+5:30", "12/13/14/15", "पिछले", "हर", "1990 के दशक",
		"9999999999 दिन पहले", "March 19,", "a.m.", "दो दिन", "१९ मार्च २०२१", "29 फरवरी 2100", "at 25:99 pm",
	} {
		f.Add(s, int64(0))
		f.Add(s, int64(1762128000))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var pub time.Time
		if unix != 0 {
			pub = time.Unix(unix%(1<<36), 0).In(ist)
		}
		last := 0
		for _, e := range Find(text, pub) {
			if e.Start < last || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("bad span %d-%d after %d in %q", e.Start, e.End, last, text)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[e.Start]) || (e.End < len(text) && !utf8.RuneStart(text[e.End]))) {
				t.Fatalf("span %d-%d splits a character in %q", e.Start, e.End, text)
			}
			switch e.Type {
			case Date, Time, Duration, Set:
			default:
				t.Fatalf("bad type %q", e.Type)
			}
			last = e.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	a := readCase(b, "testdata/article5k.txt")
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		Find(a.Text, a.Published)
	}
}
