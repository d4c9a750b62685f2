package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"khabar/internal/news"
	"khabar/internal/pipeline"
	"khabar/internal/store"
)

// record is an analysed article on the queue, or the failure of a raw
// article, under the raw article's sequence number.
type record struct {
	Seq  uint64 `json:"seq"`
	Name string `json:"name,omitempty"`
	ID   string `json:"id,omitempty"`
	// Hash is the content hash to store the article with.
	Hash    string          `json:"hash,omitempty"`
	Article json.RawMessage `json:"article,omitempty"`
	Raw     store.RawRecord `json:"raw,omitzero"`
	// Err is set when the article failed and went to the dead letters;
	// the linker only passes over it.
	Err string `json:"error,omitempty"`
}

// WorkerOptions configure a Worker.
type WorkerOptions struct {
	// Pipeline analyses the articles (with its workers and per-article
	// budget).
	Pipeline *pipeline.Pipeline
	// Hash is the content hash an article is stored with (the source
	// hash and the pipeline version, as ingest computes it).
	Hash func(*news.Article) string
	// Analysed, when set, is called after each raw article is handled,
	// with its error (nil when its record was published).
	Analysed func(err error)
	Logger   *slog.Logger
}

// Worker analyses raw articles from the queue and publishes their records.
type Worker struct {
	q   *Queue
	opt WorkerOptions
	log *slog.Logger
	n   atomic.Int64
}

// Worker returns a worker on q.
func (q *Queue) Worker(opt WorkerOptions) (*Worker, error) {
	if opt.Pipeline == nil || opt.Hash == nil {
		return nil, errors.New("queue: worker: pipeline and hash are required")
	}
	log := opt.Logger
	if log == nil {
		log = q.opt.Logger
	}
	return &Worker{q: q, opt: opt, log: log}, nil
}

// Handled is the number of raw articles the worker has handled.
func (w *Worker) Handled() int64 { return w.n.Load() }

// consumer returns the durable pull consumer every worker shares.
func (q *Queue) workers(ctx context.Context) (jetstream.Consumer, error) {
	c, err := q.raw.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:       workersConsumer,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opt.AckWait,
		MaxDeliver:    q.opt.MaxDeliver,
		MaxAckPending: q.opt.MaxAckPending,
		FilterSubject: q.rawSubj,
		// Transient failures (a budget overrun on a loaded machine, the
		// queue unreachable) are tried again after a pause that grows.
		BackOff: nil,
	})
	if err != nil {
		return nil, fmt.Errorf("queue: consumer %s: %w", workersConsumer, err)
	}
	return c, nil
}

