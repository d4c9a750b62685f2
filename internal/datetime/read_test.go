package datetime

import (
	"bufio"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"khabar/internal/news/newstest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// readLine is what the recogniser reads in one line of a golden case: the
// dates and clocks of its grammar, token by token, and the stamps of
// FindTimes and ScanDates, which keep what a printed timestamp may be.
type readLine struct {
	Text   string      `json:"text"`
	Dates  []readDate  `json:"dates,omitempty"`
	Clocks []readClock `json:"clocks,omitempty"`
	Stamps []string    `json:"stamps,omitempty"`
	Scan   []string    `json:"scan,omitempty"`
}

type readDate struct {
	Text                  string `json:"text"`
	Year, Month, Day      int
	TwoDigitYear, Numeric bool   `json:",omitempty"`
	Sep                   string `json:",omitempty"`
	MonthFirst, Weekday   bool   `json:",omitempty"`
}

type readClock struct {
	Text                 string `json:"text"`
	Hour, Minute, Second int
	Meridiem, Zone       string `json:",omitempty"`
}

// readAll reads s as the golden test shows it.
func readAll(s string) readLine {
	out := readLine{Text: s}
	toks := tokenize(s)
	for i := 0; i < len(toks); {
		if d, ok := stampNames.Date(toks, i); ok {
			out.Dates = append(out.Dates, readDate{Text: s[toks[d.Start].Start:toks[d.End-1].End],
				Year: d.Year, Month: d.Month, Day: d.Day, TwoDigitYear: d.TwoDigitYear, Numeric: d.Numeric,
				Sep: d.Sep, MonthFirst: d.MonthFirst, Weekday: d.Weekday})
			i = d.End
			continue
		}
		if c, ok := ReadClock(toks, i); ok {
			rc := readClock{Hour: c.Hour, Minute: c.Minute, Second: c.Second}
			end := c.End
			rc.Meridiem, end = stampNames.Meridiem(toks, end, true)
			if loc, next, ok := stampNames.Zone(toks, end); ok {
				_, off := time.Date(2025, 1, 1, 0, 0, 0, 0, loc).Zone()
				rc.Zone, end = time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("", off)).Format("-07:00"), next
			}
			rc.Text = s[toks[i].Start:toks[end-1].End]
			out.Clocks = append(out.Clocks, rc)
			i = end
			continue
		}
		i++
	}
	for _, st := range FindTimes(s) {
		out.Stamps = append(out.Stamps, s[st.Start:st.End]+" = "+st.Time.Format(time.RFC3339)+
			[...]string{Unlabelled: "", Published: " (published)", Updated: " (updated)"}[st.Label])
	}
	for _, d := range ScanDates(s, 8, time.Time{}) {
		out.Scan = append(out.Scan, d.Time.Format(time.RFC3339))
	}
	return out
}

// TestReadGolden reads the Hindi, English and Marathi lines of testdata
// (written for this test) with the recogniser and compares what it found
// with the golden files.
func TestReadGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(cases) == 0 {
		t.Fatal("no golden cases", err)
	}
	for _, path := range cases {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var got []readLine
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				if line := strings.TrimSpace(sc.Text()); line != "" {
					got = append(got, readAll(line))
				}
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			newstest.Golden(t, path, "readings", got, *update)
		})
	}
}

// FuzzRead reads any text token by token with the grammar: it never
// panics, and every date and clock lies inside the tokens it started at.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Sun, 10 Jun 2018 07:40 PM (IST)", "१९ मार्च २०२१", "03-11-2025", "3.11.25", "10-Jun-2025",
		"19th of March", "5 जन 2025", "12:", "24:00", "10:75", "1.2.3.4", "GMT+5:30", "a.m.", "March 19,",
		"मंगळवार, १९ डिसेंबर २०२५", "2021-13-45T99:99", "31-02-2024", "- - - 1 - 1 - 1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<14 {
			s = s[:1<<14]
		}
		toks := tokenize(s)
		for i := range toks {
			if d, ok := stampNames.Date(toks, i); ok {
				if d.Start != i || d.End <= d.Start || d.End > len(toks) {
					t.Fatalf("date tokens %d..%d at %d of %d", d.Start, d.End, i, len(toks))
				}
				if d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > 31 {
					t.Fatalf("date %+v", d)
				}
			}
			if c, ok := ReadClock(toks, i); ok {
				if c.End <= i || c.End > len(toks) || c.Hour > 24 || c.Minute > 59 || c.Second > 59 {
					t.Fatalf("clock %+v at %d of %d", c, i, len(toks))
				}
				m, e := stampNames.Meridiem(toks, c.End, true)
				if e < c.End || e > len(toks) || (m != "" && m != "am" && m != "pm") {
					t.Fatalf("meridiem %q ends at %d", m, e)
				}
				if _, z, ok := stampNames.Zone(toks, e); ok && (z <= e || z > len(toks)) {
					t.Fatalf("zone ends at %d after %d", z, e)
				}
			}
		}
		for _, d := range ScanDates(s, 64, time.Time{}) {
			if d.Time.IsZero() {
				t.Fatal("zero date")
			}
		}
	})
}

// TestReadBounded reads long hostile inputs, made of what the grammar
// looks for, and checks that the time grows with the input, not faster.
func TestReadBounded(t *testing.T) {
	for _, unit := range []string{"19 मार्च 2021, 10:30 ", "1-1-1-", "Sun, ", "12:30:45.", "2025 "} {
		s := strings.Repeat(unit, (1<<18)/len(unit))
		start := time.Now()
		toks := tokenize(s)
		for i := range toks {
			stampNames.Date(toks, i)
			ReadClock(toks, i)
		}
		ScanDates(s, 1<<20, time.Time{})
		// A guard against quadratic work, generous for a loaded machine.
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%q×%d took %v", unit, len(s)/len(unit), d)
		}
	}
}

// BenchmarkDate reads the dates and clocks of realistic timestamp lines
// token by token.
func BenchmarkDate(b *testing.B) {
	lines := []string{
		"Publish Date:Sun, 10 Jun 2018 07:40 PM (IST) | Updated Date:Sun, 10 Jun 2018 09:05 PM (IST)",
		"प्रकाशित: शुक्रवार, 19 मार्च 2021 08:30 अपराह्न",
		"नई दिल्ली, 19 मार्च (भाषा) सरकार ने बुधवार को 03-11-2025 की बैठक बुलाई।",
		"१९ डिसेंबर २०२५, सायं ७:३० वाजता बैठक झाली.",
	}
	toks := make([][]Token, len(lines))
	n := 0
	for i, l := range lines {
		toks[i] = tokenize(l)
		n += len(l)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, ts := range toks {
			for i := range ts {
				if _, ok := stampNames.Date(ts, i); !ok {
					ReadClock(ts, i)
				}
			}
		}
	}
}
