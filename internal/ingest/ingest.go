// Package ingest runs the pipeline into a store and a search index: it
// links each analysed article to what is stored (copies and syndication
// groups, stories; package link), stores it with its links atomically,
// keeps the index in step with the store (recovering what an interrupted
// run left unindexed), and counts what happened for the closing summary.
//
// Linking needs every article stored before, so it runs in the serial
// sink, after the pipeline's parallel stages and before the store: the
// state is loaded from the store when Run starts.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"khabar/internal/link"
	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/store"
)

// Index is the part of the search index ingest needs.
type Index interface {
	Index(ctx context.Context, arts []*news.Article) error
}

// Hasher returns the content hash of an article as read from its source,
// before any stage ran; an article whose hash is unchanged is not rewritten.
type Hasher func(a *news.Article) string

// Options configure an Ingester.
type Options struct {
	Store    store.Store
	Index    Index
	Pipeline *pipeline.Pipeline
	// Hash is the source content hash; Version is mixed into it so that a
	// new pipeline version rewrites what an older one stored.
	Hash    Hasher
	Version string
	// IndexBatch is how many stored articles are indexed at once; 0 =
	// twice Batch. The index takes them in a goroutine of its own while
	// the next ones are linked and stored. The search index makes one
	// segment of each and writes it to disk before the call returns, so
	// fewer, larger batches cost less CPU (and merging); each holds its
	// articles in memory while they are indexed.
	IndexBatch int
	// Batch is how many articles are stored in one transaction, with their
	// links; 0 = 64. BatchWait is how long the first article of a batch
	// waits for more before the batch is stored anyway; 0 = 250 ms. An
	// article counts as stored (in the progress, the summary and Submit's
	// results) when its batch is.
	Batch     int
	BatchWait time.Duration
	// Link tunes copy detection and story clustering; the zero value uses
	// the defaults.
	Link link.Options
	// MaxFailures bounds the failures a Summary lists (the latest are
	// kept; Failed still counts them all); 0 keeps every one. A long-running
	// ingester (Serve) should set it.
	MaxFailures int
	// Stored, when set, is called after each article is stored (new or
	// updated), never concurrently.
	Stored func(a *news.Article, o store.Outcome)
	Logger *slog.Logger
}

// Failure is an item that could not be ingested, and why.
type Failure struct {
	Name   string
	Reason string
}

// Summary counts what an ingest did.
type Summary struct {
	New, Updated, Unchanged, Failed int
	// Indexed counts articles written to the search index, including any an
	// earlier interrupted run had stored but not indexed.
	Indexed  int
	Failures []Failure
	// Copies counts the new or changed articles stored as copies of
	// another (duplicate_of set).
	Copies int
	// Loading is the time spent loading the link state at the start, Link
	// the time spent linking articles.
	Loading  time.Duration
	Link     time.Duration
	Stages   []pipeline.StageTime
	Store    time.Duration
	Indexing time.Duration
	Elapsed  time.Duration
}

// Total is the number of items seen.
func (s Summary) Total() int { return s.New + s.Updated + s.Unchanged + s.Failed }

// Ingester stores what the pipeline makes of its inputs.
type Ingester struct {
	opt Options
	log *slog.Logger

	mu  sync.Mutex
	sum Summary
	// queue and stopped exist while Serve runs (see live.go).
	queue   chan []pipeline.Job
	stopped chan struct{}
}

