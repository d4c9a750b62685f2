package datetime

import (
	"strings"
	"testing"
	"time"
)

// labelNames names the labels in TestScanDates' table.
var labelNames = map[string]Label{"": Unlabelled, "published": Published, "updated": Updated}

func TestScanDates(t *testing.T) {
	tests := []struct {
		in      string
		want    string // RFC 3339 of the first date, "" for none
		hasTime bool
		label   string
	}{
		{in: "Pune Bureau | Updated: Mar 5, 2025 23:40 IST", want: "2025-03-05T23:40:00+05:30", hasTime: true, label: "updated"},
		{in: "प्रकाशित: 14 फरवरी 2025, 06:42 PM IST", want: "2025-02-14T18:42:00+05:30", hasTime: true, label: "published"},
		{in: "अपडेटेड: 3 मार्च 2025, 09:05 PM IST", want: "2025-03-03T21:05:00+05:30", hasTime: true, label: "updated"},
		{in: "खेल डेस्क · २१ फ़रवरी २०२५ · शाम ५:३० बजे", want: "2025-02-21T00:00:00+05:30"},
		{in: "IST2021-03-19T20:59:41+5:30", want: "2021-03-19T20:59:41+05:30", hasTime: true},
		{in: "March 19, 2021 20:59 IST", want: "2021-03-19T20:59:00+05:30", hasTime: true},
		{in: "By Desk - 03-11-2025", want: "2025-11-03T00:00:00+05:30"},
		{in: "19/03/2021", want: "2021-03-19T00:00:00+05:30"},
		{in: "Fri, 14 Feb 2025 18:42:10 +0000", want: "2025-02-14T18:42:10Z", hasTime: true},
		{in: "2024-07-09T07:15:00Z", want: "2024-07-09T07:15:00Z", hasTime: true},
		{in: "2024-07-09T07:15:00-04:00", want: "2024-07-09T07:15:00-04:00", hasTime: true},
		{in: "2025-02-21 17:30:00", want: "2025-02-21T17:30:00+05:30", hasTime: true},
		{in: "Mar 5, 2025 12:30 AM", want: "2025-03-05T00:30:00+05:30", hasTime: true},
		{in: "Mar 5, 2025 12:30 PM", want: "2025-03-05T12:30:00+05:30", hasTime: true},
		{in: "Posted on Dec. 3rd, 2024 at 9.05 p.m.", want: "2024-12-03T21:05:00+05:30", hasTime: true, label: "published"},
		{in: "7 \u095Eरवरी 2024", want: "2024-02-07T00:00:00+05:30"},
		{in: "5 सितम्बर 2024", want: "2024-09-05T00:00:00+05:30"},
		{in: "अक्तूबर 2, 2023", want: "2023-10-02T00:00:00+05:30"},
		{in: "31-02-2025", want: ""},
		{in: "1 January 1850", want: ""},
		{in: "in 2025 the city grew", want: ""},
		{in: "call 98-76-2025 now", want: ""},
		{in: "Mar 5, 2025 25:61", want: "2025-03-05T00:00:00+05:30"},
		{in: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			fs := ScanDates(tt.in, 4, time.Time{})
			if tt.want == "" {
				if len(fs) != 0 {
					t.Fatalf("ScanDates(%q) = %v, want none", tt.in, fs[0].Time)
				}
				return
			}
			if len(fs) == 0 {
				t.Fatalf("ScanDates(%q) = none, want %s", tt.in, tt.want)
			}
			f := fs[0]
			if got := f.Time.Format(time.RFC3339); got != tt.want || f.HasTime != tt.hasTime || f.Label != labelNames[tt.label] {
				t.Errorf("ScanDates(%q) = %s time:%v label:%v, want %s time:%v label:%q",
					tt.in, got, f.HasTime, f.Label, tt.want, tt.hasTime, tt.label)
			}
		})
	}
}

func TestScanDatesMany(t *testing.T) {
	text := strings.Repeat("filler words 2025 and 1999 without dates. ", 2000) +
		"Published: 4 May 2024 10:00 IST. Updated: 5 May 2024 11:00 IST."
	fs := ScanDates(text, 8, time.Time{})
	if len(fs) != 2 || fs[0].Label != Published || fs[1].Label != Updated {
		t.Fatalf("ScanDates() = %+v", fs)
	}
}

func FuzzScanDates(f *testing.F) {
	f.Add("Updated: Mar 5, 2025 23:40 IST")
	f.Add("प्रकाशित: १४ फ़रवरी २०२५, ०६:४२ PM IST")
	f.Add("2021-03-19T20:59:41+5:30")
	f.Add("12/12/2012 12.12 a.m. (IST)")
	f.Add("Dec 31st, 2099 23:59:59-0930")
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range ScanDates(s, 16, time.Time{}) {
			if y := d.Time.Year(); y < 1900 || y > 2100 {
				t.Fatalf("ScanDates(%q) year %d", s, y)
			}
		}
	})
}

// TestScanDatesReference checks that the latest year a date may have
// follows the reference time, not the clock: a page fetched in 2025 reads
// the same in any later year.
func TestScanDatesReference(t *testing.T) {
	text := "Updated: 5 March 2027, 10:30 IST"
	if fs := ScanDates(text, 4, time.Date(2025, 6, 1, 0, 0, 0, 0, IST)); len(fs) != 0 {
		t.Errorf("with a 2025 reference: %v, want none (2027 is past the year after)", fs[0].Time)
	}
	fs := ScanDates(text, 4, time.Date(2026, 6, 1, 0, 0, 0, 0, IST))
	if len(fs) != 1 || fs[0].Time.Format(time.RFC3339) != "2027-03-05T10:30:00+05:30" || fs[0].Label != Updated {
		t.Errorf("with a 2026 reference: %+v", fs)
	}
}
