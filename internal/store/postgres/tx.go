package postgres

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"khabar/internal/news"
)

// tries is how many times inTx runs a transaction that PostgreSQL aborts
// to break a deadlock or a serialization conflict.
const tries = 4

// inTx runs fn in a transaction and commits it, or rolls it back when fn
// fails. Processes that write the same rows in different orders (a batch
// of articles, say) may deadlock; PostgreSQL then aborts one of them, and
// inTx runs it again, so fn must do the whole of its work each time.
func (s *Store) inTx(ctx context.Context, fn func(pgx.Tx) error) error {
	for try := 1; ; try++ {
		err := pgx.BeginFunc(ctx, s.pool, fn)
		if err == nil || try == tries || !retryable(err) {
			return full(err)
		}
		s.logger.Debug("transaction aborted by the database; running it again",
			slog.Int("try", try), slog.String("error", err.Error()))
		// A pause of random length lets the other transaction finish
		// before this one takes its first locks again.
		pause := time.NewTimer(time.Duration(1+rand.IntN(10*try)) * time.Millisecond)
		select {
		case <-ctx.Done():
			pause.Stop()
			return full(err)
		case <-pause.C:
		}
	}
}

// retryable reports whether err is PostgreSQL breaking a deadlock or a
// serialization conflict, after which the transaction can be run again.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40P01", // deadlock_detected
		"40001": // serialization_failure
		return true
	}
	return false
}

// full wraps err with news.ErrDiskFull when PostgreSQL could not write
// because its disk is full (disk_full, 53100).
func full(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "53100" && !errors.Is(err, news.ErrDiskFull) {
		return fmt.Errorf("%w: %w", news.ErrDiskFull, err)
	}
	return err
}
