package normalize

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"khabar/internal/news"
)

// TestFields is issue 17 #7 and #6: bidi overrides and zero-width
// characters leave every field people read, not only the title, and only
// web URLs stay.
func TestFields(t *testing.T) {
	a := &news.Article{
		Title:     "पुतिन\u202E ने कहा",
		Publisher: "\u202Eevil\u202C Times\u200B",
		Byline:    []string{"\u2066राम\u2069 शर्मा", "\u200B"},
		Agencies:  []string{"PTI\u200E"},
		Dateline:  &news.Dateline{Place: "New\u2067 Delhi", PlaceText: "नई\u200B दिल्ली"},
		URL:       " https://example.com/a\n",
	}
	Fields(a)
	if a.Title != "पुतिन ने कहा" || a.Publisher != "evil Times" || !slices.Equal(a.Byline, []string{"राम शर्मा"}) ||
		!slices.Equal(a.Agencies, []string{"PTI"}) || a.Dateline.Place != "New Delhi" || a.Dateline.PlaceText != "नई दिल्ली" {
		t.Errorf("Fields left invisible characters: %+v %+v", a, *a.Dateline)
	}
	if a.URL != "https://example.com/a" || len(a.Removed) != 0 {
		t.Errorf("URL = %q, removed %v", a.URL, a.Removed)
	}
}

func TestFieldsURL(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{
		{"https://example.com/x", true},
		{"HTTP://example.com", true},
		{"javascript:alert(1)", false},
		{"JavaScript://example.com/%0Aalert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox(1)", false},
		{"//example.com/x", false},
		{"/relative", false},
		{"https://", false},
		{"https://exa mple.com", false},
		{"https://example.com/\u202Egnp.exe", false},
		{"ftp://example.com/a", false},
	} {
		a := &news.Article{URL: c.in}
		Fields(a)
		if got := a.URL != ""; got != c.ok {
			t.Errorf("%q kept = %v, want %v", c.in, got, c.ok)
		}
		if !c.ok && (len(a.Removed) != 1 || a.Removed[0].Reason != ReasonURL) {
			t.Errorf("%q: removed = %v, want one %q note", c.in, a.Removed, ReasonURL)
		}
	}
}

func FuzzURL(f *testing.F) {
	for _, s := range []string{"https://example.com", "javascript:alert(1)", " http://a.b/c ", "data:,x", "http://[::1]:80/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, ok := URL(s)
		if !ok {
			return
		}
		p, err := url.Parse(u)
		if err != nil || (!strings.EqualFold(p.Scheme, "http") && !strings.EqualFold(p.Scheme, "https")) || p.Host == "" {
			t.Fatalf("URL(%q) = %q, not an http(s) URL", s, u)
		}
		if again, ok := URL(u); !ok || again != u {
			t.Fatalf("URL not idempotent on %q: %q, %v", u, again, ok)
		}
	})
}
