package cli

import (
	"context"
	"runtime"

	"khabar/internal/ingest"
	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/source"
)

func runReanalyze(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "reanalyze", "[flags]",
		"Run the pipeline again over the raw pages stored in a data folder (after an\n"+
			"upgrade of khabar's models or rules), oldest first, fetching and reading\n"+
			"nothing: every article is analysed, linked and indexed anew. Articles stored\n"+
			"before khabar kept raw input are left as they are. Interrupted, run it again.")
	data := storeFlag(e, fs)
	workers := fs.Int("j", runtime.NumCPU(), "articles analysed at once")
	budget := fs.Duration("article-timeout", defaultArticleTimeout, "time budget of one article through the stages; one that overruns it fails (0: no budget)")
	quiet := fs.Bool("q", false, "no progress, only the summary")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	d, err := openData(ctx, e, *data, forWrite)
	if err != nil {
		return err
	}
	defer d.Close()
	// Links are made again in order, as a fresh ingest would; every
	// article is rewritten.
	if err := d.store.ResetLinks(ctx); err != nil {
		return err
	}
	if err := d.store.Invalidate(ctx); err != nil {
		return err
	}
	p, err := newPipeline(ctx, *workers, "", *budget)
	if err != nil {
		return err
	}
	lo, err := linkOptions(e)
	if err != nil {
		return err
	}
	g, err := ingest.New(ingest.Options{Store: d.store, Index: d.index, Pipeline: p, Hash: source.Hash, Version: Version, Logger: e.log, Link: lo})
	if err != nil {
		return err
	}
	stop := func() {}
	if !*quiet {
		stop = startProgress(e.stderr, g.Progress)
	}
	sum, err := g.Run(ctx, func(ctx context.Context, send func(pipeline.Job) error) error {
		return d.store.EachRaw(ctx, func(a *news.Article) error {
			return send(pipeline.Job{Name: a.Source.URI, Article: a})
		})
	})
	stop()
	printSummary(e.stdout, *data, sum)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return errFailedItems
	}
	return nil
}
