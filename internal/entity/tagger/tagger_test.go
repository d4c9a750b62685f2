package tagger

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// toyCorpus is a small tagged corpus written for the tests.
const toyCorpus = `राम	B-NEP
ने	O
दिल्ली	B-NEL
में	O
भाषण	O
दिया	O
।	O

सीता	B-NEP
कुमारी	I-NEP
पटना	B-NEL
गईं	O
।	O

भारतीय	B-NEO
रिज़र्व	I-NEO
बैंक	I-NEO
ने	O
दर	O
घटाई	O
।	O

मोहन	B-NEP
ने	O
मुंबई	B-NEL
में	O
बैठक	O
की	O
।	O

15	B-NETI
अगस्त	I-NETI
को	O
गीता	B-NEP
लखनऊ	B-NEL
पहुंचीं	O
।	O
`

func toySentences(t testing.TB) []Sentence {
	t.Helper()
	s, err := ReadCoNLL(strings.NewReader(toyCorpus), true)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadCoNLL(t *testing.T) {
	s := toySentences(t)
	if len(s) != 5 {
		t.Fatalf("%d sentences, want 5", len(s))
	}
	if got := strings.Join(s[2].Tags, " "); got != "B-ORG I-ORG I-ORG O O O O" {
		t.Errorf("tags %q", got)
	}
	if s[4].Tags[0] != "B-TIME" || s[1].Line != 9 {
		t.Errorf("sentence 5 tags %v, sentence 2 line %d", s[4].Tags, s[1].Line)
	}
}

func TestReadCoNLLErrors(t *testing.T) {
	tests := []struct {
		name, in string
		tagged   bool
	}{
		{"empty token", "\tO\n", true},
		{"no tag", "राम\n", true},
		{"bad tag", "राम\tX-Y-Z\n", true},
		{"unknown type", "राम\tB-FOO\n", true},
		{"not utf8", "\xff\tO\n", false},
		{"long line", strings.Repeat("a", MaxLineBytes+10) + "\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCoNLL(strings.NewReader(tt.in), tt.tagged)
			if !errors.Is(err, ErrMalformed) {
				t.Errorf("err = %v, want ErrMalformed", err)
			}
		})
	}
	for _, ok := range []string{"", "\n\n\n", "# comment\nराम\n", "-DOCSTART- O\n\nराम O\n"} {
		if _, err := ReadCoNLL(strings.NewReader(ok), false); err != nil {
			t.Errorf("ReadCoNLL(%q): %v", ok, err)
		}
	}
}

func TestNormTag(t *testing.T) {
	tests := []struct{ tag, prev, want string }{
		{"B-NEP", "O", "B-PER"},
		{"I-NEL", "B-LOC", "I-LOC"},
		{"I-NEL", "O", "B-LOC"},
		{"-NEO", "O", "B-ORG"},
		{"-", "O", "O"},
		{"B-NEU", "O", "O"},
		{"S-PER", "O", "B-PER"},
		{"E-LOC", "I-LOC", "I-LOC"},
	}
	for _, tt := range tests {
		got, err := normTag(tt.tag, tt.prev)
		if err != nil || got != tt.want {
			t.Errorf("normTag(%q, %q) = %q, %v; want %q", tt.tag, tt.prev, got, err, tt.want)
		}
	}
}

func TestSpansAndEval(t *testing.T) {
	gold := []string{"B-PER", "I-PER", "O", "B-LOC", "I-ORG", "O"}
	pred := []string{"B-PER", "I-PER", "O", "B-ORG", "I-ORG", "O"}
	sp := Spans(gold)
	if len(sp) != 3 || sp[2] != (Span{4, 5, "ORG"}) {
		t.Errorf("Spans = %v", sp)
	}
	var ev Evaluator
	ev.Add(gold, pred)
	s := ev.Scores()
	if s.Target.TP != 1 || s.Target.FP != 1 || s.Target.FN != 2 {
		t.Errorf("scores %+v", s.Target)
	}
	var out bytes.Buffer
	if err := s.Write(&out); err != nil || !strings.Contains(out.String(), "PER+LOC+ORG") {
		t.Errorf("Write: %v %q", err, out.String())
	}
}

