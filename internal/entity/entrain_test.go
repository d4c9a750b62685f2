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
		}
		m, _, err := tagger.TrainSentences(t.Context(), sents, nil, opts)
		if err != nil {
			t.Fatal(err)
		}
		st, err := New(Options{KB: k, EnglishModel: m})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "== %s (features %d)\n", setting, m.Info().Features)
		if _, err := st.EvalEnglish(t.Context(), dev, &b); err != nil {
			t.Fatal(err)
		}
		t.Log(b.String())
	}
}
