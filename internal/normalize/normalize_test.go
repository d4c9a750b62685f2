package normalize

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"khabar/internal/news"
	"khabar/internal/news/newstest"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain hindi unchanged", "सरकार ने नई योजना शुरू की।", "सरकार ने नई योजना शुरू की।"},
		{"plain english unchanged", "The court will hear the case on Monday.", "The court will hear the case on Monday."},
		{"crlf and cr", "पहली पंक्ति\r\nदूसरी पंक्ति\rतीसरी", "पहली पंक्ति\nदूसरी पंक्ति\nतीसरी"},
		{"blank lines collapse", "पहला पैरा।\n\n\n\nदूसरा पैरा।", "पहला पैरा।\n\nदूसरा पैरा।"},
		{"leading trailing blank lines", "\n\n  खबर  \n\n", "खबर"},
		{"spaces and tabs collapse", "राज्य  सरकार\t\tने   कहा", "राज्य सरकार ने कहा"},
		{"trailing spaces on lines", "पहली  \nदूसरी\t\n", "पहली\nदूसरी"},
		{"nbsp and thin space", "Rs\u00a0500\u2009crore", "Rs 500 crore"},
		{"paragraph separator", "एक\u2029दो", "एक\n\nदो"},
		{"zero width space dropped", "लि\u200bफ्ट", "लिफ्ट"},
		{"soft hyphen dropped", "spokes\u00adperson", "spokesperson"},
		{"bom dropped", "\ufeffखबर", "खबर"},
		{"bidi marks dropped", "\u200eDelhi\u200f", "Delhi"},
		{"controls dropped", "a\x00b\x07c\x7f", "abc"},
		{"invalid utf8", "ab\xffcd", "ab\ufffdcd"},
		{"zwnj kept in conjunct", "क्\u200cष", "क्\u200cष"},
		{"zwj kept for eyelash ra", "र्\u200dय", "र्\u200dय"},
		{"zwj dropped after vowel", "शब्द\u200d के", "शब्द के"},
		{"zwnj dropped at word end", "क्\u200c ", "क्"},
		{"zwnj kept in urdu", "می\u200cخواهم", "می\u200cخواهم"},
		{"emoji zwj kept", "👨\u200d👩", "👨\u200d👩"},
		{"nukta letters decomposed", "\u095b\u0930\u0942\u0930\u0924 \u095e\u0948\u0938\u0932\u093e", "ज\u093cरूरत फ\u093cैसला"},
		{"nukta nna stays composed", "\u0928\u093c", "\u0929"},
		{"misplaced nukta moved", "कि\u093cताब", "क\u093cिताब"},
		{"misplaced nukta on na composes", "नि\u093c", "\u0929ि"},
		{"double nukta dropped", "ज\u093c\u093cमीन", "ज\u093cमीन"},
		{"do-not-use vowels", "अाज अौर एेसा अॉफिस उुपर", "आज और ऐसा ऑफिस ऊपर"},
		{"vowel sign typed as two", "याेग हाेली फाैज डाॅक्टर", "योग होली फौज डॉक्टर"},
		{"pipe after hindi becomes danda", "बैठक खत्म हुई | अब फैसला", "बैठक खत्म हुई। अब फैसला"},
		{"pipe at end", "बैठक खत्म हुई|", "बैठक खत्म हुई।"},
		{"double pipe", "जय हिंद ||", "जय हिंद॥"},
		{"double danda", "जय हिंद।।", "जय हिंद॥"},
		{"spaced dandas merge", "जय हिंद । ।", "जय हिंद॥"},
		{"fullwidth pipe", "वह आया｜", "वह आया।"},
		{"l as danda", "वह आया l फिर गया", "वह आया। फिर गया"},
		{"l as danda at line end", "वह आया l\nफिर गया", "वह आया।\nफिर गया"},
		{"pipe at line end", "वह आया |\nफिर गया", "वह आया।\nफिर गया"},
		{"l in latin word untouched", "वह Hotel l", "वह Hotel l"},
		{"capital I untouched", "उसने कहा I am here", "उसने कहा I am here"},
		{"pipe in english untouched", "Sports | Cricket", "Sports | Cricket"},
		{"pipe before letter untouched", "मौसम |खेल", "मौसम |खेल"},
		{"no space before danda", "ठीक है ।", "ठीक है।"},
		{"one space after danda", "ठीक है।अब चलो", "ठीक है। अब चलो"},
		{"space kept before opening quote", "उसने कहा। \"चलो\"", "उसने कहा। \"चलो\""},
		{"closing quote after danda", "“चलो।” उसने कहा", "“चलो।” उसने कहा"},
		{"danda at line start kept", "। रूस", "। रूस"},
		{"devanagari digits kept", "२०२५ में १,२५,००० लोग", "२०२५ में १,२५,००० लोग"},
		{"title separator pipe", "दिल्ली में बारिश | ताजा खबर", "दिल्ली में बारिश। ताजा खबर"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.in)
			if got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Text(got); again != got {
				t.Errorf("Text not idempotent: %q -> %q", got, again)
			}
		})
	}
}

func TestLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"दिल्ली में\nबारिश", "दिल्ली में बारिश"},
		{"खबर\n\n। आगे", "खबर। आगे"},
		{"  Rain in\r\n Delhi ", "Rain in Delhi"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := Line(tt.in); got != tt.want {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"२०२५", "2025"},
		{"१,२५,००० रुपये", "1,25,000 रुपये"},
		{"৩৫ জন", "35 জন"},           // Bengali
		{"੧੯੪੭", "1947"},             // Gurmukhi
		{"૧૨", "12"},                 // Gujarati
		{"۲۰۲۴ء", "2024ء"},           // Extended Arabic-Indic (Urdu)
		{"٣", "3"},                   // Arabic-Indic
		{"௧௦", "10"},                 // Tamil
		{"１２３", "123"},               // full width
		{"already 42", "already 42"}, // ASCII
		{"कोई अंक नहीं", "कोई अंक नहीं"}, // no digits
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Digits(tt.in); got != tt.want {
				t.Errorf("Digits(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestDigitValueTable checks the assumption DigitValue rests on: every
// decimal digit range starts at a zero and holds whole runs of ten.
func TestDigitValueTable(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		v := DigitValue(r)
		isDigit := v >= 0
		if isDigit && v > 0 && DigitValue(r-rune(v)) != 0 {
			t.Fatalf("U+%04X: value %d but U+%04X is not zero", r, v, r-rune(v))
		}
		if r >= '0' && r <= '9' && !isDigit {
			t.Fatalf("U+%04X not a digit", r)
		}
	}
}

// TestDevanagariDigit checks that DevanagariDigit reads ०-९ and nothing
// else, and agrees with DigitValue on them.
func TestDevanagariDigit(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		v := DevanagariDigit(r)
		switch {
		case r >= '०' && r <= '९':
			if v != int(r-'०') || DigitValue(r) != v {
				t.Fatalf("U+%04X: DevanagariDigit %d, DigitValue %d", r, v, DigitValue(r))
			}
		case v != -1:
			t.Fatalf("U+%04X: DevanagariDigit %d, want -1", r, v)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		name string
		a, b string // a and b fold equal
	}{
		{"anusvara vs nasal m", "ट्रम्प", "ट्रंप"},
		{"anusvara vs nasal n", "हिन्दी", "हिंदी"},
		{"two nasals in one word", "सम्बन्ध", "संबंध"},
		{"nasal before sibilant", "इन्स्टाग्राम", "इंस्टाग्राम"},
		{"nasal with zwj", "ट्रम्\u200dप", "ट्रंप"},
		{"nukta decomposed", "ज़ेलेंस्की", "जेलेंस्की"},
		{"nukta precomposed", "\u095bमीन", "जमीन"},
		{"nukta nna", "\u0929", "न"},
		{"chandrabindu", "हाँ", "हां"},
		{"word final virama", "जगत्", "जगत"},
		{"final virama before danda", "जगत्।", "जगत"},
		{"digits", "२०२५ में", "2025 में"},
		{"latin case", "Donald TRUMP", "donald trump"},
		{"latin diacritics", "Pétain Zürich", "petain zurich"},
		{"edge punctuation", "“पुतिन”, (क्रेमलिन)", "पुतिन क्रेमलिन"},
		{"inner punctuation kept", "U.S. ट्रंप-पुतिन", "U.S ट्रंप-पुतिन"},
		{"spacing and lines", "  नई \n\n दिल्ली ", "नई दिल्ली"},
		{"danda words vanish", "खबर । ॥ |", "खबर"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fa, fb := Fold(tt.a), Fold(tt.b)
			if fa != fb {
				t.Errorf("Fold(%q) = %q, Fold(%q) = %q; want equal", tt.a, fa, tt.b, fb)
			}
		})
	}
	distinct := [][2]string{
		{"कल", "काल"},
		{"पुतिन", "पुतिना"},
		{"हंस", "हस"},
		{"आम", "आंम"},
	}
	for _, d := range distinct {
		if Fold(d[0]) == Fold(d[1]) {
			t.Errorf("Fold(%q) == Fold(%q) = %q; want different", d[0], d[1], Fold(d[0]))
		}
	}
	exact := []struct{ in, want string }{
		{"ट्रम्प", "ट्रंप"},
		{"“Kremlin” spokesman", "kremlin spokesman"},
		{"", ""},
	}
	for _, e := range exact {
		if got := Fold(e.in); got != e.want {
			t.Errorf("Fold(%q) = %q, want %q", e.in, got, e.want)
		}
	}
}

func TestStage(t *testing.T) {
	var s Stage
	if s.Name() != "normalize" {
		t.Fatalf("Name() = %q", s.Name())
	}
	cases, err := filepath.Glob("testdata/messy_*.txt")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no test cases: %v", err)
	}
	for _, path := range cases {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			title, _, _ := strings.Cut(string(raw), "\n")
			a := &news.Article{Title: title + "\n", Text: string(raw)}
			if err := s.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			got := struct {
				Title string `json:"title"`
				Text  string `json:"text"`
				Fold  string `json:"fold"`
			}{a.Title, a.Text, Fold(a.Text)}
			newstest.Golden(t, path, "normalized text", got, *update)
			if Text(a.Text) != a.Text {
				t.Errorf("Text not idempotent on %s", name)
			}
		})
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"", "सरकार ने कहा |", "जय हिंद ||", "कि\u093cताब", "अाज", "क्\u200cष", "a\r\n\r\n\r\nb",
		"ट्रम्प", "\ufeff\u00ad", "“चलो।” उसने", "ऩ\u093c\u094d", "क\u0951\u094d\u200dष", "है l",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Text(%q) = %q: invalid UTF-8", s, out)
		}
		if again := Text(out); again != out {
			t.Fatalf("Text not idempotent:\n in  %q\n out %q\n 2nd %q", s, out, again)
		}
		if st := strip(s); quickNFC(st) && !norm.NFC.IsNormalString(st) {
			t.Fatalf("quickNFC(%q) = true, but it is not NFC", st)
		}
		if l := Line(s); strings.Contains(l, "\n") || Line(l) != l {
			t.Fatalf("Line(%q) = %q", s, l)
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "ट्रम्प", "हिन्दी", "जगत्।", "“Pétain”", "२०२५", "म्\u093c\u094d\u200dप", "अ\u093cा"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Fold(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Fold(%q) = %q: invalid UTF-8", s, out)
		}
		if strings.Contains(out, "\n") || strings.HasPrefix(out, " ") || strings.HasSuffix(out, " ") || strings.Contains(out, "  ") {
			t.Fatalf("Fold(%q) = %q: bad spacing", s, out)
		}
		if d := Digits(s); !utf8.ValidString(d) && utf8.ValidString(s) {
			t.Fatalf("Digits(%q) = %q: invalid UTF-8", s, d)
		}
	})
}

