package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"time"

	"khabar/internal/eval/dedupeval"
	"khabar/internal/eval/storyeval"
	"khabar/internal/link"
	"khabar/internal/search"
	"khabar/internal/search/pgsearch"
)

func runRebuild(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "rebuild", "[flags] stories|index",
		"stories: recompute the copies, syndication groups, stories and threads of a data\n"+
			"folder from its stored articles, oldest first. Ingest keeps them up to date as it\n"+
			"goes; rebuild after changing how they are made, or to undo the order an ingest saw.\n\n"+
			"index: build the search index again from the stored articles (the store is the\n"+
			"record). Any command that writes to a folder does this by itself when the index is\n"+
			"missing, damaged, behind the store or from another version; a rebuild stopped\n"+
			"part-way carries on where it stopped at the next one.")
	data := storeFlag(e, fs)
	quiet := fs.Bool("q", false, "no progress, only the summary")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || (fs.Arg(0) != "stories" && fs.Arg(0) != "index") {
		fs.Usage()
		return errUsage
	}
	if fs.Arg(0) == "index" {
		return rebuildIndexCmd(ctx, e, *data, *quiet)
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
	lo, err := linkOptions(e)
	if err != nil {
		return err
	}
	st, err := link.Rebuild(ctx, d.store, lo, progress)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "rebuilt %s in %s: %d articles, %d syndication groups holding %d copies, %d stories, %d threads\n",
		showLoc(*data), time.Since(start).Round(time.Millisecond), st.Articles, st.Groups, st.Copies, st.Stories, st.Threads)
	return nil
}

// rebuildIndexCmd runs "khabar rebuild index".
func rebuildIndexCmd(ctx context.Context, e *env, dir string, quiet bool) error {
	d, err := openData(ctx, e, dir, storeOnly)
	if err != nil {
		return err
	}
	defer d.Close()
	if d.dir == "" {
		return rebuildPGIndexCmd(ctx, e, d, dir, quiet)
	}
	path := filepath.Join(d.dir, "index.bleve")
	// Take the index first, so as not to pull it away from a khabar that
	// has it open; a damaged or old one nobody can hold.
	if ix, err := search.Open(path); err == nil {
		ix.Close()
	} else if errors.Is(err, search.ErrLocked) {
		return err
	}
	start := time.Now()
	re := *e
	if quiet {
		re.stderr = io.Discard
	}
	ix, err := rebuildIndex(ctx, &re, d.store, path, "")
	if err != nil {
		return err
	}
	n, err := ix.Count()
	if cerr := ix.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "rebuilt the search index of %s in %s: %d articles\n", d.name, time.Since(start).Round(time.Millisecond), n)
	return nil
}

// rebuildPGIndexCmd runs "khabar rebuild index" on the PostgreSQL store
// d opened at url.
func rebuildPGIndexCmd(ctx context.Context, e *env, d *dataFolder, url string, quiet bool) error {
	ix, err := pgsearch.Open(ctx, url, e.log)
	if err != nil {
		return err
	}
	defer ix.Close()
	start := time.Now()
	re := *e
	if quiet {
		re.stderr = io.Discard
	}
	if err := rebuildPGIndex(ctx, &re, d.store, ix, ""); err != nil {
		return err
	}
	n, err := ix.Count(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "rebuilt the search index of %s in %s: %d articles\n", d.name, time.Since(start).Round(time.Millisecond), n)
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

// evalCopies runs "khabar eval copies [-n SAMPLE] DATA".
func evalCopies(ctx context.Context, e *env, args []string, w io.Writer) error {
	fs := newFlags(e, "eval copies", "[-n SAMPLE] DATA", "Check the copy links of a data folder by shared sentences.")
	n := fs.Int("n", 300, "copy links to sample")
	verbose := fs.Bool("v", false, "list every sampled pair: sentences, shared sentences, exact resemblance and containment")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	d, err := openData(ctx, e, fs.Arg(0), storeOnly)
	if err != nil {
		return err
	}
	defer d.Close()
	rep, err := dedupeval.CheckLinks(ctx, d.store, *n, 1, w)
	if *verbose {
		for _, p := range rep.Pairs {
			fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%.3f\t%.3f\n", p.ID, p.Of, p.Sentences, p.OfSentences, p.Shared, p.Resemblance, p.Containment)
		}
	}
	return err
}
