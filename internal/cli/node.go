package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"time"

	"khabar/internal/fetch"
	"khabar/internal/follow"
	"khabar/internal/ingest"
	"khabar/internal/metrics"
	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/queue"
	"khabar/internal/source"
	"khabar/internal/store"
	"khabar/internal/warc"
)

// Fetch defaults.
const (
	fetchDelayDefault     = fetch.DefaultDelay
	fetchUserAgentDefault = fetch.DefaultUserAgent
)

// fetchFlags are the flags of every command that fetches: sources add,
// fetch and serve.
type fetchFlags struct {
	allowPrivate bool
	delay        time.Duration
	userAgent    string
	// minInterval and maxInterval bound the adaptive time between two
	// fetches of one source.
	minInterval, maxInterval time.Duration
}

func (f *fetchFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&f.allowPrivate, "allow-private", false,
		"permit fetching loopback and private addresses (off by default; for tests and local setups)")
	fs.DurationVar(&f.delay, "delay", fetch.DefaultDelay,
		"minimum time between two requests to one host (a longer robots.txt Crawl-delay wins)")
	fs.StringVar(&f.userAgent, "user-agent", fetch.DefaultUserAgent,
		"User-Agent sent with every request: name khabar and a URL where site owners can reach you")
	fs.DurationVar(&f.minInterval, "min-interval", follow.DefaultMinInterval,
		"shortest time between two fetches of one feed or sitemap (the interval adapts to how often it publishes)")
	fs.DurationVar(&f.maxInterval, "max-interval", follow.DefaultMaxInterval,
		"longest time between two fetches of one feed or sitemap")
}

// client returns the fetch client the flags describe.
func (f *fetchFlags) client(e *env, rec fetch.Recorder, m *metrics.Metrics) *fetch.Client {
	delay := f.delay
	if delay == 0 {
		delay = -1 // fetch.Options: negative means none
	}
	opt := fetch.Options{UserAgent: f.userAgent, Delay: delay, AllowPrivate: f.allowPrivate, Recorder: rec, Logger: e.log}
	if m != nil {
		opt.Observe = m.Fetch
	}
	return fetch.New(opt)
}

// node is a running ingester with a follower: what `khabar serve` and
// `khabar fetch` run over an open data folder.
type node struct {
	ingest *ingest.Ingester
	// submit takes fetched and uploaded articles: the ingester, or the
	// queue's publisher when the node analyses through a queue.
	submit  submitter
	follow  *follow.Follower
	metrics *metrics.Metrics
	closeFn func() error

	wg      sync.WaitGroup
	mu      sync.Mutex
	sum     ingest.Summary
	err     error
	stopped chan struct{}
}

// submitter takes articles to ingest (ingest.Ingester, queue.Publisher).
type submitter interface {
	Submit(ctx context.Context, jobs []pipeline.Job) ([]ingest.Result, error)
}

// nodeOptions say how to build a node.
type nodeOptions struct {
	fetch   fetchFlags
	warcDir string
	workers int
	// queue, when set, takes what the node fetches or is handed, for the
	// queue's workers to analyse: the node runs no ingester.
	queue *queue.Publisher
}

// startNode starts an ingester serving d's store and index, and a follower
// of d's sources handing it what it fetches (it follows nothing until Run
// or Round is called). Stop it with stop.
func startNode(ctx context.Context, e *env, d *dataFolder, o nodeOptions) (*node, error) {
	n := &node{stopped: make(chan struct{})}
	var queued func() int
	n.metrics = metrics.New(func() int {
		if queued == nil {
			return 0
		}
		return queued()
	})
	var rec fetch.Recorder
	n.closeFn = func() error { return nil }
	if o.warcDir != "" {
		w, err := openWARC(o.warcDir)
		if err != nil {
			return nil, err
		}
		rec, n.closeFn = w, w.Close
	}
	if o.queue != nil {
		n.submit = o.queue
		n.follow = follow.New(follow.Options{
			Store: d.store, Fetcher: o.fetch.client(e, rec, n.metrics), Ingest: o.queue, Logger: e.log,
			MinInterval: o.fetch.minInterval, MaxInterval: o.fetch.maxInterval,
		})
		queued = n.follow.Pending
		close(n.stopped)
		return n, nil
	}
	workers := o.workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	p, err := newPipeline(ctx, workers, "", defaultArticleTimeout)
	if err != nil {
		return nil, err
	}
	p.Observe(n.metrics.Stage)
	lo, err := linkOptions(e)
	if err != nil {
		return nil, err
	}
	g, err := ingest.New(ingest.Options{
		Store: d.store, Index: d.index, Pipeline: p, Hash: source.Hash, Version: Version, Logger: e.log,
		Link: lo, MaxFailures: 100,
		Stored: func(_ *news.Article, o store.Outcome) { n.metrics.Stored(o) },
	})
	if err != nil {
		return nil, err
	}
	n.ingest, n.submit = g, g
	n.follow = follow.New(follow.Options{
		Store: d.store, Fetcher: o.fetch.client(e, rec, n.metrics), Ingest: g, Logger: e.log,
		MinInterval: o.fetch.minInterval, MaxInterval: o.fetch.maxInterval,
	})
	queued = n.follow.Pending
	n.wg.Add(1)
	go func() {
		defer n.wg.Done()
		defer close(n.stopped)
		sum, err := g.Serve(ctx)
		n.mu.Lock()
		n.sum, n.err = sum, err
		n.mu.Unlock()
		if err != nil {
			e.log.Error("ingester stopped", slog.String("error", err.Error()))
		}
	}()
	return n, nil
}

// ready waits until the ingester takes articles.
func (n *node) ready(ctx context.Context) error {
	if n.ingest == nil {
		return nil // the queue takes them
	}
	for {
		_, err := n.ingest.Submit(ctx, nil)
		if err == nil {
			return nil
		}
		if !errors.Is(err, ingest.ErrStopped) {
			return err
		}
		select {
		case <-n.stopped:
			return errors.New("the ingester stopped at start")
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
}

// wait waits for the ingester to stop (its context ended) and returns its
// summary.
func (n *node) wait() (ingest.Summary, error) {
	n.wg.Wait()
	cerr := n.closeFn()
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.err == nil && cerr != nil {
		return n.sum, fmt.Errorf("close WARC archive: %w", cerr)
	}
	return n.sum, n.err
}

// openWARC opens a rotating WARC archive in dir, creating dir when absent.
func openWARC(dir string) (*warc.Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("warc archive: %w", err)
	}
	return warc.NewWriter(dir, warc.WriterOptions{Version: Version})
}