// Run pulls raw articles and handles them until ctx ends; it returns nil
// then. An article in flight when ctx ends is not acknowledged and is
// delivered again, to this worker or another.
func (w *Worker) Run(ctx context.Context) error {
	cons, err := w.q.workers(ctx)
	if err != nil {
		return err
	}
	// A raw article that hit MaxDeliver without an outcome (its worker
	// died on it every time) is given up here, by any worker that hears.
	sub, err := w.q.nc.Subscribe(fmt.Sprintf("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.%s.%s", w.q.rawName, workersConsumer),
		func(m *nats.Msg) { w.maxDeliveries(m) })
	if err != nil {
		return fmt.Errorf("queue: worker: %w", err)
	}
	defer func() { _ = sub.Unsubscribe() }()
	fetch := max(1, w.q.opt.MaxAckPending/8)
	feed := func(ctx context.Context, send func(pipeline.Job) error) error {
		for ctx.Err() == nil {
			batch, err := cons.Fetch(fetch, jetstream.FetchMaxWait(time.Second))
			if err != nil {
				if ctx.Err() != nil {
					return nil
				}
				w.log.Warn("queue: fetch", slog.String("error", err.Error()))
				pause(ctx, time.Second)
				continue
			}
			for m := range batch.Messages() {
				j, ok := w.decode(ctx, m)
				if !ok {
					continue
				}
				if err := send(j); err != nil {
					return err
				}
			}
			if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && ctx.Err() == nil {
				w.log.Debug("queue: fetch", slog.String("error", err.Error()))
			}
		}
		return nil
	}
	err = w.opt.Pipeline.Run(ctx, feed, func(j pipeline.Job) error {
		if j.Barrier() {
			return nil
		}
		m := j.Meta.(jetstream.Msg)
		w.handle(ctx, j, m)
		return nil
	})
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// decode turns a raw message into a pipeline job; a message that cannot
// be read is given up at once.
func (w *Worker) decode(ctx context.Context, m jetstream.Msg) (pipeline.Job, bool) {
	md, err := m.Metadata()
	if err != nil {
		_ = m.Term()
		return pipeline.Job{}, false
	}
	var r rawMsg
	err = json.Unmarshal(m.Data(), &r)
	var a *news.Article
	if err == nil {
		a, err = store.DecodeRaw(r.ID, r.Raw)
	}
	if err != nil {
		w.giveUp(ctx, m, md, record{Seq: md.Sequence.Stream, Name: r.Name, ID: r.ID}, fmt.Errorf("unreadable raw article: %w", err))
		return pipeline.Job{}, false
	}
	name := r.Name
	if name == "" {
		name = r.ID
	}
	return pipeline.Job{Name: name, Article: a, Meta: m}, true
}

// handle publishes the record of j, or its failure, and acknowledges m.
func (w *Worker) handle(ctx context.Context, j pipeline.Job, m jetstream.Msg) {
	md, err := m.Metadata()
	if err != nil {
		_ = m.Nak()
		return
	}
	rec := record{Seq: md.Sequence.Stream, Name: j.Name}
	if j.Err != nil {
		if errors.Is(j.Err, pipeline.ErrBudget) && md.NumDelivered < uint64(w.q.opt.MaxDeliver) {
			// An overrun may be the machine's load, not the article:
			// another try, later.
			_ = m.NakWithDelay(time.Duration(md.NumDelivered) * 5 * time.Second)
			return
		}
		w.giveUp(ctx, m, md, rec, j.Err)
		return
	}
	a := j.Article
	rec.ID, rec.Hash = a.ID, w.opt.Hash(a)
	raw, err := store.EncodeRaw(a)
	if err == nil && raw != nil {
		rec.Raw = *raw
	}
	if err == nil {
		rec.Article, err = json.Marshal(a)
	}
	if err == nil {
		err = w.q.publishRecord(ctx, rec)
	}
	if err != nil {
		if ctx.Err() != nil {
			return // delivered again later
		}
		if md.NumDelivered < uint64(w.q.opt.MaxDeliver) {
			w.log.Warn("queue: publish record; trying again", slog.String("item", j.Name), slog.String("error", err.Error()))
			_ = m.NakWithDelay(time.Second)
			return
		}
		w.giveUp(ctx, m, md, record{Seq: rec.Seq, Name: rec.Name, ID: rec.ID}, err)
		return
	}
	// Acknowledged only now that the record is in its stream; a lost ack
	// brings the article again, and its record, published again under the
	// same message id, is dropped as a duplicate (or by the linker).
	if err := m.DoubleAck(ctx); err != nil {
		w.log.Debug("queue: ack", slog.String("item", j.Name), slog.String("error", err.Error()))
	}
	w.done(nil)
}

func (w *Worker) done(err error) {
	w.n.Add(1)
	if w.opt.Analysed != nil {
		w.opt.Analysed(err)
	}
}

// giveUp puts the raw article of m in the dead letters with err, tells the
// linker to pass over its sequence number, and terminates m.
func (w *Worker) giveUp(ctx context.Context, m jetstream.Msg, md *jetstream.MsgMetadata, rec record, cause error) {
	rec.Err = cause.Error()
	d := DeadLetter{Seq: rec.Seq, ID: rec.ID, Name: rec.Name, Err: rec.Err, Deliveries: md.NumDelivered}
	if err := w.q.bury(ctx, d); err != nil {
		_ = m.NakWithDelay(time.Second)
		return
	}
	if err := w.q.publishRecord(ctx, rec); err != nil {
		_ = m.NakWithDelay(time.Second)
		return
	}
	_ = m.TermWithReason(firstLine(rec.Err))
	w.done(cause)
}

// maxDeliveries handles the advisory of a raw article delivered
// MaxDeliver times without an outcome: it is buried and removed.
func (w *Worker) maxDeliveries(m *nats.Msg) {
	var adv struct {
		StreamSeq  uint64 `json:"stream_seq"`
		Deliveries uint64 `json:"deliveries"`
	}
	if err := json.Unmarshal(m.Data, &adv); err != nil || adv.StreamSeq == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rec := record{Seq: adv.StreamSeq}
	if raw, err := w.q.raw.GetMsg(ctx, adv.StreamSeq); err == nil {
		var r rawMsg
		if json.Unmarshal(raw.Data, &r) == nil {
			rec.ID, rec.Name = r.ID, r.Name
		}
	} else {
		return // handled already
	}
	rec.Err = fmt.Sprintf("delivered %d times without an outcome (the worker stopped or ran out of time on it each time)", adv.Deliveries)
	if err := w.q.bury(ctx, DeadLetter{Seq: rec.Seq, ID: rec.ID, Name: rec.Name, Err: rec.Err, Deliveries: adv.Deliveries}); err != nil {
		return
	}
	if err := w.q.publishRecord(ctx, rec); err != nil {
		return
	}
	_ = w.q.raw.DeleteMsg(ctx, adv.StreamSeq)
}

// publishRecord publishes rec and waits until its stream holds it.
func (q *Queue) publishRecord(ctx context.Context, rec record) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	_, err = q.js.Publish(ctx, q.recSubj, b, jetstream.WithMsgID("rec-"+strconv.FormatUint(rec.Seq, 10)), jetstream.WithExpectStream(q.recordsName))
	return err
}

func pause(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

func firstLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}
