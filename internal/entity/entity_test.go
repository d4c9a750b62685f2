package entity

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"khabar/internal/entity/kb"
	"khabar/internal/entity/tagger"
	"khabar/internal/evaldata"
	"khabar/internal/news"
	"khabar/internal/news/newstest"
	"khabar/internal/segment"
)

var update = flag.Bool("update", false, "rewrite golden files")

var (
	stageOnce sync.Once
	stageVal  *Stage
	stageErr  error
)

// testStage loads the stage once for all tests.
func testStage(tb testing.TB) *Stage {
	tb.Helper()
	stageOnce.Do(func() { stageVal, stageErr = New(Options{}) })
	if stageErr != nil {
		tb.Fatal(stageErr)
	}
	return stageVal
}

func analyze(tb testing.TB, text string) *news.Article {
	tb.Helper()
	a := &news.Article{Text: text, Segments: segment.Split(text)}
	if err := testStage(tb).Process(tb.Context(), a); err != nil {
		tb.Fatal(err)
	}
	return a
}

// TestGolden runs the stage on the texts of testdata and compares the
// entities with the golden files; -update rewrites them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := analyze(t, string(text))
			newstest.Golden(t, f, "entities", a.Entities, *update)
			checkOffsets(t, a)
		})
	}
}

// checkOffsets checks that every mention's code-point offsets cut its text
// out of the article.
func checkOffsets(t *testing.T, a *news.Article) {
	t.Helper()
	rs := []rune(a.Text)
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End {
				t.Errorf("%s: bad offsets %d..%d", e.ID, m.Start, m.End)
				continue
			}
			if got := string(rs[m.Start:m.End]); got != m.Text {
				t.Errorf("%s: text[%d:%d] = %q, mention says %q", e.ID, m.Start, m.End, got, m.Text)
			}
		}
	}
}

// entityOf returns the entity with a mention of text.
func entityOf(a *news.Article, text string) *news.Entity {
	for i, e := range a.Entities {
		for _, m := range e.Mentions {
			if m.Text == text {
				return &a.Entities[i]
			}
		}
	}
	return nil
}

func TestLinking(t *testing.T) {
	a := analyze(t, "मॉस्को स्थित क्रेमलिन की ओर से दमित्री पेस्कोव बोले कि बातचीत जारी रहेगी। पेस्कोव के मुताबिक पुतिन की योजना तय है। ट्रम्प और ट्रंप एक ही व्यक्ति हैं।")
	tests := []struct {
		text, id, name, typ string
	}{
		{"दमित्री पेस्कोव", "kb:dmitry-peskov", "Dmitry Peskov", "PER"},
		{"पेस्कोव", "kb:dmitry-peskov", "Dmitry Peskov", "PER"},
		{"पुतिन", "kb:vladimir-putin", "Vladimir Putin", "PER"},
		{"ट्रम्प", "kb:donald-trump", "Donald Trump", "PER"},
		{"ट्रंप", "kb:donald-trump", "Donald Trump", "PER"},
		{"क्रेमलिन", "kb:kremlin", "Kremlin", "ORG"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			e := entityOf(a, tt.text)
			if e == nil {
				t.Fatalf("no entity for %q in %+v", tt.text, a.Entities)
			}
			if e.ID != tt.id || e.Name != tt.name || e.Type != tt.typ {
				t.Errorf("got %s %q %s, want %s %q %s", e.ID, e.Name, e.Type, tt.id, tt.name, tt.typ)
			}
		})
	}
}

// TestCrossScript checks that a person the knowledge base does not know
// gets one id in Devanagari spelling variants and in English.
func TestCrossScript(t *testing.T) {
	ids := map[string]bool{}
	for _, text := range []string{
		"रूस के उप विदेश मंत्री अर्कादी मिखाइलोव ने कहा कि वार्ता सफल रही।",
		"रूस के उप विदेश मंत्री अरकादी मिख़ाइलोव ने कहा कि वार्ता सफल रही।",
		"Russian deputy foreign minister Arkady Mikhailov said the talks had gone well.",
	} {
		a := analyze(t, text)
		var per []string
		for _, e := range a.Entities {
			if e.Type == "PER" {
				per = append(per, e.ID)
			}
		}
		if len(per) != 1 {
			t.Fatalf("%q: people %v, want one", text, per)
		}
		ids[per[0]] = true
	}
	if len(ids) != 1 {
		t.Errorf("ids %v, want one id across scripts", ids)
	}
}

