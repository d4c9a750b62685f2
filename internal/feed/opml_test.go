package feed

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadOPML(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "subscriptions.opml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ReadOPML(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []Outline{
		{Text: "समाचार दर्पण", Title: "समाचार दर्पण - ताज़ा ख़बरें", Type: "rss", XMLURL: "https://samachar-darpan.example.in/rss/latest.xml", HTMLURL: "https://samachar-darpan.example.in/", Category: "हिंदी"},
		{Text: "नगर संवाद", Type: "rss", XMLURL: "https://nagar-samvad.example.net/feed.json", Category: "हिंदी/Regional"},
		{Text: "The Deccan Ledger", Type: "rss", XMLURL: "https://deccan-ledger.example.com/india/atom.xml", HTMLURL: "https://deccan-ledger.example.com/india/"},
		{Text: "A site without a feed", Type: "link", HTMLURL: "https://old-gazette.example.org/", Category: "English/Archive"},
	}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("ReadOPML =\n%+v\nwant\n%+v", got, want)
	}
}

func TestReadOPMLErrors(t *testing.T) {
	tests := []struct{ name, in string }{
		{"not opml", `<rss version="2.0"><channel/></rss>`},
		{"empty", ``},
		{"truncated", `<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/f"`},
		{"too large", `<opml><body>` + strings.Repeat(" ", maxOPML) + `</body></opml>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, err := ReadOPML(strings.NewReader(tt.in)); err == nil {
				t.Errorf("no error, got %+v", got)
			}
		})
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	in := []Outline{
		{Text: "The Deccan Ledger", Title: "The Deccan Ledger — India", Type: "rss", XMLURL: "https://deccan-ledger.example.com/india/atom.xml", HTMLURL: "https://deccan-ledger.example.com/india/"},
		{Text: "समाचार दर्पण", Title: "समाचार दर्पण - ताज़ा ख़बरें", Type: "rss", XMLURL: "https://samachar-darpan.example.in/rss/latest.xml?cat=desh&format=rss", Category: "हिंदी"},
		{Text: "नगर संवाद", Type: "rss", XMLURL: "https://nagar-samvad.example.net/feed.json", Category: "हिंदी"},
		{Text: "Quotes \"&\" <angles>", Type: "rss", XMLURL: "https://a.example/feed", Category: "English/Odd"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "khabar — स्रोत", in); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) || !bytes.Contains(buf.Bytes(), []byte(`<opml version="2.0">`)) {
		t.Errorf("not an OPML 2.0 document:\n%s", buf.Bytes())
	}
	out, err := ReadOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprintf("%+v", out) != fmt.Sprintf("%+v", in) {
		t.Errorf("round trip =\n%+v\nwant\n%+v", out, in)
	}
}

func TestWriteOPMLDefaults(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "t", []Outline{{XMLURL: "https://a.example/feed"}, {Title: "Only a title", XMLURL: "https://b.example/feed"}}); err != nil {
		t.Fatal(err)
	}
	out, err := ReadOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := []Outline{
		{Text: "https://a.example/feed", Type: "rss", XMLURL: "https://a.example/feed"},
		{Text: "Only a title", Title: "Only a title", Type: "rss", XMLURL: "https://b.example/feed"},
	}
	if fmt.Sprintf("%+v", out) != fmt.Sprintf("%+v", want) {
		t.Errorf("got %+v, want %+v", out, want)
	}
}
