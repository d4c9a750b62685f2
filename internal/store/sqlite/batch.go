package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"khabar/internal/store"
)

// wtx is a write transaction that prepares each statement it runs once:
// a batch of articles runs the same few statements for every article, and
// preparing one costs about as much as running it. The statements are
// closed with the transaction.
type wtx struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// ents are the entity rows written in the transaction (id → the
	// row's values, see entityKey), for the store's entity cache once it
	// commits; known is that cache, nil for none.
	ents  map[string]string
	known *entityCache
}

func newWtx(tx *sql.Tx, known *entityCache) *wtx {
	return &wtx{tx: tx, stmts: map[string]*sql.Stmt{}, known: known}
}

// commit commits the transaction and then tells the entity cache what it
// wrote.
func (w *wtx) commit() error {
	if err := w.tx.Commit(); err != nil {
		return err
	}
	w.known.add(w.ents)
	return nil
}

// stmt returns the statement of q, prepared in the transaction once.
func (w *wtx) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	w.stmts[q] = st
	return st, nil
}

// exec runs q with args.
func (w *wtx) exec(ctx context.Context, q string, args ...any) error {
	st, err := w.stmt(ctx, q)
	if err != nil {
		return err
	}
	_, err = st.ExecContext(ctx, args...)
	return err
}

// PutLinkedBatch stores each item as PutLinked does, in order, all in one
// transaction: either every item is stored with its links or, on error,
// none is. An error that one item caused wraps a *store.ItemError naming
// it.
func (s *Store) PutLinkedBatch(ctx context.Context, items []store.LinkedItem) ([]store.Outcome, error) {
	out, err := s.putLinked(ctx, items)
	if err != nil {
		return nil, fmt.Errorf("sqlite: put batch: %w", err)
	}
	return out, nil
}

func (s *Store) putLinked(ctx context.Context, items []store.LinkedItem) ([]store.Outcome, error) {
	rows := make([]row, len(items))
	for i, it := range items {
		r, err := encode(Item{Article: it.Article, Hash: it.Hash})
		if err != nil {
			return nil, store.NewItemError(i, it, err)
		}
		rows[i] = r
	}
	out := make([]store.Outcome, len(items))
	if len(items) == 0 {
		return out, nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, full(err)
	}
	defer tx.Rollback()
	w := newWtx(tx, &s.ents)
	for i, it := range items {
		o, err := putRows(ctx, w, rows[i:i+1])
		if err == nil {
			err = applyLinked(ctx, w, it.Linked)
		}
		if err != nil {
			return nil, store.NewItemError(i, it, full(err))
		}
		out[i] = o[0]
	}
	if err := w.commit(); err != nil {
		return nil, full(err)
	}
	return out, nil
}
