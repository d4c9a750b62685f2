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
	// Batch. The index takes them in a goroutine of its own while the
	// next ones are linked and stored.
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
		opt.IndexBatch = opt.Batch
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
	w := &writer{g: g, linker: linker, ctx: wctx, ix: ix}
	err = g.opt.Pipeline.Run(ctx, feed, func(j pipeline.Job) error {
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.err != nil {
			return w.err
		}
		if j.Barrier() {
			if err := w.flush(); err != nil {
				return err
			}
			if err := w.index(0); err != nil {
				return err
			}
			done(j, Result{})
			return nil
		}
		if j.Err != nil {
			g.fail(j.Name, j.Err)
			done(j, Result{Name: j.Name, Err: j.Err})
			return nil
		}
		return w.add(j)
	})
	// Store the open batch, keep the story engine's word counts, and index
	// what is stored, even when the run was interrupted (with a context of
	// their own: the store already holds these articles).
	w.mu.Lock()
	w.closed = true
	if w.timer != nil {
		w.timer.Stop()
	}
	if w.err == nil {
		if ferr := w.flush(); ferr != nil && err == nil {
			err = ferr
		}
	} else if err == nil || errors.Is(err, context.Canceled) {
		err = w.err
	}
	w.mu.Unlock()
	ictx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	if serr := g.opt.Store.ApplyLinked(ictx, store.Linked{State: linker.State()}); serr != nil && err == nil {
		err = fmt.Errorf("ingest: save link state: %w", serr)
	}
	w.mu.Lock()
	ierr := w.index(0)
	w.mu.Unlock()
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

// writer is the ingester's sink: it links each article as it comes,
// stores them in batches with their links, and indexes what was stored.
// Its methods are called with mu held, from the pipeline's sink and from
// the timer that stores a batch that waited long enough.
type writer struct {
	g      *Ingester
	linker *link.Linker
	ctx    context.Context
	ix     *indexer

	mu sync.Mutex
	// batch is linked and waiting to be stored; since is when its first
	// article came, timer stores it BatchWait later.
	batch []pending
	since time.Time
	timer *time.Timer
	// stored are stored articles waiting for the index.
	stored []store.Item
	// err is the error that stopped the writer (from the timer: the next
	// sink call returns it); closed is set when the run ends.
	err    error
	closed bool
}

// pending is a linked article waiting for its batch to be stored.
type pending struct {
	j      pipeline.Job
	hash   string
	linked store.Linked
}

// add links the article of j and adds it to the batch, storing the batch
// when it is full or waited long enough.
func (w *writer) add(j pipeline.Job) error {
	t0 := time.Now()
	p := pending{j: j, hash: w.g.hash(j.Article), linked: w.linker.Link(j.Article)}
	w.g.addTime(&w.g.sum.Link, time.Since(t0))
	w.batch = append(w.batch, p)
	if len(w.batch) == 1 {
		w.since = time.Now()
		if w.timer == nil {
			w.timer = time.AfterFunc(w.g.opt.BatchWait, w.due)
		} else {
			w.timer.Reset(w.g.opt.BatchWait)
		}
	}
	if len(w.batch) >= w.g.opt.Batch || time.Since(w.since) >= w.g.opt.BatchWait {
		return w.flush()
	}
	return nil
}

// due stores the batch when it waited BatchWait and no article came to
// store it.
func (w *writer) due() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed || w.err != nil || len(w.batch) == 0 || time.Since(w.since) < w.g.opt.BatchWait {
		return
	}
	if err := w.flush(); err != nil {
		w.err = err
	} else if err := w.index(w.g.opt.IndexBatch); err != nil {
		w.err = err
	}
}

// flush stores the batch. An article the store refuses fails alone: the
// articles linked after it are unlinked, linked again without it and
// stored. An error that is not one article's (a full disk, the context)
// ends the run; what was stored before stays.
func (w *writer) flush() error {
	if w.timer != nil {
		w.timer.Stop()
	}
	for len(w.batch) > 0 {
		outs, err := w.put(w.batch)
		if err == nil {
			w.done(w.batch, outs)
			w.batch = w.batch[:0]
			break
		}
		var ie *store.ItemError
		switch {
		case w.ctx.Err() != nil || errors.Is(err, news.ErrDiskFull):
			// Every later article would fail the same way: stop once.
			w.unlink(w.batch)
			w.batch = w.batch[:0]
			return fmt.Errorf("ingest: store: %w", err)
		case errors.As(err, &ie) && ie.Index >= 0 && ie.Index < len(w.batch):
			// The articles before it were linked without it: they are
			// stored as they are. The ones after it are linked again.
			k := ie.Index
			if err := w.store(w.batch[:k]); err != nil {
				return err
			}
			w.unlink(w.batch[k:])
			w.refuse(w.batch[k], ie.Err)
			w.batch = w.relink(w.batch[k+1:])
		case len(w.batch) == 1:
			w.unlink(w.batch)
			w.refuse(w.batch[0], err)
			w.batch = w.batch[:0]
		default:
			// Not one article's error, as far as the store says: store
			// them one at a time, so that each failure names its own.
			w.unlink(w.batch)
			rest := append([]pending(nil), w.batch...)
			w.batch = w.batch[:0]
			for _, p := range rest {
				w.batch = w.relink([]pending{p})
				if err := w.flush(); err != nil {
					return err
				}
			}
		}
	}
	return w.index(w.g.opt.IndexBatch)
}

