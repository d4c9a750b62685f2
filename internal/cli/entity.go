package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"khabar/internal/entity"
	"khabar/internal/entity/translit"
	"khabar/internal/eval/nereval"
	"khabar/internal/evaldata"
)

// openInput opens path for reading; "-" or "" is standard input.
func openInput(e *env, path string) (io.ReadCloser, error) {
	if path == "" || path == "-" {
		return io.NopCloser(e.stdin), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return f, nil
}

func runTag(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "tag", "[FILE.conll | -]",
		"Tag named entities in CoNLL input (first column the token, a blank line ends a\n"+
			"sentence; standard input when no file is given). Writes token<TAB>tag, tags\n"+
			"B-/I-PER|LOC|ORG|MISC or O, one line per input token, a blank line between\n"+
			"sentences.")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return errUsage
	}
	in, err := openInput(e, fs.Arg(0))
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := entity.New(entity.Options{})
	if err != nil {
		return err
	}
	return st.TagCoNLL(ctx, in, e.stdout)
}

func runNames(_ context.Context, e *env, args []string) error {
	fs := newFlags(e, "names", "match --hi FILE --en FILE",
		"Match names across scripts: for each Devanagari name in --hi (one a line), print\n"+
			"hindi<TAB>best Latin-script name from --en<TAB>score.")
	if len(args) == 0 || args[0] != "match" {
		fs.Usage()
		return errUsage
	}
	hiPath := fs.String("hi", "", "file of Devanagari names, one a line")
	enPath := fs.String("en", "", "file of Latin-script names, one a line")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *hiPath == "" || *enPath == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	hi, err := os.Open(*hiPath)
	if err != nil {
		return err
	}
	defer hi.Close()
	en, err := os.Open(*enPath)
	if err != nil {
		return err
	}
	defer en.Close()
	return translit.MatchNames(hi, en, e.stdout)
}

func runTrain(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train", "ner [--lang hi|en] [flags]",
		"Train an NER model the way the shipped one was trained: Hindi on IL-NER, English\n"+
			"(--lang en) on the Broad Twitter Corpus, WNUT-17 and wikigold (all CC-BY-4.0).\n"+
			"Rebuild khabar afterwards to embed the new model.")
	if len(args) == 0 || args[0] != "ner" {
		fs.Usage()
		return errUsage
	}
	lang := fs.String("lang", "hi", "language of the model: hi or en")
	train := fs.String("train", "", "Hindi: training CoNLL (default: ner/il-ner-hi/train.conll in the shared data)")
	dev := fs.String("dev", "", "Hindi: dev CoNLL to score the new model on, never to choose its settings (default: ner/il-ner-hi/dev.conll)")
	data := fs.String("data", "", "English: the ner-en folder of the shared data (default: ner-en in the shared data)")
	out := fs.String("out", "", "model file to write (default: "+entity.ModelPath+", or "+entity.ModelPathEn+" for English)")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	var err error
	switch *lang {
	case "en":
		if *train != "" || *dev != "" {
			return fmt.Errorf("train ner: --train and --dev are for Hindi; English reads its splits from --data")
		}
		if *out == "" {
			*out = entity.ModelPathEn
		}
		if *data == "" {
			if *data, err = evaldata.Path("ner-en"); err != nil {
				return err
			}
		}
		rep, err := entity.TrainNEREnglish(ctx, *data, *out, e.stderr)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote %s: %+v\n", *out, rep)
		return nil
	case "hi":
	default:
		return fmt.Errorf("train ner: --lang %q: want hi or en", *lang)
	}
	if *data != "" {
		return fmt.Errorf("train ner: --data is for English; Hindi reads --train and --dev")
	}
	if *out == "" {
		*out = entity.ModelPath
	}
	if *train == "" {
		if *train, err = evaldata.Path("ner/il-ner-hi/train.conll"); err != nil {
			return err
		}
	}
	if *dev == "" {
		if *dev, err = evaldata.Path("ner/il-ner-hi/dev.conll"); err != nil {
			return err
		}
	}
	rep, err := entity.TrainNER(ctx, *train, *dev, *out, e.stderr)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s: %+v\n", *out, rep)
	return nil
}