// TestWithinArticle checks that a surname alone joins the full name used
// earlier in the article.
func TestWithinArticle(t *testing.T) {
	a := analyze(t, "कोच राहुल द्रविड़ ने अभ्यास सत्र की निगरानी की। बाद में द्रविड़ ने खिलाड़ियों से बात की।")
	full, short := entityOf(a, "राहुल द्रविड़"), entityOf(a, "द्रविड़")
	if full == nil || short == nil {
		t.Fatalf("entities %+v", a.Entities)
	}
	if full.ID != short.ID {
		t.Errorf("surname %s did not join full name %s", short.ID, full.ID)
	}
}

func TestProcessEdgeCases(t *testing.T) {
	s := testStage(t)
	tests := []struct {
		name string
		a    news.Article
		err  bool
	}{
		{"empty", news.Article{}, false},
		{"no segments", news.Article{Text: "पुतिन"}, true},
		{"digits", news.Article{Text: "123 456 7890", Segments: segment.Split("123 456 7890")}, false},
		{"latin only", news.Article{Text: "lorem ipsum dolor", Segments: segment.Split("lorem ipsum dolor")}, false},
		{"bad token spans", news.Article{Text: "abc", Segments: &news.Segments{
			Sentences: []news.Sentence{{First: 0, Last: 3}},
			Tokens:    []news.Token{{Span: news.Span{Start: 0, End: 9}}, {Span: news.Span{Start: 2, End: 1}}},
		}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Process(t.Context(), &tt.a)
			if (err != nil) != tt.err {
				t.Errorf("err = %v, want error %v", err, tt.err)
			}
		})
	}
}

func TestLongSentence(t *testing.T) {
	var b strings.Builder
	for range 5000 {
		b.WriteString("पुतिन ने मास्को में कहा और ")
	}
	a := analyze(t, b.String())
	if len(a.Entities) == 0 {
		t.Error("no entities in a long sentence")
	}
}

func TestTagCoNLL(t *testing.T) {
	s := testStage(t)
	in := "रूस\tO\nके\nराष्ट्रपति\nव्लादिमीर\nपुतिन\n\nDonald\nTrump\nsaid\n"
	var out bytes.Buffer
	if err := s.TagCoNLL(t.Context(), strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	want := "रूस\tB-LOC\nके\tO\nराष्ट्रपति\tO\nव्लादिमीर\tB-PER\nपुतिन\tI-PER\n\nDonald\tB-PER\nTrump\tI-PER\nsaid\tO\n\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
	for _, bad := range []string{"\tO\n", "ok\n\xff\n"} {
		if err := s.TagCoNLL(t.Context(), strings.NewReader(bad), &out); err == nil {
			t.Errorf("TagCoNLL(%q): no error", bad)
		}
	}
	out.Reset()
	if err := s.TagCoNLL(t.Context(), strings.NewReader(""), &out); err != nil || out.Len() != 0 {
		t.Errorf("empty input: %v %q", err, out.String())
	}
}

// BenchmarkLoad decodes the embedded knowledge base and models, as the
// first New of a process does.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if d := decodeEmbedded(); d.err != nil {
			b.Fatal(d.err)
		}
	}
}

// TestNewShares checks that stages of the embedded knowledge base and
// models share them, and that a stage given its own knowledge base gets
// models loaded with it.
func TestNewShares(t *testing.T) {
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := New(Options{EnglishRules: true})
	if err != nil {
		t.Fatal(err)
	}
	if a.kb != b.kb || a.model != b.model || a.en == nil || b.en != nil {
		t.Errorf("stages of the embedded data: kb shared %v, model shared %v, English model %v and %v",
			a.kb == b.kb, a.model == b.model, a.en != nil, b.en != nil)
	}
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(Options{KB: k})
	if err != nil {
		t.Fatal(err)
	}
	if c.kb != k || c.model == a.model || c.en == a.en || c.en == nil {
		t.Error("a stage with its own knowledge base shares the embedded models")
	}
}

