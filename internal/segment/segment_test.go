package segment

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/evaldata"
	"khabar/internal/news"
	"khabar/internal/news/newstest"
	"khabar/internal/normalize"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// tokenTexts returns the tokens of s as "text/kind".
func tokenTexts(text string, toks []news.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = text[t.Start:t.End] + "/" + t.Kind
	}
	return out
}

func sentenceTexts(text string, seg *news.Segments) []string {
	out := make([]string, len(seg.Sentences))
	for i, s := range seg.Sentences {
		out[i] = text[s.Start:s.End]
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"hindi words with matras", "उन्होंने कहा", []string{"उन्होंने/word", "कहा/word"}},
		{"nukta and anusvara", "ज़मीन पहुंचीं", []string{"ज़मीन/word", "पहुंचीं/word"}},
		{"zwj inside word", "र्\u200dया", []string{"र्\u200dया/word"}},
		{"hyphenated compound", "टुकड़े-टुकड़े", []string{"टुकड़े/word", "-/punct", "टुकड़े/word"}},
		{"western grouping", "58,000 रुपये", []string{"58,000/num", "रुपये/word"}},
		{"indian grouping", "1,25,000", []string{"1,25,000/num"}},
		{"decimal", "3.5 मीटर", []string{"3.5/num", "मीटर/word"}},
		{"devanagari digits", "१,८५० करोड़", []string{"१,८५०/num", "करोड़/word"}},
		{"time", "10:30 बजे", []string{"10:30/num", "बजे/word"}},
		{"date", "12/03/2025", []string{"12/03/2025/num"}},
		{"number then danda", "2025।", []string{"2025/num", "।/punct"}},
		{"ordinal latin", "21st 5G", []string{"21st/word", "5G/word"}},
		{"ordinal hindi", "21वीं", []string{"21/num", "वीं/word"}},
		{"letters then digits", "G20 COVID19", []string{"G20/word", "COVID19/word"}},
		{"currency", "₹40", []string{"₹/sym", "40/num"}},
		{"apostrophe", "India's don’t", []string{"India's/word", "don’t/word"}},
		{"quote not apostrophe", "'yes'", []string{"'/punct", "yes/word", "'/punct"}},
		{"url", "see https://example.org/a?b=1.", []string{"see/word", "https://example.org/a?b=1/sym", "./punct"}},
		{"url in brackets", "(www.example.com)", []string{"(/punct", "www.example.com/sym", ")/punct"}},
		{"url with brackets", "https://en.wikipedia.org/wiki/A_(b)", []string{"https://en.wikipedia.org/wiki/A_(b)/sym"}},
		{"bare domain", "pib.gov.in/release पर", []string{"pib.gov.in/release/sym", "पर/word"}},
		{"email", "info@lmrcl.com पर", []string{"info@lmrcl.com/sym", "पर/word"}},
		{"not a domain", "U.S. e.g. 3.5", []string{"U.S./word", "e.g./word", "3.5/num"}},
		{"title abbreviation", "Dr. Rao", []string{"Dr./word", "Rao/word"}},
		{"initials", "J. K. Rao", []string{"J./word", "K./word", "Rao/word"}},
		{"hindi abbreviations", "डॉ. श्री. प्रो. रु.", []string{"डॉ./word", "श्री./word", "प्रो./word", "रु./word"}},
		{"hindi dotted", "कि.मी. ई.पू.", []string{"कि.मी./word", "ई.पू./word"}},
		{"hindi initials", "जे.पी. नड्डा", []string{"जे.पी./word", "नड्डा/word"}},
		{"abbreviation sign", "डॉ॰ कि॰मी॰", []string{"डॉ॰/word", "कि॰मी॰/word"}},
		{"sentence dot stays apart", "खत्म.", []string{"खत्म/word", "./punct"}},
		{"ellipsis run", "और...", []string{"और/word", ".../punct"}},
		{"double closing quote", "आए।’’", []string{"आए/word", "।/punct", "’’/punct"}},
		{"urdu", "وزیر اعظم نے کہا۔", []string{"وزیر/word", "اعظم/word", "نے/word", "کہا/word", "۔/punct"}},
		{"emoji with selector", "❤️ ok", []string{"❤️/sym", "ok/word"}},
		{"invalid utf8", "a\xffb", []string{"a/word", "\xff/sym", "b/word"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := Split(tt.in)
			got := tokenTexts(tt.in, seg.Tokens)
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("tokens of %q:\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"danda", "वह आया। फिर गया।", []string{"वह आया।", "फिर गया।"}},
		{"double danda", "जय हो॥ फिर", []string{"जय हो॥", "फिर"}},
		{"question and exclamation", "क्या? हाँ! ठीक", []string{"क्या?", "हाँ!", "ठीक"}},
		{"closing quote joins", `उसने कहा, "चलो।" फिर वह गया।`, []string{`उसने कहा, "चलो।"`, "फिर वह गया।"}},
		{"curly quotes", "“हम जीतेंगे।” उन्होंने कहा।", []string{"“हम जीतेंगे।”", "उन्होंने कहा।"}},
		{"bracket joins", "(यह पुरानी खबर है।) आगे", []string{"(यह पुरानी खबर है।)", "आगे"}},
		{"hindi abbreviation", "डॉ. राम और श्री. श्याम आए। बस", []string{"डॉ. राम और श्री. श्याम आए।", "बस"}},
		{"hindi units", "दूरी 5 कि.मी. है। बस", []string{"दूरी 5 कि.मी. है।", "बस"}},
		{"english titles", "Mr. Smith met Dr. Rao. They talked.", []string{"Mr. Smith met Dr. Rao.", "They talked."}},
		{"initials", "J. P. Nadda spoke. Then", []string{"J. P. Nadda spoke.", "Then"}},
		{"us", "U.S. officials met. Then", []string{"U.S. officials met.", "Then"}},
		{"decimal", "It rose 3.5 per cent. Then", []string{"It rose 3.5 per cent.", "Then"}},
		{"lowercase after dot", "about 5 approx. more", []string{"about 5 approx. more"}},
		{"etc before capital", "apples, pears etc. The rest", []string{"apples, pears etc.", "The rest"}},
		{"etc before lowercase", "apples etc. were sold", []string{"apples etc. were sold"}},
		{"pm before capital", "at 5 p.m. Officials said", []string{"at 5 p.m.", "Officials said"}},
		{"ellipsis mid sentence", "और फिर... सब खत्म।", []string{"और फिर... सब खत्म।"}},
		{"ellipsis before capital", "Wait... The end.", []string{"Wait...", "The end."}},
		{"list number", "1. पहला बिंदु", []string{"1. पहला बिंदु"}},
		{"dot as hindi full stop", "वह आया. फिर गया.", []string{"वह आया.", "फिर गया."}},
		{"no end mark", "शीर्षक बिना विराम", []string{"शीर्षक बिना विराम"}},
		{"urdu full stop", "یہ خبر ہے۔ اگلی", []string{"یہ خبر ہے۔", "اگلی"}},
		{"question then quote", `"Why?" he asked.`, []string{`"Why?"`, "he asked."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in, Split(tt.in))
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("sentences of %q:\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"blank lines", "एक\n\nदो", []string{"एक", "दो"}},
		{"single newlines", "एक\nदो\r\nतीन\rचार", []string{"एक", "दो", "तीन", "चार"}},
		{"spaces trimmed", "  एक  \n \t \nदो ", []string{"एक", "दो"}},
		{"separators", "एक\u2028दो\u2029तीन", []string{"एक", "दो", "तीन"}},
		{"empty", "", nil},
		{"only space", " \n\n\t", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := Split(tt.in)
			var got []string
			for _, p := range seg.Paragraphs {
				got = append(got, tt.in[p.Start:p.End])
			}
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("paragraphs of %q: got %q, want %q", tt.in, got, tt.want)
			}
			for _, s := range seg.Sentences {
				p := seg.Paragraphs[s.Paragraph]
				if s.Start < p.Start || s.End > p.End {
					t.Errorf("sentence %v outside its paragraph %v", s, p)
				}
			}
		})
	}
}

// goldenSentence is a sentence as the golden files show it.
type goldenSentence struct {
	Paragraph int      `json:"paragraph"`
	Text      string   `json:"text"`
	Tokens    []string `json:"tokens"`
}

func TestStage(t *testing.T) {
	var s Stage
	if s.Name() != "segment" {
		t.Fatalf("Name() = %q", s.Name())
	}
	cases, err := filepath.Glob("testdata/*_news.txt")
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
			a := &news.Article{Text: normalize.Text(string(raw))}
			if err := s.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			check(t, a.Text, a.Segments)
			var got struct {
				Paragraphs []string         `json:"paragraphs"`
				Sentences  []goldenSentence `json:"sentences"`
			}
			for _, p := range a.Segments.Paragraphs {
				got.Paragraphs = append(got.Paragraphs, a.Text[p.Start:p.End])
			}
			for _, se := range a.Segments.Sentences {
				got.Sentences = append(got.Sentences, goldenSentence{
					Paragraph: se.Paragraph,
					Text:      a.Text[se.Start:se.End],
					Tokens:    tokenTexts(a.Text, a.Segments.Tokens[se.First:se.Last]),
				})
			}
			newstest.Golden(t, path, "segments", got, *update)
		})
	}
}

