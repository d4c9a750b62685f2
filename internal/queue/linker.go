package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"khabar/internal/link"
	"khabar/internal/news"
	"khabar/internal/store"
)

// stateSeq names the linker's place in the raw stream in the store's link
// state: the stream's creation time and the sequence number of the last
// raw article linked, written in the transaction of the articles.
const stateSeq = "queue.linked"

// leaseName is the lease a linker holds while active.
const leaseName = "linker"

// Lease is the exclusive right to link (see postgres.Lease).
type Lease interface {
	// Lost is closed when the lease is lost; its holder stops at once.
	Lost() <-chan struct{}
	Release(ctx context.Context) error
}

// Acquirer waits until this process holds the lease called name.
type Acquirer func(ctx context.Context, name string) (Lease, error)

// Index is the search index the linker keeps in step, when there is one.
type Index interface {
	Index(ctx context.Context, arts []*news.Article) error
}

// LinkerOptions configure a Linker.
type LinkerOptions struct {
	Store store.Store
	// Acquire, when set, makes the linker wait for a lease before it
	// links, and stop when the lease is lost: one linker at a time among
	// the processes sharing the store. Without it the caller makes sure
	// only one runs.
	Acquire Acquirer
	// Index, when set, is given every article stored (new or updated).
	Index Index
	Link  link.Options
	// Batch is the most records written in one transaction; default 256.
	Batch int
	// Stored, when set, is called for every record linked: the outcome of
	// its article, or its error for a record of a failed article.
	Stored func(o store.Outcome, err error)
	// Buried, when set, is called for every dead letter the linker itself
	// writes (a record it cannot read, an article the store refuses); the
	// workers' dead letters are theirs to count.
	Buried func(DeadLetter)
	Logger *slog.Logger
}

// bury puts d in the dead letters and tells Buried.
func (l *Linker) bury(ctx context.Context, d DeadLetter) error {
	if err := l.q.bury(ctx, d); err != nil {
		return err
	}
	if l.opt.Buried != nil {
		l.opt.Buried(d)
	}
	return nil
}

// Linker takes the analysed records in the order their raw articles were
// published, links them and stores them.
type Linker struct {
	q   *Queue
	opt LinkerOptions
	log *slog.Logger
}

// Linker returns a linker on q.
func (q *Queue) Linker(opt LinkerOptions) (*Linker, error) {
	if opt.Store == nil {
		return nil, errors.New("queue: linker: store is required")
	}
	if opt.Batch <= 0 {
		opt.Batch = 256
	}
	log := opt.Logger
	if log == nil {
		log = q.opt.Logger
	}
	if opt.Link.Logger == nil {
		opt.Link.Logger = log
	}
	return &Linker{q: q, opt: opt, log: log}, nil
}

// ErrLeaseLost ends a linker's turn when its lease is lost.
var ErrLeaseLost = errors.New("queue: linker lease lost")

// Run links until ctx ends (then it returns nil). With a lease it first
// waits to hold it; when the lease is lost it stops linking, waits for the
// lease again and takes over from what the store holds.
func (l *Linker) Run(ctx context.Context) error {
	for ctx.Err() == nil {
		var lease Lease
		lctx := ctx
		if l.opt.Acquire != nil {
			l.log.Info("linker waiting for the lease")
			var err error
			lease, err = l.opt.Acquire(ctx, leaseName)
			if err != nil {
				if ctx.Err() != nil {
					return nil
				}
				l.log.Warn("linker: lease", slog.String("error", err.Error()))
				pause(ctx, 2*time.Second)
				continue
			}
			var cancel context.CancelFunc
			lctx, cancel = context.WithCancel(ctx)
			go func() {
				select {
				case <-lease.Lost():
				case <-lctx.Done():
				}
				cancel()
			}()
			l.log.Info("linker active")
		}
		err := l.turn(lctx)
		if lease != nil {
			rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			_ = lease.Release(rctx)
			cancel()
		}
		if ctx.Err() != nil {
			return nil
		}
		if err != nil && l.opt.Acquire == nil {
			return err
		}
		if err != nil {
			l.log.Warn("linker stopped; taking the lease again", slog.String("error", err.Error()))
			pause(ctx, time.Second)
		}
	}
	return nil
}

