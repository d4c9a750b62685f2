package chart

import (
	"encoding/xml"
	"errors"
	"strings"
	"testing"
	"time"
)

func days(from time.Time, counts ...int) []Point {
	out := make([]Point, len(counts))
	for i, k := range counts {
		out[i] = Point{Day: from.AddDate(0, 0, i), Count: k}
	}
	return out
}

var aug = time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC)

func TestDays(t *testing.T) {
	svg, err := Days([]Series{
		{Name: "परामर्श", Points: days(aug, 1, 0, 3)},
		{Name: "Assault <&>", Points: days(aug.AddDate(0, 0, 1), 2, 5)},
	}, Options{Label: "घटनाएँ \"प्रति\" दिन", Y: "घटनाएँ"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(svg)
	// It parses as XML, and holds what the page needs.
	if err := xml.Unmarshal(svg, new(struct{})); err != nil {
		t.Fatalf("not XML: %v\n%s", err, s)
	}
	for _, want := range []string{
		`<svg class="chart-svg" role="img" aria-label="घटनाएँ &#34;प्रति&#34; दिन" fill="currentColor" viewBox="0 0 720 200"`,
		">परामर्श</text>", ">Assault &lt;&amp;&gt;</text>", ">घटनाएँ</text>", ">2025-08-01</text>",
		"<title>2025-08-01 · परामर्श: 1</title>",
		"<title>2025-08-03 · Assault &lt;&amp;&gt;: 5</title>", `stroke="currentColor"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("chart lacks %q", want)
		}
	}
	// Nothing the pages' content security policy forbids, nothing that
	// loads from elsewhere, no fixed size.
	for _, bad := range []string{" style=", "\tstyle=", "<script", "<?xml", "href=", `width="720pt"`, "<style", "#000000"} {
		if strings.Contains(s, bad) {
			t.Errorf("chart holds %q", bad)
		}
	}
	// A point per day of every series, over the three days, but for the
	// zeros, where several lines meet.
	if n := strings.Count(s, "<circle "); n != 4 || strings.Contains(s, ": 0</title>") {
		t.Errorf("%d hover points, want 4", n)
	}
}

func TestDaysSpan(t *testing.T) {
	if _, err := Days(nil, Options{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("no series: %v", err)
	}
	if _, err := Days([]Series{{Name: "x"}}, Options{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("no points: %v", err)
	}
	// One day is a chart of one point.
	one, err := Days([]Series{{Points: []Point{{Day: aug.Add(20 * time.Hour), Count: 4}}}}, Options{})
	if err != nil || strings.Count(string(one), "<circle ") != 1 || !strings.Contains(string(one), "<title>2025-08-01: 4</title>") {
		t.Errorf("one day: %v\n%s", err, one)
	}
	// A long span keeps the latest MaxDays days; counts of a day add up.
	long, err := Days([]Series{{Points: append(days(aug, 7, 1, 1, 1, 1), Point{Day: aug.AddDate(0, 0, 4), Count: 2})}}, Options{MaxDays: 3})
	if err != nil {
		t.Fatal(err)
	}
	if s := string(long); strings.Count(s, "<circle ") != 3 || strings.Contains(s, "2025-08-01") || !strings.Contains(s, "<title>2025-08-05: 3</title>") {
		t.Errorf("span cut: %s", s)
	}
}

// BenchmarkDays draws a chart of 180 days with six series, as the events
// page does.
func BenchmarkDays(b *testing.B) {
	var series []Series
	for i, name := range []string{"परामर्श", "हमला", "आपदा", "विरोध", "आरोप", "सहायता"} {
		counts := make([]int, 180)
		for d := range counts {
			counts[d] = (d*(i+3) + i) % 17
		}
		series = append(series, Series{Name: name, Points: days(aug, counts...)})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Days(series, Options{Label: "घटनाएँ", Y: "घटनाएँ"}); err != nil {
			b.Fatal(err)
		}
	}
}