// check verifies the invariants of a segmentation of text.
func check(t testing.TB, text string, seg *news.Segments) {
	t.Helper()
	boundary := make([]bool, len(text)+1)
	for i := range text {
		boundary[i] = true
	}
	boundary[len(text)] = true
	span := func(what string, s news.Span, prevEnd int) {
		t.Helper()
		if s.Start < prevEnd || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("%s %v: out of range or order (previous end %d, len %d)", what, s, prevEnd, len(text))
		}
		if !boundary[s.Start] || !boundary[s.End] {
			t.Fatalf("%s %v: not on rune boundaries", what, s)
		}
	}
	end := 0
	for _, p := range seg.Paragraphs {
		span("paragraph", p, end)
		end = p.End
	}
	end = 0
	for _, tok := range seg.Tokens {
		span("token", tok.Span, end)
		end = tok.End
		switch tok.Kind {
		case news.TokWord, news.TokNumber, news.TokPunct, news.TokSymbol:
		default:
			t.Fatalf("token %v: kind %q", tok.Span, tok.Kind)
		}
	}
	end, next := 0, 0
	for _, s := range seg.Sentences {
		span("sentence", s.Span, end)
		end = s.End
		if s.First != next || s.Last <= s.First || s.Last > len(seg.Tokens) {
			t.Fatalf("sentence %v: tokens [%d,%d), want first %d", s.Span, s.First, s.Last, next)
		}
		next = s.Last
		if s.Start != seg.Tokens[s.First].Start || s.End != seg.Tokens[s.Last-1].End {
			t.Fatalf("sentence %v does not match its tokens", s.Span)
		}
		if s.Paragraph < 0 || s.Paragraph >= len(seg.Paragraphs) {
			t.Fatalf("sentence %v: paragraph %d", s.Span, s.Paragraph)
		}
		p := seg.Paragraphs[s.Paragraph]
		if s.Start < p.Start || s.End > p.End {
			t.Fatalf("sentence %v outside paragraph %v", s.Span, p)
		}
	}
	if next != len(seg.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(seg.Tokens))
	}
}