// held is a record waiting for its turn, with its message.
type held struct {
	rec record
	msg jetstream.Msg
	a   *news.Article
}

// turn links while ctx lasts: one active linker's work.
func (l *Linker) turn(ctx context.Context) error {
	info, err := l.q.raw.Info(ctx)
	if err != nil {
		return fmt.Errorf("queue: linker: %w", err)
	}
	epoch := strconv.FormatInt(info.Created.UnixNano(), 10)
	next, err := l.loadSeq(ctx, epoch)
	if err != nil {
		return err
	}
	lk, err := link.Load(ctx, l.opt.Store, l.opt.Link)
	if err != nil {
		return fmt.Errorf("queue: linker: %w", err)
	}
	cons, err := l.q.records.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:   linkerConsumer,
		AckPolicy: jetstream.AckExplicitPolicy,
		AckWait:   l.q.opt.AckWait,
		// The records of workers that ran ahead wait here for an earlier
		// one: allow many in flight, but not unbounded.
		MaxAckPending: 8 * l.q.opt.MaxAckPending,
		FilterSubject: l.q.recSubj,
	})
	if err != nil {
		return fmt.Errorf("queue: linker: consumer: %w", err)
	}
	l.log.Info("linker starts", slog.Uint64("next_seq", next))
	pending := map[uint64]*held{}
	idle := time.Now()
	for ctx.Err() == nil {
		batch, err := cons.Fetch(l.opt.Batch, jetstream.FetchMaxWait(300*time.Millisecond))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			return fmt.Errorf("queue: linker: fetch: %w", err)
		}
		for m := range batch.Messages() {
			// The article is read in its turn (linkReady): records held
			// meanwhile stay compact.
			var rec record
			if err := json.Unmarshal(m.Data(), &rec); err != nil || rec.Seq == 0 {
				l.log.Error("linker: unreadable record; dropped", slog.String("error", fmt.Sprint(err)))
				_ = m.Term()
				continue
			}
			if rec.Seq < next {
				_ = m.Ack() // linked before: a record delivered again
				continue
			}
			if old, ok := pending[rec.Seq]; ok {
				_ = old.msg.Ack() // the same record twice
			}
			rec.Article, rec.Raw = nil, store.RawRecord{}
			pending[rec.Seq] = &held{rec: rec, msg: m}
		}
		n, err := l.linkReady(ctx, lk, pending, &next, epoch)
		if err != nil {
			return err
		}
		if n > 0 || len(pending) == 0 {
			idle = time.Now()
			continue
		}
		// Records are held but not the next one: keep them from being
		// delivered again meanwhile, and after a while check whether
		// the next one will ever come.
		for _, h := range pending {
			_ = h.msg.InProgress()
		}
		if time.Since(idle) > 2*time.Second {
			gone, err := l.gone(ctx, cons, next, len(pending))
			if err != nil {
				return err
			}
			if gone {
				l.log.Warn("linker: raw article left the queue without a record; passing over it", slog.Uint64("seq", next))
				next++
				if err := l.opt.Store.ApplyLinked(ctx, store.Linked{State: map[string][]byte{stateSeq: seqState(epoch, next-1)}}); err != nil {
					return fmt.Errorf("queue: linker: %w", err)
				}
			}
			idle = time.Now()
		}
	}
	return ctx.Err()
}

// gone reports whether no record for the raw sequence number seq will
// come: it is not in the raw stream (so it was handled, its record
// published before), and no record is waiting for the linker beyond the
// ones it holds.
func (l *Linker) gone(ctx context.Context, cons jetstream.Consumer, seq uint64, holding int) (bool, error) {
	info, err := l.q.raw.Info(ctx)
	if err != nil {
		return false, fmt.Errorf("queue: linker: %w", err)
	}
	if info.State.LastSeq < seq {
		return false, nil // not published yet
	}
	if _, err := l.q.raw.GetMsg(ctx, seq); err == nil {
		return false, nil // still to be analysed
	} else if !errors.Is(err, jetstream.ErrMsgNotFound) {
		return false, fmt.Errorf("queue: linker: %w", err)
	}
	ci, err := cons.Info(ctx)
	if err != nil {
		return false, fmt.Errorf("queue: linker: %w", err)
	}
	return ci.NumPending == 0 && ci.NumAckPending <= holding, nil
}