// store stores ps, as linked, in one batch; any error ends the run.
func (w *writer) store(ps []pending) error {
	if len(ps) == 0 {
		return nil
	}
	outs, err := w.put(ps)
	if err != nil {
		w.unlink(ps)
		return fmt.Errorf("ingest: store: %w", err)
	}
	w.done(ps, outs)
	return nil
}

// put writes ps, as linked, in one transaction of the store.
func (w *writer) put(ps []pending) ([]store.Outcome, error) {
	items := make([]store.LinkedItem, len(ps))
	for i, p := range ps {
		items[i] = store.LinkedItem{Article: p.j.Article, Hash: p.hash, Linked: p.linked}
	}
	t0 := time.Now()
	outs, err := w.g.opt.Store.PutLinkedBatch(w.ctx, items)
	w.g.addTime(&w.g.sum.Store, time.Since(t0))
	return outs, err
}

// unlink undoes the links of ps, which were not stored.
func (w *writer) unlink(ps []pending) {
	ids := make([]string, len(ps))
	outs := make([]store.Linked, len(ps))
	for i, p := range ps {
		ids[i], outs[i] = p.j.Article.ID, p.linked
	}
	w.linker.Unlink(ids, outs)
}

// relink links ps again, in order, and returns them.
func (w *writer) relink(ps []pending) []pending {
	out := make([]pending, len(ps))
	for i, p := range ps {
		p.linked = w.linker.Link(p.j.Article)
		out[i] = p
	}
	return out
}

// refuse reports an article the store refused, like any other bad item:
// a store that is broken fails the next ones too and the user sees them
// all.
func (w *writer) refuse(p pending, err error) {
	err = fmt.Errorf("store: %w", err)
	w.g.fail(p.j.Name, err)
	done(p.j, Result{Name: p.j.Name, ID: p.j.Article.ID, Err: err})
}

// done counts and reports the stored articles ps, with the store's
// outcomes, and keeps the changed ones for the index.
func (w *writer) done(ps []pending, outs []store.Outcome) {
	for i, p := range ps {
		a, out := p.j.Article, outs[i]
		w.g.count(out)
		if out != store.Unchanged {
			if a.DuplicateOf != "" {
				w.g.mu.Lock()
				w.g.sum.Copies++
				w.g.mu.Unlock()
			}
			if w.g.opt.Stored != nil {
				w.g.opt.Stored(a, out)
			}
			w.stored = append(w.stored, store.Item{Article: a, Hash: p.hash})
		}
		done(p.j, Result{Name: p.j.Name, ID: a.ID, Outcome: out})
	}
}

// index hands the stored articles to the indexer once at least atLeast
// wait. It returns the error that stopped the indexer, if any.
func (w *writer) index(atLeast int) error {
	if len(w.stored) == 0 || len(w.stored) < atLeast {
		return w.ix.error()
	}
	err := w.ix.add(w.stored)
	w.stored = nil
	return err
}

// indexer indexes stored articles in a goroutine of its own, a batch at a
// time in the order they were stored, while the sink links and stores the
// next ones.
type indexer struct {
	g      *Ingester
	ctx    context.Context
	cancel context.CancelFunc
	jobs   chan []store.Item
	done   chan struct{}

	mu  sync.Mutex
	err error
}

// startIndexer starts an indexer. Its writes outlive ctx (the store holds
// the articles already) until close.
func (g *Ingester) startIndexer(ctx context.Context) *indexer {
	ictx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	x := &indexer{g: g, ctx: ictx, cancel: cancel, jobs: make(chan []store.Item), done: make(chan struct{})}
	go func() {
		defer close(x.done)
		for items := range x.jobs {
			if x.error() != nil {
				continue
			}
			if err := g.indexItems(x.ctx, items); err != nil {
				x.mu.Lock()
				x.err = err
				x.mu.Unlock()
			}
		}
	}()
	return x
}

// add queues items, waiting while the indexer is a batch behind.
func (x *indexer) add(items []store.Item) error {
	if err := x.error(); err != nil {
		return err
	}
	x.jobs <- items
	return nil
}

func (x *indexer) error() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.err
}

// close waits for the queued batches to be indexed, at most wait, and
// returns the indexer's error.
func (x *indexer) close(wait time.Duration) error {
	close(x.jobs)
	t := time.AfterFunc(wait, x.cancel)
	<-x.done
	t.Stop()
	x.cancel()
	return x.error()
}

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
