package datetime

import (
	"khabar/internal/normalize"
	"testing"
	"time"
)

func TestFindTimes(t *testing.T) {
	type want struct {
		time  string
		prec  Precision
		label Label
	}
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"rfc3339", "2021-03-19T20:59:41+05:30", []want{{"2021-03-19T20:59:41+05:30", PrecisionSecond, Unlabelled}}},
		{"rfc3339 utc", "2021-03-19T15:29:41Z", []want{{"2021-03-19T15:29:41Z", PrecisionSecond, Unlabelled}}},
		{"glued malformed", "By X | Updated: March 19, 2021 20:59 IST2021-03-19T20:59:41+5:302021-03-19T20:59:45+5:30", []want{
			{"2021-03-19T20:59:00+05:30", PrecisionMinute, Updated},
			{"2021-03-19T20:59:41+05:30", PrecisionSecond, Unlabelled},
			{"2021-03-19T20:59:45+05:30", PrecisionSecond, Unlabelled},
		}},
		{"english", "March 19, 2021 20:59 IST", []want{{"2021-03-19T20:59:00+05:30", PrecisionMinute, Unlabelled}}},
		{"hindi", "19 मार्च 2021", []want{{"2021-03-19T00:00:00+05:30", PrecisionDay, Unlabelled}}},
		{"devanagari digits", "१९ मार्च २०२१", []want{{"2021-03-19T00:00:00+05:30", PrecisionDay, Unlabelled}}},
		{"day first", "By Someone - 03-11-2025", []want{{"2025-11-03T00:00:00+05:30", PrecisionDay, Unlabelled}}},
		{"day first slash", "03/11/2025 14:05", []want{{"2025-11-03T14:05:00+05:30", PrecisionMinute, Unlabelled}}},
		{"two-digit year with time", "Calcutta | Published 14.02.26, 05:42 AM", []want{{"2026-02-14T05:42:00+05:30", PrecisionMinute, Published}}},
		{"two-digit year alone", "version 14.02.26 released", nil},
		{"month first forced", "11/23/2025", []want{{"2025-11-23T00:00:00+05:30", PrecisionDay, Unlabelled}}},
		{"jagran", "Publish Date:Sun, 10 Jun 2018 07:40 PM (IST) | Updated Date:Sun, 10 Jun 2018 09:05 PM (IST)", []want{
			{"2018-06-10T19:40:00+05:30", PrecisionMinute, Published},
			{"2018-06-10T21:05:00+05:30", PrecisionMinute, Updated},
		}},
		{"pm 12", "Updated: Jan 5, 2024, 12:10 AM IST", []want{{"2024-01-05T00:10:00+05:30", PrecisionMinute, Updated}}},
		{"p.m.", "Posted on 5 January 2024 at 3.15 p.m.", []want{{"2024-01-05T15:15:00+05:30", PrecisionMinute, Published}}},
		{"day mon year slashes", "10/Jun/2025", []want{{"2025-06-10T00:00:00+05:30", PrecisionDay, Unlabelled}}},
		{"day mon year dashes with time", "11:08 AM, 29-MAR-2020", []want{{"2020-03-29T11:08:00+05:30", PrecisionMinute, Unlabelled}}},
		{"mixed separators", "10/Jun-2025", nil},
		{"time first", "Last Updated: 08:59 PM IST, 19 Mar 2021", []want{{"2021-03-19T20:59:00+05:30", PrecisionMinute, Updated}}},
		{"hindi label", "प्रकाशित: शुक्रवार, 19 मार्च 2021 08:30 अपराह्न", []want{{"2021-03-19T20:30:00+05:30", PrecisionMinute, Published}}},
		{"gmt", "5 Jan 2024 10:00 GMT", []want{{"2024-01-05T10:00:00Z", PrecisionMinute, Unlabelled}}},
		{"offset", "5 Jan 2024 10:00 +0100", []want{{"2024-01-05T10:00:00+01:00", PrecisionMinute, Unlabelled}}},
		{"ordinal", "19th March 2021", []want{{"2021-03-19T00:00:00+05:30", PrecisionDay, Unlabelled}}},
		{"nukta", "5 फ़रवरी 2024", []want{{"2024-02-05T00:00:00+05:30", PrecisionDay, Unlabelled}}},
		{"year first", "2024/02/05", []want{{"2024-02-05T00:00:00+05:30", PrecisionDay, Unlabelled}}},
		{"invalid day", "31-02-2024", nil},
		{"no year", "19 मार्च को", nil},
		{"plain number", "58 हजार घरों में 2022 में", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FindTimes(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("FindTimes(%q) = %d stamps %v, want %d", tt.in, len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				if s := got[i].Time.Format(time.RFC3339); s != w.time {
					t.Errorf("stamp %d time = %s, want %s", i, s, w.time)
				}
				if got[i].Precision != w.prec {
					t.Errorf("stamp %d precision = %d, want %d", i, got[i].Precision, w.prec)
				}
				if got[i].Label != w.label {
					t.Errorf("stamp %d label = %d, want %d", i, got[i].Label, w.label)
				}
			}
		})
	}
}

