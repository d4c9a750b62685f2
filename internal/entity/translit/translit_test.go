package translit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRomanize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"पुतिन", "putin"},
		{"व्लादिमीर पुतिन", "vladimir putin"},
		{"दिमित्री पेस्कोव", "dimitri peskov"},
		{"डोनाल्ड ट्रंप", "donald tramp"},
		{"ट्रम्प", "tramp"},
		{"राजकुमार", "rajkumar"},
		{"कमलनाथ", "kamalnath"},
		{"मित्र", "mitra"},
		{"सत्य", "satya"},
		{"सिंह", "singh"},
		{"ज्ञान", "gyan"},
		{"क़ानून", "qanun"},
		{"ज़ेलेंस्की", "zelenski"},
		{"फ़्रांस", "frans"},
		{"दुःख", "duhkh"},
		{"हँसी", "hansi"},
		{"संबंध", "sambandh"},
		{"न", "na"},
		{"२०२५ में।", "2025 men."},
		{"Putin ने", "putin ne"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Romanize(tt.in); got != tt.want {
				t.Errorf("Romanize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKey(t *testing.T) {
	groups := [][]string{
		{"दिमित्री पेस्कोव", "दमित्री पेस्कोव", "Dmitry Peskov", "Dmitri Peskov"},
		{"ट्रंप", "ट्रम्प", "Trump"},
		{"बाइडन", "बाइडेन", "Biden"},
		{"ज़ेलेंस्की", "जेलेंस्की", "Zelensky"},
		{"शोएब मलिक", "Shoaib Malik"},
	}
	for _, g := range groups {
		want := Key(g[0])
		for _, n := range g[1:] {
			if got := Key(n); got != want {
				t.Errorf("Key(%q) = %q, Key(%q) = %q: want equal", n, got, g[0], want)
			}
		}
	}
	if Key("पुतिन") == Key("पेस्कोव") {
		t.Error("different names share a key")
	}
}

func TestInitials(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"एमएस", "ms", true},
		{"एस.", "s", true},
		{"ए", "a", true},
		{"धोनी", "", false},
		{"ईबीआरडी", "", false}, // four letters: an acronym, not initials
	}
	for _, tt := range tests {
		got, ok := Initials(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Initials(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if l, ok := Spelled("ईबीआरडी"); !ok || l != "ebrd" {
		t.Errorf("Spelled(ईबीआरडी) = %q, %v", l, ok)
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		hi, good, bad string
	}{
		{"हरभजन सिंह", "Harbhajan Singh", "Harmanpreet Kaur"},
		{"एमएस धोनी", "MS Dhoni", "Shikhar Dhawan"},
		{"ए बी डीविलियर्स", "AB de Villiers", "Faf du Plessis"},
		{"एम अश्विन", "Murugan Ashwin", "Ravindra Jadeja"},
		{"क्रिस गेल", "Chris Gayle", "Chris Woakes"},
	}
	for _, tt := range tests {
		h := Prepare(tt.hi)
		g, b := Score(h, Prepare(tt.good)), Score(h, Prepare(tt.bad))
		if g <= b {
			t.Errorf("%s: %s scores %.3f, %s %.3f", tt.hi, tt.good, g, tt.bad, b)
		}
	}
}

func TestMatchNames(t *testing.T) {
	hi := "विराट कोहली\nरोहित शर्मा\n\n"
	en := "Rohit Sharma\nVirat Kohli\nJasprit Bumrah\n"
	var out strings.Builder
	if err := MatchNames(strings.NewReader(hi), strings.NewReader(en), &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "विराट कोहली\tVirat Kohli\t") || !strings.HasPrefix(lines[1], "रोहित शर्मा\tRohit Sharma\t") {
		t.Errorf("got %q", out.String())
	}
	if err := MatchNames(strings.NewReader("\xff\n"), strings.NewReader(en), &out); err == nil {
		t.Error("invalid UTF-8: no error")
	}
}

// namesFile finds the cricketers dev file under shared/data.
func namesFile(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("KHABAR_EVAL_DATA"); d != "" {
		return filepath.Join(d, "names", "cricketers-hi-en.dev.tsv")
	}
	dir, _ := os.Getwd()
	for {
		p := filepath.Join(dir, "shared", "data", "names", "cricketers-hi-en.dev.tsv")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestEvalNamesDev measures accuracy@1 on the cricketers dev file: each
// Hindi name against all English names of the file. Target ≥ 0.90.
func TestEvalNamesDev(t *testing.T) {
	p := namesFile(t)
	f, err := os.Open(p)
	if err != nil {
		t.Skipf("names dev file not available (%v); set KHABAR_EVAL_DATA", err)
	}
	defer f.Close()
	var out strings.Builder
	rep, err := EvalNames(f, &out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("pairs %d accuracy@1 %.4f", rep.Pairs, rep.Accuracy)
	if rep.Accuracy < 0.90 {
		t.Errorf("accuracy@1 %.4f < 0.90\n%s", rep.Accuracy, out.String())
	}
}

func TestEvalNamesBad(t *testing.T) {
	if _, err := EvalNames(strings.NewReader("hindi\tenglish\nno tab here\n"), &strings.Builder{}); err == nil {
		t.Error("no error for a line without a tab")
	}
	rep, err := EvalNames(strings.NewReader(""), &strings.Builder{})
	if err != nil || rep.Pairs != 0 {
		t.Errorf("empty: %+v %v", rep, err)
	}
}

func FuzzRomanize(f *testing.F) {
	for _, s := range []string{"पुतिन", "क़्ष्ज्ञ", "ं्", "ऽॐ", "a\u094db", "\u093c\u093c", "\xff\xfe", "ज्ञ्", "़ि"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Romanize(s)
		if utf8.ValidString(s) && !utf8.ValidString(r) {
			t.Errorf("Romanize(%q) = %q: invalid UTF-8", s, r)
		}
		_ = Key(s)
		_ = Phonetic(s)
		_ = Score(Prepare(s), Prepare(r))
		_, _ = Spelled(s)
	})
}

func BenchmarkRomanize(b *testing.B) {
	text := "रूस के विदेश मंत्री सर्गेई लावरोव ने नई दिल्ली में प्रधानमंत्री नरेंद्र मोदी से मुलाकात की"
	for b.Loop() {
		_ = Romanize(text)
	}
}

func BenchmarkScore(b *testing.B) {
	h, e := Prepare("ए बी डीविलियर्स"), Prepare("Ab De Villiers")
	for b.Loop() {
		_ = Score(h, e)
	}
}