// loadSeq returns the sequence number of the next raw article to link.
func (l *Linker) loadSeq(ctx context.Context, epoch string) (uint64, error) {
	b, err := l.opt.Store.State(ctx, stateSeq)
	if err != nil {
		return 0, fmt.Errorf("queue: linker: %w", err)
	}
	if len(b) == 0 {
		return 1, nil
	}
	e, s, ok := strings.Cut(string(b), " ")
	n, err := strconv.ParseUint(s, 10, 64)
	if !ok || err != nil || e != epoch {
		l.log.Warn("linker: the raw stream is not the one this store was linked from; starting at its beginning",
			slog.String("state", string(b)))
		return 1, nil
	}
	return n + 1, nil
}

func seqState(epoch string, seq uint64) []byte {
	return []byte(epoch + " " + strconv.FormatUint(seq, 10))
}

// linkReady links the held records that follow next without a gap, in
// batches, and returns how many it linked.
func (l *Linker) linkReady(ctx context.Context, lk *link.Linker, pending map[uint64]*held, next *uint64, epoch string) (int, error) {
	total := 0
	for {
		var batch []*held
		ids := map[string]bool{}
		for seq := *next; len(batch) < l.opt.Batch; seq++ {
			h, ok := pending[seq]
			if !ok {
				break
			}
			if h.rec.Err == "" && h.a == nil {
				_, a, err := parseRecord(h.msg.Data())
				if err != nil {
					// A record no worker should have sent: given up here.
					h.rec.Err = err.Error()
					if berr := l.bury(ctx, DeadLetter{Seq: h.rec.Seq, ID: h.rec.ID, Name: h.rec.Name, Err: h.rec.Err}); berr != nil {
						return total, berr
					}
				}
				h.a = a
			}
			if h.a != nil {
				// One article twice in a batch is written in two.
				if ids[h.a.ID] {
					break
				}
				ids[h.a.ID] = true
			}
			batch = append(batch, h)
		}
		if len(batch) == 0 {
			return total, nil
		}
		if err := l.write(ctx, lk, batch, epoch); err != nil {
			return total, err
		}
		for _, h := range batch {
			delete(pending, h.rec.Seq)
			_ = h.msg.Ack()
		}
		*next += uint64(len(batch))
		total += len(batch)
	}
}

