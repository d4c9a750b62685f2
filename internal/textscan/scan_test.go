package textscan

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"khabar/internal/normalize"
)

// The option sets of the three callers.
var (
	eventOpts = Options{Numbers: true, Quotes: true}
	quoteOpts = Options{Quotes: true, WordApostrophe: true, DoubleApostrophe: true}
	timexOpts = Options{Numbers: true}
)

// show writes each token as flags, kind, ":", its text and "=key" when the
// key differs from the text. Flags: "^" a line break comes before it, "_"
// white space (or the start) does. Kinds: w, n, p, and q followed by the
// role (o, c, b).
func show(text string, toks []Token) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		var b strings.Builder
		switch {
		case t.Break:
			b.WriteString("^")
		case t.Space:
			b.WriteString("_")
		}
		b.WriteByte(" wnpq"[t.Kind])
		if t.Kind == Quote {
			b.WriteByte(" ocb"[t.Role])
		}
		b.WriteString(":" + text[t.Start:t.End])
		if t.Key != text[t.Start:t.End] {
			b.WriteString("=" + t.Key)
		}
		out = append(out, b.String())
	}
	return out
}

func TestScan(t *testing.T) {
	for _, c := range []struct {
		name string
		opts Options
		text string
		want []string
	}{
		{"hindi sentence", eventOpts, "बाढ़ से गाँव डूबे।",
			[]string{"_w:बाढ़=बाढ", "_w:से", "_w:गाँव=गांव", "_w:डूबे", "p:।"}},
		{"folded hindi", timexOpts, "ज़िले में सम्बन्ध",
			[]string{"_w:ज़िले=जिले", "_w:में", "_w:सम्बन्ध=संबंध"}},
		{"english", eventOpts, "On Monday, 14 people died.",
			[]string{"_w:On=on", "_w:Monday=monday", "p:,", "_n:14", "_w:people", "_w:died", "p:."}},
		{"diacritics", quoteOpts, "Pétain SAID",
			[]string{"_w:Pétain=petain", "_w:SAID=said"}},
		{"devanagari digits as numbers", timexOpts, "२५ मई, १९९८",
			[]string{"_n:२५=25", "_w:मई", "p:,", "_n:१९९८=1998"}},
		{"devanagari digits in words", quoteOpts, "२५ लोग",
			[]string{"_w:२५=25", "_w:लोग"}},
		{"digit runs split at a comma", eventOpts, "१०,५००",
			[]string{"_n:१०=10", "p:,", "n:५००=500"}},
		{"bengali digits", eventOpts, "১২ জন",
			[]string{"_n:১২=12", "_w:জন"}},
		{"letters then digits, numbers", eventOpts, "G20",
			[]string{"_w:G=g", "n:20"}},
		{"letters then digits, words", quoteOpts, "G20 b7",
			[]string{"_w:G20=g20", "_w:b7"}},
		{"danda and abbreviation sign", eventOpts, "डॉ॰ राम। हाँ॥",
			[]string{"_w:डॉ", "p:॰", "_w:राम", "p:।", "_w:हाँ=हां", "p:॥"}},
		{"abbreviation sign with digits as words", quoteOpts, "ई॰पू॰",
			[]string{"_w:ई", "p:॰", "w:पू", "p:॰"}},
		{"dots stay out of words", timexOpts, "U.S. ई.",
			[]string{"_w:U=u", "p:.", "w:S=s", "p:.", "_w:ई", "p:."}},
		{"hyphen splits", quoteOpts, "फिर-से",
			[]string{"_w:फिर", "p:-", "w:से"}},
		{"curly quotation run", quoteOpts, "‘‘हम जीतेंगे’’ बोले",
			[]string{"_qo:‘‘", "w:हम", "_w:जीतेंगे", "qc:’’", "_w:बोले"}},
		{"straight and guillemet marks", eventOpts, "\"हाँ\" «नहीं» „ja“",
			[]string{"_qb:\"", "w:हाँ=हां", "qb:\"", "_qo:«", "w:नहीं", "qc:»", "_qo:„", "w:ja", "qo:“"}},
		{"two apostrophes as a mark", quoteOpts, "''yes'' it's",
			[]string{"_qb:''", "w:yes", "qb:''", "_w:it", "p:'", "w:s"}},
		{"two apostrophes as punctuation", eventOpts, "''yes''",
			[]string{"_p:'", "p:'", "w:yes", "p:'", "p:'"}},
		{"apostrophe in a word", quoteOpts, "Putin’s ‘plan’",
			[]string{"_w:Putin=putin", "p:’", "w:s", "_qo:‘", "w:plan", "qc:’"}},
		{"apostrophe in a word is a mark without WordApostrophe", eventOpts, "Putin’s",
			[]string{"_w:Putin=putin", "qc:’", "w:s"}},
		{"doubled apostrophe in a word is a mark", quoteOpts, "a’’b",
			[]string{"_w:a", "qc:’’", "w:b"}},
		{"apostrophe at the end is a mark", quoteOpts, "plan’",
			[]string{"_w:plan", "qc:’"}},
		{"quotation marks without Quotes", timexOpts, "“““नहीं”",
			[]string{"_p:“", "p:“", "p:“", "w:नहीं", "p:”"}},
		{"line breaks", timexOpts, "एक\nदो \n\nतीन चार\n",
			[]string{"_w:एक", "^w:दो", "^w:तीन", "_w:चार"}},
		{"invisible spaces", eventOpts, "a\u200bb\ufeffc\u00add",
			[]string{"_w:a", "_w:b", "_w:c", "_w:d"}},
		{"joiners stay in words", quoteOpts, "क्\u200dष र\u200cह",
			[]string{"_w:क्\u200dष=क्ष", "_w:र\u200cह=रह"}},
		{"mixed scripts fold", eventOpts, "aं xक",
			[]string{"_w:aं=a", "_w:xक"}},
		{"invalid utf-8", eventOpts, "a\xffb\xe0\xa4",
			[]string{"_w:a", "p:\xff", "w:b", "p:\xe0", "p:\xa4"}},
		{"no space before", quoteOpts, "(अब)",
			[]string{"_p:(", "w:अब", "p:)"}},
		{"empty", eventOpts, "", []string{}},
		{"only spaces", eventOpts, " \n\t ", []string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := show(c.text, Scan(c.text, c.opts))
			if !slices.Equal(got, c.want) {
				t.Errorf("Scan(%q)\n got %q\nwant %q", c.text, got, c.want)
			}
		})
	}
}