func BenchmarkProcess(b *testing.B) {
	s := testStage(b)
	text, err := os.ReadFile(filepath.Join("testdata", "hindi-summit.txt"))
	if err != nil {
		b.Fatal(err)
	}
	a := &news.Article{Text: string(text), Segments: segment.Split(string(text))}
	b.ReportMetric(float64(len(a.Segments.Tokens)), "tokens/op")
	for b.Loop() {
		if err := s.Process(b.Context(), a); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTagCoNLLBlocks checks that tagging a long CoNLL input block by block
// gives the tags of the whole input read as one document.
func TestTagCoNLLBlocks(t *testing.T) {
	s := testStage(t)
	var in strings.Builder
	var doc [][]string
	lines := [][]string{
		{"मोहन", "ने", "पटना", "और", "गया", "का", "दौरा", "किया", "।"},
		{"गया", "में", "बारिश", "हुई", "।"},
		{"मोहन", "कुमार", "ने", "राष्ट्रीय", "हथकरघा", "निगम", "(", "एनएचडीसी", ")", "से", "बात", "की", "।"},
	}
	for k := range 2*docBlock + 37 {
		sent := lines[k%len(lines)]
		doc = append(doc, sent)
		for _, tok := range sent {
			in.WriteString(tok + "\n")
		}
		in.WriteString("\n")
	}
	var out, want bytes.Buffer
	if err := s.TagCoNLL(t.Context(), strings.NewReader(in.String()), &out); err != nil {
		t.Fatal(err)
	}
	for k, tags := range s.TagDoc(doc) {
		if err := tagger.WriteTagged(&want, doc[k], tags); err != nil {
			t.Fatal(err)
		}
	}
	if out.String() != want.String() {
		t.Error("block-wise tags differ from the document's")
	}
}

func TestTrimSpan(t *testing.T) {
	for _, tc := range []struct {
		tokens     []string
		start, end int
		typ        string
		want       [2]int
		ok         bool
	}{
		{[]string{"राष्ट्रीय", "निगम", ",", "पटना"}, 0, 3, "ORG", [2]int{0, 2}, true},
		{[]string{"श्री", "मोहन", "लाल"}, 0, 3, "PER", [2]int{1, 3}, true},
		{[]string{"पीएम", "मोदी", "ने"}, 0, 2, "PER", [2]int{1, 2}, true},
		{[]string{"सीएमओ", "ने"}, 0, 1, "ORG", [2]int{}, false},
		{[]string{"15", "अगस्त"}, 0, 2, "LOC", [2]int{}, false},
		{[]string{"मंगलवार", "रात", "को"}, 0, 2, "LOC", [2]int{}, false},
	} {
		t.Run(strings.Join(tc.tokens, " "), func(t *testing.T) {
			words := make([]string, len(tc.tokens))
			for i, tok := range tc.tokens {
				words[i] = kb.Word(tok)
			}
			sp, ok := trimSpan(span{Start: tc.start, End: tc.end, Type: tc.typ}, tc.tokens, words)
			if ok != tc.ok || ok && [2]int{sp.Start, sp.End} != tc.want {
				t.Errorf("trimSpan = %d:%d %v, want %v %v", sp.Start, sp.End, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestSplitBracket(t *testing.T) {
	toks := []string{"राष्ट्रीय", "निगम", "(", "एनएचडीसी", ")", "ने"}
	for _, tc := range []struct {
		name       string
		start, end int
		want       []span
	}{
		{"bracket closes after the span", 0, 4, []span{{Start: 0, End: 2, Type: "ORG"}, {Start: 3, End: 4, Type: "ORG", short: true}}},
		{"bracket inside the span", 0, 5, []span{{Start: 0, End: 2, Type: "ORG"}, {Start: 3, End: 4, Type: "ORG", short: true}}},
		{"no bracket", 0, 2, []span{{Start: 0, End: 2, Type: "ORG"}}},
		{"empty bracket", 0, 3, []span{{Start: 0, End: 3, Type: "ORG"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := splitBracket(span{Start: tc.start, End: tc.end, Type: "ORG"}, toks)
			if !slices.Equal(got, tc.want) {
				t.Errorf("splitBracket(%d:%d) = %+v, want %+v", tc.start, tc.end, got, tc.want)
			}
		})
	}
	// more name after the bracket: one name
	toks = []string{"कंपनी", "(", "इंडिया", ")", "लिमिटेड"}
	if got := splitBracket(span{Start: 0, End: 5, Type: "ORG"}, toks); len(got) != 1 {
		t.Errorf("a name running on after its bracket was split: %+v", got)
	}
}

// TestWordListsFolded checks that the word lists the tagging rules look
// words up in are written as kb.Word writes words, or they never match.
func TestWordListsFolded(t *testing.T) {
	for name, m := range map[string]map[string]bool{"personTitles": personTitles, "dateWords": dateWords, "calendarWords": calendarWords, "honorifics": honorifics, "numberWords": numberWords, "placeHeads": placeHeads, "orgHeadsHi": orgHeadsHi} {
		for w := range m {
			if kb.Word(w) != w {
				t.Errorf("%s: %q is looked up as %q", name, w, kb.Word(w))
			}
		}
	}
}

func TestShortFormJoinsItsName(t *testing.T) {
	s := testStage(t)
	text := "खाद्य अनुसंधान परिषद ( खाअप ) ने कहा"
	toks := strings.Fields(text)
	var ms []mention
	pos := 0
	for _, r := range [][3]int{{0, 3, 0}, {4, 5, 1}} {
		start := strings.Index(text[pos:], toks[r[0]]) + pos
		end := strings.Index(text, toks[r[1]-1]) + len(toks[r[1]-1])
		ms = append(ms, mention{start: start, end: end, typ: "ORG", tokens: toks[r[0]:r[1]], short: r[2] == 1})
		pos = end
	}
	ents := s.link(text, ms)
	if len(ents) != 1 || len(ents[0].Mentions) != 2 || ents[0].Mentions[1].Text != "खाअप" {
		t.Errorf("the short form did not join its name: %+v", ents)
	}
	ms[1].short = false
	if ents := s.link(text, ms); len(ents) != 2 {
		t.Errorf("without the short-form mark the two names are %d entities, want 2", len(ents))
	}
}

func TestTrimFunctionWords(t *testing.T) {
	toks := []string{"एक", "दिन", "बाद", "दिल्ली", "विश्वविद्यालय", "में"}
	words := make([]string, len(toks))
	for i, tok := range toks {
		words[i] = kb.Word(tok)
	}
	spans := []span{{Start: 2, End: 5, Type: "ORG"}, {Start: 2, End: 3, Type: "ORG"}}
	trimFunctionWords(spans, words, func([]string) bool { return false })
	if spans[0].Start != 3 || spans[0].End != 5 {
		t.Errorf("span = %d:%d, want 3:5", spans[0].Start, spans[0].End)
	}
	if spans[1].Start != 2 || spans[1].End != 3 {
		t.Errorf("a one-word span was trimmed to %d:%d", spans[1].Start, spans[1].End)
	}
	spans = []span{{Start: 2, End: 5, Type: "ORG"}}
	trimFunctionWords(spans, words, func([]string) bool { return true })
	if spans[0].Start != 2 {
		t.Error("a span the knowledge base knows whole was trimmed")
	}
}

// FuzzProcess runs the segment and entities stages on arbitrary text: no
// panic, and every mention's offsets select its text.
func FuzzProcess(f *testing.F) {
	for _, s := range []string{
		"प्रधानमंत्री नरेंद्र मोदी ने सोमवार को दिल्ली में बैठक की।",
		"विधायक नीरा यादव और सांसद अन्नपूर्णा देवी ( एएनआइ ) मौजूद थे।",
		"नयी दिल्ली और मिशिगन विश्वविद्यालय ( ) , पीएम",
		"(((", "A (B) और", "डीएम कौशल राज शर्मा",
		"External Affairs Minister S. Jaishankar met Sheikh Abdullah bin Zayed in Abu Dhabi on Monday.",
		"the Institute of Applied Cybernetics and the Council for European Security and Cooperation",
		"नई दिल्ली, जेएनएन । डीटीसी के एक अधिकारी ने मंगलवार को चार मार्च की बात कही।",
	} {
		f.Add(s)
	}
	st := testStage(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // the normalize stage makes every text valid UTF-8 first
		}
		a := &news.Article{Text: text}
		if err := (segment.Stage{}).Process(t.Context(), a); err != nil {
			return
		}
		if err := st.Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		r := []rune(text)
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(r) || m.Start >= m.End || string(r[m.Start:m.End]) != m.Text {
					t.Fatalf("mention %+v does not select its text in %q", m, text)
				}
			}
		}
	})
}

// BenchmarkProcessNews runs the stage over every eighth article of the
// real Hindi news of the shared data (segmented as the segment stage does),
// with the model's caches as a long run leaves them: warmed on the other
// articles first.
func BenchmarkProcessNews(b *testing.B) {
	dir, err := evaldata.Path("news")
	if err != nil {
		b.Skipf("real news absent (%v)", err)
	}
	var arts []*news.Article
	size := 0
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		arts = append(arts, &news.Article{Text: string(text), Segments: segment.Split(string(text))})
		return nil
	})
	if err != nil || len(arts) < 80 {
		b.Fatalf("news: %v (%d articles)", err, len(arts))
	}
	s := testStage(b)
	var measured []*news.Article
	for i, a := range arts {
		if i%8 == 0 {
			measured = append(measured, a)
			size += len(a.Text)
		} else if err := s.Process(b.Context(), a); err != nil {
			b.Fatal(err)
		}
	}
	arts = measured
	b.SetBytes(int64(size))
	cpu0 := cpuTime()
	for b.Loop() {
		for _, a := range arts {
			if err := s.Process(b.Context(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	// CPU time (the collector's too) is steadier than wall time on a
	// shared machine
	b.ReportMetric(float64(size*b.N)/1e6/(cpuTime()-cpu0).Seconds(), "MB/cpu-s")
}

// cpuTime returns the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