// write links the batch's articles and stores them with their links and
// the linker's state, in one transaction. When the store refuses the
// batch, the linker's state is loaded again and the articles are linked
// and stored one by one, so that only the one refused is given up.
func (l *Linker) write(ctx context.Context, lk *link.Linker, batch []*held, epoch string) error {
	last := batch[len(batch)-1].rec.Seq
	var items []store.LinkedItem
	for _, h := range batch {
		if h.a == nil {
			continue
		}
		items = append(items, store.LinkedItem{Article: h.a, Hash: h.rec.Hash, Linked: lk.Link(h.a)})
	}
	state := store.Linked{State: lk.State()}
	state.State[stateSeq] = seqState(epoch, last)
	var (
		outs []store.Outcome
		err  error
	)
	if len(items) == 0 {
		err = l.opt.Store.ApplyLinked(ctx, state)
	} else {
		items[len(items)-1].Linked = link.Merge(items[len(items)-1].Linked, state)
		outs, err = l.opt.Store.PutLinkedBatch(ctx, items)
	}
	if err == nil {
		l.stored(ctx, batch, outs)
		return nil
	}
	if ctx.Err() != nil {
		return err
	}
	// One article the store refuses fails the batch: link and store
	// them one by one, from the state the store holds.
	l.log.Warn("linker: batch refused; storing its articles one by one", slog.String("error", err.Error()))
	if lk2, lerr := link.Load(ctx, l.opt.Store, l.opt.Link); lerr != nil {
		return fmt.Errorf("queue: linker: %w", lerr)
	} else {
		*lk = *lk2
	}
	outs = make([]store.Outcome, len(batch))
	for i, h := range batch {
		if h.a == nil {
			continue
		}
		ld := lk.Link(h.a)
		if ld.State == nil {
			ld.State = map[string][]byte{}
		}
		ld.State[stateSeq] = seqState(epoch, h.rec.Seq)
		o, err := l.opt.Store.PutLinked(ctx, h.a, h.rec.Hash, ld)
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, news.ErrDiskFull) {
				return fmt.Errorf("queue: linker: store: %w", err)
			}
			lk.Forget(h.a.ID)
			h.rec.Err = "store: " + err.Error()
			h.a = nil
			if berr := l.bury(ctx, DeadLetter{Seq: h.rec.Seq, ID: h.rec.ID, Name: h.rec.Name, Err: h.rec.Err}); berr != nil {
				return berr
			}
			if err := l.opt.Store.ApplyLinked(ctx, store.Linked{State: map[string][]byte{stateSeq: seqState(epoch, h.rec.Seq)}}); err != nil {
				return fmt.Errorf("queue: linker: %w", err)
			}
			continue
		}
		outs[i] = o
	}
	if err := l.opt.Store.ApplyLinked(ctx, store.Linked{State: lk.State()}); err != nil {
		return fmt.Errorf("queue: linker: %w", err)
	}
	var arts []store.Outcome
	for i, h := range batch {
		if h.a != nil {
			arts = append(arts, outs[i])
		}
	}
	l.stored(ctx, batch, arts)
	return nil
}

// stored indexes the articles written and reports every record; outs has
// one outcome per article of batch (records with an error have none).
func (l *Linker) stored(ctx context.Context, batch []*held, outs []store.Outcome) {
	var changed []*news.Article
	i := 0
	for _, h := range batch {
		if h.a == nil {
			if l.opt.Stored != nil {
				l.opt.Stored(store.Unchanged, errors.New(h.rec.Err))
			}
			continue
		}
		o := outs[i]
		i++
		if o != store.Unchanged {
			changed = append(changed, h.a)
		}
		if l.opt.Stored != nil {
			l.opt.Stored(o, nil)
		}
	}
	if l.opt.Index == nil || len(changed) == 0 {
		return
	}
	if err := l.opt.Index.Index(ctx, changed); err != nil {
		l.log.Warn("linker: index; the articles stay pending for the index", slog.String("error", err.Error()))
		return
	}
	ids := make([]string, len(changed))
	for i, a := range changed {
		ids[i] = a.ID
	}
	if err := l.opt.Store.MarkIndexed(ctx, ids); err != nil {
		l.log.Warn("linker: mark indexed", slog.String("error", err.Error()))
	}
}

// article returns the analysed article of r with its raw input, or why
// it cannot.
func (r *record) article() (*news.Article, error) {
	a := new(news.Article)
	if err := json.Unmarshal(r.Article, a); err != nil {
		return nil, fmt.Errorf("unreadable record %d: %w", r.Seq, err)
	}
	if r.ID == "" || a.ID != r.ID {
		return nil, fmt.Errorf("record %d: article id %q, want %q", r.Seq, a.ID, r.ID)
	}
	if len(r.Raw.Body) > 0 {
		raw, err := store.DecodeRaw(a.ID, r.Raw)
		if err != nil {
			return nil, fmt.Errorf("record %d: raw input: %w", r.Seq, err)
		}
		a.Raw = raw.Raw
	}
	return a, nil
}

// parseRecord reads a record message.
func parseRecord(b []byte) (record, *news.Article, error) {
	var r record
	if err := json.Unmarshal(b, &r); err != nil {
		return r, nil, fmt.Errorf("unreadable record: %w", err)
	}
	if r.Seq == 0 {
		return r, nil, errors.New("record without a sequence number")
	}
	if r.Err != "" {
		return r, nil, nil
	}
	a, err := r.article()
	return r, a, err
}
