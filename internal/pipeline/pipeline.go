package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"khabar/internal/news"
)

// Job is one article on its way through the pipeline, or the reason it could
// not be read.
type Job struct {
	// Name identifies the item in reports: a path, path:line, or "-".
	Name string
	// Article is nil when Err is set by the source, or by a stage the
	// pipeline had to leave running (cancelled, or over the time budget).
	Article *news.Article
	// Err is why the item failed, at the source or in a stage.
	Err error
	// Meta is the sender's own value, handed to the sink untouched.
	Meta any
}

// Barrier reports whether j is a barrier: a job with neither an article
// nor an error, which passes through to the sink in order (a sink may, for
// example, flush what it holds when one arrives).
func (j Job) Barrier() bool { return j.Article == nil && j.Err == nil }

// Options configure a Pipeline.
type Options struct {
	// Workers is the number of articles processed at once; 0 means the
	// number of CPUs.
	Workers int
	// Observe, when set, is called after every stage run with the stage's
	// name and how long it took (for latency metrics).
	Observe func(stage string, d time.Duration)
	// ArticleTimeout is the time budget of one article through all the
	// stages; an article that overruns it fails with a *BudgetError. 0 means
	// no budget.
	ArticleTimeout time.Duration
}

// ErrBudget is the error of an article that overran its time budget;
// errors.Is finds it in a *BudgetError.
var ErrBudget = errors.New("time budget exceeded")

// BudgetError is the error of an article that overran its time budget.
type BudgetError struct {
	// Stage is the stage the article was in when the budget ran out.
	Stage string
	// Budget is the article's time budget.
	Budget time.Duration
	// Bytes is the size of the article's text when the stage began.
	Bytes int
}

func (e *BudgetError) Error() string {
	return fmt.Sprintf("time budget of %v exceeded in stage %s (text of %d bytes): raise the budget (--article-timeout) or split the input",
		e.Budget, e.Stage, e.Bytes)
}

// Unwrap returns ErrBudget.
func (e *BudgetError) Unwrap() error { return ErrBudget }

// Pipeline runs stages in order over articles on bounded workers.
type Pipeline struct {
	stages  []Stage
	workers int
	observe func(string, time.Duration)
	budget  time.Duration
	nanos   []atomic.Int64
	runs    []atomic.Int64
}

// New returns a pipeline of stages, run in the order given.
func New(stages []Stage, opt Options) *Pipeline {
	w := opt.Workers
	if w <= 0 {
		w = runtime.NumCPU()
	}
	return &Pipeline{
		stages:  stages,
		workers: w,
		observe: opt.Observe,
		budget:  opt.ArticleTimeout,
		nanos:   make([]atomic.Int64, len(stages)),
		runs:    make([]atomic.Int64, len(stages)),
	}
}

// Observe sets the function called after every stage run (see
// Options.Observe). Call it before the pipeline runs.
func (p *Pipeline) Observe(fn func(stage string, d time.Duration)) { p.observe = fn }

// StageTime is the time spent in one stage across all articles so far.
type StageTime struct {
	Stage    string
	Total    time.Duration
	Articles int64
}

// Times reports the cumulative time per stage, in stage order.
func (p *Pipeline) Times() []StageTime {
	out := make([]StageTime, len(p.stages))
	for i, s := range p.stages {
		out[i] = StageTime{Stage: s.Name(), Total: time.Duration(p.nanos[i].Load()), Articles: p.runs[i].Load()}
	}
	return out
}

// Process runs every stage on a, stopping at the first error, which it
// returns wrapped with the stage's name. A panicking stage is turned into an
// error: bad input must never bring the whole run down.
//
// Process returns promptly once ctx is done or the article's time budget
// runs out, even while a stage is busy: the stages run in a goroutine of
// their own, which Process then leaves to stop at the stage's next look at
// its context. a must not be read after such an error.
func (p *Pipeline) Process(ctx context.Context, a *news.Article) error {
	_, err := p.guarded(ctx, a)
	return err
}

// guarded is Process, and tells whether it left the stages running.
func (p *Pipeline) guarded(ctx context.Context, a *news.Article) (left bool, err error) {
	var stage atomic.Int32
	bytes := len(a.Text) + len(a.Raw.Body)
	if p.budget > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, p.budget, ErrBudget)
		defer cancel()
	}
	done := make(chan error, 1)
	go func() { done <- p.process(ctx, a, &stage) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		err, left = ctx.Err(), true
	}
	if err != nil && errors.Is(context.Cause(ctx), ErrBudget) {
		err = &BudgetError{Stage: p.stages[stage.Load()].Name(), Budget: p.budget, Bytes: bytes}
	}
	return left, err
}

// process runs the stages on a, keeping in stage the index of the one
// running.
func (p *Pipeline) process(ctx context.Context, a *news.Article, stage *atomic.Int32) error {
	// what the stages shared of the text is not kept with the article
	defer a.ForgetDerived()
	for i, s := range p.stages {
		stage.Store(int32(i))
		if err := ctx.Err(); err != nil {
			return err
		}
		t0 := time.Now()
		err := runStage(ctx, s, a)
		d := time.Since(t0)
		p.nanos[i].Add(int64(d))
		p.runs[i].Add(1)
		if p.observe != nil {
			p.observe(s.Name(), d)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", s.Name(), err)
		}
	}
	return nil
}

func runStage(ctx context.Context, s Stage, a *news.Article) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report it): %v\n%s", r, debug.Stack())
		}
	}()
	return s.Process(ctx, a)
}

// Run processes the jobs that feed sends, on the pipeline's workers, and
// hands each finished job to sink in the order feed sent them. Jobs that
// arrive with Err set pass through to sink untouched. feed runs in its own
// goroutine; send blocks while the pipeline is full and fails once ctx is
// done. Run returns the first error of feed or sink, or ctx's error; errors
// of single articles are only reported through Job.Err.
func (p *Pipeline) Run(ctx context.Context, feed func(ctx context.Context, send func(Job) error) error, sink func(Job) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type slot struct {
		job  Job
		done chan struct{}
	}
	inflight := make(chan *slot, p.workers*4) // order of arrival, bounds memory
	work := make(chan *slot)

	var wg sync.WaitGroup
	for range p.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range work {
				if s.job.Err == nil && s.job.Article != nil {
					if left, err := p.guarded(ctx, s.job.Article); err != nil {
						s.job.Err = err
						if left {
							// a stage may still be writing to it
							s.job.Article = nil
						}
					}
				}
				close(s.done)
			}
		}()
	}

	feedErr := make(chan error, 1)
	go func() {
		defer close(inflight)
		defer close(work)
		send := func(j Job) error {
			s := &slot{job: j, done: make(chan struct{})}
			select {
			case inflight <- s:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case work <- s:
				return nil
			case <-ctx.Done():
				// Already queued for the sink: mark it finished.
				s.job.Err = ctx.Err()
				close(s.done)
				return ctx.Err()
			}
		}
		feedErr <- feed(ctx, send)
	}()

	var sinkErr error
	for s := range inflight {
		<-s.done
		if sinkErr != nil || ctx.Err() != nil {
			continue // drain so workers and feed can finish
		}
		if err := sink(s.job); err != nil {
			sinkErr = err
			cancel()
		}
	}
	wg.Wait()
	fe := <-feedErr
	switch {
	case sinkErr != nil:
		return sinkErr
	case fe != nil && !errors.Is(fe, context.Canceled):
		return fe
	}
	if err := ctx.Err(); err != nil {
		// Only the parent can have cancelled ctx here.
		return err
	}
	return fe
}
