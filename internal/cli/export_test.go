package cli

import (
	"testing"

	"khabar/internal/news"
)

func TestCSVCell(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"पुतिन", "पुतिन"},
		{`=HYPERLINK("http://evil.example","x")`, `'=HYPERLINK("http://evil.example","x")`},
		{"+1+2", "'+1+2"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"＝1+1", "'＝1+1"},
		{"a=b", "a=b"},
		{"2026-12-07T10:00:00+05:30", "2026-12-07T10:00:00+05:30"},
	}
	for _, c := range cases {
		if got := csvCell(c.in); got != c.want {
			t.Errorf("csvCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCSVRowFormula is issue 17 #5: every cell of a row, not only the
// text, is made safe.
func TestCSVRowFormula(t *testing.T) {
	a := &news.Article{ID: "x", Title: "=HYPERLINK(\"http://evil.example\")", Publisher: "@evil",
		Byline: []string{"-1+1"}, Text: "+cmd"}
	for i, c := range csvRow(a) {
		if c != "" && (c[0] == '=' || c[0] == '+' || c[0] == '-' || c[0] == '@') {
			t.Errorf("column %s = %q starts a formula", csvHeader[i], c)
		}
	}
}
