package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"khabar/internal/ingest"
	"khabar/internal/metrics"
	"khabar/internal/news"
	"khabar/internal/queue"
	"khabar/internal/source"
	"khabar/internal/store"
	"khabar/internal/store/postgres"
)

// queueFlag adds --queue (env KHABAR_QUEUE) to fs.
func queueFlag(e *env, fs *flag.FlagSet, what string) *string {
	return fs.String("queue", e.getenv("KHABAR_QUEUE"), what+" (nats://HOST:PORT; env KHABAR_QUEUE)")
}

// openQueue connects to the queue at url. KHABAR_QUEUE_PREFIX names its
// streams (default KHABAR), for several stores on one NATS server.
func openQueue(ctx context.Context, e *env, url string, ackWait time.Duration) (*queue.Queue, error) {
	q, err := queue.Open(ctx, url, queue.Options{Prefix: e.getenv("KHABAR_QUEUE_PREFIX"), AckWait: ackWait, Logger: e.log})
	if err != nil {
		return nil, fmt.Errorf("%w (is a NATS server with JetStream running there? see docs/scale.md)", err)
	}
	return q, nil
}

// contentHash is the hash articles are stored with (see ingest.ContentHash).
func contentHash(a *news.Article) string { return ingest.ContentHash(source.Hash, Version, a) }

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "worker", "--queue URL [--link --store URL] [flags]",
		"Take part in a scaled-out khabar (docs/scale.md). Without --link: pull raw\n"+
			"articles from the queue, analyse them and put the records back on it; run as\n"+
			"many as there are cores to spare, on any machines. With --link: take the\n"+
			"records in order, assign copies, groups and stories and write them to the\n"+
			"store; any number may run, one links at a time and another takes over when\n"+
			"it stops (on PostgreSQL).")
	qurl := queueFlag(e, fs, "the queue")
	storeURL := fs.String("store", e.getenv("KHABAR_STORE"), "the store the linker writes: postgres://… (or a data folder, for one machine) (env KHABAR_STORE)")
	linkRole := fs.Bool("link", false, "link and store the analysed records instead of analysing")
	workers := fs.Int("j", runtime.NumCPU(), "articles analysed at once")
	lim := limitFlags(fs)
	ackWait := fs.Duration("ack-wait", time.Minute, "how long a message may be held before it is delivered again (to another worker, or after a crash)")
	metricsAddr := fs.String("metrics", "", "serve Prometheus metrics at http://`ADDR`/metrics")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *qurl == "" {
		if *qurl == "" {
			fmt.Fprintln(e.stderr, "khabar worker: --queue (or KHABAR_QUEUE) is required")
		}
		fs.Usage()
		return errUsage
	}
	if *linkRole && *storeURL == "" {
		fmt.Fprintln(e.stderr, "khabar worker --link: --store (or KHABAR_STORE) is required")
		return errUsage
	}
	q, err := openQueue(ctx, e, *qurl, *ackWait)
	if err != nil {
		return err
	}
	defer q.Close()
	m := metrics.New(nil)
	m.QueueDepth(func() (float64, float64, float64) {
		sctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		s, err := q.Stats(sctx)
		if err != nil {
			return -1, -1, -1
		}
		return float64(s.Raw), float64(s.Records), float64(s.Dead)
	})
	if *metricsAddr != "" {
		stop, err := serveMetrics(e, *metricsAddr, m)
		if err != nil {
			return err
		}
		defer stop()
	}
	if *linkRole {
		return runLinker(ctx, e, q, *storeURL, m)
	}
	p, err := newPipeline(ctx, *workers, "", lim.timeout)
	if err != nil {
		return err
	}
	p.Observe(m.Stage)
	w, err := q.Worker(queue.WorkerOptions{Pipeline: p, Hash: contentHash, Analysed: m.Analysed, Logger: e.log})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "worker analysing from %s with %d at once — Ctrl-C to stop\n", *qurl, *workers)
	start := time.Now()
	err = w.Run(ctx)
	fmt.Fprintf(e.stdout, "worker: %d articles handled in %s\n", w.Handled(), time.Since(start).Round(time.Millisecond))
	return err
}

// runLinker links from q into the store at url until ctx ends.
func runLinker(ctx context.Context, e *env, q *queue.Queue, url string, m *metrics.Metrics) error {
	opt := queue.LinkerOptions{Logger: e.log, Stored: func(o store.Outcome, err error) {
		if err == nil {
			m.Stored(o)
		}
	}, Buried: func(queue.DeadLetter) { m.Dead() }}
	lo, err := linkOptions(e)
	if err != nil {
		return err
	}
	opt.Link = lo
	// On PostgreSQL any number of linkers may wait, one links at a time;
	// a data folder's search index is locked to one process anyway.
	d, err := openData(ctx, e, url, forWrite)
	if err != nil {
		return err
	}
	defer d.Close()
	opt.Store, opt.Index = d.store, d.index
	if pg, ok := d.store.(*postgres.Store); ok {
		opt.Acquire = func(ctx context.Context, name string) (queue.Lease, error) { return pg.Acquire(ctx, name) }
	}
	l, err := q.Linker(opt)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, "linker ready (one links at a time) — Ctrl-C to stop")
	return l.Run(ctx)
}

// serveMetrics serves m at addr until stop is called.
func serveMetrics(e *env, addr string, m *metrics.Metrics) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", m.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			e.log.Warn("metrics server", slog.String("error", err.Error()))
		}
	}()
	return func() { _ = srv.Close() }, nil
}
