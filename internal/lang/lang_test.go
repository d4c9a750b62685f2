package lang

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"khabar/internal/evaldata"
	"khabar/internal/news"
	"khabar/internal/news/newstest"
	"khabar/internal/normalize"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// labelled reads "<code><TAB><text>" lines from a testdata file.
func labelled(t testing.TB, name string) [][2]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, text, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: bad line %q", name, line)
		}
		out = append(out, [2]string{code, text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestAccuracy runs the labelled paragraphs and headlines, reports
// accuracy per language, and fails on any error: the sets are small and
// every line of them is meant to pass.
func TestAccuracy(t *testing.T) {
	s := New()
	for _, file := range []string{"paragraphs.tsv", "hard.tsv"} {
		t.Run(file, func(t *testing.T) {
			right, all := map[string]int{}, map[string]int{}
			for _, c := range labelled(t, file) {
				want, text := c[0], normalize.Text(c[1])
				got, d := s.Detect(text)
				all[want]++
				if got == want {
					right[want]++
					continue
				}
				t.Errorf("Detect(%q) = %q (%+v), want %q", text, got, d, want)
			}
			var codes []string
			n, ok := 0, 0
			for code := range all {
				codes = append(codes, code)
				n += all[code]
				ok += right[code]
			}
			sort.Strings(codes)
			var b strings.Builder
			for _, code := range codes {
				fmt.Fprintf(&b, " %s %d/%d", code, right[code], all[code])
			}
			t.Logf("%s: accuracy %d/%d (%.1f%%):%s", file, ok, n, 100*float64(ok)/float64(n), b.String())
		})
	}
}

func TestMixed(t *testing.T) {
	s := New()
	tests := []struct {
		name, text, want string
		mixed            bool
	}{
		{"hindi with english terms", "सरकार ने Digital India मिशन के तहत 5G नेटवर्क और Artificial Intelligence पर नई policy जारी की है।", "hi", true},
		{"english with a hindi quote", "The minister told reporters, \"हम इस मामले की जांच करेंगे,\" before leaving the venue.", "en", true},
		{"english with one hindi word", "Farmers in Punjab call it a पराली problem, and the smoke reaches Delhi every November.", "en", false},
		{"hindi with an agency name", "मास्को, 19 मार्च (एपी) रूस ने कहा कि बातचीत जारी रहेगी। (AP)", "hi", false},
		{"pure hindi", "सरकार ने नई योजना शुरू की है।", "hi", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, d := s.Detect(tt.text)
			if got != tt.want || d.Mixed != tt.mixed {
				t.Errorf("Detect = %q mixed %v (%+v), want %q mixed %v", got, d.Mixed, d, tt.want, tt.mixed)
			}
		})
	}
}

func TestNoLetters(t *testing.T) {
	s := New()
	for _, text := range []string{"", "   \n", "2025 - 12/03", "।।  …", "((  ))"} {
		a := &news.Article{Text: text}
		if err := s.Process(t.Context(), a); err != nil {
			t.Fatalf("Process(%q): %v", text, err)
		}
		if a.Lang != "" || a.LangDetail != nil {
			t.Errorf("Process(%q): lang %q detail %+v, want none", text, a.Lang, a.LangDetail)
		}
	}
}

func TestHint(t *testing.T) {
	s := New()
	tests := []struct{ hint, want string }{
		{"hi", "hi"}, {"hi-IN", "hi"}, {"MR", "mr"}, {"nep", "ne"}, {"English", "en"}, {"", ""}, {"xyz1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.hint, func(t *testing.T) {
			if got := HintCode(tt.hint); got != tt.want {
				t.Errorf("HintCode(%q) = %q, want %q", tt.hint, got, tt.want)
			}
		})
	}
	// A declared language wins over the text.
	a := &news.Article{Text: "The court adjourned the hearing.", Raw: news.Raw{Hints: news.Hints{Lang: "hi-IN"}}}
	if err := s.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if a.Lang != "hi" || a.LangDetail == nil || a.LangDetail.Method != MethodHint || a.LangDetail.Confidence != 1 {
		t.Errorf("hinted article: lang %q detail %+v", a.Lang, a.LangDetail)
	}
	if a.LangDetail.Scripts["Latn"] != 1 {
		t.Errorf("hinted article: scripts %v", a.LangDetail.Scripts)
	}
}

