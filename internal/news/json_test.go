package news

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var ist = time.FixedZone("IST", 5*3600+1800)

func TestMarshalEmptyIsNullsAndLists(t *testing.T) {
	b, err := json.Marshal(&Article{ID: "abc", Source: Source{URI: "a.txt", Format: FormatText}})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"schema":"khabar.article/v1","id":"abc","source":{"uri":"a.txt","format":"text","fetched":null},` +
		`"url":null,"title":null,"title_en":null,"lang":null,"lang_detail":null,"publisher":null,"byline":[],` +
		`"agencies":[],"dateline":null,"published":null,"updated":null,"text":"","removed":[],"entities":[],` +
		`"times":[],"quotes":[],"events":[],"duplicate_of":null,"group":null,"story":null}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

func TestRoundTrip(t *testing.T) {
	two := 2
	a := &Article{
		ID:        "0f00aa11bb22cc33",
		Source:    Source{URI: "https://example.in/x", Format: FormatHTML, Fetched: time.Date(2025, 11, 3, 9, 0, 0, 0, time.UTC)},
		URL:       "https://example.in/x",
		Title:     "रूस ने बैठक टाली",
		TitleEn:   "Russia puts off meeting",
		Lang:      "hi",
		Publisher: "Example Hindi",
		Byline:    []string{"भाषा"},
		Agencies:  []string{"PTI-Bhasha", "AP"},
		Dateline:  &Dateline{Place: "Moscow", PlaceText: "मास्को", Date: "2025-11-02"},
		Published: time.Date(2025, 11, 3, 20, 59, 41, 0, ist),
		Text:      "मास्को में प्रवक्ता ने कहा कि बैठक अभी नहीं होगी।",
		Removed:   []Removal{{Text: "Web Title: Russia puts off meeting", Reason: "web-title"}},
		Entities: []Entity{{ID: "kb:moscow", Name: "Moscow", Names: map[string]string{"hi": "मास्को"}, Type: LOC,
			Mentions: []Mention{{Text: "मास्को", Start: 0, End: 6}}}},
		Times:  []Time{{Text: "रविवार", Type: "DATE", Value: "2025-11-02", Start: 1, End: 7}},
		Quotes: []Quote{{Speaker: "kb:x", SpeakerName: "प्रवक्ता", Text: "बैठक अभी नहीं होगी", Cue: "कहा कि", Via: []string{"Xinhua", "TASS"}, Start: 3, End: 9}},
		Events: []Event{{Type: "ASSAULT", Trigger: "हमला", Killed: &two, Actors: []string{"kb:russia"}, Targets: []string{}}},
		Group:  "g1",
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"published":"2025-11-03T20:59:41+05:30"`) {
		t.Errorf("published not written with its offset: %s", b)
	}
	var back Article
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b2, err := json.Marshal(&back)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != string(b2) {
		t.Errorf("round trip changed the record:\n%s\n%s", b, b2)
	}
	if !back.Published.Equal(a.Published) || !reflect.DeepEqual(back.Agencies, a.Agencies) {
		t.Errorf("fields lost: %+v", back)
	}
	// Without the text: everything else as decoded whole.
	light, err := DecodeWithoutText(b)
	if err != nil {
		t.Fatal(err)
	}
	want := back
	want.Text, want.Removed = "", nil
	if !reflect.DeepEqual(*light, want) {
		t.Errorf("DecodeWithoutText:\n got %+v\nwant %+v", *light, want)
	}
	for name, in := range map[string]string{
		"other schema": `{"schema":"khabar.article/v9","id":"x","text":"a"}`,
		"bad time":     `{"schema":"khabar.article/v1","id":"x","published":"yesterday"}`,
		"not json":     `{"schema":"khabar.article/v1","text":`,
	} {
		if _, err := DecodeWithoutText([]byte(in)); err == nil {
			t.Errorf("DecodeWithoutText(%s): no error", name)
		}
	}
}

func TestUnmarshalRejects(t *testing.T) {
	for name, in := range map[string]string{
		"other schema": `{"schema":"khabar.article/v9","id":"x"}`,
		"bad time":     `{"schema":"khabar.article/v1","id":"x","published":"yesterday"}`,
		"not json":     `{"schema":`,
	} {
		t.Run(name, func(t *testing.T) {
			var a Article
			err := json.Unmarshal([]byte(in), &a)
			if err == nil {
				t.Fatal("no error")
			}
			if name == "other schema" && !errors.Is(err, ErrSchema) {
				t.Errorf("err = %v, want ErrSchema", err)
			}
		})
	}
}

func TestOffsets(t *testing.T) {
	text := "पुतिन ने कहा: ok"
	o := NewOffsets(text)
	cases := []struct{ sub string }{{"पुतिन"}, {"ने"}, {"कहा"}, {"ok"}}
	runes := []rune(text)
	for _, c := range cases {
		b := strings.Index(text, c.sub)
		r := o.Rune(b)
		if got := string(runes[r : r+len([]rune(c.sub))]); got != c.sub {
			t.Errorf("Rune(%d) = %d, slice %q, want %q", b, r, got, c.sub)
		}
		if Byte(text, r) != b {
			t.Errorf("Byte(%d) = %d, want %d", r, Byte(text, r), b)
		}
	}
	if o.Rune(len(text)) != len(runes) || o.Rune(-3) != 0 || o.Rune(1<<20) != len(runes) {
		t.Error("out-of-range offsets not clamped")
	}
	if a := NewOffsets("plain ascii"); a.Rune(5) != 5 {
		t.Error("ascii fast path wrong")
	}
	// ASCII text clamps too (issue 17: FuzzOffsets found Rune(-66)).
	a := NewOffsets("plain ascii")
	if a.Rune(-66) != 0 || a.Rune(100) != len("plain ascii") {
		t.Errorf("ascii out-of-range offsets not clamped: Rune(-66) = %d, Rune(100) = %d", a.Rune(-66), a.Rune(100))
	}
}

func FuzzOffsets(f *testing.F) {
	f.Add("पुतिन ने कहा", 3)
	f.Add("\xff\xfe abc", 1)
	f.Add("0", -66)
	f.Add("ascii", 99)
	f.Fuzz(func(t *testing.T, s string, b int) {
		o := NewOffsets(s)
		r := o.Rune(b)
		if r < 0 || r > len([]rune(s)) {
			t.Fatalf("Rune(%d) = %d out of range", b, r)
		}
	})
}

func BenchmarkMarshal(b *testing.B) {
	a := &Article{ID: "x", Text: strings.Repeat("रूस के राष्ट्रपति ने कहा। ", 200), Byline: []string{"a"}}
	for b.Loop() {
		if _, err := json.Marshal(a); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOffsetsEveryByte compares Rune with a table of every byte, as
// Offsets kept before it had checkpoints, on text with invalid bytes and
// characters across checkpoints.
func TestOffsetsEveryByte(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("रूस ने कहा a\xff\xe0\xa4 ", 40),
		strings.Repeat("x", 63) + "नमस्ते" + strings.Repeat("y", 64) + "\x80\x80क",
		strings.Repeat("a", 128) + "é",
		"\xe0\xa4\xb0",
	} {
		want := make([]int, len(text)+1)
		n := 0
		for i := 0; i < len(text); {
			_, size := utf8.DecodeRuneInString(text[i:])
			for k := range size {
				want[i+k] = n
			}
			n++
			i += size
		}
		want[len(text)] = n
		o := NewOffsets(text)
		for b := range want {
			if got := o.Rune(b); got != want[b] {
				t.Fatalf("%q: Rune(%d) = %d, want %d", text, b, got, want[b])
			}
		}
		if o.Rune(len(text)+5) != n {
			t.Errorf("%q: past the end = %d, want %d", text, o.Rune(len(text)+5), n)
		}
	}
}

// TestOffsetsByte compares Byte, the inverse of Rune, with the start of
// every code point as ranging over the text finds it, on the same texts.
func TestOffsetsByte(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("रूस ने कहा a\xff\xe0\xa4 ", 40),
		strings.Repeat("x", 63) + "नमस्ते" + strings.Repeat("y", 64) + "\x80\x80क",
		strings.Repeat("a", 128) + "é",
		strings.Repeat("plain ASCII ", 20),
		"\xe0\xa4\xb0",
		"",
	} {
		var starts []int
		for i := range text {
			starts = append(starts, i)
		}
		starts = append(starts, len(text))
		o := NewOffsets(text)
		if o.Len() != len(starts)-1 {
			t.Fatalf("%q: Len = %d, want %d", text, o.Len(), len(starts)-1)
		}
		for r, want := range starts {
			if got := o.Byte(r); got != want {
				t.Fatalf("%q: Byte(%d) = %d, want %d", text, r, got, want)
			}
			if got := o.Rune(want); got != r {
				t.Fatalf("%q: Rune(Byte(%d)) = %d", text, r, got)
			}
		}
		if o.Byte(-3) != 0 || o.Byte(len(starts)+4) != len(text) {
			t.Errorf("%q: out of range: %d, %d", text, o.Byte(-3), o.Byte(len(starts)+4))
		}
	}
}
