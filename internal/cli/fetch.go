package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"khabar/internal/follow"
	"khabar/internal/search"
	"khabar/internal/source"
)

func runFetch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "fetch", "[flags]",
		"Fetch the sources that are due and the new article pages they list, and ingest\n"+
			"those into the data folder. With --once, one round and exit (for cron and tests);\n"+
			"without, keep following until Ctrl-C. (khabar serve follows by itself.)")
	data := storeFlag(e, fs)
	once := fs.Bool("once", false, "one round, then exit")
	var o nodeOptions
	fs.StringVar(&o.warcDir, "warc", "", "archive every fetched response and its request as WARC files in `DIR`")
	fs.IntVar(&o.workers, "j", 0, "articles analysed at once (default: the number of CPUs)")
	o.fetch.register(fs)
	qurl := queueFlag(e, fs, "publish the fetched pages to this queue for `khabar worker`s instead of analysing them here")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	if *qurl != "" {
		q, err := openQueue(ctx, e, *qurl, 0)
		if err != nil {
			return err
		}
		defer q.Close()
		o.queue = q.Publisher(source.Hash)
	}
	d, err := openData(ctx, e, *data, forWrite)
	if errors.Is(err, search.ErrLocked) {
		if h, herr := readHandoff(*data); herr == nil {
			return fmt.Errorf("%s is held by the khabar serve at %s, which follows its sources itself: %w", showLoc(*data), h.URL, err)
		}
	}
	if err != nil {
		return err
	}
	defer d.Close()
	nctx, stop := context.WithCancel(ctx)
	defer stop()
	n, err := startNode(nctx, e, d, o)
	if err != nil {
		return err
	}
	if err := n.ready(ctx); err != nil {
		stop()
		n.wait()
		return err
	}
	start := time.Now()
	var total follow.RoundSummary
	var ferr error
	if *once {
		total, ferr = n.follow.Round(ctx)
	} else {
		fmt.Fprintf(e.stderr, "following the sources of %s — Ctrl-C to stop\n", showLoc(*data))
		ferr = n.follow.Run(ctx)
	}
	stop()
	sum, nerr := n.wait()
	if *once {
		fmt.Fprintf(e.stdout, "fetched %d sources (%d failed, %d not modified) and %d pages (%d failed) in %s: %d new, %d updated, %d unchanged, %d rejected\n",
			total.Sources, total.Failed, total.NotModified, total.Pages, total.PageErrors, time.Since(start).Round(time.Millisecond),
			total.New, total.Updated, total.Unchanged, total.Rejected)
	} else {
		fmt.Fprintf(e.stdout, "stored while following: %d new, %d updated, %d unchanged, %d failed\n", sum.New, sum.Updated, sum.Unchanged, sum.Failed)
	}
	if ferr != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return errors.Join(ferr, nerr)
}
