package cli

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"khabar/internal/eval/cleaneval"
	"khabar/internal/eval/eventeval"
	"khabar/internal/eval/timeeval"
	"khabar/internal/extract"
)

// evalTarget is one thing "khabar eval" can measure.
type evalTarget struct {
	args  string
	about string
	// run scores args (the words after the target's name) and writes the
	// report to w.
	run func(ctx context.Context, e *env, args []string, w io.Writer) error
}

// evalTargets lists what "khabar eval" measures, by name.
func evalTargets() map[string]evalTarget {
	return map[string]evalTarget{
		"clean":    {"[-v] [DIR]", "cleaning and metadata on a labelled dev set (default: the built-in one), or on a corpus folder with a README ground-truth table (examples/corpus); -v lists every miss", evalClean},
		"time":     {"[DIR]", "time expressions: span precision, recall, F1 and value accuracy on brat files (default: the IASNLP-2018 dev data)", dirEval(timeeval.Run)},
		"events":   {"[DIR]", "events: trigger+subtype precision, recall, F1, with place, time and casualty accuracy on FIRE-2018 XML (default: the FIRE dev data)", dirEval(eventeval.Run)},
		"ner":      {"[FILE.conll] | --lang en [--heldout] [--rules] [DIR]", "NER precision, recall and F1 by type on CoNLL (default: the IL-NER dev split); --lang en: on the dev part of the English corpora in ner-en (--heldout: the held-out part, for reporting only; --rules: by capitalisation rules alone)", evalNER},
		"ner-news": {"[-v] [LABELS.tsv]", "NER on real Hindi news: exact-span precision, recall and F1 by type on whole five-papers articles labelled blind (default: the built-in dev and held-out test labels, docs/ner-news.md); -v lists every miss", evalNERNews},
		"names":    {"[FILE.tsv]", "cross-script name matching accuracy@1 on hindi<TAB>english pairs (default: the cricketers dev set)", evalNames},
		"dedup":    {"[DIR]", "copy detection: pairwise precision and recall on synthetic copies of the hindi-5papers data (default: the shared data)", evalDedup},
		"copies":   {"[-n SAMPLE] [-v] DATA", "copy links of a data folder checked where there is no labelled truth: a sample of copies against the articles they are said to copy, by shared sentences and exact shingle overlap; group sizes", evalCopies},
		"stories":  {"[CORPUS]", "story clustering: B-cubed F1 on the sample corpus and labelled hindi-5papers articles", evalStories},
	}
}

// dirEval adapts a scorer of a folder ("" for its default) to an eval
// target.
func dirEval[R any](run func(ctx context.Context, dir string, w io.Writer) (R, error)) func(context.Context, *env, []string, io.Writer) error {
	return func(ctx context.Context, _ *env, args []string, w io.Writer) error {
		dir := ""
		if len(args) > 0 {
			dir = args[0]
		}
		_, err := run(ctx, dir, w)
		return err
	}
}

// evalClean scores the clean and meta stages, with HTML pages extracted by
// the flow's extract stage.
func evalClean(ctx context.Context, _ *env, args []string, w io.Writer) error {
	opt := cleaneval.Options{Extract: extract.New(extract.Options{})}
	if len(args) > 0 && (args[0] == "-v" || args[0] == "--verbose") {
		opt.Verbose = true
		args = args[1:]
	}
	if len(args) > 1 {
		return errUsage
	}
	dir := ""
	if len(args) > 0 {
		dir = args[0]
	}
	_, err := cleaneval.RunWith(ctx, dir, w, opt)
	return err
}

func runEval(ctx context.Context, e *env, args []string) error {
	targets := evalTargets()
	names := make([]string, 0, len(targets))
	for n := range targets {
		names = append(names, n)
	}
	sort.Strings(names)
	var about strings.Builder
	about.WriteString("Measure a stage on labelled data and print its scores. Targets:\n")
	for _, n := range names {
		fmt.Fprintf(&about, "  %s %s\n      %s\n", n, targets[n].args, targets[n].about)
	}
	fs := newFlags(e, "eval", "TARGET [ARGS]", strings.TrimRight(about.String(), "\n"))
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	t, ok := targets[fs.Arg(0)]
	if !ok {
		fmt.Fprintf(e.stderr, "khabar eval: unknown target %q\n", fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	return t.run(ctx, e, fs.Args()[1:], e.stdout)
}