func TestStage(t *testing.T) {
	s := New()
	if s.Name() != "lang" {
		t.Fatalf("Name() = %q", s.Name())
	}
	cases, err := filepath.Glob("testdata/*.txt")
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
			got := struct {
				Lang       string           `json:"lang"`
				LangDetail *news.LangDetail `json:"lang_detail"`
			}{a.Lang, a.LangDetail}
			newstest.Golden(t, path, "language", got, *update)
		})
	}
}

// sharedDir finds the shared/ folder: $KHABAR_EVAL_DATA's parent if set,
// else a sibling "shared" of a directory above this package.
func sharedDir() string {
	d, _ := evaldata.SharedDir() // "" when absent: the callers skip
	return d
}

// TestSeeds checks that the founding pages come out as Hindi.
func TestSeeds(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(sharedDir(), "seeds", "*.txt"))
	if len(paths) == 0 {
		t.Skip("seed pages not found (looked for ../shared/seeds beside the repository)")
	}
	s := New()
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a := &news.Article{Text: normalize.Text(string(raw))}
		if err := s.Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		if a.Lang != "hi" {
			t.Errorf("%s: lang %q (%+v), want hi", filepath.Base(p), a.Lang, a.LangDetail)
		}
	}
}

// TestRealHindi measures, on real Hindi news paragraphs (shared data),
// how many of those written mostly in Devanagari come out as Hindi.
func TestRealHindi(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(sharedDir(), "data", "news", "hindi-5papers-2020-03", "*", "*.txt"))
	if len(paths) == 0 {
		t.Skip("shared/data/news/hindi-5papers-2020-03 not found")
	}
	s := New()
	n, hindi := 0, 0
	wrong := map[string]int{}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, para := range strings.Split(normalize.Text(string(raw)), "\n") {
			st := countScripts(para)
			if st.words[sDeva] < 4 || st.words[sDeva] < st.words[sLatn] {
				continue
			}
			n++
			if got, _ := s.Detect(para); got == "hi" {
				hindi++
			} else {
				wrong[got]++
			}
		}
	}
	rate := float64(hindi) / float64(n)
	t.Logf("real Hindi paragraphs: %d/%d detected as hi (%.2f%%); others %v", hindi, n, 100*rate, wrong)
	if rate < 0.99 {
		t.Errorf("only %.2f%% of Hindi paragraphs detected as hi", 100*rate)
	}
}

func FuzzDetect(f *testing.F) {
	for _, s := range []string{"", "है", "आहे", "छ", "abc", "ਪੰਜਾਬ", "کی", "\xe0\xa4", "र्\u200dय", "a\u200db"} {
		f.Add(s)
	}
	s := New()
	f.Fuzz(func(t *testing.T, text string) {
		l, d := s.Detect(text)
		if d == nil {
			if l != "" {
				t.Fatalf("Detect(%q) = %q with no detail", text, l)
			}
			return
		}
		if d.Confidence < 0 || d.Confidence > 1 {
			t.Fatalf("Detect(%q): confidence %v", text, d.Confidence)
		}
		sum := 0.0
		for _, v := range d.Scripts {
			sum += v
		}
		if sum < 0.98 || sum > 1.02 {
			t.Fatalf("Detect(%q): script shares sum to %v", text, sum)
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	raw, err := os.ReadFile("testdata/bench_hi.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := normalize.Text(string(raw))
	s := New()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		s.Detect(text)
	}
}

// BenchmarkDetectHeadline measures the n-gram path, which a short
// headline without marker words takes.
func BenchmarkDetectHeadline(b *testing.B) {
	s := New()
	text := "संसद बैठक स्थगित, विपक्षी दलको विरोध जारी"
	for b.Loop() {
		s.Detect(text)
	}
}
