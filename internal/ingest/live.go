package ingest

import (
	"context"
	"errors"
	"sync"
	"time"

	"khabar/internal/pipeline"
	"khabar/internal/store"
)

// Result is what became of one article handed to Submit.
type Result struct {
	// Name is the job's name, ID the article's id ("" when none was read).
	Name string
	ID   string
	// Outcome is what the store did; meaningful when Err is nil.
	Outcome store.Outcome
	// Err says why the article failed.
	Err error
}

// ErrStopped is returned by Submit when the ingester is not serving.
var ErrStopped = errors.New("ingest: not running (the server is stopping)")

// waiter collects the results of one Submit call.
type waiter struct {
	mu      sync.Mutex
	results []Result
	left    int
	done    chan struct{}
}

// slot is a submitted job's place in its waiter.
type slot struct {
	w *waiter
	i int
}

// done delivers r to the Submit call that sent j, if any.
func done(j pipeline.Job, r Result) {
	s, ok := j.Meta.(slot)
	if !ok {
		return
	}
	s.w.mu.Lock()
	defer s.w.mu.Unlock()
	s.w.results[s.i] = r
	s.w.left--
	if s.w.left == 0 {
		close(s.w.done)
	}
}

// flushAfter is how long an ingester that is serving waits for more
// articles before it brings the search index up to date.
const flushAfter = 500 * time.Millisecond

// Serve runs the ingester until ctx is done, ingesting the articles handed
// to Submit as they come: each is analysed, linked, stored, and in the
// search index within about a second. It returns the summary of everything
// it ingested; the error is nil when ctx ended it.
func (g *Ingester) Serve(ctx context.Context) (Summary, error) {
	g.mu.Lock()
	if g.queue != nil {
		g.mu.Unlock()
		return Summary{}, errors.New("ingest: already serving")
	}
	queue, stopped := make(chan []pipeline.Job), make(chan struct{})
	g.queue, g.stopped = queue, stopped
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		g.queue, g.stopped = nil, nil
		g.mu.Unlock()
		close(stopped)
	}()
	sum, err := g.Run(ctx, func(ctx context.Context, send func(pipeline.Job) error) error {
		timer := time.NewTimer(flushAfter)
		timer.Stop()
		pending := false
		for {
			select {
			case <-ctx.Done():
				return nil
			case jobs := <-queue:
				for _, j := range jobs {
					if err := send(j); err != nil {
						// Not taken: the Submit call must not wait for it.
						done(j, Result{Name: j.Name, Err: err})
						continue
					}
				}
				if !pending {
					pending = true
					timer.Reset(flushAfter)
				}
			case <-timer.C:
				pending = false
				if err := send(pipeline.Job{}); err != nil {
					return nil
				}
			}
		}
	})
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		err = nil
	}
	return sum, err
}

// Submit hands jobs to a serving ingester and waits until each is stored
// or has failed, returning one Result per job in order. It fails with
// ErrStopped when the ingester is not serving, and with ctx's error when
// ctx ends first (the jobs may still be ingested).
func (g *Ingester) Submit(ctx context.Context, jobs []pipeline.Job) ([]Result, error) {
	g.mu.Lock()
	queue, stopped := g.queue, g.stopped
	g.mu.Unlock()
	if queue == nil {
		return nil, ErrStopped
	}
	if len(jobs) == 0 {
		return nil, nil
	}
	w := &waiter{results: make([]Result, len(jobs)), left: len(jobs), done: make(chan struct{})}
	sent := make([]pipeline.Job, len(jobs))
	for i, j := range jobs {
		j.Meta = slot{w: w, i: i}
		sent[i] = j
	}
	select {
	case queue <- sent:
	case <-stopped:
		return nil, ErrStopped
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case <-w.done:
		return w.results, nil
	case <-stopped:
		// Jobs still in the pipeline when it stopped were finished by it
		// (every taken job reaches the sink), so w.done is closed too
		// unless the run ended on an error.
		select {
		case <-w.done:
			return w.results, nil
		default:
			return nil, ErrStopped
		}
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
