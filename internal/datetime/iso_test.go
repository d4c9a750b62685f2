package datetime

import (
	"testing"
	"time"
)

func TestReadISO(t *testing.T) {
	tests := []struct {
		in   string
		want ISO
		ok   bool
	}{
		{"2021-03-19", ISO{Year: 2021, Month: 3, Day: 19, Second: -1}, true},
		{"2021-03-19T20:59:41+05:30", ISO{Year: 2021, Month: 3, Day: 19, Clock: true, Hour: 20, Minute: 59, Second: 41}, true},
		{"2021-03-19 20:59", ISO{Year: 2021, Month: 3, Day: 19, Clock: true, Hour: 20, Minute: 59, Second: -1}, true},
		{"2016-12-31T23:59:60Z", ISO{Year: 2016, Month: 12, Day: 31, Clock: true, Hour: 23, Minute: 59, Second: 60}, true},
		{"2021-03-19T24:00", ISO{Year: 2021, Month: 3, Day: 19, Second: -1}, true},
		{"1850-02-29", ISO{}, false},
		{"2000-02-29", ISO{Year: 2000, Month: 2, Day: 29, Second: -1}, true},
		{"2021-02-29", ISO{}, false},
		{"2021-+3-05", ISO{}, false},
		{"2021-3-05", ISO{}, false},
		{"२०२१-०३-१९", ISO{}, false},
		{"2021-03", ISO{}, false},
	}
	for _, tt := range tests {
		got, ok := ReadISO(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ReadISO(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDaysIn(t *testing.T) {
	for y := 1600; y <= 2400; y++ {
		for m := 1; m <= 12; m++ {
			if got, want := DaysIn(y, m), time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Fatalf("DaysIn(%d, %d) = %d, want %d", y, m, got, want)
			}
		}
	}
}

func FuzzReadISO(f *testing.F) {
	f.Add("2021-03-19T20:59:41+05:30")
	f.Add("2000-02-29 23:59:60")
	f.Add("9999-12-31T")
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ReadISO(s)
		if !ok {
			return
		}
		if v.Month < 1 || v.Month > 12 || v.Day < 1 || v.Day > DaysIn(v.Year, v.Month) {
			t.Fatalf("ReadISO(%q) = %+v: no such day", s, v)
		}
		if v.Clock && (v.Hour > 23 || v.Minute > 59 || v.Second > 99) {
			t.Fatalf("ReadISO(%q) = %+v: no such time", s, v)
		}
	})
}

func TestNumericDate(t *testing.T) {
	tests := []struct {
		n, digits    [3]int
		y, m, d      int
		twoDigit, ok bool
	}{
		{[3]int{2025, 11, 3}, [3]int{4, 2, 2}, 2025, 11, 3, false, true}, // 2025/11/03
		{[3]int{3, 11, 2025}, [3]int{2, 2, 4}, 2025, 11, 3, false, true}, // 03-11-2025, day first
		{[3]int{11, 23, 2025}, [3]int{2, 2, 4}, 2025, 11, 23, false, true},
		{[3]int{3, 11, 25}, [3]int{1, 2, 2}, 25, 11, 3, true, true}, // 3.11.25
		{[3]int{23, 13, 2025}, [3]int{2, 2, 4}, 2025, 13, 23, false, true},
		{[3]int{3, 11, 202}, [3]int{1, 2, 3}, 0, 0, 0, false, false},
		{[3]int{2025, 111, 3}, [3]int{4, 3, 1}, 0, 0, 0, false, false},
	}
	for _, tt := range tests {
		y, m, d, two, ok := NumericDate(tt.n, tt.digits)
		if y != tt.y || m != tt.m || d != tt.d || two != tt.twoDigit || ok != tt.ok {
			t.Errorf("NumericDate(%v, %v) = %d %d %d %v %v, want %d %d %d %v %v", tt.n, tt.digits,
				y, m, d, two, ok, tt.y, tt.m, tt.d, tt.twoDigit, tt.ok)
		}
	}
}
