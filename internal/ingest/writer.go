package ingest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"khabar/internal/link"
	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/store"
)

// queued is how many sealed batches may wait for the store beside the one
// being stored (and the open batch being linked): one is enough for the
// linker to go on while a batch commits, and every batch held is memory
// and work an interrupted run must store or roll back (writeGrace).
const queued = 1

// writer is the ingester's sink. Three goroutines share the serial work,
// so that it overlaps with the analysis and with itself: the pipeline's
// sink links each article as it comes and adds it to the open batch; the
// storer stores the batches in order, each in one transaction with its
// links, and hands what it stored to the indexer (see indexer), which
// indexes it while the next batch is stored. Each queue between them is
// bounded, so a slow store or index holds the analysis back rather than
// filling memory.
//
// The linker and everything below mu are used with mu held; the storer
// stores a batch without it (busy is set meanwhile), and alone touches
// stored.
type writer struct {
	g        *Ingester
	linker   *link.Linker
	run, ctx context.Context
	ix       *indexer
	stopWake func() bool

	mu   sync.Mutex
	cond *sync.Cond // signalled when queue, busy or err change
	// batch is linked and waiting to be sealed; since is when its first
	// article came, timer seals it BatchWait later.
	batch []pending
	since time.Time
	timer *time.Timer
	// queue are the sealed batches, in the order they were linked; the
	// storer takes them from the front, and busy is set while it stores
	// queue[0].
	queue [][]pending
	busy  bool
	// err is the error that stopped the writer: the next sink call
	// returns it. quit tells the storer to end once the queue is empty;
	// exited is closed when it has.
	err    error
	quit   bool
	exited chan struct{}
	// stored are stored articles waiting for the index (the storer's).
	stored []store.Item
}

// pending is a linked article waiting for its batch to be stored.
type pending struct {
	j      pipeline.Job
	hash   string
	linked store.Linked
}

// newWriter returns a writer with its storer running.
// run is the run's context: when it ends the sink waits for the store no
// more (what it linked is stored by close, within writeGrace); ctx is the
// writes' own.
func newWriter(g *Ingester, linker *link.Linker, run, ctx context.Context, ix *indexer) *writer {
	w := &writer{g: g, linker: linker, run: run, ctx: ctx, ix: ix, exited: make(chan struct{})}
	w.cond = sync.NewCond(&w.mu)
	w.stopWake = context.AfterFunc(run, func() {
		w.mu.Lock()
		w.cond.Broadcast()
		w.mu.Unlock()
	})
	go w.storer()
	return w
}

// sink takes the pipeline's jobs in order.
func (w *writer) sink(j pipeline.Job) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	if j.Barrier() {
		// Everything before it is stored and handed to the index.
		w.seal()
		if err := w.drain(); err != nil {
			return err
		}
		if err := w.index(0); err != nil {
			return err
		}
		done(j, Result{})
		return nil
	}
	if j.Err != nil {
		w.g.fail(j.Name, j.Err)
		done(j, Result{Name: j.Name, Err: j.Err})
		return nil
	}
	return w.add(j)
}

// add links the article of j and adds it to the open batch, sealing the
// batch when it is full or waited long enough, and waits while the store
// is more than queued batches behind.
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
		w.seal()
	}
	for w.err == nil && len(w.queue) > queued && w.run.Err() == nil {
		w.cond.Wait()
	}
	return w.err
}

// due seals the open batch when it waited BatchWait and no article came
// to seal it.
func (w *writer) due() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.quit && len(w.batch) > 0 && time.Since(w.since) >= w.g.opt.BatchWait {
		w.seal()
	}
}

// seal moves the open batch to the queue for the storer.
func (w *writer) seal() {
	if w.timer != nil {
		w.timer.Stop()
	}
	if len(w.batch) == 0 || w.err != nil {
		return
	}
	w.queue = append(w.queue, w.batch)
	w.batch = nil
	w.cond.Broadcast()
}

// drain waits until every sealed batch is stored (or refused) and returns
// the writer's error.
func (w *writer) drain() error {
	for w.err == nil && (len(w.queue) > 0 || w.busy) {
		w.cond.Wait()
	}
	return w.err
}

// close seals and stores what is linked (when the run was interrupted,
// only the batch being stored) and stops the storer. It returns the error
// that stopped the writer before (prior) or while it closed.
func (w *writer) close() (prior, err error) {
	w.mu.Lock()
	prior = w.err
	if w.run.Err() != nil {
		// Interrupted: only the batch being stored is finished (within
		// writeGrace); the articles linked after it are not stored, and
		// the next run ingests them again.
		start := 0
		if w.busy {
			start = 1
		}
		var rest []pending
		for _, b := range w.queue[min(start, len(w.queue)):] {
			rest = append(rest, b...)
		}
		rest = append(rest, w.batch...)
		w.queue, w.batch = w.queue[:min(start, len(w.queue))], nil
		if w.timer != nil {
			w.timer.Stop()
		}
		w.unlink(rest)
	} else {
		w.seal()
	}
	err = w.drain()
	w.quit = true
	w.cond.Broadcast()
	w.mu.Unlock()
	<-w.exited
	w.stopWake()
	if prior != nil {
		return prior, nil
	}
	return nil, err
}