func benchText(b *testing.B) string {
	b.Helper()
	raw, err := os.ReadFile("testdata/bench_hi.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(raw)
}

func BenchmarkText(b *testing.B) {
	s := benchText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Text(s)
	}
}

// BenchmarkTextMessy measures Text on input that needs every pass: line
// breaks, invisible characters and pipes.
func BenchmarkTextMessy(b *testing.B) {
	s := strings.ReplaceAll(benchText(b), "\n", "\r\n")
	s = strings.ReplaceAll(s, "।", " |\u200b")
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Text(s)
	}
}

func BenchmarkFold(b *testing.B) {
	s := benchText(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Fold(s)
	}
}

func BenchmarkDigits(b *testing.B) {
	s := Text(benchText(b))
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Digits(s)
	}
}

// TestTextRandom checks the properties FuzzText checks on many random
// strings drawn from the characters Text treats specially, which a
// byte-level fuzzer rarely puts together.
func TestTextRandom(t *testing.T) {
	alphabet := []rune{
		'क', 'न', 'र', 'ळ', 'म', 'प', 'अ', 'आ', 'उ', 'ए', 'ि', 'ा', 'ो', 'ॉ', 'ॅ', 'ु', 'े',
		'\u093C', '\u094D', '\u0951', '\u0952', '\u0958', '\u0929', 'ं', 'ँ', '।', '॥', '|', 'l',
		'\u200C', '\u200D', '\u200B', '\u00AD', '\uFEFF', ' ', '\t', '\n', '\r', '\u00A0', '\u2029',
		'"', '”', 'a', 'I', '.', '१', '👨', 'ی', '\u0301',
	}
	// A small linear congruential generator keeps the test deterministic.
	x := uint32(1)
	next := func(n int) int {
		x = x*1664525 + 1013904223
		return int(x>>8) % n
	}
	for range 20000 {
		var b strings.Builder
		for range next(12) + 1 {
			b.WriteRune(alphabet[next(len(alphabet))])
		}
		s := b.String()
		out := Text(s)
		if again := Text(out); again != out {
			t.Fatalf("Text not idempotent:\n in  %q\n out %q\n 2nd %q", s, out, again)
		}
		if !norm.NFC.IsNormalString(out) {
			t.Fatalf("Text(%q) = %q is not NFC", s, out)
		}
		if st := strip(s); quickNFC(st) && !norm.NFC.IsNormalString(st) {
			t.Fatalf("quickNFC(%q) = true, but it is not NFC", st)
		}
		if l := Line(s); strings.Contains(l, "\n") || Line(l) != l {
			t.Fatalf("Line(%q) = %q", s, l)
		}
		Fold(s)
	}
}

