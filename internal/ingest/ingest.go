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
	// IndexBatch is how many stored articles are indexed at once; 0 = 256.
	IndexBatch int
	// Link tunes copy detection and story clustering; the zero value uses
	// the defaults.
	Link link.Options
	// MaxFailures bounds the failures a Summary lists (the latest are
	// kept; Failed still counts them all); 0 keeps every one. A long-running
	// ingester (Serve) should set it.
	MaxFailures int
	// Stored, when set, is called after each article is stored (new or
	// updated), from the ingester's single sink goroutine.
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
	if opt.IndexBatch <= 0 {
		opt.IndexBatch = 256
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
	var batch []*news.Article
	err = g.opt.Pipeline.Run(ctx, feed, func(j pipeline.Job) error {
		if j.Barrier() {
			if len(batch) > 0 {
				if err := g.index(ctx, batch); err != nil {
					return err
				}
				batch = batch[:0]
			}
			done(j, Result{})
			return nil
		}
		if j.Err != nil {
			g.fail(j.Name, j.Err)
			done(j, Result{Name: j.Name, Err: j.Err})
			return nil
		}
		t0 := time.Now()
		linked := linker.Link(j.Article)
		t1 := time.Now()
		out, err := g.opt.Store.PutLinked(ctx, j.Article, g.hash(j.Article), linked)
		g.mu.Lock()
		g.sum.Link += t1.Sub(t0)
		g.sum.Store += time.Since(t1)
		if err == nil && out != store.Unchanged && j.Article.DuplicateOf != "" {
			g.sum.Copies++
		}
		g.mu.Unlock()
		if err != nil {
			// The store did not take the article: neither do groups
			// and stories.
			linker.Forget(j.Article.ID)
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if errors.Is(err, news.ErrDiskFull) {
				// Every later article would fail the same way: stop once.
				return fmt.Errorf("ingest: store: %w", err)
			}
			// A store that refuses one article (for example one too large
			// for it) is reported like any other bad item; a store that is
			// broken fails the next ones too and the user sees them all.
			err = fmt.Errorf("store: %w", err)
			g.fail(j.Name, err)
			done(j, Result{Name: j.Name, ID: j.Article.ID, Err: err})
			return nil
		}
		g.count(out)
		if out != store.Unchanged && g.opt.Stored != nil {
			g.opt.Stored(j.Article, out)
		}
		done(j, Result{Name: j.Name, ID: j.Article.ID, Outcome: out})
		if out != store.Unchanged {
			batch = append(batch, j.Article)
		}
		if len(batch) >= g.opt.IndexBatch {
			if err := g.index(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
		return nil
	})
	// Keep the story engine's word counts, and index what is stored,
	// even when the run was interrupted, with a context of their own: the
	// store already holds these articles.
	ictx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	if serr := g.opt.Store.ApplyLinked(ictx, store.Linked{State: linker.State()}); serr != nil && err == nil {
		err = fmt.Errorf("ingest: save link state: %w", serr)
	}
	if len(batch) > 0 {
		if ierr := g.index(ictx, batch); ierr != nil && err == nil {
			err = ierr
		}
	}
	return g.finish(start), err
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

func (g *Ingester) index(ctx context.Context, arts []*news.Article) error {
	t0 := time.Now()
	if err := g.opt.Index.Index(ctx, arts); err != nil {
		return fmt.Errorf("ingest: index: %w", err)
	}
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	if err := g.opt.Store.MarkIndexed(ctx, ids); err != nil {
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
		if err := g.index(ctx, arts); err != nil {
			return err
		}
	}
}
