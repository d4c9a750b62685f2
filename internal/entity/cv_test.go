package entity

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"khabar/internal/entity/kb"
	"khabar/internal/entity/tagger"
)

var (
	cvFolds  = flag.Int("cv", 0, "cross-validate NER training on IL-NER train with this many folds (slow)")
	cvEpochs = flag.Int("cvepochs", 15, "epochs per fold in -cv")
	cvOnly   = flag.Int("cvonly", 0, "run only the first N folds in -cv (0: all)")
	cvEvery  = flag.Int("cvevery", 1, "score every N-th epoch in -cv (and the last)")
	cvStack  = flag.Int("cvstack", 0, "cross-validate a stacked model with this window in -cv (0: not stacked)")
	cvAblate = flag.Bool("cvablate", false, "in -cv, also score the stage with each tagging rule left out")
	cvDump   = flag.String("cvdump", "", "in -cv, write token, gold and stage tag of each held-out sentence to this file")
	cvOpt    = flag.String("cvopt", "", "training options for -cv: name=value,… (lexfolds, runs, mincount, dropout, seed)")
)

// cvBiases are the decoding biases scored in cross-validation.
var cvBiases = []float32{0, 1, 2}

// cvOptions applies -cvopt to opts.
func cvOptions(t *testing.T, opts *tagger.TrainOptions) {
	if *cvOpt == "" {
		return
	}
	for _, kv := range strings.Split(*cvOpt, ",") {
		name, val, _ := strings.Cut(kv, "=")
		var n int
		var x float64
		if _, err := fmt.Sscan(val, &x); err != nil {
			t.Fatalf("-cvopt %s: %v", kv, err)
		}
		n = int(x)
		switch name {
		case "lexfolds":
			opts.LexFolds = n
		case "runs":
			opts.Runs = n
		case "seed":
			opts.Seed = uint64(n)
		case "dropout":
			opts.WordDropout = x
		case "mincount":
			opts.MinCount = n
		default:
			t.Fatalf("-cvopt: unknown option %q", name)
		}
	}
}