func TestScanner(t *testing.T) {
	text := "मुंबई में 3 “तेज़” बारिश"
	want := Scan(text, eventOpts)
	s := NewScanner(text, eventOpts)
	for i := range want {
		if !s.Scan() {
			t.Fatalf("Scan stopped after %d of %d tokens", i, len(want))
		}
		if got := s.Token(); got != want[i] {
			t.Errorf("token %d = %+v, want %+v", i, got, want[i])
		}
	}
	for range 2 {
		if s.Scan() {
			t.Errorf("Scan read %+v past the end", s.Token())
		}
	}
}

func TestIsWordRune(t *testing.T) {
	for _, c := range []struct {
		r                 rune
		numbers, noNumber bool
	}{
		{'a', true, true},
		{'Z', true, true},
		{'7', false, true},
		{'क', true, true},
		{'ा', true, true},      // vowel sign
		{'्', true, true},      // virama
		{'\u0971', true, true}, // high spacing dot
		{'।', false, false},    // danda
		{'॥', false, false},    // double danda
		{'॰', false, false},    // abbreviation sign
		{'०', false, true},     // Devanagari zero
		{'९', false, true},     // Devanagari nine
		{'১', false, true},     // Bengali one
		{'é', true, true},
		{'\u0301', true, true},   // combining acute
		{'\u200d', true, true},   // ZWJ
		{'\u200c', true, true},   // ZWNJ
		{'\u200b', false, false}, // zero-width space
		{'’', false, false},
		{'-', false, false},
		{'²', false, false}, // a digit, but not a decimal one
		{utf8.RuneError, false, false},
	} {
		if got := (Options{Numbers: true}).IsWordRune(c.r); got != c.numbers {
			t.Errorf("IsWordRune(%U) with Numbers = %v, want %v", c.r, got, c.numbers)
		}
		if got := (Options{}).IsWordRune(c.r); got != c.noNumber {
			t.Errorf("IsWordRune(%U) = %v, want %v", c.r, got, c.noNumber)
		}
	}
}

func TestIsStop(t *testing.T) {
	for key, want := range map[string]bool{
		"।": true, "॥": true, "|": true, "?": true, "!": true,
		".": false, ",": false, "॰": false, "": false, "है": false,
	} {
		if got := IsStop(key); got != want {
			t.Errorf("IsStop(%q) = %v, want %v", key, got, want)
		}
	}
}

// isSpace reports whether Scan skips r as white space.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u00ad'
}

