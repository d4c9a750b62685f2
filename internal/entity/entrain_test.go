package entity

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"khabar/internal/entity/kb"
	"khabar/internal/entity/tagger"
)

var enTry = flag.String("entry", "", "train English models with these settings (name=value,…; several separated by ';': epochs, dropout, mincount, lexfolds, runs, stack, wiki (times wikigold's train part is repeated), drop (a corpus left out)) and score the stage on the dev part, never the held-out part")

// TestTryEnglishSettings compares English training settings on the dev
// part (-entry). It is how nerTrainOptionsEn was chosen.
func TestTryEnglishSettings(t *testing.T) {
	if *enTry == "" {
		t.Skip("set -entry to compare English training settings")
	}
	dir := filepath.Join(sharedDir(t), "data", "ner-en")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("English NER data not found: %v", err)
	}
	train, err := ReadEnglishSplit(dir, "train")
	if err != nil {
		t.Fatal(err)
	}
	dev, err := ReadEnglishSplit(dir, "dev")
	if err != nil {
		t.Fatal(err)
	}
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, setting := range strings.Split(*enTry, ";") {
		opts := nerTrainOptionsEn(k)
		wiki, drop := enRepeat["wikigold"], ""
		bias := float32(-1)
		lower := ""
		for _, kv := range strings.Split(setting, ",") {
			name, val, _ := strings.Cut(strings.TrimSpace(kv), "=")
			f, _ := strconv.ParseFloat(val, 64)
			switch name {
			case "epochs":
				opts.Epochs = int(f)
			case "dropout":
				opts.WordDropout = f
			case "mincount":
				opts.MinCount = int(f)
			case "lexfolds":
				opts.LexFolds = int(f)
			case "runs":
				opts.Runs = int(f)
			case "stack":
				opts.Stack = int(f)
			case "wiki":
				wiki = int(f)
			case "drop":
				drop = val
			case "features":
				opts.Features = tagger.FeatureSet(f)
			case "lower":
				lower = val
			case "bias":
				bias = float32(f)
			case "seed":
				opts.Seed = uint64(f)
			case "given":
				if f == 0 {
					opts.GivenNames = nil
				}
			case "":
			default:
				t.Fatalf("unknown setting %q", name)
			}
		}
		var sents []tagger.Sentence
		for _, set := range train {
			if set.Corpus == drop {
				continue
			}
			n := 1
			if set.Corpus == "wikigold" {
				n = wiki
			}
			for range n {
				sents = append(sents, set.Sentences()...)
			}
			if strings.Contains(lower, set.Corpus) {
				for _, x := range set.Sentences() {
					y := tagger.Sentence{Tags: x.Tags}
					for _, tok := range x.Tokens {
						y.Tokens = append(y.Tokens, strings.ToLower(tok))
					}
					sents = append(sents, y)
				}
			}
		}
		m, _, err := tagger.TrainSentences(t.Context(), sents, nil, opts)
		if err != nil {
			t.Fatal(err)
		}
		if bias >= 0 {
			m = m.WithBias(bias)
		}
		st, err := New(Options{KB: k, EnglishModel: m})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "== %s (features %d)\n", setting, m.Info().Features)
		sc, err := st.EvalEnglish(t.Context(), dev, &b)
		if err != nil {
			t.Fatal(err)
		}
		// the tagger alone, without the stage's rules
		var raw tagger.Evaluator
		per := map[string]*tagger.Evaluator{}
		for _, set := range dev {
			per[set.Corpus] = &tagger.Evaluator{}
			for _, s := range set.Sentences() {
				got := m.Tag(s.Tokens)
				raw.Add(s.Tags, got)
				per[set.Corpus].Add(s.Tags, got)
			}
		}
		fmt.Fprintf(&b, "summary %s: stage %.4f (", setting, sc.Target.F1)
		for _, set := range dev {
			one, err := st.EvalEnglish(t.Context(), []EnglishSet{set}, nil)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, " %s %.4f", set.Corpus, one.Target.F1)
		}
		fmt.Fprintf(&b, " ) tagger alone %.4f (", raw.Scores().Target.F1)
		for _, set := range dev {
			fmt.Fprintf(&b, " %s %.4f", set.Corpus, per[set.Corpus].Scores().Target.F1)
		}
		fmt.Fprintln(&b, " )")
		t.Log(b.String())
	}
}
