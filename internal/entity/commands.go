package entity

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"khabar/internal/entity/kb"
	"khabar/internal/entity/tagger"
)

// nerTrainOptions are the settings of the shipped model, chosen by 5-fold
// cross-validation on the IL-NER train split (TestCrossValidateNER), never
// on dev: 15 epochs, the average of three runs, the lexicon of the other
// folds for each training sentence, the word's own features dropped for
// 40% of training tokens, no decoding bias; stacked, the second pass seeing
// the first's labels within 10 sentences before and after, learned from
// first-pass labels of 5 jackknife folds (window 10 over 3: CV F1 a little
// better).
func nerTrainOptions(k *kb.KB) tagger.TrainOptions {
	return tagger.TrainOptions{Gazetteer: k, Epochs: 15, KeepLast: true, Runs: 3, LexFolds: 5, WordDropout: 0.4,
		Stack: 10, StackFolds: 5}
}

// TrainNER trains the NER model the way the shipped one was trained
// (`khabar train ner`): on the IL-NER CoNLL file trainPath with the
// settings chosen by cross-validation on it and the embedded knowledge base
// as gazetteer, one pass order fixed by the default seed. devPath (may be
// "") is only scored, by the tagger and by the stage, never used to choose.
// It writes the model to outPath (ModelPath for the shipped one) and
// progress lines to progress (may be nil). Rebuild the binary afterwards to
// embed the new model.
func TrainNER(ctx context.Context, trainPath, devPath, outPath string, progress io.Writer) (tagger.Report, error) {
	k, err := kb.Load()
	if err != nil {
		return tagger.Report{}, fmt.Errorf("train ner: %w", err)
	}
	opts := nerTrainOptions(k)
	opts.Progress = progress
	m, rep, err := tagger.Train(ctx, trainPath, devPath, opts)
	if err != nil {
		return rep, err
	}
	rep.FirstPass = nil // for cross-validation only
	if devPath != "" && progress != nil {
		st, err := New(Options{KB: k, Model: m})
		if err != nil {
			return rep, fmt.Errorf("train ner: %w", err)
		}
		f, err := os.Open(devPath)
		if err != nil {
			return rep, fmt.Errorf("train ner: %w", err)
		}
		fmt.Fprintln(progress, "dev, tagged by the stage:")
		_, err = st.EvalNER(ctx, f, progress)
		f.Close()
		if err != nil {
			return rep, fmt.Errorf("train ner: %w", err)
		}
	}
	return rep, writeModel(m, outPath)
}

// TagCoNLL reads CoNLL from r (the token in the first column, a blank line
// between sentences, further columns ignored) and writes "token<TAB>tag"
// for every token, a blank line after each sentence (`khabar tag`).
// Malformed input is an error wrapping tagger.ErrMalformed with its line.
func (s *Stage) TagCoNLL(ctx context.Context, r io.Reader, w io.Writer) error {
	bw := bufio.NewWriter(w)
	err := s.scanDoc(ctx, r, false, func(sent tagger.Sentence, tags []string) error {
		return tagger.WriteTagged(bw, sent.Tokens, tags)
	})
	if err != nil {
		return fmt.Errorf("tag: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("tag: %w", err)
	}
	return nil
}

// EvalNER scores the stage's tagging of tagged CoNLL from r (IL-NER tags
// NEP, NEL, NEO, NEAR are read as PER, LOC, ORG, MISC) with exact-span
// precision, recall and F1, writes the table to w and returns the scores
// (`khabar eval ner FILE.conll`). The headline is Target: PER, LOC and ORG.
func (s *Stage) EvalNER(ctx context.Context, r io.Reader, w io.Writer) (tagger.Scores, error) {
	var ev tagger.Evaluator
	err := s.scanDoc(ctx, r, true, func(sent tagger.Sentence, tags []string) error {
		ev.Add(sent.Tags, tags)
		return nil
	})
	if err != nil {
		return tagger.Scores{}, fmt.Errorf("eval ner: %w", err)
	}
	sc := ev.Scores()
	if w != nil {
		if err := sc.Write(w); err != nil {
			return sc, fmt.Errorf("eval ner: %w", err)
		}
	}
	return sc, nil
}

// docBlock is how many sentences scanDoc tags at a time.
const docBlock = 256

// scanDoc reads CoNLL from r and hands each sentence with the stage's tags
// to fn, in order. The file is read as one running document: a stacked
// model sees the sentences around each one, up to its window, as TagDoc
// would over the whole file; memory stays bounded.
func (s *Stage) scanDoc(ctx context.Context, r io.Reader, tagged bool, fn func(tagger.Sentence, []string) error) error {
	w := s.model.Window()
	// left holds up to w sentences already handed on, for context
	var left, pending []tagger.Sentence
	flush := func(n int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		all := append(append([]tagger.Sentence(nil), left...), pending...)
		doc := make([][]string, len(all))
		for k, x := range all {
			doc[k] = x.Tokens
		}
		tags := s.TagDoc(doc)
		for k := range n {
			if err := fn(pending[k], tags[len(left)+k]); err != nil {
				return err
			}
		}
		done := append(left, pending[:n]...)
		left = append([]tagger.Sentence(nil), done[max(0, len(done)-w):]...)
		pending = append(pending[:0], pending[n:]...)
		return nil
	}
	err := tagger.ScanCoNLL(r, tagged, func(sent tagger.Sentence) error {
		pending = append(pending, sent)
		if len(pending) >= docBlock+w {
			return flush(docBlock)
		}
		return nil
	})
	if err == nil && len(pending) > 0 {
		err = flush(len(pending))
	}
	return err
}
