package source

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"khabar/internal/news"
)

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, "" for the zero time
		err  bool
	}{
		{in: "", want: ""},
		{in: "2025-03-19T20:59:41+05:30", want: "2025-03-19T20:59:41+05:30"},
		{in: "2025-03-19T15:29:41Z", want: "2025-03-19T15:29:41Z"},
		{in: "2025-03-19T20:59:41.250+05:30", want: "2025-03-19T20:59:41+05:30"},
		{in: "2025-03-19T20:59:41+5:30", want: "2025-03-19T20:59:41+05:30"},
		{in: "2025-03-19T20:59:41+0530", want: "2025-03-19T20:59:41+05:30"},
		{in: "2025-03-19T10:00:00-04:00", want: "2025-03-19T10:00:00-04:00"},
		{in: "2025-03-19 20:59:41", want: "2025-03-19T20:59:41+05:30"},
		{in: "2025-03-19T20:59:41", want: "2025-03-19T20:59:41+05:30"},
		{in: "2025-03-19 20:59", want: "2025-03-19T20:59:00+05:30"},
		{in: "2025-03-19 20:59:41 IST", want: "2025-03-19T20:59:41+05:30"},
		{in: " 2025-03-19 ", want: "2025-03-19T00:00:00+05:30"},
		{in: "19/03/2025", err: true},
		{in: "yesterday", err: true},
		{in: "2025-13-45", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTime(tt.in)
			if tt.err {
				if err == nil {
					t.Fatalf("ParseTime(%q) = %v, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseTime(%q) error = %v", tt.in, err)
			}
			s := ""
			if !got.IsZero() {
				s = got.Format(time.RFC3339)
			}
			if s != tt.want {
				t.Errorf("ParseTime(%q) = %q, want %q", tt.in, s, tt.want)
			}
		})
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/a", "https://example.org/a"},
		{" HTTPS://Example.ORG:443/A?b=1#frag ", "https://example.org/A?b=1"},
		{"http://example.org:80", "http://example.org/"},
		{"http://example.org:8080/x", "http://example.org:8080/x"},
		{"https://example.org/a?utm_source=tw&id=3&UTM_medium=x&fbclid=abc", "https://example.org/a?id=3"},
		{"https://example.org/a?utm_source=tw", "https://example.org/a"},
		{"https://example.org/a?", "https://example.org/a"},
		{"https://example.org/%E0%A4%96%E0%A4%AC%E0%A4%B0", "https://example.org/%E0%A4%96%E0%A4%AC%E0%A4%B0"},
		{"not a url", "not a url"},
		{"/relative/path", "/relative/path"},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIDAndHash(t *testing.T) {
	if got := ID("url:https://example.org/a"); len(got) != 16 || got != ID("url:https://example.org/a") || got == ID("url:https://example.org/b") {
		t.Errorf("ID() = %q: want 16 hex digits, stable, distinct", got)
	}
	base := news.Article{
		Source: news.Source{URI: "a.jsonl#L1", Format: news.FormatJSONL},
		Raw: news.Raw{Body: "body", Format: news.FormatText, Hints: news.Hints{
			URL: "https://example.org/a", Title: "t", Publisher: "p", Lang: "hi",
			Published: time.Date(2025, 3, 19, 0, 0, 0, 0, ist),
		}},
	}
	h := Hash(&base)
	changes := map[string]func(a *news.Article){
		"uri":       func(a *news.Article) { a.Source.URI = "a.jsonl#L2" },
		"body":      func(a *news.Article) { a.Raw.Body = "body!" },
		"format":    func(a *news.Article) { a.Raw.Format = news.FormatHTML },
		"url":       func(a *news.Article) { a.Raw.Hints.URL = "https://example.org/b" },
		"title":     func(a *news.Article) { a.Raw.Hints.Title = "T" },
		"publisher": func(a *news.Article) { a.Raw.Hints.Publisher = "" },
		"lang":      func(a *news.Article) { a.Raw.Hints.Lang = "en" },
		"published": func(a *news.Article) { a.Raw.Hints.Published = a.Raw.Hints.Published.Add(time.Second) },
		"fields run together": func(a *news.Article) {
			a.Raw.Hints.Title, a.Raw.Hints.Publisher = "tp", ""
		},
	}
	for name, change := range changes {
		a := base
		change(&a)
		if Hash(&a) == h {
			t.Errorf("Hash() unchanged after changing %s", name)
		}
	}
	a := base
	a.Text, a.Title, a.ID = "later stages", "write here", "x"
	if Hash(&a) != h {
		t.Errorf("Hash() changed with fields the source does not fill")
	}
}

func TestReadLine(t *testing.T) {
	in := strings.Repeat("a", 100) + "\n" + "short\n" + strings.Repeat("b", 70000) + "\nend"
	r := bufio.NewReaderSize(strings.NewReader(in), 16)
	type res struct {
		line    string
		tooLong bool
	}
	var got []res
	for {
		b, long, err := readLine(r, 50, nil)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, res{string(b), long})
	}
	want := []res{{"", true}, {"short", false}, {"", true}, {"end", false}}
	if len(got) != len(want) {
		t.Fatalf("readLine() lines = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"url":"https://example.org/a","title":"t","text":"` + hindi + `","published":"2025-03-19T20:59:41+05:30"}`))
	f.Add([]byte(`{"html":"<p>x</p>","published":"2025-03-19 20:59:41","lang":"hi","fetched":"2025-03-19"}`))
	f.Add([]byte(`{"text":"\u0000\u0001"}`))
	f.Add([]byte(`{"text":"x","published":"+5:30"}`))
	f.Add([]byte(`{"title":`))
	f.Add([]byte(`[1]`))
	f.Add([]byte("{\"text\":\"\xff\xfe\"}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		l, err := parseLine(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(l.body) || strings.TrimSpace(l.body) == "" {
			t.Fatalf("parseLine() body = %q", l.body)
		}
		if l.format != news.FormatText && l.format != news.FormatHTML {
			t.Fatalf("parseLine() format = %q", l.format)
		}
	})
}