// TestSeeds checks the invariants on the founding pages, when present.
func TestSeeds(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(sharedDir(t), "seeds", "*.txt"))
	if len(paths) == 0 {
		t.Skip("seed pages not found (looked for ../shared/seeds beside the repository)")
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := normalize.Text(string(raw))
		seg := Split(text)
		check(t, text, seg)
		if len(seg.Sentences) < 5 {
			t.Errorf("%s: only %d sentences", filepath.Base(p), len(seg.Sentences))
		}
	}
}

// sharedDir finds the shared/ folder: $KHABAR_EVAL_DATA's parent if set,
// else a sibling "shared" of a directory above this package.
func sharedDir(t testing.TB) string {
	t.Helper()
	d, _ := evaldata.SharedDir() // "" when absent: the callers skip
	return d
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "वह आया। फिर गया।", "Mr. J. P. Nadda met U.S. officials.", "58,000 1,25,000 3.5 ५.५",
		"https://example.org/a_(b)). info@x.co.in!", "डॉ॰ कि.मी. ई.पू.", "a\xffb\r\n\u2028c", "“चलो।”’’ ...",
		"र्\u200dय\u200c", "1. x", "a.b.c.d.e.f", "e@", "@x.com", "www.", ".",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check(t, s, Split(s))
	})
}

func BenchmarkSplit(b *testing.B) {
	raw, err := os.ReadFile("testdata/bench_hi.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := normalize.Text(string(raw))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Split(text)
	}
}