func TestISTIsFixed(t *testing.T) {
	st, ok := ParseTime("March 19, 2021 20:59 IST")
	if !ok {
		t.Fatal("no stamp")
	}
	if name, off := st.Time.Zone(); name != "IST" || off != 19800 {
		t.Errorf("zone = %s %d, want IST 19800", name, off)
	}
}

func TestParseDayMonth(t *testing.T) {
	tests := []struct {
		in     string
		d, m   int
		wantOK bool
	}{
		{"19 मार्च (एपी)", 19, 3, true},
		{"March 12 (PTI)", 12, 3, true},
		{"Dec. 5 (AP)", 5, 12, true},
		{"Sept. 30", 30, 9, true},
		{"१९ मार्च", 19, 3, true},
		{"मार्च", 0, 0, false},
		{"45 मार्च", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, m, _, ok := ParseDayMonth(tt.in)
			if ok != tt.wantOK || d != tt.d || m != tt.m {
				t.Errorf("ParseDayMonth(%q) = %d %d %v, want %d %d %v", tt.in, d, m, ok, tt.d, tt.m, tt.wantOK)
			}
		})
	}
}

func FuzzFindTimes(f *testing.F) {
	for _, s := range []string{
		"2021-03-19T20:59:41+5:302021-03-19T20:59:41+5:30", "March 19, 2021 20:59 IST",
		"१९ मार्च २०२१", "03-11-2025", "Publish Date:Sun, 10 Jun 2018 07:40 PM (IST)", "12:",
		"2021-13-45T99:99", "Jan 1, 1900 00:00 +14:00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, st := range FindTimes(s) {
			if st.Start < 0 || st.End > len(s) || st.Start > st.End {
				t.Fatalf("span %d..%d out of %d", st.Start, st.End, len(s))
			}
			if st.Time.IsZero() {
				t.Fatal("zero time")
			}
		}
		ParseDayMonth(s)
	})
}

func TestParseDayMonthWords(t *testing.T) {
	d, m, _, ok := ParseDayMonth("चार जून (भाषा)")
	if !ok || d != 4 || m != 6 {
		t.Errorf("ParseDayMonth(चार जून) = %d %d %v", d, m, ok)
	}
}

// TestMarathiDates checks that the month names of the Marathi pack are
// read: in a full date, in a dateline date without a year, and with a
// Marathi day word.
func TestMarathiDates(t *testing.T) {
	st, ok := ParseTime("१९ डिसेंबर २०२५, सायं ७:३० वाजता")
	if !ok || st.Time.Format("2006-01-02") != "2025-12-19" {
		t.Errorf("ParseTime(१९ डिसेंबर २०२५) = %v %v", st.Time, ok)
	}
	for _, tc := range []struct {
		in         string
		day, month int
	}{
		{"५ डिसेंबर (पीटीआय)", 5, 12},
		{"2 ऑगस्ट", 2, 8},
		{"पाच जानेवारी", 5, 1},
	} {
		d, m, _, ok := ParseDayMonth(tc.in)
		if !ok || d != tc.day || m != tc.month {
			t.Errorf("ParseDayMonth(%q) = %d %d %v, want %d %d", tc.in, d, m, ok, tc.day, tc.month)
		}
	}
}

// BenchmarkFindTimes parses a glued byline with three timestamps.
func BenchmarkFindTimes(b *testing.B) {
	s := "By X | Updated: March 19, 2021 20:59 IST2021-03-19T20:59:41+5:302021-03-19T20:59:41+5:30"
	for b.Loop() {
		FindTimes(s)
	}
}

// TestWordFoldNotFold holds words whose key (normalize.WordFold) is not
// normalize.Fold's, so that making them one is a decision: the tables are
// written against the first.
func TestWordFoldNotFold(t *testing.T) {
	for _, w := range []string{"नवम्बर", "जुलाई।", "सितँबर", "\u0e51"} {
		key := normalize.WordFold.String(w)
		if key != w {
			t.Errorf("WordFold(%q) = %q, want it unchanged", w, key)
		}
		if normalize.Fold(w) == key {
			t.Errorf("normalize.Fold(%q) = %q: the folds now agree here; update WordFold's comment", w, key)
		}
	}
	if got := normalize.WordFold.String("March"); got != "march" {
		t.Errorf("WordFold(March) = %q", got)
	}
}