func TestFoldNukta(t *testing.T) {
	for in, want := range map[string]string{
		"ख़बर":          "खबर",
		"पढ़ें":         "पढें",
		"\u095bिंदगी":   "जिंदगी",
		"फ़रवरी 2025":   "फरवरी 2025",
		"Breaking News": "Breaking News",
		"":              "",
	} {
		if got := FoldNukta(in); got != want {
			t.Errorf("FoldNukta(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzFoldNukta(f *testing.F) {
	f.Add("ख़बर पढ़ें")
	f.Add("\u0915\u093c\u093c")
	f.Add("plain text")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			// Bytes that are not UTF-8 can join into a nukta once one
			// between them goes; text reaching the stages is UTF-8.
			_ = FoldNukta(s)
			return
		}
		once := FoldNukta(s)
		if twice := FoldNukta(once); twice != once {
			t.Errorf("FoldNukta is not idempotent on %q: %q then %q", s, once, twice)
		}
	})
}

func BenchmarkFoldNukta(b *testing.B) {
	s := "दिल्ली में आज ज़ोरदार बारिश हुई, मौसम विभाग ने अगले दो दिन के लिए ख़बर जारी की। "
	for b.Loop() {
		FoldNukta(s)
	}
}

func TestLower(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC Def", "नई दिल्ली", "PTI फोटो: Photo Credit", "Ünïcode ÉTÉ", "क\xe0\xa4", "\xe0\xa4\x15x", "a\xffB", "ΑΒΓ नमस्ते", "İstanbul"} {
		if got, want := Lower(s), strings.ToLower(s); got != want {
			t.Errorf("Lower(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzLower(f *testing.F) {
	f.Add("PTI फोटो: Photo")
	f.Add("a\xe0\xa4\x80Z\xe0\xa5")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Lower(s), strings.ToLower(s); got != want {
			t.Fatalf("Lower(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzNFCLines checks that NFC line by line is NFC of the whole text, on
// text as Text hands it over (strip has made it valid UTF-8).
func FuzzNFCLines(f *testing.F) {
	f.Add("क़ानून\nज़िला ड़\n\nकि\u093c a\u0301\n")
	f.Add("e\n\u0301x\u0915\u093c")
	f.Add("\n")
	f.Fuzz(func(t *testing.T, s string) {
		s = strip(s)
		if got, want := nfcLines(s), norm.NFC.String(s); got != want {
			t.Fatalf("nfcLines(%q) = %q, want %q", s, got, want)
		}
	})
}

func FuzzDecodeRune(f *testing.F) {
	f.Add("क़")
	f.Add("\xe0\xa4")
	f.Add("\xe0\xa5\xff")
	f.Fuzz(func(t *testing.T, s string) {
		r, n := DecodeRune(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Fatalf("DecodeRune(%q) = %U, %d; want %U, %d", s, r, n, wr, wn)
		}
	})
}

// nuktaReplacer is FoldNukta as it was written first, with a Replacer.
var nuktaReplacer = strings.NewReplacer("\u093c", "", "\u0958", "क", "\u0959", "ख", "\u095a", "ग", "\u095b", "ज",
	"\u095c", "ड", "\u095d", "ढ", "\u095e", "फ", "\u095f", "य")

func FuzzFoldNuktaReplacer(f *testing.F) {
	f.Add("ख़बर पढ़ें क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ ़")
	f.Add("\xe0\xe0\xa4\xbc\xe0\xa5")
	f.Add("ज़\xe0\xa5\x9f")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := FoldNukta(s), nuktaReplacer.Replace(s); got != want {
			t.Fatalf("FoldNukta(%q) = %q, want %q", s, got, want)
		}
	})
}