func FuzzScan(f *testing.F) {
	f.Add("बाढ़ से गाँव डूबे। २५ मई, १९९८ को")
	f.Add("‘‘हम जीतेंगे’’ Putin’s ''plan'' «नहीं»")
	f.Add("क्\u200dष र\u200cह\nU.S. G20 ई॰पू॰")
	f.Add("a\xffb\xe0\xa4 \u200b\ufeff\u00ad")
	f.Add("aक ज़ अा ा ১২ Pétain")
	f.Add("0aं ऴ0 ऱ")
	f.Fuzz(func(t *testing.T, text string) {
		for _, opts := range []Options{{}, eventOpts, quoteOpts, timexOpts, {Quotes: true}} {
			end := 0
			for _, tok := range Scan(text, opts) {
				if tok.Start < end || tok.End <= tok.Start || tok.End > len(text) {
					t.Fatalf("%+v: token %+v after byte %d in %q", opts, tok, end, text)
				}
				gap := text[end:tok.Start]
				for _, r := range gap {
					if !isSpace(r) {
						t.Fatalf("%+v: %q left out before %+v in %q", opts, gap, tok, text)
					}
				}
				if want := gap != "" || tok.Start == 0; tok.Space != want {
					t.Fatalf("%+v: %+v has Space %v in %q", opts, tok, tok.Space, text)
				}
				if want := strings.Contains(gap, "\n"); tok.Break != want {
					t.Fatalf("%+v: %+v has Break %v in %q", opts, tok, tok.Break, text)
				}
				s := text[tok.Start:tok.End]
				for _, r := range s {
					if isSpace(r) {
						t.Fatalf("%+v: token %q holds white space in %q", opts, s, text)
					}
				}
				key, want := tok.Key, s
				switch tok.Kind {
				case Word:
					want = normalize.Fold(s)
				case Number:
					want = normalize.Digits(s)
				}
				if key != want {
					t.Fatalf("%+v: key of %q is %q, want %q", opts, s, tok.Key, want)
				}
				if (tok.Kind == Quote) != (tok.Role != 0) {
					t.Fatalf("%+v: %+v has role %d", opts, tok, tok.Role)
				}
				end = tok.End
			}
			for _, r := range text[end:] {
				if !isSpace(r) {
					t.Fatalf("%+v: %q left out at the end of %q", opts, text[end:], text)
				}
			}
		}
	})
}

// benchText is about 5 KB of Hindi news prose with English names,
// numbers, quotations and line breaks.
var benchText = strings.Repeat(`नई दिल्ली, 12 मार्च। राज्य सरकार ने बुधवार को बताया कि ज़िले में
पिछले २४ घंटों में भारी बारिश से 7 लोगों की मौत हो गई और १,२०० से ज़्यादा परिवार
सुरक्षित स्थानों पर पहुँचाए गए। मुख्यमंत्री ने कहा, “राहत का काम रात भर चलेगा।”
The disaster management agency said on Wednesday that 14 teams were sent.
उन्होंने ‘‘किसी को घबराने की ज़रूरत नहीं’’ कहकर लोगों से धैर्य रखने की अपील की।
`, 6)

func BenchmarkScan(b *testing.B) {
	for _, c := range []struct {
		name string
		opts Options
	}{{"event", eventOpts}, {"quote", quoteOpts}, {"timex", timexOpts}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(benchText)))
			for b.Loop() {
				Scan(benchText, c.opts)
			}
		})
	}
}

// TestPlainDeva checks plainDeva against normalize.Fold on every word of
// up to three Devanagari code points (and longer ones around a virama):
// a word plainDeva calls plain must be its own key.
func TestPlainDeva(t *testing.T) {
	var runes []rune
	for r := rune(0x0900); r <= 0x097F; r++ {
		runes = append(runes, r)
	}
	check := func(w string) {
		if plainDeva(w) && normalize.Fold(w) != w {
			t.Errorf("plainDeva(%q) is true, but Fold gives %q", w, normalize.Fold(w))
		}
	}
	for _, a := range runes {
		check(string(a))
		for _, b := range runes {
			check(string([]rune{a, b}))
			for _, c := range runes {
				check(string([]rune{a, b, c}))
			}
		}
	}
	// a virama between two of every code point, after a consonant
	for _, a := range runes {
		for _, b := range runes {
			check(string([]rune{'क', a, '\u094d', b}))
			check(string([]rune{a, '\u094d', b, 'क'}))
		}
	}
	for w, want := range map[string]bool{
		"स्थित": true, "प्रधानमंत्री": true, "राष्ट्रपति": true,
		"जगत्": false, "सम्बन्ध": false, "ट्रम्प": false, "क्\u200dष": false, "ज़्यादा": false,
	} {
		if got := plainDeva(w); got != want {
			t.Errorf("plainDeva(%q) = %v, want %v", w, got, want)
		}
	}
}
