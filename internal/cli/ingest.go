package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"

	"golang.org/x/term"

	"khabar/internal/ingest"
	"khabar/internal/search"
	"khabar/internal/source"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "[flags] PATH...",
		"Analyse articles (files, directories, JSON Lines, or - for stdin) into a data\n"+
			"folder: a SQLite database and a search index. Running it again on the same\n"+
			"input stores nothing twice; a changed article is updated in place.")
	data := storeFlag(e, fs)
	workers := fs.Int("j", runtime.NumCPU(), "articles analysed at once")
	lim := limitFlags(fs)
	batchFlags(fs, lim)
	quiet := fs.Bool("q", false, "no progress, only the summary")
	token := fs.String("token", e.getenv("KHABAR_TOKEN"), "token of a running khabar serve that holds the data folder (env KHABAR_TOKEN)")
	qurl := queueFlag(e, fs, "publish the raw articles to this queue for `khabar worker`s instead of analysing them here")
	memProfile := fs.String("memprofile", "", "write a heap profile of the run's largest live heap to this file (go tool pprof)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	if *qurl != "" {
		return publishPaths(ctx, e, *qurl, fs.Args(), *lim)
	}
	if *memProfile != "" {
		stop := profileHeap(*memProfile)
		defer func() {
			peak, err := stop()
			if err != nil {
				fmt.Fprintf(e.stderr, "khabar ingest: %v\n", err)
				return
			}
			fmt.Fprintf(e.stderr, "khabar ingest: largest live heap %d MB, profile in %s\n", peak>>20, *memProfile)
		}()
	}
	sum, err := ingestPaths(ctx, e, *data, fs.Args(), *workers, *lim, !*quiet, "")
	if errors.Is(err, search.ErrLocked) {
		// A running server holds the folder: hand the articles to it.
		h, herr := readHandoff(*data)
		if herr != nil {
			return err
		}
		sum, err = handOver(ctx, e, h, fs.Args(), lim.maxBytes, *token, !*quiet)
		printSummary(e.stdout, *data, sum)
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return errFailedItems
	}
	return nil
}

// ingestPaths ingests paths into the data folder dir and prints the summary.
// upto names the last stage to run ("" for the whole flow).
func ingestPaths(ctx context.Context, e *env, dir string, paths []string, workers int, lim limits, progress bool, upto string) (ingest.Summary, error) {
	d, err := openData(ctx, e, dir, forWrite)
	if err != nil {
		return ingest.Summary{}, err
	}
	defer d.Close()
	p, err := newPipeline(ctx, workers, upto, lim.timeout)
	if err != nil {
		return ingest.Summary{}, err
	}
	lo, err := linkOptions(e)
	if err != nil {
		return ingest.Summary{}, err
	}
	g, err := ingest.New(ingest.Options{
		Store:     d.store,
		Index:     d.index,
		Pipeline:  p,
		Hash:      source.Hash,
		Version:   Version,
		Logger:    e.log,
		Link:      lo,
		Batch:     lim.batch,
		BatchWait: lim.batchWait,
	})
	if err != nil {
		return ingest.Summary{}, err
	}
	stop := func() {}
	if progress {
		stop = startProgress(e.stderr, g.Progress)
	}
	sum, err := g.Run(ctx, feed(paths, source.Options{MaxBytes: lim.maxBytes, Stdin: e.stdin}))
	stop()
	printSummary(e.stdout, dir, sum)
	return sum, err
}