// TestTrainRoundTrip trains on the toy corpus, then checks that the model
// learned it, survives WriteTo and Load unchanged, and that training is
// reproducible.
func TestTrainRoundTrip(t *testing.T) {
	train := toySentences(t)
	m, rep, err := TrainSentences(t.Context(), train, train, TrainOptions{Epochs: 8})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Dev.Target.F1 < 0.99 {
		t.Errorf("toy F1 %.3f", rep.Dev.Target.F1)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(buf.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range train {
		a, b := strings.Join(m.Tag(s.Tokens), " "), strings.Join(m2.Tag(s.Tokens), " ")
		if a != b {
			t.Errorf("loaded model tags %q, trained %q", b, a)
		}
	}
	m3, _, err := TrainSentences(t.Context(), train, train, TrainOptions{Epochs: 8})
	if err != nil {
		t.Fatal(err)
	}
	var buf3 bytes.Buffer
	if _, err := m3.WriteTo(&buf3); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf3.Bytes()) {
		t.Error("training twice gave different model files")
	}
	if got := m.Tag([]string{"राम", "ने", "पटना", "में", "भाषण", "दिया"}); got[0] != "B-PER" || got[2] != "B-LOC" {
		t.Errorf("tags %v", got)
	}
	if got := m.Tag(nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %v", got)
	}
	if got := m.Tag([]string{"15", "अगस्त"}); got[0] != "O" || got[1] != "O" {
		t.Errorf("time is output: %v", got)
	}
}

// TestTrainOptions trains with every option that changes learning, plain
// and stacked, and checks that the model still learns the toy corpus,
// survives WriteTo and Load, and is the same file when trained twice.
func TestTrainOptions(t *testing.T) {
	train := toySentences(t)
	for _, tc := range []struct {
		name  string
		stack int
	}{{"plain", 0}, {"stacked", 2}} {
		t.Run(tc.name, func(t *testing.T) {
			opts := TrainOptions{Epochs: 10, Runs: 2, LexFolds: 2, WordDropout: 0.3, KeepLast: true, Stack: tc.stack, StackFolds: 2}
			file := func() []byte {
				m, rep, err := TrainSentences(t.Context(), train, train, opts)
				if err != nil {
					t.Fatal(err)
				}
				if rep.Dev.Target.F1 < 0.99 || rep.BestEpoch != opts.Epochs || m.Bias() != 0 {
					t.Errorf("toy F1 %.3f, epoch %d kept, bias %.2f", rep.Dev.Target.F1, rep.BestEpoch, m.Bias())
				}
				if m.Stacked() != (tc.stack > 0) || m.Window() != tc.stack || (tc.stack > 0) != (len(rep.FirstPass) == len(train)) {
					t.Errorf("stacked %v, window %d, %d first-pass tags", m.Stacked(), m.Window(), len(rep.FirstPass))
				}
				var buf bytes.Buffer
				if _, err := m.WriteTo(&buf); err != nil {
					t.Fatal(err)
				}
				m2, err := Load(bytes.NewReader(buf.Bytes()), nil)
				if err != nil {
					t.Fatal(err)
				}
				var doc [][]string
				for _, s := range train {
					if a, b := strings.Join(m.Tag(s.Tokens), " "), strings.Join(m2.Tag(s.Tokens), " "); a != b {
						t.Errorf("loaded model tags %q, trained %q", b, a)
					}
					doc = append(doc, s.Tokens)
				}
				got, want := m2.TagDoc(doc), m.TagDoc(doc)
				var ev Evaluator
				for k, s := range train {
					if a, b := strings.Join(got[k], " "), strings.Join(want[k], " "); a != b {
						t.Errorf("loaded model tags document sentence %d %q, trained %q", k, a, b)
					}
					ev.Add(s.Tags, got[k])
				}
				if sc := ev.Scores(); sc.Target.F1 < 0.99 {
					t.Errorf("document F1 %.3f", sc.Target.F1)
				}
				if got := m2.TagDoc(nil); len(got) != 0 {
					t.Errorf("TagDoc(nil) = %v", got)
				}
				if got := m2.TagDoc([][]string{nil, {"राम"}}); len(got) != 2 || len(got[0]) != 0 || len(got[1]) != 1 {
					t.Errorf("TagDoc of an empty sentence = %v", got)
				}
				return buf.Bytes()
			}
			if !bytes.Equal(file(), file()) {
				t.Error("training twice gave different model files")
			}
		})
	}
}

// TestHints checks what the first pass tells the second: the labels of
// the same word elsewhere in the window, and none from beyond it.
func TestHints(t *testing.T) {
	ls := newLabelSet(types)
	bper, bloc := ls.index["B-PER"], ls.index["B-LOC"]
	words := [][]string{{"राम", "आए"}, {"राम", "गए"}, {"x"}, {"y"}, {"राम"}}
	labels := [][]int{{bper, 0}, {0, 0}, {0}, {0}, {bloc}}
	hs := hints(ls, words, labels, 1)
	if h := hs[1][0]; h.p1 != 0 || h.near != 1<<bper || h.seen != 1 || h.nearT[0] != 1 {
		t.Errorf("hint of राम in sentence 1: %+v", h)
	}
	if h := hs[0][0]; h.p1 != int8(bper) || h.near != 0 || h.seen != 1 {
		t.Errorf("hint of राम in sentence 0: %+v", h)
	}
	if h := hs[4][0]; h.seen != 0 || h.near != 0 {
		t.Errorf("hint of राम in sentence 4 sees beyond the window: %+v", h)
	}
}

func TestLoadBad(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), gz(t, "KHABAR-NER\x00\x09")} {
		if _, err := Load(bytes.NewReader(in), nil); !errors.Is(err, ErrModel) {
			t.Errorf("Load(%q): %v, want ErrModel", in, err)
		}
	}
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestTrainLimit(t *testing.T) {
	p := devFile(t, "train.conll")
	if p == "" {
		t.Skip("IL-NER not available; set KHABAR_EVAL_DATA")
	}
	m, rep, err := Train(t.Context(), p, "", TrainOptions{Limit: 300, Epochs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sentences != 300 || m.Info().Features == 0 {
		t.Errorf("report %+v", rep)
	}
}

// devFile finds an IL-NER file under shared/data, or "".
func devFile(tb testing.TB, name string) string {
	tb.Helper()
	if d := os.Getenv("KHABAR_EVAL_DATA"); d != "" {
		return filepath.Join(d, "ner", "il-ner-hi", name)
	}
	dir, _ := os.Getwd()
	for {
		p := filepath.Join(dir, "shared", "data", "ner", "il-ner-hi", name)
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

func FuzzReadCoNLL(f *testing.F) {
	for _, s := range []string{toyCorpus, "", "\t\n", "a\tB-\n", "a b c\n\n", "x\t-NEL\ny\tI-NEL\n", "#\n", "\r\n\r\n"} {
		f.Add(s)
	}
	m, _, err := TrainSentences(f.Context(), toySentencesF(f), nil, TrainOptions{Epochs: 2})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tagged := range []bool{false, true} {
			sents, err := ReadCoNLL(strings.NewReader(s), tagged)
			if err != nil {
				if !errors.Is(err, ErrMalformed) {
					t.Errorf("error %v does not wrap ErrMalformed", err)
				}
				continue
			}
			for _, sent := range sents {
				if tags := m.Tag(sent.Tokens); len(tags) != len(sent.Tokens) {
					t.Errorf("%d tags for %d tokens", len(tags), len(sent.Tokens))
				}
			}
		}
	})
}

func toySentencesF(f *testing.F) []Sentence {
	s, err := ReadCoNLL(strings.NewReader(toyCorpus), true)
	if err != nil {
		f.Fatal(err)
	}
	return s
}
