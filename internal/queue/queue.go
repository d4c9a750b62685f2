// Package queue scales khabar out over NATS JetStream: fetch and ingest
// publish raw articles to a stream (Publisher), any number of workers pull
// them, run the analysis pipeline and publish the analysed records to a
// second stream (Worker), and one linker at a time (Linker, with failover
// through a lease) takes the records in the order the raw articles were
// published, assigns copies, groups and stories, and writes them to the
// store.
//
// Delivery is at least once and the effect exactly once: a message is
// acknowledged only after what it caused is durable (the record published,
// or the article stored), the store is idempotent on article id and
// content hash, and the linker keeps the sequence number of the last raw
// article it linked in the store, in the same transaction as the articles,
// so a record delivered again is recognised and dropped. Messages that keep
// failing go to a dead-letter stream with their error (DeadLetters) and
// are not retried forever.
//
// Streams, for a prefix P (default KHABAR): P_RAW (subject p.raw, a work
// queue), P_RECORDS (p.records, a work queue) and P_DEAD (p.dead, the
// latest dead letters, bounded).
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

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"khabar/internal/news"
	"khabar/internal/store"
)

// Options configure a Queue. The zero value uses the defaults.
type Options struct {
	// Prefix names the streams (Prefix_RAW, …) and, in lower case, their
	// subjects; default "KHABAR". Deployments that share a NATS server
	// give each store its own.
	Prefix string
	// MaxDeliver is how many times a message is delivered before it is
	// given up as dead; default 5.
	MaxDeliver int
	// AckWait is how long a consumer may hold a message before it is
	// delivered again to another; default 60 s (well above the
	// pipeline's per-article budget).
	AckWait time.Duration
	// MaxAckPending bounds the raw articles handed to workers and not yet
	// acknowledged, across all workers: a slow store or pipeline stops
	// the deliveries rather than growing anyone's memory; default 256.
	MaxAckPending int
	// DeadMax is how many dead letters the dead-letter stream keeps (the
	// oldest go first); default 10,000.
	DeadMax int64
	Logger  *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.Prefix == "" {
		o.Prefix = "KHABAR"
	}
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = 5
	}
	if o.AckWait <= 0 {
		o.AckWait = time.Minute
	}
	if o.MaxAckPending <= 0 {
		o.MaxAckPending = 256
	}
	if o.DeadMax <= 0 {
		o.DeadMax = 10000
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

// Queue is a connection to the streams of one store. It is safe for
// concurrent use.
type Queue struct {
	opt                  Options
	nc                   *nats.Conn
	js                   jetstream.JetStream
	raw, records, dead   jetstream.Stream
	rawSubj, recSubj     string
	deadSubj             string
	rawName, recordsName string
}

// Consumer names.
const (
	workersConsumer = "workers"
	linkerConsumer  = "linker"
)

// Open connects to the NATS server at url (nats://host:port, several
// separated by commas) and makes the streams when they do not exist.
func Open(ctx context.Context, url string, opt Options) (*Queue, error) {
	opt = opt.withDefaults()
	if !strings.HasPrefix(url, "nats://") && !strings.HasPrefix(url, "tls://") {
		return nil, fmt.Errorf("queue: %q is not a nats:// URL", url)
	}
	nc, err := nats.Connect(url, nats.Name("khabar"), nats.MaxReconnects(-1), nats.RetryOnFailedConnect(false))
	if err != nil {
		return nil, fmt.Errorf("queue: connect: %w", err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: %w", err)
	}
	p, subj := opt.Prefix, strings.ToLower(opt.Prefix)
	q := &Queue{opt: opt, nc: nc, js: js,
		rawName: p + "_RAW", recordsName: p + "_RECORDS",
		rawSubj: subj + ".raw", recSubj: subj + ".records", deadSubj: subj + ".dead"}
	mk := func(cfg jetstream.StreamConfig) (jetstream.Stream, error) {
		s, err := js.CreateOrUpdateStream(ctx, cfg)
		if err != nil {
			return nil, fmt.Errorf("queue: stream %s: %w", cfg.Name, err)
		}
		return s, nil
	}
	if q.raw, err = mk(jetstream.StreamConfig{Name: q.rawName, Subjects: []string{q.rawSubj},
		Retention: jetstream.WorkQueuePolicy, Storage: jetstream.FileStorage, Duplicates: 10 * time.Minute,
		Description: "khabar: raw articles waiting for analysis"}); err != nil {
		nc.Close()
		return nil, err
	}
	if q.records, err = mk(jetstream.StreamConfig{Name: q.recordsName, Subjects: []string{q.recSubj},
		Retention: jetstream.WorkQueuePolicy, Storage: jetstream.FileStorage, Duplicates: 10 * time.Minute,
		Description: "khabar: analysed articles waiting for the linker"}); err != nil {
		nc.Close()
		return nil, err
	}
	if q.dead, err = mk(jetstream.StreamConfig{Name: p + "_DEAD", Subjects: []string{q.deadSubj},
		Retention: jetstream.LimitsPolicy, Storage: jetstream.FileStorage, MaxMsgs: opt.DeadMax,
		Discard: jetstream.DiscardOld, Duplicates: 10 * time.Minute,
		Description: "khabar: raw articles given up, with their error"}); err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

// Close drains and closes the connection.
func (q *Queue) Close() error {
	if err := q.nc.Drain(); err != nil {
		q.nc.Close()
		return err
	}
	// Drain returns at once; wait for it, briefly.
	for i := 0; i < 200 && !q.nc.IsClosed(); i++ {
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}

// rawMsg is a raw article on the queue.
type rawMsg struct {
	ID   string          `json:"id"`
	Name string          `json:"name,omitempty"`
	Raw  store.RawRecord `json:"raw"`
}

// Publisher puts raw articles on the queue.
type Publisher struct {
	q *Queue
	// hash is the source content hash of an article, for the message id.
	hash func(*news.Article) string
}

// Publisher returns a Publisher; hash is the source content hash (it and
// the article id make the message id JetStream drops duplicates by).
func (q *Queue) Publisher(hash func(*news.Article) string) *Publisher {
	return &Publisher{q: q, hash: hash}
}

// ErrNoRaw is returned by Publish for an article with no raw input.
var ErrNoRaw = errors.New("queue: article has no raw input")

// Publish puts a's raw input on the queue under the item name name and
// waits until the stream holds it. dup reports that the stream had it
// already (the same id and content, published recently).
func (p *Publisher) Publish(ctx context.Context, name string, a *news.Article) (dup bool, err error) {
	if a == nil || a.ID == "" {
		return false, errors.New("queue: publish: article without id")
	}
	rec, err := store.EncodeRaw(a)
	if err != nil {
		return false, fmt.Errorf("queue: publish %s: %w", a.ID, err)
	}
	if rec == nil {
		return false, fmt.Errorf("%w: %s", ErrNoRaw, a.ID)
	}
	b, err := json.Marshal(rawMsg{ID: a.ID, Name: name, Raw: *rec})
	if err != nil {
		return false, fmt.Errorf("queue: publish %s: %w", a.ID, err)
	}
	ack, err := p.q.js.Publish(ctx, p.q.rawSubj, b, jetstream.WithMsgID(a.ID+":"+p.hash(a)), jetstream.WithExpectStream(p.q.rawName))
	if err != nil {
		return false, fmt.Errorf("queue: publish %s: %w", a.ID, err)
	}
	return ack.Duplicate, nil
}

// Stats are the queue's depths.
type Stats struct {
	// Raw is the raw articles not yet analysed (waiting or in flight),
	// Records the analysed ones not yet linked, Dead the dead letters
	// kept.
	Raw, Records, Dead uint64
	// Published is the sequence number of the latest raw article.
	Published uint64
}

// Stats returns the depths of the streams.
func (q *Queue) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	for _, x := range []struct {
		st jetstream.Stream
		n  *uint64
	}{{q.raw, &s.Raw}, {q.records, &s.Records}, {q.dead, &s.Dead}} {
		info, err := x.st.Info(ctx)
		if err != nil {
			return s, fmt.Errorf("queue: stats: %w", err)
		}
		*x.n = info.State.Msgs
		if x.st == q.raw {
			s.Published = info.State.LastSeq
		}
	}
	return s, nil
}

// DeadLetter is a raw article given up, and why.
type DeadLetter struct {
	// Seq is the raw article's sequence number on the queue.
	Seq  uint64    `json:"seq"`
	ID   string    `json:"id,omitempty"`
	Name string    `json:"name,omitempty"`
	URL  string    `json:"url,omitempty"`
	Err  string    `json:"error"`
	Time time.Time `json:"time"`
	// Deliveries is how many times it was delivered.
	Deliveries uint64 `json:"deliveries"`
}

// DeadLetters returns the total number of dead letters kept and the latest
// limit of them, newest first.
func (q *Queue) DeadLetters(ctx context.Context, limit int) (int, []DeadLetter, error) {
	info, err := q.dead.Info(ctx)
	if err != nil {
		return 0, nil, fmt.Errorf("queue: dead letters: %w", err)
	}
	var out []DeadLetter
	for seq := info.State.LastSeq; seq >= info.State.FirstSeq && seq > 0 && len(out) < limit; seq-- {
		m, err := q.dead.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return 0, nil, fmt.Errorf("queue: dead letters: %w", err)
		}
		var d DeadLetter
		if err := json.Unmarshal(m.Data, &d); err != nil {
			d = DeadLetter{Seq: seq, Err: "unreadable dead letter: " + err.Error()}
		}
		out = append(out, d)
	}
	return int(info.State.Msgs), out, nil
}

// bury publishes d to the dead-letter stream (once per raw sequence
// number).
func (q *Queue) bury(ctx context.Context, d DeadLetter) error {
	if d.Time.IsZero() {
		d.Time = time.Now().UTC()
	}
	b, err := json.Marshal(d)
	if err != nil {
		return err
	}
	if _, err := q.js.Publish(ctx, q.deadSubj, b, jetstream.WithMsgID("dead-"+strconv.FormatUint(d.Seq, 10))); err != nil {
		return fmt.Errorf("queue: dead letter %d: %w", d.Seq, err)
	}
	q.opt.Logger.Warn("dead letter", slog.Uint64("seq", d.Seq), slog.String("item", d.Name), slog.String("error", d.Err))
	return nil
}
