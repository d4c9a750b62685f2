package api

import (
	"errors"
	"net/url"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseQuery(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, IST()) }
	tests := []struct {
		name  string
		query string
		want  Query
	}{
		{"defaults", "", Query{Limit: DefaultLimit}},
		{"trimmed text", "q=+%E0%A4%AC%E0%A4%BE%E0%A4%A2%E0%A4%BC+", Query{Text: "बाढ़", Limit: DefaultLimit}},
		{"date-only from is midnight IST", "from=2025-03-19", Query{From: day(2025, 3, 19), Limit: DefaultLimit}},
		{"date-only to is the next midnight", "to=2025-03-19", Query{To: day(2025, 3, 20), Limit: DefaultLimit}},
		{"to at month end", "to=2025-02-28", Query{To: day(2025, 3, 1), Limit: DefaultLimit}},
		{"rfc3339 kept as given", "from=2025-03-19T05:00:00Z&to=2025-03-19T12:00:00%2B05:30",
			Query{From: time.Date(2025, 3, 19, 5, 0, 0, 0, time.UTC), To: time.Date(2025, 3, 19, 6, 30, 0, 0, time.UTC), Limit: DefaultLimit}},
		{"limit bounds", "limit=100", Query{Limit: 100}},
		{"lang lower-cased", "lang=HI", Query{Lang: "hi", Limit: DefaultLimit}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseQuery(v)
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != tt.want.Text || got.Lang != tt.want.Lang || got.Limit != tt.want.Limit ||
				!got.From.Equal(tt.want.From) || !got.To.Equal(tt.want.To) || got.Cursor != tt.want.Cursor {
				t.Errorf("ParseQuery(%q) = %+v, want %+v", tt.query, got, tt.want)
			}
		})
	}
}

func TestCursor(t *testing.T) {
	for _, inner := range []string{"1", "2025-03-19T10:00:00Z|abc", "\x00\xff binary"} {
		for _, search := range []bool{false, true} {
			c := encodeCursor(inner, search)
			got, err := decodeCursor(c, search)
			if err != nil || got != inner {
				t.Errorf("decode(encode(%q, %v)) = %q, %v", inner, search, got, err)
			}
			if _, err := decodeCursor(c, !search); err == nil {
				t.Errorf("cursor of search=%v accepted for search=%v", search, !search)
			}
		}
	}
	if encodeCursor("", true) != "" {
		t.Error("an empty backend cursor is not empty")
	}
}

// FuzzParseQuery checks that ParseQuery never panics, fails only with a
// *ParamError, and returns only queries within bounds.
func FuzzParseQuery(f *testing.F) {
	f.Add("", "", "", "", "", "")
	f.Add("मेट्रो", "hi", "2025-03-19", "2025-03-20", "20", "")
	f.Add("cargo", "EN", "2025-03-19T10:00:00+05:30", "2025-03-19T10:00:00 05:30", "100", encodeCursor("40", true))
	f.Add("x", "", "2025-02-29", "9999-12-31", "0", encodeCursor("40", false))
	f.Add("\x00", "hindi", "2025-03-19T25:00:00Z", "-1", "1e3", "!!")
	f.Add("", "", "2025-03-19T10:00:00.123456789-00:00", "", "07", "bA")
	f.Fuzz(func(t *testing.T, q, lang, from, to, limit, cursor string) {
		v := url.Values{}
		for k, s := range map[string]string{"q": q, "lang": lang, "from": from, "to": to, "limit": limit, "cursor": cursor} {
			v.Set(k, s)
		}
		got, err := ParseQuery(v)
		if err != nil {
			var pe *ParamError
			if !errors.As(err, &pe) || pe.Msg == "" {
				t.Fatalf("error %v is not a *ParamError with a message", err)
			}
			return
		}
		if got.Limit < 1 || got.Limit > MaxLimit {
			t.Errorf("limit %d out of bounds", got.Limit)
		}
		if !got.From.IsZero() && !got.To.IsZero() && !got.From.Before(got.To) {
			t.Errorf("from %v not before to %v", got.From, got.To)
		}
		if len(got.Text) > MaxQueryText || !utf8.ValidString(got.Text) {
			t.Errorf("text %q accepted", got.Text)
		}
		if got.Lang != "" && !isLangCode(got.Lang) {
			t.Errorf("lang %q accepted", got.Lang)
		}
		if got.Cursor != "" {
			if _, err := decodeCursor(got.Cursor, got.Text != ""); err != nil {
				t.Errorf("cursor %q accepted but does not decode: %v", got.Cursor, err)
			}
		}
	})
}

// FuzzCursor checks that any backend cursor survives the round trip and
// that decoding arbitrary input never panics.
func FuzzCursor(f *testing.F) {
	f.Add("40", true)
	f.Add("", false)
	f.Add("\xff", false)
	f.Fuzz(func(t *testing.T, s string, search bool) {
		_, _ = decodeCursor(s, search)
		if s == "" {
			return
		}
		c := encodeCursor(s, search)
		if len(c) > maxCursor {
			return
		}
		got, err := decodeCursor(c, search)
		if err != nil || got != s {
			t.Fatalf("round trip of %q = %q, %v", s, got, err)
		}
	})
}
