package cli

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"time"

	"khabar/internal/eval/dedupeval"
	"khabar/internal/eval/storyeval"
	"khabar/internal/link"
)

func runRebuild(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "rebuild", "[flags] stories",
		"Recompute the copies, syndication groups, stories and threads of a data folder\n"+
			"from its stored articles, oldest first. Ingest keeps them up to date as it goes;\n"+
			"rebuild after changing how they are made, or to undo the order an ingest saw.")
	data := fs.String("data", dataDefault(e), "data folder (env KHABAR_DATA)")
	quiet := fs.Bool("q", false, "no progress, only the summary")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || fs.Arg(0) != "stories" {
		fs.Usage()
		return errUsage
	}
	d, err := openData(ctx, e, *data, storeOnly)
	if err != nil {
		return err
	}
	defer d.Close()
	start := time.Now()
	last := start
	progress := func(n int) {
		if !*quiet && time.Since(last) > 5*time.Second {
			last = time.Now()
			fmt.Fprintf(e.stderr, "rebuild: %d articles linked\n", n)
		}
	}
	st, err := link.Rebuild(ctx, d.store, link.Options{Logger: e.log}, progress)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "rebuilt %s in %s: %d articles, %d syndication groups holding %d copies, %d stories, %d threads\n",
		*data, time.Since(start).Round(time.Millisecond), st.Articles, st.Groups, st.Copies, st.Stories, st.Threads)
	return nil
}

// evalDedup runs "khabar eval dedup [DIR]": copy detection on synthetic
// copies of the five-papers data.
func evalDedup(ctx context.Context, _ *env, args []string, w io.Writer) error {
	cfg := dedupeval.Config{}
	if len(args) > 0 {
		cfg.Dir = args[0]
	}
	_, err := dedupeval.Run(ctx, cfg, w)
	return err
}

// evalStories runs "khabar eval stories [CORPUS]": story clustering on
// the sample corpus and the labelled five-papers articles.
func evalStories(ctx context.Context, e *env, args []string, w io.Writer) error {
	p, err := newPipeline(ctx, runtime.NumCPU(), "", 0)
	if err != nil {
		return err
	}
	cfg := storyeval.Config{Pipeline: p, Link: link.Options{Logger: e.log}}
	if len(args) > 0 {
		cfg.Corpus = args[0]
	}
	_, err = storyeval.Run(ctx, cfg, w)
	return err
}
