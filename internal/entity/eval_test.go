package entity

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khabar/internal/entity/tagger"
)

// ilner returns the path of an IL-NER file, or "".
func ilner(tb testing.TB, name string) string {
	tb.Helper()
	d := sharedDir(tb)
	if d == "" {
		return ""
	}
	p := filepath.Join(d, "data", "ner", "il-ner-hi", name)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// TestEvalNERDev scores the stage's tagging on the IL-NER dev split
// (`khabar eval ner`). It guards against regressions: the floor is below
// the target of 0.80, which the model does not reach yet.
func TestEvalNERDev(t *testing.T) {
	p := ilner(t, "dev.conll")
	if p == "" {
		t.Skip("IL-NER dev split not available; set KHABAR_EVAL_DATA")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	sc, err := testStage(t).EvalNER(t.Context(), f, &out)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("IL-NER dev:\n%s", out.String())
	if sc.Target.F1 < 0.70 {
		t.Errorf("dev F1 on PER/LOC/ORG %.4f < 0.70", sc.Target.F1)
	}
}

// BenchmarkTag measures tagging speed in tokens per second on one core,
// on the IL-NER dev split when available, else on the test texts.
func BenchmarkTag(b *testing.B) {
	s := testStage(b)
	var sents [][]string
	if p := ilner(b, "dev.conll"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		ss, err := tagger.ReadCoNLL(f, false)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, x := range ss[:min(len(ss), 400)] {
			sents = append(sents, x.Tokens)
		}
	} else {
		text, err := os.ReadFile(filepath.Join("testdata", "hindi-summit.txt"))
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(string(text), "\n") {
			if f := strings.Fields(line); len(f) > 0 {
				sents = append(sents, f)
			}
		}
	}
	tokens := 0
	for _, x := range sents {
		tokens += len(x)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, x := range sents {
			s.Tag(x)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
