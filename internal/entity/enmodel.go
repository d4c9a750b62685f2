package entity

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"khabar/internal/entity/kb"
	"khabar/internal/entity/tagger"
)

// englishModelSpans finds the names of a Latin-script sentence with the
// English tagger, then lets the knowledge base and title cues decide the
// type: a name the knowledge base knows takes its entry and type, an
// unknown name right after a title ("Minister", "Mr") is a person.
// MISC names are not reported, as the capitalisation rules never did.
func (s *Stage) englishModelSpans(tokens, words []string) []span {
	raw := s.en.Tag(tokens)
	var spans []span
	for _, sp := range tagger.Spans(raw) {
		x := span{Start: sp.Start, End: sp.End, Type: sp.Type}
		// titles before a person's name are not part of it
		for x.End-x.Start > 1 && englishTitles[words[x.Start]] && !isAcronym(tokens[x.Start]) {
			x.Start++
		}
		if words[x.Start] == "" {
			continue
		}
		e := s.lookupSpan(words[x.Start:x.End], x.Type)
		switch {
		case e != nil:
			x.entry, x.Type = e, e.Type
		case x.Type == "MISC":
			continue
		case x.Start > 0 && englishTitles[words[x.Start-1]] && x.Type != "PER" && !isAcronym(tokens[x.Start]):
			x.Type = "PER"
		}
		spans = append(spans, x)
	}
	return spans
}

// nerTrainOptionsEn are the settings of the shipped English model, chosen
// on the dev part (never on the held-out part): EnglishSets.
func nerTrainOptionsEn(k *kb.KB) tagger.TrainOptions {
	return tagger.TrainOptions{Gazetteer: k, Epochs: 10, KeepLast: true, Runs: 1, LexFolds: 5, WordDropout: 0.2,
		MinCount: 2}
}

// TrainNEREnglish trains the English NER model the way the shipped one was
// trained (`khabar train ner --lang en`): on the train part of the English
// corpora in the ner-en folder dir (ReadEnglishSplit), with the embedded
// knowledge base as gazetteer and one pass order fixed by the default
// seed. The dev part is only scored, by the tagger and by the stage; the
// held-out part is not read. It writes the model to outPath (ModelPathEn
// for the shipped one) and progress lines to progress (may be nil).
func TrainNEREnglish(ctx context.Context, dir, outPath string, progress io.Writer) (tagger.Report, error) {
	k, err := kb.Load()
	if err != nil {
		return tagger.Report{}, fmt.Errorf("train ner: %w", err)
	}
	train, err := ReadEnglishSplit(dir, "train")
	if err != nil {
		return tagger.Report{}, fmt.Errorf("train ner: %w", err)
	}
	dev, err := ReadEnglishSplit(dir, "dev")
	if err != nil {
		return tagger.Report{}, fmt.Errorf("train ner: %w", err)
	}
	opts := nerTrainOptionsEn(k)
	opts.Progress = progress
	m, rep, err := tagger.TrainSentences(ctx, allSentences(train), allSentences(dev), opts)
	if err != nil {
		return rep, err
	}
	if progress != nil {
		st, err := New(Options{KB: k, EnglishModel: m})
		if err != nil {
			return rep, fmt.Errorf("train ner: %w", err)
		}
		fmt.Fprintln(progress, "dev, tagged by the stage:")
		if _, err := st.EvalEnglish(ctx, dev, progress); err != nil {
			return rep, fmt.Errorf("train ner: %w", err)
		}
	}
	return rep, writeModel(m, outPath)
}

// writeModel writes m to path through a temporary file.
func writeModel(m *tagger.Model, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	if _, err := m.WriteTo(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("train ner: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	return nil
}

// EvalEnglish scores the stage's tagging of the sentences of sets, each
// read as a document of its own, with exact-span precision, recall and F1:
// a table for each corpus and one for all, written to w (may be nil). It
// returns the scores of all.
func (s *Stage) EvalEnglish(ctx context.Context, sets []EnglishSet, w io.Writer) (tagger.Scores, error) {
	var all tagger.Evaluator
	for _, set := range sets {
		var ev tagger.Evaluator
		for k, sent := range set.Sentences {
			if k%256 == 0 && ctx.Err() != nil {
				return tagger.Scores{}, ctx.Err()
			}
			tags := s.Tag(sent.Tokens)
			ev.Add(sent.Tags, tags)
			all.Add(sent.Tags, tags)
		}
		if w != nil {
			fmt.Fprintf(w, "%s (%d sentences):\n", set.Corpus, len(set.Sentences))
			if err := ev.Scores().Write(w); err != nil {
				return tagger.Scores{}, err
			}
		}
	}
	sc := all.Scores()
	if w != nil {
		fmt.Fprintln(w, "all:")
		if err := sc.Write(w); err != nil {
			return sc, err
		}
	}
	return sc, nil
}