// New returns an Ingester.
func New(opt Options) (*Ingester, error) {
	if opt.Store == nil || opt.Index == nil || opt.Pipeline == nil || opt.Hash == nil {
		return nil, errors.New("ingest: store, index, pipeline and hash are required")
	}
	if opt.Batch <= 0 {
		opt.Batch = 64
	}
	if opt.IndexBatch <= 0 {
		opt.IndexBatch = 2 * opt.Batch
	}
	if opt.BatchWait <= 0 {
		opt.BatchWait = 250 * time.Millisecond
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Ingester{opt: opt, log: log}, nil
}

// Progress returns a snapshot of the running counts.
func (g *Ingester) Progress() Summary {
	g.mu.Lock()
	defer g.mu.Unlock()
	s := g.sum
	s.Failures = append([]Failure(nil), g.sum.Failures...)
	return s
}

// Hash returns the stored content hash of a: the source hash and the
// pipeline version.
func (g *Ingester) hash(a *news.Article) string {
	return ContentHash(g.opt.Hash, g.opt.Version, a)
}

// ContentHash is the hash an ingester stores a with: the source hash h of
// a mixed with the pipeline version. Other writers of the same store (the
// queue's workers) use it too, so that the store sees one article alike
// whichever way it came.
func ContentHash(h Hasher, version string, a *news.Article) string {
	sum := sha256.Sum256([]byte(h(a) + "\x00" + version))
	return hex.EncodeToString(sum[:16])
}

// Run ingests every job feed sends. Per-item failures are counted and
// listed in the summary; Run returns an error only when the store or index
// fails or ctx is cancelled, and even then everything stored so far is
// whole and the summary says how far it got.
func (g *Ingester) Run(ctx context.Context, feed func(ctx context.Context, send func(pipeline.Job) error) error) (Summary, error) {
	start := time.Now()
	// What an interrupted run stored but did not index goes first.
	if err := g.flushPending(ctx); err != nil {
		return g.finish(start), err
	}
	t0 := time.Now()
	linker, err := link.Load(ctx, g.opt.Store, g.linkOptions())
	g.mu.Lock()
	g.sum.Loading = time.Since(t0)
	g.mu.Unlock()
	if err != nil {
		return g.finish(start), fmt.Errorf("ingest: %w", err)
	}
	// Writes go on for a moment after ctx ends, so that a batch being
	// stored when the user interrupts is stored whole.
	wctx, wcancel := context.WithCancel(context.WithoutCancel(ctx))
	defer wcancel()
	stopGrace := context.AfterFunc(ctx, func() { time.AfterFunc(writeGrace, wcancel) })
	defer stopGrace()
	ix := g.startIndexer(ctx)
	w := newWriter(g, linker, ctx, wctx, ix)
	err = g.opt.Pipeline.Run(ctx, feed, w.sink)
	// Store what is linked, keep the story engine's word counts, and index
	// what is stored, even when the run was interrupted (with a context of
	// their own: the store already holds these articles).
	prior, cerr := w.close()
	switch {
	case prior != nil && (err == nil || errors.Is(err, context.Canceled)):
		err = prior
	case cerr != nil && err == nil:
		err = cerr
	}
	ictx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	if serr := g.opt.Store.ApplyLinked(ictx, store.Linked{State: linker.State()}); serr != nil && err == nil {
		err = fmt.Errorf("ingest: save link state: %w", serr)
	}
	ierr := w.index(0)
	// Interrupted, the index gets a moment: what it has not taken then
	// stays pending in the store, and the next run indexes it first.
	wait := time.Minute
	if ctx.Err() != nil {
		wait = writeGrace
	}
	if cerr := ix.close(wait); ierr == nil {
		ierr = cerr
	}
	if ierr != nil && err == nil {
		err = ierr
	}
	return g.finish(start), err
}

// writeGrace is how long writes go on after the run's context ends: the
// batch being stored then is stored whole, or rolled back whole when it
// takes longer.
const writeGrace = 500 * time.Millisecond

// addTime adds d to the summary's duration *to.
func (g *Ingester) addTime(to *time.Duration, d time.Duration) {
	g.mu.Lock()
	*to += d
	g.mu.Unlock()
}

// linkOptions are the Link options with the ingester's logger.
func (g *Ingester) linkOptions() link.Options {
	o := g.opt.Link
	if o.Logger == nil {
		o.Logger = g.log
	}
	return o
}

func (g *Ingester) finish(start time.Time) Summary {
	g.mu.Lock()
	g.sum.Elapsed = time.Since(start)
	g.sum.Stages = g.opt.Pipeline.Times()
	g.mu.Unlock()
	return g.Progress()
}

func (g *Ingester) fail(name string, err error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.sum.Failed++
	if m := g.opt.MaxFailures; m > 0 && len(g.sum.Failures) >= m {
		g.sum.Failures = append(g.sum.Failures[:0], g.sum.Failures[len(g.sum.Failures)-m+1:]...)
	}
	g.sum.Failures = append(g.sum.Failures, Failure{Name: name, Reason: err.Error()})
	g.log.Warn("item failed", slog.String("item", name), slog.String("error", err.Error()))
}

func (g *Ingester) count(o store.Outcome) {
	g.mu.Lock()
	defer g.mu.Unlock()
	switch o {
	case store.New:
		g.sum.New++
	case store.Updated:
		g.sum.Updated++
	default:
		g.sum.Unchanged++
	}
}

// indexItems indexes the articles of items and marks them indexed in the
// version of their hash (a version stored meanwhile stays pending), or,
// on a store that cannot tell versions apart or for items without one,
// as they are stored now.
func (g *Ingester) indexItems(ctx context.Context, items []store.Item) error {
	t0 := time.Now()
	arts := make([]*news.Article, len(items))
	ids := make([]string, len(items))
	hashed := true
	for i, it := range items {
		arts[i], ids[i] = it.Article, it.Article.ID
		hashed = hashed && it.Hash != ""
	}
	if err := g.opt.Index.Index(ctx, arts); err != nil {
		return fmt.Errorf("ingest: index: %w", err)
	}
	var err error
	if ix, ok := g.opt.Store.(store.Indexing); ok && hashed {
		err = ix.MarkIndexedItems(ctx, items)
	} else {
		err = g.opt.Store.MarkIndexed(ctx, ids)
	}
	if err != nil {
		return fmt.Errorf("ingest: mark indexed: %w", err)
	}
	g.mu.Lock()
	g.sum.Indexed += len(arts)
	g.sum.Indexing += time.Since(t0)
	g.mu.Unlock()
	return nil
}

func (g *Ingester) flushPending(ctx context.Context) error {
	for {
		arts, err := g.opt.Store.Pending(ctx, g.opt.IndexBatch)
		if err != nil {
			return fmt.Errorf("ingest: pending: %w", err)
		}
		if len(arts) == 0 {
			return nil
		}
		g.log.Info("indexing articles an earlier run left unindexed", slog.Int("articles", len(arts)))
		items := make([]store.Item, len(arts))
		for i, a := range arts {
			items[i] = store.Item{Article: a}
		}
		if err := g.indexItems(ctx, items); err != nil {
			return err
		}
	}
}
