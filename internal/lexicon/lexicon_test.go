package lexicon

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbeddedPacksLoad(t *testing.T) {
	for _, lang := range []string{"hi", "en", "mr"} {
		p := Get(lang)
		if p == nil {
			t.Fatalf("no embedded pack %q; have %v", lang, Langs())
		}
		if len(p.Entries(Month)) == 0 {
			t.Errorf("%s: no months", lang)
		}
	}
	if got := Primaries(); strings.Join(got, ",") != "hi,mr" {
		t.Errorf("Primaries() = %v, want [hi mr]", got)
	}
}

func TestEveryClassHasSpec(t *testing.T) {
	for c, s := range schema {
		if c == "" || strings.ContainsAny(string(c), " []\t") {
			t.Errorf("bad class name %q", c)
		}
		if s.kind != Text && s.values != nil {
			t.Errorf("%s: values listed for a %s class", c, s.kind)
		}
	}
}

func TestPrimary(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"hi", "hi"}, {"mr", "mr"}, {"en", "hi"}, {"", "hi"}, {"ne", "hi"}, {"bn", "hi"},
	} {
		if got := Primary(tc.lang); got != tc.want {
			t.Errorf("Primary(%q) = %q, want %q", tc.lang, got, tc.want)
		}
	}
	ps := Packs("mr")
	if len(ps) != 2 || ps[0].Lang != "mr" || ps[1].Lang != "en" {
		t.Errorf("Packs(mr) = %v", ps)
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"xx/a.txt": {Data: []byte("# comment\n[month]\nजनवरी जन\t1\n\n[quote.cue]\nजानकारी  देते हुए कहा\n\n[clean.voice-words]\n\" आप \"\n\"by \"\n\"\n")},
		"xx/b.txt": {Data: []byte("[month]\nफरवरी\t2\n[time.unit]\nदिन\tday\n[number]\nडेढ़\t1.5\n")},
	}
	p, err := Load(fsys, "xx")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{{"जनवरी", "1"}, {"जन", "1"}, {"फरवरी", "2"}}
	got := p.Entries(Month)
	if len(got) != len(want) {
		t.Fatalf("months = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("month %d = %v, want %v", i, got[i], want[i])
		}
	}
	if got[2].Int() != 2 {
		t.Errorf("Int() = %d", got[2].Int())
	}
	if cues := p.Words(QuoteCue); len(cues) != 1 || cues[0] != "जानकारी देते हुए कहा" {
		t.Errorf("phrase class: %q", cues)
	}
	// A phrase in double quotes keeps its spaces; a lone quote is a word.
	if v := p.Words(CleanVoiceWords); len(v) != 3 || v[0] != " आप " || v[1] != "by " || v[2] != "\"" {
		t.Errorf("quoted phrases: %q", v)
	}
	if n := p.Entries(NumberWord); len(n) != 1 || n[0].Float() != 1.5 {
		t.Errorf("numbers: %v", n)
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ name, file, want string }{
		{"unknown class", "[month]\nजनवरी\t1\n[montth]\nफरवरी\t2\n", `xx/a.txt:3: unknown class "montth"`},
		{"entry before class", "जनवरी\t1\n", "before any [class]"},
		{"missing value", "[month]\nजनवरी\n", "needs a value"},
		{"not an integer", "[month]\nजनवरी\tone\n", "not an integer"},
		{"not a number", "[number]\nडेढ़\tx\n", "not a number"},
		{"value of a closed list", "[time.unit]\nदिन\tdays\n", "none of"},
		{"value where none is taken", "[event.negation]\nनहीं\tyes\n", "takes no value"},
		{"value with no words", "[month]\n\t3\n", "no words"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"xx/a.txt": {Data: []byte(tc.file)}}, "xx")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load: err = %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := Load(fstest.MapFS{}, "zz"); err == nil {
		t.Error("Load of a missing language: no error")
	}
}

func TestUnknownClassPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Entries of an unknown class did not panic")
		}
	}()
	Get("hi").Entries(Class("nonsense"))
}

func FuzzLoad(f *testing.F) {
	f.Add("[month]\nजनवरी\t1\n")
	f.Add("[quote.cue]\nजानकारी देते हुए कहा\n[event.trigger]\nभूकंप*\tEARTHQUAKE\n")
	f.Add("#x\n[\n]\n\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Load(fstest.MapFS{"xx/a.txt": {Data: []byte(s)}}, "xx")
		if err != nil {
			return
		}
		for c, spec := range schema {
			for _, e := range p.Entries(c) {
				if e.Text == "" || (spec.kind != None && e.Value == "") {
					t.Fatalf("%s: bad entry %+v", c, e)
				}
			}
		}
	})
}

func TestBuildAndSet(t *testing.T) {
	tabs := Build(func(packs []*Pack) (map[string]bool, error) { return Set(packs, Month), nil })
	if !tabs.For("mr")["जानेवारी"] || tabs.For("mr")["जनवरी"] {
		t.Error("Marathi tables: want Marathi months and not Hindi ones")
	}
	if !tabs.For("ne")["जनवरी"] || !tabs.For("en")["january"] {
		t.Error("fallback tables: want Hindi and English months")
	}
	if err := tabs.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
	bad := Build(func([]*Pack) (int, error) { return 0, errors.New("bad entry") })
	if err := bad.Check(); err == nil || !strings.Contains(err.Error(), "hi tables: bad entry") {
		t.Errorf("Check with a failing builder: %v, want an error naming the tables", err)
	}
	defer func() {
		if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "tables") {
			t.Errorf("For with a failing builder: recovered %v, want a panic naming the tables", r)
		}
	}()
	bad.For("hi")
}

// TestWords checks the set both ways it is kept: scanned when small,
// hashed when large, and a member longer than 63 bytes.
func TestWords(t *testing.T) {
	long := strings.Repeat("क", 30) // 90 bytes
	for _, n := range []int{0, 3, smallWords, smallWords + 1, 40} {
		var ws []string
		for i := range n {
			ws = append(ws, fmt.Sprintf("w%d", i))
		}
		ws = append(ws, long, "w0") // a duplicate is kept once
		w := NewWords(ws...)
		if got, want := w.Len(), n+1; n > 0 && got != want || n == 0 && got != 2 {
			t.Errorf("%d words: Len %d", n, got)
		}
		for _, s := range ws {
			if !w.Has(s) {
				t.Errorf("%d words: Has(%q) = false", n, s)
			}
		}
		for _, s := range []string{"", "w", "x0", long + "क", long[:87], fmt.Sprintf("w%d", n+1)} {
			if w.Has(s) {
				t.Errorf("%d words: Has(%q) = true", n, s)
			}
		}
	}
	var zero Words
	if zero.Has("") || zero.Has("a") || zero.Len() != 0 {
		t.Error("the zero Words is not empty")
	}
	got := WordSet(Packs("hi"), Month)
	if !got.Has("मार्च") || !got.Has("march") || got.Has("मार्चे") {
		t.Error("WordSet(hi, month): want मार्च and march")
	}
}
