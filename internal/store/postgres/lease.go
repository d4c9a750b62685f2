package postgres

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// leaseCheck is how often a Lease makes sure its connection is alive.
const leaseCheck = 5 * time.Second

// Lease is the exclusive right to a role among the processes that share
// the database (the linker, say: one active at a time, any of them taking
// over when it goes). It is a PostgreSQL session advisory lock held on a
// connection of its own, so it ends when its holder does: on Release, when
// the process exits, or when the connection breaks.
//
// When the connection breaks, Lost is closed within about 10 s, and the
// server lets the lock go about 25 s after it last heard from the holder
// (the lease asks the server for TCP keepalives of 10 s, 5 s, 3 tries), so
// a holder that watches Lost and stops has stopped before another process
// can hold the lease. It is no fencing token: a holder that stalls for
// longer than that while writing may write after another has taken over.
type Lease struct {
	name   string
	conn   *pgx.Conn
	lost   chan struct{}
	cancel context.CancelFunc
	done   chan struct{}
	once   sync.Once
	logger *slog.Logger
}

// Acquire waits until this process holds the lease called name, or ctx
// ends. The holder watches Lost and calls Release when done.
func (s *Store) Acquire(ctx context.Context, name string) (*Lease, error) {
	return s.acquire(ctx, name, leaseCheck)
}

func (s *Store) acquire(ctx context.Context, name string, every time.Duration) (*Lease, error) {
	cfg := s.pool.Config().ConnConfig.Copy()
	for k, v := range map[string]string{
		"tcp_keepalives_idle": "10", "tcp_keepalives_interval": "5", "tcp_keepalives_count": "3",
		"application_name": "khabar lease " + name,
	} {
		cfg.RuntimeParams[k] = v
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: acquire %q: %w", name, err)
	}
	// The two-key lock of migrations is apart: this one takes one key,
	// of the name and the schema, so that stores in other schemas of the
	// database (see the package doc) have leases of their own.
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(hashtextextended($1 || ' ' || current_schema(), 0))`, "khabar lease "+name); err != nil {
		conn.Close(context.Background())
		return nil, fmt.Errorf("postgres: acquire %q: %w", name, err)
	}
	watch, cancel := context.WithCancel(context.Background())
	l := &Lease{name: name, conn: conn, lost: make(chan struct{}), cancel: cancel, done: make(chan struct{}), logger: s.logger}
	go l.watch(watch, every)
	s.logger.Info("lease acquired", slog.String("lease", name))
	return l, nil
}

// watch pings the lease's connection every so often until ctx ends, and
// closes lost when a ping fails.
func (l *Lease) watch(ctx context.Context, every time.Duration) {
	defer close(l.done)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		pctx, cancel := context.WithTimeout(ctx, every)
		err := l.conn.Ping(pctx)
		cancel()
		if err != nil && ctx.Err() == nil {
			l.logger.Warn("lease lost", slog.String("lease", l.name), slog.String("error", err.Error()))
			l.once.Do(func() { close(l.lost) })
			return
		}
	}
}

// Lost is closed when the lease is lost because its connection broke. Its
// holder stops acting in its role at once.
func (l *Lease) Lost() <-chan struct{} { return l.lost }

// Release gives the lease up, so that another process may take it, and
// closes its connection.
func (l *Lease) Release(ctx context.Context) error {
	l.cancel()
	<-l.done
	l.once.Do(func() { close(l.lost) })
	// Closing the session ends the lock; unlocking first says so sooner
	// to a server that is slow to notice.
	_, err := l.conn.Exec(ctx, `SELECT pg_advisory_unlock(hashtextextended($1 || ' ' || current_schema(), 0))`, "khabar lease "+l.name)
	if cerr := l.conn.Close(ctx); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("postgres: release %q: %w", l.name, err)
	}
	return nil
}
