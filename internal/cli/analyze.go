package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"runtime"

	"khabar/internal/pipeline"
	"khabar/internal/source"
)

func runAnalyze(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "analyze", "[flags] PATH...",
		"Analyse articles (files, directories, JSON Lines, or - for stdin) and print one\n"+
			"khabar.article/v1 record per article as JSON Lines. Nothing is stored.")
	workers := fs.Int("j", runtime.NumCPU(), "articles analysed at once")
	pretty := fs.Bool("pretty", false, "indent records for people")
	lim := limitFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	p, err := newPipeline(ctx, *workers, "", lim.timeout)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 64<<10)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	failed := 0
	err = p.Run(ctx, feed(fs.Args(), source.Options{MaxBytes: lim.maxBytes, Stdin: e.stdin}), func(j pipeline.Job) error {
		if j.Err != nil {
			failed++
			fmt.Fprintf(e.stderr, "khabar analyze: %s\n", itemError(j.Name, j.Err.Error()))
			return nil
		}
		return enc.Encode(j.Article)
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		fmt.Fprintf(e.stderr, "khabar analyze: %d item(s) failed\n", failed)
		return errFailedItems
	}
	return nil
}

// feed adapts source.Walk to the pipeline.
func feed(paths []string, opt source.Options) func(context.Context, func(pipeline.Job) error) error {
	return func(ctx context.Context, send func(pipeline.Job) error) error {
		return source.Walk(ctx, paths, opt, func(it source.Item) error {
			return send(pipeline.Job{Name: it.Name, Article: it.Article, Err: it.Err})
		})
	}
}