// TestCrossValidateNER trains the tagger on k-1 folds of the IL-NER train
// split and scores the stage's tagging of the held-out fold,
// for each epoch and decoding bias, pooled over the folds. It is how
// training choices are made without looking at dev. Run with
// -cv 5 -v (several minutes on one core). Folds take every k-th sentence:
// the corpus is sorted by the types its sentences hold, so contiguous
// blocks would differ in kind.
func TestCrossValidateNER(t *testing.T) {
	if *cvFolds < 2 {
		t.Skip("cross-validation runs with -cv K")
	}
	p := ilner(t, "train.conll")
	if p == "" {
		t.Skip("IL-NER train split not available")
	}
	sents, err := tagger.ReadTrainFile(p)
	if err != nil {
		t.Fatal(err)
	}
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	K := *cvFolds
	E := *cvEpochs
	folds := K
	if *cvOnly > 0 {
		folds = min(K, *cvOnly)
	}
	// stage[e][b] and raw[e][b] pool the folds
	stage := make([][]tagger.Evaluator, E+1)
	raw := make([][]tagger.Evaluator, E+1)
	for e := range stage {
		stage[e] = make([]tagger.Evaluator, len(cvBiases))
		raw[e] = make([]tagger.Evaluator, len(cvBiases))
	}
	unseen := make([]unseenRecall, E+1)
	var final [2]tagger.Evaluator   // stage and raw scores of the final model
	var firstEv [2]tagger.Evaluator // the same of a stacked model's first pass
	var dump [][4][]string
	var ablated [8]tagger.Evaluator // the final model's stage with one rule left out
	began := time.Now()
	doc := make([][]string, len(sents))
	for i, s := range sents {
		doc[i] = s.Tokens
	}
	for fold := 0; fold < folds; fold++ {
		var train, held []tagger.Sentence
		for i, s := range sents {
			if i%K == fold {
				held = append(held, s)
			} else {
				train = append(train, s)
			}
		}
		known := map[string]bool{}
		for _, s := range train {
			for _, sp := range tagger.Spans(s.Tags) {
				known[strings.Join(s.Tokens[sp.Start:sp.End], " ")] = true
			}
		}
		opts := tagger.TrainOptions{Gazetteer: k, Epochs: E, Patience: E, OnEpoch: func(epoch int, m *tagger.Model) {
			if epoch%*cvEvery != 0 && epoch != E {
				return
			}
			for b, bias := range cvBiases {
				mb := m.WithBias(bias)
				st, err := New(Options{KB: k, Model: mb})
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range held {
					st, rt := st.Tag(s.Tokens), mb.Tag(s.Tokens)
					stage[epoch][b].Add(s.Tags, st)
					raw[epoch][b].Add(s.Tags, rt)
					if b == 0 {
						unseen[epoch].add(s, st, rt, known)
					}
				}
			}
		}}
		cvOptions(t, &opts)
		if *cvStack > 0 {
			opts.Stack, opts.OnEpoch = *cvStack, nil
		}
		m, rep, err := tagger.TrainSentences(t.Context(), train, nil, opts)
		if err != nil {
			t.Fatal(err)
		}
		if m.Stacked() {
			dump = append(dump, stackedFold(t, k, m, rep, sents, doc, K, fold, &final, &firstEv)...)
		} else if opts.Runs > 1 {
			st, err := New(Options{KB: k, Model: m})
			if err != nil {
				t.Fatal(err)
			}
			if *cvAblate {
				for i := range ablated {
					st.skip = 1 << i
					for _, s := range held {
						ablated[i].Add(s.Tags, st.Tag(s.Tokens))
					}
				}
				st.skip = 0
			}
			for _, s := range held {
				final[0].Add(s.Tags, st.Tag(s.Tokens))
				final[1].Add(s.Tags, m.Tag(s.Tokens))
			}
		}
		if *cvDump != "" && m.Stacked() {
			// written by stackedFold
		} else if *cvDump != "" {
			st, err := New(Options{KB: k, Model: m})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range held {
				got := st.Tag(s.Tokens)
				st.skip = skipKBMatches | skipTitleNames
				dump = append(dump, [4][]string{s.Tokens, s.Tags, got, st.Tag(s.Tokens)})
				st.skip = 0
			}
		}
		t.Logf("fold %d done after %v", fold, time.Since(began).Round(time.Second))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d folds; stage F1 (raw tagger F1) on PER+LOC+ORG by epoch and O bias\nepoch", folds, K)
	for _, bias := range cvBiases {
		fmt.Fprintf(&b, "  %13.1f", bias)
	}
	b.WriteString("\n")
	bestF, bestE, bestB := 0.0, 0, 0
	for e := 1; e <= E; e++ {
		if unseen[e].n == 0 {
			continue
		}
		fmt.Fprintf(&b, "%5d", e)
		for i := range cvBiases {
			s, r := stage[e][i].Scores(), raw[e][i].Scores()
			fmt.Fprintf(&b, "  %.4f (%.4f)", s.Target.F1, r.Target.F1)
			if s.Target.F1 > bestF {
				bestF, bestE, bestB = s.Target.F1, e, i
			}
		}
		u := unseen[e]
		fmt.Fprintf(&b, "  unseen recall %.4f (%.4f) of %d", float64(u.stage)/float64(u.n), float64(u.raw)/float64(u.n), u.n)
		b.WriteString("\n")
	}
	for i, ev := range ablated {
		if sc := ev.Scores(); sc.Tokens > 0 {
			fmt.Fprintf(&b, "without rule %d: %.4f (P %.4f R %.4f)\n", i, sc.Target.F1, sc.Target.Precision, sc.Target.Recall)
		}
	}
	if sc := firstEv[0].Scores(); sc.Tokens > 0 {
		fmt.Fprintf(&b, "first pass: %.4f (%.4f)\n", sc.Target.F1, firstEv[1].Scores().Target.F1)
		firstEv[0].Scores().Write(&b)
		b.WriteString("stacked:\n")
		final[0].Scores().Write(&b)
	}
	if sc := final[0].Scores(); sc.Tokens > 0 {
		fmt.Fprintf(&b, "final model (average of runs): %.4f (%.4f)\n", sc.Target.F1, final[1].Scores().Target.F1)
	}
	fmt.Fprintf(&b, "best: epoch %d bias %.1f\n", bestE, cvBiases[bestB])
	best := stage[bestE][bestB].Scores()
	best.Write(&b)
	t.Log("\n" + b.String())
	if *cvDump != "" {
		var d strings.Builder
		for _, x := range dump {
			for i := range x[0] {
				fmt.Fprintf(&d, "%s\t%s\t%s\t%s\n", x[0][i], x[1][i], x[2][i], x[3][i])
			}
			d.WriteString("\n")
		}
		if err := os.WriteFile(*cvDump, []byte(d.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// unseenRecall counts the gold PER, LOC and ORG spans whose words no span
// of the training folds has, and how many of them the stage and the raw
// tagger find: how well names never seen in training are found, which
// matters most on new text.
type unseenRecall struct{ n, stage, raw int }

func (u *unseenRecall) add(s tagger.Sentence, stage, raw []string, known map[string]bool) {
	found := func(tags []string) map[tagger.Span]bool {
		m := map[tagger.Span]bool{}
		for _, sp := range tagger.Spans(tags) {
			m[sp] = true
		}
		return m
	}
	fs, fr := found(stage), found(raw)
	for _, sp := range tagger.Spans(s.Tags) {
		if sp.Type != "PER" && sp.Type != "LOC" && sp.Type != "ORG" {
			continue
		}
		if known[strings.Join(s.Tokens[sp.Start:sp.End], " ")] {
			continue
		}
		u.n++
		if fs[sp] {
			u.stage++
		}
		if fr[sp] {
			u.raw++
		}
	}
}

// stackedFold scores a stacked model trained without fold: its first pass
// tags the held-out sentences, the jackknifed first-pass tags of training
// stand for the sentences around them, and the second pass tags them.
func stackedFold(t *testing.T, k *kb.KB, m *tagger.Model, rep tagger.Report, sents []tagger.Sentence, doc [][]string,
	K, fold int, final, first *[2]tagger.Evaluator) [][4][]string {
	t.Helper()
	m1 := m.FirstPass()
	st1, err := New(Options{KB: k, Model: m1})
	if err != nil {
		t.Fatal(err)
	}
	st, err := New(Options{KB: k, Model: m})
	if err != nil {
		t.Fatal(err)
	}
	tags := make([][]string, len(sents))
	var which []int
	j := 0
	for i, s := range sents {
		if i%K == fold {
			tags[i] = m1.FullTags(s.Tokens)
			which = append(which, i)
		} else {
			tags[i] = rep.FirstPass[j]
			j++
		}
	}
	raw := m.SecondPass(doc, tags, which)
	var dump [][4][]string
	for j, i := range which {
		s := sents[i]
		got := spanTags(len(s.Tokens), st.spansFrom(s.Tokens, foldDoc([][]string{s.Tokens})[0], raw[j], nil))
		dump = append(dump, [4][]string{s.Tokens, s.Tags, got, raw[j]})
		final[0].Add(s.Tags, got)
		final[1].Add(s.Tags, raw[j])
		first[0].Add(s.Tags, st1.Tag(s.Tokens))
		first[1].Add(s.Tags, m1.Tag(s.Tokens))
	}
	return dump
}