// startProgress reports progress on w until the returned stop is called: a
// bar redrawn in place on a terminal, a plain line every ten seconds
// otherwise.
func startProgress(w io.Writer, snap func() ingest.Summary) (stop func()) {
	tty := false
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		tty = true
	}
	every := 10 * time.Second
	if tty {
		every = 200 * time.Millisecond
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				if tty {
					fmt.Fprint(w, "\r\033[K")
				}
				return
			case <-t.C:
				s := snap()
				n := s.Total()
				rate := float64(n) / time.Since(start).Seconds()
				line := fmt.Sprintf("ingest: %d items, %.0f/s — %d new, %d updated, %d unchanged, %d failed",
					n, rate, s.New, s.Updated, s.Unchanged, s.Failed)
				if tty {
					spin := `|/-\`[n%4]
					fmt.Fprintf(w, "\r\033[K%c %s", spin, line)
				} else {
					fmt.Fprintln(w, line)
				}
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

func printSummary(w io.Writer, dir string, s ingest.Summary) {
	secs := s.Elapsed.Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.Total()) / secs
	}
	fmt.Fprintf(w, "ingested %d items into %s in %s (%.0f items/s): %d new, %d updated, %d unchanged, %d failed\n",
		s.Total(), showLoc(dir), s.Elapsed.Round(time.Millisecond), rate, s.New, s.Updated, s.Unchanged, s.Failed)
	if s.Copies > 0 {
		fmt.Fprintf(w, "%d of the stored articles are copies of another (duplicate_of set)\n", s.Copies)
	}
	if len(s.Failures) > 0 {
		fmt.Fprintln(w, "failed:")
		for _, f := range s.Failures {
			fmt.Fprintf(w, "  %s\n", itemError(f.Name, f.Reason))
		}
	}
	var parts []string
	for _, st := range s.Stages {
		if st.Articles == 0 {
			continue
		}
		per := st.Total / time.Duration(st.Articles)
		parts = append(parts, fmt.Sprintf("%s %s (%s/article)", st.Stage, st.Total.Round(time.Microsecond), per.Round(time.Microsecond)))
	}
	parts = append(parts, fmt.Sprintf("link %s (+%s loading)", s.Link.Round(time.Microsecond), s.Loading.Round(time.Microsecond)),
		fmt.Sprintf("store %s", s.Store.Round(time.Microsecond)),
		fmt.Sprintf("index %s (%d articles)", s.Indexing.Round(time.Microsecond), s.Indexed))
	fmt.Fprintf(w, "time per stage: %s\n", strings.Join(parts, ", "))
}

// itemError is the one-line report of an item that failed: its name and
// the reason, without repeating the name when the reason already starts
// with it.
func itemError(name, reason string) string {
	reason = firstLine(reason)
	if strings.HasPrefix(reason, name+":") {
		return reason
	}
	return name + ": " + reason
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// publishPaths puts the articles of paths on the queue at url, in order,
// and prints what it did. Items that cannot be read are reported here.
func publishPaths(ctx context.Context, e *env, url string, paths []string, lim limits) error {
	q, err := openQueue(ctx, e, url, 0)
	if err != nil {
		return err
	}
	defer q.Close()
	p := q.Publisher(source.Hash)
	start := time.Now()
	var published, dup int
	var failed []ingest.Failure
	err = source.Walk(ctx, paths, source.Options{MaxBytes: lim.maxBytes, Stdin: e.stdin}, func(it source.Item) error {
		if it.Err != nil {
			failed = append(failed, ingest.Failure{Name: it.Name, Reason: it.Err.Error()})
			return nil
		}
		d, err := p.Publish(ctx, it.Name, it.Article)
		switch {
		case err != nil:
			return fmt.Errorf("%s: %w", it.Name, err)
		case d:
			dup++
		default:
			published++
		}
		return nil
	})
	el := time.Since(start)
	fmt.Fprintf(e.stdout, "queued %d articles in %s (%.0f/s), %d already on the queue, %d failed\n",
		published, el.Round(time.Millisecond), float64(published+dup)/max(el.Seconds(), 1e-9), dup, len(failed))
	for _, f := range failed {
		fmt.Fprintf(e.stdout, "  %s\n", itemError(f.Name, f.Reason))
	}
	if err != nil {
		return err
	}
	if len(failed) > 0 {
		return errFailedItems
	}
	return nil
}