// evalFile opens the file an eval target names, or its default in the
// shared evaluation data.
func evalFile(e *env, args []string, def string) (io.ReadCloser, error) {
	if len(args) > 0 {
		return openInput(e, args[0])
	}
	p, err := evaldata.Path(def)
	if err != nil {
		return nil, err
	}
	return os.Open(p)
}

func evalNER(ctx context.Context, e *env, args []string, w io.Writer) error {
	if len(args) > 0 && (args[0] == "--lang" || args[0] == "-lang") {
		if len(args) < 2 {
			return errUsage
		}
		switch args[1] {
		case "en":
			return evalNEREnglish(ctx, args[2:], w)
		case "hi":
			args = args[2:]
		default:
			return fmt.Errorf("eval ner: --lang %q: want hi or en", args[1])
		}
	}
	if len(args) > 1 {
		return errUsage
	}
	in, err := evalFile(e, args, "ner/il-ner-hi/dev.conll")
	if err != nil {
		return err
	}
	defer in.Close()
	st, err := entity.New(entity.Options{})
	if err != nil {
		return err
	}
	_, err = st.EvalNER(ctx, in, w)
	return err
}

// evalNEREnglish scores the entities stage on the dev part of the English
// corpora (entity.ReadEnglishSplit) in the folder DIR (default: ner-en in
// the shared data); with "--heldout", on the held-out part instead, which
// is for reporting only; with "--rules", by the capitalisation rules the
// English model replaced.
func evalNEREnglish(ctx context.Context, args []string, w io.Writer) error {
	opts := entity.Options{}
	split := "dev"
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		switch strings.TrimLeft(args[0], "-") {
		case "rules":
			opts.EnglishRules = true
		case "heldout":
			split = "test"
		default:
			return fmt.Errorf("eval ner: unknown flag %q (with --lang en: --heldout, --rules, then the ner-en folder)", args[0])
		}
		args = args[1:]
	}
	if len(args) > 1 {
		return errUsage
	}
	var dir string
	if len(args) == 1 {
		dir = args[0]
	} else {
		var err error
		if dir, err = evaldata.Path("ner-en"); err != nil {
			return err
		}
	}
	st, err := entity.New(opts)
	if err != nil {
		return err
	}
	sets, err := entity.ReadEnglishSplit(dir, split)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "== English NER, %s part, exact spans\n", map[string]string{"dev": "dev", "test": "held-out"}[split])
	_, err = st.EvalEnglish(ctx, sets, w)
	return err
}

// evalNERNews scores the entities stage on the blind-labelled news
// articles (nereval).
func evalNERNews(ctx context.Context, _ *env, args []string, w io.Writer) error {
	var opts nereval.Options
	if len(args) > 0 && (args[0] == "-v" || args[0] == "--verbose") {
		opts.Verbose = true
		args = args[1:]
	}
	if len(args) > 1 {
		return errUsage
	}
	if len(args) == 1 {
		b, err := os.ReadFile(args[0])
		if err != nil {
			return err
		}
		opts.Labels = b
		_, err = nereval.Run(ctx, w, opts)
		return err
	}
	// the built-in sets: dev (studied) and test (held out), one stage
	st, err := entity.New(entity.Options{})
	if err != nil {
		return err
	}
	opts.Stage = st
	for _, set := range []string{"dev", "test"} {
		fmt.Fprintf(w, "== %s set\n", set)
		opts.Labels = nereval.Sets[set]
		if _, err := nereval.Run(ctx, w, opts); err != nil {
			return err
		}
	}
	return nil
}

func evalNames(_ context.Context, e *env, args []string, w io.Writer) error {
	in, err := evalFile(e, args, "names/cricketers-hi-en.dev.tsv")
	if err != nil {
		return err
	}
	defer in.Close()
	_, err = translit.EvalNames(in, w)
	return err
}