// storer stores the sealed batches in order until close.
func (w *writer) storer() {
	defer close(w.exited)
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		for len(w.queue) == 0 && !w.quit {
			w.cond.Wait()
		}
		if len(w.queue) == 0 {
			return
		}
		ps := w.queue[0]
		w.busy = true
		w.mu.Unlock()
		outs, err := w.put(ps)
		if err == nil {
			w.done(ps, outs)
			err = w.index(w.g.opt.IndexBatch)
			w.mu.Lock()
			w.queue = w.queue[1:]
			if err != nil && w.err == nil {
				w.err = err
			}
		} else {
			w.mu.Lock()
			w.queue = w.queue[1:]
			w.recover(ps, err)
		}
		w.busy = false
		w.cond.Broadcast()
	}
}

// later takes every article linked after the batch being stored out of
// the queue and the open batch, in the order they were linked.
func (w *writer) later() []pending {
	var out []pending
	for _, b := range w.queue {
		out = append(out, b...)
	}
	out = append(out, w.batch...)
	w.queue, w.batch = nil, nil
	if w.timer != nil {
		w.timer.Stop()
	}
	return out
}

// requeue links ps again, in order, and queues them in batches.
func (w *writer) requeue(ps []pending) {
	ps = w.relink(ps)
	for len(ps) > 0 {
		n := min(len(ps), w.g.opt.Batch)
		w.queue = append(w.queue, ps[:n:n])
		ps = ps[n:]
	}
}

// recover handles the store's refusal of batch ps, with mu held. An
// article the store refuses fails alone: the articles linked after it are
// unlinked, linked again without it and stored. An error that is not one
// article's (a full disk, the context) stops the writer; what was stored
// before stays.
func (w *writer) recover(ps []pending, err error) {
	rest := w.later()
	var ie *store.ItemError
	switch {
	case w.ctx.Err() != nil || errors.Is(err, news.ErrDiskFull):
		// Every later article would fail the same way: stop once.
		w.unlink(slices.Concat(ps, rest))
		w.err = fmt.Errorf("ingest: store: %w", err)
	case errors.As(err, &ie) && ie.Index >= 0 && ie.Index < len(ps):
		// The articles before it were linked without it: they are
		// stored as they are. The ones after it are linked again.
		k := ie.Index
		if err := w.store(ps[:k]); err != nil {
			w.unlink(slices.Concat(ps, rest))
			w.err = err
			return
		}
		w.unlink(slices.Concat(ps[k:], rest))
		w.refuse(ps[k], ie.Err)
		w.requeue(slices.Concat(ps[k+1:], rest))
	case len(ps) == 1:
		w.unlink(slices.Concat(ps, rest))
		w.refuse(ps[0], err)
		w.requeue(rest)
	default:
		// Not one article's error, as far as the store says: store
		// them one at a time, so that each failure names its own.
		all := slices.Concat(ps, rest)
		w.unlink(all)
		all = w.relink(all)
		for _, p := range all[:len(ps)] {
			w.queue = append(w.queue, []pending{p})
		}
		for rest := all[len(ps):]; len(rest) > 0; {
			n := min(len(rest), w.g.opt.Batch)
			w.queue = append(w.queue, rest[:n:n])
			rest = rest[n:]
		}
	}
}

// store stores ps, as linked, in one batch, with mu held: on the rare
// path of a refused batch.
func (w *writer) store(ps []pending) error {
	if len(ps) == 0 {
		return nil
	}
	outs, err := w.put(ps)
	if err != nil {
		return fmt.Errorf("ingest: store: %w", err)
	}
	w.done(ps, outs)
	return w.index(w.g.opt.IndexBatch)
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
	// stop is closed when the run is interrupted.
	stop <-chan struct{}
	jobs chan []store.Item
	done chan struct{}

	mu  sync.Mutex
	err error
}

// startIndexer starts an indexer. Its writes outlive ctx (the store holds
// the articles already) until close.
func (g *Ingester) startIndexer(ctx context.Context) *indexer {
	ictx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	x := &indexer{g: g, ctx: ictx, cancel: cancel, stop: ctx.Done(), jobs: make(chan []store.Item), done: make(chan struct{})}
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

// add queues items, waiting while the indexer is a batch behind. Once
// the run is interrupted it waits no more: items it does not take stay
// pending in the store, and the next run indexes them first.
func (x *indexer) add(items []store.Item) error {
	if err := x.error(); err != nil {
		return err
	}
	select {
	case x.jobs <- items:
	case <-x.stop:
	}
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
